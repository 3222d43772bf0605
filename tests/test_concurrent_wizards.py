"""Two people, one village (issue 12, kind 7): every long-running write path of the wizard
and of the commands that ask in a terminal changes only what its own user changed.

Each test plays two processes. The wizard (or command) under test is driven through a stand-in
for questionary whose answer function may first make a competing change — another wizard's
``save_answer``, a ``store.transaction`` or a real ``gzctl`` command — while "the prompt is
open"; then the test reloads gzctl.toml and checks that both changes survived. The last test
runs two real processes against one folder.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_SHOWN, Prompt, Prompts, ScriptedAsker

from gzctl.core import answers as ans
from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.questions import Question
from gzctl.network import inventory as inv
from gzctl.network import places as pl
from gzctl.network.criteria import load_criteria
from gzctl.wizard import engine
from gzctl.wizard.engine import Asker, new_project
from gzctl.wizard.resume import ask_again
from gzctl.wizard.steps import HANDLERS

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))
BOOK = pb.load(pb.DEFAULT_PLAYBOOK)


# --------------------------------------------------------------------------- the village


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Beesd with four organisations (a Beweegweek can start) and the Coördinator's hours."""
    folder = tmp_path / "dorp"
    project = new_project(BOOK, BOOK.id, NOW.date())
    project.village.name = "Beesd"
    project.answers["organiseren.uren"] = 12
    catalogue = inv.load_catalogue()
    for name, type_ in (
        ("VV Beesd", "voetbalvereniging"),
        ("Gymclub Beesd", "sportvereniging"),
        ("OBS De Linde", "basisschool"),
        ("KBO Beesd", "ouderenbond"),
    ):
        inv.add(project, {"name": name, "type": type_}, catalogue, NOW.date())
    project.answers["doen.eerste_platform"] = "Beweegweek"
    store.create(folder, project)
    return folder


def make(folder: Path, who: str = "anna", said: list[str] | None = None) -> engine.Wizard:
    from gzctl.wizard.steps import Wizard

    out = said if said is not None else []
    return Wizard(folder, BOOK, who, lambda: NOW, Asker(out.append), out.append)


def question(qid: str) -> Question:
    return next(q for q in BOOK.questions() if q.id == qid)


def step(step_id: str) -> pb.Step:
    found = BOOK.step(step_id)
    assert found is not None
    return found


def answer_now(folder: Path, qid: str) -> Any:
    return ans.get_answer(store.load(folder), question(qid))


def ask_and_save(wizard: engine.Wizard, q: Question) -> None:
    """What Wizard.step does for one question: ask from what is on disk, save with it."""
    shown = ans.get_answer(wizard.load(), q)
    wizard.save_answer(q, wizard.asker.ask(q, shown), shown)


def once(action: Callable[[], Any]) -> Callable[[], None]:
    done: list[bool] = []

    def run() -> None:
        if not done:
            done.append(True)
            action()

    return run


# --------------------------------------------------------------------------- plain questions


def test_enter_on_a_default_keeps_the_other_wizards_answer(folder: Path, prompts: Prompts) -> None:
    q = question("verbinden.netwerkavond_tijd")  # shows its default 19:30
    bert = make(folder, "bert")

    def answer(p: Prompt) -> Any:
        bert.save_answer(q, "20:00", None)  # Bert types 20:00 while Anna's prompt is open
        return AS_SHOWN

    prompts.answer = answer
    said: list[str] = []
    ask_and_save(make(folder, said=said), q)
    # the default is a proposal, not text in the prompt the user never typed
    assert prompts.asked[0].default == ""
    assert any("Voorstel: [bold]19:30[/] [dim](Enter neemt het over)" in s for s in said)
    assert not any("Er staat al iets ingevuld" in s or "Ctrl-U" in s for s in said)
    assert answer_now(folder, q.id) == "20:00"


