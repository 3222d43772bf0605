"""Real habits (issue 12) beyond the shared cases: each kind tried with other inputs of the
same shape, through the CLI where a user would meet them."""

from __future__ import annotations

import json
import shlex
import tomllib
from pathlib import Path

import pytest
from ics_check import parse_both


def state(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------- kind 1: spreadsheets


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        ("utf-16-le", b"\xff\xfe", "\t"),  # Excel: Opslaan als "Unicode-tekst"
        ("utf-8", b"\xef\xbb\xbf", ","),  # CSV UTF-8 from an English Excel
        ("cp1252", b"", ";"),  # Dutch Excel's plain CSV
        ("utf-8", b"", "|"),
    ],
)
def test_every_excel_encoding_and_delimiter(
    gz, project: Path, tmp_path: Path, encoding: str, bom: bytes, delimiter: str
) -> None:
    text = "\r\n".join(
        [
            "Sociale kaart Beesd, bijgewerkt 1-11-2026",
            "",
            delimiter.join(["Organisatie", "E-mail", "Leden"]),
            delimiter.join(["Zonnebloem afd. Beesd", "mailto:info@zonnebloem.example", "1.200"]),
            delimiter.join(["Café ’t Hoekje", " hoekje@example.nl ", "ca. 40"]),
        ]
    )
    path = tmp_path / "lijst.csv"
    path.write_bytes(bom + text.encode(encoding))
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    orgs = {o["name"]: o for o in state(project)["organisations"]}
    assert orgs["Zonnebloem afd. Beesd"]["contact"]["email"] == "info@zonnebloem.example"
    assert orgs["Zonnebloem afd. Beesd"]["reach"] == 1200
    assert orgs["Café 't Hoekje"]["reach"] == 40


def test_header_but_no_rows_is_an_error_not_a_silent_zero(
    gz, project: Path, tmp_path: Path
) -> None:
    path = tmp_path / "leeg.csv"
    path.write_text("Naam;Plaats\r\n;\r\n", encoding="utf-8")
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 2
    assert "geen organisaties" in result.err
    assert "Traceback" not in result.err


