"""Querysets compiled to SQL once per database connection, then rerun with new values.

On the learner's pages, building a queryset and compiling it costs more CPU than the
database takes to answer it: about a fifth of a request's CPU was the compiling alone
(bench/README.md, "Load ladder", third pass). A query whose shape never changes, only its
values (a person's id, a module's id, a course code), is compiled once per connection with
stand-in values, and each run puts the real values where the stand-ins were.

The rows become what the queryset itself gives: model instances through the ORM's own
steps (``from_db``, ``select_related``'s populators, deferred fields, annotations),
``values()`` dicts or ``values_list()`` tuples, with the same converters. What cannot be
rerun safely runs through the ORM as before, every time: a stand-in not found in the
compiled parameters (written into the SQL, or a value the ORM rewrote), a query that can
match nothing, prefetching, or an iterable of another kind. The business rule stays where
it is written: ``build`` calls the same QuerySet methods the rest of the code does.
``tests/elearning/test_compiled.py`` holds each kind equal to the ORM's own result."""

import copy
import datetime
import itertools
import uuid
import weakref
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.models.sql.constants import MULTI
from django.db.transaction import TransactionManagementError

# Beyond every id this platform will reach, and inside every integer column's range
# (Django refuses a value outside a 32-bit or positive column's range before compiling).
INT_STAND_IN = 1_999_999_001
_KINDS = (int, str, uuid.UUID, datetime.datetime)
# A moment no record has: an aware datetime's stand-in (its microseconds tell them apart).
_MOMENT = datetime.datetime(1901, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)
_every = weakref.WeakSet()


class _Compiled(NamedTuple):
    compiler: object  # set up by compiling: its select, klass_info and converters
    sql: str
    params: tuple
    slots: tuple  # for each value (a list's one by one), where it goes in the parameters
    iterable: type
    names: tuple  # of a values() dict's keys


class CompiledQuery:
    """``build(*args)`` returns the queryset; ``kinds`` says each argument's type: ``int``,
    ``str``, ``uuid.UUID``, an aware ``datetime``, or a list of one of them (``[uuid.UUID]``,
    for ``__in``). ``CompiledQuery(build, int, str)(user.pk, code)`` is the list of what
    ``build(user.pk, code)`` gives. A list is compiled once for each of its lengths, up to
    ``MAX_SHAPES`` lengths; an empty list, and lengths beyond those, go through the ORM."""

    MAX_SHAPES = 32

    def __init__(self, build, *kinds):
        if any(
            (kind[0] if isinstance(kind, list) and len(kind) == 1 else kind) not in _KINDS for kind in kinds
        ):
            raise TypeError("Arguments are int, str, uuid.UUID or datetime, or a list of one of them.")
        self.build, self.kinds = build, kinds
        self._model = self._for_update = None
        self._by_connection = weakref.WeakKeyDictionary()  # {connection: {shape: _Compiled or False}}
        _every.add(self)

    def __call__(self, *args):
        args = tuple(_normalised(kind, arg) for kind, arg in zip(self.kinds, args, strict=True))
        shape = tuple(len(arg) for kind, arg in zip(self.kinds, args, strict=True) if isinstance(kind, list))
        if self._model is None:
            queryset = self.build(*self._stand_ins(tuple(1 for _length in shape)))
            self._model, self._for_update = queryset.model, queryset._for_write
        alias = (router.db_for_write if self._for_update else router.db_for_read)(self._model)
        connection = connections[alias]
        shapes = self._by_connection.setdefault(connection, {})
        compiled = shapes.get(shape)
        if compiled is None:
            # An empty list: the ORM knows what it means in its place (nothing, or everything).
            compiled = False
            if 0 not in shape and len(shapes) < self.MAX_SHAPES:
                compiled = shapes[shape] = self._compile(alias, shape)
        if compiled is False:
            return list(self.build(*args).using(alias))
        return self._run(compiled, connection, alias, args)

    def first(self, *args):
        """The first row, or None (``build`` limits the query, as ``.first()`` would)."""
        rows = self(*args)
        return rows[0] if rows else None

    def _stand_ins(self, shape):
        numbers, lengths = itertools.count(), iter(shape)
        return tuple(
            [_stand_in(kind[0], next(numbers)) for _element in range(next(lengths))]
            if isinstance(kind, list)
            else _stand_in(kind, next(numbers))
            for kind in self.kinds
        )

    def _compile(self, alias, shape):
        stand_ins = self._stand_ins(shape)
        queryset = self.build(*stand_ins).using(alias)
        iterable = queryset._iterable_class
        if (
            iterable not in (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable)
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
            or queryset._result_cache is not None
        ):
            return False
        query = queryset.query
        compiler = query.get_compiler(alias)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return False
        connection = connections[alias]
        flat = list(_flat(self.kinds, stand_ins))
        slots = tuple(
            tuple(
                index
                for index, param in enumerate(params)
                if type(param) is type(prepared) and param == prepared
            )
            for prepared in (_prepared(kind, stand_in, connection) for kind, stand_in in flat)
        )
        written_in = any(isinstance(stand_in, str) and stand_in in sql for _kind, stand_in in flat)
        if not sql or written_in or not all(slots):
            return False
        names = tuple(query.selected or (*query.extra_select, *query.values_select, *query.annotation_select))
        compiler.connection = None  # each run takes its own thread's connection
        return _Compiled(compiler, sql, tuple(params), slots, iterable, names)

    def _run(self, compiled, connection, alias, args):
        params = list(compiled.params)
        for (kind, value), slots in zip(_flat(self.kinds, args), compiled.slots, strict=True):
            value = _prepared(kind, value, connection)
            for index in slots:
                params[index] = value
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connection
        locks = compiler.query.select_for_update and connection.features.has_select_for_update
        if locks and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        compiler.as_sql = lambda *args, **kwargs: (compiled.sql, params)
        results = compiler.execute_sql(MULTI)
        if compiled.iterable is ModelIterable:
            return list(_instances(compiler, results, alias))
        rows = compiler.results_iter(results, tuple_expected=compiled.iterable is ValuesListIterable)
        if compiled.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if compiled.iterable is ValuesIterable:
            return [dict(zip(compiled.names, row, strict=False)) for row in rows]
        return list(rows)


