"""Wagtail's editor toolbar on the learner site: for the people who may use the admin only,
and without a permission query on every page for everyone else."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.roles import EDITORS

USERBAR = 'id="wagtail-userbar-template"'


def _permission_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        html = client.get(url).content.decode()
    return html, [q["sql"] for q in context.captured_queries if "auth_permission" in q["sql"]]


def test_editors_see_the_toolbar(eve_client, module):
    assert USERBAR in eve_client.get(module.url).content.decode()


def test_learners_do_not_see_it_and_their_permissions_are_not_read_again(amira_client, module):
    html, permission_queries = _permission_queries(amira_client, module.url)
    assert USERBAR not in html
    html, permission_queries = _permission_queries(amira_client, module.url)
    assert USERBAR not in html and permission_queries == []


def test_a_new_editor_sees_it_on_the_next_page(amira, amira_client, module):
    assert USERBAR not in amira_client.get(module.url).content.decode()
    amira.groups.add(Group.objects.get(name=EDITORS))
    assert USERBAR in amira_client.get(module.url).content.decode()


def test_an_editor_whose_role_is_removed_no_longer_sees_it(eve, eve_client, module):
    assert USERBAR in eve_client.get(module.url).content.decode()
    eve.groups.clear()
    assert USERBAR not in eve_client.get(module.url).content.decode()


def test_it_goes_when_the_role_loses_admin_access(eve_client, module):
    from django.contrib.auth.models import Permission

    assert USERBAR in eve_client.get(module.url).content.decode()
    editors = Group.objects.get(name=EDITORS)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editors.permissions.remove(access)
    assert USERBAR not in eve_client.get(module.url).content.decode()
