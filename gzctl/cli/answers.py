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
) -> None:
    """`gzctl answers`: prints the wizard's answers, or asks one question again."""
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
