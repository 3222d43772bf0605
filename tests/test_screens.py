"""Every line whole, every screen fits (issue 22): at 60, 80 and 120 columns the one-screen
views (status, next, answers, help, the end of demo) fit a 24-row window and no line is
wider than the window; the whole views are behind --alles; Dutch command names; actions
named by number or words; the folder above a village; the progress bar's carriage return."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from gzctl.cli.commands import DUTCH, DUTCH_ALREADY, ENGLISH, TOP, Room, room

WIDTHS = (60, 80, 120)
ROWS = 22  # a 24-row window, less the command typed and the prompt after it


def fits(text: str, width: int, rows: int = ROWS) -> None:
    lines = text.rstrip("\n").split("\n")
    wide = [line for line in lines if len(line) > width]
    assert not wide, f"wider than {width}: {wide}"
    assert len(lines) <= rows, f"{len(lines)} lines at {width} columns:\n{text}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", [("status",), ("next",), ("answers",)])
def test_the_everyday_views_fit_one_window(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch, view: tuple[str, ...], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = gz(*view, cwd=demo)
    assert result.code == 0, result.err
    fits(result.out, width)
    whole = gz(*view, "--alles", cwd=demo)
    assert whole.code == 0, whole.err
    assert len(whole.out.splitlines()) > len(result.out.splitlines())
    assert all(len(line) <= width for line in whole.out.splitlines())


@pytest.mark.parametrize("width", WIDTHS)
def test_status_and_next_number_the_same_actions(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    status = gz("status", cwd=demo).out
    nxt = gz("next", cwd=demo).out
    first = re.search(r"^ +1\. (\S+ \S+)", status, re.M)
    assert first is not None, status
    assert re.search(rf"^ +1\. {re.escape(first.group(1))}", nxt, re.M)
    assert "gzctl done 1" in status and "gzctl done 1" in nxt
    assert "verkennen." not in status  # ids are in the whole view
    assert "verkennen." in gz("status", "--alles", cwd=demo).out


@pytest.mark.parametrize("width", WIDTHS)
def test_help_fits_one_window_and_names_flanders(
    gz, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    for args in (("help",), ()):
        out = gz(*args).out
        fits(out, width)
        assert "--land BE" in out and "Vlaams" in out
        assert "next · volgende" in out and "done · klaar" in out
    whole = gz("help", "--alles").out
    assert all(len(line) <= width for line in whole.splitlines())
    assert "Vlaanderen" in whole
    for name in TOP:
        assert re.search(rf"^  {name}\b", whole, re.M), name


@pytest.mark.parametrize("width", WIDTHS)
def test_the_end_of_demo_fits_and_says_what_next(
    gz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    from gzctl.cli.table import fit

    monkeypatch.setenv("COLUMNS", str(width))
    result = gz("demo", cwd=tmp_path)
    assert result.code == 0, result.err
    # stderr is wrapped on a terminal only: as the window shows it
    shown = fit(result.err.rstrip("\n"), width) + "\n" + fit(result.out, width)
    fits(shown, width)
    last = result.out.rstrip("\n").split("\n")[-1]  # one line, wrapped only on a terminal
    assert last.startswith("Het dorp staat in voorbeelddorp/.")
    assert last.endswith("gzctl -C voorbeelddorp next")
    assert fit(last, width).split("\n")[-1].endswith(": gzctl -C voorbeelddorp next")


@pytest.mark.parametrize("width", WIDTHS)
def test_messages_wrap_at_words_and_keep_a_hint_whole(width: int) -> None:
    from gzctl.cli.table import fit

    message = (
        "Fout: Dit is een lange melding die over de rand van het venster zou lopen en daarom "
        "bij de woorden wordt afgebroken, met een activiteit erin. Zie: gzctl -C heukelum "
        "activity list --wanneer komend"
    )
    lines = fit(message, width).split("\n")
    assert all(len(line) <= width for line in lines)
    assert all(line.startswith("      ") for line in lines[1:])  # hanging under the text
    words = message.split()
    assert " ".join(" ".join(lines).split()) == " ".join(words)  # no word broken
    assert any("gzctl -C heukelum activity list --wanneer komend" in line for line in lines)


def test_a_usage_error_wraps_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from gzctl.cli import errors

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setenv("COLUMNS", "60")
    errors.usage("onbekende optie --voorbeeld-van-een-lange-naam. Bedoelde je: --sector, "
                 "--status, --soort of nog iets anders?", ("org", "list"))  # fmt: skip
    lines = err.getvalue().splitlines()
    assert all(len(line) <= 60 for line in lines) and len(lines) == 4
    assert lines[1].startswith("      Bedoelde je")


# --------------------------------------------------------------------------- Dutch names


def every_path() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []

    def walk(node: Room, path: tuple[str, ...]) -> None:
        for name, child in node.commands.items():
            if not isinstance(child, Room) and child.kwargs.get("hidden"):
                continue  # an English name kept hidden beside a Dutch command (overleg)
            out.append((*path, name))
            if isinstance(child, Room):
                walk(child, (*path, name))

    for name, top in TOP.items():
        out.append((name,))
        if top.group:
            walk(room(name).app, (name,))
    return out


def test_every_command_has_a_dutch_name_that_clashes_with_none() -> None:
    for path in every_path():
        word = path[-1]
        assert word in DUTCH or word in DUTCH_ALREADY, f"no Dutch name for {' '.join(path)}"
    for alias in ENGLISH:
        assert alias not in TOP, alias
        assert alias not in DUTCH, f"'{alias}' is an English command word too"
    wanted = {"lijst": "list", "toon": "show", "toevoegen": "add", "wijzig": "edit",
              "verwijder": "remove", "klaar": "done", "ongedaan": "undo", "volgende": "next",
              "logboek": "log"}  # fmt: skip
    for dutch, word in wanted.items():
        assert ENGLISH[dutch] == word


def test_a_dutch_command_does_what_the_english_one_does(gz, demo: Path) -> None:
    pairs = [
        (("org", "lijst"), ("org", "list")),
        (("volgende",), ("next",)),
        (("organisatie", "toon", "vv-ooltwijk"), ("org", "show", "vv-ooltwijk")),
        (("plek", "lijst"), ("place", "list")),
        (("logboek",), ("log",)),
    ]
    for dutch, english in pairs:
        a, b = gz(*dutch, cwd=demo), gz(*english, cwd=demo)
        assert a.code == b.code == 0, a.err
        assert a.out == b.out


def test_help_shows_the_dutch_names(gz) -> None:
    out = gz("org", "--help").out
    assert "list · lijst" in out and "show · toon" in out and "add · toevoegen" in out
    assert gz("hulp", "org", "lijst").out == gz("org", "list", "--help").out


# --------------------------------------------------------------------------- naming an action


def test_done_takes_the_number_next_shows(gz, demo: Path) -> None:
    first = re.search(r"^ +1\. (.+)$", gz("next", cwd=demo).out, re.M).group(1)  # type: ignore[union-attr]
    result = gz("klaar", "1", cwd=demo)
    assert result.code == 0, result.err
    assert result.out.startswith("☑ " + first.split()[0])


def test_done_takes_words_from_the_title(gz, demo: Path) -> None:
    result = gz("done", "startgroep", "overneemt", cwd=demo)
    assert result.code == 0, result.err
    assert "verbinden.startgroepoverdracht" in result.out
    result = gz("done", "geldbronnen", cwd=demo)
    assert "organiseren.fondsen" in result.out
    back = gz("ongedaan", "geldbronnen", cwd=demo)
    assert back.code == 0 and "staat weer open" in back.out


def test_ambiguous_words_name_the_candidates_and_change_nothing(gz, demo: Path) -> None:
    before = (demo / "gzctl.toml").read_bytes()
    result = gz("done", "zoek", cwd=demo)
    assert result.code == 2
    line = result.err.strip()
    assert "\n" not in line and "past bij" in line
    listed = json.loads(gz("next", "--json", cwd=demo).out)
    starting = [i["id"] for i in listed if i["title"].lower().startswith("zoek")]
    assert len(starting) >= 2 and all(item in line for item in starting)
    assert (demo / "gzctl.toml").read_bytes() == before
    assert gz("done", "999", cwd=demo).code == 2


# --------------------------------------------------------------------------- one folder too high


def test_from_the_folder_above_the_error_names_the_village(gz, demo: Path) -> None:
    result = gz("org", "lijst", "--sector", "zorg", cwd=demo.parent)
    assert result.code == 2
    assert "Geen gzctl-project gevonden" in result.err and "voorbeelddorp" in result.err
    assert "\n  gzctl -C voorbeelddorp org list --sector zorg\n" in result.err
    empty = demo.parent / "leeg"
    empty.mkdir()
    assert "gzctl init MAP" in gz("status", cwd=empty).err


# --------------------------------------------------------------------------- the progress bar


def test_the_progress_bar_reaches_the_terminal_with_its_carriage_returns(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gzctl.cli import docs
    from gzctl.core.outtext import TerminalStream
    from gzctl.network import session

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            raise io.UnsupportedOperation

    screen = Tty()
    monkeypatch.setattr("sys.stderr", TerminalStream(screen, keep_style=False))
    monkeypatch.setattr(docs, "PROGRESS_FROM", 1)
    docs._build(session.open_project(str(demo)), "md", None, True)
    drawn = screen.getvalue()
    assert "Documenten maken" in drawn
    assert "\r" in drawn or "\x1b[" in drawn  # redrawn in place, not line after line


@pytest.mark.parametrize("width", WIDTHS)
def test_a_coloured_hint_stays_whole_and_a_long_one_starts_at_the_edge(width: int) -> None:
    from gzctl.cli.render import Style
    from gzctl.cli.table import fit

    dim = Style(True).dim
    text = dim("Alles, met id en uitleg en nog meer woorden: gzctl -C 'Mijn Dorp' next --alles")
    lines = fit(text, width).split("\n")
    assert any("gzctl -C 'Mijn Dorp' next --alles" in line for line in lines), lines
    long = (
        "Let op: 27 brieven hebben nog geen volledig postadres; vul het aan met "
        "gzctl -C voorbeelddorp org edit ID --adres ... --postcode ... --plaats ..."
    )
    lines = fit(long, width).split("\n")
    hint = "gzctl -C voorbeelddorp org edit ID --adres ... --postcode ... --plaats ..."
    assert any(hint in line for line in lines), lines
    assert all(len(line) <= width for line in lines if hint not in line)
    if width >= len(hint):
        assert all(len(line) <= width for line in lines)
    prose = [line for line in lines[1:] if hint not in line]
    assert all(line.startswith("        ") for line in prose)  # under the text after "Let op: "
