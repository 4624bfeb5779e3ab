"""A number every process can read to tell whether what it keeps of the page tree is current."""

import pickle
import time

from django.core.cache import cache
from django.db import IntegrityError, connections, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

ROW = 1
# Only bounds how long an entry of a version nobody reads any more stays in the cache.
KEEP_SECONDS = 600
# Each process also keeps its own copy of what it has read (see kept()): this many entries,
# each at most this long.
LOCAL_ENTRIES = 512
LOCAL_SECONDS = 60

_local = {}


class TreeVersionManager(models.Manager):
    def current(self):
        """The version now: one small query, read on every page (so written out once rather
        than built through the ORM each time). 0 before the first change."""
        connection = connections[self.db]
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number FROM {table} WHERE id = %s", [ROW])  # noqa: S608 - our table's name
            row = cursor.fetchone()
        return row[0] if row else 0

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
    return kept(f"courses.tree.{version}.{name}", find, seconds)


def kept(key, find, seconds=KEEP_SECONDS, worth_keeping=None):
    """``find()`` kept under ``key``, a key that names the page tree's version: in this
    process, then in the shared cache, else found and kept in both (unless it is None or
    ``worth_keeping(found)`` says no).

    What such a key holds never changes, so a process need not ask Redis again for what it
    has read once; each process keeps a copy as the cache does, pickled, so every request
    gets objects of its own (nothing one request sets on them reaches another). A copy lives
    at most ``LOCAL_SECONDS`` and half of ``seconds`` (so the HTML of a module body, kept for
    half the life of its signed media links, is thrown away well before they expire), and
    the whole copy is dropped when it holds ``LOCAL_ENTRIES``: keys of past versions are
    never asked for again."""
    now = time.monotonic()
    local = _local.get(key)
    if local is not None and local[0] > now:
        return pickle.loads(local[1])  # noqa: S301 - pickled by this process, below
    found = cache.get(key)
    if found is None:
        found = find()
        if found is None or (worth_keeping is not None and not worth_keeping(found)):
            return found
        cache.set(key, found, seconds)
    if len(_local) >= LOCAL_ENTRIES:
        _local.clear()
    _local[key] = (now + min(LOCAL_SECONDS, seconds / 2), pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
    return found


def forget_kept():
    """Drop this process's copies (the shared cache is cleared on its own)."""
    _local.clear()
