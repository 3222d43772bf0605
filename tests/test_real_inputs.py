"""Real-world inputs (issue 12): each file in tests/cases/ with the outcome its README names.

The files are copies of the shared cases, so these tests pass from a clean clone. The shell
scripts are also run as they are, with GZ set to this Python's gzctl."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"

EVENING = """\
[verbinden]
netwerkavond_datum = 2027-03-11
netwerkavond_tijd = "19u30"
netwerkavond_plek = "Dorpshuis De Schakel, Kerkstraat 4, Beesd"
"""


def organisations(folder: Path) -> list[dict]:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))["organisations"]


def imported(gz, project: Path, case: str, tmp_path: Path, as_name: str | None = None) -> Path:
    source = CASES / case
    if as_name:  # the history names the file; some outcomes are about the data only
        source = shutil.copy(source, tmp_path / as_name)
    result = gz("-C", str(project), "org", "import", str(source))
    assert result.code == 0, result.err
    return project


def state_without_history(folder: Path) -> str:
    text = (folder / "gzctl.toml").read_text(encoding="utf-8")
    return text.split("[[history]]", 1)[0]


# ------------------------------------------------------------------------- kind 1: spreadsheets


def test_c01_excel_sep_line_windows_1252(gz, project: Path, tmp_path: Path) -> None:
    imported(gz, project, "c01_excel_sep_line.csv", tmp_path)
    orgs = {o["name"]: o for o in organisations(project)}
    assert set(orgs) == {"VV Beesd", "Oranjecomité Beesd"}
    assert orgs["Oranjecomité Beesd"]["reach"] == 120  # "ca. 120"
    assert orgs["VV Beesd"]["reach"] == 450


def test_c03_xlsx_with_a_wrong_used_range(gz, project: Path, tmp_path: Path) -> None:
    imported(gz, project, "c03_wps_dimension_A1.xlsx", tmp_path)
    names = sorted(o["name"] for o in organisations(project))
    assert names == ["Huisartsenpraktijk Beesd", "KBO Beesd", "VV Beesd"]


def test_c05_excel_line_break_escape_never_shows(gz, project: Path, tmp_path: Path) -> None:
    imported(gz, project, "c05_excel_cr_escape_x000D.xlsx", tmp_path, as_name="leden.xlsx")
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "_x000D_" not in text
    welzijn = next(o for o in organisations(project) if o["name"] == "Stichting Welzijn Beesd")
    assert welzijn["address"] == "Kerkstraat 12 (ingang achterzijde)"
    assert welzijn["notes"] == "Spreekuur di\nen do"
    answers = tmp_path / "avond.toml"
    answers.write_text(EVENING, encoding="utf-8")
    assert gz("-C", str(project), "wizard", "--answers", str(answers)).code == 0
    result = gz("-C", str(project), "docs", "build")
    assert result.code == 0, result.err
    letters = letter_texts(project)
    assert letters and not any("_x000D_" in t or "\r" in t for t in letters.values())


def letter_texts(project: Path) -> dict[str, str]:
    """Every written invitation as text: .md and .html as they are, .docx's XML."""
    out: dict[str, str] = {}
    for path in sorted((project / "documenten").rglob("*")):
        if "uitnodiging" not in str(path.relative_to(project)) or not path.is_file():
            continue
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                out[str(path)] = z.read("word/document.xml").decode("utf-8")
        elif path.suffix in (".md", ".html"):
            out[str(path)] = path.read_text(encoding="utf-8")
    return out


# ------------------------------------------------------------------------- kind 4: phones


def test_c07_municipal_and_service_numbers(gz, project: Path, tmp_path: Path) -> None:
    imported(gz, project, "c07_gemeente_14_numbers.csv", tmp_path)
    phones = {o["name"]: o["contact"]["phone"] for o in organisations(project)}
    assert phones == {
        "Gemeente West Betuwe": "14 0345",
        "Gemeente Buren": "14 0344",
        "Gemeente Alkmaar": "14072",
        "Gemeente Arnhem": "0900 1809",
        "Sociaal team West Betuwe": "(0345) 47 77 00",
        "Huisartsenpraktijk Beesd": "+31 (0)345-681234",
    }


# ------------------------------------------------------------------------- kind 2: pasted text


def test_c09_vertical_tab_then_both_exports(gz, project: Path, tmp_path: Path) -> None:
    imported(gz, project, "c09_filemaker_vertical_tab.csv", tmp_path)
    for name in ("x.xlsx", "x.csv"):
        result = gz("-C", str(project), "org", "export", str(tmp_path / name))
        assert result.code == 0, result.err
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "x.xlsx").active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "Bezoekwerk ouderen\nContact via secretariaat" in cells
    assert "\x0b" not in (tmp_path / "x.csv").read_text(encoding="utf-8-sig")


