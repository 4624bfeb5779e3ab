"""API clients: the HR systems (or the integration platform between) that read this
platform's training records. Keys are stored hashed by djangorestframework-api-key; the
key itself is shown once, when the client is created."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rest_framework_api_key.models import AbstractAPIKey, APIKeyManager

from .. import scopes as scope_names
from .. import statements

# No key's prefix (letters and digits, api.authentication.KEY_FORMAT) can equal it.
PREFIX_SENTINEL = "-prefix sentinel-"

# Recording each request's time would write a row per request; once a minute is enough to
# tell whether a client is still in use.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def validate_scopes(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one scope."))
    unknown = sorted(set(value) - set(scope_names.ALL))
    if unknown:
        raise ValidationError(
            _("Unknown scopes: %(scopes)s. Known scopes: %(known)s."),
            params={"scopes": ", ".join(unknown), "known": ", ".join(scope_names.ALL)},
        )


class ApiClientManager(APIKeyManager):
    def assign_key(self, obj):
        """The library's primary key is "prefix.hash of the key": it would put the hash in
        every admin URL and log. Here the primary key is the key's public prefix alone (unique,
        and shown in the admin anyway); keys are still checked against ``hashed_key``."""
        key = super().assign_key(obj)
        obj.id = obj.prefix
        return key

    def get_from_key(self, key):
        """The usable client whose key this is, or ``DoesNotExist``, as the library's method
        (the same query and the same hash check); on every API request, so its query is
        compiled once per process (api/statements.py): through the ORM it cost a third of a
        small page's time (bench/README.md)."""
        prefix = key.partition(".")[0]
        names, rows = statements.lookup(
            ("API client by prefix", self.db), self._usable_by_prefix, prefix, sentinel=PREFIX_SENTINEL
        )
        if not rows:
            raise self.model.DoesNotExist("No usable API client has this prefix.")
        client = self.model.from_db(self.db, names, rows[0])
        if not client.is_valid(key):
            raise self.model.DoesNotExist("Key is not valid.")
        return client

    def _usable_by_prefix(self, prefix):
        fields = [field.attname for field in self.model._meta.concrete_fields]
        return self.get_usable_keys().filter(prefix=prefix).values(*fields)


class ApiClient(AbstractAPIKey):
    """One HR system. ``revoked`` (irreversible) and ``expiry_date`` stop its key working."""

    objects = ApiClientManager()

    name = models.CharField(_("name"), max_length=50, help_text=_("Who uses this key, e.g. “Workday”."))
    scopes = models.JSONField(
        _("scopes"),
        default=list,
        validators=[validate_scopes],
        help_text=_("What this client may read."),
    )
    departments = models.ManyToManyField(
        "people.Department",
        blank=True,
        verbose_name=_("departments"),
        related_name="+",
        help_text=_(
            "Limit the client to the staff of these departments (for a regional HR system). "
            "Leave empty for everyone."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")

    def __str__(self):
        return self.name

    def has_scope(self, scope):
        return scope in self.scopes

    @property
    def is_revoked(self):
        """Named as on a course completion, for the admin's revoke action (elearning.revoke)."""
        return self.revoked

    @property
    def is_usable(self):
        return not self.revoked and not self.has_expired

    def record_use(self, now=None):
        now = now or timezone.now()
        if self.last_used_at and now - self.last_used_at < LAST_USED_RESOLUTION:
            return
        ApiClient.objects.filter(pk=self.pk).filter(
            models.Q(last_used_at__isnull=True) | models.Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
        ).update(last_used_at=now)
        self.last_used_at = now
