"""The roster import logic (people.roster): parse, validate, plan, apply."""

from datetime import date
from pathlib import Path

from django.conf import settings

import pytest

from people.models import Department, User
from people.roster import import_roster
from people.signals import roster_imported
from tests.factories import DepartmentFactory, UserFactory

HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)
SAMPLE = Path(settings.BASE_DIR) / "samples" / "roster.csv"


def roster(*lines, header=HEADER):
    return "\n".join([header, *lines]) + "\n"


def errors_of(result):
    return [(error.line, error.employee_id, error.message) for error in result.errors]


GOOD = roster(
    "E1,nadia@example.org,Nadia Rahman,Leadership,London,,en,2015-03-02,true",
    "E3,sofia@example.org,Sofía Álvarez,Americas,Mexico City,E2,es,2016-01-18,",
    "E2,lucas@example.org,Lucas Moreau,Campaigns,Paris,E1,fr,2017-09-11,yes",
    "E4,omar@example.org,Omar Khalil,MENA,Tunis,E2,ar,2018-05-07,0",
)


@pytest.mark.django_db
def test_good_file_creates_everyone_with_their_fields():
    result = import_roster(GOOD)

    assert result.errors == []
    assert result.written
    assert len(result.created) == 4
    sofia = User.objects.get(employee_id="E3")
    assert sofia.username == "e3"
    assert sofia.email == "sofia@example.org"
    assert sofia.full_name == "Sofía Álvarez"
    assert sofia.department.name == "Americas"
    assert sofia.country == "Mexico City"
    assert sofia.preferred_language == "es"
    assert sofia.start_date == date(2016, 1, 18)
    assert sofia.is_active
    assert not sofia.has_usable_password()
    assert User.objects.get(employee_id="E4").is_active is False
    assert set(Department.objects.values_list("name", flat=True)) == {
        "Leadership",
        "Americas",
        "Campaigns",
        "MENA",
    }


@pytest.mark.django_db
def test_managers_may_appear_after_their_reports():
    import_roster(GOOD)

    sofia = User.objects.get(employee_id="E3")
    assert sofia.manager.employee_id == "E2"
    assert sofia.manager.manager.employee_id == "E1"


@pytest.mark.django_db
def test_existing_people_are_updated_by_employee_id_and_departments_reused():
    research = DepartmentFactory(name="Research")
    UserFactory(username="nadia", employee_id="E1", email="old@example.org", department=research)

    result = import_roster(roster("E1,nadia@example.org,Nadia Rahman,research,Geneva,,fr,,"))

    assert [user.employee_id for user in result.updated] == ["E1"]
    nadia = User.objects.get(employee_id="E1")
    assert (nadia.username, nadia.email, nadia.department, nadia.country) == (
        "nadia",
        "nadia@example.org",
        research,
        "Geneva",
    )
    assert Department.objects.count() == 1


@pytest.mark.django_db
def test_account_without_employee_id_is_linked_by_email():
    account = UserFactory(username="grace", employee_id=None, email="Grace@example.org")

    result = import_roster(roster("E9,grace@example.org,Grace Achieng,,,,,,"))

    assert result.errors == []
    account.refresh_from_db()
    assert account.employee_id == "E9"
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing():
    import_roster(GOOD)
    second = import_roster(GOOD)

    assert second.created == [] and second.updated == []
    assert len(second.unchanged) == 4


@pytest.mark.django_db
def test_sample_file_imports_cleanly():
    result = import_roster(SAMPLE.read_bytes())

    assert result.errors == []
    assert len(result.created) == 15
    assert User.objects.get(employee_id="HR-1015").is_active is False


@pytest.mark.django_db
def test_bom_and_header_case_and_order_are_accepted():
    data = "\ufeffEMAIL,Employee_ID,Full Name,Preferred_Language\r\nana@example.org,E7,Ana Lima,ES\r\n"

    result = import_roster(data.encode("utf-8"))

    assert result.errors == []
    ana = User.objects.get(employee_id="E7")
    assert (ana.email, ana.full_name, ana.preferred_language) == ("ana@example.org", "Ana Lima", "es")


