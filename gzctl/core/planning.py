"""The planning: the stappenplan's milestones as dates, worked back from the village's deadline.

The playbook names the deadline (``[planning]``: a date question, in the Netherlands the
gemeente's subsidy deadline, in Flanders the revision of the meerjarenplan) and its
milestones (``[[milestones]]``: so many weeks before or after it, reached when their items
are done). :func:`plan` turns them into dated rows with their state: done, late, due this
month, later; and the reasons a date is a poor day (core/calendar_checks.py). Pure: the
project, the playbook, today and the country come in; nothing is printed or written.

Before playbook 1.2 the deadline question took free text ("1 oktober, voor subsidie vanaf
1 januari"). Such an answer is read tolerantly (:func:`read_deadline`): the first day and
month in it, or a month alone, on or after today; the planning says so in one line, with
the command that sets a real date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import TYPE_CHECKING, Any

from gzctl.core.model import Project
from gzctl.core.playbook import Milestone, Playbook
from gzctl.core.questions import MONTH_NAMES, format_date
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

if TYPE_CHECKING:
    from gzctl.core.country import Country

# a row's state, in the order of urgency
LATE, THIS_MONTH, DONE, LATER = "te laat", "deze maand", "gehaald", "later"


@_frozen_record
class Deadline(_FrozenRecord):
    """The village's deadline: the day (None when not given or unreadable), the answer as it
    stands in gzctl.toml, and ``note``: one Dutch line when the day was read from free text
    or is missing."""

    day: dt.date | None
    raw: Any = None
    note: str = ""


@_frozen_record
class Row(_FrozenRecord):
    """One milestone on its date: ``target`` worked back from the deadline, ``chosen`` the
    day the village set for it (its ``answer``), ``state`` one of LATE, THIS_MONTH, DONE,
    LATER; ``clashes``: why the day is a poor one (a holiday, a Sunday ...)."""

    milestone: Milestone
    target: dt.date
    state: str
    open_items: tuple[str, ...] = ()
    chosen: dt.date | None = None
    clashes: tuple[str, ...] = ()

    @property
    def day(self) -> dt.date:
        """The day that counts: the village's own when it set one, else the target."""
        return self.chosen or self.target


