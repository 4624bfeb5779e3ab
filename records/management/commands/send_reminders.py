from django.core.management.base import BaseCommand

from records.management.commands.daily_learning import parse_date
from records.services.reminders import queue_reminders


class Command(BaseCommand):
    help = "Queue the reminder emails due today (each is sent once, by a background task)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=parse_date, help="As of this day (YYYY-MM-DD); default today.")

    def handle(self, *args, date=None, **options):
        queued = queue_reminders(date)
        self.stdout.write(f"Reminders queued: {len(queued)}")
