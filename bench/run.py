"""Times the team completion and organisation overview reports on a large organisation
against the same aggregates hand-written in SQL. Never touches db.sqlite3: it builds a
fresh SQLite file under /tmp, or uses the PostgreSQL database named by --database-url.

    DJANGO_SETTINGS_MODULE=elearning.settings.dev .venv/bin/python -m bench.run \\
        [--staff 10000] [--courses 20] [--runs 5] \\
        [--database-url postgres://postgres@127.0.0.1:5432/bench [--recreate]]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from urllib.parse import urlsplit, urlunsplit


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--staff", type=int, default=10_000)
    parser.add_argument("--courses", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measure (median)")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL URL; default: a new SQLite file under /tmp",
    )
    parser.add_argument(
        "--recreate",
        action="store_true",
        help="drop and recreate the --database-url database if it exists (that one only)",
    )
    return parser.parse_args(argv)


def prepare_postgres(url, recreate):
    """Creates the benchmark database if missing. Drops it first only with --recreate."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in {"postgres", "template0", "template1"}:
        sys.exit(f"Refusing to use the database {name!r}: name a dedicated one, e.g. /bench.")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and recreate:
            conn.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
            exists = None
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return
    with psycopg.connect(url) as conn:
        has_users = conn.execute("SELECT to_regclass('people_user') IS NOT NULL").fetchone()[0]
        if has_users and conn.execute("SELECT EXISTS (SELECT 1 FROM people_user)").fetchone()[0]:
            sys.exit(f"The database {name!r} already has staff: pass --recreate to start afresh.")


