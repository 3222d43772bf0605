"""The AVG whole (issue 25 item 4): ``person export`` lists, and ``person forget`` removes, a
person's name from every text gzctl keeps and every id made from it, and the website.

Once, forgetting a contact person left their name in an activity's title and in the id made
from it ('afscheid-van-wiebe-zondervan'); the next ``site build`` published it again. Here the
name is planted in each place a user can type it, then forgotten."""

from __future__ import annotations

import json
from pathlib import Path

from gzctl.core import store

NAME = "Wiebe Zondervan"
SLUG = "wiebe-zondervan"


def _all_text(folder: Path) -> str:
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".git" not in path.parts and path.suffix != ".pdf":
            parts.append(path.read_bytes().decode("utf-8", "replace"))
            if path.suffix == ".docx":
                import zipfile

                with zipfile.ZipFile(path) as z:
                    data = b" ".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
                parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def _plant(gz, demo: Path) -> None:
    c = ("-C", str(demo))
    project = store.load(demo)
    org = project.organisations[0].id
    place = project.places[0].id
    platform = project.platforms[0].id
    assert gz(*c, "org", "edit", org, "--contact", NAME).code == 0
    result = gz(*c, "activity", "add", f"Afscheid van {NAME}", "--datum", "12-06-2027",
                "--omschrijving", f"Bedankt {NAME}!", "--platform", platform)  # fmt: skip
    assert result.code == 0, result.err
    result = gz(*c, "activity", "add", f"Koffie met {NAME}", "--datum", "13-06-2027")
    assert result.code == 0, result.err
    gone = next(a.id for a in store.load(demo).activities if f"koffie-met-{SLUG}" in a.id)
    assert gz(*c, "activity", "remove", gone).code == 0, "cancelled_activities"
    item = next(iter(store.load(demo).checklist))
    state = demo / "gzctl.toml"
    # the rest by hand, as a user may type it into gzctl.toml
    project = store.load(demo)
    p = next(x for x in project.places if x.id == place)
    p.notes = f"Sleutel bij {NAME}"
    pf = next(x for x in project.platforms if x.id == platform)
    pf.title = f"Wandelgroep {NAME}"
    pf.notes = f"Trekker: {NAME}"
    o = next(x for x in project.organisations if x.id == org)
    o.notes = f"Vraag {NAME} om de sleutel"
    project.checklist[item].note = f"Besproken met {NAME}"
    project.answers["eigen_vraag"] = {"toelichting": [f"Idee van {NAME}"]}
    project.history[-1].what = f"notitie: {NAME} belde"
    store.write_atomic(state, store.dumps(project))
    assert gz(*c, "status").code == 0


def test_export_and_forget_reach_every_text_id_and_the_site(gz, demo: Path) -> None:
    c = ("-C", str(demo))
    _plant(gz, demo)
    assert gz(*c, "site", "build").code == 0
    assert gz(*c, "docs", "build").code == 0
    assert NAME in _all_text(demo / "website")
    assert SLUG in _all_text(demo / "website")

    exported = gz(*c, "person", "export", NAME, "--json")
    assert exported.code == 0, exported.err
    data = json.loads(exported.out)
    where = {t["where"] for t in data["texts"]}
    wanted = ("activities.", "cancelled_activities.", "platforms.", "places.", "answers.",
              "checklist.", "organisations.")  # fmt: skip
    for part in wanted:
        assert any(w.startswith(part) for w in where), (part, sorted(where))
    assert any(SLUG in i["id"] for i in data["ids"]), data["ids"]
    assert any("belde" in h["what"] for h in data["history"])

    result = gz(*c, "person", "forget", NAME, "--yes")
    assert result.code == 0, result.err
    assert "hernoemd" in result.out and "website/" in result.out
    for folder in ("gzctl.toml", "website", "documenten"):
        text = _all_text(demo) if folder == "gzctl.toml" else _all_text(demo / folder)
        assert NAME not in text, folder
        assert SLUG not in text, folder
    # the next build does not bring it back, and the state still opens and checks
    assert gz(*c, "site", "build").code == 0
    assert gz(*c, "docs", "build").code == 0
    assert NAME not in _all_text(demo) and SLUG not in _all_text(demo)
    assert gz(*c, "status").code == 0
    project = store.load(demo)
    titles = [a.title for a in project.activities]
    assert "Afscheid van [naam gewist]" in titles
    renamed = next(a for a in project.activities if a.title == "Afscheid van [naam gewist]")
    assert "gewist" in renamed.id and renamed.platform  # the reference survived the rename


def test_forget_renames_references_to_a_renamed_id() -> None:
    import datetime as dt

    from gzctl.core.model import Activity, HistoryEntry, Platform, Project
    from gzctl.network import privacy

    project = Project()
    project.platforms.append(Platform(id=f"club-{SLUG}", title=f"Club {NAME}"))
    project.activities.append(Activity(
        id="eten", title="Eten", start=dt.datetime(2027, 1, 1), platform=f"club-{SLUG}"
    ))  # fmt: skip
    project.history.append(HistoryEntry(
        at=dt.datetime(2026, 1, 1), who="x", action="platform-add", what="iets",
        ids=[f"club-{SLUG}"],
    ))  # fmt: skip
    person = privacy.Person([privacy.Record("contact", "o", NAME, "", "")], names={NAME})
    done = privacy.forget(project, person)
    assert project.platforms[0].id == "club-gewist"
    assert project.activities[0].platform == "club-gewist"
    assert project.history[0].ids == ["club-gewist"]
    assert done.ids == [f"club-{SLUG} -> club-gewist"]


def test_a_person_named_only_in_a_group_answer_is_found_and_forgotten(gz, demo: Path) -> None:
    """A municipal contact typed into the answers (gemeentecontacten), on no other list."""
    c = ("-C", str(demo))
    project = store.load(demo)
    project.answers["verkennen.gemeentecontacten"] = [
        {"name": NAME, "email": "wiebe@gemeente.example", "role": "beleidsmedewerker"}
    ]
    store.write_atomic(demo / "gzctl.toml", store.dumps(project))
    exported = gz(*c, "person", "export", "wiebe@gemeente.example", "--json")
    assert exported.code == 0, exported.err
    assert [r["kind"] for r in json.loads(exported.out)["records"]] == ["answer"]
    result = gz(*c, "person", "forget", NAME, "--yes")
    assert result.code == 0, result.err
    text = (demo / "gzctl.toml").read_text(encoding="utf-8")
    assert NAME not in text and "wiebe@gemeente.example" not in text
    assert "beleidsmedewerker" in text  # the role is no personal data; the row stays
    assert gz(*c, "status").code == 0 and gz(*c, "site", "build").code == 0
