"""TOML text in, plain data out: the one reader every command shares (the standard
library's tomllib), its one error in Dutch, and the dotted-key shape of settings
(``{"a.b": 1}`` <-> ``{"a": {"b": 1}}``).

Imports nothing of gzctl, so the user config and the portfolio can read TOML without the
model."""

from __future__ import annotations

import re
from typing import Any

_BACKSLASH = "een \\ in een tekst tussen \"...\" (schrijf \\\\, of zet de tekst tussen '...')"
# tomllib's reasons, in Dutch (the first that starts the message wins)
_REASONS = {
    "Invalid value": "ongeldige waarde",
    "Invalid statement": "ongeldige regel",
    "Expected '=' after a key in a key/value pair": "'=' verwacht na de sleutel",
    "Cannot overwrite a value": "sleutel staat er twee keer",
    "Cannot declare": "tabel staat er twee keer",
    "Unclosed array": "lijst niet afgesloten met ']'",
    "Unterminated string": "tekst niet afgesloten met een aanhalingsteken",
    "Illegal character": "ongeldig teken",
    "Invalid date or datetime": "ongeldige datum",
    "Invalid initial character for a key part": "ongeldig teken aan het begin van een sleutel",
    "Expected newline or end of document after a statement": "regeleinde verwacht na de waarde",
    "Found invalid character": "ongeldig teken",
    "Unclosed inline table": "tabel tussen { } niet afgesloten met '}'",
    "Invalid hex value": _BACKSLASH,
    "Unescaped '\\' in a string": _BACKSLASH,
    "Escaped character is not a Unicode scalar value": _BACKSLASH,
    "Expected ']' at the end of a table declaration": "']' verwacht na de tabelnaam",
    "Expected ']]' at the end of an array declaration": "']]' verwacht na de tabelnaam",
    "Duplicate inline table key": "sleutel staat er twee keer",
    "Cannot mutate immutable namespace": "tabel staat er twee keer",
    "Cannot redefine namespace": "tabel staat er twee keer",
}


class TomlError(ValueError):
    """Text that is not TOML gzctl can read. ``dutch`` says where and what in Dutch
    ('regel 3, kolom 7: ongeldige waarde'); ``kind`` is 'syntax', 'number' (an integer too
    long for Python to read) or 'depth' (lists or tables nested too deep)."""

    def __init__(self, kind: str, dutch: str) -> None:
        super().__init__(dutch)
        self.kind = kind
        self.dutch = dutch


def loads(text: str) -> dict[str, Any]:
    """Parse TOML text with tomllib; every way it can fail is a :class:`TomlError`.

    The one TOML reader of gzctl: the project file, the playbooks and catalogues (on a
    cache miss), the answers file and the user config all come through here, so a broken
    file is reported the same way wherever it is."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlError("syntax", dutch_error(str(exc))) from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise TomlError("number", "een getal is te lang") from exc
    except RecursionError:
        raise TomlError("depth", "te diep genest (lijsten of tabellen in elkaar)") from None


def dutch_error(message: str) -> str:
    """tomllib's message ('Invalid value (at line 3, column 7)') as 'regel 3, kolom 7:
    ongeldige waarde'; a reason without a translation stays as tomllib wrote it."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    where = f"regel {m.group(1)}, kolom {m.group(2)}" if m else "onbekende plek"
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message).strip()
    if "end of document" in message:
        where = "einde van het bestand"
    for en, nl in _REASONS.items():
        if reason.startswith(en):
            reason = nl
            break
    return f"{where}: {reason}"


_CURLY_DOUBLE = "\u201c\u201d\u201e\u201f\u2033"
_CURLY_SINGLE = "\u2018\u2019\u201a\u201b\u2032"


def has_curly_quotes(text: str) -> bool:
    """Whether the text holds the quotes Word and TextEdit put in (“ ” ‘ ’)."""
    return any(c in text for c in _CURLY_DOUBLE + _CURLY_SINGLE)


def straight_quotes(text: str) -> str:
    """Curly quotes where TOML wants a straight one (around a value, as Word's
    AutoCorrect types them) made straight; a curly quote inside a "..." or '...' string is
    text and stays. A '#' outside a string starts a comment, which is left as it is."""
    out: list[str] = []
    for line in text.split("\n"):
        quote = ""  # the quote of the string we are in
        curly = ""  # the curly quotes that close it, when a curly quote opened it
        chars = list(line)
        i = 0
        while i < len(chars):
            ch = chars[i]
            if quote:
                if ch == "\\" and quote == '"' and not curly:
                    i += 2
                    continue
                if curly and ch in curly:
                    chars[i] = quote
                    quote = curly = ""
                elif ch == quote:
                    quote = curly = ""
            elif ch == "#":
                break
            elif ch in "\"'":
                quote = ch
            elif ch in _CURLY_DOUBLE or ch in _CURLY_SINGLE:
                double = ch in _CURLY_DOUBLE
                quote, curly = ('"', _CURLY_DOUBLE) if double else ("'", _CURLY_SINGLE)
                chars[i] = quote
            i += 1
        out.append("".join(chars))
    return "\n".join(out)


# A Windows path in a "..." string: 'D:\notulen' where \n is a line break to TOML.
_WINDOWS_PATH = re.compile(r'"([^"\n]*?\b[A-Za-z]:\\(?!\\)[^"\n]*)"')


def windows_path(text: str) -> tuple[int, str] | None:
    """(line number, the string) of the first "..." string holding a Windows path with single
    backslashes, which TOML reads as escapes ('D:\\notulen\\taken' = D:, a line break,
    'otulen', a tab, 'aken'), or None."""
    for number, line in enumerate(text.split("\n"), start=1):
        head = line.split("#", 1)[0] if line.count('"') >= 2 else line
        m = _WINDOWS_PATH.search(head)
        if m:
            return number, m.group(1)
    return None


def unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """{"a.b": 1} -> {"a": {"b": 1}}; keys sorted for a stable file."""
    out: dict[str, Any] = {}
    for key in sorted(flat):
        parts = key.split(".")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = flat[key]
    return out


def flatten(nested: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The inverse of :func:`unflatten`. A list stays a value (groups are lists of tables)."""
    out: dict[str, Any] = {}
    for key, value in nested.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            out.update(flatten(value, path))
        else:
            out[path] = value
    return out
