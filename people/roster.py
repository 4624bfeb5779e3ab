"""The staff roster import: a CSV file from HR, upserted by employee ID.

The steps are small functions, used by ``manage.py import_staff`` and the admin upload:
``parse`` (CSV text to rows) -> ``validate`` (every row checked, errors with their line)
-> ``plan`` (what would be created, updated, left alone, deactivated, each change with its
value before and after) -> ``apply`` (one transaction, bulk queries). ``import_roster`` runs
them all and returns a ``RosterResult``; ``people.roster_imports`` keeps a previewed file so
*Import now* applies exactly what was shown.

Choices worth knowing:

- The username of a new person is their employee ID, lower-cased.
- An existing account without an employee ID whose email matches a row is linked to it
  (it gets the employee ID) rather than duplicated.
- A column present in the file is the truth, a blank cell included (a blank manager removes
  the manager); a column absent from the file leaves that field alone. A blank
  ``preferred_language`` keeps the person's choice (English for new people).
- Rows for leavers (``active`` false) deactivate the person; nobody is ever deleted.
- Departments that do not exist yet are created, and a manager employee ID that is neither
  in the file nor in the database leaves that person's manager as it is (none for a new
  person): both are warnings, not errors, so one unknown manager does not hold up the file.
- ``deactivate_missing`` deactivates active people with an employee ID who are not in the
  file; superusers and accounts without an employee ID are never deactivated.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from people.models import Department, User, department_moves, departments_moved
from people.signals import roster_imported

BATCH_SIZE = 500
REQUIRED_COLUMNS = ("employee_id", "email")
COLUMNS = (
    "employee_id",
    "email",
    "full_name",
    "department",
    "country",
    "manager_employee_id",
    "preferred_language",
    "start_date",
    "active",
)
COLUMN_ALIASES = {
    "office": "country",
    "country_office": "country",
    "country_or_office": "country",
    "manager_id": "manager_employee_id",
    "language": "preferred_language",
    "is_active": "active",
    "name": "full_name",
}
MAX_LENGTHS = {"employee_id": 64, "email": 254, "full_name": 200, "department": 120, "country": 100}
TRUE_VALUES = {"", "true", "yes", "1", "y"}
FALSE_VALUES = {"false", "no", "0", "n"}
# The user fields an import may change, in the order the columns set them.
USER_FIELDS = (
    "email",
    "full_name",
    "department",
    "country",
    "manager",
    "preferred_language",
    "start_date",
    "is_active",
)

# The order a preview lists one person's changes in.
CHANGE_ORDER = ("employee_id", *USER_FIELDS)


@dataclass
class Row:
    line: int
    values: dict  # cleaned values of the columns present in the file
    employee_id: str = ""
    problems: list = field(default_factory=list)  # found while reading the line

    @property
    def manager_id(self):
        return self.values.get("manager_employee_id") or None


@dataclass
class RosterError:
    line: int
    employee_id: str
    message: str

    def __iter__(self):  # unpacks as (line, employee_id, message)
        return iter((self.line, self.employee_id, self.message))

    def __str__(self):
        who = f" ({self.employee_id})" if self.employee_id else ""
        return f"line {self.line}{who}: {self.message}"


class RosterWarning(RosterError):
    """Something HR should know before importing, which does not stop the row."""


@dataclass
class RosterResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    deactivated: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # employee ID -> {field: (before, after)} for each updated person, as plain values
    changes: dict = field(default_factory=dict)
    managers: dict = field(default_factory=dict)  # employee ID -> manager employee ID, as planned
    rows: int = 0
    dry_run: bool = False
    written: bool = False
    stale: bool = False  # an expected preview no longer matches the database: nothing written

    @property
    def invalid_lines(self):
        return sorted({error.line for error in self.errors})

    def summary(self):
        return {
            "rows": self.rows,
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "deactivated": len(self.deactivated),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "invalid_rows": len(self.invalid_lines),
        }


# --- parse ---------------------------------------------------------------------------------


def decode(data):
    """Bytes (UTF-8, with or without a BOM) to (text, None), or (None, error)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, RosterError(line, "", "the file is not UTF-8 text; save it as CSV UTF-8")


