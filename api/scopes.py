"""What an API client may read. Each endpoint names the one scope it needs."""

from django.utils.translation import gettext_lazy as _

COMPLETIONS = "completions:read"
ENROLMENTS = "enrolments:read"
COURSES = "courses:read"
LEARNERS = "learners:read"
XAPI = "xapi:read"

CHOICES = [
    (COMPLETIONS, _("Completions: who completed which course, scores, certificates")),
    (ENROLMENTS, _("Enrolments: who is assigned what, due dates, status, progress")),
    (COURSES, _("Courses: the catalogue")),
    (LEARNERS, _("Learners: one person's transcript")),
    (XAPI, _("xAPI: completions and quiz results as xAPI statements")),
]
ALL = [value for value, _label in CHOICES]
