"""The selection criteria for the meeting place and the Coördinator, as data.

``playbooks/selectiecriteria.toml`` holds the criteria with their default weights, the hard
requirements for a meeting place, the features a place can have and the Coördinator's
profile (traits, tasks, budget defaults). Every fault is reported at once on load.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gzctl.core.datafiles import Checker, Entries, Field
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

CRITERIA_FILE = "selectiecriteria.toml"
SCORE_MIN = 1
SCORE_MAX = 5
DEFAULT_SCORE = 3  # what a scoring prompt shows for a criterion not yet scored


@_frozen_record
class Criterion(_FrozenRecord):
    """One scoring criterion with its label, help text and weight."""

    id: str
    label: str
    help: str
    weight: float


@_frozen_record
class Criteria(_FrozenRecord):
    """The scoring criteria and cost figures for places and coordinators."""

    version: str
    place: tuple[Criterion, ...]
    required: tuple[str, ...]
    access: dict[str, str]
    facilities: dict[str, str]
    traits: tuple[str, ...]
    tasks: tuple[str, ...]
    hourly_cost: float
    weeks_per_year: int
    activity_budget: float
    coordinator: tuple[Criterion, ...]

    def feature_label(self, tag: str) -> str:
        """The Dutch label of an access or facility tag, or the tag itself."""
        return self.access.get(tag) or self.facilities.get(tag) or tag


_cache: dict[tuple[str, float], Criteria] = {}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def criteria_path() -> Path:
    """The shipped criteria file."""
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / CRITERIA_FILE


def load_criteria(path: Path | None = None) -> Criteria:
    """The shipped criteria (or those at ``path``), checked: every fault in one error."""
    from gzctl.core.datafiles import load_data

    source = path or criteria_path()
    return load_data(source, lambda data: parse_criteria(data, source.name), _cache)


_CRITERION = {
    "label": Field("text", required=True),
    "help": Field("text"),
    "weight": Field("number"),
}
_COORDINATOR = {
    "traits": Field("texts", required=True),
    "tasks": Field("texts", required=True),
    "hourly_cost": Field("number"),
    "weeks_per_year": Field("number"),
    "activity_budget": Field("number"),
}


def _criteria(check: Checker, data: dict[str, Any], key: str) -> tuple[Criterion, ...]:
    spec = Entries(_CRITERION, key, f"een lijst [[{key}]] ontbreekt", _ID,
                   "'id' ontbreekt of is geen id (kleine letters, cijfers, _)")  # fmt: skip
    out = tuple(
        Criterion(cid, entry["label"] or cid, entry["help"], entry["weight"])
        for _, cid, entry in check.entries(data, key, spec, {})
    )
    if out and not any(c.weight > 0 for c in out):
        check.fault(key, "minstens één criterium moet een gewicht boven 0 hebben")
    return out


def parse_criteria(data: dict[str, Any], name: str = CRITERIA_FILE) -> Criteria:
    """The criteria file, checked against its schema: every fault at once."""
    check = Checker(name)
    access = check.value("access", data, "access", Field("labels"), {})
    facilities = check.value("facilities", data, "facilities", Field("labels"), {})
    required = data.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        check.fault("required", "moet een lijst met kenmerken zijn")
        required = []
    for tag in required:
        if tag not in access and tag not in facilities:
            check.fault("required", f"onbekend kenmerk '{tag}' (niet in [access] of [facilities])")
    coord = data.get("coordinator")
    if not isinstance(coord, dict):
        check.fault("coordinator", "de tabel [coordinator] ontbreekt")
    coordinator = check.table("coordinator", coord if isinstance(coord, dict) else {},
                              _COORDINATOR, {})  # fmt: skip
    result = Criteria(
        version=str(data.get("version", "")),
        place=_criteria(check, data, "place_criteria"),
        required=tuple(required),
        access=access,
        facilities=facilities,
        traits=coordinator["traits"],
        tasks=coordinator["tasks"],
        hourly_cost=coordinator["hourly_cost"],
        weeks_per_year=int(coordinator["weeks_per_year"]),
        activity_budget=coordinator["activity_budget"],
        coordinator=_criteria(check, data, "coordinator_criteria"),
    )
    check.done()
    return result


def parse_score(text: Any, where: str) -> int:
    """1..5 from '4' or 4; a clear Dutch error otherwise."""
    from gzctl.core.errors import UsageProblem

    try:
        value = int(str(text).strip())
    except ValueError:
        value = -1
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise UsageProblem(
            f"{where}: een score is een heel getal van 1 tot en met 5, niet '{text}'."
        )
    return value


def scores_to_save(
    asked: dict[str, int], shown: dict[str, int], now: dict[str, int]
) -> dict[str, int]:
    """Only the scores this user changed (two people may score one village at once).

    ``asked``: the scores given at the prompts; ``shown``: the scores those prompts started
    from (a criterion without one showed :data:`DEFAULT_SCORE`); ``now``: the scores on disk,
    re-read under the lock. A score someone else set meanwhile stays when this user only
    pressed Enter on what was shown; a score the user picked differently is the user's."""
    return {
        key: value
        for key, value in asked.items()
        if now.get(key) == shown.get(key) or value != shown.get(key, DEFAULT_SCORE)
    }


def parse_pairs(pairs: list[str], known: tuple[Criterion, ...]) -> dict[str, int]:
    """['neutraal=4', 'kosten=2'] -> {...}; criterion ids may be shortened to a unique start."""
    from gzctl.core.errors import UsageProblem, did_you_mean

    ids = [c.id for c in known]
    out: dict[str, int] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lower()
        if not sep:
            raise UsageProblem(f"'{pair}': schrijf CRITERIUM=SCORE, bijvoorbeeld neutraal=4.")
        match = [i for i in ids if i == key] or [i for i in ids if i.startswith(key)]
        if len(match) != 1:
            raise UsageProblem(
                f"onbekend criterium '{key}'."
                + did_you_mean(key, ids)
                + f" Kies uit: {', '.join(ids)}."
            )
        out[match[0]] = parse_score(value, match[0])
    return out


def parse_amount(raw: Any) -> float | None:
    """'€ 2.500', '42,50', '€ 45,-', '40' -> a number, through the one Dutch parser
    (gzctl.core.dutch: a dot groups thousands, '1,500' is ambiguous and so no amount);
    None if not one, or negative."""
    from gzctl.core.dutch import parse_number
    from gzctl.core.errors import AnswerError

    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw) if raw >= 0 else None
    try:
        value = float(parse_number(str(raw), "money"))
    except AnswerError:
        return None
    return value if value >= 0 else None


def number_nl(value: float, decimals: int = 1) -> str:
    """12.5 -> '12,5'; 12.0 -> '12'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
