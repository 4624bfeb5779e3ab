"""Certificates: the PDF is for the person who earned it (and HR admins), never while
revoked or for a course without certificates; the public check page confirms a code
without telling more than the certificate does."""

import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import factory
import pytest

from records import certificate_views, certificates
from records.certificates import build_certificate_pdf, certificate_lines, normalise_code, runs, visual
from tests.factories import CourseCompletionFactory, UserFactory
from tests.htmlutils import elements, main_html, text_of, texts

CODE = "ABCDEFGHJKLMNPQRSTUV"


class CertifiedCompletionFactory(CourseCompletionFactory):
    """A completion whose certificate the tests read: a known code, date and score."""

    certificate_id = CODE
    completed_at = timezone.make_aware(datetime.datetime(2026, 3, 5, 10, 30))
    score = Decimal("92.50")
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))


def pdf_url(code=CODE):
    return reverse("certificates:download", args=[code])


def verify_url(code=CODE):
    return reverse("certificates:verify", args=[code])


@pytest.fixture
def completion(amira, course):
    return CertifiedCompletionFactory(user=amira, course=course)


# --- The PDF --------------------------------------------------------------------------------


def test_owner_downloads_the_certificate_as_a_pdf(amira_client, completion):
    response = amira_client.get(pdf_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{CODE}.pdf"'
    assert "private" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    assert response.content.rstrip().endswith(b"%%EOF")


def test_lower_case_code_downloads_too(amira_client, completion):
    response = amira_client.get(pdf_url(CODE.lower()))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{CODE}.pdf"'


def test_pdf_says_who_completed_what_when_and_how_to_check_it(completion):
    url = f"http://testserver{verify_url()}"
    pdf = build_certificate_pdf(completion, url, compress=False)

    assert pdf.startswith(b"%PDF")
    # Uncompressed, ASCII text is legible in the page's content stream.
    for text in ("Learning Hub", "Amira Haddad", "Working with influencers", "INF-101", CODE, url):
        assert text.encode() in pdf, text
    assert b"Valid until" in pdf
    assert b"Score: 92.5%" in pdf
    assert b"Completed on March 5, 2026" in pdf


def test_certificate_text_in_order(completion):
    url = f"http://testserver{verify_url()}"
    lines = dict(certificate_lines(completion, url))
    said = [text for _, text in certificate_lines(completion, url)]

    assert lines["name"] == "Amira Haddad"
    assert lines["course"] == "Working with influencers"
    assert "Course code: INF-101" in said
    assert "Completed on March 5, 2026" in said
    assert f"Valid until {date_format(completion.valid_until)}" in said
    assert "Score: 92.5%" in said
    assert lines["code"] == CODE
    assert lines["url"] == url


def test_certificate_without_expiry_or_score(amira, course):
    completion = CertifiedCompletionFactory(user=amira, course=course, valid_until=None, score=None)
    said = [text for _, text in certificate_lines(completion, "http://testserver/x/")]
    assert "Does not expire" in said
    assert not any(text.startswith("Score") for text in said)
    assert build_certificate_pdf(completion, "http://testserver/x/").startswith(b"%PDF")


def test_whole_number_score_has_no_decimals(amira, course):
    completion = CertifiedCompletionFactory(user=amira, course=course, score=Decimal("100.00"))
    assert "Score: 100%" in dict(certificate_lines(completion, "http://testserver/x/")).values()


def test_download_carries_the_absolute_verification_address(amira_client, completion, monkeypatch):
    def uncompressed(completion, url):
        return build_certificate_pdf(completion, url, compress=False)

    monkeypatch.setattr(certificate_views, "build_certificate_pdf", uncompressed)
    pdf = amira_client.get(pdf_url()).content
    assert f"http://testserver/certificates/{CODE}/".encode() in pdf
    assert b"Amira Haddad" in pdf


def test_verification_address_follows_the_language(amira, completion, monkeypatch):
    monkeypatch.setattr(
        certificate_views,
        "build_certificate_pdf",
        lambda c, url: build_certificate_pdf(c, url, compress=False),
    )
    client = Client()
    client.force_login(amira)
    pdf = client.get(f"/es/certificates/{CODE}/certificate.pdf").content
    assert f"http://testserver/es/certificates/{CODE}/".encode() in pdf


def test_other_staff_get_404(chen_client, completion):
    assert chen_client.get(pdf_url()).status_code == 404


def test_manager_gets_404_too(amira, bruno, completion):
    client = Client()
    client.force_login(bruno)
    assert client.get(pdf_url()).status_code == 404


def test_hr_admin_with_view_permission_may_download(completion):
    hr = UserFactory(username="hanna", email="hanna@example.org")
    hr.user_permissions.add(Permission.objects.get(codename="view_coursecompletion"))
    client = Client()
    client.force_login(hr)
    response = client.get(pdf_url())
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_superuser_may_download(superuser_client, completion):
    assert superuser_client.get(pdf_url()).status_code == 200


def test_anonymous_visitor_is_sent_to_login_for_the_pdf(client, completion):
    response = client.get(pdf_url())
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == "/accounts/login/"
    assert parse_qs(location.query)["next"] == [pdf_url()]


def test_unknown_code_pdf_is_404(amira_client, completion):
    assert amira_client.get(pdf_url("ZZZZZZZZZZZZZZZZZZZZ")).status_code == 404


def test_revoked_certificate_is_not_downloadable(amira_client, completion, superuser):
    completion.revoked_at = timezone.now()
    completion.revoked_by = superuser
    completion.revoked_reason = "Recorded against the wrong person."
    completion.save()

    response = amira_client.get(pdf_url())

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    html = main_html(response)
    assert "revoked" in html
    assert "wrong person" not in html


def test_revoked_certificate_is_404_for_others(chen_client, completion, superuser):
    completion.revoked_at = timezone.now()
    completion.revoked_reason = "Duplicate."
    completion.save()
    assert chen_client.get(pdf_url()).status_code == 404


def test_expired_certificate_still_downloads(amira_client, amira, course):
    CertifiedCompletionFactory(user=amira, course=course, valid_until=datetime.date(2020, 1, 1))
    assert amira_client.get(pdf_url()).status_code == 200


def test_no_pdf_when_the_course_gives_no_certificate(amira_client, amira, course):
    course.certificate_enabled = False
    course.save()
    CertifiedCompletionFactory(user=amira, course=course)
    assert amira_client.get(pdf_url()).status_code == 404


def test_pdf_when_the_course_page_is_gone(amira_client, amira):
    CertifiedCompletionFactory(
        user=amira, course=None, course_title="A retired course", course_code="OLD-001"
    )
    response = amira_client.get(pdf_url())
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_pdf_is_only_answered_to_get(amira_client, completion):
    assert amira_client.post(pdf_url()).status_code == 405


# --- Any script on the certificate ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "أميرة حدّاد",
        "Zoë Ñúñez-Łukasiewicz",
        "陈伟",
        "김민준",
        # PostgreSQL refuses NUL in text (and Django's forms refuse it), so BEL stands in.
        "Amira حداد 陈伟 Ελένη Ωμέγα ✓ \u200f\x07",
        "",
    ],
)
def test_a_name_in_any_script_renders_a_pdf(amira_client, amira, course, name):
    amira.full_name = name
    amira.save()
    CertifiedCompletionFactory(user=amira, course=course, course_title=f"{name} – العمل مع المؤثرين")

    response = amira_client.get(pdf_url())

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("language", ["ar", "es", "fr"])
def test_pdf_in_another_language(amira, completion, language):
    client = Client()
    client.force_login(amira)
    response = client.get(f"/{language}/certificates/{CODE}/certificate.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_arabic_is_joined_and_put_in_visual_order():
    drawn = visual("أميرة")
    # Presentation forms (joined letters), last letter first.
    assert all("\ufe70" <= char <= "\ufeff" for char in drawn)
    assert drawn[0] in "\ufe93\ufe94"  # teh marbuta, final or isolated
    assert visual("Amira Haddad") == "Amira Haddad"
    assert "\u0651" in visual("حدّاد")  # the shadda stays


def test_very_long_name_and_title_still_fit(amira, course):
    amira.full_name = ("Amira " + "Haddad-" * 30)[:200]  # the field's maximum
    amira.save()
    completion = CertifiedCompletionFactory(
        user=amira, course=course, course_title=("Storytelling " * 20)[:255]
    )
    assert build_certificate_pdf(completion, "http://testserver/x/").startswith(b"%PDF")


def test_without_a_system_font_the_bundled_font_is_used(monkeypatch, completion):
    monkeypatch.setattr(certificates, "FONT_DIRECTORIES", [])
    certificates.font_families.cache_clear()
    try:
        assert [font for font, _ in runs("Zoë")] == ["Certificate-Vera"]
        # Arabic has no glyphs in Vera: it still builds, with empty boxes.
        completion.user.full_name = "أميرة حداد"
        pdf = build_certificate_pdf(completion, "http://testserver/x/", compress=False)
        assert pdf.startswith(b"%PDF")
        assert b"DejaVu" not in pdf
        assert b"Vera" in pdf
    finally:
        certificates.font_families.cache_clear()


def test_mixed_scripts_are_set_in_runs_of_the_font_that_has_them():
    certificates.font_families.cache_clear()
    parts = runs("Chen 陈伟")
    assert "".join(text for _, text in parts) == "Chen 陈伟"
    assert parts[-1] == ("STSong-Light", "陈伟")


# --- The public check -----------------------------------------------------------------------


def test_anyone_can_check_a_certificate(client, completion):
    response = client.get(verify_url())

    assert response.status_code == 200
    html = main_html(response)
    assert texts(html, "h1") == ["Certificate check"]
    details = dict(zip(texts(html, "dt"), texts(html, "dd"), strict=True))
    assert details["Certificate code"] == CODE
    assert details["Awarded to"] == "Amira Haddad"
    assert details["Course"] == "Working with influencers (INF-101)"
    assert details["Completed on"] == "March 5, 2026"
    assert details["Valid until"] == date_format(completion.valid_until)
    assert details["Status"] == "Valid"
    assert "this certificate is genuine and valid" in html


def test_check_page_tells_nothing_more(client, amira, completion):
    html = client.get(verify_url()).content.decode()

    assert amira.email not in html
    assert amira.email.lower() not in html
    assert amira.employee_id not in html
    assert amira.username not in html.replace("Amira Haddad", "")
    assert "92" not in main_html_text(html)
    assert "Score" not in html
    assert "Communications" not in html
    assert "Bruno" not in html


def main_html_text(html):
    return " ".join(text_of(element) for element in elements(html, "main"))


def test_check_page_is_not_indexed(client, completion):
    html = client.get(verify_url()).content.decode()
    robots = elements(html, "meta", name="robots")
    assert [meta.attrs["content"] for meta in robots] == ["noindex"]
    canonical = elements(html, "link", rel="canonical")
    assert [link.attrs["href"] for link in canonical] == [f"http://testserver/certificates/{CODE}/"]


def test_check_page_shows_no_site_navigation_to_visitors(client, completion):
    html = client.get(verify_url()).content.decode()
    assert not elements(html, "nav")


def test_check_page_works_in_another_language_without_login(client, completion):
    response = client.get(f"/ar/certificates/{CODE}/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_lower_case_code_with_hyphens_and_spaces_works(client, completion):
    messy = "abcd-efgh-jklm npqr-stuv"
    assert normalise_code(messy) == CODE
    response = client.get(verify_url(messy))
    assert response.status_code == 200
    assert "Amira Haddad" in main_html(response)


def test_revoked_certificate_says_revoked_but_not_why(client, completion, superuser):
    completion.revoked_at = timezone.now()
    completion.revoked_by = superuser
    completion.revoked_reason = "Quiz answers were shared between colleagues."
    completion.save()

    response = client.get(verify_url())

    assert response.status_code == 200
    html = main_html(response)
    assert "this certificate was revoked and is no longer valid" in html
    details = dict(zip(texts(html, "dt"), texts(html, "dd"), strict=True))
    assert details["Status"] == "Revoked"
    assert "shared between colleagues" not in response.content.decode()
    assert "root-admin" not in response.content.decode()


def test_expired_certificate_says_expired(client, amira, course):
    CertifiedCompletionFactory(user=amira, course=course, valid_until=datetime.date(2025, 3, 31))
    response = client.get(verify_url())

    assert response.status_code == 200
    html = main_html(response)
    assert "this certificate was valid until March 31, 2025" in html
    details = dict(zip(texts(html, "dt"), texts(html, "dd"), strict=True))
    assert details["Status"] == "Expired"
    assert details["Valid until"] == "March 31, 2025"


def test_certificate_without_expiry_says_so(client, amira, course):
    CertifiedCompletionFactory(user=amira, course=course, valid_until=None)
    html = main_html(client.get(verify_url()))
    details = dict(zip(texts(html, "dt"), texts(html, "dd"), strict=True))
    assert details["Valid until"] == "Does not expire"
    assert details["Status"] == "Valid"


@pytest.mark.parametrize(
    "code", ["ZZZZZZZZZZZZZZZZZZZZ", "nope", "-", "A" * 200, '"><img src=x onerror=alert(1)>']
)
def test_unknown_code_is_404_with_a_clear_message(client, completion, code):
    response = client.get(verify_url(code))

    assert response.status_code == 404
    html = main_html(response)
    assert texts(html, "h1") == ["Certificate not found"]
    assert "No certificate has" in html
    assert "<img" not in html.lower()
    assert "Amira" not in html


def test_check_page_is_only_answered_to_get(client, completion):
    assert client.post(verify_url()).status_code == 405


def test_check_page_has_no_download_for_visitors_or_staff(client, chen_client, completion):
    for some_client in (client, chen_client):
        assert pdf_url() not in some_client.get(verify_url()).content.decode()


def test_check_page_offers_the_owner_the_download(amira_client, completion):
    html = main_html(amira_client.get(verify_url()))
    assert [link.attrs["href"] for link in elements(html, "a")] == [
        pdf_url(),
        f"/certificates/{CODE}/open-badge.json",
        f"/certificates/{CODE}/open-badge.jwt",
        "/credentials/issuer",
    ]


def test_check_page_offers_no_download_once_revoked(amira_client, completion):
    completion.revoked_at = timezone.now()
    completion.revoked_reason = "Duplicate."
    completion.save()
    assert pdf_url() not in amira_client.get(verify_url()).content.decode()


def test_check_page_query_count_is_small_and_constant(client, django_assert_num_queries, amira, course):
    CertifiedCompletionFactory(user=amira, course=course)
    for number in range(5):
        CertifiedCompletionFactory(
            user=UserFactory(), course=course, certificate_id=f"OTHERCODE{number:011d}"
        )

    # One query: the completion with its holder.
    with django_assert_num_queries(1):
        assert client.get(verify_url()).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(verify_url("OTHERCODE00000000003")).status_code == 200
    # A 404 also lets Wagtail's redirects middleware look for a redirect (site, redirect).
    with django_assert_num_queries(3):
        assert client.get(verify_url("ZZZZZZZZZZZZZZZZZZZZ")).status_code == 404


def test_check_page_query_count_for_a_signed_in_visitor(chen_client, django_assert_num_queries, completion):
    # Session, user, completion, and the two permission look-ups of Wagtail's user bar.
    with django_assert_num_queries(5):
        assert chen_client.get(verify_url()).status_code == 200


def test_the_verification_page_is_styled_as_the_rest_of_the_site(client, completion):
    """Signed out, as an employer checking a code would be: the site's header, footer and
    stylesheet, and every class the page's content uses is one the stylesheet styles."""
    import re
    from pathlib import Path

    from django.conf import settings

    response = client.get(verify_url())
    page = elements(response, "body")[0]
    assert "page-certificate" in page["class"]
    assert elements(response, "header", class_="site-header") and elements(
        response, "footer", class_="site-footer"
    )
    assert elements(response, "link", rel="stylesheet")
    stylesheet = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    styled = set(re.findall(r"\.([a-z][a-z0-9_-]*)", stylesheet))
    used = {name for element in elements(main_html(response)) for name in element.get("class", [])}
    # Modifiers (block--state) count when their block is styled; certificate-status is a hook.
    hooks = {"certificate-status"}
    assert {name for name in used - styled if name.split("--")[0] not in styled | hooks} == set()
    assert {"certificate-details", "certificate-code"} <= used
