"""Platforms (thematic working groups) and joint activities: pure functions over the project.

The catalogue of typical platforms is data (``playbooks/platforms.toml``), checked on load
against the organisation-type catalogue. ``suggest`` tells which organisations of the
inventory fit each catalogue platform, which required kinds of organisation are missing and
how ready the village is to start it. The platform and activity operations change a
:class:`~gzctl.model.Project` handed in; the shell wraps them in a ``store.transaction``.
Nothing here prompts, prints or reads the clock. Activities hold counts of participants
only, never names (AVG).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gzctl.core import datafiles
from gzctl.core.errors import NotFound, Refused, UsageProblem, did_you_mean
from gzctl.core.model import (
    Activity,
    CancelledActivity,
    Organisation,
    Platform,
    PlatformTask,
    Project,
)
from gzctl.core.playbook import Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.text import clean as clean_text
from gzctl.core.text import strip_controls
from gzctl.network import inventory as inv
from gzctl.network.summaries import platform_summary
from gzctl.network.vocabulary import OPEN_EVENING_PREFIX, PLATFORM_STATUSES

STATUSES = PLATFORM_STATUSES  # gzctl/network/vocabulary.py
ROLES: tuple[str, ...] = ("trekker", "deelnemer")

_STATUS_WORDS = {
    "idee": "idee", "plan": "idee", "idea": "idee",
    "inoprichting": "in oprichting", "oprichting": "in oprichting", "opstart": "in oprichting",
    "starting": "in oprichting",
    "actief": "actief", "active": "actief", "loopt": "actief",
    "gestopt": "gestopt", "stopped": "gestopt", "gestaakt": "gestopt", "klaar": "gestopt",
}  # fmt: skip

# ----------------------------------------------------------------------------- catalogue


@_frozen_record
class Role(_FrozenRecord):
    """A role a platform needs, and the organisation types that can fill it."""

    label: str
    types: tuple[str, ...]
    role: str
    required: bool


@_frozen_record
class PlatformType(_FrozenRecord):
    """A kind of platform in the catalogue: aim, roles, first steps and indicators."""

    id: str
    title: str
    aim: str
    target_groups: tuple[str, ...]
    sectors: tuple[str, ...]
    functions: tuple[str, ...]
    traits: tuple[str, ...]
    first_steps: tuple[str, ...]
    indicators: tuple[str, ...]
    roles: tuple[Role, ...]
    # the wording of the stappenplan's theme options that means this platform ("Eenzaamheid
    # onder ouderen" for "Sociaal programma voor eenzame ouderen"), when it is not the title
    themes: tuple[str, ...] = ()


@_frozen_record
class Lens(_FrozenRecord):
    """What a kind of organisation contributes by itself to the coverage lenses."""

    functions: tuple[str, ...]
    traits: tuple[str, ...]


@_frozen_record
class PlatformCatalogue(_FrozenRecord):
    """The platform catalogue: functions, traits, platform types and the lenses of org types."""

    version: str
    functions: tuple[inv.Label, ...]
    traits: tuple[inv.Label, ...]
    platforms: tuple[PlatformType, ...]
    type_lenses: dict[str, Lens]

    def get(self, pid: str) -> PlatformType | None:
        """The platform type with this id, or None."""
        return next((p for p in self.platforms if p.id == pid), None)

    def match(self, text: str) -> PlatformType | None:
        """By id or title, ignoring case, accents and punctuation ('beweegweek')."""
        key = inv.compact(text)
        for p in self.platforms:
            if key in (inv.compact(p.id), inv.compact(p.title), *map(inv.compact, p.themes)):
                return p
        for p in self.platforms:
            if key and inv.compact(p.title).startswith(key) and len(key) >= 4:
                return p
        return None


CATALOGUE_FILE = "platforms.toml"
_cache: dict[tuple[str, float], PlatformCatalogue] = {}


def load_catalogue(
    path: Path | Playbook | None = None, org_catalogue: inv.Catalogue | None = None
) -> PlatformCatalogue:
    """The platform catalogue a playbook names (checked against that playbook's organisation
    types), the one at a path, or the shipped Dutch one; checked: all faults at once."""
    from gzctl.core.datafiles import load_data
    from gzctl.core.paths import data_dir

    if isinstance(path, Playbook):
        org_catalogue = org_catalogue or inv.load_catalogue(path)
        source = path.catalogue_path("platforms")
        # a memo keyed on the file alone is right: the file names its own organisation types
        return load_data(source, lambda data: parse_catalogue(data, org_catalogue, source.name),
                         _cache)  # fmt: skip
    source = path or data_dir("playbooks") / CATALOGUE_FILE
    return load_data(
        source,
        lambda data: parse_catalogue(data, org_catalogue or inv.load_catalogue(), source.name),
        _cache,
        use_memo=org_catalogue is None,
    )


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


_F = datafiles.Field
_ROLE: datafiles.Schema = {
    "label": _F("text", required=True),
    "types": _F("texts", True, "types", "organisatietype"),
    "role": _F("choice", known=ROLES),
    "required": _F("bool"),
}
_LENS: datafiles.Schema = {
    "functions": _F("texts", known="functions", what="functie"),
    "traits": _F("texts", known="traits", what="kenmerk"),
}
_PLATFORM = datafiles.Entries(
    {
        "title": _F("text", required=True),
        "aim": _F("text", required=True),
        "target_groups": _F("texts", True, "target_groups", "doelgroep"),
        "sectors": _F("texts", True, "sectors", "sector"),
        "functions": _F("texts", True, "functions", "functie"),
        "traits": _F("texts", known="traits", what="kenmerk"),
        "first_steps": _F("texts", required=True),
        "indicators": _F("texts", required=True),
        "themes": _F("texts"),
        "roles": _F(
            "tables",
            True,
            schema=_ROLE,
            noun="rol",
            missing="geen [[platforms.roles]]: wie doet er mee?",
        ),  # fmt: skip
    },
    noun="platform",
    missing="een lijst [[platforms]] ontbreekt",
    id=_SLUG,
)


def parse_catalogue(
    data: dict[str, Any], orgs: inv.Catalogue, name: str = CATALOGUE_FILE
) -> PlatformCatalogue:
    """The platform catalogue, checked against its schema and the organisation types."""
    check = datafiles.Checker(name)
    check.top(data, ("catalogue", "functions", "traits", "platforms", "organisation_types"))
    version = str((data.get("catalogue") or {}).get("version", ""))
    functions = tuple(inv.Label(i, t) for i, t in datafiles.labels(
        check, data, "functions", "functies van buurtgerichte zorg"))  # fmt: skip
    traits = tuple(inv.Label(i, t) for i, t in datafiles.labels(
        check, data, "traits", "kenmerken van een zorgzame buurt"))  # fmt: skip
    known: datafiles.Known = {
        "functions": [f.id for f in functions],
        "traits": [t.id for t in traits],
        "types": [t.id for t in orgs.types],
        "target_groups": orgs.group_ids,
        "sectors": orgs.sector_ids,
    }
    platforms = tuple(
        PlatformType(
            id=pid,
            **{k: v for k, v in entry.items() if k != "roles"},
            roles=tuple(Role(**r) for r in entry["roles"]),
        )
        for _, pid, entry in check.entries(data, "platforms", _PLATFORM, known)
    )
    lenses = _lenses(check, data.get("organisation_types", {}), known)
    check.done()
    return PlatformCatalogue(version, functions, traits, platforms, lenses)


def _lenses(check: datafiles.Checker, raw: Any, known: datafiles.Known) -> dict[str, Lens]:
    """What each organisation type covers by itself (``[organisation_types]``)."""
    if not isinstance(raw, dict):
        check.fault("organisation_types", "moet een tabel zijn")
        return {}
    lenses: dict[str, Lens] = {}
    for tid, entry in raw.items():
        where = f"organisation_types.{tid}"
        types = list(known["types"])
        if tid not in types:
            check.fault(where, "onbekend organisatietype." + did_you_mean(tid, types))
        elif isinstance(entry, dict):
            lens = check.table(where, entry, _LENS, known)
            lenses[tid] = Lens(lens["functions"], lens["traits"])
        else:
            check.fault(where, "moet een tabel zijn")
    return lenses


# ----------------------------------------------------------------------------- suggest


def _fits_by_profile(org: Organisation, ptype: PlatformType) -> bool:
    """An organisation without a catalogue type role fits by sector and target group."""
    if not set(org.sectors) & set(ptype.sectors):
        return False
    if "A" in ptype.target_groups or "A" in org.target_groups:
        return True
    return bool(set(org.target_groups) & set(ptype.target_groups))


def suggest_one(project: Project, ptype: PlatformType) -> dict[str, Any]:
    """Which organisations fit, which required roles are missing, and a readiness score.

    Score (0-100): required roles filled count for 60, optional roles for 25, a candidate
    for trekker for 15. It can start when every required role is filled."""
    orgs = inv.active(project)
    fits: list[dict[str, Any]] = []
    by_role: list[list[str]] = []
    placed: set[str] = set()
    for role in ptype.roles:
        ids = [o.id for o in orgs if o.type in role.types]
        by_role.append(ids)
        for oid in ids:
            if oid not in placed:
                placed.add(oid)
                org = next(o for o in orgs if o.id == oid)
                fits.append(
                    {
                        "id": org.id,
                        "name": org.name,
                        "role": role.role,
                        "as": role.label,
                        "why": "type",
                        "status": org.status,
                    }  # fmt: skip
                )
    for org in orgs:
        if org.id not in placed and _fits_by_profile(org, ptype):
            fits.append(
                {
                    "id": org.id,
                    "name": org.name,
                    "role": "deelnemer",
                    "as": "",
                    "why": "sector en doelgroep",
                    "status": org.status,
                }  # fmt: skip
            )
    required = [(r, ids) for r, ids in zip(ptype.roles, by_role, strict=True) if r.required]
    optional = [(r, ids) for r, ids in zip(ptype.roles, by_role, strict=True) if not r.required]
    missing = [r.label for r, ids in required if not ids]
    if required:
        req_part = sum(1 for _, ids in required if ids) / len(required)
    else:  # no role is indispensable, but somebody has to do it
        req_part = 1.0 if any(by_role) else 0.0
    opt_part = sum(1 for _, ids in optional if ids) / len(optional) if optional else 1.0
    trekker = any(ids for r, ids in zip(ptype.roles, by_role, strict=True) if r.role == "trekker")
    score = round(100 * (0.6 * req_part + 0.25 * opt_part + 0.15 * (1 if trekker else 0)))
    existing = next((p.id for p in project.platforms if p.template == ptype.id), None)
    return {
        "id": ptype.id,
        "title": ptype.title,
        "aim": ptype.aim,
        "can_start": not missing and any(by_role),
        "readiness": score,
        "missing": missing,
        "fits": fits,
        "trekker_candidates": [f["id"] for f in fits if f["role"] == "trekker"],
        "in_project": existing,
    }


def suggest(project: Project, catalogue: PlatformCatalogue) -> list[dict[str, Any]]:
    """Every catalogue platform: new ones before those the project already has, then the
    ones that can start and are most ready first."""
    out = [suggest_one(project, p) for p in catalogue.platforms]
    return sorted(
        out,
        key=lambda s: (s["in_project"] is not None, not s["can_start"], -s["readiness"], s["id"]),
    )


# ----------------------------------------------------------------------------- platforms


def parse_status(raw: str) -> str:
    """The platform status a user's word stands for; a usage problem when unknown."""
    key = inv.compact(raw)
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    raise UsageProblem(
        f"status '{raw.strip()}' ken ik niet. Kies uit: " + ", ".join(STATUSES) + "."
    )


