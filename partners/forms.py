from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.hashers import make_password
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.joining import organisation_for_email


class JoinForm(forms.Form):
    """Joining with an invitation: the organisation is the invitation's."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send a link to this address: your account is ready once you follow it."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", (get_language() or "en")[:2])
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match."))
        elif first:
            User = get_user_model()
            probe = User(
                username=(cleaned.get("email") or "").split("@")[0],
                email=cleaned.get("email") or "",
                full_name=cleaned.get("full_name") or "",
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def password_hash(self):
        return make_password(self.cleaned_data["password1"])


class RegisterForm(JoinForm):
    """Registering without an invitation: the address's domain names the organisation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "Use your address at your organisation: only partner organisations' addresses can register. "
            "We send a link to it: your account is ready once you follow it."
        )
        self.organisation = None

    def clean_email(self):
        email = super().clean_email()
        self.organisation = organisation_for_email(email)
        if self.organisation is None:
            raise forms.ValidationError(
                _(
                    "This address is not at a partner organisation's domain. Use your work address, "
                    "or ask your organisation's focal point for an invitation."
                ),
                code="domain_not_allowed",
            )
        return email
