"""Versions of a module, as policy: an editor marks a published change as *material* (what
people were trained on changed) with a short summary, and the module moves to the next
version. Typo fixes are not material and keep the version. Keyed by the module's
translation key, so a module and its translations share their versions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModuleVersionQuerySet(models.QuerySet):
    def current_numbers(self, keys):
        """{module key: its current version} for ``keys``, in one query. A module with no
        version recorded (published before versions were kept) is at version 1."""
        keys = list(keys)
        latest = dict(
            self.filter(module_key__in=keys)
            .values("module_key")
            .annotate(latest=models.Max("number"))
            .values_list("module_key", "latest")
        )
        return {key: latest.get(key, 1) for key in keys}


class ModuleVersion(models.Model):
    module_key = models.UUIDField(_("module key"), db_index=True)
    course_code = models.CharField(_("course code"), max_length=32, db_index=True)
    # 1 is the module as first published; each material change adds the next number.
    number = models.PositiveIntegerField(_("version"))
    summary = models.TextField(_("what changed"), blank=True)
    module = models.ForeignKey("courses.ModulePage", on_delete=models.SET_NULL, null=True, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = models.Manager.from_queryset(ModuleVersionQuerySet)()

    class Meta:
        ordering = ["module_key", "number"]
        verbose_name = _("module version")
        verbose_name_plural = _("module versions")
        constraints = [
            models.UniqueConstraint(fields=["module_key", "number"], name="courses_module_version_once")
        ]

    def __str__(self):
        return f"{self.module_key} v{self.number}"
