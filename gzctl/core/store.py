"""gzctl.toml: find, load, validate, migrate and save the project state.

Every write is atomic (temporary file beside it, fsync, ``os.replace``) and happens under a
lock inside :func:`transaction`, which re-reads the file first: two processes on one folder
never lose each other's update, and a file that does not load is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gzctl.core.errors import NoProject, NotFound, Refused, StateError, UsageProblem
from gzctl.core.model import (
    SCHEMA_VERSION,
    ConversionError,
    HistoryEntry,
    Project,
    from_dict,
    to_dict,
)
from gzctl.core.tomlfile import TomlError, loads

STATE_FILE = "gzctl.toml"
LOCK_FILE = ".gzctl.lock"
LOCK_TIMEOUT = 15.0

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# MIGRATIONS[n] turns a schema-n document into a schema-(n+1) document. Add one, bump
# model.SCHEMA_VERSION, and write an upgrade note in CHANGELOG.md whenever the state changes.
MIGRATIONS: dict[int, Migration] = {}


# --------------------------------------------------------------------------- finding


def find_project(start: Path, explicit: bool = False) -> Path:
    """The project folder: ``start`` itself when named with -C, else the nearest parent
    holding gzctl.toml (as git finds .git)."""
    start = start.resolve()
    if explicit:
        if not start.is_dir():
            raise NotFound(f"Map '{start}' bestaat niet.")
        if not (start / STATE_FILE).is_file():
            raise NotFound(
                f"Geen gzctl-project in '{start}' ({STATE_FILE} ontbreekt). "
                f"Begin er een met: gzctl init {start}"
            )
        return start
    for folder in (start, *start.parents):
        if (folder / STATE_FILE).is_file():
            return folder
    below = projects_below(start)
    if below:
        names = ", ".join(below)
        where = f"staat het dorp {names}" if len(below) == 1 else f"staan de dorpen {names}"
        raise NoProject(
            f"Geen gzctl-project gevonden in '{start}' of een map erboven. Hieronder {where}; "
            "noem de map met -C:",
            below,
        )
    raise NoProject(
        f"Geen gzctl-project gevonden in '{start}' of een map erboven. "
        "Begin er een met 'gzctl init MAP', of wijs er een aan met -C MAP."
    )


def projects_below(start: Path, depth: int = 2, limit: int = 5) -> tuple[str, ...]:
    """The project folders at most ``depth`` levels under ``start`` (relative, '/'-joined,
    sorted; at most ``limit``): the village a user standing one folder too high meant.
    Hidden folders and unreadable ones are skipped."""
    found: list[str] = []
    level = [start]
    for _ in range(depth):
        nxt = []
        for folder in level:
            try:
                children = sorted(p for p in folder.iterdir() if p.is_dir())
            except OSError:
                continue
            for child in children:
                if child.name.startswith("."):
                    continue
                if (child / STATE_FILE).is_file():
                    found.append(child.relative_to(start).as_posix())
                else:
                    nxt.append(child)
        level = nxt[:200]  # a home folder full of folders: look no further than that
    return tuple(sorted(found)[:limit])


# --------------------------------------------------------------------------- reading


def _split_key(raw: str) -> list[str]:
    parts: list[str] = []
    for m in re.finditer(
        r'\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+))\s*(?:\.|$)', raw
    ):
        parts.append(next(g for g in m.groups() if g is not None))
    return parts


def locate(text: str, parts: tuple[str | int, ...]) -> int | None:
    """Line number (1-based) where the key path ``parts`` is written, if it can be found."""
    target = list(parts)
    current: list[str | int] = []
    arrays: dict[tuple[str | int, ...], int] = {}
    in_multiline = False
    best: int | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if in_multiline:
            if stripped.count('"""') % 2 == 1 or stripped.count("'''") % 2 == 1:
                in_multiline = False
            continue
        if not stripped or stripped.startswith("#"):
            continue
        header = re.match(r"^\[\[(.+)\]\]\s*(#.*)?$", stripped)
        table = re.match(r"^\[([^\[].*)\]\s*(#.*)?$", stripped)
        if header or table:
            names = _split_key((header or table).group(1))  # type: ignore[union-attr]
            path: list[str | int] = []
            for name in names:
                path.append(name)
                if tuple(path) in arrays:
                    path.append(arrays[tuple(path)])
            if header:
                key = tuple(path)
                arrays[key] = arrays.get(key, -1) + 1
                path.append(arrays[key])
            current = path
            if current == target[: len(current)] and best is None and len(current) == len(target):
                return lineno
            continue
        m = re.match(r"^((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.\- ])+?)\s*=", stripped)
        if m:
            full = current + list(_split_key(m.group(1)))
            if full == target[: len(full)]:
                return lineno
            if full[: len(target)] == target:
                return lineno
            value = stripped[m.end() :]
            if value.count('"""') == 1 or value.count("'''") == 1:
                in_multiline = True
    return best


