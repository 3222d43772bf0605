"""Where the wizard goes on after a Ctrl-C or a closed terminal, and "Later invullen".

Every answer is saved as it is given, so a step that was begun and not finished has its first
questions answered already: the wizard goes on at the first question without an answer (and
says so) instead of asking the whole step again. ``gzctl wizard --stap`` asks from the start,
with the earlier answers offered as defaults.
"""

from __future__ import annotations

from gzctl.core import answers as ans
from gzctl.core.errors import NotFound, did_you_mean
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook, Step
from gzctl.core.questions import Question


def resume_at(step: Step, project: Project, resuming: bool) -> int:
    """The number (1-based) of the question of ``step`` to ask first: 1 when the step is
    asked on purpose (``resuming`` False) or was already walked through; else the first
    question without an answer, when an earlier one has one (a begun step). A step whose
    questions are all answered goes on with its handler and checklist (returns n + 1)."""
    if not resuming or step.id in project.wizard.completed or not step.questions:
        return 1
    first = ans.first_unanswered(step, project)
    return first if first > 1 else 1


def note_later(project: Project, q: Question, later: bool) -> bool:
    """Keep ``project.wizard.later`` (sorted question ids) up to date for one answer:
    ``later`` True adds the question and returns True (there is no answer to save); False
    removes it (the question is answered now) and returns False."""
    ids = set(project.wizard.later)
    if later:
        ids.add(q.id)
    else:
        ids.discard(q.id)
    project.wizard.later = sorted(ids)
    return later


def find_step(playbook: Playbook, text: str) -> Step:
    """The step ``text`` names, as people type it: its number as the wizard shows it ("4",
    "stap 4"), its id ("verkennen.inventaris") or the part after the dot ("inventaris").
    Raises NotFound (exit 2) with the valid range and a "Bedoelde je" hint."""
    steps = playbook.steps
    plain = " ".join(text.lower().split())
    for word in ("stap ", "step "):
        if plain.startswith(word):
            plain = plain[len(word) :].strip()
    if plain.isdigit():
        n = int(plain)
        if 1 <= n <= len(steps):
            return steps[n - 1]
        raise NotFound(
            f"Er is geen stap {n}: het stappenplan heeft stap 1 tot en met {len(steps)}."
        )
    found = playbook.step(plain)
    if found is not None:
        return found
    short = [s for s in steps if s.id.split(".", 1)[-1] == plain]
    if len(short) == 1:
        return short[0]
    names = [s.id for s in steps] + [s.id.split(".", 1)[-1] for s in steps]
    raise NotFound(
        f"Onbekende stap '{text}'. Geef het nummer (1 tot en met {len(steps)}) of de naam van "
        "de stap, zoals gzctl answers die toont." + did_you_mean(plain, names)
    )


BASICS = "Het dorp en de initiatiefnemers"


def numbered_questions(playbook: Playbook) -> list[tuple[str, Step | None, Question]]:
    """Every question with the number ``gzctl answers`` shows: "0.1" ... for the basics asked
    first (the village, the initiators; step None), "4.2" for step 4's second question."""
    out: list[tuple[str, Step | None, Question]] = [
        (f"0.{n}", None, q) for n, q in enumerate(playbook.intake, start=1)
    ]
    for s_n, step in enumerate(playbook.steps, start=1):
        out += [(f"{s_n}.{n}", step, q) for n, q in enumerate(step.questions, start=1)]
    return out


def find_question(playbook: Playbook, text: str) -> tuple[str, Step | None, Question]:
    """The question ``text`` names: its number ("4.2"), its id ("verbinden.missie",
    "village.name") or the part after the last dot when that is unique ("missie").
    Raises NotFound with a "Bedoelde je" hint."""
    rows = numbered_questions(playbook)
    plain = text.strip().lower()
    for row in rows:
        if plain in (row[0], row[2].id.lower()):
            return row
    short = [r for r in rows if r[2].id.lower().rsplit(".", 1)[-1] == plain]
    if len(short) == 1:
        return short[0]
    raise NotFound(
        f"Onbekende vraag '{text}'. Geef het nummer of de naam die gzctl answers toont."
        + did_you_mean(plain, [r[2].id for r in rows])
    )
