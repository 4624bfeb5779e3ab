"""Journey 3: a manager opens the team completion report from the Reports menu, narrows it
to the overdue, and downloads it as XLSX and CSV (both files opened and checked); then a
person's transcript. axe-core runs on both reports. And the manager's dashboard: the team
panel's figures, a reminder to an overdue person (once a day), a course assigned to the
whole team; axe-core on the dashboard and the assignment form."""

import csv
from datetime import timedelta

from django.utils import timezone

from tests.e2e.browser import E2E, PHONE, admin_login, check_axe, check_layout, shot

pytestmark = E2E

HEADINGS = [
    "Person",
    "Employee ID",
    "Department",
    "Country",
    "Course code",
    "Course title",
    "Status",
    "Due date",
    "Completed at",
    "Score (%)",
    "Update required (version)",
    "Modules to update",
    "Update due date",
]


def open_report_from_menu(page, name):
    page.get_by_role("button", name="Reports").click()
    with page.expect_navigation():
        page.get_by_role("link", name=name, exact=True).click()


def make_overdue():
    """Two more of the manager's team missed a due date (the demo has two already);
    someone outside the team too. Returns the team's overdue and the outsider."""
    from records.models import Enrolment

    past = timezone.localdate() - timedelta(days=3)
    team = Enrolment.objects.filter(user__manager__username="manager", course_code="STO-101")
    late = list(team.order_by("user__full_name")[:2])
    for enrolment in late:
        enrolment.due_date = past
        enrolment.save(update_fields=["due_date"])
    outsider = Enrolment.objects.exclude(user__manager__username="manager").exclude(user__username="manager")
    outsider = outsider.exclude(status="completed").first()
    outsider.due_date = past
    outsider.save(update_fields=["due_date"])
    overdue = Enrolment.objects.filter(user__manager__username="manager").overdue()
    return sorted(str(enrolment.user) for enrolment in overdue.select_related("user")), str(outsider.user)


