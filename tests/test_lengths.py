"""Names longer than every output can carry are refused on input, and hand edits of
gzctl.toml are checked by the rules the commands follow (issue 25 item 6).

Once an organisation name of 225 characters made all of ``docs build`` fail with exit 1 (the
DOCX title holds at most 255 characters), ``inhabitants = 0`` passed by hand edit, and a
number typed into a text answer crashed ``site build``."""

from __future__ import annotations

from pathlib import Path

import pytest

from gzctl.core.bounds import MAX_NAME

LONG = "Stichting " + "x" * (MAX_NAME + 1 - len("Stichting "))
FITS = "Stichting " + "y" * (MAX_NAME - len("Stichting "))


def _refused(result, *words: str) -> None:
    assert result.code == 2, (result.code, result.err)
    assert result.err.startswith("Fout: "), result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "Traceback" not in result.err and "onverwachte" not in result.err
    for word in words:
        assert word in result.err, result.err


@pytest.mark.parametrize(
    "command",
    [
        ("org", "add", LONG),
        ("place", "add", LONG),
        ("platform", "add", LONG),
        ("activity", "add", LONG, "--datum", "12-06-2027"),
        ("coordinator", "candidate", "add", LONG),
    ],
)
def test_a_name_too_long_for_the_outputs_is_refused_naming_the_limit(
    gz, demo: Path, command: tuple[str, ...]
) -> None:
    before = (demo / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(demo), *command), str(MAX_NAME), "te lang")
    assert (demo / "gzctl.toml").read_bytes() == before


def test_a_name_at_the_limit_goes_through_every_output(gz, demo: Path) -> None:
    c = ("-C", str(demo))
    assert gz(*c, "org", "add", FITS).code == 0
    assert gz(*c, "activity", "add", FITS, "--datum", "12-06-2027").code == 0
    result = gz(*c, "docs", "build")
    assert result.code == 0, result.err
    assert gz(*c, "site", "build").code == 0


def test_a_long_network_name_is_cut_in_the_docx_properties_only(gz, demo: Path) -> None:
    state = demo / "gzctl.toml"
    text = state.read_text(encoding="utf-8")
    long_name = "Netwerk " + "n" * 300
    lines = [
        f'netwerknaam = "{long_name}"' if line.startswith("netwerknaam = ") else line
        for line in text.splitlines()
    ]
    state.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = gz("-C", str(demo), "docs", "build")
    assert result.code == 0, result.err


def _hand_edit(state: Path, old_start: str, new_line: str) -> None:
    lines = state.read_text(encoding="utf-8").splitlines()
    hits = [i for i, line in enumerate(lines) if line.startswith(old_start)]
    assert hits, old_start
    lines[hits[0]] = new_line
    state.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("start", "line", "words"),
    [
        ("inhabitants = ", "inhabitants = 0", ("village.inhabitants", "1")),
        ("inhabitants = ", "inhabitants = 300000", ("village.inhabitants", "200.000")),
        ('name = "Ooltwijk"', f'name = "{LONG}"', ("village.name", str(MAX_NAME))),
    ],
)
def test_hand_edits_follow_the_rules_of_the_commands(
    gz, demo: Path, start: str, line: str, words: tuple[str, ...]
) -> None:
    _hand_edit(demo / "gzctl.toml", start, line)
    for command in (("status",), ("site", "build"), ("docs", "build")):
        result = gz("-C", str(demo), *command)
        assert result.code == 2, (command, result.err)
        assert "Traceback" not in result.err and "onverwachte" not in result.err
        for word in words:
            assert word in result.err, result.err


def test_a_number_in_a_text_answer_is_read_as_text(gz, demo: Path) -> None:
    _hand_edit(demo / "gzctl.toml", "netwerknaam = ", "netwerknaam = 12345")
    result = gz("-C", str(demo), "site", "build")
    assert result.code == 0, result.err
    assert "12345" in (demo / "website" / "index.html").read_text(encoding="utf-8")
    assert gz("-C", str(demo), "docs", "build").code == 0
    assert gz("-C", str(demo), "status").code == 0
