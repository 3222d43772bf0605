"""What a file really is, from its first bytes and (for a zip or an OLE file) its parts,
whatever its name says: an .xls renamed .xlsx, a CSV named .xlsx, a password-protected
workbook, an RTF from TextEdit or WordPad, a PDF, a Word document.

:func:`sniff` names the kind; :func:`refusal` is the one Dutch line for a kind gzctl does not
read (what the file is and what to do), so the import and the answers file say it alike.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

# Kinds gzctl reads as a list: "xlsx", "ods", "xls", "text" (CSV, TSV, JSON, vCard: the text
# decides). Kinds it refuses: "encrypted", "rtf", "pdf", "docx", "doc", "odt", "html",
# "zip", "ole", "image".


def _ole_kind(data: bytes) -> str:
    """An OLE compound file: an old .xls, a .doc, or a workbook with a password (Office
    stores an encrypted .xlsx as an OLE file with an EncryptedPackage stream)."""

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "encrypted"
    if has("Workbook") or has("Book"):
        return "xls"
    if has("WordDocument"):
        return "doc"
    return "ole"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype")[:100].decode("ascii", "replace")
                if "mimetype" in names and archive.getinfo("mimetype").file_size < 200
                else ""
            )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return "zip"
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsx"
    if "spreadsheet" in mimetype:
        return "ods"
    if "word/document.xml" in names:
        return "docx"
    if "opendocument.text" in mimetype:
        return "odt"
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        return "numbers"  # Apple Numbers, Pages or Keynote
    return "zip"


def sniff(data: bytes) -> str:
    """The kind of a file from its bytes (see the module's list)."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(data)
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{\\rtf"):
        return "rtf"
    if start.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "image"
    low = start[:200].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<table")) or (
        low.startswith(b"<?xml") and b"<html" in data[:2000].lower()
    ):
        return "html"
    return "text"


_WHAT = {
    "encrypted": "is beveiligd met een wachtwoord, en dan kan ik het niet lezen. Open het in "
    "Excel, haal het wachtwoord eraf (Bestand > Info > Werkmap beveiligen > Versleutelen met "
    "wachtwoord: leeg maken) en sla het op; of sla de lijst op als CSV",
    "rtf": "is opgemaakte tekst (RTF, uit WordPad of TextEdit), geen platte tekst. Kies bij "
    "'Opslaan als' platte tekst (.txt, in TextEdit: Opmaak > Maak platte tekst)",
    "pdf": "is een PDF; daaruit lees ik geen lijst. Vraag de lijst als Excel- of CSV-bestand, "
    "of kopieer de tabel naar Excel en sla die op",
    "docx": "is een Word-document. Sla het in Word op als platte tekst (.txt), of zet de "
    "tabel in Excel en sla die op als .xlsx of CSV",
    "doc": "is een (oud) Word-document. Sla het in Word op als platte tekst (.txt), of zet de "
    "tabel in Excel en sla die op als .xlsx of CSV",
    "odt": "is een tekstdocument (LibreOffice Writer). Sla het op als platte tekst (.txt), of "
    "zet de tabel in Calc en sla die op als .ods, .xlsx of CSV",
    "numbers": "is een bestand van Numbers (Apple). Kies in Numbers Archief > Exporteer naar "
    "> Excel of CSV, en lees dat in",
    "html": "is een webpagina (HTML), geen spreadsheet. Open het in Excel en sla het op als "
    ".xlsx of CSV",
    "zip": "is een zip-bestand maar geen Excel- of LibreOffice-werkmap. Pak het uit en geef "
    "het bestand met de lijst",
    "ole": "is een oud Office-bestand dat ik niet herken. Open het en sla het op als .xlsx of CSV",
    "image": "is een afbeelding; daaruit lees ik geen lijst. Vraag de lijst als Excel- of "
    "CSV-bestand",
}


def refusal(kind: str, name: str, text_wanted: bool = False) -> str | None:
    """The Dutch line for a file of ``kind`` that gzctl does not read, or None when it
    reads that kind. ``text_wanted``: the file should be plain text (an answers file), so a
    workbook is refused too."""
    if text_wanted and kind in ("xlsx", "ods", "xls"):
        return (
            f"{name} is een spreadsheet, geen tekstbestand. Schrijf de antwoorden in een "
            "teksteditor (Kladblok, TextEdit) en bewaar ze als .toml."
        )
    what = _WHAT.get(kind)
    return f"{name} {what}." if what else None
