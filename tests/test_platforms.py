"""Platforms and activities: the catalogue, suggestions, the operations, the .ics export."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gzctl.core.errors import NotFound, PlaybookError, Refused, UsageProblem
from gzctl.core.model import Organisation, Project, Village
from gzctl.network import inventory as inv
from gzctl.network import platforms as P

TODAY = dt.date(2026, 11, 22)


def org(oid: str, type_: str, sectors: list[str], groups: list[str], **kw: Any) -> Organisation:
    return Organisation(
        id=oid, name=kw.pop("name", oid), type=type_, sectors=sectors, target_groups=groups, **kw
    )


@pytest.fixture
def village() -> Project:
    """A small inventory: sports clubs, elderly organisations, no school at all."""
    return Project(
        village=Village(name="Ooltwijk", inhabitants=4800),
        organisations=[
            org("gymclub", "sportvereniging", ["sport"], ["K", "J", "V", "O"]),
            org("kbo", "ouderenbond", ["welzijn"], ["O"], name="KBO Ooltwijk"),
            org("kernteam", "kernteam", ["welzijn", "zorg"], ["Kw", "G"]),
            org("thuiszorg", "thuiszorg", ["zorg"], ["O", "Kw"]),
            org("vv", "voetbalvereniging", ["sport"], ["K", "J", "V"], name="VV Ooltwijk"),
            org("wandelclub", "", ["sport"], ["O"], name="Wandelclub De Stap"),
            org("weg", "kerk", ["levensbeschouwing"], ["A"], status="afgehaakt"),
        ],
    )


@pytest.fixture(scope="module")
def catalogue() -> P.PlatformCatalogue:
    return P.load_catalogue()


def by_id(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in results}


def test_catalogue_has_the_domain_platforms(catalogue: P.PlatformCatalogue) -> None:
    ids = {p.id for p in catalogue.platforms}
    assert {"beweegweek", "ouderensteunpunt", "pestplatform", "woningbehoefte",
            "gratis-lidmaatschap", "ophaaldienst"} <= ids  # fmt: skip
    assert len(catalogue.functions) == 8
    assert len(catalogue.traits) == 6
    for p in catalogue.platforms:
        assert p.first_steps and p.indicators and p.roles and p.functions


def test_catalogue_faults_are_dutch_and_complete() -> None:
    orgs = inv.load_catalogue()
    data = {
        "functions": [{"id": "f", "label": "F"}],
        "traits": [{"id": "t", "label": "T"}],
        "platforms": [
            {
                "id": "x",
                "title": "X",
                "aim": "doel",
                "target_groups": ["Q"],
                "sectors": ["sport"],
                "functions": ["f"],
                "first_steps": ["a"],
                "indicators": ["b"],
                "roles": [{"label": "school", "types": ["basischool"], "role": "baas"}],
            }
        ],
    }
    with pytest.raises(PlaybookError) as exc:
        P.parse_catalogue(data, orgs)
    text = str(exc.value)
    assert "onbekende doelgroep 'Q'" in text
    assert "onbekende organisatietype 'basischool'" in text and "basisschool" in text
    assert "'role' moet trekker of deelnemer zijn" in text


def test_suggest_for_a_hand_made_inventory(
    village: Project, catalogue: P.PlatformCatalogue
) -> None:
    results = P.suggest(village, catalogue)
    found = by_id(results)

    ouderen = found["ouderensteunpunt"]
    assert ouderen["can_start"] is True
    assert ouderen["missing"] == []
    assert [f["id"] for f in ouderen["fits"]] == ["kbo", "kernteam", "thuiszorg"]
    assert ouderen["trekker_candidates"] == ["kbo"]
    # kerk (optional) dropped out, so it does not count; zonnebloem, welzijn missing
    assert ouderen["readiness"] == round(100 * (0.6 + 0.25 * 1 / 4 + 0.15))

    # the Beweegweek cannot start: no school in the inventory
    beweeg = found["beweegweek"]
    assert beweeg["can_start"] is False
    assert beweeg["missing"] == ["basisschool"]
    assert [(f["id"], f["why"]) for f in beweeg["fits"]] == [
        ("gymclub", "type"),
        ("vv", "type"),
        ("wandelclub", "sector en doelgroep"),
    ]  # an organisation without a known type fits by sector and target group
    assert beweeg["trekker_candidates"] == ["gymclub", "vv"]
    assert beweeg["readiness"] == round(100 * (0.6 * 0.5 + 0 + 0.15))

    pest = found["pestplatform"]
    assert pest["can_start"] is False and pest["missing"] == ["basisschool"]
    assert pest["trekker_candidates"] == []

    # the platforms that can start come first, the most ready first
    starts = [r["can_start"] for r in results]
    assert starts == sorted(starts, reverse=True)
    assert results[0]["id"] == "gratis-lidmaatschap"  # kernteam as intermediary + clubs
    assert results[0]["readiness"] == 100
    # an afgehaakt organisation never fits
    assert all(f["id"] != "weg" for r in results for f in r["fits"])


def test_platform_lifecycle(village: Project, catalogue: P.PlatformCatalogue) -> None:
    p = P.add(village, catalogue, "Ouderensteunpunt", TODAY)
    assert (p.id, p.status, p.template) == ("ouderensteunpunt", "idee", "ouderensteunpunt")
    assert len(p.tasks) == 4 and not any(t.done for t in p.tasks)
    with pytest.raises(Refused):
        P.add(village, catalogue, "ouderensteunpunt", TODAY)
    P.join(village, "ouderensteunpunt", ["kernteam", "thuiszorg"])
    P.join(village, "ouderensteunpunt", ["KBO Ooltwijk"], trekker=True)
    assert p.members == ["kbo", "kernteam", "thuiszorg"] and p.trekker == "kbo"
    with pytest.raises(Refused):
        P.join(village, "ouderensteunpunt", ["weg"])
    P.leave(village, "ouderensteunpunt", "kbo")
    assert p.members == ["kernteam", "thuiszorg"] and p.trekker == ""
    _, old = P.set_status(village, "ouderensteunpunt", "in-oprichting", TODAY)
    assert old == "idee" and p.status == "in oprichting"
    with pytest.raises(UsageProblem):
        P.set_status(village, "ouderensteunpunt", "bezig", TODAY)
    P.tick(village, "ouderensteunpunt", 2, TODAY)
    assert [t.done for t in p.tasks] == [False, True, False, False]
    with pytest.raises(UsageProblem):
        P.tick(village, "ouderensteunpunt", 9, TODAY)
    own = P.add(village, catalogue, "Repair café", TODAY)
    assert (own.id, own.template, own.tasks) == ("repair-cafe", "", [])
    assert [x["id"] for x in P.status_summary(village)] == ["ouderensteunpunt", "repair-cafe"]
    assert P.status_summary(village)[0]["tasks_done"] == 1
    with pytest.raises(NotFound):
        P.find(village, "beweegwek")


def test_activities_and_ics_round_trip(village: Project, catalogue: P.PlatformCatalogue) -> None:
    import icalendar

    orgs = inv.load_catalogue()
    P.add(village, catalogue, "beweegweek", TODAY)
    walk = P.add_activity(
        village, orgs, "Wandeling voor ouderen", P.parse_when("12-04-2027", "10:00"),
        end=P.parse_when("12-04-2027", "11.30"), place="Dorpshuis De Linde",
        organisers=["wandelclub", "kbo"], platform="beweegweek", target_groups="O",
        expected="25",
    )  # fmt: skip
    clinic = P.add_activity(
        village, orgs, "Voetbalclinic", P.parse_when("2027-04-14", "15:30"), organisers=["vv"]
    )
    assert walk.id == "2027-04-12-wandeling-voor-ouderen"
    assert walk.organisers == ["kbo", "wandelclub"] and walk.expected == 25
    with pytest.raises(UsageProblem):
        P.add_activity(village, orgs, "X", P.parse_when("1-1-2027", "10:00"), expected="veel")
    with pytest.raises(UsageProblem):
        P.parse_when("1-1-2027", "25:00")
    stamp = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    data = P.to_ics(village, village.activities, stamp, timezone="Europe/Amsterdam")
    again = P.to_ics(village, village.activities, stamp, timezone="Europe/Amsterdam")
    assert data == again  # deterministic
    cal = icalendar.Calendar.from_ical(data)
    events = [c for c in cal.walk("VEVENT")]
    got = [
        (str(e["uid"]), str(e["summary"]), e.decoded("dtstart"), str(e.get("location", "")))
        for e in events
    ]
    ams = __import__("zoneinfo").ZoneInfo("Europe/Amsterdam")
    assert got == [
        ("2027-04-12-wandeling-voor-ouderen@ooltwijk.gzctl", "Wandeling voor ouderen",
         dt.datetime(2027, 4, 12, 10, 0, tzinfo=ams), "Dorpshuis De Linde"),
        ("2027-04-14-voetbalclinic@ooltwijk.gzctl", "Voetbalclinic",
         dt.datetime(2027, 4, 14, 15, 30, tzinfo=ams), ""),
    ]  # fmt: skip
    assert events[0].decoded("dtend") == dt.datetime(2027, 4, 12, 11, 30, tzinfo=ams)
    assert events[0].decoded("dtstart").utcoffset() == dt.timedelta(hours=2)  # summer time
    assert "Platform: Beweegweek" in str(events[0]["description"])
    assert any(c.name == "VTIMEZONE" for c in cal.walk())
    P.remove_activity(village, clinic.id)
    assert [a.id for a in village.activities] == [walk.id]


def test_lens_coverage_counts_only_cooperation(
    village: Project, catalogue: P.PlatformCatalogue
) -> None:
    """Issue 16: on the list is not taking part. A function is covered only by organisations
    that joined and platforms that are active."""
    P.add(village, catalogue, "beweegweek", TODAY)
    data = P.lens_coverage(village, catalogue)
    functions = {f["id"]: f for f in data["functions"]}
    signals = functions["signaleren"]
    assert signals["organisations"] == [] and signals["covered"] is False
    assert signals["on_list"]["organisations"] == ["kernteam", "thuiszorg"]
    assert signals["state"] == "op de lijst"
    assert functions["talenten"]["on_list"]["platforms"] == ["beweegweek"]
    assert functions["beleid"]["state"] == "ontbreekt"
    assert data["functions_covered"] == 0

    inv_status = {o.id: o for o in village.organisations}
    inv_status["kernteam"].status = "aangesloten"
    P.set_status(village, "beweegweek", "actief", TODAY)
    data = P.lens_coverage(village, catalogue)
    functions = {f["id"]: f for f in data["functions"]}
    assert functions["signaleren"]["organisations"] == ["kernteam"]
    assert functions["signaleren"]["on_list"]["organisations"] == ["thuiszorg"]
    assert functions["signaleren"]["state"] == "doen mee"
    assert functions["talenten"]["platforms"] == ["beweegweek"]
    traits = {t["id"]: t for t in data["traits"]}
    assert traits["ontmoeten"]["platforms"] == ["beweegweek"]
    assert traits["wonen"]["covered"] is False
    assert data["functions_covered"] == sum(1 for f in data["functions"] if f["covered"])
    assert data["functions_on_list"] == sum(
        1 for f in data["functions"] if f["state"] == "op de lijst"
    )


# ----------------------------------------------------------------------------- commands


def _orgs(gz, folder) -> None:
    for name, type_ in (
        ("VV Ooltwijk", "voetbalvereniging"),
        ("OBS De Linde", "basisschool"),
        ("KBO Ooltwijk", "ouderenbond"),
    ):
        assert gz("-C", str(folder), "org", "add", name, "--type", type_).code == 0


def test_platform_commands(gz, project) -> None:
    import json

    c = ["-C", str(project)]
    _orgs(gz, project)
    result = gz(*c, "platform", "suggest", "--json")
    assert result.code == 0, result.err
    found = by_id(json.loads(result.out))
    assert found["beweegweek"]["can_start"] is True
    assert found["ouderensteunpunt"]["missing"] == ["kernteam of sociaal wijkteam"]
    text = gz(*c, "platform", "suggest").out
    assert "Beweegweek" in text and "Ontbreekt nog: kernteam of sociaal wijkteam" in text

    result = gz(*c, "platform", "add", "beweegweek", "--trekker", "vv-ooltwijk")
    assert result.code == 0, result.err
    assert "Id: beweegweek" in result.out
    assert gz(*c, "platform", "join", "beweegweek", "obs-de-linde").code == 0
    assert gz(*c, "platform", "done", "beweegweek", "1").code == 0
    assert gz(*c, "platform", "status", "beweegweek", "actief").code == 0
    shown = gz(*c, "platform", "show", "beweegweek").out
    assert "[x] 1." in shown and "OBS De Linde" in shown and "Trekker:" in shown
    data = json.loads(gz(*c, "platform", "show", "beweegweek", "--json").out)
    assert data["members"] == ["obs-de-linde", "vv-ooltwijk"]
    assert (data["status"], data["trekker"], data["tasks_done"]) == ("actief", "vv-ooltwijk", 1)

    status = json.loads(gz(*c, "status", "--json").out)
    assert status["platforms"] == [
        {"id": "beweegweek", "title": "Beweegweek", "status": "actief",
         "members": ["obs-de-linde", "vv-ooltwijk"], "trekker": "vv-ooltwijk",
         "tasks_done": 1, "tasks_total": 4},
    ]  # fmt: skip
    assert "Beweegweek" in gz(*c, "status", "--alles").out  # the names in the whole view
    assert "Platforms: 1" in gz(*c, "status").out
    toml = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "[[platforms]]" in toml and 'trekker = "vv-ooltwijk"' in toml

    bad = gz(*c, "platform", "status", "beweegweek", "bezig")
    assert bad.code == 2 and bad.err.startswith("Fout: status 'bezig' ken ik niet")
    assert "Traceback" not in bad.err
    assert gz(*c, "platform", "show", "pestplatfrom").code == 2
    assert gz(*c, "platform", "leave", "beweegweek", "obs-de-linde").code == 0
    log = gz(*c, "log").out
    assert "Platform gestart: Beweegweek" in log


def test_activity_commands_and_ics(gz, project, tmp_path, monkeypatch) -> None:
    import json

    import icalendar

    c = ["-C", str(project)]
    _orgs(gz, project)
    assert gz(*c, "platform", "add", "beweegweek").code == 0
    result = gz(
        *c, "activity", "add", "Voetbalclinic", "--datum", "14-04-2027", "--tijd", "15:30",
        "--tot", "17:00", "--door", "vv-ooltwijk", "--platform", "beweegweek",
        "--doelgroep", "K", "--verwacht", "40", "--plek", "Sportpark",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Id: 2027-04-14-voetbalclinic" in result.out
    assert gz(*c, "activity", "add", "Soep", "--datum", "2026-10-01", "--tijd", "12:00").code == 0
    assert gz(*c, "activity", "count", "2026-10-01-soep", "23").code == 0
    listed = json.loads(gz(*c, "activity", "list", "--json").out)
    assert [a["id"] for a in listed] == ["2026-10-01-soep", "2027-04-14-voetbalclinic"]
    assert listed[0]["participants"] == 23
    coming = json.loads(gz(*c, "activity", "list", "--wanneer", "komend", "--json").out)
    assert [a["id"] for a in coming] == ["2027-04-14-voetbalclinic"]
    bad = gz(*c, "activity", "add", "X", "--datum", "1-1-2027", "--verwacht", "veel")
    assert bad.code == 2 and "geheel getal" in bad.err

    ics = tmp_path / "agenda.ics"
    result = gz(*c, "activity", "export", str(ics))
    assert result.code == 0, result.err
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    ams = __import__("zoneinfo").ZoneInfo("Europe/Amsterdam")
    events = [
        (
            str(e["uid"]),
            str(e["summary"]),
            e.decoded("dtstart"),
            e.get("dtend") and e.decoded("dtend"),
        )
        for e in cal.walk("VEVENT")
    ]
    assert events == [
        ("2026-10-01-soep@beesd.gzctl", "Soep", dt.datetime(2026, 10, 1, 12, 0, tzinfo=ams), None),
        ("2027-04-14-voetbalclinic@beesd.gzctl", "Voetbalclinic",
         dt.datetime(2027, 4, 14, 15, 30, tzinfo=ams), dt.datetime(2027, 4, 14, 17, 0, tzinfo=ams)),
    ]  # fmt: skip
    again = tmp_path / "again.ics"
    monkeypatch.setenv("GZCTL_NOW", "2027-01-05T09:00:00+01:00")  # a later export
    gz(*c, "activity", "export", str(again))
    assert again.read_bytes() == ics.read_bytes()  # stable UIDs and stamps: same file
    assert gz(*c, "activity", "export", str(tmp_path / "agenda.txt")).code == 2
    # postponed a week: same id (and UID), the end moves along
    result = gz(*c, "activity", "edit", "2027-04-14-voetbalclinic", "--datum", "21-04-2027")
    assert result.code == 0, result.err
    assert "datum en tijd, eindtijd gewijzigd" in result.out
    moved = json.loads(gz(*c, "activity", "show", "2027-04-14-voetbalclinic", "--json").out)
    assert (moved["start"], moved["end"]) == ("2027-04-21T15:30:00", "2027-04-21T17:00:00")
    assert gz(*c, "activity", "edit", "2027-04-14-voetbalclinic", "--tot", "14:00").code == 2
    assert gz(*c, "activity", "edit", "2027-04-14-voetbalclinic").code == 2
    assert gz(*c, "activity", "remove", "2026-10-01-soep").code == 0
    assert len(json.loads(gz(*c, "activity", "list", "--json").out)) == 1


def test_org_coverage_shows_the_lenses(gz, project) -> None:
    import json

    c = ["-C", str(project)]
    _orgs(gz, project)
    assert gz(*c, "platform", "add", "beweegweek").code == 0
    data = json.loads(gz(*c, "org", "coverage", "--json").out)
    lenses = data["lenses"]
    assert len(lenses["functions"]) == 8 and len(lenses["traits"]) == 6
    talents = next(f for f in lenses["functions"] if f["id"] == "talenten")
    assert talents["platforms"] == [] and talents["on_list"]["platforms"] == ["beweegweek"]
    text = gz(*c, "org", "coverage").out
    assert "Functies van buurtgerichte zorg" in text
    assert "Kenmerken van een zorgzame buurt" in text
    assert "Lokale talenten vinden en inzetten: op de lijst: platforms: Beweegweek" in text
    assert gz(*c, "platform", "status", "beweegweek", "actief").code == 0
    text = gz(*c, "org", "coverage").out
    assert "Lokale talenten vinden en inzetten: doen mee: platforms: Beweegweek" in text


# ----------------------------------------------------------------------------- documents


def test_newsletter_and_platform_plan_snapshots(gz, tmp_path, snapshot) -> None:
    folder = tmp_path / "voorbeelddorp"
    assert gz("demo", str(folder)).code == 0
    out = folder / "documenten"
    for name in ("nieuwsbrief", "platformplan/beweegweek", "platformplan/ouderensteunpunt"):
        for ext in ("md", "html", "docx"):
            assert (out / f"{name}.{ext}").is_file(), (name, ext)
    news = (out / "nieuwsbrief.md").read_text(encoding="utf-8")
    snapshot("documenten--nieuwsbrief.md", news)
    plan = (out / "platformplan" / "beweegweek.md").read_text(encoding="utf-8")
    snapshot("documenten--platformplan--beweegweek.md", plan)
    html = (out / "nieuwsbrief.html").read_text(encoding="utf-8")
    assert "<h2>Kom ook!</h2>" in html and "Open koffieochtend Ouderensteunpunt" in html
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out / "nieuwsbrief.docx")).paragraphs)
    assert "Wat we samen deden" in text and "Voetbalclinic voor groep 5 tot en met 8" in text
    # a platform that is only an idea gets a plan too (stopped ones do not)
    assert (out / "platformplan" / "ophaaldienst.md").is_file()


def test_newsletter_needs_something_to_tell(gz, project) -> None:
    result = gz("-C", str(project), "docs", "build", "--only", "nieuwsbrief")
    assert "er is nog niets te melden" in result.out + result.err
    assert not (project / "documenten" / "nieuwsbrief.md").exists()


def test_a_hand_edit_that_breaks_a_platform_is_named(gz, project) -> None:
    c = ["-C", str(project)]
    _orgs(gz, project)
    assert gz(*c, "platform", "add", "beweegweek", "--lid", "vv-ooltwijk").code == 0
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('status = "idee"', 'status = "bezig"'), encoding="utf-8")
    result = gz(*c, "platform", "list")
    assert result.code == 2
    assert "'platforms[1].status': status 'bezig' bestaat niet" in result.err
    assert "regel" in result.err and "Traceback" not in result.err
    assert path.read_text(encoding="utf-8") != text  # gzctl did not rewrite the file
