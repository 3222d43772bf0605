"""The everyday commands as data: which function answers each, and its options and arguments
with their Dutch help. One table, two routes:

- the typer app builds these commands from it (``gzctl/cli/app.py``, ``typer_function``), so
  ``gzctl org list --help`` and typer's usage errors stay as they are;
- ``gzctl/__main__.py`` answers the same command lines without loading typer (which costs
  about six times the interpreter's start-up, pydantic included) by parsing ``argv`` against
  this table (:func:`parse`). Anything the small parser is not sure of (``--help``, an unknown
  or malformed option, a missing argument) goes to typer, so every error message stays typer's.

The command's own help (summary, description, examples) lives in ``gzctl/cli/texts.py``.
Nothing here imports typer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Literal, NamedTuple

Kind = Literal["flag", "option", "argument"]


class Param(NamedTuple):
    """One option or argument of a command.

    ``name`` is the function's keyword; ``decls`` the option names (``--alle``, ``--all``;
    empty for an argument). A ``flag`` is a bool that defaults to False; an ``option`` takes
    one string value (the last one wins, or every one when ``multiple``); an ``argument`` is
    positional (``multiple``: one or more). Values are strings: a command checks them itself
    (so both routes convert alike).
    """

    name: str
    kind: Kind
    decls: tuple[str, ...] = ()
    help: str = ""
    metavar: str | None = None
    default: Any = None
    multiple: bool = False
    required: bool = False


def flag(name: str, *decls: str, help: str) -> Param:
    return Param(name, "flag", decls, help, default=False)


def option(
    name: str,
    *decls: str,
    help: str,
    metavar: str | None = None,
    default: str | None = None,
    multiple: bool = False,
) -> Param:
    return Param(name, "option", decls, help, metavar, default, multiple)


def argument(name: str, *, help: str, metavar: str, multiple: bool = False) -> Param:
    return Param(name, "argument", (), help, metavar, None, multiple, required=True)


class Command(NamedTuple):
    """An everyday command: ``path`` as typed (``("org", "list")``), the function that answers
    it (``module``, ``function``: called as ``function(ctx, **values)``), its parameters."""

    path: tuple[str, ...]
    module: str
    function: str
    params: tuple[Param, ...]

    def load(self) -> Callable[..., None]:
        """The answering function (imports its module)."""
        fn: Callable[..., None] = getattr(importlib.import_module(self.module), self.function)
        return fn

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}


JSON = flag("json", "--json", help="Schrijf één JSON-document naar stdout, voor scripts.")

EVERYDAY: tuple[Command, ...] = (
    Command(
        ("status",),
        "gzctl.cli.progress",
        "status",
        (
            JSON,
            flag(
                "chart", "--chart", help="Teken de voortgang over tijd: afgevinkte acties per dag."
            ),
        ),
    ),
    Command(
        ("next",),
        "gzctl.cli.progress",
        "next_",
        (
            flag("alle", "--alle", "--all", help="Toon alle open acties, niet alleen de eerste."),
            JSON,
        ),
    ),
    Command(
        ("done",),
        "gzctl.cli.progress",
        "done",
        (
            argument("ids", metavar="ID...", help="Id's van de acties.", multiple=True),
            option("note", "--note", "--notitie", help="Een notitie bij de actie.", default=""),
        ),
    ),
    Command(
        ("undo",),
        "gzctl.cli.progress",
        "undo",
        (argument("item_id", metavar="ID", help="Id van de actie."),),
    ),
    Command(
        ("log",),
        "gzctl.cli.progress",
        "log",
        (
            option(
                "n", "-n", "--aantal", metavar="N", help="Toon de laatste N regels.", default="20"
            ),
            JSON,
        ),
    ),
    Command(
        ("org", "list"),
        "gzctl.cli.lists",
        "org_list",
        (
            option("sector", "--sector", metavar="SECTOR", help="Alleen deze sector."),
            option("type_", "--type", metavar="TYPE", help="Alleen dit type."),
            option("status", "--status", metavar="STATUS", help="Alleen deze status."),
            option("kind", "--soort", "--kind", metavar="SOORT", help="Alleen deze soort."),
            JSON,
        ),
    ),
    Command(("place", "list"), "gzctl.cli.lists", "place_list", (JSON,)),
    Command(("platform", "list"), "gzctl.cli.lists", "platform_list", (JSON,)),
    Command(
        ("activity", "list"),
        "gzctl.cli.lists",
        "activity_list",
        (
            option(
                "wanneer", "--wanneer", metavar="komend|geweest", help="Alleen komende of geweest."
            ),
            option("platform", "--platform", metavar="PLATFORM", help="Alleen dit platform."),
            JSON,
        ),
    ),
    Command(("docs", "list"), "gzctl.cli.lists", "docs_list", (JSON,)),
)

BY_PATH: dict[tuple[str, ...], Command] = {c.path: c for c in EVERYDAY}


# Command groups: alone (`gzctl org`) they show their help.
GROUPS = ("org", "docs", "site", "place", "coordinator", "platform", "activity", "person",
          "playbook", "merge")  # fmt: skip


def hint_folder(args: list[str]) -> str | None:
    """The folder every printed ``gzctl ...`` hint should name for this command line
    (``args`` as the entry point sees them, -C in front): the -C folder as typed, for a
    command that works on that project. None (hints stay plain) without -C, when -C names
    the current folder, for commands that start a project or read many (init, demo,
    portfolio, peers, sync: they name folders themselves), and for help, whose text is
    laid out in boxes and describes commands rather than suggesting one."""
    from gzctl.cli.argv import leading_directory
    from gzctl.core.text import PROJECT_COMMANDS

    directory, start = leading_directory(args) or (None, 0)
    if not directory:
        return None
    words = args[start:]
    words = words[: words.index("--")] if "--" in words else words
    if not words or words[0] not in PROJECT_COMMANDS:
        return None
    if "--help" in words or "-h" in words or words in (["coordinator", "candidate"],):
        return None
    if len(words) == 1 and words[0] in GROUPS:
        return None
    import os

    try:
        if os.path.realpath(directory) == os.path.realpath(os.getcwd()):
            return None
    except (OSError, ValueError):
        pass
    return directory


def error_text(message: str, args: list[str]) -> str:
    """An error message from the layers below with its ``gzctl ...`` hints given the -C folder
    the user typed, so that they work when pasted. Both routes print errors through this."""
    from gzctl.cli.argv import directory_of
    from gzctl.core.text import hints_with_dir

    return hints_with_dir(message, directory_of(args))


class PlainContext:
    """What an everyday command needs of typer's context, without typer: the ``-C`` folder
    (``ctx.find_root().obj["directory"]``, as ``cli.common.directory`` reads it)."""

    def __init__(self, directory: str | None) -> None:
        self.obj: dict[str, Any] = {"directory": directory}

    def find_root(self) -> PlainContext:
        return self


class NotSure(Exception):
    """The fast parser leaves this command line to typer (help, or anything unusual)."""


def parse(args: list[str]) -> tuple[Command, dict[str, Any]]:
    """``args`` after the global options (``["org", "list", "--sector", "zorg"]``) as the
    command and its keyword values, exactly as typer would pass them.

    Raises :class:`NotSure` for any command line that is not a plain, valid use of an
    everyday command: typer then answers it (with its help or its Dutch usage error).
    """
    command = BY_PATH.get(tuple(args[:2])) or BY_PATH.get(tuple(args[:1]))
    if command is None:
        raise NotSure
    rest = args[len(command.path) :]
    values = command.defaults()
    options = {d: p for p in command.params if p.kind != "argument" for d in p.decls}
    positional = [p for p in command.params if p.kind == "argument"]
    given: list[str] = []
    i = 0
    only_arguments = False
    while i < len(rest):
        arg = rest[i]
        i += 1
        if only_arguments or not arg.startswith("-") or arg == "-":
            if arg == "-":
                raise NotSure
            given.append(arg)
            continue
        if arg == "--":
            only_arguments = True
            continue
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        param = options.get(name)
        if param is None and not arg.startswith("--") and len(arg) > 2:
            # -n5: a short option with its value attached
            name, inline, eq = arg[:2], arg[2:], "="
            param = options.get(name)
            if param is not None and param.kind == "flag":
                raise NotSure
        if param is None:
            raise NotSure  # --help, -h, unknown options: typer's to answer
        if param.kind == "flag":
            if eq:
                raise NotSure
            values[param.name] = True
            continue
        if not eq:
            if i >= len(rest):
                raise NotSure
            inline = rest[i]
            i += 1
        if param.multiple:
            values[param.name] = [*(values[param.name] or []), inline]
        else:
            values[param.name] = inline
    for param in positional:
        if not given:
            raise NotSure  # a missing argument: typer says which
        if param.multiple:
            values[param.name], given = given, []
        else:
            values[param.name], given = given[0], given[1:]
    if given:
        raise NotSure  # extra arguments
    return command, values
