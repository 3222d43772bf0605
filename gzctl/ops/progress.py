"""Ticking off the stappenplan as use cases: ``gzctl done`` and ``gzctl undo``.

Everyday commands with a start-up budget: this module imports nothing heavy (the fast
route of gzctl/__main__.py loads it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core import progress
from gzctl.ops.project import Where, opened, transaction

# what ticking and unticking change: a save then takes the other lists (the organisations
# above all) as they were, without comparing them again (core/store.transaction)
TICKS = frozenset({"checklist", "history"})


def mark_done(
    where: Where, ids: list[str], *, note: str = "", who: str, now: dt.datetime
) -> list[Any]:
    """Tick off checklist items (ids, the numbers ``gzctl next`` shows, or words from their
    titles: progress.find_items), with an optional note; one history line. Returns the
    items ticked."""
    project = opened(where)
    with transaction(project, who, now, TICKS) as tx:
        named = progress.find_items(project.playbook, tx.project, ids)
        items = progress.mark_done(
            project.playbook, tx.project, [i.id for i in named], now.date(), who, note.strip()
        )
        tx.log(
            "done",
            "Afgevinkt: " + "; ".join(i.title for i in items),
            [i.id for i in items],
        )
    return list(items)


def undo_item(where: Where, item_id: str, *, who: str, now: dt.datetime) -> Any:
    """Open a ticked item again; returns the item."""
    project = opened(where)
    with transaction(project, who, now, TICKS) as tx:
        named = progress.find_items(project.playbook, tx.project, [item_id], done=True)
        item = progress.undo(project.playbook, tx.project, named[0].id)
        tx.log("undo", f"Teruggezet: {item.title}", [item.id])
    return item