def find(project: Project, raw: str) -> Platform:
    """The platform with this id, title or template; not found when none or several match."""
    text = raw.strip()
    for p in project.platforms:
        if p.id == text:
            return p
    key = inv.compact(text)
    hits = [p for p in project.platforms if key in (inv.compact(p.title), inv.compact(p.template))]
    if len(hits) == 1:
        return hits[0]
    ids = [p.id for p in project.platforms]
    raise NotFound(
        f"Geen platform '{text}' in dit project."
        + did_you_mean(inv.slugify(text), ids)
        + " Zie: gzctl platform list"
    )


def _sort(project: Project) -> None:
    project.platforms.sort(key=lambda p: p.id)


def add(
    project: Project,
    catalogue: PlatformCatalogue,
    raw: str,
    today: dt.date,
    aim: str = "",
    new: bool = False,
) -> Platform:
    """From the catalogue (by id or title) unless ``new``; a platform of one's own otherwise.
    A catalogue platform copies its aim and its first steps as the checklist."""
    text = clean_text(raw)
    aim = clean_text(aim, multiline=True)
    if not text:
        raise UsageProblem("geef het platform: een id uit de catalogus of een eigen titel.")
    ptype = None if new else catalogue.match(text)
    title = ptype.title if ptype else text
    taken = {p.id for p in project.platforms}
    if ptype is not None:
        twin = next((p for p in project.platforms if p.template == ptype.id), None)
        if twin is not None:
            raise Refused(f"Het project heeft al een {ptype.title}: {twin.id}.")
    twin = next((p for p in project.platforms if inv.compact(p.title) == inv.compact(title)), None)
    if twin is not None:
        raise Refused(f"Er is al een platform '{twin.title}' ({twin.id}).")
    from gzctl.core.bounds import check_name

    check_name(title, "de naam van het platform")
    pid = inv.unique_id(ptype.id if ptype else title, taken)
    platform = Platform(
        id=pid,
        title=title,
        template=ptype.id if ptype else "",
        aim=aim or (ptype.aim if ptype else ""),
        tasks=[PlatformTask(s) for s in ptype.first_steps] if ptype else [],
        dates={"idee": today},
    )
    project.platforms.append(platform)
    _sort(project)
    return platform