def located_error(name: str, text: str, parts: tuple[str | int, ...], message: str) -> StateError:
    """The one form of a broken-file error: file, line of ``parts`` if found, what is wrong."""
    line = locate(text, parts)
    where = f", regel {line}" if line else ""
    return StateError(
        f"{name}{where}: {message} "
        "Herstel het bestand; gzctl schrijft er niet in tot het weer klopt."
    )


def _toml_error(name: str, text: str, exc: TomlError) -> StateError:
    """The one Dutch error for a gzctl.toml that is no TOML (or more than tomllib reads)."""
    fix = "Herstel het bestand; gzctl schrijft er niet in tot het weer klopt."
    if exc.kind == "number":
        return StateError(f"{name} bevat een getal dat te lang is. {fix}")
    if exc.kind == "depth":
        return StateError(f"{name} is te diep genest (lijsten of tabellen in elkaar). {fix}")
    if re.search(r"^<<<<<<< ", text, re.MULTILINE):
        return StateError(
            f"{name} bevat git-conflictmarkeringen (<<<<<<<): git heeft het bestand "
            "regel voor regel samengevoegd. Voeg het opnieuw samen met: gzctl merge setup"
        )
    return StateError(f"{name} is geen geldige TOML ({exc.dutch}). {fix}")


def parse(text: str, source: Path) -> Project:
    """Parse the text of a gzctl.toml into a Project, or raise StateError naming the place."""
    name = source.name
    try:
        try:
            data = loads(text)
        except TomlError:
            # as an editor left it (a lone CR, a trailing NUL, a pasted control character):
            # tidied, it may parse; if not, the error below is about the text as written
            from gzctl.core.encoding import tidy_toml

            tidied = tidy_toml(text)
            if tidied == text:
                raise
            data = loads(tidied)
            text = tidied
    except TomlError as exc:
        raise _toml_error(name, text, exc) from exc
    version = data.get("schema_version")
    if version is None:
        raise StateError(f"{name}: 'schema_version' ontbreekt; is dit wel een gzctl-project?")
    if not isinstance(version, int) or isinstance(version, bool):
        line = locate(text, ("schema_version",))
        raise StateError(f"{name}, regel {line}: 'schema_version' moet een geheel getal zijn.")
    if version > SCHEMA_VERSION:
        raise StateError(
            f"{name} heeft schema_version {version}; deze gzctl kent tot en met "
            f"{SCHEMA_VERSION}. Werk gzctl bij (pip install --upgrade gzctl)."
        )
    if version < 1:
        raise StateError(f"{name}: schema_version {version} bestaat niet.")
    while version < SCHEMA_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise StateError(
                f"{name}: geen omzetting van schema_version {version} naar {version + 1}."
            )
        data = migrate(data)
        version += 1
        data["schema_version"] = version
    try:
        project = from_dict(Project, data)
    except ConversionError as exc:
        message = f"'{exc.key}' {exc.message.rstrip('.')}."
        raise located_error(name, text, exc.parts, message) from exc
    except RecursionError:
        raise StateError(f"{name} is te diep genest (lijsten of tabellen in elkaar).") from None
    from gzctl.core.checks import project_faults
    from gzctl.core.model import format_key

    faults = project_faults(project)
    if faults:
        parts, reason = faults[0]
        raise located_error(name, text, parts, f"'{format_key(parts)}': {reason}")
    return project


def read_text(path: Path) -> str:
    """The text of gzctl.toml as an editor left it: a BOM and CR LF from Windows Notepad,
    or UTF-16 and Windows-1252, are read (gzctl.core.encoding); the next save writes plain
    UTF-8 with LF. Raises FileNotFoundError, or StateError for bytes that are no text."""
    from gzctl.core.encoding import SAVE_AS_UTF8, Undecodable
    from gzctl.core.encoding import read_text as read_any

    try:
        return read_any(path)
    except Undecodable as exc:
        raise StateError(f"{path.name} is geen leesbare tekst ({exc}). {SAVE_AS_UTF8}") from exc


