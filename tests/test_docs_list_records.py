"""`gzctl docs list` from each document's record of what it read (gzctl/documents/reads.py):
after any change it must say what preparing and comparing every document says, and prepare
only the documents whose inputs changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gzctl.core import store
from gzctl.core.model import ChecklistEntry, MoneyEntry, Project

WHEN = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)  # the tests' clock (conftest NOW)


def listed(gz: Any, folder: Path) -> dict[str, tuple[str, str, list[str]]]:
    result = gz("-C", str(folder), "docs", "list", "--json")
    assert result.code == 0, result.err
    return {
        d["id"]: (d["state"], d["detail"], d["files"]) for d in json.loads(result.out)["documents"]
    }


def compared(gz: Any, folder: Path) -> dict[str, tuple[str, str, list[str]]]:
    """docs list with no record to trust: every document prepared and compared."""
    manifest = folder / "documenten" / ".gzctl-manifest.json"
    kept = manifest.read_bytes()
    data = json.loads(kept)
    assert data.pop("docs")  # a build wrote the records
    manifest.write_text(json.dumps(data), encoding="utf-8")
    found = folder / ".gzctl-cache" / "docs-list"
    found.unlink(missing_ok=True)
    try:
        return listed(gz, folder)
    finally:
        manifest.write_bytes(kept)
        found.unlink(missing_ok=True)


@pytest.fixture
def prepared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents docs list prepares (rather than taking them from a record)."""
    from gzctl.documents import listing

    calls: list[str] = []
    real = listing.prepare

    def spy(doc_id: str, *args: Any) -> Any:
        calls.append(doc_id)
        return real(doc_id, *args)

    monkeypatch.setattr(listing, "prepare", spy)
    return calls


def change(folder: Path, edit: Callable[[Project], None], when: dt.datetime = WHEN) -> None:
    """Change the project as a command does: the change and a history line at ``when``."""
    with store.transaction(folder, "tester", when) as c:
        edit(c.project)
        c.log("test", edit.__name__)


def last_change(folder: Path) -> dt.datetime:
    """The moment of the project's newest history line: a change then keeps the letters'
    date (the day of the last change)."""
    return max(h.at for h in store.load(folder).history)


def _rename_invited(project: Project) -> None:
    org = next(o for o in project.organisations if o.name == "VV Ooltwijk")
    org.name = "Voetbalvereniging Ooltwijk"


def _tick(project: Project) -> None:
    project.checklist["verkennen.lerendnetwerk"] = ChecklistEntry(True, WHEN.date(), "tester")


def _spend(project: Project) -> None:
    project.money.append(MoneyEntry("koffie", WHEN.date(), 12.5, "uitgave", "", "Koffie"))


def _site(project: Project) -> None:
    project.settings.site.url = "https://ooltwijk.example.nl"


def _name_network(project: Project) -> None:
    project.answers["verbinden.netwerknaam"] = "Samen Ooltwijk"


def _confidant(project: Project) -> None:
    project.answers["doen.vertrouwenspersoon"] = "Mevrouw J. de Wit, 0345 123456"


def _talked(project: Project) -> None:
    project.checklist["verkennen.gemeentegesprek"] = ChecklistEntry(True, WHEN.date(), "tester")


def _village(project: Project) -> None:
    project.village.inhabitants = (project.village.inhabitants or 0) + 100


