"""The project as plain dataclasses, and their conversion to and from TOML-ready dicts.

The conversion is generic (driven by the type hints) so that later parts of gzctl add a
dataclass and a field, and get validation with a precise key path for free. Keys are
written in field order; dict keys are sorted; a field equal to its default is left out,
so that a small change in the project gives a small diff in ``gzctl.toml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import field
from typing import Any, TypeVar

from gzctl.core.records import Record, record
from gzctl.core.tomlfile import flatten, unflatten

SCHEMA_VERSION = 1



T = TypeVar("T")


@record
class ProjectInfo(Record):
    """Which playbook the project follows; ``playbook`` is a built-in name or a file path."""

    playbook: str = field(default="gemeenschapszorg", metadata={"always": True})
    playbook_version: str = ""
    created: dt.date | None = None


@record
class Village(Record):
    """The village the project is for."""

    name: str = ""
    municipality: str = ""
    province: str = ""
    inhabitants: int | None = None


@record
class Person(Record):
    """An initiator: only what is needed to work together (AVG: work contact, no more)."""

    name: str
    email: str = ""
    phone: str = ""
    role: str = ""


@record
class ChecklistEntry(Record):
    """The state of one checklist item: done, when, by whom, and a note."""

    done: bool = False
    date: dt.date | None = None
    by: str = ""
    note: str = ""


@record
class Contact(Record):
    """An organisation's contact person. Personal data (AVG): only the work contact and how
    to address them in a letter ("Beste Karin", "Geachte heer Jansen"); nothing else."""

    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    salutation: str = ""
    # May the name (and role) appear on the village website? Default no.
    publish_name: bool = False


@record
class Organisation(Record):
    """One organisation in the village's inventory (the sociale kaart).

    ``kind`` is vrijwilligers, professioneel, overheid or ondernemer; ``type`` is an id from
    playbooks/organisatietypen.toml or free text; ``type_guessed`` says the type was read from
    the name and no person confirmed it yet (a guess never chooses a letter's salutation or a
    place on the residents' card); ``reach`` is the achterban (people reached, an estimate);
    ``dates`` holds the day each network status was reached; ``confirmed`` the day it last
    answered the yearly "doen jullie nog mee?" with yes (gzctl org nog-mee)."""

    id: str
    name: str
    kind: str = "vrijwilligers"
    type: str = ""
    type_guessed: bool = False
    sectors: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    reach: int | None = None
    address: str = ""
    postcode: str = ""
    place: str = ""
    contact: Contact = field(default_factory=Contact)
    status: str = field(default="geïnventariseerd", metadata={"always": True})
    dates: dict[str, dt.date] = field(default_factory=dict)
    notes: str = ""
    confirmed: dt.date | None = None


@record
class Place(Record):
    """A candidate meeting place. ``access`` and ``facilities`` hold tags from
    playbooks/selectiecriteria.toml; ``home_of`` names the club whose home ground it is (less
    neutral); ``scores`` is criterion id -> 1..5."""

    id: str
    name: str
    kind: str = ""
    address: str = ""
    seats: int | None = None
    rent: float | None = None
    evenings: list[str] = field(default_factory=list)
    access: list[str] = field(default_factory=list)
    facilities: list[str] = field(default_factory=list)
    home_of: str = ""
    scores: dict[str, int] = field(default_factory=dict)
    notes: str = ""


@record
class MeetingPlace(Record):
    """The decision (``chosen`` is a place id) and the project's own criteria settings:
    ``weights`` override the playbook's, ``required`` replaces its hard requirements."""

    chosen: str = ""
    reason: str = ""
    date: dt.date | None = None
    weights: dict[str, float] = field(default_factory=dict)
    required: list[str] | None = None


@record
class Candidate(Record):
    """A Coördinator candidate. Personal data (AVG): only what selection needs; removed
    completely, history included, with ``gzctl coordinator candidate forget``.
    ``scores`` is assessor -> criterion id -> 1..5."""

    id: str
    name: str
    email: str = ""
    phone: str = ""
    lives_in_village: bool | None = None
    scores: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: str = ""


@record
class Coordinator(Record):
    """The project's choices beyond the wizard answers (hours, employer and funding live in
    ``answers`` as organiseren.uren / werkgever / financiering), the candidates and the
    appointment (``appointed`` is a candidate id)."""

    hourly_cost: float | None = None
    weeks_per_year: int | None = None
    activity_budget: float | None = None
    start: dt.date | None = None
    candidates: list[Candidate] = field(default_factory=list)
    appointed: str = ""
    appointed_date: dt.date | None = None


@record
class PlatformTask(Record):
    """One item of a platform's own checklist (copied from the catalogue's first steps)."""

    title: str
    done: bool = False
    date: dt.date | None = None


@record
class Platform(Record):
    """A thematic platform: organisations working together on one theme.

    ``template`` is the catalogue id it started from (playbooks/platforms.toml), or empty
    for a platform of the village's own; ``members`` are organisation ids (sorted);
    ``trekker`` is the member that leads; ``dates`` holds the day each status was reached."""

    id: str
    title: str
    template: str = ""
    aim: str = ""
    status: str = field(default="idee", metadata={"always": True})
    members: list[str] = field(default_factory=list)
    trekker: str = ""
    tasks: list[PlatformTask] = field(default_factory=list)
    dates: dict[str, dt.date] = field(default_factory=dict)
    notes: str = ""


@record
class Activity(Record):
    """A joint activity. Participants are counts only, never names (AVG).

    ``start``/``end`` are local times in the village (Europe/Amsterdam; Brussels keeps the
    same clock); ``organisers`` are organisation ids; ``platform`` a platform id or empty."""

    id: str
    title: str
    start: dt.datetime
    end: dt.datetime | None = None
    place: str = ""
    organisers: list[str] = field(default_factory=list)
    platform: str = ""
    target_groups: list[str] = field(default_factory=list)
    expected: int | None = None
    participants: int | None = None
    description: str = ""


@record
class CancelledActivity(Record):
    """An activity that was removed (``gzctl activity remove``), kept for a while so that the
    calendar feed can tell the calendars that imported or subscribed to it that it does not
    go ahead (STATUS:CANCELLED under the same UID), instead of leaving it there for good.

    Only what the calendar event needs: the id (the UID), title and times; ``cancelled`` is
    the day it was removed (a day, not a moment: two clones that remove the same activity on
    the same day merge without a conflict), ``sequence`` the SEQUENCE of the cancelled event
    (one above the last one published). How long it stays:
    ``network.platforms.CANCELLED_DAYS``."""

    id: str
    title: str
    start: dt.datetime
    cancelled: dt.date
    sequence: int = 1
    end: dt.datetime | None = None


@record
class MoneyEntry(Record):
    """One amount the network spent or received (``gzctl geld``): money, never people.

    ``kind`` is "uitgave" or "inkomst"; ``amount`` in euros (positive); ``item`` the budget
    post of a spending (salaris, activiteiten, overig) or the source of an income
    ("gemeente", a fund's name); ``platform`` a platform id or empty."""

    id: str
    date: dt.date
    amount: float
    kind: str = "uitgave"
    item: str = ""
    description: str = ""
    platform: str = ""


@record
class SurveyRound(Record):
    """One round of the residents' survey (``gzctl peiling``): counts only, never who.

    ``id`` is start, 12-maanden or 18-maanden; ``filled`` how many filled it in; ``counts``
    per question id, per answer id, how many gave that answer."""

    id: str
    date: dt.date | None = None
    filled: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


@record
class RecurringActivity(Record):
    """A member's own recurring activity (``gzctl vast``): what already happens in the
    village. No persons. ``org`` is an organisation id; ``start`` the first day (its weekday,
    and for ``maand`` its week of the month, give the rhythm); ``frequency`` is week,
    twee-weken or maand; ``time`` "14:00" or empty (all day)."""

    id: str
    org: str
    title: str
    start: dt.date
    time: str = ""
    minutes: int = 90
    frequency: str = "week"
    place: str = ""


@record
class Signup(Record):
    """Residents who said "Doe mee" (``gzctl aanmelding``): how many, in which month
    ("2027-03") and through which route; never who. ``id`` is month-route."""

    id: str
    month: str
    route: str
    count: int = 0


@record
class MeetingAction(Record):
    """An action agreed in a meeting: what, which organisation does it (``by``, an
    organisation id: never a resident's name), before when (``due``) and the day it was
    done (``done``). ``id`` is unique in the project (a slug of the text), so
    ``gzctl overleg actie-klaar ID`` needs no meeting."""

    id: str
    text: str
    by: str = ""
    due: dt.date | None = None
    done: dt.date | None = None


@record
class Meeting(Record):
    """A meeting of the network (``kind``: netwerkavond, werkgroep or startgroep; the
    playbook's ``[[meeting_kinds]]``), optionally of one platform's working group.

    ``chair`` is the organisation that leads it (the gespreksleider, by rotation among the
    members); ``decisions`` its besluitenlijst in order; ``closed`` the day the meeting was
    closed (``gzctl overleg klaar``), after which its verslag is made. Organisations and
    roles only, never residents' names."""

    id: str
    date: dt.date
    kind: str = field(default="netwerkavond", metadata={"always": True})
    platform: str = ""
    time: str = ""
    place: str = ""
    chair: str = ""
    # the chair was given (--voorzitter), not chosen by rotation: a meeting added before
    # this one leaves it as it is
    chair_chosen: bool = False
    decisions: list[str] = field(default_factory=list)
    actions: list[MeetingAction] = field(default_factory=list)
    closed: dt.date | None = None


@record
class WizardState(Record):
    """Steps the wizard has walked through, in the order they were completed; ``later``: ids
    of questions the user chose to fill in later ("Later invullen"), sorted; ``parts``: see
    below."""

    completed: list[str] = field(default_factory=list)
    later: list[str] = field(default_factory=list)
    # parts of a long step already walked through ("verkennen.inventaris:zorg"), so a step
    # interrupted half-way goes on at the next part; cleared when the step is completed
    parts: list[str] = field(default_factory=list)
    # who the login names are among the initiators ("Wie ben jij?", asked once per login):
    # the wizard's history records that name instead of the login name
    people: dict[str, str] = field(default_factory=dict)


@record
class GitSettings(Record):
    """``autocommit``: every change to gzctl.toml becomes a git commit (``gzctl config``)."""

    autocommit: bool = False


@record
class SiteSettings(Record):
    """``url``: where the village website will be online (for the poster's QR code and the
    feed's links); empty until someone puts the site online (``gzctl config site.url``)."""

    url: str = ""


@record
class Settings(Record):
    """Per-project settings, set with ``gzctl config``; all defaults leave the file unchanged."""

    git: GitSettings = field(default_factory=GitSettings)
    site: SiteSettings = field(default_factory=SiteSettings)


@record
class MergeConflict(Record):
    """A change both sides of a git merge made differently (gzctl/core/merge.py).

    ``key`` is the dotted place shown to the user (``answers.verbinden.missie``); ``path`` the
    same place in the file's tables, where a list of records is entered by the record's id.
    ``mine``/``other`` are the two values (absent = that side removed it), ``base`` the value
    before both; the file holds ``mine`` (or ``other`` when mine was removed) until
    ``gzctl merge resolve`` settles it. ``mine_by``/``other_by`` name who last changed each side."""

    key: str
    path: list[str]
    mine: Any = None
    other: Any = None
    base: Any = None
    mine_by: str = ""
    other_by: str = ""


@record
class HistoryEntry(Record):
    """One line of the project's history: who did what, when, to which ids."""

    at: dt.datetime
    who: str
    action: str
    what: str
    ids: list[str] = field(default_factory=list)


@record
class Project(Record):
    """The whole project as stored in gzctl.toml."""

    schema_version: int = field(default=SCHEMA_VERSION, metadata={"always": True})
    project: ProjectInfo = field(default_factory=ProjectInfo)
    village: Village = field(default_factory=Village)
    initiators: list[Person] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict, metadata={"nested": True})
    checklist: dict[str, ChecklistEntry] = field(default_factory=dict)
    wizard: WizardState = field(default_factory=WizardState)
    organisations: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    meeting_place: MeetingPlace = field(default_factory=MeetingPlace)
    coordinator: Coordinator = field(default_factory=Coordinator)
    platforms: list[Platform] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    cancelled_activities: list[CancelledActivity] = field(default_factory=list)
    money: list[MoneyEntry] = field(default_factory=list)
    surveys: list[SurveyRound] = field(default_factory=list)
    recurring: list[RecurringActivity] = field(default_factory=list)
    signups: list[Signup] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    conflicts: list[MergeConflict] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)


