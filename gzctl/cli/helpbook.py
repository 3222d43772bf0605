"""Every command's ``--help`` as typer renders it, kept in the package for the usual screens.

Typer (with click and rich) needs about twenty times the interpreter's start-up to render a
command's help, so a volunteer's first ``gzctl org --help`` would be slow. The help depends
only on the command table (the modules of ``gzctl/cli``), the screen width and whether it is
a terminal that wants colour. So ``tools/render_help.py`` has typer render every command's
help for a colour terminal of each width in :data:`WIDTHS` and keeps the texts here
(``helpbook/WIDTH.z``), each book stamped with a digest of the ``gzctl/cli`` modules it was
rendered from. Elsewhere (not a terminal, or NO_COLOR) rich lays the help out the same and
only leaves the escape sequences out: the book's text without them (``outtext.clean``, what
gzctl's stream filter does there anyway). A help asked on such a screen is printed from the
book, without typer; any other screen (another width, a dumb terminal, an environment that
tells rich what to do) or a book that no longer matches the modules goes to typer as before
(and gzctl/cli/helpcache.py keeps that text for the next time). The books are typer's own
output, so the help looks the same either way; tests/test_helpbook.py renders them again and
compares.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BOOKS = Path(__file__).parent / "helpbook"
# the usual terminals, pipes (80), the tests (100) and the screens tests (60, 80, 120)
WIDTHS = (60, 70, 80, 90, 100, 110, 120, 140, 160)
# environment variables that tell typer or rich how to print, beyond what the books model
OVERRIDES = (
    "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "TERMINAL_WIDTH", "GITHUB_ACTIONS",
    "PY_COLORS", "_TYPER_FORCE_DISABLE_TERMINAL", "JUPYTER_COLUMNS", "JUPYTER_LINES",
)  # fmt: skip
_RECORD, _FIELD = "\x1e", "\x1f"


def variant() -> tuple[bool, int] | None:
    """How rich would see this screen (``typer.rich_utils._get_rich_console``): whether it
    prints in colour, and the width; None when no book fits."""
    env = os.environ
    if sys.platform == "win32" or any(k in env for k in OVERRIDES):
        return None
    out = sys.stdout
    if out is None or not (getattr(out, "encoding", None) or "utf-8").lower().startswith("utf"):
        return None  # rich would draw the boxes in ASCII
    try:
        tty = bool(out.isatty())
    except (ValueError, OSError):
        return None
    if tty and env.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    return tty and not env.get("NO_COLOR", ""), screen_width()


def screen_width() -> int:
    """The width rich gives a console: COLUMNS, else the first of stdin, stdout and stderr
    that is a terminal, else 80 (``rich.console.Console.size``)."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def command_path(argv: list[str]) -> str | None:
    """``org add`` for ``org add --help`` (or ``-h``), ``org`` for ``org`` alone (a group
    without a command shows its help: see :func:`lookup`): only a plain command path, no
    options or folders; None otherwise."""
    words = argv[:-1] if argv and argv[-1] in ("--help", "-h") else argv
    if not words or any(w.startswith("-") or not w for w in words):
        return None
    return " ".join(words)


def digest() -> str:
    """What the help is rendered from: the modules of gzctl/cli (the command table, its texts,
    the typer app) and gzctl's version, hashed. About a millisecond."""
    from _blake2 import blake2b

    h = blake2b(digest_size=16)
    package = Path(__file__).parent
    for path in (package.parent / "__init__.py", *sorted(package.glob("*.py"))):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def book_path(width: int) -> Path:
    """The book of help texts for a screen ``width`` columns wide."""
    return BOOKS / f"{width}.z"


def read_book(width: int) -> tuple[str, dict[str, str]] | None:
    """The digest a book was rendered from and its helps by command path; None without one."""
    import zlib

    try:
        data = zlib.decompress(book_path(width).read_bytes()).decode("utf-8")
    except (OSError, zlib.error, UnicodeDecodeError):
        return None
    stamp, _, body = data.partition("\n")
    helps = dict(r.split(_FIELD, 1) for r in body.split(_RECORD) if _FIELD in r)
    return stamp, helps


def book_bytes(stamp: str, helps: dict[str, str]) -> bytes:
    """The bytes of a book (tools/render_help.py writes them through the safe writer)."""
    import zlib

    body = _RECORD.join(f"{path}{_FIELD}{text}" for path, text in sorted(helps.items()))
    return zlib.compress(f"{stamp}\n{body}".encode(), 9)


def lookup(argv: list[str]) -> str | None:
    """The help ``argv`` asks for, from the book for this screen, when there is one and it
    was rendered from the modules as they are now."""
    path = command_path(argv)
    if path is None:
        return None
    screen = variant()
    if screen is None or screen[1] not in WIDTHS:
        return None
    book = read_book(screen[1])
    if book is None or path not in book[1]:
        return None
    text = book[1][path]
    if argv[-1] not in ("--help", "-h"):
        # a group alone ('gzctl org'): typer shows its help without the last empty line; a
        # command alone is no help (its arguments are missing)
        if not any(k.startswith(path + " ") for k in book[1]) or not text.endswith("\n"):
            return None
        text = text[:-1]
    try:
        if book[0] != digest():
            return None
    except OSError:
        return None
    if screen[0]:
        return text
    from gzctl.core.outtext import clean

    return clean(text)


def shown(argv: list[str]) -> bool:
    """Print the kept help for ``argv`` from its book if there is one; whether it did."""
    text = lookup(argv)
    if text is None:
        return False
    sys.stdout.write(text)
    return True


# --------------------------------------------------------------------------- rendering


def render(argv: list[str]) -> str:
    """Typer's help for ``argv``, as it prints it with this process's environment (the
    tools and the tests set COLUMNS, FORCE_COLOR and NO_COLOR)."""
    import io

    from gzctl.cli.app import run_typer

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        code = run_typer(argv)
        text, errors = sys.stdout.getvalue(), sys.stderr.getvalue()
    finally:
        sys.stdout, sys.stderr = out, err
    if code != 0 or errors:
        raise RuntimeError(f"gzctl {' '.join(argv)}: exit {code}: {errors}")
    return text


def command_paths() -> list[str]:
    """Every command and group below the top (the top's help is gzctl's own, __main__.py),
    walked from the typer app."""
    import typer

    from gzctl.cli.app import build_app

    found: list[str] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        if path:
            found.append(" ".join(path))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(typer.main.get_command(build_app()), ())
    return found


def colour_environment() -> dict[str, str | None]:
    """The environment the books are rendered in (None: unset): a colour terminal, told by
    FORCE_COLOR (what rich prints on a real one)."""
    return {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": None, "NO_COLOR": None}
