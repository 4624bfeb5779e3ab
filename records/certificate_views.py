"""Certificates: the PDF and the Open Badges credential for the person who earned it, and a
public page where anyone holding a certificate code can check it."""

import json

from django.contrib.auth.decorators import login_not_required, login_required
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from records.certificates import (
    build_certificate_pdf,
    can_download,
    certificate_offered,
    holder_name,
    holder_organisation,
    normalise_code,
)
from records.credentials import open_badges
from records.models import CourseCompletion
from records.privacy.erasure import is_erased

# Codes are 20 characters (up to 32 fit the column); anything longer is not a code.
MAX_CODE_LENGTH = 32


def _completion(code, *fields):
    code = normalise_code(code)
    if not code or len(code) > MAX_CODE_LENGTH:
        return code, None
    completion = CourseCompletion.objects.select_related(*fields).filter(certificate_id=code).first()
    return code, completion


@login_not_required
@require_safe
def verify(request, code):
    """Anyone may confirm a certificate from its code: whose it is, for which course,
    when, until when, and whether it still stands. Nothing else about the person or the
    completion (no email, employee ID, score or reason for a revocation) is shown. For a
    holder whose personal data was erased, the certificate's standing and that it was issued
    to a person whose data was erased."""
    code, completion = _completion(code, "user__partner_organisation")
    context = {"code": code, "completion": completion}
    if completion is None:
        return TemplateResponse(request, "records/certificate_verify.html", context, status=404)
    context["holder_erased"] = is_erased(completion.user)
    # An erased holder is named by no one: not the pseudonym either.
    context["holder_name"] = None if context["holder_erased"] else holder_name(completion.user)
    context["holder_organisation"] = (
        None if context["holder_erased"] else holder_organisation(completion.user)
    )
    context["canonical_url"] = request.build_absolute_uri(
        reverse("certificates:verify", args=[completion.certificate_id])
    )
    if (
        not completion.is_revoked
        and not context["holder_erased"]
        and can_download(request.user, completion)
        and certificate_offered(completion)
    ):
        context["download_url"] = reverse("certificates:download", args=[completion.certificate_id])
        context["badge_url"] = reverse("certificates:open_badge", args=[completion.certificate_id])
        context["badge_jwt_url"] = reverse("certificates:open_badge_jwt", args=[completion.certificate_id])
    context["issuer_url"] = reverse("credentials:issuer")
    return TemplateResponse(request, "records/certificate_verify.html", context)


def _downloadable(request, code):
    """``(completion, None)`` when the user may download the certificate, else ``(None, response)``."""
    code, completion = _completion(code, "user__partner_organisation", "course")
    if completion is None or not can_download(request.user, completion):
        raise Http404("No certificate with that code.")
    if not certificate_offered(completion):
        raise Http404("This course gives no certificate.")
    if is_erased(completion.user):
        # Nobody owns it any more (the account is a pseudonym) and a certificate would have to
        # name its holder: HR sees why, everyone else got the 404 above.
        context = {"code": code, "completion": completion, "holder_erased": True, "download_refused": True}
        context["issuer_url"] = reverse("credentials:issuer")
        return None, TemplateResponse(request, "records/certificate_verify.html", context, status=410)
    if completion.is_revoked:
        # Say why there is no certificate instead of a bare "not found": the person knows it
        # existed. 410: it is gone for good. (A copy downloaded before the revocation shows as
        # revoked in the published status list.)
        context = {"code": code, "completion": completion, "holder_name": holder_name(completion.user)}
        context["download_refused"] = True
        context["issuer_url"] = reverse("credentials:issuer")
        return None, TemplateResponse(request, "records/certificate_verify.html", context, status=410)
    return completion, None


@login_required
@require_safe
@cache_control(private=True)
def download(request, code):
    """The certificate as a PDF, for the person it belongs to and for HR admins. Anyone
    else gets the same 404 as for a code that does not exist."""
    completion, refusal = _downloadable(request, code)
    if refusal:
        return refusal
    verify_url = request.build_absolute_uri(reverse("certificates:verify", args=[completion.certificate_id]))
    pdf = build_certificate_pdf(completion, verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{completion.certificate_id}.pdf"'
    return response


@login_required
@require_safe
@cache_control(private=True)
def open_badge(request, code):
    """The Open Badges 3.0 credential as JSON: an EnvelopedVerifiableCredential (VC 2.0) whose
    ``id`` is the signed credential as a ``data:application/vc+jwt,`` URL. Same access as the PDF."""
    completion, refusal = _downloadable(request, code)
    if refusal:
        return refusal
    body = json.dumps(open_badges.enveloped_credential(completion), indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="open-badge-{completion.certificate_id}.json"'
    return response


@login_required
@require_safe
@cache_control(private=True)
def open_badge_jwt(request, code):
    """The same credential as the bare compact JWS (application/vc+jwt), as wallets import it."""
    completion, refusal = _downloadable(request, code)
    if refusal:
        return refusal
    response = HttpResponse(open_badges.signed_credential(completion), content_type=open_badges.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="open-badge-{completion.certificate_id}.jwt"'
    return response
