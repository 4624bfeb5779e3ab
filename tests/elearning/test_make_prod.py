"""``make prod`` starts the production topology (Procfile, honcho): the web processes, the
task worker and the scheduler; it serves pages and stops cleanly on SIGTERM."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "honcho").exists(), reason="make install first"),
    # It serves from its own SQLite file whatever the suite's database: once, on the SQLite pass.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="run on the SQLite pass"
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (a local address)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def group_alive(pgid):
    """Whether any process of the group still runs (exited ones waiting to be reaped do not)."""
    table = subprocess.run(["ps", "-e", "-o", "pgid=,stat="], capture_output=True, text=True).stdout
    return any(
        int(group) == pgid and not state.startswith("Z")
        for group, state in (line.split() for line in table.splitlines())
    )


def test_make_prod_serves_and_stops_cleanly(tmp_path):
    port = free_port()
    env = {
        **{name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "PYTEST"))},
        "SECRET_KEY": "make-prod-test-" + "k" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "WEB_CONCURRENCY": "2",
        "PORT": str(port),
    }
    env.pop("REDIS_URL", None)
    log = tmp_path / "prod.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "prod"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                status, body = get(f"{base}/healthz")
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        assert status == 200 and json.loads(body)["status"] == "ok"
        status, body = get(f"{base}/accounts/login/")
        assert status == 200 and "<form" in body
        # Every process of the topology is up: the task worker and the scheduler's first round.
        deadline = time.monotonic() + 60
        while (
            "scheduler: purge_security_log done" not in log.read_text()
            or "Starting worker" not in log.read_text()
        ):
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
    finally:
        # As a supervisor stops it: SIGTERM to the whole group (make, honcho and the processes).
        os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 40
        while group_alive(process.pid) and time.monotonic() < deadline:
            process.poll()
            time.sleep(0.5)
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(f"still running 40 s after SIGTERM:\n{log.read_text()}")
        process.wait(timeout=5)
    output = log.read_text()
    for stopped in ("web.1 stopped", "worker.1 stopped", "scheduler.1 stopped", "Scheduler stopped."):
        assert stopped in output, output
    with pytest.raises(OSError):
        get(f"{base}/healthz")
