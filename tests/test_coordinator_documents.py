"""The Coördinator's documents: vacancy, interview guide, funding request (snapshots in
Markdown; HTML and DOCX exist), and what they need before they can be made."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from gzctl import documents as docs
from gzctl.core import playbook as pb
from gzctl.core import store

NAMES = ["vacature-coordinator", "gespreksleidraad", "aanvraag-gemeente"]


@pytest.mark.parametrize("name", NAMES)
def test_demo_documents_in_every_format(demo: Path, name: str, snapshot) -> None:
    out = demo / "documenten"
    for ext in ("html", "docx"):
        assert (out / f"{name}.{ext}").stat().st_size > 1000, (name, ext)
    snapshot(f"documenten--{name}.md", (out / f"{name}.md").read_text(encoding="utf-8"))


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
    # the amount is known now, but not who applies for it and receives the money
    with pytest.raises(docs.NotReady, match="penvoerder") as exc:
        docs.prepare("subsidieaanvraag", state, book, dt.date(2026, 11, 22))
    assert "gzctl wizard --stap organiseren.coordinator" in exc.value.message
    state.answers["organiseren.penvoerder"] = "Stichting Dorpshuis Beesd"
    prepared = docs.prepare("subsidieaanvraag", state, book, dt.date(2026, 11, 22))
    data = prepared.outputs[0].data
    assert data["totaal"] == "€\xa031.100,00"  # 10 x 55 x 52 + 2,500
    assert data["plek"] == ""
    # no term answered: the question's default (two years)
    assert data["looptijd"] == "2 jaar" and data["totaal_looptijd"] == "€\xa062.200,00"
    # the municipality is not on the list yet: no postal address, and a warning says so
    assert any("postadres van de gemeente" in w for w in prepared.warnings)


def test_the_request_says_how_much_for_how_long_and_who_receives_it(demo: Path) -> None:
    text = (demo / "documenten" / "aanvraag-gemeente.md").read_text(encoding="utf-8")
    # how much, how long, from whom, who receives it
    assert "subsidie van €\xa034.948,00 per jaar, voor 2 jaar (2027–2028)" in text
    assert "in totaal €\xa069.896,00" in text
    assert "de gemeente Lingemeer" in text
    assert "aangevraagd en ontvangen door Welzijn Lingemeer, als penvoerder" in text
    # the seed texts' arguments, Beesd as the example
    for words in ("eilandje", "kleine groep", "verbinder in het midden", "verantwoordelijk",
                  "37 organisaties"):  # fmt: skip
        assert words in text, words
    # a letter: recipient block, place and date, Betreft, the college, closing and signatures
    assert "Gemeente Lingemeer\\\nt.a.v. het college van burgemeester en wethouders" in text
    assert "Postbus 100" in text and "4190\xa0CA Lingemeer" in text
    assert re.search(r"^Ooltwijk, \d{1,2} \w+ \d{4}\\$", text, re.M)
    assert "**Betreft:** Aanvraag subsidie" in text and "Geacht college," in text
    assert "We zoeken het geld bij" not in text  # no raw answer list in a sentence
    assert "ook aan bij fondsen" in text
    assert text.index("<!-- slot -->") < text.index("Met vriendelijke groet")
