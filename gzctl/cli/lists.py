"""The list commands (``gzctl org list``, ``place list``, ``platform list``, ``activity list``,
``docs list``): everyday commands, answered by the fast route in gzctl/__main__.py as well as by
typer, so this module must not import typer (their options are declared in
gzctl/cli/commands.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gzctl.cli import common
from gzctl.core import runtime
from gzctl.network.when import when_text as when_text  # the rooms say lists.when_text


def show_table(
    columns: list[Any], rows: Sequence[Sequence[str]], title: int = 0, stream: Any = None
) -> None:
    """Print a width-aware plain-text table (gzctl/cli/table.py) on stdout."""
    from gzctl.cli.table import render, terminal_width

    st = common.style()

    def paint(name: str, text: str) -> str:
        return str(getattr(st, name)(text)) if name else text

    common.say(render(columns, rows, terminal_width(stream), paint, title))


def console() -> Any:
    """Rich output for the rooms' other views (show, coverage), wrapped at the terminal a
    person reads it on (also through ``| less``: cli/table.terminal_width); in a file or
    pipe with no terminal, lines are not wrapped at 80 columns. The lists here print plain
    text."""
    import sys

    from gzctl.cli.table import terminal_width

    person = any(s.isatty() for s in (sys.stdout, sys.stderr))
    return common.console(highlight=False, width=(terminal_width() if person else None) or 200)


def number(n: int | None) -> str:
    """An integer with Dutch thousands dots (``1.800``); empty for None."""
    if n is None:
        return ""
    if -1000 < n < 1000:
        return str(n)
    return f"{n:,}".replace(",", ".")


def org_list(
    ctx: Any,
    sector: str | None = None,
    type_: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    geraden: bool = False,
    json: bool = False,
) -> None:
    """`gzctl org list`: lists the organisations, filtered (``--geraden``: only those whose
    type is a guess from the name)."""
    from gzctl.network import inventory as inv

    opened = common.open_project(ctx)
    catalogue = inv.load_catalogue(opened.playbook)
    orgs = inv.filter_orgs(opened.project, catalogue, sector, type_, status, kind)
    if geraden:
        orgs = [o for o in orgs if o.type_guessed]
    if json:
        common.print_json([inv.as_json(o) for o in orgs])
        return
    if not opened.project.organisations:
        common.say(
            "Er staan nog geen organisaties op de lijst. Begin met: gzctl "
            'org add "Naam" of gzctl org import lijst.csv'
        )
        return
    if not orgs:
        common.say("Geen organisaties die aan deze filters voldoen.")
        return
    from gzctl.cli.table import Column

    columns = [
        Column("Id", wrap=False, style="cyan"),
        Column("Naam"),
        Column("Type", drop=0 if geraden else 2),  # a guess from the name ends in "?"
        Column("Soort", drop=6),
        Column("Sectoren", drop=3),
        Column("Doelgr.", drop=4),
        Column("Achterban", right=True, drop=5, wrap=False),
        Column("Status", drop=1, wrap=False),
    ]
    show_table(columns, _org_rows(orgs), title=1)
    total = len(opened.project.organisations)
    shown = f"{len(orgs)} van {total}" if len(orgs) != total else str(total)
    noun = "organisatie" if total == 1 and len(orgs) == 1 else "organisaties"
    common.say(common.style().dim(f"{shown} {noun}"))
    guesses = sum(1 for o in orgs if o.type_guessed)
    if guesses:
        from gzctl.cli.table import terminal_width, wrap

        one = guesses == 1
        text = (
            f"{guesses} {'type is' if one else 'typen zijn'} geraden aan de naam (Type met ?; "
            f"zie gzctl org list --geraden) en {'telt' if one else 'tellen'} niet voor de aanhef "
            "van een brief of de kaart 'Wie kan ik bellen?'. Klopt het: gzctl org bevestig "
            "ID... (zonder id: alle); anders: gzctl org edit ID --type TYPE"
        )
        common.say(common.style().dim("\n".join(wrap(text, terminal_width()))))


def _org_rows(orgs: list[Any]) -> list[tuple[str, ...]]:
    """The cells of ``org list``, built column by column in C (50,000 organisations): id,
    name, type (with ? when guessed), kind, sectors, target groups, achterban, status."""
    from operator import add, attrgetter

    def column(name: str) -> Any:
        return map(attrgetter(name), orgs)

    guessed = map({True: "?", False: ""}.__getitem__, column("type_guessed"))
    return list(
        zip(
            column("id"),
            column("name"),
            map(add, column("type"), guessed),
            column("kind"),
            map(", ".join, column("sectors")),
            map(" ".join, column("target_groups")),
            map(number, column("reach")),
            column("status"),
            strict=True,
        )
    )


def place_list(ctx: Any, json: bool = False) -> None:
    """`gzctl place list`: lists the places, ranked by their scores."""
    from gzctl.network import places as pl
    from gzctl.network.criteria import load_criteria

    opened = common.open_project(ctx)
    crit = load_criteria()
    rows = pl.rank(opened.project, crit)
    if json:
        common.print_json(
            {
                "criteria": [
                    {"id": c.id, "label": c.label, "weight": w}
                    for c, w in zip(
                        crit.place, pl.weights(opened.project, crit).values(), strict=True
                    )
                ],
                "required": list(pl.required(opened.project, crit)),
                "chosen": opened.project.meeting_place.chosen or None,
                "places": [pl.ranked_json(r) for r in rows],
            }
        )
        return
    if not rows:
        common.say(
            "Er staan nog geen plekken op de lijst. Begin met: gzctl place "
            'add "Dorpshuis De Schakel" --toegang drempelvrij,toilet'
        )
        return
    from gzctl.cli.table import fit, terminal_width

    common.say(fit(pl.ranking_text(rows), terminal_width()))


def platform_list(ctx: Any, json: bool = False) -> None:
    """`gzctl platform list`: lists the platforms."""
    from gzctl.network import platforms as pf

    opened = common.open_project(ctx)
    project = opened.project
    if json:
        common.print_json([pf.platform_json(project, p) for p in project.platforms])
        return
    if not project.platforms:
        common.say(
            "Nog geen platforms. Kijk welke passen: gzctl platform suggest"
        )
        return
    from gzctl.cli.table import Column

    columns = [
        Column("Id", wrap=False, style="cyan"),
        Column("Platform"),
        Column("Status", drop=1),
        Column("Leden", right=True, wrap=False, drop=3),
        Column("Trekker", drop=2),
        Column("Stappen", right=True, wrap=False, drop=4),
        Column("Activiteiten", right=True, wrap=False, drop=5),
    ]
    names = {o.id: o.name for o in project.organisations}
    rows = []
    for p in project.platforms:
        data = pf.platform_json(project, p)
        rows.append(
            [
                p.id,
                p.title,
                p.status,
                str(len(p.members)),
                names.get(p.trekker, p.trekker),
                f"{data['tasks_done']}/{data['tasks_total']}",
                str(data["activities"]),
            ]
        )
    show_table(columns, rows, title=1)


def activity_list(
    ctx: Any, wanneer: str | None = None, platform: str | None = None, json: bool = False
) -> None:
    """`gzctl activity list`: lists the activities, filtered."""
    from gzctl.network import platforms as pf

    opened = common.open_project(ctx)
    project = opened.project
    items = pf.filter_activities(project, platform or "", wanneer or "", runtime.today())
    if json:
        from gzctl.core.country import for_playbook

        timezone = for_playbook(opened.playbook).timezone
        common.print_json([pf.activity_json(project, a, timezone) for a in items])
        return
    if not items:
        common.say(
            "Geen activiteiten."
            if project.activities
            else "Nog geen activiteiten. Plan er een: gzctl activity add "
            '"Wandeling" --datum 12-04-2027 --tijd 10:00'
        )
        return
    from gzctl.cli.table import Column

    columns = [
        Column("Id", wrap=False, style="cyan", drop=4),
        Column("Wanneer"),
        Column("Activiteit"),
        Column("Plek", drop=2),
        Column("Platform", drop=3),
        Column("Verwacht", right=True, wrap=False, drop=5),
        Column("Kwamen", right=True, wrap=False, drop=6),
    ]
    titles = {p.id: p.title for p in project.platforms}
    rows = [
        [
            a.id, when_text(a), a.title, a.place, titles.get(a.platform, a.platform),
            "" if a.expected is None else str(a.expected),
            "" if a.participants is None else str(a.participants),
        ]
        for a in items
    ]  # fmt: skip
    show_table(columns, rows, title=2)


def docs_list(ctx: Any, json: bool = False) -> None:
    """`gzctl docs list`: lists the documents and their state."""
    from gzctl import documents as docs

    opened = common.open_project(ctx)
    states = docs.list_documents(opened.folder, opened.project, opened.playbook, runtime.today())
    if json:
        common.print_json(
            {
                "folder": str(opened.folder / docs.OUTPUT_DIR),
                "documents": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "description": s.description,
                        "state": s.state,
                        "detail": s.detail,
                        "files": list(s.files),
                    }
                    for s in states
                ],
            }
        )
        return
    from gzctl.cli.table import Column

    columns = [Column("Document", wrap=False, style="bold"), Column("Titel"),
               Column("Waarvoor", drop=1), Column("Stand")]  # fmt: skip
    rows = []
    for s in states:
        stand = docs.STATE_WORDS[s.state]
        if s.detail:
            stand += f" ({s.detail})" if s.state != "niet-klaar" else f": {s.detail}"
        rows.append([s.id, s.title, s.description, stand])
    show_table(columns, rows, title=1)
    common.say("")
    from gzctl.cli.table import fit, terminal_width

    common.say(
        fit("Maken of bijwerken: gzctl docs build   ·   één document: --only NAAM",
            terminal_width())
    )  # fmt: skip