CHANGES = {
    "an invited organisation renamed": _rename_invited,
    "a checklist item ticked": _tick,
    "money spent": _spend,
    "the site's address": _site,
    "the network named": _name_network,
    "the code of conduct's confidant": _confidant,
    "the talk with the municipality ticked": _talked,
    "more inhabitants": _village,
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_after_a_change_the_records_say_what_comparing_every_document_says(
    demo: Path, gz, name: str
) -> None:
    assert gz("-C", str(demo), "docs", "build").code == 0
    change(demo, CHANGES[name])
    assert listed(gz, demo) == compared(gz, demo)
    assert listed(gz, demo) == compared(gz, demo)  # and from docs list's own records


def test_a_renamed_organisation_makes_its_letters_out_of_date(demo: Path, gz, prepared) -> None:
    assert gz("-C", str(demo), "docs", "build").code == 0
    before = listed(gz, demo)
    assert prepared == [] and before["uitnodiging"][0] == "actueel"
    change(demo, _rename_invited)
    after = listed(gz, demo)
    assert after["uitnodiging"][0] == "verouderd" and after["bedankbrief"][0] == "verouderd"
    assert "uitnodiging" in prepared
    assert after == compared(gz, demo)


def test_an_unrelated_change_leaves_the_letters_alone(demo: Path, gz, prepared) -> None:
    """Money is read by the accounts, not by the letters or the checklist: those are taken
    from their records (not prepared) and still up to date."""
    assert gz("-C", str(demo), "docs", "build").code == 0
    change(demo, _spend, last_change(demo))
    after = listed(gz, demo)
    assert after["uitnodiging"][0] == after["checklist"][0] == "actueel"
    assert "verantwoording" in prepared  # reads the money: prepared and compared
    assert not {"uitnodiging", "checklist", "agenda", "vacature"} & set(prepared)
    prepared.clear()
    assert listed(gz, demo) == after and prepared == []  # docs list kept what it prepared


def test_a_tick_touches_the_checklist_only(demo: Path, gz, prepared) -> None:
    assert gz("-C", str(demo), "docs", "build").code == 0
    change(demo, _tick, last_change(demo))
    after = listed(gz, demo)
    assert after["checklist"][0] == "verouderd" and after["uitnodiging"][0] == "actueel"
    assert "checklist" in prepared and "uitnodiging" not in prepared


def test_one_answer_or_item_is_an_input_of_what_reads_it(demo: Path, gz, prepared) -> None:
    """A document that asked for one answer (base.answer) or one checklist item reads that
    entry alone: another answer or item is no new input for it; its own is."""
    assert gz("-C", str(demo), "docs", "build").code == 0
    manifest = json.loads((demo / "documenten" / ".gzctl-manifest.json").read_text("utf-8"))
    assert "answers[doen.vertrouwenspersoon]" in manifest["docs"]["gedragscode"]["reads"]
    assert "answers" not in manifest["docs"]["gedragscode"]["reads"]
    assert "checklist[verkennen.gemeentegesprek]" in manifest["docs"]["subsidieaanvraag"]["reads"]
    change(demo, _confidant, last_change(demo))
    after = listed(gz, demo)
    assert after["gedragscode"][0] == "verouderd" and after["vacature"][0] == "actueel"
    assert "gedragscode" in prepared and "vacature" not in prepared
    prepared.clear()
    change(demo, _tick, last_change(demo))  # another item than the one the request reads
    after = listed(gz, demo)
    assert "subsidieaanvraag" not in prepared and "checklist" in prepared
    change(demo, _talked, last_change(demo))
    prepared.clear()
    after = listed(gz, demo)
    assert "subsidieaanvraag" in prepared
    assert after == compared(gz, demo)


def test_the_letters_date_is_the_day_of_the_last_change(demo: Path, gz) -> None:
    """A letter carries the day of the last change: a change on a later day makes the
    letters out of date although nothing they show otherwise changed."""
    assert gz("-C", str(demo), "docs", "build").code == 0
    manifest = json.loads((demo / "documenten" / ".gzctl-manifest.json").read_text("utf-8"))
    dated = {d for d, r in manifest["docs"].items() if "@last_change" in r["reads"]}
    assert {"bedankbrief", "welkom", "subsidieaanvraag"} <= dated
    change(demo, _site, last_change(demo) + dt.timedelta(days=3))  # the privacy statement's
    after = listed(gz, demo)
    assert after["bedankbrief"][0] == after["welkom"][0] == "verouderd"
    assert {d for d, row in after.items() if row[0] == "verouderd"} <= dated | {
        "privacyverklaring"
    }
    assert after == compared(gz, demo)


def test_a_passing_day_counts_for_what_reads_it(
    demo: Path, gz, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The minutes are of the meetings held by today: a later today is a new input."""
    assert gz("-C", str(demo), "docs", "build").code == 0
    monkeypatch.setenv("GZCTL_NOW", "2027-12-01T12:00:00+01:00")
    later = listed(gz, demo)
    assert later == compared(gz, demo)
    assert later["overleg-verslag"][0] == "verouderd"


def test_edited_and_removed_files_from_the_records(demo: Path, gz) -> None:
    assert gz("-C", str(demo), "docs", "build").code == 0
    agenda = demo / "documenten" / "agenda.md"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\nMijn eigen regel.\n", "utf-8")
    (demo / "documenten" / "gedragscode.html").unlink()
    after = listed(gz, demo)
    assert after["agenda"][0] == "bewerkt" and after["gedragscode"][0] == "actueel"
    (demo / "documenten" / "gedragscode.md").unlink()
    (demo / "documenten" / "gedragscode.docx").unlink()
    after = listed(gz, demo)
    assert after["gedragscode"][0] == "ontbreekt"
    assert after == compared(gz, demo)


def test_a_foreign_or_broken_record_is_not_trusted(demo: Path, gz, prepared) -> None:
    """docs list's own records are signed with the user's key: another's, or a broken
    one, makes it prepare; a manifest record that names no field is not trusted either."""
    assert gz("-C", str(demo), "docs", "build").code == 0
    change(demo, _rename_invited)
    truth = listed(gz, demo)
    found = demo / ".gzctl-cache" / "docs-list"
    found.write_bytes(b"\0" * 32 + found.read_bytes()[32:])
    prepared.clear()
    assert listed(gz, demo) == truth and "uitnodiging" in prepared
    manifest = demo / "documenten" / ".gzctl-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["docs"]["vacature"]["reads"] = ["no_such_field"]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    found.unlink()
    prepared.clear()
    assert listed(gz, demo) == truth and "vacature" in prepared


def test_each_record_names_what_its_document_reads_alone(demo: Path) -> None:
    """What a build records for a document (after others, with common_data's memo warm)
    is what preparing it alone reads: a cache hit must not hide a read."""
    from gzctl.core import playbook as pb
    from gzctl.documents import base, reads, registry

    project = store.load(demo)
    book = pb.load(project.project.playbook, demo)
    manifest = json.loads((demo / "documenten" / ".gzctl-manifest.json").read_text("utf-8"))
    checked = 0
    for doc_id, record in manifest["docs"].items():
        base._common.clear()
        with reads.recording() as used:
            try:
                registry.prepare(doc_id, reads.watch(project), book, WHEN.date())
            except base.NotReady:
                pass
        assert sorted(used) == record["reads"], doc_id
        checked += 1
    assert checked >= 20


def test_a_watched_project_prepares_the_same_documents(demo: Path) -> None:
    from gzctl.core import playbook as pb
    from gzctl.documents import base, reads, registry

    project = store.load(demo)
    book = pb.load(project.project.playbook, demo)
    watched = reads.watch(project)
    assert isinstance(watched, Project) and dataclasses.asdict(watched) == dataclasses.asdict(
        project
    )
    for doc_id in registry.document_ids(book):
        try:
            plain = registry.prepare(doc_id, project, book, WHEN.date())
        except base.NotReady as exc:
            with pytest.raises(base.NotReady, match=exc.message[:30]):
                registry.prepare(doc_id, watched, book, WHEN.date())
            continue
        assert registry.prepare(doc_id, watched, book, WHEN.date()) == plain, doc_id


def test_reading_the_project_whole_reads_every_field(demo: Path) -> None:
    import copy

    from gzctl.documents import reads

    watched = reads.watch(store.load(demo))
    every = {f.name for f in dataclasses.fields(Project)}
    for whole in (vars, copy.copy, dataclasses.asdict):
        with reads.recording() as used:
            whole(watched)
        assert used == every, whole
    with reads.recording() as used:
        assert watched.village.name
    assert used == {"village"}
