"""The organisation's signing key for Open Badges credentials.

The private key is a PEM (PKCS#8) EC P-256 key, signed with ES256: every JOSE library and
Open Badges verifier knows it (Ed25519's ``EdDSA`` is deprecated by RFC 9864 and its
replacement is not yet widely verified). It comes from ``OPEN_BADGES_SIGNING_KEY`` (the
PEM itself) or ``OPEN_BADGES_SIGNING_KEY_FILE`` (a path). Development settings point the
file at ``var/`` and let it be generated on first use; test settings hold a key made for
the test session; production must be given one (``check --deploy``: records.E001).

Public keys of earlier signing keys (``OPEN_BADGES_PREVIOUS_PUBLIC_KEYS``, PEM blocks) stay
published, so credentials signed before a rotation still verify.
"""

import os
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from joserfc.jwk import ECKey

ALGORITHM = "ES256"
PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z ]+)-----.+?-----END \1-----", re.DOTALL)


def generate_private_key_pem():
    """A new P-256 private key as PKCS#8 PEM text."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def _import(pem, source):
    try:
        key = ECKey.import_key(pem.strip().encode("ascii"))
    except Exception as exc:
        raise ImproperlyConfigured(f"{source} is not a PEM EC P-256 key: {exc}") from exc
    if key.as_dict(private=False).get("crv") != "P-256":
        raise ImproperlyConfigured(f"{source} must be an EC P-256 key (ES256).")
    return key


def _create_key_file(path):
    """Development only: a key of this checkout's own (var/ is git-ignored). Written whole
    under another name, then linked into place, so two processes starting at once (runserver
    and its reloader) end up with the same key and never read a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(generate_private_key_pem())
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process was first: keep its key
    finally:
        temporary.unlink()


def _configured_pem():
    """The private key PEM from the settings, or None when none is configured."""
    pem = (getattr(settings, "OPEN_BADGES_SIGNING_KEY", "") or "").strip()
    if pem:
        return pem, "OPEN_BADGES_SIGNING_KEY"
    path = getattr(settings, "OPEN_BADGES_SIGNING_KEY_FILE", "") or ""
    if not path:
        return None, None
    path = Path(path)
    if not path.exists() and getattr(settings, "OPEN_BADGES_GENERATE_KEY", False):
        _create_key_file(path)
    try:
        return path.read_text(), f"OPEN_BADGES_SIGNING_KEY_FILE ({path})"
    except OSError as exc:
        raise ImproperlyConfigured(f"OPEN_BADGES_SIGNING_KEY_FILE cannot be read: {exc}") from exc


def is_configured():
    pem, _source = _configured_pem()
    return bool(pem)


@lru_cache(maxsize=4)
def _key_from(pem, source):
    key = _import(pem, source)
    if not key.is_private:
        raise ImproperlyConfigured(f"{source} holds a public key; the private key is needed to sign.")
    return key


def signing_key():
    """The private key credentials are signed with; ImproperlyConfigured when there is none."""
    pem, source = _configured_pem()
    if not pem:
        raise ImproperlyConfigured(
            "No Open Badges signing key: set OPEN_BADGES_SIGNING_KEY or OPEN_BADGES_SIGNING_KEY_FILE "
            "(python manage.py generate_signing_key makes one)."
        )
    return _key_from(pem, source)


@lru_cache(maxsize=4)
def _previous_keys(text):
    return tuple(
        _import(block.group(0), "OPEN_BADGES_PREVIOUS_PUBLIC_KEYS") for block in PEM_BLOCK.finditer(text)
    )


def previous_public_keys():
    return _previous_keys(getattr(settings, "OPEN_BADGES_PREVIOUS_PUBLIC_KEYS", "") or "")


def public_jwk(key):
    """The public half of ``key`` as a JWK dict (no private member), with its thumbprint."""
    jwk = {name: value for name, value in key.as_dict(private=False).items() if name != "d"}
    return {**jwk, "alg": ALGORITHM, "use": "sig"}, key.thumbprint()
