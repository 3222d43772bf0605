"""Hints that can be copied (issue 12, kind 8): every ``gzctl ...`` that gzctl prints as a
suggestion works when pasted, also for a project folder with spaces, quotes, accents or a
leading dash. The folder goes in at one place, the output (gzctl/core/outtext.py: hinted,
through the terminal streams, the plain-text wrapping and the rich consoles); these tests
run the commands people use with such a folder and paste every hint they print."""

from __future__ import annotations

import io
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

from gzctl.cli import commands
from gzctl.core import outtext
from gzctl.core.text import PROJECT_COMMANDS, hints_with_dir

# A folder name with a space, a single quote, a double quote would be too cruel for Windows
# users; these are the ones villages really use: spaces, an apostrophe ('t), accents.
WEIRD = "Mijn 't Dorp é ë"
DASHED = "-dorp ë"  # a leading dash: still one argument of -C, never an option

# Placeholders in hints: the user fills them in. Commands with one are checked (the folder is
# right, the command exists) but not run.
PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z_=]+|\.\.\.|https://\.\.\.|\"Naam\"|Naam)$")
STOP_WORDS = {"of", "en", "om", "als", "voor", "die", "laat", "zien", "welke", "zie", "met"}

EVERYDAY_LINES = [
    ["status"], ["status", "--json"], ["next"], ["next", "--alle"], ["log"],
    ["org", "list"], ["place", "list"], ["platform", "list"], ["activity", "list"],
    ["docs", "list"], ["docs", "list", "--json"],
]  # fmt: skip
OTHER_LINES = [
    ["docs", "build"], ["org", "coverage"], ["org", "coverage", "--json"],
    ["org", "show", "vv-ooltwijk"], ["org", "add", "Breiclub De Steek"],
    ["org", "show", "bestaat-niet"], ["org", "edit", "vv-ooltwijk"],
    ["place", "show", "dorpshuis-de-schakel"], ["platform", "suggest"],
    ["platform", "show", "beweegweek"], ["coordinator", "candidate", "list"],
    ["answers"], ["wizard"], ["merge", "conflicts"], ["site", "build"],
    ["activity", "add", "Koffie"], ["person", "export", "bestaat-niet"], ["merge", "resolve"],
    ["done", "verkennen.lerendnetwerk"], ["undo", "verkennen.lerendnetwerk"],
]  # fmt: skip


def hint_commands(text: str) -> list[str]:
    """Every suggested command in ``text``: from 'gzctl ' to the end of the hint (the end of
    the line, three spaces or ' · ' between hints, a closing quote or bracket)."""
    found = []
    for line in text.splitlines():
        for m in re.finditer(r"\bgzctl (?=-C |[a-z])", line):
            rest = line[m.start() :]
            rest = re.split(r" {3,}| · ", rest)[0]
            found.append(rest)
    return found


def hint_argv(hint: str) -> list[str]:
    """What a POSIX shell makes of a pasted hint, cut where the sentence around it goes on
    ('... gzctl next laat zien welke.', '(gzctl org list)', "'gzctl merge setup'")."""
    lexer = shlex.shlex(hint, posix=True, punctuation_chars="()")
    lexer.whitespace_split = True
    argv: list[str] = []
    try:
        for token in lexer:
            if token in ("(", ")") or token in STOP_WORDS:
                break
            if "..." in token:  # '--adres ...', 'https://...': the user fills it in
                argv.append("...")
                break
            stripped = token.rstrip(".,;:'")
            if stripped != token and not (len(argv) == 2 and argv[1] == "-C"):
                if stripped:
                    argv.append(stripped)
                break
            argv.append(token)
    except ValueError:  # an unmatched quote in the sentence after the hint
        pass
    return argv


@pytest.fixture
def village(demo: Path, tmp_path: Path) -> Path:
    folder = tmp_path / WEIRD
    shutil.copytree(demo, folder)
    return folder


def run_all(gz, folder_arg: str, cwd: Path) -> dict[str, str]:
    """The output (stdout and stderr) of each command line, run as gzctl -C FOLDER ..."""
    out = {}
    for line in EVERYDAY_LINES + OTHER_LINES:
        result = gz("-C", folder_arg, *line, cwd=cwd)
        out[" ".join(line)] = result.out + result.err
    return out


