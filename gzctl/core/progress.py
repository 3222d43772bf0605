"""What is done, what is next, per phase: pure functions of (playbook, project, today)."""

from __future__ import annotations

import datetime as dt

from gzctl.core.errors import NotFound, Refused, UsageProblem, did_you_mean
from gzctl.core.model import ChecklistEntry, Project
from gzctl.core.playbook import Item, Phase, Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record


@_frozen_record
class ItemStatus(_FrozenRecord):
    """Whether one item is done, how (by hand or automatically), when and by whom."""

    item: Item
    done: bool
    how: str  # "hand", "auto" or "" (open)
    date: dt.date | None
    by: str
    note: str


@_frozen_record
class PhaseProgress(_FrozenRecord):
    """How many items of a phase are done."""

    phase: Phase
    done: int
    total: int

    @property
    def percent(self) -> int:
        """The share of done items as a whole percentage (100 for an empty phase)."""
        return round(100 * self.done / self.total) if self.total else 100


@_frozen_record
class Progress(_FrozenRecord):
    """How far the project is: totals, phases, the current phase and the next items."""

    done: int
    total: int
    phases: tuple[PhaseProgress, ...]
    current: Phase | None  # None when everything is done
    next: tuple[Item, ...]
    last_activity: dt.datetime | None

    @property
    def percent(self) -> int:
        """The share of done items as a whole percentage (100 when there are none)."""
        return round(100 * self.done / self.total) if self.total else 100


def item_status(item: Item, project: Project) -> ItemStatus:
    """The status of one item in the project."""
    entry = project.checklist.get(item.id)
    if entry is not None and entry.done:
        return ItemStatus(item, True, "hand", entry.date, entry.by, entry.note)
    note = entry.note if entry else ""
    if item.done_when and all(c.holds(project) for c in item.done_when):
        return ItemStatus(item, True, "auto", None, "", note)
    return ItemStatus(item, False, "", None, "", note)


def statuses(playbook: Playbook, project: Project) -> dict[str, ItemStatus]:
    """The status of every item of the playbook, by item id."""
    return {i.id: item_status(i, project) for i in playbook.items}


def last_activity(project: Project) -> dt.datetime | None:
    """The moment of the project's latest history entry, or None."""
    return max((h.at for h in project.history), default=None)


def compute(playbook: Playbook, project: Project, limit: int = 5) -> Progress:
    """The project's progress through the playbook, with at most ``limit`` next items."""
    st = statuses(playbook, project)
    phases = tuple(
        PhaseProgress(p, sum(1 for i in p.items if st[i.id].done), len(p.items))
        for p in playbook.phases
    )
    current = next((pp.phase for pp in phases if pp.done < pp.total), None)
    return Progress(
        done=sum(pp.done for pp in phases),
        total=sum(pp.total for pp in phases),
        phases=phases,
        current=current,
        next=tuple(next_items(playbook, project, limit, st)),
        last_activity=last_activity(project),
    )


def next_items(
    playbook: Playbook,
    project: Project,
    limit: int | None = 5,
    st: dict[str, ItemStatus] | None = None,
) -> list[Item]:
    """Open items whose prerequisites are done, in playbook order."""
    st = st or statuses(playbook, project)
    out = []
    for item in playbook.items:
        if st[item.id].done:
            continue
        if all(st[r].done for r in item.requires if r in st):
            out.append(item)
            if limit is not None and len(out) >= limit:
                break
    return out


def resolve_item(playbook: Playbook, raw: str) -> Item:
    """An item by its id, or by an unambiguous last part ('kerngroep'); else suggestions."""
    raw = raw.strip()
    item = playbook.item(raw)
    if item:
        return item
    ids = [i.id for i in playbook.items]
    tails = [i for i in playbook.items if i.id.split(".", 1)[-1] == raw]
    if len(tails) == 1:
        return tails[0]
    raise NotFound(f"Onbekende actie '{raw}'." + did_you_mean(raw, ids) + " Zie: gzctl next --alle")


def mark_done(
    playbook: Playbook,
    project: Project,
    raw_ids: list[str],
    today: dt.date,
    who: str,
    note: str = "",
) -> list[Item]:
    """Tick items by hand. Resolves every id first, so one typo changes nothing.

    An item that is already ticked keeps its date and name: ticking it again must not look,
    to a merge, like a new decision that beats an undo made in another clone."""
    items = [resolve_item(playbook, r) for r in raw_ids]
    for item in items:
        entry = project.checklist.get(item.id) or ChecklistEntry()
        if not entry.done:
            entry.done = True
            entry.date = today
            entry.by = who
        if note:
            entry.note = note
        project.checklist[item.id] = entry
    return items


def undo(playbook: Playbook, project: Project, raw_id: str) -> Item:
    """Sets a hand-checked item back to open; refuses items that are open or done automatically."""
    item = resolve_item(playbook, raw_id)
    entry = project.checklist.get(item.id)
    if entry is None or not entry.done:
        status = item_status(item, project)
        if status.how == "auto":
            from gzctl.core.conditions import describe_all

            labels = {q.id: q.label for q in playbook.questions()}
            reasons = describe_all(item.done_when, lambda qid: labels.get(qid, qid))
            raise Refused(
                f"'{item.id}' staat als gedaan omdat de gegevens van het project dat zeggen "
                f"({reasons}); pas die gegevens aan om het terug te zetten."
            )
        raise UsageProblem(
            f"'{item.id}' stond nog niet als gedaan; er is niets terug te zetten."
        )
    if entry.note:
        project.checklist[item.id] = ChecklistEntry(note=entry.note)
    else:
        del project.checklist[item.id]
    return item


def days_since(moment: dt.datetime | None, today: dt.date) -> int | None:
    """Whole days from ``moment`` to ``today``, or None without a moment."""
    if moment is None:
        return None
    return (today - moment.date()).days
