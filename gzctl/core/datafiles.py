"""Reading the TOML data files gzctl ships (catalogues, criteria), once per change on disk."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from gzctl.core.errors import PlaybookError

T = TypeVar("T")


def load_data(
    path: Path,
    parse: Callable[[dict[str, Any]], T],
    memo: dict[tuple[str, float], T],
    use_memo: bool = True,
) -> T:
    """Read ``path``, parse it as TOML, apply the file it extends (``extends``, see
    :mod:`gzctl.core.variant`) and hand the whole data to ``parse`` (which checks it).

    The result is remembered per file and modification time (and those of its bases); a file
    that cannot be read or is not TOML is one Dutch PlaybookError naming the file and, for
    TOML, the line."""
    from gzctl.core import variant

    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError as exc:
        raise PlaybookError(f"{path.name} is niet te lezen: {exc.strerror}.") from exc
    if use_memo and key in memo and bases_unchanged(key):
        return memo[key]
    text = variant.read(path)  # also as Notepad saves it: BOM, UTF-16, Windows-1252
    from gzctl.core import datacache

    cached = datacache.get("toml", path, text)
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], dict):
        data, bases = cached
    else:
        data, chain = variant.resolve(path, text, variant.parse_toml(path, text))
        bases = tuple(str(p) for p, _ in chain[1:])
        deps = tuple((str(p), t) for p, t in chain[1:])
        datacache.put("toml", path, text, (data, bases), deps)
    result = parse(data)
    if use_memo:  # a result parsed against other inputs must not stand in for the default
        memo[key] = result
        remember_bases(key, bases)
    return result


# The bases (``extends``) each remembered file was resolved with, and their modification times:
# a base changed on disk makes the file's memo stale too.
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


Fault = Callable[[str, str], None]


def labels(data: dict[str, Any], key: str, what: str, fault: Fault) -> list[tuple[str, str]]:
    """The ``[[key]]`` tables of ids with Dutch labels, as (id, label) pairs."""
    raw = data.get(key)
    if not isinstance(raw, list) or not raw:
        fault(key, f"een lijst [[{key}]] met {what} ontbreekt")
        return []
    out: list[tuple[str, str]] = []
    for i, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            fault(f"{key} nummer {i}", "'id' (tekst) ontbreekt")
            continue
        if not isinstance(entry.get("label"), str) or not entry["label"].strip():
            fault(f"{key} '{entry['id']}'", "'label' (tekst) ontbreekt")
            continue
        out.append((entry["id"], entry["label"]))
    return out


def entries(
    data: dict[str, Any],
    key: str,
    missing: str,
    noun: str,
    known: set[str],
    texts: tuple[str, ...],
    slug: re.Pattern[str],
    fault: Fault,
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The ``[[key]]`` tables of a catalogue as (where, id, table), after the checks every
    catalogue shares: a table, a slug id given once, no unknown keys, the ``texts`` filled in.
    ``where`` names the entry in fault messages ("type 'huisarts'")."""
    from gzctl.core.errors import did_you_mean

    raw = data.get(key)
    if not isinstance(raw, list) or not raw:
        fault(key, missing)
        return
    seen: set[str] = set()
    for i, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            fault(f"{key} nummer {i}", "moet een tabel zijn")
            continue
        ident = entry.get("id")
        where = f"{noun} '{ident}'" if isinstance(ident, str) else f"{key} nummer {i}"
        if not isinstance(ident, str) or not slug.match(ident):
            fault(where, "'id' moet een naam zijn van kleine letters, cijfers en -")
            continue
        if ident in seen:
            fault(where, "id staat er twee keer in")
        seen.add(ident)
        for name in entry:
            if name not in known:
                fault(where, f"onbekende sleutel '{name}'." + did_you_mean(name, sorted(known)))
        for name in texts:
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                fault(where, f"'{name}' (tekst) ontbreekt")
        yield where, ident, entry