def test_every_printed_hint_names_the_folder_and_works_when_pasted(
    gz, village: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "ergens anders"
    elsewhere.mkdir()
    outputs = run_all(gz, str(village), elsewhere)
    ran, checked = 0, 0
    seen: set[str] = set()
    for command, text in outputs.items():
        if command.endswith("--json"):
            json.loads(text.split("\nLet op")[0])  # still one valid document
        for hint in hint_commands(text.replace('\\"', '"')):
            argv = hint_argv(hint)
            assert argv[:1] == ["gzctl"], (command, hint)
            if len(argv) < 2 or argv[1] not in ("-C", *PROJECT_COMMANDS):
                continue  # 'gzctl init', 'gzctl portfolio': no project folder to name
            assert argv[1:3] == ["-C", str(village)], f"{command}: {hint}"
            assert argv[3] in PROJECT_COMMANDS, (command, hint)
            checked += 1
            key = " ".join(argv)
            if key in seen or any(PLACEHOLDER.match(a) for a in argv[3:]):
                continue
            seen.add(key)
            other = tmp_path / f"plak {ran}"
            other.mkdir()
            result = gz(*argv[1:], cwd=other)  # pasted in a shell somewhere else
            assert result.code in (0, 2), f"{key}: {result.code} {result.err}"
            assert "Geen project" not in result.err, key
            ran += 1
    assert checked >= 15 and ran >= 8, (checked, ran)


def test_a_leading_dash_and_a_relative_folder(gz, demo: Path, tmp_path: Path) -> None:
    shutil.copytree(demo, tmp_path / DASHED)
    for line in (["next"], ["org", "show", "nee"], ["docs", "build"], ["org", "add", "X Y"]):
        result = gz("-C", DASHED, *line, cwd=tmp_path)
        hints = [hint_argv(h) for h in hint_commands(result.out + result.err)]
        hints = [h for h in hints if h[1] in ("-C", *PROJECT_COMMANDS)]
        assert hints, line
        for argv in hints:
            assert argv[1:3] == ["-C", DASHED], argv
    pasted = hint_argv(hint_commands(gz("-C", DASHED, "next", cwd=tmp_path).out)[-1])
    result = gz(*pasted[1:3], "next", cwd=tmp_path)  # 'done ID' needs an ID: next
    assert result.code == 0, result.err


def test_in_the_project_folder_hints_stay_plain(gz, village: Path) -> None:
    for line in (["next"], ["docs", "list"], ["org", "show", "nee"], ["status"]):
        result = gz(*line, cwd=village)
        text = result.out + result.err
        assert "gzctl " in text and "-C" not in text, line
    # -C naming the folder you are in: the same plain hints
    assert "-C" not in gz("-C", ".", "next", cwd=village).out


def test_hints_name_the_folder_init_and_demo_made(gz, tmp_path: Path, answers_file: Path
                                                  ) -> None:  # fmt: skip
    base = tmp_path / "dorpen"
    base.mkdir()
    made = gz("-C", str(base), "init", WEIRD, "--answers", str(answers_file), cwd=tmp_path)
    assert made.code == 0, made.err
    for hint in hint_commands(made.out):
        argv = hint_argv(hint)
        assert argv[1:3] == ["-C", str(Path("dorpen") / WEIRD)], hint
        assert gz(*argv[1:], cwd=tmp_path).code in (0, 2)  # wizard: no terminal here
    demo = gz("demo", "--", DASHED, cwd=tmp_path)
    assert demo.code == 0, demo.err
    hints = [hint_argv(h) for h in hint_commands(demo.out)]
    assert len(hints) >= 4  # status's Afvinken/Meer and the closing Rondkijken line
    for argv in hints:
        assert argv[1:3] == ["-C", DASHED], argv
    assert gz(*hints[-1][1:], cwd=tmp_path).code == 0
    # made in the current folder: plain hints
    here = tmp_path / "hier"
    here.mkdir()
    made = gz("init", "--answers", str(answers_file), cwd=here)
    assert "Verder: gzctl wizard    Stand: gzctl status" in made.out


def test_portfolio_names_the_folder_of_each_village(gz, demo: Path, tmp_path: Path) -> None:
    advisor = tmp_path / "adviseur"
    advisor.mkdir()
    broken = tmp_path / "dorpen" / WEIRD
    shutil.copytree(demo, broken)
    with (broken / "gzctl.toml").open("a", encoding="utf-8") as f:
        f.write("<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> ander\n")
    for args in (["portfolio", "../dorpen"], ["-C", "../dorpen", "portfolio"]):
        result = gz(*args, cwd=advisor)
        assert result.code == 1
        (hint,) = hint_commands(result.out)
        argv = hint_argv(hint)
        assert argv[1:] == ["-C", str(broken), "merge", "setup"]
    rows = json.loads(gz("portfolio", "../dorpen", "--json", cwd=advisor).out)
    assert hint_argv(hint_commands(rows[0]["error"])[0])[1:3] == ["-C", str(broken)]


# ------------------------------------------------------------------------ the chokepoint


@pytest.fixture
def hint_folder():
    """Set the hint folder for one test and put it back."""
    saved = outtext.hint_folder()
    yield outtext.set_hint_folder
    outtext.set_hint_folder(saved)


def test_only_real_commands_get_the_folder() -> None:
    folder = "Mijn Dorp"
    assert hints_with_dir("Zie: gzctl org list", folder) == "Zie: gzctl -C 'Mijn Dorp' org list"
    for text in (
        "Herstel het bestand; gzctl schrijft er niet in tot het weer klopt.",
        "deze gzctl kent tot en met 1. Werk gzctl bij (pip install --upgrade gzctl).",
        "Zet haar in gzctl op 'benaderd'.",
        "Begin er een met: gzctl init dorp",
        "gzctl portfolio ~/dorpen",
        "gzctl.toml bevat een fout",
        "gzctl -C ander org list",
        "gzctl organisaties",
    ):
        assert hints_with_dir(text, folder) == text
    once = hints_with_dir("gzctl next; gzctl org add", folder)
    assert once.count("-C") == 2 and hints_with_dir(once, folder) == once
    # text wrapped before it got here: the folder goes right after 'gzctl'
    assert hints_with_dir("met gzctl\n  org edit", "d") == "met gzctl -C d\n  org edit"


def test_the_project_commands_are_the_tables() -> None:
    """core/text.PROJECT_COMMANDS (the core cannot import the command table) lists exactly
    the commands the table marks as working on one project folder, in its order."""
    from gzctl.cli import texts

    assert PROJECT_COMMANDS == tuple(n for n, top in commands.TOP.items() if top.project)
    assert list(commands.TOP) == list(texts.COMMANDS)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["status"], None),
        (["-C", "dorp", "status"], "dorp"),
        (["-Cdorp", "org", "list"], "dorp"),
        (["--directory=Mijn Dorp", "wizard"], "Mijn Dorp"),
        (["-C", "a", "-C", "b", "next"], "b"),
        (["-C", "dorp", "init", "nieuw"], None),
        (["-C", "dorp", "demo"], None),
        (["-C", "dorp", "portfolio"], None),
        (["-C", "dorp", "peers"], None),
        (["-C", "dorp", "org", "list", "--help"], None),
        (["-C", "dorp", "org"], None),
        (["-C", "dorp", "help", "org"], None),
        (["-C", "dorp", "onbekend"], None),
        (["-C", "-dorp", "next"], "-dorp"),
    ],
)
def test_which_runs_name_a_folder(argv: list[str], expected: str | None) -> None:
    assert commands.hint_folder(argv) == expected


