"""Shared fixtures: a fixed clock and user, an in-process `gz` runner, ready-made projects,
the snapshot checker and the questionary stand-in."""

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="write the snapshots in tests/snapshots/ that are missing or differ, instead of "
        "failing (review the diff before committing it)",
    )


class Snapshots:
    """Compares text with a file in the `snapshots/` folder beside the test file.

    A missing or different snapshot fails the test: a snapshot that writes itself when missing
    guards nothing (a renamed file or a new command would pass unseen). Only an explicit
    `pytest --update-snapshots` writes them, so every wording change is a reviewed diff.
    """

    def __init__(self, folder: Path, update: bool) -> None:
        self.folder = folder
        self.update = update

    def __call__(self, name: str, text: str) -> None:
        path = self.folder / name
        if self.update:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(
                f"snapshot {name} is missing in {self.folder}; write it with "
                "`pytest --update-snapshots` and review it",
                pytrace=False,
            )
        expected = path.read_text(encoding="utf-8")
        assert text == expected, (
            f"{name} differs from its snapshot; if the change is deliberate, "
            "run `pytest --update-snapshots` and review the diff"
        )


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshots:
    """`snapshot(name, text)`: check `text` against `snapshots/NAME` beside the test file."""
    update = bool(request.config.getoption("update_snapshots"))
    return Snapshots(request.path.parent / "snapshots", update)


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
