"""The Coördinator's documents: the vacancy, the interview guide with a blank scorecard, and
the funding request to the municipality with the budget table.

Preparers in the sense of gzctl/documents/base.py (registered in gzctl/documents/registry.py). No
candidate appears in any of them: documents stay on disk after `candidate forget`, so the
scorecard is printed blank, one per interview.
"""

from __future__ import annotations

from typing import Any

from gzctl.documents.base import (
    NBSP,
    Context,
    Later,
    Output,
    Prepared,
    answer,
    common_data,
    document_date,
    document_words,
    fold,
    join_dutch,
    later_euro,
    later_number,
    later_short_date,
    later_text,
    letter_base,
    missing_answer,
    playbook_question,
)
from gzctl.documents.reads import entry
from gzctl.network import coordinator as co
from gzctl.network.criteria import load_criteria
from gzctl.network.summaries import chosen_place
from gzctl.network.vocabulary import confirmed_type

EMPLOYER_TEXT = {
    "gemeente": "de gemeente",
    "welzijnsorganisatie": "de welzijnsorganisatie",
    "stichting": "een stichting",
    "lokaal bestuur": "het lokaal bestuur",
    "lokaal dienstencentrum": "het lokaal dienstencentrum",
    "vzw": "een vzw",
}

# Interview questions per scorecard criterion (playbooks/selectiecriteria.toml ids); a
# criterion without questions here gets its help text as the question.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "verbinden": (
        "Vertel over een keer dat je mensen bij elkaar bracht die elkaar nog niet kenden. "
        "Hoe pakte je dat aan?",
        "Hoe maak je contact met iemand die niet zo makkelijk zelf naar voren stapt?",
    ),
    "ruimte_geven": (
        "Een vereniging wil een activiteit anders doen dan jij zou kiezen. Wat doe je?",
        "Wanneer heb je bewust iets aan een ander overgelaten, en hoe ging dat?",
    ),
    "brug": (
        "Hoe zou je een vrijwilliger van de seniorenvereniging en een huisarts aan één tafel "
        "krijgen?",
        "Iemand vertelt je dat hij zich zorgen maakt over een buurvrouw. Wat doe je, en wat "
        "juist niet?",
    ),
    "dorp": (
        "Wat weet je van het dorp, de verenigingen en de mensen die er wonen?",
        "Welke plekken en mensen in het dorp zou je in je eerste maand opzoeken?",
    ),
    "organiseren": (
        "Hoe bereid je een netwerkavond met veertig mensen voor?",
        "Hoe houd je bij wat er is afgesproken, en hoe zorg je dat het ook gebeurt?",
    ),
}

# The arguments of the request, from the seed texts: islands, the limited reach of
# initiatives from below, a paid connector in the middle, the government's responsibility,
# and Beesd as the working example.
CASE = (
    "In {dorp} doen verenigingen, vrijwilligers en beroepskrachten elk goed werk, maar vaak "
    "ieder op een eigen eilandje. Iedere club en iedere hulpverlener bereikt zo maar een deel "
    "van het dorp, en inwoners zien niet hoeveel er al gebeurt.",
    "Initiatieven van inwoners zelf zijn waardevol, maar bereiken meestal een kleine groep en "
    "houden op als de trekkers stoppen. Regelingen van bovenaf sluiten vaak niet aan bij wat "
    "er in het dorp leeft.",
    "Wat een blijvend netwerk maakt, is een betaalde verbinder{midden}: een {verbinder} "
    "die in het dorp woont, makkelijk contact legt en anderen laat doen waar ze goed in zijn. "
    "De {verbinder} is geen baas en geen ambtenaar, maar de brug tussen inwoners, verenigingen "
    "en professionals zoals {sociaal_team} en de huisarts.",
    "De overheid blijft verantwoordelijk voor het gezamenlijke belang van de gemeenschap. "
    "{steun_uitleg} Daarom vragen we {lokaal_bestuur} om {steun}.",
    "{bewijs}",
)

# How an answer of organiseren.financiering reads inside a sentence ("bij ...").
SOURCE_WORDS = {
    "Budget van de welzijnsorganisatie": "de welzijnsorganisatie",
    "Subsidie van de provincie": "de provincie",
    "Fondsen": "fondsen",
    "Bijdrage van de woningcorporatie": "de woningcorporatie",
    "Bijdragen van deelnemende organisaties": "de deelnemende organisaties",
}


