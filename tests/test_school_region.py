"""Issue 24: Dutch school holidays need the village's region. The region comes from the
answer to "In welke regio voor de schoolvakanties ligt het dorp?", else from the province
(when the whole province is in one region) or the municipality, as data beside the school
holidays; Flanders has one calendar and no such question."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ENTER, keyboard

from gzctl.core import calendar_checks as cc
from gzctl.core import country, store
from gzctl.core import playbook as pb
from gzctl.core.errors import PlaybookError
from gzctl.network import facts
from gzctl.ops import platforms as ops_pf

NL = country.country("NL")
BE = country.country("BE")
D = dt.date
NOW = dt.datetime(2026, 11, 22, 12, 0)
# Wednesday 27 October 2027: the autumn holiday in the south (23-31 October), not elsewhere
AUTUMN_SOUTH = D(2027, 10, 27)


@pytest.mark.parametrize(
    ("province", "municipality", "region"),
    [
        ("Fryslân", "", "noord"),
        ("friesland", "", "noord"),
        ("Noord Holland", "", "noord"),
        ("Zuid-Holland", "Krimpenerwaard", "midden"),
        ("Zeeland", "", "zuid"),
        ("Limburg", "", "zuid"),
        ("Gelderland", "West Betuwe", ""),  # split province, municipality not in the data
        ("Gelderland", "Hattem", "noord"),  # the one Gelderland municipality in the north
        ("Gelderland", "Tiel", "midden"),
        ("Gelderland", "Nijmegen", "zuid"),
        ("Utrecht", "", ""),
        ("", "", ""),
    ],
)
def test_the_region_follows_from_the_data(province: str, municipality: str, region: str) -> None:
    assert cc.region_of(NL, province, municipality) == region


def test_flanders_has_one_region_and_no_question() -> None:
    assert cc.region_of(BE, "West-Vlaanderen", "Moorslede") == "vlaanderen"
    flemish = pb.load("zorgzame-buurt")
    assert all(q.id != cc.SCHOOL_REGION for q in flemish.questions())
    dutch = pb.load("gemeenschapszorg")
    q = next(q for q in dutch.questions() if q.id == cc.SCHOOL_REGION)
    assert q.options == ("noord", "midden", "zuid") and not q.required
    # asked in the step of the network evening, before its date
    step = dutch.step("verbinden.netwerkavond")
    assert step is not None
    ids = [x.id for x in step.questions]
    assert ids.index(cc.SCHOOL_REGION) < ids.index("verbinden.netwerkavond_datum")


def _village(folder: Path, province: str, municipality: str, region: str | None) -> None:
    with store.transaction(folder, "tester", NOW) as tx:
        tx.project.village.province = province
        tx.project.village.municipality = municipality
        tx.project.answers["verbinden.netwerkavond_datum"] = AUTUMN_SOUTH
        if region:
            tx.project.answers[cc.SCHOOL_REGION] = region


@pytest.mark.parametrize(
    ("province", "municipality", "region", "clash"),
    [
        ("Gelderland", "West Betuwe", None, False),  # unknown region: nothing said
        ("Gelderland", "West Betuwe", "zuid", True),  # the answer
        ("Zeeland", "Veere", None, True),  # from the province
        ("Zuid-Holland", "Leiden", None, False),  # midden: no holiday that week
        ("Zeeland", "Veere", "midden", False),  # the answer wins over the province
    ],
)
def test_status_and_docs_report_a_school_holiday_of_the_region(
    project: Path, province: str, municipality: str, region: str | None, clash: bool
) -> None:
    _village(project, province, municipality, region)
    p = store.load(project)
    lines = facts.date_clashes(pb.load("gemeenschapszorg"), p, NOW.date())
    said = any("de herfstvakantie (regio zuid)" in line for line in lines)
    assert said == clash, lines
    warning = ops_pf.date_warning(project, AUTUMN_SOUTH)
    assert ("herfstvakantie" in warning) == clash, warning


def test_the_wizard_proposes_the_region_and_checks_dates_with_it(project: Path) -> None:
    from test_wizard import wizard

    _village(project, "Zeeland", "Veere", None)
    book = pb.load("gemeenschapszorg")
    said: list[str] = []
    w = wizard(project, book, said)
    p = store.load(project)
    q = next(q for q in book.questions() if q.id == cc.SCHOOL_REGION)
    shown = w._computed(q, p, None)
    assert shown.default == "zuid" and "Voor Veere is dat regio zuid." in shown.help
    # a split province: no proposal, and the help says why
    with store.transaction(project, "tester", NOW) as tx:
        tx.project.village.province, tx.project.village.municipality = "Gelderland", "Buren"
    shown = w._computed(q, store.load(project), None)
    assert shown.default is None and "meer dan één regio" in shown.help
    # the date question warns about the region's school holiday
    w.asker.region = "zuid"
    date_q = next(q for q in book.questions() if q.id == "verbinden.netwerkavond_datum")
    with keyboard("27-10-2027" + ENTER + ENTER):
        value = w.asker.ask(date_q, None)
    assert any("herfstvakantie (regio zuid)" in s for s in said), said
    assert value != AUTUMN_SOUTH and not cc.reasons(value, NL, "zuid")


def test_a_bad_region_in_the_data_is_named(tmp_path: Path) -> None:
    (tmp_path / "land.toml").write_text("", encoding="utf-8")
    path = tmp_path / cc.SCHOOL_FILE
    path.write_text(
        'bron = "test"\nregios = ["noord"]\nschooljaren = []\n[provincies]\nZeeland = "west"\n',
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError, match="Zeeland"):
        cc._load_school(path)


@pytest.mark.parametrize("columns", ["60", "80"])
def test_help_names_the_flemish_variant_in_one_line(
    gz, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """Issue 22: `gzctl help` never mentioned the Flemish variant."""
    monkeypatch.setenv("COLUMNS", columns)
    out = gz("help").out
    (line,) = [x for x in out.splitlines() if "--land be" in x.lower()]
    assert "gzctl init" in line and "Vlaams" in line
    assert len(line.rstrip()) <= int(columns) - 1
