"""The network's money (gzctl geld): spending and income recorded, budget against actual from
the funding request's figures, funds per country, and the documents that use the same figures
(verantwoording, verlengingsaanvraag, fondsaanvraag) in both countries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gzctl.core.errors import PlaybookError
from gzctl.core.store import load
from gzctl.network import money


def test_spending_and_income_land_in_the_file(project: Path, gz) -> None:
    r = gz("-C", str(project), "geld", "uitgave", "14-12-2026", "€ 85,50", "Zaalhuur netwerkavond")
    assert r.code == 0, r.err
    assert "€ 85,50" in r.out and "2026-12-14-zaalhuur-netwerkavond" in r.out
    r = gz("-C", str(project), "geld", "inkomst", "01-12-2026", "500", "Dorpshuis",
           "--omschrijving", "Startbudget")  # fmt: skip
    assert r.code == 0, r.err
    p = load(project)
    assert [(m.kind, m.amount, m.item) for m in p.money] == [
        ("inkomst", 500.0, "Dorpshuis"),
        ("uitgave", 85.5, "activiteiten"),
    ]
    assert "Uitgave € 85,50: Zaalhuur netwerkavond" in [h.what for h in p.history]
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "[[money]]" in text and "Zaalhuur netwerkavond" in text


@pytest.mark.parametrize(
    "args, words",
    [
        (("0", "Koffie"), "meer dan nul"),
        (("veel", "Koffie"), "geen getal"),
        (("12", "Koffie", "--post", "snoep"), "Onbekende post"),
    ],
)
def test_bad_input_is_one_dutch_line_and_nothing_saved(project: Path, gz, args, words) -> None:
    before = (project / "gzctl.toml").read_bytes()
    r = gz("-C", str(project), "geld", "uitgave", "14-12-2026", *args)
    assert r.code == 2
    assert words in r.err and "Traceback" not in r.err
    assert (project / "gzctl.toml").read_bytes() == before


def test_a_bad_date_is_refused(project: Path, gz) -> None:
    r = gz("-C", str(project), "geld", "uitgave", "31-02-2027", "10", "Koffie")
    assert r.code == 2 and "datum" in r.err


def test_posts_people_type_are_understood() -> None:
    assert money.post_of("Loon") == "salaris"
    assert money.post_of("zaalhuur") == "activiteiten"
    assert money.post_of("drukwerk") == "overig"
    assert money.euro_text(25000) == "€ 25.000"
    assert money.euro_text(1250.5) == "€ 1.250,50"


def test_overview_sets_the_requests_budget_against_what_was_spent(demo: Path, gz) -> None:
    p = load(demo)
    budget = money.yearly_budget(p)
    assert budget is not None  # the demo answered the hours
    year = money.request_years(p)[0]
    gz("-C", str(demo), "geld", "uitgave", f"15-03-{year}", "1000", "Salaris maart",
       "--post", "salaris")  # fmt: skip
    gz("-C", str(demo), "geld", "uitgave", f"16-03-{year}", "200", "Zaalhuur")
    r = gz("-C", str(demo), "geld", "overzicht", "--jaar", str(year), "--json")
    assert r.code == 0, r.err
    (data,) = json.loads(r.out)
    posts = {row["post"]: row for row in data["posts"]}
    assert posts["salaris"]["budget"] == budget["salaris"]
    assert posts["salaris"]["spent"] == 1000.0
    assert posts["activiteiten"]["left"] == round(budget["activiteiten"] - 200, 2)
    assert data["budget"] == round(sum(budget.values()), 2)
    shown = gz("-C", str(demo), "geld", "overzicht", "--jaar", str(year)).out
    assert money.euro_text(budget["salaris"]) in shown and "€ 1.000" in shown


def test_demo_villages_have_money_in_both_countries(tmp_path: Path, gz) -> None:
    for args in ((), ("--vlaanderen",)):
        folder = tmp_path / f"dorp{len(args)}"
        assert gz("demo", str(folder), *args).code == 0
        p = load(folder)
        assert {m.kind for m in p.money} == {"uitgave", "inkomst"}
        assert any(m.platform for m in p.money)
        listing = gz("-C", str(folder), "geld", "lijst", "--json")
        assert len(json.loads(listing.out)) == len(p.money)


def test_removing_a_platform_named_by_money_is_handled(demo: Path, gz) -> None:
    p = load(demo)
    named = next(m for m in p.money if m.platform)
    r = gz("-C", str(demo), "platform", "remove", named.platform, "--ook-verwijzingen", "--yes")
    assert r.code == 0, r.err
    after = load(demo)
    assert all(not m.platform for m in after.money if m.id == named.id)
    assert gz("-C", str(demo), "status").code == 0


def test_forgetting_a_person_reaches_money_descriptions(project: Path, gz) -> None:
    gz("-C", str(project), "geld", "uitgave", "14-12-2026", "20", "Bloemen voor Petra de Vries")
    r = gz("-C", str(project), "person", "forget", "Petra de Vries", "--yes")
    assert r.code == 0, r.err
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "Petra de Vries" not in text
    assert [m.amount for m in load(project).money] == [20.0]


def test_money_entries_merge_from_two_clones() -> None:
    import datetime as dt

    from gzctl.core import merge
    from gzctl.core.model import MoneyEntry, Project
    from gzctl.core.store import dumps

    base = Project()
    ours, theirs = Project(), Project()
    ours.money.append(MoneyEntry("2027-01-02-koffie", dt.date(2027, 1, 2), 10.0))
    theirs.money.append(MoneyEntry("2027-01-03-zaal", dt.date(2027, 1, 3), 50.0))
    result = merge.merge_texts(dumps(base), dumps(ours), dumps(theirs))
    assert "2027-01-02-koffie" in result.text and "2027-01-03-zaal" in result.text
    assert not result.conflicts


# --------------------------------------------------------------------------- funds


def test_funds_fit_a_platforms_target_groups(demo: Path, gz) -> None:
    r = gz("-C", str(demo), "geld", "fondsen", "--json")
    everything = {f["id"] for f in json.loads(r.out)}
    assert {"oranje-fonds", "jeugdfonds-sport-cultuur"} <= everything
    funds = money.load_funds(str(Path(money.__file__).parents[2] / "playbooks/landen/nl/land.toml"))
    for_elderly = {f.id for f in money.funds_for(funds, ["O"])}
    assert "jeugdfonds-sport-cultuur" not in for_elderly and "kansfonds" in for_elderly
    assert "jeugdfonds-sport-cultuur" in {f.id for f in money.funds_for(funds, ["K"])}


def test_flemish_funds_are_flemish(tmp_path: Path, gz) -> None:
    folder = tmp_path / "be"
    gz("demo", str(folder), "--vlaanderen")
    names = {f["name"] for f in json.loads(gz("-C", str(folder), "geld", "fondsen", "--json").out)}
    assert "Koning Boudewijnstichting" in names and "Oranje Fonds" not in names


def test_a_broken_funds_file_names_the_fault() -> None:
    with pytest.raises(PlaybookError) as exc:
        money.parse_funds({"fondsen": [{"id": "x", "naam": "X", "betaalt": "a", "niet": "b",
                                        "wanneer": "c", "link": "http://x"}]})  # fmt: skip
    assert "https://" in str(exc.value)
    with pytest.raises(PlaybookError):
        money.parse_funds({"fondsen": [{"id": "x", "naam": "X"}]})


# --------------------------------------------------------------------------- documents


@pytest.fixture(params=["nl", "vlaanderen"])
def village(request: pytest.FixtureRequest, tmp_path: Path, gz) -> Path:
    folder = tmp_path / "dorp"
    args = ["demo", str(folder)] + (["--vlaanderen"] if request.param == "vlaanderen" else [])
    assert gz(*args).code == 0
    return folder


def test_the_account_names_the_same_figures_as_the_overview(village: Path, gz) -> None:
    r = gz("-C", str(village), "docs", "build", "--only", "verantwoording")
    assert r.code == 0, r.err
    (doc,) = (village / "documenten").glob("verantwoording-*.md")
    text = doc.read_text(encoding="utf-8")
    p = load(village)
    year = int(doc.stem.rsplit("-", 1)[1])
    y = money.year_overview(p, year)
    from gzctl.documents.base import dutch_euro

    assert dutch_euro(y.spent) in text and dutch_euro(y.income) in text
    joined = sum(o.status == "aangesloten" for o in p.organisations)
    assert f"{joined} organisaties zijn aangesloten" in text
    for name in ("kwetsbare", "None", "****"):
        assert name not in text


def test_one_fund_request_per_running_platform(village: Path, gz) -> None:
    r = gz("-C", str(village), "docs", "build", "--only", "fondsaanvraag")
    assert r.code == 0, r.err
    p = load(village)
    running = [pl for pl in p.platforms if pl.status in ("actief", "in oprichting")]
    letters = sorted((village / "documenten" / "fondsaanvraag").glob("*.md"))
    assert len(letters) == len(running) > 0
    text = letters[0].read_text(encoding="utf-8")
    assert "niet naar salarissen" in text and "Geacht bestuur," in text


def test_renewal_waits_for_the_first_term(village: Path, gz) -> None:
    r = gz("-C", str(village), "docs", "build", "--only", "verlengingsaanvraag")
    assert r.code == 2
    if village.joinpath("documenten", "nota-college.md").exists():
        # the Flemish demo's lokaal bestuur holds the regie: it asks itself no subsidy, at
        # the start or for a renewal (a renewal letter was a request to pay its own employee)
        assert "vraagt zichzelf geen subsidie" in r.err and "nota-college" in r.err
    else:
        assert "nog niet begonnen" in r.err


def test_renewal_asks_the_same_yearly_figure_as_the_first_request(demo: Path, gz) -> None:
    import datetime as dt

    from gzctl.core import store
    from gzctl.documents.base import dutch_euro

    with store.transaction(demo, "tester", dt.datetime(2026, 11, 22, 12, 0)) as tx:
        tx.project.coordinator.start = dt.date(2026, 1, 5)
    r = gz("-C", str(demo), "docs", "build", "--only", "verlengingsaanvraag")
    assert r.code == 0, r.err
    text = (demo / "documenten" / "verlengingsaanvraag.md").read_text(encoding="utf-8")
    budget = money.yearly_budget(load(demo))
    assert budget is not None
    assert dutch_euro(round(sum(budget.values()), 2)) in text
    assert "Sinds 2026 steunt u" in text and "Geacht college," in text
