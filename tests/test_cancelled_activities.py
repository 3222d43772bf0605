"""Issue 24, item 4: a removed activity stays in the calendar exports as cancelled (same UID,
STATUS:CANCELLED, a higher SEQUENCE) for a while, so residents' calendars drop or mark it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import icalendar
import pytest
from ics_check import khal_client, parse_both

UID_WALK = "2027-04-12-wandeling@beesd.gzctl"


def _plan(gz, project: Path) -> list[str]:
    c = ["-C", str(project)]
    for args in (
        ["Wandeling", "--datum", "12-04-2027", "--tijd", "10:00", "--tot", "11:30"],
        ["Soep", "--datum", "14-04-2027"],
    ):
        result = gz(*c, "activity", "add", *args)
        assert result.code == 0, result.err
    moved = gz(*c, "activity", "edit", "2027-04-12-wandeling", "--plek", "Dorpshuis")
    assert moved.code == 0, moved.err  # one edit: the published SEQUENCE is 1
    return c


def _assert_cancelled(data: bytes, uid: str, sequence: int, summary: str,
                      start: tuple[int, ...], end: tuple[int, ...]) -> None:  # fmt: skip
    """The event ``uid`` of a calendar as a client must read a cancellation: icalendar and
    vobject agree on its SEQUENCE and summary, STATUS:CANCELLED, TRANSPARENT, and its
    start and end (Europe/Amsterdam) as published before."""
    both = {e["uid"]: e for e in parse_both(data)}  # icalendar and vobject agree
    assert both[uid]["sequence"] == sequence
    assert both[uid]["summary"] == summary
    event = _events(data)[uid]
    assert str(event["status"]) == "CANCELLED" and str(event["transp"]) == "TRANSPARENT"
    ams = __import__("zoneinfo").ZoneInfo("Europe/Amsterdam")
    assert event.decoded("dtstart") == dt.datetime(*start, tzinfo=ams)
    assert event.decoded("dtend") == dt.datetime(*end, tzinfo=ams)


def _events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_removed_activity_is_exported_as_cancelled(gz, project: Path, tmp_path: Path) -> None:
    c = _plan(gz, project)
    before = tmp_path / "voor.ics"
    assert gz(*c, "activity", "export", str(before)).code == 0
    assert int(_events(before.read_bytes())[UID_WALK]["sequence"]) == 1

    result = gz(*c, "activity", "remove", "2027-04-12-wandeling")
    assert result.code == 0, result.err
    state = tomllib.loads((project / "gzctl.toml").read_text(encoding="utf-8"))
    assert [a["id"] for a in state["activities"]] == ["2027-04-14-soep"]
    [gone] = state["cancelled_activities"]
    assert (gone["id"], gone["title"], gone["sequence"]) == ("2027-04-12-wandeling", "Wandeling", 2)
    assert gone["cancelled"] == dt.date(2026, 11, 22)

    after = tmp_path / "na.ics"
    assert gz(*c, "activity", "export", str(after)).code == 0
    data = after.read_bytes()
    _assert_cancelled(data, UID_WALK, 2, "Gaat niet door: Wandeling",
                      (2027, 4, 12, 10, 0), (2027, 4, 12, 11, 30))  # fmt: skip
    soup = _events(data)["2027-04-14-soep@beesd.gzctl"]
    assert "status" not in soup and int(soup["sequence"]) == 0

    # the list shows what still happens; --wanneer geweest has no cancelled coming event
    listed = json.loads(gz(*c, "activity", "list", "--json").out)
    assert [a["id"] for a in listed] == ["2027-04-14-soep"]
    past = gz(*c, "activity", "export", str(tmp_path / "geweest.ics"), "--wanneer", "geweest")
    assert past.code == 1  # nothing happened before today, nothing was cancelled before it

    # the only activity removed too: the export still carries both cancellations
    assert gz(*c, "activity", "remove", "2027-04-14-soep").code == 0
    only = tmp_path / "alleen.ics"
    assert gz(*c, "activity", "export", str(only)).code == 0
    assert {str(e["status"]) for e in _events(only.read_bytes()).values()} == {"CANCELLED"}

    # planned again under the same title and day: a new UID, the cancellation stays
    assert gz(*c, "activity", "add", "Wandeling", "--datum", "12-04-2027").code == 0
    listed = json.loads(gz(*c, "activity", "list", "--json").out)
    assert [a["id"] for a in listed] == ["2027-04-12-wandeling-2"]


def test_site_agenda_carries_the_cancellation_not_the_pages(gz, project: Path) -> None:
    c = _plan(gz, project)
    assert gz(*c, "activity", "remove", "2027-04-12-wandeling").code == 0
    built = gz(*c, "site", "build")
    assert built.code == 0, built.err
    web = project / "website"
    event = _events((web / "agenda.ics").read_bytes())[UID_WALK]
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 2
    pages = "".join(p.read_text(encoding="utf-8") for p in web.glob("*.html"))
    assert "Soep" in pages and "Wandeling" not in pages  # not shown as coming


def test_cancellations_last_90_days_or_until_the_event_is_over() -> None:
    from gzctl.core.model import Activity, Project
    from gzctl.network import platforms as pf

    project = Project()
    now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    for aid, day in (("soon", dt.datetime(2026, 12, 1, 10)), ("far", dt.datetime(2027, 9, 1))):
        project.activities.append(Activity(id=aid, title=aid, start=day))
        pf.cancel_activity(project, aid, now)
    assert [c.id for c in project.cancelled_activities] == ["soon", "far"]
    ids = lambda day: [c.id for c in pf.cancellations(project, day)]  # noqa: E731
    assert ids(dt.date(2027, 2, 20)) == ["soon", "far"]  # 90 days after the removal
    assert ids(dt.date(2027, 2, 21)) == ["far"]  # "far" stays until its day
    assert ids(dt.date(2027, 9, 1)) == ["far"] and ids(dt.date(2027, 9, 2)) == []
    on = dt.date(2027, 2, 20)
    assert [c.id for c in pf.cancellations(project, on, "komend")] == ["far"]
    assert [c.id for c in pf.cancellations(project, on, "geweest")] == ["soon"]
    # an expired record is dropped from the state at the next removal
    project.activities.append(Activity(id="later", title="later", start=dt.datetime(2027, 5, 1)))
    pf.cancel_activity(project, "later", dt.datetime(2027, 3, 1, tzinfo=dt.UTC))
    assert [c.id for c in project.cancelled_activities] == ["later", "far"]
    # a record doubled by hand: one cancellation per UID, the highest SEQUENCE
    from dataclasses import replace

    project.cancelled_activities.append(replace(project.cancelled_activities[0], sequence=5))
    doubled = pf.cancellations(project, dt.date(2027, 3, 1))
    assert sorted((x.id, x.sequence) for x in doubled) == [("far", 1), ("later", 5)]
    project.cancelled_activities.pop()
    # an id that is an activity again (a hand edit, a merge) is not sent as cancelled
    project.activities.append(Activity(id="far", title="far", start=dt.datetime(2027, 9, 1)))
    assert [c.id for c in pf.cancellations(project, dt.date(2027, 3, 1))] == ["later"]
    data = pf.to_ics(
        project, project.activities, now, timezone="Europe/Amsterdam",
        cancelled=project.cancelled_activities,
    )  # fmt: skip
    statuses = {str(e["uid"]): str(e.get("status", "")) for e in _events(data).values()}
    assert statuses == {"later@dorp.gzctl": "CANCELLED", "far@dorp.gzctl": ""}


def test_forget_reaches_a_cancelled_title() -> None:
    from gzctl.core.model import Activity, Project
    from gzctl.network import platforms as pf
    from gzctl.network import privacy

    project = Project()
    start = dt.datetime(2027, 1, 10, 14)
    project.activities.append(Activity(id="afscheid", title="Afscheid van Jan Jansen", start=start))
    pf.cancel_activity(project, "afscheid", dt.datetime(2026, 11, 22, tzinfo=dt.UTC))
    where = [w for w, _, _ in privacy._texts(project)]
    assert "cancelled_activities.afscheid.title" in where


def test_merge_keeps_the_cancellations_of_both_sides(gz, project: Path) -> None:
    """Two clones each remove a different activity: both cancellations stay, no conflict
    (the records are merged by id, like the activities)."""
    from gzctl.core import merge
    from gzctl.core.store import parse

    c = _plan(gz, project)
    state = project / "gzctl.toml"
    base = state.read_text(encoding="utf-8")
    assert gz(*c, "activity", "remove", "2027-04-12-wandeling").code == 0
    mine = state.read_text(encoding="utf-8")
    state.write_text(base, encoding="utf-8")
    assert gz(*c, "activity", "remove", "2027-04-14-soep").code == 0
    other = state.read_text(encoding="utf-8")
    result = merge.merge_texts(base, mine, other)
    assert not result.conflicts
    merged = parse(result.text, Path("gzctl.toml"))
    assert merged.activities == []
    assert [x.id for x in merged.cancelled_activities] == [
        "2027-04-12-wandeling", "2027-04-14-soep",
    ]  # fmt: skip
    # both remove the same activity on the same day: one record (by id), no conflict
    state.write_text(base, encoding="utf-8")
    assert gz(*c, "activity", "remove", "2027-04-12-wandeling").code == 0
    again = state.read_text(encoding="utf-8")
    result = merge.merge_texts(base, mine, again)
    assert not result.conflicts
    merged = parse(result.text, Path("gzctl.toml"))
    assert [(x.id, x.sequence) for x in merged.cancelled_activities] == [
        ("2027-04-12-wandeling", 2)
    ]
    # one side edited it once more before removing it: still one record for the id, the
    # difference a conflict to settle, never two cancellations under one UID
    state.write_text(base, encoding="utf-8")
    assert gz(*c, "activity", "edit", "2027-04-12-wandeling", "--plek", "Kerk").code == 0
    assert gz(*c, "activity", "remove", "2027-04-12-wandeling").code == 0
    later = state.read_text(encoding="utf-8")
    result = merge.merge_texts(base, mine, later)
    merged_state = tomllib.loads(result.text)
    assert [x["id"] for x in merged_state["cancelled_activities"]] == ["2027-04-12-wandeling"]
    assert "cancelled_activities.2027-04-12-wandeling.sequence" in [
        x.key for x in result.conflicts
    ]


def khal_events(khal: Any, start: str, span: str) -> list[str]:
    """The events khal lists from ``start`` for ``span``, as "STATUS Title|UID" lines."""
    out = khal("list", "--format", "{status}{title}|{uid}", start, span)
    return [line for line in out.splitlines() if "|" in line]


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed")
def test_khal_marks_the_removed_event_cancelled(gz, project: Path, tmp_path: Path) -> None:
    """An independent calendar client: import the file before and after the removal into one
    khal calendar; the event is the same one (same UID), now cancelled."""
    c = _plan(gz, project)
    home = tmp_path / "khal"
    khal = khal_client(home, "dorp")

    def listed() -> list[str]:
        return khal_events(khal, "2027-04-01", "30d")

    before = tmp_path / "voor.ics"
    assert gz(*c, "activity", "export", str(before)).code == 0
    khal("import", "--batch", "-a", "dorp", str(before))
    assert listed() == [f"Wandeling|{UID_WALK}", "Soep|2027-04-14-soep@beesd.gzctl"]

    assert gz(*c, "activity", "remove", "2027-04-12-wandeling").code == 0
    after = tmp_path / "na.ics"
    assert gz(*c, "activity", "export", str(after)).code == 0
    khal("import", "--batch", "-a", "dorp", str(after))
    assert listed() == [
        f"CANCELLED Gaat niet door: Wandeling|{UID_WALK}",
        "Soep|2027-04-14-soep@beesd.gzctl",
    ]
    assert len(list((home / "cal").iterdir())) == 2  # replaced, not doubled


# --------------------------------------------------------------------------- network evenings

UID_EVENING = "open-avond-2027-03-11-netwerkavond@beesd.gzctl"


def _evening(gz, project: Path) -> list[str]:
    c = ["-C", str(project)]
    added = gz(*c, "overleg", "toevoegen", "11-03-2027", "--soort", "netwerkavond",
               "--tijd", "19:30", "--plek", "Dorpshuis De Linde")  # fmt: skip
    assert added.code == 0, added.err
    assert gz(*c, "activity", "add", "Soep", "--datum", "14-04-2027").code == 0
    return c


def test_a_removed_network_evening_stays_in_agenda_ics_as_cancelled(
    gz, project: Path, tmp_path: Path
) -> None:
    """Issue 26: a network evening removed with gzctl overleg is the residents' open evening
    in the website's agenda.ics: it stays there under its UID, cancelled, SEQUENCE higher."""
    c = _evening(gz, project)
    assert gz(*c, "site", "build").code == 0
    ics = project / "website" / "agenda.ics"
    published = _events(ics.read_bytes())[UID_EVENING]
    assert "status" not in published and int(published["sequence"]) == 0

    removed = gz(*c, "overleg", "verwijderen", "2027-03-11-netwerkavond")
    assert removed.code == 0, removed.err
    assert "agenda.ics" in removed.out and "Gaat niet door" in removed.out
    state = tomllib.loads((project / "gzctl.toml").read_text(encoding="utf-8"))
    assert "meetings" not in state or state["meetings"] == []
    [gone] = state["cancelled_activities"]
    # SEQUENCE 1, one above the 0 published (1 is the default: not written)
    assert (gone["id"], gone.get("sequence", 1)) == ("open-avond-2027-03-11-netwerkavond", 1)

    assert gz(*c, "site", "build").code == 0
    data = ics.read_bytes()
    _assert_cancelled(data, UID_EVENING, 1, "Gaat niet door: Open avond: iedereen welkom",
                      (2027, 3, 11, 19, 30), (2027, 3, 11, 21, 30))  # fmt: skip
    doe_mee = (project / "website" / "doe-mee.html").read_text(encoding="utf-8")
    assert "open avond" not in doe_mee  # no longer named as coming

    # gzctl activity export never held the open evenings: nor their cancellation
    export = tmp_path / "activiteiten.ics"
    assert gz(*c, "activity", "export", str(export)).code == 0
    assert not [u for u in _events(export.read_bytes()) if u.startswith("open-avond-")]

    # an evening planned again that day is a new event; the cancellation keeps its UID
    again = gz(*c, "overleg", "toevoegen", "11-03-2027", "--soort", "netwerkavond",
               "--tijd", "19:30")  # fmt: skip
    assert again.code == 0 and "Id: 2027-03-11-netwerkavond-2" in again.out
    assert gz(*c, "site", "build").code == 0
    events = _events(ics.read_bytes())
    assert str(events[UID_EVENING]["status"]) == "CANCELLED"
    fresh = events["open-avond-2027-03-11-netwerkavond-2@beesd.gzctl"]
    assert "status" not in fresh

    # the second one removed too: a cancellation of its own, the first one kept
    assert gz(*c, "overleg", "verwijderen", "2027-03-11-netwerkavond-2").code == 0
    state = tomllib.loads((project / "gzctl.toml").read_text(encoding="utf-8"))
    assert sorted((x["id"], x.get("sequence", 1)) for x in state["cancelled_activities"]) == [
        ("open-avond-2027-03-11-netwerkavond", 1), ("open-avond-2027-03-11-netwerkavond-2", 1),
    ]  # fmt: skip


