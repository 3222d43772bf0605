"""The year's results: the residents' survey on paper (peiling) and the year report in two
versions, for the gemeente (jaarverslag: numbers, money, results against the mission) and for
residents (jaarverslag-inwoners: plain words). Templates: templates/peiling.md.j2,
jaarverslag.md.j2 and jaarverslag-inwoners.md.j2.

Every number comes from the data, through the same functions as the verantwoording
(:func:`gzctl.documents.money.year_results`) and ``gzctl peiling uitslag``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.documents.base import (
    Context,
    NotReady,
    Output,
    Prepared,
    answer,
    common_data,
    document_date,
    later_short_date,
)
from gzctl.documents.money import _activities, _report_year, year_results
from gzctl.network import survey
from gzctl.network.participation import STARTED

SURVEY_TITLE = "Peiling onder inwoners"
REPORT_TITLE = "Jaarverslag"
RESIDENTS_TITLE = "Wat het netwerk dit jaar deed"


def _fill_values(ctx: Context, base: dict[str, Any]) -> dict[str, str]:
    from gzctl.network.summaries import chosen_place

    place = chosen_place(ctx.project)
    return {
        "dorp": str(base["dorp"]["naam"]),
        "netwerk": str(base["netwerk"]["naam"]),
        "plek": place.name if place is not None else "het dorpshuis",
        "inwoners": str(base["land"]["woorden"]["inwoners"]),
    }


def prepare_survey(ctx: Context) -> Prepared:
    """The survey to print: title, introduction, the questions with tick boxes, where to
    hand it in. Anonymous: no line for a name."""
    base = common_data(ctx)
    s = survey.load_survey()
    values = _fill_values(ctx, base)
    data = {
        **base,
        "titel": survey.fill(s.title, values),
        "inleiding": survey.fill(s.intro, values),
        "inleveren": survey.fill(s.hand_in, values),
        "vragen": [
            {"nummer": n, "vraag": survey.fill(q.text, values), "antwoorden": list(q.answers),
             "extra": q.extra}
            for n, q in enumerate(s.questions, 1)
        ],
    }  # fmt: skip
    return Prepared("peiling", SURVEY_TITLE, (Output("peiling", "peiling", data, data["titel"]),))


def survey_lines(ctx: Context) -> list[dict[str, Any]]:
    """Per counted question: the summary and the percentage per round, as Dutch text."""
    s = survey.load_survey()
    moments = {r.id: survey.MOMENTS.get(r.id, r.id) for r in ctx.project.surveys}
    out = []
    for row in survey.comparison(s, ctx.project):
        parts = [
            {"moment": moments[m], "procent": f"{p}%"}
            for m, p in row["percent"].items() if p is not None
        ]  # fmt: skip
        if parts:
            out.append({"samenvatting": row["summary"], "rondes": parts,
                        "laatste": parts[-1]["procent"], "eerste": parts[0]})  # fmt: skip
    return out


def _rounds(ctx: Context) -> list[dict[str, Any]]:
    return [
        {"moment": survey.MOMENTS.get(r.id, r.id), "ingevuld": r.filled,
         "datum": later_short_date(r.date) if r.date else ""}
        for r in ctx.project.surveys
    ]  # fmt: skip


def _report_data(ctx: Context, title: str, residents: bool = False) -> dict[str, Any]:
    project = ctx.project
    day = document_date(project)
    year = _report_year(project, day)
    if not _activities(project, year, day) and not project.money and not project.surveys:
        raise NotReady(
            f"{title}: er is nog geen jaar om over te vertellen. Plan activiteiten met gzctl "
            "activity add, leg uitgaven vast met gzctl geld uitgave en houd de peiling "
            "(gzctl peiling)."
        )
    base = common_data(ctx)
    upcoming = [
        a for a in project.activities
        if a.start.date() > day and a.start.date() <= day + dt.timedelta(days=120)
    ]  # fmt: skip
    return {
        **base,
        "titel": f"Wat {base['netwerk']['naam']} in {year} deed" if residents
        else f"{title} {year}",
        "resultaten": year_results(ctx, year, day),
        "peiling": survey_lines(ctx),
        "rondes": _rounds(ctx),
        "platforms_lopend": [p.title for p in project.platforms if p.status in STARTED],
        "komend": [{"titel": a.title, "datum": later_short_date(a.start.date())}
                   for a in upcoming[:6]],  # fmt: skip
        "penvoerder": str(answer(project, "organiseren.penvoerder") or ""),
        "gemaakt": later_short_date(day),
    }


def prepare_report(ctx: Context) -> Prepared:
    """The year report for the gemeente: numbers, money, what residents notice, the mission."""
    data = _report_data(ctx, REPORT_TITLE)
    stem = f"jaarverslag-{data['resultaten']['jaar']}"
    return Prepared("jaarverslag", REPORT_TITLE,
                    (Output(stem, "jaarverslag", data, data["titel"]),))  # fmt: skip


def prepare_residents_report(ctx: Context) -> Prepared:
    """The year report for residents, in plain words (also for the dorpskrant and the site)."""
    data = _report_data(ctx, RESIDENTS_TITLE, residents=True)
    stem = f"jaarverslag-inwoners-{data['resultaten']['jaar']}"
    return Prepared("jaarverslag-inwoners", RESIDENTS_TITLE,
                    (Output(stem, "jaarverslag-inwoners", data, data["titel"]),))  # fmt: skip


PREPARERS = {
    "peiling": prepare_survey,
    "jaarverslag": prepare_report,
    "jaarverslag-inwoners": prepare_residents_report,
}
