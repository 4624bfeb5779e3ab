from .assignments import AssignmentRule, ReminderLog, RetentionSettings, TeamSettings
from .progress import CourseCompletion, Enrolment, ModuleProgress
from .reflections import ReflectionAnswer
from .sync import SyncClock
from .updates import ModuleUpdate

__all__ = [
    "AssignmentRule",
    "CourseCompletion",
    "Enrolment",
    "ModuleProgress",
    "ModuleUpdate",
    "ReflectionAnswer",
    "ReminderLog",
    "RetentionSettings",
    "SyncClock",
    "TeamSettings",
]
