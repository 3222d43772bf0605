"""A data file that extends another and states only its differences (``extends = "..."``).

The Flemish stappenplan and catalogues are the Dutch ones with other words, a few steps
added or removed and other organisation types. Instead of a copy kept in step by hand, such a
file names its base and says what differs; :func:`resolve` turns it into the same data the full
file gave, before any check runs, so the checks and the code never see the difference.

The rules (docs/playbook-format.md has them for advisors):

- ``extends``: the base, a built-in name ("gemeenschapszorg") or a ``.toml`` path relative to
  this file. A base may extend another, up to :data:`MAX_DEPTH` files deep, never in a circle.
- Any other top-level key (``[playbook]``, ``[catalogue]``, ``[[types]]``) replaces the base's
  value whole.
- ``[[change]]``: ``id`` names an entry of the base (a question, step, item, phase, document,
  type, platform: any table with an ``id`` in a list); every other key replaces that field;
  ``unset = ["future"]`` drops fields. An entry whose id is not unique (a group's field
  ``name``) is named with its parent: ``"initiators.name"``.
- ``[[replace]]``: the entry with that ``id`` is replaced whole by this one.
- ``remove = ["id", ...]``: those entries go.
- ``[[add]]``: a new entry, placed ``after = "id"`` or ``before = "id"`` an entry of the base
  (in that entry's list); nested lists as in the base (``[[add.questions]]``).

Every fault of a difference file is reported at once, in Dutch, with file, line and id.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gzctl.core.errors import PlaybookError

MAX_DEPTH = 4  # a file, its base, the base's base ...: at most this many extends in a row
OPERATIONS = ("extends", "change", "replace", "remove", "add")

Chain = tuple[tuple[Path, str], ...]  # the files of a chain, (path, text), the file first


def base_path(spec: str, source: Path) -> Path:
    """A base as ``extends`` names it: a built-in name or a .toml path relative to ``source``."""
    if spec.endswith(".toml") or "/" in spec or "\\" in spec:
        path = Path(spec).expanduser()
        return path if path.is_absolute() else source.parent / path
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / f"{spec}.toml"


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """TOML text as data; a Dutch PlaybookError naming the file and line otherwise."""
    from gzctl.core.tomlfile import TomlError, loads  # the one TOML reader, its one error

    try:
        return loads(text)
    except TomlError as exc:
        raise PlaybookError(f"{path.name}: geen geldige TOML ({exc.dutch}).") from exc


def read(path: Path) -> str:
    """A data file's text (also as Notepad saves it), or a Dutch PlaybookError."""
    from gzctl.core.encoding import SAVE_AS_UTF8, Undecodable, read_text

    try:
        return read_text(path)
    except Undecodable as exc:
        raise PlaybookError(f"{path.name} is geen leesbare tekst. {SAVE_AS_UTF8}") from exc
    except OSError as exc:
        raise PlaybookError(f"{path.name} is niet te lezen: {exc.strerror}.") from exc


def resolve(path: Path, text: str, data: dict[str, Any]) -> tuple[dict[str, Any], Chain]:
    """The data of ``path`` with its bases applied, and the files it came from.

    A file without ``extends`` is returned as it is (same object)."""
    return _resolve(path, text, data, ())


def _resolve(
    path: Path, text: str, data: dict[str, Any], below: tuple[Path, ...]
) -> tuple[dict[str, Any], Chain]:
    spec = data.get("extends")
    if spec is None:
        return data, ((path, text),)
    lines = text.splitlines()
    where = _where(path.name, lines, None, "extends")
    if not isinstance(spec, str) or not spec.strip():
        raise PlaybookError(f"{where}: 'extends' moet de naam of het pad van een basis zijn.")
    base = base_path(spec, path)
    if not base.is_file():
        raise PlaybookError(f"{where}: onbekende basis '{spec}' in 'extends'." + _known(spec))
    chain = (*below, path)
    if any(_same(base, p) for p in chain):
        names = " -> ".join(p.name for p in (*chain, base))
        raise PlaybookError(f"{where}: kringverwijzing in 'extends': {names}.")
    if len(chain) > MAX_DEPTH:
        names = " -> ".join(p.name for p in (*chain, base))
        raise PlaybookError(
            f"{where}: te diepe keten van 'extends' (meer dan {MAX_DEPTH}): {names}."
        )
    base_text = read(base)
    base_data, base_chain = _resolve(base, base_text, parse_toml(base, base_text), chain)
    return apply(base_data, data, path.name, base.name, lines), ((path, text), *base_chain)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _known(spec: str) -> str:
    if spec.endswith(".toml") or "/" in spec or "\\" in spec:
        return ""
    from gzctl.core.errors import did_you_mean
    from gzctl.core.paths import data_dir

    return did_you_mean(spec, sorted(p.stem for p in data_dir("playbooks").glob("*.toml")))


