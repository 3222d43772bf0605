"""gzctl overleg toevoegen / lijst / toon / besluit / actie / actie-klaar / klaar: the network's
meetings, their besluitenlijst and actions. Every sub-command also answers to its English
name (add, list, show, decision, action, action-done, close), left out of the help."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["overleg"])
F = TypeVar("F", bound=Callable[..., Any])

# Dutch name -> English alias
ALIASES = {
    "toevoegen": "add",
    "lijst": "list",
    "toon": "show",
    "besluit": "decision",
    "actie": "action",
    "actie-klaar": "action-done",
    "klaar": "close",
    "verwijderen": "remove",
}


def _register(name: str) -> Callable[[F], F]:
    """Register a command under its Dutch name, and hidden under its English alias."""
    kwargs = common.command_kwargs(texts.OVERLEG_COMMANDS[name])

    def register(function: F) -> F:
        app.command(name, **kwargs)(function)
        app.command(ALIASES[name], **kwargs, hidden=True)(function)
        return function

    return register


IdArg = Annotated[
    str, common.Argument(metavar="ID", help="Het id van het overleg (gzctl overleg lijst).")
]


def _day(text: str, what: str = "DATUM") -> dt.date:
    from gzctl.core.dutch import parse_date
    from gzctl.core.errors import AnswerError, UsageProblem

    try:
        return parse_date(text)
    except AnswerError as exc:
        raise UsageProblem(f"{what}: {exc.message}") from None


def _chair_text(report: Any) -> str:
    return report.chair_name or "nog niemand"


@_register("toevoegen")
def add(
    ctx: common.Context,
    datum: Annotated[str, common.Argument(metavar="DATUM", help="Datum, zoals 11-03-2027.")],
    soort: Annotated[
        str,
        common.Option(
            "--soort",
            "--kind",
            metavar="SOORT",
            help="netwerkavond, werkgroep of startgroep.",
        ),
    ],
    platform: Annotated[
        str | None,
        common.Option("--platform", metavar="PLATFORM", help="Het platform (een werkgroep)."),
    ] = None,
    tijd: Annotated[
        str | None, common.Option("--tijd", "--time", metavar="UU:MM", help="Begintijd.")
    ] = None,
    plek: Annotated[
        str | None, common.Option("--plek", "--place", metavar="PLEK", help="Waar.")
    ] = None,
    voorzitter: Annotated[
        str | None,
        common.Option(
            "--voorzitter",
            "--chair",
            metavar="ORGANISATIE",
            help="De organisatie die het gesprek leidt (anders: de volgende op de beurt).",
        ),
    ] = None,
) -> None:
    """Plan or record a meeting."""
    from gzctl.core.errors import AnswerError, UsageProblem
    from gzctl.ops.meetings import add_meeting

    day = _day(datum)
    time = ""
    if tijd:
        from gzctl.core.dutch import parse_time

        try:
            time = parse_time(tijd).strftime("%H:%M")
        except AnswerError as exc:
            raise UsageProblem(f"--tijd: {exc.message}") from None
    report = add_meeting(
        common.open_project(ctx), day, soort, platform=platform or "", time=time,
        place=plek or "", chair=voorzitter or "", who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    m = report.meeting
    common.say(f"Toegevoegd: {report.kind_title} op {_when(m)}. Id: {m.id}")
    common.say(f"Gespreksleider: {_chair_text(report)}")
    for line in report.lines:
        (common.note if line.aside else common.say)(line.text)


def _when(m: Any) -> str:
    from gzctl.core.calendar_checks import weekday_date

    return weekday_date(m.date) + (f", {m.time} uur" if m.time else "")


@_register("lijst")
def list_(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """The meetings by date."""
    from gzctl.network import meetings as mt

    opened = common.open_project(ctx)
    project = opened.project
    if json:
        common.print_json([mt.meeting_json(project, opened.playbook, m) for m in project.meetings])
        return
    if not project.meetings:
        common.say(
            "Nog geen overleggen. Plan er een: gzctl overleg toevoegen 11-03-2027 "
            "--soort netwerkavond"
        )
        return
    from gzctl.cli.table import terminal_width, wrap
    from gzctl.core.words import count

    st = common.style()
    today = runtime.today()
    width = terminal_width()
    lines: list[str] = []
    for m in project.meetings:
        data = mt.meeting_json(project, opened.playbook, m)
        state = "gesloten" if m.closed else ("komt nog" if m.date >= today else "geweest")
        what = data["kind_title"] + (f" {data['platform_title']}" if m.platform else "")
        open_ = sum(1 for a in m.actions if a.done is None)
        lines.append(st.bold(m.id))
        lines += wrap(f"{what} · {_when(m)} · {state}", width, "    ")
        detail = (
            f"gespreksleider {data['chair_name'] or '-'} · "
            f"{count(len(m.decisions), 'besluit', 'besluiten')} · "
            f"{count(len(m.actions), 'actie', 'acties')}, {open_} open"
        )
        lines += [st.dim(part) for part in wrap(detail, width, "    ")]
    common.say("\n".join(lines))


@_register("toon")
def show(ctx: common.Context, meeting_id: IdArg, json: common.JsonFlag = False) -> None:
    """One meeting: decisions and actions."""
    from gzctl.network import meetings as mt

    opened = common.open_project(ctx)
    m = mt.find(opened.project, meeting_id)
    data = mt.meeting_json(opened.project, opened.playbook, m)
    if json:
        common.print_json(data)
        return
    from gzctl.core.questions import format_date

    st = common.style()
    what = data["kind_title"] + (f" {data['platform_title']}" if m.platform else "")
    lines = [st.bold(f"{what} — {_when(m)}"), ""]
    rows = [
        ("Id", m.id),
        ("Plek", m.place),
        ("Gespreksleider", data["chair_name"]),
        ("Gesloten", format_date(m.closed) if m.closed else ""),
    ]
    lines += [f"  {k + ':':<16}{v}" for k, v in rows if v]
    lines += ["", st.bold("Besluitenlijst:")]
    lines += [f"  {i}. {d}" for i, d in enumerate(m.decisions, 1)] or ["  (nog geen besluiten)"]
    lines += ["", st.bold("Acties:")]
    for a in data["actions"]:
        mark = "☑" if a["done"] else "☐"
        due = f", vóór {format_date(dt.date.fromisoformat(a['due']))}" if a["due"] else ""
        lines.append(f"  {mark} {a['text']} — {a['by_name'] or '(geen organisatie)'}{due}")
        lines.append(st.dim(f"    {a['id']}"))
    if not m.actions:
        lines.append("  (nog geen acties)")
    common.say("\n".join(lines))


@_register("besluit")
def decision(
    ctx: common.Context,
    meeting_id: IdArg,
    tekst: Annotated[str, common.Argument(metavar="TEKST", help="Het besluit, in één zin.")],
) -> None:
    """Record a decision."""
    from gzctl.ops.meetings import add_decision

    saved = add_decision(
        common.open_project(ctx), meeting_id, tekst, who=runtime.who(), now=runtime.now()
    )
    common.say(f"Besluit vastgelegd in {meeting_id}: {saved}")


@_register("actie")
def action(
    ctx: common.Context,
    meeting_id: IdArg,
    tekst: Annotated[str, common.Argument(metavar="TEKST", help="Wat er gebeurt.")],
    door: Annotated[
        str,
        common.Option(
            "--door", "--by", metavar="ORGANISATIE", help="De organisatie (id), nooit een persoon."
        ),
    ],
    voor: Annotated[
        str,
        common.Option("--voor", "--due", metavar="DATUM", help="Vóór wanneer, zoals 01-04-2027."),
    ],
) -> None:
    """Record an action."""
    from gzctl.ops.meetings import add_action

    report = add_action(
        common.open_project(ctx), meeting_id, tekst, door, _day(voor, "--voor"),
        who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    from gzctl.core.questions import format_date

    a = report.action
    due = format_date(a.due) if a.due else ""
    common.say(f"Actie vastgelegd: {a.text} — {report.by_name}, vóór {due}. Id: {a.id}")
    for line in report.lines:
        (common.note if line.aside else common.say)(line.text)


@_register("actie-klaar")
def action_done(
    ctx: common.Context,
    action_id: Annotated[str, common.Argument(metavar="ACTIE", help="Het id van de actie.")],
) -> None:
    """Tick an action off."""
    from gzctl.ops.meetings import action_done as op

    report = op(common.open_project(ctx), action_id, who=runtime.who(), now=runtime.now())
    common.say(f"☑ {report.action.text} — {report.by_name}  ({report.action.id})")
    for line in report.lines:
        (common.note if line.aside else common.say)(line.text)


@_register("klaar")
def close(ctx: common.Context, meeting_id: IdArg) -> None:
    """Close a meeting that was held."""
    from gzctl.ops.meetings import close_meeting

    report = close_meeting(
        common.open_project(ctx), meeting_id, who=runtime.who(), now=runtime.now()
    )
    from gzctl.core.words import count

    m = report.meeting
    common.say(
        f"Overleg {m.id} gesloten: {count(len(m.decisions), 'besluit', 'besluiten')}, "
        f"{count(len(m.actions), 'actie', 'acties')}. "
        "Het verslag: gzctl docs build --alleen overleg-verslag"
    )
    for line in report.lines:
        (common.note if line.aside else common.say)(line.text)


@_register("verwijderen")
def remove(ctx: common.Context, meeting_id: IdArg) -> None:
    """Remove a meeting without decisions or actions."""
    from gzctl.network.meetings import OPEN_KIND
    from gzctl.ops.meetings import remove_meeting

    m = remove_meeting(common.open_project(ctx), meeting_id, who=runtime.who(), now=runtime.now())
    common.say(f"Overleg {m.id} geschrapt.")
    if m.kind == OPEN_KIND:  # its open evening: cancelled in the website's agenda.ics
        common.say("In agenda.ics van de website staat de open avond nu als 'Gaat niet door' "
                   "(na gzctl site build).")  # fmt: skip
