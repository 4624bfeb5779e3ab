"""Completions and enrolments made directly, for the API tests that need many of them."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from records.models import CourseCompletion, Enrolment


def completion(user, code="INF-101", days_ago=1, **fields):
    fields = {
        "course_code": code,
        "course_title": f"Course {code}",
        "course_language": "en",
        "completed_at": timezone.now() - timedelta(days=days_ago),
        "score": Decimal("87.50"),
        **fields,
    }
    return CourseCompletion.objects.create(user=user, **fields)


def enrolment(user, code="INF-101", **fields):
    fields = {"course_code": code, "course_title": f"Course {code}", **fields}
    return Enrolment.objects.create(user=user, **fields)


def sync_all(api, url, **params):
    """Follow ``next`` links to the end; returns every row read, in order."""
    rows = []
    response = api.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        rows.extend(body["results"])
        if not body["next"]:
            return rows
        response = api.get(body["next"])
