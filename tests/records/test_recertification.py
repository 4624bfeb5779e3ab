"""Recertification after a material change (records.services.recertification): only the
changed module re-opens, for the people whose valid completion covers an older version of
it; finishing it brings the completion up to the new version."""

from datetime import timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from courses.models import ModulePage, ModuleVersion
from records import signals
from records.models import CourseCompletion, Enrolment, ModuleProgress, ModuleUpdate
from records.services import progress
from tests.factories import (
    AssignmentRuleFactory,
    UserFactory,
    add_quiz,
    make_course,
    make_module,
    make_translation,
    publish,
    take_quiz,
)
from tests.htmlutils import elements, main_html, text_of

Status = Enrolment.Status


@pytest.fixture
def course(catalogue):
    return make_course(catalogue, title="Data protection", course_code="DP-101", validity_months=12)


@pytest.fixture
def modules(course):
    return [
        make_module(course, title="Lawful bases", publish_revision=True),
        make_module(course, title="Consent", publish_revision=True),
    ]


def complete_course(user, course, modules, days_ago=10):
    """The person completes every module (marked as read) ``days_ago`` days ago."""
    when = timezone.now() - timedelta(days=days_ago)
    progress.enrol(user, course)
    for module in modules:
        progress.mark_module_read(user, module, course, now=when)
    return user.completions.get()


def material_change(module, summary="The consent form changed."):
    """An editor publishes ``module`` marked as a material change."""
    module = type(module).objects.get(pk=module.pk)
    module.material_change = True
    module.material_change_summary = summary
    return publish(module)


@pytest.fixture
def holder(amira, course, modules):
    complete_course(amira, course, modules)
    return amira


def test_a_module_published_for_the_first_time_is_version_1(modules):
    assert [(v.module_key, v.number) for v in ModuleVersion.objects.order_by("pk")] == [
        (modules[0].translation_key, 1),
        (modules[1].translation_key, 1),
    ]


def test_a_completion_records_the_versions_it_covers(holder, modules):
    material_change(modules[1])
    completion = holder.completions.get()
    assert completion.module_versions == {str(m.translation_key): 1 for m in modules}


def test_a_material_change_reopens_only_the_changed_module(holder, course, modules):
    received = []

    def receiver(sender, enrolments, **kwargs):
        received.append(list(enrolments))

    signals.updates_required.connect(receiver)
    try:
        material_change(modules[1], "Consent must now be recorded in writing.")
    finally:
        signals.updates_required.disconnect(receiver)
    update = ModuleUpdate.objects.get()
    completion = holder.completions.get()
    assert (update.user, update.completion, update.module_key, update.version) == (
        holder,
        completion,
        modules[1].translation_key,
        2,
    )
    assert update.summary == "Consent must now be recorded in writing."
    assert update.module_title == "Consent" and update.completed_at is None
    assert update.due_date == timezone.localdate() + timedelta(days=30)
    enrolment = holder.enrolments.get()
    assert enrolment.status == Status.UPDATE_REQUIRED and enrolment.due_date == update.due_date
    assert enrolment.cycle == 2
    assert received == [[enrolment]]
    # Only the changed module must be completed again; the completion still stands.
    counted = dict(ModuleProgress.objects.filter(user=holder).values_list("module_key", "completed_at"))
    assert counted[modules[1].translation_key] is None
    assert counted[modules[0].translation_key] is not None
    assert progress.current_completion(holder, course.course_code) == completion
    assert (
        ModuleVersion.objects.get(module_key=modules[1].translation_key, number=2).summary == update.summary
    )


def test_a_change_not_marked_material_reopens_nothing(holder, course, modules):
    module = type(modules[1]).objects.get(pk=modules[1].pk)
    module.title = "Consent (typo fixed)"
    publish(module)
    assert not ModuleUpdate.objects.exists()
    assert ModuleVersion.objects.filter(module_key=modules[1].translation_key).count() == 1
    assert holder.enrolments.get().status == Status.COMPLETED


