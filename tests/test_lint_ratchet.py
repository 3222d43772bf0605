"""The docstring (D1) and complexity (C901) rules hold for the whole package.

`[tool.ruff.lint.per-file-ignores]` in pyproject.toml exempts only what is not the package
(tests, benchmarks, tools): no file of gzctl/ may get a line there, so a new fault cannot hide
behind an exemption.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ruff_settings() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["tool"]["ruff"]["lint"]


def exemptions() -> dict[str, set[str]]:
    """The per-file exemptions that name files of the package."""
    ignores = ruff_settings()["per-file-ignores"]
    return {path: set(codes) for path, codes in ignores.items() if path.startswith("gzctl/")}


def faults(target: Path) -> dict[str, set[str]]:
    """(file, code) of every D1/C901 fault in ``target``, with no per-file exemption."""
    lint = ruff_settings()
    rules = [code for code in lint["select"] if code.startswith(("D", "C9"))]
    command = [
        sys.executable, "-m", "ruff", "check", str(target), "--isolated", "--exit-zero",
        "--output-format", "json",
        "--select", ",".join(rules),
        "--ignore", ",".join(lint["ignore"]),
        "--config", f"lint.mccabe.max-complexity = {lint['mccabe']['max-complexity']}",
    ]  # fmt: skip
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found: dict[str, set[str]] = defaultdict(set)
    for fault in json.loads(out):
        found[Path(fault["filename"]).name].add(fault["code"])
    return found


def test_no_file_of_the_package_is_exempt() -> None:
    assert exemptions() == {}


def test_the_package_keeps_the_rules() -> None:
    assert faults(ROOT / "gzctl") == {}


def test_the_check_finds_what_breaks_the_rules(tmp_path: Path) -> None:
    branches = "".join(f"    if x == {n}:\n        return {n}\n" for n in range(16))
    (tmp_path / "bad.py").write_text(
        '"""A module."""\n\n\ndef undocumented(x: int) -> int:\n' + branches + "    return -1\n",
        encoding="utf-8",
    )
    assert faults(tmp_path) == {"bad.py": {"D103", "C901"}}
