"""`gzctl portfolio ROOT --json` on 1,000 and 10,000 villages (40 organisations each), as a process.

    python benchmarks/portfolio_bench.py [--villages N] [--large N] [--orgs N] [--runs N]
                                         [--keep DIR] [--json]

Generates the trees once (each gzctl.toml written with ``store.dumps`` from a realistic
project: intake answers, a third to two thirds of the checklist ticked over the past months,
the organisation inventory, and a history of a line per change; beyond the first 1,000 the
villages are copies under new names), then times whole processes, stdout to /dev/null, and
gives each median also as a ratio to a bare ``python -c pass`` measured in the same run:

* ``gzctl --version``: the start-up part alone;
* warm, N villages: with the cache in GZCTL_CACHE_HOME filled by the run before (every later
  run, also on later days; a changed village is re-read alone);
* cold, N villages: ``--no-cache``, every gzctl.toml parsed and summarised, on every core.

Budgets (issue 13): 1,000 warm at most 5x ``gzctl --version``; 10,000 warm at most 2 s;
1,000 cold at most 5 s. Exit 1 when one is exceeded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzctl.core import model, store  # noqa: E402
from gzctl.core import playbook as pb  # noqa: E402

TODAY = dt.date(2026, 11, 22)
TZ = dt.timezone(dt.timedelta(hours=1))
SECTORS = ["zorg", "welzijn", "sport", "recreatie", "cultuur", "educatie", "wonen"]
GROUPS = ["K", "J", "G", "V", "O", "Kw", "A"]
KINDS = ["vrijwilligers", "professioneel", "overheid", "ondernemer"]
STATUSES = ["geïnventariseerd", "benaderd", "uitgenodigd", "aangesloten"]


def organisations(rng: random.Random, n: int, start: dt.date) -> list[Any]:
    """40 organisations, if this gzctl's model has them (issue 3); else an empty list."""
    org_cls = getattr(model, "Organisation", None)
    contact_cls = getattr(model, "Contact", None)
    if org_cls is None or contact_cls is None:
        return []
    out = []
    for j in range(n):
        status = rng.choice(STATUSES)
        out.append(
            org_cls(
                id=f"org-{j:02d}",
                name=f"Vereniging {j} van het dorp",
                kind=rng.choice(KINDS),
                sectors=rng.sample(SECTORS, 2),
                target_groups=rng.sample(GROUPS, 2),
                reach=rng.randint(10, 600),
                address=f"Dorpsstraat {j + 1}",
                postcode="4153 AB",
                place="Beesd",
                contact=contact_cls(
                    name=f"Contact {j}",
                    role="secretaris",
                    email=f"secretaris{j}@example.nl",
                    phone="0345 123456",
                ),
                status=status,
                dates={"geïnventariseerd": start + dt.timedelta(days=j % 30)},
                notes="Eerste gesprek gehad; wil meedoen aan de netwerkavond.",
            )
        )
    return out