def test_the_folder_you_are_in_is_not_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert commands.hint_folder(["-C", str(tmp_path), "next"]) is None
    assert commands.hint_folder(["-C", ".", "next"]) is None


def test_the_stream_names_the_folder_and_exports_stay_as_they_are(hint_folder) -> None:
    sink = io.StringIO()
    stream = outtext.TerminalStream(sink, keep_style=False)
    hint_folder("Dorp é")
    stream.write("Zie: gzctl org list\n")
    with outtext.verbatim():
        stream.write("notitie: gzctl org list\n")
    stream.write("gzctl next\n")
    hint_folder(None)
    stream.write("gzctl status\n")
    assert sink.getvalue().splitlines() == [
        "Zie: gzctl -C 'Dorp é' org list", "notitie: gzctl org list",
        "gzctl -C 'Dorp é' next", "gzctl status",
    ]  # fmt: skip


@pytest.mark.parametrize("folder", ['Dorp "De Hoek"', "C:\\dorpen\\Beesd", "a'b"])
def test_json_stays_valid_and_the_hint_pastes(hint_folder, folder: str) -> None:
    hint_folder(folder)
    text = json.dumps({"question": "Geef het type met: gzctl org edit x --type TYPE"})
    data = json.loads(outtext.hinted(text))
    argv = shlex.split(data["question"].split(": ", 1)[1], posix=True)
    assert argv[:3] == ["gzctl", "-C", folder]