def join(
    project: Project, platform_id: str, org_ids: list[str], trekker: bool = False
) -> tuple[Platform, list[Organisation]]:
    """Add members (organisations by id or name); with ``trekker`` the (single) org leads."""
    platform = find(project, platform_id)
    orgs = [inv.find(project, o) for o in org_ids]
    if not orgs:
        raise UsageProblem("noem minstens één organisatie.")
    if trekker and len(orgs) != 1:
        raise UsageProblem("er is één trekker: noem bij --trekker één organisatie.")
    for org in orgs:
        if org.status == "afgehaakt":
            raise Refused(f"{org.name} is afgehaakt; zet eerst de status terug (gzctl org status).")
        if org.id not in platform.members:
            platform.members.append(org.id)
    platform.members.sort()
    if trekker:
        platform.trekker = orgs[0].id
    return platform, orgs


def leave(project: Project, platform_id: str, org_id: str) -> tuple[Platform, Organisation]:
    """Takes the organisation off the platform; returns both."""
    platform = find(project, platform_id)
    org = inv.find(project, org_id)
    if org.id not in platform.members:
        raise Refused(f"{org.name} doet niet mee in {platform.title}.")
    platform.members.remove(org.id)
    if platform.trekker == org.id:
        platform.trekker = ""
    return platform, org


def set_status(
    project: Project, platform_id: str, raw: str, today: dt.date
) -> tuple[Platform, str]:
    """Sets the platform's status and dates it; returns the platform and its previous status."""
    platform = find(project, platform_id)
    new = parse_status(raw)
    old = platform.status
    platform.status = new
    platform.dates[new] = today
    return platform, old


