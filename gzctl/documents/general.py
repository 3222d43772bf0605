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
    NBSP,
    Context,
    Later,
    NotReady,
    Output,
    Prepared,
    answer,
    clock_text,
    common_data,
    document_words,
    fold,
    is_initiator_contact,
    join_dutch,
    later_date,
    later_join,
    later_number,
    later_phone,
    later_short_date,
    later_text,
    letter_base,
    missing_answer,
    organisations,
    parse_time,
    playbook_question,
    public_email,
    safe_stem,
)
from gzctl.network.vocabulary import confirmed_type

# ---------------------------------------------------------------- the checklist


def prepare_checklist(ctx: Context) -> Prepared:
    """Prepares the checklist, one file per phase."""
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
                        "datum": later_short_date(st.date) if st.date else "",
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
    """Where the first network evening is: what the user typed at the Verbinden question
    (name, then the address after the first comma) wins; the chosen meeting place fills in
    an address the answer leaves out, and stands in when there is no answer. None when
    neither is known."""
    from gzctl.network.summaries import chosen_place

    place = chosen_place(ctx.project)
    text = answer(ctx.project, "verbinden.netwerkavond_plek")
    if text:
        name, _, rest = str(text).partition(",")
        address = rest.strip()
        if not address and place is not None and fold(place.name) == fold(name.strip()):
            address = place.address
        return {"naam": name.strip(), "adres": address}
    if place is not None:
        return {"naam": place.name, "adres": place.address}
    return None


