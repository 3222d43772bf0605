"""Documents for partners: prepare the data, render templates/ to Markdown, HTML and DOCX, and
keep a manifest of what was written so that a user's edits are never overwritten.

Three layers, one way:

1. **Prepare** (pure): ``prepare(doc_id, project, playbook, today)`` turns the project into
   plain data (dicts of Dutch keys, lists, ready-formatted Dutch dates and numbers): one
   :class:`Output` per file to write. A document needs nothing else: a new document is a
   template plus a function in :data:`PREPARERS`.
2. **Render**: jinja2 ``SandboxedEnvironment`` with ``StrictUndefined`` (a missing value is a
   :class:`TemplateProblem` naming the template and line), autoescape for ``*.html.j2``, and a
   Markdown escape for ``*.md.j2``. A file of the same name in the project's ``sjablonen/``
   folder wins over the built-in one. DOCX is built with python-docx from the rendered
   Markdown (gzctl/docxout.py), so the three formats carry the same content.
3. **Write** (:func:`build`): into ``documenten/``, with a manifest (sha256 per file). A file
   edited since gzctl wrote it is kept; the new version goes beside it as ``*.nieuw.*``.
   Unchanged inputs give byte-identical files: no clock is read here, ``today`` only decides
   warnings, never text.

jinja2, babel and docx are imported inside the functions that need them (``gzctl --help``
and ``gzctl status`` must not load them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gzctl import __version__
from gzctl.core.errors import GzctlError, NotFound, UsageProblem, did_you_mean
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook, data_dir

OUTPUT_DIR = "documenten"
OVERRIDE_DIR = "sjablonen"
MANIFEST = ".gzctl-manifest.json"
FORMATS = ("md", "html", "docx")
PAGE_BREAK = "<!-- nieuwe pagina -->"


class TemplateProblem(GzctlError):
    """A template does not render (syntax error, a missing value, an error in a filter)."""

    exit_code = 2


class NotReady(GzctlError):
    """A document cannot be made yet: an answer or some data is missing (the message says
    which and how to add it)."""

    exit_code = 2


# --------------------------------------------------------------------------- Dutch formatting


def dutch_date(day: dt.date) -> str:
    """'dinsdag 12 januari 2027'."""
    from babel.dates import format_date

    return str(format_date(day, "EEEE d MMMM y", locale="nl_NL"))


def short_dutch_date(day: dt.date) -> str:
    """'12 januari 2027'."""
    from babel.dates import format_date

    return str(format_date(day, "d MMMM y", locale="nl_NL"))


def dutch_number(value: float) -> str:
    """'4.850', '12,5'."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale="nl_NL"))


