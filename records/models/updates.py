"""Recertification after a material change: a module re-opened for a person whose valid
completion covers an older version of it. Finishing every open update of a completion
brings it up to the new version (a new completion and certificate; the old one is
superseded, not revoked)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModuleUpdateQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at__isnull=True)

    def awaiting(self):
        """Open, of a completion neither revoked nor superseded (``pending`` without the
        day: for compiled queries, which must not hold a date; check the expiry after)."""
        return self.open().filter(completion__revoked_at__isnull=True, completion__superseded_at__isnull=True)

    def pending(self, on=None):
        """Open, of a completion that still stands and is valid on the day (not revoked,
        superseded or expired): what the person still has to do. An update of a completion
        that lapsed or was revoked is moot: the whole course is due again."""
        on = on or timezone.localdate()
        return self.awaiting().filter(
            models.Q(completion__valid_until__isnull=True) | models.Q(completion__valid_until__gte=on)
        )

    def for_enrolments(self, pairs):
        """The pending updates of ``pairs`` ((user id, course code) tuples), in one query,
        as {(user id, course code): [updates, by module title]}."""
        pairs = set(pairs)
        if not pairs:
            return {}
        rows = self.pending().filter(
            user_id__in={user for user, _code in pairs}, course_code__in={code for _user, code in pairs}
        )
        found = {}
        for update in rows.order_by("module_title", "pk"):
            if (update.user_id, update.course_code) in pairs:
                found.setdefault((update.user_id, update.course_code), []).append(update)
        return found


class ModuleUpdate(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="module_updates"
    )
    course_code = models.CharField(_("course code"), max_length=32)
    # The completion this update brings up to date.
    completion = models.ForeignKey(
        "records.CourseCompletion", on_delete=models.PROTECT, related_name="module_updates"
    )
    module_key = models.UUIDField(_("module key"))
    module_title = models.CharField(_("module title"), max_length=255)
    # The version to reach; a second material change before the first is done moves it on.
    version = models.PositiveIntegerField(_("version"))
    summary = models.TextField(_("what changed"), blank=True)
    opened_at = models.DateTimeField(_("re-opened at"), default=timezone.now)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = models.Manager.from_queryset(ModuleUpdateQuerySet)()

    class Meta:
        ordering = ["opened_at", "pk"]
        verbose_name = _("module update")
        verbose_name_plural = _("module updates")
        constraints = [
            models.UniqueConstraint(
                fields=["completion", "module_key"], name="records_module_update_once_per_completion"
            )
        ]
        indexes = [models.Index(fields=["user", "course_code", "completed_at"], name="records_update_open")]

    def __str__(self):
        return f"{self.user} – {self.module_title} v{self.version}"
