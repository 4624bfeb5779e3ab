"""``manage.py generate_signing_key [--output FILE] [--force]``: a new private key (PEM, EC
P-256) for signing Open Badges credentials, printed or written to a file readable only by
its owner. ``--public`` prints the public key of the key now configured instead (to keep
publishing it after a rotation: OPEN_BADGES_PREVIOUS_PUBLIC_KEYS)."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from cryptography.hazmat.primitives import serialization

from records.credentials.keys import generate_private_key_pem, signing_key


class Command(BaseCommand):
    help = "Generate a private key (PEM) for signing Open Badges credentials."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Write the key to this file (mode 600) instead of printing it.")
        parser.add_argument("--force", action="store_true", help="Replace the file if it exists.")
        parser.add_argument(
            "--public", action="store_true", help="Print the public key of the configured signing key."
        )

    def handle(self, *args, output=None, force=False, public=False, **options):
        if public:
            try:
                key = signing_key().get_op_key("verify")
            except ImproperlyConfigured as exc:
                raise CommandError(str(exc)) from exc
            pem = key.public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            ).decode("ascii")
            self.stdout.write(pem, ending="")
            return
        pem = generate_private_key_pem()
        if not output:
            self.stdout.write(pem, ending="")
            return
        path = Path(output)
        if path.exists() and not force:
            raise CommandError(
                f"{path} exists; use --force to replace it (credentials signed with it stop verifying)."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(pem)
        self.stdout.write(f"Wrote a new signing key to {path}. Set OPEN_BADGES_SIGNING_KEY_FILE={path}.")
