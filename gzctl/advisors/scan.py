"""Finding and loading every village under an advisor's folders (the I/O half of the portfolio).

Each village is opened exactly as ``gzctl status`` opens it (``session.open_project``) and
summarised by the same ``network.status.status_data``; a folder that
fails becomes an error row with the same Dutch message. Many villages to read are spread over
every core (:func:`read_villages`).

Reading a thousand gzctl.toml files costs more than the rest of the command together, so the
results are kept in a cache file (``portfolio-<folders>.cache`` in the user cache folder,
``GZCTL_CACHE_HOME`` overrides it). An entry is used only when gzctl.toml and the playbook file
it follows are unchanged (modification time in ns and size, taken before the file was read),
and by the same gzctl version; a village that is gone is simply not found again, and errors
are never cached (a broken village is read, and reported, every time). An entry holds the
village's row as JSON text with marks for the three things that differ per run — the days
since the last activity (worked out for today from ``last_activity``), the folder as shown,
and 'stalled' — so a warm run neither parses nor dumps status documents
(``portfolio.CachedRow``). The burn-up chart stays JSON text until a page draws it, and is
then drawn on to today. A new date-dependent figure in ``status_data`` must be worked out
per run the same way (``Village.days_since_activity``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gzctl import __version__
from gzctl.advisors import portfolio
from gzctl.core.errors import GzctlError, UsageProblem

if TYPE_CHECKING:  # the warm path reads the cache only: model, playbook, burnup stay unloaded
    from gzctl.advisors.burnup import Burnup

CACHE_FILE = "portfolio.cache"
# The cache is Python's marshal format (plain dicts, lists, str, int, None; version 4):
# it loads three times faster than the same data as JSON (~8 ms against ~25 ms for 1,000
# villages), and it is the user's own cache folder, trusted as the bytecode there is.
MARSHAL_VERSION = 4
# The file is MAGIC, the CRC-32 of the rest (4 bytes, big-endian), then the marshal data:
# marshal has no check of its own, and a warm --json run writes the cached rows to the
# terminal as they are (outtext.write_utf8), so a flipped byte must not reach it (~1 ms for
# 1,000 villages). A file without it (an older format, a stray file) is ignored.
MAGIC = b"gzctl-portfolio\n"
DEFAULT_DEPTH = 3
CACHE_FORMAT = 6
STATE_FILE = "gzctl.toml"  # store.STATE_FILE, without importing the store
# from this many villages to read on, the reading is spread over every core
PARALLEL_FROM = 48


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
        # (folder as found, its real path, level): a real path is worked out only at the root
        # and at a symlink, else it is the parent's plus the name (no realpath per village)
        stack: list[tuple[str, str, int]] = [(top, os.path.realpath(top), 0)]
        while stack:
            folder, real, level = stack.pop()
            if real in seen:
                continue
            seen.add(real)
            if os.path.isfile(os.path.join(folder, STATE_FILE)):
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
                        child = (
                            os.path.realpath(entry.path)
                            if entry.is_symlink()
                            else os.path.join(real, entry.name)
                        )
                        stack.append((entry.path, child, level + 1))
                except OSError:
                    continue
    return sorted(found.values(), key=lambda p: str(p))


class Village:
    """One village found: its status document (freshly read) or, from the cache, the row
    template and name (``portfolio.row_template``), an error, and its burn-up chart (a cached
    chart stays JSON text until someone draws it, and is then drawn on to ``today``).

    A plain class, not a dataclass: the portfolio's warm run is a start-up budget, and the
    dataclasses module (with inspect and ast) costs ~7 ms to import."""

    __slots__ = ("path", "status", "error", "chart", "template", "name", "last_activity", "today")

    def __init__(
        self,
        path: Path,
        status: dict[str, Any] | None,
        error: str | None,
        chart: Burnup | dict[str, Any] | str | None,
        template: list[bytes] | None = None,
        name: str = "",
        last_activity: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.path = path
        self.status = status
        self.error = error
        self.chart = chart
        self.template = template
        self.name = name
        self.last_activity = last_activity
        self.today = today

    def __repr__(self) -> str:
        return f"Village({self.path!r}, error={self.error!r})"

    @property
    def burnup(self) -> Burnup | None:
        """The burn-up chart, decoded only when asked (most runs print the table and
        never need it), and stretched to today when the cache is from an earlier day."""
        from gzctl.advisors.burnup import Burnup

        if isinstance(self.chart, str):
            try:
                data = json.loads(self.chart)
            except ValueError:
                data = None
            if isinstance(data, dict) and self.today is not None:
                end = data.get("end")
                if isinstance(end, str) and end < self.today.isoformat():
                    data["end"] = self.today.isoformat()
            self.chart = data
        if isinstance(self.chart, dict):
            try:
                self.chart = Burnup.from_json(self.chart)
            except (KeyError, ValueError, TypeError, AssertionError):
                self.chart = None
        return self.chart if isinstance(self.chart, Burnup) else None

    def days_since_activity(self) -> int | None:
        """Today's figure for a cached village (the one number that moves with the date)."""
        if self.status is not None:
            days = self.status.get("days_since_activity")
            return days if isinstance(days, int) else None
        if not isinstance(self.last_activity, str) or self.today is None:
            return None
        try:
            return (self.today - dt.datetime.fromisoformat(self.last_activity).date()).days
        except ValueError:
            return None


