"""Real inputs beyond the shared cases: new inputs of the same kinds, each one that broke
gzctl kept as a test. The files are in tests/cases/k*; the others are written inline. The
list of everything tried is docs/issue-12-tried-inputs.md."""

from __future__ import annotations

import codecs
import tomllib
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def state(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


def orgs(folder: Path) -> dict[str, dict]:
    return {o["name"]: o for o in state(folder).get("organisations", [])}


def imported(gz, project: Path, path: Path) -> str:
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.err


# ------------------------------------------------------------------------- kind 1: spreadsheets


def test_k01_google_sheets_export_with_combined_and_annotated_columns(
    gz, project: Path
) -> None:
    err = imported(gz, project, CASES / "k01_google_sheets_export.csv")
    assert "Onbekende kolommen" not in err  # 'Postcode + plaats', 'Achterban (ca.)' are known
    found = orgs(project)
    linde = found["Buurtvereniging De Linde"]
    assert (linde["postcode"], linde["place"], linde["reach"]) == ("4153 AB", "Beesd", 80)
    zonnebloem = found["Zonnebloem; afd. Beesd"]  # a ; inside quotes is no delimiter
    assert (zonnebloem["postcode"], zonnebloem["place"]) == ("4153 AB", "Beesd")
    assert zonnebloem["reach"] == 1200
    kerk = found['Kerk "De Hoeksteen" Protestantse gemeente']  # a line break in a name cell
    assert (kerk["postcode"], kerk["place"]) == ("8890", "Moorslede")  # Belgian


@pytest.mark.parametrize(
    ("header", "field", "value", "stored"),
    [
        ("Achterban (ca.)", "reach", "ca. 300", 300),
        ("Leden ongeveer", "reach", "1.800", 1800),
        ("Naam (verplicht)", "name", "Okra Beesd", "Okra Beesd"),
        ("E-mailadres *", ("contact", "email"), "mailto:okra@example.be", "okra@example.be"),
        ("Telefoon [werk]", ("contact", "phone"), "053/12.34.56", "053/12.34.56"),
        ("PC + Woonplaats", "place", "B-8890 Moorslede", "Moorslede"),
        ("Postcode/plaats", "postcode", "4153ab Beesd", "4153 AB"),
        ("Postcode en plaats", "place", "Beesd", "Beesd"),  # no postcode: all of it is the place
    ],
)
def test_column_names_in_other_spellings(
    gz, project: Path, tmp_path: Path, header: str, field, value: str, stored
) -> None:
    path = tmp_path / "lijst.csv"
    name_col = "" if field == "name" else "Organisatie;"
    name_val = "" if field == "name" else "Okra Beesd;"
    path.write_text(f"{name_col}{header}\r\n{name_val}{value}\r\n", encoding="utf-8")
    err = imported(gz, project, path)
    assert "Onbekende kolommen" not in err
    org = orgs(project)["Okra Beesd"]
    for part in (field,) if isinstance(field, str) else field:
        org = org[part]
    assert org == stored


def test_k02_street_and_house_number_apart_and_a_column_named_twice(gz, project: Path) -> None:
    err = imported(gz, project, CASES / "k02_double_columns_straat_huisnr.csv")
    assert "Onbekende kolommen" not in err  # a double column is not "unknown"
    assert "Kolom 'E-mail' staat er meer dan eens" in err
    found = orgs(project)
    voedselbank = found["Voedselbank Beesd"]
    assert voedselbank["address"] == "Kerkstraat 4a"
    # the first E-mail column is empty in this row: the second one counts
    assert voedselbank["contact"]["email"] == "info@voedselbank.example"
    schakel = found["Dorpshuis De Schakel"]
    assert schakel["address"] == "Molenweg 12"
    assert schakel["contact"]["email"] == "schakel@example.nl"  # the first filled one wins


def test_k03_rows_of_nul_padding_are_empty_rows_not_nameless_organisations(
    gz, project: Path
) -> None:
    imported(gz, project, CASES / "k03_nul_padded_export.csv")
    assert set(orgs(project)) == {"Club A", "Club B"}
    assert orgs(project)["Club B"]["place"] == "Beësd"  # Windows-1252


def test_one_row_is_one_rij(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "een.csv"
    path.write_text("Naam\nOkra Beesd\n", encoding="utf-8")
    result = gz("-C", str(project), "org", "import", str(path))
    assert "(uit 1 rij in een.csv)" in result.out


# ------------------------------------------------------------------------- kind 2: pasted text

ESCAPED = "\x1b[1;31mBeesd\x1b[0m"  # copied out of a coloured terminal
LINKED = "zie \x1b]8;;https://x.example\x1b\\de site\x1b]8;;\x1b\\ en \x1b]0;titel\x07verder"


def test_terminal_escape_sequences_go_whole_in_options(gz, project: Path) -> None:
    result = gz("-C", str(project), "org", "add", "Okra", "--plaats", ESCAPED,
                "--notitie", LINKED)  # fmt: skip
    assert result.code == 0, result.err
    org = orgs(project)["Okra"]
    assert org["place"] == "Beesd"
    assert org["notes"] == "zie de site en verder"
    result = gz("-C", str(project), "place", "add", f"Dorpshuis {ESCAPED}", "--adres", ESCAPED)
    assert result.code == 0, result.err
    assert "[0m" not in (project / "gzctl.toml").read_text(encoding="utf-8")


def test_terminal_escape_sequences_go_in_an_activity(gz, project: Path) -> None:
    result = gz("-C", str(project), "activity", "add", f"Koffie {ESCAPED}",
                "--datum", "5-12-2026", "--plek", ESCAPED)  # fmt: skip
    assert result.code == 0, result.err
    (activity,) = state(project)["activities"]
    assert (activity["title"], activity["place"]) == ("Koffie Beesd", "Beesd")


ANSWERS_PASTED = """\
[village]
name = "Be\u00ebsd"
municipality = "West Betuwe\x1b[0m"
province = "Gelderland"
inhabitants = "ca. 5.400 inwoners"

[[initiators]]
name = "Petra \u201cPeet\u201d de Vries\x0b"
email = "Petra de Vries <petra@example.nl>"

[verbinden]
netwerkavond_datum = "3 maart 2027"
netwerkavond_tijd = "19.30 uur"
netwerkavond_plek = "Dorpshuis De Schakel,\x0bKerkstraat 4\x1b[0m"

[organiseren]
begroting = "\u20ac 25.000,-"
"""


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\n"),
        ("utf-8", codecs.BOM_UTF8, "\r\n"),
        ("cp1252", b"", "\r\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-8", b"", "\r"),  # an old Mac editor
    ],
)
def test_answers_file_with_pasted_control_characters(
    gz, tmp_path: Path, encoding: str, bom: bytes, newline: str
) -> None:
    """TOML allows no control character in a string; a paste puts them there anyway."""
    path = tmp_path / "antwoorden.toml"
    path.write_bytes(bom + ANSWERS_PASTED.replace("\n", newline).encode(encoding))
    folder = tmp_path / "dorp"
    result = gz("init", str(folder), "--answers", str(path))
    assert result.code == 0, result.err
    data = state(folder)
    assert data["village"]["municipality"] == "West Betuwe"
    assert data["village"]["inhabitants"] == 5400
    assert data["initiators"][0] == {"name": 'Petra "Peet" de Vries', "email": "petra@example.nl"}
    answers = data["answers"]
    assert answers["verbinden"]["netwerkavond_plek"] == "Dorpshuis De Schakel, Kerkstraat 4"
    assert answers["verbinden"]["netwerkavond_tijd"] == "19:30"
    assert answers["organiseren"]["begroting"] == 25000