def normalise_header(name):
    key = name.strip().lower().replace(" ", "_").replace("-", "_").replace("/", "_")
    return COLUMN_ALIASES.get(key, key)


def parse_header(header):
    """The column names in file order, and the errors in the header (line 1)."""
    columns = [normalise_header(name) for name in header]
    errors = []
    for name in columns:
        if name and name not in COLUMNS:
            errors.append(RosterError(1, "", f'unknown column "{name}"; expected {", ".join(COLUMNS)}'))
    for name in sorted({c for c in columns if columns.count(c) > 1 and c}):
        errors.append(RosterError(1, "", f'column "{name}" appears more than once'))
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            errors.append(RosterError(1, "", f'missing column "{name}"'))
    return columns, errors


def parse(data):
    """CSV bytes or text to (columns, rows, errors). Each row keeps its physical line
    (the header is line 1); blank lines are skipped."""
    text, error = decode(data)
    if error:
        return [], [], [error]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        return [], [], [RosterError(1, "", "the file is empty; the first line must name the columns")]
    columns, errors = parse_header(header)
    if errors:
        return columns, [], errors
    rows = []
    line = reader.line_num + 1
    for record in reader:
        if any(cell.strip() for cell in record):
            values = {name: cell.strip() for name, cell in zip(columns, record, strict=False) if name}
            values.update({name: "" for name in columns[len(record) :] if name})
            row = Row(line=line, values=values, employee_id=values.get("employee_id", ""))
            if len(record) > len(columns):
                row.problems.append(f"{len(record)} cells but the header names {len(columns)} columns")
            rows.append(row)
        line = reader.line_num + 1
    return columns, rows, errors


# --- validate ------------------------------------------------------------------------------


def parse_language(value):
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    names = {str(name).lower(): code for code, name in settings.LANGUAGES}
    key = value.strip().lower()
    return codes.get(key) or codes.get(key.replace("_", "-").split("-")[0]) or names.get(key)


def clean_row(row):
    """Converts the cells of one row in place; returns the row's own error messages."""
    values, messages = row.values, list(row.problems)
    if not row.employee_id:
        messages.append("missing employee ID")
    for name, limit in MAX_LENGTHS.items():
        if len(values.get(name, "")) > limit:
            messages.append(f"{name.replace('_', ' ')} is longer than {limit} characters")
    if not values["email"]:
        messages.append("missing email")
    else:
        try:
            validate_email(values["email"])
        except ValidationError:
            messages.append(f'invalid email "{values["email"]}"')
    if values.get("preferred_language"):
        language = parse_language(values["preferred_language"])
        if language is None:
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            messages.append(f'unknown language "{values["preferred_language"]}"; use one of {codes}')
        values["preferred_language"] = language
    if values.get("start_date"):
        try:
            values["start_date"] = date.fromisoformat(values["start_date"])
        except ValueError:
            messages.append(f'bad start date "{values["start_date"]}"; use YYYY-MM-DD')
    else:
        values["start_date"] = None
    if "active" in values:
        active = values["active"].lower()
        if active not in TRUE_VALUES | FALSE_VALUES:
            messages.append(f'bad active value "{values["active"]}"; use true/false, yes/no or 1/0')
        values["active"] = active in TRUE_VALUES
    if row.employee_id and row.manager_id == row.employee_id:
        messages.append("a person cannot be their own manager")
    return messages


