"""Permission pieces for the admin: a policy for records that are part of the audit trail,
snippet choosers that check the model's permissions, and who counts as a page editor."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser


def edits_pages(user):
    """Whether ``user`` may add, change or publish pages: Wagtail's guides for editors are for them."""
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


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


# --- Snippet choosers ----------------------------------------------------------------------
# Wagtail's snippet chooser lists every row of the model to anyone with admin access. Ours
# show HR records (completions, API clients, departments): only to people with a permission
# on the model, as its listing screen.
ANY_ACTION = ["view", "add", "change", "delete"]


class ModelPermissionRequired:
    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, ANY_ACTION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionCheckedChooserViewSet(chooser.SnippetChooserViewSet):
    """``SnippetViewSet.chooser_viewset_class`` for every snippet of this project."""

    choose_view_class = type("ChooseView", (ModelPermissionRequired, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (ModelPermissionRequired, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (ModelPermissionRequired, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (ModelPermissionRequired, chooser.SnippetChosenMultipleView), {}
    )
    create_view_class = type("CreateView", (ModelPermissionRequired, chooser.SnippetCreateView), {})
