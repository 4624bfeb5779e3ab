"""Builds a large, realistic organisation with ``bulk_create``: departments, a manager tree
(a CEO, directors, managers with about eight reports each, several levels), courses and
enrolments with completions. Only the rows the reports read are made: the reports read
Enrolment and CourseCompletion (which carry the course code and title), never the pages,
so no Wagtail pages are created."""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from people.models import Department, User
from people.roles import HR_ADMINS
from records.models import CourseCompletion, Enrolment, SyncClock
from records.models.sync import MICROSECOND, sync_stamp

DEPARTMENTS = [
    "Executive office",
    "Finance",
    "Human resources",
    "Engineering",
    "Operations",
    "Sales",
    "Marketing",
    "Customer support",
    "Legal",
    "Logistics",
]
COUNTRIES = ["United Kingdom", "France", "Spain", "Germany", "Egypt", "UAE", "Mexico", "India"]
BATCH = 2000


@dataclass
class Organisation:
    staff: int
    courses: int
    enrolments: int = 0
    completions: int = 0
    depth: int = 0
    hr_admin: User = None
    manager: User = None
    manager_line: int = 0
    timings: dict = field(default_factory=dict)


def build_tree(staff, rng):
    """Manager ids (``None`` for the CEO) and depths for ids 1..staff, filled breadth-first:
    the CEO has ~9 directors, everyone else who manages has 5 to 11 reports."""
    managers = {1: None}
    depth = {1: 0}
    queue = [1]
    next_id = 2
    head = 0
    while next_id <= staff:
        boss = queue[head]
        head += 1
        span = 9 if boss == 1 else rng.randint(5, 11)
        for _ in range(span):
            if next_id > staff:
                break
            managers[next_id] = boss
            depth[next_id] = depth[boss] + 1
            queue.append(next_id)
            next_id += 1
    return managers, depth


def subtree_sizes(managers):
    sizes = dict.fromkeys(managers, 0)
    # Ids grow with depth (breadth-first), so children come after their manager.
    for pk in sorted(managers, reverse=True):
        boss = managers[pk]
        if boss is not None:
            sizes[boss] += sizes[pk] + 1
    return sizes


