"""Rules a project must keep, whichever way it came in: a hand edit of gzctl.toml, a pulled
file, a command or ``wizard --answers``.

The model's types are checked in gzctl/core/model.py (with scalar bounds: finite numbers,
dates between 1900 and 2200, integers that fit); this module adds the rules between fields
and records: ranges, unique ids, references that exist, an end after its start, history
times with a UTC offset. :func:`project_faults` returns (key path, Dutch reason) pairs;
gzctl/core/store.py turns the first into one located line, both when loading and before
saving, so a command can never write a file that every command then refuses.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from gzctl.core.bounds import MAX_PEOPLE, name_fault, scalar_fault
from gzctl.core.model import Coordinator, Project

Fault = tuple[tuple[str | int, ...], str]

MAX_DEPTH = 20  # nesting of lists and tables inside answers

SCORE_MIN, SCORE_MAX = 1, 5


def _walk(value: Any, path: tuple[str | int, ...], depth: int = 0) -> Fault | None:
    if depth > MAX_DEPTH:
        return (path, f"is te diep genest (meer dan {MAX_DEPTH} lagen).")
    if isinstance(value, dict):
        for k, v in value.items():
            found = _walk(v, (*path, str(k)), depth + 1)
            if found:
                return found
        return None
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _walk(v, (*path, i), depth + 1)
            if found:
                return found
        return None
    reason = scalar_fault(value)
    return (path, reason) if reason else None


def _range(
    faults: list[Fault], path: tuple[str | int, ...], value: float | None, lo: float, hi: float
) -> None:
    if value is None:
        return
    if not lo <= value <= hi:
        faults.append((path, f"{_dutch(value)} ligt buiten {_dutch(lo)} tot en met {_dutch(hi)}."))


def _dutch(number: float) -> str:
    """10000000.0 -> '10.000.000', 12.5 -> '12,5': as the user writes numbers (not 1e+07)."""
    if float(number).is_integer() and abs(number) < 1e15:
        return f"{int(number):,}".replace(",", ".")
    return f"{number:g}".replace(".", ",")


def _unique(faults: list[Fault], key: str, ids: list[str]) -> None:
    if len(set(ids)) == len(ids):  # no two the same: nothing to name (one pass in C)
        return
    seen: set[str] = set()
    for i, one in enumerate(ids):
        if one in seen:
            faults.append(((key, i, "id"), f"id '{one}' staat er twee keer in."))
        seen.add(one)


def _name(faults: list[Fault], path: tuple[str | int, ...], value: str) -> None:
    reason = name_fault(value)
    if reason:
        faults.append((path, reason + "."))


Only = dict[str, list[int]]  # a list field of Project -> the indices of its elements to check


def _each(project: Project, name: str, only: Only | None) -> list[tuple[int, Any]]:
    """(index, element) of the list field ``name``: all, or only those ``only`` names."""
    items = getattr(project, name)
    if only is None or name not in only:
        return list(enumerate(items))
    return [(i, items[i]) for i in only[name]]


def _names(faults: list[Fault], project: Project, only: Only | None = None) -> None:
    """Every name a document, file name or page carries, within bounds.MAX_NAME."""
    v = project.village
    for key in ("name", "municipality", "province"):
        _name(faults, ("village", key), getattr(v, key))
    for i, person in _each(project, "initiators", only):
        _name(faults, ("initiators", i, "name"), person.name)
    for i, org in _each(project, "organisations", only):
        _name(faults, ("organisations", i, "name"), org.name)
        _name(faults, ("organisations", i, "contact", "name"), org.contact.name)
    for i, place in _each(project, "places", only):
        _name(faults, ("places", i, "name"), place.name)
    for i, cand in enumerate(project.coordinator.candidates):
        _name(faults, ("coordinator", "candidates", i, "name"), cand.name)
    for i, pf in _each(project, "platforms", only):
        _name(faults, ("platforms", i, "title"), pf.title)
    for i, act in _each(project, "activities", only):
        _name(faults, ("activities", i, "title"), act.title)


def project_faults(project: Project, only: Only | None = None) -> list[Fault]:
    """Every rule a loaded project breaks, as (key path, Dutch reason), in file order.

    ``only``: of these list fields check the rules of one element (a name's length, a
    range, a time's zone) for the elements at these indices alone; the rules between
    elements (unique ids, a chosen place on the list) always hold the whole list. For a save
    whose other elements are as a checked load left them (gzctl/core/statetext.verify)."""
    faults: list[Fault] = []
    for qid, value in project.answers.items():
        found = _walk(value, ("answers", *qid.split(".")))
        if found:
            faults.append(found)
    for i, conflict in _each(project, "conflicts", only):  # the only other free-form values
        for side in ("mine", "other", "base"):
            found = _walk(getattr(conflict, side), ("conflicts", i, side))
            if found:
                faults.append(found)
    _range(faults, ("village", "inhabitants"), project.village.inhabitants, 1, MAX_PEOPLE)
    _names(faults, project, only)
    for i, org in _each(project, "organisations", only):
        _range(faults, ("organisations", i, "reach"), org.reach, 0, MAX_PEOPLE)
    _unique(faults, "organisations", list(map(attrgetter("id"), project.organisations)))
    for i, place in _each(project, "places", only):
        _range(faults, ("places", i, "seats"), place.seats, 0, 1_000_000)
        _range(faults, ("places", i, "rent"), place.rent, 0, 1_000_000)
        for crit, score in place.scores.items():
            _range(faults, ("places", i, "scores", crit), score, SCORE_MIN, SCORE_MAX)
    _unique(faults, "places", [p.id for p in project.places])
    mp = project.meeting_place
    if mp.chosen and mp.chosen not in {p.id for p in project.places}:
        faults.append((("meeting_place", "chosen"), f"plek '{mp.chosen}' staat niet op de lijst."))
    for crit, weight in mp.weights.items():
        _range(faults, ("meeting_place", "weights", crit), weight, 0, 100)
    _coordinator_faults(faults, project.coordinator)
    _moment_faults(faults, project, only)
    return [(_fix_list_key(p), r) for p, r in faults]


def _coordinator_faults(faults: list[Fault], co: Coordinator) -> None:
    """Adds the faults of the coordinator table: budget ranges, scores, candidates."""
    _range(faults, ("coordinator", "hourly_cost"), co.hourly_cost, 0, 10_000)
    _range(faults, ("coordinator", "weeks_per_year"), co.weeks_per_year, 0, 53)
    _range(faults, ("coordinator", "activity_budget"), co.activity_budget, 0, 100_000_000)
    for i, cand in enumerate(co.candidates):
        for assessor, scores in cand.scores.items():
            for crit, score in scores.items():
                path = ("coordinator", "candidates", i, "scores", assessor, crit)
                _range(faults, path, score, SCORE_MIN, SCORE_MAX)
    _unique(faults, "coordinator.candidates", [c.id for c in co.candidates])
    if co.appointed and co.appointed not in {c.id for c in co.candidates}:
        faults.append(
            (("coordinator", "appointed"), f"kandidaat '{co.appointed}' staat niet op de lijst.")
        )


def _moment_faults(faults: list[Fault], project: Project, only: Only | None = None) -> None:
    """Adds the faults of activity times and history moments."""
    for i, a in _each(project, "activities", only):
        for key in ("start", "end"):
            moment = getattr(a, key)
            if moment is not None and moment.tzinfo is not None:
                faults.append(
                    (
                        ("activities", i, key),
                        "schrijf de plaatselijke tijd zonder tijdzone, "
                        "bijvoorbeeld 2027-04-12 19:30:00.",
                    )
                )
        if a.end is not None and a.end.tzinfo == a.start.tzinfo and a.end < a.start:
            faults.append((("activities", i, "end"), "het einde ligt vóór het begin."))
    for i, entry in _each(project, "history", only):
        if entry.at.tzinfo is None:
            faults.append(
                (
                    ("history", i, "at"),
                    "de tijd mist de tijdzone; schrijf bijvoorbeeld 2026-11-22T12:00:00+01:00.",
                )
            )


def _fix_list_key(path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """'coordinator.candidates' as one key above becomes two parts for locate()."""
    if path and path[0] == "coordinator.candidates":
        return ("coordinator", "candidates", *path[1:])
    return path
