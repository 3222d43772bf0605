"""The wizard's inventory step, driven by simulated keystrokes (prompt_toolkit pipe input)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BACKSPACE, CTRL_C, DOWN, ENTER, keyboard
from test_wizard import NOW, wizard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.network import inventory as inv
from gzctl.wizard import HANDLERS, new_project
from gzctl.wizard.inventory import sectors_in_order


@pytest.fixture
def village(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    """A project with its intake done and one club already on the list."""
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
    project.village.inhabitants = 5000
    inv.add(project, {"name": "VV Beesd"}, inv.load_catalogue(), NOW.date())
    store.create(folder, project)
    return folder, book


def keys_for(answers: dict[str, str], extra: dict[str, list[str]], present: set[str]) -> str:
    """Keystrokes for the whole walk: a name (or just Enter) for every typical type not yet
    present, then per sector the extra entries (each a string of keys), an Enter and "j" at
    the sector's "Klopt dit? j/n"."""
    keys = ""
    for sector, _, types in sectors_in_order(inv.load_catalogue()):
        for t in types:
            if t.id in present:
                continue
            keys += answers.get(t.id, "") + ENTER
        for entry in extra.get(sector, []):
            keys += entry
        keys += ENTER + "j" + ENTER
    return keys


def test_the_step_names_the_handler() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verkennen.inventaris")
    assert step is not None and step.handler == "inventory"
    assert "inventory" in HANDLERS and "inventory" in pb.STEP_HANDLERS


def test_walk_the_sectors(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("verkennen.inventaris")
    assert step is not None
    said: list[str] = []
    keys = keys_for(
        {
            "huisartsenpraktijk": "Huisartsenpraktijk De Linde",
            "ouderenbond": "KBO Beesd",
            "basisschool": "CBS De Wegwijzer",
        },
        {
            # a name the catalogue does not know: asked which type (Enter: weet ik niet),
            # then what kind it is (Enter: vrijwilligers)
            "zorg": ["Rode Kruis Beesd" + ENTER + ENTER + ENTER],
            # the football club again, spelled differently: refused in the prompt, erased
            "sport": ["v.v. Beesd" + ENTER + BACKSPACE * len("v.v. Beesd")],
            # recognised from its name: the type asked with the guess as default (Enter
            # keeps it), no question about the kind
            "cultuur": ["Fanfare Beesd" + ENTER + ENTER],
        },
        present={"voetbalvereniging"},
    )
    with keyboard(keys):
        HANDLERS["inventory"](wizard(folder, book, said), step)
    project = store.load(folder)
    by_name = {o.name: o for o in project.organisations}
    assert set(by_name) == {
        "VV Beesd",
        "Huisartsenpraktijk De Linde",
        "Rode Kruis Beesd",
        "KBO Beesd",
        "Fanfare Beesd",
        "CBS De Wegwijzer",
    }
    assert by_name["Huisartsenpraktijk De Linde"].type == "huisartsenpraktijk"
    assert by_name["Huisartsenpraktijk De Linde"].kind == "professioneel"
    assert by_name["Rode Kruis Beesd"].kind == "vrijwilligers"
    assert by_name["Rode Kruis Beesd"].sectors == ["zorg"]
    assert by_name["Fanfare Beesd"].type == "muziekvereniging"
    assert by_name["CBS De Wegwijzer"].sectors == ["educatie"]
    assert [o.id for o in project.organisations] == sorted(o.id for o in project.organisations)
    adds = [h for h in project.history if h.action == "org-add"]
    assert len(adds) == 5  # one history entry (and one transaction) per organisation
    assert any("5 organisaties toegevoegd" in s for s in said)
    assert any("al op de lijst: VV Beesd" in s for s in said)


def test_each_organisation_is_saved_at_once(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("verkennen.inventaris")
    assert step is not None
    # one GP, then Ctrl-C at the next question: the GP is kept
    keys = "Huisartsenpraktijk Beesd" + ENTER + CTRL_C
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, []), step)
    names = [o.name for o in store.load(folder).organisations]
    assert names == ["Huisartsenpraktijk Beesd", "VV Beesd"]


def test_running_out_of_keys_does_not_hang(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("verkennen.inventaris")
    assert step is not None
    with keyboard(ENTER * 3), pytest.raises(EOFError):
        HANDLERS["inventory"](wizard(folder, book, []), step)


def test_a_name_that_says_another_type_keeps_it(village: tuple[Path, pb.Playbook]) -> None:
    folder, book = village
    step = book.step("verkennen.inventaris")
    assert step is not None
    # 'Apotheek Beesd' typed at the physiotherapy question (the third in zorg)
    keys = ENTER + ENTER + "Apotheek Beesd" + ENTER + CTRL_C
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, []), step)
    org = next(o for o in store.load(folder).organisations if o.name == "Apotheek Beesd")
    assert org.type == "apotheek"


UP = "\x1b[A"


