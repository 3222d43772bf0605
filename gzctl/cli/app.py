"""The typer application: global options, the command modules, and the one error handler.

Each module in gzctl/cli is one room (one command group); this file only wires them up and
turns every error into one Dutch line and an exit code.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Annotated, Any

import typer

from gzctl import __version__
from gzctl.cli import texts
from gzctl.core.errors import GzctlError

GLOBAL_HELP = dict(texts.GLOBAL_OPTIONS)  # the fast help prints the same texts


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
        typer.Option("--version", help=GLOBAL_HELP["--version"], callback=_version, is_eager=True),
    ] = False,
) -> None:
    ctx.obj = {"directory": directory}


# Modules with top-level commands (each has COMMANDS = {name: function}) and modules that
# are a command group (each has `app`, a typer.Typer). Help texts live in texts.COMMANDS.
# The everyday top-level commands (status, next, done, undo, log) come from the command table
# in gzctl/cli/commands.py instead.
COMMAND_MODULES = {
    "init": "setup",
    "wizard": "setup",
    "demo": "setup",
    "portfolio": "portfolio",
    "config": "config",
    "sync": "sync",
    "peers": "peers",
    "answers": "answers",
    "help": "answers",
}
GROUP_MODULES = {
    "playbook": "playbook",
    "org": "org",
    "docs": "docs",
    "site": "site",
    "place": "place",
    "coordinator": "coordinator",
    "platform": "platform",
    "activity": "activity",
    "merge": "merge",
    "person": "person",
}


GROUP_NAMES = (*GROUP_MODULES, "candidate")


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with its global options and, in the order texts.COMMANDS lists them (the
    fast help uses that order too), every command, or only the command ``only`` (a top-level
    name): registering is lazy, so `gzctl org add` imports no other command module."""
    import importlib

    from gzctl.cli import common
    from gzctl.cli.commands import BY_PATH

    app = typer.Typer(
        name="gzctl",
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
    for name, h in texts.COMMANDS.items():
        if only is not None and name != only:
            continue
        if name in GROUP_MODULES:
            group = importlib.import_module(f"gzctl.cli.{GROUP_MODULES[name]}").app
            app.add_typer(group, name=name)
        elif (name,) in BY_PATH:
            common.everyday(app, (name,), **common.command_kwargs(h))
        else:
            module = importlib.import_module(f"gzctl.cli.{COMMAND_MODULES[name]}")
            app.command(name, **common.command_kwargs(h))(module.COMMANDS[name])
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
        return arg if arg in texts.COMMANDS else None
    return None


def __getattr__(name: str) -> Any:
    """``app``: the whole typer app (for tests and tools that inspect it)."""
    if name == "app":
        value = build_app()
        globals()["app"] = value
        return value
    raise AttributeError(name)


# --------------------------------------------------------------------------- Dutch help


def _dutch_panels() -> None:
    """Panel titles of typer's rich help (importing rich_utils costs; only for help)."""
    import typer.rich_utils as ru

    ru.ARGUMENTS_PANEL_TITLE = "Argumenten"
    ru.OPTIONS_PANEL_TITLE = "Opties"
    ru.COMMANDS_PANEL_TITLE = "Opdrachten"
    ru.ERRORS_PANEL_TITLE = "Fout"
    ru.DEFAULT_STRING = "[standaard: {}]"
    ru.REQUIRED_LONG_STRING = "[verplicht]"
    ru.ENVVAR_STRING = "[omgevingsvariabele: {}]"
    ru.ABORTED_TEXT = "Afgebroken."
    ru.RICH_HELP = "Zie [blue]'{command_path} {help_option}'[/] voor hulp."

    import typer.core

    # '<bool>', '<str>' are Python, not Dutch: show only the metavars we chose for options
    def option_type(self: Any, ctx: Any) -> str | None:
        return str(self.metavar) if self.metavar else None

    def argument_type(self: Any, ctx: Any) -> str | None:
        return None

    typer.core.TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    typer.core.TyperArgument.display_type_rich = argument_type  # type: ignore[method-assign]


def _dutchify(argv: list[str]) -> None:
    """typer and its vendored click speak English in a few fixed places; make them Dutch."""
    import typer._click.decorators as decorators
    import typer._click.formatting as formatting

    if not argv or "--help" in argv or "-h" in argv or argv[-1] in GROUP_NAMES:
        _dutch_panels()
    original_help_option = decorators.help_option
    if getattr(original_help_option, "_gzctl", False):
        return

    def help_option(param_decls: list[str]) -> Any:
        decorate = original_help_option(param_decls)

        def apply(cmd: Any) -> Any:
            cmd = decorate(cmd)
            cmd.params[-1].help = GLOBAL_HELP["--help"]
            return cmd

        return apply

    help_option._gzctl = True  # type: ignore[attr-defined]
    decorators.help_option = help_option

    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_write_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]


