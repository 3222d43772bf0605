"""The website's data: the project turned into plain Dutch values for templates/site/.

Pure functions: nothing here reads the clock, the environment or the disk (the catalogues
aside). ``today`` only splits the activities into coming and past; every other value comes
from ``gzctl.toml``, so the same project on the same day gives the same site.

Privacy by design: only organisations' public data goes onto the site (name, what they do,
address, work e-mail and phone). A contact person's name appears only when the
organisation's record says so (``contact.publish_name``, default no). Nothing about
residents, candidates or initiators as persons; participants are counts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from gzctl.core.model import Activity, Organisation, Platform, Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.documents.base import (
    GROUP_NAMES,
    Context,
    Later,
    NotReady,
    answer,
    common_data,
    dutch_date,
    dutch_number,
    fold,
    join_dutch,
    public_email,
    short_dutch_date,
    shown,
)
from gzctl.documents.general import meeting_place, paragraphs
from gzctl.network.vocabulary import confirmed_type

# Sector ids -> the plain word residents use, and the colour of its dots in the picture.
# Colours are dark enough for 3:1 against white (WCAG 1.4.11, graphics) and differ in
# lightness as well as hue, so they stay apart for colour-blind readers (the legend names
# them too).
SECTORS: dict[str, tuple[str, str]] = {
    "zorg": ("zorg en gezondheid", "#b3261e"),
    "welzijn": ("welzijn en ontmoeting", "#8a4f00"),
    "sport": ("sport en bewegen", "#1b6e3a"),
    "recreatie": ("vrije tijd", "#0b6e79"),
    "cultuur": ("muziek en cultuur", "#6a3d9a"),
    "educatie": ("school en leren", "#1f4e99"),
    "wonen": ("wonen", "#7a5c2e"),
    "veiligheid": ("veiligheid", "#3d4a57"),
    "levensbeschouwing": ("kerk en geloof", "#8e2a6b"),
    "bestuur": ("dorp en gemeente", "#4d4d4d"),
}
OTHER_SECTOR = ("overig", "#5c5c5c")

KIND_WORDS = {
    "vrijwilligers": "vereniging of vrijwilligersgroep",
    "professioneel": "beroepsorganisatie",
    "overheid": "overheid",
    "ondernemer": "ondernemer",
}
# Catalogue type names that are professionals' words, said the way residents say them.
RESIDENT_WORDS = {
    "kernteam": "sociaal team van de gemeente",
}
PLATFORM_STATE = {
    "idee": "nog een idee: wie helpt het op gang?",
    "in oprichting": "wordt nu opgezet",
    "actief": "loopt",
}
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "voorjaar", 4: "voorjaar", 5: "voorjaar",
           6: "zomer", 7: "zomer", 8: "zomer", 9: "najaar", 10: "najaar", 11: "najaar"}  # fmt: skip


def season(day: dt.date) -> tuple[tuple[int, int], str]:
    """The season an activity falls in, as (sort key, Dutch name): 2026-12-05 ->
    ((2026, 4), 'winter 2026-2027'); 2027-01-10 -> ((2026, 4), 'winter 2026-2027')."""
    name = SEASONS[day.month]
    if name == "winter":
        first = day.year if day.month == 12 else day.year - 1
        return (first, 4), f"winter {first}-{first + 1}"
    order = {"voorjaar": 1, "zomer": 2, "najaar": 3}[name]
    return (day.year, order), f"{name} {day.year}"


@_frozen_record
class SiteInput(_FrozenRecord):
    """What the site is built from: the project, the day that splits coming from past, and
    the site's address (empty when it is not online yet)."""

    project: Project
    ctx: Context
    today: dt.date
    url: str = ""


def taking_part(project: Project) -> list[Organisation]:
    """The organisations the site shows: those that joined and those taking part in a joint
    initiative or activity (gzctl/network/participation.py, the one definition every output
    uses). Never those that dropped out. Sorted by name."""
    from gzctl.network.participation import participation

    return list(participation(project).taking_part)


def visible_platforms(project: Project) -> list[Platform]:
    """Joint initiatives worth showing: not stopped; running ones first, then by title."""
    order = {"actief": 0, "in oprichting": 1, "idee": 2}
    visible = [p for p in project.platforms if p.status in order]
    return sorted(visible, key=lambda p: (order[p.status], fold(p.title), p.id))


def sector_of(org: Organisation) -> str:
    """The sector that colours an organisation's dot: its first one, else 'overig'."""
    for s in org.sectors:
        if s in SECTORS:
            return s
    return "overig"


# Target groups a resident never reads about themselves: "kwetsbare inwoners" is a word for
# professionals' plans; on residents' pages and posters it labels people (DOMAIN: residents
# take part again, they are not a category).
UNNAMED_GROUPS = frozenset({"Kw"})


