"""Tombstones: records that left a client's view, so its copy can be deleted.

A record leaves an HR system's view in two ways that the feeds alone cannot show, because
the row is then simply no longer in them:

- ``erased``: the person's personal data was erased (records.privacy). Every client that
  could see the person is told to delete their records.
- ``left_scope``: the person moved out of the departments a department-limited client may
  read. Only clients that saw them before the move and not after are told.

A tombstone is stamped by the sync clock like the records themselves, so the tombstone feed
pages and resumes exactly as the completion and enrolment feeds do. Who may see which
tombstone is one rule: ``api.records.visible_tombstones_filter``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from records.models.sync import StampedModel, SyncStampField


class Tombstone(StampedModel):
    class RecordType(models.TextChoices):
        COMPLETION = "completion", _("Completion")
        ENROLMENT = "enrolment", _("Enrolment")

    class Reason(models.TextChoices):
        ERASED = "erased", _("The person's personal data was erased")
        LEFT_SCOPE = "left_scope", _("The person moved out of the client's departments")

    record_type = models.CharField(_("record type"), max_length=20, choices=RecordType.choices)
    record_id = models.BigIntegerField(_("record ID"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    # Erased: the department the person was in. Left scope: the department they left.
    department = models.ForeignKey(
        "people.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    # Left scope: the department they moved to (none: no department).
    to_department = models.ForeignKey(
        "people.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moved to department"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = SyncStampField(_("updated at"))

    class Meta:
        verbose_name = _("tombstone")
        verbose_name_plural = _("tombstones")
        # The feed's order, as on the records' tables.
        indexes = [models.Index(fields=["updated_at", "id"], name="api_tombstone_sync")]

    def __str__(self):
        return f"{self.record_type} {self.record_id} ({self.reason})"
