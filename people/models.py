from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .signals import departments_changed


class Department(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class PartnerOrganisation(models.Model):
    """An organisation outside the staff whose people may take the courses open to partners:
    partner NGOs, sections, activist groups. Its people join by invitation or by registering
    with an address at one of its email domains; its focal points see its completion report."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    email_domains = models.JSONField(
        _("allowed email domains"),
        default=list,
        blank=True,
        help_text=_("People with an address at one of these domains may register themselves."),
    )
    focal_points = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("focal points"),
        blank=True,
        related_name="focal_point_for",
        help_text=_("Members who see this organisation's completion report."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Switched off, nobody new can join it.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


def staff_q(prefix=""):
    """The one rule of who is staff: not a member of a partner organisation. ``prefix``
    reaches the person from another model (``staff_q("user__")`` on enrolments)."""
    return Q(**{f"{prefix}partner_organisation__isnull": True})


class StaffQuerySet(models.QuerySet):
    def learners(self):
        """The people whose training counts: active staff. Superusers are the platform's own
        administrator accounts, not staff in training: assignment rules never enrol them and
        reports never count them. Leavers (inactive) keep their records but are not counted."""
        return self.filter(staff_q(), is_active=True, is_superuser=False)

    def staff(self):
        """Everyone employed by the organisation, leavers included: not partner learners."""
        return self.filter(staff_q())

    def partner_learners(self):
        """People who belong to a partner organisation (``PartnerOrganisation``), active or not.
        They are never in staff reports, assignment rules, staff reminders or the HR feeds."""
        return self.exclude(staff_q())

    def deactivate(self, today=None):
        """Switch these people off in one query, starting the retention clock of those
        without a leaving day (``User.sync_left_on`` for a bulk update)."""
        today = today or timezone.localdate()
        return self.update(is_active=False, left_on=Coalesce("left_on", Value(today)))

    def reactivate(self):
        """Switch these people back on; a returner's retention clock stops."""
        return self.update(is_active=True, left_on=None)


class StaffManager(UserManager.from_queryset(StaffQuerySet)):
    def get_by_natural_key(self, username):
        """Staff sign in with their username or their work email, in any case. An exact
        username wins; an ambiguous sign-in name matches nobody rather than failing."""
        for lookup in ({"username": username}, {"username__iexact": username}, {"email__iexact": username}):
            matches = list(self.filter(**lookup)[:2])
            if len(matches) == 1:
                return matches[0]
            if matches:
                break
        raise self.model.DoesNotExist


class User(AbstractUser):
    """A staff member. Leavers are deactivated (``is_active``), never deleted, so their
    training records stay. ``employee_id`` is the key HR systems use."""

    employee_id = models.CharField(
        _("employee ID"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The identifier HR systems use for this person."),
    )
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    country = models.CharField(_("country or office"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    # Set for a partner learner: not staff, so never in staff reports, rules or HR feeds.
    partner_organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    # The retention clock: a leaver's personal data is erased a set time after this day.
    left_on = models.DateField(
        _("left on"),
        null=True,
        blank=True,
        help_text=_("The day the person left the organisation; set when they are deactivated."),
    )
    # Set once their personal data was erased (records.privacy): the account is a pseudonym.
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True, editable=False)
    # One name, as HR writes it: names do not split into first and last the same way across
    # cultures, and two sources of a name let a correction miss the certificate.
    first_name = None
    last_name = None

    objects = StaffManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        ordering = ["full_name", "username"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="people_user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="people_user_username_ci_unique"),
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("pk")), name="people_user_not_own_manager"
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_partner(self):
        return self.partner_organisation_id is not None

    def get_full_name(self):
        return self.full_name.strip()

    def get_short_name(self):
        """For a greeting: the first word of the name, or the username."""
        return next(iter(self.full_name.split()), "") or self.username

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The department as loaded, so a save (or the roster's bulk update) can tell a move
        # without reading the row again (``department_moves``).
        if "department_id" in field_names:
            instance._loaded_department_id = instance.department_id
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        fields = kwargs.get("fields") if "fields" in kwargs else (args[1] if len(args) > 1 else None)
        if _names_department(fields):
            self._loaded_department_id = self.department_id

    def sync_left_on(self, today=None):
        """The retention clock follows ``is_active``: a leaver without a leaving day left
        today; a person (re)activated has not left. Saves and bulk writes (the roster) call
        it; ``StaffQuerySet.deactivate``/``reactivate`` are the same rule in one query."""
        if not self.is_active and self.left_on is None:
            self.left_on = today or timezone.localdate()
        elif self.is_active:
            self.left_on = None

    def save(self, *args, **kwargs):
        # An empty employee ID is "none yet", not a duplicate of other empty IDs.
        self.employee_id = (self.employee_id or "").strip() or None
        self.sync_left_on()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "is_active" in update_fields:
            kwargs["update_fields"] = update_fields = {*update_fields, "left_on"}
        moves = []
        if not self._state.adding and _names_department(update_fields):
            moves = department_moves([self])
        if moves:
            with transaction.atomic(using=kwargs.get("using") or self._state.db):
                super().save(*args, **kwargs)
                departments_moved(moves)
        else:
            super().save(*args, **kwargs)
        if _names_department(update_fields):
            self._loaded_department_id = self.department_id


def _names_department(fields):
    """Whether a list of fields to save or reload (None: all of them) holds the department."""
    return fields is None or "department" in fields or "department_id" in fields


def department_moves(users):
    """[(user id, old department id, new department id)] for the saved ``users`` whose
    department differs from the one they were loaded with; a user loaded without its
    department is compared with the database (one query for all of them)."""
    unknown = [user.pk for user in users if user.pk and not hasattr(user, "_loaded_department_id")]
    stored = dict(User.objects.filter(pk__in=unknown).values_list("pk", "department_id")) if unknown else {}
    moves = []
    for user in users:
        if not user.pk:
            continue
        old = getattr(user, "_loaded_department_id", stored.get(user.pk))
        if old != user.department_id:
            moves.append((user.pk, old, user.department_id))
    return moves


def departments_moved(moves):
    """Tell receivers (``people.signals.departments_changed``) about written moves; call it
    inside the transaction that wrote them."""
    if moves:
        departments_changed.send(sender=User, changes=moves)


class RosterImport(models.Model):
    """One roster file, as uploaded for a preview or as imported. *Import now* applies the
    stored text, so what is written is what was previewed; the counts feed the HR dashboard's
    "Roster last imported". ``uploaded_by`` is empty for the command line."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed")
        APPLIED = "applied", _("Imported")

    class Source(models.TextChoices):
        ADMIN = "admin", _("Admin upload")
        COMMAND = "command", _("Command line")

    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.ADMIN)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREVIEWED)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    csv_text = models.TextField(_("file content"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    preview_digest = models.CharField(_("preview fingerprint"), max_length=64)
    deactivate_missing = models.BooleanField(_("deactivate people missing from the file"), default=False)
    skip_invalid = models.BooleanField(_("save the valid rows despite errors"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    applied_at = models.DateTimeField(_("imported at"), null=True, blank=True, db_index=True)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    changed_count = models.PositiveIntegerField(_("changed"), default=0)
    deactivated_count = models.PositiveIntegerField(_("deactivated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")

    def __str__(self):
        return f"{self.file_name or 'roster'} ({self.sha256[:12]})"
