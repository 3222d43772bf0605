"""Reading the TOML data files gzctl ships (catalogues, criteria), once per change on disk."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

from gzctl.core.errors import PlaybookError
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

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
    from gzctl.core import datacache

    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError as exc:
        raise PlaybookError(f"{path.name} is niet te lezen: {exc.strerror}.") from exc
    if use_memo and key in memo and datacache.bases_unchanged(key):
        return memo[key]
    from gzctl.core import variant

    text = variant.read(path)  # also as Notepad saves it: BOM, UTF-16, Windows-1252
    cached = datacache.get("toml", path, text)
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], dict):
        data, bases = cached
    else:
        data, chain = variant.resolve(path, text, variant.parse_toml(path, text))
        bases = tuple(str(p) for p, _ in chain[1:])
        deps = tuple((str(p), t) for p, t in chain[1:])
        datacache.put("toml", path, text, (data, bases), deps)
    token = _FILES.set((path, *(Path(b) for b in bases)))
    try:
        result = parse(data)
    finally:
        _FILES.reset(token)
    if use_memo:  # a result parsed against other inputs must not stand in for the default
        memo[key] = result
        datacache.remember_bases(key, bases)
    return result


# --------------------------------------------------------------------------- schemas

# The files the data being checked came from (the file, then the bases it extends), so a fault
# can name the line: set by load_data around its parse call.
_FILES: ContextVar[tuple[Path, ...]] = ContextVar("gzctl_data_files", default=())

# A catalogue is checked against a schema written as data: which keys an entry may have and
# what each must hold. :class:`Checker` walks data and schema, collects every fault as one Dutch
# line ("organisatietypen.toml: type 'x': 'kind' moet een van ... zijn") and hands back the
# values cleaned (a wrong value becomes an empty one, so building goes on and every fault is
# found in one run). A new key of a catalogue is a new line in its schema.


@_frozen_record
class Field(_FrozenRecord):
    """One key of a catalogue table.

    ``kind``: "text", "texts" (a list of texts), "choice", "bool", "number" (0 or more),
    "labels" (a table of texts) or "tables" (a list of tables, each checked against
    ``schema``). ``required``: a text must be filled in, a list must not be empty. ``known``:
    for texts and choice, the name of the set the values must come from (given to
    :meth:`Checker.table`), or the choices themselves; ``what``: what one value is called in
    a fault ("sector"). ``missing``: the fault for a required list of tables that is not
    there."""

    kind: str
    required: bool = False
    known: str | tuple[str, ...] = ""
    what: str = ""
    schema: dict[str, Field] | None = None
    missing: str = ""
    noun: str = ""


Schema = dict[str, Field]
Known = Mapping[str, Collection[str]]


class Checker:
    """Checks catalogue data against schemas; every fault of a file is kept for one error."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.faults: list[str] = []
        self.ident: str | None = None  # the id of the entry being checked, for the line
        self._files = _FILES.get()

    def fault(self, where: str, text: str) -> None:
        """Note one fault at ``where``, named with the file and line that hold the entry."""
        found = self._line(where)
        name = f"{found[0]}, regel {found[1]}" if found else self.name
        self.faults.append(f"{name}: {where}: {text}")

    def _line(self, where: str) -> tuple[str, int] | None:
        """The first file of the chain, and its line, that holds the entry being checked
        (its ``id = ...``) or the key ``where`` names ("access", "organisation_types.kerk")."""
        if self.ident:
            pattern = r"^\s*id\s*=\s*[\"']" + re.escape(self.ident) + r"[\"']"
        elif where.startswith("organisation_types."):
            pattern = r'^\s*"?' + re.escape(where.split(".", 1)[1]) + r'"?\s*='
        else:
            pattern = r"^\s*\[*\s*" + re.escape(where.split(" ")[0]) + r"\s*[\]=]"
        compiled = re.compile(pattern)
        for path in self._files:
            from gzctl.core.encoding import read_text

            try:
                lines = read_text(path).splitlines()
            except Exception:  # the line is a help, never a reason to fail
                return None
            for n, line in enumerate(lines, 1):
                if compiled.match(line):
                    return path.name, n
        return None

    def done(self) -> None:
        """Raise every fault found, in one Dutch PlaybookError."""
        if self.faults:
            raise PlaybookError("\n".join(self.faults))

    def top(self, data: dict[str, Any], allowed: tuple[str, ...]) -> None:
        """No top-level key but these."""
        for key in data:
            if key not in allowed:
                self.fault(key, "onbekende sleutel")

    def table(self, where: str, entry: Any, schema: Schema, known: Known) -> dict[str, Any]:
        """One table: no unknown key, every field as its schema says; the cleaned values."""
        from gzctl.core.errors import did_you_mean

        if not isinstance(entry, dict):
            self.fault(where, "moet een tabel zijn")
            return {}
        for name in entry:
            if name not in schema and name != "id":
                self.fault(
                    where, f"onbekende sleutel '{name}'." + did_you_mean(name, sorted(schema))
                )
        return {key: self.value(where, entry, key, field, known) for key, field in schema.items()}

    def value(self, where: str, entry: dict[str, Any], key: str, field: Field, known: Known) -> Any:
        """One field's value, checked; an empty value of its kind after a fault."""
        check = getattr(self, f"_{field.kind}")
        return check(where, key, entry.get(key), field, known)

    def _text(self, where: str, key: str, value: Any, field: Field, known: Known) -> str:
        if value is None and not field.required:
            return ""
        if not isinstance(value, str) or (field.required and not value.strip()):
            self.fault(where, f"'{key}' (tekst) ontbreekt" if field.required
                       else f"'{key}' moet tekst zijn")  # fmt: skip
            return ""
        return value

    def _texts(
        self, where: str, key: str, value: Any, field: Field, known: Known
    ) -> tuple[str, ...]:
        from gzctl.core.errors import did_you_mean

        value = [] if value is None else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fault(where, f"'{key}' moet een lijst met tekst zijn")
            return ()
        if field.required and not value:
            self.fault(where, f"'{key}' mag niet leeg zijn")
        allowed = self._allowed(field, known)
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    self.fault(where, f"onbekende {field.what} '{v}' in '{key}'."
                               + did_you_mean(v, sorted(allowed)))  # fmt: skip
        return tuple(value)

    def _choice(self, where: str, key: str, value: Any, field: Field, known: Known) -> str:
        allowed = sorted(self._allowed(field, known) or ()) if isinstance(field.known, str) \
            else list(field.known)  # fmt: skip
        if value not in allowed:
            said = (" of ".join(allowed) if len(allowed) == 2
                    else "een van " + ", ".join(allowed))  # fmt: skip
            self.fault(where, f"'{key}' moet {said} zijn, niet {value!r}")
            return ""
        return str(value)

    def _bool(self, where: str, key: str, value: Any, field: Field, known: Known) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fault(where, f"'{key}' moet true of false zijn")
            return False
        return value

    def _number(self, where: str, key: str, value: Any, field: Field, known: Known) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            self.fault(where, f"'{key}' moet een getal van 0 of meer zijn")
            return 0.0
        return float(value)

    def _labels(
        self, where: str, key: str, value: Any, field: Field, known: Known
    ) -> dict[str, str]:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.fault(where, f"een tabel [{key}] met tekst per kenmerk ontbreekt")
            return {}
        return dict(value)

    def _tables(
        self, where: str, key: str, value: Any, field: Field, known: Known
    ) -> list[dict[str, Any]]:
        if not isinstance(value, list) or (field.required and not value):
            if field.required or value is not None:
                self.fault(where, field.missing or f"'{key}' moet een lijst van tabellen zijn")
            return []
        schema = field.schema or {}
        return [self.table(f"{where}, {field.noun} {n}", v, schema, known)
                for n, v in enumerate(value, start=1)]  # fmt: skip

    @staticmethod
    def _allowed(field: Field, known: Known) -> Collection[str] | None:
        if isinstance(field.known, tuple):
            return field.known
        return known[field.known] if field.known else None

    def entries(
        self,
        data: dict[str, Any],
        key: str,
        spec: Entries,
        known: Known,
    ) -> list[tuple[str, str, dict[str, Any]]]:
        """The ``[[key]]`` tables of a catalogue as (where, id, cleaned table): a table, an id
        of the right form given once, then the schema. ``where`` names the entry in a fault
        ("type 'huisarts'")."""
        raw = data.get(key)
        if not isinstance(raw, list) or not raw:
            self.fault(key, spec.missing)
            return []
        seen: set[str] = set()
        out: list[tuple[str, str, dict[str, Any]]] = []
        for i, entry in enumerate(raw, start=1):
            ident = entry.get("id") if isinstance(entry, dict) else None
            if (
                not isinstance(entry, dict)
                or not isinstance(ident, str)
                or not spec.id.match(ident)
            ):
                shown = f" ('{ident}')" if isinstance(ident, str) else ""
                self.fault(f"{key} nummer {i}{shown}", "moet een tabel zijn" if not isinstance(
                    entry, dict) else spec.id_fault)  # fmt: skip
                continue
            where, self.ident = f"{spec.noun} '{ident}'", ident
            if ident in seen:
                self.fault(where, "id staat er twee keer in")
            seen.add(ident)
            out.append((where, ident, self.table(where, entry, spec.schema, known)))
            self.ident = None
        return out


@_frozen_record
class Entries(_FrozenRecord):
    """A catalogue's list of tables with ids (``[[types]]``): the schema of one table, the
    form of its id, what one is called and the fault when the list is missing."""

    schema: Schema
    noun: str
    missing: str
    id: re.Pattern[str] = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
    id_fault: str = "'id' moet een naam zijn van kleine letters, cijfers en -"


LABEL = Field("text", required=True)


def labels(checker: Checker, data: dict[str, Any], key: str, what: str) -> list[tuple[str, str]]:
    """The ``[[key]]`` tables of ids with Dutch labels, as (id, label) pairs."""
    spec = Entries({"label": LABEL}, key, f"een lijst [[{key}]] met {what} ontbreekt",
                   re.compile(r".+"), "'id' (tekst) ontbreekt")  # fmt: skip
    return [(ident, entry["label"]) for _, ident, entry in checker.entries(data, key, spec, {})
            if entry["label"]]  # fmt: skip
