"""The platform documents: a one-page plan per platform and a newsletter for residents.

Preparers in the sense of gzctl/documents/base.py (registered in gzctl/documents/registry.py): they
turn the project into plain Dutch data for templates/platformplan.* and nieuwsbrief.*.
The newsletter looks back and ahead from the day of the project's last change (not from
the clock), so the same data always gives the same text. Participants are counts only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Activity, Project
from gzctl.documents.base import (
    GROUP_NAMES,
    Context,
    NotReady,
    Output,
    Prepared,
    common_data,
    join_dutch,
    later_date,
    later_number,
    later_short_date,
    safe_stem,
)
from gzctl.network import platforms as pf

BACK_DAYS = 60
AHEAD_DAYS = 90

STATUS_WORDS = {
    "idee": "een idee, nog niet gestart",
    "in oprichting": "in oprichting",
    "actief": "actief",
    "gestopt": "gestopt",
}


def _groups(codes: list[str] | tuple[str, ...]) -> str:
    return join_dutch(GROUP_NAMES.get(c, c) for c in codes)


def _names(project: Project, ids: list[str]) -> list[str]:
    names = {o.id: o.name for o in project.organisations}
    return [names.get(i, i) for i in ids]


def _activity(project: Project, a: Activity) -> dict[str, Any]:
    titles = {p.id: p.title for p in project.platforms}
    tijd = ""
    if a.start.time() != dt.time(0, 0):
        tijd = f"{a.start:%H:%M}"
        if a.end is not None and a.end.date() == a.start.date():
            tijd += f" tot {a.end:%H:%M} uur"
        else:
            tijd += " uur"
    return {
        "titel": a.title,
        "datum": later_date(a.start.date()),
        "tijd": tijd,
        "plek": a.place,
        "door": join_dutch(_names(project, a.organisers)),
        "platform": titles.get(a.platform, ""),
        "voor": _groups(a.target_groups),
        "verwacht": later_number(a.expected) if a.expected is not None else "",
        "deelnemers": later_number(a.participants) if a.participants is not None else "",
        "omschrijving": a.description,
    }


def prepare_platform_plan(ctx: Context) -> Prepared:
    title = "Plan per platform"
    project = ctx.project
    platforms = [p for p in project.platforms if p.status != "gestopt"]
    if not platforms:
        raise NotReady(
            f"{title}: het project heeft nog geen platforms. Kijk welke passen met gzctl "
            "platform suggest en start er een met gzctl platform add."
        )
    catalogue = pf.load_catalogue(ctx.playbook)
    functions = {f.id: f.label for f in catalogue.functions}
    traits = {t.id: t.label for t in catalogue.traits}
    base = common_data(ctx)
    taken: set[str] = set()
    outputs = []
    for p in platforms:
        ptype = catalogue.get(p.template)
        members = [
            {"naam": name, "rol": "trekker" if oid == p.trekker else "deelnemer"}
            for oid, name in zip(p.members, _names(project, p.members), strict=True)
        ]
        members.sort(key=lambda m: (m["rol"] != "trekker", m["naam"].casefold()))
        missing: list[str] = []
        if ptype is not None:
            present = {o.type for o in project.organisations if o.id in p.members}
            missing = [r.label for r in ptype.roles if r.required and not set(r.types) & present]
        data = {
            **base,
            "platform": {
                "titel": p.title,
                "doel": p.aim,
                "stand": STATUS_WORDS.get(p.status, p.status),
                "voor": _groups(ptype.target_groups) if ptype else "",
                "leden": members,
                "nog_nodig": missing,
                "stappen": [{"titel": t.title, "gedaan": t.done} for t in p.tasks],
                "indicatoren": list(ptype.indicators) if ptype else [],
                "functies": [functions[f] for f in ptype.functions] if ptype else [],
                "kenmerken": [traits[t] for t in ptype.traits] if ptype else [],
                "activiteiten": [
                    _activity(project, a) for a in project.activities if a.platform == p.id
                ],
            },
        }
        outputs.append(
            Output(
                f"platformplan/{safe_stem(p.id, taken)}",
                "platformplan",
                data,
                f"{title} — {p.title}",
            )
        )
    return Prepared("platformplan", title, tuple(outputs))


def edition_date(project: Project) -> dt.date:
    """The newsletter's point of view: the day of the last change in the project."""
    last = max((h.at for h in project.history), default=None)
    if last is not None:
        return last.date()
    return project.project.created or dt.date(2000, 1, 1)


def prepare_newsletter(ctx: Context) -> Prepared:
    title = "Nieuwsbrief voor de dorpskrant"
    project = ctx.project
    day = edition_date(project)
    back = day - dt.timedelta(days=BACK_DAYS)
    ahead = day + dt.timedelta(days=AHEAD_DAYS)
    recent = [a for a in project.activities if back <= a.start.date() < day]
    coming = [a for a in project.activities if day <= a.start.date() <= ahead]
    platforms = [p for p in project.platforms if p.status in ("actief", "in oprichting")]
    if not recent and not coming and not platforms:
        raise NotReady(
            f"{title}: er is nog niets te melden. Plan een activiteit met gzctl activity add "
            "of start een platform met gzctl platform add."
        )
    orgs = [o for o in project.organisations if o.status != "afgehaakt"]
    joined = [o for o in orgs if o.status == "aangesloten"]
    counted = [a.participants for a in recent if a.participants is not None]
    data = {
        **common_data(ctx),
        "editie": {"datum": later_short_date(day)},
        "aantal_organisaties": later_number(len(joined) or len(orgs)),
        "geweest": [_activity(project, a) for a in recent],
        "deelnemers_totaal": later_number(sum(counted)) if counted else "",
        "komend": [_activity(project, a) for a in coming],
        "platforms": [
            {
                "titel": p.title,
                "doel": p.aim,
                "stand": STATUS_WORDS.get(p.status, p.status),
                "leden": join_dutch(sorted(_names(project, p.members), key=str.casefold)),
            }
            for p in platforms
        ],
    }
    return Prepared("nieuwsbrief", title, (Output("nieuwsbrief", "nieuwsbrief", data, title),))


PREPARERS = {
    "platformplan": prepare_platform_plan,
    "nieuwsbrief": prepare_newsletter,
}
