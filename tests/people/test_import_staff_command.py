"""manage.py import_staff: exit code, summary, errors on stderr, options."""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command

import pytest

from people.models import User
from tests.factories import UserFactory

HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)
SAMPLE = Path(settings.BASE_DIR) / "samples" / "roster.csv"


def write_roster(tmp_path, *lines):
    path = tmp_path / "roster.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return str(path)


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_staff", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc, out.getvalue(), err.getvalue()
    return None, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_sample_file_imports_and_prints_the_summary():
    error, out, err = run(str(SAMPLE))

    assert error is None
    assert "Imported: created 15, updated 0, unchanged 0, deactivated 0; errors 0 (in 0 of 15 rows)." in out
    assert err == ""  # no progress bar when stderr is not a terminal
    assert User.objects.filter(employee_id__startswith="HR-").count() == 15


@pytest.mark.django_db
def test_second_run_reports_everyone_unchanged():
    run(str(SAMPLE))

    error, out, _err = run(str(SAMPLE))

    assert error is None
    assert "created 0, updated 0, unchanged 15" in out


@pytest.mark.django_db
def test_invalid_rows_exit_non_zero_with_line_and_reason(tmp_path):
    path = write_roster(tmp_path, "E1,a@example.org,A,,,,,,", "E2,not-an-email,B,,,,,,")

    error, out, err = run(path)

    assert error is not None
    assert str(error) == "1 invalid row(s), 1 error(s): nothing was written."
    assert f'{path}: line 3 (E2): invalid email "not-an-email"' in err
    assert "Nothing written." in out
    assert not User.objects.exists()


@pytest.mark.django_db
def test_skip_invalid_writes_valid_rows_and_still_exits_non_zero(tmp_path):
    path = write_roster(tmp_path, "E1,a@example.org,A,,,,,,", "E2,not-an-email,B,,,,,,")

    error, out, _err = run(path, "--skip-invalid")

    assert str(error) == "1 invalid row(s), 1 error(s): the valid rows were written."
    assert "Imported: created 1" in out
    assert list(User.objects.values_list("employee_id", flat=True)) == ["E1"]


@pytest.mark.django_db
def test_dry_run_writes_nothing(tmp_path):
    UserFactory(username="gone", employee_id="GONE")
    path = write_roster(tmp_path, "E1,a@example.org,A,,,,,,")

    error, out, _err = run(path, "--dry-run", "--deactivate-missing")

    assert error is None
    assert "Dry run, nothing written. Would have: created 1, updated 0, unchanged 0, deactivated 1" in out
    assert list(User.objects.values_list("employee_id", "is_active")) == [("GONE", True)]


@pytest.mark.django_db
def test_deactivate_missing(tmp_path, superuser):
    UserFactory(username="gone", employee_id="GONE")
    path = write_roster(tmp_path, "E1,a@example.org,A,,,,,,")

    error, out, _err = run(path, "--deactivate-missing")

    assert error is None
    assert "deactivated 1" in out
    assert not User.objects.get(employee_id="GONE").is_active
    assert User.objects.get(pk=superuser.pk).is_active


@pytest.mark.django_db
def test_missing_file_is_a_command_error(tmp_path):
    error, _out, _err = run(str(tmp_path / "nope.csv"))

    assert "cannot read" in str(error)


def test_help_mentions_the_sample_and_the_exit_code():
    from people.management.commands.import_staff import Command

    parser = Command().create_parser("manage.py", "import_staff")
    text = parser.format_help()
    assert "samples/roster.csv" in text
    assert "exits non-zero" in text
    assert "superusers" in text


def test_progress_bar_draws_only_on_a_terminal():
    from people.management.commands.import_staff import ProgressBar

    class Terminal(StringIO):
        def isatty(self):
            return True

    from django.core.management.base import OutputWrapper

    terminal, pipe = Terminal(), StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(OutputWrapper(stream), width=4)
        bar(1, 2)
        bar(2, 2)
    assert terminal.getvalue() == "\r[##..] 1/2\r[####] 2/2\n"
    assert pipe.getvalue() == ""
