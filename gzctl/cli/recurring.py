"""gzctl vast toevoegen / lijst / verwijder: what members already do, recurring."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["vast"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.RECURRING_COMMANDS[name])


@app.command("toevoegen", **_kw("toevoegen"))
def recurring_add(
    ctx: common.Context,
    organisatie: Annotated[str, common.Argument(metavar="ORGANISATIE", help="Wie het doet.")],
    titel: Annotated[str, common.Argument(metavar="TITEL", help="Wat, zoals Koersbal.")],
    vanaf: Annotated[
        str, common.Option("--vanaf", metavar="DATUM", help="De eerste (of een) keer.")
    ],
    tijd: Annotated[
        str | None, common.Option("--tijd", metavar="UU:MM", help="Begintijd, zoals 14:00.")
    ] = None,
    minuten: Annotated[
        int, common.Option("--minuten", metavar="AANTAL", help="Hoe lang.", min=1, max=1440)
    ] = 90,
    elke: Annotated[
        str, common.Option("--elke", metavar="week|twee-weken|maand", help="Hoe vaak.")
    ] = "week",
    plek: Annotated[str | None, common.Option("--plek", metavar="PLEK", help="Waar.")] = None,
) -> None:
    """gzctl vast toevoegen: what a member already does, recurring."""
    from gzctl.core.dutch import parse_date
    from gzctl.network import recurring
    from gzctl.ops.recurring import add_recurring

    start = parse_date(vanaf)
    opened = common.open_project(ctx)
    r = add_recurring(opened, organisatie, titel, start, time=tijd or "", minutes=minuten,
                      frequency=elke, place=plek or "", who=runtime.who(),
                      now=runtime.now())  # fmt: skip
    common.say(f"Toegevoegd: {r.title}, {recurring.when_text(r)}. Id: {r.id}")
    from gzctl.core.country import for_playbook

    land = for_playbook(opened.playbook)
    today = runtime.today()
    left = recurring.skipped(r, land, today, today.replace(year=today.year + 1))
    if left:
        days = ", ".join(f"{d:%d-%m-%Y} ({why})" for d, why in left[:4])
        common.note(f"In de agenda van de website valt het uit op feestdagen: {days}"
                    + (" en meer." if len(left) > 4 else "."))  # fmt: skip


@app.command("lijst", **_kw("lijst"))
def recurring_list(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """gzctl vast lijst: what members already do."""
    from gzctl.network import recurring

    project = common.open_project(ctx).project
    if json:
        common.print_json([recurring.recurring_json(project, r) for r in project.recurring])
        return
    if not project.recurring:
        common.say("Nog geen vaste activiteiten van leden. Voeg er een toe met: gzctl vast "
                   'toevoegen ORGANISATIE "Koersbal" --vanaf DATUM --tijd 14:00')  # fmt: skip
        return
    from gzctl.cli.table import Column, render, terminal_width

    names = {o.id: o.name for o in project.organisations}
    rows = [[r.title, names.get(r.org, r.org), recurring.when_text(r), r.place, r.id]
            for r in project.recurring]  # fmt: skip
    columns = [Column("Wat"), Column("Wie"), Column("Wanneer"), Column("Waar", drop=2),
               Column("Id", wrap=False, drop=1)]  # fmt: skip
    common.say(render(columns, rows, terminal_width()))


@app.command("verwijder", **_kw("verwijder"))
def recurring_remove(
    ctx: common.Context,
    item: Annotated[str, common.Argument(metavar="ID", help="Het id (zie gzctl vast lijst).")],
) -> None:
    """gzctl vast verwijder: a recurring activity stopped."""
    from gzctl.ops.recurring import remove_recurring

    r = remove_recurring(common.open_project(ctx), item, who=runtime.who(), now=runtime.now())
    common.say(f"Geschrapt: {r.title}.")
