"""Is a day fit for a network evening or an activity? The calendar of the country.

Pure: a date and a Country in (its ``[kalender]``: ``feestdagen`` is the country code of the
``holidays`` library, ``feestdagen_regio`` its optional subdivision), Dutch reasons out, one
line each. A day is unsuitable when it is a public holiday (named in Dutch by ``holidays``
with ``language="nl"``), a Sunday, in the Christmas week (24 December to 1 January) or in a
school holiday of the region. School holidays are dated data beside the country's land.toml
(``schoolvakanties.toml``: its source, its regions, the school years it covers); a date in a
school year the file does not cover gets no school-holiday reason (gzctl does not guess).

``holidays`` is imported lazily (it is heavy and only the calendar needs it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gzctl.core.country import Country
from gzctl.core.dutch import WEEKDAYS
from gzctl.core.errors import PlaybookError
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

SCHOOL_FILE = "schoolvakanties.toml"
# the answer "In welke regio voor de schoolvakanties ligt het dorp?" (NL; Flanders has one
# calendar and no such question)
SCHOOL_REGION = "verbinden.schoolregio"
# the same weekday is preferred up to this many weeks ahead; then the first suitable day
SAME_WEEKDAY_WEEKS = 4
_SEARCH_DAYS = 120
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


@_frozen_record
class SchoolHoliday(_FrozenRecord):
    """One school holiday: its name, the regions it holds for, its first and last day."""

    name: str
    regions: tuple[str, ...]
    first: dt.date
    last: dt.date


@_frozen_record
class SchoolCalendar(_FrozenRecord):
    """A country's schoolvakanties.toml: source, regions, school years covered, holidays."""

    source: str
    regions: tuple[str, ...]
    default_region: str
    years: tuple[str, ...]  # "2026-2027": 1 August 2026 to 31 July 2027
    holidays: tuple[SchoolHoliday, ...]
    # the region of a province wholly in one region, and of a municipality (folded names)
    provinces: tuple[tuple[str, str], ...] = ()
    municipalities: tuple[tuple[str, str], ...] = ()

    def covers(self, day: dt.date) -> bool:
        """Whether the school year of ``day`` is in the file (August starts a school year)."""
        start = day.year if day.month >= 8 else day.year - 1
        return f"{start}-{start + 1}" in self.years


_EMPTY = SchoolCalendar("", (), "", (), ())
_school_cache: dict[str, SchoolCalendar] = {}
_holiday_cache: dict[tuple[str, str, int], dict[dt.date, str]] = {}


def school_calendar(country: Country) -> SchoolCalendar:
    """The school holidays beside the country's land.toml; empty when there is no file."""
    if not country.source:
        return _EMPTY
    path = Path(country.source).parent / SCHOOL_FILE
    key = str(path)
    if key not in _school_cache:
        _school_cache[key] = _load_school(path) if path.is_file() else _EMPTY
    return _school_cache[key]


def _load_school(path: Path) -> SchoolCalendar:
    from gzctl.core import tomlfile

    try:
        data = tomlfile.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PlaybookError(f"{path}: kan de schoolvakanties niet lezen ({exc}).") from exc
    faults: list[str] = []
    regions = tuple(str(r) for r in data.get("regios", []))
    years = tuple(str(y) for y in data.get("schooljaren", []))
    entries: list[SchoolHoliday] = []
    for i, raw in enumerate(data.get("vakanties", [])):
        where = f"{path}: vakanties[{i}]"
        first, last = raw.get("van"), raw.get("tot")
        if not isinstance(first, dt.date) or not isinstance(last, dt.date) or first > last:
            faults.append(f"{where}: 'van' en 'tot' moeten datums zijn, 'van' niet na 'tot'")
            continue
        own = tuple(str(r) for r in raw.get("regios", []))
        if not own or any(r not in regions for r in own):
            faults.append(f"{where}: 'regios' moet regio's uit {list(regions)} noemen")
        entries.append(SchoolHoliday(str(raw.get("naam", "schoolvakantie")), own, first, last))
    default = str(data.get("standaard_regio", ""))
    if default and default not in regions:
        faults.append(f"{path}: standaard_regio '{default}' staat niet in 'regios'")
    places: dict[str, tuple[tuple[str, str], ...]] = {}
    for table in ("provincies", "gemeenten"):
        raw_table = data.get(table, {})
        if not isinstance(raw_table, dict):
            faults.append(f"{path}: [{table}] moet een tabel van naam = regio zijn")
            continue
        bad = sorted(k for k, v in raw_table.items() if v not in regions)
        if bad:
            faults.append(f"{path}: [{table}] {', '.join(bad)}: de regio staat niet in 'regios'")
        places[table] = tuple(sorted((_fold(k), str(v)) for k, v in raw_table.items()))
    if faults:
        raise PlaybookError("\n".join(faults))
    return SchoolCalendar(
        str(data.get("bron", "")), regions, default, years, tuple(entries),
        places.get("provincies", ()), places.get("gemeenten", ()),
    )  # fmt: skip


