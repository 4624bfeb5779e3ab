"""Unlock an account or an address locked out after failed sign-ins, and log it.

    manage.py unlock_sign_in --account amira
    manage.py unlock_sign_in --address 203.0.113.7

axes' own axes_reset_username / axes_reset_ip / axes_reset do the same without a
security-log entry; prefer this one."""

import ipaddress

from django.core.management.base import BaseCommand, CommandError

from signin.lockout import ACCOUNT, ADDRESS, canonical_account, unlock


class Command(BaseCommand):
    help = "Unlock an account (its canonical username) or a client address after failed sign-ins."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--account", help="The username or work email of the account to unlock.")
        target.add_argument("--address", help="The client address (IPv4 or IPv6) to unlock.")

    def handle(self, *args, account=None, address=None, **options):
        if account is not None:
            if not account.strip():
                raise CommandError("Give a username or work email after --account.")
            kind, value = ACCOUNT, canonical_account(account.strip())
        else:
            kind = ADDRESS
            try:
                value = str(ipaddress.ip_address(address.strip()))
            except ValueError as exc:
                raise CommandError(f"{address!r} is not an IP address.") from exc
        removed = unlock(kind, value, via="command")
        if removed:
            self.stdout.write(f"Unlocked {kind} {value} ({removed} failure records removed).")
        else:
            self.stdout.write(f"Nothing to unlock for {kind} {value}.")
