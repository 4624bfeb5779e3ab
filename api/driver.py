"""A feed page's values read through the database driver's own cursor.

``QuerySet.values()`` runs every value through Python: on PostgreSQL, Django reads each
``timestamptz`` with its own loader written in Python; on SQLite it parses every date and
time from text with a regular expression and makes it aware. On a 1,000-row page of the
completion feed that is most of the page's time (bench/README.md, issue 16). Here the
queryset's own SQL runs on Django's cursor (so the query is counted and logged like any
other) and its rows are taken as the driver gives them, with only the conversions that
give the same values as ``.values()`` would:

- PostgreSQL: psycopg's compiled ``timestamptz`` loader instead of Django's. Django keeps
  every connection's session in UTC, so both give the same aware UTC datetimes; where a
  session is not in UTC, Django's loader stays.
- SQLite: the driver already parses dates and times (Django registers ``sqlite3``
  converters for those declared types); a time is then only marked as UTC, which is what
  Django stored, instead of going through ``make_aware``. Any other column that has a
  converter (decimals) keeps Django's.

``tests/api/test_driver.py`` holds these values equal to ``.values()`` on both databases.
"""

import datetime
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.expressions import Col

import psycopg
from psycopg.pq import Format

UTC = datetime.UTC


def values(queryset):
    """The rows of a ``.values()`` queryset as dicts, equal to ``list(queryset)``."""
    names, rows = tuples(queryset)
    return [dict(zip(names, row, strict=True)) for row in rows]


def tuples(queryset):
    """(column names, rows as tuples) of a ``.values()`` queryset, the values equal to
    those ``.values()`` gives."""
    statement = compile_values(queryset)
    return statement.names, run(statement)


class Statement(NamedTuple):
    """A ``.values()`` queryset compiled: what ``run`` needs, and nothing of the ORM's."""

    names: list
    sql: str | None  # None: the query can match nothing (``pk__in=[]``)
    params: tuple
    converters: dict
    alias: str


def compile_values(queryset):
    query = queryset.query
    if query.selected is not None:  # the columns in the order .values() named them
        names = list(query.selected)
    else:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
    compiler = query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return Statement(names, None, (), {}, queryset.db)
    converters = _converters(compiler, connections[queryset.db])
    return Statement(names, sql, tuple(params), converters, queryset.db)


def run(statement, params=None):
    """The statement's rows as tuples, with ``params`` in place of its own if given."""
    if statement.sql is None:
        return []
    connection = connections[statement.alias]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _compiled_timestamptz(cursor.cursor, connection)
        cursor.execute(statement.sql, statement.params if params is None else params)
        rows = cursor.fetchall()
    if statement.converters:
        rows = [_converted(row, statement.converters, connection) for row in rows]
    return rows


def _converters(compiler, connection):
    """{column index: converter functions} for the columns whose driver value differs
    from what ``.values()`` gives."""
    found = {}
    utc = connection.timezone_name == "UTC"
    fast = _SQLITE_FAST if connection.vendor == "sqlite" and utc else {}
    for index, (functions, expression) in compiler.get_converters(
        [column for column, _sql, _alias in compiler.select]
    ).items():
        field = expression.output_field if not isinstance(expression, Col) else expression.target
        replacement = fast.get(field.get_internal_type())
        found[index] = ([replacement], expression) if replacement else (functions, expression)
    return found


def _converted(row, converters, connection):
    row = list(row)
    for index, (functions, expression) in converters.items():
        value = row[index]
        for function in functions:
            value = function(value, expression, connection)
        row[index] = value
    return row


def _sqlite_datetime(value, expression, connection):
    if value is None:
        return None
    if isinstance(value, str):  # a computed column, which has no declared type
        value = datetime.datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC)


def _sqlite_date(value, expression, connection):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


_SQLITE_FAST = {"DateTimeField": _sqlite_datetime, "DateField": _sqlite_date}


def _compiled_timestamptz(driver_cursor, connection):
    if connection.connection.info.timezone.utcoffset(None) != datetime.timedelta(0):
        return
    oid = psycopg.adapters.types["timestamptz"].oid
    driver_cursor.adapters.register_loader("timestamptz", psycopg.adapters.get_loader(oid, Format.TEXT))
