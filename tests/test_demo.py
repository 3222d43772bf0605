"""The demo villages as data (issue 21): one checked file per country,
playbooks/landen/<land>/demo.toml, with every date an offset from the run date."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from gzctl.core import playbook as pb
from gzctl.core.errors import NotFound, PlaybookError
from gzctl.network import demo as dm

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ROOT / "playbooks" / "landen"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def _copy(tmp_path: Path, code: str = "nl") -> Path:
    """A private copy of a shipped demo file, in a countries folder of its own."""
    folder = tmp_path / "landen"
    (folder / code).mkdir(parents=True)
    shutil.copy(COUNTRIES / code / "demo.toml", folder / code / "demo.toml")
    return folder


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


# --------------------------------------------------------------------------- offsets


@pytest.mark.parametrize(
    ("text", "days", "time"),
    [
        ("-45d 20:00", -45, dt.time(20, 0)),
        ("+24d", 24, None),
        ("3d", 3, None),
        ("-3w", -21, None),
        ("+2w 19:30", 14, dt.time(19, 30)),
    ],
)
def test_an_offset_is_days_or_weeks_from_the_run_date(text: str, days: int, time: object) -> None:
    assert dm.parse_offset(text) == dm.Offset(days, time)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["2026-11-22", "-45 dagen", "-45d 25:00", "+3m", "", 45])
def test_anything_else_is_no_offset(text: object) -> None:
    assert dm.parse_offset(text) is None


def test_a_moment_keeps_the_time_zone_of_the_run() -> None:
    at = dm.moment(dm.Offset(-45, dt.time(20, 0)), NOW)
    assert at == dt.datetime(2026, 10, 8, 20, 0, tzinfo=NOW.tzinfo)


# --------------------------------------------------------------------------- chosen by country


def test_every_country_with_a_playbook_has_a_demo_village() -> None:
    assert dm.countries_with_demo() == ["BE", "NL"]
    assert dm.demo_names() == {"Ooltwijk", "Heuvelkerke"}
    assert dm.load_demo("nl").name == "Ooltwijk"
    assert dm.load_demo("BE").name == "Heuvelkerke"


def test_the_village_follows_the_playbooks_country() -> None:
    for name, village in (("gemeenschapszorg", "Ooltwijk"), ("zorgzame-buurt", "Heuvelkerke")):
        project = dm.build_project(pb.load(name), NOW, "tester")
        assert project.village.name == village
        assert project.history[0].what == f"Project aangemaakt voor {village}"


def test_a_country_without_a_demo_is_an_error_never_the_dutch_one(tmp_path: Path) -> None:
    with pytest.raises(NotFound) as err:
        dm.load_demo("XX")
    assert "geen voorbeelddorp" in err.value.message
    assert "landen/xx/demo.toml" in err.value.message
    assert "BE, NL" in err.value.message


@pytest.mark.parametrize(
    ("land", "says"),
    [("XX", "Voor land 'XX' is er geen voorbeelddorp"), ("../nl", "is geen landcode")],
)
def test_demo_for_an_unknown_country_stops_before_making_a_folder(
    gz, tmp_path: Path, land: str, says: str
) -> None:
    result = gz("-C", str(tmp_path), "demo", "--land", land)
    assert result.code == 2
    assert result.err.strip().count("\n") == 0, result.err
    assert says in result.err
    assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_land_and_vlaanderen_must_agree(gz, tmp_path: Path) -> None:
    result = gz("-C", str(tmp_path), "demo", "--land", "NL", "--vlaanderen")
    assert result.code == 2
    assert "niet allebei" in result.err
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- dates from the run


def test_the_demo_moves_with_the_run_date() -> None:
    """A week later, every moment and date of the demo is a week later: nothing is absolute."""
    book = pb.load("gemeenschapszorg")
    week = dt.timedelta(days=7)
    before = dm.build_project(book, NOW, "tester")
    after = dm.build_project(book, NOW + week, "tester")
    assert [h.at + week for h in before.history] == [h.at for h in after.history]
    assert [h.what for h in before.history] == [h.what for h in after.history]
    assert before.project.created + week == after.project.created
    assert before.project.created == dt.date(2025, 12, 19)  # created = "-338d": a year in
    starts = [a.start for a in after.activities]
    expected = [a.start + week for a in before.activities]
    # except a day ahead that does not fit the calendar: "+25d 19:00" from 29 November is
    # Thursday 24 December, the Christmas week, so the evening moves to the next Thursday
    christmas_eve = dt.datetime(2026, 12, 24, 19, 0)
    assert christmas_eve in expected
    expected[expected.index(christmas_eve)] = dt.datetime(2027, 1, 7, 19, 0)
    assert expected == starts
    assert before.answers["verkennen.startdatum"] == dt.date(2025, 12, 23)  # "-334d"
    # a week later "-334d" is 30 December, the Christmas week: a date answered in the past
    # moves back to the last fitting day, as the meetings do
    assert after.answers["verkennen.startdatum"] == dt.date(2025, 12, 23)
    # the first network evening ("-165d") was months ago, on the day of its meeting
    evening = before.answers["verbinden.netwerkavond_datum"]
    assert evening == dt.date(2026, 6, 10)
    assert after.answers["verbinden.netwerkavond_datum"] == evening + week
    assert f"{evening.isoformat()}-netwerkavond" in [m.id for m in before.meetings]


# --------------------------------------------------------------------------- checked on load


def test_a_broken_demo_file_names_file_line_and_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "nl" / "demo.toml"
    text = path.read_text("utf-8")
    text = text.replace('when = "-296d 20:00"', 'when = "33 dagen geleden"', 1)
    text = text.replace("minutes = 90", "minuten = 90", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlaybookError) as err:
        dm.load_demo("NL", folder)
    lines = err.value.message.splitlines()
    wrong_when = _line_of(path, "33 dagen geleden")
    unknown = _line_of(path, "minuten = 90")
    assert (
        f"landen/nl/demo.toml, regel {wrong_when} ([[organisations]] nummer 1): 'when' moet een "
        'tijd zoals "-45d 20:00" of "+3w" (dagen of weken vanaf vandaag) zijn.'
    ) in lines
    assert any(
        line.startswith(f"landen/nl/demo.toml, regel {unknown} ([[activities]] nummer 1): ")
        and "onbekende sleutel 'minuten'" in line
        for line in lines
    ), lines
    # a required key that is gone is named too, with the entry's line
    assert any("'minutes' ontbreekt" in line for line in lines), lines


def test_a_demo_file_needs_its_name_and_history(tmp_path: Path) -> None:
    folder = tmp_path / "landen"
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "demo.toml").write_text('[dorp]\nname = "X"\n', encoding="utf-8")
    with pytest.raises(PlaybookError) as err:
        dm.load_demo("NL", folder)
    message = err.value.message
    assert "landen/nl/demo.toml, regel 1 ([dorp]): onbekend onderdeel 'dorp'" in message
    assert "het onderdeel [demo] ontbreekt" in message
    assert "het onderdeel [history] ontbreekt" in message


def test_a_wrong_value_found_while_building_names_the_entry(tmp_path: Path) -> None:
    """What only the core can check (an organisation id, an answer) still points at the
    file and the entry it came from."""
    folder = _copy(tmp_path)
    path = folder / "nl" / "demo.toml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace('organisation = "gemeente-lingemeer"', 'organisation = "gemeente-lingemer"'),
        encoding="utf-8",
    )
    village = dm.load_demo("NL", folder)
    with pytest.raises(PlaybookError) as err:
        dm.build_project(pb.load("gemeenschapszorg"), NOW, "tester", village)
    line = _line_of(path, "gemeente-lingemer") - 3  # the [[status_changes]] header
    assert err.value.message.startswith(
        f"landen/nl/demo.toml, regel {line} ([[status_changes]] nummer 1): "
    ), err.value.message
    assert "gemeente-lingemer" in err.value.message


def test_an_answer_the_playbook_does_not_know_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "nl" / "demo.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("aandeel_65plus = 27", "aandeel_65_plus = 27"), encoding="utf-8")
    village = dm.load_demo("NL", folder)
    with pytest.raises(PlaybookError) as err:
        dm.build_project(pb.load("gemeenschapszorg"), NOW, "tester", village)
    assert re.match(
        r"landen/nl/demo\.toml, regel \d+ \(\[\[history\]\] nummer 2\): ", err.value.message
    )
    assert "verkennen.aandeel_65_plus" in err.value.message


# --------------------------------------------------------------------------- a village is data


def test_a_new_village_is_only_a_data_file(tmp_path: Path) -> None:
    """A small village of a made-up country, written only as data: its answers (a date as an
    offset) and one organisation become a project."""
    folder = tmp_path / "landen"
    (folder / "xx").mkdir(parents=True)
    (folder / "xx" / "demo.toml").write_text(
        """\
