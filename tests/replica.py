"""Reading through the read replica in tests (elearning/db_router.py).

In tests "replica" is the test database itself through a second connection (Django's TEST
MIRROR, elearning/settings/test.py), so a test sees which connection each query went through.
A second connection sees only committed rows: the tests that read through it are
transactional (``uses_replica``), and serialized_rollback restores what migrations put in the
database (the page root, the locales, the role groups), which the flush after each one
removes. The ``replica`` fixture (tests/conftest.py) installs the router, which the rest of
the suite runs without, and records the queries of both connections."""

import re

import pytest

from elearning.db_router import REPLICA, ReplicaRouter

ROUTER = f"{ReplicaRouter.__module__}.{ReplicaRouter.__name__}"

uses_replica = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", REPLICA]
)


class Queries:
    """The SQL run on each connection, "default" and "replica", since the last ``clear()``."""

    def __init__(self):
        self.on = {"default": [], REPLICA: []}

    def recorder(self, alias):
        def record(execute, sql, params, many, context):
            self.on[alias].append(sql)
            return execute(sql, params, many, context)

        return record

    def clear(self):
        for queries in self.on.values():
            queries.clear()

    @property
    def primary(self):
        return self.on["default"]

    @property
    def replica(self):
        return self.on[REPLICA]

    def reading(self, alias, table):
        """The SELECTs on ``alias`` that read ``table``."""
        pattern = re.compile(rf'\bFROM "{table}"|\bJOIN "{table}"')
        return [sql for sql in self.on[alias] if sql.lstrip().startswith("SELECT") and pattern.search(sql)]

    def tables_read(self, alias):
        """Every table a SELECT on ``alias`` named after FROM or JOIN."""
        found = set()
        for sql in self.on[alias]:
            if sql.lstrip().startswith("SELECT"):
                found.update(re.findall(r'\b(?:FROM|JOIN) "(\w+)"', sql))
        return found