def join_dutch(words: Iterable[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def parse_time(text: str) -> tuple[int, int] | None:
    """'19:30', '19.30', '19u30', '19 uur' -> (19, 30); anything else None."""
    m = re.fullmatch(r"\s*(\d{1,2})(?:\s*[:.u]\s*(\d{2}))?\s*(?:uur)?\s*", text or "")
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --------------------------------------------------------------------------- file names

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


def fold(text: str) -> str:
    """Lower case ASCII without accents: 'Oranjecomité Ösel' -> 'oranjecomite osel'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").casefold()


def safe_stem(name: str, taken: set[str]) -> str:
    """A file name (without extension) from an organisation's name that is safe everywhere:
    only a-z, 0-9 and '-', no path separators or '..', no Windows device names, at most 60
    characters; a name already in ``taken`` gets -2, -3, ... ``taken`` is updated."""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:60].strip("-") or "organisatie"
    if stem in _RESERVED:
        stem = f"{stem}-organisatie"
    candidate, n = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


# --------------------------------------------------------------------------- prepared data


@dataclass(frozen=True)
class Output:
    """One file to write: ``path`` is relative to documenten/ without extension (POSIX)."""

    path: str
    template: str  # e.g. "uitnodiging" -> uitnodiging.md.j2 and uitnodiging.html.j2
    data: dict[str, Any]
    title: str


@dataclass(frozen=True)
class Prepared:
    doc_id: str
    title: str
    outputs: tuple[Output, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    project: Project
    playbook: Playbook
    today: dt.date


def answer(project: Project, qid: str, default: Any = None) -> Any:
    value = project.answers.get(qid)
    return default if value in (None, "", []) else value


def _question(playbook: Playbook, qid: str) -> Any:
    return next((q for q in playbook.questions() if q.id == qid), None)


def _need(playbook: Playbook, qid: str, doc_title: str) -> NotReady:
    q = _question(playbook, qid)
    label = q.label if q else qid
    step = qid.rsplit(".", 1)[0]
    owner = next((s for s in playbook.steps if any(x.id == qid for x in s.questions)), None)
    where = f"gzctl wizard --stap {owner.id}" if owner else f"gzctl wizard ({step})"
    return NotReady(f"{doc_title}: beantwoord eerst '{label}' ({where}).")


def organisations(project: Project) -> list[Any]:
    """The inventory (issue 3); an older model without it gives an empty list."""
    return list(getattr(project, "organisations", None) or [])


KIND_NAMES = {
    "vrijwilligers": "vrijwilligersorganisatie",
    "professioneel": "professionele organisatie",
    "overheid": "overheid",
    "ondernemer": "ondernemer",
}
GROUP_NAMES = {
    "K": "kinderen",
    "J": "jongeren",
    "G": "gezinnen",
    "V": "volwassenen",
    "O": "ouderen",
    "Kw": "kwetsbare inwoners",
    "A": "alle inwoners",
}


def common_data(ctx: Context) -> dict[str, Any]:
    """What every document shows: the village, the network, who sends it, and the country's
    words and helplines (``land``: playbooks/landen.toml), so templates hold no country."""
    from gzctl.core.country import country

    project = ctx.project
    village = project.village
    name = village.name or "het dorp"
    land = country(ctx.playbook.country).template_data()
    network = answer(project, "verbinden.netwerknaam") or f"{land['woorden']['netwerk']} {name}"
    senders = [
        {"naam": p.name, "rol": p.role, "email": p.email, "telefoon": p.phone}
        for p in project.initiators
    ]
    contact = next((p for p in project.initiators if p.email or p.phone), None)
    return {
        "dorp": {
            "naam": name,
            "gemeente": village.municipality,
            "provincie": village.province,
            "inwoners": dutch_number(village.inhabitants) if village.inhabitants else "",
        },
        "netwerk": {"naam": network},
        "land": land,
        "afzenders": senders,
        "afzender_namen": join_dutch(s["naam"] for s in senders),
        "contact": {
            "naam": contact.name if contact else "",
            "email": contact.email if contact else "",
            "telefoon": contact.phone if contact else "",
        },
    }


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
        raise _need(ctx.playbook, "verbinden.netwerkavond_datum", doc_title)
    place = meeting_place(ctx)
    if place is None:
        raise _need(ctx.playbook, "verbinden.netwerkavond_plek", doc_title)
    start_text = str(answer(ctx.project, "verbinden.netwerkavond_tijd", "19:30"))
    start = parse_time(start_text)
    items = []
    if start is None:
        items = [{"tijd": "", "titel": t, "uitleg": u, "minuten": m} for m, t, u in AGENDA]
        doors = end = ""
        start_shown = start_text.strip()
    else:
        minute = start[0] * 60 + start[1]
        doors = _clock(minute - 15)
        start_shown = _clock(minute)
        for minutes, title, text in AGENDA:
            items.append(
                {"tijd": _clock(minute), "titel": title, "uitleg": text, "minuten": minutes}
            )
            minute += minutes
        end = _clock(minute)
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
    "We besluiten samen, zonder bestuur": "Besluiten nemen we in de bijeenkomst van het "
    "netwerk, met wie er is; het gesprek leidt steeds iemand anders. Wat een organisatie zelf "
    "doet, beslist ze zelf. De startgroep draagt haar rol over zodra het netwerk er is.",
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
            raise _need(ctx.playbook, qid, title)
    chosen = answer(project, "verbinden.principes")
    if chosen is None:
        q = _question(ctx.playbook, "verbinden.principes")
        chosen = list(q.default or []) if q else []
    principles = [{"titel": p, "uitleg": PRINCIPLES.get(p, "")} for p in chosen]
    themes = list(answer(project, "verbinden.themas", []))
    first = answer(project, "doen.eerste_platform")
    indicators = answer(project, "borgen.indicatoren")
    if indicators is None:
        q = _question(ctx.playbook, "borgen.indicatoren")
        indicators = list(q.default or []) if q else []
    members = [o for o in organisations(project) if getattr(o, "status", "") not in ("afgehaakt",)]
    joined = [o for o in members if getattr(o, "status", "") == "aangesloten"]
    shown = joined or members
    village = project.village.name or "het dorp"
    place = meeting_place(ctx)
    hours = answer(project, "organiseren.uren")
    employer = answer(project, "organiseren.werkgever")
    from gzctl.core.country import country
    from gzctl.documents.coordinator import EMPLOYER_TEXT

    role = country(ctx.playbook.country).words["verbinder"]  # Coördinator, buurtzorgregisseur
    coordinator = [
        f"Het netwerk krijgt een betaalde {role} die in het dorp woont: een verbinder "
        "die makkelijk contact legt, anderen laat doen waar ze goed in zijn en heel "
        f"verschillende organisaties achter één doel krijgt. De {role} is geen baas, maar "
        "organiseert, ondersteunt en houdt de draadjes bij elkaar."
    ]
    if hours or employer:
        bits = []
        if hours:
            bits.append(f"werkt ongeveer {dutch_number(hours)} uur per week")
        if employer and employer != "anders":
            bits.append(f"is in dienst van {EMPLOYER_TEXT.get(employer, f'de {employer}')}")
        coordinator.append(f"De {role} " + join_dutch(bits) + ".")
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
# residents: the card says where to go, it records nothing about anyone. Type ids of both
# catalogues (organisatietypen.toml and organisatietypen-vlaanderen.toml).
WORRIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "Je maakt je zorgen om de gezondheid van iemand",
        ("huisartsenpraktijk", "thuiszorg", "kernteam", "sociaal-huis", "apotheek"),
        ("zorg",),
    ),
    (
        "Iemand lijkt eenzaam of komt de deur niet meer uit",
        ("ouderenbond", "seniorenvereniging", "zonnebloem", "samana", "welzijnsorganisatie", "ldc",
         "kernteam", "sociaal-huis", "kerk"),
        ("welzijn",),
    ),
    (
        "Geldzorgen, schulden of moeite met rondkomen",
        ("voedselbank", "kernteam", "sociaal-huis", "caw", "welzijnsorganisatie",
         "welzijnsschakel"),
        (),
    ),
    (
        "Vragen over opvoeden, kinderen of jongeren",
        ("consultatiebureau", "huis-van-het-kind", "basisschool", "clb", "kinderopvang",
         "jongerenwerk", "kernteam"),
        ("educatie",),
    ),
    (
        "Iemand kan nergens meer komen zonder vervoer",
        ("vervoersdienst", "minder-mobielen-centrale", "welzijnsorganisatie", "ldc"),
        (),
    ),
    (
        "Mantelzorg: je zorgt voor een naaste en het wordt te veel",
        ("mantelzorgsteunpunt", "mantelzorgvereniging", "welzijnsorganisatie", "kernteam",
         "sociaal-huis"),
        (),
    ),
    (
        "Meedoen met sport, muziek of cultuur, ook met weinig geld",
        ("jeugdfonds", "leergeld", "uitpas", "buurtsportcoach", "voetbalvereniging",
         "sportvereniging"),
        ("sport", "cultuur", "recreatie"),
    ),
    (
        "Vrijwilligerswerk: je wilt zelf iets doen",
        ("vrijwilligerscentrale", "vrijwilligerspunt", "dorpshuis", "parochiezaal"),
        (),
    ),
    (
        "Wonen en aanpassingen in huis",
        ("woningcorporatie", "woonmaatschappij", "gemeente"),
        ("wonen",),
    ),
    ("Onveilige situaties in de buurt", ("wijkagent", "politie"), ("veiligheid",)),
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


# Documents with a preparer; the other [[documents]] of the playbook come with later issues
# (vacature, gespreksleidraad, subsidieaanvraag: issue 5; platformplan, nieuwsbrief: issue 6).
PREPARERS: dict[str, Callable[[Context], Prepared]] = {
    "checklist": prepare_checklist,
    "uitnodiging": prepare_invitations,
    "agenda": prepare_agenda,
    "missie-visie": prepare_mission,
    "netwerkoverzicht": prepare_overview,
}


def _platform_plan(ctx: Context) -> Prepared:
    from gzctl.documents.platforms import prepare_platform_plan

    return prepare_platform_plan(ctx)


def _newsletter(ctx: Context) -> Prepared:
    from gzctl.documents.platforms import prepare_newsletter

    return prepare_newsletter(ctx)


# issue 6: gzctl/platformdocs.py (loaded when one of them is made)
PREPARERS["platformplan"] = _platform_plan
PREPARERS["nieuwsbrief"] = _newsletter


def prepare(doc_id: str, project: Project, playbook: Playbook, today: dt.date) -> Prepared:
    """The files of one document, or NotReady / NotFound with a Dutch reason."""
    preparer = PREPARERS.get(doc_id)
    if preparer is None:
        known = [d.id for d in playbook.documents]
        if doc_id in known:
            raise NotReady(f"Het document '{doc_id}' kan gzctl nog niet maken.")
        raise NotFound(
            f"Onbekend document '{doc_id}'." + did_you_mean(doc_id, known or list(PREPARERS))
        )
    return preparer(Context(project, playbook, today))


def document_ids(playbook: Playbook) -> list[str]:
    """The playbook's documents in its order; gzctl's own ones if the playbook names none."""
    ids = [d.id for d in playbook.documents]
    return ids or list(PREPARERS)


def step_documents(playbook: Playbook, step_id: str) -> list[str]:
    """Documents a step (or its items) produce that gzctl can make, in playbook order."""
    step = playbook.step(step_id)
    if step is None:
        return []
    wanted = set(step.documents) | {d for i in step.items for d in i.documents}
    return [d for d in document_ids(playbook) if d in wanted and d in PREPARERS]


# --------------------------------------------------------------------------- rendering


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(value: Any) -> Any:
    """Values in Markdown templates: characters that would change the layout are escaped,
    so an organisation called '**x** | y' prints as typed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _MD_SPECIAL.sub(r"\\\1", value).replace("\n", " ")
    return value


class Renderer:
    """jinja2 environments for Markdown and HTML, with the project's sjablonen/ first."""

    def __init__(self, override_dir: Path | None = None) -> None:
        from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        self.builtin_dir = data_dir("templates")
        self.override_dir = override_dir if override_dir and override_dir.is_dir() else None
        dirs = [str(d) for d in (self.override_dir, self.builtin_dir) if d]
        loader = ChoiceLoader([FileSystemLoader(d) for d in dirs])
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
            "auto_reload": False,
        }
        self.md = SandboxedEnvironment(autoescape=False, finalize=md_escape, **common)
        self.html = SandboxedEnvironment(autoescape=True, **common)
        for env in (self.md, self.html):
            env.filters["getal"] = dutch_number
            env.filters["datum"] = dutch_date
            env.filters["en"] = join_dutch
        self._digest: str | None = None

    def origin(self, name: str) -> str:
        """Where a template comes from, for messages."""
        if self.override_dir and (self.override_dir / name).is_file():
            return f"{OVERRIDE_DIR}/{name} (eigen sjabloon)"
        return name

    def render(self, template: str, fmt: str, data: dict[str, Any]) -> str:
        from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError

        name = f"{template}.{fmt}.j2"
        env = self.md if fmt == "md" else self.html
        try:
            text = env.get_template(name).render(data)
        except TemplateNotFound as exc:
            raise TemplateProblem(
                f"Sjabloon '{exc.name}' niet gevonden (in {OVERRIDE_DIR}/ of de ingebouwde "
                "sjablonen)."
            ) from None
        except TemplateSyntaxError as exc:
            where = self.origin(exc.name or name)
            raise TemplateProblem(
                f"Sjabloon {where}, regel {exc.lineno}: fout in de opmaak ({exc.message})."
            ) from None
        except UndefinedError as exc:
            where, line = self._where(exc, name)
            raise TemplateProblem(
                f"Sjabloon {where}{line}: {_dutch_undefined(exc.message or '')}. "
                "Controleer de naam in het sjabloon (zie templates/README.md voor de waarden)."
            ) from None
        except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            where, line = self._where(exc, name)
            raise TemplateProblem(f"Sjabloon {where}{line} geeft een fout: {exc}.") from None
        return text.rstrip("\n") + "\n"

    def _where(self, exc: BaseException, name: str) -> tuple[str, str]:
        """The template and line the error happened in (jinja keeps them in the traceback)."""
        tb = exc.__traceback__
        found: tuple[str, int] | None = None
        roots = [str(d) for d in (self.override_dir, self.builtin_dir) if d]
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename.endswith(".j2"):
                for root in roots:
                    if filename.startswith(root):
                        found = (Path(filename).relative_to(root).as_posix(), tb.tb_lineno)
            tb = tb.tb_next
        if found is None:
            return self.origin(name), ""
        return self.origin(found[0]), f", regel {found[1]}"

    def digest(self) -> str:
        """One hash over every template in play: a changed template makes documents stale."""
        if self._digest is None:
            h = hashlib.sha256(__version__.encode())
            for root in (self.override_dir, self.builtin_dir):
                if root is None:
                    continue
                for path in sorted(root.rglob("*.j2")):
                    h.update(path.relative_to(root).as_posix().encode() + b"\0")
                    h.update(path.read_bytes())
            self._digest = h.hexdigest()
        return self._digest


def _dutch_undefined(message: str) -> str:
    m = re.match(r"'(.+?)' has no attribute '(.+?)'", message)
    if m:
        return f"de waarde '{m.group(2)}' bestaat niet (in {m.group(1)})"
    m = re.match(r"'(.+?)' is undefined", message)
    if m:
        return f"de waarde '{m.group(1)}' ontbreekt"
    return f"een waarde ontbreekt ({message})"


def render_output(renderer: Renderer, output: Output, fmt: str, docx: Any = None) -> bytes:
    """One output in one format, as the bytes that go to disk."""
    data = {**output.data, "titel": output.title}
    if fmt == "docx":
        markdown = renderer.render(output.template, "md", data)
        return bytes(docx.build(markdown, output.title))
    return renderer.render(output.template, fmt, data).encode("utf-8")


# --------------------------------------------------------------------------- writing


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inputs_digest(renderer: Renderer, output: Output) -> str:
    text = json.dumps(output.data, sort_keys=True, ensure_ascii=False, default=str)
    return sha256((renderer.digest() + output.template + "\0" + text).encode("utf-8"))


@dataclass
class Manifest:
    """documenten/.gzctl-manifest.json: per file the hash gzctl wrote and the inputs' hash."""

    files: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Manifest:
        path = root / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files = data.get("files", {})
            if isinstance(files, dict):
                return cls({str(k): dict(v) for k, v in files.items() if isinstance(v, dict)})
        except (OSError, ValueError, AttributeError, TypeError):
            pass  # no or broken manifest: every existing file counts as edited (safe side)
        return cls()

    def dumps(self) -> str:
        data = {"gzctl": "documenten", "files": {k: self.files[k] for k in sorted(self.files)}}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)  # (edited file, new file)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # stale but edited: left alone
    skipped: list[str] = field(default_factory=list)  # NotReady messages
    warnings: list[str] = field(default_factory=list)


