"""gzctl coordinator profile / candidate add|list|show|score|forget / appoint."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime
from gzctl.core.errors import UsageProblem
from gzctl.core.words import count
from gzctl.network import coordinator as co
from gzctl.network.criteria import (
    Criteria,
    load_criteria,
    number_nl,
    parse_pairs,
)

app = common.group(texts.COMMANDS["coordinator"])
candidate_app = common.group(texts.COORDINATOR_COMMANDS["candidate"])
app.add_typer(candidate_app, name="candidate")

IdArg = Annotated[str, common.Argument(metavar="ID", help="Het id (kandidaat-1) of de naam.")]


def _crit() -> Criteria:
    return load_criteria()


def _dec(value: float | None, places: int = 1) -> str:
    """4.0 -> '4,0', 3.5 -> '3,5': scores on one footing."""
    return "-" if value is None else f"{value:.{places}f}".replace(".", ",")


def _euro(amount: float | None) -> str:
    return "-" if amount is None else f"€ {number_nl(round(amount, 2), 2)}"


@app.command("profile", **common.command_kwargs(texts.COORDINATOR_COMMANDS["profile"]))
def profile(
    ctx: common.Context,
    uren: Annotated[
        str | None, common.Option("--uren", metavar="UREN", help="Uren per week.")
    ] = None,
    werkgever: Annotated[
        str | None,
        common.Option(
            "--werkgever",
            metavar="WERKGEVER",
            help="gemeente, welzijnsorganisatie, stichting of anders.",
        ),
    ] = None,
    financiering: Annotated[
        list[str] | None,
        common.Option(
            "--financiering",
            metavar="BRON",
            help="Geldbron(nen), zoals in de wizard; herhaal de optie.",
        ),
    ] = None,
    kosten: Annotated[
        str | None,
        common.Option(
            "--kosten-per-uur",
            metavar="BEDRAG",
            help="Wat een uur de werkgever kost (loon en lasten).",
        ),
    ] = None,
    weken: Annotated[
        str | None,
        common.Option("--weken", metavar="WEKEN", help="Betaalde weken per jaar (standaard 52)."),
    ] = None,
    activiteiten: Annotated[
        str | None,
        common.Option("--activiteiten", metavar="BEDRAG", help="Activiteitenbudget per jaar."),
    ] = None,
    start: Annotated[
        str | None, common.Option("--start", metavar="DATUM", help="Startdatum.")
    ] = None,
    json: common.JsonFlag = False,
) -> None:
    """`gzctl coordinator profile`: prints the coordinator profile and its budget."""
    from gzctl.ops.coordinator import coordinator_profile

    raw: dict[str, Any] = {
        k: v
        for k, v in {
            "hours": uren, "employer": werkgever, "funding": financiering,
            "hourly_cost": kosten, "weeks_per_year": weken, "activity_budget": activiteiten,
            "start": start,
        }.items()
        if v is not None
    }  # fmt: skip
    project = common.open_project(ctx)
    found = coordinator_profile(project, raw, who=runtime.who(), now=runtime.now())
    if found.changed is not None:
        common.note(
            ("Gewijzigd: " + ", ".join(found.changed)) if found.changed else "Niets veranderd."
        )
    data = found.data
    if json:
        common.print_json(data)
        return
    from gzctl.core.country import verbinder

    common.say(profile_text(data, verbinder(project.playbook)))


def profile_text(data: dict[str, Any], title: str = "Coördinator") -> str:
    """The coordinator profile as plain text; ``title``: what the country calls the role."""
    from gzctl.core.questions import format_date

    b = data["budget"]
    lines = [f"Profiel van de {title}", "", "Wie we zoeken:"]
    lines += [f"  • {t}" for t in data["traits"]]
    lines += ["", "Taken:"]
    lines += [f"  • {t}" for t in data["tasks"]]
    hours = data["hours_per_week"]
    start = data["start"]
    import datetime as dt

    lines += [
        "",
        f"  {'Uren per week:':<22}{number_nl(hours) if hours is not None else 'nog niet gekozen'}",
        f"  {'Werkgever:':<22}{data['employer'] or 'nog niet gekozen'}",
        f"  {'Financiering:':<22}{', '.join(data['funding']) or 'nog niet gekozen'}",
        f"  {'Start:':<22}"
        + (format_date(dt.date.fromisoformat(start)) if start else "nog niet bekend"),
        "",
        "Begroting per jaar:",
    ]
    if b["salary"] is not None:
        lines.append(
            f"  {'Loonkosten':<22}{number_nl(hours)} uur x {_euro(b['hourly_cost'])} x "
            f"{b['weeks_per_year']} weken = {_euro(b['salary'])}"
        )
    else:
        lines.append(f"  {'Loonkosten':<22}nog niet te berekenen (uren ontbreken)")
    lines.append(f"  {'Activiteiten':<22}{_euro(b['activities'])}")
    lines.append(f"  {'Totaal':<22}{_euro(b['total'])}")
    if not data["complete"]:
        lines += [
            "",
            "Nog open: uren en werkgever (gzctl coordinator profile --uren 12 --werkgever ...).",
        ]
    return "\n".join(lines)


@app.command("appoint", **common.command_kwargs(texts.COORDINATOR_COMMANDS["appoint"]))
def appoint(ctx: common.Context, cand_id: IdArg) -> None:
    """`gzctl coordinator appoint`: appoints a candidate as coordinator."""
    from gzctl.core.country import verbinder
    from gzctl.ops.coordinator import appoint_coordinator

    project = common.open_project(ctx)
    done = appoint_coordinator(project, cand_id, who=runtime.who(), now=runtime.now())
    common.say(f"{done.candidate.name} is aangesteld als {verbinder(project.playbook)}.")
    if done.others:
        common.note(
            "Wis de andere kandidaten als de selectie voorbij is: gzctl "
            "coordinator candidate forget ID --yes (" + ", ".join(done.others) + ")"
        )


# ----------------------------------------------------------------------------- candidates


def _ckw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.CANDIDATE_COMMANDS[name])


@candidate_app.command("add", **_ckw("add"))
def candidate_add(
    ctx: common.Context,
    name: Annotated[str, common.Argument(metavar="NAAM", help="Naam van de kandidaat.")],
    email: Annotated[
        str, common.Option("--email", metavar="E-MAIL", help="Om te kunnen reageren.")
    ] = "",
    telefoon: Annotated[str, common.Option("--telefoon", metavar="NUMMER", help="Telefoon.")] = "",
    woont: Annotated[
        bool | None,
        common.Option("--woont-in-dorp/--woont-elders", help="Woont de kandidaat in het dorp?"),
    ] = None,
    notitie: Annotated[
        str, common.Option("--notitie", metavar="TEKST", help="Alleen wat de selectie nodig heeft.")
    ] = "",
) -> None:
    """`gzctl coordinator candidate add`: adds a candidate."""
    from gzctl.ops.coordinator import add_candidate

    cand = add_candidate(
        common.open_project(ctx), name, email=email, phone=telefoon, lives_in_village=woont,
        notes=notitie, who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    common.say(f"Kandidaat toegevoegd: {cand.name}. Id: {cand.id}")


@candidate_app.command("list", **_ckw("list"))
def candidate_list(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """`gzctl coordinator candidate list`: lists the candidates with their scores."""
    opened = common.open_project(ctx)
    crit = _crit()
    project = opened.project
    cands = project.coordinator.candidates
    if json:
        common.print_json(
            [co.candidate_json(c, crit, c.id == project.coordinator.appointed) for c in cands]
        )
        return
    if not cands:
        common.say('Nog geen kandidaten. Voeg er een toe: gzctl coordinator candidate add "Naam"')
        return
    width = max(len(c.name) for c in cands)
    lines = []
    for c in cands:
        card = co.scorecard(c, crit)
        total = _dec(card.total)
        where = {True: "woont in het dorp", False: "woont elders", None: ""}[c.lives_in_village]
        extra = "  ✓ aangesteld" if c.id == project.coordinator.appointed else ""
        flag = "  ! onenigheid: " + ", ".join(card.disagreements) if card.disagreements else ""
        lines.append(
            f"{c.id:<13} {c.name:<{width}}  gemiddeld {total:<5} "
            f"({count(len(card.assessors), 'beoordelaar', 'beoordelaars')})  {where}{extra}{flag}"
        )
    common.say("\n".join(lines))


@candidate_app.command("show", **_ckw("show"))
def candidate_show(ctx: common.Context, cand_id: IdArg, json: common.JsonFlag = False) -> None:
    """`gzctl coordinator candidate show`: prints one candidate's scorecard."""
    opened = common.open_project(ctx)
    crit = _crit()
    cand = co.find(opened.project, cand_id)
    card = co.scorecard(cand, crit)
    if json:
        is_app = cand.id == opened.project.coordinator.appointed
        common.print_json(
            {**co.candidate_json(cand, crit, is_app), "scorecard": co.scorecard_json(card)}
        )
        return
    common.say(scorecard_text(card))