@dataclass
class Directory:
    """The people already in the database, loaded in one query."""

    users: list
    by_employee_id: dict = field(default_factory=dict)
    by_email: dict = field(default_factory=dict)
    by_username: dict = field(default_factory=dict)
    by_pk: dict = field(default_factory=dict)
    departments: dict = field(default_factory=dict)  # lower-cased name -> Department
    in_groups: set = field(default_factory=set)  # pks of people with an admin role

    @classmethod
    def load(cls):
        directory = cls(users=list(User.objects.order_by("pk")))
        directory.in_groups = set(User.objects.filter(groups__isnull=False).values_list("pk", flat=True))
        for user in directory.users:
            directory.by_pk[user.pk] = user
            directory.by_email[user.email.lower()] = user
            directory.by_username[user.username.lower()] = user
            if user.employee_id:
                directory.by_employee_id[user.employee_id] = user
        directory.departments = {d.name.lower(): d for d in Department.objects.all()}
        return directory

    def department_names(self):
        """Department id -> name, for the departments that exist (read once)."""
        if not hasattr(self, "_department_names"):
            self._department_names = {d.pk: d.name for d in self.departments.values() if d.pk is not None}
        return self._department_names

    def match(self, row):
        """The existing account a row updates: by employee ID, else an account without an
        employee ID with the same email."""
        user = self.by_employee_id.get(row.employee_id)
        if user is None:
            user = self.by_email.get(row.values["email"].lower())
            if user is not None and user.employee_id:
                user = None
        return user


class Validation:
    """Collects errors per row; a row with any error is invalid."""

    def __init__(self, rows):
        self.rows = rows
        self.errors = []
        self.warnings = []
        self.invalid = set()  # lines

    def add(self, row, message):
        self.errors.append(RosterError(row.line, row.employee_id, message))
        self.invalid.add(row.line)

    def warn(self, row, message):
        self.warnings.append(RosterWarning(row.line, row.employee_id, message))

    def valid_rows(self):
        return [row for row in self.rows if row.line not in self.invalid]


def check_duplicates(validation, key, label):
    seen = {}
    for row in validation.rows:
        value = key(row)
        if value:
            seen.setdefault(value, []).append(row)
    for same in seen.values():
        if len(same) > 1:
            lines = ", ".join(str(row.line) for row in same)
            for row in same:
                validation.add(row, f"duplicate {label} in file (lines {lines})")


def check_admin_accounts(validation, directory):
    """An import by someone who does not manage roles (people.access) changes no superuser,
    nor the email (the way into password reset) of anyone with admin access."""
    for row in validation.rows:
        match = directory.match(row)
        if match is None:
            continue
        if match.is_superuser:
            validation.add(row, "this is a superuser's account: only a superuser can change it")
        elif match.pk in directory.in_groups and match.email.lower() != row.values["email"].lower():
            validation.add(row, "only a superuser can change the email of someone with admin access")


def check_against_database(validation, directory):
    for row in validation.rows:
        email = row.values["email"]
        match = directory.match(row)
        owner = directory.by_email.get(email.lower())
        if owner is not None and owner != match:
            who = owner.employee_id or f"account {owner.username}"
            validation.add(row, f'email "{email}" already belongs to another person ({who})')
        if match is None and row.employee_id:
            taken = directory.by_username.get(row.employee_id.lower())
            if taken is not None:
                validation.add(
                    row, f'username "{row.employee_id.lower()}" is already used by another account'
                )


def check_managers(validation, directory):
    """Unknown managers (a warning: the row's manager cell is then left out), then (until
    nothing changes) rows whose manager is an invalid row and cycles in the manager line,
    following the database for people not in the file."""
    by_id = {row.employee_id: row for row in validation.rows if row.employee_id}
    for row in validation.rows:
        manager = row.manager_id
        known = manager in by_id or manager in directory.by_employee_id
        if manager and manager != row.employee_id and not known:
            del row.values["manager_employee_id"]
            keeps = "the current manager is kept" if directory.match(row) else "no manager is set"
            validation.warn(row, f'unknown manager "{manager}": not in the file or the database; {keeps}')
    while True:
        before = len(validation.invalid)
        for row in validation.valid_rows():
            manager = by_id.get(row.manager_id)
            if manager is not None and manager.line in validation.invalid:
                validation.add(
                    row, f"manager {manager.employee_id} is on line {manager.line}, which has errors"
                )
        if len(validation.invalid) == before:
            check_cycles(validation, directory)
        if len(validation.invalid) == before:
            return


