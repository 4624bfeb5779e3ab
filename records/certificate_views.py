"""Certificates: the PDF for the person who earned it, and a public page where anyone
holding a certificate code can check it."""

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
    normalise_code,
)
from records.models import CourseCompletion

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
    completion (no email, employee ID, score or reason for a revocation) is shown."""
    code, completion = _completion(code, "user")
    context = {"code": code, "completion": completion}
    if completion is None:
        return TemplateResponse(request, "records/certificate_verify.html", context, status=404)
    context["holder_name"] = holder_name(completion.user)
    context["canonical_url"] = request.build_absolute_uri(
        reverse("certificates:verify", args=[completion.certificate_id])
    )
    if (
        not completion.is_revoked
        and can_download(request.user, completion)
        and certificate_offered(completion)
    ):
        context["download_url"] = reverse("certificates:download", args=[completion.certificate_id])
    return TemplateResponse(request, "records/certificate_verify.html", context)


@login_required
@require_safe
@cache_control(private=True)
def download(request, code):
    """The certificate as a PDF, for the person it belongs to and for HR admins. Anyone
    else gets the same 404 as for a code that does not exist."""
    code, completion = _completion(code, "user", "course")
    if completion is None or not can_download(request.user, completion):
        raise Http404("No certificate with that code.")
    if not certificate_offered(completion):
        raise Http404("This course gives no certificate.")
    if completion.is_revoked:
        # Say why there is no PDF instead of a bare "not found": the person knows the
        # certificate existed. 410: it is gone for good.
        context = {"code": code, "completion": completion, "holder_name": holder_name(completion.user)}
        context["download_refused"] = True
        return TemplateResponse(request, "records/certificate_verify.html", context, status=410)

    verify_url = request.build_absolute_uri(reverse("certificates:verify", args=[completion.certificate_id]))
    pdf = build_certificate_pdf(completion, verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{completion.certificate_id}.pdf"'
    return response
