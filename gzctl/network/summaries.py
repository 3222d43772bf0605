"""The network's parts of ``gzctl status --json`` (organisations, reach, platforms, meeting
place, Coördinator): plain reads of the project, kept apart from the feature modules
(gzctl/network/inventory.py, platforms.py, places.py, coordinator.py) so that `gzctl status`
(the fast path, and every portfolio row) loads none of their code: no catalogues, no
scoring, no regular expressions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Place, Project
from gzctl.network.vocabulary import ORG_STATUSES

HOURS = "organiseren.uren"
EMPLOYER = "organiseren.werkgever"


def org_summary(project: Project) -> dict[str, Any]:
    """``organisations``: how many inventoried, joined, and per status (no catalogue needed)."""
    from collections import Counter
    from operator import attrgetter

    per = {s: 0 for s in ORG_STATUSES}
    for status, n in Counter(map(attrgetter("status"), project.organisations)).items():
        per[status] = per.get(status, 0) + n
    return {
        "inventoried": len(project.organisations),
        "joined": per.get("aangesloten", 0),
        "by_status": per,
    }


def reach_summary(project: Project) -> dict[str, Any]:
    """``reach``: the summed achterban of the organisations that did not drop out, as a
    percentage of the inhabitants (an upper bound: people belong to several), and how many
    organisations have no achterban filled in."""
    orgs = [o for o in project.organisations if o.status != "afgehaakt"]
    total = sum(o.reach for o in orgs if o.reach is not None)
    inhabitants = project.village.inhabitants
    percent = round(100 * total / inhabitants) if inhabitants else None
    return {
        "achterban": total,
        "inhabitants": inhabitants,
        "percent": percent,
        "upper_bound": True,
        "unknown": sum(1 for o in orgs if o.reach is None),
    }


def platform_summary(project: Project) -> list[dict[str, Any]]:
    """``platforms[]``: id, title, status, members, trekker, tasks done and in all."""
    return [
        {
            "id": p.id,
            "title": p.title,
            "status": p.status,
            "members": list(p.members),
            "trekker": p.trekker,
            "tasks_done": sum(1 for t in p.tasks if t.done),
            "tasks_total": len(p.tasks),
        }
        for p in project.platforms
    ]


def chosen_place(project: Project) -> Place | None:
    """The meeting place the village chose (``meeting_place.chosen``), or None."""
    cid = project.meeting_place.chosen
    return next((p for p in project.places if p.id == cid), None) if cid else None


def place_summary(project: Project) -> dict[str, Any]:
    """``meeting_place`` (the portfolio reads ``chosen``)."""
    place = chosen_place(project)
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


def meeting_summary(project: Project, today: dt.date) -> dict[str, Any]:
    """``meetings`` (only when the village has any): how many held and planned, the next
    one, and the open actions by date (what, which organisation, before when, late)."""
    names = {o.id: o.name for o in project.organisations}
    found = [(m, a) for m in project.meetings for a in m.actions if a.done is None]
    found.sort(key=lambda x: (x[1].due or dt.date.max, x[1].id))
    coming = [m for m in project.meetings if m.date >= today]
    nxt = min(coming, key=lambda m: (m.date, m.id)) if coming else None
    return {
        "held": sum(1 for m in project.meetings if m.date < today),
        "planned": len(coming),
        "next": {"id": nxt.id, "date": nxt.date.isoformat(), "kind": nxt.kind} if nxt else None,
        "open_actions": [
            {
                "id": a.id,
                "text": a.text,
                "by": a.by,
                "by_name": names.get(a.by, a.by),
                "due": a.due.isoformat() if a.due else None,
                "late": bool(a.due and a.due < today),
                "meeting": m.id,
            }
            for m, a in found
        ],
    }