def tick(
    project: Project, platform_id: str, number: int, today: dt.date, done: bool = True
) -> tuple[Platform, PlatformTask]:
    """Tick (or untick) checklist item ``number`` (1-based, as `platform show` numbers it)."""
    platform = find(project, platform_id)
    if not 1 <= number <= len(platform.tasks):
        raise UsageProblem(
            f"{platform.title} heeft {len(platform.tasks)} stappen; kies een nummer van 1 tot "
            f"en met {len(platform.tasks)}."
            if platform.tasks
            else f"{platform.title} heeft nog geen stappen; voeg er een toe met --stap."
        )
    task = platform.tasks[number - 1]
    task.done = done
    task.date = today if done else None
    return platform, task


def add_task(project: Project, platform_id: str, title: str) -> tuple[Platform, PlatformTask]:
    """Adds a step to the platform's checklist; returns the platform and the step."""
    platform = find(project, platform_id)
    title = clean_text(title)
    if not title:
        raise UsageProblem("de stap heeft een omschrijving nodig.")
    task = PlatformTask(title)
    platform.tasks.append(task)
    return platform, task


def remove(project: Project, platform_id: str) -> Platform:
    """Takes the platform out of the project and unlinks its activities; returns it."""
    platform = find(project, platform_id)
    project.platforms.remove(platform)
    for a in project.activities:
        if a.platform == platform.id:
            a.platform = ""
    return platform


def platform_json(project: Project, p: Platform) -> dict[str, Any]:
    """The platform as a JSON table, with member names."""
    names = {o.id: o.name for o in project.organisations}
    return {
        "id": p.id,
        "title": p.title,
        "template": p.template,
        "aim": p.aim,
        "status": p.status,
        "members": list(p.members),
        "member_names": [names.get(m, m) for m in p.members],
        "trekker": p.trekker,
        "tasks": [
            {"title": t.title, "done": t.done, "date": t.date.isoformat() if t.date else None}
            for t in p.tasks
        ],
        "tasks_done": sum(1 for t in p.tasks if t.done),
        "tasks_total": len(p.tasks),
        "dates": {s: p.dates[s].isoformat() for s in STATUSES if s in p.dates},
        "activities": sum(1 for a in project.activities if a.platform == p.id),
        "notes": p.notes,
    }


status_summary = platform_summary  # the ``platforms`` part of gzctl status --json


# ----------------------------------------------------------------------------- activities


def parse_when(date_text: str, time_text: str = "") -> dt.datetime:
    """'12-04-2027' or '12 april 2027' and '19:30' (or '19.30', '19u30', '1930') -> a local
    datetime, through the one Dutch parser (gzctl.core.dutch). Without a time the activity
    lasts the whole day: midnight, shown and exported as an all-day event (see
    :func:`is_all_day`). Raises UsageProblem; 'half acht' is refused with an example."""
    from gzctl.core.dutch import parse_time
    from gzctl.core.errors import AnswerError

    day = inv.parse_date(date_text)
    if not clean_text(time_text):
        return dt.datetime.combine(day, dt.time(0, 0))
    try:
        moment = parse_time(time_text)
    except AnswerError as exc:
        raise UsageProblem(exc.message) from None
    if moment == dt.time(0, 0):
        # midnight is how an activity without a time is stored: a typed 0:00 or 24:00
        # would silently become a whole-day event
        raise UsageProblem(
            f"'{clean_text(time_text)}' is middernacht; als begintijd kan ik dat niet "
            "bewaren, want zonder tijd duurt een activiteit de hele dag. Laat de tijd weg "
            "voor een hele dag, of schrijf een tijd zoals 00:01."
        )
    return dt.datetime.combine(day, moment)


def parse_end(start: dt.datetime, end_text: str) -> dt.datetime | None:
    """The end time on the start's day ('21:00'); '24:00' or '0:00' is the midnight at the
    end of that day. None for an empty text. Raises UsageProblem for an end without a start
    time (the activity lasts the whole day then) and for an end before the start."""
    from gzctl.core.dutch import parse_time
    from gzctl.core.errors import AnswerError

    if not clean_text(end_text):
        return None
    if start.time() == dt.time(0, 0):
        raise UsageProblem(
            "een eindtijd zonder begintijd: geef ook de begintijd (--tijd), of laat de "
            "eindtijd weg voor een activiteit van de hele dag."
        )
    try:
        moment = parse_time(end_text)
    except AnswerError as exc:
        raise UsageProblem(exc.message) from None
    end = dt.datetime.combine(start.date(), moment)
    if moment == dt.time(0, 0):
        end += dt.timedelta(days=1)
    if end <= start:
        raise UsageProblem(
            f"het einde ({moment:%H:%M}) ligt niet na het begin ({start:%H:%M}). Loopt het "
            "door na middernacht, schrijf dan 24:00 als eindtijd."
        )
    return end


def is_all_day(a: Activity | CancelledActivity) -> bool:
    """An activity given without a time: it starts at midnight and ends at a midnight (or
    has no end)."""
    return a.start.time() == dt.time(0, 0) and (a.end is None or a.end.time() == dt.time(0, 0))


def _count(raw: Any, what: str) -> int | None:
    if raw is None or (isinstance(raw, str) and not clean_text(raw)):
        return None
    from gzctl.core.dutch import parse_number
    from gzctl.core.errors import AnswerError

    try:
        n = int(raw) if isinstance(raw, int) else int(parse_number(str(raw), "whole"))
    except (AnswerError, ValueError):
        raise UsageProblem(
            f"{what} moet een aantal zijn (een geheel getal), niet '{raw}'."
        ) from None
    if n < 0:
        raise UsageProblem(f"{what} kan niet negatief zijn.")
    return n


