"""Joining as a partner learner: which organisation an address belongs to, the pending
registration and its verification email, and the account created on verification.

Nothing here says whether an address already has an account: the person who asked gets the
same "check your inbox" answer, and the inbox gets either the verification link or a note
that the address already has an account."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from partners.models import Registration, token_hash
from people.models import PartnerOrganisation
from security.log import Action, record

USERNAME_CHARACTERS = re.compile(r"[^a-z0-9._-]+")
USERNAME_MAX = 150


def email_domain(email):
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def organisation_for_email(email):
    """The active partner organisation whose allowed domains hold the address's domain
    exactly (any case; a subdomain is another domain), or None. One query: organisations
    are few, and a JSON list is searched the same way on every database this way."""
    domain = email_domain(email)
    if not domain:
        return None
    for organisation in PartnerOrganisation.objects.filter(is_active=True).only(
        "pk", "name", "email_domains"
    ):
        domains = organisation.email_domains if isinstance(organisation.email_domains, list) else []
        if domain in {str(allowed).strip().lower().lstrip("@") for allowed in domains}:
            return organisation
    return None


def _send(to, subject_template, body_template, context, language):
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def request_account(request, *, email, full_name, language, password_hash, organisation, invitation=None):
    """A pending registration, its verification email sent; or, for an address that already
    has an account, an email saying so. Either way the caller shows the same page."""
    User = get_user_model()
    route = "invitation" if invitation else "domain"
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        context = {"login_url": request.build_absolute_uri(_in_language(language, "login"))}
        _send(
            email,
            "partners/email/already_registered_subject.txt",
            "partners/email/already_registered.txt",
            context,
            language,
        )
        record(
            Action.PARTNER_REGISTRATION_REFUSED,
            request=request,
            subject=existing,
            obj=organisation,
            reason="existing_account",
            route=route,
        )
        return
    Registration.objects.filter(expires_at__lte=timezone.now()).delete()  # what lapsed goes
    registration, token = Registration.start(
        email=email,
        full_name=full_name,
        language=language,
        organisation=organisation,
        password_hash=password_hash,
        invitation=invitation,
    )
    context = {
        "full_name": full_name,
        "organisation": organisation.name,
        "verify_url": request.build_absolute_uri(_in_language(language, "partners:verify", token)),
        "hours": settings.PARTNER_VERIFICATION_HOURS,
    }
    _send(email, "partners/email/verify_subject.txt", "partners/email/verify.txt", context, language)
    record(
        Action.PARTNER_REGISTRATION_STARTED,
        request=request,
        obj=organisation,
        email=email[:254],
        route=route,
        invitation=invitation.pk if invitation else None,
    )


def _in_language(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


class VerificationFailed(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def pending_registration(token):
    """The registration a verification token names, still pending; else ``VerificationFailed``."""
    registration = Registration.objects.for_token(token)
    if registration is None:
        raise VerificationFailed("unknown")
    if registration.expires_at <= timezone.now():
        raise VerificationFailed("expired")
    return registration


def verify(request, token):
    """Create the account a pending registration asks for, in one transaction with the
    invitation's use (counted only while it has uses left, so a capped invitation cannot be
    over-used by people verifying at once). Returns the new user; ``VerificationFailed``
    with the reason otherwise, and nothing written but the security log's entry."""
    User = get_user_model()
    try:
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(of=("self",))
                .select_related("organisation", "invitation")
                .filter(token_hash=token_hash(token), expires_at__gt=timezone.now())
                .first()
                if token and len(token) <= 64
                else None
            )
            if registration is None:
                raise VerificationFailed("unknown_or_expired")
            if not registration.organisation.is_active:
                raise VerificationFailed("organisation_inactive")
            if User.objects.filter(email__iexact=registration.email).exists():
                registration.delete()
                raise VerificationFailed("existing_account")
            if registration.invitation is not None and not registration.invitation.consume():
                raise VerificationFailed("invitation_used_up")
            user = User(
                username=unique_username(registration.email),
                email=registration.email,
                full_name=registration.full_name,
                preferred_language=registration.language,
                partner_organisation=registration.organisation,
                is_active=True,
            )
            user.password = registration.password_hash
            user.save()
            record(
                Action.PARTNER_REGISTRATION_VERIFIED,
                request=request,
                actor=user,
                subject=user,
                obj=registration.organisation,
                route="invitation" if registration.invitation_id else "domain",
                invitation=registration.invitation_id,
            )
            registration.delete()
    except VerificationFailed as failure:
        record(Action.PARTNER_REGISTRATION_REFUSED, request=request, reason=failure.reason, route="verify")
        raise
    except IntegrityError:
        # The same address verified twice at once: the first one made the account.
        record(
            Action.PARTNER_REGISTRATION_REFUSED, request=request, reason="existing_account", route="verify"
        )
        raise VerificationFailed("existing_account") from None
    return user


def unique_username(email):
    """A username from the address's local part, made unique with a number when taken."""
    User = get_user_model()
    base = USERNAME_CHARACTERS.sub("-", email.split("@", 1)[0].lower()).strip("-.") or "partner"
    base = base[: USERNAME_MAX - 8]
    taken = {
        name.lower()
        for name in User.objects.filter(username__istartswith=base).values_list("username", flat=True)
    }
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
