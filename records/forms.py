from django import forms
from django.utils.translation import gettext_lazy as _


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write an answer before saving.")},
    )
