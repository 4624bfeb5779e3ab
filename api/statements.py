"""A sync's page query, compiled once per process and reused.

Every page of a sync without filters runs the same SQL for a client's scope, a page size
and a day; only the cursor's ``(updated_at, id)`` differs. Building that query through the
ORM and compiling it costs about as much as reading 300 of the page's rows (bench/README.md,
issue 16), so it is compiled once with a sentinel position, and each page runs the same SQL
with its own position in the sentinel's place. The key names everything else the SQL
depends on, the database alias included (with a read replica, the router picks the primary or
the replica per request, and a statement runs on the alias it was compiled for: its
``alias``); a request with filters is compiled as before. If the sentinel cannot be found
in the compiled parameters (a change to the query's shape), nothing is reused. The same
holds for a lookup by one string (``lookup``: an API key by its prefix), and a query whose
SQL never changes (the required modules, for progress) is kept whole (``kept``).
``tests/api/test_statements.py`` holds a reused page equal to a freshly compiled one."""

from datetime import UTC, datetime
from typing import NamedTuple

from django.db import connections

from . import driver

# An (updated_at, id) no row has, so its parameters can be told apart from every other.
SENTINEL = (datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC), -7_302_519_864)
MAX_STATEMENTS = 256  # keys are (feed, client, page size, day): a handful per client

_statements = {}


class PageStatement(NamedTuple):
    statement: driver.Statement
    stamps: tuple  # where the position's updated_at goes in the parameters
    ids: tuple  # and its id


def page(key, build, position):
    """(column names, rows as tuples) of ``build(position)``, a ``.values()`` queryset;
    the compiled SQL is kept under ``key``, which must name everything the SQL depends on
    besides the position."""
    compiled = _kept(key, lambda: _compile(build))
    if compiled is None:
        return driver.tuples(build(position))
    return compiled.statement.names, driver.run(compiled.statement, _params(compiled, position))


def _compile(build):
    queryset = build(SENTINEL)
    statement = driver.compile_values(queryset)
    stamp, pk = _adapted(queryset.db, SENTINEL)
    stamps, ids = _slots(statement.params, stamp), _slots(statement.params, pk)
    if statement.sql is None or not stamps or not ids:
        return None
    return PageStatement(statement, stamps, ids)


def _slots(params, sentinel):
    """Where ``sentinel`` is among the parameters."""
    return tuple(i for i, value in enumerate(params) if type(value) is type(sentinel) and value == sentinel)


def _adapted(alias, position):
    stamp, pk = position
    return connections[alias].ops.adapt_datetimefield_value(stamp), pk


def _params(compiled, position):
    stamp, pk = _adapted(compiled.statement.alias, position)
    params = list(compiled.statement.params)
    for index in compiled.stamps:
        params[index] = stamp
    for index in compiled.ids:
        params[index] = pk
    return params


def lookup(key, build, value, sentinel):
    """(column names, rows as tuples) of ``build(value)``, a ``.values()`` queryset with
    one string parameter: ``build(sentinel)`` is compiled once under ``key`` and run with
    ``value`` in the sentinel's place. ``sentinel`` must be a string no real value equals."""
    compiled = _kept(key, lambda: _compile_lookup(build, sentinel))
    if compiled is None:
        return driver.tuples(build(value))
    statement, slots = compiled
    params = [value if index in slots else param for index, param in enumerate(statement.params)]
    return statement.names, driver.run(statement, params)


def _compile_lookup(build, sentinel):
    statement = driver.compile_values(build(sentinel))
    slots = frozenset(_slots(statement.params, sentinel))
    if statement.sql is None or not slots:
        return None
    return statement, slots


def kept(key, build):
    """(column names, rows as tuples) of ``build()``, a ``.values()`` queryset whose SQL
    depends on nothing but ``key`` (which names the database alias): compiled once, then
    rerun as it is."""
    statement = _kept(key, lambda: driver.compile_values(build()))
    return statement.names, driver.run(statement)


def _kept(key, make):
    if key not in _statements:
        if len(_statements) >= MAX_STATEMENTS:
            _statements.clear()
        _statements[key] = make()
    return _statements[key]


def forget():
    """Drops every kept statement (tests)."""
    _statements.clear()
