"""What every command module shares: opening the project, output, and building typer commands.

This module does not import typer at module level: the everyday commands (gzctl/cli/commands.py)
run through it without typer. ``JsonFlag``, :func:`group` and :func:`everyday` load typer when
a typer command module asks for them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gzctl.cli import texts
from gzctl.core import runtime, store
from gzctl.network import session

if TYPE_CHECKING:
    import typer

    from gzctl.cli.commands import Command, Param


def __getattr__(name: str) -> Any:
    """``common.JsonFlag``: the --json option of gzctl/cli/commands.py as a typer annotation
    (built on first use, so that importing this module does not load typer)."""
    if name == "JsonFlag":
        from typing import Annotated

        from gzctl.cli.commands import JSON

        value = Annotated[bool, typer_parameter(JSON)]
        globals()[name] = value
        return value
    raise AttributeError(name)


def typer_parameter(param: Param) -> Any:
    """The ``typer.Option`` / ``typer.Argument`` for one parameter of the command table."""
    import typer

    if param.kind == "argument":
        return typer.Argument(metavar=param.metavar, help=param.help)
    return typer.Option(*param.decls, metavar=param.metavar, help=param.help)


def typer_function(command: Command) -> Any:
    """A function typer can register for an everyday command: its signature is built from the
    command table, its body calls the command's own function with typer's values."""
    import inspect
    from typing import Annotated

    import typer

    function = command.load()
    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    annotations: dict[str, Any] = {"ctx": typer.Context, "return": None}
    for p in command.params:
        hint: Any
        if p.kind == "flag":
            hint = bool
        elif p.multiple:
            hint = list[str] if p.required else list[str] | None
        else:
            hint = str if p.required or p.default is not None else str | None
        annotation = Annotated[hint, typer_parameter(p)]
        default = inspect.Parameter.empty if p.required else p.default
        parameters.append(
            inspect.Parameter(
                p.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=default,
                annotation=annotation,
            )
        )
        annotations[p.name] = annotation

    def run(ctx: typer.Context, **values: Any) -> None:
        function(ctx, **values)

    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = annotations
    run.__name__ = function.__name__
    run.__doc__ = function.__doc__
    return run


def everyday(app: typer.Typer, path: tuple[str, ...], **kwargs: Any) -> None:
    """Register the everyday command ``path`` (from gzctl/cli/commands.py) on ``app``."""
    from gzctl.cli.commands import BY_PATH

    app.command(path[-1], **kwargs)(typer_function(BY_PATH[path]))


def group(h: texts.Help) -> typer.Typer:
    """A command group (gzctl org, gzctl place, ...) with its Dutch help; alone it shows help."""
    import typer

    return typer.Typer(
        help=texts.full_help(h),
        short_help=h.summary,
        epilog=texts.epilog(h),
        no_args_is_help=True,
        options_metavar="[OPTIES]",
        subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    )


def command_kwargs(h: texts.Help) -> dict[str, Any]:
    return {"help": texts.full_help(h), "short_help": h.summary, "epilog": texts.epilog(h)}


def directory(ctx: typer.Context) -> str | None:
    root = ctx.find_root()
    obj = root.obj or {}
    value = obj.get("directory")
    return str(value) if value else None


def open_project(ctx: typer.Context) -> session.Opened:
    return session.open_project(directory(ctx))


def base_folder(ctx: typer.Context) -> Path:
    """The folder -C names (for init and demo, which create one), else the current one."""
    d = directory(ctx)
    return Path(d) if d else Path.cwd()


def transaction(opened: session.Opened) -> Any:
    return store.transaction(opened.folder, runtime.who(), runtime.now())


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
