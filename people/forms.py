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


# Wagtail's user forms declare these; the staff directory has one name, full_name.
NAME_PARTS = ("first_name", "last_name")


class StaffFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in NAME_PARTS:
            self.fields.pop(name, None)
        self.fields["full_name"].required = True
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


ROLE_FIELDS = ("is_superuser", "groups")
PASSWORD_FIELDS = ("password1", "password2")


class AccessFieldsMixin:
    """Administrator, groups and passwords are on the form only for someone who may manage
    roles (``manages_roles``, from ``people.access.can_manage_roles``); without them a posted
    value is simply not a field of the form, so it is never read. ``lock_sign_in`` makes the
    username and email read-only (an account with admin access, edited by HR)."""

    def __init__(self, *args, manages_roles=False, lock_sign_in=False, **kwargs):
        self.manages_roles = manages_roles
        super().__init__(*args, **kwargs)
        if not manages_roles:
            for name in ROLE_FIELDS:
                self.fields.pop(name, None)
        if lock_sign_in:
            for name in ("username", "email"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Only a superuser can change the sign-in details of someone with admin access."
                )

    @property
    def password_enabled(self):
        return self.manages_roles and super().password_enabled

    def save(self, commit=True):
        user = super().save(commit=False)
        if user._state.adding and not self.cleaned_data.get("password1"):
            # As the roster import does: no password anyone else knows.
            user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class StaffCreationForm(StaffFieldsMixin, AccessFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - set(NAME_PARTS)) | set(STAFF_FIELDS)


class StaffEditForm(StaffFieldsMixin, AccessFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - set(NAME_PARTS)) | set(STAFF_FIELDS) | {"partner_organisation"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shown, never changed here: a person joins a partner organisation by its invitation
        # or registration (partners), and moving someone between staff and partners would
        # move them in or out of every staff report and HR feed.
        organisation = self.fields["partner_organisation"]
        organisation.disabled = True
        organisation.help_text = _("Empty for staff. Partner learners join their organisation themselves.")


class AccountNameForm(forms.ModelForm):
    """The admin's own account settings (Wagtail's "Name and Email" panel) with the one name
    the platform keeps, in place of Wagtail's first and last name."""

    email = forms.EmailField(required=True, label=_("Email"))

    def __init__(self, *args, **kwargs):
        from wagtail.admin.views.account import email_management_enabled

        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        if not email_management_enabled():
            del self.fields["email"]

    class Meta:
        model = User
        fields = ["full_name", "email"]
