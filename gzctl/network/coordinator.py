"""The Coördinator: profile and budget, candidates, scorecards and the appointment.

Pure functions over a :class:`~gzctl.model.Project`. Hours, employer and funding are the
wizard's answers (organiseren.uren / werkgever / financiering), not copies of them; the
cost per hour, paid weeks, activity budget and start date live in ``project.coordinator``,
with defaults from ``playbooks/selectiecriteria.toml``.

Candidates are personal data (AVG): only a name, a contact and the scorecards are kept,
and :func:`forget` removes a candidate completely, history lines included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core import answers as ans
from gzctl.core.errors import AnswerError, NotFound, Refused, UsageProblem, did_you_mean
from gzctl.core.model import Candidate, Project
from gzctl.core.playbook import Playbook
from gzctl.core.questions import coerce, is_answered, parse_date
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.network.criteria import Criteria, number_nl, parse_amount, parse_score
from gzctl.network.inventory import fold

HOURS = "organiseren.uren"
EMPLOYER = "organiseren.werkgever"
FUNDING = "organiseren.financiering"
NEEDED = "organiseren.begroting"  # "Hoeveel geld is er per jaar nodig?" (the typed total)
ANSWERED = {"hours": HOURS, "employer": EMPLOYER, "funding": FUNDING}
# a spread (highest minus lowest score of the assessors) this big is flagged
DISAGREEMENT = 2
FORGOTTEN = "Gegevens van een kandidaat voor Coördinator verwijderd"


# ----------------------------------------------------------------------------- profile


def has_profile(project: Any) -> bool:
    """The `coordinator.profile` fact: hours and employer are known."""
    answers = getattr(project, "answers", {}) or {}
    return is_answered(answers.get(HOURS)) and is_answered(answers.get(EMPLOYER))


@_frozen_record
class Budget(_FrozenRecord):
    """The Coördinator's yearly cost, worked out once for the profile, the status and
    the funding request alike."""

    hours: float | None
    hourly_cost: float
    weeks: int
    salary: float | None  # None while the hours are unknown
    activities: float
    total: float | None


def budget(project: Project, crit: Criteria) -> Budget:
    """The yearly cost: the project's own figures where set, else the criteria file's;
    the salary stays None until the hours are answered."""
    c = project.coordinator
    hours = project.answers.get(HOURS)
    hourly = c.hourly_cost if c.hourly_cost is not None else crit.hourly_cost
    weeks = c.weeks_per_year if c.weeks_per_year is not None else crit.weeks_per_year
    activities = c.activity_budget if c.activity_budget is not None else crit.activity_budget
    salary = float(hours) * hourly * weeks if isinstance(hours, (int, float)) else None
    return Budget(
        hours=float(hours) if isinstance(hours, (int, float)) else None,
        hourly_cost=hourly,
        weeks=weeks,
        salary=salary,
        activities=activities,
        total=None if salary is None else salary + activities,
    )


@_frozen_record
class Request(_FrozenRecord):
    """What the funding request asks per year, reconciling the typed total (step 9's
    "Hoeveel geld is er per jaar nodig?") with the computed costs: a typed total above the
    costs adds ``extra`` (overige kosten), one below them leaves ``elsewhere`` to come from
    other sources; ``asked`` is the typed total, or the costs when none was typed (or it is
    the same to the euro). The letter, ``gzctl geld overzicht`` and the wizard all use it."""

    costs: Budget
    typed: float | None
    extra: float
    elsewhere: float
    asked: float | None

    @property
    def planned(self) -> float | None:
        """The yearly budget of spending: costs plus overige kosten (None: hours unknown)."""
        return None if self.costs.total is None else round(self.costs.total + self.extra, 2)


def request(project: Project, crit: Criteria) -> Request:
    """The yearly amount to ask, from the costs and the typed total (see :class:`Request`)."""
    b = budget(project, crit)
    raw = project.answers.get(NEEDED)
    typed = float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
    if b.total is None:
        return Request(b, typed, 0.0, 0.0, typed)
    if typed is None or abs(typed - b.total) < 1:
        return Request(b, typed, 0.0, 0.0, round(b.total, 2))
    gap = round(abs(typed - b.total), 2)
    if typed > b.total:
        return Request(b, typed, gap, 0.0, typed)
    return Request(b, typed, 0.0, gap, typed)


def euro_nl(value: float) -> str:
    """'€ 36.820' (whole euros) or '€ 36.820,50', the Dutch way; a no-break space keeps
    the sign with the number when a line wraps."""
    return "€\u00a0" + number_nl(round(value, 2), 2)


def request_note(r: Request) -> str | None:
    """One Dutch line on how the typed total and the computation differ and what the
    request does with it; None when they agree (or either is unknown)."""
    if r.costs.total is None or r.typed is None or not (r.extra or r.elsewhere):
        return None
    head = (
        f"Je schatting ({euro_nl(r.typed)} per jaar) wijkt af van de berekening "
        f"({euro_nl(r.costs.total)}): "
    )
    if r.extra:
        return head + (
            f"de aanvraag vraagt {euro_nl(r.typed)} en noemt {euro_nl(r.extra)} "
            "overige kosten."
        )
    return head + (
        f"de aanvraag vraagt {euro_nl(r.typed)} en zegt dat {euro_nl(r.elsewhere)} uit "
        "andere bronnen komt."
    )


def profile(project: Project, crit: Criteria) -> dict[str, Any]:
    """The job profile as data: traits, tasks, hours, employer, funding and budget, for
    ``coordinator profile`` and the vacancy."""
    b = budget(project, crit)
    start = project.coordinator.start
    return {
        "traits": list(crit.traits),
        "tasks": list(crit.tasks),
        "hours_per_week": b.hours,
        "employer": project.answers.get(EMPLOYER),
        "funding": list(project.answers.get(FUNDING) or []),
        "start": start.isoformat() if start else None,
        "budget": {
            "hourly_cost": b.hourly_cost,
            "weeks_per_year": b.weeks,
            "salary": b.salary,
            "activities": b.activities,
            "total": b.total,
        },
        "complete": has_profile(project),
    }


def set_profile(project: Project, playbook: Playbook, raw: dict[str, Any]) -> list[str]:
    """Change the profile; hours/employer/funding go to the wizard's answers. Returns the
    Dutch names of what changed. Checks everything before changing anything."""
    questions = {q.id: q for q in playbook.questions()}
    values: dict[str, Any] = {}
    errors: list[str] = []
    for key, value in raw.items():
        if key in ANSWERED:
            q = questions.get(ANSWERED[key])
            if q is None:
                errors.append(f"het stappenplan kent de vraag {ANSWERED[key]} niet")
                continue
            if key == "funding" and isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            try:
                values[key] = coerce(q, value)
            except AnswerError as exc:
                errors.append(f"{q.label} {exc.message}")
        elif key in ("hourly_cost", "activity_budget", "weeks_per_year"):
            amount = parse_amount(value)
            number = -1.0 if amount is None else amount
            if number < 0 or (key == "weeks_per_year" and not 1 <= number <= 53):
                errors.append(f"'{value}' is geen geldig getal voor {_NAMES[key]}")
            else:
                values[key] = int(number) if key == "weeks_per_year" else number
        elif key == "start":
            try:
                values[key] = parse_date(str(value))
            except AnswerError as exc:
                errors.append(f"startdatum: {exc.message}")
        else:
            errors.append(f"onbekend veld '{key}'")
    if errors:
        raise UsageProblem("; ".join(errors) + ".")
    changed = []
    for key, value in values.items():
        if key in ANSWERED:
            q = questions[ANSWERED[key]]
            if ans.get_answer(project, q) != value:
                ans.set_answer(project, q, value)
                changed.append(_NAMES[key])
        elif getattr(project.coordinator, key) != value:
            setattr(project.coordinator, key, value)
            changed.append(_NAMES[key])
    return changed


_NAMES = {
    "hours": "uren per week",
    "employer": "werkgever",
    "funding": "financiering",
    "hourly_cost": "kosten per uur",
    "weeks_per_year": "weken per jaar",
    "activity_budget": "activiteitenbudget",
    "start": "startdatum",
}


# ----------------------------------------------------------------------------- candidates


def find(project: Project, raw: str) -> Candidate:
    """A candidate by id, or by exact name when only one has it; else a Dutch error."""
    raw = raw.strip()
    cands = project.coordinator.candidates
    for c in cands:
        if c.id == raw:
            return c
    named = [c for c in cands if fold(c.name) == fold(raw)]
    if len(named) == 1:
        return named[0]
    raise NotFound(
        f"Geen kandidaat '{raw}'."
        + did_you_mean(raw, [c.id for c in cands])
        + " Zie: gzctl coordinator candidate list"
    )


def next_id(project: Project) -> str:
    """'kandidaat-N': an id that says nothing about the person."""
    used = {c.id for c in project.coordinator.candidates}
    n = 1
    while f"kandidaat-{n}" in used:
        n += 1
    return f"kandidaat-{n}"


def add_candidate(
    project: Project,
    name: str,
    email: str = "",
    phone: str = "",
    lives_in_village: bool | None = None,
    notes: str = "",
) -> Candidate:
    """Put a candidate on the list under a fresh ``kandidaat-N`` id, so the id says
    nothing about the person."""
    from gzctl.core.text import clean as clean_text

    name = clean_text(name)
    notes = clean_text(notes, multiline=True)
    if not name:
        raise UsageProblem("Geef de naam van de kandidaat.")
    twin = next((c for c in project.coordinator.candidates if fold(c.name) == fold(name)), None)
    if twin is not None:
        raise Refused(f"{twin.name} staat al als kandidaat op de lijst ({twin.id}).")
    given = {k: v.strip() for k, v in (("contact_email", email), ("contact_phone", phone)) if v}
    if given:
        from gzctl.network.inventory import (  # the one e-mail/phone check
            load_catalogue,
            parse_fields,
        )

        clean, errors = parse_fields(given, load_catalogue())
        if errors:
            raise UsageProblem("; ".join(errors) + ".")
        email = str(clean.get("contact_email", email))
        phone = str(clean.get("contact_phone", phone))
    from gzctl.core.bounds import check_name

    check_name(name, "de naam van de kandidaat")
    cand = Candidate(
        id=next_id(project),
        name=name,
        email=email.strip(),
        phone=phone.strip(),
        lives_in_village=lives_in_village,
        notes=notes.strip(),
    )
    project.coordinator.candidates.append(cand)
    project.coordinator.candidates.sort(key=lambda c: (len(c.id), c.id))
    return cand


def score(
    project: Project, raw_id: str, assessor: str, scores: dict[str, int], crit: Criteria
) -> Candidate:
    """One assessor's scorecard for one candidate (given scores replace theirs)."""
    cand = find(project, raw_id)
    assessor = " ".join(assessor.split())
    if not assessor:
        raise UsageProblem("Wie beoordeelt? Geef --beoordelaar NAAM.")
    known = {c.id for c in crit.coordinator}
    card = dict(cand.scores.get(assessor, {}))
    for key, value in scores.items():
        if key not in known:
            raise UsageProblem(f"onbekend criterium '{key}'.")
        card[key] = parse_score(value, key)
    cand.scores[assessor] = card
    return cand


