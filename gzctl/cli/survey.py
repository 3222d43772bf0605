"""gzctl peiling vragen / ronde / tel / uitslag: the residents' survey, counts only."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["peiling"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.SURVEY_COMMANDS[name])


MomentArg = Annotated[
    str, common.Argument(metavar="MOMENT", help="start, 12 of 18 (maanden na de start).")
]


def _values(opened: Any) -> dict[str, str]:
    from gzctl.network.summaries import chosen_place

    project = opened.project
    village = project.village.name or "het dorp"
    network = project.answers.get("verbinden.netwerknaam") or f"het netwerk in {village}"
    place = chosen_place(project)
    from gzctl.core.country import for_playbook

    return {"dorp": village, "netwerk": str(network),
            "plek": place.name if place is not None else "het dorpshuis",
            "inwoners": for_playbook(opened.playbook).words["inwoners"]}  # fmt: skip


@app.command("vragen", **_kw("vragen"))
def questions(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """gzctl peiling vragen: the questions, numbered, as text for a web form."""
    from gzctl.network import survey

    opened = common.open_project(ctx)
    s = survey.load_survey()
    values = _values(opened)
    if json:
        common.print_json([
            {"number": n, "id": q.id, "question": survey.fill(q.text, values),
             "answers": list(q.answers), "extra": q.extra}
            for n, q in enumerate(s.questions, 1)
        ])  # fmt: skip
        return
    lines = [survey.fill(s.title, values), "", survey.fill(s.intro, values), ""]
    for n, q in enumerate(s.questions, 1):
        extra = " (mag je weglaten)" if q.extra else ""
        lines.append(f"{n}. {survey.fill(q.text, values)}{extra}")
        lines += [f"   ( ) {a}" for a in q.answers]
        lines.append("")
    lines.append(survey.fill(s.hand_in, values))
    common.say("\n".join(lines))  # say fits it to the terminal, numbers hang


@app.command("ronde", **_kw("ronde"))
def new_round(
    ctx: common.Context,
    moment: MomentArg,
    datum: Annotated[
        str, common.Option("--datum", metavar="DATUM", help="Wanneer de peiling werd gehouden.")
    ],
    ingevuld: Annotated[
        int, common.Option("--ingevuld", metavar="AANTAL", help="Hoeveel mensen invulden.", min=1)
    ],
) -> None:
    """gzctl peiling ronde: start a round (or change its date and number)."""
    from gzctl.core.dutch import parse_date
    from gzctl.network import survey
    from gzctl.ops.survey import set_round

    r = set_round(common.open_project(ctx), moment, parse_date(datum), ingevuld, who=runtime.who(),
                  now=runtime.now())  # fmt: skip
    common.say(f"Peiling {survey.MOMENTS[r.id]}: {r.filled} ingevuld. Tel nu per vraag met: "
               f"gzctl peiling tel {r.id.split('-')[0]} NUMMER AANTAL...")  # fmt: skip


@app.command("tel", **_kw("tel"))
def count(
    ctx: common.Context,
    moment: MomentArg,
    vraag: Annotated[str, common.Argument(metavar="NUMMER", help="De vraag (zie peiling vragen).")],
    aantallen: Annotated[
        list[str],
        common.Argument(metavar="AANTAL...", help="Per antwoord hoeveel mensen het gaven."),
    ],
) -> None:
    """gzctl peiling tel: how many gave each answer to one question."""
    from gzctl.core.errors import UsageProblem
    from gzctl.ops.survey import set_counts

    numbers = []
    for raw in aantallen:
        if not raw.strip().isdigit():
            raise UsageProblem(f"'{raw}' is geen aantal; geef hele getallen, zoals 34 12 5.")
        numbers.append(int(raw))
    r, q = set_counts(common.open_project(ctx), moment, vraag, numbers, who=runtime.who(),
                      now=runtime.now())  # fmt: skip
    parts = ", ".join(f"{a}: {n}" for a, n in zip(q.answers, numbers, strict=True))
    common.say(f"Geteld: {q.text} — {parts}.")


@app.command("uitslag", **_kw("uitslag"))
def outcome(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """gzctl peiling uitslag: per question, the share in every round side by side."""
    from gzctl.network import survey

    opened = common.open_project(ctx)
    s = survey.load_survey()
    project = opened.project
    if json:
        common.print_json([survey.round_json(s, r) for r in project.surveys])
        return
    if not project.surveys:
        common.say("Nog geen peiling gehouden. Druk de vragen af met gzctl docs build --only "
                   "peiling, en leg de uitkomst vast met gzctl peiling ronde start --datum "
                   "DATUM --ingevuld AANTAL.")  # fmt: skip
        return
    from gzctl.cli.table import Column, render, terminal_width

    rounds = [r for r in project.surveys if r.id in survey.MOMENTS]
    heads = [survey.MOMENTS[r.id] for r in rounds]
    rows = []
    for row in survey.comparison(s, project):
        cells = [f"{row['percent'][r.id]}%" if row["percent"].get(r.id) is not None else ""
                 for r in rounds]  # fmt: skip
        rows.append([row["summary"], *cells])
    columns = [Column("Van wie invulden ...")] + [Column(h, right=True, wrap=False) for h in heads]
    filled = ", ".join(f"{survey.MOMENTS[r.id]} {r.filled}" for r in rounds)
    common.say(render(columns, rows, terminal_width()) + f"\n\nIngevuld: {filled}.")
