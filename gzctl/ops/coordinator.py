"""The Coördinator as use cases: the profile and budget, candidates, scorecards, appointing.

Forgetting a candidate is :func:`gzctl.ops.privacy.forget_candidate` (written once with
forgetting a person).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.country import verbinder
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.network import coordinator as co
from gzctl.network.criteria import load_criteria, scores_to_save
from gzctl.ops.project import Where, opened, transaction


@_frozen_record
class Profile(_FrozenRecord):
    """The Coördinator's profile as ``gzctl coordinator profile`` shows it (``data``: traits,
    tasks, hours, employer, funding, start, budget), and the fields just ``changed``
    (None: nothing was asked to change)."""

    data: dict[str, Any]
    changed: list[str] | None


def coordinator_profile(
    where: Where, fields: dict[str, Any] | None = None, *, who: str, now: dt.datetime
) -> Profile:
    """The profile and the yearly budget; with ``fields`` (hours, employer, funding,
    hourly_cost, weeks_per_year, activity_budget, start) changed first."""
    crit = load_criteria()
    project = opened(where)
    state = project.project
    changed: list[str] | None = None
    if fields:
        with transaction(project, who, now) as tx:
            changed = list(co.set_profile(tx.project, project.playbook, fields))
            if changed:
                tx.log(
                    "coordinator-profile",
                    f"Profiel {verbinder(project.playbook)}: " + ", ".join(changed)
                    + " gewijzigd",
                    [],
                )
        state = tx.project
    return Profile(co.profile(state, crit), changed)


@_frozen_record
class Appointed(_FrozenRecord):
    """The candidate appointed, and the ids of the other candidates (to forget once the
    selection is over)."""

    candidate: Any
    others: list[str]


def appoint_coordinator(where: Where, cand_id: str, *, who: str, now: dt.datetime) -> Appointed:
    """Appoint a candidate as the Coördinator (from today)."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        cand = co.appoint(tx.project, cand_id, now.date())
        title = verbinder(project.playbook, capital=True)
        tx.log("coordinator-appoint", f"{title} aangesteld: {cand.name}", [cand.id])
    others = [c.id for c in tx.project.coordinator.candidates if c.id != cand.id]
    return Appointed(cand, others)


def add_candidate(
    where: Where,
    name: str,
    *,
    email: str = "",
    phone: str = "",
    lives_in_village: bool | None = None,
    notes: str = "",
    who: str,
    now: dt.datetime,
) -> Any:
    """Put a candidate for Coördinator on the list (personal data: only what the selection
    needs); returns the candidate, whose id says nothing about the person."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        cand = co.add_candidate(tx.project, name, email, phone, lives_in_village, notes)
        word = verbinder(project.playbook)
        tx.log("candidate-add", f"Kandidaat voor {word}: {cand.name}", [cand.id])
    return cand


@_frozen_record
class Scorecard(_FrozenRecord):
    """A candidate after one assessor's scores: the candidate, the scorecard (averages,
    spread, ``disagreements``) and how many criteria were scored."""

    candidate: Any
    card: Any
    scored: int


def score_candidate(
    where: Where,
    cand_id: str,
    assessor: str,
    scores: dict[str, int],
    *,
    shown: dict[str, int] | None = None,
    who: str,
    now: dt.datetime,
) -> Scorecard:
    """Save one assessor's scores (1-5 per criterion id). ``shown``: the scores the user saw
    when asked in a terminal; then only the ones they changed are saved."""
    crit = load_criteria()
    with transaction(opened(where), who, now) as tx:
        if shown is not None:
            before = co.find(tx.project, cand_id).scores.get(assessor, {})
            scores = scores_to_save(scores, shown, before)
        cand = co.score(tx.project, cand_id, assessor, scores, crit)
        tx.log("candidate-score", f"Scorekaart ingevuld door {assessor}", [cand.id])
    return Scorecard(cand, co.scorecard(cand, crit), len(scores))