@_frozen_record
class CriterionScore(_FrozenRecord):
    """One criterion on a scorecard: each assessor's score and whether they disagree."""

    id: str
    label: str
    weight: float
    scores: dict[str, int]  # assessor -> score
    average: float | None
    spread: int | None  # highest minus lowest
    disagreement: bool


@_frozen_record
class Scorecard(_FrozenRecord):
    """A candidate's scores by criterion and assessor, with the weighted total."""

    candidate: Candidate
    rows: tuple[CriterionScore, ...]
    assessors: tuple[str, ...]
    total: float | None  # weighted average of the averages (1..5); None while incomplete
    disagreements: tuple[str, ...]


def scorecard(cand: Candidate, crit: Criteria) -> Scorecard:
    """The scorecard of a candidate: averages, spread and disagreements per criterion,
    so the selection talks about where assessors differ."""
    assessors = tuple(sorted(cand.scores))
    rows = []
    for c in crit.coordinator:
        given = {a: cand.scores[a][c.id] for a in assessors if c.id in cand.scores[a]}
        values = list(given.values())
        avg = round(sum(values) / len(values), 2) if values else None
        spread = max(values) - min(values) if values else None
        rows.append(
            CriterionScore(
                c.id, c.label, c.weight, given, avg, spread,
                spread is not None and spread >= DISAGREEMENT,
            )
        )  # fmt: skip
    weighted = [r for r in rows if r.weight > 0]
    total = None
    if weighted and all(r.average is not None for r in weighted):
        total = round(
            sum(r.weight * (r.average or 0) for r in weighted) / sum(r.weight for r in weighted), 2
        )
    return Scorecard(
        cand, tuple(rows), assessors, total, tuple(r.label for r in rows if r.disagreement)
    )


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    """The scorecard as plain JSON values (``candidate show --json``)."""
    return {
        "id": card.candidate.id,
        "assessors": list(card.assessors),
        "total": card.total,
        "criteria": [
            {
                "id": r.id,
                "label": r.label,
                "weight": r.weight,
                "scores": r.scores,
                "average": r.average,
                "spread": r.spread,
                "disagreement": r.disagreement,
            }
            for r in card.rows
        ],
        "disagreements": list(card.disagreements),
    }