def _groups(codes: list[str] | tuple[str, ...]) -> str:
    return join_dutch(GROUP_NAMES.get(c, c) for c in codes if c not in UNNAMED_GROUPS)


def _clock_text(a: Activity) -> str:
    if a.start.time() == dt.time(0, 0):
        return ""
    text = f"{a.start:%H:%M}"
    if a.end is not None and a.end.date() == a.start.date():
        return f"{text} tot {a.end:%H:%M} uur"
    return f"{text} uur"


def activity_data(project: Project, a: Activity) -> dict[str, Any]:
    """One activity for a page: 'titel', 'datum' ('zaterdag 12 december 2026'), 'tijd'
    ('10:00 tot 12:00 uur' or ''), 'iso' (for <time datetime>), 'plek', 'door' (organisers'
    names), 'initiatief', 'voor' (target groups in words), 'omschrijving', 'deelnemers'
    (formatted count or ''), 'anker' (a stable fragment id)."""
    names = {o.id: o.name for o in project.organisations}
    titles = {p.id: p.title for p in project.platforms}
    return {
        "titel": a.title,
        "datum": dutch_date(a.start.date()),
        "datum_kort": short_dutch_date(a.start.date()),
        "tijd": _clock_text(a),
        "iso": a.start.strftime("%Y-%m-%dT%H:%M") if _clock_text(a) else a.start.date().isoformat(),
        "plek": a.place,
        "door": join_dutch(names.get(o, o) for o in a.organisers),
        "initiatief": titles.get(a.platform, ""),
        "initiatief_anker": f"samen-{a.platform}" if a.platform in titles else "",
        "voor": _groups(a.target_groups),
        "omschrijving": a.description,
        "deelnemers": dutch_number(a.participants) if a.participants is not None else "",
        "anker": f"activiteit-{a.id}",
    }


def split_activities(project: Project, today: dt.date) -> tuple[list[Activity], list[Activity]]:
    """(coming, past): coming from ``today`` on, soonest first; past newest first."""
    items = sorted(project.activities, key=lambda a: (a.start, a.id))
    coming = [a for a in items if a.start.date() >= today]
    past = [a for a in reversed(items) if a.start.date() < today]
    return coming, past


def season_totals(past: list[Activity]) -> list[dict[str, Any]]:
    """Per season, newest first: 'seizoen', 'activiteiten' (count), 'deelnemers' (sum of the
    counted ones, formatted; '' when none was counted)."""
    buckets: dict[tuple[int, int], dict[str, Any]] = {}
    for a in past:
        key, name = season(a.start.date())
        b = buckets.setdefault(key, {"seizoen": name, "n": 0, "people": 0, "counted": False})
        b["n"] += 1
        if a.participants is not None:
            b["people"] += a.participants
            b["counted"] = True
    return [
        {
            "seizoen": b["seizoen"],
            "activiteiten": dutch_number(b["n"]),
            "deelnemers": dutch_number(b["people"]) if b["counted"] else "",
        }
        for _, b in sorted(buckets.items(), reverse=True)
    ]


def _contact(org: Organisation) -> dict[str, str]:
    """An organisation's public contact data; the person's name only when published."""
    c = org.contact
    named = bool(c.publish_name and c.name)
    place = " ".join(x for x in (org.postcode, org.place) if x)
    return {
        "naam": c.name if named else "",
        "rol": c.role if named else "",
        "email": public_email(c.email),
        "telefoon": c.phone,
        "tel": dialable({"telefoon": c.phone})["tel"],
        "adres": ", ".join(x for x in (org.address, place) if x),
    }


def organisation_data(project: Project, org: Organisation, catalogue: Any) -> dict[str, Any]:
    """One organisation card: 'naam', 'wat' (what it is, in words), 'sectoren', 'voor',
    'kleur', 'sector', 'initiatieven' (titles), 'contact' (see :func:`_contact`), 'anker'."""
    org_type = confirmed_type(org)  # a guess from the name is not told to residents
    known = catalogue.type(org_type) if org_type else None
    what = known.name if known else (org_type or KIND_WORDS.get(org.kind, ""))
    what = RESIDENT_WORDS.get(org_type, what)
    sector = sector_of(org)
    platforms = [
        p.title for p in visible_platforms(project) if org.id in p.members or p.trekker == org.id
    ]
    return {
        "naam": org.name,
        "wat": what,
        "soort": KIND_WORDS.get(org.kind, ""),
        "sectoren": join_dutch(SECTORS[s][0] for s in org.sectors if s in SECTORS),
        "voor": _groups(org.target_groups) if "A" not in org.target_groups else "iedereen",
        "sector": sector,
        "kleur": SECTORS.get(sector, OTHER_SECTOR)[1],
        "initiatieven": platforms,
        "contact": _contact(org),
        "aangesloten": org.status == "aangesloten",
        "anker": f"org-{org.id}",
    }


