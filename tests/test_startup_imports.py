"""The fast path stays fast: ``gzctl --help`` and ``gzctl status`` load none of the heavy
libraries (typer, rich, the prompt and document libraries).

Each command line runs in a fresh interpreter that calls gzctl's entry point and then
writes down which modules got imported. A control case, a command line that does go to
typer, shows that the bookkeeping sees an import when there is one.
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

HEAVY = {
    "questionary",
    "prompt_toolkit",
    "jinja2",
    "docx",
    "openpyxl",
    "babel",
    "typer",
    "rich",
    "pydantic",
    "filelock",
    "tomli_w",
    "networkx",
    "numpy",
    "segno",
    "reportlab",
    "icalendar",
    "phonenumbers",
    "holidays",
}

# Run gzctl's entry point as the console script would, then record the exit code and
# every loaded module in the file named by the first argument.
DRIVER = """\
import json, sys
record, args = sys.argv[1], sys.argv[2:]
sys.argv = ["gzctl", *args]
code = 0
try:
    from gzctl.__main__ import run
    run()
except SystemExit as exc:
    code = exc.code
with open(record, "w", encoding="utf-8") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env.pop("GZCTL_DEBUG", None)
    env["GZCTL_NOW"] = NOW
    env["GZCTL_USER"] = "test"
    env["NO_COLOR"] = "1"
    # this checkout's gzctl, whichever one the interpreter has installed
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("startup")
    folder = base / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "gzctl", "demo", str(folder)],
        cwd=base,
        env=environment(),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"gzctl demo failed:\n{proc.stdout}\n{proc.stderr}"
    return folder


@dataclass
class Outcome:
    command: str
    code: int
    modules: set[str]
    stdout: str
    stderr: str

    def heavy(self) -> list[str]:
        return sorted(m for m in self.modules if m.split(".")[0] in HEAVY)


def run_instrumented(args: list[str], tmp_path: Path) -> Outcome:
    record = tmp_path / "modules.json"
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(record), *args],
        cwd=tmp_path,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    command = "gzctl " + " ".join(args)
    assert record.is_file(), f"{command} crashed:\n{proc.stdout}\n{proc.stderr}"
    data = json.loads(record.read_text(encoding="utf-8"))
    code = data["code"] if isinstance(data["code"], int) else (0 if data["code"] is None else 1)
    return Outcome(command, code, set(data["modules"]), proc.stdout, proc.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["-C", "{demo}", "status"],
        ["-C", "{demo}", "status", "--json"],
    ],
    ids=["help", "version", "status", "status-json"],
)
def test_fast_path_loads_no_heavy_library(args: list[str], demo: Path, tmp_path: Path) -> None:
    run = run_instrumented([a.format(demo=demo) for a in args], tmp_path)
    assert run.code == 0, f"{run.command} exited with {run.code}:\n{run.stderr}"
    assert run.stdout.strip(), f"{run.command} printed nothing"
    heavy = run.heavy()
    assert not heavy, f"{run.command} imported heavy modules: {', '.join(heavy)}"


def test_status_json_is_the_demo_village(demo: Path, tmp_path: Path) -> None:
    run = run_instrumented(["-C", str(demo), "status", "--json"], tmp_path)
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["village"]["name"] == "Ooltwijk"


def test_instrumentation_sees_typer(tmp_path: Path) -> None:
    """A command line outside the fast path goes to typer, and the record shows it (a help
    with -C in front: no help book is looked up, gzctl/cli/helpbook.py)."""
    run = run_instrumented(["-C", str(tmp_path), "demo", "--help"], tmp_path)
    assert run.code == 0, f"{run.command} exited with {run.code}:\n{run.stderr}"
    assert "typer" in run.heavy()
    assert "gzctl.cli.app" in run.modules


# Every everyday command (gzctl/cli/commands.py) is answered without typer; each may load
# only what its own work needs: writing (tomli_w, filelock); tables are plain text
# (gzctl/cli/table.py), so no list command loads rich.
NEVER = {"typer", "pydantic", "click"}


