"""Where the wizard goes on after a Ctrl-C or a closed terminal, and "Later invullen".

Every answer is saved as it is given, so a step that was begun and not finished has its first
questions answered already: the wizard goes on at the first question without an answer (and
says so) instead of asking the whole step again. ``gzctl wizard --stap`` asks from the start,
with the earlier answers offered as defaults.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gzctl.core import answers as ans
from gzctl.core.errors import NotFound, did_you_mean
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook, Step
from gzctl.core.questions import Question


def to_ask(step: Step, project: Project, resuming: bool) -> list[int]:
    """The numbers (1-based) of the questions of ``step`` to ask: all of them when the step
    is asked on purpose (``resuming`` False), was walked through already, or has no answer
    yet; in a begun step only those without an answer (a yes/no answered "no" counts as
    answered), so the wizard goes on where it stopped. Can be empty: the step then goes on
    with its handler and checklist."""
    numbers = list(range(1, len(step.questions) + 1))
    if not resuming or step.id in project.wizard.completed:
        return numbers
    empty = [
        n for n, q in zip(numbers, step.questions, strict=True)
        if ans.get_answer(project, q) in (None, "", [])
    ]  # fmt: skip
    return numbers if len(empty) == len(numbers) else empty


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
    short = [s for s in steps if plain in (s.id.split(".", 1)[-1], s.shown.split(".", 1)[-1])]
    if len(short) == 1:
        return short[0]
    names = [s.shown for s in steps] + [s.shown.split(".", 1)[-1] for s in steps]
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
    canonical = playbook.canonical(plain)  # a variant's shown id ([shown_ids]) names it too
    for row in rows:
        if canonical in (row[0], row[2].id.lower()):
            return row
    short = [
        r for r in rows
        if plain in (r[2].id.lower().rsplit(".", 1)[-1],
                     playbook.shown(r[2].id).lower().rsplit(".", 1)[-1])
    ]  # fmt: skip
    if len(short) == 1:
        return short[0]
    raise NotFound(
        f"Onbekende vraag '{text}'. Geef het nummer of de naam die gzctl answers toont."
        + did_you_mean(plain, [playbook.shown(r[2].id) for r in rows])
    )


def ask_again(
    folder: Path, playbook: Playbook, text: str, asker: Any, who: str, now: dt.datetime
) -> tuple[Question, Any, Any] | None:
    """``gzctl answers --wijzig``: ask the question ``text`` names (:func:`find_question`)
    once more through ``asker`` (an engine ``Asker``), the current answer as the default, and
    save the new answer in one transaction with a history line "Antwoord gewijzigd: <label>".
    When someone else changed the answer while the prompt was open, only what this user
    changed is saved (``answers.answer_to_save``); Enter on the shown answer keeps theirs.
    Returns (question, old, new), or None when the user chose "Later invullen" (nothing
    changes). Raises NotFound for an unknown question; Ctrl-C raises KeyboardInterrupt."""
    from gzctl.core import store
    from gzctl.wizard.keys import LATER

    number, step, q = find_question(playbook, text)
    if getattr(asker, "country", False) is None and q.type == "date":
        from gzctl.core.country import for_playbook

        asker.country = for_playbook(playbook)  # a date is checked against the calendar
    where = f"stap {number.split('.')[0]}: {step.title}" if step else "het dorp"
    asker.say(f"[bold]Vraag {number}[/] ({where})")
    shown = ans.get_answer(store.load(folder), q)
    value = asker.ask(q, shown)
    if value is LATER:
        return None
    with store.transaction(folder, who, now) as change:
        old = ans.get_answer(change.project, q)
        # another wizard or command may have changed this answer while the prompt was open:
        # only what this user changed goes in (Enter on the shown answer keeps theirs)
        save, value = ans.answer_to_save(q, value, shown, old)
        if save:
            ans.set_answer(change.project, q, value)
            note_later(change.project, q, False)
        else:
            asker.say("[yellow]Intussen is dit antwoord elders veranderd; dat blijft staan.[/]")
        new = ans.get_answer(change.project, q)
        if old != new:
            # the label, not the answer: names and free text stay out of the history
            change.log("answer", f"Antwoord gewijzigd: {q.label}", [q.id])
    return q, old, new


def resume_step(playbook: Playbook, project: Project, fallback: bool = True) -> Step | None:
    """Where ``gzctl wizard`` goes on: the first step not walked through, passing over steps
    that only wait for questions the user chose to fill in later (those are named by next and
    status, and asked with ``gzctl wizard --stap N``); None when every step is done. When only
    such steps are left, the first of them (``fallback``) or None."""
    later = set(project.wizard.later)
    done = set(project.wizard.completed)
    open_steps = [s for s in playbook.steps if s.id not in done]
    for step in open_steps:
        missing = [
            q.id for q in step.questions
            if q.required and ans.get_answer(project, q) in (None, "", [])
        ]  # fmt: skip
        if not missing or not set(missing) <= later:
            return step
    return open_steps[0] if open_steps and fallback else None


def parts_done(wizard: Any, step: Step) -> set[str]:
    """The parts of ``step`` (e.g. the inventory's sectors) already walked through in an
    earlier, interrupted run: empty when the step is asked on purpose (``--stap``) or was
    completed, so then everything is asked again."""
    project = wizard.load()
    if not getattr(wizard, "resuming", True) or step.id in project.wizard.completed:
        return set()
    prefix = step.id + ":"
    return {p[len(prefix) :] for p in project.wizard.parts if p.startswith(prefix)}


def mark_part(wizard: Any, step: Step, part: str) -> None:
    """Remember that ``part`` of ``step`` has been walked through (one small transaction)."""
    from gzctl.core import store

    with store.transaction(wizard.folder, wizard.who, wizard.clock()) as change:
        key = f"{step.id}:{part}"
        if key not in change.project.wizard.parts:
            change.project.wizard.parts = sorted({*change.project.wizard.parts, key})


def clear_parts(project: Project, step: Step) -> None:
    """Forget the parts of ``step`` (it is completed)."""
    prefix = step.id + ":"
    project.wizard.parts = [p for p in project.wizard.parts if not p.startswith(prefix)]
