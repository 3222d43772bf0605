"""The demo villages, as data: one file per country, playbooks/landen/<land>/demo.toml.

Ooltwijk (the Netherlands, `gzctl demo`) and Heuvelkerke (a Flemish deelgemeente,
`gzctl demo --vlaanderen`) are built from the answers and ticks a real initiator would give,
dated over the past year (a village about a year in: the first network evening months ago,
meetings with decisions and actions, a member that joined later) so that status, next, log
and every document have something to show. The file
holds the village; this module reads and checks it, then builds the project through the
same core functions the commands use, so a playbook change that breaks a demo fails loudly.
A country without a demo file is an error, never another country's village.

Every date in a demo file is an offset from the day the demo is made ("-45d 20:00": 45 days
ago at 20:00; "+3w": three weeks from today), so the demo never ages. They all become dates
in `offset_day`, the one place to change how they fall: a day the demo plans ahead (the
network evening, activities, the Coördinator's start) that is a public holiday, a Sunday or
in the Christmas week moves to the next suitable day of the country's calendar
(core/calendar_checks.py), so the demo fits the calendar on any run date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gzctl.core import answers as ans
from gzctl.core import progress, store
from gzctl.core.country import verbinder
from gzctl.core.errors import GzctlError, NotFound, PlaybookError
from gzctl.core.model import Project, ProjectInfo
from gzctl.core.playbook import Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.words import count

if TYPE_CHECKING:
    from gzctl.core.country import Country

DEMO_FILE = "demo.toml"
COUNTRIES_DIR = "landen"

# --------------------------------------------------------------------------- dates


_OFFSET = re.compile(r"^([+-]?)(\d{1,4})([dw])(?: +(\d{1,2}):(\d{2}))?$")


@_frozen_record
class Offset(_FrozenRecord):
    """A moment relative to the day the demo is made: days from today, and a clock time."""

    days: int
    time: dt.time | None = None


def parse_offset(text: Any) -> Offset | None:
    """'-45d 20:00', '+24d', '-3w' -> an Offset; None if the text is not one."""
    match = _OFFSET.match(text.strip()) if isinstance(text, str) else None
    if not match:
        return None
    sign, number, unit, hour, minute = match.groups()
    days = int(number) * (7 if unit == "w" else 1) * (-1 if sign == "-" else 1)
    if hour is None:
        return Offset(days)
    if int(hour) > 23 or int(minute) > 59:
        return None
    return Offset(days, dt.time(int(hour), int(minute)))


def offset_day(offset: Offset, today: dt.date, country: Country | None = None) -> dt.date:
    """The day an offset falls on: every demo date is computed here. With the ``country``,
    a day in the future that is unfit for a meeting (a public holiday, a Sunday, the
    Christmas week) becomes the next suitable day, the same weekday preferred; the past
    stays as it is (the history keeps its order). School holidays are not avoided: a demo
    activity in the summer is fine, and the Dutch regions are the village's choice."""
    day = today + dt.timedelta(days=offset.days)
    if country is None or offset.days <= 0:
        return day
    from gzctl.core import calendar_checks

    return calendar_checks.fitting(day, country, school=False)


def moment(offset: Offset, now: dt.datetime) -> dt.datetime:
    """An offset as a moment in now's time zone (whole minutes; midnight without a time)."""
    day = offset_day(offset, now.date())
    clock = offset.time or dt.time(0)
    return now.replace(
        year=day.year, month=day.month, day=day.day, hour=clock.hour, minute=clock.minute,
        second=0,
    )  # fmt: skip


# --------------------------------------------------------------------------- the file


@_frozen_record
class Demo(_FrozenRecord):
    """One demo village as read from its file: the sections as checked tables, with the
    offsets already parsed. All people and organisations in it are fictional."""

    name: str
    path: Path
    created: Offset
    sections: dict[str, list[dict[str, Any]]]

    def entries(self, section: str) -> list[dict[str, Any]]:
        """A section's tables in file order (a [table] is a list of one; none if absent)."""
        return self.sections.get(section, [])

    def where(self, section: str, index: int, key: str | None = None) -> str:
        """'landen/nl/demo.toml, regel 12 ([[history]] nummer 2)': for an error message."""
        return _Lines(self.path).where(section, index, key, section in LISTS)


