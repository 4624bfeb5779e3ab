"""Journey 3: a manager opens the team completion report from the Reports menu, narrows it
to the overdue, and downloads it as XLSX and CSV (both files opened and checked); then a
person's transcript. axe-core runs on both reports."""

import csv
from datetime import timedelta

from django.utils import timezone

from tests.e2e.browser import E2E, admin_login, check_axe, shot

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
]


def open_report_from_menu(page, name):
    page.get_by_role("button", name="Reports").click()
    with page.expect_navigation():
        page.get_by_role("link", name=name).click()


def make_overdue():
    """Two of the manager's team missed a due date; someone outside the team too."""
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
    return sorted(str(enrolment.user) for enrolment in late), str(outsider.user)


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
