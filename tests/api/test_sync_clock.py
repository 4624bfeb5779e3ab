"""The sync clock stamps enrolments and completions in commit order (records/models/sync.py)."""

from django.db import transaction

import pytest

from records.models import CourseCompletion, Enrolment
from records.models.sync import one_stamp, stamp_all, sync_stamp
from tests.factories import CourseCompletionFactory, UserFactory


def test_stamps_always_move_forward():
    stamps = []
    for _ in range(50):
        with transaction.atomic():
            stamps.append(sync_stamp())
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)


def test_a_stamp_outside_a_transaction_is_refused():
    # Autocommit would commit the stamp before the row, and the guarantee would be lost.
    from django.db import connection

    assert connection.in_atomic_block  # pytest-django wraps each test in a transaction
    with pytest.raises(transaction.TransactionManagementError):
        transaction.get_connection().in_atomic_block = False
        try:
            sync_stamp()
        finally:
            transaction.get_connection().in_atomic_block = True


def test_every_save_takes_a_new_stamp(amira):
    record = CourseCompletionFactory(user=amira)
    first = record.updated_at
    record.revoked_reason = "x"
    record.save()
    assert record.updated_at > first
    assert CourseCompletion.objects.get(pk=record.pk).updated_at == record.updated_at


def test_a_bulk_write_shares_one_stamp():
    rows = [Enrolment(user=p, course_code="INF-101", course_title="t") for p in UserFactory.create_batch(3)]
    with transaction.atomic():
        stamp = stamp_all(rows)
        Enrolment.objects.bulk_create(rows)
    assert set(Enrolment.objects.values_list("updated_at", flat=True)) == {stamp}
    # The stamp was used once: the next save of one of them takes a new one.
    row = Enrolment.objects.first()
    row.save()
    assert row.updated_at > stamp


def test_one_stamp_is_shared_by_every_write_of_the_block(amira, django_assert_num_queries):
    before = CourseCompletionFactory(user=amira).updated_at
    rows = [Enrolment(user=p, course_code="INF-101", course_title="t") for p in UserFactory.create_batch(2)]
    with transaction.atomic(), one_stamp() as stamp:
        with django_assert_num_queries(0):  # the clock was taken on entering the block
            assert sync_stamp() == stamp
        rows[0].save()
        rows[1].save()
    assert stamp > before
    assert [row.updated_at for row in rows] == [stamp, stamp]
    rows[0].save()  # after the block, a new stamp
    assert rows[0].updated_at > stamp


def test_one_stamp_outside_a_transaction_is_refused():
    connection = transaction.get_connection()
    connection.in_atomic_block = False
    try:
        with pytest.raises(transaction.TransactionManagementError), one_stamp():
            pass
    finally:
        connection.in_atomic_block = True