@pytest.mark.django_db
def test_every_kind_of_bad_row_is_reported_with_its_line():
    UserFactory(username="taken", employee_id="DB1", email="taken@example.org")
    data = roster(
        "E1,ok@example.org,Fine,,,,en,,",  # line 2
        ",missing-id@example.org,No ID,,,,,,",  # 3
        "E2,dup1@example.org,First,,,,,,",  # 4
        "E2,dup2@example.org,Second,,,,,,",  # 5
        "E3,not-an-email,Bad Email,,,,,,",  # 6
        "E4,same@example.org,Same A,,,,,,",  # 7
        "E5,SAME@example.org,Same B,,,,,,",  # 8
        "E6,taken@example.org,Clash,,,,,,",  # 9
        "E7,e7@example.org,Lang,,,,de,,",  # 10
        "E8,e8@example.org,Date,,,,,2024-13-01,",  # 11
        "E9,e9@example.org,Active,,,,,,maybe",  # 12
        "E10,e10@example.org,Unknown manager,,,NOPE,,,",  # 13
        "E11,e11@example.org,Self,,,E11,,,",  # 14
        "E12,,No email,,,,,,",  # 15
    )

    result = import_roster(data)

    assert errors_of(result) == [
        (3, "", "missing employee ID"),
        (4, "E2", "duplicate employee ID in file (lines 4, 5)"),
        (5, "E2", "duplicate employee ID in file (lines 4, 5)"),
        (6, "E3", 'invalid email "not-an-email"'),
        (7, "E4", "duplicate email in file (lines 7, 8)"),
        (8, "E5", "duplicate email in file (lines 7, 8)"),
        (9, "E6", 'email "taken@example.org" already belongs to another person (DB1)'),
        (10, "E7", 'unknown language "de"; use one of en, es, fr, ar'),
        (11, "E8", 'bad start date "2024-13-01"; use YYYY-MM-DD'),
        (12, "E9", 'bad active value "maybe"; use true/false, yes/no or 1/0'),
        (14, "E11", "a person cannot be their own manager"),
        (15, "E12", "missing email"),
    ]
    # An unknown manager is a warning, not an error (people.roster's docstring).
    assert [(w.line, w.employee_id, w.message) for w in result.warnings] == [
        (13, "E10", 'unknown manager "NOPE": not in the file or the database; no manager is set'),
    ]
    assert not result.written
    assert User.objects.count() == 1  # nothing written, not even the good row


@pytest.mark.django_db
def test_line_numbers_are_physical_lines():
    data = roster(
        "", "E1,a@example.org,A,,,,,,", '"E2","b@example.org","B on\ntwo lines",,,,,,', "E3,bad,C,,,,,,"
    )

    result = import_roster(data)

    assert errors_of(result) == [(6, "E3", 'invalid email "bad"')]


@pytest.mark.django_db
def test_unknown_and_missing_columns_are_reported_on_line_1():
    result = import_roster("employee_id,full_name,shoe_size\nE1,A,42\n")

    messages = [message for line, _id, message in errors_of(result) if line == 1]
    assert any('unknown column "shoe_size"' in message for message in messages)
    assert 'missing column "email"' in messages


@pytest.mark.django_db
def test_non_utf8_file_is_refused():
    result = import_roster(roster("E1,a@example.org,Caf\xe9,,,,,,").encode("latin-1"))

    assert errors_of(result) == [(2, "", "the file is not UTF-8 text; save it as CSV UTF-8")]


@pytest.mark.django_db
def test_cycle_in_file_names_the_rows():
    data = roster(
        "E1,a@example.org,A,,,E2,,,",
        "E2,b@example.org,B,,,E3,,,",
        "E3,c@example.org,C,,,E1,,,",
        "E4,d@example.org,D,,,E1,,,",
    )

    result = import_roster(data)

    cycle = "the manager line forms a cycle: E1 (line 2) → E2 (line 3) → E3 (line 4) → E1 (line 2)"
    assert errors_of(result)[:3] == [(2, "E1", cycle), (3, "E2", cycle), (4, "E3", cycle)]
    assert errors_of(result)[3] == (5, "E4", "manager E1 is on line 2, which has errors")


@pytest.mark.django_db
def test_cycle_through_the_database_is_an_error():
    a = UserFactory(username="a", employee_id="A")
    UserFactory(username="b", employee_id="B", manager=a)

    result = import_roster(roster("A,a@example.org,A,,,B,,,"))

    assert errors_of(result) == [
        (2, "A", "the manager line forms a cycle: A (line 2) → B (in the database) → A (line 2)")
    ]


@pytest.mark.django_db
def test_moving_people_out_of_an_old_cycle_is_fine():
    a = UserFactory(username="a", employee_id="A")
    UserFactory(username="b", employee_id="B", manager=a)

    result = import_roster(roster("A,a@example.org,A,,,B,,,", "B,b@example.org,B,,,,,,"))

    assert result.errors == []
    assert User.objects.get(employee_id="A").manager.employee_id == "B"
    assert User.objects.get(employee_id="B").manager is None


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_reports_the_plan():
    UserFactory(username="kept", employee_id="K1")

    result = import_roster(GOOD, dry_run=True, deactivate_missing=True)

    assert not result.written
    assert len(result.created) == 4
    assert [user.employee_id for user in result.deactivated] == ["K1"]
    assert User.objects.count() == 1
    assert User.objects.get(employee_id="K1").is_active
    assert not Department.objects.exists()


