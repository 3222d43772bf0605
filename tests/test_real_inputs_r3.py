"""Real inputs, round 3 (issue 23): lists and files as people bring them. Each shared case
file (tests/cases/r*) with the outcome its README names, and more files of each kind written
inline: forms, contact exports, other spreadsheet formats, workbooks, members in words,
answers files. Every refusal is one Dutch line, exit 2, no traceback, nothing saved."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def state(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


def orgs(folder: Path) -> dict[str, dict]:
    return {o["name"]: o for o in state(folder).get("organisations", [])}


def imported(gz, project: Path, path: Path, *options: str) -> str:
    result = gz("-C", str(project), "org", "import", str(path), *options)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.out + result.err


def refused(gz, project: Path, path: Path, *options: str) -> str:
    before = (project / "gzctl.toml").read_bytes()
    result = gz("-C", str(project), "org", "import", str(path), *options)
    assert result.code == 2, result.out + result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert (project / "gzctl.toml").read_bytes() == before  # nothing saved
    return result.err


# ------------------------------------------------------------------------- the name elsewhere


def test_r01_google_forms_responses(gz, project: Path) -> None:
    out = imported(gz, project, CASES / "r01_google_forms_responses.csv")
    found = orgs(project)
    assert set(found) == {"VV Beesd", "Zonnebloem afdeling Beesd", "Gemengd koor Cantate"}
    assert [found[n]["reach"] for n in sorted(found)] == [35, 450, 60]
    vv = found["VV Beesd"]
    assert vv["contact"]["email"] == "secretaris@vvbeesd.example"
    assert vv["contact"]["phone"] == "06 12345678"
    assert vv["contact"]["name"] == "Henk de Groot"
    assert found["Zonnebloem afdeling Beesd"]["notes"] == "Wij bezoeken ook mensen in Rumpt"
    assert "12-11-2026" not in (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "'Tijdstempel' (formulier)" in out  # named, not silent


MS_FORMS = (
    "Id,Begintijd,Tijd van voltooien,E-mail,Naam,Wat is de naam van jullie club?,"
    "E-mailadres van de club,Aantal leden (ongeveer)\r\n"
    "1,11/12/26 19:02:11,11/12/26 19:05:40,anonymous,,Okra Beesd,okra@example.nl,120\r\n"
    "2,11/13/26 08:00:02,11/13/26 08:03:12,anonymous,,Toneelclub Het Doek,doek@example.nl,"
    "ca. 40\r\n"
)


def test_microsoft_forms_respondent_columns_are_not_the_organisation(
    gz, project: Path, tmp_path: Path
) -> None:
    path = tmp_path / "Formulier.csv"
    path.write_text(MS_FORMS, encoding="utf-8-sig")
    out = imported(gz, project, path)
    found = orgs(project)
    assert set(found) == {"Okra Beesd", "Toneelclub Het Doek"}
    assert found["Okra Beesd"]["id"] != "1"
    assert found["Okra Beesd"]["contact"]["email"] == "okra@example.nl"
    assert found["Toneelclub Het Doek"]["reach"] == 40
    assert "anonymous" not in (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "'Begintijd' (formulier)" in out


def test_r12_outlook_contacts(gz, project: Path) -> None:
    imported(gz, project, CASES / "r12_outlook_contacts_nl.csv")
    found = orgs(project)
    assert set(found) == {"VV Beesd", "Zonnebloem afdeling Beesd", "Dorpshuis De Schalm"}
    vv = found["VV Beesd"]
    assert vv["contact"]["name"] == "Henk de Groot"
    assert vv["contact"]["email"] == "secretaris@vvbeesd.example"
    assert vv["contact"]["phone"] == "0345-681234"
    assert (vv["address"], vv["postcode"], vv["place"]) == ("Sportlaan 2", "4153 AB", "Beesd")
    # the mobile number is used when the work number is empty
    assert found["Zonnebloem afdeling Beesd"]["contact"]["phone"] == "06-12345678"
    assert "Categorieën: Welzijn" in found["Zonnebloem afdeling Beesd"]["notes"]


def test_r13_google_contacts_keep_email_and_phone(gz, project: Path) -> None:
    out = imported(gz, project, CASES / "r13_google_contacts.csv")
    found = orgs(project)
    assert len(found) == 3
    for org in found.values():
        assert org["contact"]["email"] and org["contact"]["phone"]
    assert found["Dorpshuis De Schalm"]["address"] == "Kerkstraat 14"
    assert "'Address 1 - Formatted'" in out  # skipped with a word


def test_kvk_extract_house_number_and_addition(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "kvk.csv"
    path.write_text(
        "KvK-nummer;Handelsnaam;Straat;Huisnummer;Toevoeging;Postcode;Plaats\n"
        "12345678;Bakkerij Van Dam;Dorpsstraat;12;a;4153 AB;Beesd\n"
        "87654321;Stichting Dorpshuis;Kerkweg;3;2;4153 AC;Beesd\n",
        encoding="utf-8",
    )
    out = imported(gz, project, path)
    found = orgs(project)
    assert found["Bakkerij Van Dam"]["address"] == "Dorpsstraat 12a"
    assert found["Stichting Dorpshuis"]["address"] == "Kerkweg 3-2"
    assert "KvK-nummer: 12345678" in found["Bakkerij Van Dam"]["notes"]  # kept, not dropped
    assert "'KvK-nummer'" in out


def test_flemish_list_with_nr_bus_gemeente(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "verenigingen.csv"
    path.write_text(
        "Naam;Straat;Nr;Bus;Postcode;Gemeente\nOkra Moorslede;Marktstraat;5;2;8890;Moorslede\n",
        encoding="utf-8",
    )
    imported(gz, project, path)
    okra = orgs(project)["Okra Moorslede"]
    assert okra["address"] == "Marktstraat 5 bus 2"
    assert okra["place"] == "Moorslede"


def test_json_list_with_dutch_keys(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "verenigingen.json"
    rows = [
        {"naam": "Okra Beesd", "telefoon": "0345-681234", "email": "okra@example.nl",
         "leden": "50+", "website": "okra.example"},
        {"naam": "KBO Beesd", "telefoon": "06 12345678", "plaats": "Beesd"},
    ]  # fmt: skip
    path.write_text(json.dumps(rows), encoding="utf-8")
    imported(gz, project, path)
    found = orgs(project)
    assert found["Okra Beesd"]["contact"]["phone"] == "0345-681234"
    assert found["Okra Beesd"]["reach"] == 50
    assert found["Okra Beesd"]["notes"] == "website: okra.example"
    assert found["KBO Beesd"]["place"] == "Beesd"


VCARDS = """BEGIN:VCARD\r
VERSION:3.0\r
FN:Henk de Groot\r
N:de Groot;Henk;;;\r
ORG:VV Beesd\r
TITLE:secretaris\r
EMAIL;TYPE=WORK:secretaris@vvbeesd.example\r
TEL;TYPE=WORK:0345-681234\r
ADR;TYPE=WORK:;;Sportlaan 2;Beesd;;4153 AB;Nederland\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:2.1\r
N:Dijk;Ria;van\r
ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zonnebloem afd. Be=C3=ABsd\r
EMAIL;INTERNET:info@zonnebloem.example\r
END:VCARD\r
"""


def test_vcard_file(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "contacten.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    imported(gz, project, path)
    found = orgs(project)
    vv = found["VV Beesd"]
    assert vv["contact"]["name"] == "Henk de Groot"
    assert vv["contact"]["phone"] == "0345-681234"
    assert (vv["address"], vv["postcode"]) == ("Sportlaan 2", "4153 AB")
    assert found["Zonnebloem afd. Beësd"]["contact"]["name"] == "Ria van Dijk"


# ------------------------------------------------------------------------- other files


def test_r03_libreoffice_ods(gz, project: Path) -> None:
    imported(gz, project, CASES / "r03_libreoffice_calc.ods")
    found = orgs(project)
    assert len(found) == 3
    assert found["Repair Café Beesd"]["reach"] == 15


def test_k05_old_excel_97_file_renamed_xlsx(gz, project: Path) -> None:
    """An .xls (BIFF8, made with xlwt) named .xlsx: the bytes say what it is."""
    imported(gz, project, CASES / "k05_old_excel_97_renamed.xlsx")
    found = orgs(project)
    assert found["KBO Beësd"]["reach"] == 120
    assert found["KBO Beësd"]["contact"]["phone"] == "0345682345"  # the lost 0 put back
    assert found["Biljartclub De Keu"]["reach"] == 50


def test_a_csv_named_xlsx_and_a_tsv(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "lijst.xlsx"
    path.write_text("Naam;E-mail\nOkra Beesd;okra@example.nl\n", encoding="cp1252")
    imported(gz, project, path)
    tsv = tmp_path / "lijst.tsv"
    tsv.write_text("Naam\tLeden\nKBO Beësd\t±80\n", encoding="utf-16")
    imported(gz, project, tsv)
    assert orgs(project)["KBO Beësd"]["reach"] == 80


def test_r31_password_protected_workbook(gz, project: Path) -> None:
    err = refused(gz, project, CASES / "r31_password_protected.xlsx")
    assert "wachtwoord" in err


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("lijst.rtf", rb"{\rtf1\ansi Naam\par VV Beesd}", "RTF"),
        ("lijst.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("lijst.xlsx", b"%PDF-1.4\n", "PDF"),  # the name does not decide
    ],
)
def test_rtf_and_pdf_lists_are_named(gz, project: Path, tmp_path: Path, name, data, word) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert word in refused(gz, project, path)


# ------------------------------------------------------------------------- workbooks


def test_r04_a_list_over_tabs_is_read_whole(gz, project: Path) -> None:
    out = imported(gz, project, CASES / "r04_tab_per_category.xlsx")
    found = orgs(project)
    assert len(found) == 7
    assert found["VV Beesd"]["sectors"] == ["sport"]
    assert found["Harmonie Beesd"]["sectors"] == ["cultuur"]
    assert "Tabbladen gelezen: Sport (3), Zorg en welzijn (2), Cultuur (2)" in out


def test_tabs_without_a_name_column_are_named(gz, project: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Naam", "Leden"])
    book.active.append(["Okra Beesd", 80])
    other = book.create_sheet("Uitleg")
    other.append(["Deze lijst is van de gemeente."])
    path = tmp_path / "lijst.xlsx"
    book.save(path)
    out = imported(gz, project, path)
    assert "Tabblad 'Uitleg' niet gelezen" in out


def test_hyperlink_email_and_formulas_without_values(gz, project: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Naam", "Contact", "Leden", "Leden x2"])
    sheet.append(["Okra Beesd", "Stuur een e-mail", 40, "=C2*2"])
    sheet["B2"].hyperlink = "mailto:okra@example.nl"
    path = tmp_path / "lijst.xlsx"
    book.save(path)  # openpyxl stores formulas without a value, as some tools do
    out = imported(gz, project, path)
    okra = orgs(project)["Okra Beesd"]
    assert okra["contact"]["email"] == "okra@example.nl"
    assert "formule zonder opgeslagen waarde" in out
    assert "open en bewaar het bestand in excel" in out.lower()


# ------------------------------------------------------------------------- words for numbers


def test_r17_members_in_words(gz, project: Path) -> None:
    out = imported(gz, project, CASES / "r17_reach_words.csv")
    found = orgs(project)
    assert len(found) == 8
    for name in ("Buurtvereniging Noord", "Bibliotheekpunt Beesd", "Dorpsraad Beesd", "Wijkagent"):
        assert "reach" not in found[name]
    assert found["Biljartclub De Keu"]["reach"] == 50
    assert found["Speeltuinvereniging"]["reach"] == 200
    assert found["Volkstuinvereniging"]["reach"] == 80
    assert found["Kerk De Hoeksteen"]["reach"] == 100
    assert "'100-150' -> 100" in out
    assert "'onbekend' (rij 2)" in out


def test_members_not_readable_refuse_only_the_cell(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Naam;Leden\nOkra;heel veel\nKBO;30\n", encoding="utf-8")
    imported(gz, project, path)
    found = orgs(project)
    assert "reach" not in found["Okra"] and found["Okra"]["notes"] == "Achterban: heel veel"
    assert found["KBO"]["reach"] == 30


# ------------------------------------------------------------------------- the mapping


def test_dry_run_prints_the_mapping_rows_and_a_file_to_edit(
    gz, project: Path, tmp_path: Path
) -> None:
    result = gz("-C", str(project), "org", "import",
                str(CASES / "r01_google_forms_responses.csv"), "--dry-run")  # fmt: skip
    assert result.code == 0, result.err
    assert "Naam van je vereniging of org… -> naam" in result.out
    assert "rij 2: VV Beesd" in result.out
    assert "[kolommen]" in result.out
    preview = result.out[result.out.index("Kolommen van") : result.out.index("# Koppeling")]
    assert max(len(line) for line in preview.splitlines()) <= 80
    assert "organisations" not in state(project)
    # the printed file, edited, is handed back
    toml = result.out[result.out.index("# Koppeling") :]
    toml = toml.replace('"Wil je nog iets kwijt?" = "opmerkingen"',
                        '"Wil je nog iets kwijt?" = "overslaan"')  # fmt: skip
    mapping = tmp_path / "koppeling.toml"
    mapping.write_text(toml, encoding="utf-8")
    imported(gz, project, CASES / "r01_google_forms_responses.csv", "--koppeling", str(mapping))
    assert "notes" not in orgs(project)["Zonnebloem afdeling Beesd"]


def test_kolom_option_chooses_the_name_and_a_kept_mapping_is_used_again(
    gz, project: Path, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Omschrijving;Wie;Tel\nKoor Cantate;Joke;0345 682345\n", encoding="utf-8")
    err = refused(gz, project, path)
    assert '--kolom "naam=Omschrijving"' in err
    imported(gz, project, path, "--kolom", "naam=Omschrijving", "--kolom",
             "contactpersoon=Wie", "--bewaar-koppeling")  # fmt: skip
    koor = orgs(project)["Koor Cantate"]
    assert koor["contact"] == {"name": "Joke", "phone": "0345 682345"} | {
        k: v for k, v in koor["contact"].items() if k not in ("name", "phone")
    }
    assert (project / "koppelingen" / "export.toml").is_file()
    again = tmp_path / "export2.csv"
    again.write_text("Omschrijving;Wie;Tel\nOkra;Mia;06 12345678\n", encoding="utf-8")
    out = imported(gz, project, again)
    assert "koppelingen/export.toml" in out
    assert orgs(project)["Okra"]["contact"]["name"] == "Mia"


def test_unknown_kolom_and_field_are_refused(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Naam;Wie\nOkra;Mia\n", encoding="utf-8")
    assert "geen kolom 'Bedrijf'" in refused(gz, project, path, "--kolom", "naam=Bedrijf")
    assert "geen veld" in refused(gz, project, path, "--kolom", "fietsen=Wie")


# ------------------------------------------------------------------------- answers files


def init(gz, tmp_path: Path, answers: Path):
    folder = tmp_path / "dorp"
    result = gz("init", str(folder), "--answers", str(answers))
    assert "Traceback" not in result.err
    return result, folder


def test_r21_curly_quotes_and_tabs_from_word(gz, tmp_path: Path) -> None:
    source = shutil.copy(CASES / "r21_answers_smart_quotes_tabs.toml", tmp_path / "a.toml")
    result, folder = init(gz, tmp_path, Path(source))
    assert result.code == 0, result.err
    assert "Beesd" in (folder / "gzctl.toml").read_text(encoding="utf-8")
    text = (folder / "gzctl.toml").read_text(encoding="utf-8")
    assert "“" not in text


def test_curly_quotes_that_still_fail_are_named(gz, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("[village]\nname = “Beesd\ninhabitants = 5400\n", encoding="utf-8")
    result, folder = init(gz, tmp_path, path)
    assert result.code == 2
    assert "gekrulde aanhalingstekens" in result.err
    assert not folder.exists()


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (rb"{\rtf1\ansi\deff0 [village]\par name = \ldblquote Beesd\rdblquote}", "RTF"),
        (b"PK\x03\x04", "zip"),
    ],
)
def test_rtf_answers_file_is_named(gz, tmp_path: Path, data: bytes, word: str) -> None:
    path = tmp_path / "antwoorden.rtf"
    path.write_bytes(data)
    result, folder = init(gz, tmp_path, path)
    assert result.code == 2 and word in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not folder.exists()


def test_word_document_answers_file_is_named(gz, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("[village]")
    path = tmp_path / "antwoorden.docx"
    document.save(path)
    result, _ = init(gz, tmp_path, path)
    assert result.code == 2 and "Word-document" in result.err


def test_windows_path_in_double_quotes_is_refused(gz, tmp_path: Path) -> None:
    from conftest import ANSWERS

    path = tmp_path / "a.toml"
    path.write_text(
        ANSWERS.replace('name = "Beesd"', 'name = "D:\\notulen\\taken"'), encoding="utf-8"
    )
    result, folder = init(gz, tmp_path, path)
    assert result.code == 2
    assert "'D:\\notulen\\taken'" in result.err and "D:/notulen/taken" in result.err
    assert not folder.exists()
    # in single quotes it is the path as written
    path.write_text(
        ANSWERS.replace('name = "Beesd"', "name = 'D:\\notulen\\taken'"), encoding="utf-8"
    )
    result, folder = init(gz, tmp_path, path)
    assert result.code == 0, result.err


def test_on_a_terminal_the_person_changes_a_column_and_keeps_the_mapping(
    gz, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real keys: 'Een kolom anders koppelen', the unknown column C, 'adres', then 'Ja' and
    'Ja, bewaren'; the list goes in with that column as the address."""
    from conftest import DOWN, ENTER, keyboard

    monkeypatch.setattr("gzctl.core.runtime.stdin_is_terminal", lambda: True)
    path = tmp_path / "formulier.csv"
    path.write_text(
        "Tijdstempel,Naam van je vereniging,Waar komen jullie samen?\n"
        "12-11-2026 19:04:33,VV Beesd,Sportpark De Horn\n",
        encoding="utf-8",
    )
    up = "\x1b[A"  # the field list starts at the column's field (notitie); adres is 5 up
    keys = DOWN + ENTER + DOWN * 2 + ENTER + up * 5 + ENTER + ENTER + ENTER
    with keyboard(keys):
        result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert "Waar komen jullie samen?       -> notitie (onbekend)" in result.out
    assert "Waar komen jullie samen?       -> adres (gekozen)" in result.out
    assert orgs(project)["VV Beesd"]["address"] == "Sportpark De Horn"
    assert (project / "koppelingen" / "formulier.toml").is_file()


