"""Journey 4: an HR admin imports the staff roster (a dry run first), creates an assignment
rule, and sees the new enrolments in the reports. axe-core runs on the roster import and the
organisation overview, both screens this project adds to the admin."""

from pathlib import Path

from tests.e2e.browser import E2E, admin_login, check_axe, shot
from tests.e2e.test_manager import open_report_from_menu

pytestmark = E2E

ROSTER = Path(__file__).resolve().parents[2] / "samples" / "roster.csv"
DEPARTMENT = "Communications"
JOINERS = ["Layla Mansour", "Yasmin Haddad"]  # the roster's Communications rows


def upload(page, dry_run):
    page.set_input_files("#id_file", str(ROSTER))
    page.set_checked("#id_dry_run", dry_run)
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()


def test_hr_imports_the_roster_and_assigns_a_course(browsing, demo):
    from people.models import Department, User
    from records.models import Enrolment

    page = browsing.page()
    admin_login(page, "hr")

    # Settings > Import staff roster.
    page.get_by_role("button", name="Settings").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Import staff roster").click()
    assert page.url.endswith("/admin/staff/import/")
    check_axe(page, "admin: import staff roster")

    upload(page, dry_run=True)
    result = page.locator("[aria-labelledby='roster-result-heading']")
    assert "Dry run: nothing was saved" in result.inner_text()
    assert not User.objects.filter(employee_id__startswith="HR-").exists()
    shot(page, "hr-01-roster-dry-run")

    upload(page, dry_run=False)
    assert "The roster was imported" in result.inner_text()
    assert User.objects.filter(employee_id__startswith="HR-").count() == 15
    assert not User.objects.get(employee_id="HR-1015").is_active  # a leaver in the file
    shot(page, "hr-02-roster-imported")
    check_axe(page, "admin: import staff roster, result")
    joiners = User.objects.filter(full_name__in=JOINERS)
    assert not Enrolment.objects.filter(user__in=joiners, course_code="STO-101").exists()

    # Assignment rules > Add: the storytelling course for a department, due in 30 days.
    with page.expect_navigation():
        page.get_by_role("link", name="Assignment rules").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Add assignment rule").first.click()
    # The course by its code and title, from a list (not the page tree).
    page.get_by_role("combobox", name="Course").select_option(label="STO-101 – Human-rights storytelling")
    page.select_option("#id_target", "department")
    chooser = page.locator(".modal-dialog")
    page.get_by_role("button", name="Choose department").click()
    chooser.get_by_role("link", name=DEPARTMENT, exact=True).click()
    page.locator(".chooser__title", has_text=DEPARTMENT).wait_for()
    page.fill("#id_due_days", "30")
    shot(page, "hr-03-assignment-rule")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").first.click()
    applied = page.get_by_text("Rule applied:")
    applied.wait_for()
    department = Department.objects.get(name=DEPARTMENT)
    expected = Enrolment.objects.filter(course_code="STO-101", user__department=department).count()
    assert f"{expected} people enrolled" in applied.inner_text()
    shot(page, "hr-04-rule-applied")

    # The enrolments appear in the team completion report (HR admins see everyone).
    open_report_from_menu(page, "Team completion")
    page.goto(f"{page.url}?course=STO-101&department={department.pk}")
    listed = page.locator("main table tbody tr td:first-child").all_inner_texts()
    for name in JOINERS:
        assert name in [text.strip() for text in listed]
    assert len(listed) == expected
    shot(page, "hr-05-enrolments-in-team-report")

    # And in the organisation overview.
    open_report_from_menu(page, "Organisation overview")
    assert DEPARTMENT in page.locator("main").inner_text()
    shot(page, "report-organisation-overview")
    check_axe(page, "admin: organisation overview")


def test_hr_lands_on_the_organisation_panel(browsing, demo):
    from records.models import Enrolment

    overdue_people = (
        Enrolment.objects.filter(user__is_active=True).overdue().values("user").distinct().count()
    )
    assert overdue_people  # the demo has overdue training
    page = browsing.page()
    admin_login(page, "hr")
    panel = page.locator("section[id^='organisation-training']")
    text = panel.inner_text()
    assert "By department" in text and "By country or office" in text
    assert page.locator("section[id^='team-training']").count() == 0
    assert panel.locator("svg[role='img']").count() == 1
    shot(page, "hr-dashboard")
    check_axe(page, "admin: dashboard, HR")
    with page.expect_navigation():
        panel.get_by_role("link", name=f"See the {overdue_people} people overdue").click()
    assert "overdue=on" in page.url
    people = {
        row.locator("td").first.inner_text().strip() for row in page.locator("main table tbody tr").all()
    }
    assert len(people) == overdue_people