def platform_data(project: Project, p: Platform, catalogue: Any) -> dict[str, Any]:
    """One joint initiative: 'titel', 'doel', 'stand' (in words), 'leden' (names),
    'trekker' (name), 'aanmelden' (public contact of the lead organisation), 'voor',
    'activiteiten' (count), 'anker'."""
    by_id = {o.id: o for o in project.organisations}
    ptype = catalogue.get(p.template) if p.template else None
    aim = p.aim or (ptype.aim if ptype else "")
    members = [by_id[m] for m in p.members if m in by_id and by_id[m].status != "afgehaakt"]
    lead = by_id.get(p.trekker)
    return {
        "titel": p.title,
        "doel": aim,
        "stand": PLATFORM_STATE.get(p.status, p.status),
        "status": p.status,
        "leden": sorted((m.name for m in members), key=fold),
        "trekker": lead.name if lead else "",
        "aanmelden": _contact(lead) if lead else {},
        "voor": _groups(ptype.target_groups) if ptype else "",
        "activiteiten": sum(1 for a in project.activities if a.platform == p.id),
        "anker": f"samen-{p.id}",
    }


def network_contact(project: Project, ctx: Context) -> dict[str, Any]:
    """Who a resident can turn to about the network itself, the same on the site, the poster
    and every document: the network's contact person (documents.base.network_contact_person),
    shown under the network's name (the site names no private person). Without one, the
    organisation at the meeting place when it takes part, else the lead of the first
    running initiative. Empty dict when none."""
    from gzctl.documents.base import network_contact_person

    person = network_contact_person(project)
    if person is not None:
        base = common_data(ctx)
        network = base["netwerk"]["naam"]
        phone = str(shown(base["contact"]["telefoon"]))
        return {
            "organisatie": network,
            "naam": "",
            "rol": "",
            "email": public_email(person.email),
            "telefoon": phone,
            "tel": dialable({"telefoon": phone})["tel"],
            "adres": "",
        }
    place = meeting_place(ctx)
    orgs = taking_part(project)
    if place:
        for o in orgs:
            if fold(o.name) == fold(place["naam"]) and (o.contact.email or o.contact.phone):
                return {"organisatie": o.name, **_contact(o)}
    for p in visible_platforms(project):
        lead = next((o for o in orgs if o.id == p.trekker), None)
        if lead and (lead.contact.email or lead.contact.phone):
            return {"organisatie": lead.name, **_contact(lead)}
    return {}


def help_block(ctx: Context) -> list[dict[str, Any]]:
    """The "Hulp nodig?" block: the same worries and organisations as the "Wie kan ik
    bellen?" card (documents.base.prepare_overview), organisations only, and only those a
    resident can reach (a phone number or e-mail address). Empty when none has joined yet."""
    from gzctl.documents.general import prepare_overview

    try:
        prepared = prepare_overview(ctx)
    except NotReady:
        return []
    out = []
    for need in prepared.outputs[0].data["zorgen"]:
        reachable = [dialable(o) for o in need["organisaties"] if o["telefoon"] or o["email"]]
        if reachable:
            out.append({"zorg": need["vraag"], "organisaties": reachable})
    return out


def safe_block(ctx: Context) -> list[dict[str, str | Later]]:
    """The card's fixed safe block (112, huisartsenpost, huisarts, sociaal team, Veilig Thuis,
    gemeente: documents.general.fixed_contacts), only the entries with a phone number: a
    website shows no open lines. Each: ``naam``, ``wanneer``, ``wie``, ``telefoon``."""
    from gzctl.documents.general import fixed_contacts

    entries, _warnings, _missing = fixed_contacts(ctx)
    return [dialable(e) for e in entries if e["telefoon"]]


def dialable(entry: dict[str, Any]) -> dict[str, Any]:
    """``entry`` with ``tel``: its phone number as a ``tel:`` link must hold it, digits and a
    leading + only (a no-break space or a hyphen in the link may keep a phone from dialling)."""
    text = str(shown(entry.get("telefoon") or ""))
    if text.lstrip().startswith("+"):
        text = text.replace("(0)", "")  # '+32 (0)3 ...': the 0 is dialled only inside the country
    digits = re.sub(r"[^\d+]", "", text)
    return {**entry, "tel": digits[:1] + digits[1:].replace("+", "")}


