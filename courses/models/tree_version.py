"""A number every process can read to tell whether what it keeps of the page tree is current."""

from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

ROW = 1
# Only bounds how long an entry of a version nobody reads any more stays in the cache.
KEEP_SECONDS = 600


class TreeVersionManager(models.Manager):
    def current(self):
        """The version now: one small query. 0 before the first change."""
        return self.filter(pk=ROW).values_list("number", flat=True).first() or 0

    def bump(self):
        """A new version, in the caller's transaction: it counts once the change commits."""
        if not self.filter(pk=ROW).update(number=F("number") + 1):
            try:
                with transaction.atomic():
                    self.create(pk=ROW, number=1)
            except IntegrityError:  # another process made the row first
                self.filter(pk=ROW).update(number=F("number") + 1)


class TreeVersion(models.Model):
    """Grows by one with every saved, moved or deleted page, site or locale: what routing reads
    (courses/serving.py keys what it keeps on it, so a change made in one process is seen by
    every other on its next request, with or without a shared cache)."""

    number = models.BigIntegerField(_("number"), default=0)

    objects = TreeVersionManager()

    class Meta:
        verbose_name = _("page tree version")

    def __str__(self):
        return str(self.number)


def kept_for_tree(request, name, find, seconds=KEEP_SECONDS):
    """``find()``, kept in the cache for this version of the page tree when the request is
    one courses/serving.py serves (it sets ``request.tree_version``): for what is read from
    pages alone and is the same for everyone. ``name`` says what it is, and for which page
    and site. A preview (served by the admin, with a draft's content) is never kept."""
    version = getattr(request, "tree_version", None)
    if version is None:
        return find()
    key = f"courses.tree.{version}.{name}"
    found = cache.get(key)
    if found is None:
        found = find()
        cache.set(key, found, seconds)
    return found