def test_rich_markup_in_a_folder_name_is_printed_as_typed(hint_folder, capsys) -> None:
    from gzctl.cli import common

    hint_folder("[bold]dorp")
    common.console(width=200).print("[dim]Later kan het ook: gzctl docs build[/]")
    out = capsys.readouterr().out.strip()
    assert out == "Later kan het ook: gzctl -C '[bold]dorp' docs build"


def test_wrapping_never_breaks_a_hint_that_got_its_folder(hint_folder) -> None:
    from gzctl.cli.table import fit, wrap

    hint_folder("Mijn Dorp")
    text = "Kies een datum en vul hem daarna in op de kaart met gzctl org edit"
    for lines in (wrap(text, 50), fit(text, 50).split("\n")):
        assert any(line.endswith("gzctl -C 'Mijn Dorp' org edit") for line in lines), lines


def test_the_wizard_s_own_hints_name_the_folder(gz, village: Path, tmp_path: Path,
                                                monkeypatch) -> None:  # fmt: skip
    from conftest import ENTER, keyboard

    from gzctl.cli import setup

    monkeypatch.setattr(setup, "_terminal", lambda: True)
    # "Wie ben jij?" (the first initiator), the step's three questions kept; then the keys
    # run out
    with keyboard(ENTER * 4):
        result = gz("-C", str(village), "wizard", "--stap", "inventaris", cwd=tmp_path)
    assert result.code == 130
    said = [hint_argv(h) for h in hint_commands(result.out + result.err)]
    assert ["org", "edit"] in [argv[3:] for argv in said]  # 'de rest vul je later aan met'
    assert ["wizard"] in [argv[3:] for argv in said]  # 'Ga later verder met:'
    for argv in said:
        assert argv[1:3] == ["-C", str(village)], argv


def test_only_the_hint_is_kept_whole_the_prose_around_it_wraps(hint_folder) -> None:
    """A hint with its folder is one unit up to where the command ends, not the rest of
    the message: 'zoals gzctl answers die toont. Bedoelde je: ...' wraps after 'toont.'."""
    from gzctl.cli.table import wrap

    hint_folder("Mijn Dorp")
    text = (
        "Onbekende stap 'x'. Geef het nummer (1 tot en met 18) of de naam van de stap, zoals "
        "gzctl answers die toont. Bedoelde je: verkennen.inventaris, verkennen.startgroep, "
        "verkennen.ontmoetingsplek?"
    )
    lines = wrap(text, 60, "Fout: ")
    assert all(len(line) <= 60 for line in lines), lines
    assert any("gzctl -C 'Mijn Dorp' answers die toont." in line for line in lines), lines
    two = wrap("Afvinken: gzctl done ID    Stand: gzctl status", 40)
    assert two == ["Afvinken: gzctl -C 'Mijn Dorp' done ID", "Stand: gzctl -C 'Mijn Dorp' status"]
    placeholders = wrap("vul het aan met gzctl org edit ID --adres ... --plaats ...; dan klopt", 30)
    hint = "gzctl -C 'Mijn Dorp' org edit ID --adres ... --plaats ...;"
    assert hint in placeholders, placeholders


