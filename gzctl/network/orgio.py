"""Organisation lists in and out: CSV as Excel saves it, workbooks, JSON, vCard.

Reading a file (:func:`read_table`) and writing one (:func:`write_export`) are the boundary;
:func:`plan_import` is pure: it turns rows into new organisations, merges and rejections
against a project, without changing it, and :func:`apply_import` carries a plan out.
Workbooks are read through gzctl/network/sheets.py (python-calamine), the columns mapped by
gzctl/network/columns.py; openpyxl is imported only when an .xlsx export is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core.errors import NotFound, Refused, UsageProblem
from gzctl.core.model import Organisation, Project
from gzctl.core.outtext import neutral_cell, restore_cell
from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record
from gzctl.core.text import clean, clean_value, strip_controls
from gzctl.network import inventory as inv

# The export's columns, in order, with their Dutch headers (import reads them back).
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Id"),
    ("name", "Naam"),
    ("kind", "Soort"),
    ("type", "Type"),
    ("sectors", "Sectoren"),
    ("target_groups", "Doelgroepen"),
    ("reach", "Achterban"),
    ("address", "Adres"),
    ("postcode", "Postcode"),
    ("place", "Plaats"),
    ("contact_name", "Contactpersoon"),
    ("contact_role", "Functie"),
    ("contact_email", "E-mail"),
    ("contact_phone", "Telefoon"),
    ("contact_salutation", "Aanhef"),
    ("contact_publish", "Naam op website"),
    ("status", "Status"),
    *((f"date_{s}", f"{s.capitalize()} op") for s in inv.STATUSES),
    ("notes", "Opmerkingen"),
)


def match_header(text: str) -> str | None:
    """The field a column name stands for, or None (see gzctl/network/columns.py)."""
    from gzctl.network.columns import match_header as match

    return match(text)


# ----------------------------------------------------------------------------- reading


@_record
class Table(_Record):
    """Rows of a file as {field: value} with their row number (the header is row 1).

    ``columns``: the mapping of the (first) sheet read; ``unknown_columns``: the names of
    the columns kept in the note; ``sheets``: (sheet, rows) of each sheet read and
    ``sheets_left``: (sheet, why) of sheets not read; ``formulas``: (sheet, row, column) of
    formulas saved without their value; ``links``: how many e-mail addresses came from a
    hyperlink; ``kind``: what the file was (csv, xlsx, ods, xls, json, vcard)."""

    source: str
    rows: list[tuple[int, dict[str, Any]]]
    unknown_columns: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    double_columns: list[str] = field(default_factory=list)  # a field named twice or more
    columns: list[Any] = field(default_factory=list)
    header_row: int = 1
    sheets: list[tuple[str, int]] = field(default_factory=list)
    sheets_left: list[tuple[str, str]] = field(default_factory=list)
    formulas: list[tuple[str, int, str]] = field(default_factory=list)
    links: int = 0
    kind: str = "csv"
    sample: list[list[Any]] = field(default_factory=list)  # the first rows as in the file
    kept_from: str = ""  # the kept mapping (koppelingen/...) that was used


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a CSV -> (text, encoding name): every encoding Excel and Notepad write (UTF-8
    with or without BOM, UTF-16 "Unicode-tekst", Windows-1252); see gzctl.core.encoding."""
    from gzctl.core.encoding import Undecodable
    from gzctl.core.encoding import decode as decode_bytes

    try:
        return decode_bytes(data)
    except Undecodable:
        raise UsageProblem(
            "dit bestand is geen tekst (CSV) die ik kan lezen. Sla het in Excel op als "
            "'CSV UTF-8 (gescheiden door lijstscheidingsteken)' of als .xlsx."
        ) from None


DELIMITERS = (";", ",", "\t", "|")
# Excel's hint line: the first line says which delimiter the file uses ("sep=;")
_SEP_LINE = re.compile(r'^\s*"?sep=(.)"?[^\n]*(\n|$)', re.IGNORECASE)


