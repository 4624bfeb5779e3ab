"""The staff member: employee ID, case-insensitive email, manager line."""

from django.db import IntegrityError, transaction

import pytest

from people.models import User
from tests.factories import DepartmentFactory, UserFactory


def test_blank_employee_ids_are_stored_as_none_and_do_not_clash(db):
    first = UserFactory(employee_id="")
    second = UserFactory(employee_id="   ")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.employee_id is None and second.employee_id is None


def test_employee_id_is_trimmed_and_unique(db):
    user = UserFactory(employee_id=" E42 ")
    user.refresh_from_db()
    assert user.employee_id == "E42"
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(employee_id="E42")


def test_email_is_unique_whatever_its_case(amira):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="amira2", email="AMIRA.HADDAD@example.org")


def test_nobody_is_their_own_manager(amira):
    amira.manager = amira
    with pytest.raises(IntegrityError), transaction.atomic():
        amira.save()


def test_manager_sees_their_reports(amira, bruno, chen):
    assert list(bruno.reports.all()) == [amira]
    assert amira.manager == bruno


def test_deleting_a_manager_keeps_their_reports(amira, bruno):
    bruno.delete()
    amira.refresh_from_db()
    assert amira.manager is None


def test_a_department_with_staff_cannot_be_deleted(amira, communications):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        communications.delete()


def test_staff_member_is_shown_by_full_name(amira):
    assert str(amira) == "Amira Haddad"
    assert amira.get_full_name() == "Amira Haddad"


def test_staff_member_without_names_is_shown_by_username(db):
    user = UserFactory(username="nameless", full_name="")
    assert str(user) == "nameless"


def test_natural_key_lookup_accepts_username_or_email(amira):
    assert User.objects.get_by_natural_key("amira") == amira
    assert User.objects.get_by_natural_key("amira.haddad@EXAMPLE.org") == amira


def test_department_names_are_unique(db):
    from people.models import Department

    DepartmentFactory(name="Research")
    with pytest.raises(IntegrityError), transaction.atomic():
        Department.objects.create(name="Research")
