"""The list commands (``gzctl org list``, ``place list``, ``platform list``, ``activity list``,
``docs list``): everyday commands, answered by the fast route in gzctl/__main__.py as well as by
typer, so this module must not import typer (their options are declared in
gzctl/cli/commands.py)."""

from __future__ import annotations

from typing import Any

from gzctl.cli import common
from gzctl.core import runtime


def console() -> Any:
    """Rich output; when it goes to a file or pipe, lines are not wrapped at 80 columns."""
    import sys

    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def number(n: int | None) -> str:
    """An integer with Dutch thousands dots (``1.800``); empty for None."""
    return "" if n is None else f"{n:,}".replace(",", ".")


def when_text(a: Any) -> str:
    """An activity's date and time as the lists show it: ``3 dec 2026 19:30–21:00``."""
    from gzctl.core.questions import format_date

    text = f"{format_date(a.start.date())}"
    if a.start.time() != a.start.time().min:
        text += f" {a.start:%H:%M}"
        if a.end is not None:
            text += f"–{a.end:%H:%M}" if a.end.date() == a.start.date() else ""
    return text


def org_list(
    ctx: Any,
    sector: str | None = None,
    type_: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    json: bool = False,
) -> None:
    from gzctl.network import inventory as inv

    opened = common.open_project(ctx)
    catalogue = inv.load_catalogue(opened.playbook)
    orgs = inv.filter_orgs(opened.project, catalogue, sector, type_, status, kind)
    if json:
        common.print_json([inv.as_json(o) for o in orgs])
        return
    if not opened.project.organisations:
        common.say(
            f"Er staan nog geen organisaties op de lijst. Begin met: gzctl {common.hint_dir(ctx)}"
            f'org add "Naam" of gzctl {common.hint_dir(ctx)}org import lijst.csv'
        )
        return
    if not orgs:
        common.say("Geen organisaties die aan deze filters voldoen.")
        return
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Id", no_wrap=True, style="cyan")
    table.add_column("Naam", overflow="fold")
    table.add_column("Soort", no_wrap=True)
    table.add_column("Sectoren")
    table.add_column("Doelgr.", no_wrap=True)
    table.add_column("Achterban", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for o in orgs:
        table.add_row(
            o.id,
            o.name,
            o.kind,
            ", ".join(o.sectors),
            " ".join(o.target_groups),
            number(o.reach),
            o.status,
        )
    out = console()
    out.print(table)
    total = len(opened.project.organisations)
    shown = f"{len(orgs)} van {total}" if len(orgs) != total else str(total)
    out.print(f"[dim]{shown} organisaties[/]")


def place_list(ctx: Any, json: bool = False) -> None:
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
            f"Er staan nog geen plekken op de lijst. Begin met: gzctl {common.hint_dir(ctx)}place "
            'add "Dorpshuis De Schakel" --toegang drempelvrij,toilet'
        )
        return
    common.say(pl.ranking_text(rows))


def platform_list(ctx: Any, json: bool = False) -> None:
    from gzctl.network import platforms as pf

    opened = common.open_project(ctx)
    project = opened.project
    if json:
        common.print_json([pf.platform_json(project, p) for p in project.platforms])
        return
    if not project.platforms:
        common.say(
            f"Nog geen platforms. Kijk welke passen: gzctl {common.hint_dir(ctx)}platform suggest"
        )
        return
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Id", no_wrap=True, style="cyan")
    table.add_column("Platform", overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Leden", justify="right")
    table.add_column("Trekker", overflow="fold")
    table.add_column("Stappen", justify="right", no_wrap=True)
    table.add_column("Activiteiten", justify="right")
    names = {o.id: o.name for o in project.organisations}
    for p in project.platforms:
        data = pf.platform_json(project, p)
        table.add_row(
            p.id,
            p.title,
            p.status,
            str(len(p.members)),
            names.get(p.trekker, p.trekker),
            f"{data['tasks_done']}/{data['tasks_total']}",
            str(data["activities"]),
        )
    console().print(table)


def activity_list(
    ctx: Any, wanneer: str | None = None, platform: str | None = None, json: bool = False
) -> None:
    from gzctl.network import platforms as pf

    opened = common.open_project(ctx)
    project = opened.project
    items = pf.filter_activities(project, platform or "", wanneer or "", runtime.today())
    if json:
        common.print_json([pf.activity_json(project, a) for a in items])
        return
    if not items:
        common.say(
            "Geen activiteiten."
            if project.activities
            else f"Nog geen activiteiten. Plan er een: gzctl {common.hint_dir(ctx)}activity add "
            '"Wandeling" --datum 12-04-2027 --tijd 10:00'
        )
        return
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Id", style="cyan", overflow="fold")
    table.add_column("Wanneer", no_wrap=True)
    table.add_column("Activiteit", overflow="fold")
    table.add_column("Plek", overflow="fold")
    table.add_column("Platform", overflow="fold")
    table.add_column("Verwacht", justify="right")
    table.add_column("Kwamen", justify="right")
    titles = {p.id: p.title for p in project.platforms}
    for a in items:
        table.add_row(
            a.id, when_text(a), a.title, a.place, titles.get(a.platform, a.platform),
            "" if a.expected is None else str(a.expected),
            "" if a.participants is None else str(a.participants),
        )  # fmt: skip

    console().print(table)


def docs_list(ctx: Any, json: bool = False) -> None:
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
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for head in ("Document", "Waarvoor", "Stand"):
        table.add_column(head, overflow="fold")
    for s in states:
        stand = docs.STATE_WORDS[s.state]
        if s.detail:
            stand += f" ({s.detail})" if s.state != "niet-klaar" else f": {s.detail}"
        table.add_row(f"[bold]{s.id}[/]\n{s.title}", s.description, stand)
    Console(highlight=False, color_system=None if not runtime.color_wanted() else "auto").print(
        table
    )
    hint = common.hint_dir(ctx)
    common.say("")
    common.say(f"Maken of bijwerken: gzctl {hint}docs build   ·   één document: --only NAAM")
