"""Issue 22 item 3: who takes part, several at once.

``gzctl org status ID... STATUS`` (one transaction, one history line, an unknown id refuses
all), and the wizard's "Wie doen er mee?" after the network evening's questions, after which
the "Wie kan ik bellen?" card and the website list the organisations ticked.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from conftest import ENTER, Prompt, Prompts
from test_wizard import NOW, wizard

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.errors import NotFound
from gzctl.network import inventory as inv
from gzctl.ops import orgs as ops_orgs
from gzctl.wizard import HANDLERS, new_project


def saved(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


def statuses(folder: Path) -> dict[str, str]:
    return {o["id"]: o["status"] for o in saved(folder)["organisations"]}


@pytest.fixture
def village(tmp_path: Path) -> tuple[Path, pb.Playbook]:
    """Four organisations on the list, none settled, the network evening answered."""
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    folder = tmp_path / "dorp"
    project = new_project(book, book.id, NOW.date())
    project.village.name = "Beesd"
    catalogue = inv.load_catalogue()
    for name, type_, phone in (
        ("VV Beesd", "voetbalvereniging", "0345 681234"),
        ("KBO Beesd", "ouderenbond", "0345 682345"),
        ("Huisartsenpraktijk Beesd", "huisarts", "0345 683456"),
        ("Imkers Beesd", "", ""),
    ):
        fields = {"name": name, "type": type_, "contact_phone": phone}
        inv.add(project, {k: v for k, v in fields.items() if v}, catalogue, NOW.date())
    store.create(folder, project)
    return folder, book


# ----------------------------------------------------------------------------- the command


def test_several_ids_at_once_one_history_line(village: tuple[Path, pb.Playbook], gz) -> None:
    folder, _ = village
    before = len(saved(folder).get("history", []))
    result = gz("-C", str(folder), "org", "status", "vv-beesd", "KBO Beesd", "aangesloten")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "VV Beesd: geïnventariseerd → aangesloten.",
        "KBO Beesd: geïnventariseerd → aangesloten.",
    ]
    assert statuses(folder)["vv-beesd"] == statuses(folder)["kbo-beesd"] == "aangesloten"
    assert statuses(folder)["imkers-beesd"] == "geïnventariseerd"
    history = saved(folder)["history"]
    assert len(history) == before + 1
    assert history[-1]["action"] == "org-status"
    assert history[-1]["ids"] == ["vv-beesd", "kbo-beesd"]
    assert "VV Beesd" in history[-1]["what"] and "KBO Beesd" in history[-1]["what"]


def test_one_id_as_before(village: tuple[Path, pb.Playbook], gz) -> None:
    folder, _ = village
    result = gz("-C", str(folder), "org", "status", "vv-beesd", "benaderd")
    assert result.code == 0 and result.out == "VV Beesd: geïnventariseerd → benaderd.\n"
    assert saved(folder)["history"][-1]["what"] == "VV Beesd: geïnventariseerd → benaderd"
    again = gz("-C", str(folder), "org", "status", "vv-beesd", "benaderd", "--datum", "1-11-2026")
    assert again.out == "VV Beesd: benaderd (datum bijgewerkt).\n"


def test_an_unknown_id_refuses_all(village: tuple[Path, pb.Playbook], gz) -> None:
    folder, _ = village
    text = (folder / "gzctl.toml").read_bytes()
    result = gz("-C", str(folder), "org", "status", "vv-beesd", "kbo-beest", "aangesloten")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "'kbo-beest'" in lines[0] and "Bedoelde je: kbo-beesd" in lines[0]
    assert "niets veranderd" in lines[0] and "unexpected" not in result.err
    assert (folder / "gzctl.toml").read_bytes() == text


def test_the_status_goes_last_and_is_required(village: tuple[Path, pb.Playbook], gz) -> None:
    folder, _ = village
    for args in (["aangesloten"], []):
        result = gz("-C", str(folder), "org", "status", *args)
        assert result.code == 2 and "argument ID ontbreekt." in result.err
    wrong = gz("-C", str(folder), "org", "status", "vv-beesd", "kbo-beesd", "lid-af")
    assert wrong.code == 2 and "status 'lid-af' ken ik niet" in wrong.err
    assert set(statuses(folder).values()) == {"geïnventariseerd"}


def test_the_op_checks_every_id_before_changing_any(village: tuple[Path, pb.Playbook]) -> None:
    folder, _ = village
    now = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)
    with pytest.raises(NotFound) as refused:
        ops_orgs.set_org_statuses(
            folder, ["vv-beesd", "gym", "kbo-beesd"], "aangesloten", who="Petra", now=now
        )
    assert "'gym'" in refused.value.message
    assert set(statuses(folder).values()) == {"geïnventariseerd"}
    changes = ops_orgs.set_org_statuses(
        folder, ["vv-beesd", "VV Beesd", "kbo-beesd"], "afgehaakt", who="Petra", now=now
    )
    assert [c.id for c in changes] == ["vv-beesd", "kbo-beesd"]  # the same one once
    assert saved(folder)["history"][-1]["who"] == "Petra"


# ----------------------------------------------------------------------------- the wizard


def test_the_network_evening_step_asks_who_takes_part() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("verbinden.netwerkavond")
    assert step is not None and step.handler == "participants"
    assert "participants" in HANDLERS and "participants" in pb.STEP_HANDLERS
    flemish = pb.load("zorgzame-buurt")
    step = flemish.step("verbinden.netwerkavond")
    assert step is not None and step.handler == "participants"


def _answers(p: Prompt) -> object:
    if p.kind == "select":
        return "nu"
    if p.message.startswith("Klopt dit?"):
        return "j"
    if p.message.startswith("Welke organisaties doen mee?"):
        return ["vv-beesd", "huisartsenpraktijk-beesd"]
    if p.message.startswith("Welke organisaties zeiden nee?"):
        assert p.values() == ["imkers-beesd", "kbo-beesd"]  # who takes part is not asked again
        return ["imkers-beesd"]
    raise AssertionError(p.message)


def test_ticked_in_the_wizard_then_on_the_card_and_the_site(
    village: tuple[Path, pb.Playbook], prompts: Prompts, gz
) -> None:
    folder, book = village
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    # before: the card is refused, nobody takes part
    refused = gz("-C", str(folder), "docs", "build", "--only", "netwerkoverzicht")
    assert refused.code == 2 and "nog geen organisatie is aangesloten" in refused.err
    prompts.answer = _answers
    said: list[str] = []
    HANDLERS["participants"](wizard(folder, book, said), step)
    assert statuses(folder) == {
        "vv-beesd": "aangesloten",
        "kbo-beesd": "geïnventariseerd",
        "huisartsenpraktijk-beesd": "aangesloten",
        "imkers-beesd": "afgehaakt",
    }
    assert [h["action"] for h in saved(folder)["history"][-2:]] == ["org-status"] * 2
    assert any("Welke organisaties doen mee?" in s and "VV Beesd" in s for s in said)

    built = gz("-C", str(folder), "docs", "build", "--only", "netwerkoverzicht", "--format", "md")
    assert built.code == 0, built.err
    card = (folder / "documenten" / "wie-kan-ik-bellen.md").read_text(encoding="utf-8")
    assert "VV Beesd" in card and "Huisartsenpraktijk Beesd" in card
    assert "Imkers Beesd" not in card and "KBO Beesd" not in card

    site = gz("-C", str(folder), "site", "build")
    assert site.code == 0, site.err
    pages = "".join(p.read_text(encoding="utf-8") for p in (folder / "website").glob("*.html"))
    assert "VV Beesd" in pages and "Huisartsenpraktijk Beesd" in pages
    assert "Imkers Beesd" not in pages


def test_later_saves_nothing_and_says_the_command(
    village: tuple[Path, pb.Playbook], prompts: Prompts
) -> None:
    folder, book = village
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    text = (folder / "gzctl.toml").read_bytes()
    prompts.answer = lambda p: "later"
    said: list[str] = []
    HANDLERS["participants"](wizard(folder, book, said), step)
    assert (folder / "gzctl.toml").read_bytes() == text
    assert [p.kind for p in prompts.asked] == ["select"]
    assert any("gzctl org status ID... aangesloten" in s for s in said)


def test_enter_on_the_checkboxes_changes_nothing(
    village: tuple[Path, pb.Playbook], prompts: Prompts
) -> None:
    folder, book = village
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    prompts.answer = lambda p: {"select": "nu", "text": "j"}.get(p.kind, [])
    HANDLERS["participants"](wizard(folder, book, []), step)
    assert set(statuses(folder).values()) == {"geïnventariseerd"}
    assert [p.kind for p in prompts.asked] == ["select", "checkbox", "checkbox", "text"]


def test_the_ticks_are_summed_up_and_can_be_done_again(
    village: tuple[Path, pb.Playbook], prompts: Prompts
) -> None:
    """Issue 22: a short summary per list ("Klopt dit? j/n") before moving on; "n" shows
    the lists again with the ticks given, so one more tick is enough."""
    folder, book = village
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    summaries: list[int] = []

    def answer(p: Prompt) -> object:
        if p.kind == "select":
            return "nu"
        if p.message.startswith("Klopt dit?"):
            summaries.append(1)
            return "n" if len(summaries) == 1 else "j"
        if p.message.startswith("Welke organisaties doen mee?"):
            ticked = [c.value for c in p.choices if c.checked]
            return ["vv-beesd"] if not ticked else [*ticked, "kbo-beesd"]
        return []

    prompts.answer = answer
    said: list[str] = []
    HANDLERS["participants"](wizard(folder, book, said), step)
    assert statuses(folder)["kbo-beesd"] == statuses(folder)["vv-beesd"] == "aangesloten"
    assert any(s.startswith("[bold]Doen mee:[/] VV Beesd ·") for s in said)
    assert len(summaries) == 2


def test_real_keys_tick_the_first(village: tuple[Path, pb.Playbook]) -> None:
    from conftest import SPACE, keyboard

    folder, book = village
    step = book.step("verbinden.netwerkavond")
    assert step is not None
    # "Ja, nu aanvinken" (the first), tick the first organisation, Enter; nobody said no
    with keyboard(ENTER + SPACE + ENTER + ENTER + "j" + ENTER):
        HANDLERS["participants"](wizard(folder, book, []), step)
    first = store.load(folder).organisations[0]
    assert first.status == "aangesloten"
    assert sum(o.status == "aangesloten" for o in store.load(folder).organisations) == 1


def test_a_card_of_members_without_numbers_still_names_them(
    village: tuple[Path, pb.Playbook], gz
) -> None:
    """Heukelum right after the wizard (issue 22 walk): eight organisations ticked as taking
    part, none with a phone number or e-mail yet. The card said '8 organisaties zijn
    aangesloten' and then printed the heading 'Waarvoor kun je bij wie terecht?' with
    nothing under it. Now it names them in one sentence, with no empty heading; one with a
    number is listed as before, the rest follow it by name."""
    folder, _ = village
    assert gz("-C", str(folder), "org", "status", "kbo-beesd", "imkers-beesd",
              "aangesloten").code == 0  # fmt: skip
    with store.transaction(folder, "tester", NOW) as change:
        for org in change.project.organisations:
            org.contact.phone = ""
    built = gz("-C", str(folder), "docs", "build", "--only", "netwerkoverzicht", "--format", "md")
    assert built.code == 0, built.err
    assert "e-mailadres, of alleen hun naam" in built.err
    card = (folder / "documenten" / "wie-kan-ik-bellen.md").read_text(encoding="utf-8")
    assert "Waarvoor kun je bij wie terecht?" not in card
    assert "Aangesloten bij" in card and "Imkers Beesd en KBO Beesd." in card
    with store.transaction(folder, "tester", NOW) as change:
        next(o for o in change.project.organisations if o.id == "kbo-beesd").contact.phone = (
            "0345 682345"
        )
    built = gz("-C", str(folder), "docs", "build", "--only", "netwerkoverzicht", "--format", "md",
               "--force")  # fmt: skip
    assert built.code == 0, built.err
    card = (folder / "documenten" / "wie-kan-ik-bellen.md").read_text(encoding="utf-8")
    assert "**KBO Beesd**" in card and "Verder doen mee: Imkers Beesd." in card