def test_rich_wraps_around_a_hint_and_never_inside_it(hint_folder, capsys) -> None:
    """The wizard's rich lines wrap at word boundaries at 80 columns, with the hint that got
    its folder whole on one line (not left to the terminal to cut anywhere)."""
    from gzctl.cli import common

    hint_folder("Mijn Dorp")
    text = (
        "[bold]De organisaties in het dorp[/] · nu 0 op de lijst. We lopen de sectoren langs. "
        "Typ de naam van een organisatie, of druk op Enter als die er niet is of je het niet "
        "weet. Alleen de naam is nodig; de rest vul je later aan met gzctl org edit."
    )
    common.console(width=80, highlight=False, color_system=None).print(text)
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines), lines
    assert any("gzctl -C 'Mijn Dorp' org edit." in line for line in lines), lines
    assert "\ue000" not in "".join(lines)


def test_data_in_a_json_document_stays_as_stored(gz, village: Path, tmp_path: Path) -> None:
    """A note or name that mentions a command is data: `org list --json` and `log --json`
    give it back as typed, not with the folder of this run in it; gzctl's own advice in
    the document (the coverage question) still gets the folder."""
    note = 'Zie gzctl org list, en "gzctl next"'
    add = gz("-C", str(village), "org", "add", "Leesclub gzctl status", "--notitie", note,
             cwd=tmp_path)  # fmt: skip
    assert add.code == 0, add.err
    rows = json.loads(gz("-C", str(village), "org", "list", "--json", cwd=tmp_path).out)
    club = next(r for r in rows if r["id"] == "leesclub-gzctl-status")
    assert (club["name"], club["notes"]) == ("Leesclub gzctl status", note)
    log = json.loads(gz("-C", str(village), "log", "--json", cwd=tmp_path).out)
    assert not any("-C" in entry["what"] for entry in log)
    coverage = json.loads(gz("-C", str(village), "org", "coverage", "--json", cwd=tmp_path).out)
    question = next(u for u in coverage["unknown_type"] if u["id"] == "leesclub-gzctl-status")
    argv = shlex.split(question["question"].split(": ", 1)[1])
    assert argv[:4] == ["gzctl", "-C", str(village), "org"]


@pytest.mark.parametrize("folder", ["~", "~/dorp", "~tilde", "=dorp"])
def test_a_folder_a_shell_would_expand_is_quoted(folder: str) -> None:
    """'gzctl -C ~ status' pastes as the home folder, '=dorp' as a command's path in zsh:
    a folder that starts so is quoted, and a POSIX shell gives it back as typed."""
    from gzctl.core.text import shell_quote

    quoted = shell_quote(folder, windows=False)
    assert quoted.startswith("'") and shlex.split(quoted) == [folder]
    assert shell_quote("a~b=c", windows=False) == "a~b=c"  # elsewhere in a word: plain


def test_a_message_on_a_terminal_wraps_around_its_hints(hint_folder, monkeypatch) -> None:
    """`gzctl demo` ended with 'Rondkijken: gzctl -C ... next   ·   gzctl -C ... log' as
    one line of 82 columns, which the terminal broke inside the second folder; messages
    (common.say and note) are fitted to the terminal, the hints kept whole."""
    from gzctl.cli import common

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    monkeypatch.setenv("COLUMNS", "80")
    hint_folder("Mijn 't Dorp é")
    common.say("Rondkijken: gzctl next   ·   gzctl log")
    lines = screen.getvalue().splitlines()
    assert len(lines) == 2 and all(len(line) <= 80 for line in lines), lines
    assert [hint_argv(h)[1:4] for h in hint_commands(screen.getvalue())] == [
        ["-C", "Mijn 't Dorp é", "next"], ["-C", "Mijn 't Dorp é", "log"]
    ]  # fmt: skip