def load(folder: Path, keep_cache: bool = True) -> Project:
    """The project in ``folder``. Raises NotFound, StateError.

    A project parsed before from exactly these bytes comes from the village's cache
    (gzctl/core/statecache.py); ``keep_cache=False`` reads without writing that cache (the
    portfolio, which must not change the villages it reads)."""
    return load_source(folder, keep_cache)[0]


class Source:
    """Where a loaded project came from: the bytes of gzctl.toml and the cached fields
    (statecache.Parts, None after a parse). A command that opened the project hands it to
    its :func:`transaction`, which then takes that project as it is when the file still
    holds exactly these bytes under the lock: the file is read, checked and unpickled once
    per command. Taken at most once (:meth:`take`): a second transaction, or one after a
    failed one, loads again."""

    __slots__ = ("_held",)

    def __init__(self, data: bytes, parts: dict[str, bytes] | None, project: Project) -> None:
        self._held: tuple[bytes, dict[str, bytes] | None, Project] | None = (data, parts, project)

    def take(self) -> tuple[bytes, dict[str, bytes] | None, Project] | None:
        """The bytes, cached fields and project, once; None after that."""
        held, self._held = self._held, None
        return held


def load_source(folder: Path, keep_cache: bool = True) -> tuple[Project, Source]:
    """:func:`load`, with the :class:`Source` the project came from."""
    path = folder / STATE_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise NotFound(f"{path} bestaat niet.") from exc
    project, parts = _loaded(folder, path, data, keep_cache)
    return project, Source(data, parts, project)


def _decoded(path: Path, data: bytes) -> str:
    """gzctl.toml's bytes as text, as :func:`read_text` reads them."""
    if data.isascii():
        return data.decode("ascii")
    from gzctl.core.encoding import SAVE_AS_UTF8, Undecodable, decode

    try:
        return decode(data)[0]
    except Undecodable as exc:
        raise StateError(f"{path.name} is geen leesbare tekst ({exc}). {SAVE_AS_UTF8}") from exc


def _loaded(
    folder: Path, path: Path, data: bytes, keep_cache: bool
) -> tuple[Project, dict[str, bytes] | None]:
    """The project parsed from ``data``, and its cached fields when it came from the cache."""
    from gzctl.core import statecache

    parts = statecache.get_parts(folder, data)
    project = statecache.project_of(parts) if parts is not None else None
    if project is not None:
        return project, parts
    project = _parse_quietly(_decoded(path, data), path)
    if keep_cache:
        statecache.put(folder, data, project)
    return project, None


def _parse_quietly(text: str, path: Path) -> Project:
    """:func:`parse` with garbage collection paused: a large file is hundreds of thousands of
    new objects, none of them garbage, which would set the collector off again and again."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        project = parse(text, path)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()  # it lives as long as the command: later collections pass it by
    return project


# --------------------------------------------------------------------------- writing

_HEADER = (
    "# Gemeenschapszorg netwerk — projectbestand van gzctl.\n"
    "# Je mag dit bestand met de hand bewerken; 'gzctl status' controleert het.\n"
)


def dumps(project: Project) -> str:
    """The file text: deterministic, so saving the same state twice is byte-identical."""
    import tomli_w

    data = to_dict(project)
    # history grows without end: keep it at the bottom of the file, below everything else
    history = data.pop("history", None)
    text = _HEADER + tomli_w.dumps(data, multiline_strings=True)
    if history:
        text += "\n" + tomli_w.dumps({"history": history}, multiline_strings=True)
    return text


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or UTF-8 bytes) atomically with no symlink at the final or temporary
    name (gzctl/core/safefs.py); only gzctl.toml itself is written through here."""
    from gzctl.core import safefs

    data = text.encode("utf-8") if isinstance(text, str) else text
    safefs.write_bytes(path, data, allow_project_file=True)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the project lock (gzctl/core/lock.py) for the ``with`` block; Refused when
    another gzctl process keeps it longer than LOCK_TIMEOUT seconds."""
    from gzctl.core.lock import LockTimeout, hold

    try:
        with hold(folder / LOCK_FILE, LOCK_TIMEOUT):
            yield
    except LockTimeout as exc:
        raise Refused(
            "Een ander gzctl-proces werkt nu aan dit project; probeer het zo opnieuw."
        ) from exc


class Change:
    """What a transaction hands out: the freshly loaded project and a way to log."""

    def __init__(self, project: Project, who: str, now: dt.datetime) -> None:
        self.project = project
        self.who = who
        self.now = now

    def log(self, action: str, what: str, ids: list[str] | None = None) -> None:
        """Appends an entry to the project's history, stamped with this moment and person."""
        self.project.history.append(
            HistoryEntry(
                at=self.now.replace(microsecond=0),
                who=self.who,
                action=action,
                what=what,
                ids=list(ids or []),
            )
        )