def add_activity(
    project: Project,
    orgs_catalogue: inv.Catalogue,
    title: str,
    start: dt.datetime,
    end: dt.datetime | None = None,
    place: str = "",
    organisers: Iterable[str] = (),
    platform: str = "",
    target_groups: Any = None,
    expected: Any = None,
    participants: Any = None,
    description: str = "",
) -> Activity:
    """Adds an activity with a fresh id to the project and returns it."""
    if not clean_text(title):
        raise UsageProblem("de activiteit heeft een titel nodig.")
    if end is not None and end <= start:
        raise UsageProblem("het einde ligt niet na het begin.")
    org_ids = sorted({inv.find(project, o).id for o in organisers})
    pid = find(project, platform).id if platform.strip() else ""
    groups = inv.parse_groups(target_groups, orgs_catalogue) if target_groups else []
    title = clean_text(title)
    from gzctl.core.bounds import check_name

    check_name(title, "de titel van de activiteit")
    # a cancelled activity's id stays taken while its cancellation is published: the new
    # activity gets its own UID, so calendars show the cancellation and the new event
    taken = [a.id for a in project.activities] + [c.id for c in project.cancelled_activities]
    aid = inv.unique_id(f"{start.date().isoformat()} {title}", taken)
    activity = Activity(
        id=aid,
        title=title,
        start=start,
        end=end,
        place=clean_text(place),
        organisers=org_ids,
        platform=pid,
        target_groups=groups,
        expected=_count(expected, "het verwachte aantal deelnemers"),
        participants=_count(participants, "het aantal deelnemers"),
        description=clean_text(description, multiline=True),
    )
    project.activities.append(activity)
    sort_activities(project)
    return activity


def sort_activities(project: Project) -> None:
    """Sorts the project's activities by start and id."""
    project.activities.sort(key=lambda a: (a.start, a.id))


def find_activity(project: Project, raw: str) -> Activity:
    """The activity with this id, id prefix or title; not found when none or several match."""
    text = raw.strip()
    for a in project.activities:
        if a.id == text:
            return a
    hits = [a for a in project.activities if a.id.startswith(inv.slugify(text))]
    if not hits:
        hits = [a for a in project.activities if inv.compact(a.title) == inv.compact(text)]
    if len(hits) == 1:
        return hits[0]
    ids = [a.id for a in project.activities]
    if len(hits) > 1:
        raise NotFound(f"'{text}' past bij meer activiteiten: " + ", ".join(a.id for a in hits))
    raise NotFound(
        f"Geen activiteit '{text}'." + did_you_mean(inv.slugify(text), ids)
        + " Zie: gzctl activity list"
    )  # fmt: skip


def _new_times(a: Activity, changes: dict[str, Any]) -> tuple[dt.datetime, dt.datetime | None]:
    """The activity's start and end after ``changes``; a moved activity keeps its length."""
    start = a.start
    if "date" in changes or "time" in changes:
        day = changes.get("date") or a.start.strftime("%d-%m-%Y")
        time = changes.get("time")
        if time is None:
            time = "" if a.start.time() == dt.time(0, 0) else a.start.strftime("%H:%M")
        start = parse_when(day, time)
    end = a.end
    if "end_time" in changes:
        end = parse_end(start, changes["end_time"] or "")
    elif end is not None and start != a.start:
        end = start + (end - a.start)  # moved: keep the length
    if end is not None and end <= start:
        raise UsageProblem("het einde ligt niet na het begin.")
    return start, end


def edit_activity(
    project: Project,
    orgs_catalogue: inv.Catalogue,
    raw_id: str,
    changes: dict[str, Any],
) -> tuple[Activity, list[str]]:
    """Change the given fields; the id (and so the calendar UID) stays, also when the date
    moves, so a re-imported calendar moves the event instead of adding one. ``changes`` keys:
    title, date, time, end_time, place, organisers, platform, target_groups, expected,
    participants, description ('' clears an optional field). Returns the Dutch field names."""
    a = find_activity(project, raw_id)
    changed: list[str] = []
    start, end = _new_times(a, changes)
    new: dict[str, Any] = {"start": start, "end": end}
    if "title" in changes:
        if not clean_text(str(changes["title"])):
            raise UsageProblem("de activiteit heeft een titel nodig.")
        new["title"] = clean_text(str(changes["title"]))
    for key in ("place", "description"):
        if key in changes:
            new[key] = clean_text(str(changes[key] or ""), multiline=key == "description")
    if "organisers" in changes:
        new["organisers"] = sorted({inv.find(project, o).id for o in changes["organisers"]})
    if "platform" in changes:
        raw = str(changes["platform"] or "").strip()
        new["platform"] = find(project, raw).id if raw else ""
    if "target_groups" in changes:
        raw_groups = changes["target_groups"]
        new["target_groups"] = inv.parse_groups(raw_groups, orgs_catalogue) if raw_groups else []
    if "expected" in changes:
        new["expected"] = _count(changes["expected"], "het verwachte aantal deelnemers")
    if "participants" in changes:
        new["participants"] = _count(changes["participants"], "het aantal deelnemers")
    labels = {
        "title": "titel", "start": "datum en tijd", "end": "eindtijd", "place": "plek",
        "organisers": "organisatie", "platform": "platform", "target_groups": "doelgroepen",
        "expected": "verwacht", "participants": "deelnemers", "description": "omschrijving",
    }  # fmt: skip
    for key, value in new.items():
        if getattr(a, key) != value:
            setattr(a, key, value)
            changed.append(labels[key])
    sort_activities(project)
    return a, changed