def _stat_key(path: Path | str) -> list[int] | None:
    try:
        st = os.stat(path)
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
        opened = session.open_project(str(folder), set_up_git=False)
        status = without_names(status_data(opened.playbook, opened.project, today))
        chart = project_burnup(opened.playbook, opened.project, today)
        return Village(folder, status, None, chart)
    except GzctlError as exc:
        return Village(folder, None, exc.message, None)
    except OSError as exc:
        return Village(folder, None, f"kan de map niet lezen ({exc.strerror or exc}).", None)
    except Exception as exc:  # one odd village must not take the whole portfolio down
        return Village(folder, None, f"onverwachte fout: {exc!r}", None)


class Cache:
    """The portfolio cache: one marshal file per set of roots, each village keyed on its
    gzctl.toml's and playbook's mtime and size, so a warm run reads no TOML."""

    def __init__(self, path: Path | None, today: dt.date) -> None:
        self.path = path
        self.today = today.isoformat()
        self.entries: dict[str, Any] = {}
        self.books: dict[str, list[int] | None] = {}
        self.dirty = False
        if path is None:
            return
        import marshal
        import zlib

        try:
            raw = path.read_bytes()
            head = len(MAGIC) + 4
            if not raw.startswith(MAGIC) or int.from_bytes(
                raw[len(MAGIC) : head], "big"
            ) != zlib.crc32(memoryview(raw)[head:]):
                return
            data = marshal.loads(memoryview(raw)[head:])
        except (OSError, ValueError, EOFError, TypeError):
            return
        if (
            isinstance(data, dict)
            and data.get("format") == CACHE_FORMAT
            and data.get("gzctl") == __version__
            and isinstance(data.get("entries"), dict)
        ):
            # the date-dependent figures are worked out per run (Village.days_since_activity,
            # Village.burnup), so an entry from an earlier day is still good as it is
            self.entries = data["entries"]

    def get(self, folder: Path) -> Village | None:
        """The cached village for ``folder``, or None when its files changed since."""
        key = str(folder)
        entry = self.entries.get(key)
        if not isinstance(entry, dict):
            return None
        if entry.get("state") != _stat_key(os.path.join(key, STATE_FILE)):
            return None
        book = entry.get("playbook_file")
        if book is not None and entry.get("playbook") != self._book_key(book):
            return None
        row, chart = entry.get("row"), entry.get("burnup")
        if (
            not isinstance(row, list)
            or not isinstance(chart, str)
            or not all(type(part) is bytes for part in row)
        ):
            return None
        last = entry.get("last")
        return Village(
            folder,
            None,
            None,
            chart,
            template=row,
            name=str(entry.get("name") or ""),
            last_activity=last if isinstance(last, str) else None,
            today=dt.date.fromisoformat(self.today),
        )

    def _book_key(self, book: str) -> list[int] | None:
        """A playbook file is shared by most villages: stat it once per run."""
        if book not in self.books:
            self.books[book] = _stat_key(book)
        return self.books[book]

    def put(self, village: Village, state: list[int] | None = None) -> None:
        """Remember a freshly read village; ``state`` is gzctl.toml's stat key taken *before*
        it was read (a change during the read then misses the cache next time)."""
        from gzctl.advisors.burnup import Burnup

        if self.path is None or village.status is None or village.chart is None:
            return
        chart = village.chart.to_json() if isinstance(village.chart, Burnup) else village.chart
        status = village.status
        book = _playbook_file(str(status["playbook"]["source"]), village.path)
        self.entries[str(village.path)] = {
            "state": state or _stat_key(village.path / STATE_FILE),
            "playbook_file": str(book) if book else None,
            "playbook": _stat_key(book) if book else None,
            "name": status.get("village", {}).get("name") or "",
            "last": status.get("last_activity"),
            "row": portfolio.split_template(portfolio.row_template(status)),
            "burnup": chart if isinstance(chart, str) else json.dumps(chart),
        }
        self.dirty = True

    def forget_missing(self, folders: Sequence[Path]) -> None:
        """Drop entries of villages that were not found (removed or moved): one cache file
        serves one set of folders (:func:`cache_file`), so the file does not grow forever."""
        keep = {str(f) for f in folders}
        gone = [k for k in self.entries if k not in keep]
        for k in gone:
            del self.entries[k]
        self.dirty = self.dirty or bool(gone)

    def prune(self) -> None:
        """Forget entries of an older gzctl that may still carry names. Entries of folders
        that hold no project any more go in :meth:`forget_missing`, from the scan itself
        (one stat a village less on every warm run)."""
        for key in list(self.entries):
            entry = self.entries[key]
            named = isinstance(entry, dict) and isinstance(entry.get("status"), dict) and (
                entry["status"] != without_names(entry["status"])
            )
            if named:
                del self.entries[key]
                self.dirty = True

    def save(self) -> None:
        """Write the cache when something changed, behind a CRC-32 so that a damaged file
        is read again instead of trusted."""
        if self.path is None or not self.dirty:
            return
        data = {
            "format": CACHE_FORMAT,
            "gzctl": __version__,
            "day": self.today,
            "entries": self.entries,
        }

        import marshal
        import zlib

        try:
            from gzctl.core import safefs

            payload = marshal.dumps(data, MARSHAL_VERSION)
            check = zlib.crc32(payload).to_bytes(4, "big")
            # the user's cache folder: its own folder may be a link, nothing below it may
            safefs.write_bytes(self.path, MAGIC + check + payload, make_dirs=True)
            for old in self.path.parent.glob("portfolio*.json"):  # gzctl 0.1's JSON caches
                safefs.remove(old)
        except (OSError, GzctlError):
            pass  # a cache that cannot be written only costs time next run


