"""Finding the person a privacy command is about: by employee ID (staff, as before), or by
email or username (partner learners have no employee ID)."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def add_person_arguments(parser):
    parser.add_argument("employee_id", nargs="?", help="The person's employee ID (staff).")
    parser.add_argument("--email", help="The person's email address, in any case (partner learners).")
    parser.add_argument("--username", help="The person's username.")


def find_person(employee_id=None, email=None, username=None, nobody="No person"):
    """The one person named by exactly one of the three, or CommandError (``nobody`` starts
    its message: each command keeps the words it always had)."""
    given = [value for value in (employee_id, email, username) if value and value.strip()]
    if len(given) != 1:
        raise CommandError("Name the person by one of: EMPLOYEE_ID, --email or --username.")
    people = get_user_model().objects
    if employee_id:
        found, what = people.filter(employee_id=employee_id.strip()), f"the employee ID {employee_id!r}"
    elif email:
        found, what = people.filter(email__iexact=email.strip()), f"the email {email!r}"
    else:
        found, what = people.filter(username=username.strip()), f"the username {username!r}"
    matches = list(found[:2])
    if not matches:
        # An erased person has none of these any more: erasing them again finds nobody.
        raise CommandError(f"{nobody} has {what}.")
    if len(matches) > 1:
        raise CommandError(f"More than one person has {what}: use --username.")
    return matches[0]
