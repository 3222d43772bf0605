"""Where a village stands: the status document that composes the stappenplan's progress (core)
with the network's own summaries. It sits above the features it composes; the fast path
(``gzctl status``) loads it, so it imports none of the scoring or document code."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Project
from gzctl.core.playbook import Playbook
from gzctl.core.progress import compute, days_since
from gzctl.network.facts import address_conflicts, date_clashes
from gzctl.network.stillin import quiet_members
from gzctl.network.summaries import (
    coordinator_summary,
    meeting_summary,
    org_summary,
    place_summary,
    platform_summary,
    reach_summary,
)


def _coordinator_title(playbook: Playbook) -> str:
    """What the village's country calls the Coördinator, as it starts a status line."""
    from gzctl.core.country import verbinder

    return verbinder(playbook, capital=True)


def status_data(playbook: Playbook, project: Project, today: dt.date) -> dict[str, Any]:
    """The document behind ``gzctl status --json`` and every portfolio row: plain JSON types
    (str, int, float, None, lists, dicts), keys in the order the status shows them.

    The stappenplan's progress comes from core (``progress.compute``); the organisations,
    reach, platforms, meeting place and Coördinator from their network modules. ``today``
    sets ``days_since_activity`` and which meeting actions are late (``meetings``, present
    only when the village has meetings)."""
    prog = compute(playbook, project)
    last = prog.last_activity
    current = prog.current
    data = {
        "village": {
            "name": project.village.name,
            "municipality": project.village.municipality,
            "province": project.village.province,
            "inhabitants": project.village.inhabitants,
        },
        "playbook": {
            "id": playbook.id,
            "title": playbook.title,
            "version": playbook.version,
            "source": project.project.playbook,
        },
        "phase": (
            {"id": current.id, "title": current.title}
            if current
            else {"id": "afgerond", "title": "Afgerond"}
        ),
        "progress": {"done": prog.done, "total": prog.total, "percent": prog.percent},
        "phases": [
            {
                "id": pp.phase.id,
                "title": pp.phase.title,
                "done": pp.done,
                "total": pp.total,
                "percent": pp.percent,
            }
            for pp in prog.phases
        ],
        "next": [
            {"id": i.id, "shown_id": i.shown, "title": i.title, "phase": i.phase, "step": i.step}
            for i in prog.next
        ],
        "initiators": [p.name for p in project.initiators],
        "organisations": org_summary(project),
        "reach": reach_summary(project),
        "platforms": platform_summary(project),
        "meeting_place": place_summary(project),
        "coordinator": {**coordinator_summary(project), "title": _coordinator_title(playbook)},
        "last_activity": last.isoformat() if last else None,
        "days_since_activity": days_since(last, today),
        "warnings": address_conflicts(project) + date_clashes(playbook, project, today, fast=True),
    }
    if project.meetings:  # only then: a village without meetings keeps its document
        data["meetings"] = meeting_summary(project, today)
    planning = planning_summary(playbook, project, today)
    if planning:  # only when the village gave its deadline
        data["planning"] = planning
    quiet = quiet_members(project, today)
    if quiet:  # only then, as the meetings
        data["still_in"] = quiet
    return data


def planning_summary(playbook: Playbook, project: Project, today: dt.date) -> dict[str, Any] | None:
    """``planning`` for the status: the deadline, the next milestone not yet reached with its
    date, and the late ones; None when the playbook has no planning or the village gave no
    deadline (no calendar loaded: the clashes are ``gzctl planning``'s)."""
    if not playbook.deadline or project.answers.get(playbook.deadline) in (None, ""):
        return None
    from gzctl.core.planning import DONE, LATE, plan

    made = plan(playbook, project, today)
    if made.deadline.day is None:
        return None
    coming = [r for r in made.rows if r.state not in (DONE, LATE)]
    nxt = coming[0] if coming else None
    return {
        "deadline": made.deadline.day.isoformat(),
        "what": made.title,
        "next": (
            {"id": nxt.milestone.id, "title": nxt.milestone.title, "date": nxt.day.isoformat()}
            if nxt
            else None
        ),
        "late": [
            {"id": r.milestone.id, "title": r.milestone.title, "date": r.day.isoformat()}
            for r in made.rows
            if r.state == LATE
        ],
    }
