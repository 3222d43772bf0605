"""Make a village of N organisations for the size benchmarks (benchmarks/size_bench.py).

    python benchmarks/size_fixture.py DIR [--orgs N]

Starts from the demo village (``gzctl demo DIR``) and replaces its organisations by N
generated ones, with contact details and varied kinds, statuses and types, as a village looks
after a large import; the demo's platforms and activities, which name demo organisations, go,
and every other reference to a demo organisation or platform is taken out
(gzctl/network/references.unlink), so the village opens without dangling references.
The import is logged as ``org import`` logs it, at the fixture's moment.
Written through gzctl's own transaction (gzctl/core/store.py), so the file is what gzctl
itself would write. Deterministic: the same N gives the same gzctl.toml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzctl.core import store  # noqa: E402
from gzctl.core.model import Contact, Organisation  # noqa: E402
from gzctl.network import references  # noqa: E402

NOW = "2026-11-22T12:00:00+01:00"
KINDS = ("vrijwilligers", "professioneel", "overheid", "ondernemer")
STATUSES = ("geïnventariseerd", "benaderd", "uitgenodigd", "aangesloten", "afgehaakt")
WORDS = ("Voetbalvereniging", "Zonnebloem", "Oranjecomité", "Toneelvereniging", "Fanfare",
         "Huisartsenpraktijk", "Buurtbus", "Scouting", "Kaartclub", "Ouderenbond")  # fmt: skip
FIRST = ("Jan", "Karin", "Mohamed", "Ingrid", "Pieter", "Fatma", "Joke", "Sven")
LAST = ("de Vries", "Jansen", "El Amrani", "van Dijk", "Bakker", "Öztürk", "Smits")
PLACES = ("Ooltwijk", "Rhenoy", "Gellicum", "Rumpt", "Enspijk", "Deil")


def organisations(n: int) -> list[Organisation]:
    """N distinct generated organisations (ids org-1 .. org-N)."""
    out = []
    for i in range(n):
        name = f"{WORDS[i % len(WORDS)]} {LAST[i % len(LAST)].split()[-1]} {i + 1}"
        person = f"{FIRST[i % len(FIRST)]} {LAST[(i // 3) % len(LAST)]}"
        status = STATUSES[i % len(STATUSES)]
        out.append(
            Organisation(
                id=f"org-{i + 1}",
                name=name,
                kind=KINDS[i % len(KINDS)],
                target_groups=[["K", "J"], ["O"], ["A"], ["G", "Kw"]][i % 4],
                reach=50 + (i * 37) % 900,
                address=f"Dorpsstraat {i + 1}",
                postcode="4197 AB",
                place=PLACES[i % len(PLACES)],
                contact=Contact(
                    name=person,
                    role="secretaris",
                    email=f"info{i}@voorbeeld.nl",
                    phone="0345 123 456",
                ),
                status=status,
                dates={status: dt.date(2026, 1 + i % 11, 1 + i % 27)},
            )
        )
    return out


def make_village(folder: Path, orgs: int, env: dict[str, str] | None = None) -> Path:
    """The demo village in ``folder`` with ``orgs`` generated organisations."""
    env = dict(os.environ if env is None else env)
    env.setdefault("GZCTL_NOW", NOW)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    subprocess.run(
        [sys.executable, "-m", "gzctl", "demo", str(folder)], env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    with store.transaction(folder, "bench", dt.datetime.fromisoformat(NOW)) as change:
        change.project.organisations = organisations(orgs)
        change.project.platforms = []
        change.project.activities = []
        for kind, item_id in references.missing(change.project):
            references.unlink(change.project, kind, item_id)
        # logged as `org import` logs: the village's last change is today, so an edit made
        # later today keeps the date every letter carries (documents.base.document_date)
        change.log("org-import", f"{orgs} organisaties ingelezen uit benchmark.csv")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--orgs", type=int, default=50_000)
    args = parser.parse_args()
    if args.folder.exists():
        print(f"size_fixture.py: {args.folder} exists already", file=sys.stderr)
        return 2
    make_village(args.folder, args.orgs)
    print(f"{args.folder}: {args.orgs} organisations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
