"""`gzctl docs build --only uitnodiging` for 500 organisations, all three formats, as a process.

    python benchmarks/documents_bench.py [--orgs N] [--runs N] [--keep DIR] [--json]

Makes the demo village, replaces its organisations by N generated ones (names with accents,
contact persons with and without a salutation), then times whole
``gzctl -C DIR docs build --only uitnodiging --format md,html,docx --force`` processes:
N letters plus the combined print file, each in Markdown, HTML and DOCX (3 * (N + 1) files).
``--force`` makes every run render and write everything again. Medians of N runs (default 3)
after one warm-up. Budget: 500 letters in under 5 seconds; exit 1 when it is exceeded.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzctl.core import store  # noqa: E402
from gzctl.core.model import Contact, Organisation  # noqa: E402

BUDGET = 5.0
NOW = "2026-11-22T12:00:00+01:00"
KINDS = ("vrijwilligers", "professioneel", "overheid", "ondernemer")
WORDS = ("Voetbalvereniging", "Zonnebloem", "Oranjecomité", "Toneelvereniging", "Fanfare",
         "Huisartsenpraktijk", "Buurtbus", "Scouting", "Kaartclub", "Ouderenbond")  # fmt: skip
FIRST = ("Jan", "Karin", "Mohamed", "Ingrid", "Pieter", "Fatma", "Joke", "Sven")
LAST = ("de Vries", "Jansen", "El Amrani", "van Dijk", "Bakker", "Öztürk", "Smits")


def organisations(n: int) -> list[Organisation]:
    out = []
    for i in range(n):
        name = f"{WORDS[i % len(WORDS)]} {LAST[i % len(LAST)].split()[-1]} {i + 1}"
        person = f"{FIRST[i % len(FIRST)]} {LAST[(i // 3) % len(LAST)]}"
        contact = Contact(
            name=person,
            role="secretaris",
            email=f"info{i}@voorbeeld.nl",
            phone="0345 123 456",
            salutation="Geachte mevrouw Jansen" if i % 5 == 0 else "",
        )
        out.append(
            Organisation(
                id=f"org-{i + 1}",
                name=name,
                kind=KINDS[i % len(KINDS)],
                target_groups=[["K", "J"], ["O"], ["A"], ["G", "Kw"]][i % 4],
                reach=50 + (i * 37) % 900,
                address=f"Dorpsstraat {i + 1}",
                postcode="4197 AB",
                place="Ooltwijk",
                contact=contact,
                status="benaderd",
            )
        )
    return out


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GZCTL_NOW": NOW, "GZCTL_USER": "bench", "NO_COLOR": "1"})
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder, keep it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="gzctl-docs-bench-"))
    folder = base / "dorp"
    if folder.exists():
        shutil.rmtree(folder)
    env = environment()
    gz = [sys.executable, "-m", "gzctl"]
    subprocess.run([*gz, "demo", str(folder)], env=env, check=True, capture_output=True)
    import datetime as dt

    with store.transaction(folder, "bench", dt.datetime.fromisoformat(NOW)) as change:
        change.project.organisations = organisations(args.orgs)
        # the demo's platforms and activities name demo organisations that are gone now
        change.project.platforms = []
        change.project.activities = []
    command = [*gz, "-C", str(folder), "docs", "build", "--only", "uitnodiging",
               "--format", "md,html,docx", "--force"]  # fmt: skip
    times = []
    for run in range(args.runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(command, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr, file=sys.stderr)
            return 2
        if run:  # the first run warms the disk cache and writes everything the first time
            times.append(elapsed)
    files = len(list((folder / "documenten" / "uitnodiging").glob("*.*")))
    median = statistics.median(times)
    result = {
        "organisations": args.orgs,
        "files": files,
        "seconds_median": round(median, 3),
        "seconds_all": [round(t, 3) for t in times],
        "budget_seconds": BUDGET,
        "ok": median < BUDGET,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{args.orgs} letters, {files} files (md, html, docx): median {median:.2f} s "
            f"over {len(times)} runs (budget {BUDGET:.0f} s) -> "
            + ("ok" if result["ok"] else "TOO SLOW")
        )
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
