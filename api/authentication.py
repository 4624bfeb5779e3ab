"""``Authorization: Bearer <key>``: the request's ``auth`` is the API client; there is no
user, so nothing a person's session could reach is reachable with a key."""

import re

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from rest_framework import authentication, exceptions

from .models import ApiClient

# "<prefix>.<secret>", as djangorestframework-api-key makes them. Anything else is refused
# before it reaches the database (a NUL byte, for one, is an error on PostgreSQL).
KEY_FORMAT = re.compile(r"[A-Za-z0-9]{1,8}\.[A-Za-z0-9]{1,128}")


class BearerKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header:
            return None
        # Another scheme (Basic, Token) is a caller's mistake worth naming, not "no credentials".
        if header[0].lower() != self.keyword.lower().encode() or len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header must be “Bearer <key>”."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("The API key is not valid.")) from error
        if not KEY_FORMAT.fullmatch(key):
            raise exceptions.AuthenticationFailed(_("The API key is not valid."))
        try:
            client = ApiClient.objects.get_from_key(key)
        except ApiClient.DoesNotExist as error:
            raise exceptions.AuthenticationFailed(_("The API key is not valid or was revoked.")) from error
        if client.has_expired:
            raise exceptions.AuthenticationFailed(_("The API key has expired."))
        client.record_use()
        return AnonymousUser(), client

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) with a WWW-Authenticate challenge.
        return f'{self.keyword} realm="api"'
