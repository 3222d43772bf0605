"""Two people, one village (issue 12, kind 7): two wizards, or a wizard and a command, open on
one project never undo each other's answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.answers import get_answer
from gzctl.core.questions import Question
from gzctl.wizard.engine import Wizard, new_project

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))


class ScriptedAsker:
    """Answers each question from a script; ``meanwhile`` runs while the prompt is open."""

    def __init__(self, answers: dict[str, Any], meanwhile: dict[str, Callable[[], None]]):
        self.answers = answers
        self.meanwhile = meanwhile
        self.shown: dict[str, Any] = {}

    def ask(self, q: Question, current: Any, position: str = "") -> Any:
        self.shown[q.id] = current
        if q.id in self.meanwhile:
            self.meanwhile[q.id]()
        # Enter without typing gives what the prompt showed (or its default)
        return self.answers.get(q.id, current if current is not None else q.default)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
    store.create(folder, project)
    return folder


def make(folder: Path, asker: Any) -> Wizard:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    return Wizard(folder, book, "tester", lambda: NOW, asker, lambda _: None)


def question(qid: str) -> Question:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    return next(q for q in book.questions() if q.id == qid)


def answer(folder: Path, qid: str) -> Any:
    return get_answer(store.load(folder), question(qid))


def test_enter_in_one_wizard_keeps_the_answer_just_given_in_the_other(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Wizard, "checklist", lambda self, step: None)
    other = make(folder, ScriptedAsker({}, {}))

    def other_answers() -> None:
        other.save_answer(question("verkennen.peiling_respons"), 120, None)

    # wizard A walks the step; while its respons prompt is open, B answers it; A presses Enter
    asker = ScriptedAsker({}, {})
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verkennen.behoeftepeiling")
    assert step is not None
    choice = step.questions[0]
    asker.answers[choice.id] = choice.options[0]
    asker.meanwhile["verkennen.peiling_respons"] = other_answers
    make(folder, asker).step(step)
    assert answer(folder, "verkennen.peiling_respons") == 120


def test_each_question_starts_from_what_is_on_disk_now(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Wizard, "checklist", lambda self, step: None)
    other = make(folder, ScriptedAsker({}, {}))
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verkennen.behoeftepeiling")
    assert step is not None
    choice = step.questions[0]

    def other_writes_later_answer() -> None:
        other.save_answer(question("verkennen.peiling_uitkomsten"), "Veel eenzaamheid", None)

    asker = ScriptedAsker({choice.id: choice.options[0]}, {choice.id: other_writes_later_answer})
    make(folder, asker).step(step)
    assert asker.shown["verkennen.peiling_uitkomsten"] == "Veel eenzaamheid"
    assert answer(folder, "verkennen.peiling_uitkomsten") == "Veel eenzaamheid"


def test_accepting_the_default_does_not_overwrite_a_fresh_answer(folder: Path) -> None:
    q = question("verbinden.netwerkavond_tijd")  # default 19:30
    a = make(folder, ScriptedAsker({}, {}))
    b = make(folder, ScriptedAsker({}, {}))
    b.save_answer(q, "20:00", None)  # B typed 20:00 while A's prompt showed nothing yet
    a.save_answer(q, "19:30", None)  # A pressed Enter on the pre-filled default
    assert answer(folder, "verbinden.netwerkavond_tijd") == "20:00"


def test_a_real_change_still_wins(folder: Path) -> None:
    q = question("verkennen.peiling_respons")
    a = make(folder, ScriptedAsker({}, {}))
    b = make(folder, ScriptedAsker({}, {}))
    b.save_answer(q, 120, None)
    a.save_answer(q, 150, None)  # A typed a different number: that is A's change
    assert answer(folder, "verkennen.peiling_respons") == 150


def test_clearing_an_answer_on_purpose_still_clears_it(folder: Path) -> None:
    q = question("verkennen.peiling_respons")
    a = make(folder, ScriptedAsker({}, {}))
    a.save_answer(q, 120, None)
    a.save_answer(q, None, 120)  # the prompt showed 120 and the user emptied it
    assert answer(folder, "verkennen.peiling_respons") is None


def test_a_command_meanwhile_is_kept_too(folder: Path, gz) -> None:
    """A wizard's intake question open while `gzctl org add` writes: the organisation stays."""
    q = question("village.municipality")
    a = make(folder, ScriptedAsker({}, {}))
    assert gz("-C", str(folder), "org", "add", "VV Beesd").code == 0
    a.save_answer(q, "West Betuwe", "")
    project = store.load(folder)
    assert [o.name for o in project.organisations] == ["VV Beesd"]
    assert project.village.municipality == "West Betuwe"


def test_wizard_warns_about_a_network_evening_in_the_past(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzctl.wizard.documents

    monkeypatch.setattr(Wizard, "checklist", lambda self, step: None)
    monkeypatch.setattr(gzctl.wizard.documents, "offer_documents", lambda wizard, step: None)
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    said: list[str] = []
    scripted = {
        "verbinden.netwerkavond_datum": dt.date(2025, 12, 3),
        "verbinden.rsvp": "Bij Petra",
        "verbinden.centrale_vraag": "Hoe helpen we elkaar?",
    }
    wizard = Wizard(folder, book, "tester", lambda: NOW, ScriptedAsker(scripted, {}), said.append)
    wizard.step(step)
    assert any("in het verleden" in s for s in said)
    assert answer(folder, "verbinden.netwerkavond_datum") == dt.date(2025, 12, 3)
