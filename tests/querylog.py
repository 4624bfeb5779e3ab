"""Where a request's SQL queries come from: each query with the library line, the project line
and the template line that led to it. The query-count tests print it, so a bound that fails
shows what to cut (pytest prints a failing test's output)."""

import sys
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = str(Path(__file__).resolve().parent.parent)


@contextmanager
def query_log():
    """``with query_log() as queries:``: ``queries`` fills with (sql, where) pairs."""
    queries = []

    def record(execute, sql, params, many, context):
        queries.append((sql, _where(sys._getframe(1))))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield queries


def _where(frame):
    """The nearest library line (outside Django's ORM), project line and template line on the
    way to the query, innermost first ("a < b": a, called from b)."""
    found = {}
    while frame is not None and len(found) < 3:
        filename = frame.f_code.co_filename
        line = f"{frame.f_lineno} {frame.f_code.co_name}"
        if "site-packages" in filename:
            if "/django/db/" not in filename:
                found.setdefault("library", f"{filename.split('site-packages/', 1)[1]}:{line}")
        elif filename.startswith(ROOT):
            found.setdefault("code", f"{filename[len(ROOT) + 1 :]}:{line}")
        node = frame.f_locals.get("self") if frame.f_code.co_name == "render_annotated" else None
        if getattr(node, "token", None) is not None:
            found.setdefault("template", f"{node.origin.template_name}:{node.token.lineno}")
        frame = frame.f_back
    return " < ".join(found.values())


def describe(queries):
    return "\n".join(f"{n:2}. {sql[:150]}\n      <- {where}" for n, (sql, where) in enumerate(queries, 1))