def _normalised(kind, value):
    """A list as the ORM's ``__in`` sends it: each value once, in order, without None."""
    if not isinstance(kind, list):
        return value
    return tuple(dict.fromkeys(_as_kind(kind[0], element) for element in value if element is not None))


def _as_kind(kind, value):
    if kind is datetime.datetime:
        if not isinstance(value, datetime.datetime) or value.tzinfo is None:
            raise TypeError("A datetime argument is an aware datetime.")
        return value
    if kind is uuid.UUID:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    return kind(value)


def _flat(kinds, values):
    """(kind, value) of every value, a list's one by one."""
    for kind, value in zip(kinds, values, strict=True):
        if isinstance(kind, list):
            yield from ((kind[0], element) for element in value)
        else:
            yield kind, value


def _stand_in(kind, index):
    if kind is int:
        return INT_STAND_IN + index
    if kind is str:
        return f"\x1fstand-in {index}\x1f"
    if kind is datetime.datetime:
        return _MOMENT.replace(microsecond=index + 1)
    return uuid.UUID(int=INT_STAND_IN + index)


def _prepared(kind, value, connection):
    """The value as the ORM passes it to the database driver for a column of its kind."""
    value = _as_kind(kind, value)
    if kind is datetime.datetime:
        return connection.ops.adapt_datetimefield_value(value)
    if kind is uuid.UUID and not connection.features.has_native_uuid_field:
        return value.hex
    return value


def _instances(compiler, results, alias):
    """As ``ModelIterable`` makes them (this module refuses querysets with known related
    objects, the one part of it left out)."""
    select, klass_info, annotation_col_map = compiler.select, compiler.klass_info, compiler.annotation_col_map
    model_cls = klass_info["model"]
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    related_populators = get_related_populators(klass_info, select, alias)
    for row in compiler.results_iter(results):
        obj = model_cls.from_db(alias, init_list, row[start:end])
        for populator in related_populators:
            populator.populate(row, obj)
        for name, position in (annotation_col_map or {}).items():
            setattr(obj, name, row[position])
        yield obj


def forget():
    """Drops every compiled statement (tests that change what a query compiles to)."""
    for query in list(_every):
        query._by_connection.clear()
        query._model = None
