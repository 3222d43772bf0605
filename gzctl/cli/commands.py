"""The command table: every command, sub-command, option, argument and alias of gzctl,
declared once, and the one parser that reads a command line against it.

- :data:`TOP` names every top-level command in the order ``gzctl --help`` lists them, with
  the room (module of ``gzctl/cli``) that answers it, whether it is a group of sub-commands,
  and whether it works on one project folder. Their Dutch help is ``texts.COMMANDS``.
- A group room holds a :class:`Room` (``app = common.group(texts.COMMANDS["org"])``) whose
  ``@app.command(name, ...)`` records each sub-command with its help; a room of top-level
  commands ends with ``COMMANDS = {name: function}``. A command's options and arguments are
  its function's parameters, annotated ``Annotated[type, Option(...)]`` or
  ``Annotated[type, Argument(...)]`` (:class:`Option`, :class:`Argument`: typer's names and
  keywords, without typer).
- :data:`EVERYDAY` declares the everyday commands (status, next, done, undo, log, the lists)
  here in full, so that answering them imports only the module of their function.

Both routes are built from this: ``gzctl/__main__.py`` parses ``argv`` with :func:`parse`
and calls the function (no typer, no click, no pydantic); ``gzctl/cli/app.py`` builds the
typer app from the same declarations, for ``--help`` and shell completion. A command line
that does not fit the table is a :class:`Usage` error in Dutch, raised here.
Nothing here imports typer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from gzctl.cli.texts import Help

Kind = Literal["flag", "option", "argument"]
Type = Literal["str", "int", "float", "path"]


class Param(NamedTuple):
    """One option or argument of a command.

    ``name`` is the function's keyword; ``decls`` the option names (``--alle``, ``--all``;
    empty for an argument). A ``flag`` is a bool that defaults to False; an ``option`` takes
    one value (the last one wins, or every one when ``multiple``); an ``argument`` is
    positional (``multiple``: any number, at least one when ``required``). ``type`` converts
    the value (``int`` and ``float`` within ``min``/``max``, ``path`` to a Path); most are
    strings that the command checks itself. ``negative`` holds a flag's ``--no-x`` spellings
    (the value is then False; the default may be None: not given).
    """

    name: str
    kind: Kind
    decls: tuple[str, ...] = ()
    help: str = ""
    metavar: str | None = None
    default: Any = None
    multiple: bool = False
    required: bool = False
    type: Type = "str"
    min: float | None = None
    max: float | None = None
    negative: tuple[str, ...] = ()


def flag(name: str, *decls: str, help: str) -> Param:
    """A flag parameter (a bool, False by default)."""
    return Param(name, "flag", decls, help, default=False)


def option(
    name: str,
    *decls: str,
    help: str,
    metavar: str | None = None,
    default: str | None = None,
    multiple: bool = False,
) -> Param:
    """An option parameter that takes a value."""
    return Param(name, "option", decls, help, metavar, default, multiple)


def argument(name: str, *, help: str, metavar: str, multiple: bool = False) -> Param:
    """A required positional argument."""
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
        """Every parameter's default, by name."""
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
            flag(
                "alles", "--alles", "--alle", "--all",
                help="Toon alles: bereik, platforms, de acties met hun id. Standaard past de "
                "stand op één scherm.",
            ),  # fmt: skip
        ),
    ),
    Command(
        ("next",),
        "gzctl.cli.progress",
        "next_",
        (
            flag(
                "alles", "--alles", "--alle", "--all",
                help="Toon alle open acties met hun id en waarom, niet alleen de eerste.",
            ),  # fmt: skip
            JSON,
        ),
    ),
    Command(
        ("done",),
        "gzctl.cli.progress",
        "done",
        (
            argument(
                "ids", metavar="ACTIE...", multiple=True,
                help="Het nummer uit gzctl next, het id, of woorden uit de titel.",
            ),  # fmt: skip
            option("note", "--note", "--notitie", help="Een notitie bij de actie.", default=""),
        ),
    ),
    Command(
        ("undo",),
        "gzctl.cli.progress",
        "undo",
        (
            argument(
                "item_id", metavar="ACTIE",
                help="Het id van de actie, of woorden uit de titel (tussen aanhalingstekens).",
            ),
        ),  # fmt: skip
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
            flag(
                "geraden",
                "--geraden",
                help="Alleen de organisaties waarvan gzctl het type aan de naam heeft geraden.",
            ),
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


class Top(NamedTuple):
    """A top-level command: the room that answers it (``gzctl.cli.<room>``), whether it is a
    group of sub-commands (the room's ``app``; alone, it shows its help), and whether it works
    on one project folder (its printed hints then name the -C folder; core/text.py keeps the
    same list as ``PROJECT_COMMANDS``, tests/test_help.py checks they agree)."""

    room: str
    group: bool = False
    project: bool = True


# Every top-level command, in the order `gzctl --help` lists them (their help: texts.COMMANDS).
TOP: dict[str, Top] = {
    "init": Top("setup", project=False),
    "wizard": Top("setup"),
    "answers": Top("answers"),
    "status": Top("progress"),
    "next": Top("progress"),
    "done": Top("progress"),
    "undo": Top("progress"),
    "log": Top("progress"),
    "planning": Top("planning"),
    "org": Top("org", group=True),
    "docs": Top("docs", group=True),
    "site": Top("site", group=True),
    "place": Top("place", group=True),
    "coordinator": Top("coordinator", group=True),
    "platform": Top("platform", group=True),
    "activity": Top("activity", group=True),
    "geld": Top("money", group=True),
    "peiling": Top("survey", group=True),
    "vast": Top("recurring", group=True),
    "aanmelding": Top("signups", group=True),
    "overleg": Top("overleg", group=True),
    "person": Top("person", group=True),
    "playbook": Top("playbook", group=True),
    "portfolio": Top("portfolio", project=False),
    "config": Top("config"),
    "peers": Top("peers", project=False),
    "sync": Top("sync", project=False),
    "merge": Top("merge", group=True),
    "demo": Top("setup", project=False),
    "help": Top("answers", project=False),
}


# Dutch names for every command and sub-command, beside the English ones (issue 22): the
# English word as the table declares it -> its Dutch aliases, the first one shown in help.
# One word has the same Dutch name wherever it is a command (``list`` is ``lijst`` in every
# group). A word that reads as Dutch already (status, demo, platform) has none.
DUTCH: dict[str, tuple[str, ...]] = {
    "init": ("begin",),
    "wizard": ("vragen",),
    "answers": ("antwoorden",),
    "next": ("volgende",),
    "done": ("klaar",),
    "undo": ("ongedaan",),
    "log": ("logboek",),
    "org": ("organisatie", "organisaties"),
    "docs": ("documenten",),
    "site": ("website",),
    "place": ("plek",),
    "coordinator": ("coördinator",),
    "activity": ("activiteit",),
    "person": ("persoon",),
    "playbook": ("stappenplan",),
    "config": ("instellingen",),
    "peers": ("vergelijk",),
    "sync": ("ophalen",),
    "merge": ("samenvoegen",),
    "help": ("hulp",),
    "add": ("toevoegen",),
    "list": ("lijst",),
    "show": ("toon",),
    "edit": ("wijzig",),
    "remove": ("verwijder",),
    "import": ("importeer",),
    "export": ("exporteer",),
    "coverage": ("dekking",),
    "build": ("maak",),
    "score": ("scoor",),
    "choose": ("kies",),
    "candidate": ("kandidaat",),
    "forget": ("vergeet",),
    "profile": ("profiel",),
    "appoint": ("aanstellen",),
    "suggest": ("voorstellen",),
    "join": ("aansluiten",),
    "leave": ("afmelden",),
    "count": ("tel",),
    "check": ("controleer",),
    "use": ("gebruik",),
    "setup": ("instellen",),
    "conflicts": ("conflicten",),
    "resolve": ("oplossen",),
}
# Command words that are Dutch as they stand, so they need no alias.
DUTCH_ALREADY = frozenset({
    "status", "demo", "platform", "portfolio", "criteria",
    # the round's Dutch commands and their sub-commands (their English names are aliases)
    "planning", "overleg", "geld", "peiling", "vast", "aanmelding",
    "toevoegen", "lijst", "toon", "besluit", "actie", "actie-klaar", "klaar", "verwijderen",
    "uitgave", "inkomst", "overzicht", "verwijder", "fondsen", "vragen", "ronde", "tel",
    "uitslag", "nieuw", "bevestig", "nog-mee",
})  # fmt: skip
# Dutch alias -> English command word.
ENGLISH: dict[str, str] = {alias: word for word, aliases in DUTCH.items() for alias in aliases}


def dutch_name(word: str) -> str:
    """The Dutch name help shows beside ``word`` ('' when the word is Dutch already)."""
    aliases = DUTCH.get(word, ())
    return aliases[0] if aliases and word not in DUTCH_ALREADY else ""


def english(args: list[str]) -> list[str]:
    """``args`` (after the global options) with the Dutch command words in them as the
    table declares them (``org lijst`` -> ``org list``, ``klaar 1`` -> ``done 1``,
    ``hulp org lijst`` -> ``help org list``): both routes, the help and the hints then read
    one spelling. Only words where a command word stands are changed; arguments stay."""
    out = list(args)
    i = 0
    if out[:1] == ["help"] or (out and ENGLISH.get(out[0]) == "help"):
        out[0] = "help"
        i = 1
    if i >= len(out):
        return out
    first = ENGLISH.get(out[i], out[i])
    if first not in TOP:
        return out
    out[i] = first
    if not TOP[first].group or not any(w in ENGLISH for w in out[i + 1 :]):
        return out  # nothing more to translate: no room is imported for it
    node: Leaf | Room = room(first).app
    i += 1
    while isinstance(node, Room) and i < len(out):
        word = out[i]
        if word not in node.commands:
            word = ENGLISH.get(word, word)
            if word not in node.commands:
                break
        out[i] = word
        node = node.commands[word]
        i += 1
    return out


def english_argv(argv: list[str]) -> list[str]:
    """:func:`english` for a whole command line, after its leading -C options."""
    from gzctl.cli.argv import leading_directory

    leading = leading_directory(argv)
    if leading is None:
        return argv
    start = leading[1]
    return argv[:start] + english(argv[start:])


class Option:
    """An option of a command, as its function's annotation declares it:
    ``name: Annotated[str | None, Option("--naam", "--name", metavar="NAAM", help=...)] = None``.
    The spellings, the metavar and the help are typer's (``typer.Option``), and so is the
    meaning of the annotation: ``bool`` is a flag (``"--ja/--nee"`` gives its negative
    spellings), ``list[str]`` may be given more than once, ``int``/``float``/``Path`` are
    converted (``min``/``max`` checked); the default is the parameter's default."""

    kind = "option"

    def __init__(
        self,
        *decls: str,
        help: str = "",
        metavar: str | None = None,
        min: float | None = None,
        max: float | None = None,
    ) -> None:
        self.decls, self.help, self.metavar, self.min, self.max = decls, help, metavar, min, max


class Argument(Option):
    """A positional argument of a command (``typer.Argument``): required unless its
    parameter has a default; ``list[str]`` takes any number."""

    kind = "argument"

    def __init__(self, *, help: str = "", metavar: str | None = None) -> None:
        super().__init__(help=help, metavar=metavar)


class Exit(Exception):  # noqa: N818 (typer's name for it)
    """End the command with this exit code, having said why (``typer.Exit`` without typer)."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.exit_code = code


def params_of(function: Callable[..., Any]) -> tuple[Param, ...]:
    """The parameters of a command function declared with :class:`Option`/:class:`Argument`
    annotations, as :class:`Param` rows (``ctx`` is not one)."""
    import inspect
    import typing
    from pathlib import Path

    hints = typing.get_type_hints(function, include_extras=True)
    out = []
    for name, parameter in inspect.signature(function).parameters.items():
        hint = hints.get(name)
        if name == "ctx" or typing.get_origin(hint) is not typing.Annotated:
            continue
        base, *meta = typing.get_args(hint)
        spec = next(m for m in meta if isinstance(m, (Option, Param)))
        if isinstance(spec, Param):  # a row of this table used as an annotation (JsonFlag)
            out.append(spec._replace(name=name))
            continue
        args = [a for a in typing.get_args(base) if a is not type(None)]
        if args and typing.get_origin(base) in (typing.Union, _UnionType):
            base = args[0]
        multiple = typing.get_origin(base) is list
        if multiple:
            base = typing.get_args(base)[0]
        empty = parameter.default is inspect.Parameter.empty
        default = None if empty else parameter.default
        kind: Kind = "argument" if spec.kind == "argument" else "option"
        decls: tuple[str, ...] = ()
        negative: tuple[str, ...] = ()
        for decl in spec.decls:
            yes, _, no = decl.partition("/")
            decls += (yes,)
            negative += (no,) if no else ()
        if base is bool:
            kind = "flag"
        type_: Type = {int: "int", float: "float", Path: "path"}.get(base, "str")  # type: ignore[assignment]
        out.append(
            Param(name, kind, decls, spec.help, spec.metavar, default, multiple,
                  required=empty, type=type_, min=spec.min, max=spec.max, negative=negative)
        )  # fmt: skip
    return tuple(out)


_UnionType = type(int | None)


class Leaf(NamedTuple):
    """A command as a room registers it: its function, typer's keywords for it (help,
    short_help, epilog) and, for an everyday command, its row of :data:`EVERYDAY`."""

    function: Callable[..., Any] | None
    kwargs: dict[str, Any]
    everyday: Command | None = None

    def params(self) -> tuple[Param, ...]:
        """The command's parameters, from its table row or its function's signature."""
        if self.everyday is not None:
            return self.everyday.params
        assert self.function is not None
        return params_of(self.function)

    def load(self) -> Callable[..., Any]:
        """The function that answers the command."""
        if self.everyday is not None:
            return self.everyday.load()
        assert self.function is not None
        return self.function

    def run(self, ctx: Any, values: dict[str, Any]) -> None:
        """Call the command (with ``ctx`` when its function takes one)."""
        import inspect

        function = self.load()
        if "ctx" in inspect.signature(function).parameters:
            function(ctx, **values)
        else:
            function(**values)


class Room:
    """A command group (``gzctl org``): its help and, in the order they were registered (the
    order its help lists them), its sub-commands and sub-groups. ``command`` and
    ``add_typer`` read as typer's, so a room declares its commands as it would with typer."""

    def __init__(self, help: Help) -> None:
        self.help = help
        self.commands: dict[str, Leaf | Room] = {}

    def command(self, name: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Any]:
        """Registers the decorated function as the command ``name``, as typer's decorator does."""

        def register(function: Callable[..., Any]) -> Callable[..., Any]:
            self.commands[name] = Leaf(function, kwargs)
            return function

        return register

    def add_typer(self, room: Room, *, name: str) -> None:
        """Adds a sub-group ``name``, as typer's ``add_typer`` does."""
        self.commands[name] = room

    def everyday(self, path: tuple[str, ...], **kwargs: Any) -> None:
        """The everyday command ``path`` of :data:`EVERYDAY`, listed here."""
        self.commands[path[-1]] = Leaf(None, kwargs, BY_PATH[path])


