"""How a partner organisation's people join: an invitation link from HR, or registering with
an address at one of the organisation's email domains; either way the account exists only
once the address is verified.

Tokens (an invitation's, a verification link's) are shown once and stored only as their
SHA-256: a copy of the database lets nobody join or verify."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import PartnerOrganisation

# Long enough to be unguessable, short enough for a URL path (43 URL-safe characters).
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 64


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Invitations that still let someone join: not revoked, not expired, uses left, for
        an active organisation."""
        now = now or timezone.now()
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=now,
            used_count__lt=F("max_uses"),
            organisation__is_active=True,
        )

    def for_token(self, token):
        """The invitation a token opens, usable or not; None for anything that is not one."""
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        return self.select_related("organisation").filter(token_hash=token_hash(token)).first()


class Invitation(models.Model):
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    max_uses = models.PositiveIntegerField(
        _("maximum uses"), default=1, help_text=_("1: one person. More: that many people may join with it.")
    )
    used_count = models.PositiveIntegerField(_("used"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return _("Invitation to %(organisation)s (%(used)s of %(max)s used)") % {
            "organisation": self.organisation,
            "used": self.used_count,
            "max": self.max_uses,
        }

    @classmethod
    def create(cls, organisation, *, created_by=None, days=14, max_uses=1):
        """A new invitation and its token, which is not stored: show it once."""
        token = new_token()
        invitation = cls.objects.create(
            organisation=organisation,
            token_hash=token_hash(token),
            expires_at=timezone.now() + timedelta(days=days),
            max_uses=max_uses,
            created_by=created_by,
        )
        return invitation, token

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def is_usable(self, now=None):
        return type(self).objects.usable(now).filter(pk=self.pk).exists()

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    def consume(self):
        """Count one use, unless the invitation is used up, revoked or expired meanwhile: one
        conditional UPDATE, so two people verifying at once cannot pass the cap. True if
        counted. Call inside the transaction that creates the account, with the organisation
        checked to be active."""
        # The row's own columns only: a condition through a join (the organisation) becomes a
        # subquery PostgreSQL evaluates once, before waiting for a concurrent use to commit,
        # and the cap would not hold. The organisation is checked by the caller.
        counted = (
            type(self)
            .objects.filter(
                pk=self.pk,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
                used_count__lt=F("max_uses"),
            )
            .update(used_count=F("used_count") + 1)
        )
        return counted == 1


def default_registration_expiry():
    return timezone.now() + timedelta(hours=settings.PARTNER_VERIFICATION_HOURS)


class RegistrationQuerySet(models.QuerySet):
    def pending(self, now=None):
        return self.filter(expires_at__gt=now or timezone.now())

    def for_token(self, token):
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        return self.select_related("organisation", "invitation").filter(token_hash=token_hash(token)).first()


class Registration(models.Model):
    """A request to join, waiting for its address to be verified. The account is created from
    it on verification (``partners.joining.verify``), not before: an inactive account would
    start the retention clock (``User.left_on``) and could be mistaken for a leaver."""

    email = models.EmailField(_("email"))
    full_name = models.CharField(_("full name"), max_length=150)
    language = models.CharField(_("preferred language"), max_length=10)
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    invitation = models.ForeignKey(
        Invitation,
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    password_hash = models.CharField(max_length=256)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_registration_expiry)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pending registration")
        verbose_name_plural = _("pending registrations")

    def __str__(self):
        return self.email

    @classmethod
    @transaction.atomic
    def start(cls, *, email, full_name, language, organisation, password_hash, invitation=None):
        """A pending registration and its verification token (not stored: it goes in the
        email). An earlier pending registration for the address is replaced."""
        cls.objects.filter(email__iexact=email).delete()
        token = new_token()
        registration = cls.objects.create(
            email=email,
            full_name=full_name,
            language=language,
            organisation=organisation,
            invitation=invitation,
            password_hash=password_hash,
            token_hash=token_hash(token),
        )
        return registration, token