def test_the_mark_is_cleared_so_publishing_again_changes_nothing(holder, modules):
    changed = material_change(modules[1])
    assert not changed.material_change and changed.material_change_summary == ""
    assert not changed.get_latest_revision().content["material_change"]
    publish(changed)
    assert ModuleVersion.objects.filter(module_key=modules[1].translation_key).count() == 2
    assert ModuleUpdate.objects.get().version == 2


def test_reopening_again_at_the_same_version_changes_nothing(holder, modules):
    from records.services.recertification import reopen_module

    material_change(modules[1])
    before = ModuleUpdate.objects.get()
    version = ModuleVersion.objects.get(module_key=modules[1].translation_key, number=2)
    assert reopen_module(version) == 0
    after = ModuleUpdate.objects.get()
    assert (after.opened_at, after.summary, after.version) == (before.opened_at, before.summary, 2)
    assert holder.enrolments.get().cycle == 2


def test_two_material_changes_in_a_row_move_the_update_on(holder, modules):
    material_change(modules[1], "Consent in writing.")
    first = ModuleUpdate.objects.get()
    material_change(modules[1], "Consent of minors needs a guardian.")
    update = ModuleUpdate.objects.get()
    assert update.pk == first.pk and update.version == 3
    assert update.summary == "Consent in writing.\n\nConsent of minors needs a guardian."
    assert update.opened_at > first.opened_at


def test_a_second_change_after_the_first_was_done_reopens_the_new_completion(holder, course, modules):
    material_change(modules[1], "Consent in writing.")
    progress.mark_module_read(holder, modules[1], course)
    newer = holder.completions.get(superseded_at__isnull=True)
    material_change(modules[1], "Consent of minors.")
    update = ModuleUpdate.objects.get(completed_at__isnull=True)
    assert (update.completion, update.version, update.summary) == (newer, 3, "Consent of minors.")


def test_two_changed_modules_both_have_to_be_done(holder, course, modules):
    material_change(modules[0], "New lawful basis.")
    material_change(modules[1], "Consent in writing.")
    assert ModuleUpdate.objects.open().count() == 2
    progress.mark_module_read(holder, modules[0], course)
    assert holder.completions.count() == 1
    assert holder.enrolments.get().status == Status.UPDATE_REQUIRED
    state = progress.mark_module_read(holder, modules[1], course)
    assert state.course_completion is not None
    assert state.course_completion.module_versions == {str(m.translation_key): 2 for m in modules}


def test_finishing_the_update_reissues_the_certificate(holder, course, modules):
    old = holder.completions.get()
    material_change(modules[1])
    created = []

    def receiver(sender, completion, **kwargs):
        created.append(completion)

    signals.completion_created.connect(receiver)
    try:
        state = progress.mark_module_read(holder, modules[1], course)
    finally:
        signals.completion_created.disconnect(receiver)
    new = state.course_completion
    old.refresh_from_db()
    assert created == [new]
    assert new.certificate_id != old.certificate_id
    assert (new.valid_until, new.score, new.course_code) == (old.valid_until, old.score, old.course_code)
    assert new.module_versions == {str(modules[0].translation_key): 1, str(modules[1].translation_key): 2}
    assert old.superseded_by == new and old.superseded_at == new.completed_at
    assert not old.is_revoked
    assert ModuleUpdate.objects.get().completed_at == new.completed_at
    enrolment = holder.enrolments.get()
    assert enrolment.status == Status.COMPLETED and enrolment.completed_at == new.completed_at
    assert progress.current_completion(holder, course.course_code) == new


def test_the_update_is_done_by_passing_the_modules_quiz(holder, course, modules):
    quiz_module = add_quiz(modules[1])
    material_change(quiz_module)
    take_quiz(holder, quiz_module, course, passing=False)
    assert holder.completions.count() == 1
    take_quiz(holder, quiz_module, course)
    assert holder.completions.count() == 2
    assert ModuleUpdate.objects.get().completed_at is not None


