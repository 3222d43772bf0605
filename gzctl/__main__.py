"""Entry point of the ``gzctl`` command.

Loading typer (and through it pydantic) costs several times the interpreter's own start-up,
so the command lines people run most often and want instant are answered here without it:
``gzctl``, ``gzctl --help``, ``gzctl --version``, ``gzctl portfolio --json`` and every everyday
command of the table in ``gzctl.cli.commands`` (status, next, done, undo, log, the list
commands), parsed against the same declarations typer builds its commands from. Every other
command line, including ``--help`` of a command, usage errors and shell completion, goes to
the typer app in ``gzctl.cli.app``. The help texts of both come from ``gzctl.cli.texts``.
"""

from __future__ import annotations

import os
import sys

from gzctl.core.errors import GzctlError
from gzctl.core.words import plural


def fail(message: str, code: int) -> int:
    """One Dutch message on stderr; on a terminal wrapped at its width at word boundaries,
    hanging under the text (in a file or pipe: one line)."""
    from gzctl.cli.table import error_text

    print(error_text(message), file=sys.stderr)
    return code


def top_help(color: bool) -> str:
    from gzctl.cli.texts import APP, COMMANDS, GLOBAL_OPTIONS

    def head(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if color else text

    width = max(len(n) for n in COMMANDS) + 2
    owidth = max(len(o) for o, _ in GLOBAL_OPTIONS) + 2
    import textwrap

    lines = [
        head("Gebruik:") + " gzctl [-C MAP] OPDRACHT [OPTIES]",
        "",
        APP.summary,
        "",
        *textwrap.wrap(APP.description, 78),
        "",
        head("Opdrachten:"),
    ]
    lines += [f"  {name:<{width}}{h.summary}" for name, h in COMMANDS.items()]
    lines += ["", head("Algemene opties:")]
    for opt, text in GLOBAL_OPTIONS:
        wrapped = textwrap.wrap(text, 78 - owidth - 2) or [""]
        lines.append(f"  {opt:<{owidth}}{wrapped[0]}")
        lines += [" " * (owidth + 2) + more for more in wrapped[1:]]
    lines += ["", head("Voorbeelden:")]
    lines += [f"  {e}" for e in APP.examples]
    lines += ["", "Meer over een opdracht: gzctl help OPDRACHT (of gzctl OPDRACHT --help)"]
    return "\n".join(lines)


def fast_path(argv: list[str]) -> int | None:
    """Handle the hot command lines without typer; None means 'not mine, ask typer'."""
    if any(k.endswith("_COMPLETE") for k in os.environ):
        return None  # shell completion is typer's
    from gzctl.cli.argv import leading_directory

    leading = leading_directory(argv)
    if leading is None:
        return None  # -C without its folder: typer says what is missing
    directory, i = leading
    rest = argv[i:]
    if not rest or rest in (["--help"], ["-h"]):
        from gzctl.core.runtime import color_wanted

        print(top_help(color_wanted()))
        return 0
    if rest[0] == "help":
        # gzctl help [OPDRACHT...]: the fast top-level help, or typer's help of that command
        if len(rest) == 1:
            from gzctl.core.runtime import color_wanted

            print(top_help(color_wanted()))
            return 0
        front = argv[: len(argv) - len(rest)]
        return _typer([*front, *rest[1:], "--help"])
    if rest == ["--version"]:
        from gzctl import __version__

        print(f"gzctl {__version__}")
        return 0
    if rest[0] == "portfolio" and "--json" in rest[1:]:
        args = [a for a in rest[1:] if a != "--json"]
        if all(not a.startswith("-") for a in args) and rest.count("--json") == 1:
            return fast_portfolio(args, directory)
    return everyday(rest, directory)


def everyday(args: list[str], directory: str | None) -> int | None:
    """An everyday command (gzctl/cli/commands.py: status, next, done, undo, log and the list
    commands) without typer: the same function typer would call, with the same values. None
    when the command line is not a plain use of one (typer answers: help, usage errors)."""
    from gzctl.cli.commands import NotSure, PlainContext, parse

    try:
        command, values = parse(args)
    except NotSure:
        return None
    command.load()(PlainContext(directory), **values)
    return 0


def _typer(argv: list[str]) -> int | None:
    from gzctl.cli.app import main

    main(argv)
    return 0


def fast_portfolio(roots: list[str], directory: str | None) -> int:
    """`gzctl portfolio [MAP...] --json` for advisors' scripts: the same rows as the typer
    command (gzctl/cli/portfolio.py) with its defaults, without typer's start-up."""
    from pathlib import Path

    from gzctl.advisors import portfolio, scan
    from gzctl.core import runtime
    from gzctl.network import session

    base = Path(directory) if directory else Path.cwd()
    _, rows, _ = scan.collect(
        roots, base, scan.DEFAULT_DEPTH, None, runtime.today(), os.environ, shown=session.shown
    )
    rows = portfolio.sort_rows(rows, "village")
    from gzctl.core.outtext import write_utf8

    write_utf8(portfolio.json_bytes(rows) + b"\n")
    failed = sum(1 for r in rows if r.get("error") is not None)
    if failed:
        print(
            f"Let op: {failed} van de {len(rows)} mappen "
            f"{plural(failed, 'kon', 'konden')} niet gelezen worden "
            "(de fout staat bij de map); afsluitcode 1.",
            file=sys.stderr,
        )
        return 1
    return 0


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
    from gzctl.cli.argv import hoist_directory

    argv = hoist_directory(sys.argv[1:])
    if sys.stdout is None or sys.stderr is None:
        closed_streams()
    from gzctl.core.outtext import guard_streams, set_hint_folder

    guard_streams()  # no escape sequence from data reaches the terminal
    set_hint_folder(hint_folder(argv))  # every printed 'gzctl ...' hint names the -C folder
    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 (surrogate-escaped by Python)
            sys.exit(fail(f"argument {n} is geen geldige UTF-8-tekst; typ het opnieuw.", 2))
    try:
        code = fast_path(argv)
        if code is None:
            code = _typer(argv)
    except GzctlError as exc:
        from gzctl.cli.commands import error_text

        code = fail(error_text(exc.message, argv), exc.exit_code)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    except OSError as exc:  # a file gzctl could not read or write: one Dutch line
        from gzctl.core.safefs import os_error

        err = os_error(exc)
        code = fail(err.message, err.exit_code)
    except Exception as exc:  # never a traceback for a user
        if os.environ.get("GZCTL_DEBUG", "") not in ("", "0"):
            raise
        from gzctl.core.outtext import short_error

        code = fail(f"onverwachte fout: {short_error(exc)}. Zet GZCTL_DEBUG=1 voor details.", 1)
    sys.stdout.flush()
    sys.exit(code)


if __name__ == "__main__":
    run()
