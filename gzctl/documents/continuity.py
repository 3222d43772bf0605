"""The Coördinator's continuity: the written agreements between network, employer and
penvoerder (werkafspraken), a plan for the first 100 days made from the network's own data
(inwerkplan), and a handover file a successor can start from (overdrachtsdossier).
Templates: templates/werkafspraken.md.j2, inwerkplan.md.j2, overdrachtsdossier.md.j2.

Organisations and their work contacts, platforms, activities and money: never residents.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Organisation, Project
from gzctl.documents.base import (
    Context,
    NotReady,
    Output,
    Prepared,
    answer,
    common_data,
    document_date,
    fold,
    later_euro,
    later_number,
    later_phone,
    later_short_date,
    missing_answer,
)
from gzctl.network.participation import STARTED

AGREEMENTS_TITLE = "Werkafspraken"
INDUCTION_TITLE = "Inwerkplan voor de eerste 100 dagen"
HANDOVER_TITLE = "Overdrachtsdossier"
HOURS, EMPLOYER = "organiseren.uren", "organiseren.werkgever"
APPLICANT = "organiseren.penvoerder"
# the organisation types a new Coördinator visits first: the GP and the team signals go to
# (ids of organisatietypen.toml and its Flemish variant)
FIRST_TYPES = ("huisartsenpraktijk", "kernteam", "sociaal-huis")


def _employer(ctx: Context) -> str:
    from gzctl.documents.coordinator import EMPLOYER_TEXT

    raw = str(answer(ctx.project, EMPLOYER) or "")
    return EMPLOYER_TEXT.get(raw, raw or "de werkgever")


def _org_line(o: Organisation, names: dict[str, str] | None = None) -> dict[str, Any]:
    contact = o.contact
    return {
        "naam": o.name,
        "contact": ", ".join(x for x in (contact.name, contact.role) if x),
        "telefoon": later_phone(contact.phone),
        "email": contact.email,
        "status": o.status,
    }


def _task_text(ctx: Context) -> list[str]:
    from gzctl.network.criteria import load_criteria

    return list(load_criteria().tasks)


def prepare_agreements(ctx: Context) -> Prepared:
    """The agreements between the network, the employer and the penvoerder: hours, tasks,
    who decides what, holiday cover, the consent rule for worries about residents, and room
    for three signatures."""
    project = ctx.project
    for qid in (HOURS, EMPLOYER):
        if not answer(project, qid):
            raise missing_answer(ctx.playbook, qid, AGREEMENTS_TITLE)
    base = common_data(ctx)
    start = project.coordinator.start
    data = {
        **base,
        "uren": later_number(answer(project, HOURS)),
        "werkgever": _employer(ctx),
        "penvoerder": str(answer(project, APPLICANT) or ""),
        "start": later_short_date(start) if start else "",
        "taken": _task_text(ctx),
        "datum": later_short_date(document_date(project)),
    }
    out = Output("werkafspraken", "werkafspraken", data, AGREEMENTS_TITLE)
    return Prepared("werkafspraken", AGREEMENTS_TITLE, (out,))


def visit_order(project: Project) -> list[Organisation]:
    """The organisations a new Coördinator visits, in order: the GP and the kernteam or
    Sociaal Huis first, then the trekkers of running platforms, then the other joined
    organisations (professionals before clubs), then those approached; no one who said no."""
    trekkers = {p.trekker for p in project.platforms if p.status in STARTED and p.trekker}

    def rank(o: Organisation) -> tuple[int, str]:
        if o.type in FIRST_TYPES:
            return 0, fold(o.name)
        if o.id in trekkers:
            return 1, fold(o.name)
        if o.status == "aangesloten":
            return (2 if o.kind in ("professioneel", "overheid") else 3), fold(o.name)
        return 4, fold(o.name)

    def wanted_one(o: Organisation) -> bool:
        if o.status == "afgehaakt":
            return False
        return o.status in ("aangesloten", "benaderd") or o.id in trekkers or o.type in FIRST_TYPES

    wanted = [o for o in project.organisations if wanted_one(o)]
    return sorted(wanted, key=rank)


def _platforms(project: Project, names: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for p in project.platforms:
        if p.status not in STARTED:
            continue
        out.append({
            "titel": p.title, "status": p.status, "trekker": names.get(p.trekker, ""),
            "leden": ", ".join(names.get(m, m) for m in p.members),
            "open": [t.title for t in p.tasks if not t.done][:4],
        })  # fmt: skip
    return out


def prepare_induction(ctx: Context) -> Prepared:
    """The first 100 days, from the network's own data: whom to visit in which order (in
    three blocks of about a month), the running platforms and their open steps, what is
    planned."""
    project = ctx.project
    visits = visit_order(project)
    if not visits:
        raise NotReady(
            f"{INDUCTION_TITLE}: er is nog geen organisatie aangesloten of benaderd. Zet ze op "
            "de lijst met gzctl org add en gzctl org status."
        )
    base = common_data(ctx)
    day1 = project.coordinator.start or document_date(project)
    names = {o.id: o.name for o in project.organisations}
    third = max(1, -(-len(visits) // 3))
    blocks = []
    for n, (first, last) in enumerate(((1, 30), (31, 60), (61, 100))):
        chunk = visits[n * third:(n + 1) * third]
        blocks.append({
            "van": later_short_date(day1 + dt.timedelta(days=first - 1)),
            "tot": later_short_date(day1 + dt.timedelta(days=last - 1)),
            "bezoeken": [_org_line(o) for o in chunk],
        })  # fmt: skip
    planned = [a for a in project.activities
               if day1 <= a.start.date() <= day1 + dt.timedelta(days=100)]  # fmt: skip
    data = {
        **base,
        "dag1": later_short_date(day1),
        "dag100": later_short_date(day1 + dt.timedelta(days=99)),
        "blokken": blocks,
        "platforms": _platforms(project, names),
        "gepland": [{"titel": a.title, "datum": later_short_date(a.start.date())}
                    for a in planned[:8]],  # fmt: skip
        "werkgever": _employer(ctx),
        "penvoerder": str(answer(project, APPLICANT) or ""),
        "missie": str(answer(project, "verbinden.missie") or ""),
    }
    return Prepared("inwerkplan", INDUCTION_TITLE,
                    (Output("inwerkplan", "inwerkplan", data, INDUCTION_TITLE),))  # fmt: skip


def prepare_handover(ctx: Context) -> Prepared:
    """What a successor starts from: organisations and their work contacts, platforms and
    open steps, planned activities, money this year, agreements, where things are."""
    from gzctl.network import money

    project = ctx.project
    if not any(o.status == "aangesloten" for o in project.organisations):
        raise NotReady(
            f"{HANDOVER_TITLE}: er is nog geen organisatie aangesloten; er is nog niets over "
            "te dragen."
        )
    base = common_data(ctx)
    day = document_date(project)
    names = {o.id: o.name for o in project.organisations}
    joined = sorted((o for o in project.organisations if o.status == "aangesloten"),
                    key=lambda o: fold(o.name))  # fmt: skip
    approached = sorted((o for o in project.organisations if o.status == "benaderd"),
                        key=lambda o: fold(o.name))  # fmt: skip
    upcoming = [a for a in project.activities if a.start.date() >= day][:10]
    y = money.year_overview(project, day.year)
    data = {
        **base,
        "datum": later_short_date(day),
        "aangesloten": [_org_line(o) for o in joined],
        "benaderd": [_org_line(o) for o in approached],
        "platforms": _platforms(project, names),
        "gepland": [{"titel": a.title, "datum": later_short_date(a.start.date())}
                    for a in upcoming],  # fmt: skip
        "geld": {"jaar": y.year, "besteed": later_euro(y.spent), "ontvangen": later_euro(y.income),
                 "begroot": later_euro(y.budget) if y.budget is not None else ""},  # fmt: skip
        "werkgever": _employer(ctx) if answer(project, EMPLOYER) else "",
        "penvoerder": str(answer(project, APPLICANT) or ""),
        "uren": later_number(answer(project, HOURS)) if answer(project, HOURS) else "",
        "bewaartermijn": str(answer(project, "borgen.bewaartermijn") or "zes maanden"),
        "missie": str(answer(project, "verbinden.missie") or ""),
    }
    out = Output("overdrachtsdossier", "overdrachtsdossier", data, HANDOVER_TITLE)
    return Prepared("overdrachtsdossier", HANDOVER_TITLE, (out,))


PREPARERS = {
    "werkafspraken": prepare_agreements,
    "inwerkplan": prepare_induction,
    "overdrachtsdossier": prepare_handover,
}
