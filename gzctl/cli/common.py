"""What every command module shares: option aliases, opening the project, output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from gzctl.cli import texts
from gzctl.core import runtime, store
from gzctl.network import session

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Schrijf één JSON-document naar stdout, voor scripts.")
]


def group(h: texts.Help) -> typer.Typer:
    """A command group (gzctl org, gzctl place, ...) with its Dutch help; alone it shows help."""
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
    from gzctl.core.outtext import json_safe

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(json_safe(text) + "\n")


def say(text: str = "") -> None:
    """A human message on stdout."""
    sys.stdout.write(text + "\n")


def note(text: str) -> None:
    """A side message on stderr (keeps stdout clean for --json)."""
    sys.stderr.write(text + "\n")


def style() -> Any:
    from gzctl.cli.render import Style

    return Style(runtime.color_wanted())


shown = session.shown


def hint_dir(ctx: typer.Context) -> str:
    """'-C MAP ' when the user named a folder, so a printed hint works as typed."""
    d = directory(ctx)
    return f"-C {d} " if d else ""


def esc(value: object) -> str:
    """Data going into rich markup (tables, console.print): control characters removed and
    '[' escaped, so a name like '[/]' or '[link=...]' prints as typed instead of crashing
    or styling (rich is only imported by commands that print through it)."""
    from rich.markup import escape

    from gzctl.core.outtext import clean_line

    return escape(clean_line(str(value)))
