"""Journey: a partner organisation's focal point signs in on the learner site and lands on
their organisation's report without a click: its figures and its people, nobody else's.
They download it as CSV and as XLSX (both opened and checked: their organisation only).
axe-core on the report, on a desktop and on a phone."""

import csv

from tests.e2e.browser import E2E, PASSWORD, PHONE, check_axe, check_layout, learner_login, shot

pytestmark = E2E


def make_partners():
    """Voices Collective (a focal point and a member, both enrolled) and another
    organisation whose member is enrolled too."""
    from records.models import Enrolment
    from tests.factories import EnrolmentFactory
    from tests.partners.organisations import make_organisation, make_partner

    course = Enrolment.objects.filter(course_code="STO-101").first()
    voices = make_organisation("Voices Collective", ["voices.example"], country="Kenya")
    other = make_organisation("Other Org", ["other.example"])
    focal = make_partner(voices, "wanjiru", full_name="Wanjiru Kamau")
    voices.focal_points.add(focal)
    member = make_partner(voices, "otieno", full_name="Otieno Odhiambo")
    outsider = make_partner(other, "kofi", full_name="Kofi Mensah")
    for person in (focal, member, outsider):
        person.set_password(PASSWORD)
        person.save()
        EnrolmentFactory(user=person, course_code="STO-101", course_title=course.course_title)
    return ["Otieno Odhiambo", "Wanjiru Kamau"]


def read(path, kind):
    if kind == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).active
        return [
            [("" if cell is None else str(cell)) for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


def test_focal_point_lands_on_their_report_and_exports_it(browsing, demo, tmp_path):
    ours = make_partners()
    page = browsing.page()
    learner_login(page, "wanjiru")
    assert page.url.endswith("/my-learning/organisation/")
    main = page.locator("main")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Voices Collective")
    text = main.inner_text()
    assert "People enrolled" in text
    assert "Otieno Odhiambo" in text and "Kofi Mensah" not in text
    shot(page, "focal-point-report")
    check_axe(page, "site: focal point report")

    for kind, name in (("csv", "CSV"), ("xlsx", "Excel (XLSX)")):
        with page.expect_download() as download:
            page.get_by_role("link", name=name, exact=True).click()
        path = tmp_path / f"organisation.{kind}"
        download.value.save_as(path)
        assert download.value.suggested_filename.startswith("voices-collective-completion-")
        table = read(path, kind)
        assert table[0][:3] == ["Person", "Email", "Organisation"], kind
        assert sorted(row[0] for row in table[1:]) == ours, kind
        assert {row[2] for row in table[1:]} == {"Voices Collective"}, kind

    phone = browsing.page(viewport=PHONE)
    learner_login(phone, "wanjiru")
    check_layout(phone, selectors=("header", "main", "footer"))
    check_axe(phone, "site: focal point report, phone")
