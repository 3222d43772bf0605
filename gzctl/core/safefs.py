"""The one way gzctl writes (and guards reads of) files.

Why: a village repository is shared through git, and git keeps symlinks. A symlink at a
name gzctl writes to, at its temporary name, or anywhere between the project folder and the
file, would make gzctl overwrite a file elsewhere on the user's disk. So every write here:

- walks from ``root`` (the project folder, or the folder a user named) down to the file
  with ``O_NOFOLLOW`` directory descriptors where the platform has them, refusing any
  symlink on the way, and refuses a symlink at the final name;
- writes a temporary file with an unpredictable name, created ``O_CREAT|O_EXCL|O_NOFOLLOW``
  in the target folder, fsyncs it and renames it over the final name (atomic);
- removes the temporary file on any failure (a full disk leaves nothing behind), and
  :func:`clean_orphans` removes temporary files of earlier runs that were killed.

Every ``OSError`` becomes one Dutch line through :func:`os_error` (the CLI calls it for
errors that escape elsewhere).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from gzctl.core.errors import GzctlError, Refused, UsageProblem

PROJECT_FILE = "gzctl.toml"
# names gzctl keeps for itself: never the target of an export or a page
RESERVED = (PROJECT_FILE, ".gzctl.lock", ".gzctl-manifest.json")
TMP_MARK = ".gzctl-"
_TMP_RE = re.compile(r"^\..*\.gzctl-[0-9a-f]{16}\.tmp$")
# temporary names of gzctl versions before this module (mkstemp beside gzctl.toml)
_OLD_STATE_TMP_RE = re.compile(r"^\.gzctl\.toml\..{8}\.tmp$")
ORPHAN_AGE = 600.0  # seconds; younger temp files may belong to a running gzctl

_HAVE_DIR_FD = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and os.open in os.supports_dir_fd
    and os.rename in os.supports_dir_fd
    and os.unlink in os.supports_dir_fd
    and os.mkdir in os.supports_dir_fd
)


class UnsafePath(UsageProblem):
    """A symlink (or a non-folder) where gzctl would write or read: bad input, exit 2 (the
    documented table: the folder the user gave holds what gzctl may not use)."""


def _show(path: Path | str) -> str:
    from gzctl.core.outtext import clean_line

    return clean_line(str(path))


def tmp_name(name: str) -> str:
    """An unpredictable temporary name beside ``name``: '.NAME.gzctl-<16 hex>.tmp'
    (NAME is cut to 100 characters so a long final name still leaves room)."""
    return f".{name[:100]}{TMP_MARK}{os.urandom(8).hex()}.tmp"


def _parts_below(root: Path, path: Path) -> list[str]:
    """The folder names from ``root`` down to ``path``'s folder; UsageProblem if outside."""
    try:
        rel = path.parent.relative_to(root)
    except ValueError:
        raise UsageProblem(
            f"'{_show(path)}' ligt buiten de map '{_show(root)}'; daar schrijft gzctl niet."
        ) from None
    parts = [p for p in rel.parts if p not in ("", ".")]
    if ".." in parts:
        raise UsageProblem(f"'{_show(path)}' bevat '..'; daar schrijft gzctl niet.")
    return parts


def _symlink_refusal(where: Path) -> UnsafePath:
    return UnsafePath(
        f"'{_show(where)}' is een symbolische koppeling; daar schrijft of leest gzctl niet "
        "(hij kan naar een bestand buiten de projectmap wijzen). Verwijder de koppeling en "
        "probeer het opnieuw."
    )


def check_path(path: Path, root: Path | None = None) -> None:
    """Refuse (UnsafePath) when ``path`` or a folder between ``root`` and it is a symlink.

    ``root`` itself may be a symlink (a user's own choice, e.g. a synced Documents folder);
    everything below it may not. Missing parts are fine (they will be created as folders)."""
    path = Path(os.path.abspath(path))
    root = Path(os.path.abspath(root)) if root is not None else path.parent
    current = root
    for part in [*_parts_below(root, path), path.name]:
        current = current / part
        try:
            st = os.lstat(current)
        except FileNotFoundError:
            return
        except NotADirectoryError:
            raise UsageProblem(f"'{_show(current)}': een deel van dit pad is geen map.") from None
        if stat.S_ISLNK(st.st_mode):
            raise _symlink_refusal(current)


