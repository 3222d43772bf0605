"""A type read from a name is a guess (issue 23 item 6, DOMAIN.md §10 "One story").

The guess is marked in the state (``Organisation.type_guessed``), ``org list`` shows it, a
person confirms it (``org bevestig``, ``org edit --type``), and until then it never chooses a
letter's salutation ("Geacht college,"), a place on the residents' card "Wie kan ik bellen?"
or its safe block, or the municipality a letter is sent to.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.model import Contact, Organisation, Project
from gzctl.network import inventory as inv

TODAY = dt.date(2027, 1, 5)
WHEN = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def _catalogue() -> inv.Catalogue:
    return inv.load_catalogue(pb.load("gemeenschapszorg"))


# ----------------------------------------------------------------------------- the flag


def test_a_type_from_the_name_is_a_guess_a_given_one_is_not() -> None:
    cat = _catalogue()
    project = Project()
    guessed = inv.add(project, {"name": "PKN-gemeente Den Ham"}, cat, TODAY)
    assert guessed.type == "kerk" and guessed.type_guessed
    given = inv.add(project, {"name": "Gemeente Den Ham", "type": "gemeente"}, cat, TODAY)
    assert given.type == "gemeente" and not given.type_guessed
    unknown = inv.add(project, {"name": "Stichting De Regenboog"}, cat, TODAY)
    assert unknown.type == inv.UNKNOWN_TYPE and not unknown.type_guessed
    assert [o.id for o in inv.guessed(project)] == [guessed.id]
    assert inv.confirmed_type(guessed) == "" and inv.confirmed_type(given) == "gemeente"


def test_edit_with_the_same_type_confirms_and_with_another_corrects() -> None:
    cat = _catalogue()
    project = Project()
    inv.add(project, {"name": "Gospelkoor Joy"}, cat, TODAY)
    inv.add(project, {"name": "Café-Zaal De Harmonie"}, cat, TODAY)
    org, changed = inv.edit(project, "gospelkoor-joy", {"type": "muziekvereniging"}, cat, TODAY)
    assert changed == [inv.TYPE_CONFIRMED] and not org.type_guessed
    org, changed = inv.edit(project, "gospelkoor-joy", {"type": "muziekvereniging"}, cat, TODAY)
    assert changed == []  # confirmed once is enough
    org, changed = inv.edit(project, "cafe-zaal-de-harmonie", {"type": "dorpshuis"}, cat, TODAY)
    assert org.type == "dorpshuis" and not org.type_guessed and changed == ["type"]


def test_confirm_types_all_or_nothing() -> None:
    from gzctl.core.errors import NotFound, UsageProblem

    cat = _catalogue()
    project = Project()
    a = inv.add(project, {"name": "Frituur 't Kerkhofje"}, cat, TODAY)
    b = inv.add(project, {"name": "Bolclub De Kegel"}, cat, TODAY)
    inv.add(project, {"name": "Stichting De Regenboog"}, cat, TODAY)
    with pytest.raises(NotFound):
        inv.confirm_types(project, [a.id, "bestaat-niet"])
    assert a.type_guessed  # nothing changed
    with pytest.raises(UsageProblem, match="org edit stichting-de-regenboog --type"):
        inv.confirm_types(project, [a.id, "stichting-de-regenboog"])
    assert a.type_guessed
    done = inv.confirm_types(project, [a.id, b.id])
    assert [(o.id, was) for o, was in done] == [(a.id, True), (b.id, True)]
    assert not inv.guessed(project)


def test_a_type_in_an_import_file_beats_a_guess_when_merging() -> None:
    cat = _catalogue()
    project = Project()
    org = inv.add(project, {"name": "Café-Zaal De Harmonie"}, cat, TODAY)
    clean, _ = inv.parse_fields({"type": "dorpshuis"}, cat)
    inv.merge(org, clean, cat, TODAY)
    assert org.type == "dorpshuis" and not org.type_guessed


def test_the_json_export_keeps_a_guess_a_guess() -> None:
    cat = _catalogue()
    project = Project()
    org = inv.add(project, {"name": "Gospelkoor Joy"}, cat, TODAY)
    data = inv.as_json(org)
    assert data["type_guessed"] is True
    raw = inv.from_json(data)
    assert raw["type"] == "muziekvereniging?"  # as in the CSV and Excel export
    again = inv.add(Project(), raw, cat, TODAY)
    assert again.type == "muziekvereniging" and again.type_guessed
    org.type_guessed = False
    assert inv.from_json(inv.as_json(org))["type"] == "muziekvereniging"


def test_an_export_marks_a_guess_and_the_import_reads_it_back(
    project: Path, gz, tmp_path: Path, answers_file: Path
) -> None:
    c = ("-C", str(project))
    assert gz(*c, "org", "add", "Gospelkoor Joy").code == 0
    assert gz(*c, "org", "add", "Dorpshuis De Schakel", "--type", "dorpshuis").code == 0
    for ext in ("csv", "json"):
        out = tmp_path / f"export.{ext}"
        assert gz(*c, "org", "export", str(out)).code == 0
        if ext == "csv":
            assert ";muziekvereniging?;" in out.read_text(encoding="utf-8-sig")
        copy = tmp_path / f"kopie-{ext}"
        assert gz("init", str(copy), "--answers", str(answers_file)).code == 0
        assert gz("-C", str(copy), "org", "import", str(out)).code == 0
        orgs = {o.id: (o.type, o.type_guessed) for o in store.load(copy).organisations}
        assert orgs == {
            "gospelkoor-joy": ("muziekvereniging", True),
            "dorpshuis-de-schakel": ("dorpshuis", False),
        }, ext


def test_the_flag_is_stored_and_a_hand_written_file_without_it_still_loads(
    project: Path, gz
) -> None:
    c = ("-C", str(project))
    assert gz(*c, "org", "add", "Brasserie Het Gemeentehuis").code == 0
    assert gz(*c, "org", "add", "Dorpshuis De Schakel", "--type", "dorpshuis").code == 0
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert text.count("type_guessed = true") == 1
    assert "type_guessed = false" not in text  # the default is not written
    loaded = store.load(project)
    assert {o.id: o.type_guessed for o in loaded.organisations} == {
        "brasserie-het-gemeentehuis": True,
        "dorpshuis-de-schakel": False,
    }
    # a hand edit that drops the line: the type counts as confirmed
    (project / "gzctl.toml").write_text(text.replace("type_guessed = true\n", ""), "utf-8")
    assert not any(o.type_guessed for o in store.load(project).organisations)


# ----------------------------------------------------------------------------- the commands


def test_org_list_shows_the_guesses_and_org_bevestig_confirms_them(project: Path, gz) -> None:
    c = ("-C", str(project))
    assert gz(*c, "org", "add", "PKN-gemeente Den Ham").code == 0
    assert gz(*c, "org", "add", "Gospelkoor Joy").code == 0
    assert gz(*c, "org", "add", "Gemeente Twenterand", "--type", "gemeente").code == 0
    listed = gz(*c, "org", "list")
    assert listed.code == 0
    assert "kerk?" in listed.out and "muziekvereniging?" in listed.out
    assert "gemeente?" not in listed.out
    assert "2 typen zijn geraden aan de naam" in " ".join(listed.out.split())
    only = json.loads(gz(*c, "org", "list", "--geraden", "--json").out)
    assert sorted(o["id"] for o in only) == ["gospelkoor-joy", "pkn-gemeente-den-ham"]

    done = gz(*c, "org", "bevestig", "pkn-gemeente-den-ham")
    assert done.code == 0 and "PKN-gemeente Den Ham: kerk of diaconie bevestigd." in done.out
    shown = gz(*c, "org", "show", "gospelkoor-joy").out
    assert "(geraden)" in shown
    assert gz(*c, "org", "bevestig").code == 0  # no id: every guess
    assert json.loads(gz(*c, "org", "list", "--geraden", "--json").out) == []
    assert "geraden" not in gz(*c, "org", "list").out
    history = gz(*c, "log").out
    assert "Type bevestigd: PKN-gemeente Den Ham (kerk of diaconie)" in history

    wrong = gz(*c, "org", "bevestig", "bestaat-niet")
    assert wrong.code == 2 and "Traceback" not in wrong.err


def test_org_edit_type_confirms_the_guess(project: Path, gz) -> None:
    c = ("-C", str(project))
    assert gz(*c, "org", "add", "Gospelkoor Joy").code == 0
    result = gz(*c, "org", "edit", "gospelkoor-joy", "--type", "muziekvereniging")
    assert result.code == 0 and "Gospelkoor Joy: type bevestigd." in result.out
    assert not store.load(project).organisations[0].type_guessed


def test_the_import_report_says_how_many_were_guessed_and_how_to_confirm(
    project: Path, gz, tmp_path: Path
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text(
        "naam;type\nCafé-Zaal De Harmonie;\nPKN-gemeente Den Ham;\nGemeente Den Ham;gemeente\n",
        encoding="utf-8",
    )
    result = gz("-C", str(project), "org", "import", str(path))
    assert result.code == 0, result.err
    err = " ".join(result.err.split())
    assert "2 typen geraden aan de naam" in err and "org bevestig ID..." in err
    orgs = {o.id: o for o in store.load(project).organisations}
    assert orgs["cafe-zaal-de-harmonie"].type == "ondernemers"
    assert orgs["cafe-zaal-de-harmonie"].kind == "ondernemer"
    assert orgs["cafe-zaal-de-harmonie"].type_guessed
    assert orgs["pkn-gemeente-den-ham"].type == "kerk"
    assert not orgs["gemeente-den-ham"].type_guessed


# ----------------------------------------------------------------------------- documents


def test_a_guessed_type_chooses_no_salutation() -> None:
    from gzctl.documents.base import document_words
    from gzctl.documents.general import register_of, salutation

    words = document_words(pb.load("gemeenschapszorg"))
    cafe = Organisation(
        id="cafe", name="Café De Zwaan", kind="overheid", type="gemeente", type_guessed=True
    )
    church = Organisation(id="kerk", name="PKN Ooltwijk", type="kerk", type_guessed=True)

    def opening(org: Organisation) -> str:
        register = register_of(org, words)
        return salutation(
            Contact(), org.name, org.kind, register=register,
            org_type=inv.confirmed_type(org), words=words,
        )  # fmt: skip

    assert opening(cafe) == "Geachte heer, mevrouw,"
    assert register_of(church, words) == "jullie"  # the kind's register, not the type's
    assert opening(church) == "Beste bestuursleden,"
    cafe.type_guessed = church.type_guessed = False  # a person confirmed them
    assert opening(cafe) == "Geacht college,"
    assert register_of(church, words) == "u" and opening(church) == "Geacht bestuur,"


def _add_cafe(folder: Path, guessed: bool) -> None:
    """A café the name reader took for the municipality, with a phone number and no contact
    person; the demo's own municipality leaves the list, so only the café could fill the
    card's 'Gemeente' line."""
    with store.transaction(folder, "tester", WHEN) as c:
        c.project.organisations = [o for o in c.project.organisations if o.type != "gemeente"]
        c.project.organisations.append(
            Organisation(
                id="cafe-de-zwaan",
                name="Café De Zwaan",
                kind="overheid",
                type="gemeente",
                type_guessed=guessed,
                contact=Contact(phone="0345 999888"),
                status="aangesloten",
                dates={"geïnventariseerd": WHEN.date(), "aangesloten": WHEN.date()},
            )
        )


