"""Workbooks and vCards as rows of cells, for ``gzctl org import``.

Workbooks (.xlsx, .xlsm, .xls, .ods) are read with python-calamine, imported only here;
every sheet is read, each as its own rows. An .xlsx also gets a look at its sheet XML
(zipfile, within the caps of gzctl/core/inputcaps.py, which :func:`read_workbook` checks
first): an e-mail address that exists only in a cell's hyperlink ("Stuur een e-mail") and
formulas saved without their values, which calamine does not give. vCards (.vcf) are read by
:func:`vcard_records`, a small reader of the properties a list needs (vobject would bring
pytz, six and dateutil for the same).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import field
from typing import Any

from gzctl.core.errors import UsageProblem
from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record


@_record
class Sheet(_Record):
    """One sheet: its name, rows (as in the sheet, from A1), whether it is hidden, the
    e-mail addresses of mailto: hyperlinks by (row, column) and the cells holding a formula
    without a stored value."""

    name: str
    records: list[list[Any]]
    hidden: bool = False
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas: list[tuple[int, int]] = field(default_factory=list)


# A used range of a million rows (a formatted column) ends where this many rows are empty.
MAX_EMPTY_RUN = 1000


def _rows(sheet: Any, source: str) -> list[list[Any]]:
    """The rows that hold something, from A1, within the caps (rows, columns, cell length)."""
    from gzctl.core import inputcaps as caps

    start_row, start_col = sheet.start or (0, 0)
    records: list[list[Any]] = [[] for _ in range(min(start_row, caps.MAX_ROWS))]
    pad = [""] * min(start_col, caps.MAX_COLUMNS)
    empty = 0
    for row in sheet.iter_rows():
        if len(records) >= caps.MAX_ROWS:
            raise caps.too_many_rows(source)
        if all(c is None or c == "" for c in row):
            empty += 1
            if empty > MAX_EMPTY_RUN:
                break
            records.append([])
            continue
        empty = 0
        records.append(caps.check_record(source, len(records) + 1, pad + list(row)))
    while records and not records[-1]:
        records.pop()
    return records


def read_workbook(source: str, data: bytes, kind: str) -> list[Sheet]:
    """Every sheet of a workbook of ``kind`` (xlsx, ods, xls); refused with one Dutch line
    when it has a password or is not readable."""
    from python_calamine import CalamineWorkbook, PasswordError

    from gzctl.core import inputcaps
    from gzctl.core.filekind import refusal

    if kind in ("xlsx", "ods"):
        inputcaps.check_xlsx_parts(source, io.BytesIO(data))
    what = {"xlsx": "Excel-bestand", "xls": "oud Excel-bestand (.xls)",
            "ods": "LibreOffice-bestand"}  # fmt: skip
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise UsageProblem(refusal("encrypted", source) or "") from None
    except Exception:  # calamine raises its own kinds (in English) for a damaged file
        raise UsageProblem(
            f"{source} is geen leesbaar {what.get(kind, 'werkboek')}. Open het en sla "
            "het opnieuw op, of sla de lijst op als CSV."
        ) from None
    extras = xlsx_extras(data) if kind == "xlsx" else {}
    sheets: list[Sheet] = []
    try:
        for meta in book.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            links, formulas = extras.get(meta.name, ({}, []))
            hidden = "Visible" not in str(meta.visible)
            sheets.append(Sheet(meta.name, _rows(sheet, source), hidden, links, formulas))
    except UsageProblem:
        raise
    except Exception:
        raise UsageProblem(
            f"{source} is geen leesbaar {what.get(kind, 'werkboek')}. Open het en sla "
            "het opnieuw op, of sla de lijst op als CSV."
        ) from None
    finally:
        book.close()
    return sheets


# ----------------------------------------------------------------------------- .xlsx XML

_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_SHEET_ID_FIRST = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_LINK = re.compile(rb"<(?:\w+:)?hyperlink\b([^>]*)/?>")
_REF = re.compile(r"([A-Z]{1,3})(\d+)")


def _unescape(raw: bytes) -> str:
    import html

    return html.unescape(raw.decode("utf-8", "replace"))


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        data = archive.read(rels)
    except KeyError:
        return {}
    out = {}
    for m in _REL.finditer(data):
        attrs = dict(_ATTR.findall(m.group(1)))
        out[_unescape(attrs.get(b"Id", b""))] = _unescape(attrs.get(b"Target", b""))
    return out


def _cell(ref: str) -> tuple[int, int] | None:
    m = _REF.fullmatch(ref)
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def xlsx_extras(data: bytes) -> dict[str, tuple[dict[tuple[int, int], str], list[tuple[int, int]]]]:
    """{sheet name: (mailto addresses by cell, cells with a formula and no value)}. The
    parts were checked against the caps before; a part that cannot be read gives nothing."""
    out: dict[str, tuple[dict[tuple[int, int], str], list[tuple[int, int]]]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = archive.read("xl/workbook.xml")
            targets = _rels(archive, "xl/workbook.xml")
            pairs = [(n, r) for n, r in _SHEET.findall(book)] or [
                (n, r) for r, n in _SHEET_ID_FIRST.findall(book)
            ]
            for raw_name, rid in pairs:
                target = targets.get(_unescape(rid), "")
                part = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
                try:
                    xml = archive.read(part)
                except KeyError:
                    continue
                out[_unescape(raw_name)] = (_links(archive, part, xml), _formulas(xml))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}
    return out


def _links(archive: zipfile.ZipFile, part: str, xml: bytes) -> dict[tuple[int, int], str]:
    if b"hyperlink" not in xml:
        return {}
    rels = _rels(archive, part)
    out: dict[tuple[int, int], str] = {}
    for m in _LINK.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(1).replace(b"r:id", b"rid")))
        target = rels.get(_unescape(attrs.get(b"rid", b"")), "")
        where = _cell(_unescape(attrs.get(b"ref", b"")).split(":")[0])
        if where is not None and target.lower().startswith("mailto:"):
            from urllib.parse import unquote

            address = unquote(target[7:]).split("?")[0].strip()
            if address:
                out[where] = address
    return out


def _formulas(xml: bytes) -> list[tuple[int, int]]:
    if b"<f" not in xml and b":f" not in xml:
        return []
    out = []
    for m in _CELL.finditer(xml):
        inner = m.group(2) or b""
        if re.search(rb"<(?:\w+:)?f\b", inner) and not re.search(
            rb"<(?:\w+:)?v>[^<]+</(?:\w+:)?v>|<(?:\w+:)?is>", inner
        ):
            ref = dict(_ATTR.findall(m.group(1))).get(b"r", b"")
            where = _cell(ref.decode("ascii", "replace"))
            if where is not None:
                out.append(where)
    return out


# ----------------------------------------------------------------------------- vCard

VCARD_HEADER = ["Organisatie", "Contactpersoon", "Functie", "E-mail", "Telefoon", "Adres",
                "Postcode", "Plaats", "Opmerkingen"]  # fmt: skip


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif lines and lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].upper():
            lines[-1] = lines[-1][:-1] + line  # a soft line break of vCard 2.1
        else:
            lines.append(line)
    return lines


def _value(params: list[str], raw: str) -> str:
    upper = [p.upper() for p in params]
    if "ENCODING=QUOTED-PRINTABLE" in upper or "QUOTED-PRINTABLE" in upper:
        import quopri

        charset = next((p.split("=", 1)[1] for p in params if p.upper().startswith("CHARSET=")),
                       "utf-8")  # fmt: skip
        try:
            raw = quopri.decodestring(raw.encode("latin-1", "replace")).decode(charset, "replace")
        except LookupError:
            raw = quopri.decodestring(raw.encode("latin-1", "replace")).decode("utf-8", "replace")
    return raw


def _split(raw: str, sep: str) -> list[str]:
    parts = re.split(r"(?<!\\)" + re.escape(sep), raw)
    return [
        p.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")
        .replace("\\\\", "\\").strip()
        for p in parts
    ]  # fmt: skip


def vcard_records(text: str, source: str) -> list[list[Any]]:
    """The cards of a .vcf as rows under :data:`VCARD_HEADER`: the organisation (ORG, or
    the card's name when it has no ORG), the person, title, first e-mail and phone, the
    address and the note; within the row cap."""
    from gzctl.core import inputcaps as caps

    records: list[list[Any]] = [list(VCARD_HEADER)]
    card: dict[str, str] | None = None
    for line in _unfold(text):
        if ":" not in line:
            continue
        head, raw = line.split(":", 1)
        name, *params = head.split(";")
        name = name.split(".")[-1].upper()  # item1.EMAIL
        if name == "BEGIN" and raw.strip().upper() == "VCARD":
            card = {}
        elif name == "END" and card is not None:
            if len(records) > caps.MAX_ROWS:
                raise caps.too_many_rows(source)
            records.append(caps.check_record(source, len(records) + 1, _card_row(card)))
            card = None
        elif card is not None and name in ("FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL",
                                           "ADR", "NOTE"):  # fmt: skip
            card.setdefault(name, _value(params, raw))
    return records


def inv_same(a: str, b: str) -> bool:
    """Whether two names are the same, case and spaces aside."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _card_row(card: dict[str, str]) -> list[Any]:
    org = " ".join(p for p in _split(card.get("ORG", ""), ";") if p)
    person = _split(card.get("FN", ""), ",")[0] if card.get("FN") else ""
    if not person and card.get("N"):
        last, first, middle = (_split(card["N"], ";") + ["", "", ""])[:3]
        person = " ".join(p for p in (first, middle, last) if p)
    if not org or inv_same(org, person):
        org, person = org or person, ""  # a company's own card: its name is no person
    adr = (_split(card.get("ADR", ""), ";") + [""] * 7)[:7]  # box;ext;street;city;region;pc;country
    email = _split(card.get("EMAIL", ""), ",")[0].removeprefix("mailto:")
    phone = card.get("TEL", "").removeprefix("tel:")
    return [org, person, _split(card.get("TITLE") or card.get("ROLE", ""), ",")[0], email, phone,
            adr[2], adr[5], adr[3], _split(card.get("NOTE", ""), "\x00")[0]]  # fmt: skip
