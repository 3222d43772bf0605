"""The parsed gzctl.toml kept between runs (core/statecache.py) and the save that renders and
checks only what changed (core/statetext.py).

What must hold: the text a save writes is byte for byte what store.dumps writes; a cache
entry is used only for exactly the bytes it was made from, by the user who made it (a
planted or tampered entry is never unpickled); a hand edit is seen at once; nothing is
written outside the village, and never through a link.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from pathlib import Path

import pytest

from gzctl.core import statecache, statetext, store
from gzctl.core.model import HistoryEntry, Organisation

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def entry(folder: Path) -> Path:
    return folder / statecache.FOLDER / statecache.ENTRY


def test_render_is_dumps_and_incremental_render_too(demo: Path) -> None:
    project = store.load(demo)
    made = statetext.render(project)
    assert made is not None
    text, pieces, fresh = made
    assert text == store.dumps(project)
    assert fresh["organisations"] == list(range(len(project.organisations)))

    old = copy.deepcopy(project)
    project.organisations[3].notes = "gebeld\nmet \"aanhalingstekens\" en é"
    project.organisations.insert(0, Organisation(id="nieuw", name="Nieuwe club"))
    project.organisations.reverse()  # everything moves: matched by id, checked again
    del project.places[0]
    project.history.append(HistoryEntry(at=NOW, who="t", action="x", what="y", ids=["a"]))
    again = statetext.render(project, old, pieces)
    assert again is not None
    new_text, new_pieces, new_fresh = again
    assert new_text == store.dumps(project)
    assert statetext.verify(project, new_pieces, new_fresh)
    assert store.parse(new_text, Path("gzctl.toml")) == project


def test_only_changed_pieces_are_rendered(demo: Path) -> None:
    project = store.load(demo)
    made = statetext.render(project)
    assert made is not None
    old = copy.deepcopy(project)
    project.organisations[5].reach = 1234
    again = statetext.render(project, old, made[1])
    assert again is not None
    assert again[2]["organisations"] == [5]
    assert again[2]["places"] == []


def test_verify_refuses_what_would_not_come_back(demo: Path) -> None:
    """A value TOML cannot hold as it is (microseconds are dropped) is not taken for saved."""
    project = store.load(demo)
    made = statetext.render(project)
    assert made is not None
    old = copy.deepcopy(project)
    project.history.append(
        HistoryEntry(at=NOW.replace(microsecond=5), who="t", action="x", what="y")
    )
    again = statetext.render(project, old, made[1])
    assert again is not None
    assert not statetext.verify(project, again[1], again[2])


def test_a_read_fills_the_cache_and_the_next_uses_it(gz, demo: Path, monkeypatch) -> None:
    assert gz("-C", str(demo), "status").code == 0
    assert entry(demo).is_file()
    ignore = demo / statecache.FOLDER / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"
    data = (demo / "gzctl.toml").read_bytes()
    cached = statecache.get(demo, data)
    assert cached == store.parse(data.decode("utf-8"), demo / "gzctl.toml")

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed although the cache holds these bytes")

    monkeypatch.setattr(store, "parse", no_parse)
    assert gz("-C", str(demo), "status").code == 0


def test_a_hand_edit_is_seen_at_once(gz, demo: Path) -> None:
    assert gz("-C", str(demo), "status").code == 0
    path = demo / "gzctl.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name = "Ooltwijk"', 'name = "Handwijk"', 1), encoding="utf-8")
    result = gz("-C", str(demo), "status")
    assert result.code == 0 and "Handwijk" in result.out
    broken = text.replace("schema_version = 1", "schema_version = 1\n[[[", 1)
    path.write_text(broken, encoding="utf-8")
    assert gz("-C", str(demo), "status").code == 2  # a broken file is reported, never cached


def test_saves_through_the_cache_write_what_a_full_save_writes(gz, demo: Path) -> None:
    item = None
    assert gz("-C", str(demo), "status").code == 0
    import json

    item = json.loads(gz("-C", str(demo), "next", "--json").out)[0]["id"]
    for verb in ("done", "undo", "done"):
        assert gz("-C", str(demo), verb, item).code == 0
        text = (demo / "gzctl.toml").read_text(encoding="utf-8")
        parsed = store.parse(text, demo / "gzctl.toml")
        assert text == store.dumps(parsed)
        assert statecache.get(demo, text.encode("utf-8")) == parsed
    assert (demo / statecache.FOLDER / statecache.PIECES).is_file()


def _source(demo: Path) -> store.Source:
    """The demo as a command opens it, after one save (which keeps the text's pieces)."""
    with store.transaction(demo, "t", NOW) as tx:
        tx.log("x", "eerste")
    assert (demo / statecache.FOLDER / statecache.PIECES).is_file()
    return store.load_source(demo)[1]


def test_a_save_that_declares_what_it_touches_loads_nothing_else_again(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``done`` declares it changes the checklist and the history: the organisations are then
    neither unpickled again nor compared, and the file is still what a full save writes."""
    assert gz("-C", str(demo), "status").code == 0  # fills the cache and the pieces
    monkeypatch.delenv("GZCTL_CHECK_TOUCHES")
    asked: list[set[str] | None] = []
    real = statecache.project_of

    def project_of(parts, only=None):
        asked.append(only)
        return real(parts, only)

    source = _source(demo)
    monkeypatch.setattr(statecache, "project_of", project_of)
    with store.transaction(demo, "t", NOW, source, frozenset({"checklist", "history"})) as tx:
        tx.project.checklist.clear()
        tx.log("x", "y")
    assert asked and all(only is not None and "organisations" not in only for only in asked)
    text = (demo / "gzctl.toml").read_text(encoding="utf-8")
    parsed = store.parse(text, demo / "gzctl.toml")
    assert text == store.dumps(parsed) and parsed.history[-1].what == "y"
    assert not parsed.checklist
    assert statecache.get(demo, text.encode("utf-8")) == parsed


def test_a_list_replaced_outside_what_was_declared_is_saved_all_the_same(
    gz, demo: Path
) -> None:
    assert gz("-C", str(demo), "status").code == 0
    with store.transaction(demo, "t", NOW, _source(demo), frozenset({"history"})) as tx:
        tx.project.organisations = [*tx.project.organisations, Organisation("nieuw", "Nieuw")]
    parsed = store.load(demo)
    assert parsed.organisations[-1].name == "Nieuw"
    assert (demo / "gzctl.toml").read_text(encoding="utf-8") == store.dumps(parsed)


def test_a_change_inside_a_list_outside_what_was_declared_is_caught_in_tests(
    gz, demo: Path
) -> None:
    """Changing an organisation in place in a save that declared it touches only the history
    would be lost: the tests (GZCTL_CHECK_TOUCHES) catch such a save, and nothing is written."""
    assert gz("-C", str(demo), "status").code == 0
    source = _source(demo)
    before = (demo / "gzctl.toml").read_bytes()
    with pytest.raises(AssertionError, match="organisations"):
        with store.transaction(demo, "t", NOW, source, frozenset({"history"})) as tx:
            tx.project.organisations[0].notes = "stilletjes veranderd"
            tx.log("x", "y")
    assert (demo / "gzctl.toml").read_bytes() == before


def test_a_planted_entry_is_never_unpickled(gz, demo: Path, tmp_path: Path) -> None:
    """An entry that came with the folder (git clone, zip) has no valid MAC: a pickle that
    would run code is not loaded."""
    assert gz("-C", str(demo), "status").code == 0
    marker = tmp_path / "pwned"

    class Boom:
        def __reduce__(self):
            return (Path.touch, (marker,))

    data = (demo / "gzctl.toml").read_bytes()
    payload = statecache._TAG + statecache.digest(data) + pickle.dumps(Boom())
    entry(demo).write_bytes(b"\0" * 32 + payload)
    result = gz("-C", str(demo), "status")
    assert result.code == 0 and "Ooltwijk" in result.out
    assert not marker.exists()


def test_another_users_entry_is_not_used(gz, demo: Path, monkeypatch) -> None:
    assert gz("-C", str(demo), "status").code == 0
    data = (demo / "gzctl.toml").read_bytes()
    assert statecache.get(demo, data) is not None
    monkeypatch.setattr(statecache, "_key", b"x" * 32)  # another user's key
    assert statecache.get(demo, data) is None


def test_a_tampered_entry_is_not_used(gz, demo: Path) -> None:
    assert gz("-C", str(demo), "status").code == 0
    raw = bytearray(entry(demo).read_bytes())
    raw[-10] ^= 0xFF
    entry(demo).write_bytes(bytes(raw))
    assert statecache.get(demo, (demo / "gzctl.toml").read_bytes()) is None
    assert gz("-C", str(demo), "status").code == 0


def test_a_linked_cache_folder_is_not_written_through(gz, demo: Path, tmp_path: Path) -> None:
    import shutil

    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.rmtree(demo / statecache.FOLDER, ignore_errors=True)
    (demo / statecache.FOLDER).symlink_to(elsewhere, target_is_directory=True)
    result = gz("-C", str(demo), "status")
    assert result.code == 0, result.err
    assert list(elsewhere.iterdir()) == []


def test_a_linked_lock_file_is_refused_not_truncated(
    gz, demo: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    lock = demo / store.LOCK_FILE
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)
    result = gz("-C", str(demo), "org", "add", "Nieuwe club")
    assert result.code == 2, result.err  # a link refused: bad input
    assert "symbolische koppeling" in result.err
    assert victim.read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_lists_short_enough_for_one_line_are_written_as_dumps_writes_them(count: int) -> None:
    from gzctl.core.model import Person, Project

    project = Project()
    project.initiators = [Person(name=f"P{i}") for i in range(count)]
    made = statetext.render(project)
    assert made is not None
    assert made[0] == store.dumps(project)
