"""Who holds the regie decides the money route (Flanders): when the lokaal bestuur holds the
regie over buurtgerichte zorg or employs the buurtzorgregisseur, the funding document is a
nota aan het college (a proposal for an action in the meerjarenplan), not a subsidy request.
Template: templates/nota-college.md.j2.

The route is data: a playbook that lists a ``nota-college`` document has this choice; one
that does not (the Dutch one) always asks for a subsidy.
"""

from __future__ import annotations

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
    later_euro,
    later_number,
    later_short_date,
    missing_answer,
)

NOTE = "nota-college"
NOTE_TITLE = "Nota aan het college"
REGIE = "verkennen.regiehouder"
EMPLOYER = "organiseren.werkgever"
HOURS = "organiseren.uren"
BESTUUR_REGIE = "Het lokaal bestuur zelf"
BESTUUR_EMPLOYER = "lokaal bestuur"


def bestuur_holds(project: Project) -> bool:
    """Whether the lokaal bestuur holds the regie itself or employs the regisseur."""
    regie, employer = answer(project, REGIE), answer(project, EMPLOYER)
    return bool(regie == BESTUUR_REGIE or employer == BESTUUR_EMPLOYER)


def request_instead(ctx: Context, title: str) -> None:
    """Refuse a subsidy request where the playbook knows the nota and the bestuur holds the
    regie: it does not pay itself a subsidy (NotReady naming the document to make)."""
    if any(d.id == NOTE for d in ctx.playbook.documents) and bestuur_holds(ctx.project):
        raise NotReady(
            f"{title}: het lokaal bestuur voert zelf de regie of is de werkgever; het vraagt "
            "zichzelf geen subsidie. Maak de nota aan het college voor een actie in het "
            f"meerjarenplan: gzctl docs build --only {NOTE}"
        )


def prepare_note(ctx: Context) -> Prepared:
    """The nota aan het college: the proposal to take up an action in the meerjarenplan
    (beleidsdoelstelling, actieplan, actie), the budget per year, recruitment through the
    bestuur, prepared with the welzijnscoördinator."""
    project = ctx.project
    if not bestuur_holds(project):
        raise NotReady(
            f"{NOTE_TITLE}: de regie ligt niet bij het lokaal bestuur zelf (antwoord op 'Wie "
            "voert de regie?' en 'Wie wordt de werkgever?'). Vraag de steun dan aan met de "
            "subsidieaanvraag of een samenwerkingsovereenkomst: gzctl docs build --only "
            "subsidieaanvraag"
        )
    if not answer(project, HOURS):
        raise missing_answer(ctx.playbook, HOURS, NOTE_TITLE)
    from gzctl.network.coordinator import budget
    from gzctl.network.criteria import load_criteria
    from gzctl.network.participation import participation, participation_text

    b = budget(project, load_criteria())
    assert b.salary is not None and b.total is not None  # the hours are known
    base = common_data(ctx)
    start = project.coordinator.start
    data: dict[str, Any] = {
        **base,
        "buurt": base["dorp"]["naam"],
        "gemeente_naam": project.village.municipality or base["dorp"]["naam"],
        "uren": later_number(b.hours or 0),
        "loon": later_euro(b.salary),
        "werking": later_euro(b.activities),
        "totaal": later_euro(b.total),
        "start": later_short_date(start) if start else "",
        "werkgever_is_bestuur": answer(project, EMPLOYER) == BESTUUR_EMPLOYER,
        "datum": later_short_date(document_date(project)),
        "regie_zelf": answer(project, REGIE) == BESTUUR_REGIE,
        "deelname": participation_text(participation(project)),
    }
    return Prepared(NOTE, NOTE_TITLE, (Output(NOTE, NOTE, data, NOTE_TITLE),))


PREPARERS = {NOTE: prepare_note}
