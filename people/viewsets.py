"""Wagtail's user screens with the staff directory fields, and the rule of people.access:
only superusers touch roles, passwords and superusers' accounts."""

from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.log_actions import log
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import AssignRoleBulkAction, SetActiveStateBulkAction
from wagtail.users.views.users import UserViewSet

from people.access import can_change_sign_in_details, can_edit_account, can_manage_roles
from people.forms import PASSWORD_FIELDS, StaffCreationForm, StaffEditForm
from people.models import staff_q

# Apps above people add buttons to a staff member's page (its "More" menu) through this hook,
# without people importing them: ``fn(user=the staff member, request_user=...)`` returns
# Wagtail buttons (records adds *Export personal data* and *Erase personal data…*).
STAFF_HEADER_BUTTONS_HOOK = "register_staff_header_buttons"


class StaffIndexView(wagtail_users.IndexView):
    """Superusers' accounts are listed for everyone who sees the list, but only superusers
    get a link to edit or copy them. Search looks in the one name, not Wagtail's first and
    last name."""

    search_fields = ["username", "full_name", "email", "employee_id"]

    def get_base_queryset(self):
        # Staff only: partner learners are listed with their organisation
        # (Partner organisations › the organisation), and never mixed into the staff list.
        return super().get_base_queryset().filter(staff_q())

    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            return queryset.order_by(self.ordering.replace("name", "full_name"), "username")
        return super().order_queryset(queryset)

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if can_edit_account(self.request.user, instance) else None

    def get_copy_url(self, instance):
        return super().get_copy_url(instance) if can_edit_account(self.request.user, instance) else None


class StaffCreateView(wagtail_users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "manages_roles": can_manage_roles(self.request.user)}


class StaffEditView(wagtail_users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not can_edit_account(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for hook in hooks.get_hooks(STAFF_HEADER_BUTTONS_HOOK):
            buttons.extend(hook(user=self.object, request_user=self.request.user))
        return buttons

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "manages_roles": can_manage_roles(self.request.user),
            "lock_sign_in": not can_change_sign_in_details(self.request.user, self.object),
        }

    def save_instance(self):
        """As Wagtail's, with the changed fields in the audit entry (a password only as the
        word "password")."""
        fields = sorted(name for name in self.form.changed_data if name not in PASSWORD_FIELDS)
        if self.form.cleaned_data.get("password1"):
            fields.append("password")
        self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        log(
            instance=self.form.instance,
            action="wagtail.edit",
            user=self.request.user,
            content_changed=bool(fields),
            data={"fields": fields},
        )
        if self.object == self.request.user and "password" in fields:
            update_session_auth_hash(self.request, self.object)
        return self.form.instance


class StaffUserViewSet(UserViewSet):
    """Wagtail's user screens, with the staff directory fields HR edits."""

    index_view_class = StaffIndexView
    add_view_class = StaffCreateView
    edit_view_class = StaffEditView

    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm


class StaffListingSearch:
    """ "Select all" after a search acts on the people the listing found (its search fields),
    not on Wagtail's default of username, first and last name and email."""

    def get_all_objects_in_listing_query(self, parent_id):
        people = self.model.objects.values_list("pk", flat=True)
        if query := self.request.GET.get("q"):
            match = Q()
            for name in StaffIndexView.search_fields:
                match |= Q(**{f"{name}__icontains": query})
            people = people.filter(match)
        return people


class SuperuserAssignRoleBulkAction(StaffListingSearch, AssignRoleBulkAction):
    """Putting people in a group is granting roles: superusers only."""

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_roles(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffSetActiveStateBulkAction(StaffListingSearch, SetActiveStateBulkAction):
    """HR may switch staff on and off, never a superuser. As Wagtail's, but through
    ``StaffQuerySet.deactivate``/``reactivate``, so the retention clock (``left_on``) follows."""

    def check_perm(self, obj):
        return super().check_perm(obj) and can_edit_account(self.request.user, obj)

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, **kwargs):
        model = model or cls.get_default_model()
        user = kwargs.get("user")
        people = model.objects.filter(pk__in=[obj.pk for obj in objects if user is None or obj.pk != user.pk])
        changed = people.reactivate() if mark_as_active else people.deactivate()
        return changed, 0
