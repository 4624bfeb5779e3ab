"""Erasing a person's personal data (the right to erasure), keeping their learning records.

``erase_person`` replaces the person's name, email, employee ID and sign-in details with a
stable pseudonym (``erased-<token>`` as username, ``<token>@erased.invalid`` as email),
removes what they wrote and what lets anyone sign in as them, and pseudonymises what the
security log and the stored roster files say about them. Their department, country, manager,
enrolments, completions, quiz scores, dates and counts stay, so every report's totals and
rates are the same before and after.

One transaction: everything or nothing. Safe to repeat: an erased person is left alone and
the report says so. Refused for active staff unless ``force`` (which also deactivates the
account) and always for superusers (remove the administrator flag first).

Every table that references a person is listed in ``CONSIDERED`` with what happens to it;
``tests/records/test_privacy_erasure.py`` fails when a new one appears that is not."""

import csv
import io
import re
import secrets
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.models import EditingSession, FormState
from wagtail.models import APIToken, Comment, CommentReply, ModelLogEntry, PageSubscription
from wagtail.users.models import UserProfile

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential, WebAuthnUserHandle

from people.models import PartnerOrganisation, RosterImport, User
from quizzes.models import Attempt
from records.models import CourseCompletion, Enrolment, ModuleProgress, ModuleUpdate, ReflectionAnswer
from records.models.sync import stamped_update
from records.signals import person_erased
from security.log import Action, record
from security.models import SecurityEvent

PSEUDONYM_PREFIX = "erased-"
PSEUDONYM_DOMAIN = "erased.invalid"
# What replaces free text about an erased person (a revoked completion must keep a reason).
PLACEHOLDER = "[removed: personal data erased]"
ERASED_LABEL = gettext_lazy("Personal data erased")

REMOVED, REPLACED, KEPT = "removed", "replaced", "kept"


class Via:
    """Who or what asked for the erasure, as the security log records it."""

    COMMAND = "command"
    ADMIN = "admin"
    RETENTION = "retention"
    ALL = (COMMAND, ADMIN, RETENTION)


# Every relation to the person (``User._meta``, hidden ones included) and what erasure does
# with it. "signal": scrubbed by a receiver of ``records.signals.person_erased`` (the HR API).
CONSIDERED = {
    "people.User.manager": KEPT,  # the people they managed keep the link (to the pseudonym)
    "people.User_groups.user": REMOVED,
    "people.User_user_permissions.user": REMOVED,
    # An erased person is no longer anyone's focal point (``account``).
    "people.PartnerOrganisation.focal_points": REMOVED,
    "people.PartnerOrganisation_focal_points.user": REMOVED,
    "people.RosterImport.uploaded_by": KEPT,
    "people.RosterImport.applied_by": KEPT,
    "security.SecurityEvent.actor": REPLACED,
    "security.SecurityEvent.subject": REPLACED,
    "courses.ModuleVersion.published_by": KEPT,
    "courses.CoursePackageImport.imported_by": KEPT,
    "quizzes.Attempt.user": KEPT,
    "records.AssignmentRule.manager": KEPT,
    "records.ReminderLog.recipient": KEPT,
    "records.ReminderLog.requested_by": KEPT,
    "records.ModuleProgress.user": KEPT,
    "records.Enrolment.user": KEPT,
    "records.CourseCompletion.user": KEPT,
    "records.CourseCompletion.revoked_by": KEPT,
    "records.ReflectionAnswer.user": REPLACED,
    "records.ModuleUpdate.user": KEPT,
    "wagtailusers.UserProfile.user": REMOVED,
    "wagtaildocs.Document.uploaded_by_user": KEPT,
    "wagtailimages.Image.uploaded_by_user": KEPT,
    "wagtailadmin.EditingSession.user": REMOVED,
    "wagtailadmin.FormState.user": REMOVED,
    "wagtailcore.APIToken.user": REMOVED,
    "wagtailcore.ModelLogEntry.user": KEPT,
    "wagtailcore.PageLogEntry.user": KEPT,
    "wagtailcore.Revision.user": KEPT,
    "wagtailcore.UploadedFile.uploaded_by_user": KEPT,
    "wagtailcore.WorkflowState.requested_by": KEPT,
    "wagtailcore.TaskState.finished_by": KEPT,
    "wagtailcore.Page.locked_by": KEPT,
    "wagtailcore.Page.owner": KEPT,
    "wagtailcore.Comment.user": REPLACED,
    "wagtailcore.Comment.resolved_by": KEPT,
    "wagtailcore.CommentReply.user": REPLACED,
    "wagtailcore.PageSubscription.user": REMOVED,
    "api.ApiClient.created_by": "signal",
    # The HR admin who created a partner invitation: kept, as the account is (a pseudonym).
    "partners.Invitation.created_by": KEPT,
    "otp_totp.TOTPDevice.user": REMOVED,
    "otp_static.StaticDevice.user": REMOVED,
    "django_otp_webauthn.WebAuthnCredential.user": REMOVED,
    "django_otp_webauthn.WebAuthnUserHandle.user": REMOVED,
}
# Tables that name the person in text rather than by a key.
CONSIDERED_TEXT = {
    "security.SecurityEvent": "labels, address, browser and detail pseudonymised",
    "people.RosterImport.csv_text": "their row removed from every stored roster file",
    "axes.AccessAttempt": "failed sign-ins under their name removed",
    "axes.AccessFailureLog": "failed sign-ins under their name removed",
    "axes.AccessLog": "sign-ins under their name removed",
    "sessions.Session": "their sessions removed",
    "wagtailcore.ModelLogEntry.label": "the account's name in the admin history replaced",
}


