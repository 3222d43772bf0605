"""gzctl platform suggest / add / list / show / join / leave / status / done."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, lists, texts
from gzctl.network import platforms as pf

app = common.group(texts.COMMANDS["platform"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.PLATFORM_COMMANDS[name])


PlatformArg = Annotated[
    str, common.Argument(metavar="PLATFORM", help="Het id (zie gzctl platform list) of de titel.")
]
OrgsArg = Annotated[
    list[str], common.Argument(metavar="ORGANISATIE...", help="Id's of namen van organisaties.")
]


def _catalogue(opened: Any) -> pf.PlatformCatalogue:
    return pf.load_catalogue(opened.playbook)


@app.command("suggest", **_kw("suggest"))
def suggest(ctx: common.Context, json: common.JsonFlag = False) -> None:
    opened = common.open_project(ctx)
    results = pf.suggest(opened.project, _catalogue(opened))
    if json:
        common.print_json(results)
        return
    console = lists.console()
    for r in results:
        mark = "[green]kan starten[/]" if r["can_start"] else "[yellow]kan nog niet starten[/]"
        esc = common.esc
        extra = f" [dim](al in het project: {esc(r['in_project'])})[/]" if r["in_project"] else ""
        console.print(f"[bold]{esc(r['title'])}[/] · {r['readiness']}% klaar · {mark}{extra}")
        if r["missing"]:
            console.print("  Ontbreekt nog: " + esc(", ".join(r["missing"])))
        by_type = [f for f in r["fits"] if f["why"] == "type"]
        by_profile = [f for f in r["fits"] if f["why"] != "type"]
        if by_type:
            parts = [
                esc(f"{f['name']} ({'trekker?' if f['role'] == 'trekker' else f['as']})")
                for f in by_type
            ]
            console.print("  Past: " + ", ".join(parts), overflow="fold")
        if by_profile:
            console.print(
                "  [dim]Ook denkbaar (sector en doelgroep): "
                + esc(", ".join(f["name"] for f in by_profile))
                + "[/]",
                overflow="fold",
            )
        if not r["fits"]:
            console.print("  [dim]Nog geen organisatie op de lijst die past.[/]")
    console.print(
        f"[dim]Starten: gzctl platform add ID, bijvoorbeeld "
        f"gzctl platform add {common.esc(results[0]['id'])}[/]"
    )


@app.command("add", **_kw("add"))
def add(
    ctx: common.Context,
    platform: Annotated[
        str,
        common.Argument(
            metavar="PLATFORM", help="Een id uit de catalogus (beweegweek) of een eigen titel."
        ),
    ],
    new: Annotated[
        bool,
        common.Option(
            "--nieuw",
            "--new",
            help="Een eigen platform, ook als de titel lijkt op een platform uit de catalogus.",
        ),
    ] = False,  # fmt: skip
    doel: Annotated[
        str | None, common.Option("--doel", metavar="TEKST", help="Wat het platform wil bereiken.")
    ] = None,
    lid: Annotated[
        list[str] | None,
        common.Option(
            "--lid", metavar="ORGANISATIE", help="Een deelnemende organisatie; mag vaker."
        ),
    ] = None,
    trekker: Annotated[
        str | None,
        common.Option("--trekker", metavar="ORGANISATIE", help="De organisatie die trekt."),
    ] = None,
) -> None:
    opened = common.open_project(ctx)
    catalogue = _catalogue(opened)
    with common.transaction(opened) as change:
        today = change.now.date()
        p = pf.add(change.project, catalogue, platform, today, aim=doel or "", new=new)
        if lid:
            pf.join(change.project, p.id, list(lid))
        if trekker:
            pf.join(change.project, p.id, [trekker], trekker=True)
        change.log("platform-add", f"Platform gestart: {p.title}", [p.id, *p.members])
    common.say(f"Toegevoegd: {p.title} (status idee). Id: {p.id}")
    if p.tasks:
        common.say(f"{len(p.tasks)} eerste stappen staan klaar: gzctl platform show {p.id}")
    if not p.members:
        common.note(
            f"Leden toevoegen: gzctl platform join {p.id} ORGANISATIE"
        )


common.everyday(app, ("platform", "list"), **_kw("list"))


@app.command("show", **_kw("show"))
def show(ctx: common.Context, platform: PlatformArg, json: common.JsonFlag = False) -> None:
    opened = common.open_project(ctx)
    project = opened.project
    p = pf.find(project, platform)
    data = pf.platform_json(project, p)
    if json:
        common.print_json(data)
        return
    from gzctl.core.questions import format_date

    catalogue = _catalogue(opened)
    ptype = catalogue.get(p.template)
    names = {o.id: o.name for o in project.organisations}
    lines = [p.title, ""]
    rows = [
        ("Id", p.id),
        ("Status", p.status),
        ("Catalogus", ptype.title if ptype else "eigen platform"),
        ("Doel", p.aim),
        ("Trekker", names.get(p.trekker, p.trekker) if p.trekker else "nog niet gekozen"),
        ("Leden", ", ".join(names.get(m, m) for m in p.members) or "nog geen"),
        ("Activiteiten", str(data["activities"])),
    ]
    for label, value in rows:
        if value:
            lines.append(f"  {label + ':':<14}{value}")
    history = [f"{s} op {format_date(p.dates[s])}" for s in pf.STATUSES if s in p.dates]
    if history:
        lines.append(f"  {'Verloop:':<14}" + "; ".join(history))
    if p.tasks:
        lines += ["", f"  Stappen ({data['tasks_done']} van {data['tasks_total']} gedaan):"]
        for n, t in enumerate(p.tasks, start=1):
            mark = "x" if t.done else " "
            lines.append(f"  [{mark}] {n}. {t.title}")
    if ptype is not None and ptype.indicators:
        lines += ["", "  Zo zie je dat het werkt:"]
        lines += [f"  - {i}" for i in ptype.indicators]
    common.say("\n".join(lines))
    if p.tasks:
        common.note(f"Afvinken: gzctl platform done {p.id} NUMMER")


@app.command("join", **_kw("join"))
def join(
    ctx: common.Context,
    platform: PlatformArg,
    orgs: OrgsArg,
    trekker: Annotated[
        bool, common.Option("--trekker", help="Deze organisatie wordt de trekker.")
    ] = False,
) -> None:
    opened = common.open_project(ctx)
    with common.transaction(opened) as change:
        p, joined = pf.join(change.project, platform, orgs, trekker=trekker)
        what = ", ".join(o.name for o in joined)
        role = " (trekker)" if trekker else ""
        change.log("platform-join", f"{p.title}: {what} doet mee{role}", [p.id])
    common.say(f"{p.title}: {what} doet mee{role}. Nu {len(p.members)} leden.")


@app.command("leave", **_kw("leave"))
def leave(
    ctx: common.Context,
    platform: PlatformArg,
    org: Annotated[str, common.Argument(metavar="ORGANISATIE", help="Id of naam.")],
) -> None:
    opened = common.open_project(ctx)
    with common.transaction(opened) as change:
        p, gone = pf.leave(change.project, platform, org)
        change.log("platform-leave", f"{p.title}: {gone.name} doet niet meer mee", [p.id])
    common.say(f"{p.title}: {gone.name} doet niet meer mee. Nu {len(p.members)} leden.")


@app.command("status", **_kw("status"))
def status(
    ctx: common.Context,
    platform: PlatformArg,
    new_status: Annotated[
        str,
        common.Argument(metavar="STATUS", help="idee, in-oprichting, actief of gestopt."),
    ],
) -> None:
    opened = common.open_project(ctx)
    with common.transaction(opened) as change:
        p, old = pf.set_status(change.project, platform, new_status, change.now.date())
        change.log("platform-status", f"{p.title}: {old} → {p.status}", [p.id])
    common.say(f"{p.title}: {old} → {p.status}.")


@app.command("done", **_kw("done"))
def done(
    ctx: common.Context,
    platform: PlatformArg,
    number: Annotated[
        int | None,
        common.Argument(metavar="NUMMER", help="Het nummer van de stap (zie platform show)."),
    ] = None,
    undo: Annotated[
        bool, common.Option("--undo", "--terug", help="Zet de stap terug op open.")
    ] = False,
    stap: Annotated[
        str | None,
        common.Option("--stap", metavar="TEKST", help="Voeg een eigen stap toe aan de checklist."),
    ] = None,
) -> None:
    opened = common.open_project(ctx)
    with common.transaction(opened) as change:
        if stap is not None:
            p, task = pf.add_task(change.project, platform, stap)
            change.log("platform-step", f"{p.title}: stap toegevoegd: {task.title}", [p.id])
            message = f"{p.title}: stap {len(p.tasks)} toegevoegd: {task.title}"
        elif number is None:
            from gzctl.core.errors import UsageProblem

            raise UsageProblem(
                "geef het nummer van de stap, of --stap TEKST om er een toe te voegen."
            )
        else:
            p, task = pf.tick(change.project, platform, number, change.now.date(), not undo)
            verb = "teruggezet" if undo else "gedaan"
            change.log("platform-done", f"{p.title}: {task.title} ({verb})", [p.id])
            message = f"{p.title}: stap {number} {verb}: {task.title}"
    common.say(message)


@app.command("remove", **_kw("remove"))
def remove(
    ctx: common.Context,
    platform: PlatformArg,
    yes: Annotated[
        bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")
    ] = False,
) -> None:
    opened = common.open_project(ctx)
    p = pf.find(opened.project, platform)
    if not yes:
        from gzctl.core.errors import UsageProblem

        raise UsageProblem(
            f"Weet je het zeker? Bevestig met: gzctl platform remove {p.id} --yes "
            "(of zet het platform op gestopt: gzctl platform status ID gestopt)"
        )
    with common.transaction(opened) as change:
        gone = pf.remove(change.project, p.id)
        change.log("platform-remove", f"Platform verwijderd: {gone.title}", [gone.id])
    common.say(f"{gone.title} is verwijderd.")
