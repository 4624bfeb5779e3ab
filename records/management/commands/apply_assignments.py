from django.core.management.base import BaseCommand

from records.management.commands.daily_learning import parse_date
from records.services.assignments import apply_all_rules


class Command(BaseCommand):
    help = "Apply every active assignment rule: enrol the people each rule targets."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=parse_date, help="Apply as of this day (YYYY-MM-DD); default today."
        )

    def handle(self, *args, date=None, **options):
        created = apply_all_rules(date)
        self.stdout.write(f"Enrolments created: {created}")