def room(name: str) -> Any:
    """The module that answers the top-level command ``name``."""
    return importlib.import_module(f"gzctl.cli.{TOP[name].room}")


def hint_folder(args: list[str]) -> str | None:
    """The folder every printed ``gzctl ...`` hint should name for this command line
    (``args`` as the entry point sees them, -C in front): the -C folder as typed, for a
    command that works on that project. None (hints stay plain) without -C, when -C names
    the current folder, for commands that start a project or read many (init, demo,
    portfolio, peers, sync: they name folders themselves), and for help, whose text is
    laid out in boxes and describes commands rather than suggesting one."""
    from gzctl.cli.argv import leading_directory

    directory, start = leading_directory(args) or (None, 0)
    if not directory:
        return None
    words = args[start:]
    words = words[: words.index("--")] if "--" in words else words
    if not words or words[0] not in TOP or not TOP[words[0]].project:
        return None
    if "--help" in words or "-h" in words or words in (["coordinator", "candidate"],):
        return None
    if len(words) == 1 and TOP[words[0]].group:
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
    """What a command needs of typer's context, without typer: the ``-C`` folder
    (``ctx.find_root().obj["directory"]``, as ``cli.common.directory`` reads it)."""

    def __init__(self, directory: str | None) -> None:
        self.obj: dict[str, Any] = {"directory": directory}
        self.parent: PlainContext | None = None

    def find_root(self) -> PlainContext:
        """This context itself: it has no parent."""
        return self


