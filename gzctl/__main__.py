"""Entry point of the ``gzctl`` command.

Every command line that runs a command is parsed here against the command table
(``gzctl/cli/commands.py``) and answered without typer, click or pydantic, which cost
several times the interpreter's own start-up. ``gzctl``, ``gzctl --help`` and
``gzctl --version`` are printed from ``gzctl/cli/texts.py``. The help of a command is printed
as typer renders it, from the help books shipped for the usual screens
(``gzctl/cli/helpbook.py``) or kept from an earlier run (``gzctl/cli/helpcache.py``); else it
and shell completion go to the typer app in ``gzctl/cli/app.py``, built from the same table.
Every error ends in the one handler, ``gzctl/cli/errors.py``.
"""

from __future__ import annotations

import os
import sys


def top_help(color: bool, width: int | None = None, alles: bool = False) -> str:
    """``gzctl help``: on one 24-row screen the commands to start with and the everyday
    ones, the others by name (``alles``: every command, the global options and examples),
    each line wrapped at ``width`` under its text. Commands show their Dutch name too."""
    from gzctl.cli.commands import dutch_name
    from gzctl.cli.table import fit, wrap
    from gzctl.cli.texts import (
        APP,
        COMMANDS,
        GLOBAL_OPTIONS,
        HELP_ARGS,
        HELP_DAILY,
        HELP_DUTCH,
        HELP_FLANDERS,
        HELP_FLANDERS_SHORT,
        HELP_MORE,
        HELP_SHORT,
        HELP_START,
    )  # fmt: skip

    def head(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if color else text

    screen = width or 80

    def name(n: str) -> str:
        dutch = dutch_name(n)
        return n + (f" · {dutch}" if dutch else "") + (f" {HELP_ARGS[n]}" if n in HELP_ARGS else "")

    def rows(names: tuple[str, ...] | list[str], short: bool = False, col: int = 0) -> list[str]:
        col = col or max(len(name(n)) for n in names) + 4
        out = []
        for n in names:
            text = HELP_SHORT[n] if short else COMMANDS[n].summary
            if screen - col < 30:  # narrow: the summary under the name
                out += [f"  {name(n)}", *wrap(text, screen, "      ")]
            else:
                out += wrap(text, screen, f"  {name(n):<{col - 2}}", " " * col)
        return out

    lines = [head("Gebruik:") + " gzctl [-C MAP] OPDRACHT [OPTIES]", *wrap(APP.summary, screen)]
    lines.append("")
    if alles:
        lines += [*wrap(APP.description, screen), ""]
        lines += [head("Opdrachten:"), *rows(list(COMMANDS))]
        lines += ["", head("Algemene opties:")]
        owidth = max(len(o) for o, _ in GLOBAL_OPTIONS) + 4
        for opt, text in GLOBAL_OPTIONS:
            lines += wrap(text, screen, f"  {opt:<{owidth - 2}}", " " * owidth)
        lines += ["", head("Voorbeelden:"), *(f"  {e}" for e in APP.examples), ""]
        lines += wrap(HELP_DUTCH, screen)
        lines += wrap(HELP_FLANDERS, screen)
        lines += ["", "Meer over een opdracht: gzctl help OPDRACHT (of gzctl OPDRACHT --help)"]
        return fit("\n".join(lines), width)
    col = max(len(name(n)) for n in (*HELP_START, *HELP_DAILY)) + 4
    lines += [head("Om te beginnen:"), *rows(HELP_START, True, col)]
    lines += [head("Elke dag:"), *rows(HELP_DAILY, True, col)]
    for title, names in HELP_MORE:
        lines += wrap(", ".join(names), screen, f"{title}: ")
    lines.append("")
    lines += wrap(HELP_FLANDERS_SHORT, screen)
    lines += wrap("Meer: gzctl help --alles, of gzctl help OPDRACHT", screen)
    return fit("\n".join(lines), width)


def fast_path(argv: list[str]) -> int | None:
    """Answer ``argv`` without typer; None means 'help or completion: ask typer'."""
    if any(k.endswith("_COMPLETE") for k in os.environ):
        return None  # shell completion is typer's
    from gzctl.cli.argv import leading_directory

    leading = leading_directory(argv)
    if leading is None:
        from gzctl.cli.commands import Usage

        raise Usage(f"optie {argv[-1]} heeft een waarde nodig.")
    directory, i = leading
    rest = argv[i:]
    alles = ("--alles", "--alle", "--all")
    if (
        not rest or rest in (["--help"], ["-h"]) or rest == ["help"]
        or (len(rest) == 2 and rest[0] in ("help", "--help", "-h") and rest[1] in alles)
    ):  # fmt: skip
        from gzctl.cli.table import terminal_width
        from gzctl.core.runtime import color_wanted

        print(top_help(color_wanted(), terminal_width(), alles=len(rest) == 2))
        return 0
    if rest == ["--version"]:
        from gzctl import __version__

        print(f"gzctl {__version__}")
        return 0
    front = argv[: len(argv) - len(rest)]
    if rest[0] == "help" or "--help" in rest or "-h" in rest:
        from gzctl.cli.helpcache import shown_before

        asked = [*front, *rest[1:], "--help"] if rest[0] == "help" else argv
        if shown_before(asked):  # before the room is imported to parse the command line
            return 0
    from gzctl.cli.commands import NotSure, PlainContext, find, parse

    if rest[0] == "help":
        # gzctl help OPDRACHT...: typer's help of that command, once the table knows it
        try:
            find([*rest[1:], "--help"])
        except NotSure:
            pass
        return _help([*front, *rest[1:], "--help"])
    try:
        _, leaf, values = parse(rest)
    except NotSure:
        return _help(argv)
    leaf.run(PlainContext(directory), values)
    return 0


def _help(argv: list[str]) -> int:
    """A help typer renders, printed from gzctl/cli/helpcache.py once it has been shown."""
    from gzctl.cli.helpcache import show

    return show(argv)


def _typer(argv: list[str]) -> int | None:
    from gzctl.cli.app import run_typer

    return run_typer(argv)


def hint_folder(argv: list[str]) -> str | None:
    """The folder printed hints name in this run (``cli.commands.hint_folder``); without -C
    (always in front after :func:`hoist_directory`) nothing is imported for it."""
    if not argv or not argv[0].startswith(("-C", "--directory")):
        return None
    from gzctl.cli.commands import hint_folder as folder

    return folder(argv)


def closed_streams() -> None:
    """Started with stdout or stderr closed (``gzctl ... >&-``): Python has None there, and
    every print would fail (a traceback at the end). What goes there is thrown away, as the
    caller asked; the exit code still tells how it went."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def run() -> None:
    """The ``gzctl`` entry point: checks the arguments, runs the command and exits with its code."""
    from gzctl.cli.argv import hoist_directory

    argv = hoist_directory(sys.argv[1:])
    if any(not a.startswith("-") for a in argv):
        from gzctl.cli.commands import english_argv

        argv = english_argv(argv)  # 'gzctl org lijst' is 'gzctl org list'
    if sys.stdout is None or sys.stderr is None:
        closed_streams()
    from gzctl.core.outtext import guard_streams, set_hint_folder

    guard_streams()  # no escape sequence from data reaches the terminal
    set_hint_folder(hint_folder(argv))  # every printed 'gzctl ...' hint names the -C folder
    from gzctl.cli.errors import fail, handled

    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 (surrogate-escaped by Python)
            sys.exit(fail(f"argument {n} is geen geldige UTF-8-tekst; typ het opnieuw.", 2))

    def answer() -> int | None:
        code = fast_path(argv)
        return _typer(argv) if code is None else code

    code = handled(answer, argv)
    sys.stdout.flush()
    sys.exit(code)


if __name__ == "__main__":
    run()
