"""Organisation lists in and out: CSV as Excel saves it, .xlsx, and JSON.

Reading a file (:func:`read_table`) and writing one (:func:`write_export`) are the boundary;
:func:`plan_import` is pure: it turns rows into new organisations, merges and rejections
against a project, without changing it, and :func:`apply_import` carries a plan out.
openpyxl is imported only when an .xlsx file is read or written.
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

# Header spellings (compared after inventory.compact: no case, accents, spaces or
# punctuation) -> field. Dutch as people name their columns, and English.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "code"),
    "name": ("naam", "organisatie", "organisatienaam", "naamorganisatie", "vereniging",
             "name", "organisation", "organization", "organisationname", "organizationname"),
    "kind": ("soort", "soortorganisatie", "kind", "category"),
    "type": ("type", "typeorganisatie", "organisatietype", "orgtype"),
    "sectors": ("sector", "sectoren", "sectors"),
    "target_groups": ("doelgroep", "doelgroepen", "targetgroup", "targetgroups", "audience"),
    "reach": ("achterban", "leden", "aantalleden", "ledental", "bereik", "reach", "members",
              "membership"),
    "contact_name": ("contactpersoon", "contact", "naamcontactpersoon", "contactperson",
                     "contactname"),
    "contact_role": ("functie", "rol", "functiecontactpersoon", "role", "function", "jobtitle",
                     "position"),
    "contact_email": ("email", "emailadres", "mail", "emailcontactpersoon", "emailaddress"),
    "contact_phone": ("telefoon", "telefoonnummer", "tel", "telnr", "mobiel", "phone",
                      "telephone", "phonenumber"),
    "contact_salutation": ("aanhef", "aanspreekvorm", "salutation"),
    "contact_publish": ("naamopwebsite", "naampubliceren", "publiceren", "opwebsite",
                        "publishname"),
    "address": ("adres", "straat", "bezoekadres", "straatenhuisnummer", "address", "street"),
    "postcode": ("postcode", "postalcode", "zip", "zipcode"),
    "place": ("plaats", "woonplaats", "vestigingsplaats", "place", "city", "town"),
    "notes": ("opmerkingen", "opmerking", "notities", "notitie", "toelichting", "notes",
              "remarks", "comments"),
    "status": ("status", "netwerkstatus"),
    **{
        f"date_{s}": (f"{s}op", f"datum{s}", f"{s}datum")
        for s in (inv.compact(x) for x in inv.STATUSES)
    },
}  # fmt: skip
_LOOKUP = {spelling: key for key, spellings in HEADERS.items() for spelling in spellings}
# date_<status> keys above were built from the compacted status; map them back
_LOOKUP = {
    spelling: (
        "date_" + next(s for s in inv.STATUSES if inv.compact(s) == key[5:])
        if key.startswith("date_")
        else key
    )
    for spelling, key in _LOOKUP.items()
}

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


# Columns that hold part of a field or two fields, resolved per row (see _combine): a
# "Postcode + plaats" column ("4153 AB Beesd", "8890 Moorslede") and a house number kept
# apart from the street, as address lists from municipalities have them.
PART_HEADERS: dict[str, tuple[str, ...]] = {
    "postcode_place": ("postcodeplaats", "postcode+plaats", "postcodeenplaats",
                       "postcodewoonplaats", "postcode+woonplaats", "postcodeenwoonplaats",
                       "pcplaats", "pc+plaats", "pcwoonplaats", "pc+woonplaats", "pcenplaats",
                       "postalcodecity", "zipcity"),
    "house_number": ("huisnummer", "huisnr", "hnr", "huisnummertoevoeging", "toevoeging",
                     "housenumber"),
}  # fmt: skip
_LOOKUP.update({spelling: key for key, spellings in PART_HEADERS.items() for spelling in spellings})
# What people add to a column name that does not change what it holds: "Achterban (ca.)",
# "Naam (verplicht)", "E-mail *", "Leden ongeveer".
_HEADER_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:ca|circa|ongeveer|ong|optioneel)\b\.?")


def match_header(text: str) -> str | None:
    """The field a column name stands for, or None. Exact spellings first; then without
    what is in brackets or says 'about' ('Achterban (ca.)' is the achterban)."""
    key = _LOOKUP.get(inv.compact(text))
    if key is None and text:
        plain = _HEADER_NOISE.sub(" ", inv.fold(text))
        key = _LOOKUP.get(inv.compact(plain)) if plain.strip() else None
    return key


# ----------------------------------------------------------------------------- reading


@_record
class Table(_Record):
    """Rows of a file as {field: value} with their row number (the header is row 1)."""

    source: str
    rows: list[tuple[int, dict[str, Any]]]
    unknown_columns: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    double_columns: list[str] = field(default_factory=list)  # a field named twice or more


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


def _map_header(cells: list[Any]) -> tuple[list[str | None], list[str], list[str]]:
    """Column keys (None: not read), the unknown column names, and the names of fields
    that have more than one column (each row takes the first of them that is filled)."""
    keys: list[str | None] = []
    unknown: list[str] = []
    double: list[str] = []
    seen: set[str] = set()
    for cell in cells:
        text = "" if cell is None else clean(str(cell))
        key = match_header(text) if text else None
        if key is None:
            if text:
                unknown.append(text)
        elif key in seen:
            double.append(text)
        seen.add(key or "")
        keys.append(key)
    return keys, unknown, double


def _first_filled(record: list[Any], keys: list[str | None]) -> dict[str, Any]:
    """{key: cell} for one row: cleaned, and of two columns for one field the first that
    holds something (an export with 'E-mail' twice, the first empty in this row)."""
    row: dict[str, Any] = {}
    for j, k in enumerate(keys):
        if k is None or j >= len(record):
            continue
        # a value gzctl exported as "'=..." (formula neutralised) comes back as typed
        value = clean_value(restore_cell(record[j]), multiline=k == "notes")
        if k not in row or (inv._blank(row[k]) and not inv._blank(value)):
            row[k] = value
    return _combine(row)


_POSTCODE_PLACE = re.compile(
    r"(?i)^((?:NL-?\s*)?[1-9]\d{3}\s*[a-z]{2}|(?:B-?\s*|BE-?\s*)?[1-9]\d{3})(?![a-z0-9])[\s,]*(.*)$"
)


def _combine(row: dict[str, Any]) -> dict[str, Any]:
    """Part columns into fields: 'Postcode + plaats' fills postcode and place (columns of
    their own win); a house number joins the street."""
    both = row.pop("postcode_place", None)
    if not inv._blank(both):
        text = str(both)
        m = _POSTCODE_PLACE.match(text)
        code, place = (m.group(1), m.group(2).strip()) if m else ("", text)
        if code and inv._blank(row.get("postcode")):
            row["postcode"] = code
        if place and inv._blank(row.get("place")):
            row["place"] = place
    number = row.pop("house_number", None)
    if not inv._blank(number) and not inv._blank(row.get("address")):
        street = str(row["address"])
        if not street.endswith(str(number)):
            row["address"] = f"{street} {number}"
    return row


# How far down a title, a date line or empty rows above the header may reach.
HEADER_SEARCH_ROWS = 30


def _header_row(records: list[list[Any]]) -> int | None:
    """The header: the first row (of the first HEADER_SEARCH_ROWS) with a name column."""
    for i, record in enumerate(records[:HEADER_SEARCH_ROWS]):
        if any(
            isinstance(c, str) and match_header(clean(c)) == "name" for c in record if c
        ):
            return i
    return None


def _no_header(source: str) -> UsageProblem:
    return UsageProblem(
        f"{source}: geen kolom met de naam van de organisatie. Noem die kolom 'Naam' of "
        "'Organisatie' (in de rij met kolomnamen, boven de organisaties)."
    )


def _rows(records: list[list[Any]], source: str, encoding: str = "", delimiter: str = "") -> Table:
    if not any(any(not inv._blank(c) for c in r) for r in records):
        raise UsageProblem(f"{source} is leeg.")
    start = _header_row(records)
    if start is None:
        raise _no_header(source)
    keys, unknown, double = _map_header(records[start])
    rows: list[tuple[int, dict[str, Any]]] = []
    for i, record in enumerate(records[start + 1 :], start=start + 2):
        if all(_empty_cell(c) for c in record):
            continue  # also a row of NULs or invisible characters that an exporter padded
        rows.append((i, _first_filled(record, keys)))
    if not rows:
        raise UsageProblem(
            f"{source}: wel kolomnamen (rij {start + 1}), maar geen organisaties eronder."
        )
    return Table(source, rows, unknown, encoding, delimiter, double)


def _empty_cell(cell: Any) -> bool:
    return inv._blank(cell) or (isinstance(cell, str) and not clean(cell))


def read_csv_text(text: str, source: str, encoding: str = "") -> Table:
    """CSV text as Excel, LibreOffice and Notepad write it: a 'sep=' hint line, a title or
    empty lines above the header, quoted cells with line breaks, CR LF. Raises UsageProblem
    when no delimiter gives a header with a name column, or no rows follow it, or the text
    is beyond the caps of gzctl/core/inputcaps.py (rows, columns, field length)."""
    hinted = _SEP_LINE.match(text)
    if hinted:
        text = text[hinted.end() :]
    first = hinted.group(1) if hinted else detect_delimiter(text)
    for delimiter in (first, *(d for d in DELIMITERS if d != first)):
        # the header lies in the first rows: only those are read to choose the delimiter
        if _header_row(_csv_records(text, source, delimiter, HEADER_SEARCH_ROWS)) is not None:
            return _rows(_csv_records(text, source, delimiter), source, encoding, delimiter)
        if hinted:
            break
    return _rows(_csv_records(text, source, first), source, encoding, first)


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


# A used range of a million rows (a formatted column) ends where this many rows are empty.
MAX_EMPTY_RUN = 1000


def _sheet_records(sheet: Any, source: str) -> list[list[Any]]:
    """The rows that hold something, whatever the sheet's stored used range says: WPS and
    some exporters write <dimension ref="A1"/>, others a million formatted rows. Reading
    stops at the caps of gzctl/core/inputcaps.py (rows, columns, cell length)."""
    from gzctl.core import inputcaps as caps

    reset = getattr(sheet, "reset_dimensions", None)
    if reset is not None:
        reset()  # read-only mode trusts the stored range; make it read the real rows
    records: list[list[Any]] = []
    empty = 0
    for row in sheet.iter_rows(values_only=True):
        if len(records) >= caps.MAX_ROWS:
            raise caps.too_many_rows(source)
        if all(inv._blank(c) for c in row):
            empty += 1
            if empty > MAX_EMPTY_RUN:
                break
            records.append([])
            continue
        empty = 0
        records.append(caps.check_record(source, len(records) + 1, list(row)))
    while records and not records[-1]:
        records.pop()
    return records


def read_xlsx(path: Path, content: io.BytesIO | None = None) -> Table:
    """The first sheet (the active one first) that has a header with a name column.
    ``content``: the file's bytes, for an .xlsx that carries another extension. The zip's
    parts are checked against gzctl/core/inputcaps.py before openpyxl opens it."""
    from openpyxl import load_workbook

    from gzctl.core import inputcaps
    from gzctl.core.errors import GzctlError

    inputcaps.check_xlsx_parts(path.name, content or path)
    try:
        book = load_workbook(content or path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not .xlsx
        raise UsageProblem(f"{path.name} is geen leesbaar Excel-bestand (.xlsx): {exc}.") from None
    try:
        sheets = list(book.worksheets)
        if book.active is not None and book.active in sheets:
            sheets.remove(book.active)
            sheets.insert(0, book.active)
        first: list[list[Any]] | None = None
        for sheet in sheets:
            records = _sheet_records(sheet, path.name)
            if first is None:
                first = records
            if _header_row(records) is not None:
                return _rows(records, path.name)
    except GzctlError:
        raise
    except Exception as exc:  # a part that unpacks otherwise than its zip entry says
        raise UsageProblem(f"{path.name} is geen leesbaar Excel-bestand (.xlsx): {exc}.") from None
    finally:
        book.close()
    return _rows(first or [], path.name)


def read_json(path: Path) -> Table:
    """A JSON export (or a bare list of organisations), within gzctl/core/inputcaps.py:
    the file's size, the number of organisations and the length of each text."""
    from gzctl.core import inputcaps as caps

    caps.check_file_size(path, caps.MAX_JSON_BYTES)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageProblem(f"{path.name} is geen geldige JSON: {exc}.") from None
    except RecursionError:
        raise UsageProblem(
            f"{path.name} is te diep genest om een lijst organisaties te zijn. Exporteer de "
            "lijst opnieuw met 'gzctl org export'."
        ) from None
    items = data.get("organisations") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise UsageProblem(f"{path.name}: verwacht een lijst organisaties.")
    if len(items) > caps.MAX_ROWS:
        raise caps.too_many_rows(path.name)
    for i, item in enumerate(items, start=1):
        if _longest_text(item) > caps.MAX_CELL_CHARS:
            raise caps.too_long_cell(path.name, i)
    return Table(path.name, [(i, inv.from_json(x)) for i, x in enumerate(items, start=1)])


