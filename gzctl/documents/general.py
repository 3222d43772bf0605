"""The network-wide documents: the checklists per phase, the first network evening (agenda and
one invitation per organisation), the mission and vision, and the "Wie kan ik bellen?" card.

Preparers in the sense of gzctl/documents/base.py, registered in gzctl/documents/registry.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from gzctl.documents.base import (
    GROUP_NAMES,
    KIND_NAMES,
    Context,
    NotReady,
    Output,
    Prepared,
    answer,
    clock_text,
    common_data,
    dutch_date,
    dutch_number,
    fold,
    join_dutch,
    missing_answer,
    organisations,
    parse_time,
    playbook_question,
    safe_stem,
    short_dutch_date,
)

# ---------------------------------------------------------------- the checklist


def prepare_checklist(ctx: Context) -> Prepared:
    from gzctl.core.progress import item_status

    base = common_data(ctx)
    outputs = []
    for number, phase in enumerate(ctx.playbook.phases, start=1):
        steps = []
        done = 0
        for step in phase.steps:
            actions = []
            for item in step.items:
                st = item_status(item, ctx.project)
                done += st.done
                actions.append(
                    {
                        "titel": item.title,
                        "waarom": item.why,
                        "gedaan": st.done,
                        "vanzelf": st.how == "auto",
                        "datum": short_dutch_date(st.date) if st.date else "",
                        "door": st.by,
                        "notitie": st.note,
                    }
                )
            steps.append({"titel": step.title, "waarom": step.why, "acties": actions})
        total = len(phase.items)
        data = {
            **base,
            "fase": {"nummer": number, "titel": phase.title, "waarom": phase.why},
            "stappen": steps,
            "gedaan": done,
            "totaal": total,
        }
        outputs.append(
            Output(
                path=f"checklist/{number}-{phase.id}",
                template="checklist",
                data=data,
                title=f"Checklist fase {number}: {phase.title}",
            )
        )
    return Prepared("checklist", "Checklist per fase", tuple(outputs))


# ---------------------------------------------------------------- the first network evening


def meeting_place(ctx: Context) -> dict[str, str] | None:
    """The chosen meeting place (issue 5's model, when it exists), else the answer of the
    Verbinden step. None when neither is known."""
    from gzctl.network.places import chosen as chosen_place

    place = chosen_place(ctx.project)
    if place is not None:
        return {"naam": place.name, "adres": place.address}
    text = answer(ctx.project, "verbinden.netwerkavond_plek")
    if not text:
        return None
    name, _, rest = str(text).partition(",")
    return {"naam": name.strip(), "adres": rest.strip()}


# (minutes, title, explanation); times follow from the start time
AGENDA: tuple[tuple[int, str, str], ...] = (
    (10, "Welkom", "Wie zijn we, waarom deze avond, en een kort rondje: wie is er?"),
    (
        15,
        "Waarom een netwerk?",
        "Wat we in het dorp zien, wat inwoners zelf zeiden en wat een netwerk van "
        "organisaties kan betekenen. Met het voorbeeld van Beesd.",
    ),
    (40, "Gesprekken in groepjes", "In gemengde groepjes praten we over de centrale vraag."),
    (10, "Pauze", "Koffie, thee en tijd om elkaar te leren kennen."),
    (
        25,
        "Eerste ideeën",
        "Elk groepje vertelt wat het zag en welke ideeën er zijn. We zetten alles op één lijst.",
    ),
    (
        15,
        "Afspraken en volgende datum",
        "Wie denkt verder mee, en wanneer komen we weer bij elkaar?",
    ),
    (5, "Afsluiting", "Bedankt voor jullie komst; napraten kan nog even."),
)


def evening(ctx: Context, doc_title: str) -> dict[str, Any]:
    """Date, times, place and agenda of the first network evening, or NotReady."""
    date = answer(ctx.project, "verbinden.netwerkavond_datum")
    if not isinstance(date, dt.date):
        raise missing_answer(ctx.playbook, "verbinden.netwerkavond_datum", doc_title)
    place = meeting_place(ctx)
    if place is None:
        raise missing_answer(ctx.playbook, "verbinden.netwerkavond_plek", doc_title)
    start_text = str(answer(ctx.project, "verbinden.netwerkavond_tijd", "19:30"))
    start = parse_time(start_text)
    items = []
    if start is None:
        items = [{"tijd": "", "titel": t, "uitleg": u, "minuten": m} for m, t, u in AGENDA]
        doors = end = ""
        start_shown = start_text.strip()
    else:
        minute = start[0] * 60 + start[1]
        doors = clock_text(minute - 15)
        start_shown = clock_text(minute)
        for minutes, title, text in AGENDA:
            items.append(
                {"tijd": clock_text(minute), "titel": title, "uitleg": text, "minuten": minutes}
            )
            minute += minutes
        end = clock_text(minute)
    question = answer(
        ctx.project, "verbinden.centrale_vraag", "Hoe maken we ons dorp samen sterker?"
    )
    return {
        "datum": dutch_date(date),
        "datum_kort": short_dutch_date(date),
        "tijd": start_shown,
        "inloop": doors,
        "eind": end,
        "plek": place,
        "centrale_vraag": question,
        "aanmelden": answer(ctx.project, "verbinden.rsvp", ""),
        "agenda": items,
        "_date": date,
    }


def prepare_agenda(ctx: Context) -> Prepared:
    title = "Agenda eerste netwerkavond"
    avond = evening(ctx, title)
    date = avond.pop("_date")
    data = {**common_data(ctx), "avond": avond}
    return Prepared(
        "agenda",
        title,
        (Output("agenda", "agenda", data, title),),
        _past(date, ctx.today, title),
    )


def _past(date: dt.date, today: dt.date, title: str) -> tuple[str, ...]:
    if date < today:
        return (f"{title}: de datum van de netwerkavond ({short_dutch_date(date)}) is al voorbij.",)
    return ()


_GREETINGS = ("beste", "geachte", "dag", "hallo", "hoi", "lieve", "goedendag", "goedemiddag")
_TITLES = {
    "mevrouw": "mevrouw",
    "mevr": "mevrouw",
    "mw": "mevrouw",
    "heer": "heer",
    "meneer": "heer",
    "dhr": "heer",
    "de heer": "heer",
}


def salutation(contact: Any, org_name: str, kind: str = "vrijwilligers") -> str:
    """The opening line of a letter, always ending in a comma.

    The contact's own ``salutation`` wins ("Beste Karin", or just "mevrouw Jansen");
    else one is made from the name ("Jan de Vries" -> "Beste Jan,", "mevr. Jansen" ->
    "Geachte mevrouw Jansen,", "J. Jansen" -> "Beste J. Jansen,"); without a name the
    letter greets the organisation."""
    given = " ".join(str(getattr(contact, "salutation", "") or "").split()).rstrip(",")
    name = " ".join(str(getattr(contact, "name", "") or "").split())
    if given:
        first = fold(given.split()[0]).rstrip(".")
        if first in _GREETINGS:
            return given + ","
        title = _title_of(given)
        if title:
            return f"Geachte {title[0]} {title[1]},"
        return f"Beste {given},"
    if name:
        title = _title_of(name)
        if title:
            return f"Geachte {title[0]} {title[1]},"
        first = name.split()[0]
        if "." in first or len(first) == 1:
            return f"Beste {name},"
        return f"Beste {first},"
    people = "leden" if kind == "vrijwilligers" else "medewerkers"
    return f"Beste {people} van {org_name},"


def _title_of(text: str) -> tuple[str, str] | None:
    """'mevr. Jansen' -> ('mevrouw', 'Jansen'); 'de heer Bos' -> ('heer', 'Bos')."""
    low = fold(text)
    for word, title in sorted(_TITLES.items(), key=lambda kv: -len(kv[0])):
        m = re.match(rf"{re.escape(word)}\.?\s+(.+)$", low)
        if m:
            rest = text[len(text) - len(m.group(1)) :]
            return title, rest.strip()
    return None


def why_you(org: Any) -> list[str]:
    """Two or three sentences on why this organisation matters to the network."""
    kind = getattr(org, "kind", "vrijwilligers")
    lines = {
        "vrijwilligers": "Als vereniging of vrijwilligersgroep staan jullie dicht bij de "
        "inwoners. Jullie leden en vrijwilligers merken vaak als eerste dat iemand minder "
        "vaak komt of een steuntje in de rug kan gebruiken.",
        "professioneel": "Jullie weten welke hulp en ondersteuning er is en hoe inwoners die "
        "kunnen krijgen. Met jullie erbij komt een zorg over iemand sneller op de goede plek.",
        "overheid": "Jullie kennen het dorp vanuit een ander perspectief en kunnen helpen om "
        "wat het netwerk ziet ook in beleid en in de kernagenda een plek te geven.",
        "ondernemer": "Bij jullie komen veel inwoners over de vloer, ook mensen die geen lid "
        "zijn van een vereniging. Daardoor zien jullie vaak wat anderen missen.",
    }
    out = [lines.get(kind, lines["vrijwilligers"])]
    groups = [GROUP_NAMES[g] for g in getattr(org, "target_groups", []) if g in GROUP_NAMES]
    reach = getattr(org, "reach", None)
    if reach and groups and "alle inwoners" not in groups:
        out.append(
            f"Jullie bereiken ongeveer {dutch_number(reach)} mensen, vooral {join_dutch(groups)}."
        )
    elif reach:
        out.append(f"Jullie bereiken ongeveer {dutch_number(reach)} mensen in en rond het dorp.")
    elif groups and "alle inwoners" not in groups:
        out.append(f"Jullie bereiken vooral {join_dutch(groups)}.")
    return out


def address_lines(org: Any) -> list[str]:
    contact = getattr(org, "contact", None)
    lines = [org.name]
    cname = getattr(contact, "name", "") if contact else ""
    if cname:
        lines.append(f"t.a.v. {cname}")
    if getattr(org, "address", ""):
        lines.append(org.address)
    place = " ".join(p for p in (getattr(org, "postcode", ""), getattr(org, "place", "")) if p)
    if place:
        lines.append(place)
    return lines


def prepare_invitations(ctx: Context) -> Prepared:
    title = "Uitnodiging eerste netwerkavond"
    orgs = [o for o in organisations(ctx.project) if getattr(o, "status", "") != "afgehaakt"]
    if not orgs:
        raise NotReady(
            f"{title}: er staan nog geen organisaties op de lijst. Voeg ze toe met gzctl org add."
        )
    avond = evening(ctx, title)
    date = avond.pop("_date")
    base = {**common_data(ctx), "avond": avond}
    taken = {"alle-uitnodigingen"}
    letters = []
    outputs = []
    for org in sorted(orgs, key=lambda o: (fold(o.name), o.id)):
        letter = {
            "organisatie": {"naam": org.name, "adresregels": address_lines(org)},
            "aanhef": salutation(getattr(org, "contact", None), org.name, org.kind),
            "waarom_jullie": why_you(org),
        }
        letters.append(letter)
        stem = safe_stem(org.name, taken)
        outputs.append(
            Output(
                f"uitnodiging/{stem}",
                "uitnodiging",
                {**base, "brieven": [letter]},
                f"{title} — {org.name}",
            )
        )
    outputs.append(
        Output(
            "uitnodiging/alle-uitnodigingen",
            "uitnodiging",
            {**base, "brieven": letters},
            f"{title} — alle {len(letters)} brieven",
        )
    )
    return Prepared("uitnodiging", title, tuple(outputs), _past(date, ctx.today, title))


# ---------------------------------------------------------------- mission and vision

PRINCIPLES = {
    "Alle leden zijn gelijkwaardig": "Een kleine kaartclub telt even zwaar als de "
    "huisartsenpraktijk. Iedere organisatie heeft een stem en iets te bieden.",
    "Geen bestuur of hiërarchie": "Het netwerk heeft geen bestuur en geen voorzitter die "
    "beslist. We spreken samen af wat we doen; formele structuren zouden de energie smoren.",
    "Iedere organisatie behoudt haar eigen identiteit": "Wie meedoet, blijft zichzelf: "
    "met eigen leden, eigen doelen en een eigen manier van werken.",
    "Eigenaarschap en vertrouwen": "Het netwerk is van alle deelnemers samen. We vertrouwen "
    "erop dat ieder doet wat is afgesproken, en spreken elkaar daar ook op aan.",
    "Alles wat we doen is zichtbaar voor inwoners": "Meedoen kun je niet afdwingen; het "
    "groeit als inwoners zien wat er gebeurt. Daarom vertellen we steeds wat we doen.",
    "Vrijwilligers en professionals werken samen": "Vrijwilligers en beroepskrachten "
    "vullen elkaar aan. Zo komt een zorg over iemand op tijd op de goede plek.",
    "We beginnen bij wat inwoners zelf nodig vinden": "We gaan uit van wat inwoners zelf "
    "belangrijk vinden, niet van wat organisaties voor hen bedenken.",
}


def paragraphs(text: Any) -> list[str]:
    """A multi-line answer as paragraphs (a blank line separates them)."""
    blocks = re.split(r"\n\s*\n", str(text or "").strip())
    return [" ".join(b.split()) for b in blocks if b.strip()]


def prepare_mission(ctx: Context) -> Prepared:
    title = "Missie en visie"
    project = ctx.project
    for qid in ("verbinden.aanleiding", "verbinden.missie", "verbinden.visie"):
        if not answer(project, qid):
            raise missing_answer(ctx.playbook, qid, title)
    chosen = answer(project, "verbinden.principes")
    if chosen is None:
        q = playbook_question(ctx.playbook, "verbinden.principes")
        chosen = list(q.default or []) if q else []
    principles = [{"titel": p, "uitleg": PRINCIPLES.get(p, "")} for p in chosen]
    themes = list(answer(project, "verbinden.themas", []))
    first = answer(project, "doen.eerste_platform")
    indicators = answer(project, "borgen.indicatoren")
    if indicators is None:
        q = playbook_question(ctx.playbook, "borgen.indicatoren")
        indicators = list(q.default or []) if q else []
    members = [o for o in organisations(project) if getattr(o, "status", "") not in ("afgehaakt",)]
    joined = [o for o in members if getattr(o, "status", "") == "aangesloten"]
    shown = joined or members
    village = project.village.name or "het dorp"
    place = meeting_place(ctx)
    hours = answer(project, "organiseren.uren")
    employer = answer(project, "organiseren.werkgever")
    coordinator = [
        "Het netwerk krijgt een betaalde Coördinator die in het dorp woont: een verbinder "
        "die makkelijk contact legt, anderen laat doen waar ze goed in zijn en heel "
        "verschillende organisaties achter één doel krijgt. De Coördinator is geen baas, maar "
        "organiseert, ondersteunt en houdt de draadjes bij elkaar."
    ]
    if hours or employer:
        bits = []
        if hours:
            bits.append(f"werkt ongeveer {dutch_number(hours)} uur per week")
        if employer and employer != "anders":
            bits.append(f"is in dienst van de {employer}")
        coordinator.append("De Coördinator " + join_dutch(bits) + ".")
    place_text = (
        f"Het netwerk komt samen in {place['naam']}: een neutrale, laagdrempelige plek in "
        "het dorp, van niemand in het bijzonder en voor iedereen toegankelijk."
        if place
        else "Het netwerk komt samen op een neutrale, laagdrempelige plek in het dorp, meestal "
        "het dorpshuis: van niemand in het bijzonder en voor iedereen toegankelijk."
    )
    data = {
        **common_data(ctx),
        "aanleiding": paragraphs(answer(project, "verbinden.aanleiding")),
        "missie": paragraphs(answer(project, "verbinden.missie")),
        "visie": paragraphs(answer(project, "verbinden.visie")),
        "doelen": [
            "een levendige, sterke gemeenschap;",
            "zorgvragen vroeg opmerken, zodat ze niet uit de hand lopen;",
            "kwetsbare inwoners weer laten meedoen.",
        ],
        "principes": principles,
        "themas": themes,
        "eerste_platform": first or "",
        "coordinator": coordinator,
        "plek": place_text,
        "leden": [
            {
                "naam": o.name,
                "soort": KIND_NAMES.get(o.kind, o.kind),
                "sectoren": ", ".join(getattr(o, "sectors", []) or []),
            }
            for o in sorted(shown, key=lambda o: fold(o.name))
        ],
        "leden_zijn_aangesloten": bool(joined),
        "indicatoren": list(indicators),
        "dorp_kort": village,
    }
    return Prepared("missie-visie", title, (Output("missie-visie", "missie-visie", data, title),))


# ---------------------------------------------------------------- who can I call

# (worry, organisation types that help, sectors that help) — organisations only, never
# residents: the card says where to go, it records nothing about anyone.
WORRIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "Je maakt je zorgen om de gezondheid van iemand",
        ("huisartsenpraktijk", "thuiszorg", "kernteam", "apotheek"),
        ("zorg",),
    ),
    (
        "Iemand lijkt eenzaam of komt de deur niet meer uit",
        ("ouderenbond", "zonnebloem", "welzijnsorganisatie", "kernteam", "kerk"),
        ("welzijn",),
    ),
    (
        "Geldzorgen, schulden of moeite met rondkomen",
        ("voedselbank", "kernteam", "welzijnsorganisatie"),
        (),
    ),
    (
        "Vragen over opvoeden, kinderen of jongeren",
        ("consultatiebureau", "basisschool", "kinderopvang", "jongerenwerk", "kernteam"),
        ("educatie",),
    ),
    (
        "Iemand kan nergens meer komen zonder vervoer",
        ("vervoersdienst", "welzijnsorganisatie"),
        (),
    ),
    (
        "Mantelzorg: je zorgt voor een naaste en het wordt te veel",
        ("mantelzorgsteunpunt", "welzijnsorganisatie", "kernteam"),
        (),
    ),
    (
        "Meedoen met sport, muziek of cultuur, ook met weinig geld",
        ("jeugdfonds", "buurtsportcoach", "voetbalvereniging", "sportvereniging"),
        ("sport", "cultuur", "recreatie"),
    ),
    (
        "Vrijwilligerswerk: je wilt zelf iets doen",
        ("vrijwilligerscentrale", "dorpshuis"),
        (),
    ),
    ("Wonen en aanpassingen in huis", ("woningcorporatie", "gemeente"), ("wonen",)),
    ("Onveilige situaties in de buurt", ("wijkagent",), ("veiligheid",)),
)
MAX_PER_WORRY = 4


def prepare_overview(ctx: Context) -> Prepared:
    title = "Wie kan ik bellen?"
    members = [o for o in organisations(ctx.project) if getattr(o, "status", "") == "aangesloten"]
    if not members:
        raise NotReady(
            f"{title}: nog geen organisatie is aangesloten bij het netwerk. Zet de deelnemers "
            "op 'aangesloten' met gzctl org status ID aangesloten."
        )
    members.sort(key=lambda o: fold(o.name))

    def card(o: Any) -> dict[str, Any]:
        c = getattr(o, "contact", None)
        groups = [GROUP_NAMES[g] for g in getattr(o, "target_groups", []) if g in GROUP_NAMES]
        return {
            "naam": o.name,
            "soort": KIND_NAMES.get(o.kind, o.kind),
            "sectoren": ", ".join(getattr(o, "sectors", []) or []),
            "doelgroepen": ", ".join(groups),
            "contact": {
                "naam": getattr(c, "name", "") or "",
                "rol": getattr(c, "role", "") or "",
                "email": getattr(c, "email", "") or "",
                "telefoon": getattr(c, "phone", "") or "",
            },
        }

    worries = []
    for worry, types, sectors in WORRIES:
        by_type = [o for t in types for o in members if getattr(o, "type", "") == t]
        by_sector = [o for o in members if set(getattr(o, "sectors", []) or []) & set(sectors)]
        picked: list[Any] = []
        for o in by_type + by_sector:
            if o not in picked:
                picked.append(o)
        if picked:
            worries.append(
                {
                    "zorg": worry,
                    "organisaties": [
                        {
                            "naam": o.name,
                            "telefoon": getattr(o.contact, "phone", "") or "",
                            "email": getattr(o.contact, "email", "") or "",
                        }
                        for o in picked[:MAX_PER_WORRY]
                    ],
                }
            )
    data = {
        **common_data(ctx),
        "organisaties": [card(o) for o in members],
        "zorgen": worries,
        "aantal": len(members),
    }
    return Prepared(
        "netwerkoverzicht", title, (Output("wie-kan-ik-bellen", "netwerkoverzicht", data, title),)
    )


PREPARERS: dict[str, Callable[[Context], Prepared]] = {
    "checklist": prepare_checklist,
    "uitnodiging": prepare_invitations,
    "agenda": prepare_agenda,
    "missie-visie": prepare_mission,
    "netwerkoverzicht": prepare_overview,
}