def test_c10_control_character_never_reaches_a_letter(gz, project: Path, tmp_path: Path) -> None:
    imported(gz, project, "c10_control_char_in_address.csv", tmp_path)
    answers = tmp_path / "avond.toml"
    answers.write_text(EVENING, encoding="utf-8")
    assert gz("-C", str(project), "wizard", "--answers", str(answers)).code == 0
    result = gz("-C", str(project), "docs", "build")
    assert result.code == 0, result.err
    letters = letter_texts(project)
    kinds = {Path(p).suffix for p in letters}
    assert kinds == {".md", ".html", ".docx"}
    # one letter per organisation in each format, plus the print file with all of them
    assert sum(1 for p in letters if "Dorpsbelang" in p or "dorpsbelang" in p) == 3
    for path, text in letters.items():
        assert "\x16" not in text, path
    assert any("Voorstraat 4" in t for t in letters.values())


def test_a_hand_edited_control_character_never_breaks_documents(gz, project: Path) -> None:
    """The last guard: gzctl.toml edited by hand with a control character in it."""
    assert (
        gz("-C", str(project), "org", "add", "Buurtbus Beesd", "--adres", "Stationsweg 2").code == 0
    )
    path = project / "gzctl.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Stationsweg 2", "Stationsweg 2\\u000b"),
        encoding="utf-8",
    )
    assert gz("-C", str(project), "org", "export", str(project / "x.xlsx")).code == 0


# ------------------------------------------------------------------------- kind 9: calendars


def test_c12_activity_without_time_is_all_day(gz, project: Path, monkeypatch) -> None:
    monkeypatch.setenv("GZCTL_NOW", "2027-01-15T20:30")
    result = gz(
        "-C", str(project), "activity", "add", "Koningsdag spelletjesmiddag",
        "--datum", "27-04-2027", "--plek", "Dorpsplein",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert gz("-C", str(project), "activity", "list").code == 0
    ics = project / "agenda.ics"
    assert gz("-C", str(project), "activity", "export", str(ics)).code == 0
    data = ics.read_bytes()
    assert b"DTSTART;VALUE=DATE:20270427" in data
    assert b"DTEND;VALUE=DATE:20270428" in data
    from ics_check import parse_both

    events = parse_both(data)
    assert events == [
        {"uid": "2027-04-27-koningsdag-spelletjesmiddag@beesd.gzctl", "start": "2027-04-27",
         "end": "2027-04-28", "sequence": 0, "summary": "Koningsdag spelletjesmiddag"}
    ]  # fmt: skip


# ------------------------------------------------------------------------- kind 6: state file


def test_c15_gzctl_toml_saved_by_notepad(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8").replace("inhabitants = 5000", "inhabitants = 5100")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = gz("-C", str(project), "status")
    assert result.code == 0, result.err
    assert "5.100 inwoners" in result.out
    assert gz("-C", str(project), "status", "--json").code == 0
    assert gz("-C", str(project), "next").code == 0
    assert gz("-C", str(project), "org", "add", "VV Beesd").code == 0  # the next save
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    assert "inhabitants = 5100" in data.decode("utf-8")


# ------------------------------------------------------------------------- kind 3: money, percent


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("c19_dutch_money_percent.toml",
         {"organiseren": {"begroting": 25000}, "verkennen": {"aandeel_65plus": 22}}),
        ("c19b_dutch_money_decimal.toml", {"organiseren": {"begroting": 25000.5}}),
    ],
)  # fmt: skip
def test_c19_dutch_money_and_percentages(gz, project: Path, case: str, expected: dict) -> None:
    result = gz("-C", str(project), "wizard", "--answers", str(CASES / case))
    assert result.code == 0, result.err
    answers = tomllib.loads((project / "gzctl.toml").read_text(encoding="utf-8"))["answers"]
    for section, values in expected.items():
        for key, value in values.items():
            assert answers[section][key] == value
            assert type(answers[section][key]) is type(value)
    assert gz("-C", str(project), "status").code == 0


# ------------------------------------------------------------------------- the scripts as they are


@pytest.mark.parametrize(
    "script", ["c12_activity_without_time.sh", "c15_gzctl_toml_notepad_bom.sh"]
)
def test_case_scripts_run_as_written(project: Path, tmp_path: Path, script: str) -> None:
    if shutil.which("bash") is None:
        pytest.skip("bash is not available")
    shim = tmp_path / "gz"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m gzctl "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "GZ": str(shim)}
    proc = subprocess.run(
        ["bash", str(CASES / script), str(project)],
        env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Fout" not in proc.stderr
    if script.startswith("c12"):
        assert b"DTSTART;VALUE=DATE:20270427" in (project / "agenda.ics").read_bytes()
    else:
        assert "5.100 inwoners" in proc.stdout