def _longest_text(value: Any) -> int:
    """The length of the longest string in a JSON value (keys included)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list):
        return max((_longest_text(v) for v in value), default=0)
    return 0


def read_table(path: Path) -> Table:
    """A .csv, .xlsx or .json file as a Table; files beyond the caps of
    gzctl/core/inputcaps.py (size, parts, rows, columns, cell length) raise UsageProblem."""
    from gzctl.core import inputcaps

    if not path.is_file():
        raise NotFound(f"Bestand '{path}' bestaat niet.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        inputcaps.check_file_size(path)
        return read_xlsx(path)
    if suffix == ".xls":
        raise UsageProblem(
            f"{path.name} is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of "
            "als CSV en importeer dat."
        )
    if suffix == ".json":
        return read_json(path)
    inputcaps.check_file_size(path)
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):  # an .xlsx saved or renamed with another extension
        return read_xlsx(path, io.BytesIO(data))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UsageProblem(
            f"{path.name} is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of "
            "als CSV en importeer dat."
        )
    text, encoding = decode(data)
    return read_csv_text(text, path.name, encoding)


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


@_record
class Rejected(_Record):
    row: int
    name: str
    reasons: list[str]


@_record
class Duplicate(_Record):
    row: int
    name: str
    of_id: str
    of_name: str
    of_row: int | None  # the earlier row in the same file, or None: already in the inventory
    changes: list[str] = field(default_factory=list)


@_record
class ImportPlan(_Record):
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

    @property
    def ok(self) -> bool:
        return not self.rejected


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
    for number, row in table.rows:
        raw = {k: _tidy(k, v) for k, v in row.items()}
        name = str(raw.get("name") or "").strip()
        clean, errors = inv.parse_fields(raw, catalogue)
        if not name:
            errors.insert(0, "de naam ontbreekt")
        if errors:
            plan.rejected.append(Rejected(number, name, errors))
            continue
        key = inv.dedup_key(name)
        existing = by_key.get(key)
        if existing is None and clean.get("id") in taken:
            existing = next(o for o in project.organisations if o.id == clean["id"])
        if existing is not None:
            dup = Duplicate(number, name, existing.id, existing.name, None)
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
            dup = Duplicate(number, name, org.id, org.name, first_row)
            if duplicates == "merge":
                dup.changes = inv.merge(org, clean, catalogue, today)
            plan.duplicates.append(dup)
            continue
        try:
            org = inv.build(clean, catalogue, taken, today)
        except (UsageProblem, Refused) as exc:
            plan.rejected.append(Rejected(number, name, [exc.message]))
            continue
        taken.add(org.id)
        new_by_key[key] = (number, org)
        plan.added.append(org)
        if not clean.get("type"):
            plan.by_name.append(org.id)
    # what merging would change in the inventory, so a dry run can say it
    if plan.merges:
        import copy

        for dup in plan.duplicates:
            if dup.of_row is None and dup.of_id in plan.merges:
                twin = copy.deepcopy(next(o for o in project.organisations if o.id == dup.of_id))
                dup.changes = inv.merge(twin, plan.merges[dup.of_id], catalogue, today)
    return plan


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
    return {
        "village": project.village.name,
        "organisations": [
            inv.as_json(o) for o in sorted(project.organisations, key=lambda o: o.id)
        ],
    }


def write_xlsx(project: Project, path: Path, project_folder: Path | None = None) -> None:
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
    safefs.UnsafePath (Refused)."""
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