# (minutes, title, explanation); times follow from the start time
AGENDA: tuple[tuple[int, str, str], ...] = (
    (10, "Welkom", "Wie zijn we, waarom deze avond, en een kort rondje: wie is er?"),
    (
        15,
        "Waarom een netwerk?",
        "Wat we in het dorp zien, wat inwoners zelf zeiden en wat een netwerk van "
        "organisaties kan betekenen. Met het voorbeeld van {voorbeelden}.",
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
    examples = document_words(ctx.playbook)["land"].get("voorbeelden", "Beesd")
    agenda = [(m, t, u.format(voorbeelden=examples)) for m, t, u in AGENDA]
    start = parse_time(start_text)
    items = []
    if start is None:
        items = [{"tijd": "", "titel": t, "uitleg": u, "minuten": m} for m, t, u in agenda]
        doors = end = ""
        start_shown = start_text.strip()
    else:
        minute = start[0] * 60 + start[1]
        doors = clock_text(minute - 15)
        start_shown = clock_text(minute)
        for minutes, title, text in agenda:
            items.append(
                {"tijd": clock_text(minute), "titel": title, "uitleg": text, "minuten": minutes}
            )
            minute += minutes
        end = clock_text(minute)
    question = answer(
        ctx.project, "verbinden.centrale_vraag", "Hoe maken we ons dorp samen sterker?"
    )
    return {
        "datum": later_date(date),
        "datum_kort": later_short_date(date),
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
    """Prepares the agenda of the first network evening."""
    title = "Agenda eerste netwerkavond"
    avond = evening(ctx, title)
    date = avond.pop("_date")
    data = {**common_data(ctx), "avond": avond}
    return Prepared(
        "agenda",
        title,
        (Output("agenda", "agenda", data, title),),
        _past(ctx, date, title),
    )


def _past(ctx: Context, date: dt.date, title: str) -> tuple[str, ...]:
    """A warning when the evening's day has passed, unless it was held: a network evening
    recorded that day (gzctl overleg), as a village a year in has it. Plain Dutch date
    (no Babel: gzctl docs list prepares this)."""
    from gzctl.core.questions import format_date
    from gzctl.network.meetings import OPEN_KIND

    held = any(m.date == date and m.kind == OPEN_KIND for m in ctx.project.meetings)
    if date < ctx.today and not held:
        return (f"{title}: de datum van de netwerkavond ({format_date(date)}) is al voorbij.",)
    return ()


_GREETINGS = ("beste", "geachte", "geacht", "dag", "hallo", "hoi", "lieve", "goedendag")
_TITLES = {
    "mevrouw": "mevrouw",
    "mevr": "mevrouw",
    "mw": "mevrouw",
    "heer": "heer",
    "meneer": "heer",
    "dhr": "heer",
    "de heer": "heer",
}


def register_of(org: Any, words: dict[str, Any] | None = None) -> str:
    """'u' or 'jullie': how a letter to this organisation addresses it (per type, else per
    kind, from playbooks/landen/<code>/land.toml; 'u' when nothing says otherwise)."""
    forms = (words or {}).get("aanspreekvorm", {})
    by_type = forms.get("types", {})
    org_type = confirmed_type(org)  # a guess from the name chooses nothing
    if org_type in by_type:
        return str(by_type[org_type])
    return str(forms.get(getattr(org, "kind", "") or "", "u"))


def salutation(
    contact: Any,
    org_name: str = "",
    kind: str = "vrijwilligers",
    *,
    register: str | None = None,
    org_type: str = "",
    words: dict[str, Any] | None = None,
) -> str:
    """The opening line of a letter, always ending in a comma.

    The contact's own ``salutation`` wins ("Beste Karin", or "mevrouw Jansen" -> "Geachte
    mevrouw Jansen,"). Else from the name: a title ("mevr. Jansen") gives "Geachte mevrouw
    Jansen,"; in a formal letter (register 'u') the full name ("Geachte Sanne Bakker,",
    the Dutch form when the title is unknown); to a club (register 'jullie') the first name
    ("Beste Kees,"). Without a name, the form for the organisation's type or register from
    the country's words ("Geacht college,", "Geachte heer, mevrouw,", "Beste
    bestuursleden,"): never "leden van" a parish or a shop. ``org_name`` is kept for callers
    of the old signature and not printed."""
    if register is None:
        register = "jullie" if kind == "vrijwilligers" else "u"
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
        if register == "u":
            return f"Geachte {name},"
        first = name.split()[0]
        if "." in first or len(first) == 1:
            return f"Beste {name},"
        return f"Beste {first},"
    unnamed = (words or {}).get("aanhef_zonder_naam", {})
    by_type = unnamed.get("types", {})
    if org_type and org_type in by_type:
        return str(by_type[org_type])
    default = "Geachte heer, mevrouw," if register == "u" else "Beste bestuursleden,"
    return str(unnamed.get(register, default))


def _title_of(text: str) -> tuple[str, str] | None:
    """'mevr. Jansen' -> ('mevrouw', 'Jansen'); 'de heer Bos' -> ('heer', 'Bos')."""
    low = fold(text)
    for word, title in sorted(_TITLES.items(), key=lambda kv: -len(kv[0])):
        m = re.match(rf"{re.escape(word)}\.?\s+(.+)$", low)
        if m:
            rest = text[len(text) - len(m.group(1)) :]
            return title, rest.strip()
    return None


# Why an organisation matters, per kind and register.
WHY: dict[tuple[str, str], str] = {
    ("vrijwilligers", "jullie"): "Als vereniging of vrijwilligersgroep staan jullie dicht bij "
    "de inwoners. Jullie leden en vrijwilligers merken vaak als eerste dat iemand minder vaak "
    "komt of een steuntje in de rug kan gebruiken.",
    ("vrijwilligers", "u"): "Uw organisatie staat dicht bij de inwoners. Uw leden en "
    "vrijwilligers merken vaak als eerste dat iemand minder vaak komt of een steuntje in de "
    "rug kan gebruiken.",
    ("professioneel", "u"): "U weet welke hulp en ondersteuning er is en hoe inwoners die "
    "kunnen krijgen. Met u erbij komt een zorg over iemand sneller op de goede plek.",
    ("professioneel", "jullie"): "Jullie weten welke hulp en ondersteuning er is en hoe "
    "inwoners die kunnen krijgen. Met jullie erbij komt een zorg over iemand sneller op de "
    "goede plek.",
    ("overheid", "u"): "U kent het dorp vanuit een ander perspectief en kunt helpen om wat het "
    "netwerk ziet ook in beleid en in de kernagenda een plek te geven.",
    ("ondernemer", "u"): "Bij u komen veel inwoners over de vloer, ook mensen die geen lid zijn "
    "van een vereniging. Daardoor ziet u vaak wat anderen missen.",
}


def why_you(
    org: Any, register: str = "jullie", agenda: str = "de kernagenda"
) -> list[str | Later]:
    """Two or three sentences on why this organisation matters to the network, in the
    letter's register ('u' or 'jullie')."""
    kind = getattr(org, "kind", "vrijwilligers")
    text = WHY.get((kind, register)) or WHY[("vrijwilligers", register)]
    text = text.replace("de kernagenda", agenda)  # the country's word (land.toml dorpsagenda)
    out: list[str | Later] = [text]
    groups = [GROUP_NAMES[g] for g in getattr(org, "target_groups", []) if g in GROUP_NAMES]
    reach = getattr(org, "reach", None)
    subject, verb = ("Jullie", "bereiken") if register == "jullie" else ("U", "bereikt")
    if reach and groups and "alle inwoners" not in groups:
        out.append(
            later_text(
                "{} {} ongeveer {} mensen, vooral {}.",
                subject,
                verb,
                later_number(reach),
                join_dutch(groups),
            )
        )
    elif reach:
        out.append(
            later_text("{} {} ongeveer {} mensen in en rond het dorp.", subject, verb,
                       later_number(reach))
        )  # fmt: skip
    elif groups and "alle inwoners" not in groups:
        out.append(f"{subject} {verb} vooral {join_dutch(groups)}.")
    return out


def address_lines(org: Any) -> list[str]:
    """The recipient block: organisation, t.a.v. the contact, street, postcode and place."""
    contact = getattr(org, "contact", None)
    lines = [org.name]
    cname = getattr(contact, "name", "") if contact else ""
    if cname:
        lines.append(f"t.a.v. {cname}")
    if getattr(org, "address", ""):
        lines.append(org.address)
    postcode = str(getattr(org, "postcode", "") or "").replace(" ", NBSP)
    place = " ".join(p for p in (postcode, getattr(org, "place", "")) if p)
    if place:
        lines.append(place)
    return lines


def invitation_texts(
    ctx: Context, org: Any, register: str, network: str
) -> dict[str, list[str | Later] | str]:
    """The invitation's sentences for one organisation, in one register (a sentence with a
    number in it is a :class:`Later`, formatted when rendered)."""
    village = ctx.project.village.name or "het dorp"
    u = register == "u"
    words = document_words(ctx.playbook)
    agenda = str(words["land"]["dorpsagenda"])
    # a type that speaks for the village (the dorpsraad, an adviesraad) gets its own
    # paragraph from the country's words instead of the clubs' text
    own = words.get("uitnodiging", {}).get(getattr(org, "type", "") or "")
    why: list[str | Later] = (
        [own]
        if own
        else [
            later_join(
                [
                    *why_you(org, register, agenda),
                    "Het netwerk wordt pas sterk als organisaties met een verschillende achterban "
                    "meedoen; daarom "
                    + ("zijn uw ervaring en ideeën" if u else "zijn jullie ervaring en ideeën")
                    + " van harte welkom.",
                ],
                " ",
            )
        ]
    )
    return {
        "inleiding": [
            f"In {village} gebeurt veel. Verenigingen, vrijwilligersgroepen en "
            "beroepsorganisaties doen elk goed werk, maar vaak ieder op een eigen eilandje. "
            f"Daarom beginnen we een netwerk: {network}. Daarin werken organisaties samen aan "
            "een levendig dorp, waar zorgen over iemand op tijd worden opgemerkt en waar "
            "iedereen kan meedoen, ook wie het even moeilijk heeft.",
            ("Graag nodigen we u uit" if u else "Graag nodigen we jullie uit")
            + " voor de eerste netwerkavond.",
        ],
        "waarom": why,
        "slot": [
            "Het netwerk heeft geen bestuur en het wordt geen vergadercircus: iedere "
            "organisatie blijft zichzelf en doet mee op haar eigen manier. "
            + (
                "U bent van harte welkom met één of twee mensen van uw organisatie."
                if u
                else "Kom gerust met één of twee mensen van jullie organisatie."
            ),
            "We hopen u te ontmoeten." if u else "We hopen jullie te zien!",
        ],
    }


def prepare_invitations(ctx: Context) -> Prepared:
    """Prepares one invitation per listed organisation to the first network evening."""
    title = "Uitnodiging eerste netwerkavond"
    initiators = ctx.project.initiators
    listed = [o for o in organisations(ctx.project) if getattr(o, "status", "") != "afgehaakt"]
    # the startgroep does not invite itself
    orgs = [o for o in listed if not is_initiator_contact(getattr(o, "contact", None), initiators)]
    if not orgs:
        raise NotReady(
            f"{title}: er staan nog geen organisaties op de lijst (buiten die van de "
            "initiatiefnemers zelf). Voeg ze toe met gzctl org add."
        )
    avond = evening(ctx, title)
    date = avond.pop("_date")
    words = document_words(ctx.playbook)
    base = {**common_data(ctx), "avond": avond}
    network = base["netwerk"]["naam"]
    letter_common = letter_base(
        ctx, later_text("Uitnodiging eerste netwerkavond op {}", avond["datum_kort"])
    )
    taken = {"alle-uitnodigingen"}
    letters = []
    outputs = []
    no_address = []
    for org in sorted(orgs, key=lambda o: (fold(o.name), o.id)):
        register = register_of(org, words)
        contact = getattr(org, "contact", None)
        if not getattr(org, "address", "") or not getattr(org, "place", ""):
            no_address.append(org.name)
        letter = {
            **letter_common,
            "organisatie": {"naam": org.name, "adresregels": address_lines(org)},
            "aanspreekvorm": register,
            "aanhef": salutation(
                contact,
                org.name,
                org.kind,
                register=register,
                org_type=confirmed_type(org),
                words=words,
            ),
            **invitation_texts(ctx, org, register, network),
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
    warnings = list(_past(ctx, date, title))
    if no_address:
        n = len(no_address)
        warnings.append(
            f"{title}: {n} {'brief heeft' if n == 1 else 'brieven hebben'} nog geen volledig "
            f"postadres ({_first_few(no_address)}); vul het aan met gzctl org edit ID --adres "
            "... --postcode ... --plaats ..."
        )
    return Prepared("uitnodiging", title, tuple(outputs), tuple(warnings))


def _first_few(names: list[str], n: int = 3) -> str:
    shown = ", ".join(names[:n])
    return shown + (f" en nog {len(names) - n}" if len(names) > n else "")


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
    """Prepares the mission and vision document."""
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
    from gzctl.core.country import for_playbook
    from gzctl.documents.coordinator import EMPLOYER_TEXT

    role = for_playbook(ctx.playbook).words["verbinder"]  # Coördinator, buurtzorgregisseur
    coordinator: list[str | Later] = [
        f"Het netwerk krijgt een betaalde {role} die in het dorp woont: een verbinder "
        "die makkelijk contact legt, anderen laat doen waar ze goed in zijn en heel "
        f"verschillende organisaties achter één doel krijgt. De {role} is geen baas, maar "
        "organiseert, ondersteunt en houdt de draadjes bij elkaar."
    ]
    if hours or employer:
        bits: list[str | Later] = []
        if hours:
            bits.append(later_text("werkt ongeveer {} uur per week", later_number(hours)))
        if employer and employer != "anders":
            bits.append(f"is in dienst van {EMPLOYER_TEXT.get(employer, f'de {employer}')}")
        coordinator.append(later_text("De {} {}.", role, later_join(bits)))
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


def _phone_of(org: Any, region: str) -> str | Later:
    return later_phone(getattr(getattr(org, "contact", None), "phone", "") or "", region)


def _email_of(org: Any) -> str:
    """The organisation's e-mail address, or '' for an example address (…@x.example)."""
    return public_email(str(getattr(getattr(org, "contact", None), "email", "") or ""))


def fixed_contacts(
    ctx: Context, title: str = "Wie kan ik bellen?"
) -> tuple[list[dict[str, str | Later]], list[str], list[str]]:
    """The fixed safe block of the card (and of anything else that lists where to call, such
    as the village website): 112, huisartsenpost, huisarts, sociaal team, Veilig Thuis,
    gemeente, in the order and words of ``playbooks/landen/<code>/land.toml``.

    Returns (entries, warnings, names of listed organisations without a phone number); an
    entry is a dict of ``naam``, ``wanneer``, ``wie`` (the organisation, or empty) and
    ``telefoon`` (formatted with no-break spaces; empty when unknown, which warns). Listed
    organisations are found by type and any status but 'afgehaakt': the sociaal team is on
    the card whether or not it joined the network."""
    project = ctx.project
    words = document_words(ctx.playbook)
    region = str(words.get("land", {}).get("telefoonregio", "NL"))
    listed = [o for o in organisations(project) if getattr(o, "status", "") != "afgehaakt"]
    warnings: list[str] = []
    missing_phone: list[str] = []
    fixed = []
    for entry in words.get("bellen", {}).get("vast", []):
        item = {"naam": str(entry["naam"]), "wanneer": str(entry.get("wanneer", ""))}
        if entry.get("telefoon"):
            fixed.append({**item, "wie": "", "telefoon": later_phone(entry["telefoon"], region)})
            continue
        if entry.get("vraag"):
            qid = str(entry["vraag"])
            number = later_phone(str(answer(project, qid, "") or ""), region)
            fixed.append({**item, "wie": "", "telefoon": number})
            if not number:
                hint = missing_answer(ctx.playbook, qid, title).message
                warnings.append(f"{hint} Zonder dat nummer ontbreekt die regel op de kaart.")
            continue
        types = list(entry.get("types", []))
        found = [o for o in listed if confirmed_type(o) in types]  # never a guess
        guesses = [o for o in listed if o.type_guessed and o.type in types]
        if not found and guesses:
            fixed.append({**item, "wie": "", "telefoon": ""})
            ids = " ".join(o.id for o in guesses)
            warnings.append(
                f"{title}: voor {item['naam'].lower()} staat alleen een geraden type op de lijst "
                f"({', '.join(o.name for o in guesses)}). Klopt het, bevestig het met gzctl org "
                f"bevestig {ids}; tot dan ontbreekt die regel op de kaart."
            )
            continue
        if not found:
            fixed.append({**item, "wie": "", "telefoon": ""})
            warnings.append(
                f"{title}: {item['naam'].lower()} staat niet op de lijst van het dorp; voeg "
                f"het toe met gzctl org add NAAM --type {types[0] if types else '...'} "
                "--telefoon NUMMER. Tot dan ontbreekt die regel op de kaart."
            )
            continue
        for o in sorted(found, key=lambda o: fold(o.name)):
            number = _phone_of(o, region)
            fixed.append({**item, "wie": o.name, "telefoon": number})
            if not number:
                missing_phone.append(o.name)

    return fixed, warnings, missing_phone


def _merged(needs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Needs answered by the same organisations, as one ('Vervoer naar de dokter ·
    Mantelzorg ...'): the card says each answer once and fits one page."""
    out: dict[tuple[str, ...], dict[str, Any]] = {}
    for need in needs:
        key = tuple(o["naam"] for o in need["organisaties"])
        if key in out:
            out[key]["vraag"] += " · " + need["vraag"]
        else:
            out[key] = dict(need)
    return list(out.values())


def prepare_overview(ctx: Context) -> Prepared:
    """The "Wie kan ik bellen?" card: first the fixed safe block (112, huisartsenpost,
    huisarts, sociaal team, Veilig Thuis, gemeente; from playbooks/landen/<code>/land.toml),
    then the joined organisations per need by organisation type (never a guess by sector),
    each with its phone number. Organisations only: no person is named.

    Raises NotReady while no organisation has joined. Warns (``Prepared.warnings``) for every
    listed organisation and fixed entry without a phone number."""
    title = "Wie kan ik bellen?"
    project = ctx.project
    listed = [o for o in organisations(project) if getattr(o, "status", "") != "afgehaakt"]
    members = [o for o in listed if getattr(o, "status", "") == "aangesloten"]
    if not members:
        raise NotReady(
            f"{title}: nog geen organisatie is aangesloten bij het netwerk. Zet de deelnemers "
            "op 'aangesloten' met gzctl org status ID... aangesloten (meer ids tegelijk mag)."
        )
    words = document_words(ctx.playbook)
    region = str(words.get("land", {}).get("telefoonregio", "NL"))
    card_words = words.get("bellen", {})
    members.sort(key=lambda o: fold(o.name))
    fixed, warnings, missing_phone = fixed_contacts(ctx, title)

    needs: list[dict[str, Any]] = []
    for need in card_words.get("vragen", []):
        types = list(need.get("types", []))
        picked = [o for t in types for o in members if confirmed_type(o) == t]
        unique = list({o.id: o for o in picked}.values())
        if unique:
            needs.append(
                {
                    "vraag": str(need["vraag"]),
                    "organisaties": [
                        {"naam": o.name, "telefoon": _phone_of(o, region), "email": _email_of(o)}
                        for o in unique
                    ],
                }
            )
    everyone = [
        {
            "naam": o.name,
            "voor_wie": join_dutch(
                GROUP_NAMES[g]
                for g in getattr(o, "target_groups", [])
                if g in GROUP_NAMES and g != "Kw"  # residents read the card: no labels
            ),
            "telefoon": _phone_of(o, region),
            "email": _email_of(o),
        }
        for o in members
    ]
    missing_phone += [o["naam"] for o in everyone if not o["telefoon"]]
    missing_phone = list(dict.fromkeys(missing_phone))
    if missing_phone:
        n = len(missing_phone)
        warnings.append(
            f"{title}: {n} {'organisatie staat' if n == 1 else 'organisaties staan'} zonder "
            f"telefoonnummer ({_first_few(missing_phone)}): op de kaart staat dan hun e-mailadres, "
            "of alleen hun naam; vul het nummer aan met gzctl org edit ID --telefoon NUMMER."
        )
    # A card a resident reads never prints a blank: an entry or organisation without a
    # phone number is shown with its e-mail address, or by name only (the warnings say so).
    for need in needs:
        need["organisaties"] = [o for o in need["organisaties"] if o["telefoon"] or o["email"]]
    shown_fixed = [v for v in fixed if v["telefoon"]]
    needs = _merged([n for n in needs if n["organisaties"]])
    # the rest of the joined organisations, each once: the card fits one page
    named = {v["wie"] for v in shown_fixed} | {o["naam"] for n in needs for o in n["organisaties"]}
    data = {
        **common_data(ctx),
        "vast": shown_fixed,
        "zorgen": needs,
        "organisaties": [
            o for o in everyone if (o["telefoon"] or o["email"]) and o["naam"] not in named
        ],
        # joined, but no number or address yet (a village right after the wizard): named
        # in one sentence, so the card never says "8 organisaties" and lists none
        "zonder_nummer": join_dutch(
            o["naam"] for o in everyone if not (o["telefoon"] or o["email"])
            and o["naam"] not in named
        ),
        "aantal": len(members),
    }
    return Prepared(
        "netwerkoverzicht",
        title,
        (Output("wie-kan-ik-bellen", "netwerkoverzicht", data, title),),
        tuple(warnings),
    )


PREPARERS: dict[str, Callable[[Context], Prepared]] = {
    "checklist": prepare_checklist,
    "uitnodiging": prepare_invitations,
    "agenda": prepare_agenda,
    "missie-visie": prepare_mission,
    "netwerkoverzicht": prepare_overview,
}
