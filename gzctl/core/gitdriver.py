"""Is this village's clone missing gzctl's merge driver? A check cheap enough for every run.

git does not clone its config, so a plain ``git clone`` of a village brings
``.gitattributes`` (``gzctl.toml merge=gzctl``) but not the driver command: the first
``git pull`` that meets a change from both sides then falls back to a line merge and leaves
conflict markers no gzctl command can read. Opening a project asks :func:`driver_missing`
(a few ``stat`` calls and two small reads, no subprocess) and only then registers the
driver through :mod:`gzctl.core.gitmerge`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SECTION = '[merge "gzctl"]'
ATTRIBUTE = "gzctl.toml merge=gzctl"


def _read(path: Path) -> str | None:
    """The start of a small file, never through a link (no safefs here: its imports cost
    more than `gzctl status` may spend)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, 1_000_000).decode("utf-8", errors="replace")
    except OSError:
        return None
    finally:
        os.close(fd)


def git_config(folder: Path) -> Path | None:
    """The config file of the repository ``folder`` is in (worktrees included), or None."""
    folder = folder.absolute()
    for here in (folder, *folder.parents):
        dot = here / ".git"
        if dot.is_dir():
            return dot / "config"
        if dot.is_file():
            text = _read(dot) or ""
            if not text.startswith("gitdir:"):
                return None
            gitdir = Path(text[len("gitdir:"):].strip())
            gitdir = gitdir if gitdir.is_absolute() else here / gitdir
            common = gitdir / "commondir"
            if common.is_file():
                shared = Path((_read(common) or "").strip())
                gitdir = shared if shared.is_absolute() else gitdir / shared
            return gitdir / "config"
    return None


def driver_missing(folder: Path) -> bool:
    """True when ``folder`` routes gzctl.toml to the driver but its clone has none set up."""
    attributes = _read(folder / ".gitattributes")
    if attributes is None or not any(
        line.split() == ATTRIBUTE.split() for line in attributes.splitlines()
    ):
        return False
    config = git_config(folder)
    if config is None or not config.is_file():
        return False
    text = _read(config)
    return text is not None and SECTION not in text


def ensure_driver(folder: Path) -> bool:
    """Register the driver in a clone that lacks it; True when it did. Never raises: a clone
    gzctl cannot configure still works, as before, and `gzctl merge setup` says why."""
    if not driver_missing(folder):
        return False
    import subprocess

    from gzctl.core.errors import GzctlError
    from gzctl.core.gitmerge import register

    try:
        return register(folder)
    except (OSError, subprocess.SubprocessError, GzctlError):
        return False
