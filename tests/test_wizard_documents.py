"""Issue 22: at the end of a step the wizard offers only the documents that can be made now;
the others are named with their one-line reason, never as a choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_wizard import NOW, wizard

import gzctl.wizard.engine
from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.ops import documents as ops_docs
from gzctl.wizard import new_project
from gzctl.wizard.documents import offer_documents


@pytest.fixture
def village(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
    project.village.municipality = "West Betuwe"
    project.answers["organiseren.uren"] = 12
    project.answers["organiseren.werkgever"] = "welzijnsorganisatie"
    store.create(folder, project)
    return folder, book


def test_readiness_names_why_a_document_waits(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    ids = ["vacature", "subsidieaanvraag", "fondsaanvraag"]
    known = {d.id: d for d in ops_docs.step_documents_ready(folder, ids, today=NOW.date())}
    assert known["vacature"].reason is None
    # no penvoerder yet: the request waits, and says which question to answer
    reason = known["subsidieaanvraag"].reason
    assert reason is not None and "penvoerder" in reason.lower() and "\n" not in reason
    assert known["fondsaanvraag"].reason is not None
    assert "platform" in known["fondsaanvraag"].reason


def test_the_wizard_offers_only_what_can_be_made(
    village: tuple[Path, pb.Playbook], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, book = village
    step = book.step("organiseren.coordinator")
    assert step is not None
    asked: list[str] = []

    def yes(label: str, default: bool) -> bool:
        asked.append(label)
        return True

    monkeypatch.setattr(gzctl.wizard.engine, "confirm", yes)
    said: list[str] = []
    offer_documents(wizard(folder, book, said), step)
    (question,) = asked
    assert "vacature" in question.lower()
    assert "gemeente" not in question and "fonds" not in question  # not offered
    waiting = [s for s in said if s.startswith("[dim]Nog niet te maken:")]
    assert len(waiting) == 2, said
    # the fund request's reason names its document once, not twice
    fund = next(s for s in waiting if "fonds" in s)
    assert fund.count("Aanvraag aan een fonds") == 1, fund
    made = {p.name for p in (folder / "documenten").iterdir()}
    assert any(n.startswith("vacature") for n in made)
    assert not any(n.startswith("aanvraag-gemeente") for n in made)


def test_nothing_to_offer_when_nothing_can_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
    store.create(folder, project)
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    asked: list[str] = []
    monkeypatch.setattr(
        gzctl.wizard.engine, "confirm", lambda label, default: asked.append(label) or True
    )
    said: list[str] = []
    offer_documents(wizard(folder, book, said), step)
    # the evening has no date yet: both documents wait, and nothing is asked
    assert asked == []
    assert len([s for s in said if "Nog niet te maken" in s]) == 2, said
    assert not (folder / "documenten").exists()