def _where(name: str, lines: list[str], ident: str | None, key: str | None = None) -> str:
    line = line_of(lines, ident, key, mentions=True)
    return f"{name}{f', regel {line}' if line else ''}{f' [{ident}]' if ident else ''}"


def line_of(
    lines: list[str], ident: str | None, key: str | None = None, *, mentions: bool = False
) -> int | None:
    """The line (1-based) that names ``ident``, else the first line that sets ``key``.

    A playbook names an entry by its ``id =`` (the last one, where an id is doubled; with
    ``key``, the line of that key inside the entry). A difference file (``mentions``) names
    it by its first ``id =``, else an ``after``/``before``, else a quoted mention (in
    ``remove``)."""
    if ident:
        found = _mention(lines, ident) if mentions else _entry(lines, ident, key)
        if found:
            return found
    if key:
        pat = re.compile(r"^\s*\[*\s*" + re.escape(key) + r"\s*[\]=.]")
        for n, line in enumerate(lines, 1):
            if pat.match(line):
                return n
    return None


def _entry(lines: list[str], ident: str, key: str | None) -> int | None:
    """The line of the last ``id = ident``, or of ``key`` within that entry."""
    pat = re.compile(r'^\s*id\s*=\s*["\']' + re.escape(ident) + r'["\']')
    hits = [n for n, line in enumerate(lines, 1) if pat.match(line)]
    if not hits:
        return None
    start = hits[-1]
    if key:
        kpat = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for n in range(start, min(start + 60, len(lines) + 1)):
            if kpat.match(lines[n - 1]):
                return n
            if n > start and lines[n - 1].lstrip().startswith("["):
                break
    return start


def _mention(lines: list[str], ident: str) -> int | None:
    """The line of the first ``id =``, ``after``/``before`` or quoted mention of ``ident``."""
    quoted = re.escape(ident)
    for pattern in (
        rf'^\s*id\s*=\s*["\']{quoted}["\']',
        rf'^\s*(after|before)\s*=\s*["\']{quoted}["\']',
        rf'["\']{quoted}["\']',
    ):
        pat = re.compile(pattern)
        for n, line in enumerate(lines, 1):
            if pat.search(line):
                return n
    return None


# --------------------------------------------------------------------------- applying


