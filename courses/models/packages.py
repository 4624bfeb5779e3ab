"""What an installation imported from course packages (courses.packages.importer): the
revision each import wrote per page, so a later import tells a local edit made since
(a conflict: the page is left as it is) from the import's own draft."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CoursePackageImportQuerySet(models.QuerySet):
    def revisions_by_page(self, page_ids):
        """{page id: the revision the latest import of it wrote}."""
        wanted = {str(page_id) for page_id in page_ids}
        found = {}
        for pages in self.order_by("-pk").values_list("pages", flat=True):
            for page_id, revision_id in (pages or {}).items():
                if page_id in wanted:
                    found.setdefault(int(page_id), revision_id)
        return found


class CoursePackageImport(models.Model):
    course_code = models.CharField(_("course code"), max_length=32, db_index=True)
    manifest_sha256 = models.CharField(_("manifest SHA-256"), max_length=64)
    source_installation = models.CharField(_("source installation"), max_length=300, blank=True)
    exported_at = models.CharField(_("exported at"), max_length=40, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {page id (str): revision id} of every page the import created, updated or found unchanged.
    pages = models.JSONField(_("pages"), default=dict)
    summary = models.TextField(_("summary"), blank=True)

    objects = CoursePackageImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("course package import")
        verbose_name_plural = _("course package imports")

    def __str__(self):
        return f"{self.course_code} ({self.imported_at:%Y-%m-%d %H:%M})"
