"""The network's second year (issue 26, the rest of items 3, 5 and 6): the yearly "doen
jullie nog mee?" in next and status, the open evenings for residents on the site and in
agenda.ics, letters that fit the dorpsraad and the adviesraden, the planning in one line in
status, and the demo's late member with its welcome pack, in both variants."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from conftest import ANSWERS as BASE_ANSWERS

from gzctl.core.model import (
    Activity,
    HistoryEntry,
    Meeting,
    MeetingAction,
    Organisation,
    Project,
    RecurringActivity,
)
from gzctl.network.stillin import quiet_members

STATE = "gzctl.toml"
TODAY = dt.date(2027, 9, 1)


def state(folder: Path) -> dict:
    return tomllib.loads((folder / STATE).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the pure rule


def joined(org_id: str, day: dt.date) -> Organisation:
    return Organisation(org_id, org_id.title(), status="aangesloten", dates={"aangesloten": day})


def test_a_member_quiet_for_six_months_is_asked_and_every_sign_keeps_it_away() -> None:
    old = TODAY - dt.timedelta(days=400)
    recent = TODAY - dt.timedelta(days=30)
    project = Project(
        organisations=[
            joined("stil", old),
            joined("activiteit", old),
            joined("actie", old),
            joined("vast", old),
            joined("platform", old),
            joined("nieuw", recent),
            joined("voorzitter", old),
            Organisation("weg", "Weg", status="afgehaakt", dates={"afgehaakt": old}),
        ]
    )
    project.activities.append(
        Activity("a", "Koersbal", dt.datetime.combine(recent, dt.time(14)),
                 organisers=["activiteit"])  # fmt: skip
    )
    project.meetings.append(
        Meeting("m", recent, chair="voorzitter",
                actions=[MeetingAction("x", "Zaal regelen", by="actie")])  # fmt: skip
    )
    project.recurring.append(RecurringActivity("r", "vast", "Repetitie", old))
    project.history.append(
        HistoryEntry(dt.datetime.combine(recent, dt.time(9)), "Petra", "platform-join",
                     "Beweegweek: Platform doet mee", ["beweegweek", "platform"])  # fmt: skip
    )
    rows = quiet_members(project, TODAY)
    assert [r["id"] for r in rows] == ["stil"]
    assert rows[0]["last_sign"] == old.isoformat()
    assert rows[0]["months"] == 13


def test_a_future_activity_is_no_sign_yet_and_a_yes_counts_for_a_year() -> None:
    old = TODAY - dt.timedelta(days=200)
    org = joined("club", old)
    project = Project(organisations=[org])
    project.activities.append(
        Activity("a", "Later", dt.datetime(2027, 12, 1, 14), organisers=["club"])
    )
    assert [r["id"] for r in quiet_members(project, TODAY)] == ["club"]
    org.confirmed = TODAY - dt.timedelta(days=300)  # a yes 300 days ago: not asked again
    assert quiet_members(project, TODAY) == []
    org.confirmed = TODAY - dt.timedelta(days=366)  # a year on: asked again
    assert [r["id"] for r in quiet_members(project, TODAY)] == ["club"]


# --------------------------------------------------------------------------- next and status


@pytest.fixture
def demo(gz, tmp_path: Path) -> Path:
    folder = tmp_path / "ooltwijk"
    result = gz("demo", str(folder))
    assert result.code == 0, result.err
    return folder


def test_next_and_status_ask_quiet_members_and_the_answer_is_recorded(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    now = json.loads(gz("-C", str(demo), "status", "--json").out)
    assert "still_in" not in now  # everyone is busy in the demo's first weeks
    assert "Doen jullie nog mee?" not in gz("-C", str(demo), "next").out

    monkeypatch.setenv("GZCTL_NOW", "2027-09-01T10:00:00+02:00")
    short = gz("-C", str(demo), "next").out  # one window: a line that says where to look
    assert "Doen ze nog mee?" in short and "next --alles" in short
    out = gz("-C", str(demo), "next", "--alles").out
    assert "Doen jullie nog mee?" in out
    assert "  ☐ Dorpskrant De Ooltwijker — laatst iets gezien op" in out
    assert "Doen ze nog mee: gzctl -C" in out and "org nog-mee ID" in out
    assert "KBO Ooltwijk —" not in out  # its weekly koersbal is a sign every week
    assert "Niet meer: gzctl -C" in out and "org status ID afgehaakt" in out
    assert all(len(line) <= 80 for line in out.splitlines() if "gzctl -C" not in line)
    status = gz("-C", str(demo), "status", "--alles").out
    assert "Doen jullie nog mee? Een half jaar niets gezien van:" in status
    assert all(len(line) <= 80 for line in status.splitlines() if "gzctl -C" not in line)
    data = json.loads(gz("-C", str(demo), "status", "--json").out)
    ids = [r["id"] for r in data["still_in"]]
    assert "dorpskrant-de-ooltwijker" in ids

    result = gz("-C", str(demo), "org", "nog-mee", "dorpskrant-de-ooltwijker")
    assert result.code == 0, result.err
    assert "Dorpskrant De Ooltwijker: doet nog mee (1 september 2027)" in result.out
    org = next(o for o in state(demo)["organisations"] if o["id"] == "dorpskrant-de-ooltwijker")
    assert org["confirmed"] == dt.date(2027, 9, 1)
    assert "Dorpskrant De Ooltwijker —" not in gz("-C", str(demo), "next").out
    assert state(demo)["history"][-1]["action"] == "org-nog-mee"
    shown = gz("-C", str(demo), "org", "show", "dorpskrant-de-ooltwijker").out
    assert "Doet nog mee:   gezegd op 1 september 2027" in shown

    refused = gz("-C", str(demo), "org", "nog-mee", "gemeente-lingemeer")
    assert refused.code == 2
    assert "niet aangesloten" in refused.err and "niets veranderd" in refused.err


# --------------------------------------------------------------------------- planning in status

PLANNED = BASE_ANSWERS + "\n[verkennen]\nsubsidiekalender = 2027-10-01\n"  # conftest's, a deadline


def test_status_shows_the_planning_in_a_line_when_the_village_gave_a_deadline(
    gz, tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    without = gz("-C", str(project), "status", "--alles")
    assert "Planning:" not in without.out  # no deadline: no planning line
    assert "planning" not in json.loads(gz("-C", str(project), "status", "--json").out)

    answers = tmp_path / "planned.toml"
    answers.write_text(PLANNED, encoding="utf-8")
    folder = tmp_path / "beesd-planned"
    assert gz("init", str(folder), "--answers", str(answers)).code == 0
    monkeypatch.setenv("GZCTL_NOW", "2027-03-10T10:00:00+01:00")
    out = gz("-C", str(folder), "status", "--alles").out
    # worked back from 1 October 2027: the first evening (22 weeks before) is still ahead;
    # the milestones of the autumn and winter are late
    assert "Planning: volgende mijlpaal op 19 maart 2027; " in out
    assert "te laat sinds " in out
    # a long -C folder breaks the line after the label, which stays with its words
    assert "Alle mijlpalen:" in out and f"gzctl -C {folder} " in out
    assert all(len(line) <= 80 for line in out.splitlines() if "gzctl -C" not in line)
    # the short status says it in one line: the next milestone, how many are late
    short = gz("-C", str(folder), "status").out
    late = len(json.loads(gz("-C", str(folder), "status", "--json").out)["planning"]["late"])
    assert late == 1
    assert "Planning: volgende mijlpaal op 19 maart 2027; 1 mijlpaal te laat" in short
    assert len(short.splitlines()) <= 22
    data = json.loads(gz("-C", str(folder), "status", "--json").out)["planning"]
    assert data["deadline"] == "2027-10-01"
    assert data["next"]["date"] == "2027-03-19"
    assert data["late"] and all(row["date"] < "2027-03-10" for row in data["late"])


# --------------------------------------------------------------------------- open evenings


def _article(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</article>", start)]


@pytest.mark.parametrize("args", [(), ("--vlaanderen",)])
def test_network_evenings_are_open_evenings_on_the_site_and_in_agenda_ics(
    gz, tmp_path: Path, args: tuple[str, ...]
) -> None:
    import icalendar

    folder = tmp_path / "dorp"
    assert gz("demo", str(folder), *args).code == 0
    # a second network evening, planned with gzctl overleg, with a chair by rotation
    result = gz("-C", str(folder), "overleg", "add", "2027-03-11", "--soort", "netwerkavond",
                "--tijd", "19:30")  # fmt: skip
    assert result.code == 0, result.err
    assert gz("-C", str(folder), "site", "build").code == 0, "site build"
    site = folder / "website"
    agenda = (site / "agenda.html").read_text(encoding="utf-8")
    evening = _article(agenda, "activiteit-open-avond-2027-03-11-netwerkavond")
    assert "<h3>Open avond: iedereen welkom</h3>" in evening
    assert "donderdag 11 maart 2027, 19:30 tot 21:30 uur" in evening
    assert "open voor iedereen: inwoners, verenigingen en organisaties" in evening
    assert "Wie organiseert" not in evening  # no names: no chair, no organisations
    names = [o["name"] for o in state(folder)["organisations"]]
    assert not [n for n in names if n in evening]
    meetings = [m for m in state(folder)["meetings"] if m["kind"] == "netwerkavond"]
    today = dt.date(2026, 11, 22)  # the clock of the tests
    assert [m for m in meetings if m["date"] < today]  # the demo held evenings already
    first = min((m for m in meetings if m["date"] >= today), key=lambda m: m["date"])
    # the "Doe mee" page names the next open evening (not one held) and links to it
    doe_mee = (site / "doe-mee.html").read_text(encoding="utf-8")
    assert "Kom ook naar de volgende open avond van het netwerk" in doe_mee
    assert f'agenda.html#activiteit-open-avond-{first["id"]}' in doe_mee
    assert f'<time datetime="{first["date"].isoformat()}T19:30">' in doe_mee
    # agenda.ics: one event per network evening, same stable uid, no names
    cal = icalendar.Calendar.from_ical((site / "agenda.ics").read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    uid = next(u for u in events if u.startswith("open-avond-2027-03-11-netwerkavond@"))
    event = events[uid]
    assert str(event["summary"]) == "Open avond: iedereen welkom"
    assert event.decoded("dtstart").replace(tzinfo=None) == dt.datetime(2027, 3, 11, 19, 30)
    assert event.decoded("dtend").replace(tzinfo=None) == dt.datetime(2027, 3, 11, 21, 30)
    assert not [n for n in names if n in str(event.get("description", ""))]
    assert sum(1 for u in events if u.startswith("open-avond-")) == len(meetings)


def test_without_a_network_evening_the_doe_mee_page_names_none(gz, project: Path) -> None:
    assert gz("-C", str(project), "site", "build").code == 0
    doe_mee = (project / "website" / "doe-mee.html").read_text(encoding="utf-8")
    assert "open avond" not in doe_mee


# --------------------------------------------------------------------------- letters that fit


@pytest.mark.parametrize(
    ("args", "council", "club", "words"),
    [
        ((), "dorpsraad-ooltwijk", "vv-ooltwijk",
         "Als dorpsraad kent u het dorp als geen ander"),
        (("--vlaanderen",), "seniorenraad-leiebeke", "chiro-heuvelkerke",
         "Als adviesraad geeft u het lokaal bestuur advies"),
    ],
)  # fmt: skip
def test_the_invitation_to_the_village_council_has_its_own_paragraph(
    gz, tmp_path: Path, args: tuple[str, ...], council: str, club: str, words: str
) -> None:
    folder = tmp_path / "dorp"
    assert gz("demo", str(folder), *args).code == 0
    result = gz("-C", str(folder), "docs", "build", "--only", "uitnodiging", "--format", "md")
    assert result.code == 0, result.err
    letters = folder / "documenten" / "uitnodiging"
    council_letter = (letters / f"{council}.md").read_text(encoding="utf-8")
    club_letter = (letters / f"{club}.md").read_text(encoding="utf-8")
    assert words in council_letter
    assert "Het netwerk wordt geen nieuwe raad" in council_letter
    assert "Het netwerk wordt pas sterk" not in council_letter  # not the clubs' text
    assert words not in club_letter
    assert "Het netwerk wordt pas sterk" in club_letter
    # the print file holds the same paragraph in the council's letter
    everything = (letters / "alle-uitnodigingen.md").read_text(encoding="utf-8")
    assert everything.count(words) == 1


def test_the_country_file_checks_its_invitation_paragraphs(tmp_path: Path) -> None:
    from gzctl.core.country import load_file
    from gzctl.core.errors import PlaybookError

    source = Path(__file__).resolve().parent.parent / "playbooks" / "landen" / "nl" / "land.toml"
    text = source.read_text(encoding="utf-8")
    broken = tmp_path / "land.toml"
    broken.write_text(text.replace("[uitnodiging.types]\ndorpsraad = ", "[uitnodiging.types]\n"
                                   "leeg = \"\"\ndorpsraad = "), encoding="utf-8")  # fmt: skip
    with pytest.raises(PlaybookError, match="uitnodiging"):
        load_file(broken)


# --------------------------------------------------------------------------- joining late


@pytest.mark.parametrize(
    ("args", "org_id", "name", "greeting", "next_one"),
    [
        ((), "zonnebloem-afdeling-ooltwijk", "Zonnebloem afdeling Ooltwijk", "Beste Ans,",
         "fanfare-eensgezindheid"),
        (("--vlaanderen",), "samana-heuvelkerke", "Samana Heuvelkerke", "Beste Ann,",
         "koninklijke-fanfare-sint-cecilia"),
    ],
)  # fmt: skip
def test_the_demo_a_year_in_has_a_late_member_with_its_welcome_pack(
    gz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], org_id: str,
    name: str, greeting: str, next_one: str,
) -> None:
    """The demo village is about a year in: its first network evening months ago, and one
    organisation joined after it; `gzctl demo` made its welcome pack, and it is not asked
    "doen jullie nog mee?". One that joins later still gets its own pack."""
    folder = tmp_path / "dorp"
    assert gz("demo", str(folder), *args).code == 0
    data = state(folder)
    today = dt.date(2026, 11, 22)  # the clock of the tests
    evening = data["answers"]["verbinden"]["netwerkavond_datum"]
    assert evening <= today - dt.timedelta(days=150)
    late = [o["id"] for o in data["organisations"]
            if o["status"] == "aangesloten" and o["dates"]["aangesloten"] > evening]  # fmt: skip
    assert late == [org_id]
    packs = folder / "documenten" / "welkom"
    assert sorted(p.name for p in packs.iterdir()) == [
        f"{org_id}.{ext}" for ext in ("docx", "html", "md")
    ]
    pack = (packs / f"{org_id}.md").read_text(encoding="utf-8")
    assert name in pack and greeting in pack
    assert f"\n{name}\\\nt.a.v. " in pack  # the address block, as on every letter
    assert "## Onze afspraken" in pack and "## Wie is wie" in pack
    assert "doen jullie mee met" in pack
    status = json.loads(gz("-C", str(folder), "status", "--json").out)
    assert org_id not in [r["id"] for r in status.get("still_in", [])]
    # a month on, an organisation approached long ago joins too: its own pack, beside the first
    monkeypatch.setenv("GZCTL_NOW", "2026-12-22T10:00:00+01:00")
    assert gz("-C", str(folder), "org", "status", next_one, "aangesloten").code == 0
    result = gz("-C", str(folder), "docs", "build", "--only", "welkom", "--format", "md")
    assert result.code == 0, result.err
    assert (packs / f"{next_one}.md").is_file() and (packs / f"{org_id}.md").is_file()


def test_a_first_evening_held_is_no_longer_a_date_gone_by(gz, tmp_path: Path) -> None:
    """The agenda of the first network evening warns when its day has passed; once the
    evening is recorded as held (a network evening that day, as in the demo a year in), the
    date is history, not a mistake."""
    answers = tmp_path / "a.toml"
    answers.write_text(BASE_ANSWERS + '\n[verbinden]\nnetwerkavond_datum = 2026-11-10\n'
                       'netwerkavond_tijd = "19:30"\nnetwerkavond_plek = "Dorpshuis"\n',
                       encoding="utf-8")  # fmt: skip
    folder = tmp_path / "dorp"
    assert gz("init", str(folder), "--answers", str(answers)).code == 0
    c = ("-C", str(folder))
    built = gz(*c, "docs", "build", "--only", "agenda", "--format", "md")
    assert built.code == 0, built.err
    assert "de datum van de netwerkavond (10 november 2026) is al voorbij" in built.err + built.out
    assert gz(*c, "overleg", "toevoegen", "10-11-2026", "--soort", "netwerkavond").code == 0
    again = gz(*c, "docs", "build", "--only", "agenda", "--format", "md")
    assert again.code == 0 and "is al voorbij" not in again.err + again.out