class _Index:
    """Every table with an ``id`` inside a list, by id and by parent id + "." + id."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.own: dict[str, list[tuple[list[Any], dict[str, Any]]]] = {}
        self.nested: dict[str, list[tuple[list[Any], dict[str, Any]]]] = {}
        self._walk(data, None)

    def _walk(self, node: dict[str, Any], parent: str | None) -> None:
        for value in node.values():
            if isinstance(value, dict):
                self._walk(value, parent)
            elif isinstance(value, list):
                for entry in value:
                    if isinstance(entry, dict):
                        ident = entry.get("id")
                        if isinstance(ident, str):
                            self.own.setdefault(ident, []).append((value, entry))
                            if parent and not ident.startswith(parent + "."):
                                path = f"{parent}.{ident}"
                                self.nested.setdefault(path, []).append((value, entry))
                        self._walk(entry, ident if isinstance(ident, str) else parent)

    def find(self, ident: str, base: str) -> tuple[list[Any], dict[str, Any]] | str:
        """(the list, the entry), or a Dutch fault."""
        hits = self.own.get(ident) or self.nested.get(ident) or []
        if len(hits) == 1:
            return hits[0]
        if hits:
            paths = sorted(p for p, found in self.nested.items() if p.endswith("." + ident)
                           and any(f[1] is h[1] for f in found for h in hits))  # fmt: skip
            named = ", ".join(f"'{p}'" for p in paths)
            return (
                f"'{ident}' staat meer dan eens in {base}; noem het met wat erboven staat: " + named
            )
        from gzctl.core.errors import did_you_mean

        return f"'{ident}' staat niet in {base}." + did_you_mean(ident, sorted(self.own))


def _position(found: tuple[list[Any], dict[str, Any]]) -> int:
    entries, entry = found
    return next(i for i, e in enumerate(entries) if e is entry)


def apply(
    base: dict[str, Any], child: dict[str, Any], name: str, base_name: str, lines: list[str]
) -> dict[str, Any]:
    """The base with the differences of ``child`` applied (the base is left as it was)."""
    faults: list[str] = []

    def fault(ident: str | None, text: str, key: str | None = None) -> None:
        faults.append(f"{_where(name, lines, ident, key)}: {text}")

    out = copy.deepcopy(base)
    out.pop("extends", None)
    for key, value in child.items():
        if key not in OPERATIONS:
            out[key] = copy.deepcopy(value)
    for entry in _tables(child, "replace", fault):
        _replace(out, entry, base_name, fault)
    index = _Index(out)
    for entry in _tables(child, "change", fault):
        _change(index, entry, base_name, fault)
    _remove(out, child.get("remove"), base_name, fault)
    for entry in _tables(child, "add", fault):
        _add(out, entry, base_name, fault)
    if faults:
        raise PlaybookError("\n".join(faults))
    return out


def _tables(child: dict[str, Any], key: str, fault: Any) -> Iterator[dict[str, Any]]:
    raw = child.get(key, [])
    if not isinstance(raw, list):
        fault(None, f"'{key}' moet een lijst van [[{key}]]-tabellen zijn", key)
        return
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            fault(None, f"[[{key}]] nummer {n} heeft geen 'id' (tekst)", key)
            continue
        yield entry


def _replace(out: dict[str, Any], entry: dict[str, Any], base: str, fault: Any) -> None:
    found = _Index(out).find(entry["id"], base)
    if isinstance(found, str):
        fault(entry["id"], found)
        return
    found[0][_position(found)] = copy.deepcopy(entry)


def _change(index: _Index, entry: dict[str, Any], base: str, fault: Any) -> None:
    ident = entry["id"]
    found = index.find(ident, base)
    if isinstance(found, str):
        fault(ident, found)
        return
    target = found[1]
    unset = entry.get("unset", [])
    if not isinstance(unset, list) or not all(isinstance(u, str) for u in unset):
        fault(ident, "'unset' moet een lijst met namen van velden zijn", "unset")
        unset = []
    for key in unset:
        if key not in target:
            fault(ident, f"'unset' noemt '{key}', maar dat veld staat niet in {base}")
        target.pop(key, None)
    for key, value in entry.items():
        if key not in ("id", "unset"):
            target[key] = copy.deepcopy(value)


def _remove(out: dict[str, Any], raw: Any, base: str, fault: Any) -> None:
    if raw is None:
        return
    if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
        fault(None, "'remove' moet een lijst met ids zijn", "remove")
        return
    for ident in raw:
        found = _Index(out).find(ident, base)
        if isinstance(found, str):
            fault(ident, found)
            continue
        del found[0][_position(found)]


def _add(out: dict[str, Any], entry: dict[str, Any], base: str, fault: Any) -> None:
    ident = entry["id"]
    anchors = [k for k in ("after", "before") if k in entry]
    if len(anchors) != 1 or not isinstance(entry[anchors[0]], str):
        fault(ident, "[[add]] heeft precies één van 'after' of 'before' nodig (een id)")
        return
    index = _Index(out)
    if ident in index.own:
        fault(ident, f"'{ident}' staat al in {base}: gebruik [[change]] of [[replace]]")
        return
    found = index.find(entry[anchors[0]], base)
    if isinstance(found, str):
        fault(ident, found, anchors[0])
        return
    new = {k: copy.deepcopy(v) for k, v in entry.items() if k not in ("after", "before")}
    found[0].insert(_position(found) + (anchors[0] == "after"), new)
