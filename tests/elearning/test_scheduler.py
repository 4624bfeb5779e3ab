"""The periodic jobs' process (elearning/scheduler.py, ``manage.py run_scheduler``)."""

import logging
import threading
from datetime import UTC, datetime, time, timedelta

from django.core.management import get_commands

import pytest

from elearning import scheduler
from elearning.scheduler import JOBS, Job, Scheduler


class Clock:
    def __init__(self, start):
        self.moment = start

    def __call__(self):
        return self.moment

    def advance(self, **delta):
        self.moment += timedelta(**delta)


@pytest.fixture
def clock(settings):
    settings.TIME_ZONE = "UTC"
    return Clock(datetime(2026, 12, 7, 1, 0, tzinfo=UTC))


def recording(clock, jobs):
    ran = []
    return ran, Scheduler(jobs, now=clock, run=lambda job: ran.append((job.command, clock())))


def test_every_job_names_a_real_command():
    assert {job.command for job in JOBS} <= set(get_commands())


def test_each_job_runs_at_start_then_at_its_time(clock):
    every = Job("often", every=timedelta(minutes=5))
    daily = Job("nightly", daily_at=time(2, 15))
    ran, jobs = recording(clock, (every, daily))
    assert jobs.run_pending() == 2  # a restart never skips a day: both run at start
    assert jobs.run_pending() == 0
    assert jobs.seconds_to_next() == 5 * 60
    clock.advance(minutes=4, seconds=59)
    assert jobs.run_pending() == 0
    clock.advance(seconds=1)
    assert jobs.run_pending() == 1
    clock.moment = datetime(2026, 12, 7, 2, 15, tzinfo=UTC)  # the same night, at its hour
    jobs.run_pending()
    assert ("nightly", datetime(2026, 12, 7, 2, 15, tzinfo=UTC)) in ran
    clock.moment = datetime(2026, 12, 8, 2, 14, tzinfo=UTC)
    jobs.run_pending()
    assert [when for name, when in ran if name == "nightly"][-1].day == 7
    clock.advance(minutes=1)
    jobs.run_pending()
    assert [when for name, when in ran if name == "nightly"][-1] == datetime(2026, 12, 8, 2, 15, tzinfo=UTC)


def test_the_daily_hour_is_local_time(settings):
    settings.TIME_ZONE = "Asia/Beirut"  # UTC+2 in December
    job = Job("nightly", daily_at=time(2, 15))
    ran_at = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert job.next_after(ran_at) == datetime(2026, 12, 8, 0, 15, tzinfo=UTC)


def test_a_failing_job_is_logged_and_the_others_still_run(clock, monkeypatch, caplog):
    called = []

    def call_command(name):
        called.append(name)
        if name == "broken":
            raise RuntimeError("the mail server is down")

    monkeypatch.setattr(scheduler, "call_command", call_command)
    # Each job starts and ends as a request does; inside the test's transaction that would
    # close the test's own connection.
    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)
    jobs = Scheduler(
        (Job("broken", every=timedelta(minutes=1)), Job("fine", every=timedelta(minutes=1))), now=clock
    )
    with caplog.at_level(logging.ERROR, logger="elearning.scheduler"):
        assert jobs.run_pending() == 2
    assert called == ["broken", "fine"]
    assert "broken failed" in caplog.text
    clock.advance(minutes=1)
    jobs.run_pending()
    assert called == ["broken", "fine", "broken", "fine"]  # tried again at its next time


def test_stop_ends_serve_after_the_job_under_way(clock):
    started, release = threading.Event(), threading.Event()
    finished = []

    def run(job):
        started.set()
        release.wait(5)
        finished.append(job.command)

    jobs = Scheduler(
        (Job("slow", every=timedelta(hours=1)), Job("next", every=timedelta(hours=1))), now=clock, run=run
    )
    serving = threading.Thread(target=jobs.serve)
    serving.start()
    assert started.wait(5)
    jobs.stop()
    release.set()
    serving.join(5)
    assert not serving.is_alive()
    assert finished == ["slow"]  # finished, and nothing else started once stopping