def set_participants(project: Project, raw_id: str, count: Any) -> Activity:
    """Sets the number of participants of an activity and returns it."""
    activity = find_activity(project, raw_id)
    activity.participants = _count(count, "het aantal deelnemers")
    return activity


def remove_activity(project: Project, raw_id: str) -> Activity:
    """Takes the activity out of the project and returns it."""
    activity = find_activity(project, raw_id)
    project.activities.remove(activity)
    return activity


# How long a removed activity stays in the calendar feed as cancelled: 90 days after the
# removal, and in any case until the day it would have ended. Calendars that subscribe to
# the feed refresh it within hours or days; 90 days also reaches a resident who imports the
# file again now and then. After that the event is left out (and its record dropped at the
# next removal): a calendar that still holds it holds a past or long-forgotten event.
CANCELLED_DAYS = 90


def _last_day(a: Activity | CancelledActivity) -> dt.date:
    end = a.end if a.end is not None else a.start
    if end.time() == dt.time(0, 0) and end.date() > a.start.date():
        return end.date() - dt.timedelta(days=1)  # an exclusive midnight end
    return end.date()


def _published(c: CancelledActivity, today: dt.date) -> bool:
    until = max(c.cancelled + dt.timedelta(days=CANCELLED_DAYS), _last_day(c))
    return today <= until


def cancel_activity(project: Project, raw_id: str, now: dt.datetime) -> Activity:
    """Remove the activity and keep a cancellation record (see :class:`CancelledActivity`)
    whose SEQUENCE is one above the last published revision, so calendars replace the event
    by its cancellation. Cancellation records past their time are dropped here."""
    activity = find_activity(project, raw_id)
    project.activities.remove(activity)
    keep_cancellation(project, activity, now.date())
    return activity


def keep_cancellation(project: Project, event: Activity, today: dt.date) -> CancelledActivity:
    """Keep the cancellation of an event the calendar feed published (a removed activity,
    a network evening's open evening): its UID, title and times, and a SEQUENCE one above
    the last one published (its edits, or an earlier cancellation under the same UID).
    Cancellation records past their time are dropped here."""
    earlier = [c.sequence for c in project.cancelled_activities if c.id == event.id]
    seq = max([_revisions(project).get(event.id, (0,))[0], *earlier])
    kept = [
        c for c in project.cancelled_activities
        if c.id != event.id and _published(c, today)
    ]  # fmt: skip
    record = CancelledActivity(
        id=event.id, title=event.title, start=event.start, end=event.end, cancelled=today,
        sequence=seq + 1,
    )  # fmt: skip
    kept.append(record)
    project.cancelled_activities = sorted(kept, key=lambda c: (c.start, c.id))
    return record


def cancellations(
    project: Project, today: dt.date, when: str = "", *, evenings: bool = True
) -> list[CancelledActivity]:
    """The cancelled activities a calendar export still carries on ``today`` (see
    CANCELLED_DAYS); ``when`` as in :func:`filter_activities`, by the activity's date. One
    whose id is an activity again (a hand edit or a merge) is left out: the live event wins.
    ``evenings``: with the cancelled open evenings (removed network evenings), which only
    the website's agenda.ics published."""
    live = {a.id for a in project.activities}
    latest: dict[str, CancelledActivity] = {}
    for c in project.cancelled_activities:  # one per UID, also after a hand edit
        if c.id not in latest or c.sequence > latest[c.id].sequence:
            latest[c.id] = c
    out = [
        c for c in project.cancelled_activities
        if latest[c.id] is c and c.id not in live and _published(c, today)
        and (evenings or not c.id.startswith(OPEN_EVENING_PREFIX))
    ]  # fmt: skip
    if when == "komend":
        out = [c for c in out if c.start.date() >= today]
    elif when == "geweest":
        out = [c for c in out if c.start.date() < today]
    return out


def filter_activities(
    project: Project, platform: str = "", when: str = "", today: dt.date | None = None
) -> list[Activity]:
    """``when``: '' (all), 'komend' (today and later) or 'geweest' (before today)."""
    out = list(project.activities)
    if platform:
        pid = find(project, platform).id
        out = [a for a in out if a.platform == pid]
    if when and today is not None:
        if when == "komend":
            out = [a for a in out if a.start.date() >= today]
        elif when == "geweest":
            out = [a for a in out if a.start.date() < today]
        else:
            raise UsageProblem(f"'{when}': kies komend of geweest.")
    return out


