"""The wheel works on its own: built from this checkout, installed in a fresh venv, run
away from the source tree, with the playbooks it ships in gzctl/_data.

One wheel and one venv for the whole module. The venv is made without pip (that saves
seconds) and filled by this interpreter's pip through ``pip --python``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-22T12:00:00+01:00"


@dataclass
class Installed:
    venv: Path
    python: Path
    gzctl: Path
    work: Path  # cwd for every run: no gzctl source tree here


def clean_env() -> dict[str, str]:
    """The environment without anything that would put the source tree on sys.path."""
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    for key in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "GZCTL_DEBUG"):
        env.pop(key, None)
    env["GZCTL_NOW"] = NOW
    env["GZCTL_USER"] = "test"
    env["NO_COLOR"] = "1"
    return env


def run(cmd: list[str | Path], cwd: Path, what: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, (
        f"{what} failed with exit code {proc.returncode}\n"
        f"command: {' '.join(map(str, cmd))}\n"
        f"--- stdout\n{proc.stdout[-4000:]}\n--- stderr\n{proc.stderr[-4000:]}"
    )
    return proc


def pip_can_target_other_python() -> bool:
    """pip >= 22.3 installs into another interpreter with --python."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        major, minor = (int(p) for p in version("pip").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (22, 3)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT],
        base,
        "building the wheel",
    )
    wheels = sorted(dist.glob("gzctl-*.whl"))
    assert len(wheels) == 1, f"expected one gzctl wheel in {dist}, found {wheels}"

    venv = base / "venv"
    install = ["install", "-q", "--no-compile", "--disable-pip-version-check", wheels[0]]
    if pip_can_target_other_python():
        run([sys.executable, "-m", "venv", "--without-pip", venv], base, "creating the venv")
        python = venv / "bin" / "python"
        run([sys.executable, "-m", "pip", "--python", python, *install], base, "pip install")
    else:
        run([sys.executable, "-m", "venv", venv], base, "creating the venv")
        python = venv / "bin" / "python"
        run([python, "-m", "pip", *install], base, "pip install")

    work = base / "work"
    work.mkdir()
    return Installed(venv, python, venv / "bin" / "gzctl", work)


def test_installed_gzctl_comes_from_the_venv(installed: Installed) -> None:
    proc = run(
        [installed.python, "-c", "import gzctl; print(gzctl.__file__)"],
        installed.work,
        "importing gzctl",
    )
    package = Path(proc.stdout.strip()).resolve().parent
    assert package.is_relative_to(installed.venv.resolve()), package
    assert not package.is_relative_to(ROOT), f"gzctl was imported from the source tree: {package}"


def test_wheel_ships_the_playbooks(installed: Installed) -> None:
    proc = run(
        [installed.python, "-c", "import gzctl.core.playbook as p; print(p.data_dir('playbooks'))"],
        installed.work,
        "locating the playbooks",
    )
    data = Path(proc.stdout.strip()).resolve()
    assert data.is_relative_to(installed.venv.resolve()), (
        f"playbooks found outside the venv: {data}"
    )
    assert data.parts[-3:] == ("gzctl", "_data", "playbooks"), data
    assert (data / "gemeenschapszorg.toml").is_file(), sorted(p.name for p in data.iterdir())
    for land in ("nl", "be"):  # the subfolders ship too: each country's demo village
        assert (data / "landen" / land / "demo.toml").is_file(), land


def test_demo_and_status_from_the_wheel(installed: Installed) -> None:
    folder = installed.work / "dorp"
    run([installed.gzctl, "demo", folder], installed.work, "gzctl demo")
    assert (folder / "gzctl.toml").is_file()
    proc = run(
        [installed.gzctl, "-C", folder, "status", "--json"], installed.work, "gzctl status --json"
    )
    status = json.loads(proc.stdout)
    assert status["village"]["name"] == "Ooltwijk"


def test_version_matches_the_source(installed: Installed) -> None:
    source = (ROOT / "gzctl" / "__init__.py").read_text(encoding="utf-8")
    proc = run([installed.gzctl, "--version"], installed.work, "gzctl --version")
    version = proc.stdout.split()[-1]
    assert f'__version__ = "{version}"' in source, proc.stdout


def test_command_help_from_the_wheel_is_dutch(installed: Installed) -> None:
    """The Dutch catalogue for typer's own strings (cli/locale/.../gzctl.mo) ships too."""
    proc = run([installed.gzctl, "org", "show", "--help"], installed.work, "gzctl org show --help")
    assert "Argumenten" in proc.stdout and "Opties" in proc.stdout, proc.stdout
    assert "[verplicht]" in proc.stdout and "Options" not in proc.stdout, proc.stdout
