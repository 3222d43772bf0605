"""gzctl status, next, done, undo, log: where the village stands and ticking items off.

Everyday commands: their options are declared in gzctl/cli/commands.py, and the fast route in
gzctl/__main__.py calls these functions without typer, so this module must not import it.
"""

from __future__ import annotations

from typing import Any

from gzctl.cli import common, render
from gzctl.core import progress as core
from gzctl.core import runtime
from gzctl.core.questions import format_date


def status(ctx: Any, json: bool = False, chart: bool = False, alles: bool = False) -> None:
    """`gzctl status`: prints the project's progress, or its chart."""
    if chart:
        _chart(ctx, json)
        return
    # The same function the fast path in gzctl/__main__.py calls.
    common.say(render.status_output(common.directory(ctx), as_json=json, alles=alles))


def _chart(ctx: Any, as_json: bool) -> None:
    from gzctl.advisors.burnup import chart_text, project_burnup, short_date

    opened = common.open_project(ctx)
    b = project_burnup(opened.playbook, opened.project, runtime.today())
    if as_json:
        common.print_json(b.to_json())
        return
    name = opened.project.village.name or "(naamloos dorp)"
    done = b.done_on(b.end)
    common.say(common.style().bold(f"Voortgang van {name}: {done} van {b.total} acties gedaan"))
    common.say("")
    common.say(chart_text(b))
    common.say("")
    common.say(
        common.style().dim(
            f"Hoogte: afgevinkte acties (bovenrand: alle {b.total}); "
            f"van {short_date(b.start)} tot vandaag."
        )
    )


def next_(ctx: Any, alles: bool = False, json: bool = False) -> None:
    """The open actions, numbered as ``gzctl done NUMMER`` takes them: as many as fit one
    window, or all of them with their id and why (``--alles``)."""
    """`gzctl next`: prints the next open items."""
    opened = common.open_project(ctx)
    numbered = core.open_order(opened.playbook, opened.project)
    ready = len(core.next_items(opened.playbook, opened.project, None))
    items = numbered if alles else numbered[:ready]
    data = [
        {"kind": "stap", "number": n, "id": i.id, "shown_id": i.shown, "title": i.title,
         "why": i.why, "phase": i.phase, "step": i.step, "ready": n <= ready}
        for n, i in enumerate(items, start=1)
    ]  # fmt: skip
    if json:  # the stappenplan's items, then the open actions of the meetings
        common.print_json([*(data if alles else data[:8]),
                           *_action_rows(_open_actions(opened.project))])  # fmt: skip
        return
    from gzctl.cli.table import terminal_width

    phases = {p.id: p.title for p in opened.playbook.phases}
    width = terminal_width()
    st = common.style()
    if alles:
        text = render.next_text(data, st, phases, width)
        later = render.later_lines(opened.playbook, opened.project, st)
        if later:
            text += "\n\n" + "\n".join(later)
        actions = _open_actions(opened.project)
        if actions:
            lines = [st.bold("Acties uit het overleg")]
            for a in actions:
                lines += render.action_item(a, st)
            from gzctl.cli.table import fit

            text += "\n\n" + fit("\n".join(lines), width)
        quiet = _quiet_members(opened.project)
        if quiet:
            lines = [
                st.bold("Doen jullie nog mee?"),
                st.dim("  Een half jaar niets gezien: geen activiteit, overleg-actie, platform,"),
                st.dim("  statuswijziging of vaste activiteit. Bel of ga even langs."),
            ]
            for row in quiet:
                lines += render.still_in_item(row, st)
            from gzctl.cli.table import fit

            text += "\n\n" + fit("\n".join(lines), width)
        common.say(text)
        if data:
            common.say("")
            common.say("Afvinken: gzctl done NUMMER (of het id)")
        if actions:
            common.say(("" if data else "\n") + "Actie klaar: gzctl overleg actie-klaar ID")
        if quiet:
            common.say(("" if data or actions else "\n") + "Doen ze nog mee: gzctl org nog-mee ID")
            common.say("Niet meer: gzctl org status ID afgehaakt")
        return
    later = render.later_lines(opened.playbook, opened.project, st)
    actions = _open_actions(opened.project)
    extra = []
    if actions:
        late = sum(1 for a in actions if a.get("late"))
        said = f"{len(actions)} open" + (f", {late} te laat" if late else "")
        extra.append(f"Acties uit het overleg: {said}. Zie: gzctl next --alles")
    quiet = _quiet_members(opened.project)
    if quiet:
        n = len(quiet)
        extra.append(f"Doen ze nog mee? {n} {'organisatie' if n == 1 else 'organisaties'} "
                     "een half jaar niet gezien. Zie: gzctl next --alles")  # fmt: skip
    common.say("\n".join(render.short_next_lines(
        data, st, phases, width, len(numbered), later=later, extra=extra)))  # fmt: skip


