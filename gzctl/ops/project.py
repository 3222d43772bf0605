"""What every op shares: where the project is, and one transaction.

An op takes ``where``: a folder (``str`` or ``Path``; ``None`` is the folder the current
one lies in) or a project already opened by :func:`gzctl.network.session.open_project`,
so a command that has opened the project for its own checks does not read it twice.
No dataclass is defined here (the reports are in gzctl/ops/reports.py): ``gzctl status``
loads this module on its fast path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
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
def transaction(
    project: session.Opened, who: str, now: dt.datetime, touches: frozenset[str] | None = None
) -> Iterator[store.Change]:
    """store.transaction on the project's folder: load under the lock, change, save.

    References stay whole: a change that leaves a reference to an organisation or platform
    that is not there is refused (Refused, exit 1, nothing saved), unless the project
    already had such references and the change repairs at least one and adds none.

    The project the command opened is the one changed when gzctl.toml has not changed
    since it was opened (core/store.transaction): ``tx.project`` is then ``project.project``
    itself, loaded once. ``touches``: the fields the block may change (store.transaction)."""
    from gzctl.network import references

    with store.transaction(project.folder, who, now, project.source, touches) as change:
        before = set(references.missing(change.project))
        yield change
        after = references.missing(change.project)
        if after and not set(after) < before:
            from gzctl.core.errors import Refused

            kind, item_id = next((m for m in after if m not in before), after[0])
            line = references.dangling_line(change.project, kind, item_id)
            raise Refused(f"Niets opgeslagen. {line}")
