"""How long `gzctl org import` takes for a 2,000-row list; the budget is one second.

    python benchmarks/import_bench.py [--rows N] [--runs N] [--json]

Generates a semicolon CSV in Windows-1252 with Dutch headers (as Excel on Windows saves
it) holding N distinct organisations with contact details (two in five names with a typo in
their type word or none at all, as real lists have), then measures, each time on a fresh copy
of an empty project:

* the whole process: the ``gzctl`` console script next to this interpreter (or
  ``python -m gzctl``), start-up and writing gzctl.toml included;
* in-process: reading the file, planning, and the transaction that writes gzctl.toml
  (what the command does after start-up).

The table shows the median of the runs (default 5, after one warm-up), and the CPU time of
the whole process beside it (on a busy machine the wall clock says little). Exit code 0 when the
whole-process median is under the budget, 1 when not, 2 when the import failed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 1.0

ANSWERS = """\
[village]
name = "Beesd"
municipality = "West Betuwe"
province = "Gelderland"
inhabitants = 5000

[[initiators]]
name = "Petra de Vries"
"""

# 6 of the 15 carry no type word or a misspelt one, so 40% of the rows go through the typo
# check (inventory.Catalogue._near_miss, difflib; see benchmarks/match_bench.py)
KINDS = ["Voetbalvereniging", "Tennisclub", "Koor", "Toneelvereniging", "Kaartclub",
         "Stichting", "Huisartsenpraktijk", "Basisschool", "Buurtbus", "Scouting",
         "Voetbalverenging", "Biblioteek", "Kapsalon", "Loonbedrijf",
         "Schildersbedrijf Verhoeven"]  # fmt: skip
PLACES = ["Beesd", "Rhenoy", "Gellicum", "Rumpt", "Enspijk", "Deil", "Tricht", "Buurmalsen"]
HEADER = ["Naam", "Soort", "Sector(en)", "Doelgroep(en)", "Achterban", "Contactpersoon",
          "Functie", "E-mail", "Telefoon", "Adres", "Postcode", "Plaats",
          "Opmerkingen"]  # fmt: skip


def make_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        place = PLACES[i % len(PLACES)]
        writer.writerow(
            [
                f"{KINDS[i % len(KINDS)]} {place} nr {i}",
                "",
                "",
                "",
                str(10 + i % 500),
                f"Contactpersoon {i}",
                "secretaris",
                f"info{i}@voorbeeld.nl",
                f"0345 {100000 + i}",
                f"Dorpsstraat {i % 200 + 1}",
                f"{4150 + i % 50} AB",
                place,
                "Bijeenkomst in het café" if i % 7 == 0 else "",
            ]
        )
    return out.getvalue().encode("cp1252")


def gzctl_command() -> list[str]:
    script = Path(sys.executable).parent / "gzctl"
    return [str(script)] if script.exists() else [sys.executable, "-m", "gzctl"]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env.update(GZCTL_NOW="2026-11-22T12:00:00+01:00", GZCTL_USER="bench", NO_COLOR="1")
    env.pop("GZCTL_DEBUG", None)
    return env


CPU: list[float] = []  # CPU time (user + system) of each whole process, for a busy machine


def whole_process(empty: Path, work: Path, data: Path) -> float:
    folder = work / "p"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(empty, folder)
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(
        [*gzctl_command(), "-C", str(folder), "org", "import", str(data)],
        capture_output=True,
        text=True,
        env=environment(),
    )
    elapsed = time.perf_counter() - start
    after = os.times()
    CPU.append(
        after.children_user - before.children_user + after.children_system - before.children_system
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(2)
    return elapsed


def in_process(empty: Path, work: Path, data: Path, rows: int) -> float:
    import datetime as dt

    from gzctl.core import store
    from gzctl.network import inventory, orgio

    folder = work / "q"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(empty, folder)
    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    start = time.perf_counter()
    catalogue = inventory.load_catalogue()
    table = orgio.read_table(data)
    with store.transaction(folder, "bench", now) as change:
        plan = orgio.plan_import(change.project, table, catalogue, now.date())
        orgio.apply_import(change.project, plan, catalogue, now.date())
        change.log("org-import", f"{len(plan.added)} organisaties", [])
    elapsed = time.perf_counter() - start
    if len(plan.added) != rows or plan.rejected:
        sys.stderr.write(f"expected {rows} added, got {len(plan.added)}: {plan.rejected[:3]}\n")
        raise SystemExit(2)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "organisaties.csv"
        data.write_bytes(make_csv(args.rows))
        answers = work / "a.toml"
        answers.write_text(ANSWERS, encoding="utf-8")
        empty = work / "leeg"
        subprocess.run(
            [*gzctl_command(), "init", str(empty), "--answers", str(answers)],
            check=True,
            capture_output=True,
            env=environment(),
        )
        whole_process(empty, work, data)  # warm-up: bytecode, file cache
        CPU.clear()
        outside = [whole_process(empty, work, data) for _ in range(args.runs)]
        inside = [in_process(empty, work, data, args.rows) for _ in range(args.runs)]
    result = {
        "rows": args.rows,
        "runs": args.runs,
        "whole_process_s": round(statistics.median(outside), 3),
        "in_process_s": round(statistics.median(inside), 3),
        "whole_process_cpu_s": round(statistics.median(CPU), 3),
        "budget_s": BUDGET,
    }
    ok = result["whole_process_s"] < BUDGET
    if args.json:
        print(json.dumps({**result, "ok": ok}, indent=2))
    else:
        print(f"gzctl org import, {args.rows} rijen (mediaan van {args.runs}):")
        print(f"  heel proces   {result['whole_process_s']:.3f} s   (budget {BUDGET:.1f} s)")
        print(f"  in het proces {result['in_process_s']:.3f} s")
        print(f"  cpu (heel)    {result['whole_process_cpu_s']:.3f} s   (op een drukke machine)")
        print("  binnen budget" if ok else "  BUDGET OVERSCHREDEN")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
