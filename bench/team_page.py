"""Times one 50-row page of the team completion report (HR, the whole organisation), as
the report pages now (the page's ids first, then its rows: ``TeamCompletionView.
paginate_queryset``) and as it paged before (Wagtail's, ordering and cutting whole rows),
in the same run on the same organisation. Same safety rules as bench/run.py.

    DJANGO_SETTINGS_MODULE=elearning.settings.dev .venv/bin/python -m bench.team_page \\
        [--staff 10000] [--courses 20] [--runs 5] \\
        [--database-url postgres://postgres@127.0.0.1:5432/bench [--recreate]]
"""

import os
import sys
import tempfile
import time

from bench.run import count_queries, parse_args, prepare_postgres, timed


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")
    if args.database_url:
        prepare_postgres(args.database_url, args.recreate)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        path = tempfile.mkstemp(prefix="elearning-bench-", suffix=".sqlite3", dir="/tmp")[1]
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory

    from wagtail.admin.views.reports import ReportView

    name = str(settings.DATABASES["default"]["NAME"])
    if name.endswith("db.sqlite3") or (not args.database_url and not name.startswith("/tmp/")):
        sys.exit(f"Refusing to run against {name}")

    from bench.build_org import build
    from records.reports.team_completion import TeamCompletionView

    print(f"Database: {connection.vendor} at {name}")
    call_command("migrate", verbosity=0, interactive=False)
    start = time.perf_counter()
    org = build(staff=args.staff, courses=args.courses)
    print(f"Built {org.staff} staff, {org.enrolments} enrolments in {time.perf_counter() - start:.1f}s")

    def page(number, paginate):
        def fn():
            request = RequestFactory().get("/", {"p": number})
            request.user = org.hr_admin
            view = TeamCompletionView()
            view.setup(request)
            _paginator, _page, rows, _more = paginate(view, view.get_filtered_queryset(), 50)
            return [(row.user.full_name, row.course_code, row.score) for row in rows]

        return fn

    def before(view, queryset, size):
        return ReportView.paginate_queryset(view, queryset, size)

    def now(view, queryset, size):
        return view.paginate_queryset(queryset, size)

    print(f"{'Page':<10} {'Paging':<8} {'Median ms':>10} {'Queries':>8}")
    for number in (1, 100, 1400):
        rows = {}
        for label, paginate in (("before", before), ("now", now)):
            fn = page(number, paginate)
            median, rows[label] = timed(fn, args.runs)
            print(f"{number:<10} {label:<8} {median * 1000:10.1f} {count_queries(fn):>8}", flush=True)
        assert rows["before"] == rows["now"], f"page {number} differs"


if __name__ == "__main__":
    main()
