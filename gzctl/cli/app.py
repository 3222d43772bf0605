"""The typer app, built from the command table (gzctl/cli/commands.py) for what only typer
does here: a command's help (rich panels, in Dutch) and shell completion. Every command line
that runs a command is parsed and answered in gzctl/__main__.py without typer; the
declarations are the same, so the help and the parser cannot disagree.

Dutch without patching typer or click:

- typer's fixed strings ("Arguments", "Options", "[default: {}]", "[required]" ...) go through
  the standard library's ``gettext`` when ``typer.rich_utils`` is imported; :func:`main`
  imports it with gzctl's Dutch catalogue (``cli/locale/nl/LC_MESSAGES/gzctl.mo``, made from
  ``texts.TYPER_NL`` by :func:`catalogue_bytes`) as the active text domain;
- "Usage:" and the help option's text come from our command classes (:class:`DutchCommand`,
  :class:`DutchGroup`, given to typer as ``cls=``, a documented parameter), which also show
  an option's chosen metavar instead of its Python type.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from gzctl import __version__
from gzctl.cli import texts
from gzctl.cli.commands import BY_PATH, TOP, Leaf, Param, Room

GLOBAL_HELP = dict(texts.GLOBAL_OPTIONS)  # the fast help prints the same texts
LOCALE = Path(__file__).parent / "locale"
DOMAIN = "gzctl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gzctl {__version__}")
        raise typer.Exit()


def main_callback(
    ctx: typer.Context,
    directory: Annotated[
        str | None,
        typer.Option("-C", "--directory", metavar="MAP", help=GLOBAL_HELP["-C MAP"]),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", metavar="", help=GLOBAL_HELP["--version"], callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:  # fmt: skip
    """Keeps the ``-C`` folder in the context for the commands."""
    ctx.obj = {"directory": directory}


# --------------------------------------------------------------------------- Dutch help


def _plain_types(params: list[Any]) -> list[Any]:
    """The type column of the help shows the metavar we chose, never Python's '<str>'."""
    for param in params:
        if "display_type_rich" not in vars(param):
            metavar = None if isinstance(param, typer.core.TyperArgument) else param.metavar
            param.display_type_rich = lambda ctx, m=metavar: m or None
        for opt in getattr(param, "opts", []):
            if opt in ("--install-completion", "--show-completion"):
                param.help = GLOBAL_HELP[opt]
    return params


