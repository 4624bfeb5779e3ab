from .pages import CourseCatalogue, CoursePage, CoursePrerequisite, HomePage, ModulePage
from .quiz import FeedbackPolicy, QuestionKind, QuizChoice, QuizQuestion, QuizSettings
from .translations import TranslationBase
from .tree_version import TreeVersion

__all__ = [
    "CourseCatalogue",
    "CoursePage",
    "CoursePrerequisite",
    "FeedbackPolicy",
    "HomePage",
    "ModulePage",
    "QuestionKind",
    "QuizChoice",
    "QuizQuestion",
    "QuizSettings",
    "TranslationBase",
    "TreeVersion",
]
