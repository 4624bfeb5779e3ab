"""A load ladder (issue 12): simulated learners against the production topology (gunicorn
with ``elearning.gunicorn_conf``, the task worker and the scheduler, production settings,
PostgreSQL and Redis), 1 / 30 / 100 at a time, with think time and without, then a burst of
100 simultaneous sign-ins. Prints a Markdown report and checks the issue's targets.

    .venv/bin/python -m bench.load [--recreate]                    # this checkout
    .venv/bin/python -m bench.load --src PATH --recreate      # another checkout of the project
    .venv/bin/python -m bench.load --compare PATH --recreate  # PATH and this one, rung by rung

Each learner is a thread with its own cookie jar and HTTP connection (stdlib only): it signs
in once through the site's password form, then loops over the demo courses' quiz modules:
dashboard, course page, module page, start the quiz (POST, then the quiz form it redirects
to), submit it (POST, then the result page), next module. Every request has a timeout and
every process this script starts is stopped on every way out. What it measures and the
figures are in ``bench/README.md``.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
CORES = os.cpu_count() or 1
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PASSWORD = "load-bench-2026-learner"  # noqa: S105 - throwaway accounts in a bench database
USER_AGENT = "elearning-bench-load/1"
PAGES = (
    "sign-in form",
    "sign-in",
    "dashboard",
    "course",
    "module",
    "quiz start",
    "quiz form",
    "quiz submit",
    "quiz result",
)
SIGN_IN_PAGES = ("sign-in form", "sign-in")
SIGNED_IN_MARKER = b"/accounts/logout/"  # base.html's sign-out form, only for a signed-in person
REFUSED_DATABASES = {"postgres", "template0", "template1", "test"}
TARGET_P95_RATIO = 2.0  # think time: p95 at the largest rung <= 2x p95 at the smallest
SAMPLES_FOR_P95 = 60  # fewer than this and a p95 is close to the maximum: said in the report


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default=str(REPO), help="the checkout to serve (default: this one)")
    parser.add_argument(
        "--compare", metavar="PATH", help="another checkout, measured rung by rung with --src"
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL database for --src (default: bench_load, "
        "or bench_load_<directory name> for another checkout)",
    )
    parser.add_argument("--compare-database-url", help="the same for --compare")
    parser.add_argument("--recreate", action="store_true", help="drop and rebuild the database(s) first")
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/11",
        help="flushed at start; --compare uses the next database number",
    )
    parser.add_argument("--learners", type=int, default=100, help="accounts made (plus 10 spare)")
    parser.add_argument("--ladder", default="1,30,100", help="concurrent learners per rung")
    parser.add_argument("--modes", default="think,nothink", help="think, nothink or both, in that order")
    parser.add_argument("--think", default="5,15", help="think time range in seconds, uniform")
    parser.add_argument(
        "--think-window", type=float, default=60, help="seconds measured per rung with think time"
    )
    parser.add_argument(
        "--think-warmup", type=float, default=10, help="seconds after everyone signed in, not measured"
    )
    parser.add_argument("--nothink-window", type=float, default=30, help="the same without think time")
    parser.add_argument("--nothink-warmup", type=float, default=10)
    parser.add_argument("--burst", type=int, default=100, help="simultaneous sign-ins (0: none)")
    parser.add_argument("--prime", type=float, default=10, help="seconds of untimed traffic after start")
    parser.add_argument("--correct", type=float, default=0.6, help="share of quizzes answered correctly")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per request")
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers (default: the project's, 2 per core + 1)"
    )
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", help="also write the results here (default: in the run's /tmp directory)")
    args = parser.parse_args(argv)
    args.ladder = [int(n) for n in args.ladder.split(",")]
    args.modes = [m.strip() for m in args.modes.split(",")]
    args.think = tuple(float(s) for s in args.think.split(","))
    if set(args.modes) - {"think", "nothink"} or not args.modes:
        parser.error("--modes takes think and/or nothink")
    if max(args.ladder + [args.burst]) > args.learners:
        parser.error("--learners must cover the largest rung and the burst")
    if min(args.think_window, args.nothink_window) <= 0:
        parser.error("a rung's window must be longer than 0 s")
    return args


# -- the database and the topology ------------------------------------------------------------


def default_database_url(src):
    if Path(src).resolve() == REPO:
        return "postgres://postgres@127.0.0.1:5432/bench_load"
    name = re.sub(r"[^a-z0-9_]", "_", Path(src).resolve().name.lower())
    return f"postgres://postgres@127.0.0.1:5432/bench_load_{name}"


def database_name(url):
    name = urlsplit(url).path.lstrip("/")
    if not name or name in REFUSED_DATABASES or name.startswith(("template", "test_")):
        sys.exit(f"Refusing database {name!r}: name a dedicated one, e.g. bench_load.")
    return name


def maintenance_connection(url):
    """A psycopg connection to the server's ``postgres`` database (autocommit)."""
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True)


