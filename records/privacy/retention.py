"""Retention: a leaver's personal data is erased ``RetentionSettings.months_after_leaving``
months after their ``left_on`` day, by the daily job (``manage.py daily_learning``).
Superusers and active staff never; a blank or 0 setting keeps everyone for ever.

Partner learners go by their own setting, ``partner_months_after_leaving``, counted from the
same day: when their account was deactivated (``left_on``, set by ``deactivate``). A partner
who simply stops coming is not erased while their account is on: their organisation's focal
point or Partnerships switch it off, which starts the clock. Each setting at 0 or blank keeps
its people for ever, whatever the other says.

The rule is written once: ``erasure_date(left_on, months)`` is the first day on which
``due_q`` is true for that person, so the "Due for erasure" report and the job agree."""

import calendar
import logging
from datetime import date, timedelta

from django.db.models import Q

from people.models import User, staff_q
from records.models import RetentionSettings
from records.privacy.erasure import ErasureRefused, Via, erase_person

logger = logging.getLogger("records.retention")


def retention_months():
    """The setting, or None to keep personal data for ever."""
    months = RetentionSettings.load().months_after_leaving
    return months or None


def partner_retention_months():
    """Partner learners' setting, or None to keep their personal data for ever."""
    months = RetentionSettings.load().partner_months_after_leaving
    return months or None


def months_for(person, months, partner_months):
    """The setting that applies to ``person``."""
    return partner_months if person.is_partner else months


def months_before(day, months):
    """The same day ``months`` earlier, on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def erasure_date(left_on, months):
    """The first day a person who left on ``left_on`` is due: ``months`` later, or the 1st
    of the next month when that month is too short for the day (31 August + 6 months:
    1 March, since on 28 February the leaving day is not yet six months back)."""
    index = left_on.year * 12 + left_on.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if left_on.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, left_on.day)
    return date(year, month, calendar.monthrange(year, month)[1]) + timedelta(days=1)


def candidates():
    """Leavers whose data is still there and who may be erased by the job at all."""
    return User.objects.filter(
        is_active=False, is_superuser=False, erased_at__isnull=True, left_on__isnull=False
    )


def due_q(today, months):
    return Q(left_on__lte=months_before(today, months))


def due_for_erasure(today, months=None, partner_months=None):
    """The people the job erases on ``today``: staff by ``months``, partner learners by
    ``partner_months`` (each read from the settings when None)."""
    months = retention_months() if months is None else months
    partner_months = partner_retention_months() if partner_months is None else partner_months
    due = Q(pk__in=[])
    if months:
        due |= staff_q() & due_q(today, months)
    if partner_months:
        due |= ~staff_q() & due_q(today, partner_months)
    return candidates().filter(due)


def due_within(today, days=31, months=None, partner_months=None):
    """The people the job will erase from ``today`` to ``days`` later (the report)."""
    return due_for_erasure(today + timedelta(days=days), months, partner_months)


def erase_due(today, months=None, partner_months=None):
    """Erases everyone due on ``today``, each in their own transaction (one refusal or
    failure does not hold up the others) and each in the security log. Returns the reports
    of the people erased."""
    reports = []
    for person in due_for_erasure(today, months, partner_months).order_by("pk"):
        try:
            reports.append(erase_person(person, reason=Via.RETENTION, today=today))
        except ErasureRefused as refusal:  # changed since it was read: left alone today
            logger.warning("retention: person %s not erased: %s", person.pk, refusal)
    return reports