def scorecard_text(card: co.Scorecard) -> str:
    """A candidate's scorecard as plain text."""
    cand = card.candidate
    lines = [f"{cand.name} ({cand.id})"]
    contact = ", ".join(x for x in (cand.email, cand.phone) if x)
    if contact:
        lines.append(f"  {contact}")
    if cand.lives_in_village is not None:
        lines.append("  woont in het dorp" if cand.lives_in_village else "  woont niet in het dorp")
    lines.append("")
    if not card.assessors:
        lines.append("Nog geen scores. Vul de scorekaart in: gzctl coordinator candidate score ID")
        return "\n".join(lines)
    heads = "  ".join(f"{a[:10]:>10}" for a in card.assessors)
    lines.append(f"  {'Criterium':<26}{heads}  {'gem.':>5}  {'spr.':>4}")
    for r in card.rows:
        cells = "  ".join(f"{r.scores.get(a, '-')!s:>10}" for a in card.assessors)
        avg = _dec(r.average)
        spread = str(r.spread) if r.spread is not None else "-"
        flag = "  ! grote onenigheid" if r.disagreement else ""
        lines.append(f"  {r.label:<26}{cells}  {avg:>5}  {spread:>4}{flag}")
    total = _dec(card.total) if card.total is not None else "nog niet compleet"
    lines += ["", f"  Gewogen gemiddelde: {total} (van 5)"]
    if card.disagreements:
        lines.append("  Praat eerst over: " + ", ".join(card.disagreements))
    if cand.notes:
        lines += ["", *[f"  {line}" for line in cand.notes.splitlines()]]
    return "\n".join(lines)


