"""`gzctl portfolio ROOT --json` on 1,000 villages with 40 organisations each, as a process.

    python benchmarks/portfolio_bench.py [--villages N] [--orgs N] [--runs N] [--keep DIR] [--json]

Generates the tree once (each gzctl.toml written with ``store.dumps`` from a realistic
project: intake answers, a third to two thirds of the checklist ticked over the past months,
the organisation inventory, and a history of a line per change), then times whole
``gzctl portfolio ROOT --json`` processes, stdout to /dev/null:

* cold: ``--no-cache``, every gzctl.toml parsed and summarised (what the very first run
  costs, or a run after every village changed);
* warm: with the cache in GZCTL_CACHE_HOME filled by the run before (every later run, also
  on later days; a changed village is re-read alone);
* ``gzctl --version`` through the same interpreter, for the part that is start-up only.

Medians of N runs (default 5) after one warm-up. Target: warm well under a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
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
    book = pb.load("gemeenschapszorg")
    size = 0
    for i in range(n):
        folder = root / f"dorp-{i:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = store.dumps(village(i, book, n_orgs))
        (folder / store.STATE_FILE).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size, len(organisations(random.Random(0), n_orgs, TODAY))


def gzctl() -> list[str]:
    script = Path(sys.executable).parent / "gzctl"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "gzctl"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--villages", type=int, default=1000)
    parser.add_argument("--orgs", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gzctl-portfolio-bench-"))
    root = args.keep or work / "dorpen"
    t0 = time.perf_counter()
    if not (root / "dorp-0000" / store.STATE_FILE).is_file():
        size, orgs = generate(root, args.villages, args.orgs)
    else:
        size = sum(p.stat().st_size for p in root.glob("*/gzctl.toml"))
        orgs = len(organisations(random.Random(0), args.orgs, TODAY))
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
    cmd = [*gzctl(), "portfolio", str(root), "--json"]
    results: dict[str, list[float]] = {"cold": [], "warm": [], "start-up": []}
    timed([*gzctl(), "--version"], env)  # warm-up: bytecode
    timed(cmd, env)  # warm-up: bytecode, and fills the cache
    for _ in range(args.runs):
        results["cold"].append(timed([*cmd, "--no-cache"], env))
        results["warm"].append(timed(cmd, env))
        results["start-up"].append(timed([*gzctl(), "--version"], env))
    out = proc_check(cmd, env)
    report = {
        "villages": args.villages,
        "organisations_per_village": orgs,
        "rows": out,
        "state_megabytes": round(size / 1e6, 1),
        "generate_seconds": round(generated, 1),
        **{f"{k}_median_ms": round(statistics.median(v) * 1000) for k, v in results.items()},
        **{f"{k}_min_ms": round(min(v) * 1000) for k, v in results.items()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"{report['villages']} dorpen, {orgs} organisaties elk, "
            f"{report['state_megabytes']} MB gzctl.toml (gemaakt in {report['generate_seconds']} s)"
        )
        for k in results:
            print(
                f"  {k:<9} mediaan {report[f'{k}_median_ms']:>6} ms   "
                f"min {report[f'{k}_min_ms']:>6} ms"
            )
        if orgs == 0:
            print("  (dit model kent nog geen organisaties: zonder organisaties gemeten)")
    return 0


def proc_check(cmd: list[str], env: dict[str, str]) -> int:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    rows = json.loads(proc.stdout)
    assert all(r["error"] is None for r in rows), [r for r in rows if r["error"]][:1]
    return len(rows)


if __name__ == "__main__":
    raise SystemExit(main())
