"""What a document is made from, so that ``gzctl docs list`` knows which documents a change
can touch without preparing them all.

A build prepares each document from a *watched* project (:func:`watch`): the same values,
whose every read of a top-level field (``organisations``, ``checklist``, ...) is noted
while :func:`recording` is open, and so is a read of the context's ``today``. The build
keeps, per document, the names it read and :meth:`State.digest` of their values (with
gzctl's version, the templates, the playbook and its data files: build.static_key).
When ``docs list`` finds the same digest for the same names in the project as it is now,
preparing the document would give what the build got; only a document whose inputs
changed is prepared again (and only its preparer module is imported).

A value derived from a field can be read as itself: :func:`last_change` notes the day of
the newest history line, not the history, so that the letters' date is their input; and
:func:`entry` one entry of a table (an answer, a checklist item), not the whole table.
A cache inside a preparer that skips reads on a hit must say which fields its value came
from (:func:`note`, as :func:`gzctl.documents.base.common_data` does), and reads for the
cache's own key go in :func:`unrecorded`; anything that reads the project whole
(``vars``, ``copy``, ``pickle``) counts as reading every field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from gzctl.core.hashing import sha256 as _sha256
from gzctl.core.model import Project

TODAY = "today"  # the name noted for a read of the context's date (no Project field has it)
LAST_CHANGE = "@last_change"  # noted by last_change(): the day of the newest history line
# names through which the project is read whole
_WHOLE = frozenset({"__dict__", "__getstate__", "__reduce__", "__reduce_ex__", "__copy__",
                    "__deepcopy__"})  # fmt: skip

T = TypeVar("T")
_open: list[set[str]] = []  # the recordings open now, innermost last
_watched: dict[type, type] = {}


def _fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _watched_class(cls: type) -> type:
    """A subclass of ``cls`` (a project class) that notes which of its fields are read."""
    found = _watched.get(cls)
    if found is not None:
        return found
    names = _fields(cls)

    def __getattribute__(self: Any, name: str) -> Any:  # noqa: N807
        if _open:
            if name in names:
                _open[-1].add(name)
            elif name in _WHOLE:
                _open[-1].update(names)
        return object.__getattribute__(self, name)

    found = type(cls.__name__, (cls,), {"__getattribute__": __getattribute__})
    found.__qualname__ = cls.__qualname__
    _watched[cls] = found
    return found


def _note_today(self: Any, name: str) -> Any:
    if name == TODAY and _open:
        _open[-1].add(TODAY)
    return object.__getattribute__(self, name)


def watch(project: Project) -> Project:
    """``project`` with the same values (not copied), whose field reads are noted."""
    if type(project) in _watched.values():
        return project
    watched: Project = object.__new__(_watched_class(type(project)))
    object.__getattribute__(watched, "__dict__").update(vars(project))  # not a read
    return watched


def context_class(cls: type[T], project: Project) -> type[T]:
    """The class of the context a preparer gets (``cls``: documents.base.Context): for a
    watched project a subclass that notes a read of ``today``, else ``cls`` itself."""
    if type(project) not in _watched.values():
        return cls
    found = _watched.get(cls)
    if found is None:
        found = _watched[cls] = type(cls.__name__, (cls,), {"__getattribute__": _note_today})
    return found


@contextmanager
def recording() -> Iterator[set[str]]:
    """The names read while the block runs (a recording inside another adds to it too)."""
    used: set[str] = set()
    _open.append(used)
    try:
        yield used
    finally:
        _open.pop()
        if _open:
            _open[-1].update(used)


@contextmanager
def unrecorded() -> Iterator[None]:
    """Reads in the block are no inputs (a cache's key)."""
    _open.append(set())
    try:
        yield
    finally:
        _open.pop()


def note(names: Iterable[str]) -> None:
    """Count ``names`` as read (a cache hit: the reads its value came from)."""
    if _open:
        _open[-1].update(names)


def last_change(project: Project) -> dt.date | None:
    """The day of the project's last change (its newest history line), None without one.
    Letters carry it as their date: what they read of the history is this day alone, so a
    change on the same day leaves them as they were."""
    with unrecorded():
        last = max((h.at for h in project.history), default=None)
    note((LAST_CHANGE,))
    return last.date() if last is not None else None


def entry(project: Project, name: str, key: str) -> Any:
    """``project.<name>.get(key)`` (a table: the answers, the checklist), noted as a read of
    that one entry (``answers[verbinden.missie]``): a change elsewhere in the table is no
    new input for a document that read only this."""
    with unrecorded():
        value = getattr(project, name).get(key)
    note((f"{name}[{key}]",))
    return value


def _entry_of(name: str) -> tuple[str, str] | None:
    """'checklist[verkennen.x]' -> ('checklist', 'verkennen.x'); None for another name."""
    table, bracket, rest = name.partition("[")
    if not bracket or not rest.endswith("]"):
        return None
    return table, rest[:-1]


class State:
    """The project as it is now, for :meth:`digest`; each field is written out once."""

    def __init__(self, project: Project, today: dt.date, static: str) -> None:
        self.project = project
        self.today = today
        self.static = static
        self.names = _fields(type(project)) | {TODAY, LAST_CHANGE}
        self._digests: dict[str, bytes] = {}

    def _known(self, name: str) -> bool:
        if name in self.names:
            return True
        found = _entry_of(name)
        return found is not None and isinstance(getattr(self.project, found[0], None), dict)

    def _digest(self, name: str) -> bytes:
        """The SHA-256 of one input's value as Python writes it (records, lists, dicts in
        their order, dates: all the same for the same gzctl.toml); once per run."""
        found = self._digests.get(name)
        if found is None:
            if name == TODAY:
                value: Any = self.today.isoformat()
            elif name == LAST_CHANGE:
                value = last_change(self.project)
            elif name not in self.names:
                table, key = _entry_of(name) or ("", "")
                value = getattr(self.project, table).get(key)
            else:
                value = getattr(self.project, name)
            found = self._digests[name] = _sha256(f"{name}\0{value!r}".encode()).digest()
        return found

    def digest(self, names: Iterable[str]) -> str | None:
        """SHA-256 (hex) of the static key and the values of ``names``; None when one is no
        field of the project (a record from another version of gzctl)."""
        h = _sha256(self.static.encode() + b"\0")
        for name in sorted(set(names)):
            if not self._known(name):
                return None
            h.update(self._digest(name))
        return h.hexdigest()
