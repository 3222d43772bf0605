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


def _answered_select(monkeypatch: pytest.MonkeyPatch, width: int, label: str,
                     options: list[str], keys: str) -> str:  # fmt: skip
    """What questionary leaves on the screen once ``keys.select`` is answered: the question
    mark, then " {message} " and the chosen option in place of the instruction (questionary's
    select.get_prompt_tokens), with the message and option the wizard gave it."""
    import questionary
    from conftest import keyboard

    from gzctl.wizard import keys as wk

    monkeypatch.setattr(wk, "screen_width", lambda: width)
    asked: list[tuple[str, list]] = []
    real = questionary.select

    def keep(message, choices, **kwargs):  # type: ignore[no-untyped-def]
        asked.append((message, choices))
        return real(message, choices, **kwargs)

    monkeypatch.setattr(questionary, "select", keep)
    with keyboard(keys):
        answer = wk.select(label, options, options[0], back=True)
    assert answer in options
    message, choices = asked[0]
    title = next(c.title for c in choices if c.value == answer)
    return "? " + message + " " + title


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("label", "options", "keys", "chosen"),
    [
        (  # 78 columns: the label fitted, 'Weet ik (nog) niet' after it did not
            "Weten de sport- en cultuurclubs dat het Jeugdfonds Sport & Cultuur bestaat?",
            ["Ja", "Nee", "Weet ik (nog) niet"], "\x1b[B\x1b[B\r", "Weet ik (nog) niet",
        ),
        (
            "Door naar stap 15 van 18: Maak het werk zichtbaar, voor inwoners en gemeente?",
            ["Ja", "Nee"], "\r", "Ja",
        ),
        ("Hoe vaak verschijnt er nieuws van het netwerk?", ["elke maand", "elk kwartaal"],
         "\r", "elke maand"),
    ],
)  # fmt: skip
def test_a_chosen_option_is_shown_whole_where_the_instruction_was(
    monkeypatch: pytest.MonkeyPatch, width: int, label: str, options: list[str], keys: str,
    chosen: str,
) -> None:  # fmt: skip
    """Issue 22 walk, Heukelum at 80 columns: '? Weten de sport- en cultuurclubs dat het
    Jeugdfonds Sport & Cultuur bestaat? We' / 'et ik (nog) niet', and 'Door naar stap 15 van
    18: ... gemeente?' with 'Ja' alone in column 1: questionary puts the answer after the
    label's last line and the terminal cut it. Every line of the answered prompt fits, and
    the answer is whole on one line."""
    shown = _answered_select(monkeypatch, width, label, options, keys)
    lines = shown.split("\n")
    assert all(len(line) <= width - 1 for line in lines), lines
    assert any(line.rstrip().endswith(chosen) for line in lines), lines
    assert " ".join(" ".join(lines).split()).startswith("? " + label), lines


@pytest.mark.parametrize("width", WIDTHS)
def test_the_platform_s_members_are_listed_whole(monkeypatch: pytest.MonkeyPatch,
                                                 width: int) -> None:  # fmt: skip
    """Heukelum at 80 columns, "Welke organisaties doen mee?" of a platform: ' » ● Sociaal
    wijkteam West Betuwe (kernteam, welzijnsorganisatie of dorpsonderst' - prompt_toolkit
    cuts a choice line at the edge. The line wraps at words under the box instead, and the
    instruction is the wizard's own Dutch."""
    import questionary

    from gzctl.wizard import keys as wk
    from gzctl.wizard import platforms

    monkeypatch.setattr(wk, "screen_width", lambda: width)
    seen: dict = {}

    class Asked:
        def unsafe_ask(self) -> list[str]:
            return ["wijkteam"]

    def checkbox(message, choices, **kwargs):  # type: ignore[no-untyped-def]
        seen.update(message=message, choices=choices, **kwargs)
        return Asked()

    monkeypatch.setattr(questionary, "checkbox", checkbox)
    why = "kernteam, welzijnsorganisatie of dorpsondersteuner"
    suggestion = {"fits": [{"id": "wijkteam", "name": "Sociaal wijkteam West Betuwe",
                            "as": why, "why": "type"}]}  # fmt: skip
    said: list[str] = []
    assert platforms._ask_members(questionary, suggestion, said.append) == ["wijkteam"]
    title = seen["choices"][0].title
    lines = title.split("\n")
    assert all(5 + len(line) <= width - 1 for line in lines), lines  # " » ● " before it
    assert " ".join(" ".join(lines).split()) == f"Sociaal wijkteam West Betuwe ({why})"
    assert seen["instruction"] == "(spatie vinkt aan, Enter gaat verder)"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_label_mid_sentence_is_not_glued_to_the_hint(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """Heukelum at 60 columns, `answers --stap 1` ended 'Een antwoord' / 'veranderen: gzctl
    -C heukelum answers --wijzig NUMMER': the word before the hint was taken for a label
    ('Afvinken: gzctl ...') and moved with it. A label is glued to its hint only where a
    line, a sentence or a hint of several starts; the hint itself stays whole."""
    monkeypatch.setenv("COLUMNS", str(width))
    village = ("-C", demo.name)  # from the folder above: the hints name it, as in Heukelum
    result = gz(*village, "answers", "--stap", "1", cwd=demo.parent)
    assert result.code == 0, result.err
    fits(result.out, width)
    lines = result.out.rstrip("\n").split("\n")
    at = next(i for i, line in enumerate(lines) if "Een antwoord" in line)
    assert "Een antwoord veranderen:" in lines[at], lines[at:]
    hint = f"gzctl -C {demo.name} answers --wijzig NUMMER"
    assert any(hint in line for line in lines[at:]), lines[at:]
    first = gz(*village, "next", cwd=demo.parent).out  # 'Afvinken: gzctl ...' starts its line
    assert re.search(rf"^Afvinken: gzctl -C {demo.name} done 1", first, re.M), first


@pytest.mark.parametrize("width", WIDTHS)
def test_status_with_questions_left_for_later_still_fits(
    gz, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """Heukelum after the wizard, at 60 columns: three questions left for later ('weet ik
    niet', 'later') and a first action of two lines made `status` 23 lines, and the
    village's name went off the top of a 24-row window. The later questions shrink to one
    (and how many more) before the first action would not fit."""
    import datetime as dt
    import shutil

    from gzctl.core import store

    village = tmp_path / "dorp"
    shutil.copytree(demo, village)
    later = ["verkennen.subsidiekalender", "verbinden.missie", "verbinden.visie"]
    with store.transaction(village, "tester", dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC)) as c:
        for qid in later:
            c.project.answers.pop(qid, None)
        c.project.wizard.later = sorted(set(c.project.wizard.later) | set(later))
    monkeypatch.setenv("COLUMNS", str(width))
    result = gz("status", cwd=village)
    assert result.code == 0, result.err
    fits(result.out, width)
    assert result.out.startswith("Ooltwijk"), result.out
    assert "Nog in te vullen" in result.out and " 1. " in result.out
    whole = gz("status", "--alles", cwd=village).out
    assert all(w in whole for w in ("subsidieaanvraag", "missie", "slaagt")), whole
