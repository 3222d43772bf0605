"""The interactive wizard, driven by simulated keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import CTRL_C, DOWN, ENTER, SPACE, keyboard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.wizard import Asker, Wizard, new_project

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))


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
    "Heukelum"
    + ENTER
    + "West Betuwe"
    + ENTER
    + "Gelderland"
    + ENTER
    + "vijfduizend"
    + ENTER  # refused: not a number; the prompt stays
    + "\x7f" * len("vijfduizend")
    + "2.600"
    + ENTER
    + "Petra de Vries"
    + ENTER
    + "petra@example.nl"
    + ENTER
    + ENTER
    + "beheerder dorpshuis"
    + ENTER
    + ENTER  # Nog een toevoegen? -> Nee (the default)
    + ENTER  # Wie ben jij? -> Petra de Vries (the only initiator)
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

    # resume: the intake is not asked again; the step goes on at its first unanswered
    # question (the start date is kept and not asked again), then the rest of the step
    said.clear()
    keys = (
        "27"
        + ENTER  # aandeel 65+
        + "Dorpsvisie 2023"
        + ENTER  # eerdere peilingen
        + SPACE
        + DOWN
        + SPACE
        + ENTER  # checklist: tick both items that are not automatic
        + DOWN
        + ENTER  # make this step's documents (the checklist) now? -> Nee
        + DOWN
        + ENTER  # Door naar stap 2? -> Nee
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
    assert any("verder bij vraag 2 van 3" in s for s in said)
    ticked = sorted(k for k, v in project.checklist.items() if v.done)
    # 'dorpsgegevens' is done by itself (inhabitants and the 65+ share are known), so the
    # checklist offered the other two
    assert ticked == ["verkennen.eerderonderzoek", "verkennen.medestarter"]
    assert any("Al gedaan:" in s and "2 van 2" in s for s in said)
    actions = [h.action for h in project.history]
    assert actions.count("answer") >= 7 and "step" in actions and "done" in actions
    # "Wie ben jij?" was asked once, in the first run: the history records the initiator
    assert project.wizard.people == {"tester": "Petra de Vries"}
    assert project.history[-1].who == "Petra de Vries"
    assert sum("Wie ben jij" in s for s in said) == 0


def test_resume_starts_at_first_open_step(fresh: tuple[Path, pb.Playbook]) -> None:
    folder, book = fresh
    said: list[str] = []
    # the start date, the other two questions, the checklist, no documents now, no next step
    keys = INTAKE + "1-2-2027" + ENTER + ENTER + ENTER + ENTER + DOWN + ENTER + DOWN + ENTER
    with keyboard(keys):
        assert wizard(folder, book, said).run() == "gepauzeerd"
    said.clear()
    with keyboard(CTRL_C), pytest.raises(KeyboardInterrupt):
        wizard(folder, book, said).run()
    second = book.steps[1]
    assert any(f"Stap 2 van {len(book.steps)}" in s and second.title in s for s in said)


def test_long_text_and_multichoice(fresh: tuple[Path, pb.Playbook]) -> None:
    """The mission/vision step: long texts (Enter submits), defaults, a required multichoice."""
    folder, book = fresh
    said: list[str] = []
    step = book.step("verbinden.missievisie")
    assert step is not None
    principles = next(q for q in step.questions if q.id == "verbinden.principes")
    themes = next(q for q in step.questions if q.id == "verbinden.themas")
    keys = (
        "Eenzaamheid groeit."
        + ENTER
        + "Samen zorgen dat iedereen meedoet."
        + ENTER
        + "Een dorp waar je elkaar kent."
        + ENTER
        + ENTER  # principles: keep the playbook's default choice
        + SPACE
        + DOWN
        + DOWN
        + SPACE
        + ENTER  # themes: first and third
        + ENTER  # checklist of the step: tick nothing
        + ENTER  # make the mission/vision document now? -> Ja (the default)
    )
    with keyboard(INTAKE + keys):
        assert wizard(folder, book, said).run(start=step, stop_after_one=True) == "stap"
    project = store.load(folder)
    assert project.answers["verbinden.aanleiding"] == "Eenzaamheid groeit."
    assert project.answers["verbinden.missie"] == "Samen zorgen dat iedereen meedoet."
    assert project.answers["verbinden.principes"] == list(principles.default)
    assert project.answers["verbinden.themas"] == [themes.options[0], themes.options[2]]
    assert "verbinden.missievisie" in project.wizard.completed
    # the step produces the mission/vision document; the wizard offered it and made it
    document = (folder / "documenten" / "missie-visie.md").read_text(encoding="utf-8")
    assert "Samen zorgen dat iedereen meedoet." in document
    # the Dutch summary replaces questionary's English "done (2 selections)"
    assert any(themes.label in s and themes.options[2] in s for s in said)


def test_keys_running_out_is_like_a_closed_terminal(fresh: tuple[Path, pb.Playbook]) -> None:
    folder, book = fresh
    with keyboard("Heukelum" + ENTER + "West"), pytest.raises(EOFError):
        wizard(folder, book, []).run()
    assert store.load(folder).village.name == "Heukelum"


def test_ctrl_c_in_init_exits_130_with_a_way_on(
    gz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzctl.core.runtime

    monkeypatch.setattr(gzctl.core.runtime, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(gzctl.core.runtime, "stdout_is_terminal", lambda: True)
    folder = tmp_path / "dorp"
    with keyboard("Heukelum" + ENTER + CTRL_C):
        result = gz("init", str(folder), cwd=tmp_path)
    assert result.code == 130
    assert "bewaard" in result.err and "gzctl -C dorp wizard" in result.err
    assert store.load(folder).village.name == "Heukelum"
    # and the wizard picks up at the municipality
    with keyboard("West Betuwe" + ENTER + CTRL_C):
        result = gz("-C", "dorp", "wizard", cwd=tmp_path)
    assert result.code == 130
    assert store.load(folder).village.municipality == "West Betuwe"
