"""Erasing a person's personal data (records.privacy.erasure): what goes, what stays, every
table that referenced them, idempotency, atomicity, the dry run, refusals, reports unchanged,
the certificate check, the command and the HR admin's typed confirmation."""

import json
from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import pytest
from axes.models import AccessAttempt
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.models import RosterImport, User
from quizzes.models import Attempt
from records.models import CourseCompletion, Enrolment, ModuleProgress, ReflectionAnswer
from records.privacy import erasure
from records.privacy.erasure import (
    CONSIDERED,
    PLACEHOLDER,
    ErasureRefused,
    Via,
    erase_person,
    relation_key,
    user_relations,
)
from records.reports import figures
from records.signals import person_erased
from records.viewsets import REVOKE_LOG_ACTION
from security.log import Action, record
from security.models import SecurityEvent
from tests.conftest import _client_for
from tests.factories import (
    AttemptFactory,
    CourseCompletionFactory,
    EnrolmentFactory,
    ModuleProgressFactory,
    ReflectionAnswerFactory,
    UserFactory,
)

Status = Enrolment.Status
ROSTER = (
    "employee_id,email,full_name,department,active\n"
    "E-77,Amira.Haddad@example.org,Amira Haddad,Communications,false\n"
    "E-78,chen@example.org,Chen Wei,Research,true\n"
)


class FakeRequest:
    """What security.log.record reads from a request: an address and a browser."""

    def __init__(self, user):
        self.user = user
        self.META = {"REMOTE_ADDR": "203.0.113.9", "HTTP_USER_AGENT": "Firefox amira-laptop"}


@pytest.fixture
def leaver(amira, chen, bruno):
    """amira, who left, with everything a person leaves behind."""
    amira.employee_id = "E-77"
    amira.country = "Jordan"
    amira.is_active = False
    amira.save()
    EnrolmentFactory(user=amira, status=Status.COMPLETED, completed_at=timezone.now())
    EnrolmentFactory(user=amira, course_code="STORY-201", due_date=timezone.localdate() - timedelta(days=3))
    CourseCompletionFactory(user=amira, days_ago=40)
    CourseCompletionFactory(
        user=amira, course_code="OLD-1", days_ago=400, revoked=True, revoked_reason="Amira cheated"
    )
    ModuleProgressFactory(user=amira)
    AttemptFactory(user=amira, submitted=True, passed=True)
    ReflectionAnswerFactory(user=amira, answer="My sister works at the ministry, so I felt unsafe.")
    record(Action.SIGNED_IN, request=FakeRequest(amira), actor=amira, subject=amira)
    record(Action.SIGN_IN_FAILED, request=FakeRequest(None), username="Amira.Haddad@example.org")
    record(
        Action.USER_CHANGED, actor=bruno, subject=amira, changes={"full_name": ["Amira H.", "Amira Haddad"]}
    )
    record(Action.SSO_SIGNED_IN, actor=amira, subject=amira, sub="idp-123", value="E-77")
    record(Action.SIGNED_IN, actor=chen, subject=chen)  # not about her
    revoked = CourseCompletion.objects.get(user=amira, revoked_at__isnull=False)
    log(instance=revoked, action=REVOKE_LOG_ACTION, user=bruno, data={"reason": revoked.revoked_reason})
    log(instance=amira, action="wagtail.edit", user=bruno, data={"fields": ["full_name"]})
    TOTPDevice.objects.create(user=amira, name="phone")
    StaticDevice.objects.create(user=amira, name="backup").token_set.create(token="abcd1234")
    UserProfile.get_for_user(amira)
    AccessAttempt.objects.create(
        username="amira", ip_address="203.0.113.9", user_agent="x", failures_since_start=2
    )
    RosterImport.objects.create(csv_text=ROSTER, sha256="0" * 64, preview_digest="0" * 64, status="applied")
    session = SessionStore()
    session["_auth_user_id"] = str(amira.pk)
    session.create()
    other = SessionStore()
    other["_auth_user_id"] = str(chen.pk)
    other.create()
    amira.refresh_from_db()
    return amira


IDENTIFIERS = ("amira", "haddad", "e-77", "idp-123", "203.0.113.9", "amira-laptop")


def mentions(text):
    lowered = str(text).lower()
    return [identifier for identifier in IDENTIFIERS if identifier in lowered]


