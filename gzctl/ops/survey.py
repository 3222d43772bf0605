"""The residents' survey as use cases: a round started or changed, counts recorded."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.ops.project import Where, opened, transaction


def set_round(
    where: Where, moment: str, day: dt.date, filled: int, *, who: str, now: dt.datetime
) -> Any:
    """Start a round of the survey (or change its date and how many filled it in)."""
    from gzctl.network import survey

    with transaction(opened(where), who, now) as tx:
        r = survey.set_round(tx.project, survey.moment_of(moment), day, filled)
        tx.log("peiling-ronde", f"Peiling {survey.MOMENTS[r.id]}: {filled} ingevuld", [r.id])
    return r


def set_counts(
    where: Where, moment: str, question: str, counts: list[int], *, who: str, now: dt.datetime
) -> tuple[Any, Any]:
    """Record how many gave each answer to one question of a round."""
    from gzctl.network import survey

    questions = survey.load_survey()
    with transaction(opened(where), who, now) as tx:
        r, q = survey.set_counts(tx.project, questions, survey.moment_of(moment), question, counts)
        tx.log("peiling-telling", f"Peiling {survey.MOMENTS[r.id]}: geteld '{q.text}'", [r.id])
    return r, q
