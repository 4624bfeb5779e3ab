"""Course completions in the admin for HR admins: a read-only listing, and revocation
with a reason that keeps the completion on record. Nobody deletes a completion."""

import io

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.services import progress
from tests.adminforms import field_names
from tests.conftest import _client_for
from tests.factories import UserFactory
from tests.responses import assert_refused, csv_dicts, csv_rows, streamed

BASE = "/admin/snippets/records/coursecompletion/"
REASON = "Completed on a shared account; HR ticket 4521."


def revoke_url(completion):
    return f"{BASE}revoke/{completion.pk}/"


@pytest.fixture
def completion(amira, module, course):
    """Amira read the course's only module, which completed the course."""
    amira.employee_id = "E-4242"
    amira.save()
    progress.mark_module_read(amira, module, course)
    return CourseCompletion.objects.get(user=amira, course_code="INF-101")


def assert_unchanged(completion):
    fresh = CourseCompletion.objects.get(pk=completion.pk)
    assert fresh.revoked_at is None
    assert fresh.revoked_by is None
    assert fresh.revoked_reason == ""
    assert fresh.status == "valid"
    assert ModuleProgress.objects.get(user=completion.user, course_code="INF-101").completed_at is not None


# --- Revoking ------------------------------------------------------------------------------


def test_hr_admin_revokes_with_a_reason(hana_client, hana, completion, amira):
    response = hana_client.post(revoke_url(completion), {"reason": REASON})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}inspect/{completion.pk}/"

    completion.refresh_from_db()
    assert completion.revoked_at is not None
    assert completion.revoked_by == hana
    assert completion.revoked_reason == REASON
    assert completion.status == "revoked"
    # The fact is kept, with its certificate and score.
    assert CourseCompletion.objects.filter(
        pk=completion.pk, certificate_id=completion.certificate_id
    ).exists()


def test_revoking_resets_the_learners_progress(hana_client, completion, amira):
    hana_client.post(revoke_url(completion), {"reason": REASON})
    module_progress = ModuleProgress.objects.get(user=amira, course_code="INF-101")
    assert module_progress.completed_at is None
    assert module_progress.read_at is None
    enrolment = Enrolment.objects.get(user=amira, course_code="INF-101")
    assert enrolment.status == Enrolment.Status.IN_PROGRESS
    assert enrolment.completed_at is None
    assert progress.current_completion(amira, "INF-101") is None


def test_revocation_is_logged_for_the_history(hana_client, hana, completion):
    hana_client.post(revoke_url(completion), {"reason": REASON})
    entry = ModelLogEntry.objects.get(action="records.revoke_completion", object_id=str(completion.pk))
    assert entry.user == hana
    assert entry.data == {"reason": REASON}
    history = hana_client.get(f"{BASE}history/{completion.pk}/")
    assert history.status_code == 200
    assert "Course completion revoked" in history.content.decode()


def test_superuser_can_revoke(superuser_client, completion):
    superuser_client.post(revoke_url(completion), {"reason": REASON})
    assert CourseCompletion.objects.get(pk=completion.pk).is_revoked


@pytest.mark.parametrize("reason", ["", "   \n  "])
def test_empty_reason_is_refused_next_to_the_field(hana_client, completion, reason):
    response = hana_client.post(revoke_url(completion), {"reason": reason})
    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["Give the reason for revoking this completion."]}
    content = response.content.decode()
    assert "Give the reason for revoking this completion." in content
    assert_unchanged(completion)


def test_reason_refused_by_the_service_is_shown_next_to_the_field(hana_client, completion, monkeypatch):
    def refuse(*args, **kwargs):
        raise ValueError("A revocation needs a reason.")

    monkeypatch.setattr(progress, "revoke_completion", refuse)
    response = hana_client.post(revoke_url(completion), {"reason": REASON})
    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["A revocation needs a reason."]}
    assert not ModelLogEntry.objects.filter(action="records.revoke_completion").exists()
    assert_unchanged(completion)


def test_missing_reason_field_is_refused(hana_client, completion):
    response = hana_client.post(revoke_url(completion), {})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert_unchanged(completion)


def test_get_shows_the_form_and_changes_nothing(hana_client, completion):
    response = hana_client.get(revoke_url(completion))
    assert response.status_code == 200
    content = response.content.decode()
    assert {"reason", "csrfmiddlewaretoken"} <= field_names(response, revoke_url(completion))
    assert "INF-101" in content
    assert_unchanged(completion)


def test_revoking_needs_the_csrf_token(hana, completion):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hana)
    response = client.post(revoke_url(completion), {"reason": REASON})
    assert response.status_code == 403
    assert_unchanged(completion)


