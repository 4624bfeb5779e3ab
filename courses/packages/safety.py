"""Reading an uploaded archive without trusting it: every member's name, kind, size and
compression ratio is checked from the central directory before any is read, and again
while reading (the declared sizes may lie). Nothing is extracted to disk: members are read
into memory, within the caps below."""

import stat
import zipfile
import zlib
from collections import Counter

from django.utils.translation import gettext as _

from courses.packages.errors import PackageError

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
# Compressed JSON reaches 10 to 20; a zip bomb reaches hundreds or thousands.
MAX_RATIO = 100
# Below this size a member's ratio is not held against it (tiny files compress oddly).
RATIO_FLOOR_BYTES = 64 * 1024
CHUNK = 64 * 1024


def _check_name(name):
    if not name or "\x00" in name or "\\" in name:
        return _("the name is not a plain relative path")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return _("absolute paths are refused")
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return _("the path leaves the package or has empty parts (../)")
    return None


def _check_info(info):
    # Unix file type bits, when the archiver set them (zipfile.writestr leaves them out).
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return _("symbolic links are refused")
    if info.is_dir() or kind not in (0, stat.S_IFREG):
        return _("only regular files are allowed")
    if info.flag_bits & 0x1:
        return _("encrypted members are refused")
    if info.file_size > MAX_MEMBER_BYTES:
        return _("larger than %(limit)s MB") % {"limit": MAX_MEMBER_BYTES // (1024 * 1024)}
    if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return _("compressed more than %(ratio)s times (a zip bomb?)") % {"ratio": MAX_RATIO}
    return None


def _read(archive, info, budget):
    """The member's bytes, reading at most its declared size (and never past the budget)."""
    cap = min(info.file_size, budget)
    chunks, total = [], 0
    with archive.open(info) as member:
        while True:
            chunk = member.read(CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise PackageError(
                    _("%(member)s: holds more bytes than it declares, or the package is too large.")
                    % {"member": info.filename}
                )
            chunks.append(chunk)
    if total != info.file_size:
        raise PackageError(
            _("%(member)s: its size does not match the archive's directory.") % {"member": info.filename}
        )
    return b"".join(chunks)


def read_archive(fileobj):
    """{name: bytes} of a ZIP archive, or PackageError naming the member and the reason."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise PackageError(_("The file is not a ZIP archive.")) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackageError(_("The package has more than %(limit)s members.") % {"limit": MAX_MEMBERS})
        duplicates = [name for name, count in Counter(info.filename for info in infos).items() if count > 1]
        if duplicates:
            raise PackageError(
                _("%(member)s: appears more than once in the archive.") % {"member": duplicates[0]}
            )
        declared_total = 0
        for info in infos:
            reason = _check_name(info.filename) or _check_info(info)
            if reason:
                raise PackageError(f"{info.filename}: {reason}.")
            declared_total += info.file_size
        if declared_total > MAX_TOTAL_BYTES:
            raise PackageError(
                _("The package unpacks to more than %(limit)s MB.")
                % {"limit": MAX_TOTAL_BYTES // (1024 * 1024)}
            )
        members, budget = {}, MAX_TOTAL_BYTES
        for info in infos:
            try:
                data = _read(archive, info, budget)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                OSError,
                NotImplementedError,
                RuntimeError,
            ) as error:
                raise PackageError(
                    _("%(member)s: cannot be read (%(error)s).") % {"member": info.filename, "error": error}
                ) from None
            budget -= len(data)
            members[info.filename] = data
    return members
