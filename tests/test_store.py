"""gzctl.toml: deterministic, atomic, locked, and never overwritten when broken."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest

from gzctl.core import store
from gzctl.core.errors import StateError
from gzctl.core.model import Project


def test_saving_twice_is_byte_identical(project: Path) -> None:
    path = project / "gzctl.toml"
    first = path.read_bytes()
    loaded = store.load(project)
    assert store.dumps(loaded).encode("utf-8") == first
    store.write_atomic(path, store.dumps(loaded))
    assert path.read_bytes() == first


def test_demo_roundtrip_is_byte_identical(demo: Path) -> None:
    text = (demo / "gzctl.toml").read_text(encoding="utf-8")
    assert store.dumps(store.parse(text, demo / "gzctl.toml")) == text


def test_small_change_gives_small_diff(gz, demo: Path) -> None:
    before = (demo / "gzctl.toml").read_text(encoding="utf-8").splitlines()
    assert gz("-C", str(demo), "done", "verkennen.lerendnetwerk").code == 0
    after = (demo / "gzctl.toml").read_text(encoding="utf-8").splitlines()
    import difflib

    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    # the checklist entry (header + 3 keys) and one history entry (header + 4 keys + ids)
    assert len(changed) <= 16, changed
    assert all(line.startswith("+") for line in changed)


def test_invalid_toml_is_named_and_left_alone(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8").replace('name = "Beesd"', 'name = "Beesd')
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    line = text.splitlines().index('name = "Beesd') + 1
    for args in (["status"], ["done", "verkennen.medestarter"], ["next"], ["log"]):
        result = gz("-C", str(project), *args)
        assert result.code == 2, args
        assert f"regel {line}" in result.err
        assert "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_wrong_type_names_key_and_line(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8").replace(
        "inhabitants = 5000", 'inhabitants = "vijfduizend"'
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = gz("-C", str(project), "done", "verkennen.medestarter")
    assert result.code == 2
    line = text.splitlines().index('inhabitants = "vijfduizend"') + 1
    assert "'village.inhabitants' moet een geheel getal zijn" in result.err
    assert f"regel {line}" in result.err
    assert path.read_bytes() == before


def test_unknown_key_is_named_with_suggestion(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[village]", "[vilage]"), encoding="utf-8"
    )
    result = gz("-C", str(project), "status")
    assert result.code == 2
    assert "'vilage' onbekende sleutel" in result.err and "village" in result.err


def test_newer_schema_version_is_refused(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("schema_version = 1", "schema_version = 99"),
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = gz("-C", str(project), "done", "verkennen.medestarter")
    assert result.code == 2
    assert "schema_version 99" in result.err
    assert path.read_bytes() == before


def test_migration_path_runs_old_files(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    """A schema-1 file read by a gzctl whose schema is 2 goes through MIGRATIONS[1]."""
    seen = []

    def one_to_two(data: dict) -> dict:
        seen.append(data["schema_version"])
        data["village"]["name"] = data["village"]["name"].upper()
        return data

    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store.MIGRATIONS, 1, one_to_two)
    loaded = store.load(project)
    assert seen == [1]
    assert loaded.village.name == "BEESD"
    assert loaded.schema_version == 2


def test_missing_migration_is_an_error(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    with pytest.raises(StateError, match="geen omzetting"):
        store.load(project)


def test_failed_change_leaves_file_untouched(project: Path) -> None:
    path = project / "gzctl.toml"
    before = path.read_bytes()
    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    with pytest.raises(RuntimeError):
        with store.transaction(project, "x", now) as change:
            change.project.village.name = "Anders"
            raise RuntimeError("halfway")
    assert path.read_bytes() == before
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


def _append_initiators(folder: str, worker: int, count: int) -> None:
    from gzctl.core.model import Person

    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    for i in range(count):
        with store.transaction(Path(folder), f"w{worker}", now) as change:
            change.project.initiators.append(Person(name=f"p{worker}-{i}"))


def test_two_processes_never_lose_an_update(project: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_initiators, args=(str(project), w, 15)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    names = {p.name for p in store.load(project).initiators}
    assert {f"p{w}-{i}" for w in range(2) for i in range(15)} <= names


def test_find_project_walks_up(project: Path) -> None:
    deep = project / "documenten" / "brieven"
    deep.mkdir(parents=True)
    assert store.find_project(deep) == project.resolve()


def test_history_is_written_last(demo: Path) -> None:
    text = (demo / "gzctl.toml").read_text(encoding="utf-8")
    first_history = text.index("[[history]]")
    assert "[checklist" not in text[first_history:]
    assert "[village]" in text[:first_history]


def test_empty_project_roundtrip() -> None:
    p = Project()
    assert store.parse(store.dumps(p), Path("gzctl.toml")) == p


def test_hand_edited_answer_of_wrong_type(gz, project: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.toml"
    answers.write_text("[verkennen]\nstartdatum = 2027-01-15\n", encoding="utf-8")
    assert gz("-C", str(project), "wizard", "--answers", str(answers)).code == 0
    path = project / "gzctl.toml"
    text = path.read_text(encoding="utf-8").replace(
        "startdatum = 2027-01-15", 'startdatum = "morgen"'
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('startdatum = "morgen"') + 1
    result = gz("-C", str(project), "status")
    assert result.code == 2
    assert "answers.verkennen.startdatum" in result.err and f"regel {line}" in result.err


def test_writes_keep_the_file_shareable(project: Path, gz) -> None:
    """mkstemp makes files private; a rewritten gzctl.toml keeps the mode it had."""
    import stat

    path = project / "gzctl.toml"
    path.chmod(0o664)
    assert gz("-C", str(project), "done", "verkennen.eerderonderzoek").code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
