"""The roster upload in the Wagtail admin: HR admins only, POST with CSRF, errors shown."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from people.models import User
from tests.htmlutils import elements

URL_NAME = "people_roster_upload"
HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)


def upload(lines, name="roster.csv"):
    return SimpleUploadedFile(name, ("\n".join([HEADER, *lines]) + "\n").encode(), content_type="text/csv")


def test_hr_admin_sees_the_form_with_dry_run_checked(hana_client):
    response = hana_client.get(reverse(URL_NAME))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert response.context["form"]["dry_run"].value() is True


def test_hr_admin_sees_the_menu_item(hana_client):
    response = hana_client.get(reverse("wagtailadmin_home"))

    assert reverse(URL_NAME) in response.content.decode()


def test_hr_admin_imports_a_file(hana_client):
    response = hana_client.post(
        reverse(URL_NAME), {"file": upload(["E1,a@example.org,Ana Lima,Research,Lima,,es,,"]), "dry_run": ""}
    )

    assert response.status_code == 200
    assert response.context["result"].written
    assert "The roster was imported" in response.content.decode()
    assert User.objects.get(employee_id="E1").preferred_language == "es"


def test_dry_run_saves_nothing(hana_client):
    response = hana_client.post(
        reverse(URL_NAME), {"file": upload(["E1,a@example.org,Ana Lima,,,,,,"]), "dry_run": "on"}
    )

    assert "Dry run: nothing was saved" in response.content.decode()
    assert response.context["result"].summary()["created"] == 1
    assert not User.objects.filter(employee_id="E1").exists()


def test_every_error_is_shown_with_its_line(hana_client):
    response = hana_client.post(
        reverse(URL_NAME),
        {"file": upload(["E1,bad-email,A,,,,,,", "E2,b@example.org,<b>B</b>,,,,de,,"]), "dry_run": ""},
    )

    html = response.content.decode()
    assert "Nothing was saved" in html
    assert len([row for row in elements(html) if row.get("class") == ["roster-error"]]) == 2
    assert "<td>2</td>" in html and "invalid email &quot;bad-email&quot;" in html
    assert "<td>3</td>" in html and "unknown language &quot;de&quot;" in html
    assert not User.objects.filter(employee_id__in=["E1", "E2"]).exists()


def test_missing_file_shows_a_field_error(hana_client):
    response = hana_client.post(reverse(URL_NAME), {"dry_run": "on"})

    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@pytest.mark.parametrize("who", ["bruno", "amira", "eve"])
def test_staff_managers_and_editors_are_refused(request, who):
    client = Client()
    client.force_login(request.getfixturevalue(who))

    get = client.get(reverse(URL_NAME))
    post = client.post(reverse(URL_NAME), {"file": upload(["E1,a@example.org,A,,,,,,"]), "dry_run": ""})

    assert get.status_code in (302, 403)
    assert post.status_code in (302, 403)
    assert not User.objects.filter(employee_id="E1").exists()


def test_manager_does_not_see_the_menu_item(bruno):
    client = Client()
    client.force_login(bruno)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert reverse(URL_NAME) not in response.content.decode()


def test_anonymous_is_sent_to_login(db):
    response = Client().get(reverse(URL_NAME))

    assert response.status_code == 302


def test_post_without_csrf_token_is_refused(hana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hana)

    response = client.post(reverse(URL_NAME), {"file": upload(["E1,a@example.org,A,,,,,,"]), "dry_run": ""})

    assert response.status_code == 403
    assert not User.objects.filter(employee_id="E1").exists()
