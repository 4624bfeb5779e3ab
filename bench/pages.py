"""Times a learner's course page and module page (issue 12) served by gunicorn, for a
course of 5 and of 50 modules, and counts their queries; optionally against the same pages
of the published ``wagtail-lms`` package's example project, served the same way.

    .venv/bin/python -m bench.pages [--runs 51] [--warmup 5] [--sqlite-file /tmp/....sqlite3]
    .venv/bin/python -m bench.pages --compare-wagtail-lms [--wlms-src /tmp/wlms-src] \\
        [--wlms-venv /tmp/wlms-venv]

Everything it builds lives under /tmp: a new SQLite file (never db.sqlite3) with the demo
(``seed_demo``) and two bench courses, and, with ``--compare-wagtail-lms``, a scratch
virtualenv with wagtail-lms from PyPI and a database for its example project (from a copy of
its repository in ``--wlms-src``). Nothing is installed into the project's virtualenv and no
code of wagtail-lms enters the project: the scripts that drive it are written to /tmp and
run with its virtualenv's Python. What is measured and the figures are in
``bench/README.md``.
"""

import argparse
import http.client
import io
import json
import logging
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
MODULE_COUNTS = (5, 50)
TARGET_QUERIES = {"course": 10, "module": 12}
TARGET_RATIO = 1.0  # ours / wagtail-lms, median ms
TARGET_FLAT = 1.1  # 50 modules / 5 modules, median ms
CHATTY_LOGGERS = ("wagtail", "django_tasks")
LEARNER = "staff"  # the demo's learner (no admin role, so no second factor)
WLMS_VERSION = "0.11.1"
WLMS_LEARNER = "learner"
WLMS_PASSWORD = "bench-learner-2026"  # noqa: S105 - a throwaway account in a /tmp database

PARAGRAPHS = (
    "<p>Influencers reach audiences that our own channels rarely do. This part looks at "
    "<b>why</b> people trust them, and what that trust asks of us when we work together.</p>",
    "<p>Start from the audience: what they already watch, the formats they share, and the "
    "language they use. A message that reads like a press release will be scrolled past; one "
    "told in the creator's own voice is heard. Agree the facts, leave the telling to them.</p>",
    "<p>Write down what was agreed: the key facts, what may not be said, consent for anyone "
    "filmed, and how the partnership is disclosed. Keep it short enough to read on a phone, "
    "and keep a copy with the campaign's records.</p>",
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=51, help="timed requests per page (median)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first")
    parser.add_argument("--sqlite-file", help="a new SQLite file under /tmp (default: a temp file)")
    parser.add_argument("--show-queries", action="store_true", help="print our pages' SQL, shortened")
    parser.add_argument("--compare-wagtail-lms", action="store_true")
    parser.add_argument("--wlms-src", default="/tmp/wlms-src", help="a copy of wagtail-lms's repository")
    parser.add_argument("--wlms-venv", default="/tmp/wlms-venv", help="scratch virtualenv (made if missing)")
    args = parser.parse_args(argv)
    if args.runs < 3:
        parser.error("--runs must be 3 or more")
    return args


# -- our project --------------------------------------------------------------------------


def configure(args):
    """Settings and database, before django.setup(). Returns the SQLite file's path."""
    path = (
        args.sqlite_file
        or tempfile.mkstemp(prefix="elearning-bench-pages-", suffix=".sqlite3", dir="/tmp")[1]
    )
    path = os.path.realpath(path)
    if not path.startswith("/tmp/") or path.endswith("db.sqlite3"):
        sys.exit("--sqlite-file must be a new file under /tmp.")
    if os.path.getsize(path) if os.path.exists(path) else 0:
        sys.exit(f"{path} is not empty: name a new file.")
    os.environ["DJANGO_SETTINGS_MODULE"] = "elearning.settings.test"  # DEBUG off, locmem cache
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


def module_body(number):
    return [
        {"type": "heading", "value": {"text": f"Part {number}: working with creators", "level": "h2"}},
        *({"type": "paragraph", "value": html} for html in PARAGRAPHS),
        {
            "type": "reflection",
            "value": {
                "prompt": "Which creator would your audience trust, and why?",
                "guidance": "Think of someone they already follow.",
            },
            "id": f"reflect-{number}",
        },
    ]