def test_the_quiz_of_a_reopened_module_has_its_attempts_afresh(catalogue, amira):
    course = make_course(catalogue)
    module = add_quiz(make_module(course, publish_revision=True), attempt_limit=1)
    take_quiz(amira, module, course)
    assert amira.completions.count() == 1
    material_change(module)
    take_quiz(amira, module, course)  # a new cycle: the one attempt allowed is a new one
    assert amira.completions.count() == 2


def test_a_rule_gives_the_update_its_due_days(holder, course, modules):
    rule = AssignmentRuleFactory(course=course, due_days=14)
    Enrolment.objects.filter(user=holder).update(assignment_rule=rule, source=Enrolment.Source.ASSIGNED)
    material_change(modules[1])
    assert ModuleUpdate.objects.get().due_date == timezone.localdate() + timedelta(days=14)
    assert holder.enrolments.get().due_date == timezone.localdate() + timedelta(days=14)


@override_settings(RECERTIFICATION_DUE_DAYS=60)
def test_the_due_date_comes_from_the_setting(holder, modules):
    material_change(modules[1])
    assert ModuleUpdate.objects.get().due_date == timezone.localdate() + timedelta(days=60)


def test_a_person_mid_course_completes_the_changed_module_again(amira, course, modules):
    progress.enrol(amira, course)
    progress.mark_module_read(amira, modules[1], course)
    material_change(modules[1])
    assert not ModuleUpdate.objects.exists()
    assert not ModuleProgress.objects.counting().filter(user=amira).exists()
    assert amira.enrolments.get().status == Status.IN_PROGRESS
    progress.mark_module_read(amira, modules[0], course)
    assert not amira.completions.exists()
    state = progress.mark_module_read(amira, modules[1], course)
    completion = state.course_completion
    assert completion.module_versions == {
        str(modules[0].translation_key): 1,
        str(modules[1].translation_key): 2,
    }


def test_a_leaver_keeps_their_completion_as_it_was(holder, modules):
    holder.is_active = False
    holder.left_on = timezone.localdate() - timedelta(days=1)
    holder.save()
    material_change(modules[1])
    assert not ModuleUpdate.objects.exists()
    assert holder.enrolments.get().status == Status.COMPLETED
    assert ModuleProgress.objects.filter(user=holder, completed_at__isnull=True).count() == 0


def test_a_leaver_part_way_through_keeps_their_progress(amira, course, modules):
    progress.enrol(amira, course)
    progress.mark_module_read(amira, modules[1], course)
    amira.is_active = False
    amira.save()
    material_change(modules[1])
    assert ModuleProgress.objects.counting().filter(user=amira).exists()


def test_expired_and_revoked_completions_reopen_nothing(catalogue, course, modules, hana):
    expired_person, revoked_person = UserFactory(), UserFactory()
    for person in (expired_person, revoked_person):
        complete_course(person, course, modules, days_ago=400)
    CourseCompletion.objects.filter(user=expired_person).update(
        valid_until=timezone.localdate() - timedelta(days=5)
    )
    progress.revoke_completion(revoked_person.completions.get(), hana, "Recorded for the wrong person")
    material_change(modules[1])
    assert not ModuleUpdate.objects.exists()
    assert not Enrolment.objects.filter(status=Status.UPDATE_REQUIRED).exists()


def test_a_completion_already_at_the_new_version_stays(amira, course, modules):
    material_change(modules[1])  # nobody had completed the course yet
    complete_course(amira, course, modules, days_ago=0)
    assert amira.completions.get().module_versions[str(modules[1].translation_key)] == 2
    version = ModuleVersion.objects.get(module_key=modules[1].translation_key, number=2)
    from records.services.recertification import reopen_module

    assert reopen_module(version) == 0


def test_a_completion_without_versions_covers_version_1(amira, course, modules):
    complete_course(amira, course, modules)
    CourseCompletion.objects.filter(user=amira).update(module_versions={})
    material_change(modules[0])
    assert ModuleUpdate.objects.get().version == 2


