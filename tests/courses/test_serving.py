"""Serving pages with the site and home page kept in the cache (courses/serving.py) and the
privacy check in one query (courses/models/routing.py): the same pages, to the same people,
as Wagtail's own routing, and an edit is seen on the next request."""

from django.contrib.auth.models import Group

from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction, Site

import pytest

from tests.factories import make_course, make_module, make_translation, publish


def test_a_published_home_page_is_served_as_published_on_the_next_request(amira_client, home):
    assert amira_client.get("/").status_code == 200  # kept
    home.title = "Staff Learning Hub"
    publish(home)
    assert "Staff Learning Hub" in amira_client.get("/").content.decode()


def test_each_language_gets_its_own_home_page(amira_client, home, course):
    arabic = make_translation(home, "ar")
    arabic.title = "مركز التعلّم"
    publish(arabic)
    # English first, so a home page kept for one language would be served in the other.
    assert "مركز التعلّم" not in amira_client.get("/").content.decode()
    assert "مركز التعلّم" in amira_client.get("/ar/").content.decode()
    assert "مركز التعلّم" not in amira_client.get("/").content.decode()


def test_a_translation_added_after_a_visit_is_served(amira_client, home):
    assert amira_client.get("/es/").status_code == 200  # the English home page, kept for Spanish
    spanish = make_translation(home, "es")
    spanish.title = "Centro de aprendizaje"
    publish(spanish)
    assert "Centro de aprendizaje" in amira_client.get("/es/").content.decode()


