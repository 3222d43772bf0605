"""A project's own settings as use cases: the stappenplan it follows, a project setting of
``gzctl config``, and settling the conflicts a merge left in gzctl.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.ops.project import Where, opened, transaction


@_frozen_record
class PlaybookChosen(_FrozenRecord):
    """The stappenplan the project now follows, and the ticked items it does not know
    (they stay ticked but do not count)."""

    title: str
    version: str
    spec: str
    unknown: list[str]


def check_catalogues(book: Any) -> None:
    """Load and check the organisation-type and platform catalogues ``book`` names, as an
    organisation command would: every fault in one PlaybookError (exit 2). ``playbook check``
    and ``playbook use`` call this, so a broken catalogue is found there, not by the first
    ``org add``."""
    from gzctl.network import inventory, platforms

    types = inventory.load_catalogue(book)
    platforms.load_catalogue(book, types)
    inventory.check_known_from(book, types)


def check_playbook_file(path: Path) -> Any:
    """``gzctl playbook check``: the playbook at ``path`` with its catalogues, all checked."""
    from gzctl.core import playbook as pb

    book = pb.load_playbook_file(path)
    check_catalogues(book)
    return book


def use_playbook(where: Where, name: str, *, who: str, now: dt.datetime) -> PlaybookChosen:
    """Let the project follow another stappenplan: a built-in name, or a .toml file (kept
    relative to the project when it lies inside it, so the folder can move). The playbook
    is loaded and checked before anything is saved."""
    from gzctl.core import playbook as pb

    project = opened(where)
    spec = name
    path = Path(name)
    if name.endswith(".toml") and path.is_file():
        try:
            spec = str(path.resolve().relative_to(project.folder))
        except ValueError:
            spec = str(path.resolve())
    book = pb.load(spec, project.folder)
    check_catalogues(book)
    with transaction(project, who, now) as tx:
        tx.project.project.playbook = spec
        tx.project.project.playbook_version = book.version
        unknown = [k for k in tx.project.checklist if book.item(k) is None]
        tx.log("playbook", f"Stappenplan gekozen: {book.title} ({book.version})", [book.id])
    return PlaybookChosen(book.title, book.version, spec, unknown)


def set_project_setting(where: Where, name: str, value: Any, *, who: str, now: dt.datetime) -> bool:
    """Store a project setting (``[settings]`` in gzctl.toml, e.g. git.autocommit) with a
    history line; ``value`` already checked (config.coerce). True when it changed."""
    from gzctl.core import config

    with transaction(opened(where), who, now) as tx:
        old = config.project_value(tx.project, name)
        if old == value:
            return False
        config.set_project_value(tx.project, name, value)
        tx.log("config", f"Instelling {name}: {config.format_value(value)}", [name])
    return True


@_frozen_record
class Resolved(_FrozenRecord):
    """The conflicts settled (their keys) and whose version was taken (Dutch words)."""

    keys: list[str]
    which: str


def resolve_conflicts(
    where: Where, key: str | None, take: str, *, who: str, now: dt.datetime
) -> Resolved:
    """Settle the merge conflict ``key`` (None: all of them) by taking ``take`` ('mine' or
    'other'); one history line. No conflicts at all with ``key`` None is a UsageProblem."""
    from gzctl.core import merge
    from gzctl.core.errors import UsageProblem

    settled: list[str] = []
    which = "jouw versie" if take == "mine" else "de andere versie"
    with transaction(opened(where), who, now) as tx:
        keys = [c.key for c in tx.project.conflicts] if key is None else [key]
        if key is None and not keys:
            raise UsageProblem("Er zijn geen samenvoegconflicten in dit project.")
        for k in keys:
            state, conflict = merge.resolve(tx.project, k, take)
            tx.project = state
            settled.append(conflict.key)
        tx.log("merge", f"Samenvoegconflict opgelost ({which}): {', '.join(settled)}", settled)
    return Resolved(settled, which)