def detect_delimiter(text: str) -> str:
    """';' (Dutch Excel), ',', a tab or '|': Excel's 'sep=' line says it, else csv.Sniffer
    looks at the start of the file, else whichever the first line holds most of."""
    m = _SEP_LINE.match(text)
    if m:
        return m.group(1)
    # the first 50 lines, of at most the first 64 kB (a line of megabytes is no header)
    sample = "\n".join(text[:65536].splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        pass
    first = text.split("\n", 1)[0]
    outside = ""
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside += ch
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


@_record
class _Plan(_Record):
    """How to turn a record into a row: the key of each column (None: not read), the
    columns kept in the note (index, name) and the names of fields with several columns."""

    keys: list[str | None]
    notes: list[tuple[int, str]]
    double: list[str]
    unknown: list[str]
    parts: bool = False  # some column is part of a field (joined per row by _combine)


def _plan(columns: list[Any]) -> _Plan:
    from gzctl.network.columns import NOTE, SKIP

    keys: list[str | None] = []
    notes: list[tuple[int, str]] = []
    double: list[str] = []
    unknown: list[str] = []
    seen: dict[str, str] = {}
    for col in columns:
        if col.key == NOTE:
            keys.append(None)
            notes.append((col.index, col.header or f"kolom {col.index + 1}"))
            unknown.append(col.header or f"kolom {col.index + 1}")
            continue
        if col.key == SKIP:
            keys.append(None)
            continue
        if col.key in seen:
            # the same name twice ('E-mail', 'E-mail'), or two names for one field
            same = inv.compact(seen[col.key]) == inv.compact(col.header)
            double.append(col.header if same else f"{col.header}|{seen[col.key]}")
        seen.setdefault(col.key, col.header)
        keys.append(col.key)
    from gzctl.network.columns import PARTS

    return _Plan(keys, notes, double, unknown, any(k in PARTS for k in keys))


def _first_filled(record: list[Any], plan: _Plan, sheet: str = "") -> dict[str, Any]:
    """{key: cell} for one row: cleaned, and of two columns for one field the first that
    holds something (an export with 'E-mail' twice, the first empty in this row); the
    columns kept in the note, and the sheet's name, join the note."""
    row: dict[str, Any] = {}
    for j, k in enumerate(plan.keys):
        if k is None or j >= len(record):
            continue
        # a value gzctl exported as "'=..." (formula neutralised) comes back as typed
        value = clean_value(restore_cell(record[j]), multiline=k == "notes")
        if k not in row or (inv._blank(row[k]) and not inv._blank(value)):
            row[k] = value
    extra = []
    for j, header in plan.notes:
        if j < len(record) and not _empty_cell(record[j]):
            value = _tidy("notes", clean_value(restore_cell(record[j]), multiline=True))
            extra.append(f"{header}: {value}")
    if sheet:
        row["_sheet"] = sheet
    if extra:
        notes = row.get("notes")
        row["notes"] = "\n".join(([str(notes)] if not inv._blank(notes) else []) + extra)
    return _combine(row) if plan.parts else row


_POSTCODE_PLACE = re.compile(
    r"(?i)^((?:NL-?\s*)?[1-9]\d{3}\s*[a-z]{2}|(?:B-?\s*|BE-?\s*)?[1-9]\d{3})(?![a-z0-9])[\s,]*(.*)$"
)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _combine(row: dict[str, Any]) -> dict[str, Any]:
    """Part columns into fields: 'Postcode + plaats' fills postcode and place (columns of
    their own win); a house number, its addition and a Flemish 'bus' join the street; a
    first, middle and last name make the contact person."""
    both = row.pop("postcode_place", None)
    if not inv._blank(both):
        text = str(both)
        m = _POSTCODE_PLACE.match(text)
        code, place = (m.group(1), m.group(2).strip()) if m else ("", text)
        if code and inv._blank(row.get("postcode")):
            row["postcode"] = code
        if place and inv._blank(row.get("place")):
            row["place"] = place
    number, suffix, bus = (row.pop(k, None) for k in ("house_number", "house_suffix", "bus"))
    if inv._blank(number) and not inv._blank(suffix) and any(ch.isdigit() for ch in _text(suffix)):
        number, suffix = suffix, None  # 'Huisnummertoevoeging' alone holds the whole '4a'

    if not inv._blank(number) and not inv._blank(row.get("address")):
        street = str(row["address"])
        number = _text(number)
        if not inv._blank(suffix):
            add = _text(suffix)
            number += add if add.isalpha() and len(add) <= 2 else f"-{add.lstrip('-')}"
        if not street.endswith(number):
            row["address"] = f"{street} {number}"
    if not inv._blank(bus) and not inv._blank(row.get("address")):
        row["address"] = f"{row['address']} bus {_text(bus)}"
    names = [row.pop(k, None) for k in ("first_name", "middle_name", "last_name")]
    if inv._blank(row.get("contact_name")) and any(not inv._blank(n) for n in names):
        row["contact_name"] = " ".join(_text(n) for n in names if not inv._blank(n))
    return row


# How far down a title, a date line or empty rows above the header may reach.
HEADER_SEARCH_ROWS = 30
# How many rows after the header are looked at to recognise a column by its values.
SAMPLE_ROWS = 200


def _header_row(records: list[list[Any]], wanted: set[str] | None = None) -> int | None:
    """The header: the first row (of the first HEADER_SEARCH_ROWS) with a name column (or a
    column the person named)."""
    from gzctl.network.columns import header_score

    for i, record in enumerate(records[:HEADER_SEARCH_ROWS]):
        if header_score(record, wanted or set()):
            return i
    return None


def _no_header(source: str, records: list[list[Any]]) -> UsageProblem:
    first = next((r for r in records if any(not _empty_cell(c) for c in r)), [])
    names = [clean(str(c)) for c in first if not _empty_cell(c)][:8]
    there = (" De eerste rij heeft: " + ", ".join(f"'{n}'" for n in names) + ".") if names else ""
    example = names[0] if names else "Bedrijf"
    return UsageProblem(
        f"{source}: ik zie niet welke kolom de naam van de organisatie is.{there} Zeg het met "
        f"--kolom \"naam={example}\" (of noem die kolom 'Naam')."
    )


def _mapping(
    records: list[list[Any]], source: str, chosen: dict[str, str] | None, strict: bool = True
) -> tuple[int, list[Any]] | None:
    """(header row index, columns) of a sheet, or None when no header with a name is found."""
    from gzctl.network import columns as cols

    wanted = {inv.compact(c) for c in (chosen or {})}
    start = _header_row(records, wanted)
    if start is None:
        return None
    sample = records[start + 1 : start + 1 + SAMPLE_ROWS]
    columns = cols.guess(records[start], sample)
    if chosen:
        cols.apply(columns, chosen, source, strict)
    return start, columns


def _rows(
    records: list[list[Any]],
    source: str,
    encoding: str = "",
    delimiter: str = "",
    chosen: dict[str, str] | None = None,
) -> Table:
    if not any(any(not inv._blank(c) for c in r) for r in records):
        raise UsageProblem(f"{source} is leeg.")
    found = _mapping(records, source, chosen)
    if found is None:
        raise _no_header(source, records)
    start, columns = found
    table = Table(source, [], encoding=encoding, delimiter=delimiter, columns=columns)
    _add_rows(table, records, start, columns)
    if not table.rows:
        raise UsageProblem(
            f"{source}: wel kolomnamen (rij {start + 1}), maar geen organisaties eronder."
        )
    return table


def _add_rows(
    table: Table, records: list[list[Any]], start: int, columns: list[Any], sheet: str = ""
) -> int:
    """Add the rows under the header at ``start``; returns how many were added."""
    from gzctl.network.columns import has_name

    if not has_name(columns):
        raise UsageProblem(
            f"{table.source}: geen kolom is de naam van de organisatie. Zeg welke met --kolom "
            '"naam=KOLOM".'
        )
    plan = _plan(columns)
    table.header_row = table.header_row if table.rows else start + 1
    for name in plan.unknown:
        if name not in table.unknown_columns:
            table.unknown_columns.append(name)
    table.double_columns.extend(d for d in plan.double if d not in table.double_columns)
    if not table.sample:
        table.sample = [records[start], *records[start + 1 : start + 4]]
    before = len(table.rows)
    for i, record in enumerate(records[start + 1 :], start=start + 2):
        if all(_empty_cell(c) for c in record):
            continue  # also a row of NULs or invisible characters that an exporter padded
        table.rows.append((i, _first_filled(record, plan, sheet)))
    return len(table.rows) - before


def _empty_cell(cell: Any) -> bool:
    return inv._blank(cell) or (isinstance(cell, str) and not clean(cell))


def read_csv_text(
    text: str, source: str, encoding: str = "", chosen: dict[str, str] | None = None
) -> Table:
    """CSV text as Excel, LibreOffice and Notepad write it: a 'sep=' hint line, a title or
    empty lines above the header, quoted cells with line breaks, CR LF. Raises UsageProblem
    when no delimiter gives a header with a name column, or no rows follow it, or the text
    is beyond the caps of gzctl/core/inputcaps.py (rows, columns, field length)."""
    hinted = _SEP_LINE.match(text)
    if hinted:
        text = text[hinted.end() :]
    first = hinted.group(1) if hinted else detect_delimiter(text)
    wanted = {inv.compact(c) for c in (chosen or {})}
    for delimiter in (first, *(d for d in DELIMITERS if d != first)):
        # the header lies in the first rows: only those are read to choose the delimiter
        head = _csv_records(text, source, delimiter, HEADER_SEARCH_ROWS)
        if _header_row(head, wanted) is not None:
            records = _csv_records(text, source, delimiter)
            return _rows(records, source, encoding, delimiter, chosen)
        if hinted:
            break
    return _rows(_csv_records(text, source, first), source, encoding, first, chosen)


def _csv_records(
    text: str, source: str, delimiter: str, stop: int | None = None
) -> list[list[Any]]:
    """The records of ``text`` (the first ``stop`` of them), within the caps: a field longer
    than MAX_CELL_CHARS stops the csv module itself, so no field is held whole."""
    from gzctl.core import inputcaps as caps

    records: list[list[Any]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    before = csv.field_size_limit(caps.MAX_CELL_CHARS)
    try:
        for record in reader:
            if stop is not None and len(records) >= stop:
                break
            if len(records) >= caps.MAX_ROWS:
                raise caps.too_many_rows(source)
            records.append(caps.check_record(source, reader.line_num, record))
    except csv.Error as exc:
        if "field limit" not in str(exc):
            raise
        raise caps.too_long_cell(source, reader.line_num) from None
    finally:
        csv.field_size_limit(before)
    return records


def read_workbook(
    source: str, data: bytes, kind: str, chosen: dict[str, str] | None = None
) -> Table:
    """Every sheet of a workbook (xlsx, xlsm, xls, ods): each sheet with a header that names
    the organisation is read (several: the sheet's name joins each row, see plan_import);
    the others are named in ``sheets_left``. An e-mail address only in a cell's hyperlink
    takes the cell's place; formulas without a stored value are listed."""
    from gzctl.network.sheets import read_workbook as read

    sheets = read(source, data, kind)
    table = Table(source, [], kind=kind)
    found: list[tuple[Any, int, list[Any]]] = []
    for sheet in sheets:
        if not any(any(not _empty_cell(c) for c in r) for r in sheet.records):
            continue
        if sheet.hidden:
            table.sheets_left.append((sheet.name, "verborgen"))
            continue
        for (r, c), address in sheet.links.items():
            if r < len(sheet.records) and c < len(sheet.records[r]):
                cell = sheet.records[r][c]
                if "@" not in str(cell or ""):
                    sheet.records[r][c] = address
                    table.links += 1
        mapped = _mapping(sheet.records, source, chosen, strict=not found)
        if mapped is None:
            table.sheets_left.append((sheet.name, "geen kolom met de naam van de organisatie"))
            continue
        found.append((sheet, *mapped))
    if not found:
        if sheets and all(not any(r for r in s.records) for s in sheets):
            raise UsageProblem(f"{source} is leeg.")
        first = next((s.records for s in sheets if not s.hidden and s.records), [])
        raise _no_header(source, first)
    several = len(found) > 1
    for sheet, start, columns in found:
        if not table.columns:
            table.columns = columns
        n = _add_rows(table, sheet.records, start, columns, sheet.name if several else "")
        table.sheets.append((sheet.name, n))
        for r, c in sheet.formulas:
            if r > start:
                header = next((col.header for col in columns if col.index == c), "")
                table.formulas.append((sheet.name, r + 1, header or f"kolom {c + 1}"))
    if not table.rows:
        start = found[0][1]
        raise UsageProblem(
            f"{source}: wel kolomnamen (rij {start + 1}), maar geen organisaties eronder."
        )
    return table


def read_json(path: Path, data: bytes | None = None, chosen: dict[str, str] | None = None) -> Table:
    """A JSON export of gzctl (or a bare list of its organisations), or a list of objects
    with other keys ('naam', 'telefoon'): those are columns, mapped like a CSV's. Within
    gzctl/core/inputcaps.py: the file's size, the number of organisations, each text."""
    from gzctl.core import inputcaps as caps

    caps.check_file_size(path, caps.MAX_JSON_BYTES)
    raw = path.read_bytes() if data is None else data
    try:
        text, _ = decode(raw)
        parsed = json.loads(text.lstrip("\ufeff"))
    except (UsageProblem, json.JSONDecodeError) as exc:
        why = f": {exc}" if isinstance(exc, json.JSONDecodeError) else ""
        raise UsageProblem(f"{path.name} is geen geldige JSON{why}.") from None
    except RecursionError:
        raise UsageProblem(
            f"{path.name} is te diep genest om een lijst organisaties te zijn. Exporteer de "
            "lijst opnieuw met 'gzctl org export'."
        ) from None
    items = parsed.get("organisations") if isinstance(parsed, dict) else parsed
    if isinstance(parsed, dict) and items is None:
        items = next((v for v in parsed.values() if isinstance(v, list)), None)
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise UsageProblem(f"{path.name}: verwacht een lijst organisaties.")
    if len(items) > caps.MAX_ROWS:
        raise caps.too_many_rows(path.name)
    for i, item in enumerate(items, start=1):
        if _longest_text(item) > caps.MAX_CELL_CHARS:
            raise caps.too_long_cell(path.name, i)
    keys = list(dict.fromkeys(k for item in items for k in item))
    if set(keys) <= _JSON_KEYS and "name" in keys and not chosen:
        table = Table(path.name, [(i, inv.from_json(x)) for i, x in enumerate(items, start=1)])
        table.kind = "json"
        return table
    # other keys are columns; an object inside ({"contact": {"naam": ...}}) gives columns of
    # its own ("contact naam"), a list one cell
    flat = [_flatten(item) for item in items]
    keys = list(dict.fromkeys(k for item in flat for k in item))
    records = [keys, *([_json_cell(item.get(k)) for k in keys] for item in flat)]
    table = _rows(records, path.name, chosen=chosen)
    table.kind = "json"
    return table


_JSON_KEYS = {"id", "name", "kind", "type", "type_guessed", "sectors", "target_groups", "reach",
              "address", "postcode", "place", "status", "notes", "contact", "dates"}  # fmt: skip


def _flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix} {key}".strip()
        if isinstance(value, dict) and len(prefix.split()) < 3:
            out.update(_flatten(value, name))
        else:
            out[name] = value
    return out


def _json_cell(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(_json_cell(v)) for v in value if v is not None)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_json_cell(v)}" for k, v in value.items() if v not in (None, ""))
    return value


