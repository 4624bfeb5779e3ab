"""The signed-in person, read on every request with a statement compiled once per process.

Django's backends read the user behind a session with ``User.objects.get(pk=...)``, built
and compiled through the ORM on each request: about 400 µs of CPU here, more than half of
it the compiling (bench/README.md, "Load ladder"). The statement never changes but for the
id, so it is compiled once (``elearning.compiled``) and run with the session's id."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from elearning.compiled import CompiledQuery

_USER = CompiledQuery(lambda pk: get_user_model()._default_manager.filter(pk=pk), int)


def user_by_pk(pk):
    """The user with this primary key, or None."""
    return _USER.first(pk)


class KeptUserLookupMixin:
    """For an authentication backend: ``get_user`` through ``user_by_pk``, with Django's
    check that the account may sign in (``is_active``: a leaver's open session ends)."""

    def get_user(self, user_id):
        user = user_by_pk(user_id)
        return user if user is not None and ModelBackend.user_can_authenticate(self, user) else None
