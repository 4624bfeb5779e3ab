from .packages import CoursePackageImport
from .pages import CourseCatalogue, CoursePage, CoursePrerequisite, HomePage, ModulePage
from .quiz import FeedbackPolicy, QuestionKind, QuizChoice, QuizQuestion, QuizSettings
from .translations import TranslationBase
from .tree_version import TreeVersion
from .versions import ModuleVersion

__all__ = [
    "CourseCatalogue",
    "CoursePackageImport",
    "CoursePage",
    "CoursePrerequisite",
    "FeedbackPolicy",
    "HomePage",
    "ModulePage",
    "ModuleVersion",
    "QuestionKind",
    "QuizChoice",
    "QuizQuestion",
    "QuizSettings",
    "TranslationBase",
    "TreeVersion",
]