def _inside(root: Path, rel: str) -> Path:
    """The path of a file below documenten/; anything that would leave it is refused."""
    if rel.startswith(("/", "\\")) or ".." in Path(rel).parts or "\\" in rel:
        raise UsageProblem(f"Onveilige bestandsnaam '{rel}'.")
    path = root / rel
    if not path.resolve().is_relative_to(root.resolve()):
        raise UsageProblem(f"Onveilige bestandsnaam '{rel}': die ligt buiten {OUTPUT_DIR}/.")
    return path


def _beside(rel: str) -> str:
    """'uitnodiging/vv.docx' -> 'uitnodiging/vv.nieuw.docx'."""
    stem, _, ext = rel.rpartition(".")
    return f"{stem}.nieuw.{ext}"


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def parse_formats(text: str | None) -> tuple[str, ...]:
    if not text:
        return FORMATS
    wanted = []
    for part in re.split(r"[,\s]+", text.strip().lower()):
        if not part:
            continue
        part = {"markdown": "md", "word": "docx", "htm": "html"}.get(part, part.lstrip("."))
        if part not in FORMATS:
            raise UsageProblem(
                f"Onbekend formaat '{part}'; kies uit {', '.join(FORMATS)}."
                + did_you_mean(part, list(FORMATS))
            )
        if part not in wanted:
            wanted.append(part)
    return tuple(f for f in FORMATS if f in wanted)


