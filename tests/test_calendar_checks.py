"""The calendar that knows the country (issue 24): public holidays, Sundays, the Christmas
week and school holidays make a day unfit, and the demo plans ahead on fitting days only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gzctl.core import calendar_checks as cc
from gzctl.core import country
from gzctl.core import playbook as pb
from gzctl.core.errors import PlaybookError
from gzctl.core.model import Project
from gzctl.network import demo as dm

NL = country.country("NL")
BE = country.country("BE")
D = dt.date


# --------------------------------------------------------------------------- public holidays


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2026, 4, 3), "Goede vrijdag"),
        (D(2026, 4, 27), "Koningsdag"),
        (D(2026, 5, 14), "Hemelvaartsdag"),
        (D(2026, 5, 25), "Tweede pinksterdag"),
        (D(2026, 12, 25), "Eerste kerstdag"),
        (D(2026, 12, 26), "Tweede kerstdag"),
        (D(2027, 1, 1), "Nieuwjaarsdag"),
        (D(2027, 3, 28), "Eerste paasdag"),
        (D(2027, 3, 29), "Tweede paasdag"),
        (D(2027, 4, 27), "Koningsdag"),
        (D(2027, 5, 6), "Hemelvaartsdag"),
        (D(2027, 5, 17), "Tweede pinksterdag"),
    ],
)
def test_dutch_public_holidays_are_named_in_dutch(day: dt.date, name: str) -> None:
    assert cc.public_holiday(day, NL) == name
    assert f"{name} (feestdag)" in cc.reasons(day, NL)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2026, 4, 6), "Paasmaandag"),
        (D(2026, 5, 1), "Dag van de Arbeid"),
        (D(2026, 7, 21), "Nationale feestdag"),
        (D(2026, 11, 11), "Wapenstilstand"),
        (D(2027, 3, 29), "Paasmaandag"),
        (D(2027, 5, 6), "O. L. H. Hemelvaart"),
        (D(2027, 5, 17), "Pinkstermaandag"),
        (D(2027, 7, 21), "Nationale feestdag"),
        (D(2027, 11, 1), "Allerheiligen"),
    ],
)
def test_belgian_public_holidays_are_named_in_dutch(day: dt.date, name: str) -> None:
    assert cc.public_holiday(day, BE) == name


def test_each_country_has_its_own_holidays() -> None:
    assert cc.public_holiday(D(2027, 4, 27), NL) == "Koningsdag"
    assert cc.public_holiday(D(2027, 4, 27), BE) == ""  # an ordinary Tuesday in Flanders
    assert cc.public_holiday(D(2026, 11, 11), NL) == ""
    assert cc.reasons(D(2026, 12, 10), NL) == []  # an ordinary Thursday


# --------------------------------------------------------------------------- Sunday, Christmas


def test_a_sunday_is_unfit() -> None:
    assert cc.reasons(D(2027, 1, 17), NL) == ["een zondag"]
    assert cc.reasons(D(2027, 1, 16), NL) == []  # Saturday is allowed


@pytest.mark.parametrize("day", [D(2026, 12, 24), D(2026, 12, 29), D(2026, 12, 31), D(2027, 1, 1)])
def test_the_christmas_week_runs_from_24_december_to_1_january(day: dt.date) -> None:
    assert any("kerstweek" in r for r in cc.reasons(day, NL))


@pytest.mark.parametrize("day", [D(2026, 12, 23), D(2027, 1, 2)])
def test_just_outside_the_christmas_week(day: dt.date) -> None:
    assert not cc.christmas_week(day)


# --------------------------------------------------------------------------- school holidays


def _flemish_rules(start_year: int) -> dict[str, tuple[dt.date, dt.date]]:
    """The school holidays of Flanders by the fixed rules of 1991, computed independently."""
    from dateutil.easter import easter

    def monday_of(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday())

    week = dt.timedelta(days=6)
    fortnight = dt.timedelta(days=13)
    nov1 = D(start_year, 11, 1)
    autumn = nov1 + dt.timedelta(days=1) if nov1.weekday() == 6 else monday_of(nov1)
    xmas = D(start_year, 12, 25)
    winter = monday_of(xmas) if xmas.weekday() < 5 else xmas + dt.timedelta(7 - xmas.weekday())
    pasen = easter(start_year + 1)
    krokus = monday_of(pasen) - dt.timedelta(weeks=6)  # the 7th Monday before Easter
    if pasen.month == 3:
        spring = pasen + dt.timedelta(days=1)
    elif pasen > D(start_year + 1, 4, 15):
        spring = monday_of(pasen) - dt.timedelta(weeks=1)
    else:
        first = D(start_year + 1, 4, 1)
        spring = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return {
        "herfstvakantie": (autumn, autumn + week),
        "kerstvakantie": (winter, winter + fortnight),
        "krokusvakantie": (krokus, krokus + week),
        "paasvakantie": (spring, spring + fortnight),
        "zomervakantie": (D(start_year + 1, 7, 1), D(start_year + 1, 8, 31)),
    }


def test_the_flemish_school_holidays_follow_the_fixed_rules() -> None:
    cal = cc.school_calendar(BE)
    assert cal.source.startswith("onderwijs.vlaanderen.be")
    assert cal.years == ("2025-2026", "2026-2027", "2027-2028")
    for year in cal.years:
        start = int(year[:4])
        spring = next(h for h in cal.holidays if h.name == "paasvakantie" and h.first.year > start)
        entered = {
            h.name: (h.first, h.last)
            for h in cal.holidays
            if (h.first.year == start and h.first.month >= 8)
            or (h.first.year == start + 1 and h.first.month < 8)
        }
        assert entered == _flemish_rules(start), year
        assert spring.first.weekday() == 0


def test_a_flemish_school_holiday_is_named() -> None:
    assert cc.reasons(D(2026, 11, 3), BE) == ["de herfstvakantie (Vlaanderen)"]
    assert cc.reasons(D(2027, 2, 10), BE) == ["de krokusvakantie (Vlaanderen)"]
    assert cc.reasons(D(2027, 2, 10), BE, school=False) == []
    assert cc.reasons(D(2026, 11, 3), NL) == []


def test_an_uncovered_school_year_gets_no_guess() -> None:
    # 3 November 2031 would be in the autumn holiday by the rules, but 2031-32 is not in the file
    assert cc.reasons(D(2031, 11, 3), BE) == []
    assert not cc.school_calendar(BE).covers(D(2031, 11, 3))
    assert cc.school_calendar(BE).covers(D(2027, 7, 15))


def test_the_dutch_file_names_its_source_regions_and_the_years_it_covers() -> None:
    cal = cc.school_calendar(NL)
    assert "rijksoverheid.nl" in cal.source
    assert cal.regions == ("noord", "midden", "zuid")
    assert cal.years == ("2025-2026", "2027-2028")
    # 2026-2027 is in the file only in part (the header says which): the Christmas holiday in
    # every region, spring and summer in noord and midden; nothing about May or zuid's summer
    assert cc.reasons(D(2026, 10, 20), NL, "noord") == []
    assert cc.reasons(D(2026, 12, 21), NL, "zuid") == ["de kerstvakantie (regio zuid)"]
    assert cc.reasons(D(2027, 2, 24), NL, "midden") == ["de voorjaarsvakantie (regio midden)"]
    assert cc.reasons(D(2027, 2, 10), NL, "zuid") == []
    assert cc.reasons(D(2027, 7, 13), NL, "noord") == ["de zomervakantie (regio noord)"]
    assert cc.reasons(D(2027, 7, 13), NL, "midden") == []
    assert cc.reasons(D(2027, 8, 24), NL, "midden") == ["de zomervakantie (regio midden)"]
    assert cc.reasons(D(2027, 8, 24), NL, "zuid") == []
    assert cc.reasons(D(2027, 4, 28), NL, "noord") == []
    assert not cal.covers(D(2027, 3, 1))
    # rijksoverheid.nl, overzicht schoolvakanties 2027-2028: the summer rotates
    assert cc.reasons(D(2028, 7, 11), NL, "midden") == ["de zomervakantie (regio midden)"]
    assert cc.reasons(D(2028, 7, 11), NL, "zuid") == []
    assert cc.reasons(D(2028, 8, 29), NL, "zuid") == ["de zomervakantie (regio zuid)"]
    assert cc.reasons(D(2027, 10, 27), NL, "zuid") == ["de herfstvakantie (regio zuid)"]
    assert cc.reasons(D(2027, 10, 27), NL, "noord") == []
    assert cc.reasons(D(2026, 2, 24), NL, "noord") == ["de voorjaarsvakantie (regio noord)"]
    five = ["herfstvakantie", "kerstvakantie", "voorjaarsvakantie", "meivakantie", "zomervakantie"]
    for region in cal.regions:  # every school year covers the five holidays in every region
        for year in cal.years:
            start, end = dt.date(int(year[:4]), 8, 1), dt.date(int(year[:4]) + 1, 8, 1)
            names = [h.name for h in cal.holidays if region in h.regions and start <= h.first < end]
            assert sorted(names) == sorted(five), (region, year)


def test_a_dutch_region_is_checked_when_the_data_is_there(tmp_path: Path) -> None:
    land = tmp_path / "xx"
    land.mkdir()
    source = Path(NL.source)
    (land / "land.toml").write_text(source.read_text("utf-8"), "utf-8")
    (land / cc.SCHOOL_FILE).write_text(
        'bron = "test"\nregios = ["noord", "midden", "zuid"]\nschooljaren = ["2026-2027"]\n'
        '[[vakanties]]\nnaam = "herfstvakantie"\nregios = ["zuid"]\n'
        "van = 2026-10-10\ntot = 2026-10-18\n",
        "utf-8",
    )
    own = country.load_file(land / "land.toml")
    assert cc.reasons(D(2026, 10, 14), own, "zuid") == ["de herfstvakantie (regio zuid)"]
    assert cc.reasons(D(2026, 10, 14), own, "noord") == []
    assert cc.reasons(D(2026, 10, 14), own) == []  # no region: nothing said


def test_a_broken_school_file_is_a_dutch_error(tmp_path: Path) -> None:
    land = tmp_path / "yy"
    land.mkdir()
    (land / "land.toml").write_text(Path(NL.source).read_text("utf-8"), "utf-8")
    (land / cc.SCHOOL_FILE).write_text(
        'regios = ["noord"]\nschooljaren = ["2026-2027"]\n'
        '[[vakanties]]\nnaam = "x"\nregios = ["west"]\nvan = 2026-10-18\ntot = 2026-10-10\n',
        "utf-8",
    )
    with pytest.raises(PlaybookError, match="'van' en 'tot'"):
        cc.reasons(D(2026, 10, 14), country.load_file(land / "land.toml"), "noord")


# --------------------------------------------------------------------------- the next day


@pytest.mark.parametrize(
    ("day", "land", "better"),
    [
        (D(2026, 12, 31), NL, D(2027, 1, 7)),  # oudejaarsavond -> the next Thursday
        (D(2027, 1, 1), NL, D(2027, 1, 8)),
        (D(2027, 4, 27), NL, D(2027, 5, 4)),  # Koningsdag -> the next Tuesday
        (D(2027, 3, 28), NL, D(2027, 3, 30)),  # Easter Sunday: no Sunday fits; Monday is
        # Tweede paasdag, so Tuesday
        (D(2026, 11, 3), BE, D(2026, 11, 10)),  # Flemish autumn holiday
        (D(2027, 4, 1), BE, D(2027, 4, 15)),  # Flemish Easter holiday: two weeks on
        (D(2027, 4, 1), NL, D(2027, 4, 8)),
    ],
)
def test_the_next_suitable_day_prefers_the_same_weekday(
    day: dt.date, land: country.Country, better: dt.date
) -> None:
    found = cc.next_suitable(day, land)
    assert found == better
    assert cc.reasons(found, land) == []
    assert cc.fitting(found, land) == found


def test_the_warning_names_the_reason_and_a_better_day() -> None:
    assert cc.warning(D(2026, 12, 10), NL) == ""
    assert cc.warning(D(2026, 12, 31), NL) == (
        "Let op: donderdag 31 december 2026 is geen goede dag: de kerstweek (24 december tot "
        "en met 1 januari). Een betere dag is bijvoorbeeld donderdag 7 januari 2027."
    )
    assert "Koningsdag (feestdag)" in cc.warning(D(2027, 4, 27), NL)
    assert "dinsdag 4 mei 2027" in cc.warning(D(2027, 4, 27), NL)


# --------------------------------------------------------------------------- the demo


RUN_DATES = [
    dt.datetime(2026, 12, 7, 12, 0),  # the issue: 31 December and 1 January
    dt.datetime(2027, 4, 3, 12, 0),  # the issue: Koningsdag and Easter
    dt.datetime(2026, 12, 14, 12, 0),
    dt.datetime(2026, 12, 20, 12, 0),
    dt.datetime(2027, 3, 10, 12, 0),
    dt.datetime(2027, 4, 20, 12, 0),
    dt.datetime(2027, 11, 20, 12, 0),
    dt.datetime(2028, 2, 1, 12, 0),
]


def _planned_ahead(project: Project, today: dt.date) -> list[tuple[str, dt.date]]:
    """Every day the demo plans after today: activities, the network evening, the start."""
    days = [(a.title, a.start.date()) for a in project.activities if a.start.date() > today]
    days += [(m.id, m.date) for m in project.meetings if m.date > today]
    for key, value in project.answers.items():
        if isinstance(value, dt.date) and value > today:
            days.append((key, value))
    if project.coordinator.start and project.coordinator.start > today:
        days.append(("Coördinator start", project.coordinator.start))
    return days


@pytest.mark.parametrize("now", RUN_DATES, ids=lambda d: d.date().isoformat())
@pytest.mark.parametrize(("book", "land"), [("gemeenschapszorg", NL), ("zorgzame-buurt", BE)])
def test_the_demo_plans_nothing_on_an_unfit_day(now: dt.datetime, book: str, land: object) -> None:
    project = dm.build_project(pb.load(book), now, "tester")
    ahead = _planned_ahead(project, now.date())
    assert len(ahead) >= 4  # activities, the next network evening and the start are ahead
    for what, day in ahead:
        assert cc.reasons(day, land, school=False) == [], (what, day)  # type: ignore[arg-type]
    # the past met on fitting days too: the meetings and the first network evening
    evening = project.answers["verbinden.netwerkavond_datum"]
    assert evening < now.date()
    for what, day in [("netwerkavond", evening), *((m.id, m.date) for m in project.meetings)]:
        assert cc.reasons(day, land, school=False) == [], (what, day)  # type: ignore[arg-type]


def test_the_demo_of_7_december_moves_off_new_year() -> None:
    project = dm.build_project(pb.load("gemeenschapszorg"), RUN_DATES[0], "tester")
    days = {a.start.date() for a in project.activities}
    assert D(2026, 12, 31) not in days and D(2027, 1, 1) not in days
    assert D(2027, 1, 8) in days  # "+25d" (Friday 1 January) -> the next Friday
    # the next network evening "+24d" is Thursday 31 December (oudejaarsavond) -> Thursday
    # 7 January
    assert "2027-01-07-netwerkavond" in [m.id for m in project.meetings]


def test_the_demo_of_3_april_avoids_koningsdag() -> None:
    project = dm.build_project(pb.load("gemeenschapszorg"), RUN_DATES[1], "tester")
    # the next network evening: Tuesday 4 May, not Koningsdag (Tuesday 27 April)
    assert "2027-05-04-netwerkavond" in [m.id for m in project.meetings]
    again = dm.build_project(pb.load("gemeenschapszorg"), RUN_DATES[1], "tester")
    assert [a.start for a in project.activities] == [a.start for a in again.activities]


def test_the_past_of_the_demo_is_not_moved() -> None:
    """Days already behind the run date keep their offset, so the history keeps its order."""
    book = pb.load("gemeenschapszorg")
    project = dm.build_project(book, RUN_DATES[0], "tester")
    assert project.project.created == RUN_DATES[0].date() - dt.timedelta(days=338)
    past = [a.start.date() for a in project.activities if a.start.date() <= RUN_DATES[0].date()]
    assert past  # the demo has a history of activities
    assert [h.at for h in project.history] == sorted(h.at for h in project.history)


# --------------------------------------------------------------------------- activity add


def test_activity_add_warns_about_an_unfit_day_but_adds_it(gz, project: Path) -> None:
    c = ("-C", str(project))
    result = gz(*c, "activity", "add", "Koffie", "--datum", "31-12-2026", "--tijd", "10:00")
    assert result.code == 0
    assert "Toegevoegd: Koffie" in result.out
    assert result.err.strip() == (
        "Let op: donderdag 31 december 2026 is geen goede dag: de kerstweek (24 december tot "
        "en met 1 januari). Een betere dag is bijvoorbeeld donderdag 7 januari 2027."
    )
    result = gz(*c, "activity", "add", "Soep", "--datum", "27-04-2027", "--tijd", "12:00")
    assert result.code == 0
    assert "Koningsdag (feestdag)" in result.err and "dinsdag 4 mei 2027" in result.err
    assert gz(*c, "activity", "list").out.count("Soep") == 1


def test_activity_add_on_a_fitting_day_says_nothing_more(gz, project: Path) -> None:
    result = gz("-C", str(project), "activity", "add", "Koffie", "--datum", "10-12-2026")
    assert result.code == 0
    assert result.err == ""
