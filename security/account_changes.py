"""Account, role and group-permission changes in the security log, from model signals, so every
path (the admin's forms and bulk actions, the Groups screens, scripts, migrations) is covered:

- USER_CREATED and USER_CHANGED (field names, before -> after for the fields below; never a
  password or its hash);
- PASSWORD_CHANGED when a password is set (``set_password``; a hash upgrade at sign-in is not);
- ROLES_CHANGED: groups and the Administrator flag, before -> after;
- GROUP_PERMISSIONS_CHANGED: model, page and collection permissions added to or removed from a
  group.

Within a web request (``ChangeCollectorMiddleware``) or a ``collect_changes()`` block the
changes are gathered and written once per person or group when it ends, so saving a form that
touches several things gives one entry per kind of change; elsewhere each change is written
as it happens. The actor is the request's user, or the user of Wagtail's log context."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from wagtail.log_actions import get_active_log_context
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from .log import Action, record

# Fields whose old and new values are logged; everything else on the account is left out.
LOGGED_FIELDS = (
    "username",
    "email",
    "full_name",
    "employee_id",
    "department",
    "country",
    "preferred_language",
    "manager",
    "start_date",
    "is_active",
    "is_staff",
)

_request = ContextVar("security_request", default=None)
_collector = ContextVar("security_change_collector", default=None)


class Changes:
    """What happened to each person and group since the collection started."""

    def __init__(self, **context):
        self.context = context
        self.accounts = {}  # user pk -> {"created", "fields", "password", "roles_before"}
        self.groups = {}  # group pk -> {"added": set, "removed": set}

    def account(self, pk):
        return self.accounts.setdefault(pk, {"created": None, "fields": {}, "password": False})

    def group(self, pk):
        return self.groups.setdefault(pk, {"added": set(), "removed": set()})

    def write(self):
        users = get_user_model().objects.in_bulk(list(self.accounts))
        for pk, change in self.accounts.items():
            user = users.get(pk)
            if user is None:
                continue
            if change["created"] is not None:
                _write(Action.USER_CREATED, user, **change["created"], **self.context)
            if change["fields"]:
                _write(Action.USER_CHANGED, user, changes=change["fields"], **self.context)
            if change["password"]:
                _write(Action.PASSWORD_CHANGED, user, **self.context)
            if "roles_before" in change:
                _write_roles(user, change["roles_before"], **self.context)
        groups = Group.objects.in_bulk(list(self.groups))
        for pk, change in self.groups.items():
            added, removed = change["added"] - change["removed"], change["removed"] - change["added"]
            if pk in groups and (added or removed):
                _write_group(groups[pk], added, removed, **self.context)


@contextmanager
def collect_changes(**context):
    """Gather the changes made inside the block and log them once at its end (nothing is
    logged if the block fails). ``context`` goes into every entry's detail."""
    if _collector.get() is not None:
        yield
        return
    changes = Changes(**context)
    token = _collector.set(changes)
    try:
        yield
    finally:
        _collector.reset(token)
    changes.write()


@contextmanager
def unlogged():
    """Changes inside the block are not logged (e.g. setting up a group nobody is in yet)."""
    token = _collector.set(Changes())
    try:
        yield
    finally:
        _collector.reset(token)


class ChangeCollectorMiddleware:
    """One request, one entry per changed person or group; the request gives the actor and
    the address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            with collect_changes():
                return self.get_response(request)
        finally:
            _request.reset(token)


# --- writing -------------------------------------------------------------------------------


def _actor():
    request = _request.get()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    return get_active_log_context().user


def _write(action, subject=None, obj=None, **detail):
    record(action, request=_request.get(), actor=_actor(), subject=subject, obj=obj, **detail)


def roles_of(user):
    return {"administrator": user.is_superuser, "groups": sorted(user.groups.values_list("name", flat=True))}


def _write_roles(user, before, **context):
    after = roles_of(user)
    if after != before:
        _write(Action.ROLES_CHANGED, user, before=before, after=after, **context)


def _write_group(group, added, removed, **context):
    _write(
        Action.GROUP_PERMISSIONS_CHANGED,
        obj=group,
        group=group.name,
        added=sorted(added),
        removed=sorted(removed),
        **context,
    )


def _remember_roles(user_pks):
    """Before a change to these people's roles: their roles as they are now."""
    changes = _collector.get()
    users = get_user_model().objects.filter(pk__in=user_pks)
    before = {}
    for user in users:
        if changes is not None and "roles_before" in changes.account(user.pk):
            continue
        before[user.pk] = roles_of(user)
        if changes is not None:
            changes.account(user.pk)["roles_before"] = before[user.pk]
    return before


def _roles_changed(before):
    """After the change: logged now, or at the end of the collection."""
    if _collector.get() is not None:
        return
    users = get_user_model().objects.in_bulk(list(before))
    for pk, roles in before.items():
        if pk in users:
            _write_roles(users[pk], roles)


# --- accounts ------------------------------------------------------------------------------


def _raw(user, name):
    return getattr(user, user._meta.get_field(name).attname)