# The kinds of value a key holds; the sections and their keys (True: required). A "*" key
# lets the section hold further keys, which the core function that gets them checks.
WHEN, TEXT, INT, BOOL, TEXTS, INTS, TABLE, ANY = (
    "when", "text", "int", "bool", "texts", "ints", "table", "any",
)  # fmt: skip
_KINDS = {
    WHEN: 'een tijd zoals "-45d 20:00" of "+3w" (dagen of weken vanaf vandaag)',
    TEXT: "een niet-lege tekst",
    INT: "een heel getal",
    BOOL: "true of false",
    TEXTS: "een lijst met teksten",
    INTS: "een lijst met hele getallen",
    TABLE: "een tabel",
}
_BY = {"when": (WHEN, True), "by": (TEXT, True)}
SECTIONS: dict[str, dict[str, tuple[str, bool]]] = {
    "demo": {"name": (TEXT, True), "created": (WHEN, True)},
    "history": {**_BY, "done": (TEXTS, False), "note": (TEXT, False), "*": (ANY, False)},
    "organisations": {**_BY, "*": (ANY, False)},
    "status_changes": {**_BY, "organisation": (TEXT, True), "status": (TEXT, True)},
    "platforms": {
        **_BY, "platform": (TEXT, True), "trekker": (TEXT, True), "members": (TEXTS, False),
        "status": (TEXT, True), "steps_done": (INTS, False),
    },
    "activities": {
        "by": (TEXT, True), "start": (WHEN, True), "minutes": (INT, True),
        "title": (TEXT, True), "place": (TEXT, False), "organisers": (TEXTS, False),
        "platform": (TEXT, False), "target_groups": (TEXT, False), "expected": (INT, False),
        "participants": (INT, False),
    },
    "places": {**_BY, "scored": (WHEN, False), "scores": (TABLE, False), "*": (ANY, False)},
    "chosen_place": {**_BY, "place": (TEXT, True), "reason": (TEXT, True)},
    "coordinator": {**_BY, "start": (WHEN, False), "answers": (TABLE, False), "*": (ANY, False)},
    "ticks": {**_BY, "done": (TEXTS, True)},
    "candidates": {
        **_BY, "name": (TEXT, True), "lives_in_village": (BOOL, False),
        "scored": (WHEN, False), "scores": (TABLE, False),
    },
    "appointment": {**_BY, "candidate": (TEXT, True)},
    "money": {
        **_BY, "kind": (TEXT, True), "amount": (TEXT, True), "item": (TEXT, True),
        "description": (TEXT, False), "platform": (TEXT, False),
    },
    "surveys": {**_BY, "moment": (TEXT, True), "filled": (INT, True), "counts": (TABLE, True)},
    "recurring": {
        **_BY, "organisation": (TEXT, True), "title": (TEXT, True), "start": (WHEN, True),
        "time": (TEXT, False), "minutes": (INT, False), "frequency": (TEXT, False),
        "place": (TEXT, False), "weekday": (TEXT, False),
    },
    "signups": {**_BY, "route": (TEXT, True), "count": (INT, True)},
    "meetings": {
        "by": (TEXT, True), "start": (WHEN, True), "kind": (TEXT, True),
        "platform": (TEXT, False), "place": (TEXT, False), "decisions": (TEXTS, False),
        "actions": (ANY, False), "closed": (BOOL, False),
    },
}  # fmt: skip
# Sections written [[like this]], many entries; the others are one [table].
LISTS = frozenset(
    {"history", "organisations", "status_changes", "platforms", "activities", "places",
     "ticks", "candidates", "money", "surveys", "recurring", "signups", "meetings"}
)  # fmt: skip
REQUIRED = ("demo", "history")


