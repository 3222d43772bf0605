"""What every command module shares: opening the project, output, and declaring commands.

Nothing here imports typer: every command runs without it (gzctl/cli/commands.py); typer is
built from the same declarations for help and completion (gzctl/cli/app.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import texts
from gzctl.cli.commands import JSON, Argument, Exit, Option, Room
from gzctl.core import runtime
from gzctl.network import session

__all__ = ["Argument", "Exit", "Option"]

# A command function's context: typer's, or the fast route's PlainContext (cli/commands.py).
# Either gives the -C folder through ``directory(ctx)``.
Context = Any

# The --json flag of cli/commands.py, for a command function's signature.
JsonFlag = Annotated[bool, JSON]


def everyday(app: Room, path: tuple[str, ...], **kwargs: Any) -> None:
    """List the everyday command ``path`` (declared in gzctl/cli/commands.py) in ``app``."""
    app.everyday(path, **kwargs)


def group(h: texts.Help) -> Room:
    """A command group (gzctl org, gzctl place, ...) with its Dutch help; alone it shows help."""
    return Room(h)


def command_kwargs(h: texts.Help) -> dict[str, Any]:
    return {"help": texts.full_help(h), "short_help": h.summary, "epilog": texts.epilog(h)}


def directory(ctx: Context) -> str | None:
    root = ctx.find_root()
    obj = root.obj or {}
    value = obj.get("directory")
    return str(value) if value else None


def open_project(ctx: Context) -> session.Opened:
    """The project of the command; a reference to something that is not there is reported
    (one line each on stderr, with the command that repairs it), never refused here."""
    opened = session.open_project(directory(ctx))
    for line in opened.dangling:
        note(line)
    return opened


def base_folder(ctx: Context) -> Path:
    """The folder -C names (for init and demo, which create one), else the current one."""
    d = directory(ctx)
    return Path(d) if d else Path.cwd()


def print_json(data: Any) -> None:
    import json

    from gzctl.core.outtext import json_safe

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(json_safe(text) + "\n")


def say(text: str = "") -> None:
    """A human message on stdout (on a terminal wrapped to fit it, see :func:`_fitted`)."""
    sys.stdout.write(_fitted(text, sys.stdout) + "\n")


def note(text: str) -> None:
    """A side message on stderr (keeps stdout clean for --json); fitted like :func:`say`."""
    sys.stderr.write(_fitted(text, sys.stderr) + "\n")


def _fitted(text: str, stream: Any) -> str:
    """``text`` with its lines that are wider than the terminal ``stream`` is in wrapped at
    spaces (cli/table.fit: a ``gzctl -C 'Mijn Dorp' ...`` hint stays whole), instead of
    being cut anywhere by the terminal, in the middle of a hint's folder too. Unchanged in a
    file or pipe (scripts see whole lines) and when every line fits."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return text
    if not tty or (len(text) <= 40 and "gzctl" not in text):
        return text
    from gzctl.cli.table import fit, terminal_width

    return fit(text, terminal_width(stream))


# stands in for a space inside a hint while rich lays a text out (a letter of width 1 to
# rich, so it never breaks there); turned back into a space in the rendered output
_HINT_SPACE = "\ue000"


def console(**kwargs: Any) -> Any:
    """A rich Console (``kwargs`` as rich takes them) that puts the -C folder into the
    ``gzctl ...`` hints of a printed text before rich lays it out, and keeps each such hint
    on one line: rich wraps the text at its other spaces, never inside 'gzctl -C 'Mijn Dorp'
    org edit' (a hint in two lines no longer pastes). Every rich output of the rooms and
    the wizard goes through one of these; rich is imported here, not above."""
    from rich.console import Console
    from rich.markup import escape

    from gzctl.cli.table import protect_hints
    from gzctl.core.outtext import hinted

    def keep(o: Any) -> Any:
        if not isinstance(o, str):
            return o
        o = hinted(o, escape)
        return protect_hints(o, _HINT_SPACE) if "gzctl -C " in o else o

    class HintedConsole(Console):
        def print(self, *objects: Any, **options: Any) -> None:
            if options.get("markup") is not False:
                objects = tuple(keep(o) for o in objects)
                longest = max(
                    (len(w) for o in objects if isinstance(o, str) and _HINT_SPACE in o
                     for w in o.split() if _HINT_SPACE in w),
                    default=0,
                )  # fmt: skip
                if longest > self.width:
                    # a hint longer than the line: the terminal breaks the text, rich would
                    # cut the hint
                    options.setdefault("soft_wrap", True)
            super().print(*objects, **options)

        def _render_buffer(self, buffer: Any) -> str:
            return str(super()._render_buffer(buffer)).replace(_HINT_SPACE, " ")

    if "width" not in kwargs and "file" not in kwargs and not sys.stdout.isatty():
        from gzctl.cli.table import terminal_width

        # stdout into a pipe (gzctl org show x | less) while a person reads it on the
        # terminal (stderr): the terminal's width (rich would take 80), as the plain views
        width = terminal_width() if sys.stderr.isatty() else None
        if width is not None:
            kwargs["width"] = width
    return HintedConsole(**kwargs)


def style() -> Any:
    from gzctl.cli.render import Style

    return Style(runtime.color_wanted())


shown = session.shown


def esc(value: object) -> str:
    """Data going into rich markup (tables, console.print): control characters removed and
    '[' escaped, so a name like '[/]' or '[link=...]' prints as typed instead of crashing
    or styling (rich is only imported by commands that print through it)."""
    from rich.markup import escape

    from gzctl.core.outtext import clean_line

    return escape(clean_line(str(value)))
