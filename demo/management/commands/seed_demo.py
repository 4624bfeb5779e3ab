"""``manage.py seed_demo [--password PW] [--base-url URL]``: the demo courses, organisation
and logins.

Refused under production settings (it creates a superuser with a published password)
unless ``--i-know-this-is-production`` is given.

Idempotent: whatever already exists (looked up by slug, course code, username or employee
ID) is left as it is, so a second run creates nothing, adds no revisions and changes no
passwords, unless --password is given, which resets the demo accounts' passwords."""

import logging
import os
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import (
    influencers,
    influencers_es,
    influencers_es_quizzes,
    influencers_fr,
    influencers_fr_quizzes,
    influencers_quizzes,
    storytelling,
    storytelling_ar,
    storytelling_ar_quizzes,
    storytelling_quizzes,
)
from demo.assignments import ensure_demo_assignments
from demo.history import ensure_demo_history
from demo.organisation import DEFAULT_PASSWORD, ensure_demo_organisation
from demo.partners import ensure_demo_partners
from demo.report import SeedReport
from demo.roster import ensure_demo_roster_import
from demo.site import (
    ensure_course,
    ensure_course_translation,
    ensure_site_structure,
    ensure_translated_structure,
)
from demo.updates import ensure_editor_draft, ensure_source_update

# Each course or translation with its modules' quizzes, by module slug.
COURSES = (
    (influencers.COURSE, influencers_quizzes.QUIZZES),
    (storytelling.COURSE, storytelling_quizzes.QUIZZES),
)
TRANSLATIONS = (
    (storytelling_ar.TRANSLATION, storytelling_ar_quizzes.QUIZZES),
    (influencers_es.TRANSLATION, influencers_es_quizzes.QUIZZES),
    (influencers_fr.TRANSLATION, influencers_fr_quizzes.QUIZZES),
)
# Wagtail and the task framework log every page save; -v 2 shows them.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


class Command(BaseCommand):
    help = (
        "Create the demo courses, organisation and logins. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help=f"Password for the demo accounts (default: {DEFAULT_PASSWORD}). "
            "Given explicitly, it also resets the password of demo accounts that already exist.",
        )
        parser.add_argument(
            "--base-url",
            help="The address the site is served on, for the links printed at the end (default: "
            "WAGTAILADMIN_BASE_URL, or http://127.0.0.1:$PORT when only PORT is set).",
        )
        parser.add_argument(
            "--i-know-this-is-production",
            action="store_true",
            dest="production_confirmed",
            help="Run even under production settings: creates a superuser with the demo password.",
        )

    def handle(self, *args, password=None, base_url=None, production_confirmed=False, verbosity=1, **options):
        if looks_like_production() and not production_confirmed:
            raise CommandError(
                "Refusing to load the demo under production settings "
                f"({settings.SETTINGS_MODULE}, DEBUG={settings.DEBUG}): it creates a superuser and "
                "accounts with a published password. Use development settings, set DEMO_ALLOWED=true "
                "on a demo server, or pass --i-know-this-is-production."
            )
        reset_passwords = password is not None
        password = password if reset_passwords else DEFAULT_PASSWORD
        self._check_password(password)
        report = SeedReport()
        with _quiet(CHATTY_LOGGERS, unless=verbosity > 1), transaction.atomic():
            seed_content(report)
            logins = ensure_demo_organisation(password, reset_passwords, report)
            logins.extend(ensure_demo_partners(password, reset_passwords, report))
            ensure_demo_roster_import(report)
            ensure_editor_draft(report)
            ensure_demo_assignments(report)
            ensure_demo_history(report)
        self._print_report(report, verbosity)
        self._print_logins(logins, site_base_url(base_url))

    def _check_password(self, password):
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(f"--password: {' '.join(error.messages)}") from error

    def _print_report(self, report, verbosity):
        for label in report.created:
            self.stdout.write(f"  created  {label}")
        for label in report.changed:
            self.stdout.write(f"  changed  {label}")
        if verbosity > 1:
            for label in report.present:
                self.stdout.write(f"  present  {label}")
        summary = (
            f"Demo data: created {len(report.created)}, changed {len(report.changed)}, "
            f"already present {len(report.present)}."
        )
        self.stdout.write(self.style.SUCCESS(summary))

    def _print_logins(self, logins, base):
        width = max(len(role) for _, role, _ in logins)
        self.stdout.write("\nDemo logins")
        self.stdout.write(f"  {'username':<10} {'role':<{width}}  password")
        for username, role, password in logins:
            self.stdout.write(f"  {username:<10} {role:<{width}}  {password}")
        self.stdout.write(f"\nSite:  {base}/\nAdmin: {base}/admin/")


def looks_like_production():
    """Production settings, or any settings with DEBUG off that do not say DEMO_ALLOWED."""
    module = getattr(settings, "SETTINGS_MODULE", "") or ""
    if module.rsplit(".", 1)[-1] == "production":
        return True
    return not settings.DEBUG and not getattr(settings, "DEMO_ALLOWED", False)


def site_base_url(explicit=None):
    """Where the printed links point: --base-url, else WAGTAILADMIN_BASE_URL from the
    environment, else 127.0.0.1 on $PORT, else the setting."""
    if explicit:
        return explicit.rstrip("/")
    if os.environ.get("WAGTAILADMIN_BASE_URL"):
        return os.environ["WAGTAILADMIN_BASE_URL"].rstrip("/")
    if os.environ.get("PORT"):
        return f"http://127.0.0.1:{os.environ['PORT']}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def seed_content(report):
    _home, catalogue = ensure_site_structure(report)
    for course, quizzes in COURSES:
        ensure_course(catalogue, course, report, quizzes)
    for translation, quizzes in TRANSLATIONS:
        ensure_translated_structure(translation["language_code"], report)
        ensure_course_translation(translation, report, quizzes)
    # After the translations: a newer English revision they are behind (demo/updates.py).
    ensure_source_update(report)


@contextmanager
def _quiet(names, unless=False):
    loggers = [] if unless else [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