def texts_of(instance):
    """Every text, JSON and address value of a row."""
    values = []
    for field in instance._meta.concrete_fields:
        if isinstance(
            field, (models.CharField, models.TextField, models.JSONField, models.GenericIPAddressField)
        ):
            values.append(json.dumps(getattr(instance, field.attname), default=str))
    return values


def counts_for(user):
    return {
        relation_key(rel): rel.related_model._base_manager.filter(**{rel.field.name: user.pk}).count()
        for rel in user_relations()
    }


# --- what goes and what stays ----------------------------------------------------------------


def test_erasure_replaces_the_person_by_a_pseudonym_and_keeps_the_records(leaver, bruno, communications):
    report = erase_person(leaver, reason=Via.COMMAND)
    person = User.objects.get(pk=leaver.pk)
    assert report.changed and report.pseudonym.startswith("erased-")
    assert person.username == report.pseudonym
    assert person.email == f"{report.pseudonym.removeprefix('erased-')}@erased.invalid"
    assert (person.full_name, person.employee_id) == ("", None)
    assert not person.has_usable_password() and not person.is_active
    assert person.erased_at is not None and person.left_on == leaver.left_on
    # Kept: where they worked, their manager, and every record with its scores and dates.
    assert (person.department, person.country, person.manager) == (communications, "Jordan", bruno)
    assert Enrolment.objects.filter(user=person).count() == 2
    assert (
        sorted(CourseCompletion.objects.filter(user=person).values_list("score", flat=True))
        == [leaver.completions.first().score] * 2
    )
    assert Attempt.objects.get(user=person).percentage == 100
    assert ModuleProgress.objects.filter(user=person).count() == 1
    # Removed or replaced: what they wrote, what HR wrote about them, what signs them in.
    assert ReflectionAnswer.objects.get(user=person).answer == ""
    assert CourseCompletion.objects.get(user=person, revoked_at__isnull=False).revoked_reason == PLACEHOLDER
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticDevice.objects.filter(user=person).exists()
    assert not UserProfile.objects.filter(user=person).exists()
    assert not AccessAttempt.objects.exists()
    # Their session ended; chen's did not.
    from django.contrib.sessions.models import Session

    assert [s.get_decoded()["_auth_user_id"] for s in Session.objects.all()] == [
        str(User.objects.get(username="chen").pk)
    ]


def test_the_security_log_keeps_the_events_without_names_or_addresses(leaver, chen):
    before = SecurityEvent.objects.count()
    report = erase_person(leaver, reason=Via.COMMAND)
    events = SecurityEvent.objects.all()
    assert events.count() == before + 1  # nothing deleted; one erasure event
    for event in events:
        assert not mentions(" ".join(texts_of(event))), event.action
    failed = events.get(action=Action.SIGN_IN_FAILED)
    assert failed.detail["username"] == report.pseudonym and failed.ip_address is None
    sso = events.get(action=Action.SSO_SIGNED_IN)
    assert sso.detail["sub"] == "" and sso.detail["value"] == report.pseudonym
    # chen's own sign-in is untouched.
    assert events.get(action=Action.SIGNED_IN, subject=chen).subject_label == f"chen ({chen.pk})"


def test_the_erasure_is_in_the_security_log_with_who_and_the_pseudonym(leaver, hana):
    report = erase_person(leaver, by=hana, reason=Via.ADMIN)
    event = SecurityEvent.objects.get(action=Action.PERSONAL_DATA_ERASED)
    assert (event.actor, event.subject_id) == (hana, leaver.pk)
    assert event.detail["via"] == "admin" and event.detail["pseudonym"] == report.pseudonym
    assert event.subject_label == f"{report.pseudonym} ({leaver.pk})"
    assert not mentions(" ".join(texts_of(event)))


def test_their_row_leaves_the_stored_roster_files(leaver):
    erase_person(leaver)
    text = RosterImport.objects.get().csv_text
    assert "E-77" not in text and "Amira" not in text
    assert "E-78,chen@example.org,Chen Wei,Research,true" in text and text.startswith("employee_id,email")


def test_the_signal_tells_the_hr_api_inside_the_transaction(leaver, communications):
    heard = []

    def receiver(sender, **kwargs):
        heard.append({**kwargs, "username": kwargs["user"].username})

    person_erased.connect(receiver, dispatch_uid="test-erasure")
    try:
        report = erase_person(leaver)
    finally:
        person_erased.disconnect(dispatch_uid="test-erasure")
    (kwargs,) = heard
    assert kwargs["username"] == report.pseudonym
    assert sorted(kwargs["enrolment_ids"]) == sorted(
        Enrolment.objects.filter(user=leaver).values_list("pk", flat=True)
    )
    assert sorted(kwargs["completion_ids"]) == sorted(
        CourseCompletion.objects.filter(user=leaver).values_list("pk", flat=True)
    )
    assert kwargs["department_id"] == communications.pk


