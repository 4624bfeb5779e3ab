"""The manifest: what an archive says it holds. Format ``elearning-course-package``,
version 1: ``manifest.json`` lists every other member with its SHA-256 and size;
``content.json`` holds the pages, quizzes and the images' and documents' metadata; the
files are under ``images/`` and ``documents/``."""

import hashlib
import json

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.packages.errors import PackageError

FORMAT = "elearning-course-package"
VERSION = 1
MANIFEST = "manifest.json"
CONTENT = "content.json"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def build_manifest(course_code, members):
    """``members``: {name: bytes}, in the order they are written."""
    return {
        "format": FORMAT,
        "format_version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "source_installation": settings.WAGTAILADMIN_BASE_URL,
        "course_code": course_code,
        "members": [
            {"name": name, "sha256": sha256(data), "size": len(data)} for name, data in members.items()
        ],
    }


def read_manifest(members):
    """The manifest of an archive read by ``safety.read_archive`` ({name: bytes}), checked:
    format and version, every member declared and present with its size and hash."""
    if MANIFEST not in members:
        raise PackageError(_("%(member)s: missing; this is not a course package.") % {"member": MANIFEST})
    try:
        manifest = json.loads(members[MANIFEST].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise PackageError(
            _("%(member)s: not valid JSON (%(error)s).") % {"member": MANIFEST, "error": error}
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(
            _("%(member)s: the format is not %(format)s; this is not a course package.")
            % {"member": MANIFEST, "format": FORMAT}
        )
    if manifest.get("format_version") != VERSION:
        raise PackageError(
            _("%(member)s: format version %(found)s; this installation reads version %(version)s.")
            % {"member": MANIFEST, "found": manifest.get("format_version"), "version": VERSION}
        )
    declared = manifest.get("members")
    if not isinstance(declared, list) or not all(isinstance(entry, dict) for entry in declared):
        raise PackageError(_("%(member)s: the list of members is missing.") % {"member": MANIFEST})
    names = [entry.get("name") for entry in declared]
    if len(set(names)) != len(names):
        raise PackageError(_("%(member)s: a member is listed twice.") % {"member": MANIFEST})
    for entry in declared:
        name = entry.get("name")
        if name not in members:
            raise PackageError(_("%(member)s: declared in the manifest but missing.") % {"member": name})
        data = members[name]
        if entry.get("size") != len(data) or entry.get("sha256") != sha256(data):
            raise PackageError(
                _("%(member)s: its size or SHA-256 does not match the manifest.") % {"member": name}
            )
    undeclared = sorted(set(members) - set(names) - {MANIFEST})
    if undeclared:
        raise PackageError(_("%(member)s: not declared in the manifest.") % {"member": undeclared[0]})
    if CONTENT not in names:
        raise PackageError(_("%(member)s: missing.") % {"member": CONTENT})
    if not isinstance(manifest.get("course_code"), str):
        raise PackageError(_("%(member)s: the course code is missing.") % {"member": MANIFEST})
    return manifest
