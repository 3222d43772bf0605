"""The shipped help books (gzctl/cli/helpbook.py): current, exactly what typer prints, and
used only on the screens they were rendered for."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gzctl.cli import helpbook

ROOT = Path(__file__).resolve().parent.parent
STALE = "the help books are stale: run .venv/bin/python tools/render_help.py"


def typer_paths() -> list[str]:
    """Every command and group below the top, walked from the typer app by test_help.py's own
    walk (not helpbook.command_paths, which makes the books: the check stays independent)."""
    from test_help import command_paths

    return [" ".join(path) for path in command_paths() if path]


@pytest.mark.parametrize("width", helpbook.WIDTHS)
def test_every_width_has_a_current_book_of_every_command(width: int) -> None:
    book = helpbook.read_book(width)
    assert book is not None, STALE
    stamp, helps = book
    assert stamp == helpbook.digest(), STALE
    assert sorted(helps) == sorted(typer_paths()), STALE
    assert sorted(p.name for p in helpbook.BOOKS.iterdir()) == sorted(
        f"{w}.z" for w in helpbook.WIDTHS
    ), "a book for a width gzctl does not use"


# Renders every help of one width with typer, in a colour terminal's environment, and prints
# the command paths whose text differs from the book.
DRIVER = """
import json, os, sys
from gzctl.cli import helpbook
width = int(sys.argv[1])
os.environ["COLUMNS"] = str(width)
stamp, helps = helpbook.read_book(width)
paths = helpbook.command_paths()
differ = [p for p in paths if helpbook.render([*p.split(), "--help"]) != helps.get(p)]
# a group alone ('gzctl org') shows its help without the last empty line (helpbook.lookup)
groups = [p for p in paths if any(k.startswith(p + " ") for k in paths)]
differ += [p + " alone" for p in groups if helpbook.render(p.split()) + "\\n" != helps.get(p)]
print(json.dumps(differ))
"""


@pytest.mark.parametrize("width", helpbook.WIDTHS)
def test_a_book_is_what_typer_prints(width: int) -> None:
    """Byte for byte, colours included, every command at every width: the book changes
    nothing a user sees."""
    env = {k: v for k, v in os.environ.items() if k not in helpbook.OVERRIDES}
    for key, value in helpbook.colour_environment().items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(width)], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [], STALE


class Screen(io.StringIO):
    def __init__(self, tty: bool, encoding: str = "utf-8") -> None:
        super().__init__()
        self.tty, self._encoding = tty, encoding

    def isatty(self) -> bool:
        return self.tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [
        (False, {"COLUMNS": "80"}, (False, 80)),
        (True, {"COLUMNS": "120", "TERM": "xterm"}, (True, 120)),
        (True, {"COLUMNS": "60", "NO_COLOR": "1"}, (False, 60)),
        (True, {"COLUMNS": "80", "TERM": "dumb"}, None),  # rich prints 80 wide, no colour
        (True, {"COLUMNS": "80", "FORCE_COLOR": "1"}, None),
        (False, {"COLUMNS": "80", "TTY_COMPATIBLE": "1"}, None),
        (False, {"COLUMNS": "80", "TERMINAL_WIDTH": "100"}, None),
    ],
)
def test_the_screen_as_rich_sees_it(
    monkeypatch: pytest.MonkeyPatch, tty: bool, env: dict[str, str], expected: object
) -> None:
    for key in (*helpbook.OVERRIDES, "NO_COLOR", "TERM"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stdout", Screen(tty))
    assert helpbook.variant() == expected


def test_no_book_for_a_stream_that_cannot_take_the_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", Screen(False, "ascii"))
    assert helpbook.variant() is None


@pytest.mark.parametrize(
    ("argv", "path"),
    [
        (["org", "add", "--help"], "org add"),
        (["org", "-h"], "org"),
        (["org", "show", "vv-ooltwijk", "--help"], "org show vv-ooltwijk"),  # no book has it
        (["-C", "map", "org", "--help"], None),
        (["org", "add", "--naam", "x", "--help"], None),
        (["org", "add"], "org add"),  # a command alone: no help (lookup says so)
        (["org"], "org"),
        (["--help"], None),
        ([], None),
    ],
)
def test_only_a_plain_command_path_is_looked_up(argv: list[str], path: str | None) -> None:
    assert helpbook.command_path(argv) == path


def test_a_book_without_colour_is_the_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a terminal: the book's text without its escape sequences, as the snapshot."""
    monkeypatch.setenv("COLUMNS", "80")
    text = helpbook.lookup(["org", "add", "--help"])
    assert text is not None and "\x1b" not in text
    snapshot = ROOT / "tests" / "snapshots" / "help" / "gzctl-org-add.txt"
    assert text == snapshot.read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", Screen(True))
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm-256color")
    coloured = helpbook.lookup(["org", "add", "--help"])
    assert coloured is not None and "\x1b[" in coloured


def test_a_stale_book_is_never_shown(gz, monkeypatch: pytest.MonkeyPatch) -> None:
    """A book rendered from other modules than these is passed by: typer renders the help."""
    monkeypatch.setenv("COLUMNS", "80")
    assert helpbook.lookup(["status", "--help"]) is not None
    monkeypatch.setattr(helpbook, "digest", lambda: "something else")
    assert helpbook.lookup(["status", "--help"]) is None
    result = gz("status", "--help")
    assert result.code == 0 and "Gebruik: gzctl status" in result.out


def test_no_book_for_an_unusual_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "97")
    assert 97 not in helpbook.WIDTHS
    assert helpbook.lookup(["org", "add", "--help"]) is None


def test_a_group_alone_shows_its_help_but_a_command_alone_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    full = helpbook.lookup(["coordinator", "candidate", "--help"])
    alone = helpbook.lookup(["coordinator", "candidate"])
    assert full is not None and alone is not None and full == alone + "\n"
    assert helpbook.lookup(["org", "add"]) is None  # typer says the name is missing
