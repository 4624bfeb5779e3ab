from wagtail.users.views.users import UserViewSet

from people.forms import StaffCreationForm, StaffEditForm


class StaffUserViewSet(UserViewSet):
    """Wagtail's user screens, with the staff directory fields HR edits."""

    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm
