"""Roster files kept for *Import now*, and the record of every import that wrote.

A dry run in the admin stores the file's text with the fingerprint of what its preview
showed (``people.roster.digest``). *Import now* applies that stored text, and only if the
preview still holds: uploaded by the same person, less than ``PREVIEW_MAX_AGE`` ago, not
applied yet, and giving exactly the same outcome against the database as it is now. The
claim on the stored import and the writes are one transaction, so a double click or two
tabs never import twice. Every import that writes (preview applied, one-step upload,
``manage.py import_staff``) leaves an applied ``RosterImport`` and a security log entry."""

import hashlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import RosterImport
from people.roster import decode, digest, import_roster
from security.log import Action, record

PREVIEW_MAX_AGE = timedelta(hours=1)


class ImportRefused(Exception):
    """Import now cannot apply this preview; the message says why, for HR."""


def run(data, *, user=None, file_name="", request=None, protect_admin_accounts=False, **options):
    """Imports (or, with ``dry_run``, previews) a roster file; returns (result, stored import
    or None). A preview is stored for Import now; an import that wrote is recorded."""
    # A file that is not UTF-8 goes in as bytes, so the import reports it (and writes nothing).
    text, not_text = decode(data)
    with transaction.atomic():
        result = import_roster(
            data if not_text else text, protect_admin_accounts=protect_admin_accounts, **options
        )
        stored = None
        offered = (
            result.dry_run and user is not None and can_apply(result, options.get("skip_invalid", False))
        )
        if offered or result.written:
            stored = RosterImport(
                source=RosterImport.Source.ADMIN if user is not None else RosterImport.Source.COMMAND,
                file_name=file_name[:255],
                csv_text=text,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                preview_digest=digest(result),
                deactivate_missing=options.get("deactivate_missing", False),
                skip_invalid=options.get("skip_invalid", False),
                uploaded_by=user,
            )
            if result.written:
                mark_applied(stored, result, user)
            stored.save()
            if result.written:
                record_in_log(stored, result, request)
    if offered:
        forget_old_previews()
    return result, stored


def can_apply(result, skip_invalid):
    """Whether a dry run's preview offers Import now: something to write, and no error that
    would stop it."""
    has_changes = result.created or result.updated or result.deactivated
    return bool(has_changes) and (not result.errors or skip_invalid)


def apply_preview(pk, user, *, request=None, protect_admin_accounts=False):
    """Applies a stored preview for ``user``; raises ImportRefused with the reason."""
    stored = RosterImport.objects.filter(pk=pk, source=RosterImport.Source.ADMIN).first()
    if stored is None or stored.uploaded_by_id != user.pk:
        raise ImportRefused(_("This preview is not yours to import. Upload the file and check it yourself."))
    if stored.status == RosterImport.Status.APPLIED:
        raise ImportRefused(_("This file was already imported; nothing was imported again."))
    if timezone.now() - stored.uploaded_at > PREVIEW_MAX_AGE:
        raise ImportRefused(_("This preview is more than an hour old. Upload the file again to check it."))
    with transaction.atomic():
        # The claim comes first: a second request waits here and then finds it taken.
        claimed = RosterImport.objects.filter(pk=pk, status=RosterImport.Status.PREVIEWED).update(
            status=RosterImport.Status.APPLIED, applied_by=user, applied_at=timezone.now()
        )
        if not claimed:
            raise ImportRefused(_("This file was already imported; nothing was imported again."))
        result = import_roster(
            stored.csv_text,
            deactivate_missing=stored.deactivate_missing,
            skip_invalid=stored.skip_invalid,
            protect_admin_accounts=protect_admin_accounts,
            expected_digest=stored.preview_digest,
        )
        if result.stale:
            raise ImportRefused(
                _(
                    "The staff directory changed since this preview, so the file would no longer do "
                    "what it showed. Nothing was imported: upload the file again to see what it would do now."
                )
            )
        if not result.written:
            raise ImportRefused(_("The file has errors; nothing was imported."))
        stored.refresh_from_db()
        mark_applied(stored, result, user)
        stored.save()
        record_in_log(stored, result, request)
    return result, stored


def mark_applied(stored, result, user):
    stored.status = RosterImport.Status.APPLIED
    stored.applied_by = user
    stored.applied_at = timezone.now()
    stored.created_count = len(result.created)
    stored.changed_count = len(result.updated)
    stored.deactivated_count = len(result.deactivated)
    stored.unchanged_count = len(result.unchanged)


def record_in_log(stored, result, request):
    record(
        Action.ROSTER_IMPORTED,
        request=request,
        actor=stored.applied_by,
        obj=stored,
        source=stored.source,
        roster_import=stored.pk,
        sha256=stored.sha256,
        **result.summary(),
        deactivate_missing=stored.deactivate_missing,
    )


def forget_old_previews():
    """Previews nobody can import any more hold personal data for nothing: dropped."""
    RosterImport.objects.filter(
        status=RosterImport.Status.PREVIEWED, uploaded_at__lt=timezone.now() - PREVIEW_MAX_AGE
    ).delete()


def last_applied():
    """The latest import that wrote, with who did it (one query)."""
    applied = RosterImport.objects.filter(status=RosterImport.Status.APPLIED)
    return applied.select_related("applied_by").defer("csv_text").order_by("-applied_at", "-pk").first()