def test_a_module_published_before_versions_were_kept_moves_to_version_2(amira, course):
    module = make_module(course, title="Old module")  # live, never published by revision
    complete_course(amira, course, [module])
    ModuleVersion.objects.all().delete()
    material_change(module)
    assert list(
        ModuleVersion.objects.filter(module_key=module.translation_key).values_list("number", flat=True)
    ) == [1, 2]
    assert ModuleUpdate.objects.get().version == 2


def test_reopening_takes_a_fixed_number_of_queries(course, modules, django_assert_max_num_queries):
    from records.services.recertification import reopen_module

    people = [UserFactory() for _ in range(6)]
    for person in people:
        complete_course(person, course, modules)
    rule = AssignmentRuleFactory(course=course, due_days=14)
    Enrolment.objects.filter(user__in=people[:3]).update(assignment_rule=rule)
    version = ModuleVersion.objects.create(
        module_key=modules[1].translation_key, course_code=course.course_code, number=2, module=modules[1]
    )
    with django_assert_max_num_queries(14):
        assert reopen_module(version) == 6
    assert ModuleUpdate.objects.open().count() == 6


def test_an_arabic_reader_is_brought_up_to_date_in_arabic(amira, course, modules):
    arabic_course = make_translation(course, "ar")
    arabic_modules = [make_translation(m, "ar") for m in modules]
    progress.enrol(amira, arabic_course)
    for module in arabic_modules:
        progress.mark_module_read(amira, module, arabic_course)
    material_change(modules[1])
    assert ModuleUpdate.objects.get().module_key == arabic_modules[1].translation_key
    state = progress.mark_module_read(amira, arabic_modules[1], arabic_course)
    assert state.course_completion.course_language == "ar"
    assert amira.completions.filter(superseded_at__isnull=False).count() == 1


def test_the_module_page_links_back_after_the_update_is_done(holder, course, modules, amira_client):
    material_change(modules[1])
    response = amira_client.post(reverse("quizzes:mark_complete", args=[modules[1].pk]))
    assert response["Location"] == reverse("quizzes:course_complete", args=[course.pk])


# --- What the learner sees ---------------------------------------------------------------------


def test_the_course_page_shows_what_changed(holder, course, modules, amira_client):
    material_change(modules[1], "Consent must now be recorded in writing.")
    html = main_html(amira_client.get(course.url))
    [box] = elements(html, "div", class_="what-changed")
    text = text_of(box)
    assert "What changed" in text and "Consent must now be recorded in writing." in text
    assert "version 2" in text
    due = ModuleUpdate.objects.get().due_date
    assert f"due {date_format(due, 'DATE_FORMAT')}" in text
    assert [a["href"] for a in elements(box, "a")] == [modules[1].url, modules[1].url]
    [listed] = elements(html, "ol", class_="module-list")
    rows = [text_of(li) for li in elements(listed, "li")]
    assert rows[0].startswith("Lawful bases Completed")
    assert rows[1].startswith("Consent Update required")


def test_the_module_page_shows_what_changed_at_the_top_until_done(holder, course, modules, amira_client):
    material_change(modules[1], "Consent must now be recorded in writing.")
    html = main_html(amira_client.get(modules[1].url))
    [section] = elements(html, "section", class_="what-changed")
    assert "version 2" in text_of(section) and "recorded in writing" in text_of(section)
    assert not elements(main_html(amira_client.get(modules[0].url)), "section", class_="what-changed")
    amira_client.post(reverse("quizzes:mark_complete", args=[modules[1].pk]))
    assert not elements(main_html(amira_client.get(modules[1].url)), "section", class_="what-changed")


