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
    """Read ``path``, parse it as TOML and hand it to ``parse`` (which checks it).

    The result is remembered per file and modification time; a file that cannot be read or
    is not TOML is one Dutch PlaybookError naming the file and, for TOML, the line."""
    from gzctl.core.encoding import SAVE_AS_UTF8, Undecodable, read_text

    try:
        key = (str(path.resolve()), path.stat().st_mtime)
        if use_memo and key in memo:
            return memo[key]
        text = read_text(path)  # also as Notepad saves it: BOM, UTF-16, Windows-1252
    except Undecodable as exc:
        raise PlaybookError(f"{path.name} is geen leesbare tekst. {SAVE_AS_UTF8}") from exc
    except OSError as exc:
        raise PlaybookError(f"{path.name} is niet te lezen: {exc.strerror}.") from exc
    from gzctl.core import datacache

    data = datacache.get("toml", path, text)
    if not isinstance(data, dict):
        data = None
    if data is None:
        from gzctl.core.tomlfile import TomlError, loads  # tomllib only on a cache miss

        try:
            data = loads(text)
        except TomlError as exc:
            raise PlaybookError(f"{path.name}: geen geldige TOML ({exc.dutch}).") from exc
        datacache.put("toml", path, text, data)
    result = parse(data)
    if use_memo:  # a result parsed against other inputs must not stand in for the default
        memo[key] = result
    return result


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
