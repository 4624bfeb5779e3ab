"""The "update required" rule (``EnrolmentQuerySet.update_required_q``,
``with_update_required``) and the daily status update around it."""

from datetime import timedelta

from django.utils import timezone

from records.models import Enrolment, ModuleUpdate
from records.services import progress
from records.services.statuses import update_statuses
from tests.factories import EnrolmentFactory, ModuleProgressFactory
from tests.records.update_state import require_update

Status = Enrolment.Status


def test_the_rule_reads_pending_updates_and_annotates_them_in_one_query(
    amira, chen, course, django_assert_num_queries
):
    due = timezone.localdate() + timedelta(days=20)
    require_update(amira, course, modules=[("Zeta rules", 3), ("Alpha rules", 2)], due_date=due)
    EnrolmentFactory(user=chen, course=course, status=Status.COMPLETED)
    assert list(Enrolment.objects.update_required().values_list("user", flat=True)) == [amira.pk]
    with django_assert_num_queries(1):
        rows = {e.user_id: e for e in Enrolment.objects.with_update_required()}
    assert rows[amira.pk].update_version == 2  # the lowest version still to reach
    assert rows[amira.pk].update_due_date == due
    assert Enrolment.objects.update_titles(rows[amira.pk].update_titles) == ["Alpha rules", "Zeta rules"]
    assert rows[chen.pk].update_version is None
    assert Enrolment.objects.update_titles(rows[chen.pk].update_titles) == []


def test_done_updates_and_revoked_completions_are_not_pending(amira, chen, course):
    require_update(amira, course)
    ModuleUpdate.objects.filter(user=amira).update(completed_at=timezone.now())
    enrolment = require_update(chen, course)
    assert list(Enrolment.objects.update_required()) == [enrolment]
    progress.revoke_completion(chen.completions.get(), None, "Entered by mistake.")
    assert not Enrolment.objects.update_required().exists()


def test_an_overdue_update_is_still_an_update(amira, course):
    due = timezone.localdate() - timedelta(days=1)
    enrolment = require_update(amira, course, due_date=due)
    update_statuses()
    enrolment.refresh_from_db()
    assert enrolment.status == Status.OVERDUE
    assert Enrolment.objects.update_required().get() == enrolment
    assert Enrolment.objects.overdue().get() == enrolment


def test_an_overdue_update_given_a_later_due_date_is_update_required_again(amira, chen, course, module):
    due = timezone.localdate() - timedelta(days=1)
    update = require_update(amira, course, due_date=due)
    ModuleProgressFactory(user=amira, module=module, completed_at=timezone.now() - timedelta(days=90))
    started = EnrolmentFactory(user=chen, course=course, due_date=due, status=Status.IN_PROGRESS)
    ModuleProgressFactory(user=chen, module=module)
    update_statuses()
    assert set(Enrolment.objects.values_list("status", flat=True)) == {Status.OVERDUE}
    Enrolment.objects.update(due_date=timezone.localdate() + timedelta(days=14))
    assert update_statuses()["reopened"] == 2
    update.refresh_from_db()
    started.refresh_from_db()
    assert update.status == Status.UPDATE_REQUIRED
    assert started.status == Status.IN_PROGRESS
