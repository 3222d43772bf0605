"""The Coördinator's documents: vacancy, interview guide, funding request (snapshots in
Markdown; HTML and DOCX exist), and what they need before they can be made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_documents import check_snapshot

from gzctl import documents as docs
from gzctl.core import playbook as pb
from gzctl.core import store

NAMES = ["vacature-coordinator", "gespreksleidraad", "aanvraag-gemeente"]


@pytest.mark.parametrize("name", NAMES)
def test_demo_documents_in_every_format(demo: Path, name: str) -> None:
    out = demo / "documenten"
    for ext in ("html", "docx"):
        assert (out / f"{name}.{ext}").stat().st_size > 1000, (name, ext)
    check_snapshot(f"documenten--{name}.md", (out / f"{name}.md").read_text(encoding="utf-8"))


def test_the_request_carries_the_budget_and_the_chosen_place(demo: Path) -> None:
    text = (demo / "documenten" / "aanvraag-gemeente.md").read_text(encoding="utf-8")
    # demo: 12 hours x EUR 52 x 52 weeks = 32,448; plus 2,500 activities = 34,948
    assert "€\xa032.448,00" in text and "**€\xa034.948,00**" in text
    assert "steun voor het midden" in text
    assert "Dorpshuis De Schakel" in text


def test_no_candidate_appears_in_any_document(demo: Path) -> None:
    project = store.load(demo)
    names = [c.name for c in project.coordinator.candidates]
    assert names
    for path in (demo / "documenten").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert name not in text, (path, name)


def test_vacancy_waits_for_hours_and_employer(project: Path) -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    state = store.load(project)
    with pytest.raises(docs.NotReady, match="uur per week"):
        docs.prepare("vacature", state, book, state.project.created or dt.date.today())
    state.answers["organiseren.uren"] = 10
    state.answers["organiseren.werkgever"] = "gemeente"
    prepared = docs.prepare("subsidieaanvraag", state, book, dt.date(2026, 11, 22))
    data = prepared.outputs[0].data
    assert data["totaal"] == "€\xa031.100,00"  # 10 x 55 x 52 + 2,500
    assert data["plek"] == ""
