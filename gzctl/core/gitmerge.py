"""git plumbing for the semantic merge of gzctl.toml (the merge itself: gzctl/core/merge.py).

git picks a merge driver per file through ``.gitattributes`` (``gzctl.toml merge=gzctl``,
committed, so every clone has it) and runs the command named in the repository's own config
(``merge.gzctl.driver``, never committed: git does not let a clone run commands it fetched).
So each clone must register the command once: ``gzctl init`` does it, every
``git.autocommit`` commit checks it, and ``gzctl merge setup`` does it for an existing clone.
A clone without it falls back to git's line merge; ``gzctl merge setup`` then redoes the
merge from the three versions git keeps in its index.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from gzctl.core.errors import Refused

STATE_FILE = "gzctl.toml"
DRIVER = "gzctl"
ATTRIBUTE = f"{STATE_FILE} merge={DRIVER}"
DRIVER_NAME = "gzctl: betekenisvol samenvoegen van gzctl.toml"


def driver_command(python: str | None = None) -> str:
    """The shell command git runs: this Python with gzctl's driver module and git's
    placeholders (%O ancestor, %A mine and result, %B other, %P path)."""
    exe = python or sys.executable
    return f"{shlex.quote(exe)} -m gzctl.cli.mergedriver %O %A %B %P"


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    return subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def in_work_tree(folder: Path) -> bool:
    """True when ``folder`` is inside a git work tree (False also when git is missing)."""
    try:
        done = _git(folder, "rev-parse", "--is-inside-work-tree")
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"


def write_attributes(folder: Path) -> bool:
    """Make sure ``folder/.gitattributes`` routes gzctl.toml to the driver; True if written."""
    path = folder / ".gitattributes"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    if any(line.split() == ATTRIBUTE.split() for line in text.splitlines()):
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + ATTRIBUTE + "\n", encoding="utf-8")
    return True


def is_registered(folder: Path, command: str | None = None) -> bool:
    """True when the repository's config runs ``command`` (default: this gzctl's) as driver."""
    try:
        got = _git(folder, "config", "--get", f"merge.{DRIVER}.driver")
    except (OSError, subprocess.SubprocessError):
        return False
    return got.returncode == 0 and got.stdout.strip() == (command or driver_command())


def register(folder: Path, command: str | None = None) -> bool:
    """Write the driver into the repository's config (local, not global); True if changed.
    Raises Refused when git cannot write it."""
    cmd = command or driver_command()
    if is_registered(folder, cmd):
        return False
    for key, value in ((f"merge.{DRIVER}.name", DRIVER_NAME), (f"merge.{DRIVER}.driver", cmd)):
        done = _git(folder, "config", "--local", key, value)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise Refused(
                "git config mislukte ("
                + (detail[0] if detail else f"afsluitcode {done.returncode}")
                + ")."
            )
    return True


@dataclass
class SetupReport:
    """What ``setup`` did: attributes file written, driver registered, file re-merged (with
    the number of conflicts recorded)."""

    attributes: bool = False
    registered: bool = False
    remerged: bool = False
    conflicts: list[str] = field(default_factory=list)


def setup(folder: Path) -> SetupReport:
    """Register the driver for the repository holding ``folder`` and route gzctl.toml to it;
    if gzctl.toml is unmerged right now (git's line merge ran before the driver was there),
    merge it again from git's three versions and stage the result.

    Raises Refused when ``folder`` is not in a git work tree or git fails."""
    if not in_work_tree(folder):
        raise Refused(
            f"'{folder}' is geen git-repository; samenvoegen instellen kan alleen in een kloon. "
            f"Maak er een met: git -C {folder} init"
        )
    report = SetupReport()
    report.attributes = write_attributes(folder)
    report.registered = register(folder)
    remerged = remerge_from_index(folder)
    if remerged is not None:
        report.remerged = True
        report.conflicts = remerged
    return report


def ensure_registered(folder: Path) -> list[str]:
    """For ``git.autocommit``: register the driver and write ``.gitattributes`` when missing.
    Returns ``[".gitattributes"]`` when that file is not tracked yet (so the caller commits
    it along), else ``[]``. Never raises: a failure here must not stop the commit."""
    try:
        write_attributes(folder)
        register(folder)
        tracked = _git(folder, "ls-files", "--error-unmatch", "--", ".gitattributes")
        changed = _git(folder, "diff", "--quiet", "HEAD", "--", ".gitattributes")
    except (OSError, subprocess.SubprocessError, Refused):
        return []
    if tracked.returncode != 0 or changed.returncode == 1:
        return [".gitattributes"]
    return []


def prepare_new(folder: Path) -> None:
    """For a brand-new project: route gzctl.toml to the driver in ``.gitattributes`` and, when
    the folder is already in a git work tree, register the driver. Never raises."""
    try:
        write_attributes(folder)
        if in_work_tree(folder):
            register(folder)
    except (OSError, subprocess.SubprocessError, Refused):
        pass


def _stage(folder: Path, n: int) -> str | None:
    shown = _git(folder, "show", f":{n}:./{STATE_FILE}")
    return shown.stdout if shown.returncode == 0 else None


def remerge_from_index(folder: Path) -> list[str] | None:
    """If gzctl.toml is unmerged, merge stages 1/2/3 semantically, write and ``git add`` it.

    Returns the keys of the conflicts recorded, or None when the file was not unmerged.
    Raises StateError (from the merge) when one side is not a valid gzctl.toml."""
    listed = _git(folder, "ls-files", "-u", "--", STATE_FILE)
    if listed.returncode != 0 or not listed.stdout.strip():
        return None
    from gzctl.core.merge import merge_texts
    from gzctl.core.store import write_atomic

    mine, other = _stage(folder, 2), _stage(folder, 3)
    if mine is None or other is None:
        return None  # deleted on one side: a decision for the user, not for the driver
    result = merge_texts(_stage(folder, 1) or "", mine, other)
    write_atomic(folder / STATE_FILE, result.text)
    _git(folder, "add", "--", STATE_FILE)
    return [c.key for c in result.conflicts]


def run_driver(base: Path, mine: Path, other: Path) -> list[str]:
    """What git's driver call does: merge the three files and write the result over ``mine``.
    Returns the keys of conflicts recorded in the file. Raises StateError when mine or other
    is not a valid gzctl.toml (then ``mine`` is left as it was)."""
    from gzctl.core.merge import merge_texts
    from gzctl.core.store import write_atomic

    def read(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    result = merge_texts(read(base), read(mine), read(other))
    write_atomic(mine, result.text)
    return [c.key for c in result.conflicts]