@_frozen_record
class Planning(_FrozenRecord):
    """The whole planning: the deadline, what it is (``title``), the rows by date, notes."""

    deadline: Deadline
    title: str
    rows: tuple[Row, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def by_state(self, state: str) -> list[Row]:
        """The rows in one state, by date."""
        return [r for r in self.rows if r.state == state]


_DAY_MONTH = re.compile(r"\b(\d{1,2})\s*(?:e\s+)?([a-zéû]{3,})\.?(?:\s+(\d{4}))?")
_MONTH = re.compile(r"\b([a-zéû]{3,})\b")


def _from_text(text: str, today: dt.date) -> dt.date | None:
    """The first date in free text: 'd maand [jjjj]', a numeric date, or a month alone
    (its first day); without a year, the first such day on or after ``today``."""
    from gzctl.core.dutch import MONTHS, parse_date
    from gzctl.core.errors import AnswerError

    low = text.lower()
    for token in re.findall(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}", low):
        try:
            return parse_date(token)
        except AnswerError:
            continue
    found: list[tuple[int, dt.date | None, int, int]] = []  # (position, full day, month, day)
    for m in _DAY_MONTH.finditer(low):
        if m.group(2) in MONTHS:
            year = int(m.group(3)) if m.group(3) else 0
            found.append((m.start(), None, MONTHS[m.group(2)], int(m.group(1)) + 100 * year))
            break
    for m in _MONTH.finditer(low):
        if m.group(1) in MONTHS and len(m.group(1)) >= 4:
            found.append((m.start(), None, MONTHS[m.group(1)], 1))
            break
    if not found:
        return None
    _, _, month, packed = min(found)
    day, year = packed % 100, packed // 100
    try:
        if year:
            return dt.date(year, month, day)
        candidate = dt.date(today.year, month, day)
        return candidate if candidate >= today else dt.date(today.year + 1, month, day)
    except ValueError:
        return None


def read_deadline(playbook: Playbook, project: Project, today: dt.date) -> Deadline:
    """The deadline the planning works back from. A date answer as it is; free text (from
    before the question asked a date) read tolerantly, saying so in ``note``."""
    qid = playbook.deadline
    if not qid:
        return Deadline(None, None, f"Het stappenplan '{playbook.title}' heeft geen planning.")
    raw = project.answers.get(qid)
    key = qid.rsplit(".", 1)[-1]
    fix = f"gzctl answers --wijzig {key}"
    if isinstance(raw, dt.date):
        return Deadline(raw, raw)
    if isinstance(raw, str) and raw.strip():
        day = _from_text(raw, today)
        if day is None:
            return Deadline(
                None,
                raw,
                f'Je antwoord "{raw}" noemt geen datum; geef de datum zelf: {fix}',
            )
        return Deadline(
            day,
            raw,
            f'Je antwoord "{raw}" is tekst; gzctl leest er {format_date(day)} in. '
            f"Zet de datum vast met: {fix}",
        )
    return Deadline(None, raw, f"Nog geen datum voor {playbook.deadline_title}: {fix}")


def _target(m: Milestone, deadline: dt.date) -> dt.date:
    return deadline + dt.timedelta(weeks=m.weeks_after - m.weeks_before)


def _state(done: bool, day: dt.date, today: dt.date) -> str:
    if done:
        return DONE
    if day < today:
        return LATE
    if (day.year, day.month) == (today.year, today.month):
        return THIS_MONTH
    return LATER


def plan(
    playbook: Playbook, project: Project, today: dt.date, country: Country | None = None
) -> Planning:
    """The planning on ``today``: every milestone dated from the deadline, by date. With the
    ``country``, each date that is a poor day gets its reasons (a public holiday, a Sunday,
    the Christmas week; for a milestone people meet on, also the school holidays)."""
    from gzctl.core.progress import statuses

    deadline = read_deadline(playbook, project, today)
    notes = [deadline.note] if deadline.note else []
    if deadline.day is None:
        return Planning(deadline, playbook.deadline_title, (), tuple(notes))
    st = statuses(playbook, project)
    rows = []
    for m in playbook.milestones:
        open_items = tuple(i for i in m.items if i in st and not st[i].done)
        target = _target(m, deadline.day)
        chosen = project.answers.get(m.answer) if m.answer else None
        chosen = chosen if isinstance(chosen, dt.date) else None
        day = chosen or target
        clashes: tuple[str, ...] = ()
        if country is not None:
            from gzctl.core import calendar_checks

            region = calendar_checks.project_region(country, project) or None
            clashes = tuple(calendar_checks.reasons(day, country, region, school=m.event))
        rows.append(Row(m, target, _state(not open_items, day, today), open_items, chosen, clashes))
    rows.sort(key=lambda r: (r.day, r.milestone.id))
    if deadline.day < today and any(r.state == LATE for r in rows):
        nxt = _next_year(deadline.day)
        notes.append(
            f"De deadline ({format_date(deadline.day)}) is voorbij. Is er een volgende ronde, "
            f"bijvoorbeeld {format_date(nxt)}? Zet die datum met: gzctl answers --wijzig "
            f"{playbook.deadline.rsplit('.', 1)[-1]}"
        )
    return Planning(deadline, playbook.deadline_title, tuple(rows), tuple(notes))


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def month_name(day: dt.date) -> str:
    """'december 2026'."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def planning_json(planning: Planning, playbook: Playbook) -> dict[str, Any]:
    """``gzctl planning --json``: plain JSON types, rows by date."""
    titles = {i.id: i.title for i in playbook.items}
    d = planning.deadline
    return {
        "deadline": {
            "date": d.day.isoformat() if d.day else None,
            "what": planning.title,
            "question": playbook.deadline,
            "answer": d.raw.isoformat() if isinstance(d.raw, dt.date) else d.raw,
        },
        "notes": list(planning.notes),
        "milestones": [
            {
                "id": r.milestone.id,
                "title": r.milestone.title,
                "date": r.day.isoformat(),
                "target": r.target.isoformat(),
                "chosen": r.chosen.isoformat() if r.chosen else None,
                "state": r.state,
                "open_items": [{"id": i, "title": titles.get(i, i)} for i in r.open_items],
                "clashes": list(r.clashes),
            }
            for r in planning.rows
        ],
    }


def to_ics(planning: Planning, project: Project, stamp: dt.datetime) -> bytes:
    """The planning as an .ics calendar for the initiators' own agenda: one all-day event
    per milestone not yet reached, and the deadline itself. Stable UIDs, so importing again
    moves an event instead of doubling it; DTSTAMP is the project's last change (``stamp``
    without history). icalendar is imported here, only for this."""
    import unicodedata

    import icalendar

    from gzctl.core.text import strip_controls

    folded = unicodedata.normalize("NFKD", project.village.name.lower())
    village = "-".join(re.findall(r"[a-z0-9]+", folded)) or "dorp"
    cal = icalendar.Calendar()
    cal.add("prodid", "-//gzctl//Gemeenschapszorg netwerk//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", strip_controls(f"Planning {project.village.name}".strip()))
    moment = max((h.at for h in project.history), default=stamp)
    utc = moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    def event(uid: str, day: dt.date, summary: str, description: str) -> None:
        ev = icalendar.Event()
        ev.add("uid", f"{uid}@{village}.planning.gzctl")
        ev.add("dtstamp", utc)
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        ev.add("summary", strip_controls(summary))
        if description:
            ev.add("description", strip_controls(description))
        cal.add_component(ev)

    if planning.deadline.day is not None:
        event("deadline", planning.deadline.day, f"Deadline: {planning.title}", "")
    for r in planning.rows:
        if r.state == DONE:
            continue
        event(r.milestone.id, r.day, r.milestone.title, r.milestone.why)
    data: bytes = cal.to_ical()
    return data
