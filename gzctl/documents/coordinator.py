"""The Coördinator's documents: the vacancy, the interview guide with a blank scorecard, and
the funding request to the municipality with the budget table.

Preparers in the sense of gzctl/documents.py (registered in ``documents.PREPARERS``). No
candidate appears in any of them: documents stay on disk after `candidate forget`, so the
scorecard is printed blank, one per interview.
"""

from __future__ import annotations

from typing import Any

from gzctl.documents.base import (
    Context,
    Output,
    Prepared,
    _need,
    answer,
    common_data,
    dutch_number,
    join_dutch,
    short_dutch_date,
)
from gzctl.network import coordinator as co
from gzctl.network import places as pl
from gzctl.network.criteria import load_criteria

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

CASE = (
    "In {dorp} doen verenigingen, vrijwilligers en beroepskrachten elk goed werk, maar vaak ieder "
    "op een eigen eilandje. Het netwerk verbindt hen, zodat zorgen over inwoners eerder in beeld "
    "komen, kwetsbare inwoners weer meedoen en het dorp levendig blijft.",
    "Zo'n netwerk heeft een vaste verbinder nodig: een {verbinder} die in het dorp woont, "
    "makkelijk contact legt en anderen laat doen waar ze goed in zijn. De {verbinder} is geen "
    "baas en geen ambtenaar, maar de brug tussen inwoners, verenigingen en professionals zoals "
    "{sociaal_team} en de huisarts.",
    "{steun_uitleg} Daarom vragen we de gemeente om {steun}: geld voor de {verbinder}.",
)


def _euro(amount: float) -> str:
    from babel.numbers import format_currency

    return str(format_currency(round(amount, 2), "EUR", locale="nl_NL"))


def _profile_data(ctx: Context, title: str) -> dict[str, Any]:
    project = ctx.project
    for qid in (co.HOURS, co.EMPLOYER):
        if not answer(project, qid):
            raise _need(ctx.playbook, qid, title)
    crit = load_criteria()
    hours = answer(project, co.HOURS)
    employer = str(answer(project, co.EMPLOYER))
    start = project.coordinator.start
    return {
        **common_data(ctx),
        "titel": title,
        "eigenschappen": list(crit.traits),
        "taken": list(crit.tasks),
        "uren": dutch_number(hours),
        "werkgever": EMPLOYER_TEXT.get(employer, "een werkgever die we nog kiezen"),
        "start": short_dutch_date(start) if start else "",
    }


def prepare_vacancy(ctx: Context) -> Prepared:
    title = "Vacature Coördinator"
    data = _profile_data(ctx, title)
    closing = answer(ctx.project, "organiseren.sluitingsdatum")
    data["woont_in_dorp"] = answer(ctx.project, "organiseren.woont_in_dorp", True) is not False
    data["sluitingsdatum"] = short_dutch_date(closing) if closing else ""
    return Prepared("vacature", title, (Output("vacature-coordinator", "vacature", data, title),))


def prepare_interview(ctx: Context) -> Prepared:
    title = "Gespreksleidraad sollicitatiegesprek"
    crit = load_criteria()
    data = {
        **common_data(ctx),
        "titel": title,
        "criteria": [
            {
                "titel": c.label,
                "uitleg": c.help,
                "gewicht": dutch_number(c.weight),
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


def prepare_request(ctx: Context) -> Prepared:
    from gzctl.core.country import country

    words = country(ctx.playbook.country).words  # CASE and the title use the country's words
    title = f"Aanvraag aan de gemeente: {words['steun']}"
    data = _profile_data(ctx, title)
    project = ctx.project
    crit = load_criteria()
    b = co.budget(project, crit)
    assert b.salary is not None and b.total is not None  # hours are known (_profile_data)
    place = pl.chosen(project)
    orgs = list(project.organisations)
    joined = [o for o in orgs if o.status == "aangesloten"]
    contacts = answer(project, "verkennen.gemeentecontacten", [])
    first = contacts[0] if contacts and isinstance(contacts[0], dict) else {}
    data.update(
        {
            "aan": {"naam": str(first.get("name", "")), "functie": str(first.get("role", ""))},
            "pleidooi": [p.format(dorp=data["dorp"]["naam"], **words) for p in CASE],
            "begroting": [
                {
                    "post": f"Loonkosten {words['verbinder']}",
                    "berekening": f"{dutch_number(b.hours or 0)} uur per week × "
                    f"{_euro(b.hourly_cost)} per uur × {b.weeks} weken",
                    "bedrag": _euro(b.salary),
                },
                {
                    "post": "Activiteiten en bijeenkomsten",
                    "berekening": "zaalhuur, koffie, drukwerk, kleine kosten",
                    "bedrag": _euro(b.activities),
                },
            ],
            "totaal": _euro(b.total),
            "financiering": list(answer(project, co.FUNDING, [])),
            "penvoerder": str(answer(project, "organiseren.penvoerder", "")),
            "plek": place.name if place else "",
            "organisaties": len(orgs),
            "aangesloten": len(joined),
            "afzender_namen": join_dutch(p.name for p in project.initiators),
        }
    )
    return Prepared(
        "subsidieaanvraag",
        title,
        (Output("aanvraag-gemeente", "subsidieaanvraag", data, title),),
    )


PREPARERS = {
    "vacature": prepare_vacancy,
    "gespreksleidraad": prepare_interview,
    "subsidieaanvraag": prepare_request,
}