# ------------------------------------------------------------------------- kind 6: the state file


def _edited(project: Path, mangle) -> None:
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8").replace('name = "Beesd"', 'name = "Beésd"')
    path.write_bytes(mangle(text))


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda t: t.encode("utf-8") + b"\x00", id="trailing-nul"),
        pytest.param(lambda t: t.encode("utf-8") + b"\x00" * 512, id="nul-padding"),
        pytest.param(
            lambda t: "".join(
                line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(t.split("\n"))
            ).encode("utf-8"),
            id="mixed-line-ends",
        ),
        pytest.param(lambda t: t.replace("\n", "\r").encode("cp1252"), id="mac-cr-cp1252"),
        pytest.param(
            lambda t: codecs.BOM_UTF16_BE + t.replace("\n", "\r\n").encode("utf-16-be"),
            id="utf16-be",
        ),
    ],
)
def test_state_file_as_editors_leave_it(gz, project: Path, mangle) -> None:
    _edited(project, mangle)
    result = gz("-C", str(project), "status")
    assert result.code == 0, result.err
    assert "Beésd" in result.out
    assert gz("-C", str(project), "org", "add", "Okra").code == 0  # a save
    data = (project / "gzctl.toml").read_bytes()
    assert b"\x00" not in data and b"\r" not in data
    assert state(project)["village"]["name"] == "Beésd"


