"""The network's year (issue 26, items 1 and 2): `gzctl planning` (the milestones worked back
from the village's deadline, late, this month, holiday clashes, --json, --ics) and
`gzctl overleg` (meetings, decisions, actions, the chair by rotation, the agenda and the
verslag on disk, open actions in next and status), in both variants."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import ANSWERS as BASE_ANSWERS

from tests.ics_check import khal_client, parse_both

STATE = "gzctl.toml"

ANSWERS = BASE_ANSWERS + "\n[verkennen]\nsubsidiekalender = 2027-10-01\n"  # conftest's, a deadline


def state(folder: Path) -> dict:
    return tomllib.loads((folder / STATE).read_text(encoding="utf-8"))


@pytest.fixture
def village(tmp_path: Path, gz) -> Path:
    """A village made in month 1 (the clock of the tests: 22 November 2026) with its deadline."""
    answers = tmp_path / "a.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    folder = tmp_path / "beesd"
    result = gz("init", str(folder), "--answers", str(answers))
    assert result.code == 0, result.err
    return folder


def add_orgs(gz, folder: Path, *names: str) -> list[str]:
    ids = []
    for name in names:
        result = gz("-C", str(folder), "org", "add", name)
        assert result.code == 0, result.err
        org_id = next(o["id"] for o in state(folder)["organisations"] if o["name"] == name)
        assert gz("-C", str(folder), "org", "status", org_id, "aangesloten").code == 0
        ids.append(org_id)
    return ids


# --------------------------------------------------------------------------- planning


def test_planning_in_month_one_works_back_from_the_deadline(gz, village: Path) -> None:
    result = gz("-C", str(village), "planning")
    assert result.code == 0, result.err
    out = result.out
    assert "Planning naar de subsidiedeadline van de gemeente: vrijdag 1 oktober 2027" in out
    # 1 week before: the application; 22 weeks before: the first network evening
    assert "vrijdag 24 september 2027  Subsidieaanvraag bij de gemeente ingediend" in out
    assert "vrijdag 30 april 2027  Eerste netwerkavond gehouden" in out
    assert "(organiseren.subsidiebrief)" in out  # what still has to be done for it
    # 13 weeks after 1 October is New Year's Eve: the Christmas week
    assert "valt op de kerstweek" in out
    assert "Te laat:" not in out
    assert "0 te laat, 0 deze maand" in out


def test_planning_json_and_what_is_late_and_due_this_month(gz, village: Path, monkeypatch) -> None:
    monkeypatch.setenv("GZCTL_NOW", "2027-03-10T10:00:00+01:00")
    assert gz("-C", str(village), "done", "verkennen.medestarter").code == 0
    assert gz("-C", str(village), "done", "verkennen.organisatielijst").code == 0
    result = gz("-C", str(village), "planning", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["deadline"] == {
        "date": "2027-10-01",
        "what": "de subsidiedeadline van de gemeente",
        "question": "verkennen.subsidiekalender",
        "answer": "2027-10-01",
    }
    rows = {m["id"]: m for m in data["milestones"]}
    # 19 February: two of its three items done, the subsidy date answered (done_when): reached
    assert rows["mijlpaal.verkend"]["state"] == "gehaald"
    assert rows["mijlpaal.gemeentegesprek"]["date"] == "2027-03-19"
    assert rows["mijlpaal.gemeentegesprek"]["state"] == "deze maand"
    assert [i["id"] for i in rows["mijlpaal.gemeentegesprek"]["open_items"]] == [
        "verkennen.gemeentegesprek",
        "verkennen.kernteamgesprek",
    ]
    assert rows["mijlpaal.aanvraag"]["state"] == "later"
    monkeypatch.setenv("GZCTL_NOW", "2027-05-03T10:00:00+02:00")
    text = gz("-C", str(village), "planning").out
    late = text.split("Te laat:")[1].split("Daarna:")[0]
    assert "Eerste gesprek met de gemeente" in late and "Eerste netwerkavond" in late
    assert "2 te laat, 0 deze maand" in text


def test_planning_ics_parses_in_two_independent_readers(gz, village: Path, tmp_path) -> None:
    path = tmp_path / "planning.ics"
    result = gz("-C", str(village), "planning", "--ics", str(path))
    assert result.code == 0, result.err
    assert "De deadline en 8 mijlpalen geschreven" in result.err
    events = parse_both(path.read_bytes())
    by_uid = {e["uid"]: e for e in events}
    assert by_uid["deadline@beesd.planning.gzctl"]["start"] == "2027-10-01"
    assert by_uid["mijlpaal.aanvraag@beesd.planning.gzctl"]["start"] == "2027-09-24"
    assert by_uid["mijlpaal.aanvraag@beesd.planning.gzctl"]["end"] == "2027-09-25"
    # the same file twice: the same bytes (a re-import moves, never doubles)
    again = tmp_path / "again.ics"
    assert gz("-C", str(village), "planning", "--ics", str(again)).code == 0
    assert again.read_bytes() == path.read_bytes()
    bad = gz("-C", str(village), "planning", "--ics", str(tmp_path / "planning.txt"))
    assert bad.code == 2 and bad.err.count("\n") == 1


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed")
def test_khal_imports_the_planning(gz, village: Path, tmp_path: Path) -> None:
    path = tmp_path / "planning.ics"
    assert gz("-C", str(village), "planning", "--ics", str(path)).code == 0
    home = tmp_path / "khal"
    khal = khal_client(home, "eigen")

    khal("import", "--batch", "-a", "eigen", str(path))
    khal("import", "--batch", "-a", "eigen", str(path))  # again: replaced, not doubled
    out = khal("list", "--format", "{start-date}|{title}", "2027-09-20", "14d")
    assert "2027-09-24|Subsidieaanvraag bij de gemeente ingediend" in out
    assert "2027-10-01|Deadline: de subsidiedeadline van de gemeente" in out
    assert len(list((home / "cal").iterdir())) == 9


def test_an_old_free_text_deadline_is_read_and_said_in_one_line(gz, village: Path) -> None:
    path = village / STATE
    text = path.read_text(encoding="utf-8")
    assert "subsidiekalender = 2027-10-01" in text
    path.write_text(
        text.replace(
            "subsidiekalender = 2027-10-01",
            'subsidiekalender = "1 oktober, voor subsidie vanaf 1 januari"',
        ),
        encoding="utf-8",
    )
    result = gz("-C", str(village), "planning")
    assert result.code == 0, result.err
    notes = [line for line in result.out.splitlines() if "is tekst" in line]
    assert notes == [
        'Je antwoord "1 oktober, voor subsidie vanaf 1 januari" is tekst; gzctl leest er '
        "1 oktober 2027 in. Zet de datum vast met: gzctl -C "
        f"{village} answers --wijzig subsidiekalender"
    ]
    assert "vrijdag 24 september 2027  Subsidieaanvraag" in result.out
    assert gz("-C", str(village), "status").code == 0  # the project still opens


def test_planning_without_a_deadline_says_how_to_give_one(gz, project: Path) -> None:
    result = gz("-C", str(project), "planning")
    assert result.code == 0
    assert "Nog geen datum voor de subsidiedeadline van de gemeente" in result.out
    assert "answers --wijzig subsidiekalender" in result.out
    refused = gz("-C", str(project), "planning", "--ics", "x.ics")
    assert refused.code == 1 and not Path("x.ics").exists()


@pytest.mark.parametrize(
    ("args", "what", "milestone"),
    [
        ([], "de subsidiedeadline van de gemeente", "Subsidieaanvraag bij de gemeente ingediend"),
        (
            ["--vlaanderen"],
            "de aanpassing van het meerjarenplan",
            "Nota aan het college ingediend: beleidsdoelstelling, actieplan en budget",
        ),
    ],
)
def test_both_demos_have_a_planning(gz, tmp_path: Path, args, what, milestone) -> None:
    folder = tmp_path / "demo"
    assert gz("demo", str(folder), *args).code == 0
    data = json.loads(gz("-C", str(folder), "planning", "--json").out)
    assert data["deadline"]["what"] == what
    assert data["deadline"]["date"] > "2026-11-22"
    assert milestone in [m["title"] for m in data["milestones"]]
    assert not data["notes"]


# --------------------------------------------------------------------------- overleg


def test_four_meetings_with_decisions_and_actions(gz, village: Path, monkeypatch) -> None:
    c = ("-C", str(village))
    orgs = add_orgs(gz, village, "Dorpshuis De Linde", "KBO Beesd", "VV Beesd")
    assert gz(*c, "platform", "add", "Beweegweek", "--lid", orgs[2], "--lid", orgs[1]).code == 0

    first = gz(*c, "overleg", "toevoegen", "15-11-2026", "--soort", "startgroep")
    assert first.code == 0, first.err
    assert "Id: 2026-11-15-startgroep" in first.out
    assert "Gespreksleider: Dorpshuis De Linde" in first.out
    assert first.err == ""  # 15 November 2026 was a Sunday, but it is past: no warning
    second = gz(*c, "overleg", "add", "2026-11-19", "--kind", "netwerkavond", "--tijd", "19.30")
    assert second.code == 0 and second.err == ""
    third = gz(*c, "overleg", "toevoegen", "27-04-2027", "--soort", "netwerkavond")
    assert "Koningsdag (feestdag)" in third.err and third.err.count("\n") == 1
    fourth = gz(*c, "overleg", "toevoegen", "20-01-2027", "--soort", "werkgroep",
                "--platform", "beweegweek")  # fmt: skip
    assert fourth.code == 0, fourth.err

    data = state(village)["meetings"]
    chairs = {m["id"]: m.get("chair", "") for m in data}
    # by rotation among the joined organisations, in order of name, one after the other
    assert chairs["2026-11-15-startgroep"] == "dorpshuis-de-linde"
    assert chairs["2026-11-19-netwerkavond"] == "kbo-beesd"
    assert chairs["2027-04-27-netwerkavond"] == "vv-beesd"
    assert chairs["2027-01-20-werkgroep-beweegweek"] == "kbo-beesd"  # the platform's members

    m = "2026-11-19-netwerkavond"
    assert gz(*c, "overleg", "besluit", m, "We beginnen met een Beweegweek in mei").code == 0
    assert gz(*c, "overleg", "decision", m, "De netwerkavond is elke eerste donderdag").code == 0
    act = gz(*c, "overleg", "actie", m, "Zaal vastleggen voor de Beweegweek",
             "--door", "dorpshuis-de-linde", "--voor", "15-01-2027")  # fmt: skip
    assert act.code == 0, act.err
    assert "Id: zaal-vastleggen-beweegweek" in act.out
    act2 = gz(*c, "overleg", "action", m, "Oproep in de dorpskrant", "--by", "kbo-beesd",
              "--due", "2026-12-20")  # fmt: skip
    assert act2.code == 0, act2.err
    person = gz(*c, "overleg", "actie", m, "Bellen", "--door", "Petra", "--voor", "1-1-2027")
    assert person.code == 2 and "niet bij een persoon" in person.err
    assert person.err.count("\n") == 1
    assert gz(*c, "overleg", "actie-klaar", "oproep-dorpskrant").code == 0
    closed = gz(*c, "overleg", "klaar", m)
    assert closed.code == 0 and "gesloten: 2 besluiten, 2 acties" in closed.out
    early = gz(*c, "overleg", "close", "2027-04-27-netwerkavond")
    assert early.code == 2 and "nog niet geweest" in early.err
    kept = gz(*c, "overleg", "verwijderen", m)
    assert kept.code == 2 and "blijven bewaard" in kept.err
    assert gz(*c, "overleg", "toevoegen", "29-04-2027", "--soort", "netwerkavond").code == 0
    assert gz(*c, "overleg", "remove", "2027-04-29-netwerkavond").code == 0

    saved = next(x for x in state(village)["meetings"] if x["id"] == m)
    assert saved["decisions"] == [
        "We beginnen met een Beweegweek in mei",
        "De netwerkavond is elke eerste donderdag",
    ]
    assert saved["closed"].isoformat() == "2026-11-22"
    assert [(a["id"], a["by"], "done" in a) for a in saved["actions"]] == [
        ("zaal-vastleggen-beweegweek", "dorpshuis-de-linde", False),
        ("oproep-dorpskrant", "kbo-beesd", True),
    ]

    # the open action in next (the whole view) and status, on the day it is late
    shown = gz(*c, "next", "--alles")
    assert "Acties uit het overleg" in shown.out
    assert "Zaal vastleggen voor de Beweegweek — Dorpshuis De Linde, vóór 15 januari 2027" in (
        shown.out
    )
    assert "Oproep in de dorpskrant" not in shown.out
    # next --json: the stappenplan's items, then the open meeting actions (none done)
    for args in ((), ("--alles",)):
        listed = json.loads(gz(*c, "next", "--json", *args).out)
        kinds = [x["kind"] for x in listed]
        assert kinds[-1] == "overleg-actie" and set(kinds[:-1]) == {"stap"}
        assert listed[-1] == {
            "kind": "overleg-actie", "id": "zaal-vastleggen-beweegweek",
            "title": "Zaal vastleggen voor de Beweegweek", "meeting": m,
            "by": "dorpshuis-de-linde", "by_name": "Dorpshuis De Linde",
            "due": "2027-01-15", "late": False,
        }  # fmt: skip
    # the short status: the meetings and the planning, a line each (one line where it fits)
    for columns in ("60", "80"):
        monkeypatch.setenv("COLUMNS", columns)
        short = gz(*c, "status").out.splitlines()
        assert "Overleg: volgende op 20 januari 2027, 1 open actie" in short
        assert "Planning: volgende mijlpaal op 19 februari 2027" in short
        assert len(short) <= 22 and "Volgende acties:" in short
    monkeypatch.setenv("COLUMNS", "120")
    assert ("Overleg: volgende op 20 januari 2027, 1 open actie · "
            "Planning: volgende mijlpaal op 19 februari 2027") in gz(*c, "status").out  # fmt: skip
    monkeypatch.setenv("COLUMNS", "100")
    status = gz(*c, "status", "--alles")  # the whole view; the short one fits one window
    assert "Overleg: 2 geweest, 2 gepland (volgende: 20 januari 2027)" in status.out
    assert "Acties uit het overleg: 1 open actie" in status.out
    meetings = json.loads(gz(*c, "status", "--json").out)["meetings"]
    assert [a["id"] for a in meetings["open_actions"]] == ["zaal-vastleggen-beweegweek"]
    assert meetings["open_actions"][0]["late"] is False

    listed = json.loads(gz(*c, "overleg", "lijst", "--json").out)
    assert [x["id"] for x in listed] == [
        "2026-11-15-startgroep",
        "2026-11-19-netwerkavond",
        "2027-01-20-werkgroep-beweegweek",
        "2027-04-27-netwerkavond",
    ]
    shown = gz(*c, "overleg", "toon", m)
    assert "1. We beginnen met een Beweegweek in mei" in shown.out
    assert "☑ Oproep in de dorpskrant — KBO Beesd, vóór 20 december 2026" in shown.out


def test_agenda_and_verslag_land_in_documenten_overleg(gz, village: Path, monkeypatch) -> None:
    c = ("-C", str(village))
    add_orgs(gz, village, "Dorpshuis De Linde", "KBO Beesd")
    assert gz(*c, "overleg", "toevoegen", "2026-11-19", "--soort", "netwerkavond",
              "--tijd", "19:30", "--plek", "Dorpshuis De Linde").code == 0  # fmt: skip
    m = "2026-11-19-netwerkavond"
    assert gz(*c, "overleg", "besluit", m, "We starten met een koffieochtend").code == 0
    assert gz(*c, "overleg", "actie", m, "Koffie en zaal regelen", "--door",
              "dorpshuis-de-linde", "--voor", "2026-12-01").code == 0  # fmt: skip
    assert gz(*c, "overleg", "klaar", m).code == 0
    assert gz(*c, "overleg", "toevoegen", "2026-12-10", "--soort", "netwerkavond",
              "--tijd", "19:30").code == 0  # fmt: skip
    built = gz(*c, "docs", "build", "--alleen", "overleg-agenda", "--alleen", "overleg-verslag")
    assert built.code == 0, built.err
    folder = village / "documenten" / "overleg"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        f"{stem}.{ext}"
        for stem in (f"{m}-agenda", f"{m}-verslag", "2026-12-10-netwerkavond-agenda")
        for ext in ("md", "html", "docx")
    )  # no verslag of a meeting still to come
    agenda = (folder / "2026-12-10-netwerkavond-agenda.md").read_text(encoding="utf-8")
    assert "**Toets aan de missie.**" in agenda
    assert "**Gespreksleider:** KBO Beesd" in agenda  # the next one after De Linde
    assert "donderdag 10 december 2026, van 19:30 tot 21:30 uur" in agenda
    assert "- [ ] Koffie en zaal regelen — Dorpshuis De Linde" in agenda  # last time's actions
    verslag = (folder / f"{m}-verslag.md").read_text(encoding="utf-8")
    assert "## Besluitenlijst\n\n1. We starten met een koffieochtend" in verslag
    assert "| Koffie en zaal regelen | Dorpshuis De Linde |" in verslag
    assert "Gespreksleider: KBO Beesd" in verslag  # who chairs next time
    for path in folder.iterdir():
        if path.suffix in (".md", ".html"):
            assert "Petra" not in path.read_text(encoding="utf-8")  # roles, never names
    html = (folder / f"{m}-verslag.html").read_text(encoding="utf-8")
    assert "We starten met een koffieochtend" in html


def test_removing_an_organisation_named_by_an_action(gz, village: Path) -> None:
    c = ("-C", str(village))
    add_orgs(gz, village, "Dorpshuis De Linde")
    assert gz(*c, "overleg", "toevoegen", "2026-12-03", "--soort", "netwerkavond").code == 0
    assert gz(*c, "overleg", "actie", "2026-12-03-netwerkavond", "Zaal", "--door",
              "dorpshuis-de-linde", "--voor", "2026-12-20").code == 0  # fmt: skip
    refused = gz(*c, "org", "remove", "dorpshuis-de-linde", "--yes")
    assert refused.code == 1 and "overleg 2026-12-03-netwerkavond en actie zaal" in refused.err
    taken = gz(*c, "org", "remove", "dorpshuis-de-linde", "--ook-verwijzingen")
    assert taken.code == 0, taken.err
    meeting = state(village)["meetings"][0]
    assert "chair" not in meeting and "by" not in meeting["actions"][0]
    assert meeting["actions"][0]["text"] == "Zaal"  # the action stays, without organisation


def test_both_clones_meetings_decisions_and_actions_survive_a_merge() -> None:
    import datetime as dt

    from gzctl.core import merge
    from gzctl.core.model import Meeting, MeetingAction, Organisation, Project
    from gzctl.core.store import dumps, parse

    base = Project(organisations=[Organisation(id="kbo", name="KBO")])
    base.meetings.append(Meeting(id="2027-01-07-netwerkavond", date=dt.date(2027, 1, 7)))
    mine, other = parse(dumps(base), Path(STATE)), parse(dumps(base), Path(STATE))
    mine.meetings[0].decisions.append("Besluit A")
    mine.meetings[0].actions.append(MeetingAction(id="zaal", text="Zaal", by="kbo"))
    other.meetings[0].decisions.append("Besluit B")
    other.meetings[0].actions.append(MeetingAction(id="krant", text="Krant", by="kbo"))
    other.meetings.append(Meeting(id="2027-02-04-werkgroep", date=dt.date(2027, 2, 4)))
    result = merge.merge_texts(dumps(base), dumps(mine), dumps(other))
    assert not result.conflicts
    merged = parse(result.text, Path(STATE))
    assert [m.id for m in merged.meetings] == ["2027-01-07-netwerkavond", "2027-02-04-werkgroep"]
    assert merged.meetings[0].decisions == ["Besluit A", "Besluit B"]
    assert [a.id for a in merged.meetings[0].actions] == ["zaal", "krant"]


def test_flemish_village_meets_too(gz, tmp_path: Path) -> None:
    folder = tmp_path / "demo-be"
    assert gz("demo", str(folder), "--vlaanderen").code == 0
    c = ("-C", str(folder))
    added = gz(*c, "overleg", "toevoegen", "21-07-2027", "--soort", "netwerkavond")
    assert added.code == 0, added.err
    assert "Nationale feestdag" in added.err or "feestdag" in added.err
    assert gz(*c, "docs", "build", "--alleen", "overleg-agenda").code == 0
    agenda = (folder / "documenten" / "overleg" / "2027-07-21-netwerkavond-agenda.md").read_text(
        encoding="utf-8"
    )
    assert "Toets aan de missie" in agenda


def test_a_playbook_milestone_must_name_known_items(tmp_path: Path) -> None:
    from gzctl.core import playbook as pb
    from gzctl.core.errors import PlaybookError

    path = tmp_path / "eigen.toml"
    path.write_text(
        'extends = "gemeenschapszorg"\n\n[playbook]\nid = "eigen"\ntitle = "Eigen"\n'
        'version = "1"\n\n[[change]]\nid = "mijlpaal.aanvraag"\nitems = ["bestaat.niet"]\n'
        "weeks_before = 200\n",
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(path)
    message = str(exc.value)
    assert "[mijlpaal.aanvraag]: onbekende actie 'bestaat.niet'" in message
    assert "'weeks_before' moet een heel getal van 0 tot 156 zijn" in message


def test_a_meeting_added_before_planned_ones_keeps_the_rotation_in_date_order(
    gz, village: Path
) -> None:
    c = ("-C", str(village))
    add_orgs(gz, village, "Dorpshuis De Linde", "KBO Beesd", "VV Beesd")
    assert gz(*c, "overleg", "toevoegen", "2027-06-03", "--soort", "netwerkavond").code == 0
    assert gz(*c, "overleg", "toevoegen", "2027-09-02", "--soort", "netwerkavond",
              "--voorzitter", "dorpshuis-de-linde").code == 0  # fmt: skip
    added = gz(*c, "overleg", "toevoegen", "2027-03-04", "--soort", "netwerkavond")
    assert "Gespreksleider: Dorpshuis De Linde" in added.out
    chairs = [(m["id"], m.get("chair")) for m in state(village)["meetings"]]
    assert chairs == [
        ("2027-03-04-netwerkavond", "dorpshuis-de-linde"),
        ("2027-06-03-netwerkavond", "kbo-beesd"),  # moved on one
        ("2027-09-02-netwerkavond", "dorpshuis-de-linde"),  # given by hand: kept
    ]


def test_a_name_typed_into_a_decision_is_reached_by_person_forget(gz, village: Path) -> None:
    c = ("-C", str(village))
    add_orgs(gz, village, "KBO Beesd")
    assert gz(*c, "overleg", "toevoegen", "2026-11-19", "--soort", "startgroep").code == 0
    m = "2026-11-19-startgroep"
    assert gz(*c, "overleg", "besluit", m, "Petra de Vries schrijft de brief").code == 0
    assert gz(*c, "overleg", "actie", m, "Petra de Vries belt de gemeente", "--door",
              "kbo-beesd", "--voor", "2026-12-01").code == 0  # fmt: skip
    seen = json.loads(gz(*c, "person", "export", "Petra de Vries", "--json").out)
    wheres = {t["where"] for t in seen["texts"]}
    assert {f"meetings.{m}.decisions.1", f"meetings.{m}.actions.petra-vries-belt.text"} <= wheres
    assert gz(*c, "person", "forget", "Petra de Vries", "--yes").code == 0
    text = (village / STATE).read_text(encoding="utf-8")
    assert "Petra" not in text
    assert "[naam gewist] schrijft de brief" in text


def test_a_hand_edited_duplicate_meeting_is_named_with_its_line(gz, village: Path) -> None:
    c = ("-C", str(village))
    assert gz(*c, "overleg", "toevoegen", "2026-12-03", "--soort", "netwerkavond",
              "--tijd", "19:30").code == 0  # fmt: skip
    path = village / STATE
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if 'id = "2026-12-03-netwerkavond"' in x)
    path.write_text(text.replace(line, line + "\n" + line), encoding="utf-8")
    result = gz(*c, "overleg", "lijst")
    assert result.code == 2
    assert "id '2026-12-03-netwerkavond' staat er twee keer in" in result.err
    assert "regel" in result.err and result.err.count("\n") == 1
    # a time nobody can read does not stop the agenda
    path.write_text(text.replace('time = "19:30"', 'time = "half acht"'), encoding="utf-8")
    assert gz(*c, "docs", "build", "--alleen", "overleg-agenda").code == 0


@pytest.mark.parametrize("name", ["gemeenschapszorg", "zorgzame-buurt"])
def test_the_demo_meetings_hold_on_any_run_date(name: str) -> None:
    import datetime as dt

    from gzctl.core import planning
    from gzctl.core import playbook as pb
    from gzctl.documents.members import late_joiners
    from gzctl.network import demo as dm

    book = pb.load(name)
    start = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for days in range(0, 366, 37):
        now = start + dt.timedelta(days=days)
        project = dm.build_project(book, now, "tester")
        held = [m for m in project.meetings if m.date < now.date()]
        assert len(held) == 5 and all(m.decisions and m.closed for m in held)
        # a village about a year in: its first network evening months ago, held as a
        # meeting that day, and a member that joined after it (the welcome pack's reader)
        evening = project.answers["verbinden.netwerkavond_datum"]
        assert evening <= now.date() - dt.timedelta(days=150)
        assert project.project.created <= now.date() - dt.timedelta(days=300)
        assert evening in [m.date for m in held if m.kind == "netwerkavond"]
        assert len(late_joiners(project)) == 1
        assert len([a for m in project.meetings for a in m.actions if a.done is None]) == 1
        assert all(m.chair for m in project.meetings)
        plan = planning.plan(book, project, now.date())
        assert plan.deadline.day is not None and plan.deadline.day > now.date()
        assert not plan.notes
