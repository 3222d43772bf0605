"""The ruff ratchet in pyproject.toml only goes down.

Docstring (D1) and complexity (C901) rules hold for the whole package, except for the files
that broke them when the rules came in, listed in `[tool.ruff.lint.per-file-ignores]`. A file
that has been fixed must leave the list, or the list would go on hiding new faults in it.
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


def ratchet() -> dict[str, set[str]]:
    """The per-file exemptions of the package's own files."""
    ignores = ruff_settings()["per-file-ignores"]
    return {path: set(codes) for path, codes in ignores.items() if path.startswith("gzctl/")}


def faults_without_exemptions() -> dict[str, set[str]]:
    """(file, code) of every D1/C901 fault in gzctl/ with no per-file exemption."""
    lint = ruff_settings()
    rules = [code for code in lint["select"] if code.startswith(("D", "C9"))]
    command = [
        sys.executable, "-m", "ruff", "check", "gzctl", "--isolated", "--exit-zero",
        "--output-format", "json",
        "--select", ",".join(rules),
        "--ignore", ",".join(lint["ignore"]),
        "--config", f"lint.mccabe.max-complexity = {lint['mccabe']['max-complexity']}",
    ]  # fmt: skip
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found: dict[str, set[str]] = defaultdict(set)
    for fault in json.loads(out):
        found[Path(fault["filename"]).relative_to(ROOT).as_posix()].add(fault["code"])
    return found


def test_every_exemption_is_still_needed() -> None:
    found = faults_without_exemptions()
    assert found, "ruff found no fault at all: the check itself is broken"
    stale = {
        path: sorted(codes - found.get(path, set()))
        for path, codes in ratchet().items()
        if codes - found.get(path, set())
    }
    assert not stale, f"fixed: take these out of per-file-ignores in pyproject.toml: {stale}"


def test_the_ratchet_names_only_files_that_exist() -> None:
    assert all((ROOT / path).is_file() for path in ratchet())