# --- every table that referenced the person ------------------------------------------------


def test_every_relation_to_a_person_has_been_considered():
    """A new model with a key to the user fails here until ``CONSIDERED`` says what erasure
    does with it (and erasure does it)."""
    found = {relation_key(rel) for rel in user_relations()}
    assert found - set(CONSIDERED) == set(), "relations erasure has not considered"
    assert set(CONSIDERED) - found == set(), "CONSIDERED names relations that no longer exist"


def test_what_every_referencing_table_holds_afterwards(leaver):
    before = counts_for(leaver)
    erase_person(leaver)
    after = counts_for(leaver)
    for rel in user_relations():
        key = relation_key(rel)
        rows = rel.related_model._base_manager.filter(**{rel.field.name: leaver.pk})
        if CONSIDERED[key] == erasure.REMOVED:
            assert after[key] == 0, key
        else:  # kept, replaced or left to a receiver: the rows stay, without their name
            added = 1 if key == "security.SecurityEvent.subject" else 0  # the erasure's own entry
            assert after[key] == before[key] + added, key
            for row in rows:
                assert not mentions(" ".join(texts_of(row))), (key, texts_of(row))
    # The tables that name people in text.
    assert ModelLogEntry.objects.count() == 2
    for model in (SecurityEvent, RosterImport, AccessAttempt, ModelLogEntry):
        for row in model.objects.all():
            assert not mentions(" ".join(texts_of(row))), (model, texts_of(row))


# --- safe to repeat, all or nothing, refusals, dry run ---------------------------------------


def snapshot(person):
    user = User.objects.filter(pk=person.pk).values().get()
    return (
        user,
        list(SecurityEvent.objects.order_by("pk").values()),
        list(ReflectionAnswer.objects.values()),
        list(CourseCompletion.objects.order_by("pk").values()),
        list(RosterImport.objects.values("csv_text")),
        TOTPDevice.objects.count(),
        AccessAttempt.objects.count(),
    )


def test_erasing_an_erased_person_changes_nothing_and_says_so(leaver):
    erase_person(leaver)
    person = User.objects.get(pk=leaver.pk)
    before = snapshot(person)
    report = erase_person(person, force=True)
    assert report.already_erased and not report.changed
    assert "already erased" in report.as_text()
    assert snapshot(person) == before


def test_erasure_is_all_or_nothing(leaver):
    before = snapshot(leaver)

    def fail(sender, **kwargs):
        raise RuntimeError("the HR API's receiver failed")

    person_erased.connect(fail, dispatch_uid="test-fail")
    try:
        with pytest.raises(RuntimeError):
            erase_person(leaver)
    finally:
        person_erased.disconnect(dispatch_uid="test-fail")
    assert snapshot(leaver) == before


def test_active_staff_are_refused_without_force(chen):
    before = snapshot(chen)
    with pytest.raises(ErasureRefused, match="active staff"):
        erase_person(chen)
    assert snapshot(chen) == before
    report = erase_person(chen, force=True)
    person = User.objects.get(pk=chen.pk)
    assert report.deactivated and not person.is_active and person.left_on == timezone.localdate()


def test_superusers_are_refused_even_with_force(superuser):
    superuser.is_active = False
    superuser.save()
    with pytest.raises(ErasureRefused, match="superuser"):
        erase_person(superuser, force=True)


def test_a_dry_run_writes_nothing_and_shows_what_would_happen(leaver):
    before = snapshot(leaver)
    dry = erase_person(leaver, dry_run=True)
    assert dry.dry_run and not dry.changed and snapshot(leaver) == before
    real = erase_person(leaver)
    assert [(line.table, line.action, line.count) for line in dry.lines] == [
        (line.table, line.action, line.count) for line in real.lines
    ]
    counts = {line.table: line.count for line in dry.lines}
    assert counts["records.ReflectionAnswer"] == 1
    assert counts["records.CourseCompletion reasons"] == 1
    assert counts["records.Enrolment"] == 2
    assert counts["sessions.Session"] == 1


# --- reports unchanged ----------------------------------------------------------------------


def exports(client):
    return {
        name: b"".join(client.get(reverse(name) + "?export=csv").streaming_content)
        if client.get(reverse(name) + "?export=csv").streaming
        else client.get(reverse(name) + "?export=csv").content
        for name in ("staff_reports:organisation", "staff_reports:team_completion")
    }


