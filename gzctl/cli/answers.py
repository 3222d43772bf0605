"""gzctl answers, gzctl help: see (and change) what you answered; help in plain words.

``gzctl answers`` lists every answer per step (``--json`` for scripts); ``--wijzig VRAAG`` asks
one question again, validated as in the wizard, without redoing its step, and the history says
it was changed. ``gzctl help [OPDRACHT]`` is the same as ``gzctl [OPDRACHT] --help``.
"""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common
from gzctl.core import runtime


def answers(
    ctx: common.Context,
    json: common.JsonFlag = False,
    wijzig: Annotated[
        str | None,
        common.Option(
            "--wijzig",
            "--change",
            metavar="VRAAG",
            help="Stel deze ene vraag opnieuw (nummer zoals 4.2, of de naam) en bewaar het "
            "nieuwe antwoord.",
        ),
    ] = None,
    stap: Annotated[
        int | None,
        common.Option("--stap", "--step", metavar="N", help="Toon de antwoorden van stap N.",
                      min=0),
    ] = None,
    alles: Annotated[
        bool,
        common.Option("--alles", "--all", help="Toon alle antwoorden van alle stappen."),
    ] = False,
) -> None:
    """`gzctl answers`: prints the wizard's answers, or asks one question again."""
    """The answers: per step how many are filled in (one screen), one step's answers
    (``--stap``), or all of them (``--alles``, ``--json``)."""
    from gzctl.core import answers as ans
    from gzctl.core.questions import format_value, is_answered
    from gzctl.wizard.resume import BASICS, numbered_questions

    opened = common.open_project(ctx)
    if wijzig:
        _change(ctx, opened, wijzig)
        return
    project = opened.project
    later = set(project.wizard.later)
    rows = numbered_questions(opened.playbook)
    if json:
        groups: dict[str, dict[str, Any]] = {}
        for number, step, q in rows:
            key = step.id if step else "basis"
            group = groups.setdefault(
                key,
                {
                    "step": step.id if step else None,
                    "number": int(number.split(".")[0]),
                    "title": step.title if step else BASICS,
                    "questions": [],
                },
            )
            value = ans.get_answer(project, q)
            group["questions"].append(
                {
                    "number": number,
                    "id": q.id,
                    "label": q.label,
                    "answered": is_answered(value),
                    "later": q.id in later and not is_answered(value),
                    "answer": value,
                }
            )
        common.print_json(list(groups.values()))
        return
    from gzctl.cli.table import terminal_width, wrap

    st = common.style()
    width = terminal_width()
    if stap is not None:
        rows = [r for r in rows if int(r[0].split(".")[0]) == stap]
        if not rows:
            from gzctl.core.errors import UsageProblem

            raise UsageProblem(f"Stap {stap} heeft geen vragen. Zie: gzctl answers")
    elif not alles:
        common.say("\n".join(_overview(rows, project, later, width)))
        return
    current = "-"
    lines: list[str] = []
    for number, step, q in rows:
        key = step.id if step else ""
        if key != current:
            current = key
            if lines:
                lines.append("")
            head = f"Stap {number.split('.')[0]} · {step.title}" if step else BASICS
            lines += [st.bold(x) for x in wrap(head, width)]
        value = ans.get_answer(project, q)
        if is_answered(value):
            text = format_value(q, value)
        elif q.id in later:
            text = "(later invullen)"
        else:
            text = "(nog niet ingevuld)"
        lines += wrap(q.label, width, f"  {number:<5}", " " * 7)
        lines += [st.cyan(x) if is_answered(value) else st.dim(x)
                  for x in wrap(text, width, " " * 7)]  # fmt: skip
    common.say("\n".join(lines))
    common.say("")
    common.say(
        "\n".join(wrap("Een antwoord veranderen: gzctl answers --wijzig NUMMER "
                       "(bijvoorbeeld 0.3 of 4.2)", width))  # fmt: skip
    )


