"""The meeting place: scoring and ranking against hand-computed totals, and gzctl place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gzctl.core import store
from gzctl.core.errors import PlaybookError, Refused, UsageProblem
from gzctl.core.model import Project
from gzctl.network import places as pl
from gzctl.network.criteria import load_criteria, parse_criteria, parse_pairs

SMALL = {
    "version": "t",
    "required": ["drempelvrij"],
    "place_criteria": [
        {"id": "neutraal", "label": "Neutraal", "weight": 2},
        {"id": "kosten", "label": "Kosten", "weight": 1},
    ],
    "access": {"drempelvrij": "drempelvrije ingang", "toilet": "aangepast toilet"},
    "facilities": {"keuken": "keuken"},
    "coordinator": {
        "traits": ["open"],
        "tasks": ["verbinden"],
        "hourly_cost": 50,
        "weeks_per_year": 52,
        "activity_budget": 1000,
    },
    "coordinator_criteria": [{"id": "verbinden", "label": "Verbindt", "weight": 1}],
}


@pytest.fixture
def crit():
    return parse_criteria(SMALL)


def _place(project: Project, crit, name: str, scores: dict[str, int], access: str = "drempelvrij"):
    place = pl.add(project, {"name": name, "access": access}, crit)
    pl.set_scores(project, place.id, scores, crit)
    return place


def test_ranking_hand_computed_with_a_tie_an_excluded_and_an_incomplete_place(crit) -> None:
    project = Project()
    # totals: 2 x neutraal + 1 x kosten
    _place(project, crit, "Dorpshuis", {"neutraal": 4, "kosten": 3})  # 8 + 3 = 11
    _place(project, crit, "Bibliotheek", {"neutraal": 3, "kosten": 5})  # 6 + 5 = 11 (tie)
    _place(project, crit, "Buurthuis", {"neutraal": 5, "kosten": 5})  # 10 + 5 = 15
    _place(project, crit, "Kantine", {"neutraal": 5, "kosten": 5}, access="toilet")  # excluded
    _place(project, crit, "Kerkzaal", {"neutraal": 4})  # kosten missing
    rows = pl.rank(project, crit)
    got = [(r.place.name, r.total, r.rank, r.tied) for r in rows]
    assert got == [
        ("Buurthuis", 15, 1, False),
        ("Bibliotheek", 11, 2, True),  # ties share a rank, then by name
        ("Dorpshuis", 11, 2, True),
        ("Kerkzaal", None, None, False),
        ("Kantine", 15, None, False),
    ]
    assert rows[0].maximum == 15
    assert rows[-1].excluded == ("geen drempelvrije ingang",)
    assert rows[-1].reasons[0] == "valt af: geen drempelvrije ingang"
    assert rows[3].missing == ("kosten",)
    assert rows[1].strong == ("Kosten",) and rows[1].weak == ()


def test_project_weights_and_requirements_change_the_ranking(crit) -> None:
    project = Project()
    _place(project, crit, "Dorpshuis", {"neutraal": 4, "kosten": 3})
    _place(project, crit, "Bibliotheek", {"neutraal": 3, "kosten": 5})
    pl.set_weights(project, crit, ["kosten=3"])  # 4x2+3x3 = 17; 3x2+5x3 = 21
    assert [(r.place.name, r.total) for r in pl.rank(project, crit)] == [
        ("Bibliotheek", 21),
        ("Dorpshuis", 17),
    ]
    pl.set_weights(project, crit, ["kosten=1"])  # back to the default: no override kept
    assert project.meeting_place.weights == {}
    project.answers["verkennen.plek_eisen"] = ["Aangepast toilet", "Lage huur"]
    assert pl.required(project, crit) == ("toilet",)  # from the wizard's answer
    project.answers.clear()
    pl.set_required(project, crit, ["toilet"])
    assert all(r.excluded == ("geen aangepast toilet",) for r in pl.rank(project, crit))
    with pytest.raises(UsageProblem):
        pl.set_weights(project, crit, ["neutraal=0", "kosten=0"])


def test_choose_refuses_an_excluded_place_and_needs_a_reason(crit) -> None:
    import datetime as dt

    project = Project()
    _place(project, crit, "Kantine", {"neutraal": 2, "kosten": 5}, access="")
    good = _place(project, crit, "Dorpshuis", {"neutraal": 5, "kosten": 3})
    with pytest.raises(Refused, match="valt af"):
        pl.choose(project, "kantine", "goedkoop", dt.date(2026, 11, 22), crit)
    with pytest.raises(UsageProblem):
        pl.choose(project, good.id, "  ", dt.date(2026, 11, 22), crit)
    pl.choose(project, "dorpshuis", "Van niemand.", dt.date(2026, 11, 22), crit)
    assert project.meeting_place.chosen == "dorpshuis"
    pl.remove(project, "dorpshuis")
    assert project.meeting_place.chosen == ""


def test_fields_are_checked_all_at_once(crit) -> None:
    with pytest.raises(UsageProblem) as exc:
        pl.parse_fields({"seats": "veel", "rent": "duur", "access": "trap", "evenings": "x"}, crit)
    message = exc.value.message
    for word in ("plaatsen", "huur", "toegankelijkheid", "avonden"):
        assert word in message
    ok = pl.parse_fields(
        {"rent": "€ 42,50", "evenings": "do, maandag", "access": "Drempelvrij"}, crit
    )
    assert ok == {"rent": 42.5, "evenings": ["ma", "do"], "access": ["drempelvrij"]}


def test_score_pairs_and_bad_criteria_files(crit) -> None:
    assert parse_pairs(["neu=4", "kosten=1"], crit.place) == {"neutraal": 4, "kosten": 1}
    with pytest.raises(UsageProblem):
        parse_pairs(["neutraal=6"], crit.place)
    with pytest.raises(UsageProblem):
        parse_pairs(["onbekend=3"], crit.place)
    bad = dict(SMALL, required=["trap"], place_criteria=[{"id": "X", "weight": "veel"}])
    with pytest.raises(PlaybookError) as exc:
        parse_criteria(bad)
    assert "trap" in exc.value.message and "place_criteria nummer 1" in exc.value.message
    assert load_criteria().place  # the shipped file is valid


def test_place_commands_end_to_end(gz, project: Path) -> None:
    C = ("-C", str(project))
    assert gz(*C, "place", "add", "Dorpshuis De Schakel", "--toegang", "drempelvrij,toilet",
              "--huur", "40").code == 0  # fmt: skip
    assert gz(*C, "place", "add", "Kantine VV", "--thuisbasis", "VV Beesd").code == 0
    # shipped weights 3,3,2,2,1,1,1: 5x3+4x3+5x2+5x2+4+3+4 = 58 of 65
    r = gz(*C, "place", "score", "dorpshuis-de-schakel", "neutraal=5", "laag=4", "centraal=5",
           "toeg=5", "cap=4", "kosten=3", "beschik=4")  # fmt: skip
    assert r.code == 0 and "totaal 58 van 65" in r.out
    data = json.loads(gz(*C, "place", "list", "--json").out)
    assert [(p["id"], p["rank"], p["total"]) for p in data["places"]] == [
        ("dorpshuis-de-schakel", 1, 58),
        ("kantine-vv", None, None),
    ]
    assert "thuisbasis van VV Beesd: minder neutraal" in data["places"][1]["reasons"]
    assert gz(*C, "place", "score", "kantine-vv", "neutraal=7").code == 2
    assert gz(*C, "place", "choose", "kantine-vv", "--reden", "x").code == 1
    r = gz(*C, "status", "--json")
    before = json.loads(r.out)
    assert before["meeting_place"]["chosen"] is False
    r = gz(*C, "place", "choose", "dorpshuis-de-schakel", "--reden", "Van niemand, centraal.")
    assert r.code == 0, r.err
    status = json.loads(gz(*C, "status", "--json").out)
    assert status["meeting_place"]["name"] == "Dorpshuis De Schakel"
    assert status["progress"]["done"] == before["progress"]["done"] + 1  # plekkeuze ticked itself
    assert "Ontmoetingsplek: Dorpshuis De Schakel" in gz(*C, "status").out
    st = store.load(project)
    assert st.history[-1].action == "place-choose"
    assert gz(*C, "place", "remove", "kantine-vv").code == 2  # no terminal: needs --yes
    assert gz(*C, "place", "remove", "kantine-vv", "--yes").code == 0
    assert gz(*C, "place", "show", "nergens").code == 2


def test_the_ranking_text_shows_ties_and_exclusions(crit) -> None:
    from gzctl.network.places import ranking_text

    project = Project()
    _place(project, crit, "Dorpshuis", {"neutraal": 4, "kosten": 3})  # 11
    _place(project, crit, "Bibliotheek", {"neutraal": 3, "kosten": 5})  # 11
    _place(project, crit, "Kantine", {"neutraal": 5, "kosten": 5}, access="")
    lines = ranking_text(pl.rank(project, crit)).splitlines()
    assert lines[0].startswith("1.=  Bibliotheek") and "11 van 15" in lines[0]
    assert lines[2].startswith("1.=  Dorpshuis")
    assert any(line.startswith("  -  Kantine") and "valt af" in line for line in lines)
    assert lines[-1].startswith("= gedeelde plaats")
