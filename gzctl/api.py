"""gzctl as a Python library, for advisors' scripts: a few stable functions over the use cases.

Every function takes a project folder (or, for :func:`portfolio`, the folders to search) and
returns a small report dataclass, the same one the commands print from. Changes are saved
exactly as the commands save them: under the lock, with a history line, committed to git
when the project asks for it. ``who`` (the name in the history) and ``now`` default to what
the command line would use: ``GZCTL_USER`` or the login name, and the clock (``GZCTL_NOW``
when set). Errors are :class:`GzctlError` subclasses with a Dutch ``message`` and the
``exit_code`` the command would exit with.

The names in ``__all__`` stay; anything else in gzctl may change between versions. See
docs/api.md for an example.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gzctl.core.errors import GzctlError

if TYPE_CHECKING:
    from gzctl.ops.documents import Built
    from gzctl.ops.orgs import ImportReport
    from gzctl.ops.portfolio import Portfolio
    from gzctl.ops.privacy import Forgotten, PersonExport
    from gzctl.ops.remove import Removed

__all__ = [
    "GzctlError",
    "build_documents",
    "export_person",
    "forget_person",
    "import_organisations",
    "mark_done",
    "portfolio",
    "remove",
    "status",
]

Folder = str | Path


def _who(who: str | None) -> str:
    from gzctl.core import runtime

    return who if who is not None else runtime.who()


def _now(now: dt.datetime | None) -> dt.datetime:
    from gzctl.core import runtime

    return now if now is not None else runtime.now()


def status(folder: Folder, *, today: dt.date | None = None) -> dict[str, Any]:
    """The status document of one village, as ``gzctl status --json`` prints it."""
    from gzctl.ops.status import village_status

    return village_status(Path(folder), today=today or _now(None).date()).data


def portfolio(
    roots: Sequence[Folder],
    *,
    depth: int = 3,
    stalled_days: int | None = None,
    phase: str | None = None,
    stalled: bool = False,
    sort: str = "village",
    reverse: bool = False,
    use_cache: bool = True,
    today: dt.date | None = None,
) -> Portfolio:
    """Every village under ``roots`` (empty: the configured ``portfolio.roots``, else the
    current folder), as the rows of ``gzctl portfolio --json`` (``.rows``), filtered and
    sorted as the command's options do. A folder that cannot be read has a row with its
    ``error`` and counts in ``.failed``."""
    from gzctl.ops.portfolio import portfolio_rows

    return portfolio_rows(
        list(roots),
        today=today or _now(None).date(),
        environ=os.environ,
        default_root=Path.cwd(),
        depth=depth,
        stalled_days=stalled_days,
        use_cache=use_cache,
        phase=phase,
        stalled=stalled,
        sort=sort,
        reverse=reverse,
    )


def export_person(folder: Folder, person: str) -> PersonExport:
    """Everything gzctl.toml holds about one person (a name, e-mail address, phone number,
    or a candidate's or organisation's id), as ``gzctl person export --json``."""
    from gzctl.ops.privacy import export_person as op

    return op(Path(folder), person)


def forget_person(
    folder: Folder, person: str, *, who: str | None = None, now: dt.datetime | None = None
) -> Forgotten:
    """Forget a person (``gzctl person forget --yes``: no question is asked): records,
    their name in texts and history, and the documents in documenten/ that name them."""
    from gzctl.ops.privacy import forget_person as op

    return op(Path(folder), person, who=_who(who), now=_now(now))


def import_organisations(
    folder: Folder,
    file: Folder,
    *,
    duplicates: str = "merge",
    skip_invalid: bool = False,
    dry_run: bool = False,
    who: str | None = None,
    now: dt.datetime | None = None,
) -> ImportReport:
    """``gzctl org import``: organisations from a .csv, .xlsx or .json file. The report's
    ``as_json()`` is the command's ``--json`` document: a wrong cell is left empty
    (``cells``), a row without a usable name left out (``rejected``); ``failed`` means no row
    could be taken in, so nothing was (``skip_invalid``: then not counted as failed)."""
    from gzctl.ops.orgs import import_organisations as op

    return op(
        Path(folder),
        file,
        duplicates=duplicates,
        skip_invalid=skip_invalid,
        dry_run=dry_run,
        who=_who(who),
        now=_now(now),
    )


def remove(
    folder: Folder,
    kind: str,
    ref: str,
    *,
    who: str | None = None,
    now: dt.datetime | None = None,
) -> Removed:
    """Remove an organisation, place, platform or activity (``kind``: org, place,
    platform, activity; ``ref``: its id or name) without asking, as ``--yes`` does."""
    from gzctl.ops.remove import remove as op

    return op(Path(folder), kind, ref, who=_who(who), now=_now(now))


def mark_done(
    folder: Folder,
    ids: Sequence[str],
    *,
    note: str = "",
    who: str | None = None,
    now: dt.datetime | None = None,
) -> list[Any]:
    """Tick off items of the stappenplan (``gzctl done``); returns the items ticked."""
    from gzctl.ops.progress import mark_done as op

    return op(Path(folder), list(ids), note=note, who=_who(who), now=_now(now))


def build_documents(
    folder: Folder,
    *,
    formats: str | None = None,
    only: Sequence[str] | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> Built:
    """``gzctl docs build``: the documents for partners into documenten/ (``formats``:
    'md,html,docx'; ``only``: some documents by id)."""
    from gzctl.ops.documents import build_documents as op

    return op(
        Path(folder),
        today=today or _now(None).date(),
        formats=formats,
        only=list(only) if only else None,
        force=force,
    )