def walk_zorg(village: tuple[Path, pb.Playbook], entries: list[str]) -> list[str]:
    """The inventory step with ``entries`` typed at 'Nog een organisatie bij zorg?' (every
    typical question Enter), stopped with Ctrl-C in the next sector; what the wizard said."""
    folder, book = village
    step = book.step("verkennen.inventaris")
    assert step is not None
    zorg = sectors_in_order(inv.load_catalogue())[0]
    keys = ENTER * len(zorg[2]) + "".join(entries) + ENTER + CTRL_C
    said: list[str] = []
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, said), step)
    return said


def types_of(village: tuple[Path, pb.Playbook]) -> dict[str, tuple[str, str, list[str]]]:
    return {o.name: (o.type, o.kind, o.sectors) for o in store.load(village[0]).organisations}


def test_the_free_prompt_asks_the_type_with_the_recognised_one_as_default(village) -> None:
    walk_zorg(village, [
        "Gereformeerde Gemeente Beesd" + ENTER + ENTER,  # recognised: a church; Enter keeps it
        "Apotheek De Gaper" + ENTER + DOWN + ENTER,  # recognised, but the user picks the next
    ])  # fmt: skip
    got = types_of(village)
    assert got["Gereformeerde Gemeente Beesd"] == ("kerk", "vrijwilligers", ["levensbeschouwing"])
    # what the user chose wins over the name: the first type of the zorg list after the guess
    assert got["Apotheek De Gaper"][0] == "huisartsenpraktijk"


def test_the_free_prompt_asks_which_type_when_the_name_says_nothing(village) -> None:
    walk_zorg(village, [
        "De Linde" + ENTER + "1" + ENTER,  # the first type of the sector: a GP practice
        "Het Anker" + ENTER + ENTER + DOWN + ENTER,  # Weet ik niet; then: professioneel
        "De Vonk" + ENTER + UP + ENTER + "kk" + ENTER,  # the whole list; k, k: kerk
    ])  # fmt: skip
    got = types_of(village)
    assert got["De Linde"] == ("huisartsenpraktijk", "professioneel", ["zorg"])
    assert got["Het Anker"] == (inv.UNKNOWN_TYPE, "professioneel", ["zorg"])
    assert got["De Vonk"][0] == "kerk"


def test_the_type_question_offers_the_guess_then_the_sector(monkeypatch) -> None:
    from gzctl.wizard import inventory as wi

    catalogue = inv.load_catalogue()
    asked: list[tuple[str, list[tuple[str, str]], str]] = []

    def enter(label: str, options: list[tuple[str, str]], default: str, *_: str) -> str:
        asked.append((label, options, default))
        return default  # what Enter gives

    monkeypatch.setattr(wi, "_select", enter)
    assert wi.ask_type(catalogue, "Protestantse Gemeente Beesd", "zorg") == "kerk"
    label, options, _ = asked[-1]
    titles = [t for t, _ in options]
    assert label == "Wat voor organisatie is Protestantse Gemeente Beesd?"
    assert titles[0] == "kerk of diaconie (herkend aan de naam)"
    zorg = [t.name for t in catalogue.types if t.sectors[:1] == ("zorg",)]
    assert titles[1:-2] == zorg and titles[-2:] == [wi.ALL_TYPES, wi.DONT_KNOW]
    assert max(len(t) for t in titles) <= 76  # one line each at 80 columns, after the pointer
    # nothing recognised: Enter files it as unknown, never as a wrong guess
    assert wi.ask_type(catalogue, "De Linde", "zorg") == inv.UNKNOWN_TYPE
    assert asked[-1][1][0][0] == zorg[0]


def test_org_add_questions(tmp_path: Path) -> None:
    """What `gzctl org add` asks in a terminal: defaults from the recognised type, every
    value checked as it is typed, Dutch summaries of the checkboxes."""
    from gzctl.wizard.inventory import ask_organisation

    said: list[str] = []
    keys = (
        "Tennisclub De Linge" + ENTER
        + ENTER  # type: the recognised one
        + ENTER  # kind: vrijwilligers, from the type
        + ENTER  # sectors: sport, from the type
        + ENTER  # target groups: K J V O, from the type
        + "ca. 250" + ENTER
        + "Jan Smit" + ENTER + "secretaris" + ENTER
        + "jan@" + ENTER  # refused: the prompt stays
        + "tcdelinge.nl" + ENTER
        + ENTER + "Beste Jan" + ENTER
        + ENTER + "4153ab" + ENTER + ENTER + ENTER
    )  # fmt: skip
    with keyboard(keys):
        raw = ask_organisation(inv.load_catalogue(), None, {"place": "Beesd"}, said.append)
    assert raw["name"] == "Tennisclub De Linge"
    assert raw["kind"] == "vrijwilligers"
    assert raw["sectors"] == ["sport"] and raw["target_groups"] == ["K", "J", "V", "O"]
    assert raw["contact_email"] == "jan@tcdelinge.nl"
    assert raw["place"] == "Beesd"  # given as an option: not asked
    assert any("Doelgroepen" in s and "K, J, V, O" in s for s in said)
    project = new_project(pb.load(pb.DEFAULT_PLAYBOOK), "gemeenschapszorg", NOW.date())
    org = inv.add(project, raw, inv.load_catalogue(), NOW.date())
    assert org.type == "sportvereniging" and org.reach == 250 and org.postcode == "4153 AB"