def test_manager_exports_the_overdue_in_their_team(browsing, demo, tmp_path):
    from openpyxl import load_workbook

    late, outsider = make_overdue()
    page = browsing.page()
    admin_login(page, "manager")
    open_report_from_menu(page, "Team completion")
    assert page.url.endswith("/admin/reports/team-completion/")
    rows = page.locator("main table tbody tr")
    assert rows.count() > len(late)
    shot(page, "report-team-completion")
    check_axe(page, "admin: team completion")

    # Filters: overdue only.
    page.get_by_role("button", name="Show filters").click()
    page.locator("[data-w-drilldown-target='toggle']", has_text="Overdue only").click()
    page.get_by_label("Overdue only").check()
    page.wait_for_url("**overdue=on**")
    page.wait_for_function(f"document.querySelectorAll('main table tbody tr').length === {len(late)}")
    shown = sorted(rows.nth(index).locator("td").first.inner_text().strip() for index in range(rows.count()))
    assert shown == late and outsider not in shown
    shot(page, "report-team-completion-overdue")
    check_axe(page, "admin: team completion, overdue filter")

    # Downloads keep the filter.
    for kind in ("xlsx", "csv"):
        link = page.get_by_role("link", name=f"Download {kind.upper()}")
        if not link.is_visible():
            page.get_by_role("button", name="Actions").first.click()
        with page.expect_download() as download:
            link.click()
        path = tmp_path / f"team.{kind}"
        download.value.save_as(path)
        assert download.value.suggested_filename.startswith("team-completion-")
        if kind == "xlsx":
            sheet = load_workbook(path, read_only=True).active
            table = [
                [("" if cell is None else str(cell)) for cell in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        else:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                table = list(csv.reader(handle))
        assert table[0] == HEADINGS, kind
        body = table[1:]
        assert sorted(row[0] for row in body) == late, kind
        assert {row[6] for row in body} == {"Overdue"} and {row[4] for row in body} == {"STO-101"}, kind

    # A person's transcript, from their name.
    with page.expect_navigation():
        rows.first.locator("a").first.click()
    assert "/admin/reports/transcript/" in page.url
    assert late[0] in page.locator("main").inner_text()
    shot(page, "report-transcript")
    check_axe(page, "admin: transcript")


def test_manager_dashboard_reminds_and_assigns(browsing, demo):
    from courses.models import CourseCatalogue
    from people.models import User
    from records.models import Enrolment, ReminderLog
    from tests.factories import make_course

    team = User.objects.filter(manager__username="manager", is_active=True)
    overdue = Enrolment.objects.filter(user__in=team).overdue()
    assert overdue.count() >= 1  # the demo's
    page = browsing.page()
    admin_login(page, "manager")
    panel = page.locator("section[id^='team-training']")
    text = panel.inner_text()
    assert f"{team.count()} people assigned" in text
    assert f"{overdue.count()} overdue" in text
    assert "due in the next 14 days" in text and "% complete" in text
    assert panel.locator("svg[role='img']").count() == 1
    shot(page, "manager-01-dashboard")
    check_axe(page, "admin: dashboard, manager")

    # A reminder to the first person in the overdue list; a second one the same day is refused.
    first = overdue.select_related("user").order_by("due_date", "user__full_name", "pk").first()
    button = panel.get_by_role("button", name=f"Send a reminder to {first.user}")
    with page.expect_navigation():
        button.click()
    assert "Reminder sent: 1." in page.locator(".messages").inner_text()
    log = ReminderLog.objects.get(kind=ReminderLog.Kind.FROM_MANAGER)
    assert (log.enrolment_id, log.requested_by.username) == (first.pk, "manager")
    shot(page, "manager-02-reminder-sent")
    with page.expect_navigation():
        page.locator("section[id^='team-training']").get_by_role(
            "button", name=f"Send a reminder to {first.user}"
        ).click()
    assert "went out in the last 24 hours" in page.locator(".messages").inner_text()
    assert ReminderLog.objects.filter(kind=ReminderLog.Kind.FROM_MANAGER).count() == 1

    # Assign a new course to the whole team, due in a month.
    catalogue = CourseCatalogue.objects.filter(locale__language_code="en").first()
    make_course(catalogue, title="Safety on social platforms", course_code="SAF-201", publish_revision=True)
    with page.expect_navigation():
        page.get_by_role("link", name="Assign a course").click()
    assert "/admin/team/assign/" in page.url
    check_axe(page, "admin: assign a course")
    page.get_by_label("Course").select_option(label="SAF-201 – Safety on social platforms")
    page.get_by_label("Assign to").select_option(value="everyone")
    page.get_by_label("Due date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    shot(page, "manager-03-assign-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign the course").click()
    assert page.url.endswith("/admin/")
    assert f"SAF-201 assigned: {team.count()} people enrolled." in page.locator(".messages").inner_text()
    assert Enrolment.objects.filter(course_code="SAF-201", user__in=team).count() == team.count()
    assert "SAF-201 – Safety on social platforms" in page.locator("section[id^='team-training']").inner_text()
    shot(page, "manager-04-course-assigned")


def test_manager_dashboard_on_a_phone_and_without_javascript(browsing, demo):
    """360 px wide: the figures, the chart and the reminder buttons are there and the page
    does not scroll sideways (wide tables scroll in their own box). Without script (which
    Wagtail's own menu needs) a reminder still goes: a plain form POST."""
    from records.models import ReminderLog

    page = browsing.page(viewport=PHONE)
    admin_login(page, "manager")
    panel = page.locator("section[id^='team-training']")
    assert "people assigned" in panel.inner_text()
    assert panel.locator("svg[role='img']").is_visible()
    check_layout(page, selectors=("main", "section[id^='team-training']", "svg[role='img']"))
    shot(page, "manager-05-dashboard-phone")
    page = browsing.page(javascript=False)
    admin_login(page, "manager")
    panel = page.locator("section[id^='team-training']")
    with page.expect_navigation():
        panel.get_by_role("button", name="Send a reminder to").first.click()
    assert ReminderLog.objects.filter(kind=ReminderLog.Kind.FROM_MANAGER).count() == 1
