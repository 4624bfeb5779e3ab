"""The sync clock: ``updated_at`` on enrolments and completions, stamped in commit order.

An HR system pages through ``updated_at > its last sync`` (``api/``). With plain
``auto_now`` a slow transaction could commit a row stamped *before* rows that another
transaction already committed, after a client had read past that time: the row would
never be synced. So every write of those tables first takes one row lock (the clock's)
inside its own transaction, and stamps a time later than any stamp already taken. The
lock is held until commit, so stamps are unique to a transaction and rows become visible
in stamp order: a reader that has seen stamp T has seen every row stamped T or earlier.
Writes of these rows are rare (an enrolment, a completion, a daily status update), so
one lock for all of them costs little.

A transaction that writes several stamped rows (a quiz submission that completes a course
writes the completion and the enrolment) takes the clock once, in ``one_stamp()``: its rows
share that stamp, which is as safe as one stamp each, since the lock is held until commit
either way."""

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from django.db import models, router, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class SyncClock(models.Model):
    """One row: the last stamp taken, in microseconds since 1970."""

    last_stamp_us = models.BigIntegerField(default=0)

    class Meta:
        db_table = "quizzes_syncclock"  # kept from quizzes: records/migrations/0001
        verbose_name = "sync clock"

    def __str__(self):
        return f"sync clock at {self.last_stamp_us} µs"


def sync_stamp(using=None):
    """A time later than every stamp taken before, with the clock locked until the caller's
    transaction ends. Must be called inside the transaction that writes the stamped rows."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "A sync stamp must be taken inside the transaction that writes it."
        )
    held = getattr(connection, "held_sync_stamp", None)
    if held is not None:
        return held
    now_us = (timezone.now() - EPOCH) // MICROSECOND
    stamp_us = _advance_returning(connection, now_us)
    if stamp_us is None:
        clock = SyncClock.objects.using(using).filter(pk=1)
        # The UPDATE takes the lock (a row lock on PostgreSQL, the write lock on SQLite) before
        # the time is read back, so no other writer can stamp in between.
        if not clock.update(last_stamp_us=Greatest(F("last_stamp_us") + 1, Value(now_us))):
            SyncClock.objects.using(using).get_or_create(pk=1)
            clock.update(last_stamp_us=Greatest(F("last_stamp_us") + 1, Value(now_us)))
        stamp_us = clock.values_list("last_stamp_us", flat=True).get()
    return EPOCH + stamp_us * MICROSECOND


# The clock moved and read back in one statement (UPDATE ... RETURNING), where the database
# has it: one query less on every stamped write. The larger of two values, in each dialect.
_GREATEST = {"postgresql": "GREATEST", "sqlite": "MAX"}


def _advance_returning(connection, now_us):
    """The new stamp, or None when this database cannot return it from the UPDATE or the
    clock has no row yet (the caller then takes the portable path, which makes it)."""
    greatest = _GREATEST.get(connection.vendor)
    if greatest is None or (
        connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 35)
    ):
        return None
    quote = connection.ops.quote_name
    table, column = quote(SyncClock._meta.db_table), quote("last_stamp_us")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {column} = {greatest}({column} + 1, %s) WHERE {quote('id')} = 1 "  # noqa: S608 (names from the model, values as parameters)
            f"RETURNING {column}",
            [now_us],
        )
        row = cursor.fetchone()
    return row[0] if row else None


@contextmanager
def one_stamp(using=None):
    """Every stamped write inside the block shares one stamp, taken on entry. Enter it in the
    transaction that writes the rows, around its writes: the stamp is taken at the
    transaction's own level, so rolling back a savepoint inside the block cannot undo it (or,
    on PostgreSQL, release the clock's lock) while its rows still use it."""
    connection = transaction.get_connection(using)
    if getattr(connection, "held_sync_stamp", None) is not None:
        yield connection.held_sync_stamp
        return
    connection.held_sync_stamp = sync_stamp(using)
    try:
        yield connection.held_sync_stamp
    finally:
        connection.held_sync_stamp = None


class SyncStampField(models.DateTimeField):
    """``updated_at`` stamped by the sync clock on every save (and in ``bulk_create``).

    Bulk writers take one stamp for the whole batch and set it with ``stamp_all``; the
    rows then share the stamp, and the (updated_at, id) order still pages them exactly."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = model_instance.__dict__.pop("_sync_stamp", None) or sync_stamp(model_instance._state.db)
        setattr(model_instance, self.attname, value)
        return value


def stamp_all(objects, using=None):
    """Give every object of a bulk write the same, single stamp; returns it."""
    stamp = sync_stamp(using)
    for obj in objects:
        obj._sync_stamp = stamp
        obj.updated_at = stamp
    return stamp


class StampedModel(models.Model):
    """Saves run in a transaction, so the stamp and the row commit together. Inside a
    transaction already, the save is part of it (no savepoint of its own)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using, savepoint=False):
            super().save(*args, **kwargs)


def stamped_update(queryset, **values):
    """``queryset.update(**values)`` with a fresh sync stamp, in one transaction."""
    with transaction.atomic(using=queryset.db, savepoint=False):
        return queryset.update(**values, updated_at=sync_stamp(queryset.db))
