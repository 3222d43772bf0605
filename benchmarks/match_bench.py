"""Recognising the type of an organisation from its name, on 2,000 and 50,000 names: difflib
(what gzctl uses) against rapidfuzz (what it used), in process.

    python benchmarks/match_bench.py [--rows N ...] [--village N] [--runs N] [--json]

Where the fuzzy part sits: ``Catalogue.match_type`` first looks for a keyword of the
catalogue in the name (a dictionary look-up per word); only a name in which no keyword is
found goes to ``Catalogue._near_miss``, which compares each word of six letters or more with
the catalogue's one-word keywords of six letters or more (about 200) to forgive a typo
('Biblioteek'). Duplicates within an import and against the village are found by an exact
key (``inventory.dedup_key``), not by a fuzzy match, so the size of the village does not
change the fuzzy work: the village is there to time the whole plan as ``org import`` makes it.

The names are generated (seeded): 55% a type word and a place ('Tennisclub Rumpt'), 15% a
type word with one typo ('Biblioteek Deil', 'Voetbalverenging Beesd'), 30% no type word at
all ('Kapsalon Els', 'Van Dam Installatietechniek'), the share that costs the most. Columns:

* ``match, difflib``: ``match_type`` for every name as gzctl does it (difflib, on the
  keywords that two cheap bounds, the lengths and the letter pairs in common, leave);
* ``no bounds``: the same with difflib comparing every keyword letter by letter (run once,
  up to 2,000 names; it must find exactly what the bounded one finds);
* ``match, rapidfuzz``: the former ``_near_miss`` (``process.extractOne``, ``fuzz.ratio``),
  when rapidfuzz is installed; ``differ`` counts names whose type the two find differently;
* ``plan import``: ``orgio.plan_import`` of all names against a village of N organisations
  (default 300), difflib.

Medians of ``--runs`` (default 3), CPU time in ms (the code is single-threaded, so on a
quiet machine that is the wall clock too). The budget that counts is the whole-process one of
``benchmarks/import_bench.py`` (2,000 rows under one second); this script shows where the
fuzzy match stands inside it and how it grows to 50,000 rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzctl.network import inventory as inv  # noqa: E402

PLACES = ["Beesd", "Rhenoy", "Gellicum", "Rumpt", "Enspijk", "Deil", "Tricht", "Buurmalsen",
          "Ooltwijk", "Lingewaal", "Geldermalsen", "Asperen"]  # fmt: skip
# words of real member lists that say nothing about a type (the user is asked)
PLAIN = ["Kapsalon", "Installatietechniek", "Loonbedrijf", "Hoveniersbedrijf", "Schildersbedrijf",
         "Administratiekantoor", "Fietsenmaker", "Bloemenhandel", "Zonnestudio", "Garagebedrijf",
         "Dierenkliniek", "Timmerbedrijf", "Slagerij", "Autorijles", "Pedicure", "Mode",
         "Evenementen", "Vastgoed", "Makelaardij", "Eetcafé", "Snackbar", "Camping"]  # fmt: skip
SURNAMES = ["Van Dam", "De Jong", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer",
            "Mulder", "Van Leeuwen", "Verhoeven", "Hendriks", "Van Wijk", "Els"]  # fmt: skip


NO_BOUNDS_UP_TO = 2000


def typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard: a letter left out, doubled, swapped with the next or wrong."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word[:i] + rng.choice("aeiounrst") + word[i + 1 :]


def names(n: int, catalogue: inv.Catalogue, seed: int = 21) -> list[str]:
    """``n`` organisation names in the mix described above, the same for the same seed."""
    rng = random.Random(seed)
    words = sorted({k for t in catalogue.types for k in t.keywords if k.isalpha()})
    near = [k for k in words if len(k) >= 6]
    out = []
    for i in range(n):
        place = rng.choice(PLACES)
        roll = rng.random()
        if roll < 0.55:
            out.append(f"{rng.choice(words).capitalize()} {place} {i}")
        elif roll < 0.70:
            out.append(f"{typo(rng.choice(near), rng).capitalize()} {place} {i}")
        elif roll < 0.85:
            out.append(f"{rng.choice(PLAIN)} {rng.choice(SURNAMES)} {i}")
        else:
            out.append(f"{rng.choice(SURNAMES)} {rng.choice(PLAIN)} {place} {i}")
    return out


def rapidfuzz_near_miss(catalogue: inv.Catalogue, words: list[str]) -> inv.OrgType | None:
    """The former ``Catalogue._near_miss``, scored by rapidfuzz (kept here to compare)."""
    from rapidfuzz import fuzz, process

    choices = catalogue._by_how["near"]
    best: tuple[float, str] | None = None
    for w in words:
        if len(w) < 6:
            continue
        found = process.extractOne(
            w, choices.keys(), scorer=fuzz.ratio, score_cutoff=inv.NEAR_MISS
        )
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], choices[found[0]])
    return catalogue.type(best[1]) if best else None


def difflib_without_bounds(catalogue: inv.Catalogue, words: list[str]) -> inv.OrgType | None:
    """gzctl's ``_near_miss`` without its two cheap bounds: every keyword letter by letter."""
    from difflib import SequenceMatcher

    best: tuple[float, str] | None = None
    for w in words:
        if len(w) < 6:
            continue
        matcher = SequenceMatcher(None, "", w, autojunk=False)
        for keyword, type_id in catalogue._by_how["near"].items():
            matcher.set_seq1(keyword)
            score = matcher.ratio()
            if score >= inv.NEAR_MISS / 100 and (best is None or score > best[0]):
                best = (score, type_id)
    return catalogue.type(best[1]) if best else None


