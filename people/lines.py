"""Reporting lines: who a manager may see in the reports.

A manager sees their direct and indirect reports, never themselves through a loop and
never anyone outside their line; HR admins and superusers see everyone; anybody else
sees nobody. Every report and export starts from ``visible_people(user)``, so changing
an ID or a filter in a URL can only narrow what is shown."""

from django.db import connection
from django.db.models.expressions import RawSQL

from people.models import User
from people.roles import HR_ADMINS


def sees_everyone(user):
    """HR admins and superusers see the whole organisation."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=HR_ADMINS).exists()


def reporting_line_ids(manager):
    """The ids of everyone below ``manager`` (a person or their id), breadth-first, one
    query per level.

    ``seen`` guards against a loop in the data (A manages B manages A): each person is
    visited once, and the manager is never part of their own line."""
    manager_id = getattr(manager, "pk", manager)
    seen = {manager_id}
    frontier = {manager_id}
    while frontier:
        below = set(User.objects.filter(manager_id__in=frontier).values_list("pk", flat=True))
        frontier = below - seen
        seen |= frontier
    return seen - {manager_id}


def reporting_line_subquery(manager):
    """The same line as ``reporting_line_ids``, as one recursive SQL subquery for
    ``pk__in=``, so a report costs the same number of queries however deep the line is.
    ``UNION`` (not ``UNION ALL``) drops people already reached, which ends a loop."""
    table = connection.ops.quote_name(User._meta.db_table)
    sql = (
        f"WITH RECURSIVE line(id) AS ("  # noqa: S608 - the table name comes from the model
        f"SELECT id FROM {table} WHERE manager_id = %s "
        f"UNION SELECT u.id FROM {table} u INNER JOIN line ON u.manager_id = line.id"
        f") SELECT id FROM line WHERE id <> %s"
    )
    # Only the model's own table name is formatted in; the manager's id is a parameter.
    return RawSQL(sql, (manager.pk, manager.pk))  # noqa: S611


def visible_people(user):
    """The staff ``user`` may see in reports: everyone, their reporting line, or nobody."""
    if sees_everyone(user):
        return User.objects.all()
    if not user.is_authenticated or not user.is_active:
        return User.objects.none()
    return User.objects.filter(pk__in=reporting_line_subquery(user))


def has_reporting_line(user):
    """Whether anyone reports to ``user``: a manager, whatever their role groups say."""
    return user.is_authenticated and User.objects.filter(manager_id=user.pk).exists()