def test_my_learning_lists_the_update_and_then_the_new_certificate(holder, course, modules, amira_client):
    old = holder.completions.get()
    material_change(modules[1], "Consent must now be recorded in writing.")
    html = main_html(amira_client.get("/my-learning/"))
    [updates] = elements(html, "ul", **{"aria-labelledby": "updates"})
    assert "Consent must now be recorded in writing." in text_of(updates)
    assert modules[1].url in [a["href"] for a in elements(updates, "a")]
    assert not elements(html, "ul", **{"aria-labelledby": "completed"})

    amira_client.post(reverse("quizzes:mark_complete", args=[modules[1].pk]))
    new = holder.completions.get(superseded_at__isnull=True)
    html = main_html(amira_client.get("/my-learning/"))
    assert not elements(html, "ul", **{"aria-labelledby": "updates"})
    [completed] = elements(html, "ul", **{"aria-labelledby": "completed"})
    assert f"/certificates/{new.certificate_id}/" in [a["href"] for a in elements(completed, "a")]
    [records] = elements(html, "ul", **{"aria-labelledby": "records"})
    # One record per course: the certificate that replaced the old one.
    assert new.certificate_id in text_of(records) and old.certificate_id not in text_of(records)


def test_the_verification_pages_of_the_old_and_new_certificates(holder, course, modules, client):
    old = holder.completions.get()
    material_change(modules[1])
    new = progress.mark_module_read(holder, modules[1], course).course_completion
    response = client.get(reverse("certificates:verify", args=[old.certificate_id]))
    assert response.status_code == 200
    [status] = elements(main_html(response), "div", class_="certificate-status")
    assert "certificate-status--superseded" in status["class"]
    assert "Superseded" in text_of(status) and new.certificate_id in text_of(status)
    assert [a["href"] for a in elements(status, "a")] == [
        reverse("certificates:verify", args=[new.certificate_id])
    ]
    [status] = elements(
        main_html(client.get(reverse("certificates:verify", args=[new.certificate_id]))),
        "div",
        class_="certificate-status",
    )
    assert "certificate-status--valid" in status["class"]


def test_an_arabic_reader_sees_the_reopened_module_in_arabic(amira, amira_client, course, modules):
    arabic_course = make_translation(course, "ar")
    arabic_modules = [make_translation(m, "ar") for m in modules]
    ModulePage.objects.filter(pk=arabic_modules[1].pk).update(title="الموافقة")
    progress.enrol(amira, arabic_course)
    for module in arabic_modules:
        progress.mark_module_read(amira, module, arabic_course, now=timezone.now() - timedelta(days=3))
    material_change(modules[1], "Consent must now be recorded in writing.")
    html = main_html(amira_client.get(arabic_course.url))
    [box] = elements(html, "div", class_="what-changed")
    assert "الموافقة" in text_of(box)
    assert ModulePage.objects.get(pk=arabic_modules[1].pk).url in [a["href"] for a in elements(box, "a")]
    html = main_html(amira_client.get(ModulePage.objects.get(pk=arabic_modules[1].pk).url))
    assert elements(html, "section", class_="what-changed")


# --- The daily status update -------------------------------------------------------------------


def test_an_update_past_its_due_date_is_overdue_and_can_still_be_done(holder, course, modules):
    from records.services.statuses import update_statuses

    material_change(modules[1])
    update_statuses(today=timezone.localdate() + timedelta(days=31))
    assert holder.enrolments.get().status == Status.OVERDUE
    # The due date moved (HR gave more time): update required again, not "in progress".
    Enrolment.objects.filter(user=holder).update(due_date=timezone.localdate() + timedelta(days=60))
    update_statuses(today=timezone.localdate() + timedelta(days=31))
    assert holder.enrolments.get().status == Status.UPDATE_REQUIRED
    update_statuses(today=timezone.localdate() + timedelta(days=61))
    assert holder.enrolments.get().status == Status.OVERDUE
    state = progress.mark_module_read(holder, modules[1], course)
    assert state.course_completion is not None
    assert holder.enrolments.get().status == Status.COMPLETED


def test_a_completion_that_lapses_with_an_update_open_expires(holder, course, modules, amira_client):
    from records.services.statuses import update_statuses

    material_change(modules[1])
    CourseCompletion.objects.filter(user=holder).update(valid_until=timezone.localdate() - timedelta(days=1))
    update_statuses()
    assert holder.enrolments.get().status == Status.EXPIRED
    # The update is moot: the whole course is due again, and nothing says "what changed".
    assert not ModuleUpdate.objects.pending().exists()
    assert not elements(main_html(amira_client.get(course.url)), "div", class_="what-changed")