def test_stopping_on_a_terminal_takes_nothing_in(
    gz, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import DOWN, ENTER, keyboard

    monkeypatch.setattr("gzctl.core.runtime.stdin_is_terminal", lambda: True)
    before = (project / "gzctl.toml").read_bytes()
    with keyboard(DOWN * 2 + ENTER):
        result = gz(
            "-C", str(project), "org", "import", str(CASES / "r01_google_forms_responses.csv")
        )
    assert result.code == 0 and "Niets ingelezen." in result.out
    assert (project / "gzctl.toml").read_bytes() == before


@pytest.mark.parametrize(
    "source",
    [
        "k06_outlook_contacts_en.csv",
        "k07_google_contacts_new.csv",
        "inline:gform.csv:Tijdstempel,Naam,Naam vereniging,E-mailadres\n"
        "12-11-2026 19:04:33,Henk de Groot,VV Beesd,secretaris@vvbeesd.example\n",
        'inline:lijst.json:{"verenigingen": [{"naam": "VV Beesd", "contact": {"naam": '
        '"Henk de Groot", "e-mail": "secretaris@vvbeesd.example"}}]}',
    ],
)
def test_the_organisation_and_its_person_apart(gz, project: Path, tmp_path: Path, source) -> None:
    """Contacts exports and forms with a person's 'Name'/'Naam' next to the organisation's
    column: the organisation is the name, the person the contact."""
    if source.startswith("inline:"):
        _, name, text = source.split(":", 2)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
    else:
        path = CASES / source
    imported(gz, project, path)
    vv = orgs(project)["VV Beesd"]
    assert vv["contact"]["name"] == "Henk de Groot"
    assert vv["contact"]["email"] == "secretaris@vvbeesd.example"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[kolommen]\n"Wie" = "fietsen"\n', "geen veld"),
        ("[kolommen\n", "geen geldige TOML"),
        ('naam = "Wie"\n', "[kolommen]"),
    ],
)
def test_a_wrong_mapping_file_is_one_line(
    gz, project: Path, tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Naam;Wie\nOkra;Mia\n", encoding="utf-8")
    mapping = tmp_path / "koppeling.toml"
    mapping.write_text(text, encoding="utf-8")
    assert said in refused(gz, project, path, "--koppeling", str(mapping))


def test_k08_kvk_extract_numbers_are_no_phone(gz, project: Path) -> None:
    imported(gz, project, CASES / "k08_kvk_extract.csv")
    org = orgs(project)["Stichting Dorpshuis Beesd"]
    assert org["address"] == "Kerkstraat 4A"
    assert "phone" not in org.get("contact", {})
    assert "Vestigingsnummer: 000012345678" in org["notes"]


def test_k09_microsoft_forms_workbook(gz, project: Path) -> None:
    out = imported(gz, project, CASES / "k09_microsoft_forms.xlsx")
    found = orgs(project)
    assert set(found) == {"Okra Beesd", "Toneelclub Het Doek"}
    assert found["Okra Beesd"]["reach"] == 120
    assert "'Id' (formulier)" in out and "'Naam' (formulier)" in out


def test_k10_apple_company_card(gz, project: Path) -> None:
    imported(gz, project, CASES / "k10_apple_contacts.vcf")
    org = orgs(project)["Dorpshuis De Schakel"]
    assert org["contact"] == {"email": "beheer@schakel.example", "phone": "0345 683456"}
    assert (org["address"], org["place"]) == ("Kerkstraat 4", "Beesd")
