"""What members already do (gzctl vast), residents who said "Doe mee" (gzctl aanmelding), the
welcome pack for late joiners and the reply to a resident: on disk, on the site, in the
calendar (parsed by icalendar; by khal where it is installed)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from ics_check import khal_client

from gzctl.core.store import load
from gzctl.network import recurring


def test_a_recurring_activity_lands_on_the_site_and_in_the_calendar(project: Path, gz) -> None:
    c = str(project)
    r = gz("-C", c, "org", "add", "KBO Beesd", "--type", "ouderenbond")
    assert r.code == 0, r.err
    org = load(project).organisations[0].id
    # a Tuesday; 27 April 2027 (Koningsdag) is a Tuesday too
    r = gz("-C", c, "vast", "toevoegen", org, "Koersbal", "--vanaf", "05-01-2027",
           "--tijd", "14:00", "--plek", "Dorpshuis")  # fmt: skip
    assert r.code == 0, r.err
    assert "elke dinsdag 14:00" in r.out
    listing = json.loads(gz("-C", c, "vast", "lijst", "--json").out)
    assert listing[0]["when"] == "elke dinsdag 14:00"
    assert gz("-C", c, "site", "build").code == 0
    page = (project / "website" / "agenda.html").read_text(encoding="utf-8")
    assert "Wat er al gebeurt" in page and "Koersbal" in page and "KBO Beesd" in page
    import icalendar

    cal = icalendar.Calendar.from_ical((project / "website" / "agenda.ics").read_bytes())
    (event,) = [e for e in cal.walk("VEVENT") if str(e["summary"]) == "Koersbal"]
    assert event["rrule"]["FREQ"] == ["WEEKLY"]
    excluded = {d.dt.date() for x in ([event["exdate"]] if not isinstance(event["exdate"], list)
                                      else event["exdate"]) for d in x.dts}  # fmt: skip
    assert dt.date(2027, 4, 27) in excluded


def test_khal_shows_the_rhythm_without_the_holiday(project: Path, gz, tmp_path: Path) -> None:
    if shutil.which("khal") is None:
        pytest.skip("khal is not installed (Debian package khal)")
    c = str(project)
    gz("-C", c, "org", "add", "KBO Beesd", "--type", "ouderenbond")
    org = load(project).organisations[0].id
    gz("-C", c, "vast", "toevoegen", org, "Koersbal", "--vanaf", "05-01-2027", "--tijd", "14:00")
    gz("-C", c, "site", "build")
    khal = khal_client(tmp_path / "khal")
    khal("import", "--batch", str(project / "website" / "agenda.ics"))
    out = khal("list", "2027-04-19", "2027-05-05")
    assert "2027-04-20" in out and "2027-05-04" in out and "2027-04-27" not in out
    assert "14:00" in out


def test_monthly_on_the_same_week_of_the_month() -> None:
    from gzctl.core.model import RecurringActivity

    r = RecurringActivity("x", "o", "Bezoekmiddag", dt.date(2027, 1, 7), frequency="maand")
    days = recurring.occurrences(r, dt.date(2027, 1, 1), dt.date(2027, 4, 30))
    assert days == [dt.date(2027, 1, 7), dt.date(2027, 2, 4), dt.date(2027, 3, 4),
                    dt.date(2027, 4, 1)]  # fmt: skip
    assert recurring.when_text(r) == "elke eerste donderdag van de maand"
    last = RecurringActivity("y", "o", "x", dt.date(2027, 1, 29), frequency="maand")
    assert recurring.when_text(last).startswith("elke laatste vrijdag")


@pytest.mark.parametrize(
    "args, words",
    [
        (("vast", "toevoegen", "onbekend", "Koersbal", "--vanaf", "05-01-2027"), "onbekend"),
        (("vast", "toevoegen", "x", "K", "--vanaf", "05-01-2027", "--elke", "jaar"), "Hoe vaak"),
        (("aanmelding", "nieuw", "--via", "postduif"), "Onbekende route"),
        (("aanmelding", "nieuw", "--maand", "smarch"), "geen maand"),
    ],
)
def test_mistakes_are_one_dutch_line(project: Path, gz, args, words) -> None:
    gz("-C", str(project), "org", "add", "X", "--type", "ouderenbond")
    before = (project / "gzctl.toml").read_bytes()
    r = gz("-C", str(project), *args)
    assert r.code == 2 and words in r.err and "Traceback" not in r.err
    assert (project / "gzctl.toml").read_bytes() == before


def test_signups_are_counts_and_reach_the_site_and_the_report(demo: Path, gz) -> None:
    c = str(demo)
    before = sum(s.count for s in load(demo).signups)
    r = gz("-C", c, "aanmelding", "nieuw", "2", "--via", "website")
    assert r.code == 0, r.err
    p = load(demo)
    total = sum(s.count for s in p.signups)
    assert total == before + 2
    text = (demo / "gzctl.toml").read_text(encoding="utf-8")
    assert "signups" in text and "2026-11-website" in text
    assert gz("-C", c, "site", "build").code == 0
    page = (demo / "website" / "doe-mee.html").read_text(encoding="utf-8")
    assert f"meldden zich al {total} inwoners aan" in page
    assert gz("-C", c, "docs", "build", "--only", "jaarverslag").code == 0
    (report,) = (demo / "documenten").glob("jaarverslag-2*.md")
    assert f"{total} inwoners meldden zich aan" in report.read_text(encoding="utf-8")


def test_removing_an_organisation_takes_its_recurring_activity(demo: Path, gz) -> None:
    r = load(demo).recurring[0]
    result = gz("-C", str(demo), "org", "remove", r.org, "--ook-verwijzingen", "--yes")
    assert result.code == 0, result.err
    assert r.id not in {x.id for x in load(demo).recurring}


def test_a_late_joiner_gets_a_welcome_pack(demo: Path, gz) -> None:
    p = load(demo)
    evening = p.answers.get("verbinden.netwerkavond_datum")
    candidate = next(o for o in p.organisations if o.status != "aangesloten")
    import datetime as dt2

    from gzctl.core import store

    when = dt2.datetime.combine((evening or dt2.date(2026, 11, 1)) + dt2.timedelta(days=30),
                                dt2.time(12))  # fmt: skip
    with store.transaction(demo, "tester", when) as tx:
        org = next(o for o in tx.project.organisations if o.id == candidate.id)
        org.status = "aangesloten"
        org.dates["aangesloten"] = when.date()
    r = gz("-C", str(demo), "docs", "build", "--only", "welkom")
    assert r.code == 0, r.err
    letters = sorted((demo / "documenten" / "welkom").glob("*.md"))
    # the demo's own late member (the Zonnebloem) and the one who joined now, a letter each
    assert [x.stem for x in letters] == sorted([candidate.id, "zonnebloem-afdeling-ooltwijk"])
    text = (demo / "documenten" / "welkom" / f"{candidate.id}.md").read_text(encoding="utf-8")
    assert candidate.name in text and "toestemming" in text and "geen bestuur" in text


def test_the_reply_to_a_resident_holds_no_name(demo: Path, gz) -> None:
    assert gz("-C", str(demo), "docs", "build", "--only", "antwoord-aanmelding").code == 0
    text = (demo / "documenten" / "antwoord-aanmelding.md").read_text(encoding="utf-8")
    assert "Beste [naam]," in text and "binnen een week" in text