class _Dutch:
    """What a command's or group's help says in Dutch: "Gebruik:", "Toon deze hulp.", and the
    metavars we chose in the type column."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = GLOBAL_HELP["--help"]
        return option

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_types(super().get_params(ctx))  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Gebruik: ")


class DutchCommand(_Dutch, typer.core.TyperCommand):
    """A command of gzctl, as typer shows its help."""


class DutchGroup(_Dutch, typer.core.TyperGroup):
    """A command group of gzctl, as typer shows its help: each command with its Dutch
    name beside it ("list · lijst", from the table's ``DUTCH``)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """typer's help, its commands listed under their names with the Dutch beside."""
        from gzctl.cli.commands import dutch_name

        renamed = []
        for name, command in self.commands.items():
            dutch = dutch_name(name)
            if dutch and command.name == name:
                command.name = f"{name} · {dutch}"
                renamed.append((command, name))
        try:
            super().format_help(ctx, formatter)
        finally:
            for command, name in renamed:
                command.name = name


def catalogue_bytes() -> bytes:
    """``texts.TYPER_NL`` as a GNU .mo file (what ``msgfmt`` makes of a .po file), so the
    standard ``gettext`` module can hand typer its Dutch strings."""
    entries = sorted(
        {"": "Content-Type: text/plain; charset=UTF-8\n", **texts.TYPER_NL}.items()
    )
    ids = [k.encode() for k, _ in entries]
    strs = [v.encode() for _, v in entries]
    start = 7 * 4 + 16 * len(entries)
    offsets: list[int] = []
    data = b""
    for s in (*ids, *strs):
        offsets += [len(s), start + len(data)]
        data += s + b"\0"
    n = len(entries)
    head = struct.pack("<7I", 0x950412DE, 0, n, 28, 28 + 8 * n, 0, 0)
    return head + struct.pack(f"<{4 * n}I", *offsets) + data


def _import_dutch_typer() -> None:
    """Import ``typer.rich_utils`` with gzctl's catalogue as gettext's text domain and Dutch
    as the language (the documented ``textdomain``/``bindtextdomain`` and ``LANGUAGE``), and
    put both back: its fixed strings are read once, at import."""
    if "typer.rich_utils" in sys.modules:
        return
    import gettext

    previous = gettext.textdomain()
    language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = "nl"
    try:
        import typer.rich_utils  # noqa: F401
    finally:
        gettext.textdomain(previous)
        if language is None:
            del os.environ["LANGUAGE"]
        else:
            os.environ["LANGUAGE"] = language


# --------------------------------------------------------------------------- the app


def typer_parameter(param: Param) -> Any:
    """The ``typer.Option`` / ``typer.Argument`` for one row of the command table."""
    if param.kind == "argument":
        return typer.Argument(metavar=param.metavar, help=param.help)
    decls = param.decls
    if param.negative:
        decls = (f"{decls[0]}/{param.negative[0]}", *decls[1:])
    return typer.Option(
        *decls, metavar=param.metavar, help=param.help, min=param.min, max=param.max
    )


def _hint(param: Param) -> Any:
    if param.kind == "flag":
        return bool | None if param.default is None and param.negative else bool
    base: Any = {"int": int, "float": float, "path": Path}.get(param.type, str)
    if param.multiple:
        base = list[base]
    return base if param.required or param.default is not None else base | None


def typer_function(leaf: Leaf) -> Any:
    """A function typer can register for a command of the table: its signature is built from
    the command's parameters, its body calls the command's own function."""
    import inspect

    function = leaf.load()
    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    annotations: dict[str, Any] = {"ctx": typer.Context, "return": None}
    for p in leaf.params():
        annotation: Any = Annotated[_hint(p), typer_parameter(p)]
        default = inspect.Parameter.empty if p.required else p.default
        parameters.append(
            inspect.Parameter(
                p.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default,
                annotation=annotation,
            )
        )  # fmt: skip
        annotations[p.name] = annotation

    def run(ctx: typer.Context, **values: Any) -> None:
        leaf.run(ctx, values)

    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = annotations
    run.__name__ = function.__name__
    run.__doc__ = function.__doc__
    return run


def typer_group(room: Room) -> typer.Typer:
    """A room of the table as a typer group, with its commands in their order."""
    h = room.help
    group = typer.Typer(
        cls=DutchGroup,
        help=texts.full_help(h),
        short_help=h.summary,
        epilog=texts.epilog(h),
        no_args_is_help=True,
        options_metavar="[OPTIES]",
        subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    )
    for name, node in room.commands.items():
        if isinstance(node, Room):
            group.add_typer(typer_group(node), name=name)
        else:
            group.command(name, cls=DutchCommand, **node.kwargs)(typer_function(node))
    return group


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with its global options and, in the order of the table (the fast help
    uses that order too), every command, or only the command ``only`` (a top-level name):
    `gzctl org add --help` imports no other room."""
    from gzctl.cli import common
    from gzctl.cli.commands import room

    app = typer.Typer(
        name="gzctl",
        cls=DutchGroup,
        help=texts.full_help(texts.APP),
        epilog=texts.epilog(texts.APP),
        no_args_is_help=True,
        rich_markup_mode="rich",
        options_metavar="[OPTIES]",
        subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
        context_settings={"help_option_names": ["--help", "-h"]},
        pretty_exceptions_enable=False,
    )
    app.callback()(main_callback)
    for name, top in TOP.items():
        if only is not None and name != only:
            continue
        kwargs = common.command_kwargs(texts.COMMANDS[name])
        if top.group:
            app.add_typer(typer_group(room(name).app), name=name)
        elif (name,) in BY_PATH:
            leaf = Leaf(None, {}, BY_PATH[(name,)])
            app.command(name, cls=DutchCommand, **kwargs)(typer_function(leaf))
        else:
            leaf = Leaf(room(name).COMMANDS[name], {})
            app.command(name, cls=DutchCommand, **kwargs)(typer_function(leaf))
    return app


def command_name(argv: list[str]) -> str | None:
    """The top-level command an argument list asks for, when it is one gzctl has (after the
    global options); None otherwise (then every command is registered, for typer's help,
    suggestions and shell completion)."""
    from gzctl.cli.argv import directory_at

    i = 0
    while i < len(argv):
        arg = argv[i]
        found = directory_at(argv, i)
        if found is not None:
            i += found[0]
            continue
        if arg.startswith("-"):
            return None  # --version, --help, an unknown option: the whole app
        return arg if arg in TOP else None
    return None


def __getattr__(name: str) -> Any:
    """``app``: the whole typer app (for tests and tools that inspect it)."""
    if name == "app":
        value = build_app()
        globals()["app"] = value
        return value
    raise AttributeError(name)


def run_typer(argv: list[str]) -> int:
    """Run the typer app on ``argv`` (help, completion, or a command: as the fast route would)
    and return its exit code. Errors are raised for the one handler (cli/errors.py)."""
    _import_dutch_typer()
    completing = any(k.endswith("_COMPLETE") for k in os.environ)
    command = typer.main.get_command(build_app(None if completing else command_name(argv)))
    try:
        code = command.main(args=argv, prog_name="gzctl", standalone_mode=False)
    except typer.TyperException as exc:
        if type(exc).__name__ != "NoArgsIsHelpError":  # as typer itself tells it apart
            raise
        code = 0  # `gzctl org` alone: the help is already shown, as for `gzctl` alone
    return code if isinstance(code, int) else 0


def main(argv: list[str] | None = None) -> None:
    """``gzctl ARGV`` through typer, with the one error handler (tests and ``gzctl help``)."""
    from gzctl.cli.commands import english_argv, hint_folder
    from gzctl.cli.errors import handled
    from gzctl.core.outtext import guard_streams, set_hint_folder

    args = english_argv(list(sys.argv[1:] if argv is None else argv))
    guard_streams()  # as gzctl's entry point does (a no-op when it did)
    set_hint_folder(hint_folder(args))
    code = handled(lambda: run_typer(args), args)
    sys.stdout.flush()
    sys.exit(code)
