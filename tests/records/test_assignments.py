"""Assignment rules: who a rule enrols, with which due date, and what it leaves alone."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from people.lines import reporting_line_ids
from records.models import AssignmentRule, Enrolment
from records.services.assignments import apply_all_rules, apply_rule
from tests.factories import AssignmentRuleFactory, DepartmentFactory, EnrolmentFactory, UserFactory

TODAY = date(2026, 3, 2)
Target = AssignmentRule.Target


def enrolled(course):
    return set(
        Enrolment.objects.filter(course_code=course.course_code).values_list("user__username", flat=True)
    )


def test_rule_copies_the_course_code_and_keeps_it_when_the_page_goes(course):
    rule = AssignmentRuleFactory(course=course)
    assert rule.course_code == "INF-101"
    course.delete()
    rule.refresh_from_db()
    assert rule.course is None
    assert rule.course_code == "INF-101"


def test_department_rule_enrols_the_department_with_a_due_date(course, amira, bruno, chen):
    rule = AssignmentRuleFactory(
        course=course, target=Target.DEPARTMENT, department=amira.department, due_days=14
    )
    assert apply_rule(rule, TODAY) == 2
    assert enrolled(course) == {"amira", "bruno"}
    enrolment = Enrolment.objects.get(user=amira)
    assert enrolment.source == Enrolment.Source.ASSIGNED
    assert enrolment.status == Enrolment.Status.NOT_STARTED
    assert enrolment.due_date == TODAY + timedelta(days=14)
    assert enrolment.assignment_rule == rule
    assert enrolment.course_title == course.title


def test_country_rule_ignores_case(course, db):
    UserFactory(username="lucia", country="Spain")
    UserFactory(username="pablo", country="  SPAIN ".strip().lower())
    UserFactory(username="jean", country="France")
    apply_rule(AssignmentRuleFactory(course=course, target=Target.COUNTRY, country="spain "), TODAY)
    assert enrolled(course) == {"lucia", "pablo"}


def test_reporting_line_rule_reaches_three_levels_down(course, db):
    boss = UserFactory(username="boss")
    head = UserFactory(username="head", manager=boss)
    lead = UserFactory(username="lead", manager=head)
    UserFactory(username="member", manager=lead)
    UserFactory(username="outsider")
    assert (
        apply_rule(AssignmentRuleFactory(course=course, target=Target.REPORTING_LINE, manager=boss), TODAY)
        == 3
    )
    assert enrolled(course) == {"head", "lead", "member"}


def test_reporting_line_survives_a_loop_in_the_data(db):
    first = UserFactory(username="first")
    second = UserFactory(username="second", manager=first)
    first.manager = second
    first.save()
    assert reporting_line_ids(first.pk) == {second.pk}


def test_everyone_rule_skips_inactive_people(course, amira, chen):
    UserFactory(username="leaver", is_active=False)
    apply_rule(AssignmentRuleFactory(course=course), TODAY)
    assert enrolled(course) == {"amira", "bruno", "chen"}


def test_everyone_rule_skips_superusers(course, amira, chen):
    """The platform's administrator account is not staff in training (it was enrolled)."""
    UserFactory(username="root", is_superuser=True, is_staff=True)
    apply_rule(AssignmentRuleFactory(course=course), TODAY)
    assert enrolled(course) == {"amira", "bruno", "chen"}


def test_due_date_counts_from_the_start_date_when_the_rule_says_so(course, db):
    UserFactory(username="joiner", start_date=date(2026, 2, 20))
    UserFactory(username="undated", start_date=None)
    UserFactory(username="veteran", start_date=date(2015, 1, 5))
    rule = AssignmentRuleFactory(course=course, due_from=AssignmentRule.DueFrom.START_DATE, due_days=10)
    apply_rule(rule, TODAY)
    dues = dict(Enrolment.objects.values_list("user__username", "due_date"))
    # Without a start date, or when start + N has already passed, the assignment date counts.
    assert dues == {
        "joiner": date(2026, 3, 2),
        "undated": TODAY + timedelta(days=10),
        "veteran": TODAY + timedelta(days=10),
    }


