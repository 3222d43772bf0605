"""Relationships over time: a welcome pack for each organisation that joined after the first
network evening (welkom), and the reply to a resident who said "Doe mee"
(antwoord-aanmelding). Templates: templates/welkom.md.j2 and antwoord-aanmelding.md.j2.

Organisations and roles only; the reply to a resident is a template the sender completes
(gzctl never holds a resident's name).
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
    document_words,
    fold,
    later_short_date,
    letter_base,
    safe_stem,
)
from gzctl.network.participation import STARTED
from gzctl.network.vocabulary import confirmed_type

WELCOME_TITLE = "Welkom bij het netwerk"
REPLY_TITLE = "Antwoord aan een inwoner die wil meedoen"
EVENING = "verbinden.netwerkavond_datum"


def late_joiners(project: Project) -> list[Organisation]:
    """Organisations that joined after the first network evening (or, without that date,
    in the last six months)."""
    evening = answer(project, EVENING)
    half_year = document_date(project) - dt.timedelta(days=183)
    cut = evening if isinstance(evening, dt.date) else half_year
    out = [
        o for o in project.organisations
        if o.status == "aangesloten" and o.dates.get("aangesloten") is not None
        and o.dates["aangesloten"] > cut
    ]  # fmt: skip
    return sorted(out, key=lambda o: fold(o.name))


def _who_is_who(project: Project) -> list[dict[str, str]]:
    names = {o.id: o.name for o in project.organisations}
    rows = []
    for p in project.platforms:
        if p.status in STARTED:
            rows.append({"wat": p.title, "wie": names.get(p.trekker, "nog niemand")})
    return rows


def prepare_welcome(ctx: Context) -> Prepared:
    """One welcome pack per organisation that joined later: the mission, the agreements
    (equal members, no board), the signal route, who is who, what is coming."""
    from gzctl.documents.general import address_lines, register_of, salutation

    project = ctx.project
    late = late_joiners(project)
    if not late:
        raise NotReady(
            f"{WELCOME_TITLE}: er is nog geen organisatie later aangesloten; het welkomstpakket "
            "is voor wie na de eerste netwerkavond meedoet."
        )
    base = common_data(ctx)
    words = document_words(ctx.playbook)
    day = document_date(project)
    coming = [a for a in project.activities if a.start.date() > day][:5]
    shared = {
        "missie": str(answer(project, "verbinden.missie") or ""),
        "wie": _who_is_who(project),
        "komend": [{"titel": a.title, "datum": later_short_date(a.start.date())}
                   for a in coming],  # fmt: skip
    }
    taken: set[str] = set()
    outputs = []
    for org in late:
        register = register_of(org, words)
        letter = letter_base(ctx, f"Welkom bij {base['netwerk']['naam']}")
        data: dict[str, Any] = {
            **base, **letter, **shared,
            "organisatie": org.name,
            "adresregels": address_lines(org),  # t.a.v., street, postcode and place
            "u": register == "u",
            "aanhef": salutation(org.contact, org.name, org.kind, register=register,
                                 org_type=confirmed_type(org), words=words),  # fmt: skip
            "sinds": later_short_date(org.dates["aangesloten"]),
        }  # fmt: skip
        stem = safe_stem(org.name, taken)
        outputs.append(Output(f"welkom/{stem}", "welkom", data, f"{WELCOME_TITLE} — {org.name}"))
    return Prepared("welkom", WELCOME_TITLE, tuple(outputs))


def prepare_reply(ctx: Context) -> Prepared:
    """The reply to a resident who said "Doe mee": warm, within a week, one club or platform
    to get to know in person, and who to call; the sender fills in the name."""
    base = common_data(ctx)
    project = ctx.project
    running = [p.title for p in project.platforms if p.status in STARTED]
    day = document_date(project)
    coming = [a for a in project.activities if a.start.date() > day][:3]
    from gzctl.documents.base import join_dutch

    clubs = sorted({o.name for o in project.organisations if o.status == "aangesloten"
                    and o.kind == "vrijwilligers"}, key=fold)[:5]  # fmt: skip
    data = {
        **base,
        "platforms": join_dutch(running),
        "clubs": join_dutch(clubs),
        "komend": [{"titel": a.title, "datum": later_short_date(a.start.date())}
                   for a in coming],  # fmt: skip
    }
    out = Output("antwoord-aanmelding", "antwoord-aanmelding", data, REPLY_TITLE)
    return Prepared("antwoord-aanmelding", REPLY_TITLE, (out,))


PREPARERS = {"welkom": prepare_welcome, "antwoord-aanmelding": prepare_reply}
