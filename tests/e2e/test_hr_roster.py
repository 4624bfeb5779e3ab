"""Journey: an HR admin checks a roster file (a dry run with a per-person preview: before ->
after, warnings), presses Import now, and finds the import on the dashboard's "Roster last
imported" panel. axe-core runs on the preview, the result and the panel."""

from tests.e2e.browser import E2E, admin_login, check_axe, shot

pytestmark = E2E

HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)
PANEL = "#roster-last-imported-section"


def words(text):
    return " ".join(text.split())


def roster_file(tmp_path):
    """The demo's learner moves office; a new joiner arrives in a department that does not
    exist yet, with a manager ID nobody knows."""
    from people.models import User

    staff = User.objects.select_related("department", "manager").get(username="staff")
    moved = ",".join(
        [
            staff.employee_id,
            staff.email,
            staff.full_name,
            staff.department.name if staff.department else "",
            "Nairobi" if staff.country != "Nairobi" else "Dakar",
            staff.manager.employee_id if staff.manager else "",
            staff.preferred_language,
            staff.start_date.isoformat() if staff.start_date else "",
            "true",
        ]
    )
    joiner = "N-9001,zanele.dube@example.org,Zanele Dube,Digital Investigations,Johannesburg,NOPE-1,en,,true"
    path = tmp_path / "roster-update.csv"
    path.write_text("\n".join([HEADER, moved, joiner]) + "\n", encoding="utf-8")
    return path, staff


def test_hr_previews_a_roster_and_imports_it_now(browsing, demo, tmp_path):
    from people.models import RosterImport, User

    path, staff = roster_file(tmp_path)
    page = browsing.page()
    admin_login(page, "hr")

    # The dashboard shows the demo's last import (HR's export, run from the command line),
    # with the way to import a new one.
    panel = page.locator(PANEL)
    assert "from the command line" in panel.inner_text()
    assert "Created 1 Changed 1 Deactivated 0" in words(panel.inner_text())
    check_axe(page, "admin: dashboard, roster panel (command line import)", include=PANEL)

    with page.expect_navigation():
        panel.get_by_role("link", name="Import a new roster").click()
    page.set_input_files("#id_file", str(path))
    page.set_checked("#id_dry_run", True)
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()

    # The preview: the mover's office before -> after, the joiner, two warnings.
    changed = page.locator("tr.roster-changed")
    assert changed.count() == 1
    assert f"Country or office: {staff.country or '—'} → becomes Nairobi" in words(changed.inner_text())
    assert "Zanele Dube" in page.locator("tr.roster-new").inner_text()
    warnings = page.locator("tr.roster-warning").all_inner_texts()
    assert len(warnings) == 2
    assert any('department "Digital Investigations" does not exist yet' in warning for warning in warnings)
    assert any('unknown manager "NOPE-1"' in warning for warning in warnings)
    assert not User.objects.filter(employee_id="N-9001").exists()
    shot(page, "hr-roster-01-preview")
    check_axe(page, "admin: import staff roster, preview")

    # Import now: the stored file, no second upload.
    with page.expect_navigation():
        page.get_by_role("button", name="Import now").click()
    assert page.url.endswith("/admin/staff/import/")
    message = page.get_by_text("The roster was imported:")
    assert "1 created, 1 changed, 0 deactivated, 0 unchanged" in message.inner_text()
    assert User.objects.get(employee_id="N-9001").department.name == "Digital Investigations"
    assert User.objects.get(pk=staff.pk).country == "Nairobi"
    assert RosterImport.objects.get(uploaded_by__username="hr").status == RosterImport.Status.APPLIED
    shot(page, "hr-roster-02-imported")
    check_axe(page, "admin: import staff roster, imported now")

    # The dashboard panel: when, by whom, how many.
    page.goto("/admin/")
    text = page.locator(PANEL).inner_text()
    hr = User.objects.get(username="hr")
    assert f"by {hr.get_full_name()}" in text and "command line" not in text
    assert "Created 1 Changed 1 Deactivated 0" in words(text)
    shot(page, "hr-roster-03-dashboard-panel")
    check_axe(page, "admin: dashboard, roster panel", include=PANEL)