def relation_key(related):
    """``app.Model.field`` of a relation to the user model (see ``CONSIDERED``)."""
    return f"{related.related_model._meta.label}.{related.field.name}"


def user_relations():
    """Every relation from another table to the user model, hidden ones included."""
    return [
        f
        for f in User._meta.get_fields(include_hidden=True)
        if f.is_relation and f.auto_created and not f.concrete
    ]


class ErasureRefused(Exception):
    """Erasure is not allowed for this person (the message says why)."""


@dataclass
class Line:
    table: str
    action: str  # REMOVED, REPLACED or KEPT
    count: int
    what: str

    def as_text(self):
        return f"{self.table:<34} {self.action:<9} {self.count:>6}  {self.what}"


@dataclass
class ErasureReport:
    person_pk: int
    pseudonym: str
    dry_run: bool
    already_erased: bool = False
    deactivated: bool = False
    lines: list = field(default_factory=list)

    def add(self, table, action, count, what):
        self.lines.append(Line(table, action, count, str(what)))

    @property
    def changed(self):
        return not self.dry_run and not self.already_erased

    def counts(self):
        return {line.table: {"action": line.action, "count": line.count} for line in self.lines}

    def summary(self):
        if self.already_erased:
            return _("This person's personal data was already erased; nothing was changed.")
        if self.dry_run:
            return _("Dry run: nothing was changed. Erasing would do the following.")
        return _("Personal data erased; the account is now %(pseudonym)s.") % {"pseudonym": self.pseudonym}

    def as_text(self):
        return "\n".join([str(self.summary()), *(line.as_text() for line in self.lines)])


# --- who may be erased ---------------------------------------------------------------------


def refusal(user, force=False):
    """Why ``user`` may not be erased now, or None."""
    if user.is_superuser:
        return _("%(name)s is a superuser: remove the administrator flag first.") % {"name": user}
    if user.is_active and not force:
        return _(
            "%(name)s is active staff: deactivate the account first, or force the erasure "
            "(which also deactivates it)."
        ) % {"name": user}
    return None


def can_erase(user):
    """Who may erase a person's personal data: HR admins and superusers."""
    return user.is_authenticated and user.is_active and user.has_perm("records.erase_personal_data")


def is_erased(user):
    return user is not None and user.erased_at is not None


# --- the erasure --------------------------------------------------------------------------


def new_pseudonym():
    return f"{PSEUDONYM_PREFIX}{secrets.token_hex(6)}"


