"""`git.autocommit`: every change to gzctl.toml becomes a git commit in the project folder.

Called by ``store.transaction`` right after the atomic write, still under the project lock,
only when the project has ``[settings.git] autocommit = true``. The change is already safe on
disk by then: whatever git does, a failure here is one Dutch warning on stderr, never an
error, and never a lost change. Only gzctl.toml is committed (``git commit -- gzctl.toml``),
so whatever else the user has staged stays staged and out of gzctl's commits.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from gzctl.core.gitmerge import run_git
from gzctl.core.model import HistoryEntry
from gzctl.core.text import shell_quote

PREFIX = "gzctl: "
SUBJECT_MAX = 72


def commit_message(entries: Sequence[HistoryEntry]) -> str:
    """The history lines of this change, in Dutch: one as the subject, several as a list."""
    if not entries:
        return PREFIX + "projectbestand bijgewerkt"
    if len(entries) == 1:
        what = entries[0].what
        subject = PREFIX + what
        if len(subject) <= SUBJECT_MAX:
            return subject + f"\n\nDoor: {entries[0].who}"
        return (
            PREFIX
            + what[: SUBJECT_MAX - len(PREFIX) - 1]
            + "…\n\n"
            + what
            + (f"\n\nDoor: {entries[0].who}")
        )
    body = "\n".join(f"- {e.what}" for e in entries)
    whos = ", ".join(dict.fromkeys(e.who for e in entries))
    return f"{PREFIX}{len(entries)} wijzigingen\n\n{body}\n\nDoor: {whos}"


def _warn(text: str) -> None:
    sys.stderr.write(f"Waarschuwing: {text}\n")


def autocommit(folder: Path, file_name: str, entries: Sequence[HistoryEntry]) -> bool:
    """Commit ``file_name`` with a message from ``entries``; True when a commit was made."""
    try:
        inside = run_git(folder, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        _warn(
            "git.autocommit staat aan, maar git is niet gevonden; de wijziging is bewaard, "
            "niet gecommit."
        )
        return False
    except (OSError, subprocess.SubprocessError) as exc:
        _warn(f"git werkte niet ({exc}); de wijziging is bewaard, niet gecommit.")
        return False
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        _warn(
            f"git.autocommit staat aan, maar '{folder}' is geen git-repository; de wijziging is "
            f"bewaard, niet gecommit. Maak er een met: git -C {shell_quote(str(folder))} init"
        )
        return False
    from gzctl.core.gitmerge import ensure_registered

    # the merge driver travels with the village: .gitattributes goes into gzctl's commit
    # until it is tracked, and this clone's git config learns the driver command
    files = [file_name, *ensure_registered(folder)]
    try:
        added = run_git(folder, "add", "--", *files)
        if added.returncode != 0:
            _warn(_reason("git add", added))
            return False
        done = run_git(folder, "commit", "--quiet", "-m", commit_message(entries), "--", *files)
    except (OSError, subprocess.SubprocessError) as exc:
        _warn(f"git werkte niet ({exc}); de wijziging is bewaard, niet gecommit.")
        return False
    if done.returncode != 0:
        _warn(_reason("git commit", done))
        return False
    return True


def _reason(what: str, proc: subprocess.CompletedProcess[str]) -> str:
    lines = [ln.strip() for ln in (proc.stderr or proc.stdout).splitlines() if ln.strip()]
    detail = lines[0] if lines else f"afsluitcode {proc.returncode}"
    hint = ""
    if "user.email" in (proc.stderr or "") or "identity" in (proc.stderr or ""):
        hint = ' Stel je naam in met: git config user.name "..." en git config user.email "..."'
        detail = "git weet niet wie je bent"
    return f"{what} mislukte ({detail}); de wijziging is bewaard, niet gecommit.{hint}"
