"""The security log: who did what to whose access, kept apart from the learning records.

Entries are written by ``security.log.record`` and never changed afterwards: the admin shows
them read-only, and only the retention job (``purge_security_log``) deletes old ones."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecurityEvent(models.Model):
    class Action(models.TextChoices):
        SIGNED_IN = "signed_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
        SIGNED_OUT = "signed_out", _("Signed out")
        LOCKED_OUT = "locked_out", _("Locked out")
        UNLOCKED = "unlocked", _("Unlocked")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset requested")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        SESSION_EXPIRED = "session_expired", _("Session expired")
        MFA_ENROLLED = "mfa_enrolled", _("Second factor added")
        MFA_REMOVED = "mfa_removed", _("Second factor removed")
        MFA_VERIFIED = "mfa_verified", _("Second factor verified")
        MFA_FAILED = "mfa_failed", _("Second factor failed")
        RECOVERY_CODES_GENERATED = "recovery_codes_generated", _("Recovery codes generated")
        SSO_SIGNED_IN = "sso_signed_in", _("Signed in with the organisation account")
        SSO_REFUSED = "sso_refused", _("Organisation sign-in refused")
        USER_CREATED = "user_created", _("Account created")
        USER_CHANGED = "user_changed", _("Account changed")
        ROLES_CHANGED = "roles_changed", _("Roles changed")
        GROUP_PERMISSIONS_CHANGED = "group_permissions_changed", _("Group permissions changed")
        API_CLIENT_CREATED = "api_client_created", _("API client created")
        API_CLIENT_CHANGED = "api_client_changed", _("API client changed")
        API_CLIENT_REVOKED = "api_client_revoked", _("API client revoked")
        WEBHOOK_ENDPOINT_CREATED = "webhook_endpoint_created", _("Webhook endpoint created")
        WEBHOOK_ENDPOINT_CHANGED = "webhook_endpoint_changed", _("Webhook endpoint changed")
        REPORT_EXPORTED = "report_exported", _("Report exported")
        ROSTER_IMPORTED = "roster_imported", _("Staff roster imported")
        PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Personal data exported")
        # records.privacy: a person's personal data erased by an HR admin or the command, or
        # by the retention job; the entry names the pseudonym, never the erased name.
        PERSONAL_DATA_ERASED = "personal_data_erased", _("Personal data erased")
        RETENTION_ERASURE = "retention_erasure", _("Personal data erased after the retention period")
        PARTNER_INVITATION_CREATED = "partner_invitation_created", _("Partner invitation created")
        PARTNER_INVITATION_REVOKED = "partner_invitation_revoked", _("Partner invitation revoked")
        PARTNER_REGISTRATION_STARTED = "partner_registration_started", _("Partner registration started")
        PARTNER_REGISTRATION_VERIFIED = "partner_registration_verified", _("Partner account created")
        PARTNER_REGISTRATION_REFUSED = "partner_registration_refused", _("Partner registration refused")

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("event"), max_length=40, choices=Action.choices, db_index=True)
    # Who acted and whom it concerned. The labels keep the names as they were, so an entry
    # still reads correctly after an account is renamed (or its person erased).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("by (as recorded)"), max_length=200, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concerning"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_label = models.CharField(_("concerning (as recorded)"), max_length=200, blank=True)
    object_label = models.CharField(_("object"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("security event")
        verbose_name_plural = _("security log")
        indexes = [models.Index(fields=["subject", "-created_at"], name="security_subject_recent")]

    def __str__(self):
        return f"{self.get_action_display()} · {self.actor_label or '-'} · {self.created_at:%Y-%m-%d %H:%M}"