def manager_graph(validation, directory):
    """Who manages whom once the valid rows are written: node -> (next node, label)."""
    valid = {row.employee_id: row for row in validation.valid_rows() if "manager_employee_id" in row.values}
    matched = {}
    for row in valid.values():
        user = directory.match(row)
        if user is not None:
            matched[user.pk] = row.employee_id

    def node_of(user):
        if user.pk in matched:
            return ("row", matched[user.pk])
        if user.employee_id in valid:
            return ("row", user.employee_id)
        return ("user", user.pk)

    def next_node(node):
        kind, key = node
        if kind == "row":
            manager = valid[key].manager_id
            if manager is None:
                return None
            if manager in valid:
                return ("row", manager)
            user = directory.by_employee_id.get(manager)
            return node_of(user) if user is not None else None
        user = directory.by_pk[key]
        manager = directory.by_pk.get(user.manager_id)
        return node_of(manager) if manager is not None else None

    def label(node):
        kind, key = node
        if kind == "row":
            return f"{key} (line {valid[key].line})"
        user = directory.by_pk[key]
        return f"{user.employee_id or user.username} (in the database)"

    return valid, next_node, label


def check_cycles(validation, directory):
    valid, next_node, label = manager_graph(validation, directory)
    done = set()
    for start in valid:
        path, on_path, node = [], {}, ("row", start)
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = next_node(node)
        if node is not None and node in on_path:
            cycle = path[on_path[node] :]
            text = " → ".join(label(n) for n in [*cycle, cycle[0]])
            for member in cycle:
                if member[0] == "row":
                    validation.add(valid[member[1]], f"the manager line forms a cycle: {text}")
        done.update(path)


def validate(rows, directory, protect_admin_accounts=False):
    """Checks every row; returns (valid rows, errors sorted by line, warnings)."""
    validation = Validation(rows)
    for row in rows:
        for message in clean_row(row):
            validation.add(row, message)
    check_duplicates(validation, lambda row: row.employee_id.lower(), "employee ID")
    check_duplicates(validation, lambda row: row.values["email"].lower(), "email")
    check_against_database(validation, directory)
    if protect_admin_accounts:
        check_admin_accounts(validation, directory)
    check_managers(validation, directory)
    errors = sorted(validation.errors, key=lambda error: error.line)
    return validation.valid_rows(), errors, validation.warnings


# --- plan ----------------------------------------------------------------------------------


@dataclass
class Plan:
    create: list = field(default_factory=list)  # unsaved users
    update: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    deactivate: list = field(default_factory=list)
    new_departments: list = field(default_factory=list)  # unsaved departments
    managers: dict = field(default_factory=dict)  # employee ID -> manager employee ID
    changes: dict = field(default_factory=dict)  # employee ID -> {field: (before, after)}
    warnings: list = field(default_factory=list)


def department_for(name, directory, plan, row):
    if not name:
        return None
    department = directory.departments.get(name.lower())
    if department is None:
        department = Department(name=name)
        directory.departments[name.lower()] = department
        plan.new_departments.append(department)
        plan.warnings.append(
            RosterWarning(
                row.line, row.employee_id, f'department "{name}" does not exist yet: it will be created'
            )
        )
    return department


def plain(user, name, directory):
    """A user field's value as the preview shows it: a department by name, a manager by
    employee ID, a date as ISO text."""
    if name == "department":
        if User._meta.get_field("department").is_cached(user):
            return user.department.name if user.department is not None else ""
        if directory is None:
            return ""
        return directory.department_names().get(user.department_id, "")
    if name == "manager":
        return manager_of(user, directory) or ""
    value = getattr(user, name)
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else value