def activity_json(project: Project, a: Activity, timezone: str) -> dict[str, Any]:
    """An activity as JSON; ``timezone`` is the village's country's (its local times)."""
    names = {o.id: o.name for o in project.organisations}
    titles = {p.id: p.title for p in project.platforms}
    return {
        "id": a.id,
        "title": a.title,
        "start": a.start.isoformat(),
        "end": a.end.isoformat() if a.end else None,
        "timezone": timezone,
        "place": a.place,
        "organisers": list(a.organisers),
        "organiser_names": [names.get(o, o) for o in a.organisers],
        "platform": a.platform,
        "platform_title": titles.get(a.platform, ""),
        "target_groups": list(a.target_groups),
        "expected": a.expected,
        "participants": a.participants,
        "description": a.description,
    }


def _revisions(project: Project) -> dict[str, tuple[int, dt.datetime, dt.datetime]]:
    """Activity id -> (SEQUENCE, CREATED, LAST-MODIFIED) from the history: every
    ``activity-edit`` raises the sequence by one, as RFC 5546 asks of an organizer that
    changes an event, so calendar apps take the re-imported event as the newer revision."""
    out: dict[str, tuple[int, dt.datetime, dt.datetime]] = {}
    for h in project.history:
        if not h.action.startswith("activity-"):
            continue
        for aid in h.ids:
            seq, created, _ = out.get(aid, (0, h.at, h.at))
            out[aid] = (seq + (h.action == "activity-edit"), created, h.at)
    return out


def _utc(moment: dt.datetime) -> dt.datetime:
    return (moment.astimezone(dt.UTC) if moment.tzinfo else moment).replace(microsecond=0)


def to_ics(
    project: Project,
    activities: Iterable[Activity],
    stamp: dt.datetime,
    allow_empty: bool = False,
    *,
    timezone: str,
    cancelled: Iterable[CancelledActivity] = (),
    recurring: Iterable[Any] = (),
    country: Any = None,
    today: dt.date | None = None,
) -> bytes:
    """An iCalendar file (RFC 5545, METHOD:PUBLISH of RFC 5546) with one event per activity,
    in the village's time zone (``timezone``, from its country: Europe/Amsterdam,
    Europe/Brussels); an activity without a time is an all-day event (DTSTART and DTEND as
    VALUE=DATE, the end exclusive).

    UIDs are stable (activity id @ village) and SEQUENCE counts the edits, with
    LAST-MODIFIED the last change, so importing the file again updates moved or changed
    events in Outlook, Google Calendar and phone calendars instead of doubling them.
    DTSTAMP is the moment of the project's last change (so the same data gives the same
    file); ``stamp``, the caller's clock, only for a project without history. Raises
    Refused when there is no activity (an export of nothing is a mistake), unless
    ``allow_empty``: a published feed that calendars subscribe to exists before its first
    event (the village website's agenda.ics).

    ``recurring``: members' own recurring activities (RRULE, public holidays of the coming
    year from ``today`` on as EXDATE, checked against ``country``'s calendar).

    ``cancelled`` (from :func:`cancellations`): removed activities, each written under its
    old UID with STATUS:CANCELLED and a SEQUENCE one above its last, so a calendar that holds
    the event marks it cancelled or drops it; the summary starts with "Gaat niet door:" for
    calendars that show cancelled events as they are. An id that is also in ``activities``
    is not written as cancelled."""
    from zoneinfo import ZoneInfo

    import icalendar

    items = list(activities)
    live = {a.id for a in items}
    gone = [c for c in cancelled if c.id not in live]
    repeating = list(recurring)
    if not items and not gone and not repeating and not allow_empty:
        raise Refused("Er zijn geen activiteiten om in een agenda te zetten; niets geschreven.")
    tz = ZoneInfo(timezone)
    village = inv.slugify(project.village.name or "dorp")
    names = {o.id: o.name for o in project.organisations}
    titles = {p.id: p.title for p in project.platforms}
    revisions = _revisions(project)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//gzctl//Gemeenschapszorg netwerk//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", strip_controls(f"Netwerk {project.village.name}"))
    cal.add("x-wr-timezone", timezone)
    stamp = max((h.at for h in project.history), default=stamp)
    utc_stamp = _utc(stamp)
    timed_repeats = any(r.time for r in repeating)
    if timed_repeats or not (all(is_all_day(a) for a in items)
                             and all(is_all_day(c) for c in gone)):  # fmt: skip
        cal.add_component(_vtimezone(icalendar, timezone))
    for a in items:
        event = icalendar.Event()
        event.add("uid", f"{a.id}@{village}.gzctl")
        event.add("dtstamp", utc_stamp)
        seq, created, modified = revisions.get(a.id, (0, stamp, stamp))
        event.add("sequence", seq)
        event.add("created", _utc(created))
        event.add("last-modified", _utc(modified))
        event.add("summary", strip_controls(a.title))
        _times(event, a, tz)
        if a.place:
            event.add("location", strip_controls(a.place))
        lines = [strip_controls(a.description)] if a.description else []
        if a.organisers:
            lines.append("Organisatie: " + ", ".join(names.get(o, o) for o in a.organisers))
        if a.platform:
            lines.append("Platform: " + titles.get(a.platform, a.platform))
        if lines:
            event.add("description", strip_controls("\n".join(lines)))
        cal.add_component(event)
    for c in gone:
        event = icalendar.Event()
        event.add("uid", f"{c.id}@{village}.gzctl")
        event.add("dtstamp", utc_stamp)
        event.add("sequence", c.sequence)
        # the history's lines of the activity end with its removal; without them, its day
        removed = dt.datetime.combine(c.cancelled, dt.time(0, 0), tzinfo=dt.UTC)
        _, created, modified = revisions.get(c.id, (0, removed, removed))
        event.add("created", _utc(created))
        event.add("last-modified", _utc(modified))
        event.add("status", "CANCELLED")
        event.add("summary", strip_controls(f"Gaat niet door: {c.title}"))
        _times(event, c, tz)
        if "transp" not in event:
            event.add("transp", "TRANSPARENT")  # a cancelled event does not take the time
        cal.add_component(event)
    if repeating:  # what members already do: recurring events, public holidays left out
        from gzctl.network.recurring import add_to_calendar

        add_to_calendar(cal, project, repeating, tz=tz, country=country,
                        today=today or stamp.date(), village=village, stamp=utc_stamp)  # fmt: skip
    data: bytes = cal.to_ical()
    return data