def test_later_does_not_mark_a_question_the_other_wizard_answered(
    folder: Path, prompts: Prompts
) -> None:
    q = question("verkennen.startdatum")  # required: an empty Enter is "later invullen"
    bert = make(folder, "bert")

    def answer(p: Prompt) -> Any:
        bert.save_answer(q, dt.date(2027, 1, 15), None)
        return AS_SHOWN

    prompts.answer = answer
    ask_and_save(make(folder), q)
    project = store.load(folder)
    assert ans.get_answer(project, q) == dt.date(2027, 1, 15)
    assert q.id not in project.wizard.later


def test_both_add_a_row_to_one_group(folder: Path, prompts: Prompts) -> None:
    q = question("verkennen.gemeentecontacten")
    first = {"name": "Karin Smit", "role": "beleidsmedewerker"}
    bert_row = {"name": "Joost Bakker", "role": "wethouder"}
    make(folder, "bert").save_answer(q, [first], None)
    bert = make(folder, "bert")

    def answer(p: Prompt) -> Any:
        if p.message.startswith("Nog een") and p.n == 0:
            bert.save_answer(q, [first, bert_row], [first])  # Bert adds a contact meanwhile
            return "Ja"
        if p.message.startswith("Nog een"):
            return "Nee"
        if "Naam" in p.message:
            return "Ans de Wit"
        return AS_SHOWN

    prompts.answer = answer
    ask_and_save(make(folder), q)
    names = [row["name"] for row in answer_now(folder, q.id)]
    assert names == ["Karin Smit", "Joost Bakker", "Ans de Wit"]


def test_both_tick_options_of_one_multiple_choice(folder: Path, prompts: Prompts) -> None:
    q = question("verkennen.plek_eisen")
    make(folder, "bert").save_answer(q, ["Drempelvrije ingang"], None)
    bert = make(folder, "bert")

    def answer(p: Prompt) -> Any:
        bert.save_answer(q, ["Drempelvrije ingang", "Keuken"], ["Drempelvrije ingang"])
        return ["Drempelvrije ingang", "Lage huur"]  # Anna ticks Lage huur

    prompts.answer = answer
    ask_and_save(make(folder), q)
    assert answer_now(folder, q.id) == ["Drempelvrije ingang", "Keuken", "Lage huur"]


# --------------------------------------------------------------------------- the checklist


