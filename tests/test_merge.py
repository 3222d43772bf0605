"""Two clones of one village, merged by real git through gzctl's merge driver."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from gzctl.core import merge
from gzctl.core.store import parse

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
    reason="git is not installed",
)

ANSWERS = """\
[village]
name = "Beesd"
municipality = "West Betuwe"
province = "Gelderland"
inhabitants = 5000

[[initiators]]
name = "Petra de Vries"
"""


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def identify(folder: Path, name: str) -> None:
    git(folder, "config", "user.name", name)
    git(folder, "config", "user.email", f"{name}@example.nl")


@pytest.fixture
def clones(tmp_path: Path, gz, monkeypatch: pytest.MonkeyPatch):
    """A village in a bare 'forge' repository and two clones, a (autocommit on) and b."""
    answers = tmp_path / "antwoorden.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    forge = tmp_path / "forge.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(forge))
    a = tmp_path / "a"
    git(tmp_path, "init", "--quiet", "-b", "main", str(a))
    identify(a, "anna")
    assert gz("init", str(a), "--answers", str(answers)).code == 0
    assert gz("-C", str(a), "config", "git.autocommit", "true").code == 0
    git(a, "add", "-A")
    git(a, "commit", "--quiet", "-m", "start")
    git(a, "remote", "add", "origin", str(forge))
    git(a, "push", "--quiet", "origin", "main")
    b = tmp_path / "b"
    git(tmp_path, "clone", "--quiet", str(forge), str(b))
    identify(b, "bob")

    def as_user(user: str, when: str, *args: str):
        monkeypatch.setenv("GZCTL_USER", user)
        monkeypatch.setenv("GZCTL_NOW", when)
        return gz(*args)

    return a, b, as_user


def status(gz, folder: Path) -> dict:
    result = gz("-C", str(folder), "status", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def done_ids(folder: Path) -> set[str]:
    data = tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))
    return {k for k, v in data.get("checklist", {}).items() if v.get("done")}


def test_init_routes_gzctl_toml_to_the_driver(clones) -> None:
    a, b, _ = clones
    assert (a / ".gitattributes").read_text() == "gzctl.toml merge=gzctl\n"
    assert "mergedriver" in git(a, "config", "--get", "merge.gzctl.driver").stdout
    # .gitattributes travels with the clone; the command itself never does (git's rule)
    assert (b / ".gitattributes").is_file()
    assert git(b, "config", "--get", "merge.gzctl.driver", check=False).returncode == 1


def test_two_clones_tick_different_items_and_pull_cleanly(clones, gz) -> None:
    a, b, as_user = clones
    assert (
        as_user(
            "anna", "2026-11-22T10:00:00+01:00", "-C", str(a), "done", "verkennen.medestarter"
        ).code
        == 0
    )
    # b turns on autocommit in its own clone: that registers the driver there
    assert (
        as_user(
            "bob", "2026-11-22T11:00:00+01:00", "-C", str(b), "done", "verkennen.dorpsgegevens"
        ).code
        == 0
    )
    result = as_user("bob", "2026-11-22T11:05:00+01:00", "-C", str(b), "merge", "setup")
    assert result.code == 0, result.err
    git(a, "push", "--quiet", "origin", "main")
    pulled = git(b, "pull", "--no-rebase", "--no-edit", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    text = (b / "gzctl.toml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    assert {"verkennen.medestarter", "verkennen.dorpsgegevens"} <= done_ids(b)
    data = status(gz, b)
    assert data["progress"]["done"] == 2
    assert "conflicts" not in data
    # history ordered by time, both ticks present
    at = [h["at"] for h in tomllib.loads(text)["history"]]
    assert at == sorted(at)


def test_same_answer_changed_two_ways_is_a_conflict_status_shows(clones, gz, tmp_path) -> None:
    a, b, as_user = clones
    one, two = tmp_path / "m1.toml", tmp_path / "m2.toml"
    one.write_text('[verbinden]\nmissie = "Samen sterk"\n', encoding="utf-8")
    two.write_text('[verbinden]\nmissie = "Niemand alleen"\n', encoding="utf-8")
    assert (
        as_user(
            "anna", "2026-11-22T10:00:00+01:00", "-C", str(a), "wizard", "--answers", str(one)
        ).code
        == 0
    )
    git(a, "push", "--quiet", "origin", "main")
    assert (
        as_user(
            "bob", "2026-11-22T11:00:00+01:00", "-C", str(b), "config", "git.autocommit", "true"
        ).code
        == 0
    )  # already on from the clone; registers the driver
    assert (
        as_user(
            "bob", "2026-11-22T11:00:00+01:00", "-C", str(b), "wizard", "--answers", str(two)
        ).code
        == 0
    )
    assert (
        as_user("bob", "2026-11-22T11:01:00+01:00", "-C", str(b), "org", "add", "VV Beesd").code
        == 0
    )
    pulled = git(b, "pull", "--no-rebase", "--no-edit", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    shown = gz("-C", str(b), "status")
    assert shown.code == 0
    assert "Samenvoegconflict" in shown.out
    assert "answers.verbinden.missie: 'Niemand alleen' of 'Samen sterk'" in shown.out
    data = status(gz, b)
    assert data["conflicts"][0]["key"] == "answers.verbinden.missie"
    assert data["organisations"]["inventoried"] == 1
    listed = gz("-C", str(b), "merge", "conflicts")
    assert "door anna" in listed.out and "door bob" in listed.out
    resolved = gz("-C", str(b), "merge", "resolve", "answers.verbinden.missie", "--other")
    assert resolved.code == 0, resolved.err
    assert "Opgelost" in resolved.out
    text = (b / "gzctl.toml").read_text(encoding="utf-8")
    assert 'missie = "Samen sterk"' in text and "[[conflicts]]" not in text
    assert "conflicts" not in status(gz, b)
    assert "Samenvoegconflict opgelost" in git(b, "log", "-1", "--format=%s").stdout


def test_resolve_errors_are_dutch(clones, gz) -> None:
    a, _, _ = clones
    none = gz("-C", str(a), "merge", "resolve", "answers.x", "--mine")
    assert none.code == 2 and "geen samenvoegconflicten" in none.err
    both = gz("-C", str(a), "merge", "resolve", "answers.x", "--mine", "--other")
    assert both.code == 2 and "Kies --mine" in both.err
    assert "Traceback" not in none.err + both.err


def test_setup_repairs_a_line_merge_that_already_happened(clones, gz) -> None:
    """A clone that pulled before the driver was registered has conflict markers: gzctl
    says how to repair, and `merge setup` redoes the merge from git's three versions."""
    a, b, as_user = clones
    assert (
        as_user(
            "anna", "2026-11-22T10:00:00+01:00", "-C", str(a), "config", "git.autocommit", "false"
        ).code
        == 0
    )
    assert (
        as_user(
            "anna", "2026-11-22T10:01:00+01:00", "-C", str(a), "done", "verkennen.medestarter"
        ).code
        == 0
    )
    git(a, "commit", "--quiet", "-am", "anna")
    # as in a fresh clone in which no gzctl command ran yet (the first one sets the driver up)
    git(a, "config", "--remove-section", "merge.gzctl")
    assert (
        as_user(
            "bob", "2026-11-22T11:00:00+01:00", "-C", str(b), "done", "verkennen.dorpsgegevens"
        ).code
        == 0
    )
    git(b, "push", "--quiet", "origin", "main")
    pulled = git(a, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode != 0  # git's own line merge: a conflict
    broken = gz("-C", str(a), "status")
    assert broken.code == 2 and f"gzctl -C {a} merge setup" in broken.err  # pasteable hint
    fixed = gz("-C", str(a), "merge", "setup")
    assert fixed.code == 0, fixed.err
    assert "opnieuw samengevoegd" in fixed.out
    git(a, "commit", "--quiet", "--no-edit")
    assert {"verkennen.medestarter", "verkennen.dorpsgegevens"} <= done_ids(a)


def test_setup_outside_git_is_refused(project: Path, gz) -> None:
    result = gz("-C", str(project), "merge", "setup")
    assert result.code == 1 and "geen git-repository" in result.err


# --------------------------------------------------------------------------- the pure merge


def _text(gz, folder: Path) -> str:
    return (folder / "gzctl.toml").read_text(encoding="utf-8")


def test_candidates_added_on_both_sides_both_stay(project: Path, gz, tmp_path: Path) -> None:
    base = _text(gz, project)
    assert gz("-C", str(project), "coordinator", "candidate", "add", "Karin").code == 0
    mine = _text(gz, project)
    (project / "gzctl.toml").write_text(base, encoding="utf-8")
    assert gz("-C", str(project), "coordinator", "candidate", "add", "Youssef").code == 0
    other = _text(gz, project)
    result = merge.merge_texts(base, mine, other)
    merged = parse(result.text, Path("gzctl.toml"))
    names = {c.id: c.name for c in merged.coordinator.candidates}
    assert names == {"kandidaat-1": "Karin", "kandidaat-2": "Youssef"}
    assert result.renamed == {"kandidaat-1": "kandidaat-2"}
    assert not result.conflicts


def test_removed_on_one_side_edited_on_the_other_keeps_the_record(project: Path, gz) -> None:
    assert gz("-C", str(project), "org", "add", "VV Beesd").code == 0
    base = _text(gz, project)
    assert gz("-C", str(project), "org", "remove", "vv-beesd", "--yes").code == 0
    mine = _text(gz, project)
    (project / "gzctl.toml").write_text(base, encoding="utf-8")
    assert gz("-C", str(project), "org", "edit", "vv-beesd", "--achterban", "300").code == 0
    other = _text(gz, project)
    result = merge.merge_texts(base, mine, other)
    assert [c.key for c in result.conflicts] == ["organisations.vv-beesd"]
    merged = parse(result.text, Path("gzctl.toml"))
    assert [o.reach for o in merged.organisations] == [300]
    settled, _ = merge.resolve(merged, "organisations.vv-beesd", "mine")
    assert settled.organisations == [] and settled.conflicts == []


def test_merge_is_symmetric_apart_from_whose_value_is_kept(project: Path, gz, monkeypatch) -> None:
    base = _text(gz, project)
    assert gz("-C", str(project), "done", "verkennen.medestarter").code == 0
    assert gz("-C", str(project), "org", "add", "KBO Beesd").code == 0
    mine = _text(gz, project)
    (project / "gzctl.toml").write_text(base, encoding="utf-8")
    monkeypatch.setenv("GZCTL_USER", "bob")
    assert gz("-C", str(project), "org", "add", "Dorpshuis De Kom").code == 0
    other = _text(gz, project)
    assert merge.merge_texts(base, mine, other).text == merge.merge_texts(base, other, mine).text


# --------------------------------------------------------------------------- property

ITEMS = [
    "verkennen.medestarter",
    "verkennen.dorpsgegevens",
    "verkennen.eerderonderzoek",
    "verbinden.drieclubs",
]
ORGS = ["VV Beesd", "KBO Beesd", "Dorpshuis De Kom", "Zonnebloem Beesd"]
MISSIONS = ["Samen sterk", "Niemand alleen", "Iedereen doet mee"]

command = st.one_of(
    st.tuples(st.just("done"), st.sampled_from(ITEMS)),
    st.tuples(st.just("undo"), st.sampled_from(ITEMS)),
    st.tuples(st.just("org"), st.sampled_from(ORGS)),
    st.tuples(st.just("missie"), st.sampled_from(MISSIONS)),
    st.tuples(st.just("activity"), st.sampled_from(["Koffieochtend", "Beweegweek"])),
)


def _apply(as_user, folder: Path, user: str, hour: int, steps, tmp: Path) -> None:
    for i, (verb, arg) in enumerate(steps):
        when = f"2026-11-22T{hour:02d}:{i:02d}:00+01:00"
        if verb == "done":
            args = ["done", arg]
        elif verb == "undo":
            args = ["undo", arg]
        elif verb == "org":
            args = ["org", "add", arg]
        elif verb == "activity":
            args = ["activity", "add", arg, "--datum", f"{10 + hour % 10}-01-2027"]
        else:
            answers = tmp / f"{user}-{i}.toml"
            answers.write_text(f'[verbinden]\nmissie = "{arg}"\n', encoding="utf-8")
            args = ["wizard", "--answers", str(answers)]
        result = as_user(user, when, "-C", str(folder), *args)
        assert result.code in (0, 1, 2), result.err  # 1: refused (a twin); 2: undo of an open item


def _entries(folder: Path) -> dict:
    return tomllib.loads((folder / "gzctl.toml").read_text(encoding="utf-8"))


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    base_steps=st.lists(command, max_size=3),
    mine=st.lists(command, min_size=1, max_size=4),
    theirs=st.lists(command, min_size=1, max_size=4),
)
@example(  # the scenario: different ticks, one answer changed two ways
    base_steps=[("done", "verkennen.eerderonderzoek")],
    mine=[("done", "verkennen.medestarter"), ("missie", "Samen sterk"), ("org", "VV Beesd")],
    theirs=[
        ("done", "verkennen.dorpsgegevens"),
        ("missie", "Niemand alleen"),
        ("undo", "verkennen.eerderonderzoek"),
        ("activity", "Beweegweek"),
    ],
)
@example(  # the same item ticked and an organisation added on both sides
    base_steps=[],
    mine=[("done", "verkennen.medestarter"), ("org", "KBO Beesd")],
    theirs=[
        ("done", "verkennen.medestarter"),
        ("org", "KBO Beesd"),
        ("undo", "verkennen.medestarter"),
    ],
)
def test_any_two_command_sequences_merge(
    tmp_path_factory, gz, monkeypatch, base_steps, mine, theirs
) -> None:
    root = tmp_path_factory.mktemp("prop")
    answers = root / "antwoorden.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    a = root / "a"
    git(root, "init", "--quiet", "-b", "main", str(a))
    identify(a, "anna")

    def as_user(user: str, when: str, *args: str):
        monkeypatch.setenv("GZCTL_USER", user)
        monkeypatch.setenv("GZCTL_NOW", when)
        return gz(*args)

    assert (
        as_user("anna", "2026-11-22T08:00:00+01:00", "init", str(a), "--answers", str(answers)).code
        == 0
    )
    _apply(as_user, a, "anna", 9, base_steps, root)
    git(a, "add", "-A")
    git(a, "commit", "--quiet", "-m", "base")
    git(a, "branch", "theirs")
    _apply(as_user, a, "anna", 10, mine, root)
    git(a, "commit", "--quiet", "--allow-empty", "-am", "mine")
    mine_state = _entries(a)
    git(a, "checkout", "--quiet", "theirs")
    _apply(as_user, a, "bob", 11, theirs, root)
    git(a, "commit", "--quiet", "--allow-empty", "-am", "theirs")
    theirs_state = _entries(a)
    git(a, "checkout", "--quiet", "main")
    base_state = tomllib.loads(git(a, "show", "theirs~1:gzctl.toml").stdout)

    merged = git(a, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (a / "gzctl.toml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    data = status(gz, a)  # gzctl reads it
    result = tomllib.loads(text)

    def checklist(state: dict) -> dict:
        return state.get("checklist", {})

    def ticked(state: dict, item: str) -> bool:
        return bool(checklist(state).get(item, {}).get("done"))

    b0, m0, t0 = checklist(base_state), checklist(mine_state), checklist(theirs_state)
    for item in ITEMS:
        if m0.get(item) == b0.get(item):
            want = ticked(theirs_state, item)
        elif t0.get(item) == b0.get(item):
            want = ticked(mine_state, item)
        else:
            want = ticked(mine_state, item) or ticked(theirs_state, item)
        assert ticked(result, item) == want, item

    def ids(state: dict, key: str) -> set[str]:
        return {o["id"] for o in state.get(key, [])}

    for key in ("organisations", "activities"):
        assert ids(result, key) == ids(mine_state, key) | ids(theirs_state, key)
    assert data["organisations"]["inventoried"] == len(ids(result, "organisations"))

    def missie(state: dict) -> str | None:
        return state.get("answers", {}).get("verbinden", {}).get("missie")

    bm, mm, tm = missie(base_state), missie(mine_state), missie(theirs_state)
    keys = [c["key"] for c in result.get("conflicts", [])]
    event(f"conflicts: {len(keys)}; ticks both sides: {bool(m0 != b0 and t0 != b0)}")
    if mm != bm and tm != bm and mm != tm:
        assert keys == ["answers.verbinden.missie"]
        assert missie(result) == mm
        assert data["conflicts"][0]["key"] == "answers.verbinden.missie"
    else:
        assert keys == []
        assert missie(result) == (tm if mm == bm else mm)

    # history: every line of both sides, once, in time order
    def lines(state: dict) -> list[str]:
        return [json.dumps(h, sort_keys=True, default=str) for h in state.get("history", [])]

    got = lines(result)
    assert set(got) == set(lines(mine_state)) | set(lines(theirs_state))
    at = [h["at"] for h in result["history"]]
    assert at == sorted(at)


def test_driver_without_arguments_is_a_dutch_usage_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gzctl.cli.mergedriver"], capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stderr.startswith("Fout: gebruik")


def test_undo_against_a_kept_tick_is_a_conflict_not_lost(project: Path, gz, monkeypatch) -> None:
    assert gz("-C", str(project), "done", "verkennen.medestarter").code == 0
    base = _text(gz, project)
    assert gz("-C", str(project), "undo", "verkennen.medestarter").code == 0
    mine = _text(gz, project)
    (project / "gzctl.toml").write_text(base, encoding="utf-8")
    monkeypatch.setenv("GZCTL_USER", "bob")
    monkeypatch.setenv("GZCTL_NOW", "2026-12-01T10:00:00+01:00")
    assert gz("-C", str(project), "done", "verkennen.medestarter", "--note", "opnieuw").code == 0
    other = _text(gz, project)
    for a, b in ((mine, other), (other, mine)):
        result = merge.merge_texts(base, a, b)
        assert [c.key for c in result.conflicts] == ["checklist.verkennen.medestarter"]
        merged = parse(result.text, Path("gzctl.toml"))
        rows = merge.summary(merged)
        assert {rows[0]["mine"], rows[0]["other"]} >= {"niet afgevinkt"}
        assert any(r.startswith("afgevinkt op ") for r in (rows[0]["mine"], rows[0]["other"]))
    merged = parse(merge.merge_texts(base, mine, other).text, Path("gzctl.toml"))
    settled, _ = merge.resolve(merged, "checklist.verkennen.medestarter", "mine")
    assert "verkennen.medestarter" not in {k for k, v in settled.checklist.items() if v.done}


def test_undo_against_a_tick_done_again_keeps_the_undo(project: Path, gz, monkeypatch) -> None:
    assert gz("-C", str(project), "done", "verkennen.medestarter").code == 0
    base = _text(gz, project)
    assert gz("-C", str(project), "undo", "verkennen.medestarter").code == 0
    mine = _text(gz, project)
    (project / "gzctl.toml").write_text(base, encoding="utf-8")
    monkeypatch.setenv("GZCTL_USER", "bob")
    monkeypatch.setenv("GZCTL_NOW", "2026-12-01T10:00:00+01:00")
    assert gz("-C", str(project), "done", "verkennen.medestarter").code == 0
    other = _text(gz, project)
    for a, b in ((mine, other), (other, mine)):
        merged = parse(merge.merge_texts(base, a, b).text, Path("gzctl.toml"))
        assert not merged.conflicts
        assert not any(v.done for v in merged.checklist.values())


def test_done_on_a_ticked_item_keeps_its_date_and_name(project: Path, gz, monkeypatch) -> None:
    assert gz("-C", str(project), "done", "verkennen.medestarter").code == 0
    before = tomllib.loads((project / "gzctl.toml").read_text(encoding="utf-8"))["checklist"]
    monkeypatch.setenv("GZCTL_USER", "bob")
    monkeypatch.setenv("GZCTL_NOW", "2026-12-01T10:00:00+01:00")
    assert gz("-C", str(project), "done", "verkennen.medestarter").code == 0
    after = tomllib.loads((project / "gzctl.toml").read_text(encoding="utf-8"))["checklist"]
    assert after == before


def test_plain_clone_gets_the_driver_from_its_first_command(clones, gz) -> None:
    a, b, as_user = clones
    assert git(b, "config", "--get", "merge.gzctl.driver", check=False).returncode == 1
    assert as_user("bob", "2026-11-22T09:00:00+01:00", "-C", str(b), "status").code == 0
    assert "mergedriver" in git(b, "config", "--get", "merge.gzctl.driver").stdout
    # and so two people who never heard of `gzctl merge setup` pull without markers
    assert as_user("anna", "2026-11-22T10:00:00+01:00", "-C", str(a), "done",
                   "verkennen.medestarter").code == 0
    git(a, "push", "--quiet", "origin", "main")
    assert as_user("bob", "2026-11-22T11:00:00+01:00", "-C", str(b), "done",
                   "verkennen.dorpsgegevens").code == 0  # autocommit is on in this village
    pulled = git(b, "pull", "--no-rebase", "--no-edit", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert {"verkennen.medestarter", "verkennen.dorpsgegevens"} <= done_ids(b)


def test_a_folder_outside_git_is_left_alone(project: Path) -> None:
    from gzctl.core.gitdriver import driver_missing, ensure_driver

    assert not driver_missing(project)
    assert ensure_driver(project) is False