def resolve_only(playbook: Playbook, names: Iterable[str]) -> list[str]:
    """--only values: document ids, also by a file-name-like alias ('wie-kan-ik-bellen')."""
    aliases = {"wie-kan-ik-bellen": "netwerkoverzicht", "uitnodigingen": "uitnodiging"}
    known = document_ids(playbook)
    out = []
    for raw in names:
        for part in re.split(r"[,\s]+", raw.strip()):
            if not part:
                continue
            doc = aliases.get(part.lower(), part.lower())
            if doc not in known:
                raise NotFound(f"Onbekend document '{part}'." + did_you_mean(part, known))
            if doc not in out:
                out.append(doc)
    return out


def build(
    folder: Path,
    project: Project,
    playbook: Playbook,
    today: dt.date,
    *,
    only: list[str] | None = None,
    formats: tuple[str, ...] = FORMATS,
    force: bool = False,
    on_total: Callable[[int], None] | None = None,
    on_file: Callable[[str], None] | None = None,
) -> BuildReport:
    """Write the documents into ``folder/documenten``. With ``only`` a document that cannot be
    made is an error; without, it is skipped and reported."""
    report = BuildReport()
    ids = only or [d for d in document_ids(playbook) if d in PREPARERS]
    prepared: list[Prepared] = []
    for doc_id in ids:
        try:
            prepared.append(prepare(doc_id, project, playbook, today))
        except NotReady as exc:
            if only:
                raise
            report.skipped.append(exc.message)
    root = folder / OUTPUT_DIR
    renderer = Renderer(folder / OVERRIDE_DIR)
    docx = None
    if "docx" in formats:
        from gzctl.documents.docx import DocxBuilder

        docx = DocxBuilder(_fixed_moment(project))
    manifest = Manifest.load(root)
    jobs = [(p, o, f) for p in prepared for o in p.outputs for f in formats]
    if on_total:
        on_total(len(jobs))
    # render everything first: a broken template writes nothing
    rendered: list[tuple[Prepared, Output, str, bytes]] = []
    for p, output, fmt in jobs:
        rel = f"{output.path}.{fmt}"
        _inside(root, rel)
        rendered.append((p, output, rel, render_output(renderer, output, fmt, docx)))
        if on_file:
            on_file(rel)
    digests = {o.path: inputs_digest(renderer, o) for p in prepared for o in p.outputs}
    produced: set[str] = set()
    for p, output, rel, data in rendered:
        produced.add(rel)
        entry = {"document": p.doc_id, "sha256": sha256(data), "inputs": digests[output.path]}
        _place(root, rel, data, entry, manifest, report, force)
    for p in prepared:
        report.warnings.extend(p.warnings)
    # files of these documents that are no longer produced (an organisation left the list)
    built_ids = {p.doc_id for p in prepared}
    for rel, entry in sorted(manifest.files.items()):
        if entry.get("document") not in built_ids or rel in produced:
            continue
        if rel.rsplit(".", 1)[-1] not in formats or ".nieuw." in rel:
            continue
        path = _inside(root, rel)
        if not path.exists():
            del manifest.files[rel]
        elif force or sha256(path.read_bytes()) == entry.get("sha256"):
            path.unlink()
            del manifest.files[rel]
            report.removed.append(rel)
        else:
            report.kept.append(rel)
    if rendered or manifest.files:
        root.mkdir(parents=True, exist_ok=True)
        text = manifest.dumps()
        mpath = root / MANIFEST
        if not mpath.exists() or mpath.read_text(encoding="utf-8") != text:
            _write_bytes(mpath, text.encode("utf-8"))
    return report