def refuse_reserved(path: Path, what: str = "dit bestand") -> None:
    """An export or page may never be gzctl.toml, the lock or the manifest (exit 2)."""
    if path.name.lower() in RESERVED:
        raise UsageProblem(
            f"'{_show(path)}' is een bestand van gzctl zelf; {what} schrijf ik daar niet. "
            "Kies een andere naam."
        )


def require_suffix(path: Path, suffixes: Iterable[str], what: str) -> None:
    """The target of a command must be a file of its own kind ('.html' for --html)."""
    allowed = tuple(s.lower() for s in suffixes)
    if not path.name.lower().endswith(allowed):
        raise UsageProblem(
            f"'{_show(path)}': {what} moet eindigen op {' of '.join(allowed)}; "
            "zo overschrijft gzctl nooit een ander bestand."
        )


def root_for(path: Path, project: Path | None) -> Path:
    """The folder from which symlinks are refused: the project when ``path`` lies in it,
    else the folder the user named."""
    path = Path(os.path.abspath(path))
    if project is not None:
        project = Path(os.path.abspath(project))
        if path.is_relative_to(project):
            return project
    return path.parent


def _mode_for(existing: int | None) -> int:
    if existing is not None:
        return existing & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes(
    path: Path,
    data: bytes | memoryview | tuple[bytes | memoryview, ...],
    *,
    root: Path | None = None,
    make_dirs: bool = False,
    allow_project_file: bool = False,
    mode: int | None = None,
) -> None:
    """Write ``data`` to ``path`` atomically and without following any symlink below
    ``root`` (default: ``path``'s own folder). ``mode``: the new file's permissions (default:
    the old file's, else as the umask says; 0o600 for a secret). ``data`` may be a tuple of
    parts, written one after the other (a large file is then never joined in memory).

    Raises UnsafePath (exit 2) for a symlink, UsageProblem for a reserved name, a path
    outside ``root`` or a missing folder (unless ``make_dirs``), and Dutch GzctlErrors for
    OSErrors (full disk, no permission, read-only, name too long)."""
    path = Path(os.path.abspath(path))
    root = Path(os.path.abspath(root)) if root is not None else path.parent
    if not allow_project_file and path.name.lower() == PROJECT_FILE:
        refuse_reserved(path)
    parts = _parts_below(root, path)
    try:
        if _HAVE_DIR_FD:
            _write_dir_fd(root, parts, path.name, data, make_dirs, mode)
        else:  # pragma: no cover - platforms without openat (Windows)
            _write_plain(root, parts, path, data, make_dirs)
    except GzctlError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _symlink_refusal(path) from None
        if exc.filename is None:
            exc.filename = str(path)
        raise os_error(exc) from None


def write_text(path: Path, text: str, **kwargs: object) -> None:
    """:func:`write_bytes` for UTF-8 text with '\\n' line ends."""
    write_bytes(path, text.encode("utf-8"), **kwargs)  # type: ignore[arg-type]


def _open_dir(name: str, dir_fd: int, make: bool, shown: Path) -> int:
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except FileNotFoundError:
        if not make:
            raise UsageProblem(f"Map '{_show(shown)}' bestaat niet.") from None
        try:
            os.mkdir(name, 0o777, dir_fd=dir_fd)
        except FileExistsError:
            pass
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            try:
                if stat.S_ISLNK(os.lstat(name, dir_fd=dir_fd).st_mode):
                    raise _symlink_refusal(shown) from None
            except OSError:
                pass
            raise UsageProblem(f"'{_show(shown)}' is geen map.") from None
        exc.filename = str(shown)
        raise


Chunks = bytes | memoryview | tuple[bytes | memoryview, ...]


def _chunks(data: Chunks) -> tuple[bytes | memoryview, ...]:
    return data if isinstance(data, tuple) else (data,)