def erase_person(user, *, by=None, force=False, dry_run=False, reason=Via.COMMAND, request=None, today=None):
    """Erase ``user``'s personal data (see the module's docstring); returns an
    ``ErasureReport``. ``by`` is who asked (None for the command and the retention job),
    ``reason`` one of ``Via.ALL``. Raises ``ErasureRefused``."""
    if reason not in Via.ALL:
        raise ValueError(f"unknown reason {reason!r}")
    if is_erased(user):
        return _already_erased(user, dry_run)
    if problem := refusal(user, force):
        raise ErasureRefused(problem)
    if dry_run:
        report = ErasureReport(user.pk, f"{PSEUDONYM_PREFIX}…", dry_run=True, deactivated=user.is_active)
        Eraser(user, report, apply=False).run()
        return report
    with transaction.atomic():
        # Locked, and read again: a second erasure at the same moment waits, then sees it done.
        user = User.objects.select_for_update().get(pk=user.pk)
        if is_erased(user):
            return _already_erased(user, dry_run)
        if problem := refusal(user, force):
            raise ErasureRefused(problem)
        report = ErasureReport(user.pk, new_pseudonym(), dry_run=False, deactivated=user.is_active)
        eraser = Eraser(user, report, apply=True, today=today)
        eraser.run()
        record(
            Action.RETENTION_ERASURE if reason == Via.RETENTION else Action.PERSONAL_DATA_ERASED,
            request=request,
            actor=by,
            subject=eraser.user,
            via=reason,
            pseudonym=report.pseudonym,
            forced=report.deactivated,
            roles_removed=eraser.roles,
            counts=report.counts(),
        )
        person_erased.send(
            sender=User,
            user=eraser.user,
            enrolment_ids=list(Enrolment.objects.filter(user=eraser.user).values_list("pk", flat=True)),
            completion_ids=list(
                CourseCompletion.objects.filter(user=eraser.user).values_list("pk", flat=True)
            ),
            department_id=eraser.user.department_id,
        )
        transaction.on_commit(eraser.clear_cached_sessions)
    return report


def _already_erased(user, dry_run):
    report = ErasureReport(user.pk, user.username, dry_run=dry_run, already_erased=True)
    return report


