"""Times the HR API's completion feed (issues 5 and 16) on 10,000 staff and a million
completions, through the real stack (the WSGI application as gunicorn calls it, bearer key,
middleware, DRF), against the floor: the same SQL on one open driver connection (psycopg 3,
or sqlite3), the same rows and JSON, encoded with orjson.

    .venv/bin/python -m bench.api [--database sqlite|postgres] [--completions 1000000] \\
        [--staff 10000] [--runs 15] [--database-url postgres://postgres@127.0.0.1:5432/bench_api] \\
        [--recreate | --reuse] [--sqlite-file /tmp/....sqlite3] [--skip-sync] [--skip-export]

SQLite: a new file under /tmp (never db.sqlite3). PostgreSQL: a dedicated database,
created if missing (``--recreate`` drops it first; ``--reuse`` keeps a database this bench
built before and skips the build). The figures and what they mean are in
``bench/README.md``.
"""

import argparse
import cProfile
import datetime
import gc
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
import tracemalloc
from urllib.parse import urlencode, urlsplit, urlunsplit

from bench.run import prepare_postgres

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/bench_api"
PAGE_SIZE = 1000
SYNC_PAGE_SIZES = (1000, 2000, 5000)
LIST_URL = "/api/v1/completions/"
EXPORT_URL = "/api/v1/completions/export/"
TARGET_RAW_RATIO = 1.5
TARGET_DEPTH_RATIO = 1.2
TARGET_SYNC_RATIO = 1.3
# How the API's requests use the database connection: Django's CONN_MAX_AGE = 0 (a new
# connection per request, the default before issue 16) or a connection kept between requests
# with a health check at the start of each (elearning/settings/database.py).
NEW_CONNECTION = {"CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False}
KEPT_CONNECTION = {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}
# DATABASE_POOL: Django's psycopg pool (PostgreSQL only), one connection as for a sync worker.
POOLED_CONNECTION = {"CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": True, "pool": {"min_size": 1, "max_size": 1}}
MODES = {"kept": "connection kept", "new": "new connection per request", "pooled": "pooled connection"}

# The same columns the API returns, with the same joins (user, department).
RAW_SELECT = (
    "SELECT c.id, u.employee_id, u.email, u.full_name, d.name, c.course_code, c.course_title, "
    "c.course_language, c.completed_at, c.score, c.certificate_id, c.valid_until, c.revoked_at, "
    "c.revoked_reason, c.created_at, c.updated_at "
    "FROM quizzes_coursecompletion c JOIN people_user u ON u.id = c.user_id "
    "LEFT JOIN people_department d ON d.id = u.department_id "
)
# The keyset condition as one would write it by hand: a row-value comparison, which both
# PostgreSQL and SQLite (3.15+) serve with a seek on the (updated_at, id) index.
RAW_AFTER = "WHERE (c.updated_at, c.id) > (%s, %s) "
RAW_ORDER = "ORDER BY c.updated_at, c.id LIMIT %s"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", default=DEFAULT_PG_URL, help="with --database postgres")
    parser.add_argument("--sqlite-file", help="with --database sqlite: a file under /tmp")
    parser.add_argument("--recreate", action="store_true", help="drop and recreate the PostgreSQL database")
    parser.add_argument("--reuse", action="store_true", help="keep a database this bench built before")
    parser.add_argument("--staff", type=int, default=10_000)
    parser.add_argument("--courses", type=int, default=20)
    parser.add_argument("--completions", type=int, default=1_000_000)
    parser.add_argument("--depth", type=int, help="the deep page's row (default: 90%% of the rows)")
    parser.add_argument("--export-rows", type=int, default=100_000, help="the smaller export's rows")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per page measure (median)")
    parser.add_argument("--export-runs", type=int, default=3, help="timed runs of the smaller export")
    parser.add_argument("--skip-sync", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the 1,000-row page")
    return parser.parse_args(argv)


def configure(args):
    """Settings and database, before django.setup(). Returns where the data lives."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "elearning.settings.test"  # DEBUG off, locmem cache
    # The full sync makes ~1,000 requests in a minute or two; the bench measures the API,
    # not the per-client throttle (which still runs on every request, with a higher limit).
    os.environ["API_THROTTLE_RATE"] = "1000000/minute"
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"
    if args.database == "postgres":
        if not args.database_url.startswith(("postgres://", "postgresql://")):
            sys.exit("--database-url must be a PostgreSQL URL.")
        name = urlsplit(args.database_url).path.lstrip("/")
        if not name or name in {"postgres", "template0", "template1", "test"} or name.startswith("test_"):
            sys.exit(f"Refusing to use the database {name!r}: name a dedicated one, e.g. /bench_api.")
        if args.reuse:
            _ensure_postgres(args.database_url)
        else:
            prepare_postgres(args.database_url, args.recreate)
        os.environ["DATABASE_URL"] = args.database_url
        return args.database_url
    path = args.sqlite_file
    if path is None:
        path = tempfile.mkstemp(prefix="elearning-bench-api-", suffix=".sqlite3", dir="/tmp")[1]
    path = os.path.realpath(path)
    if not path.startswith("/tmp/"):
        sys.exit("--sqlite-file must be under /tmp.")
    if os.path.exists(path) and os.path.getsize(path) and not args.reuse:
        sys.exit(f"{path} is not empty: pass --reuse to keep it, or name a new file.")
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


def _ensure_postgres(url):
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# -- measuring -----------------------------------------------------------------------------


def timed_together(fns, runs):
    """{key: median seconds}, {key: last result}: the functions run in turn, run after
    run, so a change in the machine's load falls on all of them alike."""
    for fn in fns.values():
        fn()  # warm-up
    times = {key: [] for key in fns}
    results = {}
    for _ in range(runs):
        for key, fn in fns.items():
            start = time.perf_counter()
            results[key] = fn()
            times[key].append(time.perf_counter() - start)
    return {key: statistics.median(values) for key, values in times.items()}, results


def _status_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def peak_rss(fn):
    """(result, RSS before, peak RSS during the call), in bytes: the kernel's high-water
    mark, reset first through /proc/self/clear_refs, so the peak is this call's."""
    gc.collect()
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = _status_kib("VmRSS")
    result = fn()
    return result, before * 1024, _status_kib("VmHWM") * 1024


def peak_python(fn):
    """(result, peak Python heap while fn runs, in bytes) with tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def mib(value):
    return value / 2**20


# -- the bench -----------------------------------------------------------------------------


def build_data(args, where):
    from django.core.management import call_command
    from django.db import connection

    from bench.build_completions import top_up
    from bench.build_org import build
    from people.models import User

    timings = {}
    if args.reuse and _migrated() and User.objects.exists():
        print(f"Reusing {where}: {User.objects.count():,} people.")
        staff_ids = list(User.objects.exclude(username="hr.admin").values_list("pk", flat=True))
        hr_admin = User.objects.get(username="hr.admin")
    else:
        start = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        timings["migrate"] = time.perf_counter() - start
        start = time.perf_counter()
        org = build(staff=args.staff, courses=args.courses)
        timings["organisation"] = time.perf_counter() - start
        print(
            f"Migrated in {timings['migrate']:.1f}s; built {org.staff:,} staff, {org.enrolments:,} "
            f"enrolments, {org.completions:,} completions in {timings['organisation']:.1f}s."
        )
        staff_ids, hr_admin = list(range(1, org.staff + 1)), org.hr_admin
    start = time.perf_counter()
    added = top_up(args.completions, staff_ids, hr_admin.pk, datetime.datetime.now(datetime.UTC))
    timings["completions"] = time.perf_counter() - start
    print(f"Added {added:,} completions in {timings['completions']:.1f}s ({connection.vendor}).")
    return timings


def _migrated():
    from django.db import connection

    return "people_user" in connection.introspection.table_names()


class Wsgi:
    """Requests through the WSGI application, as gunicorn makes them. Django's test Client
    disconnects ``close_old_connections`` from the request signals, so there the connection
    settings (``CONN_MAX_AGE``, health checks) would not act as they do in production."""

    def __init__(self, key):
        from django.core.wsgi import get_wsgi_application

        self.app = get_wsgi_application()
        self.key = key

    def _call(self, path, params):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode(params) if params else query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "HTTP_AUTHORIZATION": f"Bearer {self.key}",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        started = []
        body = self.app(environ, lambda status, headers, exc_info=None: started.append(status))
        return int(started[0].split()[0]), body

    def get(self, path, params=None):
        status, body = self._call(path, params)
        try:
            content = b"".join(body)
        finally:
            body.close()  # fires request_finished, as a WSGI server does
        assert status == 200, (status, content[:500])
        return content

    def stream(self, path, params=None):
        status, body = self._call(path, params)
        try:
            assert status == 200, status
            yield from body
        finally:
            body.close()


class Floor:
    """The least work that gives the API's page (issue 16): the API's own SQL, as Django
    sends it, on one connection opened once (psycopg 3 in UTC with its compiled loaders, or
    sqlite3 without converters), the tuples shaped into the feed's dicts by hand, orjson."""

    def __init__(self, where, vendor, orjson):
        self.vendor, self.orjson = vendor, orjson
        if vendor == "postgresql":
            import psycopg

            self.conn = psycopg.connect(where, autocommit=True, cursor_factory=psycopg.ClientCursor)
            self.conn.execute("SET TIME ZONE 'UTC'")
        else:
            import sqlite3

            self.conn = sqlite3.connect(where)

    def rows(self, sql, params):
        if self.vendor == "sqlite":
            sql = sql.replace("%s", "?")
        return self.conn.execute(sql, params).fetchall()

    def page(self, sql, params, size, url):
        """(JSON bytes, the next position or None)."""
        from rest_framework.utils.urls import replace_query_param

        from api.pagination import encode_cursor

        rows = self.rows(sql, params)
        sqlite = self.vendor == "sqlite"
        results = []
        for row in rows[:size]:
            (pk, employee_id, email, full_name, department, code, title, language, completed_at, score,
             certificate, valid_until, revoked_at, reason, created_at, updated_at, status) = row  # fmt: skip
            if sqlite:  # ISO text in UTC: only the separator and the zone differ from the JSON
                completed_at, created_at, updated_at = (
                    f"{value[:10]}T{value[11:]}Z" for value in (completed_at, created_at, updated_at)
                )
                revoked_at = revoked_at and f"{revoked_at[:10]}T{revoked_at[11:]}Z"
                score = None if score is None else float(score)
            results.append(
                {
                    "id": pk,
                    "employee_id": employee_id,
                    "email": email,
                    "name": full_name,
                    "department": department,
                    "course_code": code,
                    "course_title": title,
                    "course_language": language,
                    "completed_at": completed_at,
                    "score": score,
                    "passed": status != "revoked",
                    "certificate_id": certificate,
                    "valid_until": valid_until,
                    "status": status,
                    "revoked_at": revoked_at,
                    "revoked_reason": reason,
                    "created_at": created_at,
                    "updated_at": updated_at,
                }
            )
        next_link = last = None
        if len(rows) > size:
            stamp = rows[size - 1][15]
            if sqlite:
                stamp = datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.UTC)
            last = (stamp, rows[size - 1][0])
            next_link = replace_query_param(url, "cursor", encode_cursor(*last))
        body = self.orjson.dumps(
            {"next": next_link, "results": results}, default=float, option=self.orjson.OPT_UTC_Z
        )
        return body, last


class Bench:
    """The measures, in the order of the report; ``self.results`` collects the figures.
    Each measure runs against the API and, where it has one, the raw SQL + orjson floor."""

    def __init__(self, args, where):
        from django.db import connection
        from django.utils import timezone

        import orjson

        from api.models import ApiClient
        from api.pagination import encode_cursor
        from records.models import CourseCompletion

        self.args, self.where, self.orjson, self.connection = args, where, orjson, connection
        self.total = CourseCompletion.objects.count()
        self.depth = args.depth if args.depth is not None else self.total * 9 // 10
        self.sync_order = CourseCompletion.objects.order_by("updated_at", "id")
        self.deep_position = tuple(self.sync_order.values_list("updated_at", "id")[self.depth])
        self.deep_cursor = encode_cursor(*self.deep_position)
        self.stamps = CourseCompletion.objects.values("updated_at").distinct().count()
        self.api_client, key = ApiClient.objects.create_key(
            name="Bench HR system", scopes=["completions:read"]
        )
        self.http = Wsgi(key)
        self.floor = Floor(where, connection.vendor, orjson)
        self.today = timezone.localdate()
        self.results = {}
        print(
            f"{self.total:,} completions, {self.stamps:,} distinct updated_at stamps; "
            f"deep page after row {self.depth:,}."
        )

    # -- the ways of answering: the API and raw SQL ------------------------------------------

    def use(self, connection_settings):
        """Closes the connection and changes how requests keep it (*_CONNECTION above)."""
        self.connection.close()
        settings = dict(connection_settings)
        options = self.connection.settings_dict.setdefault("OPTIONS", {})
        if self.connection.vendor == "postgresql":
            self.connection.close_pool()
            options.pop("pool", None)
        if "pool" in settings:
            options["pool"] = settings.pop("pool")
        self.connection.settings_dict.update(settings)

    def api_page(self, cursor=None, size=PAGE_SIZE, http=None):
        params = {"page_size": size}
        if cursor:
            params["cursor"] = cursor
        return lambda: (http or self.http).get(LIST_URL, params)

    def floor_page(self, position=None, size=PAGE_SIZE):
        from api.rows import COMPLETION_COLUMNS

        query = self.api_query(self.api_client, position, size)
        sources = [source for _name, source in COMPLETION_COLUMNS if source]
        sql, params = query.values(*sources, status=query.standing_expression()).query.sql_with_params()
        url = f"http://testserver{LIST_URL}?page_size={size}"
        return lambda: self.floor.page(sql, params, size, url)[0]

    def raw_rows(self, position, size):
        sql, params = RAW_SELECT, []
        if position is not None:
            adapt = self.connection.ops.adapt_datetimefield_value
            stamp, pk = position
            sql += RAW_AFTER
            params += [adapt(stamp), pk]
        with self.connection.cursor() as cursor:
            cursor.execute(sql + RAW_ORDER, [*params, size + 1])
            return cursor.fetchall()

    def raw_page_bytes(self, position, size=PAGE_SIZE):
        """The bench's floor before issue 16, kept as a second line: a hand-written query
        through Django's cursor (Django's loaders), tuples to dicts, orjson. Written here from
        the table's columns, not with api.rows, so that comparing it with the API's page
        checks the API's fields, values and ``next`` link."""
        from rest_framework.utils.urls import replace_query_param

        from api.pagination import encode_cursor

        rows = self.raw_rows(position, size)
        today, results = self.today, []
        for row in rows[:size]:
            (pk, employee_id, email, full_name, department, code, title, language, completed_at, score,
             certificate, valid_until, revoked_at, reason, created_at, updated_at) = row  # fmt: skip
            if revoked_at is not None:
                status = "revoked"
            elif valid_until is not None and valid_until < today:
                status = "expired"
            else:
                status = "valid"
            results.append(
                {
                    "id": pk,
                    "employee_id": employee_id,
                    "email": email,
                    "name": full_name,
                    "department": department,
                    "course_code": code,
                    "course_title": title,
                    "course_language": language,
                    "completed_at": completed_at,
                    "score": score,
                    "passed": revoked_at is None,
                    "certificate_id": certificate,
                    "valid_until": valid_until,
                    "status": status,
                    "revoked_at": revoked_at,
                    "revoked_reason": reason,
                    "created_at": created_at,
                    "updated_at": updated_at,
                }
            )
        next_link = last = None
        if len(rows) > size:
            stamp = rows[size - 1][15]
            last = (stamp if stamp.tzinfo else stamp.replace(tzinfo=datetime.UTC), rows[size - 1][0])
            url = f"http://testserver{LIST_URL}?page_size={size}"
            next_link = replace_query_param(url, "cursor", encode_cursor(*last))
        options = self.orjson.OPT_NAIVE_UTC | self.orjson.OPT_UTC_Z
        body = self.orjson.dumps({"next": next_link, "results": results}, default=float, option=options)
        return body, last

    def raw_page(self, position=None, size=PAGE_SIZE):
        return lambda: self.raw_page_bytes(position, size)[0]

    def api_query(self, client, position=None, size=PAGE_SIZE):
        """The API's page query for ``client``, as ``SyncCursorPagination`` builds it."""
        from api.pagination import after
        from api.records import completions_for
        from records.models.sync import EPOCH

        rows = after(completions_for(client), *(position or (EPOCH, 0)))
        return rows.order_by("updated_at", "id")[: size + 1]

    def measure(self, fns, runs=None):
        """Times {label: fn} together (interleaved); returns {label: last result}."""
        medians, bodies = timed_together(fns, runs or self.args.runs)
        for key, median in medians.items():
            self.results[key] = median
            print(f"  {key:<46} {median * 1000:9.1f} ms  ({len(bodies[key]):,} B)", flush=True)
        return bodies

    def compare(self, label, body, reference):
        loads = self.orjson.loads
        mine, theirs = loads(body), loads(reference)
        assert len(theirs["results"]) == PAGE_SIZE and theirs["next"], label
        if mine == theirs:
            return True
        for a, b in zip(mine["results"], theirs["results"], strict=False):
            if a != b:
                print(f"  {label} differs: {a} vs {b}")
                break
        if mine["next"] != theirs["next"]:
            print(f"  {label} next differs: {mine['next']} vs {theirs['next']}")
        return False

    # -- the measures ------------------------------------------------------------------------

    def pages(self):
        deep = f"after row {self.depth:,}"
        runs = self.args.runs
        places = (("page 1", None, None), (deep, self.deep_cursor, self.deep_position))
        same = {}
        modes = [("kept", KEPT_CONNECTION), ("new", NEW_CONNECTION)]
        if self.connection.vendor == "postgresql":
            modes.append(("pooled", POOLED_CONNECTION))
        for mode, settings in modes:
            self.use(settings)
            connection = MODES[mode]
            print(
                f"\nOne {PAGE_SIZE:,}-row page, {connection}, median of {runs} (interleaved) after a warm-up:"
            )
            fns = {}
            for where, cursor, position in places:
                fns[f"floor, {where} [{mode}]"] = self.floor_page(position)
                if mode == "kept":  # Django's connection: only while requests keep it too
                    fns[f"old floor, {where}"] = self.raw_page(position)
                fns[f"API, {where} [{mode}]"] = self.api_page(cursor)
            bodies = self.measure(fns)
            for where, _cursor, _position in places:
                reference = bodies[f"API, {where} [{mode}]"]
                same[f"floor, {where} [{mode}]"] = self.compare(
                    where, bodies[f"floor, {where} [{mode}]"], reference
                )
                if mode == "kept":
                    same[f"old floor, {where}"] = self.compare(
                        where, bodies[f"old floor, {where}"], reference
                    )
            if mode == "kept":
                # page_size 10: the fixed cost of a request; page_size 1: before the first page
                # started after the epoch, SQLite (with statistics) sorted the whole table for LIMIT 2.
                self.measure({f"API, page 1, page_size {size}": self.api_page(size=size) for size in (10, 1)})
        self.use(KEPT_CONNECTION)
        self.results["same"] = same
        print(f"  The API's pages parse to exactly the floors' JSON: {all(same.values())}")
        assert all(same.values()), same

    def enrolments(self):
        """The enrolment feed's 1,000-row page against its floor: the SQL the feed's read sends
        (the page and the progress lookups, captured once), run on the open driver
        connection, shaped by hand. The bench's courses have no pages, so no module counts
        and progress is 100 for a completed enrolment and 0 otherwise; the floor asserts that
        the lookups found no modules, the condition under which that rule is the feed's."""
        from django.test.utils import CaptureQueriesContext

        from api.models import ApiClient
        from api.pagination import after, encode_cursor
        from api.records import enrolments_for
        from api.rows import enrolment_rows
        from records.models import Enrolment
        from records.models.sync import EPOCH

        client, key = ApiClient.objects.create_key(name="Bench enrolments", scopes=["enrolments:read"])
        http = Wsgi(key)
        order = Enrolment.objects.order_by("updated_at", "id").values_list("updated_at", "id")
        total = order.count()
        deep_position = tuple(order[total * 9 // 10])
        url = f"http://testserver/api/v1/enrolments/?page_size={PAGE_SIZE}"

        def statements(position):
            query = after(enrolments_for(client), *(position or (EPOCH, 0))).order_by("updated_at", "id")
            with CaptureQueriesContext(self.connection) as ctx:
                enrolment_rows(query[: PAGE_SIZE + 1])
            return [captured["sql"] for captured in ctx.captured_queries]

        def floor(position):
            from rest_framework.utils.urls import replace_query_param

            sqls = statements(position)
            sqlite = self.connection.vendor == "sqlite"

            def page():
                rows = self.floor.conn.execute(sqls[0]).fetchall()
                for sql in sqls[1:]:
                    found = self.floor.conn.execute(sql).fetchall()
                    assert not found or "module" not in sql.lower(), "the bench's courses have modules"
                results = []
                for row in rows[:PAGE_SIZE]:
                    (pk, employee_id, email, full_name, department, code, title, source, status, changed,
                     enrolled, due, completed, updated, _user) = row  # fmt: skip
                    if sqlite:
                        changed, enrolled, updated = (
                            f"{v[:10]}T{v[11:]}Z" for v in (changed, enrolled, updated)
                        )
                        completed = completed and f"{completed[:10]}T{completed[11:]}Z"
                    results.append(
                        {
                            "id": pk,
                            "employee_id": employee_id,
                            "email": email,
                            "name": full_name,
                            "department": department,
                            "course_code": code,
                            "course_title": title,
                            "source": source,
                            "status": status,
                            "status_changed_at": changed,
                            "enrolled_at": enrolled,
                            "due_date": due,
                            "completed_at": completed,
                            "progress": 100 if status == "completed" else 0,
                            "updated_at": updated,
                        }
                    )
                next_link = None
                if len(rows) > PAGE_SIZE:
                    stamp = rows[PAGE_SIZE - 1][13]
                    if sqlite:
                        stamp = datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.UTC)
                    next_link = replace_query_param(
                        url, "cursor", encode_cursor(stamp, rows[PAGE_SIZE - 1][0])
                    )
                return self.orjson.dumps(
                    {"next": next_link, "results": results}, default=float, option=self.orjson.OPT_UTC_Z
                )

            return page

        def api(cursor):
            params = {"page_size": PAGE_SIZE, **({"cursor": cursor} if cursor else {})}
            return lambda: http.get("/api/v1/enrolments/", params)

        deep = f"after row {total * 9 // 10:,}"
        print(f"\nThe enrolment feed ({total:,} enrolments), {PAGE_SIZE:,}-row page, connection kept:")
        fns = {
            "enrolments floor, page 1": floor(None),
            "enrolments API, page 1": api(None),
            f"enrolments floor, {deep}": floor(deep_position),
            f"enrolments API, {deep}": api(encode_cursor(*deep_position)),
        }
        bodies = self.measure(fns)
        for where in ("page 1", deep):
            same = self.compare(
                where, bodies[f"enrolments floor, {where}"], bodies[f"enrolments API, {where}"]
            )
            assert same, where
        self.results["enrolments deep"] = deep

    def scoped(self):
        """A client limited to one department (about a ninth of the staff)."""
        from api.models import ApiClient
        from api.pagination import encode_cursor
        from people.models import Department
        from records.models import CourseCompletion

        department = Department.objects.get(name="Engineering")
        client, key = ApiClient.objects.create_key(name="Bench regional HR", scopes=["completions:read"])
        client.departments.set([department])
        http = Wsgi(key)
        rows = CourseCompletion.objects.filter(user__department=department).order_by("updated_at", "id")
        count = rows.count()
        deep = count * 9 // 10
        self.scoped_client = client
        self.scoped_deep = tuple(rows.values_list("updated_at", "id")[deep])
        runs = max(3, self.args.runs // 3)
        print(f"\nA client limited to {department.name} ({count:,} completions), median of {runs}:")
        self.measure(
            {
                "API, scoped, page 1": self.api_page(http=http),
                f"API, scoped, after row {deep:,}": self.api_page(
                    encode_cursor(*self.scoped_deep), http=http
                ),
            },
            runs,
        )
        self.results["scoped rows"] = count

    def layers(self):
        """Where the API's time goes: each step of its page on its own."""
        from api.renderers import OrjsonRenderer
        from api.rows import COMPLETION_COLUMNS, completion_rows

        sources = [source for _name, source in COMPLETION_COLUMNS if source]
        query = self.api_query(self.api_client)
        page = query.values(*sources, status=query.standing_expression())
        sql, params = page.query.sql_with_params()
        data = {"next": None, "results": completion_rows(query)}
        renderer = OrjsonRenderer()
        steps = {
            "floor: the API's SQL, open driver connection": lambda: self.floor.rows(sql, params),
            "Django's cursor: the API's SQL, fetchall": lambda: fetch_tuples(page),
            "ORM: .values() (+ Django's converters)": lambda: list(page.all()),
        }
        try:
            from api import driver
        except ImportError:  # before issue 16
            pass
        else:
            steps["api.driver.values (the feed's read)"] = lambda: driver.values(page.all())
        steps["api.rows.completion_rows (read + shaping)"] = lambda: completion_rows(query)
        steps["orjson: OrjsonRenderer.render"] = lambda: renderer.render(data)
        print("\nWhere the API page's time goes (page 1; median, interleaved):")
        medians, _ = timed_together(steps, self.args.runs)
        for label, median in medians.items():
            self.results[label] = median
            print(f"  {label:<46} {median * 1000:9.1f} ms", flush=True)

    def profile(self):
        profiler = cProfile.Profile()
        fn = self.api_page()
        fn()
        profiler.enable()
        for _ in range(3):
            fn()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())

    def queries(self):
        """Queries per request, at page 1 and deep, for 1,000 and 10 rows."""
        from django.test.utils import CaptureQueriesContext

        print("\nQueries per request:")
        counts = {}
        for label, cursor, size in (
            ("page 1, page_size 1000", None, 1000),
            (f"after row {self.depth:,}, page_size 1000", self.deep_cursor, 1000),
            ("page 1, page_size 10", None, 10),
            (f"after row {self.depth:,}, page_size 10", self.deep_cursor, 10),
        ):
            fn = self.api_page(cursor, size)
            fn()
            with CaptureQueriesContext(self.connection) as ctx:
                fn()
            counts[label] = [query["sql"] for query in ctx.captured_queries]
            print(f"  {label:<52} {len(ctx.captured_queries)}", flush=True)
        for sql in counts["page 1, page_size 1000"]:
            print(f"    {sql[:110]}")
        self.results["queries"] = {label: len(sqls) for label, sqls in counts.items()}

    def explain(self):
        deep = f"after row {self.depth:,}"
        cases = [
            ("page 1", self.api_client, None, PAGE_SIZE),
            (deep, self.api_client, self.deep_position, PAGE_SIZE),
            ("page 1, page_size 1", self.api_client, None, 1),
            ("scoped client, page 1", self.scoped_client, None, PAGE_SIZE),
            ("scoped client, deep page", self.scoped_client, self.scoped_deep, PAGE_SIZE),
        ]
        postgres = self.connection.vendor == "postgresql"
        prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
        for label, client, position, size in cases:
            sql, params = self.api_query(client, position, size).query.sql_with_params()
            with self.connection.cursor() as cursor:
                cursor.execute(prefix + sql, params)
                plan = [" ".join(str(col) for col in row) for row in cursor.fetchall()]
            print(f"\nPlan of the API's query, {label}:")
            for line in plan:
                print(f"    {line}")

    def depths(self):
        """The page's query alone at several depths, and its plan. PostgreSQL: the server's
        execution time (EXPLAIN ANALYZE, median of 5); SQLite: the query and fetchall
        (median of 9)."""
        postgres = self.connection.vendor == "postgresql"
        what = "server execution time" if postgres else "query + fetchall"
        print(f"\nThe page's query alone at several depths (median {what}; plan):")
        order = self.sync_order.values_list("updated_at", "id")
        figures = {}
        for share in (50, 90, 95, 99):
            depth = self.total * share // 100
            query = self.api_query(self.api_client, tuple(order[depth]))
            sql, params = query.query.sql_with_params()
            with self.connection.cursor() as cursor:
                if postgres:
                    times = []
                    for _ in range(5):
                        cursor.execute("EXPLAIN (ANALYZE) " + sql, params)
                        plan = " ".join(row[0] for row in cursor.fetchall())
                        times.append(float(plan.rsplit("Execution Time: ", 1)[1].split()[0]) / 1000)
                    seconds = statistics.median(times)
                else:
                    seconds = timed_together({"q": lambda query=query: fetch_tuples(query)}, 9)[0]["q"]
                    cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
                    plan = " ".join(str(col) for row in cursor.fetchall() for col in row)
            if "Bitmap" in plan:
                shape = "bitmap scan + sort"
            elif "Sort" in plan or "TEMP B-TREE" in plan:
                shape = "index scan + sort"
            else:
                shape = "index scan"
            figures[share] = (seconds, shape)
            print(f"  after row {depth:>9,} ({share}%): {seconds * 1000:6.1f} ms ({shape})", flush=True)
        self.results["depths"] = figures

    def exports(self):
        """CSV export: time, peak RSS and peak Python heap, at ~100,000 rows and at all rows."""
        from records.models import CourseCompletion

        stamp = self.sync_order.values_list("updated_at", flat=True)[
            max(0, self.total - self.args.export_rows - 1)
        ]
        small = CourseCompletion.objects.filter(updated_at__gt=stamp).count()
        print(f"\nCSV export, consumed and discarded: {small:,} rows (updated_since) and all {self.total:,}:")

        def export(params):
            def fn():
                size = lines = 0
                for chunk in self.http.stream(EXPORT_URL, params):
                    size += len(chunk)
                    lines += 1
                return size, lines - 1

            return fn

        figures = {}
        for label, rows, params, runs in (
            ("small", small, {"updated_since": stamp.isoformat()}, self.args.export_runs),
            ("all", self.total, {}, 1),
        ):
            fn = export(params)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                (size, lines), rss_before, rss_peak = peak_rss(fn)
                times.append(time.perf_counter() - start)
            assert lines == rows, (lines, rows)
            _, heap = peak_python(fn)
            figures[label] = {
                "rows": rows,
                "seconds": statistics.median(times),
                "bytes": size,
                "rss_before": rss_before,
                "rss_peak": rss_peak,
                "heap": heap,
            }
            print(
                f"  {rows:>9,} rows: {statistics.median(times):7.1f} s (median of {runs}), "
                f"{size / 1e6:,.1f} MB; RSS {mib(rss_before):.0f} -> peak {mib(rss_peak):.0f} MiB; "
                f"peak Python heap {mib(heap):.1f} MiB (tracemalloc)",
                flush=True,
            )
        self.results["exports"] = figures

    def sync(self):
        """A full sync: from the first page, follow ``next`` until it is null, at each page
        size the API allows; a client parses every page, as it parses the export's CSV."""
        from django.test.utils import CaptureQueriesContext

        from api.pagination import MAX_PAGE_SIZE

        def api(size):
            seen, pages, most = set(), 0, 0
            path = f"{LIST_URL}?page_size={size}"
            while path:
                self.connection.queries_log.clear()  # the log keeps 9,000 queries at most
                with CaptureQueriesContext(self.connection) as ctx:
                    content = self.http.get(path)
                most = max(most, len(ctx.captured_queries))
                body = self.orjson.loads(content)
                seen.update(row["id"] for row in body["results"])
                pages += 1
                path = None
                if body["next"]:
                    parts = urlsplit(body["next"])
                    path = f"{parts.path}?{parts.query}"
            return pages, len(seen), most

        def floor():
            rows = pages = 0
            position = None
            while True:
                body = self.floor_page(position)()
                results = self.orjson.loads(body)["results"]
                rows += len(results)
                pages += 1
                if len(results) < PAGE_SIZE or rows == self.total:
                    return pages, rows, 1
                last = results[-1]
                position = (datetime.datetime.fromisoformat(last["updated_at"]), last["id"])

        print("\nFull sync, following `next` from the first page to the last (connection kept):")
        figures = {}
        runs = [(f"API, page_size {size:,}", lambda size=size: api(size)) for size in SYNC_PAGE_SIZES]
        runs = [run for run, size in zip(runs, SYNC_PAGE_SIZES, strict=True) if size <= MAX_PAGE_SIZE]
        runs.append((f"floor, page_size {PAGE_SIZE:,}", floor))
        for who, fn in runs:
            start = time.perf_counter()
            pages, rows, most = fn()
            seconds = time.perf_counter() - start
            assert rows == self.total, (who, rows, self.total)
            figures[who] = {"seconds": seconds, "pages": pages, "rows": rows, "queries": most}
            print(
                f"  {who:<26} {seconds:7.1f} s for {pages:,} pages, {rows:,} distinct rows; "
                f"at most {most} queries per page",
                flush=True,
            )
        self.results["sync"] = figures

    def summary(self):
        r, deep = self.results, f"after row {self.depth:,}"
        print("\nSummary (ratios of medians)")

        def line(label, ratio, target=None):
            verdict = (
                "" if target is None else f"(target <= {target}x) {'met' if ratio <= target else 'MISSED'}"
            )
            print(f"  {label:<52} {ratio:6.2f}x {verdict}")

        for where in ("page 1", deep):
            line(
                f"API / floor, {where}, connection kept",
                r[f"API, {where} [kept]"] / r[f"floor, {where} [kept]"],
                TARGET_RAW_RATIO,
            )
            for mode in ("new", "pooled"):
                if f"API, {where} [{mode}]" in r:
                    api, floor = r[f"API, {where} [{mode}]"], r[f"floor, {where} [{mode}]"]
                    line(f"API / floor, {where}, {MODES[mode]}", api / floor)
            line(
                f"API / old floor, {where}, connection kept",
                r[f"API, {where} [kept]"] / r[f"old floor, {where}"],
            )
            line(f"old floor / floor, {where}", r[f"old floor, {where}"] / r[f"floor, {where} [kept]"])
        enrolments_deep = r["enrolments deep"]
        for where in ("page 1", enrolments_deep):
            line(
                f"enrolments API / floor, {where}",
                r[f"enrolments API, {where}"] / r[f"enrolments floor, {where}"],
                TARGET_RAW_RATIO,
            )
        line(
            "API, deep / page 1 (connection kept)",
            r[f"API, {deep} [kept]"] / r["API, page 1 [kept]"],
            TARGET_DEPTH_RATIO,
        )
        line("floor, deep / page 1", r[f"floor, {deep} [kept]"] / r["floor, page 1 [kept]"])
        queries = r["queries"]
        print(f"  queries per request: {sorted(set(queries.values()))} across {len(queries)} cases")
        if "exports" in r:
            small, big = r["exports"]["small"], r["exports"]["all"]
            print(
                f"  export: peak Python heap {mib(small['heap']):.1f} MiB at {small['rows']:,} rows, "
                f"{mib(big['heap']):.1f} MiB at {big['rows']:,}; peak RSS {mib(small['rss_peak']):.0f} "
                f"-> {mib(big['rss_peak']):.0f} MiB"
            )
            if "sync" in r:
                for who, figure in r["sync"].items():
                    line(
                        f"full sync, {who} / export",
                        figure["seconds"] / big["seconds"],
                        TARGET_SYNC_RATIO if who.startswith("API") else None,
                    )


def fetch_tuples(queryset):
    """The queryset's SQL through a cursor: the database's values, without Django's
    per-value converters."""
    from django.db import connections

    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def main(argv=None):
    args = parse_args(argv)
    where = configure(args)

    import django

    django.setup()

    from django.conf import settings
    from django.db import connection

    name = str(settings.DATABASES["default"]["NAME"])
    if name.endswith("db.sqlite3") or name == "test" or name.startswith("test_"):
        sys.exit(f"Refusing to run against {name}")
    assert not settings.DEBUG, "DEBUG would log every query"

    print(f"Database: {connection.vendor} at {where}; load average {os.getloadavg()}")
    started = time.perf_counter()
    build_data(args, where)
    bench = Bench(args, where)
    bench.pages()
    bench.enrolments()
    bench.scoped()
    bench.layers()
    if args.profile:
        bench.profile()
    bench.queries()
    bench.explain()
    bench.depths()
    if not args.skip_export:
        bench.exports()
    if not args.skip_sync:
        bench.sync()
    bench.summary()
    print(f"  whole run {time.perf_counter() - started:.0f} s; load average {os.getloadavg()}")
    if args.database == "sqlite":
        print(f"\nThe SQLite file {where} can be deleted (or reused with --reuse --sqlite-file).")


if __name__ == "__main__":
    main()
