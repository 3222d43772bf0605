"""Every list and status view fits a 60, 80 and 120 column terminal, and names stay whole.

A volunteer's terminal is often 80 columns; a laptop's split window 60. Each view is rendered
with COLUMNS set, then: no line is wider than the screen, and every name the view shows
(organisations, platforms, activities, documents, places, items) appears with its words whole,
never cut in the middle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gzctl.cli.table import Column, cards, fit, render, wrap
from gzctl.core import store

WIDTHS = (60, 80, 120)

VIEWS = [
    ("status",),
    ("status", "--alles"),
    ("answers",),
    ("next",),
    ("next", "--alles"),
    ("log", "-n", "200"),
    ("org", "list"),
    ("place", "list"),
    ("platform", "list"),
    ("activity", "list"),
    ("docs", "list"),
]


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\s]+", text))


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("widths") / "demo"
    env = {"GZCTL_NOW": "2026-11-22T12:00:00+01:00", "GZCTL_USER": "tester", "NO_COLOR": "1"}
    import os

    env = {**os.environ, **env}
    env["GZCTL_CACHE_HOME"] = str(folder.parent / "cache")
    proc = subprocess.run(
        [sys.executable, "-m", "gzctl", "demo", str(folder)], env=env, capture_output=True
    )
    assert proc.returncode == 0, proc.stderr
    return folder


def names_in(project_folder: Path, view: tuple[str, ...]) -> list[str]:
    project = store.load(project_folder)
    if view[0] == "org":
        return [o.name for o in project.organisations]
    if view[0] == "platform":
        return [p.title for p in project.platforms]
    if view[0] == "activity":
        return [a.title for a in project.activities]
    if view[0] == "place":
        return [p.name for p in project.places]
    if view[0] == "status":  # the platforms by name in the whole view only
        platforms = [p.title for p in project.platforms] if "--alles" in view else []
        return [project.village.name or "", *platforms]
    return []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v))
def test_view_fits_and_names_are_whole(
    gz, demo_folder: Path, monkeypatch: pytest.MonkeyPatch, view: tuple[str, ...], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = gz(*view, cwd=demo_folder)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    too_wide = [line for line in lines if len(line) > width]
    assert not too_wide, f"{' '.join(view)} at {width}: {too_wide}"
    seen = words(result.out)
    for name in names_in(demo_folder, view):
        for word in name.split():
            assert word in seen, f"'{word}' of '{name}' is cut in {' '.join(view)} at {width}"


@pytest.mark.parametrize("width", WIDTHS)
def test_org_list_keeps_the_name_column(
    gz, demo_folder: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = gz("org", "list", cwd=demo_folder).out
    # a table with a Naam column, or a card per organisation headed by its name
    assert "Naam" in out.splitlines()[0] or out.startswith("Apotheek Ooltwijk\n")
    assert "Dorpskrant" in out


def test_pipe_is_not_wrapped(gz, demo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS")
    out = gz("org", "list", cwd=demo_folder).out
    assert any("Bibliotheek Lingemeer, vestiging Ooltwijk" in line for line in out.splitlines())


COLUMNS = [
    Column("Id", wrap=False),
    Column("Naam"),
    Column("Sectoren", drop=2),
    Column("Achterban", right=True, wrap=False, drop=3),
]
ROWS = [
    ["bibliotheek-lingemeer", "Bibliotheek Lingemeer, vestiging Ooltwijk", "cultuur, educatie",
     "1.800"],
    ["vv", "VV Ooltwijk", "sport", "350"],
]  # fmt: skip


def test_render_wraps_then_drops_then_stacks() -> None:
    wide = render(COLUMNS, ROWS, 120)
    assert "Bibliotheek Lingemeer, vestiging Ooltwijk" in wide and "Niet getoond" not in wide
    wrapped = render(COLUMNS, ROWS, 60)
    assert all(len(line) <= 60 for line in wrapped.splitlines())
    assert "Niet getoond" not in wrapped and "1.800" in wrapped
    dropped = render(COLUMNS, ROWS, 45)
    assert "Niet getoond omdat het venster smal is: Achterban." in " ".join(dropped.split())
    assert all(len(line) <= 45 for line in dropped.splitlines())
    stacked = render(COLUMNS, ROWS, 30, title=1)
    assert stacked == cards(COLUMNS, ROWS, 30, title=1)
    assert stacked.splitlines()[0] == "Bibliotheek Lingemeer,"
    assert "  Id:        bibliotheek-lingemeer" in stacked


def test_wrap_and_fit_hang_under_the_text() -> None:
    assert wrap("een twee drie vier", 12, "• ") == ["• een twee", "  drie vier"]
    text = "  ☐ Spreek met het kernteam af hoe signalen bij hen terechtkomen"
    assert fit(text, 40).splitlines() == [
        "  ☐ Spreek met het kernteam af hoe",
        "    signalen bij hen terechtkomen",
    ]
    assert fit(text, None) == text
