"""Journey 2: an editor writes a module in the Wagtail admin (several blocks and a quiz),
previews it, submits it for review; a reviewer approves it; staff see it in the course.
On the way, the editor's quiz item analysis report gets axe-core."""

from playwright.sync_api import expect

from tests.e2e.browser import E2E, admin_login, check_axe, learner_login, shot

pytestmark = E2E

TITLE = "Telling stories with people, not about them"
HEADING = "Start from the person"
PARAGRAPH = "Ask people how they want their story told before you write a word."
TAKEAWAY = "Consent is a conversation, not a form."
NOTE = "This section describes threats made against a witness."
BEHIND_NOTE = "The witness asked us to blur her face and change her name."
QUESTION = "Who decides how a person's story is told?"


def type_rich_text(page, selector, text):
    """Type into a Draftail editor once it is ready, and check the text is there."""
    editor = page.locator(selector).first
    expect(editor).to_be_editable()
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)


def add_block(page, label, within=None):
    """Open the block menu at the end of the stream (or of a nested stream) and pick a block."""
    scope = page.locator(within) if within else page.locator("#panel-child-content-body-content")
    scope.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def test_editor_writes_a_module_and_a_reviewer_publishes_it(browsing, demo):
    from courses.models import CoursePage, ModulePage

    course = CoursePage.objects.get(course_code="STO-101", locale__language_code="en")
    editor = browsing.page()
    admin_login(editor, "editor")

    # Pages > the course > Add child page: a module is the only kind a course takes.
    editor.goto(f"/admin/pages/{course.pk}/")
    editor.get_by_role("link", name="Add child page").first.click()
    editor.wait_for_url("**/add/courses/modulepage/**")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_estimated_minutes", "8")

    add_block(editor, "Heading")
    editor.fill("#body-0-value-text", HEADING)
    add_block(editor, "Text")
    type_rich_text(editor, "[data-contentpath='body'] [contenteditable='true']", PARAGRAPH)
    add_block(editor, "Key takeaways")
    editor.fill("#body-2-value-title", "Key takeaways")
    editor.fill("#body-2-value-items-0-value", TAKEAWAY)
    add_block(editor, "Content note")
    editor.fill("#body-3-value-note", NOTE)
    add_block(editor, "Text", within="[data-contentpath='body'] [data-contentpath='content']")
    type_rich_text(editor, "[data-contentpath='content'] [contenteditable='true']", BEHIND_NOTE)
    add_block(editor, "Reflection prompt")
    editor.fill("#body-4-value-prompt", "Whose permission did your last story have?")
    shot(editor, "editor-01-module-blocks")

    # The quiz tab: one single-choice question, three choices, one right.
    editor.click("#tab-label-quiz")
    editor.click("#id_quiz_questions-ADD")
    editor.select_option("#id_quiz_questions-0-kind", "single")
    editor.fill("#id_quiz_questions-0-prompt", QUESTION)
    editor.fill("#id_quiz_questions-0-explanation", "The person whose story it is.")
    for number, (text, right) in enumerate(
        [("The person whose story it is", True), ("The campaign team", False), ("The audience", False)]
    ):
        if number >= 2:
            editor.click("#id_quiz_questions-0-choices-ADD")
        editor.fill(f"#id_quiz_questions-0-choices-{number}-text", text)
        if right:
            editor.check(f"#id_quiz_questions-0-choices-{number}-is_correct")
    shot(editor, "editor-02-quiz-tab")

    # Save a draft, then preview it in the side panel.
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_url("**/admin/pages/*/edit/")
    module = ModulePage.objects.get(title=TITLE)
    assert not module.live and module.quiz_questions.count() == 1
    assert [block.block_type for block in module.get_latest_revision_as_object().body] == [
        "heading",
        "paragraph",
        "key_takeaways",
        "content_note",
        "reflection",
    ]
    editor.click("button[data-side-panel-toggle='preview']")
    preview = editor.frame_locator("iframe[id*='preview']")
    preview.locator("h1").get_by_text(TITLE).wait_for()
    expect(preview.get_by_text(TAKEAWAY)).to_be_visible()
    expect(preview.get_by_text("Quiz preview (editors only)")).to_be_visible()
    shot(editor, "editor-03-preview")

    # Submit for review.
    editor.click("[data-w-dropdown-target='toggle'].button")
    with editor.expect_navigation():
        editor.click("button[name='action-submit']")
    editor.get_by_text("has been submitted for moderation").wait_for()
    module.refresh_from_db()
    assert module.current_workflow_state and module.current_workflow_state.status == "in_progress"
    shot(editor, "editor-04-submitted")

    # Staff cannot see it yet.
    staff = browsing.page()
    learner_login(staff, "staff")
    staff.goto(course.url)
    assert staff.get_by_text(TITLE).count() == 0

    # The reviewer approves it, which publishes it.
    reviewer = browsing.page()
    admin_login(reviewer, "reviewer")
    reviewer.goto(f"/admin/pages/{module.pk}/edit/")
    shot(reviewer, "editor-05-reviewer-opens")
    reviewer.click("[data-w-dropdown-target='toggle'].button")
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="Approve and Publish", exact=True).click()
    reviewer.get_by_text("has been updated").first.wait_for()
    module.refresh_from_db()
    assert module.live
    shot(reviewer, "editor-06-approved")

    # Staff see it in the course and can read it.
    staff.goto(course.url)
    staff.get_by_role("link", name=TITLE).click()
    expect(staff.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(staff.get_by_text(PARAGRAPH)).to_be_visible()
    expect(staff.get_by_text(BEHIND_NOTE)).to_be_hidden()
    staff.locator("details.content-note summary").click()
    expect(staff.get_by_text(BEHIND_NOTE)).to_be_visible()
    shot(staff, "editor-07-staff-reads-module")
    check_axe(staff, "module written in the admin")

    # The editor's report: quiz item analysis.
    editor.goto("/admin/reports/quiz-items/")
    shot(editor, "report-item-analysis")
    check_axe(editor, "admin: quiz item analysis")


def test_editor_lands_on_the_dashboard_and_finds_a_translation_behind_its_source(browsing, demo):
    """The demo's Spanish and French first INF-101 module are behind a later English revision
    (demo/updates.py): the editor's dashboard says so, the translation's editor shows what
    changed, the report lists both, and a learner reading the Spanish module is told."""
    from courses.models import ModulePage

    spanish = ModulePage.objects.get(slug="why-influencers", locale__language_code="es")
    editor = browsing.page()
    admin_login(editor, "editor")
    assert editor.url.rstrip("/").endswith("/admin")  # the editor lands on the dashboard

    panel = editor.locator("#translations-behind-section")
    expect(panel).to_contain_text("2 translations were not brought up to date")
    expect(panel).to_contain_text(spanish.title)
    expect(editor.locator("#your-drafts-section")).to_be_visible()
    expect(editor.locator("#recently-published-section")).to_contain_text("Why work with influencers?")
    shot(editor, "editor-08-dashboard")
    check_axe(editor, "admin: editor's dashboard")

    # Open the Spanish translation from the panel: the banner lists the changed block.
    panel.get_by_role("link", name=spanish.title).click()
    editor.wait_for_url(f"**/admin/pages/{spanish.pk}/edit/")
    banner = editor.locator(".translation-lag")
    expect(banner).to_contain_text("Why work with influencers?")
    expect(banner).to_contain_text("Call-out 9: changed")
    shot(editor, "editor-09-lagging-translation-banner")
    check_axe(editor, "admin: lagging translation's editor", include=".translation-lag")

    # Compare the two English revisions the banner points to.
    with editor.expect_navigation():
        banner.get_by_role("link", name="Compare the source's revisions").click()
    expect(editor.get_by_text("fair fee").first).to_be_visible()
    shot(editor, "editor-10-compare-source-revisions")

    # Reports > Translations behind their source.
    editor.goto("/admin/reports/translations-behind/")
    results = editor.locator("#listing-results")
    expect(results).to_contain_text(spanish.title)
    expect(results).to_contain_text("Pourquoi travailler avec des influenceurs ?")
    expect(results).to_contain_text("2 translations")
    shot(editor, "report-translations-behind")
    check_axe(editor, "admin: translations behind their source")

    # A learner reading the Spanish module is told, with a link to the English page.
    staff = browsing.page()
    learner_login(staff, "staff")
    staff.goto(spanish.url)
    notice = staff.locator(".translation-notice")
    expect(notice).to_be_visible()
    expect(notice.locator("a[hreflang='en']")).to_be_visible()
    shot(staff, "learner-translation-notice")
    check_axe(staff, "translated module behind its source")