@pytest.fixture(scope="module")
def open_item(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An item that is open in the demo village before any case here runs."""
    listed = run_instrumented(["-C", str(demo), "next", "--json"], tmp_path_factory.mktemp("n"))
    return str(json.loads(listed.stdout)[0]["id"])


WRITES = {"tomli_w", "filelock"}


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["next"], set()),
        (["next", "--alle", "--json"], set()),
        (["log", "-n", "3"], set()),
        (["done", "{item}", "--note", "gebeld"], WRITES),
        (["undo", "{item}"], WRITES),
        (["org", "list", "--soort", "vrijwilligers"], set()),
        (["org", "list", "--json"], set()),
        (["place", "list"], set()),
        (["platform", "list"], set()),
        (["activity", "list", "--wanneer", "komend"], set()),
        # it prepares every document, but formats nothing (documents/base.Later): no Babel,
        # no phonenumbers, no jinja2
        (["docs", "list"], set()),
        (["status", "--chart"], set()),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else None,
)
def test_everyday_commands_skip_typer(
    args: list[str], allowed: set[str], demo: Path, open_item: str, tmp_path: Path
) -> None:
    item = open_item  # done ticks it, undo (the next case) opens it again
    run = run_instrumented(["-C", str(demo), *(a.format(item=item) for a in args)], tmp_path)
    assert run.code == 0, f"{run.command} exited with {run.code}:\n{run.stderr}"
    assert run.stdout.strip(), f"{run.command} printed nothing"
    loaded = {m.split(".")[0] for m in run.modules}
    assert not loaded & NEVER, f"{run.command} went through typer: {sorted(loaded & NEVER)}"
    heavy = {m.split(".")[0] for m in run.heavy()} - allowed
    assert not heavy, f"{run.command} imported heavy modules: {', '.join(sorted(heavy))}"


# Every other command runs without typer too (the command table's parser answers it); what it
# loads besides is its own work's.
@pytest.mark.parametrize(
    "args",
    [
        ["answers"],
        ["answers", "--json"],
        ["org", "show", "{org}"],
        ["place", "show", "{place}", "--json"],
        ["portfolio", "{demo}", "--json"],
        ["portfolio", "{demo}"],
        ["coordinator", "profile"],
        ["playbook", "show"],
        ["merge", "conflicts"],
        ["config", "--list"],
    ],
    ids=lambda v: "-".join(a for a in v if "{" not in a),
)
def test_every_command_skips_typer(args: list[str], demo: Path, tmp_path: Path) -> None:
    values = {"demo": str(demo), "org": "vv-ooltwijk", "place": "dorpshuis-de-schakel"}
    run = run_instrumented(["-C", str(demo), *(a.format(**values) for a in args)], tmp_path)
    assert run.code == 0, f"{run.command} exited with {run.code}:\n{run.stderr}"
    assert run.stdout.strip(), f"{run.command} printed nothing"
    loaded = {m.split(".")[0] for m in run.modules}
    assert not loaded & NEVER, f"{run.command} went through typer: {sorted(loaded & NEVER)}"


def test_usage_errors_skip_typer(demo: Path, tmp_path: Path) -> None:
    """A usage error comes from the table's parser, in Dutch, without typer."""
    run = run_instrumented(["-C", str(demo), "org", "show", "a", "b"], tmp_path)
    assert run.code == 2
    assert run.stderr.startswith("Fout: onverwacht extra argument: b."), run.stderr
    assert not {m.split(".")[0] for m in run.modules} & NEVER


# The status parts and the hand-edit checks are plain reads (network/summaries.py,
# network/session.py): opening a project and showing where it stands load no feature module.
FEATURES = {
    "gzctl.network.inventory",
    "gzctl.network.platforms",
    "gzctl.network.places",
    "gzctl.network.coordinator",
    "gzctl.network.criteria",
    "gzctl.documents",
}


@pytest.mark.parametrize(
    "args", [["status"], ["status", "--json"], ["next"], ["log"]], ids="-".join
)
def test_status_loads_no_feature_module(args: list[str], demo: Path, tmp_path: Path) -> None:
    run_instrumented(["-C", str(demo), *args], tmp_path)  # fills this test's parse cache
    run = run_instrumented(["-C", str(demo), *args], tmp_path)
    assert run.code == 0, f"{run.command} exited with {run.code}:\n{run.stderr}"
    loaded = sorted(m for m in run.modules if m in FEATURES)
    assert not loaded, f"{run.command} loaded feature modules: {', '.join(loaded)}"


@pytest.mark.parametrize(
    "args", [["org", "add", "--help"], ["help", "docs", "build"], ["place", "show", "x", "-h"]]
)
def test_a_command_help_shown_before_skips_typer(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a screen no help book has (97 columns), typer renders a command's help once; the
    same help again is printed from the kept text (gzctl/cli/helpcache.py), byte for byte,
    without typer."""
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "97")
    first = run_instrumented(args, tmp_path)
    assert first.code == 0, first.stderr
    assert "typer" in first.heavy(), "the first help is typer's own"
    again = run_instrumented(args, tmp_path)
    assert again.code == 0, again.stderr
    assert again.stdout == first.stdout and again.stderr == first.stderr
    assert "Gebruik: gzctl" in again.stdout
    loaded = {m.split(".")[0] for m in again.modules}
    assert not loaded & NEVER, f"{again.command} went through typer: {sorted(loaded & NEVER)}"
    assert not again.heavy(), f"{again.command} imported heavy modules: {again.heavy()}"


def test_a_changed_environment_renders_the_help_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept text is only for the environment it was rendered in (a narrower terminal
    gets typer's help at its own width)."""
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "97")
    run_instrumented(["org", "add", "--help"], tmp_path)
    monkeypatch.setenv("COLUMNS", "61")
    narrow = run_instrumented(["org", "add", "--help"], tmp_path)
    assert "typer" in narrow.heavy()
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 61


@pytest.mark.parametrize("width", ["60", "80", "120"])
@pytest.mark.parametrize(
    "args", [["org", "--help"], ["org", "add", "--help"], ["help", "docs", "build"], ["org"]]
)
def test_the_first_help_on_a_usual_screen_skips_typer(
    args: list[str], width: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A volunteer's very first `gzctl org --help` (nothing kept yet) is printed from the
    help book (gzctl/cli/helpbook.py), and it is what typer prints on that screen."""
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", width)
    first = run_instrumented(args, tmp_path)
    assert first.code == 0, first.stderr
    loaded = {m.split(".")[0] for m in first.modules}
    assert not loaded & NEVER, f"{first.command} went through typer: {sorted(loaded & NEVER)}"
    assert not first.heavy(), f"{first.command} imported heavy modules: {first.heavy()}"
    assert not (tmp_path / "cache").exists(), "nothing to keep: the book has it"
    # typer's own rendering of the same help (-C in front: no book is looked up)
    typer_run = run_instrumented(["-C", str(tmp_path), *args], tmp_path)
    assert "typer" in typer_run.heavy()
    assert first.stdout == typer_run.stdout and first.stderr == typer_run.stderr == ""
    assert max(len(line) for line in first.stdout.splitlines()) <= int(width)


def test_docs_list_loads_neither_openssl_nor_pickle_py(demo: Path, tmp_path: Path) -> None:
    """docs list hashes with the built-in SHA-256 (gzctl/core/hashing.py), finds preparers by
    importing them (no pkgutil, no importlib.util) and reads the state cache with _pickle."""
    run_instrumented(["-C", str(demo), "docs", "list"], tmp_path)  # fills the caches
    run = run_instrumented(["-C", str(demo), "docs", "list"], tmp_path)
    assert run.code == 0, run.stderr
    assert "Maken of bijwerken" in run.stdout
    loaded = sorted(run.modules & {"_hashlib", "hashlib", "pkgutil", "importlib.util", "pickle"})
    assert not loaded, f"docs list loaded {loaded}"
