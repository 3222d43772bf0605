"""Removing an organisation, a place, a platform or an activity: ask first, then remove.

One flow for every kind: :func:`ask_remove` finds the thing and says what to ask (or why
the user must confirm with --yes), the shell asks or takes --yes, :func:`remove` removes it
in one transaction with its history line. The kinds differ only in the table below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gzctl.core.model import Project
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Confirmation


@dataclass(frozen=True)
class Removed:
    """What was removed: its kind, id and name (or title), the removed record itself
    (``item``), and for a place whether it was the chosen one (the choice is undone)."""

    kind: str
    id: str
    name: str
    item: Any
    was_chosen: bool = False


@dataclass(frozen=True)
class _Kind:
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


def ask_remove(where: Where, kind: str, ref: str) -> Confirmation:
    """Find what ``ref`` (an id or a name) names and what to ask before removing it.
    An unknown ``ref`` raises the domain's Dutch error (UsageProblem)."""
    k = _kind(kind)
    item = k.find(opened(where).project, ref)
    return Confirmation(kind, item.id, k.name(item), k.question(item), k.refusal(item))


def remove(where: Where, kind: str, ref: str, *, who: str, now: dt.datetime) -> Removed:
    """Remove ``ref`` (``kind``: org, place, platform or activity) in one transaction, with
    its history line. Ask first (:func:`ask_remove`): this op does not."""
    k = _kind(kind)
    with transaction(opened(where), who, now) as tx:
        item, was_chosen = k.take(tx.project, ref, now)
        name = k.name(item)
        tx.log(k.action, k.line.format(name=name), [item.id])
    return Removed(kind, item.id, name, item, was_chosen)
