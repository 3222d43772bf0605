"""The interactive wizard, driven by simulated keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from gzctl import playbook as pb
from gzctl import store
from gzctl.wizard import Asker, Wizard, new_project

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
ESC_ENTER = "\x1b\r"
NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@contextmanager
def keyboard(keys: str) -> Iterator[None]:
    with create_pipe_input() as inp:
        inp.send_text(keys)
        with create_app_session(input=inp, output=DummyOutput()):
            yield


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    """What `gzctl init` writes before it asks anything."""
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    store.create(folder, new_project(book, book.id, NOW.date()))
    return folder, book


def wizard(folder: Path, book: pb.Playbook, said: list[str]) -> Wizard:
    return Wizard(folder, book, "tester", lambda: NOW, Asker(said.append), said.append)


INTAKE = (
    "Heukelum" + ENTER
    + "West Betuwe" + ENTER
    + "Gelderland" + ENTER
    + "vijfduizend" + ENTER  # refused: not a number; the prompt stays
    + "\x7f" * len("vijfduizend") + "2.600" + ENTER
    + "Petra de Vries" + ENTER + "petra@example.nl" + ENTER + ENTER + "beheerder dorpshuis" + ENTER
    + ENTER  # Nog een toevoegen? -> Nee (the default)
)


def test_intake_then_interrupt_then_resume(fresh: tuple[Path, pb.Playbook]) -> None:
    folder, book = fresh
    said: list[str] = []
    # intake, then the first step: start date typed in Dutch, then Ctrl-C in the next question
    keys = INTAKE + "15 januari 2027" + ENTER + CTRL_C
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        wizard(folder, book, said).run()
    project = store.load(folder)
    assert project.village.name == "Heukelum"
    assert project.village.inhabitants == 2600
    assert [p.name for p in project.initiators] == ["Petra de Vries"]
    assert project.initiators[0].role == "beheerder dorpshuis"
    assert project.answers["verkennen.startdatum"] == dt.date(2027, 1, 15)
    assert project.wizard.completed == []
    assert any("Stap 1 van" in s for s in said)

    # resume: the intake is not asked again; the step starts with its questions, the start
    # date offered as default (Enter keeps it), then the rest of the step
    said.clear()
    keys = (
        ENTER  # startdatum: keep
        + "27" + ENTER  # aandeel 65+
        + "Dorpsvisie 2023" + ENTER  # eerdere peilingen
        + SPACE + DOWN + DOWN + SPACE + ENTER  # checklist: tick 1st and 3rd manual item
        + DOWN + ENTER  # Door naar stap 2? -> Nee
    )
    with keyboard(keys):
        outcome = wizard(folder, book, said).run()
    assert outcome == "gepauzeerd"
    assert not any("Eerst de basis" in s for s in said)
    project = store.load(folder)
    assert project.answers["verkennen.startdatum"] == dt.date(2027, 1, 15)
    assert project.answers["verkennen.aandeel_65plus"] == 27
    assert project.answers["verkennen.eerdere_peilingen"] == "Dorpsvisie 2023"
    assert project.wizard.completed == ["verkennen.startgroep"]
    step = book.steps[0]
    manual = [i.id for i in step.items if not i.done_when or i.id == "verkennen.eerderonderzoek"]
    ticked = sorted(k for k, v in project.checklist.items() if v.done)
    assert ticked and set(ticked) <= {i.id for i in step.items}
    assert manual  # the first step has items to tick by hand
    actions = [h.action for h in project.history]
    assert actions.count("answer") >= 7 and "step" in actions and "done" in actions


def test_resume_starts_at_first_open_step(fresh: tuple[Path, pb.Playbook]) -> None:
    folder, book = fresh
    said: list[str] = []
    with keyboard(INTAKE + ENTER + ENTER + ENTER + ENTER + DOWN + ENTER):
        assert wizard(folder, book, said).run() == "gepauzeerd"
    said.clear()
    with keyboard(CTRL_C), pytest.raises(KeyboardInterrupt):
        wizard(folder, book, said).run()
    second = book.steps[1]
    assert any(f"Stap 2 van {len(book.steps)}" in s and second.title in s for s in said)


def test_multiline_choice_and_multichoice(fresh: tuple[Path, pb.Playbook]) -> None:
    """The mission/vision step: multiline text, and two multiple-choice questions."""
    folder, book = fresh
    said: list[str] = []
    step = book.step("verbinden.missievisie")
    assert step is not None
    keys = (
        "Eenzaamheid groeit." + ESC_ENTER
        + "Samen zorgen dat iedereen meedoet." + ESC_ENTER
        + "Een dorp waar je elkaar kent." + ESC_ENTER
        + ENTER  # principles: nothing ticked -> refused (required), stays
        + SPACE + DOWN + SPACE + ENTER  # tick the first two principles
        + SPACE + DOWN + DOWN + SPACE + ENTER  # themes: first and third
        + ENTER  # checklist of the step: tick nothing
    )
    with keyboard(INTAKE + keys):
        assert wizard(folder, book, said).run(start=step, stop_after_one=True) == "stap"
    project = store.load(folder)
    assert project.answers["verbinden.missie"] == "Samen zorgen dat iedereen meedoet."
    principles = [q for q in step.questions if q.id == "verbinden.principes"][0].options
    assert project.answers["verbinden.principes"] == list(principles[:2])
    themes = [q for q in step.questions if q.id == "verbinden.themas"][0].options
    assert project.answers["verbinden.themas"] == [themes[0], themes[2]]
    assert "verbinden.missievisie" in project.wizard.completed