def reset_sequences(*models):
    """Explicit ids were inserted: move PostgreSQL sequences past them (no-op on SQLite)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def stamp_each(objects):
    """Distinct, increasing sync stamps, as one write each would have taken, without the
    two clock queries per row that ``bulk_create`` would otherwise run; the clock is moved
    past the last one."""
    with transaction.atomic():
        first = sync_stamp()
        for i, obj in enumerate(objects):
            obj._sync_stamp = obj.updated_at = first + i * MICROSECOND
        SyncClock.objects.filter(pk=1).update(last_stamp_us=F("last_stamp_us") + max(len(objects) - 1, 0))


def build(staff=10_000, courses=20, seed=20261129):
    rng = random.Random(seed)
    org = Organisation(staff=staff, courses=courses)
    today = timezone.localdate()
    now = timezone.now()

    departments = Department.objects.bulk_create(
        [Department(id=i + 1, name=name) for i, name in enumerate(DEPARTMENTS)]
    )

    managers, depth = build_tree(staff, rng)
    org.depth = max(depth.values())
    # Each director's line is one department; the CEO sits in the executive office.
    dept_of = {1: departments[0].pk}
    for pk in range(2, staff + 1):
        boss = managers[pk]
        if boss == 1:
            dept_of[pk] = departments[1 + (pk - 2) % (len(departments) - 1)].pk
        else:
            dept_of[pk] = dept_of[boss]
    users = []
    for pk in range(1, staff + 1):
        users.append(
            User(
                id=pk,
                username=f"staff{pk:05d}",
                email=f"staff{pk:05d}@example.com",
                password="!",  # unusable: no hashing, nobody signs in
                full_name=f"Staff Member {rng.randint(0, 99_999):05d}-{pk}",
                employee_id=f"E{pk:06d}",
                department_id=None if rng.random() < 0.02 else dept_of[pk],
                country=rng.choice(COUNTRIES),
                manager_id=managers[pk],
                is_active=pk == 1 or rng.random() > 0.03,  # about 3% leavers
                start_date=today - datetime.timedelta(days=rng.randint(30, 4000)),
            )
        )
    hr_id = staff + 1
    users.append(
        User(
            id=hr_id,
            username="hr.admin",
            email="hr.admin@example.com",
            password="!",
            full_name="HR Admin",
            department_id=departments[2].pk,
            manager_id=1,
        )
    )
    User.objects.bulk_create(users, batch_size=BATCH)
    org.hr_admin = User.objects.get(pk=hr_id)
    group, _ = Group.objects.get_or_create(name=HR_ADMINS)
    org.hr_admin.groups.add(group)

    # A mid-level manager: depth 2 (reports to a director), with the largest line there.
    sizes = subtree_sizes(managers)
    mid = max((pk for pk in managers if depth[pk] == 2), key=lambda pk: sizes[pk])
    org.manager = User.objects.get(pk=mid)
    org.manager_line = sizes[mid]

    codes = [(f"BENCH-{n:03d}", f"Benchmark course {n}") for n in range(1, courses + 1)]
    mandatory = codes[: max(1, courses // 4)]  # assigned to everyone, with a due date
    enrolments, completions = [], []
    for pk in range(1, staff + 1):
        chosen = set(mandatory) | set(rng.sample(codes, rng.randint(1, min(6, courses))))
        for code, title in sorted(chosen):
            assigned = (code, title) in mandatory
            enrolled_at = now - datetime.timedelta(days=rng.randint(10, 700))
            due = today + datetime.timedelta(days=rng.randint(-120, 90)) if assigned else None
            roll = rng.random()
            completed_at = None
            if roll < 0.60:
                status = Enrolment.Status.COMPLETED
                completed_at = enrolled_at + datetime.timedelta(days=rng.randint(0, 9))
            elif roll < 0.75:
                status = Enrolment.Status.IN_PROGRESS
            elif roll < 0.90:
                status = Enrolment.Status.NOT_STARTED
            else:
                # Overdue: stored as such, or not yet updated by the daily job.
                status = rng.choice([Enrolment.Status.OVERDUE, Enrolment.Status.IN_PROGRESS])
                due = today - datetime.timedelta(days=rng.randint(1, 200))
            enrolments.append(
                Enrolment(
                    user_id=pk,
                    course_code=code,
                    course_title=title,
                    source=Enrolment.Source.ASSIGNED if assigned else Enrolment.Source.SELF,
                    status=status,
                    due_date=due,
                    enrolled_at=enrolled_at,
                    completed_at=completed_at,
                )
            )
            if completed_at is None:
                continue
            if rng.random() < 0.05:  # an earlier completion, revoked and then retaken
                completions.append(
                    CourseCompletion(
                        user_id=pk,
                        course_code=code,
                        course_title=title,
                        course_language="en",
                        completed_at=completed_at - datetime.timedelta(days=30),
                        score=Decimal(rng.randint(6000, 10000)) / 100,
                        revoked_at=completed_at - datetime.timedelta(days=5),
                        revoked_by_id=hr_id,
                        revoked_reason="Benchmark: revoked",
                    )
                )
            expired = rng.random() < 0.10
            completions.append(
                CourseCompletion(
                    user_id=pk,
                    course_code=code,
                    course_title=title,
                    course_language="en",
                    completed_at=completed_at,
                    score=Decimal(rng.randint(6000, 10000)) / 100,
                    valid_until=today - datetime.timedelta(days=rng.randint(1, 300))
                    if expired
                    else today + datetime.timedelta(days=rng.randint(30, 700)),
                )
            )
    stamp_each(enrolments)
    Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
    stamp_each(completions)
    CourseCompletion.objects.bulk_create(completions, batch_size=BATCH)
    reset_sequences(Department, User, Enrolment, CourseCompletion)
    org.enrolments = len(enrolments)
    org.completions = len(completions)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as a live database would have
    return org