def appoint(project: Project, raw_id: str, today: dt.date) -> Candidate:
    """Appoint a candidate as the Coördinator from today."""
    cand = find(project, raw_id)
    project.coordinator.appointed = cand.id
    project.coordinator.appointed_date = today
    return cand


def appointed(project: Project) -> Candidate | None:
    """The appointed Coördinator, if any."""
    cid = project.coordinator.appointed
    return next((c for c in project.coordinator.candidates if c.id == cid), None) if cid else None


def forget(project: Project, raw_id: str) -> int:
    """Remove a candidate completely: the record, every history line that names them as a
    whole name, e-mail or phone number or carries their id (rewritten to a neutral line),
    and their name in notes ('[naam gewist]'). "Anne" never matches "Annelies". Returns how
    many history lines were rewritten. The appointed Coördinator cannot be forgotten."""
    from gzctl.network import privacy

    cand = find(project, raw_id)
    if project.coordinator.appointed == cand.id:
        raise Refused(
            f"{cand.name} is aangesteld als Coördinator en blijft daarom bewaard. "
            "Stel eerst iemand anders aan als dat niet klopt."
        )
    return privacy.forget(project, candidate_person(cand)).history


def candidate_person(cand: Candidate) -> Any:
    """The candidate as a privacy.Person: this record only, traced by name, e-mail, phone."""
    from gzctl.network import privacy

    record = privacy.Record("candidate", cand.id, cand.name, cand.email, cand.phone)
    person = privacy.Person([record])
    person.names = {cand.name} if cand.name else set()
    person.emails = {cand.email} if cand.email else set()
    person.phones = {cand.phone} if cand.phone else set()
    return person


def candidate_json(cand: Candidate, crit: Criteria, is_appointed: bool) -> dict[str, Any]:
    """A candidate with their total, as plain JSON values (``candidate list --json``)."""
    card = scorecard(cand, crit)
    return {
        "id": cand.id,
        "name": cand.name,
        "email": cand.email,
        "phone": cand.phone,
        "lives_in_village": cand.lives_in_village,
        "appointed": is_appointed,
        "total": card.total,
        "disagreements": list(card.disagreements),
        "notes": cand.notes,
    }