def _longest_text(value: Any) -> int:
    """The length of the longest string in a JSON value (keys included)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list):
        return max((_longest_text(v) for v in value), default=0)
    return 0


def read_table(path: Path, chosen: dict[str, str] | None = None) -> Table:
    """Any list people have as a Table: .csv and .tsv in any encoding, .xlsx, .xlsm, .xls,
    .ods, .json, .vcf; the kind is read from the bytes, not the name. ``chosen``: columns
    the person mapped ({column: key}). A file gzctl does not read (a password-protected
    workbook, RTF, PDF, Word) and files beyond the caps of gzctl/core/inputcaps.py raise
    UsageProblem with one Dutch line."""
    from gzctl.core import inputcaps
    from gzctl.core.filekind import refusal, sniff

    if not path.is_file():
        raise NotFound(f"Bestand '{path}' bestaat niet.")
    inputcaps.check_file_size(path)
    data = path.read_bytes()
    kind = sniff(data)
    refused = refusal(kind, path.name)
    if refused:
        raise UsageProblem(refused)
    if kind in ("xlsx", "ods", "xls"):
        return read_workbook(path.name, data, kind, chosen)
    if path.suffix.lower() == ".json" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
        return read_json(path, data, chosen)
    text, encoding = decode(data)
    if text.lstrip("\ufeff \t\r\n")[:11].upper().startswith("BEGIN:VCARD"):
        from gzctl.network.sheets import vcard_records

        table = _rows(vcard_records(text, path.name), path.name, encoding, chosen=chosen)
        table.kind = "vcard"
        return table
    return read_csv_text(text, path.name, encoding, chosen)


# ----------------------------------------------------------------------------- planning


def _tidy(key: str, value: Any) -> Any:
    """Spreadsheet cells: numbers where text was meant (Excel drops a phone's leading 0)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if key == "contact_phone" and isinstance(value, int):
        text = str(value)
        return "0" + text if len(text) in (8, 9) else text
    if key in ("postcode", "name", "contact_name", "notes", "address", "place") and isinstance(
        value, int
    ):
        return str(value)
    if key in ("sectors", "target_groups", "kind", "type", "status") and not isinstance(value, str):
        return str(value)
    return value


# Words that say the number is not known: the cell stays empty (the report says so).
_UNKNOWN_NUMBER = {"", "onbekend", "nvt", "nb", "weetniet", "geenidee", "x", "niet bekend",
                   "unknown", "na", "?", "-", "--", "\u2013", "\u2014", "."}  # fmt: skip
_RANGE = re.compile(r"^(\d[\d.]*)\s*(?:-|\u2013|\u2014|tot|a|\u00e0|/)\s*(\d[\d.]*)$")
_QUALIFIERS = re.compile(
    r"^(?:>=?|\u2265|<=?|\u2264|~|\+/-|\+-|meer dan|minder dan|ruim|bijna|rond|zo'n|"
    r"plusminus|tenminste|minstens|max(?:imaal)?\.?|min(?:imaal)?\.?)\s*"
)
_TRAILING = re.compile(r"\s*(?:\+|leden|personen|mensen|deelnemers|pers\.?|p\.?)$")


@_record
class ReachRead(_Record):
    """A members cell that was not a plain number: how it was read. ``how``: 'unknown'
    (left empty), 'range' (the low end), 'read' (a word or sign around the number) or
    'bad' (not read; kept in the note)."""

    row: int
    name: str
    text: str
    value: int | None
    how: str


def read_reach(text: str) -> tuple[int | None, str]:
    """A members cell as people fill it: '50+' -> 50, '> 200' -> 200, '\u00b180' -> 80,
    '100-150' -> 100 ('range'), 'onbekend', 'n.v.t.', '?', '-' -> None ('unknown'),
    anything else unreadable -> None ('bad'); a plain number -> (n, '')."""
    plain = text.strip()
    if plain.isascii() and plain.isdigit():  # most cells: no Dutch number reading needed
        return int(plain), ""
    try:
        return inv.check_reach(text), ""
    except UsageProblem:
        pass
    low = inv.fold(text).strip()
    if low in _UNKNOWN_NUMBER or inv.compact(low) in _UNKNOWN_NUMBER:
        return None, "unknown"
    plain = _TRAILING.sub("", _QUALIFIERS.sub("", low)).strip()
    m = _RANGE.match(plain)
    if m:
        try:
            return inv.check_reach(m.group(1)), "range"
        except UsageProblem:
            return None, "bad"
    try:
        return inv.check_reach(plain), "read"
    except UsageProblem:
        return None, "bad"


@_record
class Rejected(_Record):
    """An import row left out, with its reasons."""

    row: int
    name: str
    reasons: list[str]


@_record
class BadCell(_Record):
    """A cell that was not right (a phone number that is none, an unknown kind): left
    empty, its text kept in the organisation's note; the row itself is taken in."""

    row: int
    name: str
    column: str
    value: str
    reason: str


@_record
class Duplicate(_Record):
    """An import row that names an organisation already known, and what it would change."""

    row: int
    name: str
    of_id: str
    of_name: str
    of_row: int | None  # the earlier row in the same file, or None: already in the inventory
    changes: list[str] = field(default_factory=list)


@_record
class ImportPlan(_Record):
    """What an import would do: added, duplicate and rejected rows."""

    source: str
    rows: int
    added: list[Organisation]
    duplicates: list[Duplicate]
    rejected: list[Rejected]
    unknown_columns: list[str]
    mode: str  # "merge" or "skip"
    merges: dict[str, dict[str, Any]] = field(default_factory=dict)  # existing id -> fields
    # added organisations whose row gave no type: their type was read from the name (or is
    # onbekend); a type in the file always wins, so these are the ones to check
    by_name: list[str] = field(default_factory=list)
    double_columns: list[str] = field(default_factory=list)
    reach_read: list[ReachRead] = field(default_factory=list)
    # several sheets read: whether their names became sectors (else they went in the note)
    sheet_sectors: dict[str, bool] = field(default_factory=dict)
    cells: list[BadCell] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether no row was left out."""
        return not self.rejected

    @property
    def refused(self) -> bool:
        """Whether rows were left out and nothing else is taken in: then nothing is saved."""
        return bool(self.rejected) and not self.added and not self.duplicates


def plan_import(
    project: Project,
    table: Table,
    catalogue: inv.Catalogue,
    today: dt.date,
    duplicates: str = "merge",
) -> ImportPlan:
    """What importing ``table`` would do; ``project`` is not changed."""
    if duplicates not in ("merge", "skip"):
        raise UsageProblem("--duplicates moet 'merge' of 'skip' zijn.")
    by_key = {inv.dedup_key(o.name): o for o in project.organisations}
    taken = {o.id for o in project.organisations}
    new_by_key: dict[str, tuple[int, Organisation]] = {}
    plan = ImportPlan(table.source, len(table.rows), [], [], [], table.unknown_columns, duplicates)
    plan.double_columns = table.double_columns
    headers = _headers(table)
    for number, row in table.rows:
        raw = {k: _tidy(k, v) for k, v in row.items()}
        name = str(raw.get("name") or "").strip()
        sheet = _sheet_and_reach(raw, number, name, plan, catalogue)
        shown = f"{name}, tabblad {sheet}" if sheet and name else name  # rows of several tabs
        clean, faults = inv.parse_cells(raw, catalogue)
        unusable = faults.pop("name", None)
        if not name or unusable:  # no name to take the row in by: only this row is left out
            plan.rejected.append(Rejected(number, shown, [unusable or _no_name(raw)]))
            continue
        for key, reason in faults.items():  # a wrong cell: only that cell is left empty
            _leave_empty(plan, clean, number, shown, headers.get(key, key), raw[key], reason)
        key = inv.dedup_key(name)
        existing = by_key.get(key)
        if existing is None and clean.get("id") in taken:
            existing = next(o for o in project.organisations if o.id == clean["id"])
        if existing is not None:
            dup = Duplicate(number, shown, existing.id, existing.name, None)
            if duplicates == "merge":
                fields = plan.merges.setdefault(existing.id, {})
                for k, v in clean.items():
                    if v is not None and k not in fields:
                        fields[k] = v
            plan.duplicates.append(dup)
            continue
        earlier = new_by_key.get(key)
        if earlier is not None:
            first_row, org = earlier
            dup = Duplicate(number, shown, org.id, org.name, first_row)
            if duplicates == "merge":
                dup.changes = inv.merge(org, clean, catalogue, today)
            plan.duplicates.append(dup)
            continue
        try:
            org = inv.build(clean, catalogue, taken, today)
        except (UsageProblem, Refused) as exc:
            plan.rejected.append(Rejected(number, shown, [exc.message]))
            continue
        taken.add(org.id)
        new_by_key[key] = (number, org)
        plan.added.append(org)
        if org.type_guessed:
            plan.by_name.append(org.id)
    _merge_changes(plan, project, catalogue, today)
    return plan


def _no_name(raw: dict[str, Any]) -> str:
    """Why a row without a name is left out, with what it holds (nothing goes unsaid)."""
    held = [clean(_text(v)) for k, v in raw.items() if k != "name" and not inv._blank(v)]
    held = [h if len(h) <= 40 else h[:39] + "…" for h in held if h]
    return "de naam ontbreekt" + (f" (de rij heeft: {', '.join(held[:4])})" if held else "")


def _headers(table: Table) -> dict[str, str]:
    """The column each field came from, as the file names it (the first of several); the
    field's Dutch name where the file gave none (gzctl's own JSON)."""
    out = {key: label for key, label in inv.FIELD_LABELS.items()}
    for col in reversed(table.columns):
        if col.header and col.key in out:
            out[col.key] = col.header
    return out


def _leave_empty(
    plan: ImportPlan, fields: dict[str, Any], number: int, name: str, column: str, value: Any,
    reason: str,
) -> None:  # fmt: skip
    """A wrong cell: empty in the organisation (parse_cells left it out of ``fields``), its
    text kept in the note, named in the report with its row, column and value."""
    text = clean(_text(value))
    plan.cells.append(BadCell(number, name, column, text, reason))
    fields["notes"] = _add_note(fields.get("notes"), f"{column} (niet overgenomen): {text}")


def _merge_changes(
    plan: ImportPlan, project: Project, catalogue: inv.Catalogue, today: dt.date
) -> None:
    """Fills in what merging would change in the inventory, so a dry run can say it."""
    if plan.merges:
        import copy

        for dup in plan.duplicates:
            if dup.of_row is None and dup.of_id in plan.merges:
                twin = copy.deepcopy(next(o for o in project.organisations if o.id == dup.of_id))
                dup.changes = inv.merge(twin, plan.merges[dup.of_id], catalogue, today)


def _sheet_and_reach(
    raw: dict[str, Any], number: int, name: str, plan: ImportPlan, catalogue: inv.Catalogue
) -> str:
    """The sheet's name as the sectors (or in the note), and a members cell in words read
    as a number, or left empty: only that cell, never the row. Returns the sheet's name
    (empty for a list of one sheet)."""
    sheet = raw.pop("_sheet", None)
    if sheet:
        if sheet not in plan.sheet_sectors:
            try:
                plan.sheet_sectors[sheet] = bool(inv.parse_sectors(sheet, catalogue))
            except UsageProblem:
                plan.sheet_sectors[sheet] = False
        if plan.sheet_sectors[sheet] and inv._blank(raw.get("sectors")):
            raw["sectors"] = sheet
        elif not plan.sheet_sectors[sheet]:
            raw["notes"] = _add_note(raw.get("notes"), f"Tabblad: {sheet}")
    reach = raw.get("reach")
    if isinstance(reach, str) and not inv._blank(reach):
        value, how = read_reach(reach)
        raw["reach"] = value  # read once: parse_fields takes the number as it is
        if how:
            plan.reach_read.append(ReachRead(number, name, reach.strip(), value, how))
            if how == "bad":
                raw["notes"] = _add_note(raw.get("notes"), f"Achterban: {reach.strip()}")
    return str(sheet or "")


def _add_note(notes: Any, line: str) -> str:
    return "\n".join(([str(notes)] if not inv._blank(notes) else []) + [line])


def apply_import(
    project: Project, plan: ImportPlan, catalogue: inv.Catalogue, today: dt.date
) -> list[str]:
    """Carry the plan out; returns the ids of inventory organisations that a merge changed."""
    changed: list[str] = []
    for org_id, fields in plan.merges.items():
        org = next(o for o in project.organisations if o.id == org_id)
        if inv.merge(org, fields, catalogue, today):
            changed.append(org_id)
    project.organisations.extend(plan.added)
    inv.sort(project)
    return changed


# ----------------------------------------------------------------------------- writing


def export_rows(project: Project) -> list[dict[str, Any]]:
    """One dict per organisation, keyed by EXPORT_COLUMNS' fields, in id order."""
    rows = []
    for org in sorted(project.organisations, key=lambda o: o.id):
        row: dict[str, Any] = {}
        for key, _ in EXPORT_COLUMNS:
            value = inv.get_field(org, key)
            if key in ("sectors", "target_groups"):
                value = ", ".join(value)
            elif key == "contact_publish":
                value = "ja" if value else ""
            elif key == "type" and org.type_guessed and value:
                value = f"{value}{inv.GUESS_MARK}"  # a guess stays one: 'kerk?'
            # a project file edited by hand (or written before the cleaning at the edge)
            # may still hold a control character: never let one break or show in an export
            row[key] = strip_controls(value) if isinstance(value, str) else value
        rows.append(row)
    return rows


