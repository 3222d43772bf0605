"""The residents' survey (peiling): the questions as data (playbooks/peiling.toml), the rounds
at the start and after 12 and 18 months, and their results as counts only.

Anonymous by design: a round holds how many people filled it in and, per question, how many
gave each answer; never who. Pure functions over a :class:`~gzctl.core.model.Project`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from gzctl.core import datafiles
from gzctl.core.errors import NotFound, UsageProblem, did_you_mean
from gzctl.core.model import Project, SurveyRound
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

SURVEY_FILE = "peiling.toml"
# the rounds, in order: id -> how people say it
MOMENTS = {"start": "bij de start", "12-maanden": "na 12 maanden", "18-maanden": "na 18 maanden"}
_MOMENT_WORDS = {
    "start": "start", "begin": "start", "0": "start", "nulmeting": "start",
    "12": "12-maanden", "12m": "12-maanden", "12-maanden": "12-maanden", "jaar": "12-maanden",
    "18": "18-maanden", "18m": "18-maanden", "18-maanden": "18-maanden",
}  # fmt: skip
MAX_COUNT = 1_000_000


@_frozen_record
class Question(_FrozenRecord):
    """One question: its answers in order, which count for the summary, and the summary."""

    id: str
    text: str
    answers: tuple[str, ...]
    good: tuple[str, ...]
    summary: str
    extra: bool = False


@_frozen_record
class Survey(_FrozenRecord):
    """The survey's title, introduction, where to hand it in, and its questions."""

    title: str
    intro: str
    hand_in: str
    questions: tuple[Question, ...]

    def question(self, raw: str) -> Question:
        """A question by its number (as ``gzctl peiling vragen`` shows it) or id."""
        text = raw.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.questions):
            return self.questions[int(text) - 1]
        for q in self.questions:
            if q.id == text:
                return q
        raise NotFound(
            f"Geen vraag '{raw}'. Geef het nummer (1 tot {len(self.questions)}) uit gzctl "
            "peiling vragen." + did_you_mean(text, [q.id for q in self.questions])
        )


