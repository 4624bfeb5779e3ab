from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from courses import serving, versions
        from courses.models import translations

        serving.connect()
        translations.connect()
        # Each publish of a module keeps its version (a material change moves it on).
        versions.connect()