def test_a_site_moved_to_another_home_page_routes_from_it(amira_client, home, course):
    assert amira_client.get(course.url).status_code == 200
    other = Page.get_first_root_node().add_child(instance=type(home)(title="Other hub", slug="other-hub"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()
    assert amira_client.get("/courses/working-with-influencers/").status_code == 404
    assert "Other hub" in amira_client.get("/").content.decode()


def test_a_host_the_site_does_not_serve_is_refused(amira_client, home):
    assert amira_client.get("/", HTTP_HOST="evil.example.com").status_code == 400


@pytest.fixture
def editors_only(catalogue):
    restriction = PageViewRestriction.objects.create(
        page=catalogue, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get_or_create(name="Editors")[0]])
    return restriction


def test_a_restriction_on_an_ancestor_still_keeps_a_learner_out(amira_client, course, module, editors_only):
    for url in (course.url, module.url):
        response = amira_client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_a_restriction_added_after_a_visit_holds_at_once(amira_client, course, catalogue):
    assert amira_client.get(course.url).status_code == 200
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = amira_client.get(course.url)
    assert isinstance(response.context["form"], PasswordViewRestrictionForm)
    assert course.summary not in response.content.decode()


def _wagtails_restrictions(page):
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


def _ours(page):
    return set(page.specific.get_view_restrictions().values_list("pk", flat=True))


def test_the_one_query_check_finds_what_wagtails_finds(catalogue, course, module, editors_only):
    other_course = make_course(catalogue, title="Other course")
    alias = module.create_alias(parent=other_course, update_slug="alias-of-module")
    alias_of_alias = alias.create_alias(parent=other_course, update_slug="alias-of-alias")
    on_module = PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    # An alias answers for its source: a restriction written on the alias itself is not Wagtail's.
    PageViewRestriction.objects.create(page=alias, restriction_type=PageViewRestriction.LOGIN)
    on_other = PageViewRestriction.objects.create(
        page=other_course, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    unrelated = make_module(make_course(catalogue, title="Third course"))

    for page in (catalogue, course, module, other_course, alias, alias_of_alias, unrelated):
        page = Page.objects.get(pk=page.pk)
        assert _ours(page) == _wagtails_restrictions(page), page.title
    assert _ours(Page.objects.get(pk=alias.pk)) == {editors_only.pk, on_module.pk, on_other.pk}


def test_the_privacy_check_is_one_query(course, module, editors_only, django_assert_num_queries):
    page = Page.objects.get(pk=module.pk).specific
    with django_assert_num_queries(1):
        list(page.get_view_restrictions())


def test_an_unpublished_module_is_gone_on_the_next_request(amira_client, course, module):
    assert amira_client.get(module.url).status_code == 200  # its route is kept
    module.unpublish()
    assert amira_client.get(module.url).status_code == 404


def test_a_moved_module_is_served_at_its_new_address(amira_client, catalogue, course, module):
    old_url = module.url
    assert amira_client.get(old_url).status_code == 200
    other = make_course(catalogue, title="Other course")
    module.move(other, pos="last-child")
    module.refresh_from_db()
    # The old address leads to the new one (Wagtail's redirects made on a move), not to the
    # module served where it was.
    response = amira_client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, module.url)
    assert amira_client.get(module.url).status_code == 200


def test_a_change_committed_by_another_process_is_seen_without_a_shared_cache(amira_client, course, module):
    """Another process's signals do not run here: what it leaves is the tree's version,
    raised in the database with its change."""
    from courses.models import ModulePage, TreeVersion

    assert amira_client.get(module.url).status_code == 200
    ModulePage.objects.filter(pk=module.pk).update(title="Renamed elsewhere")  # no signal here
    TreeVersion.objects.bump()
    assert "Renamed elsewhere" in amira_client.get(module.url).content.decode()


def test_nothing_of_one_learner_reaches_another(amira_client, bruno_client, amira, module):
    from tests.conftest import REFLECTION_ID
    from tests.factories import ReflectionAnswerFactory

    ReflectionAnswerFactory(user=amira, module=module, block_id=REFLECTION_ID, answer="Amira's own words")
    assert "Amira&#x27;s own words" in amira_client.get(module.url).content.decode()
    bruno_page = bruno_client.get(module.url).content.decode()  # the route amira's request kept
    assert "own words" not in bruno_page


def test_a_course_page_lists_a_prerequisite_and_a_quiz_added_after_a_visit(
    amira_client, catalogue, course, module
):
    """The course page keeps its lists of modules and prerequisites on the tree's version:
    a prerequisite or a quiz question saved on its own raises it too."""
    from courses.models import CoursePrerequisite
    from tests.factories import add_question

    basics = make_course(catalogue, title="Basics of safety online")
    page = amira_client.get(course.url).content.decode()
    assert "Basics of safety online" not in page and "Includes a quiz" not in page
    CoursePrerequisite.objects.create(course=course, prerequisite=basics)
    add_question(module, "Who do audiences trust?", [("Peers", True), ("Logos", False)])  # no page save
    page = amira_client.get(course.url).content.decode()
    assert "Basics of safety online" in page
    assert "Includes a quiz" in page


def test_a_preview_never_uses_nor_fills_what_is_kept(amira_client, course, module):
    from courses.models.tree_version import kept_for_tree

    class Request:  # a preview: not served by courses/serving.py, so no tree version
        pass

    calls = []
    assert kept_for_tree(Request(), "anything", lambda: calls.append(1) or "fresh") == "fresh"
    assert kept_for_tree(Request(), "anything", lambda: calls.append(1) or "fresh") == "fresh"
    assert len(calls) == 2


def test_a_module_body_is_kept_until_the_module_is_published_again(amira_client, course):
    from tests.factories import make_module, paragraph

    module = make_module(course, body=[paragraph("<p>First draft of the lesson.</p>")])
    assert "First draft of the lesson." in amira_client.get(module.url).content.decode()
    module.body = [paragraph("<p>The corrected lesson.</p>")]
    publish(module)
    page = amira_client.get(module.url).content.decode()
    assert "The corrected lesson." in page and "First draft" not in page


def test_a_kept_module_body_is_kept_per_language(amira_client, course):
    from tests.factories import make_module

    module = make_module(
        course, body=[{"type": "key_takeaways", "value": {"title": "", "items": ["Ask first"]}}]
    )
    assert "Key takeaways" in amira_client.get(module.url).content.decode()
    # The same (untranslated) module read on the Arabic site: its block's own text in Arabic.
    arabic = amira_client.get(f"/ar{module.url}").content.decode()
    assert "النقاط الرئيسية" in arabic and "Key takeaways" not in arabic


def test_a_kept_module_body_outlives_no_signed_media_link(settings):
    from courses.models.tree_version import KEEP_SECONDS
    from courses.templatetags.course_tags import _body_seconds

    assert _body_seconds() == KEEP_SECONDS
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "x", "OPTIONS": {"querystring_expire": 600}},
    }
    assert _body_seconds() == 300