def _signups_this_year(project: Project, today: dt.date) -> str:
    """How many residents signed up this year, as a number, or '' without any."""
    from gzctl.network.signups import total

    n = total(project, today.year)
    return dutch_number(n) if n else ""


def _recurring(project: Project) -> list[dict[str, str]]:
    """What members already do, by organisation name: wat, wie, wanneer, waar."""
    from gzctl.network.recurring import when_text

    names = {o.id: o.name for o in project.organisations}
    rows = [{"wat": r.title, "wie": names.get(r.org, r.org), "wanneer": when_text(r),
             "waar": r.place} for r in project.recurring]  # fmt: skip
    return sorted(rows, key=lambda r: (r["wie"], r["wat"]))


def _survey(ctx: Context) -> dict[str, Any]:
    """The residents' survey as the year report tells it (the same lines, counts only)."""
    if not ctx.project.surveys:
        return {"regels": [], "ingevuld": ""}
    from gzctl.documents.results import survey_lines

    last = ctx.project.surveys[-1]
    return {"regels": survey_lines(ctx), "ingevuld": dutch_number(last.filled)}


def site_data(inp: SiteInput) -> dict[str, Any]:
    """Everything the pages show, as one dict of Dutch keys (see templates/README.md).

    Raises NotReady when the village has no name yet (the site would have no subject)."""
    from gzctl.network import inventory as inv
    from gzctl.network import platforms as pf
    from gzctl.network.participation import participation, reaches_nearly_everyone

    project, ctx = inp.project, inp.ctx
    if not project.village.name:
        raise NotReady("Website: het dorp heeft nog geen naam (gzctl wizard).")
    orgs_catalogue = inv.load_catalogue(ctx.playbook)  # the Flemish one for a Flemish village
    platforms_catalogue = pf.load_catalogue(ctx.playbook)
    base = common_data(ctx)
    coming, past = split_activities(project, inp.today)
    from gzctl.network.meetings import open_evenings

    evenings = [a for a in open_evenings(project) if a.start.date() >= inp.today]
    coming = sorted([*coming, *evenings], key=lambda a: (a.start, a.id))  # residents come too
    orgs = taking_part(project)
    platforms = visible_platforms(project)
    counted = [a.participants for a in past if a.participants is not None]
    place = meeting_place(ctx)
    mission = paragraphs(answer(project, "verbinden.missie"))
    vision = paragraphs(answer(project, "verbinden.visie"))
    reason = paragraphs(answer(project, "verbinden.aanleiding"))
    sectors_present = sorted({sector_of(o) for o in orgs}, key=_sector_order)
    return {
        "dorp": base["dorp"],
        "netwerk": base["netwerk"],
        "taal": base["land"]["taal"],
        "url": inp.url,
        "missie": mission,
        "visie": vision,
        "aanleiding": reason,
        "plek": place or {"naam": "", "adres": ""},
        "komend": [activity_data(project, a) for a in coming],
        "geweest": [activity_data(project, a) for a in past],
        "seizoenen": season_totals(past),
        "totaal": {
            "organisaties": dutch_number(len(orgs)),
            "organisaties_n": len(orgs),
            "initiatieven": dutch_number(sum(1 for p in platforms if p.status != "idee")),
            "activiteiten": dutch_number(len(past)),
            "activiteiten_n": len(past),
            "komend": dutch_number(len(coming)),
            "deelnemers": dutch_number(sum(counted)) if counted else "",
            "aangesloten": dutch_number(base["deelname"]["aangesloten"]),
            "aangesloten_n": base["deelname"]["aangesloten"],
            "initiatief": dutch_number(base["deelname"]["initiatief"]),
            "initiatief_n": base["deelname"]["initiatief"],
        },
        "peiling": _survey(ctx),
        "al_vast": _recurring(project),
        "open_avond": activity_data(project, evenings[0]) if evenings else None,
        "aanmeldingen": _signups_this_year(project, inp.today),
        "deelname": base["deelname"],
        "bijna_iedereen": reaches_nearly_everyone(project, participation(project)),
        "organisaties": [organisation_data(project, o, orgs_catalogue) for o in orgs],
        "initiatieven": [platform_data(project, p, platforms_catalogue) for p in platforms],
        "contact": network_contact(project, ctx),
        "hulp": help_block(ctx),
        "vast": safe_block(ctx),
        "sectoren": [
            {
                "id": s,
                "naam": SECTORS.get(s, OTHER_SECTOR)[0],
                "kleur": SECTORS.get(s, OTHER_SECTOR)[1],
            }
            for s in sectors_present
        ],
    }


def _sector_order(sector: str) -> int:
    keys = list(SECTORS)
    return keys.index(sector) if sector in keys else len(keys)
