"""Help and usage errors: Dutch, with examples, and the fast help in step with typer's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from gzctl.cli import texts

HELP_SNAPSHOTS = Path(__file__).parent / "snapshots" / "help"


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the typer app, walked from the app itself (not a hand list),
    so a new command fails until its help snapshot is written and reviewed."""
    import typer

    from gzctl.cli.app import app

    def walk(command: Any, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        found = [path]
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            found += walk(sub, (*path, name))
        return found

    return walk(typer.main.get_command(app), ())


def snapshot_name(path: tuple[str, ...]) -> str:
    return "-".join(("gzctl", *path)) + ".txt"


COMMAND_PATHS = command_paths()


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "gzctl")
def test_help_snapshot(
    gz, monkeypatch: pytest.MonkeyPatch, snapshot, path: tuple[str, ...]
) -> None:
    """`gzctl ... --help` through the entry point, 80 columns wide, no colour."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    result = gz(*path, "--help")
    assert result.code == 0, result.err
    assert result.err == ""
    snapshot("help/" + snapshot_name(path), result.out)


def test_no_help_snapshot_without_its_command() -> None:
    """A removed or renamed command leaves no stale snapshot behind."""
    expected = {snapshot_name(path) for path in COMMAND_PATHS}
    stale = sorted(p.name for p in HELP_SNAPSHOTS.glob("*.txt") if p.name not in expected)
    assert stale == [], f"help snapshots without a command (delete them): {stale}"


def test_there_are_about_sixty_commands() -> None:
    """The walk reaches the nested groups (coordinator candidate ...), not only the top."""
    assert len(COMMAND_PATHS) > 60
    assert ("coordinator", "candidate", "add") in COMMAND_PATHS
    assert () in COMMAND_PATHS and ("org",) in COMMAND_PATHS


def test_no_arguments_shows_help(gz) -> None:
    assert gz().out == gz("--help").out


def test_fast_help_lists_exactly_the_typer_commands() -> None:
    import typer

    from gzctl.cli.app import app

    command = typer.main.get_command(app)
    names = list(command.commands)  # type: ignore[attr-defined]
    assert sorted(names) == sorted(texts.COMMANDS)
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        assert sub.short_help == texts.COMMANDS[name].summary


@pytest.mark.parametrize("name", list(texts.COMMANDS))
def test_every_command_has_dutch_help_with_examples(gz, name: str) -> None:
    result = gz(name, "--help")
    assert result.code == 0, result.err
    out = result.out
    assert "Gebruik:" in out and "Voorbeelden" in out
    assert texts.COMMANDS[name].summary.split(":")[0] in " ".join(out.split())
    for english in ("Usage:", "Options", "Show this message", "[default:", "<bool>", "<str>"):
        assert english not in out, (name, english)


@pytest.mark.parametrize("name", list(texts.PLAYBOOK_COMMANDS))
def test_playbook_subcommands_have_help(gz, name: str) -> None:
    result = gz("playbook", name, "--help")
    assert result.code == 0 and "Voorbeelden" in result.out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["bestaatniet"], "onbekende opdracht 'bestaatniet'"),
        (["next", "--bla"], "onbekende optie --bla"),
        (["done"], "ontbreekt"),
        (["init", "--answers"], "heeft een waarde nodig"),
    ],
)
def test_usage_errors_are_dutch_with_exit_2(gz, args: list[str], expected: str) -> None:
    result = gz(*args)
    assert result.code == 2
    assert expected in result.err
    assert "Traceback" not in result.err


def test_shell_completion(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from gzctl.__main__ import run

    monkeypatch.setenv("_GZCTL_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "gzctl sta")
    monkeypatch.setenv("COMP_CWORD", "1")
    monkeypatch.setattr(sys, "argv", ["gzctl"])
    with pytest.raises(SystemExit):
        run()
    assert "status" in capsys.readouterr().out.split()


def test_dash_c_after_the_command(gz, demo: Path) -> None:
    result = gz("status", "--json", "-C", str(demo))
    assert result.code == 0 and "Ooltwijk" in result.out
    result = gz("next", "-C", str(demo))
    assert result.code == 0 and "Verkennen" in result.out


@pytest.mark.parametrize("group", ["playbook", "org"])
def test_a_group_alone_shows_its_help(gz, group: str) -> None:
    result = gz(group)
    assert result.code == 0
    assert "Gebruik:" in result.out and "Opdrachten" in result.out
    assert "Fout" not in result.err


def test_the_dutch_catalogue_is_made_from_the_texts(request: pytest.FixtureRequest) -> None:
    """typer's fixed strings come in Dutch through gettext from the shipped .mo file, which
    is texts.TYPER_NL compiled (`pytest --update-snapshots` writes it again)."""
    import gettext

    from gzctl.cli.app import DOMAIN, LOCALE, catalogue_bytes

    path = LOCALE / "nl" / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if request.config.getoption("update_snapshots"):
        path.write_bytes(catalogue_bytes())
    assert path.read_bytes() == catalogue_bytes()
    catalogue = gettext.translation(DOMAIN, str(LOCALE), languages=["nl"])
    for english, dutch in texts.TYPER_NL.items():
        assert catalogue.gettext(english) == dutch


def test_help_is_dutch_without_patching_typer_or_click() -> None:
    """The Dutch help leaves typer's and click's modules as they are: it comes from gettext
    and from gzctl's own command classes."""
    import subprocess
    import sys

    code = (
        "import sys; sys.argv = ['gzctl', 'org', 'show', '--help']\n"
        "from gzctl.__main__ import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "import typer.core, typer._click.decorators as d, typer._click.formatting as f\n"
        "import typer.rich_utils as ru\n"
        "print(typer.core.TyperOption.display_type_rich.__module__,"
        " d.help_option.__module__, f.HelpFormatter.write_usage.__module__,"
        " ru.OPTIONS_PANEL_TITLE, file=sys.stderr)\n"
    )
    # 97 columns: no help book has that width (gzctl/cli/helpbook.py), so typer renders it
    env = {**os.environ, "COLUMNS": "97", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "Gebruik: gzctl org show" in proc.stdout and "Toon deze hulp." in proc.stdout
    assert "╭─ Opties" in proc.stdout and "[verplicht]" in proc.stdout
    assert proc.stderr.split() == [
        "typer.core", "typer._click.decorators", "typer._click.formatting", "Opties"
    ]
