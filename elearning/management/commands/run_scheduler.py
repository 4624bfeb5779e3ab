import signal

from django.core.management.base import BaseCommand

from elearning.scheduler import JOBS, Scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic jobs until stopped (SIGTERM or Ctrl-C): "
        + ", ".join(job.command for job in JOBS)
        + ". See elearning/scheduler.py."
    )

    def handle(self, *args, **options):
        scheduler = Scheduler()
        signal.signal(signal.SIGTERM, scheduler.stop)
        signal.signal(signal.SIGINT, scheduler.stop)
        self.stdout.write("Scheduler started: " + ", ".join(job.command for job in scheduler.jobs))
        scheduler.serve()
        self.stdout.write("Scheduler stopped.")
