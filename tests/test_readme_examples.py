"""The README's example output is real output (issue 22): every code block marked
``<!-- uitvoer: gzctl ... -->`` is compared with what that command prints, at 80 columns,
in a folder holding the demo village (``voorbeelddorp``) and the README's own answers file
(``a.toml``). ``pytest tests/test_readme_examples.py --update-snapshots`` rewrites the blocks
from real output; read the diff before committing it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# the marker, then (after any text) the code block it describes
MARKED = re.compile(r"<!-- uitvoer: (gzctl [^>]*?) -->\n+```\n(.*?)```\n", re.S)


def examples() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in MARKED.finditer(README.read_text("utf-8"))]


def answers_toml() -> str:
    text = README.read_text("utf-8")
    return re.search(r"Zet dit\s+in `a.toml`:\n\n```toml\n(.*?)```", text, re.S).group(1)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the demo village and the README's answers file, made once."""
    import os
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("readme")
    env = {**os.environ, "GZCTL_NOW": "2026-11-22T12:00:00+01:00", "GZCTL_USER": "tester",
           "NO_COLOR": "1", "GZCTL_CACHE_HOME": str(folder / ".cache")}  # fmt: skip
    proc = subprocess.run([sys.executable, "-m", "gzctl", "demo"], cwd=folder, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (folder / "a.toml").write_text(answers_toml(), encoding="utf-8")
    return folder


def output(gz, world: Path, command: str, tmp_path: Path) -> str:
    """What ``command`` prints (stdout, then stderr), run where the README says; a command
    that makes a project makes it in a fresh copy of the folder."""
    import shutil

    where = world
    if " init " in f" {command} ":
        where = tmp_path / "w"
        shutil.copytree(world, where)
    result = gz(*shlex.split(command)[1:], cwd=where)
    assert result.code == 0, result.err
    return result.err + result.out if " init " in f" {command} " else result.out


def test_the_readme_marks_its_examples() -> None:
    marked = [c for c, _ in examples()]
    assert "gzctl -C voorbeelddorp status" in marked
    assert "gzctl -C voorbeelddorp next" in marked
    assert any(c.startswith("gzctl init beesd --answers") for c in marked)


def test_every_example_prints_what_the_readme_shows(
    gz, world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    monkeypatch.setenv("GZCTL_NOW", "2026-11-22T12:00:00+01:00")
    monkeypatch.setenv("COLUMNS", "80")
    update = bool(request.config.getoption("update_snapshots"))
    text = README.read_text("utf-8")
    wrong = []
    for command, shown in examples():
        real = output(gz, world, command, tmp_path)
        if real != shown:
            wrong.append(command)
            if update:
                text = text.replace(f"<!-- uitvoer: {command} -->\n\n```\n{shown}```",
                                    f"<!-- uitvoer: {command} -->\n\n```\n{real}```")  # fmt: skip
    if update:
        README.write_text(text, encoding="utf-8")
        return
    assert not wrong, f"README examples out of date (rerun with --update-snapshots): {wrong}"
