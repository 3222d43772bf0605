"""The folder option is read in one place (gzctl/cli/argv.py) for every route: the fast
path, typer's lazy registration, hint folders in errors, and -C anywhere on the line."""

from __future__ import annotations

import pytest

from gzctl.cli.app import command_name
from gzctl.cli.argv import directory_of, hoist_directory, leading_directory

SPELLINGS = [
    ["-C", "Mijn Dorp"],
    ["--directory", "Mijn Dorp"],
    ["-CMijn Dorp"],
    ["--directory=Mijn Dorp"],
]


@pytest.mark.parametrize("option", SPELLINGS, ids=lambda o: o[0][:4])
def test_every_spelling_names_the_folder(option: list[str]) -> None:
    line = [*option, "org", "list"]
    assert directory_of(line) == "Mijn Dorp"
    assert leading_directory(line) == ("Mijn Dorp", len(option))
    assert command_name(line) == "org"
    assert hoist_directory(["org", "list", *option]) == line


def test_the_last_folder_wins_and_a_missing_value_is_no_folder() -> None:
    assert directory_of(["-C", "a", "status", "-C", "b"]) == "b"
    assert directory_of(["status", "-C"]) is None
    assert leading_directory(["-C"]) is None  # typer says what is missing
    assert hoist_directory(["status", "-C"]) == ["status", "-C"]


def test_nothing_after_double_dash_is_moved() -> None:
    line = ["org", "add", "--", "-C", "x"]
    assert hoist_directory(line) == line


def test_no_folder_option() -> None:
    assert directory_of(["org", "list", "--json"]) is None
    assert leading_directory(["org", "list"]) == (None, 0)
    assert command_name(["--version"]) is None
