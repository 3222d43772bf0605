"""Caps on what gzctl reads from a file someone hands it (``org import``): the file's size,
the parts inside an .xlsx, rows, columns and the length of one cell.

Every cap lives here, apart from any reader (csv, json, python-calamine for workbooks, the
small .xlsx XML look of gzctl/network/sheets.py), and each is checked before the reader
takes in the whole file, so memory stays bounded whatever the file holds (an .ods is a zip
too: its content.xml is held to the sheet cap). A file over a
cap is refused with one Dutch line (UsageProblem, exit 2) that says what it holds and what
to do; nothing is saved.

Why these numbers: a village's organisation list has tens to a few thousand rows and some
twenty columns; gzctl itself is tested with 50,000. The caps leave room for ten times the
largest real list and stop what no list needs (a 2 GB sheet in a 2 MB .xlsx, a million
rows, a 200 MB cell) before it costs gigabytes or minutes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, Any

from gzctl.core.errors import UsageProblem

MB = 1024 * 1024

# A file on disk (CSV, .xlsx): 100,000 rows of 300 bytes is 30 MB of CSV.
MAX_FILE_BYTES = 50 * MB
# JSON is parsed whole, and a few bytes ('{},') become a 64-byte object: 20 MB stays
# well under a gigabyte whatever it holds, and holds 40,000 exported organisations.
MAX_JSON_BYTES = 20 * MB
# Rows read (the header and empty rows between included): openpyxl stops here.
MAX_ROWS = 100_000
# Columns of one row (trailing empty cells not counted): an export has 25.
MAX_COLUMNS = 200
# Characters in one cell or CSV field: the longest note is a few paragraphs.
MAX_CELL_CHARS = 10_000

# An .xlsx is a zip; its central directory says how large each part is unpacked, and
# Python's zipfile (which openpyxl reads through) never unpacks more than that. A sheet
# is streamed (the row cap stops it), and 100 MB of sheet XML is more than 100,000 rows of
# 25 columns; other parts (styles, workbook, relations) are parsed whole, so 10 MB.
MAX_XLSX_PART_BYTES = 100 * MB
# The shared strings (every distinct text of the workbook) are all taken in when the workbook
# opens, before any row cap can act: 95 MB of them cost openpyxl 750 MB and minutes. 20 MB
# is 600,000 distinct texts, ten for each of 50,000 organisations.
MAX_XLSX_SHARED_STRINGS_BYTES = 20 * MB
MAX_XLSX_OTHER_PART_BYTES = 10 * MB
MAX_XLSX_TOTAL_BYTES = 250 * MB
MAX_XLSX_PARTS = 10_000
# Sheet XML packs 5 to 30 times; a ratio above 100 in a part over 1 MB is a zip bomb.
MAX_XLSX_RATIO = 100
XLSX_RATIO_FROM_BYTES = 1 * MB

_SAVE_SMALLER = "Splits de lijst in kleinere bestanden of sla alleen de organisaties op."


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n} bytes"


def _n(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_file_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file larger than ``limit`` bytes, before reading it."""
    size = path.stat().st_size
    if size > limit:
        raise UsageProblem(
            f"{path.name} is {_mb(size)}; ik lees bestanden tot {_mb(limit)}. {_SAVE_SMALLER}"
        )


def _part_cap(name: str) -> int:
    low = name.lower()
    if low.endswith("sharedstrings.xml"):
        return MAX_XLSX_SHARED_STRINGS_BYTES
    sheet = low.startswith("xl/worksheets/") or low == "content.xml"  # .xlsx, .ods
    return MAX_XLSX_PART_BYTES if sheet else MAX_XLSX_OTHER_PART_BYTES


def check_xlsx_parts(source: str, file: Path | IO[bytes]) -> None:
    """Refuse an .xlsx whose zip parts unpack too large (see the caps above), reading only
    the zip's central directory. A file that is no zip at all is left to the reader."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    finally:
        if not isinstance(file, Path):
            file.seek(0)
    too_big = (
        f"{source} is een Excel-bestand dat uitgepakt te groot is (een deel is %s, ik lees "
        "tot %s). Open het in Excel en sla het opnieuw op, of sla de lijst op als CSV."
    )
    if len(infos) > MAX_XLSX_PARTS:
        raise UsageProblem(
            f"{source} is een Excel-bestand met {_n(len(infos))} delen (ik lees er tot "
            f"{_n(MAX_XLSX_PARTS)}). Open het in Excel en sla het opnieuw op, of als CSV."
        )
    total = 0
    for info in infos:
        limit = _part_cap(info.filename)
        if info.file_size > limit:
            raise UsageProblem(too_big % (_mb(info.file_size), _mb(limit)))
        if info.file_size > XLSX_RATIO_FROM_BYTES and info.file_size > MAX_XLSX_RATIO * max(
            info.compress_size, 1
        ):
            raise UsageProblem(
                f"{source} is een Excel-bestand dat uitgepakt meer dan {MAX_XLSX_RATIO} keer "
                "zo groot wordt (een zip-bom). Open het in Excel en sla het opnieuw op, of sla "
                "de lijst op als CSV."
            )
        total += info.file_size
    if total > MAX_XLSX_TOTAL_BYTES:
        raise UsageProblem(too_big % (_mb(total), _mb(MAX_XLSX_TOTAL_BYTES)))


def too_many_rows(source: str) -> UsageProblem:
    """The refusal of a file with more than MAX_ROWS rows (raised when row MAX_ROWS + 1
    comes in, so the rest is never read)."""
    return UsageProblem(
        f"{source} heeft meer dan {_n(MAX_ROWS)} rijen; ik lees er tot {_n(MAX_ROWS)}. "
        f"{_SAVE_SMALLER}"
    )


def too_many_columns(source: str, row: int) -> UsageProblem:
    """The refusal of a row wider than MAX_COLUMNS."""
    return UsageProblem(
        f"{source}: rij {row} heeft meer dan {_n(MAX_COLUMNS)} kolommen; ik lees er tot "
        f"{_n(MAX_COLUMNS)}. Verwijder de lege of overbodige kolommen en sla het opnieuw op."
    )


def too_long_cell(source: str, row: int | None = None) -> UsageProblem:
    """The refusal of a cell or field longer than MAX_CELL_CHARS."""
    where = f"rij {row} heeft een cel" if row else "een cel"
    return UsageProblem(
        f"{source}: {where} met meer dan {_n(MAX_CELL_CHARS)} tekens; ik lees cellen tot "
        f"{_n(MAX_CELL_CHARS)} tekens. Kort die cel in (of controleer of het bestand wel een "
        "lijst organisaties is)."
    )


def check_record(source: str, row: int, record: list[Any]) -> list[Any]:
    """One row as read, refused when it is too wide (trailing empty cells not counted) or a
    cell too long; empty cells past the cap are dropped (no header reaches them)."""
    end = len(record)
    while end and (record[end - 1] is None or record[end - 1] == ""):
        end -= 1
    if end > MAX_COLUMNS:
        raise too_many_columns(source, row)
    for cell in record[:end]:
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
            raise too_long_cell(source, row)
    return record[:MAX_COLUMNS] if len(record) > MAX_COLUMNS else record
