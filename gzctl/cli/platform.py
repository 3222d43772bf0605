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
    """`gzctl platform suggest`: suggests platforms from the catalogue."""
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
    """`gzctl platform add`: adds a platform from the catalogue or of its own."""
    from gzctl.core import runtime
    from gzctl.ops.platforms import add_platform

    p = add_platform(
        common.open_project(ctx), platform, aim=doel or "", new=new, members=lid,
        trekker=trekker, who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
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
    """`gzctl platform show`: prints one platform, or its JSON."""
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
    """`gzctl platform join`: adds organisations to a platform."""
    from gzctl.core import runtime
    from gzctl.ops.platforms import join_platform

    done = join_platform(
        common.open_project(ctx), platform, orgs, trekker=trekker, who=runtime.who(),
        now=runtime.now(),
    )  # fmt: skip
    p, what = done.platform, ", ".join(o.name for o in done.orgs)
    role = " (trekker)" if trekker else ""
    common.say(f"{p.title}: {what} doet mee{role}. Nu {len(p.members)} leden.")


@app.command("leave", **_kw("leave"))
def leave(
    ctx: common.Context,
    platform: PlatformArg,
    org: Annotated[str, common.Argument(metavar="ORGANISATIE", help="Id of naam.")],
) -> None:
    """`gzctl platform leave`: takes an organisation off a platform."""
    from gzctl.core import runtime
    from gzctl.ops.platforms import leave_platform

    done = leave_platform(
        common.open_project(ctx), platform, org, who=runtime.who(), now=runtime.now()
    )
    p, gone = done.platform, done.orgs[0]
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
    """`gzctl platform status`: sets a platform's status."""
    from gzctl.core import runtime
    from gzctl.ops.platforms import set_platform_status

    done = set_platform_status(
        common.open_project(ctx), platform, new_status, who=runtime.who(), now=runtime.now()
    )
    common.say(f"{done.platform.title}: {done.old} → {done.platform.status}.")


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
    """`gzctl platform done`: ticks, unticks or adds a step of a platform."""
    from gzctl.core import runtime
    from gzctl.ops import platforms as ops

    opened = common.open_project(ctx)
    if stap is not None:
        done = ops.add_platform_task(
            opened, platform, stap, who=runtime.who(), now=runtime.now()
        )
        common.say(f"{done.platform.title}: stap {done.number} toegevoegd: {done.task.title}")
        return
    if number is None:
        from gzctl.core.errors import UsageProblem

        raise UsageProblem(
            "geef het nummer van de stap, of --stap TEKST om er een toe te voegen."
        )
    done = ops.tick_platform_task(
        opened, platform, number, undo=undo, who=runtime.who(), now=runtime.now()
    )
    common.say(f"{done.platform.title}: stap {number} {done.verb}: {done.task.title}")


@app.command("remove", **_kw("remove"))
def remove(
    ctx: common.Context,
    platform: PlatformArg,
    yes: Annotated[
        bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")
    ] = False,
    ook_verwijzingen: Annotated[
        bool,
        common.Option(
            "--ook-verwijzingen",
            help="Haal het ook uit de activiteiten die het noemen (die blijven "
            "staan).",
        ),
    ] = False,
) -> None:
    """`gzctl platform remove`: removes a platform."""
    from gzctl.cli.confirm import remove_confirmed

    # a platform is never asked for: --yes, --ook-verwijzingen or a refusal
    remove_confirmed(
        common.open_project(ctx), "platform", platform, yes, ook_verwijzingen,
        "{name} is verwijderd.",
    )  # fmt: skip
