"""Running the ``gzctl.toml`` merge in a repository: what git's driver call does
(:func:`run_driver`), merging again a file that git already line-merged (:func:`remerge_from_index`)
and setting an existing clone up (:func:`setup`, ``gzctl merge setup``).

Kept apart from gzctl/core/gitmerge.py (registering the driver), which the store's git hook
calls after every write: this module reads and writes through the store and the merge, so
the store must not depend on it.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from gzctl.core.errors import Refused
from gzctl.core.gitmerge import STATE_FILE, in_work_tree, register, run_git, write_attributes
from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record


@_record
class SetupReport(_Record):
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


def _stage(folder: Path, n: int) -> str | None:
    shown = run_git(folder, "show", f":{n}:./{STATE_FILE}")
    return shown.stdout if shown.returncode == 0 else None


def remerge_from_index(folder: Path) -> list[str] | None:
    """If gzctl.toml is unmerged, merge stages 1/2/3 semantically, write and ``git add`` it.

    Returns the keys of the conflicts recorded, or None when the file was not unmerged.
    Raises StateError (from the merge) when one side is not a valid gzctl.toml."""
    listed = run_git(folder, "ls-files", "-u", "--", STATE_FILE)
    if listed.returncode != 0 or not listed.stdout.strip():
        return None
    from gzctl.core.merge import merge_texts
    from gzctl.core.store import write_atomic

    mine, other = _stage(folder, 2), _stage(folder, 3)
    if mine is None or other is None:
        return None  # deleted on one side: a decision for the user, not for the driver
    result = merge_texts(_stage(folder, 1) or "", mine, other)
    write_atomic(folder / STATE_FILE, result.text)
    run_git(folder, "add", "--", STATE_FILE)
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
