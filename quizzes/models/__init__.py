from .assignments import AssignmentRule, ReminderLog
from .attempts import AnswerRecord, Attempt, SelectedChoice
from .progress import CourseCompletion, Enrolment, ModuleProgress
from .quiz import FeedbackPolicy, QuestionKind, QuizChoice, QuizQuestion, QuizSettings
from .reflections import ReflectionAnswer
from .sync import SyncClock

__all__ = [
    "AnswerRecord",
    "AssignmentRule",
    "Attempt",
    "CourseCompletion",
    "Enrolment",
    "FeedbackPolicy",
    "ModuleProgress",
    "QuestionKind",
    "QuizChoice",
    "QuizQuestion",
    "QuizSettings",
    "ReflectionAnswer",
    "ReminderLog",
    "SelectedChoice",
    "SyncClock",
]
