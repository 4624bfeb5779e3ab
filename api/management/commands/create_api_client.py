"""Create an API client for an HR system. The key is printed once, alone on the last line
(so a script can take it with ``tail -1``); only its hash is stored."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from api import audit, scopes
from api.models import ApiClient, validate_scopes
from people.models import Department


class Command(BaseCommand):
    help = "Create an API client and print its key once."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Who uses the key, e.g. Workday (at most 50 characters).")
        parser.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            default=[],
            metavar="SCOPE",
            help=f"What it may read; repeat for several. One of: {', '.join(scopes.ALL)}.",
        )
        parser.add_argument(
            "--department",
            action="append",
            dest="departments",
            default=[],
            metavar="NAME",
            help="Limit it to the staff of this department; repeat for several. Default: everyone.",
        )
        parser.add_argument("--expires-in-days", type=int, help="The key stops working after this many days.")

    def handle(self, *args, name, scopes, departments, expires_in_days=None, **options):
        name = name.strip()
        if not name or len(name) > 50:
            raise CommandError("Give the client a name of 1 to 50 characters.")
        scopes = list(dict.fromkeys(scopes))
        try:
            validate_scopes(scopes)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        found = {d.name: d for d in Department.objects.filter(name__in=departments)}
        missing = [d for d in departments if d not in found]
        if missing:
            raise CommandError(f"No such department: {', '.join(missing)}.")
        if expires_in_days is not None and expires_in_days < 1:
            raise CommandError("--expires-in-days must be 1 or more.")
        expiry = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        with transaction.atomic():
            client, key = ApiClient.objects.create_key(name=name, scopes=scopes, expiry_date=expiry)
            client.departments.set(found.values())
            audit.client_created(client, via="command")
        self.stdout.write(f"Created API client “{client.name}” with scopes: {', '.join(scopes)}.")
        if found:
            self.stdout.write(f"Limited to: {', '.join(sorted(found))}.")
        if expiry:
            self.stdout.write(f"Expires: {expiry:%Y-%m-%d %H:%M} UTC.")
        self.stdout.write("The key is shown only now; store it in your HR system's secret store:")
        self.stdout.write(key)