def test_binary_file_as_csv_is_refused_in_dutch(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(bytes(range(256)) * 4)
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 2
    assert "UTF-8" in result.err and "onverwachte" not in result.err


def test_xlsx_saved_as_csv_is_read_as_xlsx(gz, project: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Naam", "Plaats"])
    book.active.append(["KBO Beesd", "Beesd"])
    path = tmp_path / "lijst.csv"
    book.save(path)
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert state(project)["organisations"][0]["name"] == "KBO Beesd"


# ------------------------------------------------------------------------- kind 2: pasted text


def test_pasted_text_in_options_is_cleaned(gz, project: Path) -> None:
    result = gz(
        "-C", str(project), "org", "add", "\u00a0VV\u00a0Beesd\x0b ",
        "--email", "mailto:Info@VVBeesd.example", "--adres", "Kerkstraat\u200b 12\x16",
    )  # fmt: skip
    assert result.code == 0, result.err
    org = state(project)["organisations"][0]
    assert org["name"] == "VV Beesd"
    assert org["contact"]["email"] == "Info@VVBeesd.example"
    assert org["address"] == "Kerkstraat 12"


def test_pasted_text_in_an_answers_file_is_cleaned(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[verbinden]\nnetwerknaam = "Beesd\\u000b voor\\u00a0Elkaar "\n', encoding="utf-8"
    )
    assert gz("-C", str(project), "wizard", "--answers", str(path)).code == 0
    assert state(project)["answers"]["verbinden"]["netwerknaam"] == "Beesd voor Elkaar"


# ------------------------------------------------------------------------- kind 3 and 5


@pytest.mark.parametrize("typed", ["1,800", "2,500"])
def test_comma_thousands_is_asked_back_never_stored(
    gz, project: Path, tmp_path: Path, typed: str
) -> None:
    path = tmp_path / "a.toml"
    path.write_text(f'[village]\ninhabitants = "{typed}"\n', encoding="utf-8")
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 2
    assert "niet eenduidig" in result.err
    assert state(project)["village"]["inhabitants"] == 5000
    assert gz("-C", str(project), "status").code == 0


@pytest.mark.parametrize(
    ("typed", "expected"), [("1.800", 1800), ("1800", 1800), ("ca. 1.800 inwoners", 1800)]
)
def test_inhabitants_the_dutch_way(
    gz, project: Path, tmp_path: Path, typed: str, expected: int
) -> None:
    path = tmp_path / "a.toml"
    path.write_text(f'[village]\ninhabitants = "{typed}"\n', encoding="utf-8")
    assert gz("-C", str(project), "wizard", "--answers", str(path)).code == 0
    assert state(project)["village"]["inhabitants"] == expected
    assert gz("-C", str(project), "status").code == 0


def test_a_fraction_of_inhabitants_is_refused(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("[village]\ninhabitants = 1.8\n", encoding="utf-8")
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 2 and "geen geheel getal" in result.err


def test_network_evening_time_and_past_date(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[verbinden]\nnetwerkavond_datum = "3-12-2025"\nnetwerkavond_tijd = "19u30"\n',
        encoding="utf-8",
    )
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 0, result.err
    assert "in het verleden" in result.err
    answers = state(project)["answers"]["verbinden"]
    assert answers["netwerkavond_tijd"] == "19:30"
    path.write_text('[verbinden]\nnetwerkavond_tijd = "half acht"\n', encoding="utf-8")
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 2 and "19:30" in result.err
    assert state(project)["answers"]["verbinden"]["netwerkavond_tijd"] == "19:30"


@pytest.mark.parametrize(("typed", "shown"), [("19u30", "19:30"), ("19.30", "19:30")])
def test_activity_times_the_dutch_way(gz, project: Path, typed: str, shown: str) -> None:
    result = gz(
        "-C", str(project), "activity", "add", "Koffie", "--datum", "3 december 2026",
        "--tijd", typed,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert f"3 december 2026 {shown}" in result.out
    assert "verleden" not in result.err


def test_activity_half_acht_and_past_dates(gz, project: Path) -> None:
    result = gz("-C", str(project), "activity", "add", "Koffie", "--datum", "3-12-2026",
                "--tijd", "half acht")  # fmt: skip
    assert result.code == 2 and "19:30" in result.err
    assert "activities" not in state(project)
    result = gz("-C", str(project), "activity", "add", "Koffie", "--datum", "3-12-2025")
    assert result.code == 0
    assert "in het verleden" in result.err


# ------------------------------------------------------------------------- kind 4


@pytest.mark.parametrize(
    "phone",
    ["14 0345", "14 020", "0800-2000", "0900 1809", "(0345) 47 77 00", "+31 (0)345-681234",
     "+32 50 12 34 56", "03 201 12 34", "0470 12 34 56", "1712", "tel. 0345-681234"],
)  # fmt: skip
def test_published_numbers_are_kept_as_written(gz, project: Path, phone: str) -> None:
    result = gz("-C", str(project), "org", "add", "Club", "--telefoon", phone)
    assert result.code == 0, result.err
    kept = state(project)["organisations"][0]["contact"]["phone"]
    assert kept == phone.removeprefix("tel. ")


@pytest.mark.parametrize("postcode", ["4153 AB", "4153ab", "4153  Ab", "8890", "B-8890"])
def test_postcodes_as_written(gz, project: Path, postcode: str) -> None:
    result = gz("-C", str(project), "org", "add", "Club", "--postcode", postcode)
    assert result.code == 0, result.err
    kept = state(project)["organisations"][0]["postcode"]
    assert kept in ("4153 AB", "8890")


# ------------------------------------------------------------------------- kind 6


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_answers_file_from_notepad(gz, project: Path, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.toml"
    text = '[verbinden]\r\nnetwerknaam = "Beesd voor Elkaar — café"\r\n'
    path.write_bytes(text.encode(encoding, errors="replace"))
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 0, result.err
    name = state(project)["answers"]["verbinden"]["netwerknaam"]
    assert name.startswith("Beesd voor Elkaar") and name.endswith("café")


def test_unreadable_answers_file_says_how_to_save_as_utf8(
    gz, project: Path, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"\x00\x01\x02\x81\x8d" * 10)
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 2
    assert "UTF-8" in result.err and "Traceback" not in result.err


def test_state_file_in_utf16_is_read_and_rewritten_as_utf8(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert gz("-C", str(project), "status").code == 0
    assert gz("-C", str(project), "org", "add", "KBO Beesd").code == 0
    path.read_bytes().decode("utf-8")  # plain UTF-8 again


# ------------------------------------------------------------------------- kind 8


@pytest.mark.parametrize("name", ["Mijn Dorp", "d'Hoek", "Sint-Oedenrode é", "a $b"])
def test_hints_work_when_pasted(gz, tmp_path: Path, answers_file: Path, name: str) -> None:
    folder = tmp_path / name
    result = gz("init", str(folder), "--answers", str(answers_file))
    assert result.code == 0, result.err
    hint = next(line for line in result.out.splitlines() if line.startswith("Verder:"))
    command = hint.split("Verder: ", 1)[1].split("    ", 1)[0]
    argv = shlex.split(command)  # what a POSIX shell makes of the pasted line
    assert argv[:2] == ["gzctl", "-C"] and Path(argv[2]) == folder
    status = gz(*argv[1:-1], "status")
    assert status.code == 0, status.err
    assert any(
        shlex.split(line.split(":", 1)[1].split("    ")[0])[2] == str(folder)
        for line in status.out.splitlines()
        if line.strip().startswith("Afvinken:")
    )


# ------------------------------------------------------------------------- kind 9


def test_a_moved_activity_is_a_newer_revision(gz, project: Path) -> None:
    assert gz("-C", str(project), "activity", "add", "Wandeling", "--datum", "12-04-2027",
              "--tijd", "10:00", "--tot", "12:00").code == 0  # fmt: skip
    ics = project / "a.ics"
    assert gz("-C", str(project), "activity", "export", str(ics)).code == 0
    (before,) = parse_both(ics.read_bytes())
    aid = before["uid"].split("@")[0]
    assert gz("-C", str(project), "activity", "edit", aid, "--datum", "19-04-2027").code == 0
    assert gz("-C", str(project), "activity", "export", str(ics)).code == 0
    (after,) = parse_both(ics.read_bytes())
    assert after["uid"] == before["uid"]
    assert after["sequence"] > before["sequence"]
    assert after["start"].startswith("2027-04-19T10:00") and after["end"].startswith(
        "2027-04-19T12:00"
    )
    assert b"LAST-MODIFIED:" in ics.read_bytes()


def test_empty_export_says_so_and_writes_nothing(gz, project: Path) -> None:
    ics = project / "a.ics"
    result = gz("-C", str(project), "activity", "export", str(ics))
    assert result.code == 1
    assert "geen agenda geschreven" in result.err
    assert not ics.exists()
    assert gz("-C", str(project), "activity", "add", "Wandeling", "--datum", "12-04-2027").code == 0
    result = gz("-C", str(project), "activity", "export", str(ics), "--wanneer", "geweest")
    assert result.code == 1 and not ics.exists()


def test_multi_day_all_day_activity(gz, project: Path) -> None:
    assert gz("-C", str(project), "activity", "add", "Beweegweek", "--datum", "5-10-2027").code == 0
    ics = project / "a.ics"
    assert gz("-C", str(project), "activity", "export", str(ics)).code == 0
    (event,) = parse_both(ics.read_bytes())
    assert event["start"] == "2027-10-05" and event["end"] == "2027-10-06"
    assert b"VTIMEZONE" not in ics.read_bytes()  # all-day events need no time zone


# ------------------------------------------------------------------------- kind 10


def test_typed_evening_address_is_in_invitation_and_agenda(gz, demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[verbinden]\nnetwerkavond_plek = "Kantine VV Ooltwijk, Sportlaan 1, Ooltwijk"\n',
        encoding="utf-8",
    )
    assert gz("-C", str(demo), "wizard", "--answers", str(path)).code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    docs = demo / "documenten"
    agenda = next(docs.rglob("agenda*.md")).read_text(encoding="utf-8")
    invitation = next(p for p in docs.rglob("*.md") if "uitnodiging" in str(p))
    assert "Sportlaan 1" in agenda
    assert "Sportlaan 1" in invitation.read_text(encoding="utf-8")


def _document_texts(path: Path) -> str:
    """What a reader sees in a built document: Markdown as is, HTML without tags and
    entities, Word's paragraphs and table cells."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        import html
        import re

        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def test_the_evening_address_typed_in_the_wizard_is_in_invitation_and_agenda(
    gz, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import ENTER, keyboard

    from gzctl.cli import setup

    typed = "Kantine VV Ooltwijk, Sportlaan 1, 4100 AB Ooltwijk"
    monkeypatch.setattr(setup, "_terminal", lambda: True)
    # the step of the evening: the school region, date and time kept, the place wiped
    # (Ctrl-U) and typed, the rest kept; the checklist and the documents offer with Enter
    keys = ENTER * 4 + "\x15" + typed + ENTER + ENTER * 6  # "Wie ben jij?" first
    with keyboard(keys):
        gz("-C", str(demo), "wizard", "--stap", "netwerkavond", cwd=tmp_path)
    assert tomllib.loads((demo / "gzctl.toml").read_text(encoding="utf-8"))["answers"][
        "verbinden"]["netwerkavond_plek"] == typed  # fmt: skip
    assert gz("-C", str(demo), "docs", "build").code == 0
    docs = demo / "documenten"
    agendas = sorted(docs.glob("agenda.*"))
    letters = sorted((docs / "uitnodiging").glob("*.*"))
    assert {p.suffix for p in agendas} == {p.suffix for p in letters} == {".md", ".html", ".docx"}
    for path in agendas + letters:
        text = _document_texts(path)
        assert typed in text, path.name
    for path in letters:  # every "Waar:" says the typed place, not the chosen meeting place
        where = [line for line in _document_texts(path).splitlines() if "Waar:" in line]
        assert where and all(line.rstrip().endswith(typed) for line in where), path.name


def test_church_question_type_wins_over_gemeente_in_the_name() -> None:
    from gzctl.network import inventory as inv
    from gzctl.wizard.inventory import question_type

    catalogue = inv.load_catalogue()
    church = catalogue.type("kerk")
    assert church is not None
    for name in ("Gereformeerde Gemeente Beesd", "Evangelische Gemeente De Rank",
                 "Christelijke Gemeente Beesd"):  # fmt: skip
        assert question_type(catalogue, church, name) == "kerk"
    municipality = catalogue.type("gemeente")
    assert municipality is not None
    assert question_type(catalogue, municipality, "Gemeente West Betuwe") == "gemeente"


def test_org_add_says_a_type_read_from_the_name_and_a_given_type_wins(gz, project: Path) -> None:
    c = ("-C", str(project))
    added = gz(*c, "org", "add", "Gereformeerde Gemeente Beesd")
    assert "(type geraden aan de naam: kerk of diaconie)" in added.out
    assert "Klopt het type? Bevestig met gzctl" in added.err and "org bevestig" in added.err
    given = gz(*c, "org", "add", "Hervormde Gemeente Beesd", "--type", "gemeente")
    assert "geraden" not in given.out + given.err
    orgs = {o["name"]: o["type"] for o in json.loads(gz(*c, "org", "list", "--json").out)}
    assert orgs == {"Gereformeerde Gemeente Beesd": "kerk", "Hervormde Gemeente Beesd": "gemeente"}


def test_org_import_names_types_read_from_names_and_the_column_wins(
    gz, project: Path, tmp_path: Path
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text(
        "naam;type\nProtestantse Gemeente Beesd;\nGemeente Beesd kerkkoor;kerk\n"
        "KBO Beesd;gemeente\nDe Vonk;\n",
        encoding="utf-8",
    )
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert (
        "1 type geraden aan de naam (het bestand gaf er geen): Protestantse Gemeente Beesd "
        "(kerk of diaconie)." in result.err
    )
    assert "Type niet herkend: De Vonk." in result.err
    listed = json.loads(gz("-C", str(project), "org", "list", "--json").out)
    assert {o["name"]: o["type"] for o in listed} == {
        "Protestantse Gemeente Beesd": "kerk",
        "Gemeente Beesd kerkkoor": "kerk",  # the column, not 'gemeente' or 'koor' in the name
        "KBO Beesd": "gemeente",  # the column wins over the ouderenbond in the name
        "De Vonk": "onbekend",
    }


def test_org_show_gives_the_number_normalised_and_as_typed(gz, project: Path) -> None:
    assert (
        gz("-C", str(project), "org", "add", "Sociaal team", "--telefoon", "(0345) 47 77 00").code
        == 0
    )
    result = gz("-C", str(project), "org", "show", "sociaal-team")
    assert "0345 477 700 (ingevoerd als (0345) 47 77 00)" in result.out


@pytest.mark.parametrize(
    ("option", "typed", "field", "expected"),
    [("--huur", "€ 45,-", "rent", 45.0), ("--huur", "1.250,50", "rent", 1250.5),
     ("--plaatsen", "ca. 60", "seats", 60)],
)  # fmt: skip
def test_place_amounts_the_dutch_way(
    gz, project: Path, option: str, typed: str, field: str, expected: float
) -> None:
    result = gz("-C", str(project), "place", "add", "Dorpshuis", option, typed)
    assert result.code == 0, result.err
    assert state(project)["places"][0][field] == expected


def test_place_rent_with_comma_thousands_is_not_guessed(gz, project: Path) -> None:
    result = gz("-C", str(project), "place", "add", "Dorpshuis", "--huur", "1,250")
    assert result.code == 2 and "geen bedrag" in result.err


def test_own_playbook_saved_by_notepad(gz, tmp_path: Path) -> None:
    from gzctl.core.paths import data_dir

    source = (data_dir("playbooks") / "gemeenschapszorg.toml").read_text(encoding="utf-8")
    path = tmp_path / "eigen.toml"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    result = gz("playbook", "check", str(path))
    assert result.code == 0, result.err


def test_hints_in_errors_carry_the_folder(gz, tmp_path: Path, answers_file: Path) -> None:
    folder = tmp_path / "Mijn Dorp"
    assert gz("init", str(folder), "--answers", str(answers_file)).code == 0
    result = gz("-C", str(folder), "org", "show", "bestaat-niet")
    assert result.code == 2
    hint = result.err.split("Zie: ", 1)[1].strip()
    assert shlex.split(hint) == ["gzctl", "-C", str(folder), "org", "list"]


@pytest.mark.parametrize(
    "pasted",
    ["mailto:info@a.nl", "“info@a.nl”", "<info@a.nl>", "Info A <info@a.nl>", "info@a.nl.",
     "\u00a0info@a.nl\u200b", "MAILTO: info@a.nl", "'info@a.nl'"],
)  # fmt: skip
def test_email_addresses_as_pasted(pasted: str) -> None:
    from gzctl.network import inventory as inv

    assert inv.check_email(pasted) == "info@a.nl"
