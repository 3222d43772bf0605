"""`gzctl sync`: bring every village repository an advisor follows onto this machine.

Each village is a git repository somewhere (a forge, a share, a path). A missing one is
cloned, an existing one fetched and fast-forwarded — never more: a clone whose own commits
or local changes stand in the way is reported and left exactly as it was. Villages are
handled in parallel (git is I/O-bound, so threads suffice); ``progress`` is called once per
finished village so the shell can draw a bar.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict
from pathlib import Path
from typing import Any

from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record

# states, in the order a report lists them
CLONED = "nieuw"
UPDATED = "bijgewerkt"
UP_TO_DATE = "actueel"
AHEAD = "eigen-commits"
DIVERGED = "uiteengelopen"
LOCAL_CHANGES = "lokale-wijzigingen"
UNREACHABLE = "onbereikbaar"
NOT_A_CLONE = "geen-kloon"

PROBLEMS = (DIVERGED, LOCAL_CHANGES, UNREACHABLE, NOT_A_CLONE)
TIMEOUT = 120.0


@_record
class Synced(_Record):
    """One village after sync: ``state`` is one of the constants above, ``commits`` the
    number of commits fetched in (clone: the history's length), ``message`` a Dutch line."""

    name: str
    source: str
    path: str
    state: str
    commits: int = 0
    message: str = ""

    def as_json(self) -> dict[str, Any]:
        """The outcome as plain JSON values, for ``gzctl sync --json``."""
        return asdict(self)


def folder_name(source: str) -> str:
    """'https://x/stichting/beesd.git' -> 'beesd' (as git clone names the folder)."""
    tail = re.split(r"[/:\\]", source.rstrip("/\\"))[-1]
    if tail.endswith(".git"):
        tail = tail[:-4]
    return tail or "dorp"


def plan(sources: Sequence[str], target: Path) -> list[tuple[str, str, Path]]:
    """(name, source, folder) per village; two sources with one name get '-2', '-3'."""
    out: list[tuple[str, str, Path]] = []
    taken: set[str] = set()
    for source in dict.fromkeys(sources):
        name = base = folder_name(source)
        n = 2
        while name in taken:
            name = f"{base}-{n}"
            n += 1
        taken.add(name)
        out.append((name, source, target / name))
    return out


def _git(args: Sequence[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"  # never wait for a password nobody will type
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    cmd = ["git", *(["-C", str(cwd)] if cwd else []), *args]
    return subprocess.run(
        cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=TIMEOUT
    )


def _why(proc: subprocess.CompletedProcess[str]) -> str:
    lines = [ln.strip() for ln in (proc.stderr or proc.stdout).splitlines() if ln.strip()]
    fatal = [ln for ln in lines if ln.startswith("fatal:")]
    return (fatal or lines or [f"afsluitcode {proc.returncode}"])[-1]


def _register_driver(folder: Path) -> None:
    """A fresh clone gets the merge driver in its config, as `gzctl merge setup` would (the
    committed .gitattributes is the village's business, so it is not written here)."""
    from gzctl.core.errors import Refused
    from gzctl.core.gitmerge import register

    if (folder / "gzctl.toml").is_file():
        try:
            register(folder)
        except (OSError, subprocess.SubprocessError, Refused):
            pass


def sync_one(name: str, source: str, folder: Path) -> Synced:
    """Clone ``source`` into ``folder`` or fetch and fast-forward the clone there. Never
    raises for git trouble: every outcome is a :class:`Synced` with its state."""

    def result(state: str, message: str, commits: int = 0) -> Synced:
        return Synced(name, source, str(folder), state, commits, message)

    try:
        if not folder.exists():
            done = _git(["clone", "--quiet", "--", source, str(folder)])
            if done.returncode != 0:
                return result(UNREACHABLE, f"klonen mislukte: {_why(done)}")
            count = _git(["rev-list", "--count", "HEAD"], folder)
            commits = int(count.stdout.strip() or 0) if count.returncode == 0 else 0
            _register_driver(folder)
            return result(CLONED, "gekloond", commits)
        if not (folder / ".git").exists():
            return result(NOT_A_CLONE, "de map bestaat al en is geen git-kloon; overgeslagen")
        fetched = _git(["fetch", "--quiet", "origin"], folder)
        if fetched.returncode != 0:
            return result(UNREACHABLE, f"ophalen mislukte: {_why(fetched)}")
        upstream = _git(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"], folder)
        if upstream.returncode != 0:
            return result(NOT_A_CLONE, "de huidige tak volgt geen tak op de bron; overgeslagen")
        counts = _git(["rev-list", "--left-right", "--count", "HEAD...@{u}"], folder)
        ahead, behind = (int(x) for x in counts.stdout.split())
        if behind == 0:
            if ahead:
                return result(AHEAD, f"actueel; {ahead} eigen commit(s) nog niet gepusht")
            return result(UP_TO_DATE, "actueel")
        if ahead:
            return result(
                DIVERGED,
                f"uiteengelopen: {ahead} eigen en {behind} nieuwe commit(s); "
                "niet aangeraakt (voeg samen met git pull)",
                behind,
            )
        merged = _git(["merge", "--ff-only", "--quiet", "@{u}"], folder)
        if merged.returncode != 0:
            return result(
                LOCAL_CHANGES,
                f"{behind} nieuwe commit(s), maar lokale wijzigingen staan in de weg; "
                "niet aangeraakt",
                behind,
            )
        return result(UPDATED, f"{behind} nieuwe commit(s)", behind)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return result(UNREACHABLE, f"git werkte niet: {exc}")


def sync_all(
    sources: Sequence[str],
    target: Path,
    jobs: int | None = None,
    progress: Callable[[Synced], None] | None = None,
) -> list[Synced]:
    """Sync every source into ``target`` (created if missing), ``jobs`` at a time (default:
    up to 16). Results in the order of ``sources``; ``progress`` is called as each ends."""
    from gzctl.core import safefs

    safefs.make_folder(target)
    todo = plan(sources, target)
    if not todo:
        return []
    workers = max(1, min(jobs or 16, len(todo)))
    results: dict[str, Synced] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(sync_one, *job): job[0] for job in todo}
        for fut in as_completed(futures):
            done = fut.result()
            results[done.name] = done
            if progress is not None:
                progress(done)
    return [results[name] for name, _, _ in todo]


def counts(results: Sequence[Synced]) -> dict[str, int]:
    """State -> number of villages, for the closing line."""
    out: dict[str, int] = {}
    for r in results:
        out[r.state] = out.get(r.state, 0) + 1
    return out
