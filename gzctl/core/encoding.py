"""Text files in every encoding that Excel and Notepad write.

:func:`decode` turns the bytes of a CSV, answers file or hand-edited ``gzctl.toml`` into text:
a byte-order mark decides first (UTF-8, UTF-16 LE/BE: Excel's "Unicode-tekst"), then strict
UTF-8, then charset-normalizer chooses among the encodings Dutch and Flemish Windows machines
write (UTF-16 without a mark, Windows-1252). charset-normalizer is imported only when a file
is neither marked nor UTF-8, so the usual path costs nothing.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

# Names for messages (Dutch readers know these from Excel's and Notepad's "Opslaan als").
UTF8 = "UTF-8"
UTF8_BOM = "UTF-8 met BOM"
UTF16 = "UTF-16 (Unicode-tekst)"
CP1252 = "Windows-1252"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", UTF8_BOM),
    (codecs.BOM_UTF16_LE, "utf-16-le", UTF16),
    (codecs.BOM_UTF16_BE, "utf-16-be", UTF16),
)
# What charset-normalizer may choose from: the encodings Excel and Notepad on a Dutch or
# Belgian Windows machine save in. A free guess picks cp1250 or worse for short Dutch text.
_CANDIDATES = ["utf_16_le", "utf_16_be", "cp1252"]


class Undecodable(ValueError):
    """The bytes are in none of the encodings gzctl reads."""


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name for messages). The BOM is not part of the text; line
    ends are left as they are (csv and tomllib read CRLF). Raises :class:`Undecodable` when
    no candidate encoding fits (a binary file, say)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError as exc:
                raise Undecodable(f"{name}: byte {exc.start}") from None
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(codec), UTF16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        # NUL padding after the text (an interrupted save) or a stray NUL from a database
        # field goes; a file that also holds other control bytes is binary (a PDF, an image)
        data = data.rstrip(b"\x00").replace(b"\x00", b"")
        if _BINARY.search(data):
            raise Undecodable("binaire gegevens")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is not None and best.encoding == "cp1252":
        return str(best), CP1252
    try:
        return data.decode("cp1252"), CP1252
    except UnicodeDecodeError as exc:  # cp1252 leaves five bytes undefined
        raise Undecodable(f"byte {exc.start}") from None


# Control bytes that no text file written by Excel, Notepad or a database export holds
# (tab, line ends, VT, FF and ESC can come from a paste and are cleaned later).
_BINARY = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")


def _looks_utf16(data: bytes) -> bool:
    """Unmarked UTF-16 of Latin text: every other byte is zero."""
    sample = data[:200]
    if len(sample) < 4:
        return False
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    return max(odd, even) >= len(sample) // 2 * 0.9 and min(odd, even) == 0


SAVE_AS_UTF8 = (
    "Sla het op als UTF-8: in Kladblok via Opslaan als, Codering 'UTF-8'; in Excel als 'CSV UTF-8'."
)


def read_text(path: Path) -> str:
    """A text file that people may have saved in Notepad or Excel (see :func:`decode`).
    Raises FileNotFoundError and OSError as ``open`` does, :class:`Undecodable` when the
    bytes are no text gzctl reads (the message then needs :data:`SAVE_AS_UTF8`)."""
    data = path.read_bytes()
    if data.isascii():
        return data.decode("ascii")
    return decode(data)[0]


# TOML allows no control character but the tab, and no carriage return outside a CR LF.
_TOML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def tidy_toml(text: str) -> str:
    """TOML text as editors and pastes leave it, made parseable without changing anything a
    TOML parser accepts: line ends of every kind (CR LF, a lone CR from a Mac editor, mixed)
    become LF; terminal escape sequences and control characters (a trailing NUL from an
    interrupted save, a vertical tab from FileMaker, ESC[0m from a terminal) go. Callers try
    the text as it is first, so a good file pays nothing."""
    from gzctl.core.text import strip_escapes

    text = strip_escapes(text.replace("\r\n", "\n").replace("\r", "\n"))
    # a vertical tab or form feed is a line break in a pasted value: a space, like clean()
    return _TOML_ILLEGAL.sub("", text.replace("\v", " ").replace("\f", " "))
