"""The yearly "doen jullie nog mee?" (DOMAIN.md §10, relationships over time): which joined
organisations showed no sign of activity for six months, so that an initiator calls them.

A sign of activity, read from the project alone: a status change (``org.dates``), an
activity it organised or helped organise (its start, once it has started), a meeting
action it took on or finished, a meeting it chaired, a recurring activity it keeps (as
long as one is listed, the organisation is active), and any history line that names it
(a platform it joined or left, an edit). An answer "ja, we doen nog mee" (``confirmed``,
recorded with ``gzctl org nog-mee``) keeps the question away for a year; any other sign
for six months. On the fast path of ``gzctl next`` and ``status``: plain reads, no
catalogues."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Organisation, Project

QUIET_DAYS = 183  # six months without a sign
ASKED_DAYS = 365  # an answer counts for a year


def last_signs(
    project: Project, today: dt.date, among: list[Organisation] | None = None
) -> dict[str, dt.date]:
    """The day of each organisation's latest sign of activity up to ``today`` (the
    answer to the yearly question not included); an organisation with a recurring activity
    gets ``today``. Organisations without any sign are left out. ``among``: the
    organisations whose status dates and history lines are read (the joined ones, of
    50,000 on the list); the others may still appear through an activity or meeting."""
    last: dict[str, dt.date] = {}
    orgs = project.organisations if among is None else among

    def seen(org_id: str, day: dt.date | None) -> None:
        if day is not None and day <= today and (org_id not in last or day > last[org_id]):
            last[org_id] = day

    for org in orgs:
        for day in org.dates.values():
            seen(org.id, day)
    for a in project.activities:
        for org_id in a.organisers:
            seen(org_id, a.start.date())
    for m in project.meetings:
        if m.chair:
            seen(m.chair, m.date)
        for action in m.actions:
            if action.by:
                seen(action.by, action.done or m.date)
    for r in project.recurring:
        seen(r.org, today)
    known = {o.id for o in orgs}
    for h in project.history:
        for ref in h.ids:
            if ref in known:
                seen(ref, h.at.date())
    return last


def quiet_members(project: Project, today: dt.date) -> list[dict[str, Any]]:
    """The joined organisations to ask "doen jullie nog mee?": no sign of activity for six
    months and no answer in the last year; oldest sign first. Each row: id, name, the day
    of the last sign (ISO) and the months since."""
    joined = [o for o in project.organisations if o.status == "aangesloten"]
    if not joined:
        return []
    signs = last_signs(project, today, joined)
    rows: list[tuple[dt.date, Organisation]] = []
    for org in joined:
        if org.confirmed is not None and (today - org.confirmed).days < ASKED_DAYS:
            continue
        last = signs.get(org.id)
        if last is None or (today - last).days >= QUIET_DAYS:
            rows.append((last or dt.date.min, org))
    rows.sort(key=lambda r: (r[0], r[1].id))
    return [
        {
            "id": org.id,
            "name": org.name,
            "last_sign": None if last == dt.date.min else last.isoformat(),
            "months": None if last == dt.date.min else (today - last).days * 12 // 365,
        }
        for last, org in rows
    ]