def ensure_database(url, recreate):
    from psycopg import sql

    name = database_name(url)
    with maintenance_connection(url) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and recreate:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
            conn.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
            exists = None
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return "created" if not exists else "reused"


PREPARE = """\
import json, sys

import django

django.setup()

from django.contrib.auth.hashers import make_password
from django.db import transaction

from courses.models import CoursePage, ModulePage
from courses.models.quiz import QuizChoice
from people.models import Department, User
from records.services import progress

count, password, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
courses = list(CoursePage.objects.live().filter(locale__language_code="en").order_by("path"))
department = Department.objects.order_by("pk").first()
encoded = None
usernames = []
with transaction.atomic():
    for number in range(1, count + 1):
        username = f"load{number:04d}"
        usernames.append(username)
        user = User.objects.filter(username=username).first()
        if user is None:
            # One hash for all: the same cost to check, without hashing 110 times here.
            encoded = encoded or make_password(password)
            user = User.objects.create(
                username=username, email=f"{username}@load.example.org", employee_id=f"LOAD{number:04d}",
                full_name=f"Load Learner {number}",
                department=department, country="United Kingdom (London)", preferred_language="en",
                password=encoded,
            )
        for course in courses:
            try:
                progress.enrol(user, course)
            except progress.PrerequisitesIncomplete:
                pass
plan = {"courses": [], "correct": {}, "learners": usernames}
for course in courses:
    modules = []
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        quiz = module.quiz_questions.exists()
        modules.append({"id": module.pk, "url": module.get_url(), "quiz": quiz,
                        "attempt_limit": module.quiz_attempt_limit})
    plan["courses"].append({"code": course.course_code, "url": course.get_url(), "modules": modules})
for choice in QuizChoice.objects.all():
    plan["correct"][str(choice.pk)] = choice.is_correct
with open(out, "w") as f:
    json.dump(plan, f)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_procfile(src):
    path = Path(src) / "Procfile"
    if not path.exists():
        return None
    entries = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#") and ":" in line:
            name, command = line.split(":", 1)
            entries[name.strip()] = command.strip()
    return entries


class Topology:
    """One checkout served as in production on this machine: its database, its Redis
    database, and the Procfile's processes (or, for a checkout without a Procfile, the same
    three started directly, with gunicorn's settings given on its command line)."""

    def __init__(self, label, src, database_url, redis_url, workdir, workers):
        self.label, self.src = label, Path(src).resolve()
        self.database_url, self.redis_url = database_url, redis_url
        self.dbname = database_name(database_url)
        self.workdir = Path(workdir) / label
        self.workdir.mkdir(parents=True)
        venv = self.src / ".venv" / "bin"
        self.bin = venv if (venv / "python").exists() else REPO / ".venv" / "bin"
        self.port = free_port()
        self.workers = workers
        self.processes = {}
        self.processes_started = []
        self.worker_count = 0
        self.notes = []
        self.commit = git_describe(self.src)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("GUNICORN_CMD_ARGS", "DJANGO_SETTINGS_MODULE", "WEB_CONCURRENCY")
        }
        self.env.update(
            {
                "PATH": f"{self.bin}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
                "SECRET_KEY": os.urandom(32).hex(),
                "ALLOWED_HOSTS": "127.0.0.1",
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_url,
                "HOST": "127.0.0.1",
                "PORT": str(self.port),
                "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{self.port}",
                # The scheduler's daily job sends reminder emails; nothing leaves this machine.
                "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
                "PYTHONUNBUFFERED": "1",
            }
        )
        if workers:
            self.env["WEB_CONCURRENCY"] = str(workers)

    def manage(self, *argv, log="prepare"):
        with open(self.workdir / f"{log}.log", "a") as out:
            result = subprocess.run(  # noqa: S603 - our own command line
                [str(self.bin / "python"), "manage.py", *argv],
                cwd=self.src,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if result.returncode:
            sys.exit(f"[{self.label}] manage.py {' '.join(argv)} failed: see {self.workdir / f'{log}.log'}")

    def prepare(self, learners, recreate):
        started = time.monotonic()
        state = ensure_database(self.database_url, recreate)
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")
        self.manage("seed_demo", "--i-know-this-is-production")
        # The page saves queue Wagtail's reference-index jobs: done here, not during a rung.
        self.manage("db_worker", "--batch")
        script, plan_path = self.workdir / "prepare.py", self.workdir / "plan.json"
        script.write_text(PREPARE)
        with open(self.workdir / "prepare.log", "a") as out:
            subprocess.run(  # noqa: S603 - our own command line
                [str(self.bin / "python"), str(script), str(learners), PASSWORD, str(plan_path)],
                cwd=self.src,
                env={**self.env, "PYTHONPATH": str(self.src)},
                stdout=out,
                stderr=subprocess.STDOUT,
                check=True,
            )
        self.plan = json.loads(plan_path.read_text())
        self.quiz_modules = [
            (path_of(course["url"]), module)
            for course in self.plan["courses"]
            for module in course["modules"]
            if module["quiz"]
        ]
        if not self.quiz_modules:
            sys.exit(f"[{self.label}] the demo has no quiz modules")
        print(
            f"[{self.label}] database {self.dbname} {state}, migrated and seeded; "
            f"{len(self.plan['learners'])} learners, {len(self.quiz_modules)} quiz modules in "
            f"{len(self.plan['courses'])} courses ({time.monotonic() - started:.0f} s)",
            flush=True,
        )

    def commands(self):
        procfile = read_procfile(self.src)
        if procfile:
            self.notes.append("processes from its Procfile")
            return procfile
        workers = self.workers or CORES * 2 + 1
        commands = {
            "web": (
                f"gunicorn elearning.wsgi --bind 127.0.0.1:{self.port} --workers {workers} "
                "--timeout 60 --graceful-timeout 20 --access-logfile - --no-control-socket"
            ),
            "worker": "python manage.py db_worker",
        }
        if list(self.src.glob("*/management/commands/run_scheduler.py")):
            commands["scheduler"] = "python manage.py run_scheduler"
        else:
            self.notes.append("no Procfile: gunicorn, db_worker started directly; no run_scheduler, skipped")
        return commands

    def start(self):
        import redis

        redis.Redis.from_url(self.redis_url).flushdb()  # cached pages and sessions of an older database
        for name, command in self.commands().items():
            log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
            process = subprocess.Popen(  # noqa: S603 - our own command line
                ["/bin/sh", "-c", f"exec {command}"],
                cwd=self.src,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            self.processes[name] = (process, log, command)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            for name, (process, _, _) in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"[{self.label}] {name} stopped; see {self.workdir / (name + '.log')}")
            try:
                status = Client(self, timeout=5).get("/healthz")[0]
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            raise RuntimeError(f"[{self.label}] gunicorn did not answer /healthz in 90 s")
        time.sleep(2)  # the other workers finish booting
        self.processes_started = list(self.processes)
        self.worker_count = len(self.web_pids()) - 1
        print(
            f"[{self.label}] serving {self.src} ({self.commit}) on 127.0.0.1:{self.port}: "
            f"{', '.join(self.processes)}; {self.worker_count} gunicorn workers"
            + (f" ({'; '.join(self.notes)})" if self.notes else ""),
            flush=True,
        )

    def stop(self):
        """SIGTERM to each process group (gunicorn gives requests 20 s), then SIGKILL."""
        for process, _, _ in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 25
        for process, log, _ in self.processes.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
            log.close()
        self.processes = {}

    def web_pids(self):
        table = proc_table()
        return descendants(table, [self.processes["web"][0].pid])

    def cpu(self, maintenance):
        """(seconds of CPU used so far by the topology's processes, {backend pid: seconds})."""
        table = proc_table()
        roots = [process.pid for process, _, _ in self.processes.values()]
        app = sum(table[pid][1] for pid in descendants(table, roots) if pid in table)
        backends = {}
        rows = maintenance.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.dbname]
        ).fetchall()
        for (pid,) in rows:
            seconds = process_cpu(pid, children=False)
            if seconds is not None:
                backends[pid] = seconds
        return app, backends