def test_a_process_serves_what_it_has_read_without_asking_the_shared_cache(amira_client, course, module):
    from django.core.cache import cache

    assert amira_client.get(module.url).status_code == 200
    reads = []
    real_get = cache.get

    def counted(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    cache.get = counted
    try:
        assert amira_client.get(module.url).status_code == 200
    finally:
        del cache.get
    assert not [key for key in reads if key.startswith(("courses.serving.", "courses.tree."))]


def test_what_a_process_keeps_is_a_copy_for_each_request_and_expires(monkeypatch):
    from courses.models import tree_version

    clock = [1000.0]
    monkeypatch.setattr(tree_version.time, "monotonic", lambda: clock[0])
    first = tree_version.kept("courses.tree.7.test", lambda: {"modules": [1, 2]}, seconds=600)
    first["modules"].append("set by one request")
    calls = []
    second = tree_version.kept("courses.tree.7.test", lambda: calls.append(1) or {}, seconds=600)
    assert second == {"modules": [1, 2]} and calls == []  # kept, and untouched by the first
    # The process's copy lives LOCAL_SECONDS; then the shared cache answers (and is copied again).
    clock[0] += tree_version.LOCAL_SECONDS + 1
    from django.core.cache import cache

    cache.delete("courses.tree.7.test")
    assert tree_version.kept("courses.tree.7.test", lambda: {"fresh": True}) == {"fresh": True}


def test_a_process_keeps_a_short_lived_entry_for_half_its_life(monkeypatch):
    from django.core.cache import cache

    from courses.models import tree_version

    clock = [1000.0]
    monkeypatch.setattr(tree_version.time, "monotonic", lambda: clock[0])
    tree_version.kept("courses.tree.7.body", lambda: "<p>signed link</p>", seconds=20)
    cache.delete("courses.tree.7.body")
    clock[0] += 11
    assert tree_version.kept("courses.tree.7.body", lambda: "<p>signed again</p>", seconds=20) == (
        "<p>signed again</p>"
    )


def test_what_a_process_keeps_is_bounded(monkeypatch):
    from courses.models import tree_version

    monkeypatch.setattr(tree_version, "LOCAL_ENTRIES", 3)
    for number in range(5):
        tree_version.kept(f"courses.tree.{number}.page", lambda: "kept")
    assert len(tree_version._local) <= 3


def test_a_restriction_s_groups_changed_after_a_visit_hold_at_once(amira, amira_client, course, catalogue):
    """The restrictions are kept on the tree's version; their groups, and the person's, are
    read on every request."""
    learners = Group.objects.create(name="Field staff")
    amira.groups.add(learners)
    restriction = PageViewRestriction.objects.create(
        page=catalogue, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([learners])
    assert amira_client.get(course.url).status_code == 200  # kept: her group may read
    restriction.groups.set([Group.objects.get_or_create(name="Editors")[0]])
    assert amira_client.get(course.url).status_code == 302  # to sign-in: no longer her group
    amira.groups.add(Group.objects.get(name="Editors"))  # no change to the tree
    assert amira_client.get(course.url).status_code == 200


def test_a_restriction_removed_after_a_visit_opens_the_page(amira_client, course, catalogue, editors_only):
    assert amira_client.get(course.url).status_code == 302
    editors_only.delete()
    assert amira_client.get(course.url).status_code == 200
