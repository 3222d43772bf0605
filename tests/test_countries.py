"""A country is data (issue 21): one folder per country, checked on load, chosen by the
playbook; an unknown country is a Dutch error; a third country is one folder of data."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from gzctl.core import country as ct
from gzctl.core import phone
from gzctl.core.errors import PlaybookError, UsageProblem

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "playbooks" / "landen"


def test_the_shipped_countries_are_folders_with_everything_that_differs() -> None:
    assert ct.known_codes() == ["BE", "NL"]
    assert sorted(p.name for p in SHIPPED.iterdir()) == ["be", "nl"]
    nl, be = ct.country("NL"), ct.country("be")
    assert (nl.name, nl.language, nl.timezone) == ("Nederland", "nl-NL", "Europe/Amsterdam")
    assert (be.name, be.language, be.timezone) == (
        "België (Vlaanderen)", "nl-BE", "Europe/Brussels"
    )
    assert set(nl.words) == set(be.words) >= set(ct.REQUIRED_WORDS)
    assert (nl.phone.regions, be.phone.regions) == (("NL", "BE"), ("BE", "NL"))
    assert (nl.calendar.holidays, be.calendar.holidays) == ("NL", "BE")
    assert nl.date_line("Beesd", "7 december 2026") == "Beesd, 7 december 2026"
    # one source: the words the letters print ("t.a.v. het college van ...")
    assert nl.words["college"] == "het college van burgemeester en wethouders"
    assert be.words["college"] == "het college van burgemeester en schepenen"
    assert [h.number for h in be.helplines][:3] == ["112", "1712", "106"]
    assert be.call["vast"][1]["telefoon"] == "1733"
    assert not (ROOT / "playbooks" / "landen.toml").exists()
    assert not (ROOT / "playbooks" / "documenten").exists()


def _write_country(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "land.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_country_file_names_file_key_and_line(tmp_path: Path) -> None:
    text = (SHIPPED / "nl" / "land.toml").read_text(encoding="utf-8")
    broken = (
        text.replace('regio = "NL"', 'regio = "Nederland"')
        .replace('tijdzone = "Europe/Amsterdam"', 'tijdzone = "Europe/Beesd"')
        .replace('taal = "nl-NL"', 'taal = "fy-NL"')
        .replace("patroon = '([1-9]\\d{3})", "patroon = '([1-9]\\d{3}")
        .replace('vrijwilligers = "jullie"', 'vrijwilligers = "jij"')
        .replace('datumregel = "{plaats}, {datum}"', 'datumregel = "{plaats}, {dag}"')
        .replace("marge_links_mm = 22\n", "marge_links_mm = 22\nmarge_midden_mm = 3\n")
    )
    path = _write_country(tmp_path / "landen" / "nl", broken)
    with pytest.raises(PlaybookError) as exc:
        ct.load_file(path)
    lines = str(exc.value).splitlines()
    assert len(lines) == 7, lines
    assert all(line.startswith("nl/land.toml, regel ") for line in lines), lines
    by_key = {line.split(": ")[1]: line for line in lines}
    assert "'Nederland' is geen regio" in by_key["telefoon.regio"]
    assert "onbekende tijdzone 'Europe/Beesd'" in by_key["tijdzone"]
    assert "onbekende taal 'fy-NL'; bekend: nl-BE, nl-NL" in by_key["taal"]
    assert "geen geldig patroon" in by_key["postcode.vormen[1].patroon"]
    assert "'u' of 'jullie'" in by_key["aanspreekvorm.vrijwilligers"]
    assert "{plaats} en {datum}" in by_key["brief.datumregel"]
    assert "onbekende sleutel" in by_key["brief.marge_midden_mm"]
    line = int(re.search(r"regel (\d+)", by_key["tijdzone"]).group(1))  # type: ignore[union-attr]
    assert broken.splitlines()[line - 1].startswith("tijdzone =")


def test_a_country_folder_and_its_code_must_agree(tmp_path: Path) -> None:
    text = (SHIPPED / "be" / "land.toml").read_text(encoding="utf-8")
    path = _write_country(tmp_path / "landen" / "de", text)
    with pytest.raises(PlaybookError, match=r"de/land.toml, regel 9: code: 'BE' past niet"):
        ct.load_file(path)


def test_an_unknown_country_at_init_is_one_dutch_line(gz, tmp_path: Path) -> None:
    result = gz("init", str(tmp_path / "x"), "--land", "DE")
    assert result.code == 2
    assert result.err.strip().count("\n") == 0
    assert "Onbekend land 'DE'. Bekend: BE, NL." in result.err
    assert not (tmp_path / "x").exists()
    with pytest.raises(PlaybookError):
        ct.country("DE")


def test_phone_and_postcode_follow_the_rule_of_the_country() -> None:
    from gzctl.network.inventory import check_postcode

    nl, be = ct.country("NL"), ct.country("BE")
    # both accept each other's numbers and postcodes (villages near the border), as before
    for rule in (nl.phone, be.phone, None):
        assert phone.check("051 12 34 56", rule) == "051 12 34 56"
        assert phone.check("0345 123456", rule) == "0345 123456"
    assert check_postcode("b-8890", be.postcode) == "8890"
    assert check_postcode("4153ab", nl.postcode) == "4153 AB"
    with pytest.raises(UsageProblem, match=r"geen postcode \(Nederland: 1234 AB, België"):
        check_postcode("12345", be.postcode)
    german = ct.PhoneRule("DE", (), "030 1234567", "Duits", "030 1234567 of 0171 1234567")
    assert phone.check("030 1234567", german) == "030 1234567"
    with pytest.raises(ValueError, match=r"geen Duits telefoonnummer \(voorbeeld: 030 1234567"):
        phone.check("+31 6 12345678", german)
    with pytest.raises(ValueError, match="Nederlands of Belgisch"):
        phone.check("+49 30 1234567", nl.phone)


def test_the_quick_national_reading_is_what_phonenumbers_reads() -> None:
    """phone._national builds what phonenumbers.parse gives for '0345 123456' without its
    parser (an import reads 50,000 numbers): on random national numbers of every length it
    gives the same number or none, and it never answers for an invalid or Belgian one."""
    import random

    import phonenumbers

    rng = random.Random(23)
    quick = 0
    for _ in range(4000):
        digits = "0" + "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 11)))
        cut = rng.randint(2, 4)
        text = digits[:cut] + rng.choice(["", " ", "-"]) + digits[cut:]
        for region in ("NL", "DE", "BE"):
            found = phone._national(text, digits, region)
            if found is None:
                continue
            quick += 1
            assert region != "BE"
            parsed = phonenumbers.parse(text, region)
            assert phonenumbers.is_valid_number(parsed), text
            assert (found.country_code, found.national_number) == (
                parsed.country_code, parsed.national_number
            ), (text, region)  # fmt: skip
    assert quick > 500  # the quick way is taken, not only its refusals tested
    assert phone._national("0345 12x456", "0345", "NL") is None
    assert phone._national("+31 345 123456", "+31345123456", "NL") is None


def test_the_calendar_uses_the_time_zone_of_the_country() -> None:
    import icalendar

    from gzctl.core.model import Activity, Project, Village
    from gzctl.network.platforms import to_ics

    village = Project(village=Village(name="Heuvelkerke"))
    start = dt.datetime(2027, 7, 3, 19, 30)
    village.activities.append(Activity(id="a1", title="Kaartavond", start=start))
    stamp = dt.datetime(2027, 1, 1, 12, 0, tzinfo=dt.UTC)
    cal = icalendar.Calendar.from_ical(
        to_ics(village, village.activities, stamp, timezone="Europe/Brussels")
    )
    zone = next(c for c in cal.walk("VTIMEZONE"))
    assert str(zone["TZID"]) == "Europe/Brussels"
    assert sorted(str(c["TZNAME"]) for c in zone.subcomponents) == ["CEST", "CET"]
    event = next(c for c in cal.walk("VEVENT"))
    assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)
    # a zone without summer time has one standard part
    data = to_ics(village, village.activities, stamp, timezone="Atlantic/Reykjavik")
    zone = next(c for c in icalendar.Calendar.from_ical(data).walk("VTIMEZONE"))
    assert [c.name for c in zone.subcomponents] == ["STANDARD"]


# --------------------------------------------------------------------------- a third variant

THIRD = """\
# Een verzonnen derde variant: een grensdorp in Duitsland, alleen als data.
code = "DE"
naam = "Duitsland (grensstreek)"
taal = "de-DE"
tijdzone = "Europe/Berlin"

