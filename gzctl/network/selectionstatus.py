"""The meeting place and the Coördinator in ``gzctl status --json``: plain reads of the
project, kept apart from gzctl/network/places.py and gzctl/network/coordinator.py so that
`gzctl status` (the fast path) does not load the scoring code."""

from __future__ import annotations

from typing import Any

from gzctl.core.model import Project

HOURS = "organiseren.uren"
EMPLOYER = "organiseren.werkgever"


def place_summary(project: Project) -> dict[str, Any]:
    """``meeting_place`` (the portfolio reads ``chosen``)."""
    cid = project.meeting_place.chosen
    place = next((p for p in project.places if p.id == cid), None) if cid else None
    date = project.meeting_place.date
    return {
        "chosen": place is not None,
        "id": place.id if place else None,
        "name": place.name if place else None,
        "address": place.address if place else None,
        "reason": project.meeting_place.reason if place else None,
        "date": date.isoformat() if place and date else None,
        "candidates": len(project.places),
    }


def coordinator_summary(project: Project) -> dict[str, Any]:
    """``coordinator`` (the portfolio reads ``appointed``)."""
    c = project.coordinator
    person = next((x for x in c.candidates if x.id == c.appointed), None) if c.appointed else None
    hours = project.answers.get(HOURS)
    employer = project.answers.get(EMPLOYER)
    return {
        "appointed": person is not None,
        "name": person.name if person else None,
        "date": c.appointed_date.isoformat() if person and c.appointed_date else None,
        "profile": hours not in (None, "", []) and employer not in (None, "", []),
        "hours_per_week": hours,
        "employer": employer,
        "candidates": len(c.candidates),
    }
