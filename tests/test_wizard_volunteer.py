"""Never stuck, easy to go back: keystroke tests (prompt_toolkit pipe input) for leaving a
required question for later, answering a choice list with j/n, a number or a first letter,
resuming a step where it stopped, changing an earlier answer, and finding a step by number."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CTRL_C, DOWN, ENTER, keyboard
from test_wizard import INTAKE, NOW, wizard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.errors import NotFound
from gzctl.wizard import Asker, new_project
from gzctl.wizard.keys import LATER, select
from gzctl.wizard.resume import ask_again, find_question, find_step


@pytest.fixture
def started(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    """The intake done, nothing else."""
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    store.create(folder, new_project(book, book.id, NOW.date()))
    with keyboard(INTAKE + CTRL_C), pytest.raises(KeyboardInterrupt):
        wizard(folder, book, []).run()
    assert store.load(folder).village.name == "Heukelum"
    return folder, book


def test_a_required_question_can_be_left_for_later(started, gz) -> None:
    folder, book = started
    said: list[str] = []
    # step 1: the start date (required) left empty = later; the other two answered; the
    # checklist; no documents; no next step
    keys = ENTER + "27" + ENTER + ENTER + ENTER + DOWN + ENTER + DOWN + ENTER
    with keyboard(keys):
        assert wizard(folder, book, said).run() == "gepauzeerd"
    project = store.load(folder)
    assert "verkennen.startdatum" not in project.answers
    assert project.answers["verkennen.aandeel_65plus"] == 27
    assert project.wizard.later == ["verkennen.startdatum"]
    assert "verkennen.startgroep" not in project.wizard.completed  # the step stays open
    assert any("blijft open" in s for s in said)
    # next and status say what is missing and how to fill it in
    out = gz("next", cwd=folder).out
    assert "Op welke datum begint de startgroep? (stap 1)" in out
    assert "Invullen: gzctl wizard --stap 1" in out
    assert "Op welke datum begint de startgroep?" in gz("-C", str(folder), "status").out
    # gzctl wizard goes on after that step (stap 2)
    said.clear()
    with keyboard(CTRL_C), pytest.raises(KeyboardInterrupt):
        wizard(folder, book, said).run()
    assert any("Stap 2 van" in s for s in said)
    # --stap 1 asks only what is still empty: the date and the (optional) third question;
    # answering the date closes the step
    said.clear()
    keys = "1-2-2027" + ENTER + ENTER + ENTER + DOWN + ENTER
    with keyboard(keys):
        wizard(folder, book, said).run(start=book.steps[0], stop_after_one=True)
    assert any("verder bij vraag 1 van 3" in s for s in said)
    assert not any("vraag 2 van 3" in s for s in said)
    project = store.load(folder)
    assert project.wizard.later == []
    assert "verkennen.startgroep" in project.wizard.completed
    assert "Nog in te vullen" not in gz("-C", str(folder), "next").out


def test_a_required_choice_list_offers_later(started) -> None:
    folder, book = started
    question = next(q for q in book.questions() if q.type == "choice" and q.required)
    with keyboard(str(len(question.options) + 1) + ENTER):
        assert Asker(lambda s: None).ask(question, None) is LATER


def test_choice_lists_answer_to_letters_and_numbers() -> None:
    with keyboard("n" + ENTER):
        assert select("Klopt dit?", ["Ja", "Nee"], "Ja") == "Nee"
    with keyboard("j" + ENTER):
        assert select("Klopt dit?", ["Ja", "Nee"], "Nee") == "Ja"
    with keyboard("3" + ENTER):
        assert select("Welke?", ["Appel", "Peer", "Banaan"]) == "Banaan"
    # a letter twice: the next option with that letter
    with keyboard("bb" + ENTER):
        assert select("Welke?", ["Appel", "Bes", "Banaan"]) == "Banaan"
    with keyboard("l" + ENTER):
        assert select("Welke?", ["Appel", "Peer"], later=True) is LATER


def test_interrupted_step_resumes_at_the_next_unanswered_question(started) -> None:
    folder, book = started
    with keyboard("15-01-2027" + ENTER + "27" + ENTER + CTRL_C), pytest.raises(KeyboardInterrupt):
        wizard(folder, book, []).run()
    said: list[str] = []
    keys = "Dorpsvisie" + ENTER + ENTER + ENTER + DOWN + ENTER + DOWN + ENTER
    with keyboard(keys):
        wizard(folder, book, said).run()
    assert any("verder bij vraag 3 van 3" in s for s in said)
    project = store.load(folder)
    assert project.answers["verkennen.eerdere_peilingen"] == "Dorpsvisie"
    assert project.answers["verkennen.aandeel_65plus"] == 27
    assert "verkennen.startgroep" in project.wizard.completed


def test_change_an_earlier_answer_without_redoing_the_step(started) -> None:
    folder, book = started
    said: list[str] = []
    # the province (0.3): the old answer is the default; erase it and type the new one
    with keyboard("\x7f" * len("Gelderland") + "Utrecht" + ENTER):
        result = ask_again(folder, book, "0.3", Asker(said.append), "tester", NOW)
    assert result is not None and result[1] == "Gelderland" and result[2] == "Utrecht"
    project = store.load(folder)
    assert project.village.province == "Utrecht"
    assert project.history[-1].what == "Antwoord gewijzigd: In welke provincie ligt het dorp?"
    assert any("Vraag 0.3" in s for s in said)
    # a number is validated as in the wizard: a word is refused, the prompt stays
    with keyboard("\x7f" * 4 + "veel" + ENTER + "\x7f" * 4 + "2700" + ENTER):
        ask_again(folder, book, "village.inhabitants", Asker(said.append), "tester", NOW)
    assert store.load(folder).village.inhabitants == 2700


def test_steps_and_questions_by_number_or_short_name() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    assert find_step(book, "4") is book.steps[3]
    assert find_step(book, "stap 4") is book.steps[3]
    assert find_step(book, "Stap  4") is book.steps[3]
    assert find_step(book, "inventaris").id == "verkennen.inventaris"
    assert find_step(book, "verkennen.inventaris").id == "verkennen.inventaris"
    with pytest.raises(NotFound, match="stap 1 tot en met"):
        find_step(book, "99")
    with pytest.raises(NotFound, match="Bedoelde je: inventaris"):
        find_step(book, "invntaris")
    assert find_question(book, "0.1")[2].id == "village.name"
    assert find_question(book, "1.2")[2].id == book.steps[0].questions[1].id


def test_wizard_stap_by_number_and_answers_command(gz, project: Path) -> None:
    result = gz("-C", str(project), "wizard", "--stap", "99")
    assert result.code == 2 and "stap 1 tot en met" in result.err
    out = gz("-C", str(project), "answers", "--alles").out
    assert "Het dorp en de initiatiefnemers" in out and "0.1  Hoe heet het dorp" in out
    assert "Stap 1 · " in out
    data = __import__("json").loads(gz("-C", str(project), "answers", "--json").out)
    assert data[0]["questions"][0] == {
        "number": "0.1",
        "id": "village.name",
        "label": "Hoe heet het dorp of de kern?",
        "answered": True,
        "later": False,
        "answer": "Beesd",
    }
    # no terminal: refused at once, in Dutch, exit 2
    result = gz("-C", str(project), "answers", "--wijzig", "0.3")
    assert result.code == 2 and "geen terminal" in result.err


def test_help_and_did_you_mean(gz) -> None:
    result = gz("help")  # one screen: the everyday commands; all of them behind --alles
    assert result.code == 0 and "Elke dag:" in result.out and "answers" in result.out
    result = gz("help", "--alles")
    assert result.code == 0 and "Opdrachten:" in result.out and "merge" in result.out
    result = gz("help", "org", "add")
    assert result.code == 0 and "gzctl org add" in result.out
    result = gz("statsu")
    assert result.code == 2 and "Bedoelde je: status?" in result.err


def test_the_inventory_goes_on_at_the_next_sector(started) -> None:
    """Ctrl-C in the second sector: the next run skips the first sector (no 34 Enters)."""
    from gzctl.network import inventory as inv
    from gzctl.wizard import HANDLERS
    from gzctl.wizard.inventory import sectors_in_order

    folder, book = started
    step = book.step("verkennen.inventaris")
    assert step is not None
    sectors = sectors_in_order(inv.load_catalogue())
    # no names, then "nog een?" Enter, then "Klopt dit?" j
    first_sector = ENTER * len(sectors[0][2]) + ENTER + "j" + ENTER
    with keyboard(first_sector + CTRL_C), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, []), step)
    assert store.load(folder).wizard.parts == [f"verkennen.inventaris:{sectors[0][0]}"]
    said: list[str] = []
    with keyboard(CTRL_C), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, said), step)
    assert any("Verder waar je was" in s for s in said)
    assert not any(sectors[0][1] in s for s in said if s.startswith("[bold cyan]"))
    assert any(sectors[1][1] in s for s in said if s.startswith("[bold cyan]"))


def test_the_wizard_refuses_at_once_when_its_output_is_no_terminal(
    gz, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`gzctl wizard > file`: the keyboard is there but nobody would see the questions."""
    import gzctl.core.runtime

    monkeypatch.setattr(gzctl.core.runtime, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(gzctl.core.runtime, "stdout_is_terminal", lambda: False)
    result = gz("-C", str(project), "wizard")
    assert result.code == 2
    assert "moeten op het scherm staan" in result.err and "--answers" in result.err
    assert result.out == ""


def test_keys_typed_before_a_choice_list_is_shown_are_dropped(monkeypatch) -> None:
    """Issue 22 walk: the next organisation's name, typed while the list of kinds was still
    coming, moved the pointer letter by letter and chose a kind for KBO Heukelum. On a
    terminal the keys typed ahead are forgotten when a list appears; through a pipe (as the
    tests feed keys ahead) they are kept."""
    import termios

    from prompt_toolkit.input.defaults import create_pipe_input
    from prompt_toolkit.input.typeahead import get_typeahead, store_typeahead
    from prompt_toolkit.key_binding import KeyPress

    from gzctl.wizard.keys import drop_typed_ahead

    flushed: list[int] = []
    monkeypatch.setattr(termios, "tcflush", lambda fd, how: flushed.append(how))
    with create_pipe_input() as pipe:
        store_typeahead(pipe, [KeyPress("v"), KeyPress("v")])
        drop_typed_ahead(pipe, tty=False)
        assert [k.key for k in get_typeahead(pipe)] == ["v", "v"]  # a pipe keeps them
        assert flushed == []
        store_typeahead(pipe, [KeyPress("v"), KeyPress("v")])
        monkeypatch.setattr("sys.stdin.fileno", lambda: 0, raising=False)
        drop_typed_ahead(pipe, tty=True)
        assert get_typeahead(pipe) == []  # a terminal forgets them
        assert flushed == [termios.TCIFLUSH]
