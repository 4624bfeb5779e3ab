"""Tops the benchmark organisation up to a large number of course completions (a million
by default) for the HR API benchmark, fast: rows are generated as tuples and written with
``COPY`` on PostgreSQL and a multi-row ``executemany`` on SQLite, never as model instances.

The rows look like several years of real use:

- created in id order over the last three years, each with its own microsecond stamp;
- ``updated_at`` is the last thing that happened to the row: its creation; a revocation by
  HR (about 2%, each with its own stamp); or the daily job that stamps every certificate that
  lapsed that day with one shared stamp (``stamp_all``), so a few hundred rows share each of
  those stamps: the ties the (updated_at, id) cursor exists for;
- 200 course codes, four languages, scores 60–100 (5% none), validity of 12 or 24 months
  (30% never expire), certificate ids unique (a bijection of the row number onto the
  20-character certificate alphabet, cheap where ``new_certificate_id`` would be slow).
"""

import datetime
import random
from decimal import Decimal

from django.db import connection, transaction

from records.models import CourseCompletion

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # as records.models.progress.new_certificate_id
CERTIFICATE_SPACE = len(ALPHABET) ** 20  # 2**100
# Odd, so n -> (n * MULTIPLIER + OFFSET) mod 2**100 is a bijection: unique, random-looking ids.
MULTIPLIER = 0x9E3779B97F4A7C15F39CC0605CEDC835 | 1
OFFSET = 0x2545F4914F6CDD1D
COURSES = 200
LANGUAGES = ["en"] * 6 + ["es"] * 2 + ["fr", "ar"]
SPAN = datetime.timedelta(days=3 * 365)
LAPSE_JOB_TIME = datetime.time(2, 0)  # when the daily status job runs
BATCH = 20_000

COLUMNS = [
    "user_id",
    "course_code",
    "course_title",
    "course_language",
    "completed_at",
    "score",
    "certificate_id",
    "valid_until",
    "revoked_at",
    "revoked_by_id",
    "revoked_reason",
    "created_at",
    "updated_at",
]


def certificate_id(n):
    value = (n * MULTIPLIER + OFFSET) % CERTIFICATE_SPACE
    chars = []
    for _ in range(20):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    return "".join(chars)


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


def generate(count, staff_ids, revoker_id, now, seed=20261129):
    """``count`` row tuples in ``COLUMNS`` order, created oldest first."""
    rng = random.Random(seed)
    utc = datetime.UTC
    today = now.date()
    start = now - SPAN
    mean_gap_us = SPAN / datetime.timedelta(microseconds=1) / max(count, 1)
    created_us = 0.0
    lapse_stamps = {}  # day -> the one stamp the daily job gave every row lapsing that day
    for n in range(count):
        created_us += rng.expovariate(1 / mean_gap_us) + 1
        created = start + datetime.timedelta(microseconds=int(created_us))
        code = rng.randrange(1, COURSES + 1)
        score = None if rng.random() < 0.05 else Decimal(rng.randint(6000, 10000)) / 100
        valid_until = None
        if rng.random() >= 0.30:
            valid_until = add_months(created.date(), rng.choice((12, 24)))
        updated = created
        revoked_at = revoked_by = None
        reason = ""
        if valid_until is not None and valid_until + datetime.timedelta(days=1) < today:
            day = valid_until + datetime.timedelta(days=1)
            stamp = lapse_stamps.get(day)
            if stamp is None:
                stamp = datetime.datetime.combine(day, LAPSE_JOB_TIME, utc) + datetime.timedelta(
                    microseconds=rng.randrange(1_000_000)
                )
                lapse_stamps[day] = stamp
            updated = stamp
        if rng.random() < 0.02:
            revoked_at = created + (now - created) * rng.random()
            revoked_by, reason = revoker_id, "Benchmark: revoked"
            updated = max(updated, revoked_at)
        yield (
            rng.choice(staff_ids),
            f"BENCH-{code:03d}",
            f"Benchmark course {code}",
            rng.choice(LANGUAGES),
            created,
            score,
            certificate_id(n),
            valid_until,
            revoked_at,
            revoked_by,
            reason,
            created,
            updated,
        )


def _adapt_for_sqlite(rows):
    """What Django itself would store: naive UTC text for datetimes, ISO text for dates."""
    ops = connection.ops
    for row in rows:
        row = list(row)
        for i in (4, 8, 11, 12):
            row[i] = ops.adapt_datetimefield_value(row[i])
        row[7] = ops.adapt_datefield_value(row[7])
        row[5] = None if row[5] is None else str(row[5])
        yield row


def insert(rows):
    table = CourseCompletion._meta.db_table
    names = ", ".join(COLUMNS)
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with (
            transaction.atomic(),
            connection.connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(COLUMNS))})"
    batch = []
    with transaction.atomic(), connection.cursor() as cursor:
        for row in _adapt_for_sqlite(rows):
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)


def top_up(total, staff_ids, revoker_id, now):
    """Adds completions until the table has ``total`` rows; returns how many were added."""
    missing = total - CourseCompletion.objects.count()
    if missing <= 0:
        return 0
    insert(generate(missing, staff_ids, revoker_id, now))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"VACUUM ANALYZE {CourseCompletion._meta.db_table}")
        else:
            cursor.execute("ANALYZE")
    return missing
