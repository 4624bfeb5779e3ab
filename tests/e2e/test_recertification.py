"""Journey: recertification after a material change. An editor marks a change to a module
of INF-101 as material, with what changed, and submits it; a reviewer approves and
publishes it. The demo learner, whose completion of the course predates it, sees the
re-opened module with "What changed", passes its quiz again and gets a re-issued
certificate; the old certificate's check page says it was superseded by the new one."""

import re
from datetime import timedelta

from django.utils import timezone

from playwright.sync_api import expect

from tests.e2e.browser import E2E, admin_login, check_axe, check_layout, learner_login, shot

pytestmark = E2E

SUMMARY = "Paid partnerships must now be labelled in the first line of every post."


def complete_course_earlier(username, course_code, days_ago=30):
    """The person completed the course ``days_ago`` days ago, through the same services as
    their clicks (as the demo's history does)."""
    from courses.models import CoursePage
    from people.models import User
    from quizzes.services import attempts
    from records.services import progress

    person = User.objects.get(username=username)
    course = CoursePage.objects.live().get(course_code=course_code, locale__language_code="en")
    when = timezone.now() - timedelta(days=days_ago)
    modules = course.required_modules()
    for offset, module in enumerate(modules):
        moment = when - timedelta(minutes=10 * (len(modules) - offset))
        if module.quiz_questions.exists():
            attempt = progress.start_quiz(person, module, course, moment)
            answers = {q["id"]: right_choices(q) for q in attempt.questions}
            attempts.submit_attempt(attempt.pk, person, answers, moment)
        else:
            progress.mark_module_read(person, module, course, moment)
    return progress.latest_completion(person, course_code)


def right_choices(question):
    return [choice["id"] for choice in question["choices"] if choice["is_correct"]]


def test_a_material_change_reopens_a_module_and_the_certificate_is_reissued(browsing, demo):
    from courses.models import CoursePage, ModulePage, ModuleVersion
    from quizzes.models import Attempt
    from records.models import ModuleUpdate

    old = complete_course_earlier("staff", "INF-101")
    assert old is not None
    course = CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
    module = ModulePage.objects.get(slug="disclosure", locale__language_code="en")

    # The editor marks the change as material, says what changed, and submits it.
    editor = browsing.page()
    admin_login(editor, "editor")
    editor.goto(f"/admin/pages/{module.pk}/edit/")
    mark = editor.get_by_label("This change is material")
    expect(mark).not_to_be_checked()
    mark.check()
    # Without a summary the change is refused, with the message by the field.
    editor.click("[data-w-dropdown-target='toggle'].button")
    with editor.expect_navigation():
        editor.click("button[name='action-submit']")
    expect(editor.get_by_text("Say what changed")).to_be_visible()
    shot(editor, "recert-01-summary-required")
    editor.get_by_label("What changed").fill(SUMMARY)
    editor.get_by_label("What changed").scroll_into_view_if_needed()
    shot(editor, "recert-02-material-change-marked")
    editor.click("[data-w-dropdown-target='toggle'].button")
    with editor.expect_navigation():
        editor.click("button[name='action-submit']")
    editor.get_by_text("has been submitted for moderation").wait_for()
    assert not ModuleUpdate.objects.exists()  # nothing happens before it is published

    # The reviewer approves it, which publishes it: the module moves to version 2.
    reviewer = browsing.page()
    admin_login(reviewer, "reviewer")
    reviewer.goto(f"/admin/pages/{module.pk}/edit/")
    reviewer.click("[data-w-dropdown-target='toggle'].button")
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="Approve and Publish", exact=True).click()
    reviewer.get_by_text("has been updated").first.wait_for()
    version = ModuleVersion.objects.get(module_key=module.translation_key, number=2)
    assert version.summary == SUMMARY
    update = ModuleUpdate.objects.get(user__username="staff")
    assert (update.completion_id, update.version) == (old.pk, 2)
    # The editor's next change starts unmarked.
    editor.goto(f"/admin/pages/{module.pk}/edit/")
    expect(editor.get_by_label("This change is material")).not_to_be_checked()

    # The learner: My learning lists the update, the course page says what changed.
    learner = browsing.page()
    learner_login(learner, "staff")
    learner.goto("/my-learning/")
    updates = learner.locator("ul[aria-labelledby='updates']")
    expect(updates).to_contain_text(SUMMARY)
    shot(learner, "recert-03-my-learning-update")
    check_axe(learner, "My learning with an update required")

    learner.goto(course.url)
    box = learner.locator(".what-changed")
    expect(box).to_contain_text("What changed")
    expect(box).to_contain_text(SUMMARY)
    expect(box).to_contain_text("version 2")
    expect(learner.locator(".module-list")).to_contain_text("Update required")
    check_layout(learner, ("header.site-header", "main", "footer", ".panel"))
    shot(learner, "recert-04-course-what-changed")
    check_axe(learner, "course page with a re-opened module")

    # The module page has the summary at the top; its quiz is passed again.
    with learner.expect_navigation():
        box.get_by_role("link", name=module.title).first.click()
    top = learner.locator("section.what-changed")
    expect(top).to_contain_text(SUMMARY)
    shot(learner, "recert-05-module-what-changed")
    check_axe(learner, "re-opened module")
    with learner.expect_navigation():
        learner.click("form[action$='/quiz/'] button[type=submit]")
    attempt = Attempt.objects.get(pk=int(re.search(r"/attempts/(\d+)/", learner.url).group(1)))
    for question in attempt.questions:
        for choice_id in right_choices(question):
            learner.locator(f"#q{question['id']}-{choice_id}").check()
    with learner.expect_navigation():
        learner.click("form.quiz-form button[type=submit]")
    assert learner.locator(".outcome--pass").count() == 1

    # Brought up to date: a new certificate; the old one is superseded, not revoked.
    old.refresh_from_db()
    new = old.superseded_by
    assert new is not None and not old.is_revoked and new.valid_until == old.valid_until
    done = learner.locator(".course-done")
    expect(done).to_be_visible()
    expect(done.locator(f"a[href='/certificates/{new.certificate_id}/']")).to_have_count(1)
    shot(learner, "recert-06-certificate-reissued")

    learner.goto(f"/certificates/{old.certificate_id}/")
    status = learner.locator(".certificate-status--superseded")
    expect(status).to_contain_text("Superseded")
    expect(status.get_by_role("link", name=new.certificate_id)).to_be_visible()
    shot(learner, "recert-07-old-certificate-superseded")
    check_axe(learner, "superseded certificate's check page")
    with learner.expect_navigation():
        status.get_by_role("link", name=new.certificate_id).click()
    expect(learner.locator(".certificate-status--valid")).to_be_visible()
