"""gzctl on large villages: the size budgets of issues 23 and 25, as seconds and as ratios.

    python benchmarks/size_bench.py [--orgs N] [--import-rows N] [--docs-orgs N]
                                    [--runs N] [--skip-reads] [--skip-docs] [--skip-import] [--json]

Makes the villages with benchmarks/size_fixture.py (the demo village with N generated
organisations), then measures whole ``gzctl`` processes, each against ``python -c pass``
measured in the same run:

* with ``--orgs`` (default 50,000) organisations: ``status``, ``org list`` and ``done ID``
  (alternating with ``undo ID``, so every run really ticks or unticks); budget 1 s each.
  The first run after the village is made is reported apart and not judged (the fixture
  saves through gzctl's own transaction, which fills the village's cache, .gzctl-cache/);
* for ``done``, also how long the project lock was held (the lock file is watched from a
  second process: the time it is taken, at 5 ms resolution); budget: less than 1 s;
* ``org import`` of a ``--import-rows`` (default 50,000) row CSV into an empty village:
  budget 15 s and 500 MB (maximum resident memory of the process);
* with ``--docs-orgs`` (default 2,000) organisations: ``docs build`` from scratch (budget
  60 s) and again after one organisation changed (budget 2 s).

Medians of ``--runs`` runs (default 3). Exit code 0 when every budget holds, 1 when one does
not, 2 when a command failed. On a busy machine the wall clock says little: the CPU time
(user + system) of each process is shown beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from size_fixture import NOW  # noqa: E402


def make_village(folder: Path, orgs: int, env: dict[str, str]) -> Path:
    """benchmarks/size_fixture.py in its own process: this one stays small, so the memory
    measured of each gzctl process is its own (a fork starts with its parent's)."""
    script = ROOT / "benchmarks" / "size_fixture.py"
    subprocess.run([sys.executable, str(script), str(folder), "--orgs", str(orgs)], env=env,
                   check=True, capture_output=True)  # fmt: skip
    return folder

READ_BUDGET = 1.0  # seconds: status, org list, done with 50,000 organisations
IMPORT_SECONDS = 15.0
IMPORT_MB = 500.0
DOCS_SECONDS = 60.0
DOCS_AGAIN_SECONDS = 2.0


class Failed(Exception):
    """A measured command did not exit 0."""


def gzctl_command() -> list[str]:
    script = Path(sys.executable).parent / "gzctl"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "gzctl"]