def quiz_questions():
    # The tests' three questions (one of each kind), as the learner pages' tests use them.
    from tests.factories import standard_questions

    return standard_questions()


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def build_ours():
    """migrate, seed_demo, then a course of 5 and of 50 modules under the demo's catalogue.
    The demo learner is enrolled in both, has failed the quiz on module 1 once and completed
    module 2. Returns {modules: (course url, first module url)} and the learner."""
    from django.core.management import call_command

    from courses.models import CourseCatalogue, CoursePage, ModulePage
    from people.models import User
    from quizzes.services import attempts
    from records.services import progress

    start = time.perf_counter()
    for name in CHATTY_LOGGERS:  # every page save is logged at INFO
        logging.getLogger(name).setLevel(logging.WARNING)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())  # it prints the demo logins
    learner = User.objects.get(username=LEARNER)
    catalogue = CourseCatalogue.objects.filter(locale__language_code="en").first()
    urls = {}
    for count in MODULE_COUNTS:
        course = catalogue.add_child(
            instance=CoursePage(
                title=f"Working with influencers ({count} modules)",
                slug=f"bench-{count}-modules",
                course_code=f"BENCH-{count:03d}",
                summary="How to plan, agree and run a campaign with influencers.",
                learning_objectives="<ul><li>Choose creators</li><li>Agree a brief</li></ul>",
            )
        )
        course = publish(course)
        modules = []
        for number in range(1, count + 1):
            module = course.add_child(
                instance=ModulePage(
                    title=f"Module {number}",
                    slug=f"module-{number}",
                    body=module_body(number),
                    estimated_minutes=10,
                )
            )
            modules.append(publish(module))
        modules[0].quiz_questions = quiz_questions()
        modules[0].quiz_pass_mark = 75
        modules[0].quiz_attempt_limit = 3
        modules[0] = publish(modules[0])
        progress.enrol(learner, course)
        attempt = progress.start_quiz(learner, modules[0], course)
        wrong = {
            q["id"]: [next(c["id"] for c in q["choices"] if not c["is_correct"])] for q in attempt.questions
        }
        attempts.submit_attempt(attempt.pk, learner, wrong)
        progress.mark_module_read(learner, modules[1], course)
        urls[count] = (path_of(course.get_url()), path_of(modules[0].get_url()))
    print(f"Built ours (migrate, seed_demo, 2 courses) in {time.perf_counter() - start:.1f} s.", flush=True)
    return urls, learner


def path_of(url):
    return urlsplit(url).path