def test_revoking_twice_keeps_the_first_revocation(hana_client, hana, superuser_client, completion):
    hana_client.post(revoke_url(completion), {"reason": REASON})
    first = CourseCompletion.objects.get(pk=completion.pk)
    response = superuser_client.post(revoke_url(completion), {"reason": "Another reason"})
    assert response.status_code == 302
    again = CourseCompletion.objects.get(pk=completion.pk)
    assert (again.revoked_at, again.revoked_by, again.revoked_reason) == (first.revoked_at, hana, REASON)


def test_unknown_completion_is_404(hana_client, db):
    assert hana_client.get(f"{BASE}revoke/999999/").status_code == 404


@pytest.mark.parametrize("who", ["bruno", "eve", "amira"])
def test_others_cannot_revoke(request, completion, who):
    client = _client_for(request.getfixturevalue(who))
    url = revoke_url(completion)
    assert_refused(client.get(url), url)
    assert_refused(client.post(url, {"reason": REASON}), url)
    assert_unchanged(completion)


def test_manager_gets_403(bruno, completion):
    response = _client_for(bruno).post(revoke_url(completion), {"reason": REASON})
    # Wagtail turns PermissionDenied in its admin into a redirect to the dashboard.
    assert response.status_code in (302, 403)
    assert_unchanged(completion)


# --- The listing ---------------------------------------------------------------------------


def test_hr_admin_sees_the_listing(hana_client, completion):
    response = hana_client.get(BASE)
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Amira Haddad", "E-4242", "INF-101", "Working with influencers", "Valid"):
        assert text in content
    assert f"{BASE}inspect/{completion.pk}/" in content
    assert revoke_url(completion) in content


def test_old_bookmarks_from_when_completions_were_in_quizzes_lead_to_them(hana_client, completion):
    old = hana_client.get(f"/admin/snippets/quizzes/coursecompletion/inspect/{completion.pk}/?q=x")
    assert old.status_code == 301
    assert old["Location"] == f"{BASE}inspect/{completion.pk}/?q=x"
    assert hana_client.get(old["Location"]).status_code == 200


def test_listing_offers_no_add_edit_copy_or_delete(hana_client, superuser_client, completion):
    for client in (hana_client, superuser_client):
        content = client.get(BASE).content.decode()
        assert f"{BASE}add/" not in content
        assert f"{BASE}edit/{completion.pk}/" not in content
        assert f"{BASE}delete/{completion.pk}/" not in content
        assert f"{BASE}copy/{completion.pk}/" not in content


def test_revoked_completion_stays_in_the_listing(hana_client, hana, completion):
    hana_client.post(revoke_url(completion), {"reason": REASON})
    content = hana_client.get(BASE).content.decode()
    assert "Amira Haddad" in content
    assert "Revoked" in content
    assert revoke_url(completion) not in content  # nothing left to revoke