def _euro(amount: float) -> Later:
    return later_euro(amount)


def _profile_data(ctx: Context, title: str) -> dict[str, Any]:
    project = ctx.project
    for qid in (co.HOURS, co.EMPLOYER):
        if not answer(project, qid):
            raise missing_answer(ctx.playbook, qid, title)
    crit = load_criteria()
    hours = answer(project, co.HOURS)
    employer = str(answer(project, co.EMPLOYER))
    start = project.coordinator.start
    return {
        **common_data(ctx),
        "titel": title,
        "eigenschappen": list(crit.traits),
        "taken": list(crit.tasks),
        "uren": later_number(hours),
        # the employer by name once answered (organiseren.werkgever_naam), else its kind
        "werkgever": str(answer(project, "organiseren.werkgever_naam", "") or "").strip()
        or EMPLOYER_TEXT.get(employer, "een werkgever die we nog kiezen"),
        "start": later_short_date(start) if start else "",
    }


def prepare_vacancy(ctx: Context) -> Prepared:
    """The vacancy: who employs (by name), the salary scale and term (the answers, 'in
    overleg' by default), the screening the country asks (VOG, uittreksel model 2), a
    closing date and where applications go (the employer). Warns when the employer's name
    or the closing date is missing: a vacancy without them cannot be published."""
    title = f"Vacature {document_words(ctx.playbook)['land']['verbinder']}"
    project = ctx.project
    data = _profile_data(ctx, title)
    closing = answer(project, "organiseren.sluitingsdatum")
    data["woont_in_dorp"] = answer(project, "organiseren.woont_in_dorp", True) is not False
    data["sluitingsdatum"] = later_short_date(closing) if closing else ""
    name = str(answer(project, "organiseren.werkgever_naam", "") or "").strip()
    data["werkgever_naam"] = name
    data["salaris"] = str(answer(project, "organiseren.salaris", "") or "in overleg")
    data["contract"] = str(answer(project, "organiseren.contract", "") or "in overleg")
    email = str(answer(project, "organiseren.sollicitatie_email", "") or "").strip()
    if not email and name:
        employer = next((o for o in project.organisations if fold(o.name) == fold(name)), None)
        email = employer.contact.email if employer is not None else ""
    data["sollicitatie_email"] = email
    warnings = []
    if not name:
        warnings.append(
            f"{title}: de werkgever heeft nog geen naam; vul die in met gzctl answers --wijzig "
            "organiseren.werkgever_naam."
        )
    if not closing:
        warnings.append(
            f"{title}: er staat nog geen sluitingsdatum in; vul die in met gzctl answers "
            "--wijzig organiseren.sluitingsdatum."
        )
    return Prepared(
        "vacature",
        title,
        (Output(vacancy_name(data), "vacature", data, title),),
        tuple(warnings),
    )


def vacancy_name(data: dict[str, Any]) -> str:
    """The vacancy's file name, after the country's word for the role (``[woorden]
    verbinder``): vacature-coordinator, vacature-buurtzorgregisseur."""
    from gzctl.network.inventory import slugify

    word = str(data.get("land", {}).get("woorden", {}).get("verbinder") or "coordinator")
    return "vacature-" + slugify(word)


def prepare_interview(ctx: Context) -> Prepared:
    """Prepares the interview guide for coordinator candidates."""
    title = "Gespreksleidraad sollicitatiegesprek"
    crit = load_criteria()
    data = {
        **common_data(ctx),
        "titel": title,
        "criteria": [
            {
                "titel": c.label,
                "uitleg": c.help,
                "gewicht": later_number(c.weight),
                "vragen": list(QUESTIONS.get(c.id, (c.help,))),
            }
            for c in crit.coordinator
            if c.weight > 0
        ],
        "onenigheid": co.DISAGREEMENT,
    }
    return Prepared(
        "gespreksleidraad", title, (Output("gespreksleidraad", "gespreksleidraad", data, title),)
    )


def _term_years(ctx: Context) -> int:
    """The term of the request in years: the answer, else the question's default, else 1."""
    value = answer(ctx.project, TERM)
    if value is None:
        q = playbook_question(ctx.playbook, TERM)
        value = q.default if q is not None and q.default else 1
    return max(1, int(value))


TERM = "organiseren.looptijd"
APPLICANT = "organiseren.penvoerder"


