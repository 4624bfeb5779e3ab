"""Who may change whose account. One rule, used by the user screens, the bulk actions and the
roster import:

- Only superusers grant or remove Administrator (``is_superuser``) and groups, edit a
  superuser's account, set another person's password, or change groups' permissions.
- HR admins (``people.change_user``) keep staff *records*: names, email, employee ID,
  department, country, manager, language, start date, active. The sign-in details (username,
  email) of anyone with admin access are theirs only to read: changing them would let HR
  reset that person's password and sign in as them."""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy


def can_manage_roles(user):
    return bool(user.is_active and user.is_superuser)


def has_admin_access(account):
    """A superuser, or a member of any group (every group here grants admin rights)."""
    return account.is_superuser or (account.pk is not None and account.groups.exists())


def can_edit_account(user, account):
    return can_manage_roles(user) or not account.is_superuser


def can_change_sign_in_details(user, account):
    return can_manage_roles(user) or not has_admin_access(account)


class StaffPermissionPolicy(ModelPermissionPolicy):
    """``people.*_user`` as usual, except that only superusers act on superusers."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_edit_account(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        users = super().instances_user_has_any_permission_for(user, actions)
        return users if can_manage_roles(user) else users.filter(is_superuser=False)


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Groups: changing one is granting permissions, so superusers only, whatever
    ``auth.*_group`` permissions anyone else may hold."""

    def user_has_permission(self, user, action):
        return can_manage_roles(user)

    def user_has_any_permission(self, user, actions):
        return can_manage_roles(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
