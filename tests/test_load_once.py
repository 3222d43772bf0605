"""A command reads, checks and unpickles its project once (issue 25, item 7: ``done`` with
50,000 organisations), and the shortcuts that make that fast keep every state rule.

What must hold: ``done`` unpickles the whole project once and never parses when the cache
is filled; a change made by another process between the open and the transaction is not
lost (the opened project is used only when the file still holds the bytes it came from);
a transaction that failed hands its half-changed project to nobody; the lists to compare
and the pieces of the last save are made ready before the lock is taken; the save's
check still refuses a changed element that breaks a rule; the fast paths of ``org list``,
``status`` and the open's checks answer as the slow ones.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gzctl.core import statecache, store
from gzctl.core.errors import UsageProblem
from gzctl.network import session

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def _filled(gz, folder: Path) -> None:
    """A save and a read: the cache holds the parsed state and the pieces of its text."""
    first = next(iter(store.load(folder).checklist), None)
    assert gz("-C", str(folder), "done", "1").code == 0
    assert gz("-C", str(folder), "status").code == 0
    assert (folder / statecache.FOLDER / statecache.PIECES).is_file(), first


class Counted:
    """Counts the whole-project unpickles and the parses of gzctl.toml."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.unpickled = 0
        self.parsed = 0
        real_of, real_parse = statecache.project_of, store._parse_quietly

        def project_of(parts, only=None):  # type: ignore[no-untyped-def]
            if only is None:
                self.unpickled += 1
            return real_of(parts, only)

        def parse(text, path):  # type: ignore[no-untyped-def]
            self.parsed += 1
            return real_parse(text, path)

        monkeypatch.setattr(statecache, "project_of", project_of)
        monkeypatch.setattr(store, "_parse_quietly", parse)