def test_a_cancellation_under_the_same_uid_again_is_one_higher() -> None:
    from gzctl.core.model import Activity, Project
    from gzctl.network import platforms as pf

    project = Project()
    event = Activity(id="open-avond-x", title="Open avond", start=dt.datetime(2027, 3, 11, 19))
    first = pf.keep_cancellation(project, event, dt.date(2026, 11, 22))
    second = pf.keep_cancellation(project, event, dt.date(2026, 11, 23))
    assert (first.sequence, second.sequence) == (1, 2)
    assert [(c.id, c.sequence) for c in project.cancelled_activities] == [("open-avond-x", 2)]


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed")
def test_khal_marks_the_removed_network_evening_cancelled(
    gz, project: Path, tmp_path: Path
) -> None:
    """The website's agenda.ics before and after the removal, imported into one khal
    calendar: the open evening is the same event (same UID), now cancelled."""
    c = _evening(gz, project)
    home = tmp_path / "khal"
    khal = khal_client(home, "dorp")

    def listed() -> list[str]:
        return khal_events(khal, "2027-03-01", "60d")

    ics = project / "website" / "agenda.ics"
    assert gz(*c, "site", "build").code == 0
    khal("import", "--batch", "-a", "dorp", str(ics))
    assert f"Open avond: iedereen welkom|{UID_EVENING}" in listed()
    assert gz(*c, "overleg", "verwijderen", "2027-03-11-netwerkavond").code == 0
    assert gz(*c, "site", "build").code == 0
    khal("import", "--batch", "-a", "dorp", str(ics))
    assert f"CANCELLED Gaat niet door: Open avond: iedereen welkom|{UID_EVENING}" in listed()
    assert not [x for x in listed() if x.endswith(UID_EVENING) and "CANCELLED" not in x]
