"""System checks of the records app."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.security, deploy=True)
def open_badges_signing_key(app_configs, **kwargs):
    """``check --deploy``: credentials cannot be issued, nor status lists published, without
    the organisation's signing key."""
    from records.credentials.keys import previous_public_keys, signing_key

    try:
        signing_key()
        previous_public_keys()
    except ImproperlyConfigured as exc:
        return [
            Error(
                str(exc),
                hint="python manage.py generate_signing_key --output /path/to/key.pem, then set "
                "OPEN_BADGES_SIGNING_KEY_FILE (README: Open Badges credentials).",
                id="records.E001",
            )
        ]
    return []
