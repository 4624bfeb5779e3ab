from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm

from people.models import User

STAFF_FIELDS = [
    "employee_id",
    "full_name",
    "department",
    "country",
    "preferred_language",
    "manager",
    "start_date",
]


class StaffFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        manager = self.fields["manager"]
        manager.queryset = User.objects.filter(is_active=True).order_by("full_name", "username")
        if self.instance.pk:
            manager.queryset = manager.queryset.exclude(pk=self.instance.pk)
        self.fields["start_date"].widget = forms.DateInput(attrs={"type": "date"})

    def clean_manager(self):
        manager = self.cleaned_data.get("manager")
        # Walk up the proposed line: the person must not end up managing themselves.
        seen = set()
        current = manager
        while current is not None and self.instance.pk:
            if current.pk == self.instance.pk:
                raise forms.ValidationError(_("This would make the reporting line a loop."))
            if current.pk in seen:
                break
            seen.add(current.pk)
            current = current.manager
        return manager


class StaffCreationForm(StaffFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(STAFF_FIELDS)


class StaffEditForm(StaffFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(STAFF_FIELDS)
