"""Finding and loading every village under an advisor's folders (the I/O half of the portfolio).

Each village is opened exactly as ``gzctl status`` opens it (``session.open_project``) and
summarised by the same ``network.status.status_data``; a folder that fails becomes an error row with
the same Dutch message. Reading a thousand gzctl.toml files costs more than the rest of the
command together, so the results are kept in a cache file (``portfolio.json`` in the user
cache folder, ``GZCTL_CACHE_HOME`` overrides it). An entry is used only when gzctl.toml and
the playbook file it follows are unchanged (modification time in ns and size), and by the
same gzctl version. Errors are never cached. The one thing in a status document that moves
with the calendar, the days since the last activity, is worked out again for today when a
document from an earlier day is used, and a burn-up chart is drawn on to today
(:func:`for_today`); a new date-dependent figure in ``status_data`` must be refreshed there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gzctl import __version__
from gzctl.advisors import portfolio
from gzctl.advisors.burnup import Burnup
from gzctl.core import store
from gzctl.core.errors import GzctlError, UsageProblem

CACHE_FILE = "portfolio.json"
DEFAULT_DEPTH = 3
CACHE_FORMAT = 1


def find_projects(roots: Sequence[Path], depth: int) -> list[Path]:
    """Folders holding gzctl.toml: each root itself and folders up to ``depth`` levels below.

    Hidden folders (.git, .venv, ...) are skipped, and a project folder is not searched
    further (a village does not hold villages). Sorted, without duplicates."""
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            raise UsageProblem(f"Map '{root}' bestaat niet (of is geen map).")
        seen: set[str] = set()
        top = os.path.abspath(root)
        stack: list[tuple[str, int, bool]] = [(top, 0, True)]
        while stack:
            folder, level, linked = stack.pop()
            # realpath costs; only the root and symlinked folders can lead somewhere seen
            real = os.path.realpath(folder) if linked else folder
            if real in seen:
                continue
            seen.add(real)
            if os.path.isfile(os.path.join(folder, store.STATE_FILE)):
                found.setdefault(real, Path(folder))
                continue
            if level >= depth:
                continue
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir():
                        stack.append((entry.path, level + 1, linked or entry.is_symlink()))
                except OSError:
                    continue
    return sorted(found.values(), key=lambda p: str(p))


@dataclass
class Village:
    path: Path
    status: dict[str, Any] | None
    error: str | None
    chart: Burnup | dict[str, Any] | None  # a cached chart stays JSON until someone draws it

    @property
    def burnup(self) -> Burnup | None:
        if isinstance(self.chart, dict):
            try:
                self.chart = Burnup.from_json(self.chart)
            except (KeyError, ValueError, TypeError, AssertionError):
                self.chart = None
        return self.chart


def _stat_key(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


def _playbook_file(spec: str, folder: Path) -> Path | None:
    from gzctl.core.playbook import resolve_source

    try:
        return resolve_source(spec, folder)
    except GzctlError:
        return None


def without_names(status: dict[str, Any]) -> dict[str, Any]:
    """The status document without people's names (AVG): an advisor's portfolio and its
    cache in the user's folder need counts and flags, never who the initiators are or whom
    a village appointed. Shape: as status_data, with ``initiators`` [] and
    ``coordinator.name`` None."""
    out = dict(status)
    if out.get("initiators"):
        out["initiators"] = []
    coordinator = out.get("coordinator")
    if isinstance(coordinator, dict) and coordinator.get("name") is not None:
        out["coordinator"] = {**coordinator, "name": None}
    return out


def load_village(folder: Path, today: dt.date) -> Village:
    """Open one village as `gzctl status` does; any failure becomes its error text."""
    from gzctl.advisors.burnup import project_burnup
    from gzctl.network import session
    from gzctl.network.status import status_data

    try:
        opened = session.open_project(str(folder))
        status = without_names(status_data(opened.playbook, opened.project, today))
        chart = project_burnup(opened.playbook, opened.project, today)
        return Village(folder, status, None, chart)
    except GzctlError as exc:
        return Village(folder, None, exc.message, None)
    except OSError as exc:
        return Village(folder, None, f"kan de map niet lezen ({exc.strerror or exc}).", None)
    except Exception as exc:  # one odd village must not take the whole portfolio down
        return Village(folder, None, f"onverwachte fout: {exc!r}", None)


def for_today(
    status: dict[str, Any], chart: dict[str, Any], today: dt.date
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A cached status document and burn-up chart as they would be computed today."""
    last = status.get("last_activity")
    days = None
    if isinstance(last, str):
        try:
            days = (today - dt.datetime.fromisoformat(last).date()).days
        except ValueError:
            days = status.get("days_since_activity")
    end = chart.get("end")
    if isinstance(end, str) and end < today.isoformat():
        chart = {**chart, "end": today.isoformat()}
    return portfolio.refresh_days(status, days), chart


