from .pages import CourseCatalogue, CoursePage, CoursePrerequisite, HomePage, ModulePage

__all__ = ["CourseCatalogue", "CoursePage", "CoursePrerequisite", "HomePage", "ModulePage"]