[woorden]
bestuurder = "Ortsvorsteher"
bestuurders = "Ortsvorsteher"
bestuurder_welzijn = "de Ortsvorsteher"
college = "de Gemeinderat"
gemeente = "Gemeinde"
lokaal_bestuur = "de Gemeinde"
kern = "Ortsteil"
beleidsplan = "de Haushaltsplan"
statistiek = "Destatis"
privacytoezicht = "de Landesdatenschutzbeauftragte"
geweldlijn = "Hilfetelefon, 116 016"
toestemming_leeftijd = "16"
gedragsbewijs = "ein erweitertes Führungszeugnis"
inwoners = "Einwohner"
inwoner = "Einwohner"
sociaal_team = "de Sozialamt"
verbinder = "Dorfkümmerer"
verbinder_titel = "Dorfkümmerer"
senioren = "de Seniorenverein"
steun = "steun voor de Kümmerer"
steun_uitleg = "Zonder Kümmerer lukt het niet."
netwerk = "Dorfnetzwerk"
hulp_titel = "Hilfe: hier ist immer jemand erreichbar"
toestemming = "Nur mit Zustimmung der Person selbst."
screening = "Ein erweitertes Führungszeugnis ist nötig."
loon_uitleg = "nach TVöD"
bewijs = "Dass es wirkt, zeigt Beesd."
voorbeelden = "Beesd"
dorpsagenda = "die Dorfentwicklung"
dorpsblad = "das Dorfblatt"