def test_a_coloured_line_that_fits_is_not_wrapped() -> None:
    """The status line 'Organisaties: 32 in kaart, 5 aangesloten (benaderd 8, afgehaakt 1)'
    (68 columns, two numbers in bold) fits 80 columns in a colour terminal: colour codes
    take no room and must not be counted as characters."""
    from gzctl.cli.table import fit

    line = (
        "Organisaties: \x1b[1m32\x1b[0m in kaart, \x1b[1m5\x1b[0m aangesloten "
        "(benaderd 8, afgehaakt 1)"
    )
    assert fit(line, 80) == line


SKIPPED_DOCUMENTS = (  # what `docs build` and the wizard said in Heukelum (issue 22 walk)
    "Nieuwsbrief voor de dorpskrant: er is nog niets te melden. Plan een activiteit met "
    "gzctl activity add of start een platform met gzctl platform add.",
    "Verslag en besluitenlijst per overleg: nog geen overleg geweest. Leg besluiten vast met "
    "gzctl overleg besluit ID TEKST en sluit het overleg met gzctl overleg klaar ID",
    "Uitnodiging en agenda per overleg: nog geen overleg gepland. Plan er een met: "
    "gzctl overleg toevoegen DATUM --soort netwerkavond",
)


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("text", SKIPPED_DOCUMENTS)
def test_a_hint_ends_where_the_dutch_sentence_goes_on(hint_folder, width: int, text: str
                                                      ) -> None:  # fmt: skip
    """'met gzctl -C heukelum activity add of start een platform met gzctl -C heukelum
    platform add.' was kept as ONE unbreakable word of 78 columns, and the terminal cut it
    ('... gzctl -C heukelum pla' / 'tform add.'): a hint ends before 'of', 'en', 'met'
    and the like, in `docs build`'s lines (cli) and in the wizard's (wizard.wrap), and
    'met:' is no label glued to the hint."""
    from gzctl.cli.table import wrap
    from gzctl.wizard.wrap import hanging

    hint_folder("heukelum")
    said = outtext.hinted(text)
    # at 60 columns the longest hint itself (62) overflows after the label, as it must
    longest_hint = len("gzctl -C heukelum overleg toevoegen DATUM --soort netwerkavond")
    for lines in (wrap(said, width, "Overgeslagen: "), hanging(said, width).split("\n")):
        for line in lines:
            assert len(line) <= max(width, len("Overgeslagen: ") + longest_hint), lines
        assert not any(line.rstrip().endswith(("met:", " met")) and len(line) > width
                       for line in lines), lines  # fmt: skip
        argvs = [hint_argv(h) for h in hint_commands("\n".join(lines))]
        assert all(argv[:3] == ["gzctl", "-C", "heukelum"] for argv in argvs), argvs
        assert all(len(argv) > 3 and argv[3] in ("activity", "platform", "overleg")
                   for argv in argvs), argvs  # fmt: skip
        assert [a[3:5] for a in argvs] == [
            a[3:5] for a in (hint_argv(h) for h in hint_commands(said))
        ], lines  # every hint of the message is on one line, whole


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_a_hint_in_a_table_cell_is_never_broken(hint_folder, width: int) -> None:
    """Issue 22 walk: `docs list` at 80 columns broke the hints in its 'Stand' column
    ('(gzctl -C heukelum' / 'wizard --stap' / 'verbinden.netwerkavond)'). A hint in a cell
    stays whole on one line; a column too narrow for it turns the table into cards."""
    from gzctl.cli.table import Column, render

    hint_folder("heukelum")
    columns = [Column("Document"), Column("Titel", wrap=True), Column("Stand", wrap=True)]
    rows = [
        ["agenda", "Agenda eerste netwerkavond",
         "nog niet te maken: beantwoord eerst 'Op welke datum is de eerste netwerkavond?' "
         "(gzctl wizard --stap verbinden.netwerkavond)."],
        ["overleg", "Agenda en verslag", "plan een overleg met gzctl overleg toevoegen DATUM"],
    ]  # fmt: skip
    text = render(columns, rows, width)
    # a hint longer than the room beside a card's label overflows rather than break
    assert all(len(line) <= width or "gzctl" in line for line in text.splitlines()), text
    assert "gzctl -C heukelum wizard --stap verbinden.netwerkavond" in text, text
    assert "gzctl -C heukelum overleg toevoegen DATUM" in text, text
