"""The meeting place as use cases: add, edit, score, weigh the criteria, choose.

Removing a place is :mod:`gzctl.ops.remove`. The scores of a place asked in a terminal are
saved as :func:`gzctl.network.criteria.scores_to_save` says: only what the user changed, so a
score given elsewhere while the questions were open stays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.words import count
from gzctl.network import places as pl
from gzctl.network.criteria import Criteria, load_criteria, scores_to_save
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Edited


def add_place(where: Where, fields: dict[str, Any], *, who: str, now: dt.datetime) -> Any:
    """Put a candidate meeting place on the list (``fields``: name, kind, address, seats,
    rent, evenings, access, facilities, home_of, notes as the options give them); returns
    the new place."""
    crit = load_criteria()
    with transaction(opened(where), who, now) as tx:
        place = pl.add(tx.project, fields, crit)
        tx.log("place-add", f"Kandidaat-ontmoetingsplek toegevoegd: {place.name}", [place.id])
    return place


def edit_place(
    where: Where, ref: str, fields: dict[str, Any], *, who: str, now: dt.datetime
) -> Edited:
    """Change the given fields of one place; a history line only when one changed."""
    crit = load_criteria()
    with transaction(opened(where), who, now) as tx:
        place, changed = pl.edit(tx.project, ref, fields, crit)
        if changed:
            tx.log("place-edit", f"{place.name}: {', '.join(changed)} gewijzigd", [place.id])
    return Edited(place.name, place.id, list(changed))


@_frozen_record
class Scored(_FrozenRecord):
    """A place after scoring: the place, its row in the ranking (total, maximum, what is
    still to score), and how many criteria were scored."""

    place: Any
    row: Any
    scored: int


def score_place(
    where: Where,
    ref: str,
    scores: dict[str, int],
    *,
    shown: dict[str, int] | None = None,
    who: str,
    now: dt.datetime,
) -> Scored:
    """Save scores (1-5 per criterion id). ``shown``: the scores the user saw when asked in
    a terminal; then only the ones they changed are saved."""
    crit = load_criteria()
    with transaction(opened(where), who, now) as tx:
        if shown is not None:
            scores = scores_to_save(scores, shown, pl.find(tx.project, ref).scores)
        place = pl.set_scores(tx.project, ref, scores, crit)
        criteria = count(len(scores), "criterium", "criteria")
        tx.log("place-score", f"{place.name} gescoord ({criteria})", [place.id])
        row = next(r for r in pl.rank(tx.project, crit) if r.place.id == place.id)
    return Scored(place, row, len(scores))


@_frozen_record
class PlaceCriteria(_FrozenRecord):
    """The criteria file, and the project's weight per criterion and hard requirements."""

    criteria: Criteria
    weights: dict[str, float]
    required: tuple[str, ...]


def place_criteria(
    where: Where,
    *,
    weights: list[str] | None = None,
    required: list[str] | None = None,
    no_requirements: bool = False,
    reset: bool = False,
    who: str,
    now: dt.datetime,
) -> PlaceCriteria:
    """The weights and hard requirements that rank the places; changed first when asked:
    ``reset`` back to the stappenplan's, ``weights`` as 'criterion=weight' pairs,
    ``required`` (replaces the list) or ``no_requirements``. One history line."""
    crit = load_criteria()
    project = opened(where)
    state = project.project
    if weights or required or no_requirements or reset:
        with transaction(project, who, now) as tx:
            if reset:
                tx.project.meeting_place.weights = {}
                tx.project.meeting_place.required = None
            if weights:
                pl.set_weights(tx.project, crit, weights)
            if required or no_requirements:
                pl.set_required(tx.project, crit, [] if no_requirements else required)
            tx.log("place-criteria", "Criteria voor de ontmoetingsplek aangepast", [])
        state = tx.project
    return PlaceCriteria(crit, pl.weights(state, crit), pl.required(state, crit))


@_frozen_record
class Chosen(_FrozenRecord):
    """The chosen place, the reason as saved, and the places that rank higher (the reason
    should say why)."""

    place: Any
    reason: str
    higher: list[str]


def choose_place(where: Where, ref: str, reason: str, *, who: str, now: dt.datetime) -> Chosen:
    """Choose the meeting place, with the reason why it is neutral and easy to enter."""
    crit = load_criteria()
    with transaction(opened(where), who, now) as tx:
        place = pl.choose(tx.project, ref, reason, now.date(), crit)
        tx.log("place-choose", f"Ontmoetingsplek gekozen: {place.name}", [place.id])
        best = pl.rank(tx.project, crit)
    top = [r for r in best if r.rank == 1]
    higher = [] if place.id in {r.place.id for r in top} else [r.place.name for r in top]
    return Chosen(place, tx.project.meeting_place.reason, higher)
