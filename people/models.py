from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class StaffQuerySet(models.QuerySet):
    def learners(self):
        """The people whose training counts: active staff. Superusers are the platform's own
        administrator accounts, not staff in training: assignment rules never enrol them and
        reports never count them. Leavers (inactive) keep their records but are not counted."""
        return self.filter(is_active=True, is_superuser=False)


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

    def get_full_name(self):
        return self.full_name or super().get_full_name()

    def get_short_name(self):
        return self.first_name or self.get_full_name()

    def save(self, *args, **kwargs):
        # An empty employee ID is "none yet", not a duplicate of other empty IDs.
        self.employee_id = (self.employee_id or "").strip() or None
        super().save(*args, **kwargs)
