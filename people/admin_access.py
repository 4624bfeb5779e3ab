"""Whether a person may use the Wagtail admin (``wagtailadmin.access_admin``), remembered in
the cache, so that the pages every learner opens do not read that person's permissions from
the database on each request only to leave the editors' toolbar out.

The answers are forgotten together whenever a role or a permission changes, and each one
after ``ADMIN_ACCESS_TTL`` seconds in any case: without Redis each process has a cache of its
own and the others do not hear of the change, so there a change counts from the next minute
(as it does for the admin session limits, signin/sessions.py). What is remembered decides
only whether the toolbar appears; the admin checks permissions itself on every request."""

from uuid import uuid4

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete

ADMIN_ACCESS_TTL = 60
_GENERATION_KEY = "people:admin-access:generation"


def may_access_admin(user):
    if not user.is_authenticated:
        return False
    # The account's own flags are part of the key: the user row is read on every request anyway.
    # The answer is kept with the generation it was found under, so one round trip reads both.
    key = f"people:admin-access:{user.pk}:{user.is_active:d}:{user.is_superuser:d}"
    found = cache.get_many([_GENERATION_KEY, key])
    generation = found.get(_GENERATION_KEY) or cache.get_or_set(_GENERATION_KEY, uuid4().hex, None)
    kept = found.get(key)
    if kept is not None and kept[0] == generation:
        return kept[1]
    allowed = user.has_perm("wagtailadmin.access_admin")
    cache.set(key, (generation, allowed), ADMIN_ACCESS_TTL)
    return allowed


def forget_admin_access(**kwargs):
    if kwargs.get("action", "post_").startswith("post_"):
        cache.set(_GENERATION_KEY, uuid4().hex, None)


def connect():
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            forget_admin_access, sender=through, dispatch_uid=f"people.admin_access.{through}"
        )
    # Deleting a group or a permission removes its links without an m2m_changed signal.
    for model in (Group, Permission):
        post_delete.connect(forget_admin_access, sender=model, dispatch_uid=f"people.admin_access.{model}")
