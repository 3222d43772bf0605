"""The meeting place: candidate places, weighted scoring, ranking and the decision.

Pure functions over a :class:`~gzctl.model.Project` handed in; the shell wraps changes in a
``store.transaction``. The criteria and their default weights are data
(``playbooks/selectiecriteria.toml``, :mod:`gzctl.criteria`); a project may override the
weights and the hard requirements in ``project.meeting_place``.

Scoring: each criterion gets 1..5; the total is the sum of weight x score. A place that
lacks a hard requirement is excluded, with the reason. Places with the same total share a
rank (1, 1, 3) and are listed by name, then id, so the table is always the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import field
from typing import Any

from gzctl.core.dutch import parse_number
from gzctl.core.errors import AnswerError, NotFound, Refused, UsageProblem, did_you_mean
from gzctl.core.model import Place, Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.text import clean
from gzctl.network.criteria import Criteria, number_nl, parse_amount, parse_score
from gzctl.network.inventory import fold, unique_id
from gzctl.network.summaries import chosen_place

KINDS: tuple[str, ...] = (
    "dorpshuis",
    "buurthuis",
    "bibliotheek",
    "kerkzaal",
    "school",
    "sportkantine",
    "zorgcentrum",
    "horeca",
    "anders",
)
EVENINGS: dict[str, str] = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}
FIELDS: dict[str, str] = {
    "name": "naam",
    "kind": "soort",
    "address": "adres",
    "seats": "plaatsen",
    "rent": "huur",
    "evenings": "avonden",
    "access": "toegankelijkheid",
    "facilities": "voorzieningen",
    "home_of": "thuisbasis van",
    "notes": "opmerkingen",
}


# ----------------------------------------------------------------------------- fields


def _split(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        parts = re.split(r"[,;]", str(value or ""))
    return [p.strip() for p in parts if p.strip()]


def _tags(value: Any, known: dict[str, str], what: str, errors: list[str]) -> list[str]:
    out: list[str] = []
    by_label = {fold(label): tag for tag, label in known.items()}
    for part in _split(value):
        key = fold(part)
        tag = key if key in known else by_label.get(key)
        if tag is None:
            errors.append(
                f"{what}: onbekend kenmerk '{part}'."
                + did_you_mean(key, list(known))
                + f" Kies uit: {', '.join(known)}."
            )
        elif tag not in out:
            out.append(tag)
    return sorted(out)


def parse_fields(raw: dict[str, Any], crit: Criteria) -> dict[str, Any]:
    """Check and normalise what a user typed or gave as options; every fault at once."""
    errors: list[str] = []
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("name", "address", "home_of", "notes"):
            out[key] = _text_field(key, value, errors)
        elif key == "access":
            out[key] = _tags(value, crit.access, "toegankelijkheid", errors)
        elif key == "facilities":
            out[key] = _tags(value, crit.facilities, "voorzieningen", errors)
        elif key in _FIELD_PARSERS:
            out[key] = _FIELD_PARSERS[key](value, errors)
        else:
            errors.append(f"onbekend veld '{key}'")
    if errors:
        raise UsageProblem("; ".join(errors) + ".")
    return out


def _text_field(key: str, value: Any, errors: list[str]) -> str:
    text = clean(str(value or ""), multiline=key == "notes")
    if key == "name" and not text:
        errors.append("naam: mag niet leeg zijn")
    return text if key == "notes" else " ".join(text.split())


def _kind(value: Any, errors: list[str]) -> str:
    text = fold(str(value or "").strip())
    if text and text not in KINDS:
        errors.append(
            f"soort: '{value}' is onbekend."
            + did_you_mean(text, list(KINDS))
            + f" Kies uit: {', '.join(KINDS)}."
        )
    return text


def _seats(value: Any, errors: list[str]) -> int | float | None:
    text = clean(str(value or ""))
    fault = f"plaatsen: '{value}' is geen aantal"
    try:
        seats = parse_number(text, "whole", "plaatsen", 60) if text else None
    except AnswerError:
        errors.append(fault)
        return None
    if seats is not None and seats < 0:
        errors.append(fault)
    return seats


def _rent(value: Any, errors: list[str]) -> float | None:
    if value is None or not str(value).strip():  # a rent of 0 is free, not unknown
        return None
    amount = parse_amount(value)
    if amount is None:
        errors.append(f"huur: '{value}' is geen bedrag (bijvoorbeeld 45 of 45,50)")
    return amount


def _evenings(value: Any, errors: list[str]) -> list[str]:
    days: list[str] = []
    for part in _split(value):
        key = fold(part)[:2]
        if key not in EVENINGS or not EVENINGS[key].startswith(fold(part)):
            errors.append(f"avonden: '{part}' is geen dag (ma, di, wo, do, vr, za, zo)")
        elif key not in days:
            days.append(key)
    return [d for d in EVENINGS if d in days]


# the fields that need no catalogue: each parser appends its faults and returns the value
_FIELD_PARSERS: dict[str, Callable[[Any, list[str]], Any]] = {
    "kind": _kind,
    "seats": _seats,
    "rent": _rent,
    "evenings": _evenings,
}


def find(project: Project, raw: str) -> Place:
    """A place by id, or by its name (case and accents ignored)."""
    raw = raw.strip()
    for p in project.places:
        if p.id == raw:
            return p
    named = [p for p in project.places if fold(p.name) == fold(raw)]
    if len(named) == 1:
        return named[0]
    ids = [p.id for p in project.places]
    raise NotFound(f"Geen plek '{raw}'." + did_you_mean(raw, ids) + " Zie: gzctl place list")


def add(project: Project, raw: dict[str, Any], crit: Criteria) -> Place:
    """Put a place on the list; the same name twice is refused (spelling folded)."""
    values = parse_fields(raw, crit)
    if not values.get("name"):
        raise UsageProblem("Geef de naam van de plek.")
    twin = next((p for p in project.places if fold(p.name) == fold(values["name"])), None)
    if twin is not None:
        raise Refused(f"{twin.name} staat al op de lijst van plekken (id {twin.id}).")
    from gzctl.core.bounds import check_name

    check_name(values["name"], "de naam van de plek")
    place = Place(id=unique_id(values["name"], (p.id for p in project.places)), **values)
    project.places.append(place)
    project.places.sort(key=lambda p: p.id)
    return place


def edit(
    project: Project, raw_id: str, raw: dict[str, Any], crit: Criteria
) -> tuple[Place, list[str]]:
    """Change the given fields of a place; returns the place and the Dutch names of the
    fields that really changed, for the confirmation line."""
    place = find(project, raw_id)
    values = parse_fields(raw, crit)
    changed = []
    for key, value in values.items():
        if getattr(place, key) != value:
            setattr(place, key, value)
            changed.append(FIELDS[key])
    return place, changed


def remove(project: Project, raw_id: str) -> tuple[Place, bool]:
    """Removes the place; True when it was the chosen one (the choice is then undone)."""
    place = find(project, raw_id)
    project.places.remove(place)
    was_chosen = project.meeting_place.chosen == place.id
    if was_chosen:
        project.meeting_place.chosen = ""
        project.meeting_place.reason = ""
        project.meeting_place.date = None
    return place, was_chosen


# ----------------------------------------------------------------------------- criteria


def weights(project: Project, crit: Criteria) -> dict[str, float]:
    """The playbook's weights with the project's own overrides."""
    own = project.meeting_place.weights
    return {c.id: own.get(c.id, c.weight) for c in crit.place}


# The wizard asks which requirements the place must meet (a multichoice); the options that
# name a feature a place has or lacks become hard requirements. The rest are scored criteria.
REQUIREMENTS_QUESTION = "verkennen.plek_eisen"
ANSWER_TAGS = {
    "Drempelvrije ingang": "drempelvrij",
    "Aangepast toilet": "toilet",
    "Aparte ruimte voor gesprekken in groepjes": "zaaltje",
    "Keuken": "keuken",
}


def required(project: Project, crit: Criteria) -> tuple[str, ...]:
    """The hard requirements: the project's own list (place criteria --eis), else what the
    wizard's answer names, else the playbook's."""
    own = project.meeting_place.required
    if own is not None:
        return tuple(own)
    answer = project.answers.get(REQUIREMENTS_QUESTION)
    if isinstance(answer, list) and answer:
        known = {**crit.access, **crit.facilities}
        return tuple(sorted({ANSWER_TAGS[a] for a in answer if ANSWER_TAGS.get(a) in known}))
    return crit.required


def set_weights(project: Project, crit: Criteria, pairs: list[str]) -> dict[str, float]:
    """['neutraal=4'] -> the project's own weight; the playbook's value removes the override."""
    ids = [c.id for c in crit.place]
    default = {c.id: c.weight for c in crit.place}
    changed: dict[str, float] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lower()
        if not sep or key not in ids:
            raise UsageProblem(
                f"'{pair}': schrijf CRITERIUM=GEWICHT met een criterium uit {', '.join(ids)}."
                + (did_you_mean(key, ids) if sep else "")
            )
        try:
            weight = float(value.replace(",", "."))
        except ValueError:
            weight = -1
        if weight < 0 or weight > 10:
            raise UsageProblem(
                f"{key}: een gewicht is een getal van 0 tot en met 10, niet '{value}'."
            )
        changed[key] = weight
    own = dict(project.meeting_place.weights)
    for key, weight in changed.items():
        if weight == default[key]:
            own.pop(key, None)
        else:
            own[key] = weight
    if not any(own.get(i, default[i]) > 0 for i in ids):
        raise UsageProblem("Minstens één criterium moet een gewicht boven 0 houden.")
    project.meeting_place.weights = own
    return changed


def set_required(project: Project, crit: Criteria, tags: list[str] | None) -> tuple[str, ...]:
    """Replace the hard requirements (None: back to the playbook's)."""
    if tags is None:
        project.meeting_place.required = None
        return crit.required
    known = {**crit.access, **crit.facilities}
    errors: list[str] = []
    parsed = _tags(tags, known, "eis", errors)
    if errors:
        raise UsageProblem("; ".join(errors))
    project.meeting_place.required = None if tuple(parsed) == crit.required else parsed
    return tuple(parsed)


def set_scores(project: Project, raw_id: str, scores: dict[str, int], crit: Criteria) -> Place:
    """Set one or more criterion scores (1-5) of a place; an unknown criterion is an error."""
    place = find(project, raw_id)
    known = {c.id for c in crit.place}
    for key, value in scores.items():
        if key not in known:
            raise UsageProblem(f"onbekend criterium '{key}'.")
        place.scores[key] = parse_score(value, key)
    return place


# ----------------------------------------------------------------------------- ranking


@_frozen_record
class Ranked(_FrozenRecord):
    """A place in the ranking, with why it ranks there (strong and weak points, what
    excludes it or is still unscored)."""

    place: Place
    total: float | None  # None: not every weighted criterion is scored
    maximum: float
    rank: int | None  # shared by ties; None for excluded and incomplete places
    tied: bool
    excluded: tuple[str, ...]  # why (empty: not excluded)
    missing: tuple[str, ...]  # criterion ids still to score
    strong: tuple[str, ...] = field(default=())  # labels scored 4 or 5
    weak: tuple[str, ...] = field(default=())  # labels scored 1 or 2
    chosen: bool = False

    @property
    def reasons(self) -> list[str]:
        """Why this place stands where it stands, in Dutch."""
        out: list[str] = []
        if self.excluded:
            out.append("valt af: " + "; ".join(self.excluded))
        if self.missing:
            out.append("nog te scoren: " + ", ".join(self.missing))
        if self.strong:
            out.append("sterk: " + ", ".join(self.strong))
        if self.weak:
            out.append("zwak: " + ", ".join(self.weak))
        if self.place.home_of:
            out.append(f"thuisbasis van {self.place.home_of}: minder neutraal")
        return out


def _exclusions(place: Place, need: tuple[str, ...], crit: Criteria) -> tuple[str, ...]:
    have = set(place.access) | set(place.facilities)
    return tuple(f"geen {crit.feature_label(tag)}" for tag in need if tag not in have)


def rank(project: Project, crit: Criteria) -> list[Ranked]:
    """Ranked places first (highest total; ties share a rank, then by name and id), then
    places still to score, then excluded places."""
    w = weights(project, crit)
    need = required(project, crit)
    maximum = sum(w.values()) * 5
    labels = {c.id: c.label for c in crit.place}
    rows: list[Ranked] = []
    for place in project.places:
        missing = tuple(c.id for c in crit.place if w[c.id] > 0 and c.id not in place.scores)
        total = None if missing else sum(w[c] * place.scores.get(c, 0) for c in w)
        rows.append(
            Ranked(
                place=place,
                total=None if total is None else round(total, 6),
                maximum=maximum,
                rank=None,
                tied=False,
                excluded=_exclusions(place, need, crit),
                missing=missing,
                strong=tuple(labels[c] for c in w if w[c] > 0 and place.scores.get(c, 0) >= 4),
                weak=tuple(labels[c] for c in w if w[c] > 0 and 0 < place.scores.get(c, 0) <= 2),
                chosen=project.meeting_place.chosen == place.id,
            )
        )

    def order(r: Ranked) -> tuple[float, str, str]:
        return (-(r.total or 0.0), fold(r.place.name), r.place.id)

    ranked = sorted((r for r in rows if not r.excluded and r.total is not None), key=order)
    totals = [r.total for r in ranked]
    out: list[Ranked] = []
    for r in ranked:
        first = totals.index(r.total)
        tied = totals.count(r.total) > 1
        out.append(_with(r, rank=first + 1, tied=tied))
    out += sorted((r for r in rows if not r.excluded and r.total is None), key=order)
    out += sorted((r for r in rows if r.excluded), key=order)
    return out


def _with(r: Ranked, **changes: Any) -> Ranked:
    from dataclasses import replace

    return replace(r, **changes)


def choose(project: Project, raw_id: str, reason: str, today: dt.date, crit: Criteria) -> Place:
    """Choose the meeting place. A reason is required (why it is neutral and easy to
    enter) and an excluded place is refused: the choice must hold up to the partners."""
    place = find(project, raw_id)
    reason = " ".join(reason.split())
    if not reason:
        raise UsageProblem(
            "Schrijf in een of twee zinnen op waarom deze plek neutraal en laagdrempelig is: "
            '--reden "..."'
        )
    excluded = _exclusions(place, required(project, crit), crit)
    if excluded:
        raise Refused(
            f"{place.name} valt af ({'; '.join(excluded)}). Kies een andere plek, of pas de "
            "harde eisen aan met: gzctl place criteria --eis ..."
        )
    project.meeting_place.chosen = place.id
    project.meeting_place.reason = reason
    project.meeting_place.date = today
    return place


chosen = chosen_place  # gzctl/network/summaries.py


def as_json(place: Place) -> dict[str, Any]:
    """A place as plain JSON values (``place show --json``)."""
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "address": place.address,
        "seats": place.seats,
        "rent": place.rent,
        "evenings": place.evenings,
        "access": place.access,
        "facilities": place.facilities,
        "home_of": place.home_of,
        "scores": dict(sorted(place.scores.items())),
        "notes": place.notes,
    }


