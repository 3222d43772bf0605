"""Where the wizard goes on after a Ctrl-C or a closed terminal, and "Later invullen".

Every answer is saved as it is given, so a step that was begun and not finished has its first
questions answered already: the wizard goes on at the first question without an answer (and
says so) instead of asking the whole step again. ``gzctl wizard --stap`` asks from the start,
with the earlier answers offered as defaults.
"""

from __future__ import annotations

from gzctl.core import answers as ans
from gzctl.core.model import Project
from gzctl.core.playbook import Step
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