def test_a_backslash_in_the_state_file_is_explained_in_dutch(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8").replace('name = "Beesd"', 'name = "C:\\Users\\Beesd"')
    path.write_text(text, encoding="utf-8")
    result = gz("-C", str(project), "status")
    assert result.code == 2
    assert "een \\ in een tekst" in result.err
    assert "Invalid" not in result.err and "Traceback" not in result.err


# ------------------------------------------------------------------------- kind 3: Dutch values


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("€25k", 25000), ("€ 25K", 25000), ("EUR1250", 1250),
     ("25 duizend euro", 25000), ("€ 1,8k", 1800), ("€ 0,5 mln", 500000)],
)  # fmt: skip
def test_money_with_a_multiplier_or_a_glued_currency(
    gz, project: Path, tmp_path: Path, typed: str, stored: int
) -> None:
    path = tmp_path / "geld.toml"
    path.write_text(f'[organiseren]\nbegroting = "{typed}"\n', encoding="utf-8")
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 0, result.err
    value = state(project)["answers"]["organiseren"]["begroting"]
    assert value == stored and type(value) is int


def test_a_limit_is_written_the_dutch_way(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "geld.toml"
    path.write_text('[organiseren]\nbegroting = "€ 2,5 mln"\n', encoding="utf-8")
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 2
    assert "hoogstens 1.000.000" in result.err and "e+" not in result.err


def test_inhabitants_with_an_abbreviated_unit(gz, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[village]\nname = "Beesd"\nmunicipality = "West Betuwe"\nprovince = "Gelderland"\n'
        'inhabitants = "5400 inw."\n[[initiators]]\nname = "Petra"\n',
        encoding="utf-8",
    )
    result = gz("init", str(tmp_path / "dorp"), "--answers", str(path))
    assert result.code == 0, result.err
    assert state(tmp_path / "dorp")["village"]["inhabitants"] == 5400


@pytest.mark.parametrize("typed", ["za 3 december 2026", "zaterdag 3-12-2026", "di 3 maart 2027"])
def test_a_weekday_that_contradicts_the_date_is_asked_back(gz, project: Path, typed: str) -> None:
    before = (project / "gzctl.toml").read_bytes()
    result = gz("-C", str(project), "activity", "add", "Koffie", "--datum", typed)
    assert result.code == 2
    assert "klopt niet" in result.err and "geen " in result.err
    assert (project / "gzctl.toml").read_bytes() == before
    ok = gz("-C", str(project), "activity", "add", "Koffie", "--datum", "do 3 december 2026")
    assert ok.code == 0, ok.err


@pytest.mark.parametrize("typed", ["19:30-21:00", "19.30 - 21.30 uur", "van 19.30 tot 22.00 uur"])
def test_a_time_span_in_a_time_field_says_what_to_write(
    gz, project: Path, tmp_path: Path, typed: str
) -> None:
    path = tmp_path / "avond.toml"
    path.write_text(f'[verbinden]\nnetwerkavond_tijd = "{typed}"\n', encoding="utf-8")
    result = gz("-C", str(project), "wizard", "--answers", str(path))
    assert result.code == 2
    assert "tijdvak" in result.err and "begintijd" in result.err


@pytest.mark.parametrize("typed", ["0:00", "00:00", "24:00", "24 uur"])
def test_midnight_as_a_start_time_is_refused_not_turned_into_a_whole_day(
    gz, project: Path, typed: str
) -> None:
    result = gz("-C", str(project), "activity", "add", "Nieuwjaar", "--datum", "1-1-2027",
                "--tijd", typed)  # fmt: skip
    assert result.code == 2
    assert "middernacht" in result.err
    assert "activities" not in state(project)


def test_an_end_time_without_a_start_time_is_refused(gz, project: Path) -> None:
    result = gz("-C", str(project), "activity", "add", "Markt", "--datum", "5-12-2026",
                "--tot", "21:00")  # fmt: skip
    assert result.code == 2 and "--tijd" in result.err
    assert gz("-C", str(project), "activity", "add", "Markt", "--datum", "5-12-2026").code == 0
    result = gz("-C", str(project), "activity", "edit", "markt", "--tot", "17:00")
    assert result.code == 2 and "begintijd" in result.err


def test_until_midnight_ends_at_the_end_of_the_day(gz, project: Path) -> None:
    result = gz("-C", str(project), "activity", "add", "Oudjaar", "--datum", "31-12-2026",
                "--tijd", "21:00", "--tot", "24:00")  # fmt: skip
    assert result.code == 0, result.err
    assert "21:00–24:00" in result.out
    (activity,) = state(project)["activities"]
    assert str(activity["end"]) == "2027-01-01 00:00:00"
    assert gz("-C", str(project), "activity", "export", str(project / "a.ics")).code == 0
    from ics_check import parse_both

    (event,) = parse_both((project / "a.ics").read_bytes())
    assert event["end"].startswith("2027-01-01T00:00")
    late = gz("-C", str(project), "activity", "add", "Nacht", "--datum", "31-12-2026",
              "--tijd", "22:00", "--tot", "1:00")  # fmt: skip
    assert late.code == 2 and "24:00" in late.err


# ------------------------------------------------------------------------- kind 4: phones, postcode


@pytest.mark.parametrize("typed", ["0345-68123", "06-1234567", "(0345) 47 77 0"])
def test_a_dutch_number_missing_a_digit_is_not_taken_for_a_belgian_one(
    gz, project: Path, typed: str
) -> None:
    """Nine digits after a 0 is a Belgian landline (053 12 34 56), but grouped the Dutch way
    ('0345-...', '06-...') it is a Dutch number with a digit missing."""
    result = gz("-C", str(project), "org", "add", "Okra", "--telefoon", typed)
    assert result.code == 2, result.out
    assert "mist er een?" in result.err
    assert "organisations" not in state(project)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("053/12.34.56", "053/12.34.56"), ("0470 12 34 56", "0470 12 34 56"),
     ("09 123 45 67", "09 123 45 67"), ("(053) 12 34 56", "(053) 12 34 56"),
     ("T 0345 681234", "0345 681234"), ("M: 06 12345678", "06 12345678"),
     ("GSM 0470 12 34 56", "0470 12 34 56"), ("Tel.nr. 0345-681234", "0345-681234")],
)  # fmt: skip
def test_belgian_groupings_and_signature_labels(gz, project: Path, typed: str, kept: str) -> None:
    result = gz("-C", str(project), "org", "add", "Okra", "--telefoon", typed)
    assert result.code == 0, result.err
    assert orgs(project)["Okra"]["contact"]["phone"] == kept


