"""The meeting documents (gzctl overleg): per meeting the invitation with its agenda, and
afterwards the verslag with its besluitenlijst and actions, in documenten/overleg/.

Preparers in the sense of gzctl/documents/base.py (``preparer = "meetings"``) for
templates/overleg-agenda.md.j2 and overleg-verslag.md.j2. Only organisations and roles, never
a resident's name: the chair and every action are organisations. The standing items (the
test against the mission, decisions and actions, the next chair) are in the agenda template;
the kind's own points come from the playbook's ``[[meeting_kinds]]``.
"""

from __future__ import annotations

from typing import Any

from gzctl.core.calendar_checks import weekday_date
from gzctl.core.model import Meeting, Project
from gzctl.documents.base import (
    Context,
    NotReady,
    Output,
    Prepared,
    answer,
    clock_text,
    common_data,
    later_short_date,
    parse_time,
)
from gzctl.network import meetings as mt
from gzctl.network.summaries import chosen_place


def _names(project: Project) -> dict[str, str]:
    return {o.id: o.name for o in project.organisations}


def _circle(project: Project, m: Meeting) -> str:
    """Who the meeting is for, in words."""
    if m.platform:
        title = next((p.title for p in project.platforms if p.id == m.platform), m.platform)
        return f"de organisaties in het platform {title}"
    if m.kind == "startgroep":
        return "de startgroep"
    return "alle aangesloten organisaties, en organisaties die willen kennismaken"


def _place(project: Project, m: Meeting) -> dict[str, str]:
    if m.place:
        return {"naam": m.place, "adres": ""}
    place = chosen_place(project)
    if place is None:
        return {"naam": "", "adres": ""}
    return {"naam": place.name, "adres": place.address}


def _same_circle(a: Meeting, b: Meeting) -> bool:
    """The same circle of organisations: one platform's werkgroep, or the whole network."""
    return a.platform == b.platform


def _actions(project: Project, items: list[Any]) -> list[dict[str, Any]]:
    names = _names(project)
    return [
        {
            "tekst": a.text,
            "door": names.get(a.by, a.by) or "nog geen organisatie",
            "voor": later_short_date(a.due) if a.due else "",
            "klaar": later_short_date(a.done) if a.done else "",
        }
        for a in items
    ]


def _previous_actions(project: Project, m: Meeting, earlier: list[Meeting]) -> list[Any]:
    """What the agenda's "acties van de vorige keer" goes through: every action of the last
    meeting of the same circle (done or not), then the actions of earlier meetings still open
    on the day; for a meeting of the whole network also those of the working groups."""
    last = max(earlier, key=lambda x: (x.date, x.id)) if earlier else None
    found = list(last.actions) if last else []
    pool = earlier if m.platform else [x for x in project.meetings if x.date < m.date]
    for x in sorted(pool, key=lambda x: (x.date, x.id)):
        for a in x.actions:
            if a not in found and (a.done is None or a.done >= m.date):
                found.append(a)
    return found


def _meeting_data(ctx: Context, m: Meeting) -> dict[str, Any]:
    project, playbook = ctx.project, ctx.playbook
    names = _names(project)
    kind = next((k for k in playbook.meeting_kinds if k.id == m.kind), None)
    minutes = kind.minutes if kind else 90
    end = ""
    clock = parse_time(m.time) if m.time else None
    if clock is not None:
        end = clock_text(clock[0] * 60 + clock[1] + minutes)
    earlier = [x for x in project.meetings if x.date < m.date and _same_circle(x, m)]
    later = [x for x in project.meetings if x.date > m.date and _same_circle(x, m)]
    previous_open = _previous_actions(project, m, earlier)
    following = min(later, key=lambda x: (x.date, x.id)) if later else None
    if following is not None and following.chair:
        next_chair = names.get(following.chair, following.chair)
    else:
        next_chair = names.get(mt.next_chair(project, m.kind, m.platform, m.date, None), "")
        if m.chair and next_chair == names.get(m.chair, m.chair):
            next_chair = ""  # a circle of one: nobody else to hand over to
    return {
        "id": m.id,
        "soort": mt.kind_title(playbook, m.kind),
        "platform": next((p.title for p in project.platforms if p.id == m.platform), ""),
        "datum": weekday_date(m.date),
        "tijd": m.time,
        "eind": end,
        "plek": _place(project, m),
        "voor_wie": _circle(project, m),
        "gespreksleider": names.get(m.chair, m.chair),
        "agenda": list(kind.agenda) if kind else [],
        "vorige_acties": _actions(project, previous_open),
        "besluiten": list(m.decisions),
        "acties": _actions(project, m.actions),
        "volgende": (
            {"datum": weekday_date(following.date), "tijd": following.time}
            if following is not None
            else None
        ),
        "volgende_gespreksleider": next_chair,
        "gesloten": m.closed is not None,
    }


def _base(ctx: Context) -> dict[str, Any]:
    mission = answer(ctx.project, "verbinden.missie") or ""
    return {**common_data(ctx), "missie": str(mission).strip()}


def prepare_meeting_agenda(ctx: Context) -> Prepared:
    """The invitation with the agenda of every meeting, one file each."""
    title = "Uitnodiging en agenda per overleg"
    if not ctx.project.meetings:
        raise NotReady(
            f"{title}: nog geen overleg gepland. Plan er een met: gzctl overleg toevoegen "
            "DATUM --soort netwerkavond"
        )
    base = _base(ctx)
    outputs = []
    for m in ctx.project.meetings:
        data = {**base, "overleg": _meeting_data(ctx, m)}
        outputs.append(Output(f"overleg/{m.id}-agenda", "overleg-agenda", data, f"Agenda — {m.id}"))
    return Prepared("overleg-agenda", title, tuple(outputs))


def prepare_meeting_minutes(ctx: Context) -> Prepared:
    """The verslag of every meeting that was held (closed, or its day has passed) with its
    besluitenlijst and actions."""
    title = "Verslag en besluitenlijst per overleg"
    held = [m for m in ctx.project.meetings if m.closed is not None or m.date < ctx.today]
    if not held:
        raise NotReady(
            f"{title}: nog geen overleg geweest. Leg besluiten vast met gzctl overleg besluit "
            "ID TEKST en sluit het overleg met gzctl overleg klaar ID"
        )
    base = _base(ctx)
    outputs = []
    for m in held:
        data = {**base, "overleg": _meeting_data(ctx, m)}
        outputs.append(
            Output(f"overleg/{m.id}-verslag", "overleg-verslag", data, f"Verslag — {m.id}")
        )
    return Prepared("overleg-verslag", title, tuple(outputs))


PREPARERS = {
    "overleg-agenda": prepare_meeting_agenda,
    "overleg-verslag": prepare_meeting_minutes,
}