def desired_fields(row, directory, plan):
    """The user field values the row asks for (only the columns present in the file)."""
    values = row.values
    wanted = {"email": values["email"]}
    for name in ("full_name", "country", "start_date"):
        if name in values:
            wanted[name] = values[name]
    if "department" in values:
        wanted["department"] = department_for(values["department"], directory, plan, row)
    if values.get("preferred_language"):
        wanted["preferred_language"] = values["preferred_language"]
    if "active" in values:
        wanted["is_active"] = values["active"]
    if "manager_employee_id" in values:
        plan.managers[row.employee_id] = row.manager_id
    return wanted


def manager_of(user, directory):
    manager = directory.by_pk.get(user.manager_id)
    return manager.employee_id if manager is not None else None


def differs(user, name, value, directory):
    if name == "department":
        # Compares ids: reading user.department would cost a query per person.
        return value is not None and value.pk is None or user.department_id != (value.pk if value else None)
    return getattr(user, name) != value


def plan(valid_rows, directory, deactivate_missing=False, in_file=()):
    """What writing the valid rows would do; changes the matched users in memory only."""
    result = Plan()
    for row in valid_rows:
        user = directory.match(row)
        wanted = desired_fields(row, directory, result)
        if user is None:
            user = User(employee_id=row.employee_id, username=row.employee_id.lower(), **wanted)
            user.password = make_password(None)
            result.create.append(user)
            continue
        changed = [name for name, value in wanted.items() if differs(user, name, value, directory)]
        if row.employee_id in result.managers and result.managers[row.employee_id] != manager_of(
            user, directory
        ):
            changed.append("manager")
        if user.employee_id != row.employee_id:
            changed.append("employee_id")
        changed.sort(key=CHANGE_ORDER.index)
        before = {name: plain(user, name, directory) for name in changed}
        user.employee_id = row.employee_id
        for name in changed:
            if name in wanted:
                setattr(user, name, wanted[name])
        if changed:
            after = {name: plain(user, name, directory) for name in changed if name != "manager"}
            if "manager" in changed:
                after["manager"] = result.managers[row.employee_id] or ""
            result.changes[row.employee_id] = {name: (before[name], after[name]) for name in changed}
        (result.update if changed else result.unchanged).append(user)
    if deactivate_missing:
        listed = {employee_id for employee_id in in_file if employee_id}
        result.deactivate = [
            user
            for user in directory.users
            if user.is_active
            and user.employee_id
            and not user.is_superuser
            and user.employee_id not in listed
        ]
    return result


# --- apply ---------------------------------------------------------------------------------


def apply(plan, directory, progress=None):
    """Writes the plan in one transaction with bulk queries, in batches."""
    total = len(plan.create) + len(plan.update) + len(plan.deactivate)
    done = 0

    def tick(count):
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    today = timezone.localdate()
    for user in plan.create + plan.update:
        user.sync_left_on(today)  # bulk writes skip User.save: the retention clock here
    with transaction.atomic():
        Department.objects.bulk_create(plan.new_departments, batch_size=BATCH_SIZE)
        departments = {d.name.lower(): d for d in Department.objects.all()}
        department_field = User._meta.get_field("department")
        for user in plan.create + plan.update:
            # Only departments the plan set (reading the others would cost a query each).
            if department_field.is_cached(user) and user.department is not None:
                user.department = departments[user.department.name.lower()]
        for start in range(0, len(plan.create), BATCH_SIZE):
            User.objects.bulk_create(plan.create[start : start + BATCH_SIZE])
            tick(len(plan.create[start : start + BATCH_SIZE]))
        pks = dict(User.objects.filter(employee_id__isnull=False).values_list("employee_id", "pk"))
        for user in plan.create + plan.update:
            if user.employee_id in plan.managers:
                manager = plan.managers[user.employee_id]
                user.manager_id = pks[manager] if manager else None
        with_manager = [user for user in plan.create if user.manager_id]
        for user in with_manager:
            user.pk = user.pk or pks[user.employee_id]
        User.objects.bulk_update(with_manager, ["manager"], batch_size=BATCH_SIZE)
        moves = department_moves(plan.update)
        User.objects.bulk_update(plan.update, [*USER_FIELDS, "employee_id", "left_on"], batch_size=BATCH_SIZE)
        # bulk_update bypasses User.save: movers are announced here, in the same transaction.
        departments_moved(moves)
        for user in plan.update:
            user._loaded_department_id = user.department_id
        tick(len(plan.update))
        deactivate = [user.pk for user in plan.deactivate]
        for start in range(0, len(deactivate), BATCH_SIZE):
            User.objects.filter(pk__in=deactivate[start : start + BATCH_SIZE]).deactivate(today)
        for user in plan.deactivate:
            user.is_active = False
            user.sync_left_on(today)
        tick(len(deactivate))