@contextmanager
def transaction(
    folder: Path,
    who: str,
    now: dt.datetime,
    source: Source | None = None,
    touches: frozenset[str] | None = None,
) -> Iterator[Change]:
    """Load under the lock, let the caller change the project, save if anything changed.

    An exception inside the block leaves the file as it was. With ``[settings.git]
    autocommit`` on (before or after the change) the written file is committed to git with
    the new history lines as message (gzctl/core/gitsync.py); a failing git only warns.

    ``source``: where the project the command opened came from (:func:`load_source`). When
    gzctl.toml, read again under the lock, still holds exactly those bytes, that project is
    the one changed: nothing is parsed, unpickled or checked a second time. What the save
    compares against (the lists as loaded and the pieces of the last save) is made ready
    before the lock is taken; under it the file is read, the block runs, only the changed
    pieces are rendered and checked, and the file is written. The cache is written after.

    ``touches``: the fields of the project the block may change, when the caller knows them
    (``done`` and ``undo`` change the checklist and the history). A list of records outside
    them is then taken as it was, by its pieces and its pickle of the last save, without
    loading it a second time to compare it element by element (with 50,000 organisations
    that was a third of a ``done``); a list outside them that the block replaced or
    resized is compared after all. With ``GZCTL_CHECK_TOUCHES`` set (the tests set it) every
    list outside them is compared too, and a change to one is an AssertionError."""
    path = folder / STATE_FILE
    held = source.take() if source is not None else None
    ready = _reference(folder, held[0], held[1], touches) if held is not None else None
    saved: tuple[bytes, Project, dict[str, bytes] | None, Any] | None = None
    with locked(folder):
        from gzctl.core import safefs, statecache

        safefs.clean_orphans(folder, max_age=0)  # under the lock: no other save is running
        safefs.check_path(path, folder)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise NotFound(f"{path} bestaat niet.") from exc
        if held is not None and held[0] == data:  # as the command opened it
            _, parts, project = held
        else:  # changed since (another process) or not opened before: load it now
            ready = None
            parts = statecache.get_parts(folder, data)
            cached = statecache.project_of(parts) if parts is not None else None
            if cached is None:
                parts = None
                cached = _parse_quietly(_decoded(path, data), path)
            project = cached
        del held
        # a login name the wizard's "Wie ben jij?" tied to an initiator: the history says
        # who that is (``wizard.people``), for every command
        change = Change(project, project.wizard.people.get(who) or who, now)
        was_on = project.settings.git.autocommit
        logged = len(project.history)
        lists = _lists(project, touches)
        yield change
        if ready is None:
            ready = _reference(folder, data, parts, touches)
        ready = _untouched(change.project, lists, parts, ready)
        new_text, checked, reuse, pieces = _new_text(parts, change.project, ready)
        new_data = new_text.encode("utf-8")
        if new_data != data and new_text != _decoded(path, data):
            if checked is None:
                checked = refuse_unloadable(new_text, path)
                reuse = None
            write_atomic(path, new_data)
            saved = (new_data, checked, reuse, pieces)
            if was_on or change.project.settings.git.autocommit:
                from gzctl.core.gitsync import autocommit

                autocommit(folder, STATE_FILE, change.project.history[logged:])
    del data, new_text  # tens of MB on a large village: not needed to fill the cache
    if saved is not None:  # after the lock: the next run starts from the parsed new state
        statecache.put(folder, *saved)


Reference = tuple[Project | None, Any, set[str]]  # the lists as loaded, pieces, same


def _reference(
    folder: Path, data: bytes, parts: dict[str, bytes] | None,
    touches: frozenset[str] | None = None,
) -> Reference:  # fmt: skip
    """What a save compares the changed project against: the lists of records as loaded
    from ``data`` (unpickled anew from the cached fields ``parts``: nobody else holds them,
    so they are as the file says; only those in ``touches`` when given), and the pieces of
    that text kept by the last save (gzctl/core/statetext.py); None for both when not kept.
    The third element (filled in by :func:`_untouched`): the lists known to be unchanged."""
    from gzctl.core import statecache

    memo = statecache.get_pieces(folder, data) if parts is not None else None
    if parts is None or not memo:
        return None, None, set()
    names = set(memo) if touches is None else set(memo) & touches
    old = statecache.project_of(parts, names)
    return (old, memo, set()) if old is not None else (None, None, set())