def parse_demo(data: dict[str, Any], path: Path) -> Demo:
    """Check a demo file's shape (every fault at once, each with file, line and key) and
    parse its offsets. What the values mean is checked when the village is built."""
    from gzctl.core.errors import did_you_mean

    lines = _Lines(path)
    faults: list[str] = []
    sections: dict[str, list[dict[str, Any]]] = {}
    for name in data:
        if name not in SECTIONS:
            hint = did_you_mean(name, sorted(SECTIONS))
            faults.append(
                f"{lines.where(name, 0, None, isinstance(data[name], list))}: "
                f"onbekend onderdeel '{name}'.{hint}"
            )
    for name in REQUIRED:
        if name not in data:
            faults.append(f"{lines.label()}: het onderdeel [{name}] ontbreekt.")
    for name, schema in SECTIONS.items():
        if name not in data:
            continue
        raw = data[name]
        many = name in LISTS
        tables = raw if many and isinstance(raw, list) else [raw]
        if not all(isinstance(t, dict) for t in tables):
            shape = f"[[{name}]]" if many else f"[{name}]"
            faults.append(f"{lines.where(name, 0, None, many)}: schrijf dit als {shape}.")
            continue
        sections[name] = [
            _entry(t, schema, name, i, many, lines, faults) for i, t in enumerate(tables)
        ]
    if faults:
        raise PlaybookError("\n".join(faults))
    head = sections["demo"][0]
    return Demo(name=head["name"], path=path, created=head["created"], sections=sections)


def _entry(
    table: dict[str, Any],
    schema: dict[str, tuple[str, bool]],
    section: str,
    index: int,
    many: bool,
    lines: _Lines,
    faults: list[str],
) -> dict[str, Any]:
    """One table checked against its schema; its offsets parsed."""
    from gzctl.core.errors import did_you_mean

    out = dict(table)
    for key, (_kind, required) in schema.items():
        if key != "*" and required and key not in table:
            faults.append(f"{lines.where(section, index, None, many)}: '{key}' ontbreekt.")
    for key, value in table.items():
        if key not in schema:
            if "*" not in schema:
                hint = did_you_mean(key, [k for k in schema if k != "*"])
                faults.append(
                    f"{lines.where(section, index, key, many)}: onbekende sleutel '{key}'.{hint}"
                )
            continue
        kind = schema[key][0]
        parsed = _value(kind, value)
        if parsed is _WRONG:
            faults.append(
                f"{lines.where(section, index, key, many)}: '{key}' moet {_KINDS[kind]} zijn."
            )
        out[key] = parsed
    return out


_WRONG = object()


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_CHECKS: dict[str, Callable[[Any], bool]] = {
    TEXT: lambda v: isinstance(v, str) and v.strip() != "",
    INT: _whole,
    BOOL: lambda v: isinstance(v, bool),
    TEXTS: lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    INTS: lambda v: isinstance(v, list) and all(_whole(x) for x in v),
    TABLE: lambda v: isinstance(v, dict),
    ANY: lambda v: True,
}


def _value(kind: str, value: Any) -> Any:
    """The value of one key if it is of its kind (offsets parsed), else _WRONG."""
    if kind == WHEN:
        offset = parse_offset(value)
        return _WRONG if offset is None else offset
    return value if _CHECKS[kind](value) else _WRONG


class _Lines:
    """Finds where an entry or key sits in a demo file, for error messages (read only when
    there is an error to report)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[str] | None = None

    def label(self) -> str:
        parts = self.path.parts[-3:]
        return "/".join(parts)

    def lines(self) -> list[str]:
        if self._lines is None:
            try:
                self._lines = self.path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines = []
        return self._lines

    def where(self, section: str, index: int, key: str | None, many: bool) -> str:
        line = self.find(section, index, key, many)
        at = f", regel {line}" if line else ""
        what = f"[[{section}]] nummer {index + 1}" if many else f"[{section}]"
        return f"{self.label()}{at} ({what})"

    def find(self, section: str, index: int, key: str | None, many: bool) -> int | None:
        name = re.escape(section)
        head = re.compile(
            r"^\s*\[\[\s*" + name + r"\s*\]\]" if many else r"^\s*\[\s*" + name + r"\s*\]"
        )
        starts = [n for n, text in enumerate(self.lines(), 1) if head.match(text)]
        if index >= len(starts):
            return None
        start = starts[index]
        if key is None:
            return start
        own = re.compile(r"^\s*\[+\s*" + name + r"\s*[.\]]")
        wanted = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for n in range(start + 1, len(self.lines()) + 1):
            text = self.lines()[n - 1]
            if text.lstrip().startswith("[") and not own.match(text) or head.match(text):
                break
            if wanted.match(text):
                return n
        return start


# --------------------------------------------------------------------------- finding files


def countries_dir() -> Path:
    """The shipped folder of countries (playbooks/landen, in a wheel gzctl/_data/...)."""
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / COUNTRIES_DIR


def demo_path(code: str, folder: Path | None = None) -> Path:
    """Where a country's demo village lives: landen/<code>/demo.toml."""
    return (folder or countries_dir()) / code.lower() / DEMO_FILE