def test_checklist_keeps_a_tick_made_by_gzctl_done_meanwhile(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    # GZCTL_USER is "tester" for the command; the wizard is Anna's
    def answer(p: Prompt) -> Any:
        assert gz("-C", str(folder), "done", "verbinden.drieclubs").code == 0
        return ["verbinden.drieclubs", "verbinden.ouderenbond"]  # Anna ticks both

    prompts.answer = answer
    make(folder).checklist(step("verbinden.eerstekring"))
    checklist = store.load(folder).checklist
    assert checklist["verbinden.drieclubs"].by == "tester"  # the command's tick stays
    assert checklist["verbinden.ouderenbond"].by == "anna"


def test_checklist_unticking_what_gzctl_undo_undid_meanwhile_is_no_error(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    assert gz("-C", str(folder), "done", "verbinden.drieclubs").code == 0

    def answer(p: Prompt) -> Any:
        assert gz("-C", str(folder), "undo", "verbinden.drieclubs").code == 0
        return ["verbinden.naamkiezen"]  # Anna unticks drieclubs and ticks naamkiezen

    prompts.answer = answer
    make(folder).checklist(step("verbinden.eerstekring"))
    checklist = store.load(folder).checklist
    assert "verbinden.drieclubs" not in checklist
    assert checklist["verbinden.naamkiezen"].done


# --------------------------------------------------------------------------- inventory


def test_inventory_both_add_organisations(folder: Path, prompts: Prompts, gz: Any) -> None:
    def answer(p: Prompt) -> Any:
        if p.n == 0:
            assert gz("-C", str(folder), "org", "add", "Bakkerij Van Dam").code == 0
            return "Huisartsenpraktijk Beesd"
        return AS_SHOWN

    prompts.answer = answer
    HANDLERS["inventory"](make(folder), step("verkennen.inventaris"))
    names = {o.name for o in store.load(folder).organisations}
    assert {"Bakkerij Van Dam", "Huisartsenpraktijk Beesd", "VV Beesd"} <= names


def test_inventory_adds_while_gzctl_org_edit_changes_an_organisation(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    def answer(p: Prompt) -> Any:
        if p.n == 0:
            result = gz("-C", str(folder), "org", "edit", "vv-beesd", "--achterban", "250")
            assert result.code == 0, result.err
            return "Apotheek Beesd"
        return AS_SHOWN

    prompts.answer = answer
    HANDLERS["inventory"](make(folder), step("verkennen.inventaris"))
    orgs = {o.id: o for o in store.load(folder).organisations}
    assert orgs["vv-beesd"].reach == 250
    assert "apotheek-beesd" in orgs


def test_inventory_does_not_ask_again_for_a_type_added_elsewhere(
    folder: Path, prompts: Prompts
) -> None:
    from gzctl.wizard.inventory import sectors_in_order

    catalogue = inv.load_catalogue(BOOK)
    later_type = sectors_in_order(catalogue)[-2][2][0]  # the last sector's first type (a town)
    asked_for = " ".join(later_type.question.split())

    def answer(p: Prompt) -> Any:
        if p.n == 0:
            with store.transaction(folder, "bert", NOW) as change:
                inv.add(change.project, {"name": "Dorpsraad Beesd", "type": later_type.id},
                        catalogue, NOW.date())  # fmt: skip
        return AS_SHOWN

    prompts.answer = answer
    HANDLERS["inventory"](make(folder), step("verkennen.inventaris"))
    assert not any(m.startswith(asked_for) for m in prompts.messages())


def test_interactive_org_edit_changes_only_what_was_typed(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    def answer(p: Prompt) -> Any:
        if p.n == 0:  # while the questions are open, another command sets the phone
            with store.transaction(folder, "bert", NOW) as change:
                inv.edit(change.project, "vv-beesd", {"contact_phone": "0345 123456"},
                         inv.load_catalogue(), NOW.date())  # fmt: skip
        if p.message.startswith("Achterban"):
            return "250"
        return AS_SHOWN

    prompts.answer = answer
    result = gz("-C", str(folder), "org", "edit", "vv-beesd")
    assert result.code == 0, result.err
    org = next(o for o in store.load(folder).organisations if o.id == "vv-beesd")
    assert org.reach == 250
    assert org.contact.phone  # not emptied by an Enter on the empty field shown


# --------------------------------------------------------------------------- places


def add_places(folder: Path, *names: str, scored: int | None = None) -> None:
    crit = load_criteria()
    with store.transaction(folder, "bert", NOW) as change:
        need = list(pl.required(change.project, crit))
        for name in names:
            place = pl.add(change.project, {"name": name, "access": need}, crit)
            if scored:
                pl.set_scores(change.project, place.id, {c.id: scored for c in crit.place}, crit)


def places_answer(
    meanwhile: Callable[[], None], pick: str = "", name: str = "", at: str = ""
) -> Callable[[Prompt], Any]:
    """Anna's answers in the places step: ``name`` as the one new place, Enter on every
    score, ``pick`` at the choice; ``meanwhile`` runs at her first prompt that starts with
    ``at``."""
    run = once(meanwhile)
    given: list[str] = []

    def answer(p: Prompt) -> Any:
        if p.message.startswith(at):
            run()
        if p.message.startswith("Naam van een plek"):
            if name and not given:
                given.append(name)
                return name
            return ""
        if p.message.startswith("Welke plek kies je"):
            return pick
        if p.message.startswith("Waarom"):
            return "Van niemand, midden in het dorp."
        return AS_SHOWN

    return answer


def test_places_both_add_a_place(folder: Path, prompts: Prompts, gz: Any) -> None:
    def bert() -> None:
        assert gz("-C", str(folder), "place", "add", "Bibliotheek Beesd").code == 0

    prompts.answer = places_answer(bert, name="Dorpshuis De Schakel")
    HANDLERS["places"](make(folder), step("verkennen.ontmoetingsplek"))
    assert {p.name for p in store.load(folder).places} == {
        "Bibliotheek Beesd",
        "Dorpshuis De Schakel",
    }


def test_places_enter_on_a_score_keeps_the_score_given_elsewhere(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    add_places(folder, "Dorpshuis")

    def bert() -> None:
        assert gz("-C", str(folder), "place", "score", "dorpshuis", "neutraal=5").code == 0

    prompts.answer = places_answer(bert, at="Neutraal")  # while Anna's neutraal is open
    HANDLERS["places"](make(folder), step("verkennen.ontmoetingsplek"))
    scores = store.load(folder).places[0].scores
    assert scores["neutraal"] == 5  # Bert's
    assert scores["kosten"] == 3  # Anna's Enter on the 3 shown


def test_interactive_place_score_enter_keeps_a_score_given_elsewhere(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    add_places(folder, "Dorpshuis", scored=4)
    crit = load_criteria()

    def answer(p: Prompt) -> Any:
        if p.message.startswith("Neutraal"):
            with store.transaction(folder, "bert", NOW) as change:
                pl.set_scores(change.project, "dorpshuis", {"neutraal": 2}, crit)
        return "5" if p.message.startswith("Kosten") else AS_SHOWN  # Enter keeps the 4 shown

    prompts.answer = answer
    result = gz("-C", str(folder), "place", "score", "dorpshuis")
    assert result.code == 0, result.err
    scores = store.load(folder).places[0].scores
    assert (scores["neutraal"], scores["kosten"], scores["centraal"]) == (2, 5, 4)


def test_interactive_candidate_score_enter_keeps_a_score_given_elsewhere(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    from gzctl.network import coordinator as co

    crit = load_criteria()
    with store.transaction(folder, "bert", NOW) as change:
        cand = co.add_candidate(change.project, "Sanne Visser")
        co.score(change.project, cand.id, "tester", {c.id: 3 for c in crit.coordinator}, crit)

    def answer(p: Prompt) -> Any:
        if p.n == 0:  # the same assessor on another laptop changes one score meanwhile
            with store.transaction(folder, "tester", NOW) as change:
                co.score(change.project, cand.id, "tester", {"brug": 5}, crit)
        return "1" if p.message.startswith("Organiseert") else AS_SHOWN

    prompts.answer = answer
    result = gz("-C", str(folder), "coordinator", "candidate", "score", cand.id)
    assert result.code == 0, result.err
    card = store.load(folder).coordinator.candidates[0].scores["tester"]
    assert (card["brug"], card["organiseren"], card["dorp"]) == (5, 1, 3)


def test_places_scoring_one_place_keeps_the_other_place_scored_elsewhere(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    add_places(folder, "Bibliotheek", "Dorpshuis")
    crit = load_criteria()

    def bert() -> None:
        pairs = [f"{c.id}=5" for c in crit.place]
        assert gz("-C", str(folder), "place", "score", "dorpshuis", *pairs).code == 0

    prompts.answer = places_answer(bert)
    HANDLERS["places"](make(folder), step("verkennen.ontmoetingsplek"))
    by_id = {p.id: p for p in store.load(folder).places}
    assert set(by_id["dorpshuis"].scores.values()) == {5}
    assert set(by_id["bibliotheek"].scores.values()) == {3}
    # the name, "Klopt dit?", the scores of the bibliotheek and the choice: the dorpshuis
    # was not asked again
    assert len(prompts.asked) == len(crit.place) + 3


def test_places_a_choice_made_elsewhere_meanwhile_stays(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    add_places(folder, "Bibliotheek", "Dorpshuis", scored=4)

    def bert() -> None:
        result = gz("-C", str(folder), "place", "choose", "dorpshuis", "--reden", "Bert zegt")
        assert result.code == 0, result.err

    said: list[str] = []
    prompts.answer = places_answer(bert, pick="bibliotheek", at="Welke plek kies je")
    HANDLERS["places"](make(folder, said=said), step("verkennen.ontmoetingsplek"))
    meeting = store.load(folder).meeting_place
    assert (meeting.chosen, meeting.reason) == ("dorpshuis", "Bert zegt")
    assert any("Intussen is elders al een plek gekozen: Dorpshuis" in s for s in said)


def test_places_choosing_a_place_removed_meanwhile_is_one_line(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    add_places(folder, "Bibliotheek", "Dorpshuis", scored=4)

    def answer(p: Prompt) -> Any:
        if p.message.startswith("Waarom"):
            assert gz("-C", str(folder), "place", "remove", "bibliotheek", "--yes").code == 0
        return places_answer(lambda: None, pick="bibliotheek")(p)

    said: list[str] = []
    prompts.answer = answer
    HANDLERS["places"](make(folder, said=said), step("verkennen.ontmoetingsplek"))
    project = store.load(folder)
    assert [p.id for p in project.places] == ["dorpshuis"]
    assert project.meeting_place.chosen == ""
    assert any("niet bewaard" in s for s in said)


def test_coordinator_enter_keeps_a_cost_changed_elsewhere(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    def answer(p: Prompt) -> Any:
        if p.n == 0:
            result = gz("-C", str(folder), "coordinator", "profile", "--kosten-per-uur", "60")
            assert result.code == 0, result.err
            return AS_SHOWN  # Anna keeps the 55,00 shown
        return "3000"

    prompts.answer = answer
    HANDLERS["coordinator"](make(folder), step("organiseren.coordinator"))
    coordinator = store.load(folder).coordinator
    assert coordinator.hourly_cost == 60
    assert coordinator.activity_budget == 3000


# --------------------------------------------------------------------------- platforms


def platform_answer(
    meanwhile: Callable[[], None], members: list[str], trekker: str
) -> Callable[[Prompt], Any]:
    def answer(p: Prompt) -> Any:
        if p.message.startswith("Welk platform"):
            return "beweegweek"
        if p.message.startswith("Welke organisaties doen mee"):
            meanwhile()
            return members
        if p.message.startswith("Welke organisatie trekt"):
            return trekker
        if p.message.startswith("Nog een platform"):
            return "Nee"
        return AS_SHOWN

    return answer


def test_platforms_both_start_the_same_platform(folder: Path, prompts: Prompts, gz: Any) -> None:
    def bert() -> None:
        assert gz("-C", str(folder), "platform", "add", "beweegweek").code == 0
        assert gz("-C", str(folder), "platform", "join", "beweegweek", "kbo-beesd",
                  "--trekker").code == 0  # fmt: skip

    said: list[str] = []
    prompts.answer = platform_answer(bert, ["vv-beesd", "obs-de-linde"], "vv-beesd")
    HANDLERS["platforms"](make(folder, said=said), step("doen.platforms"))
    platforms = store.load(folder).platforms
    assert [p.id for p in platforms] == ["beweegweek"]
    assert platforms[0].members == ["kbo-beesd", "obs-de-linde", "vv-beesd"]
    assert platforms[0].trekker == "kbo-beesd"  # Bert's trekker stays
    assert any("intussen elders al gestart" in s and "KBO Beesd" in s for s in said)


def test_platforms_both_start_different_platforms(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    def bert() -> None:
        assert gz("-C", str(folder), "platform", "add", "samen-eten").code == 0

    prompts.answer = platform_answer(bert, ["vv-beesd"], "vv-beesd")
    HANDLERS["platforms"](make(folder), step("doen.platforms"))
    platforms = {p.id: p for p in store.load(folder).platforms}
    assert set(platforms) == {"beweegweek", "samen-eten"}
    assert platforms["beweegweek"].trekker == "vv-beesd"


def test_platforms_a_member_removed_meanwhile_is_left_out(
    folder: Path, prompts: Prompts, gz: Any
) -> None:
    def bert() -> None:
        assert gz("-C", str(folder), "org", "remove", "obs-de-linde", "--yes").code == 0

    said: list[str] = []
    prompts.answer = platform_answer(bert, ["vv-beesd", "obs-de-linde"], "vv-beesd")
    HANDLERS["platforms"](make(folder, said=said), step("doen.platforms"))
    platform = store.load(folder).platforms[0]
    assert platform.members == ["vv-beesd"] and platform.trekker == "vv-beesd"
    assert any("niet toegevoegd: obs-de-linde" in s for s in said)


# --------------------------------------------------------------------------- gzctl answers --wijzig


def one_answer(q: Question, meanwhile: Callable[[], None], answer: Callable[[Any], Any]) -> Any:
    """An asker for ask_again: ``meanwhile`` runs while the prompt is open, then ``answer``
    (a function of what the prompt showed) is given."""
    return ScriptedAsker({q.id: answer}, {q.id: meanwhile})


def test_change_answer_enter_keeps_the_answer_given_elsewhere(folder: Path) -> None:
    q = question("verkennen.peiling_respons")
    make(folder, "bert").save_answer(q, 80, None)
    asker = one_answer(q, lambda: make(folder, "bert").save_answer(q, 120, 80), lambda shown: shown)
    result = ask_again(folder, BOOK, "peiling_respons", asker, "anna", NOW)
    assert answer_now(folder, q.id) == 120
    assert result is not None and result[2] == 120
    assert any("Intussen" in s for s in asker.said)


def test_change_answer_a_typed_answer_still_wins(folder: Path) -> None:
    q = question("verkennen.peiling_respons")
    make(folder, "bert").save_answer(q, 80, None)
    asker = one_answer(q, lambda: make(folder, "bert").save_answer(q, 120, 80), lambda shown: 150)
    ask_again(folder, BOOK, "peiling_respons", asker, "anna", NOW)
    assert answer_now(folder, q.id) == 150


def test_change_answer_adds_a_row_to_rows_added_elsewhere(folder: Path) -> None:
    q = question("verkennen.gemeentecontacten")
    one, two, three = ({"name": n} for n in ("Karin Smit", "Joost Bakker", "Ans de Wit"))
    make(folder, "bert").save_answer(q, [one], None)
    asker = one_answer(
        q,
        lambda: make(folder, "bert").save_answer(q, [one, two], [one]),
        lambda shown: [*shown, three],
    )
    ask_again(folder, BOOK, "gemeentecontacten", asker, "anna", NOW)
    assert answer_now(folder, q.id) == [one, two, three]


# --------------------------------------------------------------------------- a wizard and a command


def test_a_wizard_step_and_gzctl_commands_meanwhile(
    folder: Path, prompts: Prompts, gz: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole step through the wizard: while its questions are open `gzctl org add` and
    `gzctl done` run; the step's answers, the organisation and the tick all stay."""
    monkeypatch.setattr(engine.Wizard, "checklist", lambda self, s: None)
    s = step("verkennen.behoeftepeiling")

    def answer(p: Prompt) -> Any:
        if p.kind == "select":
            return AS_SHOWN
        if p.message.startswith("Hoeveel"):  # the response: Bert answers, Anna presses Enter
            assert gz("-C", str(folder), "org", "add", "Bakkerij Van Dam").code == 0
            assert gz("-C", str(folder), "done", "verkennen.peilingvragen").code == 0
            bert = make(folder, "bert")
            bert.save_answer(question("verkennen.peiling_respons"), 120, None)
            return AS_SHOWN
        return "Veel eenzaamheid"

    prompts.answer = answer
    engine.Wizard(folder, BOOK, "anna", lambda: NOW, Asker(lambda _: None),
                  lambda _: None).step(s)  # fmt: skip
    project = store.load(folder)
    assert "bakkerij-van-dam" in {o.id for o in project.organisations}
    assert project.checklist["verkennen.peilingvragen"].done
    assert ans.get_answer(project, question("verkennen.peiling_respons")) == 120
    assert ans.get_answer(project, question("verkennen.peiling_uitkomsten")) == "Veel eenzaamheid"
    assert "verkennen.peiling_respons" not in project.wizard.later
    assert "verkennen.behoeftepeiling" in project.wizard.completed


# ----------------------------------------------------------------- two wizards on a bare village


@pytest.fixture
def bare_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "kaal"
    project = new_project(BOOK, BOOK.id, NOW.date())
    project.village.name = "Beesd"
    store.create(folder, project)
    return folder


def make_with(folder: Path, asker: Any) -> engine.Wizard:
    return engine.Wizard(folder, BOOK, "tester", lambda: NOW, asker, lambda _: None)


def test_enter_in_one_wizard_keeps_the_answer_just_given_in_the_other(
    bare_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine.Wizard, "checklist", lambda self, step: None)
    other = make_with(bare_folder, ScriptedAsker())

    def other_answers() -> None:
        other.save_answer(question("verkennen.peiling_respons"), 120, None)

    # wizard A walks the step; while its respons prompt is open, B answers it; A presses Enter
    asker = ScriptedAsker()
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verkennen.behoeftepeiling")
    assert step is not None
    choice = step.questions[0]
    asker.answers[choice.id] = choice.options[0]
    asker.meanwhile["verkennen.peiling_respons"] = other_answers
    make_with(bare_folder, asker).step(step)
    assert answer_now(bare_folder, "verkennen.peiling_respons") == 120


def test_each_question_starts_from_what_is_on_disk_now(
    bare_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine.Wizard, "checklist", lambda self, step: None)
    other = make_with(bare_folder, ScriptedAsker())
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verkennen.behoeftepeiling")
    assert step is not None
    choice = step.questions[0]

    def other_writes_later_answer() -> None:
        other.save_answer(question("verkennen.peiling_uitkomsten"), "Veel eenzaamheid", None)

    asker = ScriptedAsker({choice.id: choice.options[0]}, {choice.id: other_writes_later_answer})
    make_with(bare_folder, asker).step(step)
    assert asker.shown["verkennen.peiling_uitkomsten"] == "Veel eenzaamheid"
    assert answer_now(bare_folder, "verkennen.peiling_uitkomsten") == "Veel eenzaamheid"


def test_accepting_the_default_does_not_overwrite_a_fresh_answer(bare_folder: Path) -> None:
    q = question("verbinden.netwerkavond_tijd")  # default 19:30
    a = make_with(bare_folder, ScriptedAsker())
    b = make_with(bare_folder, ScriptedAsker())
    b.save_answer(q, "20:00", None)  # B typed 20:00 while A's prompt showed nothing yet
    a.save_answer(q, "19:30", None)  # A pressed Enter on the pre-filled default
    assert answer_now(bare_folder, "verbinden.netwerkavond_tijd") == "20:00"


def test_a_real_change_still_wins(bare_folder: Path) -> None:
    q = question("verkennen.peiling_respons")
    a = make_with(bare_folder, ScriptedAsker())
    b = make_with(bare_folder, ScriptedAsker())
    b.save_answer(q, 120, None)
    a.save_answer(q, 150, None)  # A typed a different number: that is A's change
    assert answer_now(bare_folder, "verkennen.peiling_respons") == 150


def test_clearing_an_answer_on_purpose_still_clears_it(bare_folder: Path) -> None:
    q = question("verkennen.peiling_respons")
    a = make_with(bare_folder, ScriptedAsker())
    a.save_answer(q, 120, None)
    a.save_answer(q, None, 120)  # the prompt showed 120 and the user emptied it
    assert answer_now(bare_folder, "verkennen.peiling_respons") is None


def test_a_command_meanwhile_is_kept_too(bare_folder: Path, gz) -> None:
    """A wizard's intake question open while `gzctl org add` writes: the organisation stays."""
    q = question("village.municipality")
    a = make_with(bare_folder, ScriptedAsker())
    assert gz("-C", str(bare_folder), "org", "add", "VV Beesd").code == 0
    a.save_answer(q, "West Betuwe", "")
    project = store.load(bare_folder)
    assert [o.name for o in project.organisations] == ["VV Beesd"]
    assert project.village.municipality == "West Betuwe"


def test_wizard_warns_about_a_network_evening_in_the_past(
    bare_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzctl.wizard.documents

    monkeypatch.setattr(engine.Wizard, "checklist", lambda self, step: None)
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
    asker = ScriptedAsker(scripted)
    wizard = engine.Wizard(bare_folder, book, "tester", lambda: NOW, asker, said.append)
    wizard.step(step)
    assert any("in het verleden" in s for s in said)
    assert answer_now(bare_folder, "verbinden.netwerkavond_datum") == dt.date(2025, 12, 3)


# --------------------------------------------------------------------------- two real processes

PROCESS = textwrap.dedent(
    """
    import datetime as dt, pathlib, sys, time
    from gzctl.core import answers as ans, playbook as pb
    from gzctl.wizard.engine import Wizard

    folder, role = pathlib.Path(sys.argv[1]), sys.argv[2]
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    q = next(q for q in book.questions() if q.id == "verkennen.gemeentecontacten")
    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone.utc)

    def wait(name):
        for _ in range(600):
            if (folder / name).exists():
                return
            time.sleep(0.05)
        raise SystemExit("timed out waiting for " + name)

    class Asker:
        def ask(self, q, shown, position=""):
            (folder / "a-open").touch()
            wait("b-done")  # B answers while A's prompt is open
            return [*shown, {"name": "Ans de Wit"}]

    if role == "a":
        w = Wizard(folder, book, "anna", lambda: now, Asker(), print)
        shown = ans.get_answer(w.load(), q)
        w.save_answer(q, w.asker.ask(q, shown), shown)
    else:
        wait("a-open")
        w = Wizard(folder, book, "bert", lambda: now, None, print)
        shown = ans.get_answer(w.load(), q)
        w.save_answer(q, [*shown, {"name": "Joost Bakker"}], shown)
        (folder / "b-done").touch()
    """
)


def test_two_processes_add_a_row_each(folder: Path) -> None:
    q = question("verkennen.gemeentecontacten")
    make(folder, "bert").save_answer(q, [{"name": "Karin Smit"}], None)
    a = subprocess.Popen([sys.executable, "-c", PROCESS, str(folder), "a"])
    b = subprocess.run([sys.executable, "-c", PROCESS, str(folder), "b"], timeout=60)
    assert a.wait(timeout=60) == 0 and b.returncode == 0
    names = [row["name"] for row in answer_now(folder, q.id)]
    assert names == ["Karin Smit", "Joost Bakker", "Ans de Wit"]


def test_the_wizard_says_when_the_other_answer_stayed(folder: Path) -> None:
    """Enter (or 'later') on a question answered elsewhere meanwhile: the other answer stays,
    and the wizard says so (the prompt itself may have said the question stays open)."""
    from gzctl.wizard.keys import LATER

    q = question("verkennen.startdatum")
    said: list[str] = []
    anna = make(folder, "anna", said)
    make(folder, "bert").save_answer(q, dt.date(2027, 1, 15), None)
    anna._save_and_say(q, LATER, None)
    assert any("elders beantwoord" in line for line in said), said
    said.clear()
    anna._save_and_say(q, dt.date(2027, 2, 1), dt.date(2027, 1, 15))  # a change of her own
    assert not said and ans.get_answer(store.load(folder), q) == dt.date(2027, 2, 1)
