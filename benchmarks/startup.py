"""Start-up time of gzctl, measured as whole processes against a bare interpreter.

    python benchmarks/startup.py [--runs N] [--json]

Measures, with the interpreter that runs this script:

* ``python -c pass``                the floor: what any Python command costs;
* ``gzctl --help``                  budget: at most 4x the floor;
* ``gzctl status``                  on a demo village made here; budget: at most 8x the floor;
* the other everyday reads on the demo village — ``next``, ``log``, ``org list``,
  ``place list``, ``platform list``, ``activity list`` — budget: at most 8x the floor each;
* every other command measured — ``done ID`` and ``undo ID`` of one open item (they
  alternate, so each run really ticks or unticks), ``docs list``, ``answers``,
  ``org show ID``, ``place show ID``, ``portfolio --json`` — budget: at most 10x;
* a command's own help (``org add --help``, ``status --help``, ``docs build --help``,
  ``place show --help``, ``help activity add``), printed from the help books shipped with
  gzctl (gzctl/cli/helpbook.py: pipes are 80 columns wide); budget: at most 4x;
* a command's FIRST help (``org --help``, ``coordinator candidate add --help``) with the help
  cache emptied before every run, as a volunteer's very first ``gzctl org --help``;
  budget: at most 4x;
* for information, not judged: a first help on a screen no book has (97 columns), which
  typer renders (gzctl/cli/helpcache.py keeps it), and right after it the same help again;
* ``gzctl init DIR --answers FILE`` a fresh DIR every run; budget: at most 10x.

Each command gets 2 warm-up rounds, then N timed rounds (default 15); within a round the
commands run one after the other, so a machine that gets busier or quieter halfway affects
them all alike.
The table shows the median. Bytecode is cached (in the temp folder) as for an installed
gzctl, whatever PYTHONDONTWRITEBYTECODE says. Exit code: 0 when every budget holds, 1 when
one is exceeded, 2 when a command could not be run at all.

gzctl is the console script next to the interpreter (``Path(sys.executable).parent /
"gzctl"``); without one, ``python -m gzctl``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WARMUP = 2
DEFAULT_RUNS = 15
EVERYDAY_BUDGET = 8.0  # x python -c pass, for the everyday reads (status, next, log, lists)
COMMAND_BUDGET = 10.0  # x python -c pass, for every other command
HELP_BUDGET = 4.0  # x python -c pass, for gzctl --help and every command's --help
HELPS = (
    ("org", "add", "--help"),
    ("status", "--help"),
    ("docs", "build", "--help"),
    ("place", "show", "--help"),
    ("help", "activity", "add"),
)
FIRST_HELPS = (("org", "--help"), ("coordinator", "candidate", "add", "--help"))

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


class CommandFailed(Exception):
    """A measured command did not exit 0: its timing would mean nothing."""


@dataclass
class Case:
    label: str
    argv: Callable[[], list[str]]  # called before every run (init needs a fresh folder)
    budget: float | None  # allowed multiple of bare python; None: reported only
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=dict)  # on top of the benchmark's environment
    times: list[float] = field(default_factory=list)  # seconds, wall clock
    cpu: list[float] = field(default_factory=list)  # seconds, user + system of the process

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000

    @property
    def min_ms(self) -> float:
        return min(self.times) * 1000


def gzctl_command() -> list[str]:
    script = Path(sys.executable).parent / "gzctl"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "gzctl"]


def bench_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env.pop("GZCTL_DEBUG", None)
    env.pop("COLUMNS", None)  # output goes to a pipe: 80 columns, as rich sees it
    # Measure what an installed gzctl costs: with its bytecode cached (pip compiles it at
    # install). PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run; the
    # cache goes to the temp folder, so the source tree gets no __pycache__.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["NO_COLOR"] = "1"
    env["GZCTL_USER"] = "bench"
    env["GZCTL_CACHE_HOME"] = str(work / "cache")  # a cold cache: the warm-up rounds fill it
    return env


def run_once(case: Case, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of the case's command."""
    argv = case.argv()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        argv,
        cwd=case.cwd,
        env={**env, **case.env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise CommandFailed(
            f"'{' '.join(argv)}' ended with exit code {proc.returncode}:\n"
            + proc.stderr.decode(errors="replace")
        )
    return elapsed, cpu


def make_cases(work: Path, gzctl: list[str], env: dict[str, str]) -> list[Case]:
    demo = work / "demo"
    proc = subprocess.run(
        [*gzctl, "demo", str(demo)], env=env, cwd=work, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise CommandFailed(f"'gzctl demo' ended with exit code {proc.returncode}:\n{proc.stderr}")
    answers = work / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    counter = iter(range(1_000_000))

    def init_argv() -> list[str]:
        return [*gzctl, "init", str(work / f"init-{next(counter)}"), "--answers", str(answers)]

    listed = subprocess.run(
        [*gzctl, "next", "--json"], env=env, cwd=demo, capture_output=True, text=True, check=True
    )
    item = json.loads(listed.stdout)[0]["id"]  # an open item: done, then undo, every round

    def first_id(*args: str) -> str:
        out = subprocess.run(
            [*gzctl, *args, "--json"], env=env, cwd=demo, capture_output=True, text=True, check=True
        )
        data = json.loads(out.stdout)
        return str((data["places"] if isinstance(data, dict) else data)[0]["id"])

    org, place = first_id("org", "list"), first_id("place", "list")
    first_cache = work / "first-cache"  # its own cache: the other helps keep theirs

    def first_help(*args: str) -> Callable[[], list[str]]:
        def argv() -> list[str]:
            shutil.rmtree(first_cache, ignore_errors=True)  # nothing kept: the first time
            return [*gzctl, *args]

        return argv

    first = {"GZCTL_CACHE_HOME": str(first_cache)}

    def everyday(*args: str) -> Case:
        return Case(f"gzctl {' '.join(args)}", lambda: [*gzctl, *args], EVERYDAY_BUDGET, demo)

    def other(label: str, *args: str) -> Case:
        return Case(f"gzctl {label}", lambda: [*gzctl, *args], COMMAND_BUDGET, demo)

    return [
        Case("python -c pass", lambda: [sys.executable, "-c", "pass"], None, work),
        Case("gzctl --help", lambda: [*gzctl, "--help"], HELP_BUDGET, work),
        Case("gzctl status", lambda: [*gzctl, "status"], 8.0, demo),
        everyday("next"),
        everyday("log"),
        Case("gzctl done ID", lambda: [*gzctl, "done", item], COMMAND_BUDGET, demo),
        Case("gzctl undo ID", lambda: [*gzctl, "undo", item], COMMAND_BUDGET, demo),
        everyday("org", "list"),
        everyday("place", "list"),
        everyday("platform", "list"),
        everyday("activity", "list"),
        other("docs list", "docs", "list"),
        other("answers", "answers"),
        other("org show ID", "org", "show", org),
        other("place show ID", "place", "show", place),
        other("portfolio --json", "portfolio", ".", "--json"),
        # a command's help, from the help books (gzctl/cli/helpbook.py)
        *(
            Case(f"gzctl {' '.join(h)}", lambda h=h: [*gzctl, *h], HELP_BUDGET, demo)
            for h in HELPS
        ),
        *(
            Case(f"gzctl {' '.join(h)} (first)", first_help(*h), HELP_BUDGET, demo, first)
            for h in FIRST_HELPS
        ),
        # a screen no book has: typer renders the help, helpcache keeps it (not judged)
        Case(
            "gzctl org --help (first, 97 wide)", first_help("org", "--help"), None, demo,
            {**first, "COLUMNS": "97"},
        ),
        Case(
            "gzctl org --help (again, 97 wide)", lambda: [*gzctl, "org", "--help"], None, demo,
            {**first, "COLUMNS": "97"},
        ),
        Case("gzctl init DIR --answers FILE", init_argv, COMMAND_BUDGET, work),
    ]


def measure(cases: list[Case], runs: int, env: dict[str, str]) -> None:
    for _ in range(WARMUP):
        for case in cases:
            run_once(case, env)
    for _ in range(runs):
        for case in cases:
            elapsed, cpu = run_once(case, env)
            case.times.append(elapsed)
            case.cpu.append(cpu)


def report(cases: list[Case], runs: int, gzctl: list[str]) -> tuple[dict[str, Any], bool]:
    base = cases[0].median_ms
    cpu_base = cases[0].cpu_ms
    rows = []
    ok = True
    for case in cases:
        ratio = case.median_ms / base
        passed = None if case.budget is None else ratio <= case.budget
        ok = ok and passed is not False
        rows.append(
            {
                "command": case.label,
                "median_ms": round(case.median_ms, 2),
                "min_ms": round(case.min_ms, 2),
                "ratio": round(ratio, 2),
                "cpu_ms": round(case.cpu_ms, 2),
                "cpu_ratio": round(case.cpu_ms / cpu_base, 2) if cpu_base else None,
                "budget": case.budget,
                "passed": passed,
            }
        )
    doc = {
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "gzctl": gzctl,
        "runs": runs,
        "warmup": WARMUP,
        "results": rows,
        "ok": ok,
    }
    return doc, ok


def table(doc: dict[str, Any]) -> str:
    head = ("command", "median ms", "x python", "budget", "result", "cpu ms", "cpu x")
    lines = []
    for row in doc["results"]:
        budget = "-" if row["budget"] is None else f"<= {row['budget']:g}x"
        result = {None: "-", True: "ok", False: "TOO SLOW"}[row["passed"]]
        cpu_ratio = "-" if row["cpu_ratio"] is None else f"{row['cpu_ratio']:.2f}"
        lines.append(
            (
                row["command"],
                f"{row['median_ms']:.1f}",
                f"{row['ratio']:.2f}",
                budget,
                result,
                f"{row['cpu_ms']:.1f}",
                cpu_ratio,
            )
        )
    widths = [max(len(str(r[i])) for r in [head, *lines]) for i in range(len(head))]

    def fmt(r: tuple[str, ...]) -> str:
        left = f"{r[0]:<{widths[0]}}"
        rest = "  ".join(f"{c:>{w}}" for c, w in zip(r[1:], widths[1:], strict=True))
        return f"{left}  {rest}"

    out = [
        f"Python {doc['python']} ({doc['executable']}); gzctl: {' '.join(doc['gzctl'])}",
        f"median of {doc['runs']} runs after {doc['warmup']} warm-up runs each; budgets apply "
        "to the wall-clock ratio (cpu: user + system time of the process, for a busy machine)",
        "",
        fmt(head),
        fmt(tuple("-" * w for w in widths)),
        *(fmt(r) for r in lines),
        "",
    ]
    judged = [r for r in doc["results"] if r["passed"] is not None]
    failed = [r["command"] for r in judged if not r["passed"]]
    out.append(f"{len(judged) - len(failed)} of {len(judged)} budgets hold" + (
        ": too slow: " + ", ".join(failed) if failed else "."
    ))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed runs per command")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    gzctl = gzctl_command()
    work = Path(tempfile.mkdtemp(prefix="gzctl-bench-"))
    env = bench_env(work)
    try:
        cases = make_cases(work, gzctl, env)
        measure(cases, args.runs, env)
    except CommandFailed as exc:
        print(f"startup.py: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    doc, ok = report(cases, args.runs, gzctl)
    print(json.dumps(doc, indent=2) if args.json else table(doc))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