def _municipality(project: Any) -> Any:
    return next(
        (
            o
            for o in project.organisations
            if confirmed_type(o) == "gemeente" and o.status != "afgehaakt"
        ),
        None,
    )


def _reconciled(r: co.Request, others: list[str]) -> list[dict[str, Any]]:
    """The budget's lines that make the computed costs add up to the typed yearly total:
    overige kosten above them, or what other sources pay below them (a minus)."""
    if r.extra:
        return [
            {
                "post": "Overige kosten",
                "berekening": "reiskosten, scholing en onvoorzien",
                "bedrag": _euro(r.extra),
            }
        ]
    if r.elsewhere:
        return [
            {
                "post": "Uit andere bronnen",
                "berekening": join_dutch(others) if others else "eigen middelen en bijdragen",
                "bedrag": later_text("− {}", _euro(r.elsewhere)),
            }
        ]
    return []


def prepare_request(ctx: Context) -> Prepared:
    """The funding request to the municipality: a letter (sender, recipient block with the
    college, place and date, Betreft) that says how much is asked per year and in total, for
    how many years from when, who applies and receives the money (the penvoerder), what it
    pays for, and why.

    Raises NotReady when hours or employer (the amount) or the penvoerder are not answered,
    naming the wizard step. Warns when the municipality has no postal address yet."""
    words = document_words(ctx.playbook)
    land = words.get("land", {})
    # "Aanvraag aan de gemeente: steun voor het midden"; Flanders: het lokaal bestuur, steun
    # voor de verbinder (the country's words)
    title = f"Aanvraag aan {land.get('lokaal_bestuur', 'de gemeente')}: {land.get('steun', '')}"
    from gzctl.documents.regie import request_instead

    request_instead(ctx, title)
    data = _profile_data(ctx, title)
    project = ctx.project
    applicant = answer(project, APPLICANT)
    if not applicant:
        raise missing_answer(ctx.playbook, APPLICANT, title)
    from gzctl.core.country import for_playbook

    connector = for_playbook(ctx.playbook).words["verbinder"]  # Coördinator, ...regisseur
    crit = load_criteria()
    r = co.request(project, crit)
    b = r.costs
    assert b.salary is not None and r.asked is not None  # hours are known (_profile_data)
    years = _term_years(ctx)
    place = chosen_place(project)
    orgs = [o for o in project.organisations if o.status != "afgehaakt"]
    joined = [o for o in orgs if o.status == "aangesloten"]
    village = data["dorp"]["naam"]
    municipality_name = project.village.municipality or village
    start = project.coordinator.start
    first_year = start.year if start else document_date(project).year + 1
    period = f"{first_year}" if years == 1 else f"{first_year}–{first_year + years - 1}"
    gemeente = _municipality(project)
    recipient = [f"{land.get('gemeente', 'gemeente').capitalize()} {municipality_name}"]
    recipient.append(f"t.a.v. {land.get('college', 'het college')}")
    warnings: list[str] = []
    if gemeente is not None and gemeente.address and gemeente.place:
        recipient.append(gemeente.address)
        recipient.append(
            " ".join(x for x in (gemeente.postcode.replace(" ", NBSP), gemeente.place) if x)
        )
    else:
        warnings.append(
            f"{title}: het postadres van de gemeente ontbreekt; zet de gemeente op de lijst met "
            "gzctl org add of vul het adres aan met gzctl org edit ID --adres ... --postcode "
            "... --plaats ..."
        )
    per_year = _euro(r.asked)
    total = _euro(r.asked * years)
    term_text = "één jaar" if years == 1 else later_text("{} jaar", later_number(years))
    start_text = later_text(", vanaf {}", later_short_date(start)) if start else ""
    ask: list[str | Later] = [
        later_text(
            "Namens {} vragen wij de gemeente {} om een subsidie van {} per jaar, voor {} ({}){}{}",
            data["netwerk"]["naam"],
            municipality_name,
            per_year,
            term_text,
            period,
            start_text,
            later_text(": in totaal {}.", total) if years > 1 else ".",
        ),
        later_text(
            "Daarmee betalen we een {} voor {} uur per week en de kosten van bijeenkomsten en "
            "activiteiten van het netwerk.",
            connector,
            data["uren"],
        ),
        f"De subsidie wordt aangevraagd en ontvangen door {applicant}, als penvoerder namens "
        "het netwerk. Het netwerk heeft bewust geen bestuur en kan zelf geen subsidie ontvangen; "
        f"{applicant} beheert het geld en legt er verantwoording over af.",
    ]
    others = [SOURCE_WORDS[s] for s in answer(project, co.FUNDING, []) or [] if s in SOURCE_WORDS]
    if r.elsewhere:
        # the typed yearly total is below the costs: say where the rest comes from
        ask.append(
            later_text(
                "De kosten komen op {} per jaar; {} daarvan dekken we uit {}, zodat we {} "
                "om {} per jaar vragen.",
                _euro(b.salary + b.activities),
                _euro(r.elsewhere),
                join_dutch(others) if others else "andere bronnen",
                land.get("lokaal_bestuur", "de gemeente"),
                per_year,
            )
        )
    elif others:
        ask.append(
            f"Voor een deel van de kosten kloppen we ook aan bij {join_dutch(others)}. Komt "
            "daar geld vandaan, dan wordt onze vraag aan de gemeente kleiner; dat laten we u "
            "direct weten."
        )
    talked = entry(ctx.project, "checklist", "verkennen.gemeentegesprek")  # this one only
    contacts = answer(project, "verkennen.gemeentecontacten", [])
    first = contacts[0] if contacts and isinstance(contacts[0], dict) else {}
    if talked is not None and talked.done and first.get("name"):
        role = f" ({first['role']})" if first.get("role") else ""
        ask.append(f"Over het netwerk spraken we eerder met {first['name']}{role}.")
    present: list[str | Later] = []
    if orgs:
        present.append(
            later_text(
                "{} organisaties in {} staan op onze lijst{}",
                later_number(len(orgs)),
                village,
                "; " + common_data(ctx)["deelname"]["zin"] + ".",
            )
        )
    if place is not None:
        present.append(
            f"Het netwerk komt samen in {place.name}: een neutrale, laagdrempelige plek in het "
            "dorp."
        )
    present.append(
        later_text(
            "De {} werkt ongeveer {} uur per week, in dienst van {}{}.",
            connector,
            data["uren"],
            data["werkgever"],
            later_text(", vanaf {}", data["start"]) if data["start"] else "",
        )
    )
    data.update(
        {
            **letter_base(
                ctx, f"Aanvraag subsidie {connector} {data['netwerk']['naam']}, {period}"
            ),
            "ontvanger": recipient,
            "aanhef": str(
                words.get("aanhef_zonder_naam", {})
                .get("types", {})
                .get("gemeente", "Geacht college,")
            ),
            "vraag": ask,
            "pleidooi": [
                p.format(
                    dorp=village,
                    steun=land.get("steun", "steun"),
                    verbinder=connector,
                    sociaal_team=land.get("sociaal_team", "het sociaal team"),
                    bewijs=land.get("bewijs", ""),
                    # "in het midden" only where the country says "steun voor het midden"
                    midden=" in het midden" if "midden" in land.get("steun", "") else "",
                    steun_uitleg=land.get("steun_uitleg", ""),
                    lokaal_bestuur=land.get("lokaal_bestuur", "de gemeente"),
                )
                for p in CASE
            ],
            "er_is": present,
            "begroting": [
                {
                    "post": f"Loonkosten {connector}",
                    "berekening": later_text(
                        "{} uur per week × {} per uur × {} weken",
                        later_number(b.hours or 0),
                        _euro(b.hourly_cost),
                        b.weeks,
                    ),
                    "bedrag": _euro(b.salary),
                },
                {
                    "post": "Activiteiten en bijeenkomsten",
                    "berekening": "zaalhuur, koffie, drukwerk, kleine kosten",
                    "bedrag": _euro(b.activities),
                },
                *_reconciled(r, others),
            ],
            "totaal": per_year,
            "totaal_tekst": "Gevraagd per jaar" if r.elsewhere else "Totaal per jaar",
            "looptijd": term_text,
            "periode": period,
            "totaal_looptijd": total if years > 1 else "",
            "penvoerder": str(applicant),
            "plek": place.name if place else "",
            "organisaties": len(orgs),
            "aangesloten": len(joined),
        }
    )
    return Prepared(
        "subsidieaanvraag",
        title,
        (Output("aanvraag-gemeente", "subsidieaanvraag", data, title),),
        tuple(warnings),
    )


PREPARERS = {
    "vacature": prepare_vacancy,
    "gespreksleidraad": prepare_interview,
    "subsidieaanvraag": prepare_request,
}
