from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import CoursePage


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write an answer before saving.")},
    )


class AssignmentRuleForm(WagtailAdminModelForm):
    """The course is picked from a list of the live courses by code and title, in the site's
    main language (a rule assigns a course whatever language its learners read it in), not
    through Wagtail's page tree, which opened at its root with every language's tree in it.
    A rule saved earlier keeps its course in the list, whichever it is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["course"]
        listed = Q(live=True, locale__language_code=settings.LANGUAGE_CODE)
        if self.instance.course_id:
            listed |= Q(pk=self.instance.course_id)
        field.queryset = CoursePage.objects.filter(listed).order_by("course_code", "title")
        field.label_from_instance = lambda course: f"{course.course_code} – {course.title}"