def village(i: int, book: pb.Playbook, n_orgs: int) -> model.Project:
    rng = random.Random(i)
    start = TODAY - dt.timedelta(days=rng.randint(60, 400))
    p = model.Project()
    p.project.playbook_version = book.version
    p.project.created = start
    p.village = model.Village(f"Dorp {i:04d}", f"Gemeente {i % 40}", "Gelderland", 5000 + i)
    p.initiators = [
        model.Person("Petra de Vries", "petra@example.nl", role="dorpshuis"),
        model.Person("Joost van Wijk", "joost@example.nl", role="KBO"),
    ]
    p.answers = {"verkennen.aandeel_65plus": 25, "verkennen.startdatum": start}

    def at(day: dt.date) -> dt.datetime:
        return dt.datetime(day.year, day.month, day.day, 20, tzinfo=TZ)

    p.history.append(model.HistoryEntry(at(start), "Petra", "init", "Project aangemaakt", []))
    p.organisations = organisations(rng, n_orgs, start)
    for org in p.organisations:
        day = start + dt.timedelta(days=rng.randint(0, 30))
        p.history.append(
            model.HistoryEntry(at(day), "Petra", "org", f"Organisatie toegevoegd: {org.name}", [])
        )
    items = [it for it in book.items if not it.done_when]
    ticked = items[: rng.randint(len(items) // 3, 2 * len(items) // 3)]
    span = (TODAY - start).days
    for it in ticked:
        day = start + dt.timedelta(days=rng.randint(0, span))
        p.checklist[it.id] = model.ChecklistEntry(True, day, "Petra", "")
        p.history.append(
            model.HistoryEntry(at(day), "Petra", "done", f"Afgevinkt: {it.title}", [it.id])
        )
    p.history.sort(key=lambda h: h.at)
    return p


def generate(root: Path, n: int, n_orgs: int) -> tuple[int, int]:
    """``n`` villages under ``root``; the first 1,000 made one by one, the rest copied from
    them under a new name (generating 10,000 from scratch would take minutes)."""
    book = pb.load("gemeenschapszorg")
    size = 0
    unique = min(n, 1000)
    texts: list[str] = []
    for i in range(n):
        folder = root / f"dorp-{i:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        if i < unique:
            text = store.dumps(village(i, book, n_orgs))
            texts.append(text)
        else:
            text = texts[i % unique].replace(
                f'name = "Dorp {i % unique:04d}"', f'name = "Dorp {i:05d}"', 1
            )
        (folder / store.STATE_FILE).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size, len(organisations(random.Random(0), n_orgs, TODAY))


def gzctl() -> list[str]:
    script = Path(sys.executable).parent / "gzctl"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "gzctl"]


CPU: dict[str, list[float]] = {}


def timed(argv: list[str], env: dict[str, str], name: str = "") -> float:
    """Wall time of one whole process; its CPU time (user + system, all its worker processes
    included) is kept in CPU[name], a figure that other load on the machine hardly moves."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if name:
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        CPU.setdefault(name, []).append(used)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()}")
    return elapsed


def tree(base: Path, n: int, n_orgs: int) -> tuple[Path, float]:
    root = base / f"dorpen-{n}"
    marker = root / f"dorp-{n - 1:05d}" / store.STATE_FILE
    if not marker.is_file():
        if root.exists():
            shutil.rmtree(root)
        generate(root, n, n_orgs)
    size = sum(p.stat().st_size for p in root.glob("*/gzctl.toml"))
    return root, size / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--villages", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000, help="0: skip the large tree")
    parser.add_argument("--orgs", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gzctl-portfolio-bench-"))
    base = args.keep or work
    t0 = time.perf_counter()
    small, small_mb = tree(base, args.villages, args.orgs)
    large, large_mb = tree(base, args.large, args.orgs) if args.large else (None, 0.0)
    generated = time.perf_counter() - t0
    env = dict(os.environ)
    env.update(
        {
            "GZCTL_CACHE_HOME": str(work / "cache"),
            "GZCTL_CONFIG_HOME": str(work / "config"),
            "GZCTL_NOW": f"{TODAY.isoformat()}T12:00:00+01:00",
            "NO_COLOR": "1",
            "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        }
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = [sys.executable, "-c", "pass"]
    version = [*gzctl(), "--version"]
    cases: list[tuple[str, list[str], int]] = [
        ("python -c pass", python, args.runs),
        ("gzctl --version", version, args.runs),
        (f"warm, {args.villages} dorpen", [*gzctl(), "portfolio", str(small), "--json"], args.runs),
        (
            f"cold, {args.villages} dorpen",
            [*gzctl(), "portfolio", str(small), "--json", "--no-cache"],
            args.cold_runs,
        ),
    ]
    if large is not None:
        cases.append(
            (f"warm, {args.large} dorpen", [*gzctl(), "portfolio", str(large), "--json"], args.runs)
        )
    timed(version, env)  # warm-up: bytecode
    for _, argv, _ in cases[2:]:
        if "--no-cache" not in argv:
            timed(argv, env)  # fills the cache
    results: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for i in range(max(args.runs, args.cold_runs)):
        for name, argv, runs in cases:  # interleaved: a busy moment hits every case alike
            if i < runs:
                results[name].append(timed(argv, env, name))
    rows = proc_check(cases[2][1], env)
    median = {name: statistics.median(v) * 1000 for name, v in results.items()}
    bare = median["python -c pass"]
    budgets = {
        f"warm, {args.villages} dorpen": ("5x gzctl --version", 5 * median["gzctl --version"]),
        f"cold, {args.villages} dorpen": ("5 s", 5000.0),
    }
    if large is not None:
        budgets[f"warm, {args.large} dorpen"] = ("2 s", 2000.0)
    report = {
        "villages": args.villages,
        "large": args.large,
        "organisations_per_village": args.orgs,
        "cores": os.cpu_count(),
        "rows": rows,
        "state_megabytes": {
            str(args.villages): round(small_mb, 1),
            str(args.large): round(large_mb, 1),
        },
        "generate_seconds": round(generated, 1),
        "cases": {
            name: {
                "median_ms": round(median[name]),
                "min_ms": round(min(v) * 1000),
                "ratio_to_python": round(median[name] / bare, 1),
                "cpu_median_ms": round(statistics.median(CPU[name]) * 1000),
                "budget": budgets[name][0] if name in budgets else None,
                "ok": (median[name] <= budgets[name][1]) if name in budgets else None,
            }
            for name, v in results.items()
        },
    }
    failed = [n for n, c in report["cases"].items() if c["ok"] is False]
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"{args.villages} en {args.large} dorpen, {args.orgs} organisaties elk, "
            f"{report['cores']} kernen (bomen gemaakt in {report['generate_seconds']} s)"
        )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        print(f"  (belasting van de machine bij de start: {load:.1f})")
        print(f"  {'geval':<22} {'mediaan':>9} {'min':>8} {'x python':>9} {'cpu':>8}  budget")
        for name, c in report["cases"].items():
            verdict = "" if c["ok"] is None else ("  ok" if c["ok"] else "  TE TRAAG")
            print(
                f"  {name:<22} {c['median_ms']:>6} ms {c['min_ms']:>5} ms "
                f"{c['ratio_to_python']:>8}x {c['cpu_median_ms']:>5} ms"
                f"  {c['budget'] or ''}{verdict}"
            )
    return 1 if failed else 0


def proc_check(cmd: list[str], env: dict[str, str]) -> int:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    rows = json.loads(proc.stdout)
    assert all(r["error"] is None for r in rows), [r for r in rows if r["error"]][:1]
    return len(rows)


if __name__ == "__main__":
    raise SystemExit(main())