def csv_text(project: Project) -> str:
    """Semicolons, as Dutch Excel expects; written as UTF-8 with BOM so Excel reads accents."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _, header in EXPORT_COLUMNS])
    for row in export_rows(project):
        writer.writerow(
            [
                row[k].isoformat()
                if isinstance(row[k], dt.date)
                else ("" if row[k] is None else neutral_cell(row[k]))
                for k, _ in EXPORT_COLUMNS
            ]
        )
    return out.getvalue()


def json_document(project: Project) -> dict[str, Any]:
    """The organisations as the JSON export document."""
    return {
        "village": project.village.name,
        "organisations": [
            inv.as_json(o) for o in sorted(project.organisations, key=lambda o: o.id)
        ],
    }


def write_xlsx(project: Project, path: Path, project_folder: Path | None = None) -> None:
    """Writes the organisations as a spreadsheet with a header row and text-only cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Organisaties"
    sheet.append([header for _, header in EXPORT_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def as_cell(value: Any) -> Any:
        # control characters cannot be stored in a worksheet: drop them, keep the text
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return neutral_cell(value) if value not in ("",) else None

    for row in export_rows(project):
        sheet.append([as_cell(row[k]) for k, _ in EXPORT_COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text, never a formula
    for idx, (key, header) in enumerate(EXPORT_COLUMNS, start=1):
        if key.startswith("date_"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=idx, max_col=idx):
                cell.number_format = "DD-MM-YYYY"
        width = max([len(header)] + [len(str(r[key] or "")) for r in export_rows(project)[:200]])
        sheet.column_dimensions[sheet.cell(row=1, column=idx).column_letter].width = min(
            width + 2, 50
        )
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    book.save(buffer)
    _write_bytes(path, buffer.getvalue(), project_folder)


def _write_bytes(path: Path, data: bytes, project_folder: Path | None = None) -> None:
    from gzctl.core import safefs

    safefs.write_bytes(path, data, root=safefs.root_for(path, project_folder))


def export_format(path: str, fmt: str | None) -> str:
    """The export format from ``fmt`` or else the file's suffix; a usage problem when unknown."""
    if fmt:
        wanted = fmt.lower().lstrip(".")
        if wanted not in ("csv", "xlsx", "json"):
            raise UsageProblem(f"onbekend formaat '{fmt}'; kies csv, xlsx of json.")
        return wanted
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("csv", "xlsx", "json"):
        return suffix
    raise UsageProblem(
        f"aan '{path}' zie ik niet welk formaat je wilt: gebruik .csv of .xlsx, of geef "
        "--format csv|xlsx|json."
    )


def write_export(
    project: Project, path: Path, fmt: str, project_folder: Path | None = None
) -> None:
    """Write the organisation list as ``fmt`` (csv, xlsx, json) to ``path``.

    The file must end in its format's suffix (never gzctl.toml or another kind of file) and
    is written through gzctl/core/safefs.py (no symlinks). Raises UsageProblem, NotFound,
    safefs.UnsafePath (exit 2)."""
    from gzctl.core import safefs

    safefs.refuse_reserved(path, "een export")
    safefs.require_suffix(path, (f".{fmt}",), f"een {fmt.upper()}-export")
    if not path.parent.is_dir():
        raise NotFound(f"Map '{path.parent}' bestaat niet.")
    if fmt == "xlsx":
        write_xlsx(project, path, project_folder)
    elif fmt == "json":
        text = json.dumps(json_document(project), ensure_ascii=False, indent=2) + "\n"
        _write_bytes(path, text.encode("utf-8"), project_folder)
    else:
        data = b"\xef\xbb\xbf" + csv_text(project).encode("utf-8")
        _write_bytes(path, data, project_folder)
