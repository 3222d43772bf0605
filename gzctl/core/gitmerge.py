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
from pathlib import Path

from gzctl.core.errors import GzctlError, Refused

STATE_FILE = "gzctl.toml"
DRIVER = "gzctl"
ATTRIBUTE = f"{STATE_FILE} merge={DRIVER}"
DRIVER_NAME = "gzctl: betekenisvol samenvoegen van gzctl.toml"


def driver_command(python: str | None = None) -> str:
    """The shell command git runs: this Python with gzctl's driver module and git's
    placeholders (%O ancestor, %A mine and result, %B other, %P path)."""
    exe = python or sys.executable
    return f"{shlex.quote(exe)} -m gzctl.cli.mergedriver %O %A %B %P"


def run_git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``git -C folder ARGS`` with its output captured, no terminal prompt and a 60 s limit
    (the store's git hook and the merge driver share it). Raises OSError when git is
    missing, subprocess.TimeoutExpired when it hangs."""
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
        done = run_git(folder, "rev-parse", "--is-inside-work-tree")
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"


def write_attributes(folder: Path) -> bool:
    """Make sure ``folder/.gitattributes`` routes gzctl.toml to the driver; True if written."""
    from gzctl.core import safefs

    path = folder / ".gitattributes"
    try:
        text = safefs.read_bytes(path, folder).decode("utf-8", errors="replace")
    except FileNotFoundError:
        text = ""
    if any(line.split() == ATTRIBUTE.split() for line in text.splitlines()):
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    safefs.write_text(path, text + ATTRIBUTE + "\n", root=folder)
    return True


def is_registered(folder: Path, command: str | None = None) -> bool:
    """True when the repository's config runs ``command`` (default: this gzctl's) as driver."""
    try:
        got = run_git(folder, "config", "--get", f"merge.{DRIVER}.driver")
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
        done = run_git(folder, "config", "--local", key, value)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise Refused(
                "git config mislukte ("
                + (detail[0] if detail else f"afsluitcode {done.returncode}")
                + ")."
            )
    return True


def ensure_registered(folder: Path) -> list[str]:
    """For ``git.autocommit``: register the driver and write ``.gitattributes`` when missing.
    Returns ``[".gitattributes"]`` when that file is not tracked yet (so the caller commits
    it along), else ``[]``. Never raises: a failure here must not stop the commit."""
    try:
        write_attributes(folder)
        register(folder)
        tracked = run_git(folder, "ls-files", "--error-unmatch", "--", ".gitattributes")
        changed = run_git(folder, "diff", "--quiet", "HEAD", "--", ".gitattributes")
    except (OSError, subprocess.SubprocessError, GzctlError):
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
    except (OSError, subprocess.SubprocessError, GzctlError):
        pass