# --------------------------------------------------------------------------- conversion


Path = tuple[str | int, ...]


def format_key(parts: Path) -> str:
    """("checklist", "verkennen.x", "done") -> 'checklist."verkennen.x".done'; ints as [n]."""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p + 1}]"
        else:
            text = f'"{p}"' if (not p or any(c in p for c in '. "=[]')) else p
            out += f".{text}" if out else text
    return out


class ConversionError(Exception):
    """A value in the data does not fit the model; ``parts`` is the key path to it."""

    def __init__(self, parts: Path, message: str) -> None:
        self.parts = parts
        self.key = format_key(parts) or "(bestand)"
        self.message = message
        super().__init__(f"{self.key}: {message}")


_TYPE_NAMES = {
    str: "tekst",
    int: "een geheel getal",
    float: "een getal",
    bool: "true of false",
    dt.date: "een datum (JJJJ-MM-DD)",
    dt.datetime: "een datum met tijd",
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f'tekst ("{value}")' if len(value) < 40 else "tekst"
    if isinstance(value, int):
        return f"het getal {value}"
    if isinstance(value, float):
        return f"het getal {value}"
    if isinstance(value, dict):
        return "een tabel"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dt.datetime):
        return "een datum met tijd"
    if isinstance(value, dt.date):
        return "een datum"
    return type(value).__name__


