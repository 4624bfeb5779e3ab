from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("Staff directory")

    def ready(self):
        # Imported here, not at the top: this module is loaded before any model is, and
        # people.roles uses the role groups' and Wagtail's models.
        from . import admin_access
        from .roles import ensure_roles

        admin_access.connect()

        # Wagtail's account settings edit first and last name, which the staff directory
        # does not have (people.models.User): the panel edits the one full name instead.
        from wagtail.admin.views.account import NameEmailSettingsPanel

        from .forms import AccountNameForm

        NameEmailSettingsPanel.form_class = AccountNameForm

        # Every migrate (and every test database flush) leaves the role groups,
        # the content locales and the review workflow in place.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="people.ensure_roles")


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """Replaces ``wagtail.users`` in INSTALLED_APPS so the user screens show staff fields."""

    default = False
    user_viewset = "people.viewsets.StaffUserViewSet"

    def ready(self):
        super().ready()
        # Imported here, not at the top: this module is loaded before any model is.
        from django.contrib.auth.models import Group

        from wagtail.permissions import register_permission_policy

        from .access import StaffPermissionPolicy, SuperuserOnlyPolicy

        # Replace the plain model policies Wagtail registered just now (people.access).
        User = get_user_model()
        register_permission_policy(User, StaffPermissionPolicy(User))
        register_permission_policy(Group, SuperuserOnlyPolicy(Group))