class NotSure(Exception):
    """Not for the fast parser: help, which typer shows."""


class Usage(Exception):  # noqa: N818
    """A command line that does not fit the table: ``message`` (Dutch), and the command
    whose help the user is pointed to (``("org", "list")``; empty: gzctl itself)."""

    def __init__(self, message: str, path: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message, self.path = message, path


HELP = ("--help", "-h")


def find(args: list[str]) -> tuple[tuple[str, ...], Leaf | Room]:
    """The command ``args`` (after the global options) name: its path and what answers it.
    An everyday command is found without importing its room."""
    from gzctl.core.errors import did_you_mean

    if not args or args[0] not in TOP:
        if args and args[0].startswith("-") and args[0] not in HELP:
            raise Usage(f"onbekende optie {args[0]}.")
        if not args or args[0] in HELP:
            raise NotSure
        known = [*TOP, *(a for w in TOP for a in DUTCH.get(w, ()))]
        raise Usage(f"onbekende opdracht '{args[0]}'." + did_you_mean(args[0], known))
    everyday = BY_PATH.get(tuple(args[:2])) or BY_PATH.get(tuple(args[:1]))
    if everyday is not None:
        return everyday.path, Leaf(None, {}, everyday)
    module = room(args[0])
    if not TOP[args[0]].group:
        return (args[0],), Leaf(module.COMMANDS[args[0]], {})
    path: tuple[str, ...] = (args[0],)
    node: Leaf | Room = module.app
    while isinstance(node, Room):
        word = args[len(path)] if len(path) < len(args) else None
        if word is None or word in HELP:
            raise NotSure  # a group alone shows its help
        if word not in node.commands:
            if word.startswith("-"):
                raise Usage(f"onbekende optie {word}.", path)
            known = [n for n, c in node.commands.items() if not isinstance(c, Room)]
            known += [a for n in known for a in DUTCH.get(n, ())]
            raise Usage(f"onbekende opdracht '{word}'." + did_you_mean(word, known), path)
        node = node.commands[word]
        path += (word,)
    return path, node


def parse(args: list[str]) -> tuple[tuple[str, ...], Leaf, dict[str, Any]]:
    """``args`` after the global options (``["org", "list", "--sector", "zorg"]``) as the
    command's path, the command and its keyword values, exactly as typer would pass them.

    Raises :class:`Usage` (a Dutch message) for a command line that does not fit, and
    :class:`NotSure` for help, which typer shows.
    """
    path, leaf = find(args)
    assert isinstance(leaf, Leaf)
    params = leaf.params()
    values = read(args[len(path) :], params, path)
    return path, leaf, values


def read(rest: list[str], params: tuple[Param, ...], path: tuple[str, ...]) -> dict[str, Any]:
    """The values of ``params`` in ``rest`` (click's rules: the last of a repeated option
    wins, ``--x=v``, ``-xv``, ``--`` ends the options, a value may start with a dash)."""
    values = {p.name: p.default for p in params}
    options = {d: p for p in params if p.kind != "argument" for d in (*p.decls, *p.negative)}
    positional = [p for p in params if p.kind == "argument"]
    given: list[str] = []
    seen: set[str] = set()
    i = 0
    only_arguments = False
    while i < len(rest):
        arg = rest[i]
        i += 1
        if only_arguments or not arg.startswith("-") or arg == "-":
            given.append(arg)
            continue
        if arg == "--":
            only_arguments = True
            continue
        if arg in HELP:
            raise NotSure
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        param = options.get(name)
        if param is None and not arg.startswith("--") and len(arg) > 2:
            # -n5: a short option with its value attached
            name, inline, eq = arg[:2], arg[2:], "="
            param = options.get(name)
            if param is not None and param.kind == "flag":
                param = None
        if param is None:
            raise Usage(f"onbekende optie {name}." + _close(name, options), path)
        if param.kind == "flag":
            if eq:
                raise Usage(f"optie {name} neemt geen waarde.", path)
            values[param.name] = name not in param.negative
            continue
        if not eq:
            if i >= len(rest):
                raise Usage(f"optie {name} heeft een waarde nodig.", path)
            inline = rest[i]
            i += 1
        value = convert(inline, param, path)
        seen.add(param.name)
        if param.multiple:
            values[param.name] = [*(values[param.name] or []), value]
        else:
            values[param.name] = value
    given = _positional(given, positional, values, seen, path)
    _check_required(params, seen, path)
    if given:
        raise Usage(f"onverwacht extra argument: {' '.join(given)}.", path)
    return values


def _positional(
    given: list[str],
    positional: list[Param],
    values: dict[str, Any],
    seen: set[str],
    path: tuple[str, ...],
) -> list[str]:
    """Puts the positional words into ``values`` (and their names into ``seen``); returns
    the words no argument took."""
    for n, param in enumerate(positional):
        if not given:
            continue
        if param.multiple:  # as click: all but what the single arguments after it take
            after = sum(1 for p in positional[n + 1 :] if not p.multiple)
            cut = max(len(given) - after, 0)
            take, given = given[:cut], given[cut:]
            if not take:
                continue
            values[param.name] = [convert(g, param, path) for g in take]
        else:
            values[param.name], given = convert(given[0], param, path), given[1:]
        seen.add(param.name)
    return given


def _check_required(params: tuple[Param, ...], seen: set[str], path: tuple[str, ...]) -> None:
    """Raises :class:`Usage` for the first required parameter not given."""
    for param in params:  # the first one missing, in the order click checks them
        if param.required and param.name not in seen:
            if param.kind == "argument":
                raise Usage(f"argument {param.metavar or param.name.upper()} ontbreekt.", path)
            raise Usage(f"optie {param.decls[0]} ontbreekt.", path)


def _close(name: str, options: dict[str, Param]) -> str:
    """' Bedoelde je: --sector?' when ``name`` looks like options the command has (as click
    suggests them: difflib's close matches among the long spellings)."""
    import difflib

    if not name.startswith("--"):
        return ""
    found = difflib.get_close_matches(name, [d for d in (*options, "--help") if d[:2] == "--"])
    return " Bedoelde je: " + ", ".join(sorted(found)) + "?" if found else ""


def convert(text: str, param: Param, path: tuple[str, ...]) -> Any:
    """An option's or argument's value as the command takes it."""
    if param.type == "path":
        from pathlib import Path

        return Path(text)
    if param.type == "str":
        return text
    where = " / ".join(f"'{d}'" for d in param.decls) if param.decls else f"'{param.metavar}'"
    number: float
    try:
        number = int(text) if param.type == "int" else float(text.replace(",", "."))
    except ValueError:
        word = "geheel getal" if param.type == "int" else "getal"
        raise Usage(f"ongeldige waarde voor {where}: '{text}' is geen {word}.", path) from None
    if param.min is not None and number < param.min:
        raise Usage(f"ongeldige waarde voor {where}: minstens {param.min:g}.", path)
    if param.max is not None and number > param.max:
        raise Usage(f"ongeldige waarde voor {where}: hoogstens {param.max:g}.", path)
    return number
