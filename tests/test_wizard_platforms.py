"""The wizard's platform step, driven by simulated keystrokes (prompt_toolkit pipe input)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOWN, ENTER, SPACE, keyboard
from test_wizard import NOW, wizard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.network import inventory as inv
from gzctl.wizard import HANDLERS, new_project


@pytest.fixture
def village(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    """Two sports clubs, a school and the elderly union: a Beweegweek can start."""
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
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
    return folder, book


def test_the_step_names_the_handler() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("doen.platforms")
    assert step is not None and step.handler == "platforms"
    assert "platforms" in HANDLERS and "platforms" in pb.STEP_HANDLERS


def test_start_a_platform_from_the_suggestions(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("doen.platforms")
    assert step is not None
    said: list[str] = []
    keys = (
        ENTER  # the Beweegweek: the default, from the answer to doen.eerste_platform
        + DOWN + SPACE + ENTER  # members: the fitting ones are ticked; untick the 2nd
        + ENTER  # trekker: the first candidate (a sports club)
        + ENTER  # no other platform now (Nee is the default)
    )  # fmt: skip
    with keyboard(keys):
        HANDLERS["platforms"](wizard(folder, book, said), step)
    project = store.load(folder)
    assert [p.id for p in project.platforms] == ["beweegweek"]
    p = project.platforms[0]
    # fits in suggestion order: sports clubs by type (trekker role), then the school
    assert p.members == ["gymclub-beesd", "obs-de-linde"]
    assert p.trekker == "gymclub-beesd"
    assert len(p.tasks) == 4
    assert any("Beweegweek" in s and "kan starten" in s for s in said)
    assert any("doen mee?" in s and "Gymclub Beesd, OBS De Linde" in s for s in said)
    assert [h.action for h in project.history] == ["platform-add"]


def test_no_platform_now(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("doen.platforms")
    assert step is not None
    from gzctl.network import platforms as pf

    project = store.load(folder)
    ids = [r["id"] for r in pf.suggest(project, pf.load_catalogue())]
    # from the default (the Beweegweek) down to the last choice, 'Nu geen platform starten'
    keys = DOWN * (len(ids) - ids.index("beweegweek")) + ENTER
    with keyboard(keys):
        HANDLERS["platforms"](wizard(folder, book, []), step)
    assert store.load(folder).platforms == []


def test_running_out_of_keys_does_not_hang(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("doen.platforms")
    assert step is not None
    with keyboard(ENTER), pytest.raises(EOFError):
        HANDLERS["platforms"](wizard(folder, book, []), step)
    assert store.load(folder).platforms == []