def git_describe(src):
    try:
        out = subprocess.run(  # noqa: S603, S607
            ["git", "-C", str(src), "log", "-1", "--format=%h"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603, S607
            ["git", "-C", str(src), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def proc_table():
    """{pid: (ppid, cpu seconds including reaped children)} for every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = read_stat(int(entry))
            if fields:
                table[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / CLOCK_TICKS)
    return table


def read_stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def process_cpu(pid, children=True):
    fields = read_stat(pid)
    if not fields:
        return None
    return sum(int(f) for f in fields[11 : 15 if children else 13]) / CLOCK_TICKS


def descendants(table, roots):
    found, frontier = set(roots), list(roots)
    children = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), ()):
            if child not in found:
                found.add(child)
                frontier.append(child)
    return found


# -- one learner ----------------------------------------------------------------------------


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class RequestFailed(Exception):
    def __init__(self, detail, signed_out=False, recorded=True):
        super().__init__(detail)
        self.signed_out, self.recorded = signed_out, recorded


class Client:
    """One browser: a cookie jar and one HTTP connection, reopened when gunicorn's sync
    worker closes it (it closes every connection after its response). Requests say they came
    through the TLS-terminating proxy (X-Forwarded-Proto: https, which production settings
    trust), so the production settings apply as they are: no SSL redirect, HTTPS-only
    cookies kept, CSRF's origin checks for HTTPS."""

    def __init__(self, topology, timeout):
        self.host = f"127.0.0.1:{topology.port}"
        self.origin = f"https://{self.host}"
        self.timeout = timeout
        self.cookies = {}
        self.conn = None
        self.last_page = "/"

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, form=None):
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "User-Agent": USER_AGENT,
            "Accept": "text/html",
            "Accept-Language": "en",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + self.last_page
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(
                    "127.0.0.1", int(self.host.split(":")[1]), timeout=self.timeout
                )
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed a kept connection just before this request: retry once
                # on a new connection, as browsers do (only possible before a response).
                self.close()
                if attempt == 2:
                    raise
            except BaseException:
                self.close()
                raise
        if response.will_close:
            self.close()
        for header in response.headers.get_all("Set-Cookie") or ():
            self.keep_cookie(header)
        if method == "GET":
            self.last_page = path
        return response.status, response.headers, content

    def get(self, path):
        return self.request("GET", path)

    def keep_cookie(self, header):
        pair, _, attributes = header.partition(";")
        name, _, value = pair.strip().partition("=")
        attributes = attributes.lower()
        if "max-age=0" in attributes or "expires=thu, 01 jan 1970" in attributes:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
START_FORM = re.compile(rb'action="(/learning/modules/\d+/quiz/)"')
CHOICE = re.compile(rb'<input type="(?:radio|checkbox)" id="q\d+-\d+" name="question-(\d+)" value="(\d+)"')
ATTEMPT = re.compile(r"^/learning/attempts/(\d+)/$")


class Recorder:
    """Every request of a rung: (page, start time, ms, error or None)."""

    def __init__(self):
        self.rows = []
        self.lock = threading.Lock()

    def add(self, page, start, ms, error):
        with self.lock:
            self.rows.append((page, start, ms, error))


class Learner:
    def __init__(self, topology, username, index, args, recorder, stop, think):
        self.topology, self.username, self.args = topology, username, args
        self.recorder, self.stop, self.think = recorder, stop, think
        self.rng = random.Random(f"{args.seed}-{index}-{think}")
        self.client = Client(topology, args.timeout)
        self.position = index % len(topology.quiz_modules)
        self.signed_in = False

    # A request, timed and checked; returns (status, location path, body) or raises RequestFailed.
    def call(self, page, method, path, form=None, expect=200, marker=SIGNED_IN_MARKER, location=None):
        start = time.monotonic()
        try:
            status, headers, body = self.client.request(method, path, form)
        except Exception as error:  # noqa: BLE001 - every failure is a finding
            ms = (time.monotonic() - start) * 1000
            detail = f"{method} {path}: {type(error).__name__}: {error}"
            self.recorder.add(page, start, ms, detail)
            raise RequestFailed(detail) from error
        ms = (time.monotonic() - start) * 1000
        where = path_of(headers.get("Location", "")) if 300 <= status < 400 else ""
        error = None
        if status != expect:
            error = f"{method} {path}: {status}" + (f" -> {where}" if where else "")
            if status == 429:
                error += " (sign-in paused: lockout)"
        elif expect == 200 and marker and marker not in body:
            error = f"{method} {path}: 200 without the signed-in page"
        elif location and not re.match(location, where):
            error = f"{method} {path}: {status} -> {where}, expected {location}"
        self.recorder.add(page, start, ms, error)
        if error:
            raise RequestFailed(
                error, signed_out=where.startswith("/accounts/login/") or "signed-in" in error
            )
        return status, where, body

    def pause(self):
        """Think time; True when the rung is over."""
        if self.think:
            return self.stop.wait(self.rng.uniform(*self.args.think))
        return self.stop.is_set()

    def run(self, arrived):
        """Sign in (then ``arrived()``), then the journey until the rung is over."""
        try:
            try:
                self.sign_in()
            except RequestFailed as failure:
                if not failure.recorded:
                    self.recorder.add("sign-in", time.monotonic(), 0, str(failure))
            finally:
                arrived()
            while not self.stop.is_set():
                try:
                    if not self.signed_in:
                        self.sign_in()
                    self.journey_step()
                except RequestFailed as failure:
                    if not failure.recorded:
                        self.recorder.add("sign-in", time.monotonic(), 0, str(failure))
                    # Go on with the next module; a lost session means signing in again.
                    if failure.signed_out:
                        self.signed_in = False
                    # Without think time, a second's pause: a failing server is not hammered.
                    if self.pause() or (not self.think and self.stop.wait(1)):
                        return
        finally:
            self.client.close()

    def sign_in(self, barrier=None):
        login = "/accounts/login/?next=/my-learning/"
        _, _, body = self.call("sign-in form", "GET", login, marker=b"csrfmiddlewaretoken")
        token = CSRF.search(body).group(1).decode()
        if barrier is not None:
            barrier.wait()
        form = {
            "csrfmiddlewaretoken": token,
            "username": self.username,
            "password": PASSWORD,
            "next": "/my-learning/",
        }
        self.call("sign-in", "POST", login, form, expect=302, location=r"^/my-learning/$")
        if "sessionid" not in self.client.cookies:
            raise RequestFailed("no session cookie after signing in", recorded=False)
        self.signed_in = True
        if barrier is None:
            self.call("dashboard", "GET", "/my-learning/")  # where the sign-in sends the browser

    def journey_step(self):
        """Course, module, quiz (start, form, submit, result) of the next quiz module, then the
        dashboard again."""
        course_url, module = self.topology.quiz_modules[self.position]
        self.position = (self.position + 1) % len(self.topology.quiz_modules)
        if self.pause():
            return
        self.call("course", "GET", course_url)
        if self.pause():
            return
        _, _, body = self.call("module", "GET", path_of(module["url"]))
        start = START_FORM.search(body)  # none once the module's attempts are used up
        if start:
            token = CSRF.search(body).group(1).decode()
            if self.pause():
                return
            _, where, _ = self.call(
                "quiz start",
                "POST",
                start.group(1).decode(),
                {"csrfmiddlewaretoken": token},
                expect=302,
                location=ATTEMPT.pattern,
            )
            _, _, form = self.call("quiz form", "GET", where, marker=b"question-")
            answers = self.answers(form)
            if self.pause():
                return
            self.call(
                "quiz submit",
                "POST",
                f"{where}submit/",
                [("csrfmiddlewaretoken", CSRF.search(form).group(1).decode()), *answers],
                expect=302,
                location=rf"^{where}result/$",
            )
            self.call("quiz result", "GET", f"{where}result/")
        if self.pause():
            return
        self.call("dashboard", "GET", "/my-learning/")

    def answers(self, form):
        """Every question answered: all correctly, or (1 - --correct of the time) one
        question answered wrongly."""
        correct = self.topology.plan["correct"]
        questions = {}
        for question, choice in CHOICE.findall(form):
            questions.setdefault(question.decode(), []).append(choice.decode())
        wrong = None
        if self.rng.random() >= self.args.correct and questions:
            wrong = self.rng.choice(sorted(questions))
        pairs = []
        for question, choices in questions.items():
            right = [c for c in choices if correct.get(c)]
            if question == wrong:
                others = [c for c in choices if not correct.get(c)]
                picked = [self.rng.choice(others)] if others else choices[:1]
            else:
                picked = right or choices[:1]
            pairs += [(f"question-{question}", c) for c in picked]
        return pairs


# -- rungs ------------------------------------------------------------------------------------


def run_rung(topology, args, learners, think, window, warmup, maintenance):
    """learners arrive and sign in (with think time spread over one think interval, as
    people do not all arrive in the same instant; without, all at once); once all are signed
    in, warmup seconds of the journey, then the measured window. Sign-ins are timed as they
    arrive; the rung's requests/s, percentiles and CPU are of the window alone."""
    recorder, stop = Recorder(), threading.Event()
    names = topology.plan["learners"]
    crowd = [Learner(topology, names[i], i, args, recorder, stop, think) for i in range(learners)]
    lock, waiting, everyone_in = threading.Lock(), [learners], threading.Event()

    def arrived():
        with lock:
            waiting[0] -= 1
            if waiting[0] == 0:
                everyone_in.set()

    def arrive(learner, delay):
        if stop.wait(delay):
            arrived()
        else:
            learner.run(arrived)

    spread = args.think[1] if think and learners > 1 else 0
    t0 = time.monotonic()
    threads = []
    for learner in crowd:
        thread = threading.Thread(target=arrive, args=(learner, learner.rng.uniform(0, spread)), daemon=True)
        thread.start()
        threads.append(thread)
    # Each sign-in is two requests, each bounded by the timeout.
    everyone_in.wait(spread + 2 * args.timeout + 10)
    arrival = time.monotonic() - t0
    time.sleep(warmup)
    window_start = time.monotonic()
    cpu_start, client_start = topology.cpu(maintenance), time.process_time()
    time.sleep(window)
    cpu_end, client_end = topology.cpu(maintenance), time.process_time()
    window_end = time.monotonic()
    stop.set()
    for thread in threads:
        thread.join(args.timeout + 10)
    rows = recorder.rows
    timed = [row for row in rows if window_start <= row[1] < window_end]
    pages = page_stats(timed)
    # The sign-ins were timed as the learners arrived, before the window.
    pages.update(page_stats([row for row in rows if row[0] in SIGN_IN_PAGES]))
    db_seconds = sum(seconds - cpu_start[1].get(pid, 0) for pid, seconds in cpu_end[1].items())
    return {
        "source": topology.label,
        "mode": "think" if think else "nothink",
        "learners": learners,
        "arrival": arrival,
        "signed_in": learners - waiting[0],
        "window": window_end - window_start,
        "pages": pages,
        "all_errors": [row[3] for row in rows if row[3]],
        "requests": len(timed),
        # The journey's pages (a sign-in in the window would be one after a lost session).
        "latencies": sorted(row[2] for row in timed if row[0] not in SIGN_IN_PAGES),
        "app_cpu": cpu_end[0] - cpu_start[0],
        "db_cpu": db_seconds,
        "client_cpu": client_end - client_start,
        "stuck": sum(thread.is_alive() for thread in threads),
    }


def run_burst(topology, args):
    """--burst learners fetch the form, then all post their passwords at the same moment."""
    recorder, stop = Recorder(), threading.Event()
    names = topology.plan["learners"]
    crowd = [Learner(topology, names[i], i, args, recorder, stop, False) for i in range(args.burst)]
    barrier = threading.Barrier(args.burst + 1)
    failures = []

    def go(learner):
        try:
            learner.sign_in(barrier)
        except RequestFailed as error:
            if not error.recorded:
                failures.append(str(error))
        except threading.BrokenBarrierError:
            failures.append("barrier broken")
        finally:
            learner.client.close()

    threads = [threading.Thread(target=go, args=(learner,), daemon=True) for learner in crowd]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(args.timeout)
    started = time.monotonic()
    for thread in threads:
        thread.join(args.timeout + 10)
    wall = time.monotonic() - started
    posts = [row for row in recorder.rows if row[0] == "sign-in"]
    return {
        "source": topology.label,
        "count": len(posts),
        "errors": [row[3] for row in recorder.rows if row[3]] + failures,
        "latencies": sorted(row[2] for row in posts),
        "wall": wall,
    }


def page_stats(rows):
    pages = {}
    for page, _, ms, error in rows:
        entry = pages.setdefault(page, {"ms": [], "errors": []})
        entry["ms"].append(ms)
        if error:
            entry["errors"].append(error)
    return {page: {"ms": sorted(v["ms"]), "errors": v["errors"]} for page, v in pages.items()}


def percentile(values, p):
    """Nearest-rank percentile of sorted values."""
    if not values:
        return float("nan")
    rank = max(1, -(-len(values) * p // 100))
    return values[int(rank) - 1]


def prime(topology, args, maintenance):
    """Untimed traffic so every gunicorn worker has loaded its code and templates."""
    if args.prime > 0:
        run_rung(topology, args, min(10, args.learners), False, args.prime, 0, maintenance)


# -- report -----------------------------------------------------------------------------------


def think_label(result, args):
    return f"{args.think[0]:g}–{args.think[1]:g} s" if result["mode"] == "think" else "none"


def fmt(ms):
    return "—" if ms != ms else (f"{ms:.0f}" if ms >= 100 else f"{ms:.1f}")


def report(results, bursts, topologies, args, started):
    lines = []
    out = lines.append
    machine = (
        f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime(started))}–{time.strftime('%H:%M UTC', time.gmtime())}; "
        f"{CORES} cores; load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    out(f"Run: {machine}.")
    for topology in topologies:
        out(
            f"- `{topology.label}`: {topology.src} at {topology.commit}, {topology.worker_count} gunicorn "
            f"workers, {', '.join(topology.processes_started)}"
            + (f" ({'; '.join(topology.notes)})" if topology.notes else "")
        )
    out(
        f"- think time {args.think[0]:g}–{args.think[1]:g} s; each rung: the learners sign in "
        f"(with think time arriving over {args.think[1]:g} s, without all at once), then "
        f"{args.think_warmup:g} s warm-up and {args.think_window:g} s measured with think time, "
        f"{args.nothink_warmup:g} s and {args.nothink_window:g} s without; "
        f"{args.correct:.0%} of quizzes answered correctly"
    )
    out(
        "- requests, requests/s, p50/p95/p99 and CPU are of the measured window: the journey's "
        "pages, every learner signed in; CPU is the topology's processes (app: gunicorn, worker, "
        "scheduler) and its PostgreSQL backends (DB), per request of the window. Errors count the "
        'whole rung. Sign-ins are timed as the learners arrive ("sign-in" column) and in the burst'
    )
    out("")
    out(
        "| Source | Think time | Learners | All signed in after s | Requests | Requests/s | "
        "Requests/s per core | Errors | p50 ms | p95 ms | p99 ms | App CPU ms/request | "
        "DB CPU ms/request | Client CPU ms/request |"
    )
    out("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        n = r["requests"] or 1
        rate = r["requests"] / r["window"]
        out(
            f"| {r['source']} | {think_label(r, args)} | {r['learners']} | {r['arrival']:.1f} | "
            f"{r['requests']} | {rate:.1f} | {rate / CORES:.1f} | {len(r['all_errors'])} | "
            f"{fmt(percentile(r['latencies'], 50))} | {fmt(percentile(r['latencies'], 95))} | "
            f"{fmt(percentile(r['latencies'], 99))} | {r['app_cpu'] * 1000 / n:.1f} | "
            f"{r['db_cpu'] * 1000 / n:.1f} | {r['client_cpu'] * 1000 / n:.1f} |"
        )
    out("")
    out("Per page (p50 / p95 / p99 ms; requests; errors):")
    out("")
    header = (
        "| Source | Think time | Learners | " + " | ".join(p for p in PAGES if p != "sign-in form") + " |"
    )
    out(header)
    out("|---|---|---:|" + "---:|" * (len(PAGES) - 1))
    for r in results:
        cells = []
        for page in PAGES:
            if page == "sign-in form":
                continue
            stats = r["pages"].get(page)
            if not stats:
                cells.append("—")
                continue
            ms = stats["ms"]
            cell = f"{fmt(percentile(ms, 50))} / {fmt(percentile(ms, 95))} / {fmt(percentile(ms, 99))}; {len(ms)}"
            if stats["errors"]:
                cell += f"; **{len(stats['errors'])} errors**"
            cells.append(cell)
        out(f"| {r['source']} | {think_label(r, args)} | {r['learners']} | " + " | ".join(cells) + " |")
    if bursts:
        out("")
        out("| Source | Simultaneous sign-ins | Errors | Median ms | p95 ms | Max ms | All done in s |")
        out("|---|---:|---:|---:|---:|---:|---:|")
        for b in bursts:
            ms = b["latencies"]
            out(
                f"| {b['source']} | {b['count']} | {len(b['errors'])} | {fmt(percentile(ms, 50))} | "
                f"{fmt(percentile(ms, 95))} | {fmt(ms[-1] if ms else float('nan'))} | {b['wall']:.1f} |"
            )
    out("")
    out("Targets:")
    for topology in topologies:
        mine = [r for r in results if r["source"] == topology.label]
        errors = sum(len(r["all_errors"]) for r in mine) + sum(
            len(b["errors"]) for b in bursts if b["source"] == topology.label
        )
        out(
            f"- `{topology.label}`, 0 errors (every request of every rung, warm-ups and the burst included): "
            f"{errors} — {'met' if errors == 0 else 'MISSED'}"
        )
        think = sorted((r for r in mine if r["mode"] == "think"), key=lambda r: r["learners"])
        if len(think) >= 2:
            low, high = think[0], think[-1]
            p_low, p_high = percentile(low["latencies"], 95), percentile(high["latencies"], 95)
            ratio = p_high / p_low
            line = (
                f"- `{topology.label}`, think time: p95 at {high['learners']} ({fmt(p_high)} ms) ≤ "
                f"{TARGET_P95_RATIO:g}x p95 at {low['learners']} ({fmt(p_low)} ms): {ratio:.2f}x — "
                f"{'met' if ratio <= TARGET_P95_RATIO else 'MISSED'}"
            )
            if len(low["latencies"]) < SAMPLES_FOR_P95:
                line += f" (p95 at {low['learners']} from only {len(low['latencies'])} requests"
                nothink_low = [r for r in mine if r["mode"] == "nothink" and r["learners"] == low["learners"]]
                if nothink_low:
                    p = percentile(nothink_low[0]["latencies"], 95)
                    line += (
                        f"; against the no-think rung's p95 at {low['learners']}, {fmt(p)} ms from "
                        f"{nothink_low[0]['requests']} requests: {p_high / p:.2f}x"
                    )
                line += ")"
            out(line)
        details = [e for r in mine for e in r["all_errors"]] + [
            e for b in bursts if b["source"] == topology.label for e in b["errors"]
        ]
        for detail in details[:5]:
            out(f"    - {detail}")
    if len(topologies) == 2:
        a, b = topologies
        out("")
        out(f"Throughput, `{b.label}` ÷ `{a.label}` (target ≥ 2x requests/s per core, same journey mix):")
        for mode in args.modes:
            for learners in args.ladder:
                ra = [
                    r for r in results if (r["source"], r["mode"], r["learners"]) == (a.label, mode, learners)
                ]
                rb = [
                    r for r in results if (r["source"], r["mode"], r["learners"]) == (b.label, mode, learners)
                ]
                if ra and rb and ra[0]["requests"] and rb[0]["requests"]:
                    rate = (rb[0]["requests"] / rb[0]["window"]) / (ra[0]["requests"] / ra[0]["window"])
                    cpu_a = (ra[0]["app_cpu"] + ra[0]["db_cpu"]) / ra[0]["requests"]
                    cpu_b = (rb[0]["app_cpu"] + rb[0]["db_cpu"]) / rb[0]["requests"]
                    out(
                        f"- {mode}, {learners} learners: requests/s {rate:.2f}x; server CPU per request "
                        f"{cpu_b * 1000:.1f} vs {cpu_a * 1000:.1f} ms ({cpu_a / cpu_b:.2f}x fewer)"
                    )
    return "\n".join(lines)


# -- main -------------------------------------------------------------------------------------


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    workdir = tempfile.mkdtemp(prefix="elearning-bench-load-", dir="/tmp")
    redis_main = args.redis_url.rstrip("/")
    server, number = redis_main.rsplit("/", 1)
    if not number.isdigit() or int(number) + (1 if args.compare else 0) >= 15:
        sys.exit(
            "--redis-url: name a database number below 15 (below 14 with --compare, which takes the next); 15 is the tests'."
        )
    sources = []
    if args.compare:
        redis_compare = f"{server}/{int(number) + 1}"
        sources.append(
            (
                "baseline",
                args.compare,
                args.compare_database_url or default_database_url(args.compare),
                redis_compare,
            )
        )
    label = (
        "current"
        if args.compare
        else ("current" if Path(args.src).resolve() == REPO else Path(args.src).resolve().name)
    )
    sources.append((label, args.src, args.database_url or default_database_url(args.src), redis_main))
    print(f"Scratch files and logs in {workdir}; {CORES} cores; load average {os.getloadavg()}", flush=True)

    topologies = [Topology(name, src, db, redis, workdir, args.workers) for name, src, db, redis in sources]
    results, bursts = [], []

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    maintenance = None
    try:
        for topology in topologies:
            topology.prepare(args.learners + 10, args.recreate)
        maintenance = maintenance_connection(topologies[0].database_url)
        for topology in topologies:
            topology.start()
            prime(topology, args, maintenance)
        order = list(topologies)
        for mode in args.modes:
            think = mode == "think"
            window = args.think_window if think else args.nothink_window
            warmup = args.think_warmup if think else args.nothink_warmup
            for learners in args.ladder:
                for topology in order:
                    print(
                        f"[{topology.label}] {learners} learner(s), {'think time' if think else 'no think time'}, "
                        f"{window:g} s measured (load average {os.getloadavg()[0]:.2f}) ...",
                        end=" ",
                        flush=True,
                    )
                    result = run_rung(topology, args, learners, think, window, warmup, maintenance)
                    results.append(result)
                    print(
                        f"all signed in after {result['arrival']:.1f} s; {result['requests']} requests, {result['requests'] / result['window']:.1f}/s, "
                        f"p95 {fmt(percentile(result['latencies'], 95))} ms, {len(result['all_errors'])} errors",
                        flush=True,
                    )
                order.reverse()  # interleaved: the other source goes first on the next rung
        if args.burst:
            for topology in topologies:
                result = run_burst(topology, args)
                bursts.append(result)
                print(
                    f"[{topology.label}] {result['count']} simultaneous sign-ins: median "
                    f"{fmt(percentile(result['latencies'], 50))} ms, all done in {result['wall']:.1f} s, "
                    f"{len(result['errors'])} errors",
                    flush=True,
                )
    except KeyboardInterrupt:
        print("\nInterrupted: stopping the processes.", flush=True)
    finally:
        for topology in topologies:
            topology.stop()
        if maintenance is not None:
            maintenance.close()
    if not results and not bursts:
        sys.exit(1)
    text = report(results, bursts, topologies, args, started)
    print("\n" + text)
    path = Path(args.json or Path(workdir) / "results.json")
    path.write_text(json.dumps({"results": results, "bursts": bursts, "report": text}, indent=1))
    print(f"\nResults in {path}; logs in {workdir} (delete it when done).")


if __name__ == "__main__":
    main()
