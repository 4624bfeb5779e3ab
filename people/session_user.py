"""The signed-in person, read on every request with a statement compiled once per process.

Django's backends read the user behind a session with ``User.objects.get(pk=...)``, built
and compiled through the ORM on each request: about 400 µs of CPU here, more than half of
it the compiling (bench/README.md, "Load ladder"). The statement never changes but for the
id, so it is compiled once per database with a sentinel id and run with the session's id in
the sentinel's place; the row becomes a user as the ORM makes one (``Model.from_db``). If the
compiled statement ever selects anything but the user's own columns, or the sentinel is not
found in its parameters, it is not kept and the ORM reads the user as before."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router
from django.db.models.expressions import Col

SENTINEL = -7_302_519_864  # an id no user has
_statements = {}


def user_by_pk(pk):
    """The user with this primary key, or None."""
    User = get_user_model()
    alias = router.db_for_read(User)
    statement = _statements.get(alias)
    if statement is None:
        statement = _statements[alias] = _compile(User, alias)
    if statement is False:
        return User._default_manager.using(alias).filter(pk=pk).first()
    sql, params, slot, columns = statement
    connection = connections[alias]
    params = list(params)
    params[slot] = User._meta.pk.get_db_prep_value(pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    return User.from_db(
        alias, [column.target.attname for column in columns], _converted(row, columns, connection)
    )


def _converted(row, columns, connection):
    """The row's values as the ORM gives them: the backend's and the fields' converters
    (SQLite's dates and booleans, say), taken from this thread's connection."""
    values = list(row)
    for index, column in enumerate(columns):
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        for converter in converters:
            values[index] = converter(values[index], column, connection)
    return values


def _compile(User, alias):
    compiler = User._default_manager.using(alias).filter(pk=SENTINEL).query.get_compiler(alias)
    sql, params = compiler.as_sql()
    slots = [index for index, value in enumerate(params) if value == SENTINEL]
    own = all(
        isinstance(expression, Col) and expression.alias == User._meta.db_table
        for expression, _sql, _alias in compiler.select
    )
    if len(slots) != 1 or not own or compiler.annotation_col_map or compiler.klass_info is None:
        return False
    columns = [expression for expression, _sql, _alias in compiler.select]
    return sql, tuple(params), slots[0], columns


class KeptUserLookupMixin:
    """For an authentication backend: ``get_user`` through ``user_by_pk``, with Django's
    check that the account may sign in (``is_active``: a leaver's open session ends)."""

    def get_user(self, user_id):
        user = user_by_pk(user_id)
        return user if user is not None and ModelBackend.user_can_authenticate(self, user) else None