def _place(
    root: Path,
    rel: str,
    data: bytes,
    entry: dict[str, str],
    manifest: Manifest,
    report: BuildReport,
    force: bool,
) -> None:
    path = _inside(root, rel)
    new_hash = entry["sha256"]
    if path.exists():
        current = sha256(path.read_bytes())
        known = manifest.files.get(rel, {}).get("sha256")
        if current == new_hash:
            manifest.files[rel] = entry
            report.unchanged.append(rel)
            return
        if current != known and not force:
            # edited by hand since gzctl wrote it (or never written by gzctl): keep it
            other = _beside(rel)
            _write_bytes(_inside(root, other), data)
            manifest.files[other] = {**entry, "beside": rel}
            if rel in manifest.files:
                manifest.files[rel] = {**manifest.files[rel], "inputs": entry["inputs"]}
            report.beside.append((rel, other))
            return
    _write_bytes(path, data)
    manifest.files[rel] = entry
    stale = _beside(rel)
    if stale in manifest.files and (root / stale).exists() and force:
        (root / stale).unlink()
        del manifest.files[stale]
    report.written.append(rel)


def _fixed_moment(project: Project) -> dt.datetime:
    """The creation time stamped inside a DOCX: the project's start, never the clock."""
    created = project.project.created or dt.date(2000, 1, 1)
    return dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)