def test_done_loads_the_project_once(gz, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filled(gz, demo)
    counted = Counted(monkeypatch)
    result = gz("-C", str(demo), "done", "1")
    assert result.code == 0, result.err
    assert (counted.unpickled, counted.parsed) == (1, 0)
    # and what it wrote is what a full render of the loaded state writes, byte for byte
    text = (demo / store.STATE_FILE).read_text(encoding="utf-8")
    assert text == store.dumps(store.parse(text, demo / store.STATE_FILE))
    counted.unpickled = 0
    assert gz("-C", str(demo), "undo", result.out.split("(")[-1].split(")")[0]).code == 0
    assert (counted.unpickled, counted.parsed) == (1, 0)


def test_a_change_between_open_and_save_is_not_lost(gz, demo: Path) -> None:
    """The opened project is the one changed only while the file is as it was opened."""
    from gzctl.ops.progress import mark_done

    _filled(gz, demo)
    opened = session.open_project(str(demo))
    with store.transaction(demo, "ander", NOW) as tx:  # another process, meanwhile
        tx.project.village.name = "Anderdorp"
        tx.log("edit", "Dorpsnaam", [])
    item = next(i for i in opened.playbook.items if i.id not in opened.project.checklist)
    mark_done(opened, [item.id], who="tester", now=NOW)
    after = store.load(demo)
    assert after.village.name == "Anderdorp"
    assert after.checklist[item.id].done
    assert [h.action for h in after.history[-2:]] == ["edit", "done"]


def test_a_failed_transaction_hands_its_project_to_nobody(gz, demo: Path) -> None:
    from gzctl.ops.project import transaction

    _filled(gz, demo)
    opened = session.open_project(str(demo))
    name = opened.project.village.name
    with pytest.raises(RuntimeError):
        with transaction(opened, "tester", NOW) as tx:
            assert tx.project is opened.project  # loaded once: the opened project itself
            tx.project.village.name = "Half veranderd"
            raise RuntimeError("halverwege")
    with transaction(opened, "tester", NOW) as tx:
        assert tx.project is not opened.project  # loaded anew: the source was taken
        tx.log("edit", "iets", [])
    assert store.load(demo).village.name == name


def test_the_comparison_is_made_ready_before_the_lock(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import contextmanager

    _filled(gz, demo)
    events: list[str] = []
    real_locked, real_pieces = store.locked, statecache.get_pieces

    @contextmanager
    def locked(folder: Path):  # type: ignore[no-untyped-def]
        events.append("lock")
        with real_locked(folder):
            yield
        events.append("unlock")

    def get_pieces(folder: Path, data: bytes):  # type: ignore[no-untyped-def]
        events.append("pieces")
        return real_pieces(folder, data)

    monkeypatch.setattr(store, "locked", locked)
    monkeypatch.setattr(statecache, "get_pieces", get_pieces)
    assert gz("-C", str(demo), "done", "1").code == 0
    assert events == ["pieces", "lock", "unlock"]


def test_the_save_still_refuses_a_changed_element_that_breaks_a_rule(
    gz, demo: Path
) -> None:
    """Only the fresh elements are checked again: a fresh one that breaks a rule is refused,
    the file left as it was."""
    from gzctl.ops.project import transaction

    _filled(gz, demo)
    before = (demo / store.STATE_FILE).read_bytes()
    opened = session.open_project(str(demo))
    with pytest.raises(UsageProblem):
        with transaction(opened, "tester", NOW) as tx:
            tx.project.organisations[-1].reach = -5
    with pytest.raises(UsageProblem):
        with store.transaction(demo, "tester", NOW) as change:
            change.project.organisations[0].name = "x" * 5000
    assert (demo / store.STATE_FILE).read_bytes() == before


def test_a_number_read_as_text_is_not_handed_on(gz, demo: Path) -> None:
    """An answer the open reads differently than stored (a number where a text is asked):
    the transaction starts from the file, not from the project as read."""
    path = demo / store.STATE_FILE
    text = path.read_text(encoding="utf-8")
    assert 'netwerknaam = "Ooltwijk Samen"' in text
    assert session.open_project(str(demo)).source is not None
    path.write_text(text.replace('netwerknaam = "Ooltwijk Samen"', "netwerknaam = 1234"), "utf-8")
    opened = session.open_project(str(demo))
    assert opened.project.answers["verbinden.netwerknaam"] == "1234"
    assert opened.source is None


def test_table_fast_path_prints_what_the_cell_by_cell_path_prints() -> None:
    from gzctl.cli.table import Column, render

    columns = [Column("Id", style="cyan"), Column("Naam"), Column("Aantal", right=True)]
    rows = [[f"org-{i}", f"Club {'x' * (i % 7)} {i}", str(i * 37 % 1000)] for i in range(200)]
    plain = render(columns, rows, None)  # no paint: one format call per row
    marked = render(columns, rows, None, lambda style, text: f"<{text}>")
    assert plain == marked.replace("<", "").replace(">", "")
    assert plain.splitlines()[2] == "org-0".ljust(7) + "  " + "Club  0".ljust(15) + "       0"


def test_fold_of_ascii_is_the_full_fold() -> None:
    import re
    import unicodedata

    from gzctl.network.facts import _fold

    def full(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
        return " ".join(re.sub(r"[^\w]+", " ", plain).split())

    texts = ("Dorpshuis De Schakel", "  KBO-Ooltwijk!! ", "Café 't Hoekje", "a_b  c.d",
             "Öztürk & Zn.", "", "dorpshuis-de-schakel", "Dorpshuis De Schakels", "DE SCHAKEL",
             "Ca fe 't Hoekje", "Straße 1", "#!")  # fmt: skip
    for text in texts:
        assert _fold(text) == full(text)
    # the one-expression match of ASCII names says what folding them says
    from gzctl.network.facts import _same_name

    for keys in (["dorpshuis de schakel", "cafe t hoekje", "strasse 1"], ["café"], [""]):
        where = dict.fromkeys(keys)
        named = _same_name(where)
        for text in texts:
            assert named(text) == (full(text) in where), (keys, text)


def test_the_open_names_the_fault_the_fast_check_finds(demo: Path) -> None:
    from gzctl.core.errors import StateError

    path = demo / store.STATE_FILE
    text = path.read_text(encoding="utf-8")
    project = store.load(demo)
    second = project.organisations[1].id
    path.write_text(
        text.replace(f'id = "{second}"', f'id = "{project.organisations[0].id}"', 1),
        encoding="utf-8",
    )
    with pytest.raises(StateError, match="twee keer"):
        session.open_project(str(demo))
