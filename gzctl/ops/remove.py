"""Removing an organisation, a place, a platform or an activity: ask first, then remove.

One flow for every kind: :func:`ask_remove` finds the thing and says what to ask (or why
the user must confirm with --yes), the shell asks or takes --yes, :func:`remove` removes it
in one transaction with its history line. The kinds differ only in the table below.

References stay whole (gzctl/network/references.py): what others still name is removed
only with its references (``references=True``: the user confirmed them on a terminal or
gave --ook-verwijzingen), in the same write; otherwise the removal is refused (exit 1).
An id that is gone but still named (a hand edit, a merge) can be removed the same way:
only its references go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from gzctl.core.errors import Refused
from gzctl.core.model import Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.network import references as refs
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Confirmation


@_frozen_record
class Removed(_FrozenRecord):
    """What was removed: its kind, id and name (or title), the removed record itself
    (``item``), and for a place whether it was the chosen one (the choice is undone)."""

    kind: str
    id: str
    name: str
    item: Any
    was_chosen: bool = False
    # one Dutch line per kind of reference that went with it ('Ook uit platform X gehaald.')
    references: tuple[str, ...] = ()
    # True: the id was no longer on its list (a hand edit, a merge); only references went
    only_references: bool = False


@_frozen_record
class _Gone(_FrozenRecord):
    """An id that is no longer on its list but still named somewhere."""

    id: str

    @property
    def name(self) -> str:
        return self.id

    title = name


@_frozen_record
class _Kind(_FrozenRecord):
    find: Callable[[Project, str], Any]
    # removes the record from the project (at the given moment); returns it and whether it
    # was the chosen one
    take: Callable[[Project, str, dt.datetime], tuple[Any, bool]]
    name: Callable[[Any], str]
    question: Callable[[Any], str | None]
    refusal: Callable[[Any], str]
    action: str
    line: str  # the history line, with {name}


def _org() -> _Kind:
    from gzctl.network import inventory as inv

    return _Kind(
        find=inv.find,
        take=lambda p, i, _: (inv.remove(p, i), False),
        name=lambda o: o.name,
        question=lambda o: f"{o.name} ({o.id}) met contactgegevens van de lijst halen?",
        refusal=lambda o: f"Weet je het zeker? Bevestig met: gzctl org remove {o.id} --yes",
        action="org-remove",
        line="Organisatie van de lijst gehaald: {name}",
    )


def _place() -> _Kind:
    from gzctl.network import places as pl

    return _Kind(
        find=pl.find,
        take=lambda p, i, _: pl.remove(p, i),
        name=lambda p: p.name,
        question=lambda p: f"{p.name} ({p.id}) van de lijst van plekken halen?",
        refusal=lambda p: f"Weet je het zeker? Bevestig met: gzctl place remove {p.id} --yes",
        action="place-remove",
        line="Plek van de lijst gehaald: {name}",
    )


def _platform() -> _Kind:
    from gzctl.network import platforms as pf

    return _Kind(
        find=pf.find,
        take=lambda p, i, _: (pf.remove(p, i), False),
        name=lambda p: p.title,
        question=lambda p: None,  # never asked: stopping a platform is usually what is meant
        refusal=lambda p: (
            f"Weet je het zeker? Bevestig met: gzctl platform remove {p.id} --yes "
            "(of zet het platform op gestopt: gzctl platform status ID gestopt)"
        ),
        action="platform-remove",
        line="Platform verwijderd: {name}",
    )


def _activity() -> _Kind:
    from gzctl.network import platforms as pf

    return _Kind(
        find=pf.find_activity,
        # kept as cancelled for a while, so calendars that hold it learn it does not go ahead
        take=lambda p, i, now: (pf.cancel_activity(p, i, now), False),
        name=lambda a: a.title,
        question=lambda a: f"{a.title} ({a.id}) schrappen?",
        refusal=lambda a: f"Weet je het zeker? Bevestig met: gzctl activity remove {a.id} --yes",
        action="activity-remove",
        line="Activiteit geschrapt: {name}",
    )


KINDS: dict[str, Callable[[], _Kind]] = {
    "org": _org,
    "place": _place,
    "platform": _platform,
    "activity": _activity,
}


def _kind(kind: str) -> _Kind:
    try:
        return KINDS[kind]()
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}") from None


def _find(k: _Kind, project: Project, kind: str, ref: str) -> Any:
    """The record ``ref`` names, or a :class:`_Gone` when ``ref`` is the id of one that is
    not on its list but still named; else the domain's Dutch error."""
    if (kind, ref.strip()) in refs.missing(project):
        return _Gone(ref.strip())
    return k.find(project, ref)


def _blocked(kind: str, item: Any, name: str, where: str) -> str:
    return (
        f"{name} wordt nog genoemd in {where}. Niets veranderd; haal de verwijzingen mee weg met: "
        f"{refs.command(kind)} {item.id} --ook-verwijzingen"
    )


def ask_remove(where: Where, kind: str, ref: str) -> Confirmation:
    """Find what ``ref`` (an id or a name) names and what to ask before removing it.
    An unknown ``ref`` raises the domain's Dutch error (UsageProblem)."""
    k = _kind(kind)
    project = opened(where).project
    item = _find(k, project, kind, ref)
    name = k.name(item)
    where_named = refs.phrase(refs.named_by(project, kind, item.id))
    if isinstance(item, _Gone):
        blocked = _blocked(kind, item, f"'{item.id}'", where_named)
        ask = f"De verwijzingen naar '{item.id}' uit {where_named} halen?"
        return Confirmation(kind, item.id, name, ask, blocked, where_named, blocked)
    question: str | None = k.question(item)
    if question and where_named:
        question = f"{question.rstrip('?')}, en ook uit {where_named}?"
    blocked = _blocked(kind, item, name, where_named) if where_named else ""
    return Confirmation(kind, item.id, name, question, k.refusal(item), where_named, blocked)


def remove(
    where: Where,
    kind: str,
    ref: str,
    *,
    who: str,
    now: dt.datetime,
    references: bool = False,
) -> Removed:
    """Remove ``ref`` (``kind``: org, place, platform or activity) in one transaction, with
    its history line. Ask first (:func:`ask_remove`): this op does not. What still names it
    goes with it when ``references`` (one history line says so); otherwise Refused."""
    k = _kind(kind)
    with transaction(opened(where), who, now) as tx:
        item = _find(k, tx.project, kind, ref)
        named = refs.named_by(tx.project, kind, item.id)
        name = k.name(item)
        if named and not references:
            raise Refused(_blocked(kind, item, name, refs.phrase(named)))
        refs.unlink(tx.project, kind, item.id)
        lines = tuple(refs.lines(named))
        if isinstance(item, _Gone):
            tx.log(
                k.action,
                f"Verwijzingen weggehaald naar '{item.id}': niet meer in {refs.phrase(named)}",
                [item.id],
            )
            return Removed(kind, item.id, name, item, False, lines, only_references=True)
        was_chosen = kind == "place" and any(w == "plekkeuze" for w, _ in named)
        taken, _ = k.take(tx.project, item.id, now)
        line = k.line.format(name=name)
        if named:
            line += f" (ook uit {refs.phrase(named)} gehaald)"
        tx.log(k.action, line, [item.id])
    return Removed(kind, item.id, name, taken, was_chosen, lines)