# --------------------------------------------------------------------------- docs list


@dataclass(frozen=True)
class DocState:
    id: str
    title: str
    description: str
    state: str  # actueel | verouderd | bewerkt | ontbreekt | niet-klaar | later
    detail: str
    files: tuple[str, ...]


STATE_WORDS = {
    "actueel": "actueel",
    "verouderd": "verouderd: maak opnieuw",
    "bewerkt": "met de hand bewerkt",
    "ontbreekt": "nog niet gemaakt",
    "niet-klaar": "nog niet te maken",
    "later": "komt in een latere versie",
}


def list_documents(
    folder: Path, project: Project, playbook: Playbook, today: dt.date
) -> list[DocState]:
    """Which documents exist, for what, and whether they are up to date (no rendering)."""
    root = folder / OUTPUT_DIR
    manifest = Manifest.load(root)
    renderer: Renderer | None = None
    out = []
    titles = {d.id: d for d in playbook.documents}
    for doc_id in document_ids(playbook):
        meta = titles.get(doc_id)
        title = meta.title if meta else doc_id
        description = meta.description if meta else ""
        files = tuple(sorted(k for k, v in manifest.files.items() if v.get("document") == doc_id))
        if doc_id not in PREPARERS:
            out.append(DocState(doc_id, title, description, "later", "", files))
            continue
        try:
            prepared = prepare(doc_id, project, playbook, today)
        except NotReady as exc:
            out.append(DocState(doc_id, title, description, "niet-klaar", exc.message, files))
            continue
        if renderer is None:
            renderer = Renderer(folder / OVERRIDE_DIR)
        expected = {o.path: inputs_digest(renderer, o) for o in prepared.outputs}
        main_files = [f for f in files if ".nieuw." not in f]
        present = {f.rsplit(".", 1)[0] for f in main_files if (root / f).exists()}
        if not present:
            out.append(DocState(doc_id, title, description, "ontbreekt", "", files))
            continue
        edited = [
            f
            for f in main_files
            if (root / f).exists()
            and sha256((root / f).read_bytes()) != manifest.files[f]["sha256"]
        ]
        stale = [
            f
            for f in main_files
            if manifest.files[f].get("inputs") != expected.get(f.rsplit(".", 1)[0])
        ]
        missing = [p for p in expected if p not in present]
        n = len(expected)
        count = f"{n} {'bestand' if n == 1 else 'bestanden'} per formaat"
        if stale or missing:
            detail = (
                f"{count}; {len(missing) + len({f.rsplit('.', 1)[0] for f in stale})} te vernieuwen"
            )
            out.append(DocState(doc_id, title, description, "verouderd", detail, files))
        elif edited:
            detail = f"{count}; met de hand bewerkt: {', '.join(edited[:3])}"
            out.append(DocState(doc_id, title, description, "bewerkt", detail, files))
        else:
            out.append(DocState(doc_id, title, description, "actueel", count, files))
    return out


# issue 5: gzctl/coordinatordocs.py (loaded when one of them is made)
def _coordinator_document(doc_id: str) -> Callable[[Context], Prepared]:
    def prepare_one(ctx: Context) -> Prepared:
        from gzctl.documents.coordinator import PREPARERS as COORDINATOR_PREPARERS

        return COORDINATOR_PREPARERS[doc_id](ctx)

    return prepare_one


for _doc_id in ("vacature", "gespreksleidraad", "subsidieaanvraag"):
    PREPARERS[_doc_id] = _coordinator_document(_doc_id)