def countries_with_demo(folder: Path | None = None) -> list[str]:
    """The countries that have a demo village, as codes ('BE', 'NL')."""
    root = folder or countries_dir()
    return sorted(p.parent.name.upper() for p in root.glob(f"*/{DEMO_FILE}"))


_cache: dict[tuple[str, float], Demo] = {}


def load_demo(code: str, folder: Path | None = None) -> Demo:
    """A country's demo village, checked; a Dutch error if the country has none."""
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise NotFound(f"'{code}' is geen landcode; gebruik twee letters, zoals NL of BE.")
    path = demo_path(code, folder)
    if not path.is_file():
        known = ", ".join(countries_with_demo(folder)) or "geen"
        raise NotFound(
            f"Voor land '{code.upper()}' is er geen voorbeelddorp "
            f"({COUNTRIES_DIR}/{code.lower()}/{DEMO_FILE} ontbreekt). Wel voor: {known}."
        )
    from gzctl.core.datafiles import load_data

    return load_data(path, lambda data: parse_demo(data, path), _cache)


def demo_names(folder: Path | None = None) -> set[str]:
    """The names of every demo village: a project with one of them may be replaced."""
    return {load_demo(code, folder).name for code in countries_with_demo(folder)}


def demo_for(playbook: Playbook) -> Demo:
    """The demo village of the playbook's country."""
    return load_demo(playbook.country)


# --------------------------------------------------------------------------- building


@contextmanager
def _entry_at(demo: Demo, section: str, index: int) -> Iterator[None]:
    """A fault in one entry, as the core functions report it, with the file and line."""
    try:
        yield
    except GzctlError as exc:
        raise PlaybookError(f"{demo.where(section, index)}: {exc.message}") from exc


def build_project(
    playbook: Playbook, now: dt.datetime, who: str, village: Demo | None = None
) -> Project:
    """The demo project as data (nothing written): ``village``, else the demo village of the
    playbook's country."""
    from gzctl.core import country

    demo = village or demo_for(playbook)
    land = country.for_playbook(playbook)
    project = Project(
        project=ProjectInfo(
            playbook=playbook.id,
            playbook_version=playbook.version,
            created=offset_day(demo.created, now.date()),
        )
    )
    add_history(project, playbook, now, demo, land)
    add_organisations(project, playbook, now, demo)
    add_platforms(project, playbook, now, demo)
    add_activities(project, playbook, now, demo, land)
    add_places(project, now, demo)
    add_coordinator(project, playbook, now, demo, land)
    add_money(project, now, demo)
    add_surveys(project, now, demo)
    add_village_life(project, now, demo)
    add_meetings(project, playbook, now, demo, land)
    if project.village.name != demo.name:
        raise PlaybookError(
            f"{demo.where('demo', 0, 'name')}: de naam '{demo.name}' is niet de naam van het "
            f"dorp in de antwoorden ('{project.village.name}')."
        )
    # one timeline: the inventory's entries fall between the answers and ticks
    project.history.sort(key=lambda h: h.at)
    return project


_META = ("when", "by", "note")


def add_history(
    project: Project, playbook: Playbook, now: dt.datetime, demo: Demo, land: Country | None = None
) -> None:
    """The answers and ticks, each entry read as an answers file (`gzctl init --answers`)."""
    questions = {q.id: q for q in playbook.questions()}
    order = {qid: n for n, qid in enumerate(questions)}
    for i, entry in enumerate(demo.entries("history")):
        at = moment(entry["when"], now)
        change = store.Change(project, entry["by"], at)
        if i == 0:
            change.log("init", f"Project aangemaakt voor {demo.name}", [])
        data = {k: v for k, v in entry.items() if k not in _META}
        with _entry_at(demo, "history", i):
            values, items = ans.parse_answers(
                playbook, _dates(data, "", questions, now.date(), land), source="demo"
            )
            for qid in sorted(values, key=order.__getitem__):  # as the wizard asks them
                ans.set_answer(project, questions[qid], values[qid])
                change.log("answer", f"Beantwoord: {questions[qid].label}", [qid])
            if items:
                ticked = progress.mark_done(
                    playbook, project, items, at.date(), entry["by"], entry.get("note", "")
                )
                titles = "; ".join(t.title for t in ticked)
                change.log("done", "Afgevinkt: " + titles, [t.id for t in ticked])
        for step in playbook.steps:
            if step.questions and ans.step_answered(step, project):
                ans.complete_step(project, step)


