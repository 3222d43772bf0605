"""Text as people paste it, cleaned once where it enters gzctl.

Everything a user types, pastes or imports (a spreadsheet cell, a wizard answer, an answers
file, a command option) goes through :func:`clean` before it is checked or stored, so that no
document or export (.xlsx, .csv, .ics, .docx) ever meets a control character, a stray
non-breaking space or Excel's ``_x000D_`` escape. Pure functions, no imports beyond the
standard library: cheap enough for the fast path.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Excel (and openpyxl, which does not decode them) stores characters that XML cannot hold
# as _xHHHH_: _x000D_ is the carriage return of an in-cell line break.
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

# Spaces that look like a space: no-break, narrow no-break, figure, thin, ideographic, ...
_SPACES = dict.fromkeys(
    (0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
     0x2009, 0x200A, 0x202F, 0x205F, 0x3000),
    " ",
)  # fmt: skip
# Invisible characters that only get in the way: zero-width space/joiners, word joiner,
# soft hyphen, a BOM in the middle of a text, bidi marks pasted from web pages.
_INVISIBLE = dict.fromkeys(
    (0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0xFEFF, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
     0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069),
    None,
)  # fmt: skip
# Smart quotes from Word and phones become the plain ones, so "’t Anker" and "'t Anker" are
# one name, and an e-mail address pasted from a letter still works.
_QUOTES = {0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'",
           0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x2033: '"'}  # fmt: skip
_TABLE = {**_SPACES, **_INVISIBLE, **_QUOTES}

# Line breaks in all their forms: CR LF, CR, vertical tab (FileMaker's in-field return),
# form feed, NEL, line and paragraph separators.
_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")


def strip_escapes(text: str) -> str:
    """'\\x1b[1;31mBeesd\\x1b[0m' -> 'Beesd': terminal escape sequences that come along when
    text is copied out of a terminal or a log go whole (colours, hyperlinks, titles; dropping
    only the ESC would leave '[0m' in a name). The one pattern is gzctl/core/escapes.py."""
    if "\x1b" not in text and text.isascii():
        return text  # no ESC, and no 8-bit C1 form either
    from gzctl.core.escapes import ESCAPES

    return ESCAPES.sub("", text)


def excel_unescape(text: str) -> str:
    """'a_x000D_b' -> 'a\\rb': decode the _xHHHH_ escapes Excel writes into .xlsx cells."""
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _drop_controls(text: str, keep_newlines: bool) -> str:
    out = []
    for ch in text:
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch != "\n":
            continue  # control, lone surrogate, private use, unassigned: never wanted
        elif ch == "\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def clean(text: str, multiline: bool = False) -> str:
    """The one text cleaner. Returns ``text`` in NFC with control characters removed,
    look-alike spaces as a plain space, smart quotes straight, Excel escapes decoded, and
    surrounding white space stripped.

    ``multiline=False`` (names, addresses, one-line answers): every line break becomes a
    space and runs of spaces become one. ``multiline=True`` (notes, descriptions): line
    breaks of any kind become ``\\n``, spaces at line ends go, and at most one empty line is
    kept between paragraphs. Never raises."""
    if not text:
        return ""
    text = excel_unescape(text)
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()
    text = unicodedata.normalize("NFC", strip_escapes(text)).translate(_TABLE)
    text = _BREAKS.sub("\n", text)
    text = _drop_controls(text, multiline)
    if not multiline:
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.split("\n")]
    joined = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", joined)


def clean_value(value: object, multiline: bool = False) -> object:
    """:func:`clean` for a value that may not be text (numbers and dates pass unchanged)."""
    return clean(value, multiline) if isinstance(value, str) else value


_MAILTO = re.compile(r"^\s*mailto:\s*", re.IGNORECASE)


def clean_email(text: str) -> str:
    """An e-mail address as pasted: 'mailto:' in front, quotes or '<...>' around it, a
    trailing dot or a name before it ('Jan <jan@x.nl>') are taken away; the address itself
    is unchanged."""
    text = clean(text)
    text = _MAILTO.sub("", text)
    m = re.search(r"<([^<>]+@[^<>]+)>", text)
    if m:
        text = m.group(1).strip()
    text = _MAILTO.sub("", text)
    return text.strip().strip("<>\"'()[]").rstrip(".,;").strip()


_SHELL_SAFE = re.compile(r"[A-Za-z0-9_@%+=:,./~-]+")


def shell_quote(text: str, windows: bool | None = None) -> str:
    """``text`` as one argument that works when pasted into a shell: unchanged when it holds
    only safe characters, else quoted ('Mijn Dorp', 'De '"'"'t Hoek' on POSIX shells;
    "Mijn Dorp" on Windows, where cmd and PowerShell both take double quotes). ``windows``
    defaults to the platform gzctl runs on."""
    if text and _SHELL_SAFE.fullmatch(text) and not text.startswith(("~", "=")):
        # a leading '~' is the home folder to a shell ('~' alone, '~/x'), a leading '=' a
        # command's path to zsh ('=x'): quoted, they are the folder as typed
        return text
    if windows is None:
        import os

        windows = os.name == "nt"
    if windows:
        return '"' + text.replace('"', '""') + '"'
    import shlex

    quoted = shlex.quote(text)
    return f"'{text}'" if quoted == text else quoted  # shlex finds '=dorp' safe


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """Output's last guard: only the characters no document format can hold (control
    characters, lone surrogates) go; tabs, line breaks and non-breaking spaces that a
    template or preparer put there on purpose stay. A carriage return goes too."""
    if text.isprintable():
        return text
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# The top-level commands that work on one project folder: a hint 'gzctl org list' in output
# gets the folder the user named ('gzctl -C MAP org list'). The others start a project or
# look at many (init, demo, portfolio, peers, sync) or only explain (help): their hints stay
# as they are. The command table (cli/commands.TOP, ``project``) is where a command is
# declared; the core may not import it, so this copy is checked against it by
# tests/test_hints.py.
PROJECT_COMMANDS = (
    "wizard", "answers", "status", "next", "done", "undo", "log", "planning", "org", "docs",
    "site", "place", "coordinator", "platform", "activity", "geld", "peiling", "vast",
    "aanmelding", "overleg", "person", "playbook", "config", "merge",
)  # fmt: skip
# 'gzctl' then a project command as a whole word: 'gzctl schrijft er niet in', 'Werk gzctl
# bij' and 'gzctl -C x org' are no hints to change. The space after 'gzctl' may be a line
# break where a text was wrapped before it got here.
_HINT = re.compile(r"\bgzctl(?=\s+(?:" + "|".join(PROJECT_COMMANDS) + r")(?![\w-]))")


def hints_with_dir(
    message: str, directory: str | None, escape: Callable[[str], str] | None = None
) -> str:
    """'Zie: gzctl org list' -> 'Zie: gzctl -C 'Mijn Dorp' org list' when the user named the
    project folder with -C, so a hint in a message from the layers below (which do not know
    the folder) works when pasted. Hints that have -C already, or start a new project, stay.
    ``escape`` makes the inserted ``-C 'folder'`` safe where ``message`` is going: JSON text
    (a folder with a double quote keeps the document valid) or rich markup (a folder with
    '[' is not read as a style)."""
    if not directory or "gzctl" not in message:
        return message
    insert = " -C " + shell_quote(directory)
    if escape is not None:
        insert = escape(insert)
    return _HINT.sub(lambda m: "gzctl" + insert, message)
