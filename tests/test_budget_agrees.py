"""Issue 22: the amount typed in step 9 ("Hoeveel geld is er per jaar nodig?") and the amount
the funding request asks are the same figure, or the difference is explained in the letter,
in `gzctl geld overzicht` and in the wizard. The wizard proposes the computed figure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gzctl.core import store
from gzctl.core.store import load
from gzctl.network import coordinator as co
from gzctl.network import money
from gzctl.network.criteria import load_criteria

NOW = dt.datetime(2026, 11, 22, 12, 0)


def _type_total(folder: Path, value: Any) -> None:
    with store.transaction(folder, "tester", NOW) as tx:
        if value is None:
            tx.project.answers.pop(co.NEEDED, None)
        else:
            tx.project.answers[co.NEEDED] = value


def _letter(folder: Path, gz) -> str:
    r = gz("-C", str(folder), "docs", "build", "--only", "subsidieaanvraag", "--format", "md")
    assert r.code == 0, r.err
    return (folder / "documenten" / "aanvraag-gemeente.md").read_text(encoding="utf-8")


def _euro(value: float) -> str:
    from gzctl.documents.base import dutch_euro

    return str(dutch_euro(value))


def test_no_typed_total_asks_the_computed_costs(demo: Path, gz) -> None:
    _type_total(demo, None)
    r = co.request(load(demo), load_criteria())
    assert r.costs.total is not None and r.asked == round(r.costs.total, 2)
    assert co.request_note(r) is None
    text = _letter(demo, gz)
    assert f"subsidie van {_euro(r.asked)} per jaar" in text
    assert "| **Totaal per jaar** | | **" + _euro(r.asked) in text
    assert "Uit andere bronnen" not in text and "Overige kosten" not in text


def test_a_typed_total_equal_to_the_computation_changes_nothing(demo: Path, gz) -> None:
    costs = co.budget(load(demo), load_criteria()).total
    assert costs is not None
    _type_total(demo, round(costs))
    r = co.request(load(demo), load_criteria())
    assert (r.extra, r.elsewhere) == (0.0, 0.0) and co.request_note(r) is None


def test_a_higher_total_adds_overige_kosten_everywhere(demo: Path, gz) -> None:
    p = load(demo)
    costs = co.budget(p, load_criteria()).total
    assert costs is not None
    typed = round(costs) + 3000
    _type_total(demo, typed)
    text = _letter(demo, gz)
    extra = round(typed - costs, 2)
    # the letter asks the typed figure and its table adds up to it
    assert f"subsidie van {_euro(typed)} per jaar" in text
    assert f"| Overige kosten | reiskosten, scholing en onvoorzien | {_euro(extra)} |" in text
    assert "| **Totaal per jaar** | | **" + _euro(typed) in text
    # the money overview budgets the same total, the difference under "overig"
    budget = money.yearly_budget(load(demo))
    assert budget is not None and budget["overig"] == extra
    assert round(sum(budget.values()), 2) == typed
    year = money.request_years(load(demo))[0]
    out = gz("-C", str(demo), "geld", "overzicht", "--jaar", str(year), "--json").out
    assert json.loads(out)[0]["budget"] == typed
    shown = gz("-C", str(demo), "geld", "overzicht", "--jaar", str(year)).out
    assert "Overige kosten" in shown and "overige kosten" in shown  # the post and the note


def test_a_lower_total_says_where_the_rest_comes_from(demo: Path, gz) -> None:
    p = load(demo)
    costs = co.budget(p, load_criteria()).total
    assert costs is not None
    _type_total(demo, 25000)
    rest = round(costs - 25000, 2)
    text = _letter(demo, gz)
    assert f"subsidie van {_euro(25000)} per jaar" in text
    assert f"{_euro(rest)} daarvan dekken we uit" in text
    assert f"| Uit andere bronnen | fondsen | − {_euro(rest)} |" in text
    assert "| **Gevraagd per jaar** | | **" + _euro(25000) in text
    # the renewal asks the same yearly figure as the first request
    with store.transaction(demo, "tester", NOW) as tx:
        tx.project.coordinator.start = dt.date(2026, 1, 5)
    r = gz("-C", str(demo), "docs", "build", "--only", "verlengingsaanvraag", "--format", "md")
    assert r.code == 0, r.err
    renewal = (demo / "documenten" / "verlengingsaanvraag.md").read_text(encoding="utf-8")
    assert _euro(25000) in renewal
    # the overview keeps the costs as its budget and says what the letter asks
    year = money.request_years(load(demo))[0]
    shown = gz("-C", str(demo), "geld", "overzicht", "--jaar", str(year)).out
    assert "Je schatting (€\xa025.000 per jaar) wijkt af" in shown
    assert "uit andere bronnen" in shown


@pytest.mark.parametrize("typed", [None, 36820])
def test_the_wizard_proposes_the_computed_figure(project: Path, typed: Any) -> None:
    """Enter on "Hoeveel geld is er per jaar nodig?" takes the letter's figure; the help
    shows the sum. An answer given before stays the proposal."""
    from gzctl.core import playbook as pb
    from gzctl.core.questions import coerce
    from gzctl.wizard.steps import Wizard

    with store.transaction(project, "tester", NOW) as tx:
        tx.project.answers[co.HOURS] = 12
    _type_total(project, typed)
    book = pb.load("gemeenschapszorg")
    q = next(q for q in book.questions() if q.id == co.NEEDED)
    w = Wizard(project, book, "tester", lambda: NOW, None, lambda s: None)
    p = load(project)
    shown = w._computed(q, p, p.answers.get(co.NEEDED))
    if typed is None:
        assert 12 * 55 * 52 + 2500 == 36820
        assert shown.default == "€\xa036.820"  # the proposal, as Enter takes it
        assert coerce(q, shown.default) == 36820
        assert "Berekend: 12 uur × €\xa055 × 52 weken + €\xa02.500 activiteiten = €\xa036.820" in (
            shown.help
        )
    else:
        assert shown is q