@candidate_app.command("score", **_ckw("score"))
def candidate_score(
    ctx: common.Context,
    cand_id: IdArg,
    pairs: Annotated[
        list[str] | None,
        common.Argument(
            metavar="CRITERIUM=SCORE", help="Bijvoorbeeld verbinden=4 brug=3 (1 tot 5)."
        ),
    ] = None,
    beoordelaar: Annotated[
        str | None,
        common.Option("--beoordelaar", metavar="NAAM", help="Wie beoordeelt (standaard: jij)."),
    ] = None,
) -> None:
    """`gzctl coordinator candidate score`: records scores for a candidate."""
    opened = common.open_project(ctx)
    crit = _crit()
    cand = co.find(opened.project, cand_id)
    assessor = beoordelaar or runtime.who()
    shown: dict[str, int] | None = None
    if pairs:
        scores = parse_pairs(pairs, crit.coordinator)
    else:
        if not runtime.stdin_is_terminal():
            ids = " ".join(f"{c.id}=N" for c in crit.coordinator)
            raise UsageProblem(f"Geef de scores: gzctl coordinator candidate score {cand.id} {ids}")
        from gzctl.wizard.places import ask_scores

        shown = dict(cand.scores.get(assessor, {}))
        scores = ask_scores(crit.coordinator, shown, f"Scorekaart van {assessor}")
    from gzctl.ops.coordinator import score_candidate

    # with scores asked in a terminal, only the ones the user changed are saved (see place score)
    done = score_candidate(
        opened, cand.id, assessor, scores, shown=shown, who=runtime.who(), now=runtime.now()
    )
    card = done.card
    criteria = count(done.scored, "criterium", "criteria")
    common.say(f"Scorekaart van {assessor} bewaard ({criteria}).")
    if card.disagreements:
        common.note("Grote onenigheid over: " + ", ".join(card.disagreements))


@candidate_app.command("forget", **_ckw("forget"))
def candidate_forget(
    ctx: common.Context,
    cand_id: IdArg,
    yes: Annotated[
        bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")
    ] = False,
) -> None:
    """`gzctl coordinator candidate forget`: removes a candidate's data after confirmation."""
    from gzctl.cli.confirm import confirmed
    from gzctl.ops import privacy as ops

    opened = common.open_project(ctx)
    if not confirmed(ops.ask_forget_candidate(opened, cand_id), yes):
        return
    done = ops.forget_candidate(opened, cand_id, who=runtime.who(), now=runtime.now())
    lines = count(done.history, "regel", "regels")
    common.say(f"Gewist: de kandidaat en {lines} in de geschiedenis.")
    for rel in done.removed:
        common.say(f"  verwijderd: documenten/{rel} (maak opnieuw met gzctl docs build)")
    for rel in done.kept:
        common.say(f"  met de hand bewerkt en noemt de kandidaat nog: documenten/{rel}")
    common.note(done.git_note)