def _dates(
    node: dict[str, Any],
    prefix: str,
    questions: dict[str, Any],
    today: dt.date,
    land: Country | None = None,
) -> Any:
    """The answers with each date question's offset ('+24d') made a date; a day that does
    not fit a meeting (a Sunday, a holiday, the Christmas week) moves as the meetings'
    days do, so the first network evening and its meeting fall on the same day."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        path = f"{prefix}.{key}" if prefix else key
        question = questions.get(path)
        offset = parse_offset(value)
        if question is not None and question.type == "date" and offset is not None:
            day = offset_day(offset, today, land)  # ahead: the next fitting day
            out[key] = _fit_back(day, land) if offset.days <= 0 else day  # past: the last one
        elif isinstance(value, dict):
            out[key] = _dates(value, path, questions, today, land)
        else:
            out[key] = value
    return out


def add_organisations(project: Project, playbook: Playbook, now: dt.datetime, demo: Demo) -> None:
    """The inventory and its status changes, in time order, through what `gzctl org` uses."""
    from gzctl.network import inventory as inv

    catalogue = inv.load_catalogue(playbook)
    events = [
        (moment(e["when"], now), n, "organisations", i, e)
        for n, (i, e) in enumerate(enumerate(demo.entries("organisations")))
    ]
    first = len(events)
    events += [
        (moment(e["when"], now), first + n, "status_changes", n, e)
        for n, e in enumerate(demo.entries("status_changes"))
    ]
    events.sort(key=lambda e: (e[0], e[1]))
    for at, _, section, i, entry in events:
        change = store.Change(project, entry["by"], at)
        with _entry_at(demo, section, i):
            if section == "organisations":
                fields = {k: v for k, v in entry.items() if k not in _META}
                org = inv.add(project, fields, catalogue, at.date())
                org.type_guessed = False  # the demo's author chose each name for its type
                change.log("org-add", f"Organisatie op de lijst gezet: {org.name}", [org.id])
            else:
                org, old = inv.change_status(
                    project, entry["organisation"], entry["status"], at.date()
                )
                change.log("org-status", f"{org.name}: {old} → {org.status}", [org.id])


def add_platforms(project: Project, playbook: Playbook, now: dt.datetime, demo: Demo) -> None:
    """The platforms, through the core `gzctl platform` uses."""
    from gzctl.network import platforms as pf

    catalogue = pf.load_catalogue(playbook)
    for i, entry in enumerate(demo.entries("platforms")):
        at = moment(entry["when"], now)
        change = store.Change(project, entry["by"], at)
        with _entry_at(demo, "platforms", i):
            p = pf.add(project, catalogue, entry["platform"], at.date())
            pf.join(project, p.id, [entry["trekker"]], trekker=True)
            if entry.get("members"):
                pf.join(project, p.id, entry["members"])
            change.log("platform-add", f"Platform gestart: {p.title}", [p.id, *p.members])
            for n in entry.get("steps_done", []):
                pf.tick(project, p.id, n, at.date())
            status = entry["status"]
            if status != "idee":
                pf.set_status(project, p.id, status, at.date())
                change.log("platform-status", f"{p.title}: idee → {status}", [p.id])


def add_activities(
    project: Project, playbook: Playbook, now: dt.datetime, demo: Demo, land: Country | None = None
) -> None:
    """A season of activities around today (counts only, never names of residents)."""
    from gzctl.network import inventory as inv
    from gzctl.network import platforms as pf

    orgs = inv.load_catalogue(playbook)
    for i, entry in enumerate(demo.entries("activities")):
        offset: Offset = entry["start"]
        day = offset_day(offset, now.date(), land)
        start = dt.datetime.combine(day, offset.time or dt.time(0))
        # planned ten days ahead, but within the last three weeks of the demo's history
        planned = now + dt.timedelta(days=min(-4, max(-20, offset.days - 10)), hours=-3)
        change = store.Change(project, entry["by"], planned)
        with _entry_at(demo, "activities", i):
            a = pf.add_activity(
                project, orgs, entry["title"], start,
                end=start + dt.timedelta(minutes=entry["minutes"]),
                place=entry.get("place", ""), organisers=entry.get("organisers", ()),
                platform=entry.get("platform", ""), target_groups=entry.get("target_groups"),
                expected=entry.get("expected"), participants=entry.get("participants"),
            )  # fmt: skip
        change.log("activity-add", f"Activiteit gepland: {a.title}", [a.id])


def add_money(project: Project, now: dt.datetime, demo: Demo) -> None:
    """What the network spent and received so far, through what `gzctl geld` uses."""
    from gzctl.network import money

    for i, entry in enumerate(demo.entries("money")):
        at = moment(entry["when"], now)
        with _entry_at(demo, "money", i):
            m = money.add(
                project, entry["kind"], at.date(), money.parse_amount(entry["amount"]),
                item=entry["item"], description=entry.get("description", ""),
                platform=entry.get("platform", ""),
            )  # fmt: skip
        word = "Uitgave" if m.kind == money.SPENT else "Inkomst"
        store.Change(project, entry["by"], at).log(
            f"geld-{m.kind}", f"{word} {money.euro_text(m.amount)}: {m.description or m.item}",
            [m.id],
        )  # fmt: skip


def add_surveys(project: Project, now: dt.datetime, demo: Demo) -> None:
    """Rounds of the residents' survey, counts only, through what `gzctl peiling` uses."""
    from gzctl.network import survey

    questions = survey.load_survey()
    for i, entry in enumerate(demo.entries("surveys")):
        at = moment(entry["when"], now)
        with _entry_at(demo, "surveys", i):
            moment_id = survey.moment_of(entry["moment"])
            survey.set_round(project, moment_id, at.date(), entry["filled"])
            for number, counts in entry["counts"].items():
                survey.set_counts(project, questions, moment_id, number, list(counts))
        store.Change(project, entry["by"], at).log(
            "peiling-ronde", f"Peiling {survey.MOMENTS[moment_id]}: {entry['filled']} ingevuld",
            [moment_id],
        )  # fmt: skip