def test_existing_enrolments_are_untouched_except_a_missing_due_date(course, amira, chen):
    dated = EnrolmentFactory(
        user=amira, course=course, status=Enrolment.Status.IN_PROGRESS, due_date=date(2026, 6, 1)
    )
    undated = EnrolmentFactory(user=chen, course=course, status=Enrolment.Status.IN_PROGRESS)
    apply_rule(AssignmentRuleFactory(course=course, due_days=7), TODAY)
    dated.refresh_from_db()
    undated.refresh_from_db()
    assert (dated.source, dated.status, dated.due_date) == ("self", "in_progress", date(2026, 6, 1))
    assert (undated.source, undated.status, undated.due_date) == (
        "self",
        "in_progress",
        TODAY + timedelta(days=7),
    )


def test_start_date_rule_dates_an_undated_self_enrolment(course, db):
    person = UserFactory(username="selfie", start_date=date(2026, 2, 15))
    EnrolmentFactory(user=person, course=course)
    apply_rule(
        AssignmentRuleFactory(course=course, due_from=AssignmentRule.DueFrom.START_DATE, due_days=31), TODAY
    )
    assert Enrolment.objects.get(user=person).due_date == date(2026, 3, 18)


def test_new_joiner_is_picked_up_when_the_rules_are_applied_again(course, communications, amira):
    AssignmentRuleFactory(course=course, target=Target.DEPARTMENT, department=communications)
    apply_all_rules(TODAY)
    joiner = UserFactory(username="joiner", department=communications)
    mover = UserFactory(username="mover", department=DepartmentFactory(name="Legal"))
    mover.department = communications
    mover.save()
    assert apply_all_rules(TODAY + timedelta(days=1)) == 2
    assert {"joiner", "mover"} <= enrolled(course)
    assert Enrolment.objects.get(user=joiner).due_date == TODAY + timedelta(days=31)
    assert apply_all_rules(TODAY + timedelta(days=2)) == 0


def test_deactivating_a_rule_keeps_its_enrolments(course, amira):
    rule = AssignmentRuleFactory(course=course)
    apply_all_rules(TODAY)
    rule.active = False
    rule.save()
    UserFactory(username="late")
    assert apply_all_rules(TODAY) == 0
    assert "amira" in enrolled(course) and "late" not in enrolled(course)
    rule.delete()
    assert Enrolment.objects.get(user=amira).assignment_rule is None


def test_rule_needs_its_target(course):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        AssignmentRule(course=course, target=Target.DEPARTMENT).full_clean()


def _cost(course, people):
    """Queries to apply a rule by assignment date and one by start date to ``people``
    people, half of whom enrolled themselves without a due date."""
    country = f"Land {people}"
    AssignmentRule.objects.update(active=False)
    AssignmentRuleFactory(course=course, target=Target.COUNTRY, country=country)
    AssignmentRuleFactory(
        course=course, target=Target.COUNTRY, country=country, due_from=AssignmentRule.DueFrom.START_DATE
    )
    staff = [UserFactory(country=country, start_date=date(2026, 1, 5)) for _ in range(people)]
    Enrolment.objects.bulk_create(
        Enrolment(user=person, course=course, course_code=course.course_code, course_title=course.title)
        for person in staff[::2]
    )
    with CaptureQueriesContext(connection) as queries:
        apply_all_rules(TODAY)
    assert Enrolment.objects.filter(user__country=country, due_date__isnull=False).count() == people
    return len(queries)


def test_apply_all_rules_costs_the_same_for_10_or_100_people(course):
    assert _cost(course, 10) == _cost(course, 100)


