from .assignments import AssignmentRule, ReminderLog, TeamSettings
from .progress import CourseCompletion, Enrolment, ModuleProgress
from .reflections import ReflectionAnswer
from .sync import SyncClock

__all__ = [
    "AssignmentRule",
    "CourseCompletion",
    "Enrolment",
    "ModuleProgress",
    "ReflectionAnswer",
    "ReminderLog",
    "SyncClock",
    "TeamSettings",
]
