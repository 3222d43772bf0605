"""The one top-level error handler: every way a gzctl run can end, as one Dutch message on
stderr and an exit code. ``gzctl/__main__.py`` runs every command line through
:func:`handled` (``cli/app.main``, the typer route of the tests and of ``gzctl help``, too).

Exit codes: 0 ok, 1 refused (``Refused``) or an unexpected error, 2 bad input or a broken
file (``GzctlError``, a usage error), 130 Ctrl-C. Never a traceback, unless
``GZCTL_DEBUG=1`` asks for one. Imports nothing heavy: the fast route goes through it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def fail(message: str, code: int) -> int:
    """One Dutch message on stderr; on a terminal wrapped at its width at word boundaries,
    hanging under the text (in a file or pipe: one line)."""
    from gzctl.cli.table import error_text

    print(error_text(message), file=sys.stderr)
    return code


def usage(message: str, path: tuple[str, ...]) -> int:
    """A command line that does not fit: what is wrong, and where the help is (the command
    path as typed, without quotes: with -C 'Mijn Dorp' in it, it pastes as it stands)."""
    from gzctl.cli.table import error_text

    print(error_text(message), file=sys.stderr)
    print(f"Hulp: {' '.join(('gzctl', *path))} --help", file=sys.stderr)
    return 2


def meant(folder: str, argv: list[str]) -> str:
    """The command line the user typed, run in ``folder``: '  gzctl -C heukelum status'
    (on a line of its own, so that it pastes whole)."""
    from gzctl.cli.argv import leading_directory
    from gzctl.core.text import shell_quote

    start = (leading_directory(argv) or (None, 0))[1]
    words = [shell_quote(w) for w in argv[start:]]
    return "  " + " ".join(["gzctl", "-C", shell_quote(folder), *words])


def _debug() -> bool:
    return os.environ.get("GZCTL_DEBUG", "") not in ("", "0")


def _typer_error(exc: Any) -> int:
    """A usage error found by typer itself rather than the table's parser (which leaves it
    only help and completion), told from the exception's own fields."""
    name = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    path = tuple(ctx.command_path.split()[1:]) if ctx is not None else ()
    if name == "NoSuchOption":
        message = f"onbekende optie {exc.option_name}."
        if exc.possibilities:
            message += " Bedoelde je: " + ", ".join(sorted(exc.possibilities)) + "?"
    elif name == "MissingParameter" and exc.param is not None:
        if exc.param.param_type_name == "argument":
            message = f"argument {exc.param.make_metavar(ctx)} ontbreekt."
        else:
            message = f"optie {exc.param.opts[0]} ontbreekt."
    elif name == "BadParameter":
        hint = exc.param_hint or (exc.param.get_error_hint(ctx) if exc.param else "")
        message = f"ongeldige waarde voor {hint}: {exc.message}"
    elif getattr(exc, "exit_code", 1) == 2:
        message = exc.format_message()
    else:
        return fail(exc.format_message(), int(getattr(exc, "exit_code", 1)))
    return usage(message, path)


def handled(call: Callable[[], int | None], argv: list[str]) -> int:
    """Run ``call`` (one gzctl command line, ``argv`` as typed after ``gzctl``) and turn how
    it ends into an exit code, with one Dutch line on stderr when it failed."""
    from gzctl.cli.commands import Exit, Usage
    from gzctl.core.errors import GzctlError

    try:
        return call() or 0
    except Usage as exc:
        return usage(exc.message, exc.path)
    except GzctlError as exc:
        from gzctl.cli.commands import error_text

        code = fail(error_text(exc.message, argv), exc.exit_code)
        for folder in getattr(exc, "below", ()):
            print(meant(folder, argv), file=sys.stderr)
        return code
    except Exit as exc:
        return exc.exit_code
    except (KeyboardInterrupt, EOFError):
        print("\nAfgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file gzctl could not read or write: one Dutch line
        if _debug():
            raise
        from gzctl.core.safefs import os_error

        err = os_error(exc)
        return fail(err.message, err.exit_code)
    except Exception as exc:  # never a traceback for a user
        if "typer" in sys.modules:
            import typer

            if isinstance(exc, typer.Abort):
                print("\nAfgebroken.", file=sys.stderr)
                return 130
            if isinstance(exc, typer.Exit):
                return exc.exit_code
            if isinstance(exc, typer.TyperException):
                return _typer_error(exc)
        if _debug():
            raise
        from gzctl.core.outtext import short_error

        return fail(f"onverwachte fout: {short_error(exc)}. Zet GZCTL_DEBUG=1 voor details.", 1)