def _open_actions(project: Any) -> list[dict[str, Any]]:
    """The open actions of the village's meetings (none: no meetings, nothing loaded)."""
    if not project.meetings:
        return []
    from gzctl.network.summaries import meeting_summary

    actions: list[dict[str, Any]] = meeting_summary(project, runtime.today())["open_actions"]
    return actions


def _action_rows(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The open meeting actions as ``next --json`` lists them after the stappenplan's items:
    kind "overleg-actie", the action's id (``gzctl overleg actie-klaar ID``), its text as the
    title, the meeting, the organisation, the date and whether it is late."""
    return [{"kind": "overleg-actie", "id": a["id"], "title": a["text"],
             "meeting": a["meeting"], "by": a["by"], "by_name": a["by_name"],
             "due": a["due"], "late": a["late"]} for a in actions]  # fmt: skip


def done(ctx: Any, ids: list[str], note: str = "") -> None:
    """`gzctl done`: marks items as done."""
    from gzctl.ops.progress import mark_done

    items = mark_done(
        common.open_project(ctx), ids, note=note, who=runtime.who(), now=runtime.now()
    )
    for item in items:
        common.say(f"☑ {item.title}  ({item.shown})")


def undo(ctx: Any, item_id: str) -> None:
    """`gzctl undo`: sets an item back to open."""
    from gzctl.ops.progress import undo_item

    item = undo_item(common.open_project(ctx), item_id, who=runtime.who(), now=runtime.now())
    common.say(f"☐ {item.title}  ({item.shown}) staat weer open.")


def log(ctx: Any, n: str = "20", json: bool = False) -> None:
    """`gzctl log`: prints the last lines of the project's history."""
    from gzctl.core.errors import UsageProblem

    try:
        count = int(n)
        if count < 0:
            raise ValueError
    except ValueError:
        raise UsageProblem(f"-n verwacht een geheel getal van 0 of meer, niet '{n}'.") from None
    opened = common.open_project(ctx)
    entries = opened.project.history[-count:] if count else []
    if json:
        common.print_json(
            [
                {
                    "at": h.at.isoformat(),
                    "who": h.who,
                    "action": h.action,
                    "what": h.what,
                    "ids": h.ids,
                }
                for h in entries
            ]
        )
        return
    if not entries:
        common.say("Nog geen geschiedenis.")
        return
    from gzctl.cli.table import terminal_width, wrap

    st = common.style()
    width = terminal_width()
    for h in entries:
        stamp = f"{format_date(h.at.date())} {h.at:%H:%M}"
        head = f"{st.dim(stamp)}  {st.bold(h.who)}  "
        plain = f"{stamp}  {h.who}  "
        if width is not None and len(plain) + len(h.what.split(" ")[0]) > width:
            common.say(head.rstrip())
            common.say("\n".join(wrap(h.what, width, "    ")))
            continue
        for k, part in enumerate(wrap(h.what, width, plain, "    ")):
            common.say(head + part[len(plain) :] if k == 0 else part)


def _quiet_members(project: Any) -> list[dict[str, Any]]:
    """The joined organisations to ask "doen jullie nog mee?" (none joined: nothing loaded)."""
    if not any(o.status == "aangesloten" for o in project.organisations):
        return []
    from gzctl.network.stillin import quiet_members

    return quiet_members(project, runtime.today())
