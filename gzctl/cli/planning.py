"""gzctl planning: the stappenplan's milestones as dates, worked back from the deadline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import common
from gzctl.core import runtime

STATE_MARKS = {"te laat": "!", "deze maand": "▶", "gehaald": "☑", "later": "☐"}


def planning(
    ctx: common.Context,
    json: common.JsonFlag = False,
    ics: Annotated[
        str | None,
        common.Option(
            "--ics", metavar="BESTAND", help="Schrijf de mijlpalen als agendabestand (.ics)."
        ),
    ] = None,
) -> None:
    """The planning on screen, as JSON or as an .ics file."""
    from gzctl.core import planning as core
    from gzctl.ops.planning import make_planning

    opened = common.open_project(ctx)
    today = runtime.today()
    if ics:
        _write_ics(opened, ics)
        return
    plan = make_planning(opened, today)
    if json:
        for line in plan.notes:
            common.note(line)
        common.print_json(core.planning_json(plan, opened.playbook))
        return
    common.say(planning_text(plan, opened.playbook, today, common.style()))


def _write_ics(opened: Any, file: str) -> None:
    from gzctl.core import safefs
    from gzctl.core.errors import Refused, UsageProblem
    from gzctl.ops.planning import planning_ics

    plan, data = planning_ics(opened, runtime.today(), runtime.now())
    for line in plan.notes:
        common.note(line)
    if plan.deadline.day is None:
        raise Refused("Zonder deadline is er geen planning; geen agenda geschreven.")
    if file == "-":
        from gzctl.core.outtext import write_utf8

        write_utf8(data)
        return
    path = Path(file)
    if path.suffix.lower() != ".ics":
        raise UsageProblem(f"'{file}': een agendabestand eindigt op .ics.")
    safefs.refuse_reserved(path, "een agendabestand")
    safefs.write_bytes(path, data, root=safefs.root_for(path, opened.folder))
    from gzctl.core.words import count

    open_rows = sum(1 for r in plan.rows if r.state != "gehaald")
    common.note(
        f"De deadline en {count(open_rows, 'mijlpaal', 'mijlpalen')} geschreven naar {file}. "
        "Importeer het in je eigen agenda; opnieuw importeren werkt de datums bij."
    )


def planning_text(plan: Any, playbook: Any, today: Any, style: Any) -> str:
    """The planning as plain text: the deadline, then this month, late, the rest by date."""
    from gzctl.cli.table import terminal_width, wrap
    from gzctl.core import planning as core
    from gzctl.core.calendar_checks import weekday_date

    width = terminal_width()
    lines: list[str] = []
    deadline = plan.deadline
    if deadline.day is None:
        lines.append(style.bold("Planning: nog geen deadline"))
        lines += [f"  {n}" for n in plan.notes]
        return "\n".join(lines)
    lines.append(style.bold(f"Planning naar {plan.title}: {weekday_date(deadline.day)}"))
    weeks = (deadline.day - today).days // 7
    if deadline.day >= today:
        lines.append(style.dim(f"  nog {weeks} weken; vandaag is het {weekday_date(today)}"))
    for n in plan.notes:
        lines.append(style.yellow(n))
    titles = {i.id: i.title for i in playbook.items}
    sections = (
        (core.LATE, style.yellow("Te laat:")),
        (core.THIS_MONTH, style.bold(f"Deze maand ({core.month_name(today)}):")),
        (core.LATER, style.bold("Daarna:")),
        (core.DONE, style.green("Gehaald:")),
    )
    for state, head in sections:
        rows = plan.by_state(state)
        if not rows:
            continue
        lines += ["", head]
        for r in rows:
            mark = STATE_MARKS[state]
            when = weekday_date(r.day)
            lines += wrap(f"{when}  {r.milestone.title}", width, f"  {mark} ", "      ")
            if r.chosen and r.chosen > r.target:
                lines.append(
                    style.yellow(
                        f"      later dan gepland: terugrekenen geeft {weekday_date(r.target)}"
                    )
                )
            if r.clashes:
                lines.append(style.yellow(f"      valt op {', '.join(r.clashes)}"))
            if state != core.DONE:
                for iid in r.open_items[:3]:
                    line = f"{titles.get(iid, iid)}  ({playbook.shown(iid)})"
                    for part in wrap(line, width, "      ☐ "):
                        lines.append(style.dim(part))
    late = len(plan.by_state(core.LATE))
    month = len(plan.by_state(core.THIS_MONTH))
    lines += ["", style.dim(f"{late} te laat, {month} deze maand. Afvinken: gzctl done ID")]
    return "\n".join(lines)


COMMANDS = {"planning": planning}