def test_roster_import_signal_applies_the_rules(course, communications):
    from people.signals import roster_imported

    AssignmentRuleFactory(course=course, target=Target.DEPARTMENT, department=communications)
    joiner = UserFactory(username="joiner", department=communications)
    roster_imported.send(sender=None, created=[joiner], updated=[], deactivated=[])
    assert Enrolment.objects.filter(user=joiner, course_code=course.course_code).exists()


def test_hr_admin_manages_rules_in_the_admin(client, course, communications):
    from django.urls import reverse

    from people.roles import HR_ADMINS

    AssignmentRuleFactory(course=course, target=Target.DEPARTMENT, department=communications)
    client.force_login(UserFactory(username="hilda", groups=[HR_ADMINS]))
    listing = client.get(reverse("wagtailsnippets_records_assignmentrule:list"))
    assert listing.status_code == 200
    assert "Working with influencers" in listing.content.decode()
    add = client.get(reverse("wagtailsnippets_records_assignmentrule:add"))
    assert add.status_code == 200
    response = client.post(
        reverse("wagtailsnippets_records_assignmentrule:add"),
        {
            "course": course.pk,
            "target": "country",
            "country": "Kenya",
            "due_days": 14,
            "due_from": "assignment",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert AssignmentRule.objects.get(country="Kenya").course_code == "INF-101"


def test_a_rule_saved_in_the_admin_applies_at_once(client, course, communications, amira, chen):
    from django.urls import reverse

    from people.roles import HR_ADMINS

    client.force_login(UserFactory(username="hilda", groups=[HR_ADMINS]))
    form = {
        "course": course.pk,
        "target": "department",
        "department": communications.pk,
        "due_days": 14,
        "due_from": "assignment",
        "active": "on",
    }
    response = client.post(reverse("wagtailsnippets_records_assignmentrule:add"), form, follow=True)
    assert "Rule applied: 2 people enrolled." in response.content.decode()
    assert enrolled(course) == {"amira", "bruno"}
    rule = AssignmentRule.objects.get()
    # Editing it to reach everyone enrols the others; an inactive rule enrols nobody.
    form.update(target="everyone", department="")
    client.post(reverse("wagtailsnippets_records_assignmentrule:edit", args=[rule.pk]), form)
    assert {"amira", "bruno", "chen", "hilda"} <= enrolled(course)
    UserFactory(username="dora")
    form["active"] = ""
    client.post(reverse("wagtailsnippets_records_assignmentrule:edit", args=[rule.pk]), form)
    assert "dora" not in enrolled(course)


def test_staff_without_the_role_cannot_see_rules(client, amira):
    from django.urls import reverse

    client.force_login(amira)
    response = client.get(reverse("wagtailsnippets_records_assignmentrule:list"))
    assert response.status_code in (302, 403)


def test_a_rule_s_course_is_chosen_from_the_courses_by_code(client, course, catalogue):
    """Found in use: the course chooser opened Wagtail's page tree at its root, every
    language's tree in it. The form lists the live courses in the main language by code."""
    from django.urls import reverse

    from people.roles import HR_ADMINS
    from tests.factories import make_course, make_translation
    from tests.htmlutils import elements, text_of

    make_translation(course, "ar")
    draft = make_course(catalogue, title="Not yet published", course_code="DRF-101")
    draft.unpublish()
    client.force_login(UserFactory(username="hilda", groups=[HR_ADMINS]))
    page = client.get(reverse("wagtailsnippets_records_assignmentrule:add"))
    (select,) = elements(page, "select", id="id_course")
    options = [text_of(option) for option in select.find_all("option") if option.get("value")]
    assert options == ["INF-101 – Working with influencers"]
    # A rule saved earlier on another page keeps it in the list.
    rule = AssignmentRuleFactory(course=draft, target=Target.EVERYONE)
    page = client.get(reverse("wagtailsnippets_records_assignmentrule:edit", args=[rule.pk]))
    (select,) = elements(page, "select", id="id_course")
    assert "DRF-101 – Not yet published" in [text_of(option) for option in select.find_all("option")]