def _dutch_completion_help(command: Any) -> None:
    for param in getattr(command, "params", []):
        opts = getattr(param, "opts", [])
        if "--install-completion" in opts:
            param.help = GLOBAL_HELP["--install-completion"]
        elif "--show-completion" in opts:
            param.help = GLOBAL_HELP["--show-completion"]


# --------------------------------------------------------------------------- errors

_USAGE_PATTERNS = [
    (r"No such command '(.+?)'\.?", "onbekende opdracht '{0}'."),
    (r"No such option: (\S+)", "onbekende optie {0}."),
    (r"Missing argument '(.+?)'\.?", "argument {0} ontbreekt."),
    (r"Missing option '(.+?)'\.?", "optie {0} ontbreekt."),
    (r"Got unexpected extra arguments? \((.+)\)", "onverwacht extra argument: {0}."),
    (r"Option '(.+?)' requires an argument\.?", "optie {0} heeft een waarde nodig."),
    (r"Option '(.+?)' does not take a value\.?", "optie {0} neemt geen waarde."),
    (r"Invalid value for (.+?): (.+)", "ongeldige waarde voor {0}: {1}"),
    (r"Invalid value: (.+)", "ongeldige waarde: {0}"),
]


def dutch_usage_message(message: str) -> str:
    for pattern, template in _USAGE_PATTERNS:
        m = re.match(pattern, message.strip())
        if m:
            return template.format(*m.groups())
    return message


def _usage_error(exc: Any) -> int:
    from typer._click.exceptions import NoSuchOption

    message = dutch_usage_message(exc.format_message())
    if isinstance(exc, NoSuchOption) and exc.possibilities:
        message += " Bedoelde je: " + ", ".join(sorted(exc.possibilities)) + "?"
    m = re.match(r"No such command '(.+?)'", exc.format_message().strip())
    if m and getattr(exc, "ctx", None) is not None:
        from gzctl.core.errors import did_you_mean

        known = [n for n in exc.ctx.command.list_commands(exc.ctx) if n != "candidate"]
        message += did_you_mean(m.group(1), known)
    command = exc.ctx.command_path if getattr(exc, "ctx", None) else "gzctl"
    print(f"Fout: {message}", file=sys.stderr)
    # no quotes around the command: with -C 'Mijn Dorp' in it, it pastes as it stands
    print(f"Hulp: {command} --help", file=sys.stderr)
    return 2


def _with_dir(message: str, argv: list[str] | None) -> str:
    """A hint in an error from the layers below gets the -C folder the user gave."""
    from gzctl.cli.commands import error_text

    return error_text(message, list(sys.argv[1:] if argv is None else argv))


def main(argv: list[str] | None = None) -> None:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
    from typer.exceptions import Abort

    args = list(argv or [])
    from gzctl.cli.commands import hint_folder
    from gzctl.core.outtext import guard_streams, set_hint_folder

    guard_streams()  # as gzctl's entry point does (a no-op when it did)
    set_hint_folder(hint_folder(args))
    _dutchify(args)
    completing = any(k.endswith("_COMPLETE") for k in os.environ)
    command = typer.main.get_command(build_app(None if completing else command_name(args)))
    _dutch_completion_help(command)
    try:
        code = command.main(args=argv, prog_name="gzctl", standalone_mode=False)
    except GzctlError as exc:
        if os.environ.get("GZCTL_DEBUG", "") not in ("", "0"):
            raise
        from gzctl.cli.table import error_text

        print(error_text(_with_dir(exc.message, argv)), file=sys.stderr)
        code = exc.exit_code
    except NoArgsIsHelpError:
        code = 0  # `gzctl org` alone: the help is already shown, as for `gzctl` alone
    except UsageError as exc:
        code = _usage_error(exc)
    except ClickException as exc:
        print(f"Fout: {exc.format_message()}", file=sys.stderr)
        code = exc.exit_code
    except (KeyboardInterrupt, Abort, EOFError):
        print("\nAfgebroken.", file=sys.stderr)
        code = 130
    except BrokenPipeError:
        raise
    except OSError as exc:
        if os.environ.get("GZCTL_DEBUG", "") not in ("", "0"):
            raise
        from gzctl.core.safefs import os_error

        err = os_error(exc)
        print(f"Fout: {err.message}", file=sys.stderr)
        code = err.exit_code
    except Exception as exc:
        if os.environ.get("GZCTL_DEBUG", "") not in ("", "0"):
            raise
        from gzctl.core.outtext import short_error

        print(
            f"Fout: onverwachte fout: {short_error(exc)}. Zet GZCTL_DEBUG=1 voor details.",
            file=sys.stderr,
        )
        code = 1
    sys.stdout.flush()
    sys.exit(code if isinstance(code, int) else 0)