@pytest.mark.parametrize("typed", ["1234 SS", "1234sa", "4153 SD"])
def test_postcode_letters_that_the_netherlands_never_uses(gz, project: Path, typed: str) -> None:
    result = gz("-C", str(project), "org", "add", "Okra", "--postcode", typed)
    assert result.code == 2 and "SA, SD en SS" in result.err


def test_postcode_with_a_dash_is_read(gz, project: Path) -> None:
    assert gz("-C", str(project), "org", "add", "Okra", "--postcode", "4153-ab").code == 0
    assert orgs(project)["Okra"]["postcode"] == "4153 AB"


def test_choices_as_pasted_in_an_answers_file(gz, project: Path) -> None:
    result = gz("-C", str(project), "wizard", "--answers", str(CASES / "k04_answers_choices.toml"))
    assert result.code == 0, result.err
    answers = state(project)["answers"]["verkennen"]
    assert answers["plek_eisen"] == [
        "Drempelvrije ingang", "Neutraal: niet de vaste plek van één club", "Keuken",
        "'s Avonds beschikbaar",
    ]  # fmt: skip
    assert answers["peilingvorm"] == "Een combinatie hiervan"
    assert (answers["kernteam"], answers["dorpsraad"]) == (True, False)
    assert answers["startdatum"].isoformat() == "2026-12-03"
    assert answers["huisartsenpost"] == "0900 1515"
    (contact,) = answers["gemeentecontacten"]
    assert contact == {"name": "Karin Smit", "role": "dorpencoördinator",
                       "email": "k.smit@gemeente.example", "phone": "0345 681234"}  # fmt: skip
    assert gz("-C", str(project), "status").code == 0  # what was accepted loads again
