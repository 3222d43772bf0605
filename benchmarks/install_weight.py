"""What a fresh install of gzctl weighs and how long it takes.

    python benchmarks/install_weight.py [--venv DIR] [--keep] [--json]

Makes a new virtual environment with this interpreter, times ``pip install .`` of this
checkout into it (without the test extras; pip's cache as it is, so run it twice for the
warm-cache figure), then weighs its site-packages per distribution: the sizes of the files in
each distribution's RECORD (pip's own list of what it installed, byte-compiled files
included). pip and setuptools come with the venv and are counted like the rest. Budget
(issue 21): at most 180 MB in total; exit 1 above it.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 180.0


def weigh(site: Path) -> tuple[list[tuple[str, int]], int]:
    """(distribution, bytes) heaviest first, and the bytes of everything in ``site``."""
    seen: set[Path] = set()
    rows = []
    for info in sorted(site.glob("*.dist-info")):
        total = 0
        with open(info / "RECORD", encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                path = (site / row[0]).resolve()
                if path in seen or not path.is_file():
                    continue
                seen.add(path)
                total += path.stat().st_size
        rows.append((info.name.split("-")[0], total))
    everything = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return sorted(rows, key=lambda r: (-r[1], r[0])), everything


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, help="make the venv here (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="leave the venv in place")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    venv = args.venv or Path(tempfile.mkdtemp(prefix="gzctl-install-")) / "venv"
    if venv.exists():
        shutil.rmtree(venv)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    start = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    rows, total = weigh(Path(purelib))
    if not args.keep and args.venv is None:
        shutil.rmtree(venv.parent)
    ok = total / 1e6 <= BUDGET_MB
    if args.json:
        print(
            json.dumps(
                {
                    "seconds": round(seconds, 1),
                    "total_mb": round(total / 1e6, 1),
                    "distributions": len(rows),
                    "by_distribution_mb": {name: round(size / 1e6, 1) for name, size in rows},
                    "python": sysconfig.get_python_version(),
                },
                indent=2,
            )
        )
    else:
        for name, size in rows:
            print(f"{size / 1e6:7.1f} MB  {name}")
        print(
            f"{total / 1e6:7.1f} MB  in {len(rows)} distributions (budget {BUDGET_MB:.0f} MB: "
            f"{'ok' if ok else 'TE ZWAAR'}); pip install . took {seconds:.1f} s"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