def _card(folder: Path, gz) -> tuple[str, str]:
    """The card's safe block, and what the build said."""
    result = gz("-C", str(folder), "docs", "build", "--only", "wie-kan-ik-bellen", "--force")
    assert result.code == 0, result.err
    text = (folder / "documenten" / "wie-kan-ik-bellen.md").read_text(encoding="utf-8")
    return text[text.index("## Altijd bereikbaar") : text.index("## Waarvoor")], result.err


def test_a_cafe_guessed_as_gemeente_is_not_on_the_card_as_gemeente(demo: Path, gz) -> None:
    _add_cafe(demo, guessed=True)
    fixed, said = _card(demo, gz)
    assert "Café De Zwaan" not in fixed and "999" not in fixed
    assert "**Gemeente**" not in fixed  # the line waits for a confirmed municipality
    said = " ".join(said.split())
    assert "alleen een geraden type op de lijst (Café De Zwaan)" in said
    assert "org bevestig cafe-de-zwaan" in said
    # confirmed by a person, it is what they said it is
    assert gz("-C", str(demo), "org", "bevestig", "cafe-de-zwaan").code == 0
    fixed, said = _card(demo, gz)
    assert "**Gemeente**: Café De Zwaan" in fixed and "geraden" not in said


def test_a_cafe_guessed_as_gemeente_gets_no_geacht_college(demo: Path, gz) -> None:
    _add_cafe(demo, guessed=True)
    with store.transaction(demo, "tester", WHEN) as c:
        for org in c.project.organisations:
            if org.id == "cafe-de-zwaan":
                org.status = "benaderd"
    result = gz("-C", str(demo), "docs", "build", "--only", "uitnodiging", "--force")
    assert result.code == 0, result.err
    letter = (demo / "documenten" / "uitnodiging" / "cafe-de-zwaan.md").read_text("utf-8")
    assert "Geacht college," not in letter and "Geachte heer, mevrouw," in letter
    assert gz("-C", str(demo), "org", "bevestig", "cafe-de-zwaan").code == 0
    result = gz("-C", str(demo), "docs", "build", "--only", "uitnodiging", "--force")
    letter = (demo / "documenten" / "uitnodiging" / "cafe-de-zwaan.md").read_text("utf-8")
    assert "Geacht college," in letter


def test_keeping_the_type_in_the_edit_questions_confirms_it() -> None:
    """``gzctl org edit ID`` in a terminal asks every field with the current value; Enter on
    a guessed type is a person saying it is right."""
    cat = _catalogue()
    project = Project()
    org = inv.add(project, {"name": "PKN Ooltwijk"}, cat, TODAY)
    asked = {"name": org.name, "type": "kerk of diaconie", "notes": ""}  # as the questions give
    raw = inv.changed_fields(org, asked, cat)
    assert raw == {"type": "kerk of diaconie"}
    _, changed = inv.edit(project, org.id, raw, cat, TODAY)
    assert changed == [inv.TYPE_CONFIRMED] and not org.type_guessed
    assert inv.changed_fields(org, asked, cat) == {}  # nothing left to confirm
