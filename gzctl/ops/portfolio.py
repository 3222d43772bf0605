"""The advisors' portfolio as a use case: every village under some folders, as rows.

``gzctl portfolio`` (the typer route) and advisors' scripts call :func:`portfolio_rows`;
the fast route of ``gzctl portfolio --json`` (gzctl/__main__.py) calls the same
``advisors.scan.collect``. The environment (for the user settings: roots, stalled days, the
cache folder) and today's date come in as arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record


@_frozen_record
class Portfolio(_FrozenRecord):
    """The villages found (``villages``: with their burn-up charts), their ``rows`` as the
    table, JSON and CSV show them (filtered and sorted), the number of days without
    activity after which a village counts as stalled, and how many folders ``failed`` to
    load (their row carries the error; the command then exits 1)."""

    villages: list[Any]
    rows: list[dict[str, Any]]
    stalled_days: int
    failed: int


def portfolio_rows(
    roots: Sequence[str | Path],
    *,
    today: dt.date,
    environ: Mapping[str, str],
    default_root: Path,
    depth: int = 3,
    stalled_days: int | None = None,
    use_cache: bool = True,
    phase: str | None = None,
    stalled: bool = False,
    sort: str = "village",
    reverse: bool = False,
    shown: Callable[[Path], str] = str,
) -> Portfolio:
    """Find the villages under ``roots`` (none: the configured portfolio.roots, else
    ``default_root``), up to ``depth`` folders deep, and give their rows: only those in
    ``phase`` or ``stalled`` when asked, sorted by village, phase, progress or activity.
    A wrong ``sort`` fails before any folder is read."""
    from gzctl.advisors import portfolio as core
    from gzctl.advisors import scan

    core.sort_rows([], sort)  # a wrong sort fails before any work
    villages, rows, days = scan.collect(
        [str(r) for r in roots],
        default_root,
        depth,
        stalled_days,
        today,
        environ,
        use_cache=use_cache,
        shown=shown,
    )
    rows = core.sort_rows(core.filter_rows(rows, phase, stalled), sort, reverse)
    failed = sum(1 for r in rows if r.get("error") is not None)
    return Portfolio(list(villages), rows, days, failed)