[demo]
name = "Proefdorp"
created = "-2w"

[[history]]
when = "-14d 09:30"
by = "Ineke"
done = ["verkennen.eerderonderzoek"]

[history.village]
name = "Proefdorp"
municipality = "Proefgemeente"
province = "Utrecht"
inhabitants = 1200

[[history.initiators]]
name = "Ineke"

[history.verkennen]
startdatum = "-1w"

[[organisations]]
when = "-3d 20:00"
by = "Ineke"
name = "Dorpshuis Het Anker"
""",
        encoding="utf-8",
    )
    assert dm.countries_with_demo(folder) == ["XX"]
    village = dm.load_demo("xx", folder)
    project = dm.build_project(pb.load("gemeenschapszorg"), NOW, "tester", village)
    assert project.village.name == "Proefdorp"
    assert project.project.created == dt.date(2026, 11, 8)
    # "-1w" is Sunday 15 November: a date in the past moves back to the last fitting day
    assert project.answers["verkennen.startdatum"] == dt.date(2026, 11, 14)
    assert [o.name for o in project.organisations] == ["Dorpshuis Het Anker"]
    assert project.checklist["verkennen.eerderonderzoek"].done
    assert [h.at for h in project.history] == sorted(h.at for h in project.history)
    assert project.history[0].at == dt.datetime(2026, 11, 8, 9, 30, tzinfo=NOW.tzinfo)
