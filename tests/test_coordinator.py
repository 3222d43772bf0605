"""The Coördinator: profile and budget, scorecards, appointment, and forgetting a candidate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gzctl.core import store
from gzctl.core.errors import Refused, UsageProblem
from gzctl.core.model import Project
from gzctl.network import coordinator as co
from gzctl.network.criteria import load_criteria


def test_budget_is_hours_times_cost_times_weeks_plus_activities() -> None:
    crit = load_criteria()
    project = Project()
    b = co.budget(project, crit)
    assert b.salary is None and b.total is None  # hours unknown
    project.answers["organiseren.uren"] = 12
    project.coordinator.hourly_cost = 50.0
    project.coordinator.weeks_per_year = 48
    project.coordinator.activity_budget = 3000.0
    b = co.budget(project, crit)
    assert (b.salary, b.total) == (12 * 50 * 48, 12 * 50 * 48 + 3000)  # 28,800 and 31,800


def test_scorecard_average_spread_and_disagreement() -> None:
    crit = load_criteria()  # weights: verbinden 3, ruimte_geven 3, brug 2, dorp 2, organiseren 1
    project = Project()
    cand = co.add_candidate(project, "Sanne Bakker", lives_in_village=True)
    assert cand.id == "kandidaat-1"
    full = {"verbinden": 5, "ruimte_geven": 4, "brug": 4, "dorp": 5, "organiseren": 3}
    co.score(project, "kandidaat-1", "Annelies", full, crit)
    card = co.scorecard(cand, crit)
    assert card.total == round((15 + 12 + 8 + 10 + 3) / 11, 2)  # 48 / 11 = 4.36
    co.score(project, "Sanne Bakker", "Joost", {**full, "verbinden": 2, "organiseren": 4}, crit)
    card = co.scorecard(cand, crit)
    rows = {r.id: r for r in card.rows}
    assert (rows["verbinden"].average, rows["verbinden"].spread) == (3.5, 3)
    assert rows["verbinden"].disagreement and not rows["organiseren"].disagreement
    assert card.disagreements == ("Verbindt mensen",)
    # averages 3.5, 4, 4, 5, 3.5 -> (10.5 + 12 + 8 + 10 + 3.5) / 11 = 4.0
    assert card.total == 4.0
    assert card.assessors == ("Annelies", "Joost")
    with pytest.raises(UsageProblem):
        co.score(project, "kandidaat-1", "Joost", {"verbinden": 0}, crit)
    with pytest.raises(Refused):
        co.add_candidate(project, "sanne bakker")


def test_forget_rewrites_history_and_keeps_the_appointed(tmp_path: Path) -> None:
    import datetime as dt

    project = Project()
    a = co.add_candidate(project, "Sanne Bakker")
    b = co.add_candidate(project, "Ruud Jansen", email="ruud@example.nl")
    change = store.Change(project, "tester", dt.datetime(2026, 11, 22, 12))
    change.log("candidate-add", f"Kandidaat voor Coördinator: {b.name}", [b.id])
    change.log("note", "Gesprek met Ruud Jansen gepland", [])
    change.log("candidate-add", f"Kandidaat voor Coördinator: {a.name}", [a.id])
    co.appoint(project, a.id, dt.date(2026, 11, 22))
    with pytest.raises(Refused):
        co.forget(project, a.id)
    assert co.forget(project, "kandidaat-2") == 2
    text = repr(project)
    assert "Ruud" not in text and "kandidaat-2" not in text and "ruud@" not in text
    assert [c.id for c in project.coordinator.candidates] == ["kandidaat-1"]


def test_profile_reuses_the_wizard_answers(gz, project: Path) -> None:
    C = ("-C", str(project))
    r = gz(*C, "coordinator", "profile", "--uren", "12", "--werkgever", "welzijnsorganisatie",
           "--financiering", "Subsidie van de gemeente", "--kosten-per-uur", "55,50",
           "--start", "01-09-2027", "--json")  # fmt: skip
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["budget"]["salary"] == 12 * 55.5 * 52  # 34,632
    assert data["budget"]["total"] == 12 * 55.5 * 52 + 2500
    assert data["complete"] is True
    st = store.load(project)
    assert st.answers["organiseren.uren"] == 12
    assert st.answers["organiseren.werkgever"] == "welzijnsorganisatie"
    assert st.coordinator.hourly_cost == 55.5
    assert "Loonkosten" in gz(*C, "coordinator", "profile").out
    status = json.loads(gz(*C, "status", "--json").out)
    assert status["coordinator"]["profile"] is True
    assert gz(*C, "coordinator", "profile", "--werkgever", "niemand").code == 2
    assert gz(*C, "coordinator", "profile", "--weken", "99").code == 2


def test_candidates_end_to_end_and_forget_leaves_no_trace(gz, project: Path) -> None:
    C = ("-C", str(project))
    assert gz(*C, "coordinator", "candidate", "add", "Sanne Bakker", "--woont-in-dorp").code == 0
    extra = ("--telefoon", "06 12345678", "--notitie", "Ruud heeft ervaring als buurtwerker")
    r = gz(
        *C, "coordinator", "candidate", "add", "Ruud Jansen", "--email", "ruud@example.nl", *extra
    )
    assert r.code == 0, r.err
    for who, s in (("Annelies", "5"), ("Joost", "2")):
        r = gz(*C, "coordinator", "candidate", "score", "kandidaat-2", "--beoordelaar", who,
               f"verbinden={s}", "ruimte=4", "brug=4", "dorp=3", "org=4")  # fmt: skip
        assert r.code == 0, r.err
    assert "Grote onenigheid over: Verbindt mensen" in r.err
    shown = gz(*C, "coordinator", "candidate", "show", "kandidaat-2")
    assert "! grote onenigheid" in shown.out and "3,5" in shown.out
    data = json.loads(gz(*C, "coordinator", "candidate", "list", "--json").out)
    assert [(c["id"], c["name"]) for c in data] == [
        ("kandidaat-1", "Sanne Bakker"),
        ("kandidaat-2", "Ruud Jansen"),
    ]
    before = json.loads(gz(*C, "status", "--json").out)["progress"]["done"]
    assert gz(*C, "coordinator", "appoint", "kandidaat-1").code == 0
    status = json.loads(gz(*C, "status", "--json").out)
    assert status["coordinator"]["appointed"] is True
    assert status["coordinator"]["name"] == "Sanne Bakker"
    assert status["progress"]["done"] == before + 1  # organiseren.aanstellen ticked itself
    assert gz(*C, "coordinator", "candidate", "forget", "kandidaat-1", "--yes").code == 1
    assert gz(*C, "coordinator", "candidate", "forget", "kandidaat-2").code == 2  # no --yes
    r = gz(*C, "coordinator", "candidate", "forget", "kandidaat-2", "--yes")
    assert r.code == 0, r.err
    # nothing in the whole project folder names the candidate any more
    for needle in ("Ruud", "Jansen", "ruud@example.nl", "12345678", "kandidaat-2", "buurtwerker"):
        found = subprocess.run(
            ["grep", "-r", "-i", "-l", needle, str(project)], capture_output=True, text=True
        )
        assert found.stdout == "", (needle, found.stdout)
    log = gz(*C, "log").out
    assert "Gegevens van een kandidaat voor Coördinator verwijderd" in log
    assert gz(*C, "coordinator", "candidate", "show", "kandidaat-2").code == 2


def test_status_is_fast_path_clean(project: Path) -> None:
    """status with the new sections still imports no heavy module."""
    code = (
        "import sys, runpy; sys.argv=['gzctl','-C',sys.argv[1],'status'];"
        "import gzctl.__main__ as m\n"
        "try:\n m.run()\nexcept SystemExit: pass\n"
        "bad=[x for x in ('typer','rich','questionary','jinja2') if x in sys.modules]\n"
        "print('BAD', bad)"
    )
    r = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True)
    assert "BAD []" in r.stdout, r.stdout + r.stderr
    assert "Coördinator: nog niet aangesteld" in r.stdout
