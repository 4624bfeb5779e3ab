"""The periodic jobs, run by one long-lived process (``manage.py run_scheduler``, the
``scheduler`` line of the Procfile) instead of cron, so that the production topology is
three kinds of process that ``make prod`` (honcho) or any process supervisor starts the same way.

Every job is a management command that is safe to run again and on several machines at once
(each says so in its own help): the scheduler keeps no state, so a daily job runs once when
the process starts (a restart or a deploy never skips a day) and then every day at its hour,
in the server's time zone (``TIME_ZONE``). One scheduler per installation is enough; a second
one only repeats work. A job that fails is logged and tried again at its next time; the others
go on."""

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta | None = None  # run at start, then every so often
    daily_at: time | None = None  # run at start, then every day at this local time

    def next_after(self, moment):
        """When the job is next due after it ran at ``moment`` (an aware datetime)."""
        if self.every is not None:
            return moment + self.every
        local = timezone.localtime(moment)
        today = timezone.make_aware(datetime.combine(local.date(), self.daily_at))
        return (
            today
            if today > moment
            else timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), self.daily_at))
        )


JOBS = (
    Job("publish_scheduled", every=timedelta(minutes=1)),  # pages editors scheduled (Wagtail)
    Job("retry_webhooks", every=timedelta(minutes=5)),  # deliveries a worker left behind
    Job("daily_learning", daily_at=time(2, 15)),  # assignment rules, statuses, reminders, retention
    Job("purge_security_log", daily_at=time(3, 30)),  # the log's retention
)


class Scheduler:
    def __init__(self, jobs=JOBS, now=timezone.now, run=None):
        self.jobs = jobs
        self.now = now
        self.run = run or _run_command
        self.stopping = threading.Event()
        self.due = {}  # job -> when it is next due; a job not in it is due now

    def run_pending(self):
        """Runs every job that is due, each once; returns how many ran."""
        ran = 0
        for job in self.jobs:
            if self.stopping.is_set():
                break
            if job in self.due and self.due[job] > self.now():
                continue
            self.run(job)
            self.due[job] = job.next_after(self.now())
            ran += 1
        return ran

    def seconds_to_next(self):
        now = self.now()
        waits = [(self.due[job] - now).total_seconds() if job in self.due else 0 for job in self.jobs]
        return max(min(waits), 0)

    def serve(self):
        """Runs the jobs as they fall due until ``stop()``; a job running then finishes first."""
        while not self.stopping.is_set():
            self.run_pending()
            self.stopping.wait(min(self.seconds_to_next(), 60))

    def stop(self, *args):
        self.stopping.set()


def _run_command(job):
    close_old_connections()  # as a request would: a dropped connection is replaced
    logger.info("scheduler: %s starts", job.command)
    try:
        call_command(job.command)
    except Exception:
        logger.exception("scheduler: %s failed; it runs again at its next time", job.command)
    else:
        logger.info("scheduler: %s done", job.command)
    finally:
        close_old_connections()
