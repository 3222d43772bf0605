"""The wizard's platform step, driven by simulated keystrokes (prompt_toolkit pipe input)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOWN, ENTER, SPACE, keyboard
from test_wizard import NOW, wizard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.network import inventory as inv
from gzctl.network import platforms as pf
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
        # the Beweegweek is not asked again: the answer to doen.eerste_platform chose it
        DOWN + SPACE + ENTER  # members: the fitting ones are ticked; untick the 2nd
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
    assert any("Je begint met [bold]Beweegweek" in s for s in said)


def test_the_first_platform_question_starts_from_the_themes(
    village: tuple[Path, pb.Playbook],
) -> None:
    """Issue 22: the platform question ignored the themes chosen before. Now the themes
    chosen at "Met welke thema's ...?" come first, the first of them as the proposal."""
    from gzctl.wizard import engine

    folder, book = village
    with store.transaction(folder, "t", NOW) as change:
        change.project.answers.pop("doen.eerste_platform")
        change.project.answers["verbinden.themas"] = ["Belcirkel", "Ouderensteunpunt", "Beweegweek"]

    class Asker:
        def __init__(self) -> None:
            self.seen: list = []

        def ask(self, q, current, position=""):  # type: ignore[no-untyped-def]
            self.seen.append(q)
            return q.default

    said: list[str] = []
    asker = Asker()
    step = book.step("doen.platforms")
    assert step is not None
    w = engine.Wizard(folder, book, "t", lambda: NOW, asker, said.append)
    w._ask_list(step.questions, [0], lambda n: "")
    q = asker.seen[0]
    assert q.id == "doen.eerste_platform"
    # the three chosen come first, in their order
    assert q.options[:3] == ("Belcirkel", "Ouderensteunpunt", "Beweegweek")
    assert q.default == "Belcirkel"
    assert store.load(folder).answers["doen.eerste_platform"] == "Belcirkel"
    assert any("Eerder gekozen" in s and "Belcirkel, Ouderensteunpunt, Beweegweek" in s
               for s in said)  # fmt: skip


@pytest.mark.parametrize("name", ["gemeenschapszorg", "zorgzame-buurt"])
def test_every_theme_can_be_the_first_platform_and_is_one(name: str) -> None:
    """Issue 22 walk: 'Samen eten', chosen as a theme, was no option of "Met welk platform
    begint het netwerk?", and the answer 'Eenzaamheid onder ouderen' matched no platform,
    so the platform step asked again under another name ("Sociaal programma voor eenzame
    ouderen"). Every theme is an option there and names one platform of the catalogue."""
    book = pb.load(name)
    catalogue = pf.load_catalogue(book)
    themes = next(q for q in book.questions() if q.id == "verbinden.themas").options
    first = next(q for q in book.questions() if q.id == "doen.eerste_platform").options
    assert set(themes) <= set(first)
    assert {o: catalogue.match(o) is not None for o in first if o != "Anders"} == {
        o: True for o in first if o != "Anders"
    }
    assert catalogue.match("Eenzaamheid onder ouderen").id == "eenzame-ouderen"  # type: ignore[union-attr]


def test_no_platform_now(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("doen.platforms")
    assert step is not None
    from gzctl.network import platforms as pf

    with store.transaction(folder, "t", NOW) as change:
        change.project.answers.pop("doen.eerste_platform")  # no platform chosen before
    project = store.load(folder)
    ids = [r["id"] for r in pf.suggest(project, pf.load_catalogue())]
    # from the first suggestion down to the last choice, 'Nu geen platform starten'
    keys = DOWN * len(ids) + ENTER
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