def _lists(project: Project, touches: frozenset[str] | None) -> dict[str, tuple[Any, int]]:
    """The lists of records outside ``touches`` as the block gets them: each list itself
    and its length."""
    if touches is None:
        return {}
    from gzctl.core.statetext import LISTED

    return {
        name: (value, len(value))
        for name in LISTED - touches
        for value in (getattr(project, name),)
    }


def _untouched(
    project: Project, lists: dict[str, tuple[Any, int]], parts: dict[str, bytes] | None,
    ready: Reference,
) -> Reference:  # fmt: skip
    """``ready`` with the lists outside the transaction's ``touches`` that are still the
    very lists the block got, of the same length, as unchanged; any other list outside
    them is loaded to be compared after all."""
    old, memo, _ = ready
    if old is None or memo is None or parts is None or not lists:
        return ready
    from gzctl.core import statecache

    same = {
        name
        for name, (before, size) in lists.items()
        for value in (getattr(project, name),)
        if name in memo and value is before and len(value) == size == len(memo[name])
    }
    other = {name for name in lists if name in memo and name not in same}
    if other:  # replaced or resized although outside touches: compare it after all
        loaded = statecache.project_of(parts, other)
        if loaded is None:
            return None, None, set()
        for name in other:
            setattr(old, name, getattr(loaded, name))
    if same and os.environ.get("GZCTL_CHECK_TOUCHES"):
        full = statecache.project_of(parts, same)
        changed = sorted(n for n in same if full is None or getattr(project, n) != getattr(full, n))
        assert not changed, f"the transaction changed {changed}, outside what it touches"
    return old, memo, same


def _new_text(
    parts: dict[str, bytes] | None, project: Project, reference: Reference
) -> tuple[str, Project | None, dict[str, bytes] | None, Any]:
    """The text to save for ``project`` (what :func:`dumps` gives), the project it loads as
    when that is already known, the cached fields known unchanged, and the text's pieces.

    With the pieces of the last save (``reference``, from :func:`_reference`) only what
    changed is rendered and parsed: with 50,000 organisations a ``done`` then takes a
    fraction of a second."""
    from gzctl.core import statetext

    old, memo, same = reference
    made = statetext.render(project, old, memo, same)
    if made is None:
        return dumps(project), None, None, None
    new_text, pieces, fresh = made
    if old is None or memo is None or not statetext.verify(project, pieces, fresh):
        return new_text, None, None, pieces
    listed = set(memo)
    # fields whose pieces all came from the last save are as cached: their pickles serve again
    reuse = {
        name: parts[name]
        for name in listed & set(pieces)
        if parts is not None and name in parts and not fresh.get(name)
        and len(getattr(project, name))
        == (len(memo[name]) if name in same else len(getattr(old, name)))
    }  # fmt: skip
    return new_text, project, reuse, pieces


def refuse_unloadable(text: str, path: Path) -> Project:
    """The text about to be saved must load again with every rule (gzctl/core/checks.py):
    a command, an answers file or a custom playbook never writes a file gzctl then refuses.
    Raises UsageProblem (exit 2); the file is left as it was. Returns the project as loaded
    from ``text``."""
    try:
        return _parse_quietly(text, path)
    except StateError as exc:
        detail = exc.message.replace(
            " Herstel het bestand; gzctl schrijft er niet in tot het weer klopt.", ""
        )
        detail = re.sub(r"^gzctl\.toml(, regel \d+)?: ", "", detail)
        raise UsageProblem(
            f"Niet opgeslagen: de wijziging past niet in {STATE_FILE} ({detail.rstrip('.')}). "
            "Het bestand is niet veranderd."
        ) from None


def create(folder: Path, project: Project) -> None:
    """Write a brand-new project; refuses when one is there already."""
    from gzctl.core import safefs
    from gzctl.core.text import shell_quote

    safefs.make_folder(folder)
    path = folder / STATE_FILE
    with locked(folder):
        if path.exists():
            raise UsageProblem(
                f"Er staat al een project in '{folder}' ({STATE_FILE}); dat overschrijf ik niet. "
                "Ga verder met: gzctl -C " + shell_quote(str(folder)) + " wizard"
            )
        text = dumps(project)
        refuse_unloadable(text, path)
        write_atomic(path, text)
    from gzctl.core.gitmerge import prepare_new

    prepare_new(folder)