def figures_of(hana):
    people = figures.active_people(hana)
    return (
        figures.headline(people),
        list(figures.per_group(people, "department__name")),
        list(figures.per_group(people, "country")),
        figures.monthly_completions(people),
    )


def test_every_report_has_the_same_figures_after_a_leaver_is_erased(leaver, hana, chen, bruno):
    EnrolmentFactory(user=chen, status=Status.COMPLETED, completed_at=timezone.now())
    CourseCompletionFactory(user=chen, days_ago=2)
    EnrolmentFactory(user=bruno, due_date=timezone.localdate() - timedelta(days=1))
    client = _client_for(hana)
    before = (exports(client), figures_of(hana))
    erase_person(leaver, by=hana, reason=Via.ADMIN)
    assert (exports(client), figures_of(hana)) == before
    assert len(before[0]["staff_reports:team_completion"].splitlines()) == 3  # heading, chen, bruno


# --- the certificate check ------------------------------------------------------------------


def test_the_certificate_check_says_the_holder_was_erased(leaver, client, hana):
    completion = CourseCompletion.objects.get(user=leaver, revoked_at__isnull=True)
    report = erase_person(leaver)
    response = client.get(reverse("certificates:verify", args=[completion.certificate_id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "A person whose personal data has been erased" in page
    assert "certificate-status--valid" in page
    assert report.pseudonym not in page and "Amira" not in page
    assert "certificate.pdf" not in page
    # Nobody downloads it any more: HR is told why, anyone else finds nothing.
    download = reverse("certificates:download", args=[completion.certificate_id])
    assert _client_for(hana).get(download).status_code == 410
    assert _client_for(UserFactory(username="someone")).get(download).status_code == 404


def test_a_revoked_certificate_of_an_erased_holder_still_shows_revoked(leaver, client):
    completion = CourseCompletion.objects.get(user=leaver, revoked_at__isnull=False)
    erase_person(leaver)
    page = client.get(reverse("certificates:verify", args=[completion.certificate_id])).content.decode()
    assert "certificate-status--revoked" in page and PLACEHOLDER not in page


# --- the command ----------------------------------------------------------------------------


def test_command_erases_and_prints_the_report(leaver, capsys):
    call_command("erase_person", "E-77")
    out = capsys.readouterr().out
    assert "Personal data erased" in out and "records.ReflectionAnswer" in out
    assert User.objects.get(pk=leaver.pk).erased_at is not None
    event = SecurityEvent.objects.get(action=Action.PERSONAL_DATA_ERASED)
    assert event.actor is None and event.detail["via"] == "command"


def test_command_dry_run_writes_nothing(leaver, capsys):
    before = snapshot(leaver)
    call_command("erase_person", "E-77", "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert snapshot(leaver) == before


def test_command_refuses_an_unknown_id_and_active_staff(chen):
    with pytest.raises(CommandError, match="No staff member"):
        call_command("erase_person", "NOPE")
    chen.employee_id = "E-78"
    chen.save()
    with pytest.raises(CommandError, match="active staff"):
        call_command("erase_person", "E-78")
    assert User.objects.get(pk=chen.pk).erased_at is None
    call_command("erase_person", "E-78", "--force")
    assert User.objects.get(pk=chen.pk).erased_at is not None


# --- the HR admin's typed confirmation -------------------------------------------------------


def erase_url(person):
    return reverse("records_erase_person", args=[person.pk])


def test_hr_sees_the_button_and_what_will_happen(leaver, hana):
    client = _client_for(hana)
    account = client.get(reverse("wagtailusers_users:edit", args=[leaver.pk])).content.decode()
    assert erase_url(leaver) in account
    page = client.get(erase_url(leaver)).content.decode()
    assert "What will happen" in page and "records.ReflectionAnswer" in page
    assert "Type E-77 exactly." in page
    assert User.objects.get(pk=leaver.pk).erased_at is None  # showing the dry run wrote nothing


def test_wrong_confirmation_erases_nothing(leaver, hana):
    before = snapshot(leaver)
    response = _client_for(hana).post(erase_url(leaver), {"confirmation": "e-77"})
    assert response.status_code == 200
    assert "This does not match. Nothing was erased." in response.content.decode()
    assert snapshot(leaver) == before


def test_right_confirmation_erases(leaver, hana):
    response = _client_for(hana).post(erase_url(leaver), {"confirmation": "E-77"})
    assert response.status_code == 302
    person = User.objects.get(pk=leaver.pk)
    assert person.erased_at is not None
    event = SecurityEvent.objects.get(action=Action.PERSONAL_DATA_ERASED)
    assert event.actor == hana and event.detail["via"] == "admin"
    # No button any more, and the page says it is done.
    account = _client_for(hana).get(reverse("wagtailusers_users:edit", args=[leaver.pk])).content.decode()
    assert erase_url(leaver) not in account
    assert "already erased" in _client_for(hana).get(erase_url(leaver)).content.decode()


def test_an_active_person_needs_the_deactivation_ticked(chen, hana):
    client = _client_for(hana)
    chen_id = chen.employee_id
    response = client.post(erase_url(chen), {"confirmation": chen_id})
    assert response.status_code == 200 and User.objects.get(pk=chen.pk).erased_at is None
    response = client.post(erase_url(chen), {"confirmation": chen_id, "deactivate": "on"})
    assert response.status_code == 302
    person = User.objects.get(pk=chen.pk)
    assert person.erased_at is not None and not person.is_active


def test_someone_without_an_employee_id_is_confirmed_by_username(hana):
    person = UserFactory(username="nobody-id", employee_id=None, is_active=False)
    client = _client_for(hana)
    assert "Type nobody-id exactly." in client.get(erase_url(person)).content.decode()
    assert client.post(erase_url(person), {"confirmation": "nobody-id"}).status_code == 302


def test_managers_cannot_erase(leaver, bruno):
    response = _client_for(bruno).post(erase_url(leaver), {"confirmation": "E-77"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert User.objects.get(pk=leaver.pk).erased_at is None
    assert erase_url(leaver) not in _client_for(bruno).get("/admin/").content.decode()


# --- the retention clock follows deactivation ------------------------------------------------


def test_left_on_is_set_when_deactivated_and_cleared_when_reactivated(chen):
    chen.is_active = False
    chen.save()
    assert User.objects.get(pk=chen.pk).left_on == timezone.localdate()
    chen.left_on = timezone.localdate() - timedelta(days=10)
    chen.save()  # a leaving day HR corrected stays
    assert User.objects.get(pk=chen.pk).left_on == timezone.localdate() - timedelta(days=10)
    chen.is_active = True
    chen.save(update_fields=["is_active"])
    assert User.objects.get(pk=chen.pk).left_on is None


def test_bulk_deactivation_sets_left_on(chen, tom):
    User.objects.filter(pk__in=[chen.pk, tom.pk]).deactivate()
    assert set(User.objects.filter(pk__in=[chen.pk, tom.pk]).values_list("left_on", flat=True)) == {
        timezone.localdate()
    }
    User.objects.filter(pk=chen.pk).reactivate()
    assert User.objects.get(pk=chen.pk).left_on is None


def test_a_roster_import_deactivation_sets_left_on(db):
    from people.roster import import_roster

    UserFactory(username="ana", employee_id="R-1", email="ana@example.org")
    UserFactory(username="ben", employee_id="R-2", email="ben@example.org")
    csv_text = "employee_id,email,full_name,active\nR-1,ana@example.org,Ana,false\n"
    import_roster(csv_text.encode(), deactivate_missing=False)
    assert User.objects.get(employee_id="R-1").left_on == timezone.localdate()
    import_roster(
        b"employee_id,email,full_name,active\nR-1,ana@example.org,Ana,true\n", deactivate_missing=True
    )
    assert User.objects.get(employee_id="R-1").left_on is None
    assert User.objects.get(employee_id="R-2").left_on == timezone.localdate()  # missing: deactivated


def test_the_admin_bulk_action_sets_and_clears_left_on(hana, chen, tom):
    client = _client_for(hana)
    url = f"/admin/bulk/people/user/set_active_state/?next=/admin/users/&id={chen.pk}&id={tom.pk}"
    response = client.post(url, {"mark_as_active": "False"})
    assert response.status_code == 302
    people = User.objects.filter(pk__in=[chen.pk, tom.pk])
    assert [(p.is_active, p.left_on) for p in people] == [(False, timezone.localdate())] * 2
    client.post(
        f"/admin/bulk/people/user/set_active_state/?next=/admin/users/&id={chen.pk}",
        {"mark_as_active": "True"},
    )
    assert (User.objects.get(pk=chen.pk).is_active, User.objects.get(pk=chen.pk).left_on) == (True, None)
