"""The money documents: the verantwoording of a year for the penvoerder and the gemeente, the
renewal request (verlengingsaanvraag) that reuses the year's results, and a short fund request
per platform (fondsaanvraag). Templates: templates/verantwoording.md.j2,
verlengingsaanvraag.md.j2 and fondsaanvraag.md.j2.

Every figure comes from :mod:`gzctl.network.money` (budget against actual) and the
project's activities and organisations, so the documents, ``gzctl geld overzicht`` and the
funding request name the same amounts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.model import Project
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
    join_dutch,
    later_euro,
    later_number,
    later_short_date,
    later_text,
    letter_base,
    safe_stem,
)
from gzctl.network import money
from gzctl.network.participation import STARTED
from gzctl.network.vocabulary import confirmed_type

ACCOUNT_TITLE = "Verantwoording"
RENEWAL_TITLE = "Aanvraag om verlenging"
FUND_TITLE = "Aanvraag aan een fonds"


def _joined(project: Project) -> list[Any]:
    return sorted(
        (o for o in project.organisations if o.status == "aangesloten"),
        key=lambda o: fold(o.name),
    )


def _report_year(project: Project, day: dt.date) -> int:
    """The year a verantwoording covers: last year when it has money or activities and this
    year is still young (before July), else this year so far."""
    last = day.year - 1
    has_last = any(m.date.year == last for m in project.money) or any(
        a.start.year == last for a in project.activities
    )
    return last if has_last and day.month < 7 else day.year


def _activities(project: Project, year: int, day: dt.date) -> list[Any]:
    return [a for a in project.activities if a.start.year == year and a.start.date() <= day]


def _count(n: int, one: str, more: str) -> Any:
    """'1 activiteit', '3 activiteiten' (the number formatted at render time)."""
    from gzctl.core.words import plural

    return later_text("{} " + plural(n, one, more), later_number(n))


NONE = "—"


def _verbinder(ctx: Context) -> str:
    return str(common_data(ctx)["land"]["woorden"].get("verbinder_titel", "Coördinator"))


def _money_rows(y: money.Year, verbinder: str) -> list[dict[str, Any]]:
    rows = []
    for p in y.posts:
        rows.append(
            {
                "post": money.POSTS[p.post].format(verbinder=verbinder),
                "begroot": later_euro(p.budget) if p.budget is not None else NONE,
                "besteed": later_euro(p.spent),
                "verschil": later_euro(p.left) if p.left is not None else NONE,
            }
        )
    return rows


def _signups(project: Project, year: int, words: dict[str, str]) -> Any:
    """'3 inwoners meldden zich aan' (the country's word for residents) for the year, or ''
    without any."""
    from gzctl.network.signups import total

    n = total(project, year)
    if not n:
        return ""
    return _count(n, f"{words['inwoner']} meldde", f"{words['inwoners']} meldden")


def _participation(project: Project) -> str:
    """The one sentence every output says of who takes part (network/participation.py)."""
    from gzctl.network.participation import participation, participation_text

    return participation_text(participation(project))


def year_results(ctx: Context, year: int, day: dt.date) -> dict[str, Any]:
    """The year's results as the documents show them: organisations, activities and their
    participants, running platforms, money; every figure from the data."""
    project = ctx.project
    joined = _joined(project)
    held = _activities(project, year, day)
    counted = [a.participants for a in held if a.participants is not None]
    platforms = [p for p in project.platforms if p.status in STARTED]
    y = money.year_overview(project, year)
    per_platform = []
    for p in platforms:
        own = [a for a in held if a.platform == p.id]
        per_platform.append(
            {
                "titel": p.title,
                "leden": _count(len(p.members), "organisatie", "organisaties"),
                "activiteiten": _count(len(own), "activiteit", "activiteiten"),
                "besteed": later_euro(y.per_platform.get(p.id, 0.0)),
            }
        )
    return {
        "jaar": year,
        "tot": later_short_date(min(day, dt.date(year, 12, 31))),
        "heel_jaar": day >= dt.date(year, 12, 31),
        "aangesloten": _count(len(joined), "organisatie is", "organisaties zijn"),
        "deelname": _participation(project),
        "aangesloten_namen": join_dutch(o.name for o in joined),
        "activiteiten": _count(len(held), "activiteit", "activiteiten"),
        "deelnemers": later_number(sum(counted)) if counted else "",
        "geteld": later_number(len(counted)),
        "platforms": per_platform,
        "geld": {
            "posten": _money_rows(y, _verbinder(ctx)),
            "begroot": later_euro(y.budget) if y.budget is not None else NONE,
            "besteed": later_euro(y.spent),
            "verschil": (
                later_euro(round(y.budget - y.spent, 2)) if y.budget is not None else NONE
            ),
            "heeft_begroting": y.budget is not None,
            "inkomsten": [
                {"van": src, "bedrag": later_euro(v)} for src, v in y.received.items()
            ],
            "ontvangen": later_euro(y.income),
            "saldo": later_euro(round(y.income - y.spent, 2)),
        },
        "missie": str(answer(project, "verbinden.missie") or ""),
        "aanmeldingen": _signups(project, year, common_data(ctx)["land"]["woorden"]),
    }


def prepare_account(ctx: Context) -> Prepared:
    """The verantwoording of one year for the penvoerder and the gemeente: money against the
    budget, what came in, activities, reach and results against the mission."""
    project = ctx.project
    day = document_date(project)
    year = _report_year(project, day)
    if not project.money and not _activities(project, year, day):
        raise NotReady(
            f"{ACCOUNT_TITLE}: er is nog niets om te verantwoorden. Leg uitgaven vast met "
            "gzctl geld uitgave en activiteiten met gzctl activity add."
        )
    base = common_data(ctx)
    title = f"{ACCOUNT_TITLE} {year}"
    penvoerder = str(answer(project, "organiseren.penvoerder") or "")
    data = {
        **base,
        "titel": title,
        "penvoerder": penvoerder,
        "resultaten": year_results(ctx, year, day),
        "gemaakt": later_short_date(day),
    }
    stem = f"verantwoording-{year}"
    return Prepared("verantwoording", title, (Output(stem, "verantwoording", data, title),))


def prepare_renewal(ctx: Context) -> Prepared:
    """The request to the municipality to go on after the first term, with the year's
    results: the same yearly figure as the first request (or the difference said)."""
    from gzctl.documents.regie import request_instead

    project = ctx.project
    request_instead(ctx, RENEWAL_TITLE)  # a lokaal bestuur that holds the regie: the nota
    applicant = answer(project, money.APPLICANT)
    if not applicant:
        from gzctl.documents.base import missing_answer

        raise missing_answer(ctx.playbook, money.APPLICANT, RENEWAL_TITLE)
    per_year = money.yearly_budget(project)
    if per_year is None:
        from gzctl.documents.base import missing_answer

        raise missing_answer(ctx.playbook, "organiseren.uren", RENEWAL_TITLE)
    day = document_date(project)
    years = money.request_years(project)
    if years[0] > day.year:
        raise NotReady(
            f"{RENEWAL_TITLE}: de eerste periode ({years[0]}) is nog niet begonnen. Een "
            "verlenging vraag je aan als het netwerk een jaar met steun heeft gedraaid."
        )
    year = _report_year(project, day)
    base = common_data(ctx)
    words = document_words(ctx.playbook)["land"]
    term = len(years)
    first_new = years[-1] + 1
    period = f"{first_new}" if term == 1 else f"{first_new}–{first_new + term - 1}"
    # the same yearly figure as the first request asked (the typed total, else the costs)
    total = money.asked_per_year(project) or round(sum(per_year.values()), 2)
    municipality = project.village.municipality or base["dorp"]["naam"]
    recipient = [f"{str(words.get('gemeente', 'gemeente')).capitalize()} {municipality}",
                 f"t.a.v. {words.get('college', 'het college')}"]  # fmt: skip
    gemeente = next((o for o in project.organisations if confirmed_type(o) == "gemeente"), None)
    if gemeente is not None and gemeente.address and gemeente.place:
        recipient += [gemeente.address, f"{gemeente.postcode} {gemeente.place}".strip()]
    subject = later_text("Verlenging van de steun voor {}", base["netwerk"]["naam"])
    letter = letter_base(ctx, subject)
    data = {
        **base,
        **letter,
        "titel": RENEWAL_TITLE,
        "ontvanger": recipient,
        "aanhef": "Geacht college,",
        "penvoerder": str(applicant),
        "periode": period,
        "sinds": years[0],
        "per_jaar": later_euro(total),
        "totaal": later_euro(total * term),
        "looptijd": "één jaar" if term == 1 else f"{term} jaar",
        "resultaten": year_results(ctx, year, day),
    }
    return Prepared(
        "verlengingsaanvraag",
        RENEWAL_TITLE,
        (Output("verlengingsaanvraag", "verlengingsaanvraag", data, RENEWAL_TITLE),),
    )


def _platform_cost(project: Project, platform_id: str, day: dt.date, share: float) -> float:
    """What a platform's activities cost in the last twelve months, else its share of the
    yearly activity budget."""
    since = day - dt.timedelta(days=365)
    spent = sum(
        m.amount for m in project.money
        if m.kind == money.SPENT and m.platform == platform_id and since < m.date <= day
    )  # fmt: skip
    return round(max(spent, share), 2)


def prepare_fund_requests(ctx: Context) -> Prepared:
    """One short request per running platform to the fund that fits it best, with the other
    funds that fit listed for the initiators (funds pay activities, never the salary)."""
    from gzctl.core.country import for_playbook
    from gzctl.network import platforms as pf

    project = ctx.project
    running = [p for p in project.platforms if p.status in STARTED]
    if not running:
        raise NotReady(
            f"{FUND_TITLE}: er is nog geen platform dat loopt. Start er een met gzctl "
            "platform add. Zet het daarna op actief: gzctl platform status ID actief."
        )
    funds = money.load_funds(for_playbook(ctx.playbook).source)
    if not funds:
        raise NotReady(f"{FUND_TITLE}: voor dit land staan nog geen fondsen in gzctl.")
    catalogue = pf.load_catalogue(ctx.playbook)
    day = document_date(project)
    base = common_data(ctx)
    budget = money.yearly_budget(project)
    share = (budget["activiteiten"] if budget else 0.0) / max(1, len(running))
    penvoerder = str(answer(project, money.APPLICANT) or "")
    names = {o.id: o.name for o in project.organisations}
    taken: set[str] = set()
    outputs = []
    for p in running:
        ptype = catalogue.get(p.template) if p.template else None
        fitting = money.funds_for(funds, list(ptype.target_groups) if ptype else [])
        fund = fitting[0] if fitting else funds[0]
        cost = _platform_cost(project, p.id, day, share)
        planned = [a for a in project.activities if a.platform == p.id and a.start.date() > day]
        year_ago = day - dt.timedelta(days=365)
        held = [a for a in project.activities
                if a.platform == p.id and year_ago < a.start.date() <= day]  # fmt: skip
        counted = [a.participants for a in held if a.participants is not None]
        letter = letter_base(ctx, later_text("Aanvraag voor {}", p.title))
        data = {
            **base,
            **letter,
            "titel": f"{FUND_TITLE}: {p.title}",
            "fonds": {"naam": fund.name, "betaalt": fund.pays, "niet": fund.not_for,
                      "wanneer": fund.when, "link": fund.link},  # fmt: skip
            "andere_fondsen": [
                {"naam": f.name, "link": f.link, "wanneer": f.when}
                for f in fitting if f.id != fund.id
            ],
            "platform": {
                "titel": p.title,
                "doel": p.aim or (ptype.aim if ptype else ""),
                "leden": join_dutch(names.get(m, m) for m in p.members),
                "aantal_leden": later_number(len(p.members)),
                "trekker": names.get(p.trekker, ""),
            },
            "gehouden": _count(len(held), "activiteit", "activiteiten"),
            "deelnemers": later_number(sum(counted)) if counted else "",
            "gepland": [{"titel": a.title, "datum": later_short_date(a.start.date())}
                        for a in planned[:5]],  # fmt: skip
            "bedrag": later_euro(cost),
            "berekening": (
                "wat de activiteiten van het platform het afgelopen jaar kostten"
                if cost > round(share, 2)
                else "het deel van dit platform in het activiteitenbudget van het netwerk"
            ),
            "penvoerder": penvoerder,
        }
        stem = safe_stem(p.id, taken)  # the id, as the platform plan: stable when renamed
        outputs.append(Output(f"fondsaanvraag/{stem}", "fondsaanvraag", data,
                              f"{FUND_TITLE} — {p.title}"))  # fmt: skip
    warnings: tuple[str, ...] = ()
    if not penvoerder:
        warnings = (
            f"{FUND_TITLE}: er is nog geen penvoerder; een fonds geeft geld aan een stichting of "
            "vereniging. Beantwoord de vraag in de wizard (stap organiseren).",
        )
    return Prepared("fondsaanvraag", FUND_TITLE, tuple(outputs), warnings)


PREPARERS = {
    "verantwoording": prepare_account,
    "verlengingsaanvraag": prepare_renewal,
    "fondsaanvraag": prepare_fund_requests,
}