# --- the whole import ----------------------------------------------------------------------


def import_roster(
    data,
    *,
    dry_run=False,
    deactivate_missing=False,
    skip_invalid=False,
    progress=None,
    protect_admin_accounts=False,
    expected_digest=None,
):
    """Imports a roster file (bytes or text). Nothing is written on a dry run, nor when
    any row is invalid unless ``skip_invalid`` (then the valid rows are written).
    ``protect_admin_accounts`` (an import by someone who is not a superuser) refuses rows
    that would change a superuser, or the email of someone with admin access.
    ``expected_digest`` (a preview's ``digest``) writes nothing and sets ``stale`` unless the
    file would still do exactly what that preview showed."""
    result = RosterResult(dry_run=dry_run)
    _columns, rows, errors = parse(data)
    result.rows = len(rows)
    if not rows and not errors and deactivate_missing:
        errors = [RosterError(1, "", "the file has no rows: refusing to deactivate everyone")]
    if errors and not rows:
        result.errors = errors
        return result
    directory = Directory.load()
    valid_rows, row_errors, warnings = validate(rows, directory, protect_admin_accounts)
    result.errors = sorted(errors + row_errors, key=lambda error: error.line)
    changes = plan(valid_rows, directory, deactivate_missing, in_file=[row.employee_id for row in rows])
    result.created, result.updated = changes.create, changes.update
    result.unchanged, result.deactivated = changes.unchanged, changes.deactivate
    result.changes, result.managers = changes.changes, changes.managers
    result.warnings = sorted(warnings + changes.warnings, key=lambda warning: warning.line)
    if expected_digest is not None and digest(result) != expected_digest:
        result.stale = True
        return result
    if dry_run or (result.errors and not skip_invalid):
        return result
    apply(changes, directory, progress=progress)
    result.written = True
    roster_imported.send(
        sender=import_roster, created=result.created, updated=result.updated, deactivated=result.deactivated
    )
    return result


# --- what a preview showed -------------------------------------------------------------------

NEW_PERSON_FIELDS = (
    "email",
    "full_name",
    "department",
    "country",
    "manager",
    "preferred_language",
    "start_date",
)


def new_person(user, result):
    """A person the import creates, as plain values (the manager from the file)."""
    values = {name: plain(user, name, None) for name in NEW_PERSON_FIELDS if name != "manager"}
    values["manager"] = result.managers.get(user.employee_id) or ""
    values["is_active"] = user.is_active
    return values


def digest(result):
    """A fingerprint of everything a dry run shows: the same file against a database that
    would give the same outcome has the same digest."""
    shown = {
        "created": [[user.employee_id, new_person(user, result)] for user in result.created],
        "changes": result.changes,
        "deactivated": sorted(user.employee_id for user in result.deactivated),
        "unchanged": sorted(user.employee_id for user in result.unchanged),
        "errors": [[error.line, error.message] for error in result.errors],
        "warnings": [[warning.line, warning.message] for warning in result.warnings],
    }
    text = json.dumps(shown, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()