def add_village_life(project: Project, now: dt.datetime, demo: Demo) -> None:
    """What members already do (recurring) and residents who signed up (counts), through
    what `gzctl vast` and `gzctl aanmelding` use."""
    from gzctl.core.dutch import WEEKDAYS
    from gzctl.network import recurring, signups

    for i, entry in enumerate(demo.entries("recurring")):
        at = moment(entry["when"], now)
        start = offset_day(entry["start"], now.date())
        with _entry_at(demo, "recurring", i):
            if entry.get("weekday"):  # the same weekday on any run date: that day on or before
                if entry["weekday"] not in WEEKDAYS:
                    where = demo.where("recurring", i, "weekday")
                    raise PlaybookError(f"{where}: '{entry['weekday']}' is geen weekdag.")
                back = (start.weekday() - WEEKDAYS.index(entry["weekday"])) % 7
                start -= dt.timedelta(days=back)
                if entry.get("frequency") == "maand":  # the first such day of its month
                    start -= dt.timedelta(weeks=(start.day - 1) // 7)
            r = recurring.add(
                project, entry["organisation"], entry["title"],
                start, time=entry.get("time", ""),
                minutes=entry.get("minutes", 90), frequency=entry.get("frequency", "week"),
                place=entry.get("place", ""),
            )  # fmt: skip
        store.Change(project, entry["by"], at).log(
            "vast-toevoegen", f"Vaste activiteit: {r.title}, {recurring.when_text(r)}", [r.id]
        )
    for i, entry in enumerate(demo.entries("signups")):
        at = moment(entry["when"], now)
        with _entry_at(demo, "signups", i):
            s = signups.add(project, signups.month_of("", at.date()),
                            signups.route_of(entry["route"]), entry["count"])  # fmt: skip
        store.Change(project, entry["by"], at).log(
            "aanmelding", f"{entry['count']} aanmelding(en) {signups.ROUTES[s.route]}", [s.id]
        )


def _fit_back(day: dt.date, land: Country | None) -> dt.date:
    """A day already past that was unfit for a meeting (a Sunday, a holiday) becomes the
    last suitable day before it, so the demo's history never met on one."""
    if land is None:
        return day
    from gzctl.core import calendar_checks

    while not calendar_checks.suitable(day, land, school=False):
        day -= dt.timedelta(days=1)
    return day


def add_meetings(
    project: Project, playbook: Playbook, now: dt.datetime, demo: Demo, land: Country | None = None
) -> None:
    """The meetings (``[[meetings]]``): held ones with their besluitenlijst, actions (by an
    organisation, due and done as offsets) and closed; planned ones ahead. Through the core
    `gzctl overleg` uses, so the chair rotates as it would."""
    from gzctl.network import meetings as mt

    for i, entry in enumerate(demo.entries("meetings")):
        offset: Offset = entry["start"]
        day = offset_day(offset, now.date(), land)
        day = _fit_back(day, land) if offset.days <= 0 else day
        # planned a week ahead, but not before the project began
        ahead = max(demo.created.days + 1, min(-4, offset.days - 7))
        planned = now + dt.timedelta(days=ahead, hours=-2)
        change = store.Change(project, entry["by"], planned)
        with _entry_at(demo, "meetings", i):
            m = mt.add_meeting(
                project, playbook, day, entry["kind"], platform=entry.get("platform", ""),
                time=f"{offset.time:%H:%M}" if offset.time else "",
                place=entry.get("place", ""),
            )  # fmt: skip
            change.log("meeting-add", f"Overleg gepland: {mt.kind_title(playbook, m.kind)}", [m.id])
            # the history moves with the run date, whichever day the calendar gave the meeting
            plain = offset_day(offset, now.date())
            held = dt.datetime.combine(plain, offset.time or dt.time(21, 0)) + dt.timedelta(hours=2)
            after = store.Change(project, entry["by"], held.replace(tzinfo=now.tzinfo))
            for text in entry.get("decisions", []):
                mt.add_decision(m, text)
                after.log("meeting-decision", f"Besluit: {text}", [m.id])
            for action in _demo_actions(entry.get("actions", [])):
                due = _day(action["due"], now)
                a = mt.add_action(project, m, action["text"], action["by"], due)
                if action.get("done"):
                    a.done = _day(action["done"], now)
                after.log("meeting-action", f"Actie: {a.text}", [m.id, a.id])
            if entry.get("closed"):
                m.closed = day + dt.timedelta(days=1)
                after.log("meeting-close", "Overleg gesloten", [m.id])


def _demo_actions(raw: Any) -> list[dict[str, Any]]:
    """A meeting's actions as the demo file writes them (inline tables: text, by, due and
    optionally done, dates as offsets); a GzctlError naming what is wrong."""
    from gzctl.core.errors import UsageProblem

    if not isinstance(raw, list) or not all(isinstance(a, dict) for a in raw):
        raise UsageProblem("'actions' moet een lijst van tabellen zijn (text, by, due, done).")
    for a in raw:
        if not {"text", "by", "due"} <= set(a) or set(a) - {"text", "by", "due", "done"}:
            raise UsageProblem("een actie heeft text, by en due, en eventueel done.")
        for key in ("due", "done"):
            if key in a and parse_offset(a[key]) is None:
                raise UsageProblem(f"actie '{a['text']}': {key} moet een tijd zijn zoals \"-3d\".")
    return raw


def _day(text: str, now: dt.datetime) -> dt.date:
    offset = parse_offset(text)
    assert offset is not None  # checked in _demo_actions
    return offset_day(offset, now.date())


def add_places(project: Project, now: dt.datetime, demo: Demo) -> None:
    """Candidate meeting places, scored, and the one chosen, through what `gzctl place` uses."""
    from gzctl.network import places as pl
    from gzctl.network.criteria import load_criteria

    crit = load_criteria()
    for i, entry in enumerate(demo.entries("places")):
        change = store.Change(project, entry["by"], moment(entry["when"], now))
        fields = {k: v for k, v in entry.items() if k not in ("scored", "scores", *_META)}
        with _entry_at(demo, "places", i):
            place = pl.add(project, fields, crit)
            what = f"Kandidaat-ontmoetingsplek toegevoegd: {place.name}"
            change.log("place-add", what, [place.id])
            if "scores" in entry:
                scored = moment(entry.get("scored", entry["when"]), now)
                change = store.Change(project, entry["by"], scored)
                pl.set_scores(project, place.id, entry["scores"], crit)
                criteria = count(len(entry["scores"]), "criterium", "criteria")
                change.log("place-score", f"{place.name} gescoord ({criteria})", [place.id])
    for entry in demo.entries("chosen_place"):
        change = store.Change(project, entry["by"], moment(entry["when"], now))
        with _entry_at(demo, "chosen_place", 0):
            place = pl.choose(project, entry["place"], entry["reason"], change.now.date(), crit)
        change.log("place-choose", f"Ontmoetingsplek gekozen: {place.name}", [place.id])


def add_coordinator(
    project: Project, playbook: Playbook, now: dt.datetime, demo: Demo, land: Country | None = None
) -> None:
    """The Coördinator's profile, the hand-ticked items, the candidates and the appointment,
    through the core functions `gzctl coordinator` and `gzctl done` use."""
    from gzctl.network import coordinator as co
    from gzctl.network.criteria import load_criteria

    crit = load_criteria()
    for entry in demo.entries("coordinator"):
        change = store.Change(project, entry["by"], moment(entry["when"], now))
        profile = {k: v for k, v in entry.items() if k not in ("answers", "start", *_META)}
        if "start" in entry:
            profile["start"] = offset_day(entry["start"], now.date(), land).isoformat()
        with _entry_at(demo, "coordinator", 0):
            co.set_profile(project, playbook, profile)
            values, _ = ans.parse_answers(playbook, entry.get("answers", {}), source="demo")
        questions = {q.id: q for q in playbook.questions()}
        for qid, value in values.items():
            ans.set_answer(project, questions[qid], value)
        change.log(
            "coordinator-profile", f"Profiel {verbinder(playbook)}: uren, werkgever, geld", []
        )
    for i, entry in enumerate(demo.entries("ticks")):
        change = store.Change(project, entry["by"], moment(entry["when"], now))
        with _entry_at(demo, "ticks", i):
            ticked = progress.mark_done(
                playbook, project, entry["done"], change.now.date(), entry["by"]
            )
        titles = "; ".join(t.title for t in ticked)
        change.log("done", "Afgevinkt: " + titles, [t.id for t in ticked])
    ids: dict[str, str] = {}
    for i, entry in enumerate(demo.entries("candidates")):
        change = store.Change(project, entry["by"], moment(entry["when"], now))
        with _entry_at(demo, "candidates", i):
            cand = co.add_candidate(
                project, entry["name"], lives_in_village=entry.get("lives_in_village", False)
            )
            ids[entry["name"]] = cand.id
            word = verbinder(playbook)
            change.log("candidate-add", f"Kandidaat voor {word}: {cand.name}", [cand.id])
            for assessor, card in entry.get("scores", {}).items():
                scored = moment(entry.get("scored", entry["when"]), now)
                change = store.Change(project, assessor, scored)
                co.score(project, cand.id, assessor, card, crit)
                change.log("candidate-score", f"Scorekaart ingevuld door {assessor}", [cand.id])
    for entry in demo.entries("appointment"):
        change = store.Change(project, entry["by"], moment(entry["when"], now))
        with _entry_at(demo, "appointment", 0):
            cand = co.appoint(
                project, ids.get(entry["candidate"], entry["candidate"]), change.now.date()
            )
        title = verbinder(playbook, capital=True)
        change.log("coordinator-appoint", f"{title} aangesteld: {cand.name}", [cand.id])


def build_demo(folder: Path, playbook: Playbook, now: dt.datetime, who: str) -> Project:
    """Build the demo village of the playbook's country and write it to ``folder``; the
    project returned is the one read back (its tables in the file's order), as every later
    command sees it: its documents' records then hold for `gzctl docs list`."""
    project = build_project(playbook, now, who)
    store.create(folder, project)
    return store.load(folder)