def timed(fn, runs):
    fn()  # warm-up
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def count_queries(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def peak_memory(fn):
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def raw_sql(vendor):
    """The hand-written equivalents. ``%(today)s`` etc. are parameters, not formatting."""
    true = "TRUE" if vendor == "postgresql" else "1"
    overdue = (
        "CASE WHEN e.status = 'overdue' OR (e.due_date < %(today)s AND e.status <> 'completed') "
        "THEN 1 ELSE 0 END"
    )
    org = (
        "SELECT e.course_code, {group} AS grp, MAX(e.course_title), COUNT(*), "
        "SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END), "
        f"SUM({overdue}) "
        "FROM quizzes_enrolment e JOIN people_user u ON u.id = e.user_id "
        "LEFT JOIN people_department d ON d.id = u.department_id "
        f"WHERE u.is_active = {true} "
        "GROUP BY e.course_code, {group} ORDER BY e.course_code, grp"
    )
    # The latest standing completion per person and course, with a window function.
    rows = (
        "{cte}SELECT u.id, u.full_name, u.employee_id, d.name, u.country, e.course_code, "
        "e.course_title, e.status, e.due_date, e.completed_at, c.score "
        "FROM quizzes_enrolment e JOIN people_user u ON u.id = e.user_id "
        "LEFT JOIN people_department d ON d.id = u.department_id "
        "LEFT JOIN (SELECT user_id, course_code, score, ROW_NUMBER() OVER ("
        "PARTITION BY user_id, course_code ORDER BY completed_at DESC, id DESC) AS rn "
        "FROM quizzes_coursecompletion WHERE revoked_at IS NULL) c "
        "ON c.user_id = e.user_id AND c.course_code = e.course_code AND c.rn = 1 "
        f"WHERE u.is_active = {true}{{scope}} "
        "ORDER BY u.full_name, u.username, u.id, e.course_code"
    )
    cte = (
        "WITH RECURSIVE line(id) AS (SELECT id FROM people_user WHERE manager_id = %(manager)s "
        "UNION SELECT u.id FROM people_user u JOIN line ON u.manager_id = line.id) "
    )
    return {
        "org_department": org.format(group="d.name"),
        "org_country": org.format(group="u.country"),
        "team_hr": rows.format(cte="", scope=""),
        "team_manager": rows.format(
            cte=cte, scope=" AND u.id IN (SELECT id FROM line WHERE id <> %(manager)s)"
        ),
    }


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")
    if args.database_url:
        if not args.database_url.startswith(("postgres://", "postgresql://")):
            sys.exit("--database-url must be a PostgreSQL URL; SQLite is the default.")
        prepare_postgres(args.database_url, args.recreate)
        os.environ["DATABASE_URL"] = args.database_url
        where = args.database_url
    else:
        path = tempfile.mkstemp(prefix="elearning-bench-", suffix=".sqlite3", dir="/tmp")[1]
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        where = path
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory
    from django.utils import timezone

    # Belt and braces: stop before migrating anything but the benchmark database.
    name = str(settings.DATABASES["default"]["NAME"])
    if name.endswith("db.sqlite3") or (not args.database_url and not name.startswith("/tmp/")):
        sys.exit(f"Refusing to run against {name}")

    from bench.build_org import build
    from people.lines import reporting_line_ids
    from records.models import Enrolment
    from records.reports.organisation import BY_COUNTRY, BY_DEPARTMENT, completion_rows
    from records.reports.team_completion import TeamCompletionView, team_enrolments

    print(f"Database: {connection.vendor} at {where}")
    start = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - start
    start = time.perf_counter()
    org = build(staff=args.staff, courses=args.courses)
    build_s = time.perf_counter() - start
    print(
        f"Migrate {migrate_s:.1f}s; built {org.staff} staff (tree depth {org.depth}), "
        f"{org.courses} courses, {org.enrolments} enrolments, {org.completions} completions "
        f"in {build_s:.1f}s. Manager {org.manager.username}: {org.manager_line} people in line."
    )

    hr, manager = org.hr_admin, org.manager
    params = {"today": timezone.localdate().isoformat(), "manager": manager.pk}
    raw = raw_sql(connection.vendor)

    def run_raw(key):
        def fn():
            with connection.cursor() as cursor:
                cursor.execute(raw[key], params)
                return len(cursor.fetchall())

        return fn

    def orm_rows(user):
        return lambda: len(list(team_enrolments(user)))

    def orm_sql_only(user):
        # The ORM's own SQL through a cursor: the database's share, without building models.
        def fn():
            sql, sql_params = team_enrolments(user).query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(sql, sql_params)
                return len(cursor.fetchall())

        return fn

    def orm_org(by):
        def fn():
            active = Enrolment.objects.filter(user__is_active=True)
            return len(list(completion_rows(active, by)))

        return fn

    def csv_export(user):
        def fn():
            request = RequestFactory().get("/", {"export": "csv"})
            request.user = user
            view = TeamCompletionView()
            view.setup(request)
            queryset = view.get_filtered_queryset()
            return sum(len(line) for line in view.stream_csv(queryset))

        return fn

    measures = [
        ("Team completion, HR (all)", "ORM", orm_rows(hr)),
        ("Team completion, HR (all)", "ORM SQL", orm_sql_only(hr)),
        ("Team completion, HR (all)", "raw SQL", run_raw("team_hr")),
        ("Team completion, manager", "ORM", orm_rows(manager)),
        ("Team completion, manager", "ORM SQL", orm_sql_only(manager)),
        ("Team completion, manager", "raw SQL", run_raw("team_manager")),
        ("Team CSV export, HR (all)", "ORM+view", csv_export(hr)),
        ("Team CSV export, manager", "ORM+view", csv_export(manager)),
        ("Org overview by department", "ORM", orm_org(BY_DEPARTMENT)),
        ("Org overview by department", "raw SQL", run_raw("org_department")),
        ("Org overview by country", "ORM", orm_org(BY_COUNTRY)),
        ("Org overview by country", "raw SQL", run_raw("org_country")),
        ("Manager line ids (per level)", "ORM", lambda: len(reporting_line_ids(manager))),
    ]
    results = []
    for label, kind, fn in measures:
        median, rows = timed(fn, args.runs)
        queries = count_queries(fn)
        results.append((label, kind, median, rows, queries))
        print(f"  {label:<30} {kind:<9} {median * 1000:9.1f} ms", flush=True)

    # Equivalence: the same number of rows (bytes for CSV) from the ORM and the raw SQL.
    by_key = {(label, kind): rows for label, kind, _, rows, _ in results}
    for label in ("Team completion, HR (all)", "Team completion, manager"):
        assert by_key[(label, "ORM")] == by_key[(label, "raw SQL")], label
    for label in ("Org overview by department", "Org overview by country"):
        assert by_key[(label, "ORM")] == by_key[(label, "raw SQL")], label

    peaks = {
        "Team CSV export, HR (all)": peak_memory(csv_export(hr)),
        "Team completion, HR (all) ORM": peak_memory(orm_rows(hr)),
        "Team completion, HR (all) raw SQL": peak_memory(run_raw("team_hr")),
    }

    print()
    print(f"{'Measure':<30} {'Path':<9} {'Median ms':>10} {'Rows':>9} {'Queries':>8}")
    print("-" * 70)
    for label, kind, median, rows, queries in results:
        unit = " B" if "CSV" in label else ""
        print(f"{label:<30} {kind:<9} {median * 1000:10.1f} {rows:>9}{unit} {queries:>8}")
    print()
    print("Peak Python memory (tracemalloc):")
    for label, peak in peaks.items():
        print(f"  {label:<36} {peak / 2**20:8.1f} MiB")
    if not args.database_url:
        print(f"\nThe SQLite file {where} can be deleted.")


if __name__ == "__main__":
    main()