@pytest.mark.django_db
def test_deactivate_missing_spares_superusers_and_accounts_without_employee_id(superuser):
    gone = UserFactory(username="gone", employee_id="GONE")
    no_id = UserFactory(username="noid", employee_id=None)

    result = import_roster(GOOD, deactivate_missing=True)

    assert [user.employee_id for user in result.deactivated] == ["GONE"]
    gone.refresh_from_db()
    no_id.refresh_from_db()
    superuser.refresh_from_db()
    assert not gone.is_active
    assert no_id.is_active and superuser.is_active
    assert User.objects.filter(pk=gone.pk).exists()  # never deleted


@pytest.mark.django_db
def test_empty_file_never_deactivates_everyone():
    UserFactory(username="kept", employee_id="K1")

    result = import_roster(roster(), deactivate_missing=True)

    assert errors_of(result) == [(1, "", "the file has no rows: refusing to deactivate everyone")]
    assert User.objects.get(employee_id="K1").is_active


@pytest.mark.django_db
def test_mover_to_a_new_department_and_manager():
    research = DepartmentFactory(name="Research")
    boss = UserFactory(username="boss", employee_id="B1")
    UserFactory(username="mover", employee_id="M1", email="m@example.org", department=research, manager=boss)

    result = import_roster(
        roster("M1,m@example.org,Mover,Youth Engagement,Dakar,N1,French,,", "N1,n@example.org,New Boss,,,,,,")
    )

    assert result.errors == []
    assert [user.employee_id for user in result.updated] == ["M1"]
    mover = User.objects.get(employee_id="M1")
    assert (mover.department.name, mover.manager.employee_id, mover.preferred_language) == (
        "Youth Engagement",
        "N1",
        "fr",
    )


@pytest.mark.django_db
def test_without_deactivate_missing_nobody_else_changes():
    other = UserFactory(username="other", employee_id="OTHER")

    import_roster(GOOD)

    other.refresh_from_db()
    assert other.is_active


@pytest.mark.django_db
def test_leaver_row_deactivates_and_keeps_the_record():
    UserFactory(username="leaver", employee_id="L1", email="leaver@example.org")

    result = import_roster(roster("L1,leaver@example.org,Leaver,,,,,,false"))

    assert [user.employee_id for user in result.updated] == ["L1"]
    assert User.objects.get(employee_id="L1").is_active is False


@pytest.mark.django_db
def test_skip_invalid_writes_the_valid_rows_only():
    data = roster(
        "E1,a@example.org,A,,,,,,",
        "E2,bad-email,B,,,E1,,,",
        "E3,c@example.org,C,,,E2,,,",  # manager on an invalid row: invalid too
        "E4,d@example.org,D,,,E1,,,",
    )

    result = import_roster(data, skip_invalid=True)

    assert [line for line, _id, _message in errors_of(result)] == [3, 4]
    assert errors_of(result)[1] == (4, "E3", "manager E2 is on line 3, which has errors")
    assert result.written
    assert set(User.objects.values_list("employee_id", flat=True)) == {"E1", "E4"}
    assert User.objects.get(employee_id="E4").manager.employee_id == "E1"


@pytest.mark.django_db
def test_signal_sent_with_new_joiners_and_movers_after_import():
    UserFactory(username="mover", employee_id="E1", email="nadia@example.org", full_name="Nadia Rahman")
    received = []

    def receiver(sender, created, updated, **kwargs):
        received.append(([u.employee_id for u in created], [u.employee_id for u in updated]))

    roster_imported.connect(receiver)
    try:
        import_roster(GOOD, dry_run=True)
        assert received == []
        import_roster(GOOD)
    finally:
        roster_imported.disconnect(receiver)

    assert received == [(["E3", "E2", "E4"], ["E1"])]


@pytest.mark.django_db
def test_two_thousand_rows_import_with_bounded_queries(django_assert_max_num_queries):
    lines = [
        f"E{n},person{n}@example.org,Person {n},Dept {n % 20},Office {n % 7},{f'E{n // 10}' if n >= 10 else ''},en,2020-01-01,"
        for n in range(2000)
    ]
    data = roster(*lines)

    with django_assert_max_num_queries(60):
        result = import_roster(data)
    assert result.errors == []
    assert len(result.created) == 2000
    assert User.objects.get(employee_id="E1999").manager.employee_id == "E199"

    with django_assert_max_num_queries(60):
        again = import_roster(data.replace("Office 3", "Office three"))
    assert len(again.updated) == len([n for n in range(2000) if n % 7 == 3])