def ranked_json(row: Ranked) -> dict[str, Any]:
    """A ranked place as plain JSON values (``place list --json``)."""
    return {
        "id": row.place.id,
        "name": row.place.name,
        "rank": row.rank,
        "tied": row.tied,
        "total": row.total,
        "maximum": row.maximum,
        "excluded": list(row.excluded),
        "missing": list(row.missing),
        "reasons": row.reasons,
        "chosen": row.chosen,
    }


def ranking_text(rows: list[Ranked]) -> str:
    """The ranked table as plain text, one place per line with its reasons below (``place
    list`` and the wizard's place step): rank (``1.=`` for a shared rank, ``-`` for an
    excluded or incomplete place), name, total of maximum, id, and a mark for the chosen one."""
    lines = []
    width = max(len(r.place.name) for r in rows)
    for r in rows:
        if r.rank is not None:
            pos = f"{r.rank}." + ("=" if r.tied else " ")
            total = f"{number_nl(r.total or 0)} van {number_nl(r.maximum)}"
        else:
            pos, total = "  - ", "valt af" if r.excluded else "onvolledig"
        mark = "  ✓ gekozen" if r.chosen else ""
        lines.append(f"{pos:<4} {r.place.name:<{width}}  {total:<14} {r.place.id}{mark}")
        for reason in r.reasons:
            lines.append(f"{'':<5}{reason}")
    if any(r.tied for r in rows):
        lines.append("")
        lines.append("= gedeelde plaats: gelijk totaal, op naam gezet. Het verschil maak je zelf.")
    return "\n".join(lines)