class Cache:
    def __init__(self, path: Path | None, today: dt.date) -> None:
        self.path = path
        self.today = today.isoformat()
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if path is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("format") == CACHE_FORMAT
            and data.get("gzctl") == __version__
            and isinstance(data.get("entries"), dict)
        ):
            self.entries = data["entries"]
            # entries made on another day are refreshed for today on use
            self.dirty = data.get("day") != self.today

    def get(self, folder: Path) -> Village | None:
        entry = self.entries.get(str(folder))
        if not isinstance(entry, dict):
            return None
        if entry.get("state") != _stat_key(folder / store.STATE_FILE):
            return None
        book = entry.get("playbook_file")
        if book is not None and entry.get("playbook") != _stat_key(Path(book)):
            return None
        chart = entry.get("burnup")
        if not isinstance(chart, dict) or not isinstance(entry.get("status"), dict):
            return None
        status, chart = for_today(entry["status"], chart, dt.date.fromisoformat(self.today))
        entry["status"], entry["burnup"] = status, chart
        return Village(folder, status, None, chart)

    def put(self, village: Village) -> None:
        if self.path is None or village.status is None or not isinstance(village.chart, Burnup):
            return
        state = _stat_key(village.path / store.STATE_FILE)
        book = _playbook_file(str(village.status["playbook"]["source"]), village.path)
        self.entries[str(village.path)] = {
            "state": state,
            "playbook_file": str(book) if book else None,
            "playbook": _stat_key(book) if book else None,
            "status": village.status,
            "burnup": village.chart.to_json(),
        }
        self.dirty = True

    def prune(self) -> None:
        """Forget entries of folders that hold no gzctl project any more, and entries of
        an older gzctl that may still carry names."""
        for key in list(self.entries):
            entry = self.entries[key]
            gone = not (Path(key) / store.STATE_FILE).is_file()
            named = isinstance(entry, dict) and isinstance(entry.get("status"), dict) and (
                entry["status"] != without_names(entry["status"])
            )
            if gone or named:
                del self.entries[key]
                self.dirty = True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        data = {
            "format": CACHE_FORMAT,
            "gzctl": __version__,
            "day": self.today,
            "entries": self.entries,
        }
        try:
            from gzctl.core import safefs

            self.path.parent.mkdir(parents=True, exist_ok=True)
            safefs.write_text(self.path, json.dumps(data, ensure_ascii=False))
        except (OSError, GzctlError):
            pass  # a cache that cannot be written only costs time next run


def load_villages(
    folders: Sequence[Path], today: dt.date, cache_path: Path | None
) -> list[Village]:
    """Every folder as a Village, from the cache when the files are unchanged."""
    cache = Cache(cache_path, today)
    cache.prune()
    out: list[Village] = []
    for folder in folders:
        village = cache.get(folder)
        if village is None:
            village = load_village(folder, today)
            cache.put(village)
        out.append(village)
    cache.save()
    return out


def rows(villages: Sequence[Village], stalled_days: int, shown: Any = str) -> list[dict[str, Any]]:
    """Portfolio rows; ``shown`` turns a folder into the path text the user sees."""
    out = []
    for v in villages:
        if v.status is None:
            out.append(portfolio.error_row(shown(v.path), v.error or "onbekende fout"))
        else:
            out.append(portfolio.make_row(shown(v.path), v.status, stalled_days))
    return out


def collect(
    roots: Sequence[str],
    default_root: Path,
    depth: int,
    stalled_days: int | None,
    today: dt.date,
    environ: Any,
    use_cache: bool = True,
    shown: Any = str,
) -> tuple[list[Village], list[dict[str, Any]], int]:
    """Roots (or the configured ones, or ``default_root``) -> villages, rows, stalled days.

    Shared by the typer command and the fast path in gzctl/__main__.py."""
    from gzctl.core import config

    settings = config.user_settings(environ)
    days = stalled_days if stalled_days is not None else int(settings["portfolio.stalled_days"])
    if roots:
        folders = [Path(r) for r in roots]
    elif settings["portfolio.roots"]:
        folders = [Path(r) for r in settings["portfolio.roots"]]
    else:
        folders = [default_root]
    found = find_projects(folders, depth)
    cache = config.cache_dir(environ) / CACHE_FILE if use_cache else None
    villages = load_villages(found, today, cache)
    return villages, rows(villages, days, shown), days