def _overview(rows: list[Any], project: Any, later: set[str], width: int | None) -> list[str]:
    """Per step how many of its questions are answered, in one window (two columns when
    the screen is wide enough; on a narrow one the steps with open questions first)."""
    from gzctl.cli.render import SCREEN_ROWS
    from gzctl.cli.table import fit
    from gzctl.core import answers as ans
    from gzctl.core.questions import is_answered
    from gzctl.wizard.resume import BASICS

    steps: dict[int, list[Any]] = {}
    for number, step, q in rows:
        n = int(number.split(".")[0])
        entry = steps.setdefault(n, [step.title if step else BASICS, 0, 0, 0])
        entry[2] += 1
        if is_answered(ans.get_answer(project, q)):
            entry[1] += 1
        elif q.id in later:
            entry[3] += 1
    answered = sum(e[1] for e in steps.values())
    total = sum(e[2] for e in steps.values())
    put_off = sum(e[3] for e in steps.values())
    screen = width or 80
    head = f"Je antwoorden: {answered} van {total} vragen ingevuld"
    head += f", {put_off} voor later." if put_off else "."
    foot = fit(
        "Eén stap bekijken: gzctl answers --stap 3   Alles: gzctl answers --alles\n"
        "Veranderen: gzctl answers --wijzig 3.2",
        width,
    ).split("\n")  # fmt: skip
    room = SCREEN_ROWS - len(foot) - 3
    columns = 2 if screen >= 76 and len(steps) > room else 1
    cell = (screen - 2 * columns) // columns

    def line(n: int) -> str:
        title, done, count, _ = steps[n]
        mark = "✓" if done == count else f"{done}/{count}"
        text = f"{n:>2}. "
        room_for_title = cell - len(text) - len(mark) - 2
        words = title.split()
        short = ""
        for w in words:
            if len(short) + len(w) + (1 if short else 0) > room_for_title - 1:
                short += "…"
                break
            short += (" " if short else "") + w
        return f"{text}{short:<{room_for_title}}  {mark}"

    order = sorted(steps)
    if columns == 1 and len(order) > room:
        open_first = [n for n in order if steps[n][1] < steps[n][2]]
        full = [n for n in order if steps[n][1] == steps[n][2]]
        order = open_first[: room - 1]
        rest = [n for n in open_first if n not in order]
        summary = []
        if full:
            summary.append("helemaal ingevuld: stap " + ", ".join(str(n) for n in full))
        if rest:
            summary.append(f"nog {len(rest)} stappen met open vragen: gzctl answers --alles")
        body = [line(n) for n in order] + fit("; ".join(summary), width).split("\n")
    elif columns == 2:
        half = (len(order) + 1) // 2
        body = [
            line(order[i]) + ("  " + line(order[i + half]) if i + half < len(order) else "")
            for i in range(half)
        ]
    else:
        body = [line(n) for n in order]
    return [*fit(head, width).split("\n"), "", *[b.rstrip() for b in body], "", *foot]


def _change(ctx: common.Context, opened: Any, text: str) -> None:
    from gzctl.core.errors import UsageProblem
    from gzctl.core.questions import format_value
    from gzctl.wizard.engine import Asker
    from gzctl.wizard.resume import ask_again, find_question
    from gzctl.wizard.wrap import wrapping

    find_question(opened.playbook, text)  # an unknown question fails before the terminal check
    if not runtime.stdin_is_terminal() or not runtime.stdout_is_terminal():
        raise UsageProblem(
            "Een antwoord veranderen gaat met vragen op het scherm, en hier is geen terminal. "
            "Zet het nieuwe antwoord in een bestand: gzctl wizard --answers antwoorden.toml."
        )
    console = common.console(
        highlight=False, color_system="auto" if runtime.color_wanted() else None
    )
    try:
        result = ask_again(
            opened.folder, opened.playbook, text, Asker(wrapping(console.print)), runtime.who(),
            runtime.now(),
        )  # fmt: skip
    except (KeyboardInterrupt, EOFError):
        common.note("")
        common.note("Niets veranderd.")
        raise common.Exit(130) from None
    if result is None:
        common.say("Niets veranderd.")
        return
    q, old, new = result
    if old == new:
        common.say("Het antwoord was al zo; niets veranderd.")
    else:
        common.say(f"Bewaard: {format_value(q, new)}")


def help_(
    ctx: common.Context,
    command: Annotated[
        list[str] | None,
        common.Argument(metavar="[OPDRACHT]...", help="De opdracht, bijvoorbeeld: org add."),
    ] = None,
) -> None:
    """`gzctl help`: prints the help of gzctl or of the named command."""
    from gzctl.cli.app import main

    if not command:
        parent = ctx.parent
        common.say(parent.get_help() if parent is not None else "")
        return
    main([*command, "--help"])


COMMANDS = {"answers": answers, "help": help_}