def match_all(catalogue: inv.Catalogue, rows: list[str]) -> list[str | None]:
    out = []
    for name in rows:
        found = catalogue.match_type(name)
        out.append(found.id if found else None)
    return out


def with_scorer(
    catalogue: inv.Catalogue,
    scorer: Callable[[inv.Catalogue, list[str]], Any] | None,
    rows: list[str],
) -> Callable[[], list[str | None]]:
    """``match_all`` of ``rows`` with ``_near_miss`` swapped for ``scorer`` (None: gzctl's)."""

    def run() -> list[str | None]:
        if scorer is None:
            return match_all(catalogue, rows)
        own = inv.Catalogue._near_miss
        inv.Catalogue._near_miss = lambda self, words: scorer(self, words)  # type: ignore
        try:
            return match_all(catalogue, rows)
        finally:
            inv.Catalogue._near_miss = own  # type: ignore

    return run


def village(n: int, catalogue: inv.Catalogue) -> Any:
    """A project with ``n`` organisations (names from the same mix, another seed)."""
    from gzctl.core.model import Project

    today = dt.date(2026, 11, 22)
    project = Project()
    taken: set[str] = set()
    for name in names(n, catalogue, seed=7):
        org = inv.build({"name": name}, catalogue, taken, today)
        taken.add(org.id)
        project.organisations.append(org)
    return project


def plan(catalogue: inv.Catalogue, project: Any, rows: list[str]) -> float:
    from gzctl.network import orgio

    table = orgio.Table("lijst.csv", [(i + 2, {"name": n}) for i, n in enumerate(rows)])
    start = time.process_time()
    result = orgio.plan_import(project, table, catalogue, dt.date(2026, 11, 22))
    elapsed = time.process_time() - start
    assert not result.rejected, result.rejected[:3]
    return elapsed


def timed(run: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median CPU time of ``runs`` calls in ms (CPU: a busy machine does not inflate it),
    and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = run()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 50000])
    parser.add_argument("--village", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    catalogue = inv.load_catalogue()
    try:
        import rapidfuzz  # noqa: F401
    except ImportError:
        have_rapidfuzz = False
    else:
        have_rapidfuzz = True
    project = village(args.village, catalogue)
    results = []
    for n in args.rows:
        rows = names(n, catalogue)
        row: dict[str, Any] = {"rows": n}
        row["difflib_ms"], own = timed(with_scorer(catalogue, None, rows), args.runs)
        if n <= NO_BOUNDS_UP_TO:  # some ms a name: 50,000 would take many minutes
            row["no_bounds_ms"], bare = timed(
                with_scorer(catalogue, difflib_without_bounds, rows), 1
            )
            assert bare == own, "the bounds changed a result"
        if have_rapidfuzz:
            row["rapidfuzz_ms"], theirs = timed(
                with_scorer(catalogue, rapidfuzz_near_miss, rows), args.runs
            )
            row["differ"] = [
                (name, a, b) for name, a, b in zip(rows, own, theirs, strict=True) if a != b
            ]
        row["unknown"] = sum(1 for t in own if t in (None, inv.UNKNOWN_TYPE))
        row["plan_ms"] = plan(catalogue, project, rows) * 1000
        results.append(row)
    if args.json:
        print(json.dumps({"village": args.village, "results": results}, indent=2))
        return 0
    print(f"village of {args.village} organisations; medians of {args.runs} runs, in ms")
    print()
    head = ["names", "match, difflib", "no bounds", "match, rapidfuzz", "differ", "plan import"]
    print("  ".join(f"{h:>16}" for h in head))
    for r in results:
        cells = [
            r["rows"],
            f"{r['difflib_ms']:.0f}",
            f"{r['no_bounds_ms']:.0f}" if "no_bounds_ms" in r else "-",
            f"{r['rapidfuzz_ms']:.0f}" if have_rapidfuzz else "not installed",
            len(r["differ"]) if have_rapidfuzz else "-",
            f"{r['plan_ms']:.0f}",
        ]
        print("  ".join(f"{c:>16}" for c in cells))
    for r in results:
        for name, a, b in r.get("differ", [])[:10]:
            print(f"  differs: {name!r}: difflib {a}, rapidfuzz {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
