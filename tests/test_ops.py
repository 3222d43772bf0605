"""The use cases (gzctl/ops) called directly, as a script or another command would.

Each op is a plain function: who acts and when come in as arguments, so these tests give a
moment and a name that differ from the environment's (GZCTL_NOW, GZCTL_USER) and check
that the history carries the ones given. The commands over these ops are tested through
the shell in the feature tests; here the reports are checked field by field.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from gzctl.core.errors import GzctlError, Refused, UsageProblem
from gzctl.network import privacy
from gzctl.network.session import open_project
from gzctl.ops import coordinator as ops_co
from gzctl.ops import documents as ops_docs
from gzctl.ops import orgs as ops_orgs
from gzctl.ops import places as ops_places
from gzctl.ops import platforms as ops_pf
from gzctl.ops import portfolio as ops_portfolio
from gzctl.ops import privacy as ops_privacy
from gzctl.ops import progress as ops_progress
from gzctl.ops import remove as ops_remove
from gzctl.ops import settings as ops_settings

OPS = Path(__file__).resolve().parent.parent / "gzctl" / "ops"

# not the environment's GZCTL_NOW (2026-11-22 12:00) nor its GZCTL_USER (tester)
WHO = "Scriptschrijver"
NOW = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def state(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


def last(folder: Path) -> dict:
    return state(folder)["history"][-1]


def text(folder: Path) -> str:
    return (folder / "gzctl.toml").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- the house


def test_ops_never_print_prompt_or_read_the_clock_or_the_environment() -> None:
    forbidden_calls = {"print", "input"}
    forbidden_modules = {
        "gzctl.core.runtime", "gzctl.cli", "gzctl.wizard", "rich", "questionary", "typer",
        "os", "sys",
    }  # fmt: skip
    found = []
    for path in sorted(OPS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in forbidden_calls:
                found.append(f"{path.name}: {node.func.id}()")  # type: ignore[attr-defined]
            if isinstance(node, ast.Attribute) and node.attr in ("now", "today", "environ"):
                if getattr(node.value, "id", None) in ("dt", "datetime", "date", "os"):
                    found.append(f"{path.name}: {ast.unparse(node)}")
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if any(name == m or name.startswith(m + ".") for m in forbidden_modules):
                    found.append(f"{path.name}: import {name}")
    assert not found, found


def test_an_op_takes_an_opened_project_or_a_folder(demo: Path) -> None:
    by_folder = ops_privacy.export_person(demo, "Annelies Verhoef")
    by_text = ops_privacy.export_person(str(demo), "Annelies Verhoef")
    by_opened = ops_privacy.export_person(open_project(str(demo)), "Annelies Verhoef")
    assert by_folder == by_text == by_opened


# ----------------------------------------------------------------------------- privacy


def test_export_person_gives_every_record_of_one_person(demo: Path) -> None:
    report = ops_privacy.export_person(demo, "annelies@dorpshuisdeschakel.nl")
    assert report.description == (
        "Annelies Verhoef (initiatiefnemer); Annelies Verhoef (contactpersoon van "
        "dorpshuis-de-schakel)"
    )
    kinds = sorted((r["kind"], r["key"]) for r in report.data["records"])
    assert kinds == [("contact", "dorpshuis-de-schakel"), ("initiator", "1")]
    assert report.data["history"], "the demo's history names her"


def test_ask_forget_person_changes_nothing_and_says_how_to_confirm(demo: Path) -> None:
    before = text(demo)
    ask = ops_privacy.ask_forget_person(demo, "Bram Smits")
    assert (
        ask.question == "Bram Smits (contactpersoon van dorpskrant-de-ooltwijker) volledig wissen?"
    )
    assert ask.refusal.endswith("gzctl person forget dorpskrant-de-ooltwijker --yes")
    assert text(demo) == before
    initiator = ops_privacy.ask_forget_person(demo, "Joost van Wijk")
    assert "gzctl person forget NAAM --yes" in initiator.refusal


def test_forget_person_in_the_file_and_in_the_documents(demo: Path) -> None:
    built = ops_docs.build_documents(demo, today=NOW.date(), formats="md")
    texts = [p for p in built.folder.rglob("*") if p.suffix in (".md", ".html")]
    assert any("Bram Smits" in p.read_text(encoding="utf-8") for p in texts)
    done = ops_privacy.forget_person(demo, "Bram Smits", who=WHO, now=NOW)
    assert done.records == 1
    assert "Bram Smits" not in text(demo)
    assert done.removed and done.kept == []
    for rel in done.removed:
        assert not (built.folder / rel).exists()
    for p in built.folder.rglob("*"):
        if p.suffix in (".md", ".html"):
            assert "Bram Smits" not in p.read_text(encoding="utf-8"), p
    entry = last(demo)
    assert (entry["who"], entry["action"], entry["what"]) == (
        WHO, "person-forget", privacy.FORGOTTEN,
    )  # fmt: skip
    assert entry["at"] == NOW
    assert "git" in done.git_note


def test_forget_candidate_and_the_appointed_one_stays(demo: Path) -> None:
    ask = ops_privacy.ask_forget_candidate(demo, "kandidaat-2")
    assert ask.name == "Bart Verschuren"
    assert ask.refusal.endswith("gzctl coordinator candidate forget kandidaat-2 --yes")
    done = ops_privacy.forget_candidate(demo, "kandidaat-2", who=WHO, now=NOW)
    assert done.records == 1 and done.history >= 1
    assert "Bart Verschuren" not in text(demo)
    assert last(demo)["action"] == "candidate-forget"
    before = text(demo)
    with pytest.raises(Refused):
        ops_privacy.forget_candidate(demo, "kandidaat-1", who=WHO, now=NOW)
    assert text(demo) == before


# ----------------------------------------------------------------------------- remove


@pytest.mark.parametrize(
    ("kind", "ref", "name", "asked", "line"),
    [
        ("org", "apotheek-ooltwijk", "Apotheek Ooltwijk", True, "Organisatie van de lijst gehaald"),
        ("place", "kantine-vv-ooltwijk", "Kantine VV Ooltwijk", True, "Plek van de lijst gehaald"),
        ("platform", "ophaaldienst", "Ophaaldienst", False, "Platform verwijderd"),
        (
            "activity",
            "2026-11-09-wandeling-voor-ouderen",
            "Wandeling voor ouderen",
            True,
            "Activiteit geschrapt",
        ),
    ],
)
def test_ask_then_remove(
    demo: Path, kind: str, ref: str, name: str, asked: bool, line: str
) -> None:
    before = text(demo)
    ask = ops_remove.ask_remove(demo, kind, name)  # by name, as a user may type it
    assert (ask.kind, ask.id, ask.name) == (kind, ref, name)
    assert (ask.question is not None) == asked
    assert f"gzctl {kind} remove {ref} --yes" in ask.refusal
    assert text(demo) == before, "asking changes nothing"
    gone = ops_remove.remove(demo, kind, ask.id, who=WHO, now=NOW)
    assert (gone.kind, gone.id, gone.name) == (kind, ref, name)
    state = tomllib.loads(text(demo))
    records = {"org": "organisations", "place": "places", "platform": "platforms"}
    assert ref not in [r["id"] for r in state.get(records.get(kind, "activities"), [])]
    # a removed activity stays a while as cancelled, for the calendars (issue 24)
    cancelled = [r["id"] for r in state.get("cancelled_activities", [])]
    assert cancelled == ([ref] if kind == "activity" else [])
    entry = last(demo)
    assert entry["what"] == f"{line}: {name}"
    assert (entry["who"], entry["at"], entry["ids"]) == (WHO, NOW, [ref])


def test_removing_the_chosen_place_says_so(demo: Path) -> None:
    before = text(demo)
    with pytest.raises(Refused, match="plekkeuze"):
        ops_remove.remove(demo, "place", "dorpshuis-de-schakel", who=WHO, now=NOW)
    assert text(demo) == before
    gone = ops_remove.remove(
        demo, "place", "dorpshuis-de-schakel", who=WHO, now=NOW, references=True
    )
    assert gone.was_chosen
    assert "chosen" not in state(demo).get("meeting_place", {})


def test_remove_refuses_an_unknown_kind_or_thing(demo: Path) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        ops_remove.ask_remove(demo, "village", "x")
    before = text(demo)
    with pytest.raises(GzctlError):
        ops_remove.remove(demo, "org", "bestaat-niet", who=WHO, now=NOW)
    assert text(demo) == before


# ----------------------------------------------------------------------------- organisations

CSV = (
    "naam;e-mail;soort\n"
    "Repair Café Ooltwijk;info@repaircafe.nl;vrijwilligers\n"
    "KBO Ooltwijk;;\n"
    "Biljartclub De Keu;jan@;vrijwilligers\n"
)


@pytest.fixture
def orgs_csv(tmp_path: Path) -> Path:
    path = tmp_path / "orgs.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_import_with_a_wrong_cell_takes_the_row_in_without_it(demo: Path, orgs_csv: Path) -> None:
    """Issue 23, item 4: only the cell is refused, never the import."""
    report = ops_orgs.import_organisations(demo, orgs_csv, who=WHO, now=NOW)
    assert report.written and not report.failed
    data = report.as_json()
    assert data["imported"] is True and data["rejected"] == []
    assert data["added"] == ["repair-cafe-ooltwijk", "biljartclub-de-keu"]
    assert data["cells"] == [{
        "row": 4, "name": "Biljartclub De Keu", "column": "e-mail", "value": "jan@",
        "reason": "'jan@' is geen geldig e-mailadres (voorbeeld: naam@club.nl).",
    }]  # fmt: skip
    assert [d["of"] for d in data["duplicates"]] == ["kbo-ooltwijk"]
    assert 'id = "repair-cafe-ooltwijk"' in text(demo)
    entry = last(demo)
    assert entry["action"] == "org-import" and entry["who"] == WHO
    assert entry["what"] == "2 organisaties ingelezen uit orgs.csv"
    summary = report.lines[-1]
    assert not summary.aside
    assert summary.text == (
        "2 organisaties toegevoegd, 1 dubbel, 1 foute cel(len) leeg gelaten "
        "(uit 3 rijen in orgs.csv)."
    )
    assert [line.text for line in report.lines if line.text.startswith("Rij 4")] == [
        "Rij 4 (Biljartclub De Keu), kolom 'e-mail': 'jan@' is geen geldig e-mailadres "
        "(voorbeeld: naam@club.nl); leeg gelaten, de tekst staat in de notitie."
    ]
    assert [line.text for line in report.lines if line.text.startswith("Rij 3")] == [
        "Rij 3 (KBO Ooltwijk) is dubbel: samengevoegd met KBO Ooltwijk uit de lijst."
    ]


def test_an_import_lets_go_of_the_planned_rows_before_the_save(
    demo: Path, tmp_path: Path
) -> None:
    """The save of a large import renders and checks the whole file, where it takes the most
    memory: by then the file's rows are let go (all but the preview's); a dry run keeps them
    for its preview."""
    path = tmp_path / "veel.csv"
    path.write_text("naam\n" + "".join(f"Club {i}\n" for i in range(20)), encoding="utf-8")
    proef = ops_orgs.import_organisations(demo, path, dry_run=True, who=WHO, now=NOW)
    assert len(proef.table.rows) == 20
    report = ops_orgs.import_organisations(demo, path, who=WHO, now=NOW)
    assert len(report.as_json()["added"]) == 20
    assert len(report.table.rows) == ops_orgs.PREVIEW_ROWS


def test_import_of_rows_without_a_name_takes_nothing_in(demo: Path, tmp_path: Path) -> None:
    """A row without a usable name is left out; when no row is left, nothing is saved
    (exit code 2), unless --sla-fouten-over (then an import of nothing)."""
    path = tmp_path / "zonder.csv"
    path.write_text("naam;e-mail\n;los@voorbeeld.nl\n" + "X" * 300 + ";\n", encoding="utf-8")
    before = text(demo)
    report = ops_orgs.import_organisations(demo, path, who=WHO, now=NOW)
    assert report.failed and not report.written
    assert text(demo) == before
    data = report.as_json()
    assert (data["imported"], data["added"], data["rows"]) == (False, [], 2)
    assert [r["row"] for r in data["rejected"]] == [2, 3]
    assert all(line.aside for line in report.lines)  # nothing taken in: all on stderr
    assert report.lines[0].text == (
        "Rij 2: de naam ontbreekt (de rij heeft: los@voorbeeld.nl)."
    )
    assert "te lang" in report.lines[1].text
    assert report.lines[-1].text.startswith("Niets ingelezen: geen van de 2 rijen is te")
    assert report.type_lines == []
    quiet = ops_orgs.import_organisations(demo, path, skip_invalid=True, who=WHO, now=NOW)
    assert quiet.written and not quiet.failed and text(demo) == before


def test_import_leaves_out_only_the_row_without_a_name(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "half.csv"
    path.write_text("naam;telefoon\n;0345 123456\nRepair Café Ooltwijk;12\n", encoding="utf-8")
    report = ops_orgs.import_organisations(demo, path, who=WHO, now=NOW)
    assert report.written and not report.failed
    data = report.as_json()
    assert data["added"] == ["repair-cafe-ooltwijk"] and data["rejected"][0]["row"] == 2
    texts = [line.text for line in report.lines]
    assert "Rij 2: de naam ontbreekt (de rij heeft: 0345 123456); rij overgeslagen." in texts
    assert texts[-1] == (
        "1 organisatie toegevoegd, 1 rij(en) overgeslagen, 1 foute cel(len) leeg gelaten "
        "(uit 2 rijen in half.csv)."
    )
    org = next(o for o in open_project(str(demo)).project.organisations
               if o.id == "repair-cafe-ooltwijk")  # fmt: skip
    assert org.contact.phone == "" and org.notes == "telefoon (niet overgenomen): 12"
    assert org.kind == "vrijwilligers"  # a Repair Café is no business


def test_import_dry_run_changes_nothing(demo: Path, orgs_csv: Path) -> None:
    before = text(demo)
    report = ops_orgs.import_organisations(
        demo, orgs_csv, skip_invalid=True, dry_run=True, who=WHO, now=NOW
    )
    assert text(demo) == before
    assert report.as_json()["imported"] is False
    assert report.lines[-1].text.startswith("Proef, er is niets veranderd. Dit zou er gebeuren:")


def test_import_refuses_an_unknown_duplicates_mode(demo: Path, orgs_csv: Path) -> None:
    with pytest.raises(UsageProblem, match="kies merge of skip"):
        ops_orgs.import_organisations(demo, orgs_csv, duplicates="twice", who=WHO, now=NOW)


def test_org_add_edit_status(demo: Path) -> None:
    added = ops_orgs.add_organisation(demo, {"name": "Basisschool De Wilg"}, who=WHO, now=NOW)
    assert added.type_by_name is not None and not added.unknown_type
    org_id = added.org.id
    edited = ops_orgs.edit_organisation(demo, org_id, {"reach": "120"}, who=WHO, now=NOW)
    assert edited.changed and edited.id == org_id
    same = ops_orgs.edit_organisation(demo, org_id, {"reach": "120"}, who=WHO, now=NOW)
    assert same.changed == []
    moved = ops_orgs.set_org_status(demo, org_id, "benaderd", who=WHO, now=NOW)
    assert (moved.old, moved.new) == ("geïnventariseerd", "benaderd")
    actions = [h["action"] for h in state(demo)["history"][-3:]]
    assert actions == ["org-add", "org-edit", "org-status"]


# ----------------------------------------------------------------------------- documents


def test_build_documents_then_nothing_changed(demo: Path) -> None:
    shutil.rmtree(demo / "documenten")  # the demo comes with its documents
    first = ops_docs.build_documents(demo, today=NOW.date(), formats="md,html")
    assert first.folder == demo / "documenten"
    assert first.written and not first.unchanged
    assert {Path(w).suffix for w in first.written} <= {".md", ".html", ".json"}
    again = ops_docs.build_documents(demo, today=NOW.date(), formats="md,html")
    assert again.written == [] and sorted(again.unchanged) == sorted(first.written)


def test_build_step_documents_names_what_is_not_ready(project: Path) -> None:
    opened = open_project(str(project))
    ids = [d.id for d in opened.playbook.documents][:3]
    results = ops_docs.build_step_documents(opened, ids, today=NOW.date())
    assert [r.id for r in results] == ids
    for r in results:
        assert (r.made > 0) != (r.not_ready is not None or r.error is not None)


# ----------------------------------------------------------------------------- portfolio


def test_portfolio_rows(tmp_path: Path, gz) -> None:
    root = tmp_path / "dorpen"
    for name in ("b-dorp", "a-dorp"):
        assert gz("demo", str(root / name)).code == 0
    broken = root / "c-kapot"
    broken.mkdir()
    (broken / "gzctl.toml").write_text("[project\n", encoding="utf-8")
    environ = {"GZCTL_CONFIG_HOME": str(tmp_path / "config")}
    found = ops_portfolio.portfolio_rows(
        [root], today=NOW.date(), environ=environ, default_root=tmp_path, use_cache=False
    )
    assert found.failed == 1 and len(found.rows) == 3
    assert found.stalled_days == 30
    ok = [r for r in found.rows if r.get("error") is None]
    assert len(ok) == 2 and len(found.villages) == 3
    with pytest.raises(UsageProblem):
        ops_portfolio.portfolio_rows(
            [root], today=NOW.date(), environ=environ, default_root=tmp_path, sort="size"
        )


# ----------------------------------------------------------------------------- the rest


def test_done_and_undo(project: Path) -> None:
    item = open_project(str(project)).playbook.items[0]
    items = ops_progress.mark_done(project, [item.id], note=" klaar ", who=WHO, now=NOW)
    assert [i.id for i in items] == [item.id]
    tick = state(project)["checklist"][item.id]
    assert tick["by"] == WHO and tick["note"] == "klaar"
    assert ops_progress.undo_item(project, item.id, who=WHO, now=NOW).id == item.id
    assert "by" not in state(project)["checklist"].get(item.id, {})
    assert [h["action"] for h in state(project)["history"][-2:]] == ["done", "undo"]


def test_places(demo: Path) -> None:
    place = ops_places.add_place(demo, {"name": "Zaal De Kroon", "seats": "60"}, who=WHO, now=NOW)
    scored = ops_places.score_place(demo, place.id, {"neutraal": 5}, who=WHO, now=NOW)
    assert scored.scored == 1 and scored.place.scores == {"neutraal": 5}
    # a score asked in a terminal: the user saw 5 and kept it, so another's 3 stays
    ops_places.score_place(demo, place.id, {"neutraal": 3}, who="Ander", now=NOW)
    kept = ops_places.score_place(
        demo, place.id, {"neutraal": 5}, shown={"neutraal": 5}, who=WHO, now=NOW
    )
    assert kept.place.scores["neutraal"] == 3
    crit = ops_places.place_criteria(demo, weights=["neutraal=9"], who=WHO, now=NOW)
    assert crit.weights["neutraal"] == 9
    assert ops_places.place_criteria(demo, reset=True, who=WHO, now=NOW).weights["neutraal"] != 9
    with pytest.raises(Refused, match="valt af"):  # no step-free entrance: a hard requirement
        ops_places.choose_place(demo, place.id, "Neutraal en centraal.", who=WHO, now=NOW)
    assert ops_places.place_criteria(demo, no_requirements=True, who=WHO, now=NOW).required == ()
    chosen = ops_places.choose_place(demo, place.id, "Neutraal en centraal.", who=WHO, now=NOW)
    assert chosen.reason == "Neutraal en centraal."
    assert state(demo)["meeting_place"]["chosen"] == place.id


def test_platforms_and_activities(demo: Path) -> None:
    p = ops_pf.add_platform(
        demo, "Eigen moestuin", new=True, members=["kbo-ooltwijk"], who=WHO, now=NOW
    )
    assert p.members == ["kbo-ooltwijk"]
    joined = ops_pf.join_platform(demo, p.id, ["scouting-ooltwijk"], trekker=True, who=WHO, now=NOW)
    assert joined.platform.trekker == "scouting-ooltwijk"
    left = ops_pf.leave_platform(demo, p.id, "kbo-ooltwijk", who=WHO, now=NOW)
    assert left.platform.members == ["scouting-ooltwijk"]
    status = ops_pf.set_platform_status(demo, p.id, "actief", who=WHO, now=NOW)
    assert (status.old, status.platform.status) == ("idee", "actief")
    task = ops_pf.add_platform_task(demo, p.id, "Grond zoeken", who=WHO, now=NOW)
    ticked = ops_pf.tick_platform_task(demo, p.id, task.number, who=WHO, now=NOW)
    assert ticked.task.done and ticked.verb == "gedaan"
    start = dt.datetime(2027, 4, 12, 19, 30)
    a = ops_pf.add_activity(demo, "Zaaiavond", start, platform=p.id, who=WHO, now=NOW)
    assert last(demo)["what"] == "Activiteit gepland: Zaaiavond (12 april 2027 19:30)"
    a2, edited = ops_pf.edit_activity(demo, a.id, {"place": "Dorpshuis"}, who=WHO, now=NOW)
    assert a2.id == a.id and edited.changed
    assert ops_pf.count_activity(demo, a.id, "14", who=WHO, now=NOW).participants == 14


def test_coordinator(demo: Path) -> None:
    before = text(demo)
    shown = ops_co.coordinator_profile(demo, who=WHO, now=NOW)
    assert shown.changed is None and "budget" in shown.data
    assert text(demo) == before, "showing the profile changes nothing"
    changed = ops_co.coordinator_profile(demo, {"hours": "16"}, who=WHO, now=NOW)
    assert changed.changed and changed.data["hours_per_week"] == 16
    cand = ops_co.add_candidate(demo, "Ellen Visser", email="ellen@example.nl", who=WHO, now=NOW)
    assert cand.id == "kandidaat-3"
    card = ops_co.score_candidate(demo, cand.id, WHO, {"verbinden": 4}, who=WHO, now=NOW)
    assert card.scored == 1 and card.candidate.scores == {WHO: {"verbinden": 4}}
    appointed = ops_co.appoint_coordinator(demo, cand.id, who=WHO, now=NOW)
    assert appointed.candidate.id == cand.id and "kandidaat-1" in appointed.others


def test_settings(demo: Path) -> None:
    url = "https://ooltwijk.example.nl"
    assert ops_settings.set_project_setting(demo, "site.url", url, who=WHO, now=NOW)
    assert state(demo)["settings"]["site"]["url"] == url
    assert last(demo)["what"] == f"Instelling site.url: {url}"
    before = text(demo)
    assert not ops_settings.set_project_setting(demo, "site.url", url, who=WHO, now=NOW)
    assert text(demo) == before, "an unchanged setting writes nothing"
    with pytest.raises(UsageProblem, match="geen samenvoegconflicten"):
        ops_settings.resolve_conflicts(demo, None, "mine", who=WHO, now=NOW)
    chosen = ops_settings.use_playbook(demo, "gemeenschapszorg", who=WHO, now=NOW)
    assert chosen.spec == "gemeenschapszorg" and chosen.unknown == []
    assert last(demo)["action"] == "playbook"


def test_environment_is_not_read_by_the_ops(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GZCTL_NOW", "2030-01-01T00:00:00+01:00")
    monkeypatch.setenv("GZCTL_USER", "iemand anders")
    ops_orgs.set_org_status(demo, "kbo-ooltwijk", "aangesloten", who=WHO, now=NOW)
    entry = last(demo)
    assert (entry["who"], entry["at"]) == (WHO, NOW)
    assert os.environ["GZCTL_USER"] == "iemand anders"


def test_start_or_join_platform_joins_one_started_meanwhile(demo: Path) -> None:
    first = ops_pf.start_or_join_platform(
        demo, "klussendienst", ["kbo-ooltwijk"], "kbo-ooltwijk", who=WHO, now=NOW
    )
    assert first.started and first.platform.trekker == "kbo-ooltwijk"
    assert last(demo)["action"] == "platform-add"
    # a second user picked the same platform, another trekker and an unknown member
    second = ops_pf.start_or_join_platform(
        demo,
        "klussendienst",
        ["scouting-ooltwijk", "bestaat-niet"],
        "scouting-ooltwijk",
        who="Ander",
        now=NOW,
    )
    assert not second.started
    assert second.left_out == ["bestaat-niet"]
    assert second.kept_trekker == "KBO Ooltwijk"
    assert second.platform.members == ["kbo-ooltwijk", "scouting-ooltwijk"]
    assert last(demo)["action"] == "platform-join"


# ----------------------------------------------------------------------------- the shell's side


@pytest.mark.parametrize("answer", [False, True])
@pytest.mark.parametrize(
    ("args", "question", "gone"),
    [
        (
            ["org", "remove", "kbo-ooltwijk"],
            "KBO Ooltwijk (kbo-ooltwijk) met contactgegevens van de lijst halen, en ook uit "
            "platform Ouderensteunpunt en activiteiten Wandeling voor ouderen, Koffieochtend "
            "Ouderensteunpunt (proef), Open koffieochtend Ouderensteunpunt en vaste activiteit "
            "Koersbal en overleg 2026-12-16-netwerkavond en acties verslag-avond-rondsturen, "
            "kennismaken-zonnebloem, folder-ouderensteunpunt-huisarts, route-wandeling-uitzetten?",
            'trekker = "kbo-ooltwijk"',  # Ja: the references went with it
        ),
        (
            ["org", "remove", "apotheek-ooltwijk"],
            "Apotheek Ooltwijk (apotheek-ooltwijk) met contactgegevens van de lijst halen?",
            'id = "apotheek-ooltwijk"',
        ),
        (
            ["place", "remove", "kantine-vv-ooltwijk"],
            "Kantine VV Ooltwijk (kantine-vv-ooltwijk) van de lijst van plekken halen?",
            'id = "kantine-vv-ooltwijk"',
        ),
        (
            ["person", "forget", "Bram Smits"],
            "Bram Smits (contactpersoon van dorpskrant-de-ooltwijker) volledig wissen?",
            "Bram Smits",
        ),
        (
            ["coordinator", "candidate", "forget", "kandidaat-2"],
            "Bart Verschuren (kandidaat-2) volledig wissen, ook uit de geschiedenis?",
            "Bart Verschuren",
        ),
    ],
)
def test_on_a_terminal_the_command_asks_the_ops_question(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], question: str,
    gone: str, answer: bool,
) -> None:  # fmt: skip
    asked: list[tuple[str, bool]] = []

    def confirm(label: str, default: bool) -> bool:
        asked.append((label, default))
        return answer

    monkeypatch.setattr("gzctl.core.runtime.stdin_is_terminal", lambda: True)
    monkeypatch.setattr("gzctl.wizard.engine.confirm", confirm)
    before = text(demo)
    result = gz("-C", str(demo), *args)
    assert result.code == 0, result.err
    assert asked == [(question, False)]
    if answer:
        assert gone not in text(demo)
    else:
        assert result.out == "Niets veranderd.\n"
        assert text(demo) == before


def test_a_platform_is_never_asked_for(gz, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gzctl.core.runtime.stdin_is_terminal", lambda: True)
    monkeypatch.setattr("gzctl.wizard.engine.confirm", lambda *a: pytest.fail("asked"))
    result = gz("-C", str(demo), "platform", "remove", "ophaaldienst")
    assert result.code == 2
    assert "Bevestig met: gzctl -C" in result.err
    assert "platform remove ophaaldienst --yes" in result.err
