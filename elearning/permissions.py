"""A permission policy for admin records that are part of the audit trail."""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy


class LimitedPermissionPolicy(ModelPermissionPolicy):
    """Honours only ``actions``; everything else (typically "delete") is refused to
    everyone, superusers included."""

    actions = frozenset()

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.actions]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
