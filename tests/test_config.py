"""gzctl config (the user file and per-project keys) and git.autocommit with a real git."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from gzctl.core import config


def test_user_config_lives_where_the_environment_says(gz, tmp_path: Path) -> None:
    path = Path(os.environ["GZCTL_CONFIG_HOME"]) / "config.toml"
    assert gz("config", "portfolio.stalled_days").out.strip() == "30"
    result = gz("config", "portfolio.stalled_days", "45")
    assert result.code == 0, result.err
    assert "stalled_days = 45" in path.read_text(encoding="utf-8")
    assert gz("config", "portfolio.stalled_days").out.strip() == "45"
    own = tmp_path / "eigen.toml"
    os.environ["GZCTL_CONFIG"] = str(own)
    try:
        assert gz("config", "portfolio.stalled_days").out.strip() == "30"
        assert gz("config", "portfolio.roots", "a", "b", cwd=tmp_path).code == 0
        assert f'"{tmp_path / "a"}"' in own.read_text(encoding="utf-8")
    finally:
        del os.environ["GZCTL_CONFIG"]


def test_unset_and_list(gz, tmp_path: Path) -> None:
    gz("config", "portfolio.stalled_days", "10")
    assert gz("config", "portfolio.stalled_days", "--unset").code == 0
    assert gz("config", "portfolio.stalled_days").out.strip() == "30"
    out = gz("config", "--list", cwd=tmp_path).out
    assert "portfolio.roots = " in out and "portfolio.stalled_days = 30" in out
    data = json.loads(gz("config", "--list", "--json", cwd=tmp_path).out)
    assert data["user"] == {
        "portfolio.roots": [],
        "portfolio.stalled_days": 30,
        "sync.repos": [],
        "sync.dir": [],
    }
    assert data["project"] is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["portfolio.stalled_days", "veel"], "verwacht een geheel getal"),
        (["portfolio.stalled_days", "0"], "1 of meer"),
        (["portfolio.stale_days", "3"], "Bedoelde je: portfolio.stalled_days"),
        (["git.autocommit", "misschien"], "true of false"),
    ],
)
def test_bad_input_is_dutch_exit_2(gz, project: Path, args: list[str], expected: str) -> None:
    result = gz("-C", str(project), "config", *args)
    assert result.code == 2 and expected in result.err, result.err


def test_broken_user_file_is_named(gz) -> None:
    path = Path(os.environ["GZCTL_CONFIG_HOME"]) / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("[portfolio]\nstalled_days = 'x'\n", encoding="utf-8")
    result = gz("config", "--list")
    assert result.code == 2 and "portfolio.stalled_days" in result.err


def test_coerce() -> None:
    k = config.KEYS["git.autocommit"]
    assert config.coerce(k, ["ja"], Path("/")) is True
    assert config.coerce(k, ["UIT"], Path("/")) is False


# ----------------------------------------------------------------------------- git


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Adviseur")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "adviseur@example.nl")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


def test_autocommit_is_a_project_setting_in_the_state_file(gz, project: Path) -> None:
    assert gz("-C", str(project), "config", "git.autocommit").out.strip() == "false"
    before = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "[settings" not in before
    result = gz("-C", str(project), "config", "git.autocommit", "true")
    assert result.code == 0
    assert "geen git-repository" in result.err  # saved, with a warning
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "[settings.git]\nautocommit = true" in text
    assert gz("-C", str(project), "config", "git.autocommit").out.strip() == "true"
    log = json.loads(gz("-C", str(project), "log", "--json").out)
    assert log[-1]["action"] == "config" and log[-1]["what"] == "Instelling git.autocommit: true"
    data = json.loads(gz("-C", str(project), "config", "--list", "--json").out)
    assert data["project"] == {"git.autocommit": True, "site.url": ""}


def test_every_change_becomes_a_commit(gz, project: Path, git_env: None) -> None:
    git(project, "init", "-q")
    (project / "notities.txt").write_text("eigen werk\n", encoding="utf-8")
    git(project, "add", "notities.txt")  # staged by the user: must stay out of gzctl's commits
    result = gz("-C", str(project), "config", "git.autocommit", "ja")
    assert result.code == 0 and "Waarschuwing" not in result.err, result.err
    assert git(project, "log", "--format=%s").splitlines() == [
        "gzctl: Instelling git.autocommit: true"
    ]
    result = gz("-C", str(project), "done", "verkennen.kernteamgesprek")
    assert result.code == 0 and "Waarschuwing" not in result.err, result.err
    subjects = git(project, "log", "--format=%s").splitlines()
    assert len(subjects) == 2 and subjects[0].startswith("gzctl: Afgevinkt: ")
    body = git(project, "log", "-1", "--format=%b")
    assert "Door: tester" in body
    assert git(project, "status", "--porcelain", "--", "gzctl.toml") == ""
    assert "A  notities.txt" in git(project, "status", "--porcelain")
    assert git(project, "show", "--name-only", "--format=", "HEAD").split() == ["gzctl.toml"]
    # switching it off is itself committed, then nothing more
    gz("-C", str(project), "config", "git.autocommit", "false")
    gz("-C", str(project), "undo", "verkennen.kernteamgesprek")
    subjects = git(project, "log", "--format=%s").splitlines()
    assert subjects[0] == "gzctl: Instelling git.autocommit: false" and len(subjects) == 3
    assert git(project, "status", "--porcelain", "--", "gzctl.toml").startswith(" M")


def test_a_failing_commit_warns_and_keeps_the_change(gz, project: Path, git_env: None) -> None:
    git(project, "init", "-q")
    assert gz("-C", str(project), "config", "git.autocommit", "true").code == 0
    hook = project / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'geweigerd door hook' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    result = gz("-C", str(project), "done", "verkennen.kernteamgesprek")
    assert result.code == 0
    assert "Waarschuwing: git commit mislukte (geweigerd door hook)" in result.err
    assert "de wijziging is bewaard" in result.err
    assert '[checklist."verkennen.kernteamgesprek"]' in (project / "gzctl.toml").read_text(
        encoding="utf-8"
    )


def test_commit_message_for_several_entries() -> None:
    import datetime as dt

    from gzctl.core.gitsync import commit_message
    from gzctl.core.model import HistoryEntry

    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    entries = [
        HistoryEntry(moment, "Petra", "answer", "Naam van het dorp (beantwoord)"),
        HistoryEntry(moment, "Petra", "done", "Afgevinkt: Plan de avond"),
    ]
    assert commit_message(entries) == (
        "gzctl: 2 wijzigingen\n\n- Naam van het dorp (beantwoord)\n"
        "- Afgevinkt: Plan de avond\n\nDoor: Petra"
    )
    long = [HistoryEntry(moment, "Petra", "done", "Afgevinkt: " + "x" * 100)]
    subject = commit_message(long).splitlines()[0]
    assert len(subject) <= 72 and subject.endswith("…")
