"""The platform documents: a one-page plan per platform, a newsletter for residents and the
thank-you letter to the member organisations after a year.

Preparers in the sense of gzctl/documents/base.py (found through the playbook's entries,
``preparer = "platforms"``): they turn the project into plain Dutch data for
templates/platformplan.md.j2, nieuwsbrief.md.j2 and bedankbrief.md.j2.
The newsletter looks back and ahead from the day of the project's last change (not from
the clock), so the same data always gives the same text. Participants are counts only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Activity, Organisation, Project
from gzctl.documents.base import (
    GROUP_NAMES,
    Context,
    Later,
    NotReady,
    Output,
    Prepared,
    common_data,
    document_date,
    document_words,
    fold,
    is_initiator_contact,
    join_dutch,
    later_date,
    later_join,
    later_number,
    later_short_date,
    later_text,
    letter_base,
    safe_stem,
)
from gzctl.documents.general import address_lines, register_of, salutation
from gzctl.network import platforms as pf
from gzctl.network.participation import participation, participation_text
from gzctl.network.vocabulary import confirmed_type

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
    """Prepares the plan per platform for every platform that has not stopped."""
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
    return document_date(project)


def prepare_newsletter(ctx: Context) -> Prepared:
    """Prepares the newsletter for the village paper: recent and coming activities."""
    title = f"Nieuwsbrief voor {document_words(ctx.playbook)['land']['dorpsblad']}"
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
                "leden": _partners(project, p.members),
            }
            for p in platforms
        ],
    }
    return Prepared("nieuwsbrief", title, (Output("nieuwsbrief", "nieuwsbrief", data, title),))


def _partners(project: Project, members: list[str]) -> str:
    """A platform's members as the newsletter names them: only organisations that joined
    the network by name (they are its partners), the others counted ("KBO Ooltwijk en 3
    andere organisaties")."""
    joined = {o.id for o in project.organisations if o.status == "aangesloten"}
    named = sorted(_names(project, [m for m in members if m in joined]), key=str.casefold)
    others = sum(1 for m in members if m not in joined)
    if others:
        word = "organisatie" if others == 1 else "organisaties"
        named.append(f"{others} {'andere ' if named else ''}{word}")
    return join_dutch(named)


# --------------------------------------------------------------------------- the thank-you letter
# One letter per organisation that joined the network, after a year: what the network did
# in the 365 days up to the day of the project's last change (never the clock) and what this
# organisation added. Participants are counts only; no resident is named.

THANKS_TITLE = "Bedankbrief na een jaar"
YEAR = dt.timedelta(days=365)
NAMED = 3  # activities or platforms named in a letter: the rest are counted
RUNNING = ("actief", "in oprichting")


def _year(project: Project, day: dt.date) -> list[Activity]:
    """The activities of the year up to ``day`` that took place."""
    return [a for a in project.activities if day - YEAR < a.start.date() <= day]


def _few(titles: list[str]) -> str:
    """': A, B en C' or ', waaronder A, B en C' (more than NAMED)."""
    if len(titles) <= NAMED:
        return ": " + join_dutch(titles)
    return ", waaronder " + join_dutch(titles[:NAMED])


def _fact(label: str, text: Any) -> dict[str, Any]:
    return {"label": label, "tekst": text}


def year_facts(project: Project, day: dt.date, joined: list[Organisation]) -> list[dict[str, Any]]:
    """What the network did this year, as the lines of the letter's facts list (``label``
    and ``tekst``)."""
    held = _year(project, day)
    platforms = [p for p in project.platforms if p.status in RUNNING]
    counted = [a.participants for a in held if a.participants is not None]
    facts: list[dict[str, Any]] = [
        _fact(
            "Netwerk",
            f"{participation_text(participation(project))}. Aangesloten zijn onder meer "
            + join_dutch(sorted({o.name for o in joined}, key=fold)[:NAMED])
            + ".",
        )
    ]
    if held:
        people = (
            later_text(" met in totaal {} deelnemers", later_number(sum(counted)))
            if counted
            else ""
        )
        facts.append(
            _fact(
                "Activiteiten",
                later_text(
                    "{} activiteiten{}{}.",
                    later_number(len(held)),
                    people,
                    _few([a.title for a in held]),
                ),
            )
        )
    if platforms:
        named = join_dutch(f"{p.title} ({p.status})" for p in platforms[:NAMED])
        more = len(platforms) - NAMED
        facts.append(_fact("Platforms", named + (f" en nog {more}." if more > 0 else ".")))
    reach = sum(o.reach or 0 for o in joined)
    if reach:
        facts.append(
            _fact(
                "Bereik",
                later_text(
                    "samen hebben de organisaties een achterban van ongeveer {} mensen.",
                    later_number(reach),
                ),
            )
        )
    busiest = _busiest(project, day)
    if busiest:
        facts.append(_fact("Hoogtepunt", busiest))
    return facts


def contribution(project: Project, day: dt.date, org: Organisation, register: str) -> list[Any]:
    """What this organisation added: the activities it organised, the platforms it is in."""
    u = register == "u"
    own = [a for a in _year(project, day) if org.id in a.organisers]
    platforms = [p for p in project.platforms if p.status in RUNNING and org.id in p.members]
    subject = "U" if u else "Jullie"
    parts: list[Any] = []
    if own:
        parts.append(
            later_text(
                "{} {} zelf mee aan {}.",
                subject,
                "werkte" if u else "werkten",
                join_dutch([a.title for a in own][:NAMED]),
            )
        )
    if platforms:
        parts.append(
            f"In {'het platform' if len(platforms) == 1 else 'de platforms'} "
            f"{join_dutch(p.title for p in platforms)} "
            + ("bent u" if u else "zijn jullie")
            + " een vaste partner."
        )
    if not parts:
        parts.append(
            "Door mee te doen, maakte "
            + ("uw organisatie" if u else "jullie organisatie")
            + " het netwerk breder en sterker: "
            + ("uw" if u else "jullie")
            + " leden en bezoekers horen nu ook wat er in het dorp te doen is."
        )
    return parts


def _busiest(project: Project, day: dt.date) -> str | Later:
    counted = [a for a in _year(project, day) if a.participants]
    if not counted:
        return ""
    top = max(counted, key=lambda a: (a.participants or 0, a.start))
    return later_text(
        "{} op {}, met {} deelnemers.",
        top.title,
        later_short_date(top.start.date()),
        later_number(top.participants or 0),
    )


def _signatures(ctx: Context, base: dict[str, Any], verbinder: str) -> list[dict[str, str]]:
    """The initiators, and the Coördinator once appointed: by the title only, with room to
    sign (a candidate's name never goes into a document, not even the appointed one's)."""
    names = list(base["ondertekening"])
    if ctx.project.coordinator.appointed:
        names.append({"naam": verbinder[:1].upper() + verbinder[1:], "rol": ""})
    return names


def prepare_thanks(ctx: Context) -> Prepared:
    """One thank-you letter per joined organisation and one print file with all of them."""
    project = ctx.project
    joined = sorted(
        (o for o in project.organisations if o.status == "aangesloten"),
        key=lambda o: (fold(o.name), o.id),
    )
    if not joined:
        raise NotReady(
            f"{THANKS_TITLE}: er is nog geen organisatie aangesloten. Zet een organisatie op "
            "aangesloten met gzctl org status ID... aangesloten."
        )
    day = document_date(project)
    running = [p for p in project.platforms if p.status in RUNNING]
    if not _year(project, day) and not running:
        raise NotReady(
            f"{THANKS_TITLE}: er is dit jaar nog niets om samen op terug te kijken. Plan een "
            "activiteit met gzctl activity add of start een platform met gzctl platform add."
        )
    base = common_data(ctx)
    words = document_words(ctx.playbook)
    network = base["netwerk"]["naam"]
    village = base["dorp"]["naam"]
    verbinder = base["land"]["woorden"]["verbinder_titel"]
    letter_common = letter_base(ctx, f"Bedankt voor een jaar {network}")
    letter_common["ondertekening"] = _signatures(ctx, letter_common, verbinder)
    facts = year_facts(project, day, joined)
    taken = {"alle-bedankbrieven"}
    letters, outputs, no_address = [], [], []
    for org in joined:
        register = register_of(org, words)
        u = register == "u"
        if not org.address or not org.place:
            no_address.append(org.name)
        lines = address_lines(org)
        greeting = salutation(
            org.contact, org.name, org.kind, register=register,
            org_type=confirmed_type(org), words=words,
        )  # fmt: skip
        if is_initiator_contact(org.contact, project.initiators):
            # the contact signs the letter: it goes to the people of the organisation
            lines = [x for x in lines if not x.startswith("t.a.v. ")]
            people = "medewerkers en vrijwilligers" if u else "vrijwilligers en leden"
            greeting = f"Beste {people} van {org.name},"
        letter = {
            **letter_common,
            "organisatie": {"naam": org.name, "adresregels": lines},
            "aanspreekvorm": register,
            "aanhef": greeting,
            "inleiding": [
                f"Het afgelopen jaar is {network} echt op gang gekomen: verenigingen, "
                f"vrijwilligers en beroepskrachten in {village} werken nu samen. "
                + ("Uw organisatie was daarbij" if u else "Jullie waren daarbij")
                + ", en daarvoor willen we "
                + ("u" if u else "jullie")
                + " hartelijk bedanken.",
            ],
            "bijdrage": [later_join(contribution(project, day, org, register), " ")],
            "slot": [
                "Samen zorgen we ervoor dat inwoners elkaar vinden en dat een zorg over "
                "iemand op tijd wordt opgemerkt. Dat lukt alleen dankzij de mensen die er "
                "hun tijd en aandacht in steken: "
                + ("uw vrijwilligers en medewerkers." if u else "jullie vrijwilligers en leden."),
                ("Dank u wel, en we rekenen graag ook komend jaar op u!")
                if u
                else "Dank jullie wel, en op naar een nieuw jaar samen!",
            ],
        }
        letters.append(letter)
        stem = safe_stem(org.name, taken)
        data = {**base, "jaar": {"feiten": facts}, "brieven": [letter]}
        outputs.append(
            Output(f"bedankbrief/{stem}", "bedankbrief", data, f"{THANKS_TITLE} — {org.name}")
        )
    outputs.append(
        Output(
            "bedankbrief/alle-bedankbrieven",
            "bedankbrief",
            {**base, "jaar": {"feiten": facts}, "brieven": letters},
            f"{THANKS_TITLE} — alle {len(letters)} brieven",
        )
    )
    warnings = []
    if no_address:
        n = len(no_address)
        shown = ", ".join(no_address[:NAMED]) + (f" en nog {n - NAMED}" if n > NAMED else "")
        warnings.append(
            f"{THANKS_TITLE}: {n} {'brief heeft' if n == 1 else 'brieven hebben'} nog geen "
            f"volledig postadres ({shown}); vul het aan met gzctl org edit ID --adres ... "
            "--postcode ... --plaats ..."
        )
    return Prepared("bedankbrief", THANKS_TITLE, tuple(outputs), tuple(warnings))


PREPARERS = {
    "platformplan": prepare_platform_plan,
    "nieuwsbrief": prepare_newsletter,
    "bedankbrief": prepare_thanks,
}
