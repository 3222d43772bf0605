"""gzctl activity add / list / show / count / remove / export (an .ics calendar)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import common, lists, texts
from gzctl.core import runtime
from gzctl.core.country import for_playbook
from gzctl.network import platforms as pf

app = common.group(texts.COMMANDS["activity"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.ACTIVITY_COMMANDS[name])


IdArg = Annotated[str, common.Argument(metavar="ID", help="Het id (zie gzctl activity list).")]
When = Annotated[
    str | None,
    common.Option("--wanneer", metavar="komend|geweest", help="Alleen komende of geweest."),
]
PlatformOpt = Annotated[
    str | None, common.Option("--platform", metavar="PLATFORM", help="Alleen dit platform.")
]


def _warn_if_past(a: Any) -> None:
    """A planned activity dated before today is most often a typo in the year."""
    from gzctl.core.dutch import past_warning

    warning = past_warning(a.start.date(), runtime.today(), "de datum van deze activiteit")
    if warning:
        common.note(warning)


# Options that add and edit share
Plek = Annotated[str | None, common.Option("--plek", metavar="PLEK", help="Waar het is.")]
Door = Annotated[
    list[str] | None,
    common.Option("--door", metavar="ORGANISATIE", help="Organiserende organisatie; mag vaker."),
]
OfPlatform = Annotated[
    str | None, common.Option("--platform", metavar="PLATFORM", help="Het platform.")
]
Doelgroep = Annotated[
    list[str] | None,
    common.Option("--doelgroep", metavar="DOELGROEP", help="K, J, G, V, O, Kw of A; mag vaker."),
]
Verwacht = Annotated[
    str | None,
    common.Option("--verwacht", metavar="AANTAL", help="Verwacht aantal deelnemers."),
]
Deelnemers = Annotated[
    str | None,
    common.Option("--deelnemers", metavar="AANTAL", help="Aantal deelnemers (alleen het getal)."),
]
Omschrijving = Annotated[
    str | None, common.Option("--omschrijving", metavar="TEKST", help="Korte omschrijving.")
]


@app.command("add", **_kw("add"))
def add(
    ctx: common.Context,
    title: Annotated[str, common.Argument(metavar="TITEL", help="Naam van de activiteit.")],
    datum: Annotated[
        str, common.Option("--datum", metavar="DATUM", help="Datum, zoals 12-04-2027.")
    ],
    tijd: Annotated[
        str | None, common.Option("--tijd", metavar="UU:MM", help="Begintijd, zoals 19:30.")
    ] = None,
    tot: Annotated[
        str | None, common.Option("--tot", metavar="UU:MM", help="Eindtijd, zoals 21:00.")
    ] = None,
    plek: Plek = None,
    door: Door = None,
    platform: OfPlatform = None,
    doelgroep: Doelgroep = None,
    verwacht: Verwacht = None,
    deelnemers: Deelnemers = None,
    omschrijving: Omschrijving = None,
) -> None:
    """`gzctl activity add`: adds an activity to the project."""
    from gzctl.ops.platforms import add_activity

    opened = common.open_project(ctx)
    start = pf.parse_when(datum, tijd or "")
    end = pf.parse_end(start, tot or "")
    a = add_activity(
        opened, title, start, end=end, place=plek or "", organisers=door,
        platform=platform or "", target_groups=",".join(doelgroep) if doelgroep else None,
        expected=verwacht, participants=deelnemers, description=omschrijving or "",
        who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    common.say(f"Toegevoegd: {a.title}, {lists.when_text(a)}. Id: {a.id}")
    _warn_if_past(a)
    if a.start.date() >= runtime.today():  # a day to plan around, not a record of the past
        from gzctl.ops.platforms import date_warning

        unfit = date_warning(opened, a.start.date())
        if unfit:
            common.note(unfit)


common.everyday(app, ("activity", "list"), **_kw("list"))


@app.command("show", **_kw("show"))
def show(ctx: common.Context, activity_id: IdArg, json: common.JsonFlag = False) -> None:
    """`gzctl activity show`: prints one activity, or its JSON."""
    opened = common.open_project(ctx)
    a = pf.find_activity(opened.project, activity_id)
    data = pf.activity_json(opened.project, a, for_playbook(opened.playbook).timezone)
    if json:
        common.print_json(data)
        return
    rows = [
        ("Id", a.id),
        ("Wanneer", lists.when_text(a)),
        ("Plek", a.place),
        ("Organisatie", ", ".join(data["organiser_names"])),
        ("Platform", data["platform_title"]),
        ("Doelgroepen", " ".join(a.target_groups)),
        ("Verwacht", "" if a.expected is None else str(a.expected)),
        ("Deelnemers", "" if a.participants is None else str(a.participants)),
    ]
    lines = [a.title, ""] + [f"  {k + ':':<14}{v}" for k, v in rows if v]
    if a.description:
        lines += ["", f"  {a.description}"]
    common.say("\n".join(lines))


@app.command("edit", **_kw("edit"))
def edit(
    ctx: common.Context,
    activity_id: IdArg,
    titel: Annotated[
        str | None, common.Option("--titel", metavar="TITEL", help="Nieuwe titel.")
    ] = None,
    datum: Annotated[
        str | None, common.Option("--datum", metavar="DATUM", help="Nieuwe datum.")
    ] = None,
    tijd: Annotated[
        str | None, common.Option("--tijd", metavar="UU:MM", help="Nieuwe begintijd.")
    ] = None,
    tot: Annotated[
        str | None, common.Option("--tot", metavar="UU:MM", help='Nieuwe eindtijd ("" wist).')
    ] = None,
    plek: Plek = None,
    door: Door = None,
    platform: OfPlatform = None,
    doelgroep: Doelgroep = None,
    verwacht: Verwacht = None,
    deelnemers: Deelnemers = None,
    omschrijving: Omschrijving = None,
) -> None:
    """`gzctl activity edit`: changes the given fields of an activity."""
    given = {
        "title": titel, "date": datum, "time": tijd, "end_time": tot, "place": plek,
        "organisers": door, "platform": platform,
        "target_groups": ",".join(doelgroep) if doelgroep else None, "expected": verwacht,
        "participants": deelnemers, "description": omschrijving,
    }  # fmt: skip
    changes = {k: v for k, v in given.items() if v is not None}
    if not changes:
        from gzctl.core.errors import UsageProblem

        raise UsageProblem(
            "Geef wat er verandert, bijvoorbeeld: gzctl activity edit ID --datum 19-04-2027."
        )
    from gzctl.ops.platforms import edit_activity

    a, done = edit_activity(
        common.open_project(ctx), activity_id, changes, who=runtime.who(), now=runtime.now()
    )
    changed = done.changed
    if changed:
        common.say(f"{a.title} ({lists.when_text(a)}): {', '.join(changed)} gewijzigd.")
        if "datum en tijd" in changed:
            _warn_if_past(a)
    else:
        common.say(f"{a.title}: niets veranderd.")


@app.command("count", **_kw("count"))
def count(
    ctx: common.Context,
    activity_id: IdArg,
    number: Annotated[str, common.Argument(metavar="AANTAL", help="Hoeveel mensen er kwamen.")],
) -> None:
    """`gzctl activity count`: records how many people came."""
    from gzctl.ops.platforms import count_activity

    a = count_activity(
        common.open_project(ctx), activity_id, number, who=runtime.who(), now=runtime.now()
    )
    common.say(f"{a.title}: {a.participants} deelnemers.")


@app.command("remove", **_kw("remove"))
def remove(ctx: common.Context, activity_id: IdArg) -> None:
    """`gzctl activity remove`: removes an activity without asking."""
    from gzctl.ops.remove import remove as remove_op

    # no --yes: an activity is removed without asking (the op that asks is not called)
    gone = remove_op(
        common.open_project(ctx), "activity", activity_id, who=runtime.who(), now=runtime.now()
    )
    common.say(f"Geschrapt: {gone.name} ({lists.when_text(gone.item)}).")


@app.command("export", **_kw("export"))
def export(
    ctx: common.Context,
    file: Annotated[
        str, common.Argument(metavar="BESTAND", help="Een .ics-bestand, of - voor stdout.")
    ],
    wanneer: When = None,
    platform: PlatformOpt = None,
) -> None:
    """`gzctl activity export`: writes the activities as an iCalendar file."""
    opened = common.open_project(ctx)
    project = opened.project
    items = pf.filter_activities(project, platform or "", wanneer or "", runtime.today())
    # removed activities go along as cancelled (they keep no platform, so not with --platform)
    # (the network evenings' open evenings are the website's: not here, nor their cancellation)
    gone = [] if platform else pf.cancellations(project, runtime.today(), wanneer or "",
                                                evenings=False)  # fmt: skip
    if not items and not gone:
        from gzctl.core.errors import Refused

        raise Refused(
            "Geen activiteiten die bij --wanneer of --platform passen; geen agenda geschreven."
            if project.activities
            else "Nog geen activiteiten, dus geen agenda geschreven. Plan er een: "
            'gzctl activity add "Wandeling" --datum 12-04-2027'
        )
    timezone = for_playbook(opened.playbook).timezone
    data = pf.to_ics(project, items, runtime.now(), timezone=timezone, cancelled=gone)
    if file == "-":
        from gzctl.core.outtext import write_utf8

        write_utf8(data)
        return
    path = Path(file)
    if path.suffix.lower() != ".ics":
        from gzctl.core.errors import UsageProblem

        raise UsageProblem(f"'{file}': een agendabestand eindigt op .ics.")
    from gzctl.core import safefs

    safefs.refuse_reserved(path, "een agendabestand")
    safefs.write_bytes(path, data, root=safefs.root_for(path, opened.folder))
    common.note(
        f"{len(items)} activiteit(en) geschreven naar {file}. Importeer het in Outlook of "
        "Google Agenda; opnieuw importeren werkt ze bij in plaats van ze te verdubbelen."
    )