[telefoon]
regio = "DE"
voorbeeld = "030 1234567"
omschrijving = "Duits"
voorbeelden = "030 1234567 of 0171 1234567"

[postcode]
voorbeeld = "47559"
fout = "Deutschland: fünf Ziffern"

[[postcode.vormen]]
patroon = '(?:D-?\\s*)?(\\d{5})'
vorm = "{1}"

[brief]
adres_boven_mm = 45
adres_links_mm = 20
marge_boven_mm = 16
marge_rechts_mm = 20
marge_onder_mm = 16
marge_links_mm = 25
datumregel = "{plaats}, den {datum}"

[kalender]
feestdagen = "DE"
feestdagen_regio = "NW"
schoolvakanties = "schulministerium.nrw (Ferienordnung)"

[[hulplijnen]]
label = "Notruf"
nummer = "112"
wanneer = "Bei Gefahr."

[[hulplijnen]]
label = "TelefonSeelsorge"
nummer = "0800 1110111"
wanneer = "Tag und Nacht, anonym."

[aanspreekvorm]
vrijwilligers = "u"
professioneel = "u"
overheid = "u"
ondernemer = "u"

[aanhef_zonder_naam]
u = "Sehr geehrte Damen und Herren,"
jullie = "Liebe Vorstände,"

[[bellen.vast]]
naam = "Notruf"
wanneer = "Bei Lebensgefahr"
telefoon = "112"

[[bellen.vast]]
naam = "TelefonSeelsorge"
wanneer = "Tag und Nacht"
telefoon = "08001110111"

[[bellen.vragen]]
vraag = "Einsamkeit"
types = ["ouderenbond"]
"""


# Its stappenplan states only what differs from the Dutch one: its own [playbook] with the
# country, and one step replaced (a German village has an Ortsbeirat, not a kernagenda).
THIRD_PLAYBOOK = """\
extends = "gemeenschapszorg"

[playbook]
id = "grensdorp"
title = "Dorfnetzwerk in de grensstreek"
version = "0.1.0"
country = "DE"
organisation_types = "organisatietypen"
platforms = "platforms"

[[replace]]
id = "borgen.kernagenda"
title = "Stel het netwerk voor in de Ortsbeirat"
why = "De Ortsbeirat spreekt voor het dorp bij de Gemeinde."