def count_queries_ours(learner, urls, show=False):
    """{(page, modules): queries} for one request by the signed-in learner (test Client,
    force_login), after two warm-up requests."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(learner)
    counts = {}
    for count, (course_url, module_url) in urls.items():
        for page, url in (("course", course_url), ("module", module_url)):
            client.get(url)
            client.get(url)
            with CaptureQueriesContext(connection) as context:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            counts[page, count] = len(context.captured_queries)
            if show:
                print(f"\n{url}: {len(context.captured_queries)} queries")
                for query in context.captured_queries:
                    print(f"    {' '.join(query['sql'].split())[:150]}")
    return counts


# -- serving and timing ---------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One gunicorn, one sync worker, on 127.0.0.1; its log under /tmp."""

    def __init__(self, name, gunicorn, app, cwd, env, workdir):
        self.name, self.port = name, free_port()
        self.log = Path(workdir) / f"gunicorn-{name}.log"
        env = {key: value for key, value in env.items() if key != "GUNICORN_CMD_ARGS"}
        command = [
            str(gunicorn),
            app,
            "--workers=1",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{self.port}",
            "--timeout=120",
            f"--error-logfile={self.log}",
            "--no-control-socket",  # its default path is shared by every gunicorn on the machine
        ]
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.cookies = {}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn ({name}) stopped; see {self.log}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit(f"gunicorn ({name}) did not start; see {self.log}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def request(self, path, method="GET", form=None):
        """(status, headers, body): a new connection, closed after the response."""
        headers = {"Connection": "close", "Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or ():
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.headers, content

    def sign_in(self, login_path, username, password):
        """The login form with its CSRF token; the session cookie is kept."""
        status, _, content = self.request(login_path)
        assert status == 200, (self.name, login_path, status)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
        status, headers, _ = self.request(
            login_path,
            "POST",
            {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/"},
        )
        assert status == 302 and "sessionid" in self.cookies, (self.name, status, headers.get("Location"))


def timed_interleaved(targets, runs, warmup):
    """{key: [seconds]}, {key: bytes}: each round requests every target once, in a rotating order, so a
    change in the machine's load falls on all of them alike. Every response must be 200."""
    keys = list(targets)
    for key in keys:
        for _ in range(warmup):
            fetch_ok(key, *targets[key])
    times = {key: [] for key in keys}
    sizes = {}
    for run in range(runs):
        shift = run % len(keys)
        for key in keys[shift:] + keys[:shift]:
            server, path, marker = targets[key]
            start = time.perf_counter()
            status, _, content = server.request(path)
            times[key].append(time.perf_counter() - start)
            check(key, path, status, content, marker)
            sizes[key] = len(content)
    return times, sizes


def fetch_ok(key, server, path, marker):
    status, _, content = server.request(path)
    check(key, path, status, content, marker)


def check(key, path, status, content, marker):
    if status != 200 or marker.encode() not in content:
        sys.exit(f"{key}: {path} answered {status} without {marker!r}: not the signed-in page")


# -- wagtail-lms ----------------------------------------------------------------------------

WLMS_SETTINGS = """\
import os

from example_project.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES["default"]["NAME"] = os.environ["WLMS_DB"]  # noqa: F405
MEDIA_ROOT = os.path.join(os.environ["WLMS_RUN"], "media")
STATIC_ROOT = os.path.join(os.environ["WLMS_RUN"], "static")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""

WLMS_BUILD = """\
import json, sys

import django

django.setup()

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site

import wagtail_lms
from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonCompletion, H5PLessonPage

counts, paragraphs, password = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
call_command("migrate", verbosity=0, interactive=False)
call_command("setup_pages", verbosity=0)
home = Site.objects.get(is_default_site=True).root_page
learner = get_user_model().objects.create_user("learner", "learner@example.org", password)


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


urls = {}
for count in counts:
    course = home.add_child(instance=CoursePage(
        title=f"Working with influencers ({count} modules)", slug=f"bench-{count}-lessons",
        description="<p>How to plan, agree and run a campaign with influencers.</p>",
    ))
    course = publish(course)
    lessons = []
    for number in range(1, count + 1):
        body = [{"type": "paragraph", "value": f"<h2>Part {number}: working with creators</h2>"}]
        body += [{"type": "paragraph", "value": html} for html in paragraphs]
        lesson = course.add_child(instance=H5PLessonPage(
            title=f"Module {number}", slug=f"module-{number}",
            intro="<p>What this part covers.</p>", body=body,
        ))
        lessons.append(publish(lesson))
    CourseEnrollment.objects.create(user=learner, course=course)
    H5PLessonCompletion.objects.create(user=learner, lesson=lessons[1])
    urls[count] = [course.get_url(), lessons[0].get_url()]
print(json.dumps({"urls": urls, "package": wagtail_lms.__file__}))
"""

WLMS_QUERIES = """\
import json, sys

import django

django.setup()

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
client.force_login(get_user_model().objects.get(username="learner"))
counts = {}
for url in json.loads(sys.argv[1]):
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    counts[url] = len(context.captured_queries)
print(json.dumps(counts))
"""


class WagtailLms:
    """wagtail-lms from PyPI in a scratch virtualenv, its example project from a copy of its
    repository, a database and the scripts that drive it under a /tmp directory."""

    def __init__(self, args, workdir):
        self.src = Path(args.wlms_src).resolve()
        self.venv = Path(args.wlms_venv).resolve()
        self.run = Path(workdir) / "wlms"
        for where in (self.src, self.venv, self.run):
            if not str(where).startswith("/tmp/"):
                sys.exit(f"{where} must be under /tmp.")
        if not (self.src / "example_project" / "settings.py").exists():
            sys.exit(
                f"No wagtail-lms example project in {self.src}: copy its repository there first, e.g. "
                f"git clone --depth 1 https://github.com/dr-rompecabezas/wagtail-lms {self.src}"
            )
        self.run.mkdir()
        (self.run / "wlms_bench_settings.py").write_text(WLMS_SETTINGS)
        (self.run / "wlms_build.py").write_text(WLMS_BUILD)
        (self.run / "wlms_queries.py").write_text(WLMS_QUERIES)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wlms_bench_settings",
            # The example's apps (home, search) and its settings package; never src/, so the
            # package imported is the one installed from PyPI.
            "PYTHONPATH": f"{self.run}:{self.src}:{self.src / 'example_project'}",
            "WLMS_DB": str(self.run / "db.sqlite3"),
            "WLMS_RUN": str(self.run),
        }
        self.env.pop("DATABASE_URL", None)

    def install(self):
        import django

        import wagtail

        python = self.venv / "bin" / "python"
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True)  # noqa: S603
        # The same Wagtail and Django as ours (wagtail-lms asks for wagtail>=6.0, Django>=4.2).
        wanted = {"wagtail-lms": WLMS_VERSION, "wagtail": wagtail.__version__, "Django": django.__version__}
        report = (
            "import importlib.metadata as m; print(', '.join(f'{p} {m.version(p)}' for p in "
            "('wagtail-lms', 'wagtail', 'Django', 'gunicorn')))"
        )
        have = self.python("-c", report, check=False)
        if have.returncode != 0 or any(
            f"{name} {version}," not in have.stdout for name, version in wanted.items()
        ):
            pins = [f"{name}=={version}" for name, version in wanted.items()]
            subprocess.run([str(self.venv / "bin" / "pip"), "install", "-q", *pins, "gunicorn"], check=True)  # noqa: S603
        versions = self.python("-c", report).stdout.strip()
        print(f"wagtail-lms scratch virtualenv {self.venv}: {versions}", flush=True)
        return versions

    def python(self, *argv, check=True):
        return subprocess.run(  # noqa: S603
            [str(self.venv / "bin" / "python"), *argv],
            cwd=self.run,
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
        )

    def build(self):
        start = time.perf_counter()
        out = self.python(
            "wlms_build.py", json.dumps(MODULE_COUNTS), json.dumps(PARAGRAPHS), WLMS_PASSWORD
        ).stdout
        built = json.loads(out.strip().splitlines()[-1])
        if "site-packages" not in built["package"]:
            sys.exit(f"wagtail-lms was imported from {built['package']}, not the installed package")
        print(f"Built wagtail-lms's example (migrate, 2 courses) in {time.perf_counter() - start:.1f} s.")
        return {int(count): tuple(path_of(url) for url in pair) for count, pair in built["urls"].items()}

    def count_queries(self, urls):
        paths = [url for pair in urls.values() for url in pair]
        counts = json.loads(self.python("wlms_queries.py", json.dumps(paths)).stdout.strip().splitlines()[-1])
        return {
            (page, count): counts[url]
            for count, pair in urls.items()
            for page, url in zip(("course", "module"), pair, strict=True)
        }

    def serve(self, workdir):
        return Server(
            "wagtail-lms", self.venv / "bin" / "gunicorn", "example_project.wsgi", self.run, self.env, workdir
        )


# -- report ---------------------------------------------------------------------------------


def ms(seconds):
    return seconds * 1000


def report(ours_q, ours_t, theirs_q=None, theirs_t=None):
    med = {key: statistics.median(values) for key, values in ours_t.items()}
    their_med = {key: statistics.median(values) for key, values in (theirs_t or {}).items()}
    header = f"{'page':<8} {'modules':>7} {'queries':>7} {'median ms':>9}"
    if theirs_t:
        header += f"  {'wlms queries':>12} {'wlms ms':>8} {'ours/wlms':>9}"
    print("\n" + header)
    for page in ("course", "module"):
        for count in MODULE_COUNTS:
            key = (page, count)
            line = f"{page:<8} {count:>7} {ours_q[key]:>7} {ms(med[key]):>9.2f}"
            if theirs_t:
                line += f"  {theirs_q[key]:>12} {ms(their_med[key]):>8.2f} {med[key] / their_med[key]:>8.2f}x"
            print(line)
    print("\nFlatness, 50 modules / 5 modules (median ms; queries):")
    for page in ("course", "module"):
        small, large = (page, MODULE_COUNTS[0]), (page, MODULE_COUNTS[-1])
        ratio = med[large] / med[small]
        verdict = "met" if ratio <= TARGET_FLAT else "MISSED"
        line = f"  {page:<8} ours {ratio:.2f}x (target <= {TARGET_FLAT}x: {verdict}); queries {ours_q[small]} -> {ours_q[large]}"
        if theirs_t:
            line += f"; wagtail-lms {their_med[large] / their_med[small]:.2f}x, queries {theirs_q[small]} -> {theirs_q[large]}"
        print(line)
    print("\nTargets:")
    for page in ("course", "module"):
        most = max(ours_q[page, count] for count in MODULE_COUNTS)
        target = TARGET_QUERIES[page]
        print(f"  {page} page queries: {most} (target <= {target}: {'met' if most <= target else 'MISSED'})")
    if theirs_t:
        for key in med:
            ratio = med[key] / their_med[key]
            verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
            print(
                f"  {key[0]} page, {key[1]} modules, ours / wagtail-lms: {ratio:.2f}x (target <= 1.0: {verdict})"
            )


def spread(times):
    return {key: (ms(min(values)), ms(statistics.quantiles(values, n=4)[2])) for key, values in times.items()}


def main(argv=None):
    args = parse_args(argv)
    path = configure(args)

    import django

    django.setup()

    from django.conf import settings

    assert not settings.DEBUG, "DEBUG would log every query"
    assert str(settings.DATABASES["default"]["NAME"]) == path, settings.DATABASES["default"]["NAME"]
    workdir = tempfile.mkdtemp(prefix="elearning-bench-pages-", dir="/tmp")
    print(f"Ours: {versions()}", flush=True)
    print(f"Database {path}; logs and scratch files in {workdir}; load average {os.getloadavg()}", flush=True)

    wlms = None
    if args.compare_wagtail_lms:
        wlms = WagtailLms(args, workdir)
        wlms.install()
    urls, learner = build_ours()
    ours_q = count_queries_ours(learner, urls, args.show_queries)
    from django.db import connection

    connection.close()  # gunicorn has the database to itself from here

    servers, targets = [], {}
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
            "DATABASE_URL": f"sqlite:///{path}",
        }
        ours = Server("ours", REPO / ".venv" / "bin" / "gunicorn", "elearning.wsgi", REPO, env, workdir)
        servers.append(ours)
        ours.sign_in("/accounts/login/", LEARNER, demo_password())
        for count, (course_url, module_url) in urls.items():
            targets["ours", "course", count] = (ours, course_url, "Module 1")
            targets["ours", "module", count] = (ours, module_url, "Try again")
        theirs_q = None
        if wlms:
            wlms_urls = wlms.build()
            theirs_q = wlms.count_queries(wlms_urls)
            theirs = wlms.serve(workdir)
            servers.append(theirs)
            theirs.sign_in("/admin/login/", WLMS_LEARNER, WLMS_PASSWORD)
            for count, (course_url, lesson_url) in wlms_urls.items():
                targets["wlms", "course", count] = (theirs, course_url, "Module 1")
                targets["wlms", "module", count] = (theirs, lesson_url, "Part 1")
        print(
            f"Timing {len(targets)} pages, {args.runs} interleaved rounds after {args.warmup} warm-ups; "
            f"load average {os.getloadavg()}",
            flush=True,
        )
        started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        times, sizes = timed_interleaved(targets, args.runs, args.warmup)
        print(
            f"Timed from {started} to {time.strftime('%H:%M:%S UTC', time.gmtime())}; "
            f"load average {os.getloadavg()}"
        )
    finally:
        for server in servers:
            server.stop()

    ours_t = {key[1:]: values for key, values in times.items() if key[0] == "ours"}
    theirs_t = {key[1:]: values for key, values in times.items() if key[0] == "wlms"} or None
    report(ours_q, ours_t, theirs_q, theirs_t)
    print("\nSpread (min / 75th percentile ms) and size of each page:")
    for key, (low, high) in spread(times).items():
        print(f"  {' '.join(map(str, key)):<22} {low:7.2f} / {high:7.2f}   {sizes[key]:>7,} bytes")
    print(f"\n{path} and {workdir} can be deleted.")


def versions():
    import importlib.metadata
    import platform
    import sqlite3

    packages = ", ".join(
        f"{name} {importlib.metadata.version(name)}" for name in ("Django", "wagtail", "gunicorn")
    )
    return f"Python {platform.python_version()}, {packages}, SQLite {sqlite3.sqlite_version}; {os.cpu_count()} cores"


def demo_password():
    from demo.organisation import DEFAULT_PASSWORD

    return DEFAULT_PASSWORD


if __name__ == "__main__":
    main()