class Eraser:
    """The steps, each counting what it touches and, when ``apply``, doing it. The dry run
    and the erasure run the same steps, so the preview is what will happen."""

    def __init__(self, user, report, apply, today=None):
        self.user = user
        self.report = report
        self.apply = apply
        self.today = today or timezone.localdate()
        self.identifiers = [
            value for value in (user.username, user.email, user.employee_id, user.full_name.strip()) if value
        ]
        self.roles = []
        self.session_keys = []

    def run(self):
        # Texts first, while the person's identifiers are still what the texts say.
        self.security_log()
        self.roster_files()
        self.admin_history()
        self.failed_sign_ins()
        self.sessions()
        self.second_factors()
        self.wagtail_account()
        self.comments()
        self.reflections()
        self.revocation_reasons()
        self.account()
        self.kept()

    # --- the account itself ---

    def account(self):
        user, report = self.user, self.report
        self.roles = sorted(user.groups.values_list("name", flat=True))
        roles = User.groups.through.objects.filter(user_id=user.pk)
        permissions = User.user_permissions.through.objects.filter(user_id=user.pk)
        focal = PartnerOrganisation.focal_points.through.objects.filter(user_id=user.pk)
        report.add(
            "people.User", REPLACED, 1, _("name, email, employee ID and password replaced by a pseudonym")
        )
        report.add("people.User roles", REMOVED, len(self.roles), _("role groups and permissions"))
        if not self.apply:
            return
        roles.delete()
        permissions.delete()
        focal.delete()
        pseudonym = report.pseudonym
        values = {
            "username": pseudonym,
            "email": f"{pseudonym.removeprefix(PSEUDONYM_PREFIX)}@{PSEUDONYM_DOMAIN}",
            "full_name": "",
            "employee_id": None,
            "password": make_password(None),
            "is_active": False,
            "is_staff": False,
            "left_on": user.left_on or self.today,
            "erased_at": timezone.now(),
        }
        # An update, not save(): the account-change log would otherwise record the old name.
        User.objects.filter(pk=user.pk).update(**values)
        for name, value in values.items():
            setattr(user, name, value)

    # --- texts about the person ---

    def scrub(self, value):
        """``value`` (JSON-ready) with the person's identifiers replaced by the pseudonym."""
        if isinstance(value, dict):
            return {key: ("" if key == "sub" else self.scrub(item)) for key, item in value.items()}
        if isinstance(value, list):
            return [self.scrub(item) for item in value]
        if isinstance(value, str):
            return self.scrub_text(value)
        return value

    def scrub_text(self, text):
        lowered = text.strip().lower()
        if any(lowered == identifier.lower() for identifier in self.identifiers):
            return self.report.pseudonym
        # Longer identifiers inside a text (an email in a sentence); a short employee ID
        # only as a whole value, so "E-1" never cuts into "E-12".
        for identifier in sorted(self.identifiers, key=len, reverse=True):  # "Amira Haddad" before "amira"
            if len(identifier) >= 5 and identifier.lower() in lowered:
                text = re.sub(re.escape(identifier), self.report.pseudonym, text, flags=re.IGNORECASE)
                lowered = text.lower()
        return text

    def security_log(self):
        user = self.user
        about = Q(actor=user) | Q(subject=user)
        for identifier in self.identifiers:
            about |= Q(detail__icontains=identifier) | Q(object_label__icontains=identifier)
        events = list(SecurityEvent.objects.filter(about).order_by("pk"))
        label = f"{self.report.pseudonym} ({user.pk})"
        changed = []
        for event in events:
            texts = (event.object_label, event.detail)
            event.object_label = self.scrub_text(event.object_label)
            event.detail = self.scrub(event.detail)
            theirs = user.pk in (event.actor_id, event.subject_id)
            if not theirs and texts == (event.object_label, event.detail):
                continue  # the text matched by chance: not about them
            if event.actor_id == user.pk:
                event.actor_label = label
            if event.subject_id == user.pk:
                event.subject_label = label
            event.ip_address, event.user_agent = None, ""
            changed.append(event)
        self.report.add(
            "security.SecurityEvent",
            REPLACED,
            len(changed),
            _("entries kept; names, addresses and browsers replaced or removed"),
        )
        if self.apply and changed:
            SecurityEvent.objects.bulk_update(
                changed,
                ["actor_label", "subject_label", "object_label", "detail", "ip_address", "user_agent"],
                batch_size=500,
            )

    def roster_files(self):
        user = self.user
        match = Q()
        for identifier in (user.employee_id, user.email):
            if identifier:
                match |= Q(csv_text__icontains=identifier)
        stored = list(RosterImport.objects.filter(match)) if match else []
        changed = [roster for roster in stored if self._drop_row(roster)]
        self.report.add(
            "people.RosterImport",
            REMOVED,
            len(changed),
            _("their row removed from stored roster files (the rest of each file kept)"),
        )
        if self.apply and changed:
            RosterImport.objects.bulk_update(changed, ["csv_text"])

    def _drop_row(self, roster):
        """Removes the person's rows from ``roster.csv_text``; True if there were any. The
        file's fingerprints stay those of the file as uploaded: a preview so changed no
        longer matches and cannot be imported (upload the file again)."""
        rows = list(csv.reader(io.StringIO(roster.csv_text)))
        if not rows:
            return False
        header = [name.strip().lower() for name in rows[0]]
        columns = [header.index(name) for name in ("employee_id", "email") if name in header]
        wanted = {value.lower() for value in (self.user.employee_id, self.user.email) if value}
        kept = [rows[0]] + [
            row
            for row in rows[1:]
            if not any(index < len(row) and row[index].strip().lower() in wanted for index in columns)
        ]
        if len(kept) == len(rows):
            return False
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(kept)
        roster.csv_text = out.getvalue()
        return True

    def admin_history(self):
        """Wagtail's history: entries about the account are labelled with its name, those
        about their completions too (``CourseCompletion.__str__``), and a revocation's entry
        keeps its reason in ``data``."""
        user = self.user
        account = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk))
        completions = Q(
            content_type=ContentType.objects.get_for_model(CourseCompletion),
            object_id__in=[
                str(pk) for pk in CourseCompletion.objects.filter(user=user).values_list("pk", flat=True)
            ],
        )
        match = account | completions
        for identifier in self.identifiers:
            if len(identifier) >= 5:
                match |= Q(label__icontains=identifier)
        changed = []
        for entry in ModelLogEntry.objects.filter(match).select_related("content_type"):
            before = (entry.label, entry.data)
            if entry.content_type.model_class() is User and entry.object_id == str(user.pk):
                entry.label = self.report.pseudonym
            else:
                entry.label = self.scrub_text(entry.label)
            data = self.scrub(entry.data or {})
            if (
                entry.content_type.model_class() is CourseCompletion
                and isinstance(data, dict)
                and data.get("reason")
            ):
                data["reason"] = PLACEHOLDER
            entry.data = data if entry.data is not None else None
            if (entry.label, entry.data) != before:
                changed.append(entry)
        self.report.add(
            "wagtailcore.ModelLogEntry",
            REPLACED,
            len(changed),
            _("their name and revocation reasons in the admin history"),
        )
        if self.apply and changed:
            ModelLogEntry.objects.bulk_update(changed, ["label", "data"], batch_size=500)

    def failed_sign_ins(self):
        names = [self.user.username, self.user.email]
        match = Q()
        for name in names:
            match |= Q(username__iexact=name)
        count = 0
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            rows = model.objects.filter(match)
            count += rows.count()
            if self.apply:
                rows.delete()
        self.report.add(
            "axes (sign-in failures)", REMOVED, count, _("failed sign-ins under their name, with addresses")
        )

    def sessions(self):
        """Open sessions: Django keeps the user id inside the encoded data, so each unexpired
        session is decoded (in memory; one query to read them, one to delete)."""
        uid = str(self.user.pk)
        self.session_keys = [
            session.session_key
            for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
            if str(session.get_decoded().get("_auth_user_id")) == uid
        ]
        self.report.add("sessions.Session", REMOVED, len(self.session_keys), _("open sessions (signed out)"))
        if self.apply and self.session_keys:
            Session.objects.filter(session_key__in=self.session_keys).delete()

    def clear_cached_sessions(self):
        store = import_module(settings.SESSION_ENGINE).SessionStore
        prefix = getattr(store, "cache_key_prefix", None)
        if prefix and self.session_keys:
            caches[settings.SESSION_CACHE_ALIAS].delete_many([prefix + key for key in self.session_keys])

    def second_factors(self):
        count = 0
        for model in (TOTPDevice, StaticDevice, WebAuthnCredential, WebAuthnUserHandle):
            rows = model.objects.filter(user=self.user)
            count += rows.count()
            if self.apply:
                rows.delete()  # static devices take their recovery codes with them
        self.report.add(
            "mfa (authenticators, passkeys)", REMOVED, count, _("second factors and recovery codes")
        )

    def wagtail_account(self):
        count = 0
        for model in (UserProfile, EditingSession, FormState, APIToken, PageSubscription):
            rows = model.objects.filter(user=self.user)
            count += rows.count()
            if self.apply:
                rows.delete()
        self.report.add(
            "wagtail (profile, editing, tokens)",
            REMOVED,
            count,
            _("admin profile, avatar, tokens and subscriptions"),
        )

    def comments(self):
        count = 0
        for model in (Comment, CommentReply):
            rows = model.objects.filter(user=self.user).exclude(text=PLACEHOLDER)
            count += rows.count()
            if self.apply:
                rows.update(text=PLACEHOLDER)
        self.report.add("wagtailcore.Comment", REPLACED, count, _("page comments they wrote (text replaced)"))

    def reflections(self):
        rows = ReflectionAnswer.objects.filter(user=self.user).exclude(answer="")
        self.report.add(
            "records.ReflectionAnswer", REMOVED, rows.count(), _("reflection answers (text removed)")
        )
        if self.apply:
            rows.update(answer="")

    def revocation_reasons(self):
        rows = CourseCompletion.objects.filter(user=self.user, revoked_at__isnull=False).exclude(
            revoked_reason=PLACEHOLDER
        )
        self.report.add(
            "records.CourseCompletion reasons",
            REPLACED,
            rows.count(),
            _("reasons for revocation (placeholder)"),
        )
        if self.apply:
            stamped_update(rows, revoked_reason=PLACEHOLDER)

    def kept(self):
        user = self.user
        for table, rows, what in (
            ("records.Enrolment", Enrolment.objects.filter(user=user), _("enrolments, statuses and dates")),
            (
                "records.CourseCompletion",
                CourseCompletion.objects.filter(user=user),
                _("completions, scores and certificates"),
            ),
            ("records.ModuleProgress", ModuleProgress.objects.filter(user=user), _("module progress")),
            ("quizzes.Attempt", Attempt.objects.filter(user=user), _("quiz attempts, choices and scores")),
            ("records.ModuleUpdate", ModuleUpdate.objects.filter(user=user), _("recertification updates")),
        ):
            self.report.add(table, KEPT, rows.count(), what)
        self.report.add(
            "people.User (kept fields)", KEPT, 1, _("department, country, manager, language and dates")
        )
