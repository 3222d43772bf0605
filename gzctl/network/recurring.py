"""What members already do: their own recurring activities (a weekly koersbal, the choir's
rehearsal, the Zonnebloem's visiting afternoon), shown to residents on the website ("Wat er
al gebeurt") and in the calendar feed as recurring events. No persons: an organisation, a
title, when and where.

A recurring activity repeats every week, every two weeks or every month (on the same
weekday of the month as its first date: "elke eerste dinsdag"). Public holidays it falls on
are left out of the calendar (EXDATE), named by the country's calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from gzctl.core.dutch import WEEKDAYS
from gzctl.core.errors import NotFound, UsageProblem, did_you_mean
from gzctl.core.model import Project, RecurringActivity

FREQUENCIES = {"week": "elke week", "twee-weken": "om de week", "maand": "elke maand"}
_FREQUENCY_WORDS = {
    "week": "week", "wekelijks": "week", "elke-week": "week", "1": "week",
    "twee-weken": "twee-weken", "2-weken": "twee-weken", "om-de-week": "twee-weken",
    "tweewekelijks": "twee-weken", "2": "twee-weken",
    "maand": "maand", "maandelijks": "maand", "elke-maand": "maand",
}  # fmt: skip
ORDINALS = ("eerste", "tweede", "derde", "vierde", "laatste")
MAX_MINUTES = 24 * 60


def frequency_of(raw: str) -> str:
    """'om de week' -> 'twee-weken'; UsageProblem otherwise."""
    text = re.sub(r"\s+", "-", raw.strip().lower())
    if text in _FREQUENCY_WORDS:
        return _FREQUENCY_WORDS[text]
    raise UsageProblem(f"Hoe vaak? '{raw}' ken ik niet. Kies week, twee-weken of maand.")


def time_of(raw: str) -> str:
    """'14.00' or '14:00' -> '14:00'; '' stays '' (no time: all day)."""
    text = raw.strip().replace(".", ":")
    if not text:
        return ""
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise UsageProblem(f"'{raw}' is geen tijd. Schrijf bijvoorbeeld 14:00.")
    return f"{int(m.group(1)):02d}:{int(m.group(2) or 0):02d}"


def _week_of_month(day: dt.date) -> int:
    """1-4 for the first to fourth weekday of its kind in the month, -1 for the last (a
    fifth one is the last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n >= 5 or (day + dt.timedelta(days=7)).month != day.month and n == 4 else n


def when_text(r: RecurringActivity) -> str:
    """'elke dinsdag 14:00', 'om de week op donderdag 19:30', 'elke eerste dinsdag 10:00'."""
    day = WEEKDAYS[r.start.weekday()]
    if r.frequency == "maand":
        n = _week_of_month(r.start)
        text = f"elke {ORDINALS[-1] if n == -1 else ORDINALS[n - 1]} {day} van de maand"
    elif r.frequency == "twee-weken":
        text = f"om de week op {day}"
    else:
        text = f"elke {day}"
    return f"{text} {r.time}".strip()


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "activiteit"


def add(
    project: Project,
    org: str,
    title: str,
    start: dt.date,
    *,
    time: str = "",
    minutes: int = 90,
    frequency: str = "week",
    place: str = "",
) -> RecurringActivity:
    """Add a member's recurring activity; ``org`` an organisation id or name."""
    from gzctl.network.inventory import find

    if not title.strip():
        raise UsageProblem("Geef de activiteit een naam, zoals Koersbal.")
    if not 1 <= minutes <= MAX_MINUTES:
        raise UsageProblem("Hoe lang duurt het? Een aantal minuten tussen 1 en 1440.")
    o = find(project, org)
    base = f"{o.id}-{_slug(title)}"
    taken = {r.id for r in project.recurring}
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    r = RecurringActivity(
        id=ident, org=o.id, title=title.strip(), start=start, time=time_of(time),
        minutes=minutes, frequency=frequency_of(frequency), place=place.strip(),
    )  # fmt: skip
    project.recurring.append(r)
    project.recurring.sort(key=lambda x: (x.org, x.id))
    return r


def find(project: Project, raw: str) -> RecurringActivity:
    """A recurring activity by id; NotFound with a suggestion otherwise."""
    for r in project.recurring:
        if r.id == raw.strip():
            return r
    raise NotFound(
        f"Geen vaste activiteit met id '{raw}'. Zie gzctl vast lijst."
        + did_you_mean(raw, [r.id for r in project.recurring])
    )


def remove(project: Project, raw: str) -> RecurringActivity:
    """Take a recurring activity out (it stopped); returns it."""
    r = find(project, raw)
    project.recurring.remove(r)
    return r


def occurrences(r: RecurringActivity, since: dt.date, until: dt.date) -> list[dt.date]:
    """The days it happens from ``since`` to ``until`` (both included)."""
    out: list[dt.date] = []
    if r.frequency == "maand":
        n = _week_of_month(r.start)
        year, month = r.start.year, r.start.month
        while dt.date(year, month, 1) <= until:
            day = _nth_weekday(year, month, r.start.weekday(), n)
            if day >= r.start and since <= day <= until:
                out.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    step = dt.timedelta(weeks=2 if r.frequency == "twee-weken" else 1)
    day = r.start
    if day < since:
        day += step * ((since - day) // step)
    while day <= until:
        if day >= since:
            out.append(day)
        day += step
    return out


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if n == -1:
        while (day + dt.timedelta(days=7)).month == month:
            day += dt.timedelta(days=7)
        return day
    return day + dt.timedelta(weeks=n - 1)


def skipped(r: RecurringActivity, country: Any, since: dt.date, until: dt.date) -> list[
        tuple[dt.date, str]]:  # fmt: skip
    """The occurrences between ``since`` and ``until`` that fall on a public holiday (or in
    the Christmas week), with the reason: left out of the calendar."""
    from gzctl.core.calendar_checks import christmas_week, public_holiday

    out = []
    for day in occurrences(r, since, until):
        name = public_holiday(day, country)
        if name or christmas_week(day):
            out.append((day, name or "kerstweek"))
    return out


def add_to_calendar(
    cal: Any, project: Project, items: Iterable[RecurringActivity], *, tz: Any, country: Any,
    today: dt.date, village: str, stamp: dt.datetime,
) -> None:  # fmt: skip
    """One VEVENT with an RRULE per recurring activity, its public holidays of the coming
    year as EXDATE, in the village's time zone."""
    import icalendar

    names = {o.id: o.name for o in project.organisations}
    rule_freq = {"week": ("weekly", 1), "twee-weken": ("weekly", 2), "maand": ("monthly", 1)}
    for r in items:
        event = icalendar.Event()
        event.add("uid", f"vast-{r.id}@{village}.gzctl")
        event.add("dtstamp", stamp)
        event.add("summary", r.title)
        freq, interval = rule_freq.get(r.frequency, ("weekly", 1))
        rule: dict[str, Any] = {"freq": freq, "interval": interval}
        if freq == "monthly":
            n = _week_of_month(r.start)
            rule["byday"] = f"{n}{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[r.start.weekday()]}"
        event.add("rrule", rule)
        if r.time:
            hour, minute = (int(x) for x in r.time.split(":"))
            start = dt.datetime.combine(r.start, dt.time(hour, minute), tzinfo=tz)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=r.minutes))
            year = skipped(r, country, today, today + dt.timedelta(days=365))
            gone: list[Any] = [dt.datetime.combine(d, dt.time(hour, minute), tzinfo=tz)
                               for d, _ in year]  # fmt: skip
        else:
            event.add("dtstart", r.start)
            event.add("dtend", r.start + dt.timedelta(days=1))
            gone = [d for d, _ in skipped(r, country, today, today + dt.timedelta(days=365))]
        for when in gone:
            event.add("exdate", when)
        if r.place:
            event.add("location", r.place)
        event.add("description", f"{names.get(r.org, r.org)}, {when_text(r)}")
        cal.add_component(event)


def recurring_json(project: Project, r: RecurringActivity) -> dict[str, Any]:
    """One recurring activity as plain data for ``--json``."""
    names = {o.id: o.name for o in project.organisations}
    return {
        "id": r.id, "organisation": r.org, "organisation_name": names.get(r.org, r.org),
        "title": r.title, "start": r.start.isoformat(), "time": r.time, "minutes": r.minutes,
        "frequency": r.frequency, "when": when_text(r), "place": r.place,
    }  # fmt: skip