def _join(path: Path, key: str | int) -> Path:
    return (*path, key)


_hints_cache: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _hints_cache.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _hints_cache[cls] = hints
    return hints


Converter = typing.Callable[[Any, Path], Any]
_converters: dict[Any, Converter] = {}


def _convert(tp: Any, value: Any, path: Path) -> Any:
    return _converter(tp)(value, path)


def _converter(tp: Any) -> Converter:
    """One function per type hint, built once: reading a thousand villages spends its time
    here, so the type is looked at when the converter is built, not for every value."""
    conv = _converters.get(tp)
    if conv is None:
        conv = _build_converter(tp)
        _converters[tp] = conv
    return conv


def _bounded(value: Any, path: Path) -> Any:
    """A number, date or time within sane bounds (gzctl/core/bounds.py: finite, integers up
    to 2**53, years 1900-2200); else ConversionError with the reason."""
    from gzctl.core.bounds import scalar_fault

    reason = scalar_fault(value)
    if reason:
        raise ConversionError(path, reason)
    return value


def _build_converter(tp: Any) -> Converter:
    if tp is Any:
        return lambda value, path: value
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        inner = [a for a in typing.get_args(tp) if a is not type(None)][0]

        def optional(value: Any, path: Path) -> Any:
            if value is None:
                return None
            return _converter(inner)(value, path)

        return optional
    if origin is list:
        (item_tp,) = typing.get_args(tp)

        def listed(value: Any, path: Path) -> Any:
            if not isinstance(value, list):
                raise ConversionError(path, f"moet een lijst zijn, niet {_describe(value)}")
            item = _converter(item_tp)
            return [item(v, (*path, i)) for i, v in enumerate(value)]

        return listed
    if origin is dict:
        _, val_tp = typing.get_args(tp)

        def mapped(value: Any, path: Path) -> Any:
            if not isinstance(value, dict):
                raise ConversionError(path, f"moet een tabel zijn, niet {_describe(value)}")
            item = _converter(val_tp)
            return {str(k): item(v, (*path, k)) for k, v in value.items()}

        return mapped
    if dataclasses.is_dataclass(tp):
        assert isinstance(tp, type)
        cls = tp
        return lambda value, path: from_dict(cls, value, path)
    return _scalar_converter(tp)