def load_villages(
    folders: Sequence[Path], today: dt.date, cache_path: Path | None
) -> list[Village]:
    """Every folder as a Village, from the cache when the files are unchanged."""
    cache = Cache(cache_path, today)
    cache.prune()
    found: dict[Path, Village] = {}
    missing: list[Path] = []
    for folder in folders:
        village = cache.get(folder)
        if village is None:
            missing.append(folder)
        else:
            found[folder] = village
    states = {folder: _stat_key(folder / STATE_FILE) for folder in missing}
    for village in read_villages(missing, today):
        found[village.path] = village
        cache.put(village, states[village.path])
    cache.forget_missing(folders)
    cache.save()
    return [found[folder] for folder in folders]


def _read_one(job: tuple[str, str]) -> tuple[str, dict[str, Any] | None, str | None, Any]:
    """In a worker process: one village as plain data (status, error, chart as JSON)."""
    folder, today = job
    village = load_village(Path(folder), dt.date.fromisoformat(today))
    chart = village.chart
    if chart is not None and not isinstance(chart, (dict, str)):
        chart = chart.to_json()
    return folder, village.status, village.error, chart


def read_villages(folders: Sequence[Path], today: dt.date) -> list[Village]:
    """Read villages from disk, in this process when they are few, else on every core (a
    process per core: parsing is CPU-bound Python, threads would queue on the GIL)."""
    workers = min(os.cpu_count() or 1, 32)
    if len(folders) < PARALLEL_FROM or workers < 2:
        return [load_village(folder, today) for folder in folders]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork is the cheapest start where it exists: the children have gzctl loaded already
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    jobs = [(str(folder), today.isoformat()) for folder in folders]
    chunk = max(1, len(jobs) // (workers * 4))
    by_path = {str(folder): folder for folder in folders}
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            done = list(pool.map(_read_one, jobs, chunksize=chunk))
    except (OSError, RuntimeError):  # no processes allowed here: read them one by one
        return [load_village(folder, today) for folder in folders]
    return [Village(by_path[f], status, error, chart) for f, status, error, chart in done]


def rows(villages: Sequence[Village], stalled_days: int, shown: Any = str) -> list[dict[str, Any]]:
    """Portfolio rows; ``shown`` turns a folder into the path text the user sees."""
    out: list[dict[str, Any]] = []
    for v in villages:
        if v.template is not None:
            days = v.days_since_activity()
            stalled = isinstance(days, int) and days > stalled_days
            out.append(portfolio.CachedRow(v.template, v.name, shown(v.path), days, stalled))
        elif v.status is None:
            out.append(portfolio.error_row(shown(v.path), v.error or "onbekende fout"))
        else:
            out.append(portfolio.make_row(shown(v.path), v.status, stalled_days))
    return out


def cache_file(roots: Sequence[Path], depth: int) -> str:
    """One cache file per set of folders searched: a run over 1,000 villages does not load
    the entries of another run over 10,000, nor throw them away."""
    import zlib

    key = "\n".join(sorted(os.path.abspath(r) for r in roots)) + f"\n{depth}"
    digest = f"{zlib.crc32(key.encode('utf-8')):08x}"  # a name, not a secret
    stem, ext = os.path.splitext(CACHE_FILE)
    return f"{stem}-{digest}{ext}"


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
    cache = config.cache_dir(environ) / cache_file(folders, depth) if use_cache else None
    villages = load_villages(found, today, cache)
    return villages, rows(villages, days, shown), days
