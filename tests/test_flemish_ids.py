"""Issue 22, item 5: a Flemish village reads and types Flemish ids and words.

The Flemish stappenplan keeps the Dutch ids (state, documents and merges stay compatible) and
gives each Dutch-only one an id to show (``[shown_ids]`` in zorgzame-buurt.toml). Every screen
shows that id, every command that takes an id takes both, and no Flemish screen says
wethouder, kernteam, dorpskrant or Coördinator."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.errors import NotFound, PlaybookError

# Dutch-only words in an id (the Flemish equivalents: schepen, Sociaal Huis, dorpsblad,
# uittreksel uit het strafregister, 1712, UiTPAS, meerjarenplan, buurtwerker,
# seniorenvereniging, buurtzorgregisseur, lokaal bestuur)
DUTCH_IN_ID = re.compile(
    r"wethouder|kernteam|dorpskrant|coordinator|wijkteam|jeugdfonds|\.vog$|veiligthuis"
    r"|kernagenda|dorpsondersteuner|ouderenbond|welzijn_op_recept|gemeente"
)
# Dutch-only words on a Flemish screen ("welzijnscoördinator" is a Flemish job title, and
# "gzctl coordinator" a command word: only the role's Dutch name is matched)
DUTCH_ON_SCREEN = re.compile(
    r"(?i:wethouder|kernteam|dorpskrant|sociaal wijkteam|jeugdfonds|veilig ?thuis|kernagenda"
    r"|dorpsondersteuner|ouderenbond|\bVOG\b)|\bCoördinator"
)
SCREENS = [
    ["status"],
    ["status", "--alles"],
    ["next"],
    ["next", "--alles"],
    ["answers"],
    ["answers", "--alles"],
    ["planning"],
    ["log"],
    ["docs", "list"],
    ["org", "list"],
    ["playbook", "show", "--vragen"],
    ["coordinator", "profiel"],
]
ID_LINE = re.compile(r"^\s+((?:verkennen|verbinden|organiseren|doen|borgen)\.[a-z0-9_-]+)$")


@pytest.fixture(scope="module")
def flemish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Flemish demo village, made once for the module (read-only tests copy it)."""
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("vlaanderen")
    proc = subprocess.run(
        [sys.executable, "-m", "gzctl", "-C", str(base), "demo", "--vlaanderen"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return base / "voorbeelddorp-vlaanderen"


@pytest.fixture
def village(flemish: Path, tmp_path: Path) -> Path:
    """A copy of the Flemish demo this test may change."""
    import shutil

    folder = tmp_path / "heuvelkerke"
    shutil.copytree(flemish, folder, ignore=shutil.ignore_patterns("documenten", "website"))
    return folder


def test_every_id_of_the_flemish_playbook_a_user_reads_is_flemish() -> None:
    book = pb.load("zorgzame-buurt")
    ids = (
        [i.id for i in book.items] + [s.id for s in book.steps]
        + [q.id for q in book.questions()] + [m.id for m in book.milestones]
    )  # fmt: skip
    dutch = [book.shown(i) for i in ids if DUTCH_IN_ID.search(book.shown(i))]
    assert not dutch, f"Dutch-only ids shown in Flanders: {dutch}"
    # the canonical ids stay: the Dutch playbook's ids are all still there
    assert {i.id for i in pb.load("gemeenschapszorg").items} <= {i.id for i in book.items}
    assert book.item("organiseren.wethoudergesprek") is book.item("organiseren.schepengesprek")
    assert book.item("organiseren.schepengesprek").shown == "organiseren.schepengesprek"


def test_the_dutch_playbook_shows_its_own_ids() -> None:
    book = pb.load("gemeenschapszorg")
    assert book.shown_ids == ()
    assert all(i.shown == i.id for i in book.items)
    assert book.item("organiseren.schepengesprek") is None  # no Flemish id in a Dutch village


def test_the_flemish_next_shows_no_dutch_only_id(gz, flemish: Path) -> None:
    result = gz("-C", str(flemish), "next", "--alles")
    assert result.code == 0, result.err
    shown = [m.group(1) for line in result.out.splitlines() if (m := ID_LINE.match(line))]
    assert len(shown) >= 50, result.out  # every open action with its id
    assert "organiseren.dorpsbladrubriek" in shown and "organiseren.schepengesprek" in shown
    assert not [i for i in shown if DUTCH_IN_ID.search(i)], shown
    short = gz("-C", str(flemish), "status", "--alles")
    ids = [m.group(1) for line in short.out.splitlines() if (m := ID_LINE.match(line))]
    assert ids and ids[0] == shown[0], short.out  # the same Flemish ids as next
    assert not [i for i in ids if DUTCH_IN_ID.search(i)], ids


@pytest.mark.parametrize(
    ("typed", "undone"),
    [
        ("organiseren.schepengesprek", "organiseren.wethoudergesprek"),
        ("organiseren.wethoudergesprek", "organiseren.schepengesprek"),
        ("schepengesprek", "wethoudergesprek"),  # the part after the phase, either way
    ],
)
def test_done_and_undo_take_the_flemish_and_the_canonical_id(
    gz, village: Path, typed: str, undone: str
) -> None:
    assert "organiseren.wethoudergesprek" not in store.load(village).checklist
    result = gz("-C", str(village), "done", typed)
    assert result.code == 0, result.err
    assert "(organiseren.schepengesprek)" in result.out  # the Flemish id, whichever was typed
    entry = store.load(village).checklist.get("organiseren.wethoudergesprek")
    assert entry is not None and entry.done  # the state keeps the canonical id
    assert "organiseren.schepengesprek" not in store.load(village).checklist
    back = gz("-C", str(village), "undo", undone)
    assert back.code == 0, back.err
    assert "(organiseren.schepengesprek) staat weer open" in back.out
    assert "organiseren.wethoudergesprek" not in store.load(village).checklist


def test_a_mistyped_flemish_id_is_answered_with_flemish_ids(gz, village: Path) -> None:
    result = gz("-C", str(village), "done", "organiseren.schepengespre")
    assert result.code == 2
    assert "organiseren.schepengesprek" in result.err
    assert "wethouder" not in result.err


@pytest.mark.parametrize("args", SCREENS, ids=" ".join)
def test_flemish_screens_hold_no_dutch_only_word(gz, flemish: Path, args: list[str]) -> None:
    result = gz("-C", str(flemish), *args)
    assert result.code == 0, result.err
    found = DUTCH_ON_SCREEN.search(result.out + result.err)
    assert not found, f"gzctl {' '.join(args)}: '{found.group(0)}' in\n{result.out}"


def test_the_flemish_village_names_its_buurtzorgregisseur(gz, flemish: Path) -> None:
    status = gz("-C", str(flemish), "status").out
    assert re.search(r"^Buurtzorgregisseur: ", status, re.MULTILINE) or (
        "· Buurtzorgregisseur: " in status
    ), status
    assert "Buurtzorgregisseur aangesteld" in gz("-C", str(flemish), "log").out
    assert (flemish / "documenten" / "vacature-buurtzorgregisseur.md").is_file()
    assert not (flemish / "documenten" / "vacature-coordinator.md").exists()


def test_the_dutch_village_keeps_its_coordinator(gz, demo: Path) -> None:
    status = gz("-C", str(demo), "status").out
    assert "Coördinator: " in status and "regisseur" not in status
    assert (demo / "documenten" / "vacature-coordinator.md").is_file()


def test_steps_questions_and_answers_files_take_flemish_ids(village: Path) -> None:
    from gzctl.core.answers import parse_answers
    from gzctl.wizard.resume import find_question, find_step

    book = pb.load("zorgzame-buurt")
    assert find_step(book, "organiseren.buurtzorgregisseur").id == "organiseren.coordinator"
    assert find_step(book, "meerjarenplan").id == "borgen.kernagenda"
    assert find_step(book, "borgen.kernagenda").id == "borgen.kernagenda"
    assert find_question(book, "verkennen.sociaalhuis")[2].id == "verkennen.kernteam"
    assert find_question(book, "verkennen.kernteam")[2].id == "verkennen.kernteam"
    values, done = parse_answers(
        book,
        {"verkennen": {"sociaalhuis": True, "buurtwerker": False},
         "done": ["doen.strafregister", "doen.vog"]},
    )  # fmt: skip
    assert values == {"verkennen.kernteam": True, "verkennen.dorpsondersteuner": False}
    assert done == ["doen.vog", "doen.vog"]
    with pytest.raises(NotFound) as caught:
        find_step(book, "schepen")
    assert "kernagenda" not in caught.value.message


def _playbook(tmp_path: Path, table: str) -> Path:
    path = tmp_path / "eigen.toml"
    path.write_text('extends = "gemeenschapszorg"\n\n[shown_ids]\n' + table, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "fault"),
    [
        ('"verkennen.bestaatniet" = "verkennen.iets"\n', "onbekend id 'verkennen.bestaatniet'"),
        ('"verkennen.kernteamgesprek" = "doen.sociaalhuis"\n', "moet beginnen met 'verkennen.'"),
        ('"verkennen.kernteamgesprek" = "verkennen.plekkeuze"\n', "is al een ander id"),
        ('"verkennen.kernteamgesprek" = "Sociaal Huis"\n', "niet de vorm fase.naam"),
        (
            '"verkennen.kernteamgesprek" = "verkennen.x"\n"verkennen.plekkeuze" = "verkennen.x"\n',
            "'verkennen.x' is al een ander id",
        ),
    ],
)
def test_shown_ids_are_checked(tmp_path: Path, table: str, fault: str) -> None:
    with pytest.raises(PlaybookError) as caught:
        pb.load_playbook_file(_playbook(tmp_path, table))
    assert fault in caught.value.message
    assert "eigen.toml" in caught.value.message