def _scalar_converter(tp: Any) -> Converter:
    """The converter for a single value of type ``tp`` (not a list, table or dataclass)."""
    if tp is bool:
        check: typing.Callable[[Any], bool] = lambda v: isinstance(v, bool)  # noqa: E731
    elif tp is int:
        check = lambda v: isinstance(v, int) and not isinstance(v, bool)  # noqa: E731
    elif tp is float:

        def as_float(value: Any, path: Path) -> Any:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return _bounded(float(value), path)
            raise ConversionError(path, f"moet {_TYPE_NAMES[float]} zijn, niet {_describe(value)}")

        return as_float
    elif tp is dt.date:
        check = lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)  # noqa: E731
    elif tp is dt.datetime:
        check = lambda v: isinstance(v, dt.datetime)  # noqa: E731
    else:
        check = lambda v: isinstance(v, tp)  # noqa: E731
    want = _TYPE_NAMES.get(tp, getattr(tp, "__name__", str(tp)))

    def scalar(value: Any, path: Path) -> Any:
        if check(value):
            return value if tp is bool else _bounded(value, path)
        raise ConversionError(path, f"moet {want} zijn, niet {_describe(value)}")

    if tp is str:  # the most common by far: no call through check

        def text(value: Any, path: Path) -> Any:
            if isinstance(value, str):
                return value
            raise ConversionError(path, f"moet {want} zijn, niet {_describe(value)}")

        return text
    return scalar