def _value(user, name):
    """A field's value as the log shows it: related objects by name, dates as ISO text."""
    field = user._meta.get_field(name)
    value = getattr(user, field.attname)
    if field.is_relation and value is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else value
    return value.isoformat() if hasattr(value, "isoformat") else value


def account_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        instance._security_before = None
        return
    # set_password() keeps the raw password until save(); a hash upgrade at sign-in does not.
    instance._security_password_set = getattr(instance, "_password", None) is not None
    before = None
    if instance.pk is not None:
        before = type(instance)._default_manager.filter(pk=instance.pk).first()
    instance._security_before = before
    if before is not None and before.is_superuser != instance.is_superuser:
        instance._security_roles_before = _remember_roles([instance.pk]).get(instance.pk)


def account_post_save(sender, instance, created, raw=False, **kwargs):
    if raw or not hasattr(instance, "_security_before"):
        return
    before = instance._security_before
    del instance._security_before
    changes = _collector.get()
    if created:
        created_detail = {
            "fields": {
                name: _value(instance, name)
                for name in LOGGED_FIELDS
                if _raw(instance, name) not in ("", None)
            },
            "administrator": instance.is_superuser,
            "password_set": instance.has_usable_password(),
        }
        if changes is not None:
            changes.account(instance.pk)["created"] = created_detail
            if instance.is_superuser:
                changes.account(instance.pk).setdefault(
                    "roles_before", {"administrator": False, "groups": []}
                )
        else:
            _write(Action.USER_CREATED, instance, **created_detail)
            if instance.is_superuser:
                _write_roles(instance, {"administrator": False, "groups": []})
        return
    if before is None:
        return
    fields = {}
    for name in LOGGED_FIELDS:
        if _raw(before, name) != _raw(instance, name):
            fields[name] = [_value(before, name), _value(instance, name)]
    password = getattr(instance, "_security_password_set", False)
    roles_before = getattr(instance, "_security_roles_before", None)
    instance._security_roles_before = None
    if changes is not None:
        account = changes.account(instance.pk)
        for name, (old, new) in fields.items():
            first = account["fields"].get(name, [old])[0]
            account["fields"][name] = [first, new]
        account["password"] = account["password"] or password
        return
    if fields:
        _write(Action.USER_CHANGED, instance, changes=fields)
    if password:
        _write(Action.PASSWORD_CHANGED, instance)
    if roles_before is not None:
        _write_roles(instance, roles_before)


def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A person's groups (``user.groups``), or a group's members (``group.user_set``)."""
    if action.startswith("pre_"):
        if not reverse:
            user_pks = [instance.pk]
        elif action == "pre_clear":
            user_pks = list(instance.user_set.values_list("pk", flat=True))
        else:
            user_pks = list(pk_set or ())
        instance._security_roles = _remember_roles(user_pks)
    elif action.startswith("post_"):
        _roles_changed(getattr(instance, "_security_roles", None) or {})
        instance._security_roles = None


# --- group permissions ---------------------------------------------------------------------


def _permission_labels(pks):
    permissions = Permission.objects.filter(pk__in=pks).select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def _group_change(group_pk, added=(), removed=()):
    changes = _collector.get()
    if changes is not None:
        change = changes.group(group_pk)
        change["added"].update(added)
        change["removed"].update(removed)
        return
    group = Group.objects.filter(pk=group_pk).first()
    if group is not None and (added or removed):
        _write_group(group, set(added), set(removed))


def group_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action == "pre_clear":
        if reverse:  # permission.group_set.clear()
            instance._security_groups = list(instance.group_set.values_list("pk", flat=True))
        else:
            instance._security_cleared = _permission_labels(instance.permissions.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    key = "added" if action == "post_add" else "removed"
    if reverse:
        label = _permission_labels([instance.pk])
        groups = pk_set if action != "post_clear" else getattr(instance, "_security_groups", [])
        for group_pk in groups or ():
            _group_change(group_pk, **{key: label})
    else:
        labels = _permission_labels(pk_set or ()) if action != "post_clear" else instance._security_cleared
        _group_change(instance.pk, **{key: labels})


def _object_permission_label(row):
    target = getattr(row, "page", None) or getattr(row, "collection", None)
    kind = "page" if hasattr(row, "page_id") else "collection"
    return f"{kind} {target.pk} ({target}): {row.permission.codename}"


def object_permission_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _group_change(instance.group_id, added={_object_permission_label(instance)})


def object_permission_deleted(sender, instance, **kwargs):
    _group_change(instance.group_id, removed={_object_permission_label(instance)})


def connect():
    User = get_user_model()
    pre_save.connect(account_pre_save, sender=User, dispatch_uid="security.account_pre_save")
    post_save.connect(account_post_save, sender=User, dispatch_uid="security.account_post_save")
    m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid="security.groups")
    m2m_changed.connect(
        group_permissions_changed, sender=Group.permissions.through, dispatch_uid="security.group_permissions"
    )
    for model in (GroupPagePermission, GroupCollectionPermission):
        post_save.connect(
            object_permission_saved, sender=model, dispatch_uid=f"security.{model.__name__}.saved"
        )
        post_delete.connect(
            object_permission_deleted, sender=model, dispatch_uid=f"security.{model.__name__}.deleted"
        )