def test_enter_on_a_name_already_on_the_list_skips_it(village) -> None:
    """Enter on a name already on the list skips it, says so, and the question comes back
    empty for the next name. Refusing it in the prompt's validator would leave the user
    stuck: prompt_toolkit does not validate unchanged text again, so Enter would do nothing."""
    said = walk_zorg(village, [
        "v.v. Beesd" + ENTER,  # skipped
        "De Linde" + ENTER + "1" + ENTER,  # asked afresh: a GP practice
    ])  # fmt: skip
    assert any("v.v. Beesd staat al op de lijst als VV Beesd" in s for s in said)
    got = types_of(village)
    assert set(got) == {"VV Beesd", "De Linde"}
    assert got["De Linde"][0] == "huisartsenpraktijk"


def test_a_typed_name_gets_room_and_words_stay_whole(monkeypatch) -> None:
    """At 80 columns the free prompt 'Nog een organisatie bij zorg? (naam, of Enter voor de
    volgende sector)' leaves room for a whole name ('Hervormde Gemeente' not broken by the
    terminal), and 'Wit-Gele Kruis' is not broken after its hyphen."""
    from gzctl.wizard import keys

    monkeypatch.setattr(keys, "screen_width", lambda: 80)
    message, instruction = keys.fit_prompt(
        "Nog een organisatie bij zorg?", "(naam, of Enter voor de volgende sector)", answer=30
    )
    assert instruction.startswith("\n  (naam")
    message, _ = keys.fit_prompt(
        "Welke thuisverpleging of gezinszorg werkt in de deelgemeente, zoals het Wit-Gele "
        "Kruis?", "(naam, of Enter)", answer=30
    )
    assert "Wit-Gele" in message
    assert "Wit-Gele" in keys.choice_title("x" * 70 + " thuisverpleging (Wit-Gele Kruis)")


def test_an_enter_too_many_never_skips_a_sector(village: tuple[Path, pb.Playbook]) -> None:
    """Issue 22: one Enter too many silently skipped a sector. Each sector now ends with its
    summary and a typed "Klopt dit? j/n": Enter alone asks again; "n" walks it once more."""
    folder, book = village
    step = book.step("verkennen.inventaris")
    assert step is not None
    sector, label, types = sectors_in_order(inv.load_catalogue())[0]
    n = len(types)
    keys = (
        ENTER * n + ENTER  # every type skipped, "nog een?" Enter
        + ENTER  # the Enter too many, at "Klopt dit?": asked again
        + "n" + ENTER  # no: the GP was missed
        + "Huisartsenpraktijk De Linde" + ENTER + ENTER * (n - 1) + ENTER
        + "j" + ENTER
        + CTRL_C
    )  # fmt: skip
    said: list[str] = []
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, said), step)
    project = store.load(folder)
    assert "Huisartsenpraktijk De Linde" in {o.name for o in project.organisations}
    assert project.wizard.parts == [f"verkennen.inventaris:{sector}"]
    text = "\n".join(said)
    assert f"[bold]{label}:[/] nog niemand op de lijst" in text
    assert "Typ j (klopt) of n (nog eens)" in text
    assert f"[bold]{label}:[/] Huisartsenpraktijk De Linde (nieuw)" in text


def test_a_near_duplicate_is_asked_about(village: tuple[Path, pb.Playbook]) -> None:
    """ "KBO" and "kbo heukelum" both landed on the list; now a name that differs only by
    the village's name is asked about, as an exact duplicate ('v.v. Beesd') is refused."""
    folder, book = village
    with store.transaction(folder, "t", NOW) as change:
        inv.add(change.project, {"name": "kbo beesd"}, inv.load_catalogue(), NOW.date())
    project = store.load(folder)
    assert inv.find_near_duplicate(project, "KBO").name == "kbo beesd"
    assert inv.find_near_duplicate(project, "KBO Geldermalsen") is None
    assert inv.find_near_duplicate(project, "kbo beesd") is None  # exact: find_duplicate's
    step = book.step("verkennen.inventaris")
    assert step is not None
    _, _, types = sectors_in_order(inv.load_catalogue())[0]
    keys = (
        "KBO" + ENTER  # at the first type question: near kbo beesd
        + ENTER  # "Is KBO hetzelfde als kbo beesd?" -> Ja (the default): not added
        + "KBO" + ENTER + DOWN + ENTER  # again, "Nee, een andere organisatie": added
        + CTRL_C
    )  # fmt: skip
    said: list[str] = []
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        HANDLERS["inventory"](wizard(folder, book, said), step)
    names = [o.name for o in store.load(folder).organisations]
    assert names.count("KBO") == 1 and "kbo beesd" in names
    assert any("KBO slaan we over: dat is kbo beesd" in s for s in said)
    assert types  # the first sector asks about types
