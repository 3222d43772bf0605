"""gzctl place add / list / show / edit / remove / score / criteria / choose."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime
from gzctl.core.errors import UsageProblem
from gzctl.network import places as pl
from gzctl.network.criteria import (
    Criteria,
    load_criteria,
    number_nl,
    parse_pairs,
)

app = common.group(texts.COMMANDS["place"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.PLACE_COMMANDS[name])


IdArg = Annotated[
    str, common.Argument(metavar="ID", help="Het id (zie gzctl place list) of de naam.")
]
Kind = Annotated[
    str | None,
    common.Option(
        "--soort",
        "--kind",
        metavar="SOORT",
        help="dorpshuis, buurthuis, bibliotheek, kerkzaal, school, sportkantine, zorgcentrum, "
        "horeca of anders.",
    ),
]
Address = Annotated[
    str | None, common.Option("--adres", metavar="ADRES", help="Straat, huisnummer en plaats.")
]
Seats = Annotated[
    str | None,
    common.Option("--plaatsen", metavar="AANTAL", help="Hoeveel mensen er kunnen zitten."),
]
Rent = Annotated[
    str | None,
    common.Option("--huur", metavar="BEDRAG", help="Huur per avond in euro (45 of 45,50)."),
]
Evenings = Annotated[
    list[str] | None,
    common.Option(
        "--avonden", metavar="DAGEN", help="Vrije avonden: ma, di, wo, do, vr, za, zo (komma's)."
    ),
]
Access = Annotated[
    list[str] | None,
    common.Option(
        "--toegang",
        metavar="KENMERK",
        help="drempelvrij, toilet, lift, ringleiding, parkeren, bushalte (komma's of herhalen).",
    ),
]
Facilities = Annotated[
    list[str] | None,
    common.Option(
        "--voorzieningen", metavar="KENMERK", help="keuken, beamer, zaaltje (komma's of herhalen)."
    ),
]
HomeOf = Annotated[
    str | None,
    common.Option(
        "--thuisbasis",
        metavar="CLUB",
        help="De club of kerk voor wie dit de vaste plek is (dat maakt de plek minder neutraal).",
    ),
]
Notes = Annotated[str | None, common.Option("--notitie", metavar="TEKST", help="Opmerkingen.")]


def _given(**values: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        out[key] = ",".join(value) if isinstance(value, list) else value
    return out


def _crit() -> Criteria:
    return load_criteria()


def _console() -> Any:
    import sys

    return common.console(highlight=False, width=None if sys.stdout.isatty() else 200)


@app.command("add", **_kw("add"))
def add(
    ctx: common.Context,
    name: Annotated[str, common.Argument(metavar="NAAM", help="Naam van de plek.")],
    soort: Kind = None,
    adres: Address = None,
    plaatsen: Seats = None,
    huur: Rent = None,
    avonden: Evenings = None,
    toegang: Access = None,
    voorzieningen: Facilities = None,
    thuisbasis: HomeOf = None,
    notitie: Notes = None,
) -> None:
    """`gzctl place add`: adds a place."""
    opened = common.open_project(ctx)
    raw = _given(
        name=name, kind=soort, address=adres, seats=plaatsen, rent=huur, evenings=avonden,
        access=toegang, facilities=voorzieningen, home_of=thuisbasis, notes=notitie,
    )  # fmt: skip
    from gzctl.ops.places import add_place

    place = add_place(opened, raw, who=runtime.who(), now=runtime.now())
    common.say(f"Toegevoegd: {place.name}. Id: {place.id}")
    common.note(f"Scoren: gzctl place score {place.id}")


common.everyday(app, ("place", "list"), **_kw("list"))


@app.command("show", **_kw("show"))
def show(ctx: common.Context, place_id: IdArg, json: common.JsonFlag = False) -> None:
    """`gzctl place show`: prints one place with its scores."""
    opened = common.open_project(ctx)
    place = pl.find(opened.project, place_id)
    crit = _crit()
    row = next(r for r in pl.rank(opened.project, crit) if r.place.id == place.id)
    if json:
        common.print_json({**pl.as_json(place), **pl.ranked_json(row)})
        return
    rows = [
        ("Id", place.id),
        ("Soort", place.kind),
        ("Adres", place.address),
        ("Plaatsen", str(place.seats) if place.seats is not None else ""),
        ("Huur per avond", f"€ {number_nl(place.rent, 2)}" if place.rent is not None else ""),
        ("Vrije avonden", ", ".join(pl.EVENINGS[d] for d in place.evenings)),
        ("Toegankelijk", ", ".join(crit.feature_label(t) for t in place.access)),
        ("Voorzieningen", ", ".join(crit.feature_label(t) for t in place.facilities)),
        ("Thuisbasis van", place.home_of),
    ]
    lines = [place.name + ("  (gekozen)" if row.chosen else ""), ""]
    lines += [f"  {label + ':':<16}{value}" for label, value in rows if value]
    lines.append("")
    w = pl.weights(opened.project, crit)
    for c in crit.place:
        s = place.scores.get(c.id)
        lines.append(f"  {c.label:<24}{s if s is not None else '-':>2}  × {number_nl(w[c.id])}")
    if row.total is not None:
        lines.append(f"  {'Totaal':<24}{number_nl(row.total)} van {number_nl(row.maximum)}")
    for reason in row.reasons:
        lines.append(f"  {reason}")
    if row.chosen:
        lines.append(f"  Waarom gekozen: {opened.project.meeting_place.reason}")
    if place.notes:
        lines += ["", *[f"  {line}" for line in place.notes.splitlines()]]
    common.say("\n".join(lines))


@app.command("edit", **_kw("edit"))
def edit(
    ctx: common.Context,
    place_id: IdArg,
    naam: Annotated[
        str | None, common.Option("--naam", metavar="NAAM", help="Nieuwe naam.")
    ] = None,
    soort: Kind = None,
    adres: Address = None,
    plaatsen: Seats = None,
    huur: Rent = None,
    avonden: Evenings = None,
    toegang: Access = None,
    voorzieningen: Facilities = None,
    thuisbasis: HomeOf = None,
    notitie: Notes = None,
) -> None:
    """`gzctl place edit`: changes the given fields of a place."""
    opened = common.open_project(ctx)
    raw = _given(
        name=naam, kind=soort, address=adres, seats=plaatsen, rent=huur, evenings=avonden,
        access=toegang, facilities=voorzieningen, home_of=thuisbasis, notes=notitie,
    )  # fmt: skip
    if not raw:
        raise UsageProblem(
            "Geef wat er verandert als optie, bijvoorbeeld: gzctl place edit ID --huur 40 "
            "(zie gzctl place edit --help)."
        )
    from gzctl.ops.places import edit_place

    done = edit_place(opened, place_id, raw, who=runtime.who(), now=runtime.now())
    common.say(
        f"{done.name}: "
        + (f"{', '.join(done.changed)} gewijzigd." if done.changed else "niets veranderd.")
    )


@app.command("remove", **_kw("remove"))
def remove(
    ctx: common.Context,
    place_id: IdArg,
    yes: Annotated[
        bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")
    ] = False,
    ook_verwijzingen: Annotated[
        bool,
        common.Option(
            "--ook-verwijzingen",
            help="Maak ook de plekkeuze ongedaan als dit de gekozen plek is; "
            "vraagt niet om bevestiging.",
        ),
    ] = False,
) -> None:
    """`gzctl place remove`: removes a place after confirmation."""
    from gzctl.cli.confirm import remove_confirmed

    gone = remove_confirmed(
        common.open_project(ctx), "place", place_id, yes, ook_verwijzingen,
        "{name} staat niet meer op de lijst van plekken.",
    )  # fmt: skip
    if gone is not None and gone.was_chosen:
        common.note("Dat was de gekozen plek: er is nu geen plek meer gekozen.")


@app.command("score", **_kw("score"))
def score(
    ctx: common.Context,
    place_id: IdArg,
    pairs: Annotated[
        list[str] | None,
        common.Argument(
            metavar="CRITERIUM=SCORE",
            help="Bijvoorbeeld neutraal=4 kosten=2 (1 slecht, 5 uitstekend). Zonder: gzctl vraagt "
            "per criterium.",
        ),
    ] = None,
) -> None:
    """`gzctl place score`: records scores for a place."""
    opened = common.open_project(ctx)
    crit = _crit()
    place = pl.find(opened.project, place_id)
    shown: dict[str, int] | None = None
    if pairs:
        scores = parse_pairs(pairs, crit.place)
    else:
        if not runtime.stdin_is_terminal():
            ids = " ".join(f"{c.id}=N" for c in crit.place)
            raise UsageProblem(f"Geef de scores: gzctl place score {place.id} {ids}")
        from gzctl.wizard.places import ask_scores

        shown = dict(place.scores)
        scores = ask_scores(crit.place, shown, f"Scores voor {place.name}")
    from gzctl.ops.places import score_place

    # with scores asked in a terminal, only the ones the user changed are saved: one scored
    # elsewhere while the questions were open stays when the user pressed Enter on it
    done = score_place(
        opened, place.id, scores, shown=shown, who=runtime.who(), now=runtime.now()
    )
    place, row = done.place, done.row
    total = (
        f"totaal {number_nl(row.total)} van {number_nl(row.maximum)}"
        if row.total is not None
        else "nog te scoren: " + ", ".join(row.missing)
    )
    common.say(f"{place.name}: {total}.")


@app.command("criteria", **_kw("criteria"))
def criteria(
    ctx: common.Context,
    gewicht: Annotated[
        list[str] | None,
        common.Option("--gewicht", metavar="CRITERIUM=GEWICHT", help="Eigen gewicht (0 tot 10)."),
    ] = None,
    eis: Annotated[
        list[str] | None,
        common.Option(
            "--eis",
            metavar="KENMERK",
            help="Harde eisen (vervangt de lijst): drempelvrij, toilet, ...",
        ),
    ] = None,
    geen_eisen: Annotated[bool, common.Option("--geen-eisen", help="Geen harde eisen.")] = False,
    standaard: Annotated[
        bool,
        common.Option("--standaard", help="Terug naar de gewichten en eisen van het stappenplan."),
    ] = False,
    json: common.JsonFlag = False,
) -> None:
    """`gzctl place criteria`: prints the criteria or sets their weights for this village."""
    from gzctl.ops.places import place_criteria

    found = place_criteria(
        common.open_project(ctx),
        weights=gewicht,
        required=eis,
        no_requirements=geen_eisen,
        reset=standaard,
        who=runtime.who(),
        now=runtime.now(),
    )
    crit, w, need = found.criteria, found.weights, found.required
    if json:
        common.print_json(
            {
                "criteria": [
                    {
                        "id": c.id,
                        "label": c.label,
                        "help": c.help,
                        "weight": w[c.id],
                        "default": c.weight,
                    }
                    for c in crit.place
                ],
                "required": list(need),
            }
        )
        return
    lines = ["Criteria voor de ontmoetingsplek (score 1 tot 5, maal het gewicht):", ""]
    for c in crit.place:
        own = "" if w[c.id] == c.weight else f"  (stappenplan: {number_nl(c.weight)})"
        lines.append(f"  {c.id:<16}{number_nl(w[c.id]):>4}  {c.label}{own}")
        lines.append(f"  {'':<22}{c.help}")
    lines.append("")
    lines.append(
        "Harde eisen: "
        + (", ".join(crit.feature_label(t) for t in need) if need else "geen")
        + " (een plek zonder valt af)"
    )
    common.say("\n".join(lines))


@app.command("choose", **_kw("choose"))
def choose(
    ctx: common.Context,
    place_id: IdArg,
    reden: Annotated[
        str,
        common.Option(
            "--reden",
            "--reason",
            metavar="TEKST",
            help="In een of twee zinnen: waarom is deze plek neutraal en laagdrempelig?",
        ),
    ],
) -> None:
    """`gzctl place choose`: chooses a place, with the reason."""
    from gzctl.ops.places import choose_place

    chosen = choose_place(
        common.open_project(ctx), place_id, reden, who=runtime.who(), now=runtime.now()
    )
    common.say(f"Gekozen: {chosen.place.name}. Waarom: {chosen.reason}")
    if chosen.higher:
        common.note(
            f"Let op: {', '.join(chosen.higher)} scoort hoger; de reden legt uit waarom."
        )
