"""What is done, what is next, per phase: pure functions of (playbook, project, today)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

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


def item_status(item: Item, project: Project, facts: dict[str, Any] | None = None) -> ItemStatus:
    """The status of one item in the project (``facts``: see conditions.Condition.holds)."""
    entry = project.checklist.get(item.id)
    if entry is not None and entry.done:
        return ItemStatus(item, True, "hand", entry.date, entry.by, entry.note)
    note = entry.note if entry else ""
    if item.done_when and all(c.holds(project, facts) for c in item.done_when):
        return ItemStatus(item, True, "auto", None, "", note)
    return ItemStatus(item, False, "", None, "", note)


def statuses(playbook: Playbook, project: Project) -> dict[str, ItemStatus]:
    """The status of every item of the playbook, by item id."""
    facts: dict[str, Any] = {}  # each fact worked out once for all items
    return {i.id: item_status(i, project, facts) for i in playbook.items}


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
    ids = [i.shown for i in playbook.items]
    tails = _tails(playbook, raw)
    if len(tails) == 1:
        return tails[0]
    raise NotFound(
        f"Onbekende actie '{raw}'." + did_you_mean(raw, ids) + " Zie: gzctl next --alles"
    )


def _tails(playbook: Playbook, raw: str) -> list[Item]:
    """The items whose id or shown id ends in ``raw`` after the phase ('kerngroep')."""
    return [
        i for i in playbook.items
        if raw in (i.id.split(".", 1)[-1], i.shown.split(".", 1)[-1])
    ]  # fmt: skip


def open_order(
    playbook: Playbook, project: Project, st: dict[str, ItemStatus] | None = None
) -> list[Item]:
    """Every open item in the order ``gzctl next`` numbers them (``gzctl done 1``): the ones
    that can be done now (:func:`next_items`), then the ones still waiting for another."""
    st = st or statuses(playbook, project)
    ready = next_items(playbook, project, None, st)
    taken = {i.id for i in ready}
    return ready + [i for i in playbook.items if not st[i.id].done and i.id not in taken]


def _folded(text: str) -> str:
    """``text`` lower-case without accents ('Coördinator' -> 'coordinator'), for matching."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _by_words(items: Sequence[Item], words: list[str]) -> list[Item]:
    """The items whose title or id has a word starting with each of ``words`` ('zoek':
    'Zoek op ...'); when none has, those that hold each word anywhere ('ondersteuner' in
    'dorpsondersteuner'). Accents and case are ignored."""
    import re

    wanted = [_folded(w) for w in words]

    def text(i: Item) -> str:
        return _folded(f"{i.title} {i.shown} {i.id}")  # old notes: the canonical id too

    def starts(i: Item) -> bool:
        own = re.split(r"[^\w]+", text(i))
        return all(any(o.startswith(w) for o in own) for w in wanted)

    return [i for i in items if starts(i)] or [
        i for i in items if all(w in text(i) for w in wanted)
    ]


def _short(title: str, words: int = 7) -> str:
    cut = title.split()
    return " ".join(cut[:words]).rstrip(",;:") + (" …" if len(cut) > words else "")


def _exact(playbook: Playbook, numbered: list[Item], raw: str) -> Item | None:
    """The item ``raw`` names exactly: a number ``next`` shows, an id, or the last part of
    an id when only one item has it."""
    if raw.isdigit():
        n = int(raw)
        if not 1 <= n <= len(numbered):
            raise NotFound(
                f"Er is geen actie {n}: gzctl next nummert de open acties van 1 tot "
                f"{len(numbered)}. Zie: gzctl next --alles"
            )
        return numbered[n - 1]
    item = playbook.item(raw)
    if item:
        return item
    tails = _tails(playbook, raw)
    return tails[0] if len(tails) == 1 else None


def find_items(
    playbook: Playbook, project: Project, raws: list[str], done: bool = False
) -> list[Item]:
    """The items a user named: by the number ``gzctl next`` shows (``done 1``), by id or
    its last part, or by words from the title (``done ondersteuner``). Several words that
    each name nothing may together name one item (``done koffie dorpsraad``). Words are
    matched first among the open items (``done``) or the ticked ones (``done=True``: undo),
    then among all. Several items for the same words: a Dutch line naming them, exit 2."""
    st = statuses(playbook, project)
    numbered = open_order(playbook, project, st)
    raws = [r.strip() for r in raws if r.strip()]
    found = [_exact(playbook, numbered, r) for r in raws]
    if all(found):
        return [i for i in found if i is not None]
    pool = [i for i in playbook.items if st[i.id].done == done]
    if len(raws) > 1 and not any(found):
        together = _by_words(pool, raws) or _by_words(playbook.items, raws)
        if len(together) == 1:
            return together
    out = []
    for raw, item in zip(raws, found, strict=True):
        if item is None:
            item = _one_by_words(playbook, pool, numbered, raw)
        out.append(item)
    return out


def _one_by_words(playbook: Playbook, pool: list[Item], numbered: list[Item], raw: str) -> Item:
    id_like = "." in raw and " " not in raw  # a mistyped id is no title words: suggest
    hits = [] if id_like else _by_words(pool, raw.split()) or _by_words(playbook.items, raw.split())
    if len(hits) == 1:
        return hits[0]
    if not hits:
        ids = [i.shown for i in playbook.items]
        raise NotFound(
            f"Onbekende actie '{raw}'." + did_you_mean(raw, ids)
            + " Zie: gzctl next --alles"
        )  # fmt: skip
    position = {i.id: n for n, i in enumerate(numbered, start=1)}
    named = [
        (f"{position[i.id]}. " if i.id in position else "") + f"{_short(i.title)} ({i.shown})"
        for i in hits[:5]
    ]
    more = f" en nog {len(hits) - 5}" if len(hits) > 5 else ""
    raise UsageProblem(
        f"'{raw}' past bij {len(hits)} acties: " + "; ".join(named) + more
        + ". Typ het nummer, het id of meer woorden."
    )  # fmt: skip


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
            from gzctl.core.country import verbinder

            reasons = describe_all(
                item.done_when, lambda qid: labels.get(qid, qid), verbinder(playbook)
            )
            raise Refused(
                f"'{item.shown}' staat als gedaan omdat de gegevens van het project dat zeggen "
                f"({reasons}); pas die gegevens aan om het terug te zetten."
            )
        raise UsageProblem(
            f"'{item.shown}' stond nog niet als gedaan; er is niets terug te zetten."
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