[[replace.items]]
id = "borgen.ortsbeirat"
title = "Vraag een plek op de agenda van de Ortsbeirat"
why = "Zo weet de Ortsbeirat wat het netwerk ziet en doet."
"""


@pytest.fixture
def third_variant(tmp_path: Path) -> Path:
    """One folder: a playbook naming country DE, its land.toml and its language."""
    folder = tmp_path / "grensdorp-variant"
    folder.mkdir()
    (folder / "stappenplan.toml").write_text(THIRD_PLAYBOOK, encoding="utf-8")
    (folder / "land.toml").write_text(THIRD, encoding="utf-8")
    (folder / "talen").mkdir()
    (folder / "talen" / "de-DE.toml").write_text('naam = "Duits"\n', encoding="utf-8")
    return folder


def test_a_third_country_is_one_folder_of_data(gz, tmp_path: Path, third_variant: Path) -> None:
    answers = tmp_path / "antwoorden.toml"
    answers.write_text(
        '[village]\nname = "Elten"\nmunicipality = "Emmerich"\nprovince = "Nordrhein-Westfalen"\n'
        'inhabitants = 5000\n\n'
        '[[initiators]]\nname = "Petra Schmidt"\nemail = "petra@example.de"\n'
        'phone = "02828 123456"\n',
        encoding="utf-8",
    )
    spec = str(third_variant / "stappenplan.toml")
    folder = tmp_path / "elten"
    made = gz("init", str(folder), "--answers", str(answers), "--playbook", spec)
    assert made.code == 0, made.err
    assert ct.country("DE", spec).words["verbinder"] == "Dorfkümmerer"
    status = json.loads(gz("-C", str(folder), "status", "--json").out)
    assert status["playbook"]["id"] == "grensdorp"
    from gzctl.core import playbook as pb

    book = pb.load(spec, folder)
    ids = {i.id for i in book.items}
    assert "borgen.ortsbeirat" in ids and "borgen.kernagendagesprek" not in ids
    assert "verkennen.medestarter" in ids  # the rest comes from the Dutch stappenplan

    # a Dutch number is not a number of this country: its own rule and wording
    wrong = tmp_path / "fout.toml"
    wrong.write_text(answers.read_text().replace("02828 123456", "+31 6 12345678"))
    refused = gz("init", str(tmp_path / "fout"), "--answers", str(wrong), "--playbook", spec)
    assert refused.code == 2
    assert "geen Duits telefoonnummer (voorbeeld: 030 1234567 of 0171 1234567)" in refused.err

    built = gz("-C", str(folder), "docs", "build")
    assert built.code == 0, built.err
    docs = folder / "documenten"
    texts = {p.name: p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    assert texts, built.out
    assert any("Dorfnetzwerk Elten" in t for t in texts.values())
    assert not any("Gemeenschapszorg netwerk Elten" in t for t in texts.values())
    docx = next(docs.rglob("*.docx"))
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as z:
        assert "<dc:language>de-DE</dc:language>" in z.read("docProps/core.xml").decode()
        assert 'w:val="de-DE"' in z.read("word/document.xml").decode()

    site = gz("-C", str(folder), "site", "build")
    assert site.code == 0, site.err
    web = folder / "website"
    pages = "".join(p.read_text(encoding="utf-8") for p in web.glob("*.html"))
    assert "TelefonSeelsorge" in pages and "0800\u00a01110111" in pages  # shown as in DE
    assert "Veilig Thuis" not in pages
    assert "X-WR-TIMEZONE:Europe/Berlin" in (web / "agenda.ics").read_text(encoding="utf-8")

    # the folder loses its country: a Dutch error naming the code, never the Dutch words
    (third_variant / "land.toml").unlink()
    again = gz("-C", str(folder), "docs", "build")
    assert again.code == 2
    assert "Onbekend land 'DE'. Bekend: BE, NL." in again.err


def test_a_builtin_playbook_never_reads_countries_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gzctl.core import country

    # a folder named like the countries' folder where the user happens to stand
    (tmp_path / "landen" / "nl").mkdir(parents=True)
    (tmp_path / "landen" / "nl" / "land.toml").write_text("code = 'XX'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = country.country("NL", "gemeenschapszorg")  # the built-in's source is a bare name
    assert found.name == "Nederland"
