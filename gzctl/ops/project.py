"""What every op shares: where the project is, one transaction, the question before a change.

An op takes ``where``: a folder (``str`` or ``Path``; ``None`` is the folder the current
one lies in) or a project already opened by :func:`gzctl.network.session.open_project`,
so a command that has opened the project for its own checks does not read it twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from gzctl.core import store
from gzctl.network import session

Where: TypeAlias = session.Opened | str | Path | None


def opened(where: Where) -> session.Opened:
    """The opened project ``where`` names (opened here when it is a folder)."""
    if isinstance(where, session.Opened):
        return where
    return session.open_project(None if where is None else str(where))


@contextmanager
def transaction(project: session.Opened, who: str, now: dt.datetime) -> Iterator[store.Change]:
    """store.transaction on the project's folder: load under the lock, change, save."""
    with store.transaction(project.folder, who, now) as change:
        yield change


@dataclass(frozen=True)
class Confirmation:
    """What an op asks before it removes or forgets something, for the shell to ask.

    ``question``: the yes/no question on a terminal (None: never ask, the user must give
    --yes); ``refusal``: the Dutch line when the answer cannot be asked (no terminal, or no
    question), naming the command line that confirms. ``id`` is what the op then acts on."""

    kind: str
    id: str
    name: str
    question: str | None
    refusal: str


@dataclass(frozen=True)
class Line:
    """One line of a report: ``aside`` lines go to stderr (hints and warnings), the others
    to stdout."""

    text: str
    aside: bool = False


@dataclass(frozen=True)
class Edited:
    """What an edit changed: the record's name (or title) and id, and ``changed``, the Dutch
    labels of the fields that changed (empty: nothing changed, and nothing was logged)."""

    name: str
    id: str
    changed: list[str]