def _fold(name: str) -> str:
    """'Fryslân' and 'fryslan', 'Noord Holland' and 'noord-holland' alike."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("-", " ").split())


def region_of(country: Country, province: str = "", municipality: str = "") -> str:
    """The school region the data gives for a village: its municipality's (where the file
    names it: the municipalities of a province split over regions, and those that deviate),
    else its province's when the whole province is in one region, else the country's one
    region (Flanders); '' when the data cannot tell (the wizard then asks)."""
    cal = school_calendar(country)
    by_municipality = dict(cal.municipalities)
    by_province = dict(cal.provinces)
    return (
        by_municipality.get(_fold(municipality), "")
        or by_province.get(_fold(province), "")
        or cal.default_region
    )


def project_region(country: Country, project: Any) -> str:
    """The village's school region: the answer to :data:`SCHOOL_REGION` when it names one
    of the country's regions, else :func:`region_of` its province and municipality."""
    cal = school_calendar(country)
    answers = getattr(project, "answers", {}) or {}
    answered = str(answers.get(SCHOOL_REGION) or "").strip().lower()
    if answered in cal.regions:
        return answered
    village = getattr(project, "village", None)
    return region_of(
        country,
        str(getattr(village, "province", "") or ""),
        str(getattr(village, "municipality", "") or ""),
    )


def public_holiday(day: dt.date, country: Country, *, cached_only: bool = False) -> str:
    """The Dutch name of the public holiday on ``day``, or ''. ``cached_only``: see
    :func:`holiday_names`."""
    cal = country.calendar
    names = holiday_names(cal.holidays, cal.holidays_subdivision, day.year, cached_only)
    return names.get(day, "")


def holiday_names(
    code: str, subdivision: str, year: int, cached_only: bool = False
) -> dict[dt.date, str]:
    """A year's public holidays of a country, in Dutch. Remembered in the user cache
    (core/datacache.py) once computed. The fast path (``gzctl status``, which lists planned
    dates that clash) asks with ``cached_only`` and never loads the heavy ``holidays``
    library: a year no command has computed yet (the demo, docs build and activity add do)
    then has no holidays to report."""
    from gzctl.core import datacache

    key = (code, subdivision, year)
    if key in _holiday_cache:
        return _holiday_cache[key]
    text = f"{code} {subdivision} {year}"
    where = Path("/gzctl-feestdagen") / f"{code}-{subdivision or 'x'}-{year}"
    names = datacache.get("feestdagen", where, text)
    if not isinstance(names, dict) and cached_only:
        return {}
    if not isinstance(names, dict):
        import holidays

        found = holidays.country_holidays(
            code, subdiv=subdivision or None, years=year, language="nl"
        )
        names = {d: str(n) for d, n in sorted(found.items())}
        datacache.put("feestdagen", where, text, names)
    _holiday_cache[key] = names
    return names


def christmas_week(day: dt.date) -> bool:
    """24 December to 1 January."""
    return (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)


def reasons(
    day: dt.date,
    country: Country,
    region: str | None = None,
    *,
    school: bool = True,
    cached_only: bool = False,
) -> list[str]:
    """Why ``day`` is unfit for a network meeting or an activity, one Dutch line each
    (empty: the day is fine). ``region``: the school region ('noord', 'midden', 'zuid',
    'vlaanderen'); without one, the file's default region (none in the Netherlands).
    ``cached_only``: public holidays only from the cache (see :func:`holiday_names`)."""
    found: list[str] = []
    name = public_holiday(day, country, cached_only=cached_only)
    if name:
        found.append(f"{name} (feestdag)")
    if day.weekday() == 6:
        found.append("een zondag")
    if christmas_week(day):
        found.append("de kerstweek (24 december tot en met 1 januari)")
    if school:
        found.extend(_school_reasons(day, country, region))
    return found


def _school_reasons(day: dt.date, country: Country, region: str | None) -> list[str]:
    cal = school_calendar(country)
    region = region or cal.default_region
    if not region:  # a listed holiday is a fact even past 1 August (the summer runs on)
        return []
    return [
        f"de {h.name} ({_region_text(region)})"
        for h in cal.holidays
        if region in h.regions and h.first <= day <= h.last
    ]


def _region_text(region: str) -> str:
    return "Vlaanderen" if region == "vlaanderen" else f"regio {region}"


def suitable(day: dt.date, country: Country, region: str | None = None, **kw: Any) -> bool:
    """Whether ``day`` has no reason against it."""
    return not reasons(day, country, region, **kw)


def next_suitable(
    day: dt.date, country: Country, region: str | None = None, *, school: bool = True
) -> dt.date:
    """The first suitable day after ``day``: the same weekday in the next weeks if one of
    the next ``SAME_WEEKDAY_WEEKS`` is free, else the first suitable day of any weekday."""
    for weeks in range(1, SAME_WEEKDAY_WEEKS + 1):
        candidate = day + dt.timedelta(weeks=weeks)
        if suitable(candidate, country, region, school=school):
            return candidate
    for days in range(1, _SEARCH_DAYS):
        candidate = day + dt.timedelta(days=days)
        if suitable(candidate, country, region, school=school):
            return candidate
    return day + dt.timedelta(days=_SEARCH_DAYS)  # a calendar this full does not exist


def fitting(
    day: dt.date, country: Country, region: str | None = None, *, school: bool = True
) -> dt.date:
    """``day`` itself when it is suitable, else :func:`next_suitable`."""
    if suitable(day, country, region, school=school):
        return day
    return next_suitable(day, country, region, school=school)


def weekday_date(day: dt.date) -> str:
    """'donderdag 7 januari 2027'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def warning(
    day: dt.date, country: Country, region: str | None = None, *, school: bool = True
) -> str:
    """One Dutch line when ``day`` is unfit (naming why and proposing the next suitable
    day), or ''."""
    why = reasons(day, country, region, school=school)
    if not why:
        return ""
    better = next_suitable(day, country, region, school=school)
    return (
        f"Let op: {weekday_date(day)} is geen goede dag: {', '.join(why)}. "
        f"Een betere dag is bijvoorbeeld {weekday_date(better)}."
    )
