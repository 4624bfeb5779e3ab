"""Requests generated from the OpenAPI schema by schemathesis, for tests/api/test_schema.py
and test_schema_agreement.py (the fixture ``api_key`` in tests/api/conftest.py gives them
data and a key)."""

from django.core.wsgi import get_wsgi_application

import hypothesis
import pytest
import schemathesis

SCHEMA_URL = "/api/v1/schema/?format=json"


def _operations():
    loaded = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())
    return [result.ok() for result in loaded.get_all_operations()]


OPERATIONS = _operations()

every_operation = pytest.mark.parametrize(
    "operation", OPERATIONS, ids=[operation.label for operation in OPERATIONS]
)


def check_cases(strategy, api_key):
    """Call the API with 30 cases drawn from ``strategy`` (the same ones each run) and
    check each answer against the schema."""

    @hypothesis.given(case=strategy)
    @hypothesis.settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def check(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {api_key}"})

    check()