def _write_dir_fd(
    root: Path, parts: list[str], name: str, data: Chunks, make: bool, mode: int | None = None
) -> None:
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        if not make:
            raise UsageProblem(f"Map '{_show(root)}' bestaat niet.") from None
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    shown = root
    try:
        for part in parts:
            shown = shown / part
            child = _open_dir(part, fd, make, shown)
            os.close(fd)
            fd = child
        final = shown / name
        existing: int | None = None
        try:
            st = os.lstat(name, dir_fd=fd)
        except FileNotFoundError:
            pass
        else:
            if stat.S_ISLNK(st.st_mode):
                raise _symlink_refusal(final)
            if stat.S_ISDIR(st.st_mode):
                raise UsageProblem(f"'{_show(final)}' is een map, geen bestand.")
            existing = st.st_mode
        tmp = tmp_name(name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        tfd = os.open(tmp, flags, 0o600, dir_fd=fd)
        try:
            try:
                os.fchmod(tfd, _mode_for(existing) if mode is None else mode)
                for chunk in _chunks(data):
                    view = memoryview(chunk)
                    while view:
                        written = os.write(tfd, view)
                        view = view[written:]
                os.fsync(tfd)
            finally:
                os.close(tfd)
            os.rename(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException as exc:
            try:
                os.unlink(tmp, dir_fd=fd)
            except OSError:
                pass
            if isinstance(exc, OSError) and exc.filename is None:
                exc.filename = str(final)
            raise
        try:
            os.fsync(fd)
        except OSError:
            pass
    finally:
        os.close(fd)


def _write_plain(
    root: Path, parts: list[str], path: Path, data: Chunks, make: bool
) -> None:  # pragma: no cover - exercised only without dir_fd support
    if make:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise UsageProblem(f"Map '{_show(path.parent)}' bestaat niet.")
    check_path(path, root)
    try:
        existing: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        existing = None
    tmp = path.parent / tmp_name(path.name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    tfd = os.open(tmp, flags, 0o600)
    try:
        try:
            os.chmod(tmp, _mode_for(existing))
            with os.fdopen(tfd, "wb", closefd=False) as fh:
                for chunk in _chunks(data):
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
        finally:
            os.close(tfd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove(path: Path, *, root: Path | None = None, missing_ok: bool = True) -> bool:
    """Remove the file at ``path`` without following a link in any folder between ``root``
    (default: ``path``'s folder) and it; a link at the final name is removed itself, never
    what it points at. Returns whether a file was removed. Raises UnsafePath for a link on
    the way, UsageProblem for a folder at ``path``, Dutch GzctlErrors for other OSErrors."""
    path = Path(os.path.abspath(path))
    root = Path(os.path.abspath(root)) if root is not None else path.parent
    parts = _parts_below(root, path)
    try:
        if not _HAVE_DIR_FD:  # pragma: no cover - platforms without openat (Windows)
            check_path(path, root)
            path.unlink()
            return True
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        shown = root
        try:
            for part in parts:
                shown = shown / part
                child = _open_dir(part, fd, False, shown)
                os.close(fd)
                fd = child
            try:
                st = os.lstat(path.name, dir_fd=fd)
            except FileNotFoundError:
                if missing_ok:
                    return False
                raise
            if stat.S_ISDIR(st.st_mode):
                raise UsageProblem(f"'{_show(path)}' is een map, geen bestand.")
            os.unlink(path.name, dir_fd=fd)
            return True
        finally:
            os.close(fd)
    except GzctlError:
        raise
    except FileNotFoundError:
        if missing_ok:
            return False
        raise os_error(FileNotFoundError(errno.ENOENT, "", str(path))) from None
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise os_error(exc) from None


def make_folder(folder: Path) -> None:
    """Create the folder a user named (a new village, the folder ``sync`` clones into),
    parents included. That folder and the folders above it are the user's own choice (they
    may be links, like a synced Documents folder); what gzctl writes below it goes through
    :func:`write_bytes` with it as ``root``."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageProblem(f"'{_show(folder)}' bestaat al en is geen map.") from None
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(folder)
        raise os_error(exc) from None


def open_lock_file(path: Path) -> int:
    """A descriptor for the lock file ``path`` (created if missing, never truncated), opened
    without following a symlink: a planted ``.gzctl.lock`` link is refused (UnsafePath)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _symlink_refusal(path) from None
        raise


def clean_orphans(folder: Path, *, max_age: float = ORPHAN_AGE, recursive: bool = False) -> int:
    """Remove gzctl's own temporary files left by a killed run; returns how many.

    Only names gzctl makes ('.NAME.gzctl-<16 hex>.tmp', and the old '.gzctl.toml.XXXXXXXX.tmp')
    and only regular files older than ``max_age`` seconds (0: all, for callers holding the
    project lock). Symlinks are never followed; errors are ignored (cleaning is a courtesy)."""
    removed = 0
    limit = time.time() - max_age
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.is_symlink():
                continue
            if recursive and entry.is_dir(follow_symlinks=False):
                removed += clean_orphans(Path(entry.path), max_age=max_age, recursive=True)
                continue
            if not (_TMP_RE.match(entry.name) or _OLD_STATE_TMP_RE.match(entry.name)):
                continue
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or (max_age and st.st_mtime > limit):
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def read_bytes(path: Path, root: Path) -> bytes:
    """Read a file below ``root`` refusing symlinks on the way (templates in sjablonen/)."""
    check_path(path, root)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _symlink_refusal(path) from None
        raise
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


_ERRNO_TEXT: dict[int, tuple[str, str, int]] = {
    errno.EACCES: (
        "geen toegang tot '{f}'",
        "Controleer de rechten, of sluit het bestand als het open staat (bijvoorbeeld in "
        "Excel) en probeer het opnieuw.",
        1,
    ),
    errno.EPERM: (
        "geen toestemming voor '{f}'",
        "Controleer de rechten, of sluit het bestand als het open staat en probeer het opnieuw.",
        1,
    ),
    errno.EROFS: (
        "'{f}' staat op een schijf waarop niet geschreven kan worden",
        "Kies een andere map.",
        1,
    ),
    errno.ENOSPC: ("de schijf is vol bij '{f}'", "Maak ruimte vrij en probeer het opnieuw.", 1),
    errno.EDQUOT: (
        "je schijfquotum is op bij '{f}'",
        "Maak ruimte vrij en probeer het opnieuw.",
        1,
    ),
    errno.ENAMETOOLONG: ("de naam '{f}' is te lang", "Kies een kortere naam.", 2),
    errno.ENOENT: ("'{f}' bestaat niet", "Controleer de naam en de map.", 2),
    errno.ENOTDIR: ("een deel van '{f}' is geen map", "Controleer het pad.", 2),
    errno.EISDIR: ("'{f}' is een map, geen bestand", "Geef een bestandsnaam.", 2),
    errno.ELOOP: (
        "'{f}' is een symbolische koppeling (of een kring ervan)",
        "Verwijder de koppeling.",
        2,
    ),
    errno.EBUSY: ("'{f}' is in gebruik", "Sluit het andere programma en probeer het opnieuw.", 1),
    errno.ETXTBSY: ("'{f}' is in gebruik", "Sluit het andere programma en probeer opnieuw.", 1),
    errno.EEXIST: ("'{f}' bestaat al", "Kies een andere naam.", 1),
    errno.EIO: ("lees- of schrijffout bij '{f}'", "Controleer de schijf.", 1),
}


def os_error(exc: OSError) -> GzctlError:
    """One Dutch error naming the file and what to do, for any OSError (exit 1 or 2)."""
    name = exc.filename if exc.filename is not None else "een bestand"
    shown = _show(os.fsdecode(name) if isinstance(name, bytes | str) else str(name))
    known = _ERRNO_TEXT.get(exc.errno or -1)
    if known is None:
        reason = _show(exc.strerror or type(exc).__name__)
        err: GzctlError = Refused(
            f"kan '{shown}' niet lezen of schrijven ({reason}). Controleer het bestand en de map."
        )
        return err
    what, todo, code = known
    message = what.format(f=shown)
    message = message[0].upper() + message[1:] + ". " + todo
    return UsageProblem(message) if code == 2 else Refused(message)
