"""The wizard steps for the meeting place and the Coördinator, driven by simulated keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOWN, ENTER, keyboard
from test_wizard import NOW, wizard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.wizard import HANDLERS, new_project


@pytest.fixture
def village(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
    project.answers["organiseren.uren"] = 12
    store.create(folder, project)
    return folder, book


def test_the_steps_name_their_handlers() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    for step_id, handler in (
        ("verkennen.ontmoetingsplek", "places"),
        ("organiseren.coordinator", "coordinator"),
        ("organiseren.werving", "recruitment"),
    ):
        step = book.step(step_id)
        assert step is not None and step.handler == handler
        assert handler in HANDLERS and handler in pb.STEP_HANDLERS


def test_places_step_adds_scores_ranks_and_chooses(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("verkennen.ontmoetingsplek")
    assert step is not None
    keys = (
        "Dorpshuis De Schakel" + ENTER + ENTER  # step-free entry? Enter: yes (the default)
        + "Kantine VV" + ENTER + DOWN + ENTER  # no step-free entry (Nee): excluded
        + ENTER  # no more places
        + "j" + ENTER  # the list: "Klopt dit? j/n"
        + (DOWN + ENTER) * 7  # dorpshuis: every criterion 4; the kantine is not scored
        + ENTER  # choose the first eligible place: the dorpshuis
        + "Van niemand, midden in het dorp." + ENTER
    )  # fmt: skip
    said: list[str] = []
    with keyboard(keys):
        HANDLERS["places"](wizard(folder, book, said), step)
    project = store.load(folder)
    by_id = {p.id: p for p in project.places}
    assert set(by_id) == {"dorpshuis-de-schakel", "kantine-vv"}
    assert by_id["dorpshuis-de-schakel"].access == ["drempelvrij"]
    assert by_id["kantine-vv"].access == []
    assert set(by_id["dorpshuis-de-schakel"].scores.values()) == {4}
    assert by_id["kantine-vv"].scores == {}
    assert project.meeting_place.chosen == "dorpshuis-de-schakel"
    assert project.meeting_place.reason == "Van niemand, midden in het dorp."
    text = "\n".join(said)
    assert "52 van 65" in text  # 4 x (3+3+2+2+1+1+1)
    assert "valt af: geen drempelvrije ingang" in text


def test_a_kitchen_is_a_facility_and_the_step_ends_with_the_choice(
    village: tuple[Path, pb.Playbook],
) -> None:
    """Issue 22: "Ja" to "Heeft ... een keuken?" gave "onbekend kenmerk 'keuken'" and saved
    nothing; "Nee" dropped the place and no choice was asked. Now the kitchen is stored as a
    facility, the evenings apart, an Enter too many at the end of the list is asked again,
    and "Welke plek kies je?" comes even when every place drops out."""
    folder, book = village
    with store.transaction(folder, "t", NOW) as change:
        change.project.answers["verkennen.plek_eisen"] = [
            "Drempelvrije ingang", "Keuken", "'s Avonds beschikbaar"
        ]  # fmt: skip
    step = book.step("verkennen.ontmoetingsplek")
    assert step is not None
    keys = (
        "Dorpshuis" + ENTER
        + ENTER  # drempelvrij: Ja
        + DOWN + ENTER  # keuken: Nee -> drops out, stays on the list
        + ENTER  # 's avonds beschikbaar: Ja
        + "Kerk" + ENTER + ENTER + ENTER + ENTER  # everything yes
        + ENTER  # no more places
        + ENTER  # an Enter too many at "Klopt dit?": asked again
        + "n" + ENTER  # not right: a place is missing
        + ENTER  # no more to add after all
        + "j" + ENTER
        + (DOWN + ENTER) * 7  # the kerk is scored (4 everywhere); the dorpshuis drops out
        + DOWN + ENTER  # "Welke plek kies je?": the dorpshuis (second, it drops out)
        + "j" + ENTER  # "Die eis laten vallen?" -> Ja (Nee is the default)
        + "Van iedereen." + ENTER
    )  # fmt: skip
    said: list[str] = []
    with keyboard(keys):
        HANDLERS["places"](wizard(folder, book, said), step)
    project = store.load(folder)
    by_id = {p.id: p for p in project.places}
    assert by_id["dorpshuis"].access == ["drempelvrij"]
    assert by_id["dorpshuis"].facilities == []
    assert by_id["dorpshuis"].evenings == ["ma", "di", "wo", "do", "vr"]
    assert by_id["kerk"].facilities == ["keuken"]
    assert project.meeting_place.chosen == "dorpshuis", said[-6:]
    assert project.meeting_place.required == ["drempelvrij"]
    text = "\n".join(said)
    assert "onbekend kenmerk" not in text
    assert "Zonder keuken valt Dorpshuis af" in text
    assert "Typ j (klopt) of n (nog eens)" in text
    assert text.count("Kandidaat-plekken:") == 2


def test_places_step_stops_cleanly_when_keys_run_out(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("verkennen.ontmoetingsplek")
    assert step is not None
    with keyboard("Bibliotheek" + ENTER + ENTER), pytest.raises(EOFError):
        HANDLERS["places"](wizard(folder, book, []), step)
    # what was entered before the input ended is saved
    assert [p.name for p in store.load(folder).places] == ["Bibliotheek"]


def test_recruitment_step_adds_candidates_once(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("organiseren.werving")
    assert step is not None
    said: list[str] = []
    keys = (
        "Sanne Bakker" + ENTER + "sanne bakker" + ENTER + ENTER
        + "n" + ENTER  # "Klopt dit?" no: one is missing
        + "Ruud Jansen" + ENTER + ENTER + "j" + ENTER
    )  # fmt: skip
    with keyboard(keys):
        HANDLERS["recruitment"](wizard(folder, book, said), step)
    cands = store.load(folder).coordinator.candidates
    assert [(c.id, c.name) for c in cands] == [
        ("kandidaat-1", "Sanne Bakker"),
        ("kandidaat-2", "Ruud Jansen"),
    ]
    assert any("staat al als kandidaat" in s for s in said)
    assert "[bold]Kandidaten:[/] Sanne Bakker, Ruud Jansen" in said


def test_coordinator_step_sets_the_budget(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("organiseren.coordinator")
    assert step is not None
    said: list[str] = []
    # cost per hour: 60 instead of the proposal 55; activity budget: Enter takes 2.500
    keys = "60" + ENTER + ENTER
    with keyboard(keys):
        HANDLERS["coordinator"](wizard(folder, book, said), step)
    project = store.load(folder)
    assert project.coordinator.hourly_cost == 60
    assert project.coordinator.activity_budget == 2500
    # 12 x 60 x 52 + 2,500 = 39,940
    assert any("€ 39.940" in s for s in said), said
    assert any(s.startswith("Voorstel: [bold]€ 55") for s in said), said


def test_coordinator_step_offers_the_computed_total_after_a_stale_proposal(
    village: tuple[Path, pb.Playbook],
) -> None:
    """The typed yearly total was the computation (Enter on the proposal); the cost per hour
    then changed: the wizard says how the request explains the difference and proposes
    the new figure (Enter takes it)."""
    folder, book = village
    with store.transaction(folder, "tester", NOW) as tx:
        tx.project.answers["organiseren.begroting"] = 36820  # 12 x 55 x 52 + 2,500
    step = book.step("organiseren.coordinator")
    assert step is not None
    said: list[str] = []
    with keyboard("60" + ENTER + ENTER + ENTER):  # 60 an hour; Enter: Ja, take 39.940
        HANDLERS["coordinator"](wizard(folder, book, said), step)
    assert any("Je schatting (€\xa036.820 per jaar) wijkt af van de berekening (€\xa039.940)" in s
               for s in said), said  # fmt: skip
    assert store.load(folder).answers["organiseren.begroting"] == 39940


def test_coordinator_step_keeps_a_total_typed_on_purpose(
    village: tuple[Path, pb.Playbook],
) -> None:
    folder, book = village
    with store.transaction(folder, "tester", NOW) as tx:
        tx.project.answers["organiseren.begroting"] = 25000
    step = book.step("organiseren.coordinator")
    assert step is not None
    said: list[str] = []
    with keyboard(ENTER + ENTER + ENTER):  # proposals kept; Enter: Nee, keep 25.000
        HANDLERS["coordinator"](wizard(folder, book, said), step)
    assert any("€\xa011.820 uit andere bronnen" in s for s in said), said
    assert store.load(folder).answers["organiseren.begroting"] == 25000