def test_inspect_page_shows_the_revocation(hana_client, completion):
    hana_client.post(revoke_url(completion), {"reason": REASON})
    response = hana_client.get(f"{BASE}inspect/{completion.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Revoked" in content
    assert "Completed on a shared account; HR ticket 4521." in content
    assert "Hana Sato" in content
    assert completion.certificate_id in content


def test_inspect_page_offers_revoke_while_valid(hana_client, completion):
    content = hana_client.get(f"{BASE}inspect/{completion.pk}/").content.decode()
    assert revoke_url(completion) in content
    assert f"{BASE}history/{completion.pk}/" in content
    assert f"{BASE}edit/{completion.pk}/" not in content
    assert f"{BASE}delete/{completion.pk}/" not in content


@pytest.fixture
def completions(catalogue, completion, hana_client):
    """Amira's valid INF-101 completion, and Chen's revoked one of another course."""
    from tests.factories import make_course, make_module

    chen = UserFactory(username="chen.wei", full_name="Chen Wei", employee_id="E-7777")
    course = make_course(catalogue, title="Storytelling", course_code="STORY-201")
    progress.mark_module_read(chen, make_module(course), course)
    revoked = CourseCompletion.objects.get(user=chen)
    hana_client.post(revoke_url(revoked), {"reason": REASON})
    return completion, revoked


def listed(response):
    return {item.pk for item in response.context["object_list"]}


def test_filter_by_course_code(hana_client, completions):
    valid, revoked = completions
    assert listed(hana_client.get(BASE, {"course_code": "STORY-201"})) == {revoked.pk}
    assert listed(hana_client.get(BASE, {"course_code": "INF-101"})) == {valid.pk}


def test_filter_by_revoked(hana_client, completions):
    valid, revoked = completions
    assert listed(hana_client.get(BASE, {"revoked": "true"})) == {revoked.pk}
    assert listed(hana_client.get(BASE, {"revoked": "false"})) == {valid.pk}
    assert listed(hana_client.get(BASE)) == {valid.pk, revoked.pk}


@pytest.mark.parametrize(
    ("query", "who"), [("Haddad", "valid"), ("e-4242", "valid"), ("E-7777", "revoked"), ("chen", "revoked")]
)
def test_search_by_name_employee_id_or_certificate(hana_client, completions, query, who):
    valid, revoked = completions
    expected = {"valid": valid, "revoked": revoked}[who]
    assert listed(hana_client.get(BASE, {"q": query})) == {expected.pk}


def test_search_by_certificate_id(hana_client, completions):
    valid, _revoked = completions
    assert listed(hana_client.get(BASE, {"q": valid.certificate_id})) == {valid.pk}


def test_csv_export(hana_client, completions):
    response = hana_client.get(BASE, {"export": "csv"})
    assert response.status_code == 200
    assert 'filename="course-completions-' in response["Content-Disposition"]
    rows = csv_dicts(response)
    by_name = {row["Name"]: row for row in rows}
    assert by_name["Amira Haddad"]["Employee ID"] == "E-4242"
    assert by_name["Amira Haddad"]["Course code"] == "INF-101"
    assert by_name["Amira Haddad"]["Status"] == "Valid"
    assert by_name["Chen Wei"]["Status"] == "Revoked"
    assert by_name["Chen Wei"]["Reason for revocation"] == REASON
    assert by_name["Chen Wei"]["Revoked by"] == "Hana Sato"


def test_csv_export_neutralises_formulas(hana_client, completion, amira):
    amira.full_name = '=HYPERLINK("http://evil.example")'
    amira.save()
    rows = csv_rows(hana_client.get(BASE, {"export": "csv"}))
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'


def test_xlsx_export(hana_client, completions):
    response = hana_client.get(BASE, {"export": "xlsx"})
    assert response.status_code == 200
    content = streamed(response)
    assert content[:4] == b"PK\x03\x04"
    values = list(load_workbook(io.BytesIO(content)).active.values)
    assert values[0][:3] == ("Name", "Employee ID", "Email")
    assert {row[0] for row in values[1:]} == {"Amira Haddad", "Chen Wei"}


@pytest.mark.parametrize("who", ["bruno", "eve", "amira"])
def test_others_cannot_see_completions(request, completion, who):
    client = _client_for(request.getfixturevalue(who))
    for url in (BASE, f"{BASE}inspect/{completion.pk}/"):
        assert_refused(client.get(url), url)
    response = client.get(BASE, {"export": "csv"})
    assert response.status_code in (302, 403)
    assert "Content-Disposition" not in response


def test_menu_shows_completions_only_to_hr(hana, bruno, db):
    assert BASE in _client_for(hana).get("/admin/").content.decode()
    assert BASE not in _client_for(bruno).get("/admin/").content.decode()


def test_listing_query_count_does_not_grow_with_completions(catalogue, hana_client, completion):
    from tests.factories import make_course, make_module

    hana_client.get(BASE)
    with CaptureQueriesContext(connection) as few:
        hana_client.get(BASE)
    for _number in range(15):
        course = make_course(catalogue)
        progress.mark_module_read(UserFactory(), make_module(course), course)
    hana_client.get(BASE)
    with CaptureQueriesContext(connection) as many:
        response = hana_client.get(BASE)
    assert len(response.context["object_list"]) == 16
    assert len(many) <= len(few)


# --- Nobody deletes, adds or edits a completion through the admin --------------------------


@pytest.mark.parametrize("client_fixture", ["superuser_client", "hana_client"])
def test_completion_cannot_be_deleted(request, completion, client_fixture):
    client = request.getfixturevalue(client_fixture)
    url = f"{BASE}delete/{completion.pk}/"
    assert_refused(client.get(url), url)
    assert_refused(client.post(url), url)
    assert CourseCompletion.objects.filter(pk=completion.pk).exists()


@pytest.mark.parametrize("client_fixture", ["superuser_client", "hana_client"])
def test_completion_cannot_be_bulk_deleted(request, completion, client_fixture):
    client = request.getfixturevalue(client_fixture)
    url = f"/admin/bulk/records/coursecompletion/delete/?id={completion.pk}"
    client.get(url)
    client.post(url)
    assert CourseCompletion.objects.filter(pk=completion.pk).exists()


@pytest.mark.parametrize("client_fixture", ["superuser_client", "hana_client"])
def test_completion_cannot_be_edited(request, completion, client_fixture):
    client = request.getfixturevalue(client_fixture)
    url = f"{BASE}edit/{completion.pk}/"
    assert_refused(client.get(url), url)
    assert_refused(client.post(url, {"course_code": "HACKED-1", "score": "100"}), url)
    assert CourseCompletion.objects.get(pk=completion.pk).course_code == "INF-101"


@pytest.mark.parametrize("client_fixture", ["superuser_client", "hana_client"])
def test_completion_cannot_be_added(request, completion, client_fixture):
    client = request.getfixturevalue(client_fixture)
    url = f"{BASE}add/"
    assert_refused(client.get(url), url)
    assert_refused(client.post(url, {"course_code": "FAKE-1"}), url)
    assert CourseCompletion.objects.count() == 1
