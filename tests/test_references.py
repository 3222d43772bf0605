"""References stay whole (issue 25 item 2): removing what others name refuses or takes the
references along in the same write; a dangling reference that arrives by hand edit or merge
is reported when the project opens, and the command it names repairs it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

STATE = "gzctl.toml"


def text(folder: Path) -> str:
    return (folder / STATE).read_text(encoding="utf-8")


def state(folder: Path) -> dict:
    return tomllib.loads(text(folder))


def named_orgs(data: dict) -> set[str]:
    named: set[str] = set()
    for p in data.get("platforms", []):
        named |= set(p.get("members", [])) | ({p["trekker"]} if p.get("trekker") else set())
    for a in data.get("activities", []):
        named |= set(a.get("organisers", []))
    return named


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["org", "remove", "kbo-ooltwijk", "--yes"], "platform Ouderensteunpunt en activiteiten"),
        (["place", "remove", "dorpshuis-de-schakel", "--ja"], "de plekkeuze"),
        (["platform", "remove", "beweegweek", "--yes"], "activiteiten Kennismaken met"),
    ],
)
def test_removing_what_others_name_is_refused(gz, demo: Path, args: list[str], named: str) -> None:
    before = text(demo)
    result = gz("-C", str(demo), *args)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert named in lines[0]
    assert f" {args[0]} remove {args[2]} --ook-verwijzingen" in lines[0]
    assert text(demo) == before, "nothing saved"


def test_an_activity_is_named_by_nothing_and_goes(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "activity", "remove", "2026-11-09-wandeling-voor-ouderen")
    assert result.code == 0, result.err
    assert "2026-11-09-wandeling-voor-ouderen" not in {a["id"] for a in state(demo)["activities"]}


def test_ook_verwijzingen_takes_the_references_in_one_write(gz, demo: Path) -> None:
    history = len(state(demo)["history"])
    result = gz("-C", str(demo), "org", "remove", "kbo-ooltwijk", "--ook-verwijzingen")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "KBO Ooltwijk staat niet meer op de lijst (met de contactgegevens).",
        "Ook uit platform Ouderensteunpunt gehaald.",
        "Ook uit activiteiten Wandeling voor ouderen, Koffieochtend Ouderensteunpunt (proef), "
        "Open koffieochtend Ouderensteunpunt gehaald.",
        "Ook uit vaste activiteit Koersbal gehaald.",  # what the member did weekly
        "Ook uit overleg 2026-12-16-netwerkavond gehaald.",  # the chair of the next evening
        "Ook uit acties verslag-avond-rondsturen, kennismaken-zonnebloem, "
        "folder-ouderensteunpunt-huisarts, route-wandeling-uitzetten gehaald.",  # issue 26
    ]
    data = state(demo)
    assert "kbo-ooltwijk" not in {o["id"] for o in data["organisations"]}
    assert "kbo-ooltwijk" not in named_orgs(data)
    assert len(data["history"]) == history + 1
    assert data["history"][-1]["what"].startswith(
        "Organisatie van de lijst gehaald: KBO Ooltwijk (ook uit platform Ouderensteunpunt"
    )
    status = gz("-C", str(demo), "status")
    assert status.code == 0 and "Verwijzing" not in status.err


def test_a_platform_with_references_leaves_its_activities_in_place(gz, demo: Path) -> None:
    activities = len(state(demo)["activities"])
    result = gz("-C", str(demo), "platform", "remove", "beweegweek", "--ook-verwijzingen")
    assert result.code == 0, result.err
    data = state(demo)
    assert len(data["activities"]) == activities
    assert all(a.get("platform") != "beweegweek" for a in data["activities"])


def test_every_referenced_demo_organisation(gz, demo: Path) -> None:
    named = sorted(named_orgs(state(demo)))
    assert len(named) == 11
    before = text(demo)
    for org in named:
        result = gz("-C", str(demo), "org", "remove", org, "--yes")
        assert result.code == 1, org
        assert "--ook-verwijzingen" in result.err
    assert text(demo) == before
    for org in named:
        result = gz("-C", str(demo), "org", "remove", org, "--ook-verwijzingen")
        assert result.code == 0, result.err
        assert "Verwijzing" not in result.err
    assert named_orgs(state(demo)) == set()
    assert gz("-C", str(demo), "status").code == 0


def _hand_edit(folder: Path, old: str, new: str) -> None:
    body = text(folder)
    assert old in body
    (folder / STATE).write_text(body.replace(old, new, 1), encoding="utf-8")


def test_a_dangling_organisation_opens_is_reported_and_repaired(gz, demo: Path) -> None:
    _hand_edit(demo, 'id = "vv-ooltwijk"', 'id = "vv-ooltwijk-2"')  # as a merge may leave it
    line = (
        "Verwijzing naar onbekende organisatie 'vv-ooltwijk' in platform Beweegweek en "
        "activiteiten Kennismaken met de werkgroep Beweegweek, Voetbalclinic voor groep 5 tot "
        "en met 8 en acties werkgroep-beweegweek-elkaar, trainers-vragen-voetbalclinic; "
        "herstel met: "
        f"gzctl -C {demo} org remove vv-ooltwijk --ook-verwijzingen"
    )
    for args in (["status"], ["org", "list"], ["merge", "conflicts"], ["status", "--json"]):
        result = gz("-C", str(demo), *args)
        assert result.code == 0, (args, result.err)
        assert result.err.splitlines() == [line], args
    before = text(demo)
    refused = gz("-C", str(demo), "org", "add", "Nieuwe club")
    assert refused.code == 1
    assert "Niets opgeslagen" in refused.err and "org remove vv-ooltwijk --ook" in refused.err
    assert text(demo) == before, "a write that does not repair is refused"
    repair = gz("-C", str(demo), "org", "remove", "vv-ooltwijk", "--ook-verwijzingen")
    assert repair.code == 0, repair.err
    assert repair.out.splitlines()[0] == "Ook uit platform Beweegweek gehaald."
    data = state(demo)
    assert "vv-ooltwijk-2" in {o["id"] for o in data["organisations"]}, "the renamed one stays"
    assert "vv-ooltwijk" not in named_orgs(data)
    assert data["history"][-1]["what"].startswith("Verwijzingen weggehaald naar 'vv-ooltwijk'")
    after = gz("-C", str(demo), "status")
    assert after.code == 0 and "Verwijzing" not in after.err
    assert gz("-C", str(demo), "org", "add", "Nieuwe club").code == 0


def test_a_dangling_platform_is_reported_and_repaired(gz, demo: Path) -> None:
    _hand_edit(demo, 'id = "ouderensteunpunt"', 'id = "steunpunt"')
    result = gz("-C", str(demo), "status")
    assert result.code == 0, result.err
    assert "onbekend platform 'ouderensteunpunt'" in result.err
    assert "platform remove ouderensteunpunt --ook-verwijzingen" in result.err
    repair = gz("-C", str(demo), "platform", "remove", "ouderensteunpunt", "--ook-verwijzingen")
    assert repair.code == 0, repair.err
    assert all(a.get("platform") != "ouderensteunpunt" for a in state(demo)["activities"])
    assert "Verwijzing" not in gz("-C", str(demo), "status").err


def test_a_repair_that_leaves_one_of_two_is_saved(gz, demo: Path) -> None:
    _hand_edit(demo, 'id = "vv-ooltwijk"', 'id = "vv-ooltwijk-2"')
    _hand_edit(demo, 'id = "kbo-ooltwijk"', 'id = "kbo-ooltwijk-2"')
    assert gz("-C", str(demo), "org", "remove", "vv-ooltwijk", "--ook-verwijzingen").code == 0
    left = gz("-C", str(demo), "status")
    assert left.code == 0
    assert "'kbo-ooltwijk'" in left.err and "'vv-ooltwijk'" not in left.err