def answer_id(text: str) -> str:
    """'Ja, duidelijk' -> 'ja-duidelijk': how an answer is stored in gzctl.toml."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


_F = datafiles.Field
_QUESTION = datafiles.Entries(
    {
        "vraag": _F("text", required=True),
        "antwoorden": _F("texts", required=True),
        "goed": _F("texts", required=True),
        "samenvatting": _F("text", required=True),
        "extra": _F("bool"),
    },
    noun="vraag",
    missing="een lijst [[vragen]] ontbreekt",
)
_HEAD = {
    "titel": _F("text", required=True),
    "inleiding": _F("text", required=True),
    "inleveren": _F("text", required=True),
}
_memo: dict[tuple[str, float], Survey] = {}


def parse_survey(data: dict[str, Any], name: str = SURVEY_FILE) -> Survey:
    """The survey of a peiling.toml, checked: every fault at once."""
    check = datafiles.Checker(name)
    check.top(data, ("peiling", "vragen"))
    head = check.table("peiling", data.get("peiling"), _HEAD, {})
    questions = []
    for where, ident, e in check.entries(data, "vragen", _QUESTION, {}):
        wrong = [g for g in e["goed"] if g not in e["antwoorden"]]
        if wrong:
            check.fault(where, f"'goed' noemt '{wrong[0]}', dat geen antwoord is")
        if len({answer_id(a) for a in e["antwoorden"]}) < len(e["antwoorden"]):
            check.fault(where, "twee antwoorden zijn te veel hetzelfde")
        questions.append(
            Question(ident, e["vraag"], tuple(e["antwoorden"]), tuple(e["goed"]),
                     e["samenvatting"], e["extra"])  # fmt: skip
        )
    check.done()
    return Survey(head["titel"], head["inleiding"], head["inleveren"], tuple(questions))


def load_survey(path: Path | None = None) -> Survey:
    """The shipped survey (or one at ``path``), checked."""
    from gzctl.core.paths import data_dir

    source = path or data_dir("playbooks") / SURVEY_FILE
    return datafiles.load_data(source, lambda d: parse_survey(d, source.name), _memo)


# --------------------------------------------------------------------------- rounds


def moment_of(raw: str) -> str:
    """'12' or 'na 12 maanden' -> '12-maanden'; UsageProblem otherwise."""
    text = re.sub(r"^na\s+", "", raw.strip().lower()).replace(" ", "-")
    if text in _MOMENT_WORDS:
        return _MOMENT_WORDS[text]
    raise UsageProblem(f"Onbekend moment '{raw}'. Kies start, 12 of 18 (maanden).")


def find_round(project: Project, moment: str) -> SurveyRound | None:
    """The round of ``moment`` (an id of MOMENTS), if there is one."""
    return next((r for r in project.surveys if r.id == moment), None)


def set_round(project: Project, moment: str, day: dt.date, filled: int) -> SurveyRound:
    """Start a round, or change its date and how many filled it in."""
    if not 1 <= filled <= MAX_COUNT:
        raise UsageProblem(
            f"Hoeveel mensen vulden de peiling in? Een getal van 1 of meer, niet {filled}."
        )
    found = find_round(project, moment)
    if found is None:
        found = SurveyRound(moment)
        project.surveys.append(found)
        project.surveys.sort(key=lambda r: list(MOMENTS).index(r.id) if r.id in MOMENTS else 9)
    found.date, found.filled = day, filled
    return found


def set_counts(
    project: Project, survey: Survey, moment: str, question: str, counts: list[int]
) -> tuple[SurveyRound, Question]:
    """How many gave each answer to one question, in the order of its answers."""
    q = survey.question(question)
    found = find_round(project, moment)
    if found is None:
        raise UsageProblem(
            f"Er is nog geen ronde '{moment}'. Begin met: gzctl peiling ronde {moment} "
            "--datum DATUM --ingevuld AANTAL"
        )
    if len(counts) != len(q.answers):
        listed = ", ".join(f"{n}. {a}" for n, a in enumerate(q.answers, 1))
        raise UsageProblem(
            f"Vraag '{q.text}' heeft {len(q.answers)} antwoorden ({listed}); geef voor elk "
            f"één aantal, niet {len(counts)}."
        )
    if any(c < 0 or c > MAX_COUNT for c in counts):
        raise UsageProblem("Een aantal is 0 of meer.")
    if sum(counts) > found.filled:
        raise UsageProblem(
            f"Samen {sum(counts)} antwoorden, maar {found.filled} mensen vulden de peiling in. "
            f"Klopt het aantal? Wijzig het met gzctl peiling ronde {moment} --ingevuld AANTAL."
        )
    found.counts[q.id] = {answer_id(a): c for a, c in zip(q.answers, counts, strict=True)}
    return found, q


@_frozen_record
class Result(_FrozenRecord):
    """One question in one round: how many answered, and the share that counts as 'good'."""

    question: Question
    answered: int
    good: int

    @property
    def percent(self) -> int | None:
        """The share of 'good' answers in whole percents; None without answers."""
        return round(100 * self.good / self.answered) if self.answered else None


def results(survey: Survey, r: SurveyRound) -> list[Result]:
    """Per question of the survey that this round counted: answered and 'good'."""
    out = []
    for q in survey.questions:
        counts = r.counts.get(q.id)
        if not counts:
            continue
        good = {answer_id(a) for a in q.good}
        out.append(Result(q, sum(counts.values()), sum(v for k, v in counts.items() if k in good)))
    return out


def comparison(survey: Survey, project: Project) -> list[dict[str, Any]]:
    """Per question: the percentage in every round that counted it (start, 12, 18)."""
    rows = []
    for q in survey.questions:
        per: dict[str, int | None] = {}
        for r in project.surveys:
            found = next((x for x in results(survey, r) if x.question.id == q.id), None)
            if found is not None:
                per[r.id] = found.percent
        if per:
            rows.append({"id": q.id, "question": q.text, "summary": q.summary, "percent": per})
    return rows


def round_json(survey: Survey, r: SurveyRound) -> dict[str, Any]:
    """One round as plain data for ``--json`` (counts only)."""
    return {
        "moment": r.id,
        "date": r.date.isoformat() if r.date else None,
        "filled": r.filled,
        "results": [
            {"id": x.question.id, "answered": x.answered, "good": x.good, "percent": x.percent,
             "counts": dict(r.counts.get(x.question.id, {}))}
            for x in results(survey, r)
        ],
    }  # fmt: skip


def fill(text: str, values: dict[str, str]) -> str:
    """'{dorp}' and '{netwerk}' in a survey text replaced (unknown names left as they are)."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)