def _times(event: Any, a: Activity | CancelledActivity, tz: Any) -> None:
    """DTSTART and DTEND: dates (the end exclusive) for an all-day activity, else local times."""
    if is_all_day(a):
        last = a.end.date() if a.end is not None and a.end.date() > a.start.date() else None
        event.add("dtstart", a.start.date())
        event.add("dtend", last or a.start.date() + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", a.start.replace(tzinfo=tz))
        if a.end is not None:
            event.add("dtend", a.end.replace(tzinfo=tz))


def _vtimezone(icalendar: Any, name: str) -> Any:
    """The time zone as Outlook writes Europe/Amsterdam: two rules (summer time from the
    last Sunday of March, winter time from the last Sunday of October), valid for every
    year, with the zone's own offsets and names (CET/CEST). That is the EU's summer-time
    rule; a zone without summer time gets its one standard offset."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(name)
    winter = dt.datetime(2001, 1, 15, 12, tzinfo=zone)
    summer = dt.datetime(2001, 7, 15, 12, tzinfo=zone)
    std = winter.utcoffset() or dt.timedelta(0)
    dst = summer.utcoffset() or dt.timedelta(0)
    tz = icalendar.Timezone()
    tz.add("tzid", name)
    if std == dst:
        part = icalendar.TimezoneStandard()
        part.add("tzname", winter.tzname())
        part.add("dtstart", dt.datetime(1970, 1, 1))
        part.add("tzoffsetfrom", std)
        part.add("tzoffsetto", std)
        tz.add_component(part)
        return tz
    for label, start, month, before, after in (
        (summer.tzname(), dt.datetime(1981, 3, 29, 2, 0), 3, std, dst),
        (winter.tzname(), dt.datetime(1996, 10, 27, 3, 0), 10, dst, std),
    ):
        part = icalendar.TimezoneDaylight() if month == 3 else icalendar.TimezoneStandard()
        part.add("tzname", label)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


# ----------------------------------------------------------------------------- lenses


# A lens counts as covered only through cooperation: organisations that joined and platforms
# that are active. Organisations and platforms that are merely on the list show as such.
LENS_STATES = ("doen mee", "op de lijst", "ontbreekt")


def lens_coverage(project: Project, catalogue: PlatformCatalogue) -> dict[str, Any]:
    """Which of the eight functions of buurtgerichte zorg and which zorgzame-buurt traits the
    network covers. Only cooperation counts: ``platforms`` and ``organisations``
    are the active platforms and the organisations that joined (status aangesloten), and
    ``covered`` follows from them alone. ``on_list`` holds what could cover the item but does
    not take part yet (platforms that are an idea or starting; organisations inventoried,
    approached or invited), and ``state`` says "doen mee", "op de lijst" or "ontbreekt"."""
    live = [p for p in project.platforms if p.status != "gestopt"]
    orgs = inv.active(project)

    def lens(items: tuple[inv.Label, ...], attr: str) -> list[dict[str, Any]]:
        out = []
        for item in items:
            platforms = [
                p for p in live
                if (ptype := catalogue.get(p.template)) is not None
                and item.id in getattr(ptype, attr)
            ]  # fmt: skip
            members = [
                o for o in orgs
                if (olens := catalogue.type_lenses.get(o.type)) is not None
                and item.id in getattr(olens, attr)
            ]  # fmt: skip
            active = [p.id for p in platforms if p.status == "actief"]
            joined = [o.id for o in members if o.status == "aangesloten"]
            on_list = {
                "platforms": [p.id for p in platforms if p.status != "actief"],
                "organisations": [o.id for o in members if o.status != "aangesloten"],
            }
            covered = bool(active or joined)
            listed = bool(on_list["platforms"] or on_list["organisations"])
            out.append(
                {
                    "id": item.id,
                    "label": item.label,
                    "platforms": active,
                    "organisations": joined,
                    "on_list": on_list,
                    "covered": covered,
                    "state": LENS_STATES[0 if covered else 1 if listed else 2],
                }
            )
        return out

    functions = lens(catalogue.functions, "functions")
    traits = lens(catalogue.traits, "traits")
    return {
        "functions": functions,
        "traits": traits,
        "functions_covered": sum(1 for f in functions if f["covered"]),
        "traits_covered": sum(1 for t in traits if t["covered"]),
        "functions_on_list": sum(1 for f in functions if f["state"] == "op de lijst"),
        "traits_on_list": sum(1 for t in traits if t["state"] == "op de lijst"),
    }