# Per dataclass, for reading: the known names, and per field (name, converter, required,
# nested). Built on first use.
_readers: dict[type, tuple[frozenset[str], list[tuple[str, Converter, bool, bool]]]] = {}


def _reader(cls: type) -> tuple[frozenset[str], list[tuple[str, Converter, bool, bool]]]:
    found = _readers.get(cls)
    if found is None:
        hints = _hints(cls)
        fields = dataclasses.fields(cls)
        found = (
            frozenset(f.name for f in fields),
            [
                (
                    f.name,
                    _converter(hints[f.name]),
                    f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
                    bool(f.metadata.get("nested")),
                )
                for f in fields
            ],
        )
        _readers[cls] = found
    return found


def from_dict(cls: type[T], data: Any, path: Path = ()) -> T:
    """Build ``cls`` from TOML data, raising ConversionError with the dotted key on a misfit."""
    if not isinstance(data, dict):
        raise ConversionError(path, f"moet een tabel zijn, niet {_describe(data)}")
    assert dataclasses.is_dataclass(cls)
    known, plan = _reader(cls)
    for key in data:
        if key not in known:
            from gzctl.core.errors import did_you_mean

            raise ConversionError(
                _join(path, key), "onbekende sleutel." + did_you_mean(key, list(known_order(cls)))
            )
    kwargs: dict[str, Any] = {}
    for name, conv, required, nested in plan:
        if name not in data:
            if required:
                raise ConversionError(_join(path, name), "ontbreekt")
            continue
        value = data[name]
        if nested:
            if not isinstance(value, dict):
                raise ConversionError(_join(path, name), "moet een tabel zijn")
            value = flatten(value)
        kwargs[name] = conv(value, (*path, name))
    return cls(**kwargs)


def known_order(cls: type) -> list[str]:
    """The field names of a dataclass in declaration order (for 'bedoelde je' hints)."""
    return [f.name for f in dataclasses.fields(cls)]


def _default_of(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, dict):
        return {k: _encode(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    return value


# Per dataclass: (name, default or MISSING, always written, nested). The defaults made by a
# default_factory are only compared with, never handed out, so one instance serves all
# (a 2,000-organisation inventory is written in a fraction of the time).
_plans: dict[type, list[tuple[str, Any, bool, bool]]] = {}


def _plan(cls: type) -> list[tuple[str, Any, bool, bool]]:
    plan = _plans.get(cls)
    if plan is None:
        plan = [
            (f.name, _default_of(f), bool(f.metadata.get("always")), bool(f.metadata.get("nested")))
            for f in dataclasses.fields(cls)
        ]
        _plans[cls] = plan
    return plan


def to_dict(obj: Any) -> dict[str, Any]:
    """TOML-ready dict in field order; fields equal to their default are left out."""
    out: dict[str, Any] = {}
    for name, default, always, nested in _plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if not always and default is not dataclasses.MISSING:
            if value == default:
                continue
        if nested:
            out[name] = unflatten({k: _encode(v) for k, v in value.items()})
        else:
            out[name] = _encode(value)
    return out
