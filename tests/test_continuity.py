"""The Coördinator's continuity (werkafspraken, inwerkplan, overdrachtsdossier) and Flanders by
who holds the regie (nota-college): what lands on disk in both countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from gzctl.core.store import load
from gzctl.documents.continuity import visit_order


@pytest.fixture(params=["nl", "vlaanderen"])
def village(request: pytest.FixtureRequest, tmp_path: Path, gz) -> Path:
    folder = tmp_path / "dorp"
    args = ["demo", str(folder)] + (["--vlaanderen"] if request.param == "vlaanderen" else [])
    assert gz(*args).code == 0
    for doc in ("werkafspraken", "inwerkplan", "overdrachtsdossier"):
        r = gz("-C", str(folder), "docs", "build", "--only", doc)
        assert r.code == 0, r.err
    return folder


def _read(folder: Path, stem: str) -> str:
    return (folder / "documenten" / f"{stem}.md").read_text(encoding="utf-8")


def test_agreements_name_three_parties_and_the_consent_rule(village: Path) -> None:
    text = _read(village, "werkafspraken")
    p = load(village)
    assert f"{p.answers['organiseren.uren']} uur per week" in text
    assert text.count("Namens ") == 3  # network, employer, penvoerder sign
    assert "met diens toestemming" in text and "geen gegevens over" in text
    assert "het netwerk is van iedereen" in text


def test_induction_visits_the_gp_and_the_kernteam_first(village: Path) -> None:
    from gzctl.documents.continuity import FIRST_TYPES

    p = load(village)
    order = visit_order(p)
    first = [o for o in p.organisations if o.type in FIRST_TYPES and o.status != "afgehaakt"]
    assert first, "the demo has a GP or a kernteam"
    assert {o.id for o in order[: len(first)]} == {o.id for o in first}
    trekkers = {pl.trekker for pl in p.platforms if pl.status in ("actief", "in oprichting")}
    after = [o.id for o in order[len(first): len(first) + len(trekkers)]]
    assert set(after) <= trekkers | {o.id for o in first}
    assert all(o.status != "afgehaakt" for o in order)
    text = _read(village, "inwerkplan")
    visits = text[text.index("## Langs gaan"):]  # the employer may be named above them
    assert visits.index(order[0].name) < visits.index(order[-1].name)
    assert text.count("## Langs gaan") == 3


def test_handover_has_organisations_money_and_no_candidate(village: Path) -> None:
    p = load(village)
    text = _read(village, "overdrachtsdossier")
    for o in p.organisations:
        if o.status == "aangesloten":
            assert o.name in text
    assert "gzctl geld overzicht" in text
    for c in p.coordinator.candidates:
        assert c.name not in text


def test_the_flemish_demo_makes_the_nota_the_dutch_has_none(tmp_path: Path, gz) -> None:
    be = tmp_path / "be"
    assert gz("demo", str(be), "--vlaanderen").code == 0
    r = gz("-C", str(be), "docs", "build", "--only", "nota-college")
    assert r.code == 0, r.err
    text = _read(be, "nota-college")
    from gzctl.documents.base import dutch_euro
    from gzctl.network.coordinator import budget
    from gzctl.network.criteria import load_criteria

    b = budget(load(be), load_criteria())
    assert b.total is not None and dutch_euro(b.total) in text
    assert "Beleidsdoelstelling" in text and "meerjarenplan" in text
    nl = tmp_path / "nl"
    assert gz("demo", str(nl)).code == 0
    r = gz("-C", str(nl), "docs", "build", "--only", "nota-college")
    assert r.code != 0 and "nota-college" in r.err
