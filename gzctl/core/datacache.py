"""Parsed and checked data files (playbooks, catalogues, criteria) remembered between runs.

Parsing a 50 KB TOML file with ``tomllib`` and checking it costs more than the interpreter's
whole start-up, and every command reads the playbook and a catalogue or two. What it yields
does not change until the file does, so the result of a successful parse and check is kept in
the user cache folder (``runtime.cache_home()``, under ``data/``): one small pickle per data
file, named after the file's resolved path, holding the text it came from (compared in full:
no hash to load or to collide), the texts of the files it extends (``extends``: its base, the
base's base ...; each read again and compared in full) and the gzctl and Python versions. A file
whose text, or a base's text, differs in any byte, or a gzctl upgrade (whose checks may be
stricter), parses and checks again. Only
gzctl's own data and playbooks go here, never a project's ``gzctl.toml`` (that holds names:
personal data stays in the project).

The cache is best effort: a missing, unreadable or corrupt entry is parsed again, and a cache
folder that cannot be written only costs the time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from gzctl import __version__

# bumped when the checks of a data file get stricter: entries checked by older rules go
_CHECKS = 4  # 3: land.toml [uitnodiging] (a new Country field); 4: [shown_ids]
_TAG = f"{__version__} {sys.version_info[0]}.{sys.version_info[1]} checks-{_CHECKS}"


def _entry(kind: str, path: Path) -> Path | None:
    try:
        from zlib import crc32

        from gzctl.core.runtime import cache_home

        where = str(path.resolve())
        # readable and short; two paths that share a name and checksum only evict each other
        name = f"{kind}-{path.stem[:40]}-{crc32(where.encode('utf-8', 'surrogatepass')):08x}"
        return cache_home() / "data" / f"{name}.pickle"
    except Exception:  # no home folder, no platformdirs answer: no cache
        return None


def get(kind: str, path: Path, text: str) -> Any | None:
    """What :func:`put` kept for ``path`` of this ``kind`` when its text was ``text`` and the
    files it depends on had the texts they have now; None when there is no such entry (never
    raises)."""
    entry = _entry(kind, path)
    if entry is None:
        return None
    try:
        try:  # the C module itself: pickle.py would load its Python half too (~1 ms)
            from _pickle import load
        except ImportError:
            from pickle import load

        # never through a link: the entry is unpickled, so it must be the file gzctl wrote
        # (the data/ folder is checked here, the entry by O_NOFOLLOW; safefs costs start-up)
        if os.path.islink(entry.parent):
            return None
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            tag, source, deps, value = load(f)
        if tag != _TAG or source != text or not _unchanged(deps):
            return None
    except Exception:
        return None
    return value


def _unchanged(deps: tuple[tuple[str, str], ...]) -> bool:
    """Whether every file a cached value was built from still has the text it had."""
    if not deps:
        return True
    from gzctl.core.encoding import read_text

    return all(read_text(Path(name)) == text for name, text in deps)


def put(
    kind: str, path: Path, text: str, value: Any, deps: tuple[tuple[str, str], ...] = ()
) -> None:
    """Keep ``value`` (plain data: dicts, lists, str, numbers, dates) for ``path`` and its
    ``text``, and for the other files it was built from (``deps``: (path, text) pairs, the
    bases it extends). Written to a temporary file and renamed, so a reader never sees half an
    entry; a link in the cache folder is refused, not followed; any failure is ignored."""
    entry = _entry(kind, path)
    if entry is None:
        return
    try:
        import pickle

        from gzctl.core import safefs
        from gzctl.core.runtime import cache_home

        data = pickle.dumps((_TAG, text, deps, value), protocol=pickle.HIGHEST_PROTOCOL)
        # rooted at the user's cache folder: that folder may be a link (the user's choice),
        # no folder or file below it may; the temporary name is unpredictable and exclusive
        safefs.write_bytes(entry, data, root=cache_home(), make_dirs=True)
    except Exception:
        return


# The bases (``extends``) each remembered file was resolved with, and their modification times:
# a base changed on disk makes the file's memo stale too (the in-process memos of
# playbook.load_playbook_file and datafiles.load_data).
_BASES: dict[tuple[str, float], tuple[tuple[str, float], ...]] = {}


def _mtime(name: str) -> float:
    try:
        return Path(name).stat().st_mtime
    except OSError:
        return -1.0


def remember_bases(key: tuple[str, float], bases: tuple[str, ...]) -> None:
    """Note the bases a file (``key``: resolved path, mtime) was read with."""
    _BASES[key] = tuple((name, _mtime(name)) for name in bases)


def bases_unchanged(key: tuple[str, float]) -> bool:
    """Whether the bases a remembered file was read with are as they were on disk."""
    return all(_mtime(name) == mtime for name, mtime in _BASES.get(key, ()))
