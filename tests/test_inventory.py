"""The organisation inventory: import as users really have their lists, export, coverage,
and the `gzctl org` commands, all through the CLI where a user would go."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tomllib
from pathlib import Path

import pytest

from gzctl.core.errors import PlaybookError
from gzctl.core.model import Project, Village
from gzctl.network import inventory as inv

HEADER = [
    "Naam",
    "Soort",
    "Sector(en)",
    "Doelgroep(en)",
    "Leden",
    "Contactpersoon",
    "Functie",
    "E-mail",
    "Telefoon",
    "Adres",
    "Postcode",
    "Plaats",
    "Opmerkingen",
    "Lid sinds",  # not ours: named and kept in the note
]

# 37 distinct, valid organisations of a village called Heukelum (the names carry accents
# that Windows-1252 must bring through).
NAMES = [
    "VV Heukelum", "Tennisclub De Linge", "Gymvereniging Sparta", "KBO Heukelum",
    "Klaverjasclub De Troef", "Zonnebloem afdeling Heukelum", "Buurtbus Lingestreek",
    "Speeltuinvereniging 't Kasteeltje", "Scouting Jan van Arkel", "Fanfare Crescendo",
    "Toneelvereniging Één Keer Anders", "Bibliotheek Rivierenland", "Oranjecomité Heukelum",
    "Dorpshuis Het Anker", "Dorpsraad Heukelum", "Dorpskrant De Heukelummer",
    "OBS De Regenboog", "Kinderopvang Olleke Bolleke", "Consultatiebureau Heukelum",
    "Huisartsenpraktijk Heukelum", "Apotheek De Linge", "Fysiotherapie Heukelum",
    "Thuiszorg Rivierenland", "Zorgcentrum De Wielewaal", "Thomashuis Heukelum",
    "Sociaal Team West Betuwe", "Welzijn West Betuwe", "Mantelzorgsteunpunt Rivierenland",
    "Vrijwilligerscentrale West Betuwe", "Protestantse Gemeente Heukelum",
    "Voedselbank West Betuwe", "Gemeente West Betuwe", "Woningcorporatie De Kernen",
    "Wijkagent Heukelum", "EHBO-vereniging Heukelum", "Supermarkt Spar Heukelum",
    "Zorgboerderij De Hoeve",
]  # fmt: skip
assert len(NAMES) == 37


def rows_40() -> list[list[str]]:
    """40 data rows: the 37 above, two duplicates and one with a bad e-mail address."""
    rows = []
    for i, name in enumerate(NAMES):
        rows.append(
            [
                name,
                "",
                "",
                "",
                str(20 + i * 10),
                f"Contact {i}",
                "secretaris",
                f"info{i}@voorbeeld.nl",
                "0345 12 34 56" if i % 2 else "+32 3 123 45 67",
                f"Dorpsstraat {i + 1}",
                "4161 AB" if i % 3 else "4161ab",
                "Heukelum",
                "café-overleg" if i == 3 else "",
                "1998",
            ]
        )
    bad = ["Biljartclub De Keu", "vrijwilligers", "recreatie", "O", "45", "Jan", "", "jan@",
           "", "", "", "", "", ""]  # fmt: skip
    dup1 = ["v.v. Heukelum", "", "sport", "", "", "", "", "", "", "", "", "", "nog een", ""]
    dup2 = ["Stichting Dorpshuis Het Anker", "", "", "", "", "", "", "", "", "", "", "", "", ""]
    rows.insert(10, dup1)  # data row 11: the file's row 12
    rows.insert(20, bad)  # row 22
    rows.insert(30, dup2)  # row 32
    assert len(rows) == 40
    return rows


def csv_bytes(rows: list[list[str]], header: list[str], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def state(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


def orgs(folder: Path) -> list[dict]:
    return state(folder).get("organisations", [])


@pytest.fixture
def windows_csv(tmp_path: Path) -> Path:
    path = tmp_path / "organisaties.csv"
    path.write_bytes(csv_bytes(rows_40(), HEADER, ";", "cp1252"))
    return path


# ----------------------------------------------------------------------------- import


def test_windows_csv_a_wrong_cell_is_left_empty_not_the_import(
    gz, project: Path, windows_csv: Path
) -> None:
    """Issue 23, item 4: a wrong e-mail address refuses only its cell: the row is taken in
    without it, the report names row, column and value, and the note keeps the text."""
    result = gz("-C", str(project), "org", "import", str(windows_csv))
    assert result.code == 0, result.err
    assert (
        "Rij 22 (Biljartclub De Keu), kolom 'E-mail': 'jan@' is geen geldig e-mailadres"
        in result.err
    )
    assert "38 organisaties toegevoegd" in result.out
    assert "1 foute cel(len) leeg gelaten" in result.out
    assert "'Lid sinds'" in result.err
    assert "Traceback" not in result.err
    keu = {o["name"]: o for o in orgs(project)}["Biljartclub De Keu"]
    assert keu["contact"]["name"] == "Jan" and "email" not in keu["contact"]
    assert keu["notes"] == "E-mail (niet overgenomen): jan@"
    assert keu["reach"] == 45 and keu["sectors"] == ["recreatie"]


def test_windows_csv_skip_invalid(gz, project: Path, windows_csv: Path) -> None:
    result = gz("-C", str(project), "org", "import", str(windows_csv), "--skip-invalid")
    assert result.code == 0, result.err
    assert "38 organisaties toegevoegd" in result.out
    assert "Rij 12 (v.v. Heukelum) is dubbel: samengevoegd met VV Heukelum uit rij 2" in result.out
    assert "Rij 32 (Stichting Dorpshuis Het Anker) is dubbel" in result.out
    assert "Rij 22 (Biljartclub De Keu)" in result.err
    items = orgs(project)
    assert len(items) == 38
    assert [o["id"] for o in items] == sorted(o["id"] for o in items)
    by_name = {o["name"]: o for o in items}
    # accents survived Windows-1252; the type and its defaults were recognised from the name
    toneel = by_name["Toneelvereniging Één Keer Anders"]
    assert toneel["type"] == "toneelvereniging" and toneel["sectors"] == ["cultuur"]
    # the unknown column 'Lid sinds' is kept in the note (issue 23), not dropped
    assert by_name["KBO Heukelum"]["notes"] == "café-overleg\nLid sinds: 1998"
    assert by_name["Protestantse Gemeente Heukelum"]["type"] == "kerk"
    assert by_name["Gemeente West Betuwe"]["kind"] == "overheid"
    vv = by_name["VV Heukelum"]
    assert vv["postcode"] == "4161 AB" and vv["reach"] == 20
    assert vv["notes"] == "Lid sinds: 1998\nnog een"  # merged from the duplicate row
    assert vv["contact"] == {
        "name": "Contact 0",
        "role": "secretaris",
        "email": "info0@voorbeeld.nl",
        "phone": "+32 3 123 45 67",
    }
    assert vv["status"] == "geïnventariseerd"
    assert vv["dates"] == {"geïnventariseerd": dt.date(2026, 11, 22)}
    log = json.loads(gz("-C", str(project), "log", "--json").out)
    assert log[-1]["action"] == "org-import" and "38 organisaties" in log[-1]["what"]

    # importing the same file again adds nothing: every row is a duplicate of the inventory
    again = gz("-C", str(project), "org", "import", str(windows_csv), "--skip-invalid",
               "--duplicates", "skip", "--json")  # fmt: skip
    assert again.code == 0, again.err
    report = json.loads(again.out)
    assert report["added"] == [] and len(report["duplicates"]) == 40
    assert len(orgs(project)) == 38


def test_dry_run_writes_nothing(gz, project: Path, windows_csv: Path) -> None:
    before = (project / "gzctl.toml").read_text(encoding="utf-8")
    result = gz("-C", str(project), "org", "import", str(windows_csv), "--skip-invalid",
                "--dry-run")  # fmt: skip
    assert result.code == 0, result.err
    assert "Proef" in result.out and "38 organisaties toevoegen" in result.out
    assert (project / "gzctl.toml").read_text(encoding="utf-8") == before


def test_same_data_as_xlsx(gz, project: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows_40():
        cells: list[object] = list(row)
        if cells[4]:
            cells[4] = int(cells[4])  # Excel keeps numbers as numbers
        sheet.append(cells)
    sheet.append([None] * len(HEADER))  # an empty row at the end is ignored
    path = tmp_path / "organisaties.xlsx"
    book.save(path)
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert "Rij 22 (Biljartclub De Keu), kolom 'E-mail'" in result.err
    assert len(orgs(project)) == 38
    assert "Rij 12 (v.v. Heukelum) is dubbel" in result.out


def test_utf8_bom_with_commas_and_english_headers(gz, project: Path, tmp_path: Path) -> None:
    header = ["Organisation", "Kind", "Sectors", "Target groups", "Members", "E-mail", "Phone",
              "Postcode", "Colour"]  # fmt: skip
    rows = [
        ["Muziekvereniging Crescendo", "civic", "cultuur", "J, V, O", "1.200", "a@b.nl",
         "06-12345678", "2000", "rood"],
        ["Café De Zwaan", "ondernemer", "", "everyone", "ca. 300", "", "", "", ""],
    ]  # fmt: skip
    path = tmp_path / "lijst.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_bytes(rows, header, ",", "utf-8"))
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert "'Colour'" in result.err
    items = {o["name"]: o for o in orgs(project)}
    assert set(items) == {"Muziekvereniging Crescendo", "Café De Zwaan"}
    crescendo = items["Muziekvereniging Crescendo"]
    assert crescendo["target_groups"] == ["J", "V", "O"] and crescendo["reach"] == 1200
    assert crescendo["postcode"] == "2000"  # Belgian: four digits
    assert items["Café De Zwaan"]["kind"] == "ondernemer"
    assert items["Café De Zwaan"]["reach"] == 300


@pytest.mark.parametrize(
    ("column", "value", "reason", "field"),
    [
        ("Telefoon", "12345", "geen Nederlands of Belgisch telefoonnummer", "contact.phone"),
        ("E-mail", "jan@club", "geen geldig e-mailadres", "contact.email"),
        ("Postcode", "12345 AB", "geen postcode", "postcode"),
        ("Soort", "vereniginkje", "soort 'vereniginkje' ken ik niet", "kind"),
        ("Doelgroep(en)", "honden", "doelgroep 'honden' ken ik niet", "target_groups"),
        ("Status", "misschien", "status 'misschien' ken ik niet", "status"),
        ("Contactpersoon", "Jan " * 60, "te lang", "contact.name"),
        # values gzctl.toml cannot hold: before, the save refused the whole list
        ("Leden", "20000000", "te groot (hoogstens 10.000.000)", "reach"),
        ("Aangesloten op", "01-01-1800", "buiten de jaren 1900", "dates.aangesloten"),
        ("Naam op website", "misschien", "ja of nee", "contact.publish_name"),
        ("Id", "Foute Id!", "alleen kleine letters", "id"),
    ],
)
def test_each_bad_value_is_left_empty_and_named(
    gz, project: Path, tmp_path: Path, column: str, value: str, reason: str, field: str
) -> None:
    """Issue 23, item 4: a wrong cell is refused alone: the field stays empty (or its
    default), the report names row, column and value, the note keeps the text, and the
    row and the rest of the list are taken in."""
    header = ["Naam", column]
    path = tmp_path / "l.csv"
    path.write_bytes(csv_bytes([["Goede Club", ""], ["Foute Club", value]], header, ";", "utf-8"))
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert f"Rij 3 (Foute Club), kolom '{column}': " in result.err and reason in result.err
    assert "2 organisaties toegevoegd, 1 foute cel(len) leeg gelaten" in result.out
    found = {o["name"]: o for o in orgs(project)}
    good, bad = found["Goede Club"], found["Foute Club"]
    assert bad["notes"] == f"{column} (niet overgenomen): {value.strip()}"
    where, _, key = field.rpartition(".")

    def value_of(org: dict) -> object:
        return (org.get(where) or {} if where else org).get(key)

    if field == "id":  # made from the name, as for a row without one
        assert (bad["id"], good["id"]) == ("foute-club", "goede-club")
    else:
        assert value_of(bad) == value_of(good)  # as if the cell had been empty


@pytest.mark.parametrize("value", ["-4", "12,5", "heel veel"])
def test_a_bad_members_cell_is_refused_alone(gz, project: Path, tmp_path: Path, value: str) -> None:
    """Issue 23: a members cell that is no number leaves only that cell empty (its text in
    the note, the report names it); the row and the rest of the import go in."""
    path = tmp_path / "l.csv"
    path.write_bytes(csv_bytes([["Goede Club", "5"], ["Foute Club", value]], ["Naam", "Leden"],
                               ";", "utf-8"))  # fmt: skip
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    assert f"'{value}' (rij 3)" in result.err
    found = {o["name"]: o for o in orgs(project)}
    assert "reach" not in found["Foute Club"]
    assert found["Foute Club"]["notes"] == f"Achterban: {value}"
    assert found["Goede Club"]["reach"] == 5


def test_file_without_name_column(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text("Club;Leden\nA;3\n", encoding="utf-8")
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 2 and "welke kolom de naam van de organisatie is" in result.err


def test_export_then_import_gives_the_same_inventory(
    gz, project: Path, windows_csv: Path, tmp_path: Path, answers_file: Path
) -> None:
    assert gz("-C", str(project), "org", "import", str(windows_csv), "--skip-invalid").code == 0
    gz("-C", str(project), "org", "status", "vv-heukelum", "aangesloten", "--datum", "01-10-2026")
    gz("-C", str(project), "org", "edit", "vv-heukelum", "--aanhef", "Beste Kees",
       "--notitie", "Eerste regel; met puntkomma")  # fmt: skip
    original = orgs(project)
    for ext in ("csv", "xlsx", "json"):
        out = tmp_path / f"export.{ext}"
        result = gz("-C", str(project), "org", "export", str(out))
        assert result.code == 0, result.err
        copy = tmp_path / f"kopie-{ext}"
        assert gz("init", str(copy), "--answers", str(answers_file)).code == 0
        result = gz("-C", str(copy), "org", "import", str(out))
        assert result.code == 0, (ext, result.err)
        assert orgs(copy) == original, ext


def test_export_csv_opens_in_excel(gz, project: Path, windows_csv: Path, tmp_path: Path) -> None:
    gz("-C", str(project), "org", "import", str(windows_csv), "--skip-invalid")
    out = tmp_path / "kaart.csv"
    assert gz("-C", str(project), "org", "export", str(out)).code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel then reads the accents right
    first = data[3:].decode("utf-8").splitlines()[0]
    assert first.startswith("Id;Naam;Soort;Type;Sectoren;Doelgroepen;Achterban")
    result = gz("-C", str(project), "org", "export", "-", "--format", "json")
    assert len(json.loads(result.out)["organisations"]) == 38
    assert gz("-C", str(project), "org", "export", str(tmp_path / "x.pdf")).code == 2


# ----------------------------------------------------------------------------- duplicates


@pytest.mark.parametrize(
    "other",
    ["v.v. Beesd", "Voetbalvereniging Beesd", "VOETBALCLUB BEESD", "Beesd VV", "V.V. Beesd."],
)
def test_duplicate_spellings_are_one_organisation(other: str) -> None:
    assert inv.dedup_key("VV Beesd") == inv.dedup_key(other)


@pytest.mark.parametrize("other", ["Tennisclub Beesd", "VV Haaften", "Korfbalvereniging Beesd"])
def test_different_organisations_stay_apart(other: str) -> None:
    assert inv.dedup_key("VV Beesd") != inv.dedup_key(other)


# ----------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "phone",
    ["0345 123456", "06-12345678", "(0345) 12 34 56", "+31 6 12345678", "+31 (0)345 123456",
     "0031 345 123456", "03 123 45 67", "0470 12 34 56", "+32 3 123 45 67", "+32 470 12 34 56"],
)  # fmt: skip
def test_dutch_and_belgian_phone_numbers(phone: str) -> None:
    assert inv.check_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "0345 1234", "+49 30 1234567", "06-123456789", "abc"])
def test_bad_phone_numbers(phone: str) -> None:
    with pytest.raises(inv.UsageProblem):
        inv.check_phone(phone)


def test_postcodes_and_reach() -> None:
    assert inv.check_postcode("4153ab") == "4153 AB"
    assert inv.check_postcode("2000") == "2000"
    for bad in ("0123 AB", "123", "4153 A"):
        with pytest.raises(inv.UsageProblem):
            inv.check_postcode(bad)
    assert inv.check_reach("1.200") == 1200 and inv.check_reach(0) == 0
    for bad in ("-1", "veel", "2,5", 2.5):
        with pytest.raises(inv.UsageProblem):
            inv.check_reach(bad)


def test_catalogue_has_forty_types_and_checks_itself(tmp_path: Path) -> None:
    cat = inv.load_catalogue()
    assert len(cat.types) == 53  # 40 + the types real village lists showed (issue 16)
    assert all(t.question.endswith("?") or t.question.endswith(".") for t in cat.types)
    bad = tmp_path / "organisatietypen.toml"
    bad.write_text(
        '[[sectors]]\nid = "zorg"\nlabel = "Zorg"\n[[target_groups]]\nid = "A"\nlabel = "alle"\n'
        '[[types]]\nid = "x"\nname = "X"\nkind = "club"\nsectors = ["sprot"]\n'
        'target_groups = ["A"]\nquestion = "?"\n',
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as exc:
        inv.load_catalogue(bad)
    assert "type 'x': 'kind' moet een van" in exc.value.message
    assert "onbekende sector 'sprot'" in exc.value.message


# ----------------------------------------------------------------------------- coverage


def test_coverage_against_a_hand_computed_example() -> None:
    cat = inv.load_catalogue()
    project = Project(village=Village(name="X", inhabitants=1000))
    today = dt.date(2026, 1, 1)
    inv.add(project, {"name": "VV X", "reach": 300}, cat, today)  # sport: K J V
    inv.add(project, {"name": "Huisartsenpraktijk X", "reach": 900}, cat, today)  # zorg: A
    inv.add(project, {"name": "KBO X", "reach": 150}, cat, today)  # welzijn: O
    inv.add(project, {"name": "Sociaal team X"}, cat, today)  # welzijn, zorg: Kw G
    inv.add(project, {"name": "Toneel X", "reach": 40}, cat, today)  # cultuur: V, drops out
    inv.change_status(project, "toneel-x", "afgehaakt", today)
    inv.add(project, {"name": "Bakkerij X", "reach": 10}, cat, today)  # ondernemer, no sector
    data = inv.coverage(project, cat)
    m = data["matrix"]
    assert m["sport"] == {"K": 1, "J": 1, "G": 0, "V": 1, "O": 0, "Kw": 0}
    # the GP counts for every group (A), the social team adds Kw and G
    assert m["zorg"] == {"K": 1, "J": 1, "G": 2, "V": 1, "O": 1, "Kw": 2}
    assert m["welzijn"] == {"K": 0, "J": 0, "G": 1, "V": 0, "O": 1, "Kw": 1}
    assert m["cultuur"] == {g: 0 for g in ("K", "J", "G", "V", "O", "Kw")}  # dropped out
    assert ["welzijn", "K"] in data["gaps"] and ["zorg", "K"] not in data["gaps"]
    assert data["sectors_without"] == [
        "recreatie", "cultuur", "educatie", "wonen", "veiligheid", "levensbeschouwing", "bestuur",
    ]  # fmt: skip
    assert data["groups_without"] == []
    assert data["organisations"] == 5 and data["dropped_out"] == 1
    # civic: VV, KBO (the theatre dropped out); professional: GP, social team
    assert data["ratio"] == {
        "civic": 2,
        "professional": 2,
        "entrepreneur": 1,
        "civic_per_professional": 1.0,
    }
    assert data["reach"] == {
        "achterban": 300 + 900 + 150 + 10,
        "inhabitants": 1000,
        "percent": 136,
        "upper_bound": True,
        "unknown": 1,
    }
    missing = {t["id"] for t in data["missing_types"]}
    assert "toneelvereniging" not in missing  # on the list, even though it dropped out
    assert "jongerenwerk" in missing and "huisartsenpraktijk" not in missing
    assert len(missing) == 53 - 6


def test_coverage_command(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "org", "coverage")
    assert result.code == 0, result.err
    assert "Dekking" in result.out and "bovengrens" in result.out
    assert "jongerenwerk" in result.out
    data = json.loads(gz("-C", str(demo), "org", "coverage", "--json").out)
    assert data["reach"]["upper_bound"] is True
    assert "jongerenwerk" in {t["id"] for t in data["missing_types"]}


# ----------------------------------------------------------------------------- commands


def test_add_list_show_edit_status_remove(gz, project: Path) -> None:
    c = ("-C", str(project))
    add = ["--achterban", "450", "--contact", "Kees de Bruin", "--email", "kees@vvbeesd.nl",
           "--telefoon", "0345 123456", "--postcode", "4153ab"]  # fmt: skip
    result = gz(*c, "org", "add", "VV Beesd", *add)
    assert result.code == 0, result.err
    assert "Id: vv-beesd" in result.out and "voetbalvereniging" in result.out
    # the same club spelled differently is refused, and nothing changes
    before = (project / "gzctl.toml").read_text(encoding="utf-8")
    result = gz(*c, "org", "add", "v.v. Beesd")
    assert result.code == 1 and "staat al op de lijst als 'VV Beesd'" in result.err
    assert (project / "gzctl.toml").read_text(encoding="utf-8") == before
    # bad values: every reason, exit 2
    result = gz(*c, "org", "add", "Club", "--email", "nee", "--achterban", "-3")
    assert result.code == 2
    assert "geen geldig e-mailadres" in result.err and "niet negatief" in result.err
    assert gz(*c, "org", "add", "Huisartsenpraktijk Beesd", "--status", "benaderd").code == 0
    assert gz(*c, "org", "add", "Imkers", "--sector", "recreatie", "--doelgroep", "V,O").code == 0

    result = gz(*c, "org", "list")
    assert result.code == 0
    assert "vv-beesd" in result.out and "huisartsenpraktijk-beesd" in result.out
    listed = json.loads(gz(*c, "org", "list", "--sector", "zorg", "--json").out)
    assert [o["id"] for o in listed] == ["huisartsenpraktijk-beesd"]
    listed = json.loads(gz(*c, "org", "list", "--status", "geinventariseerd", "--json").out)
    assert [o["id"] for o in listed] == ["imkers", "vv-beesd"]
    listed = json.loads(gz(*c, "org", "list", "--type", "voetbalvereniging", "--json").out)
    assert [o["id"] for o in listed] == ["vv-beesd"]

    result = gz(*c, "org", "show", "vv-beesd")
    assert "Kees de Bruin" in result.out and "4153 AB" in result.out
    assert gz(*c, "org", "show", "VV Beesd", "--json").code == 0  # the name works too
    result = gz(*c, "org", "show", "vv-beest")
    assert result.code == 2 and "vv-beesd" in result.err

    result = gz(*c, "org", "edit", "vv-beesd", "--achterban", "480", "--telefoon", "")
    assert result.code == 0 and "achterban, telefoon gewijzigd" in result.out
    shown = json.loads(gz(*c, "org", "show", "vv-beesd", "--json").out)
    assert shown["reach"] == 480 and shown["contact"]["phone"] == ""

    result = gz(*c, "org", "status", "vv-beesd", "aangesloten")
    assert result.code == 0 and "geïnventariseerd → aangesloten" in result.out
    assert gz(*c, "org", "status", "vv-beesd", "lid-af").code == 2
    data = json.loads(gz(*c, "status", "--json").out)
    assert data["organisations"]["inventoried"] == 3
    assert data["organisations"]["joined"] == 1
    assert data["organisations"]["by_status"]["benaderd"] == 1
    assert data["reach"]["achterban"] == 480 and data["reach"]["upper_bound"] is True
    human = gz(*c, "status").out
    assert "Organisaties: 3 in kaart, 1 aangesloten (benaderd 1)" in human

    # no terminal: remove wants --yes
    result = gz(*c, "org", "remove", "imkers")
    assert result.code == 2 and "--yes" in result.err
    assert gz(*c, "org", "remove", "imkers", "--yes").code == 0
    assert [o["id"] for o in orgs(project)] == ["huisartsenpraktijk-beesd", "vv-beesd"]
    actions = [h["action"] for h in json.loads(gz(*c, "log", "--json").out)]
    assert actions[-3:] == ["org-edit", "org-status", "org-remove"]


def test_add_without_name_and_terminal(gz, project: Path) -> None:
    result = gz("-C", str(project), "org", "add", "--achterban", "3")
    assert result.code == 2 and "NAAM" in result.err


def test_hand_edited_bad_status_is_named(gz, project: Path) -> None:
    gz("-C", str(project), "org", "add", "VV Beesd")
    path = project / "gzctl.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('status = "geïnventariseerd"', 'status = "lid"'),
        encoding="utf-8",
    )
    result = gz("-C", str(project), "org", "list")
    assert result.code == 2
    assert "organisations[1].status" in result.err and "regel" in result.err


def test_done_when_facts_count_the_inventory(gz, project: Path) -> None:
    c = ("-C", str(project))
    names = ["Huisartsenpraktijk B", "OBS B", "Thuiszorg B", "Gemeente B"]
    for name in names:
        assert gz(*c, "org", "add", name).code == 0
    data = json.loads(gz(*c, "next", "--alle", "--json").out)
    # professional (and public) organisations >= 3 ticks 'beroepsorganisaties' by itself
    assert "verkennen.beroepsorganisaties" not in {i["id"] for i in data}