def environment(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env.pop("GZCTL_DEBUG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update({"GZCTL_NOW": NOW, "GZCTL_USER": "bench", "NO_COLOR": "1"})
    env["GZCTL_CACHE_HOME"] = str(work / "cache")
    return env


def run(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds and maximum resident MB of one process (its own rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise Failed(f"{' '.join(argv)}: exit {proc.returncode}\n{err.decode()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024}


def lock_held(argv: list[str], env: dict[str, str], folder: Path) -> tuple[dict[str, float], float]:
    """Run ``argv`` while a second process polls the project lock: how long it was taken."""
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCH, str(folder / ".gzctl.lock")],
        stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(0.2)
    timing = run(argv, env)
    assert watcher.stdin is not None
    watcher.stdin.write("stop\n")
    watcher.stdin.flush()
    out, _ = watcher.communicate(timeout=30)
    return timing, float(out.strip() or 0)


# polls the lock with a non-blocking flock every 5 ms and prints how long it found it taken
WATCH = """\
import fcntl, os, select, sys, time
path = sys.argv[1]
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
held = 0.0
while True:
    start = time.perf_counter()
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        free = True
    except OSError:
        free = False
    if select.select([sys.stdin], [], [], 0.005)[0]:
        break
    if not free:
        held += time.perf_counter() - start
print(held)
"""


def median(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def row(label: str, rows: list[dict[str, float]], base: float, budget: float | None,
        unit: str = "s", key: str = "wall") -> dict[str, Any]:  # fmt: skip
    value = median(rows, key) if key != "mb" else max(r["mb"] for r in rows)
    seconds = median(rows, "wall")
    return {
        "measure": label,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(median(rows, "cpu"), 3),
        "ratio": round(seconds / base, 1),
        "max_mb": round(max(r["mb"] for r in rows), 1),
        "value": round(value, 3),
        "unit": unit,
        "budget": budget,
        "passed": None if budget is None else value <= budget,
    }


def bench_reads(gz: list[str], env: dict[str, str], work: Path, orgs: int, runs: int,
                base: float) -> list[dict[str, Any]]:  # fmt: skip
    folder = make_village(work / f"dorp-{orgs}", orgs, env)
    out = subprocess.run([*gz, "-C", str(folder), "next", "--json"], env=env,
                         capture_output=True, text=True, check=True)  # fmt: skip
    item = json.loads(out.stdout)[0]["id"]
    cold = run([*gz, "-C", str(folder), "status"], env)
    rows = [row(f"status, {orgs} orgs, first run after the fixture's save", [cold], base, None)]
    for label, args in (("status", ["status"]), ("org list", ["org", "list"])):
        timings = [run([*gz, "-C", str(folder), *args], env) for _ in range(runs)]
        rows.append(row(f"{label}, {orgs} orgs", timings, base, READ_BUDGET))
    done: list[dict[str, float]] = []
    held: list[dict[str, float]] = []
    first = run([*gz, "-C", str(folder), "done", item], env)  # the first save fills the pieces
    run([*gz, "-C", str(folder), "undo", item], env)
    rows.append(row(f"done, {orgs} orgs, first run", [first], base, None))
    for _ in range(runs):
        for verb in ("done", "undo"):
            timing, lock = lock_held([*gz, "-C", str(folder), verb, item], env, folder)
            if verb == "done":
                done.append(timing)
                held.append({"wall": lock, "cpu": 0.0, "mb": 0.0})
    rows.append(row(f"done, {orgs} orgs", done, base, READ_BUDGET))
    lock_row = row(f"done, {orgs} orgs: lock held", held, base, READ_BUDGET)
    lock_row["cpu_seconds"] = lock_row["max_mb"] = None
    rows.append(lock_row)
    return rows


def bench_import(gz: list[str], env: dict[str, str], work: Path, rows_n: int,
                 base: float) -> list[dict[str, Any]]:  # fmt: skip
    from import_bench import ANSWERS, make_csv  # the same generated list

    data = work / "lijst.csv"
    data.write_bytes(make_csv(rows_n))
    answers = work / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    empty = work / "leeg"
    subprocess.run([*gz, "init", str(empty), "--answers", str(answers)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    target = work / "import"
    shutil.copytree(empty, target)
    timing = run([*gz, "-C", str(target), "org", "import", str(data)], env)
    return [
        row(f"org import, {rows_n} rows: seconds", [timing], base, IMPORT_SECONDS),
        row(f"org import, {rows_n} rows: MB", [timing], base, IMPORT_MB, "MB", "mb"),
    ]


def bench_docs(gz: list[str], env: dict[str, str], work: Path, orgs: int,
               base: float) -> list[dict[str, Any]]:  # fmt: skip
    folder = make_village(work / f"docs-{orgs}", orgs, env)
    first = run([*gz, "-C", str(folder), "docs", "build"], env)
    from size_fixture import STATUSES

    # one in the middle that gets a letter (an organisation that left gets none)
    index = next(i for i in range(orgs // 2, orgs) if STATUSES[i % len(STATUSES)] != "afgehaakt")
    org = f"org-{index + 1}"
    edit = [*gz, "-C", str(folder), "org", "edit", org, "--contact", "Henk Veranderd"]
    subprocess.run(edit, env=env, check=True, capture_output=True)
    again = run([*gz, "-C", str(folder), "docs", "build"], env)
    return [
        row(f"docs build, {orgs} orgs", [first], base, DOCS_SECONDS),
        row(f"docs build again after 1 changed org, {orgs} orgs", [again], base,
            DOCS_AGAIN_SECONDS),
    ]  # fmt: skip


def table(rows: list[dict[str, Any]], base: float) -> str:
    lines = [f"python -c pass: {base * 1000:.1f} ms (the ratio's unit)", ""]
    head = f"{'measure':<58} {'seconds':>8} {'x python':>9} {'cpu s':>7} {'max MB':>7}  budget"
    lines += [head, "-" * len(head)]
    for r in rows:
        if r["budget"] is None:
            judged = "-"
        else:
            unit = "MB" if r["unit"] == "MB" else "s"
            judged = f"<= {r['budget']:g} {unit} " + ("ok" if r["passed"] else "TOO SLOW")
        cpu = "-" if r["cpu_seconds"] is None else f"{r['cpu_seconds']:.2f}"
        mb = "-" if r["max_mb"] is None else f"{r['max_mb']:.0f}"
        lines.append(f"{r['measure']:<58} {r['seconds']:>8.2f} {r['ratio']:>9.1f} {cpu:>7} "
                     f"{mb:>7}  {judged}")  # fmt: skip
    judged_rows = [r for r in rows if r["passed"] is not None]
    failed = [r["measure"] for r in judged_rows if not r["passed"]]
    lines += ["", f"{len(judged_rows) - len(failed)} of {len(judged_rows)} budgets hold"
              + (": not: " + "; ".join(failed) if failed else ".")]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=50_000)
    parser.add_argument("--import-rows", type=int, default=50_000)
    parser.add_argument("--docs-orgs", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-reads", action="store_true")
    parser.add_argument("--skip-docs", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="gzctl-size-"))
    env = environment(work)
    gz = gzctl_command()
    try:
        bare = [run([sys.executable, "-c", "pass"], env) for _ in range(10)]
        base = median(bare, "wall")
        rows = [] if args.skip_reads else bench_reads(gz, env, work, args.orgs, args.runs, base)
        if not args.skip_import:
            rows += bench_import(gz, env, work, args.import_rows, base)
        if not args.skip_docs:
            rows += bench_docs(gz, env, work, args.docs_orgs, base)
    except Failed as exc:
        print(f"size_bench.py: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ok = all(r["passed"] is not False for r in rows)
    if args.json:
        print(json.dumps({"python_c_pass_s": base, "results": rows, "ok": ok}, indent=2))
    else:
        print(table(rows, base))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
