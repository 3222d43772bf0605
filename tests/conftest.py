"""Shared fixtures: a fixed clock and user, an in-process `gz` runner, ready-made projects."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ANSWERS = """\
[village]
name = "Beesd"
municipality = "West Betuwe"
province = "Gelderland"
inhabitants = 5000

[[initiators]]
name = "Petra de Vries"
email = "petra@example.nl"
"""

NOW = "2026-11-22T12:00:00+01:00"


@pytest.fixture(autouse=True)
def fixed_world(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("gzctl-home")  # never the real user config or cache
    monkeypatch.setenv("GZCTL_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("GZCTL_CONFIG", raising=False)
    monkeypatch.setenv("GZCTL_NOW", NOW)
    monkeypatch.setenv("GZCTL_USER", "tester")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")  # rich wraps help at this width: stable snapshots
    monkeypatch.delenv("GZCTL_DEBUG", raising=False)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def gz(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run gzctl in this process as a user would from the shell: exit code, stdout, stderr."""
    from gzctl.__main__ import run

    def call(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["gzctl", *args])
        code = 0
        try:
            run()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "antwoorden.toml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, gz, answers_file: Path) -> Path:
    """A fresh project folder made by `gzctl init DIR --answers FILE`."""
    folder = tmp_path / "beesd"
    result = gz("init", str(folder), "--answers", str(answers_file))
    assert result.code == 0, result.err
    return folder


@pytest.fixture
def demo(tmp_path: Path, gz) -> Path:
    folder = tmp_path / "voorbeelddorp"
    result = gz("demo", str(folder))
    assert result.code == 0, result.err
    return folder
