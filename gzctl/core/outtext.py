"""Text leaving gzctl: for a terminal, for JSON and for spreadsheet cells.

Names, notes, ``GZCTL_USER``, a pulled gzctl.toml or a playbook may hold control characters
and escape sequences (``ESC ] 0 ; title BEL`` retitles a window, ``ESC [ 2 J`` clears it) or
values a spreadsheet runs as a formula (``=HYPERLINK(...)``). The functions here are the one
place that makes such text harmless; :class:`TerminalStream` applies :func:`clean` to all
that gzctl prints, and :func:`hinted`: every ``gzctl ...`` hint names the project folder the
user gave with -C, so that it works when pasted. This module is for OUTPUT only (input
cleaning lives elsewhere) and imports nothing heavy: ``gzctl status`` uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TextIO

from gzctl.core.escapes import ESCAPES as _ESCAPES

# C0 except TAB and LF, DEL, C1, and the bidirectional overrides/isolates that reorder how
# a line reads (a name can otherwise make a line look different from what it says); and lone
# surrogates: a folder name that is not UTF-8 (Python's surrogateescape) cannot be written to
# a UTF-8 stream or file, so each such byte is shown as U+FFFD, as a terminal would
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SGR_SPLIT = re.compile(r"(\x1b\[[0-9;]*m)")
# in JSON: C0 is escaped by json already; escape DEL, C1 and the bidi controls as well, and
# lone surrogates: a folder name that is not UTF-8 (os.fsdecode's surrogateescape) could not
# be encoded; as '\\udcff' the JSON stays valid UTF-8 and reads back as the very same name
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without escape sequences and control characters; TAB and newline stay.

    '\\r' goes too (it lets a value overwrite what is printed before it on the line)."""
    if not text or _CONTROLS.search(text) is None:
        return text  # every escape sequence starts with a control character: nothing to do
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub(_dropped, text)


def _dropped(match: re.Match[str]) -> str:
    return "\ufffd" if match.group(0) >= "\ud800" else ""


def clean_line(text: str) -> str:
    """:func:`clean` for one-line places (messages, table cells): newlines become spaces."""
    return clean(text).replace("\n", " ").replace("\t", " ")


def clean_keep_style(text: str) -> str:
    """:func:`clean`, but gzctl's own colours (SGR 'ESC [ n ; n m') survive, except
    'conceal' (8), which could hide text."""
    if "\x1b" not in text and "\x9b" not in text:
        return _CONTROLS.sub(_dropped, text) if _CONTROLS.search(text) else text
    out = []
    for i, piece in enumerate(_SGR_SPLIT.split(text)):
        if i % 2 == 0:
            out.append(clean(piece))
        elif "8" not in piece[2:-1].split(";"):
            out.append(piece)
    return "".join(out)


def json_safe(text: str) -> str:
    """A JSON text with DEL, C1, bidi controls and lone surrogates written as '\\uXXXX'
    (json.dumps with ensure_ascii=False leaves them raw); C0 is escaped by json itself."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def write_utf8(data: bytes) -> None:
    """Write UTF-8 output that holds no control character by construction to stdout's
    binary buffer, past the :class:`TerminalStream` cleaner, after what was printed before
    it: JSON made with :func:`json_safe` (json escapes C0, json_safe the rest; scanning the
    2.7 MB of a 1,000-village portfolio for nothing costs ~7 ms), CSV of cleaned cells, an
    .ics file. No decoding and encoding again; a stdout without a buffer gets the text."""
    import sys

    stream = getattr(sys.stdout, "unfiltered", sys.stdout)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


# --------------------------------------------------------------------------- cells

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral_cell(value: Any) -> Any:
    """A value for a CSV or XLSX cell that no spreadsheet runs as a formula (OWASP): text
    starting with = + - @ TAB or CR gets a leading apostrophe. Text that already starts with
    an apostrophe followed by one of those gets one more, so :func:`restore_cell` is exact."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START) or (
        value.startswith("'") and value.lstrip("'").startswith(FORMULA_START)
    ):
        return "'" + value
    return value


def report_cell(value: Any) -> Any:
    """A value for a cell of a report gzctl writes (the portfolio's and peers' CSV): as
    :func:`neutral_cell`, and without control characters or escape sequences (a folder name
    may hold them, and the CSV goes to stdout past the terminal cleaner). Not for exports
    that ``org import`` reads back: those stay exact."""
    return neutral_cell(clean(value)) if isinstance(value, str) else value


def restore_cell(value: Any) -> Any:
    """The inverse of :func:`neutral_cell`, for ``org import`` of a file gzctl exported."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(
        FORMULA_START
    ):
        return value[1:]
    return value


# --------------------------------------------------------------------------- hints

# Dutch words that join a sentence and never occur in a command: a ``gzctl ...`` hint that is
# kept whole when lines wrap ends before them ('met gzctl activity add of start een platform
# met gzctl platform add.' is two hints and prose, not one unbreakable word of 78 columns).
# No command word, option value or id of the command table is one of these.
HINT_STOP_WORDS = frozenset(
    {"en", "of", "met", "om", "dan", "als", "die", "dat", "zodat", "maar", "tot", "daarna",
     "want", "voor", "waar", "wat", "in", "op", "bij", "te", "je", "zet", "typ", "vul"}
)


def ends_hint(word: str) -> bool:
    """Whether ``word`` (one word after a hint's command, sentence marks and all) is prose
    that the hint must not swallow (see :data:`HINT_STOP_WORDS`)."""
    return word.rstrip(".,;:!?)").lower() in HINT_STOP_WORDS


# The folder the user named for this run's project ('-C MAP'), or None: printed hints
# ('gzctl org list') then stay as they are. Set once a run by gzctl's entry point (and by
# init and demo for the folder they make); read by every write of a TerminalStream.
_hint_folder: str | None = None


def set_hint_folder(folder: str | None) -> None:
    """From now on every ``gzctl <project command>`` hint printed names ``folder`` (shell
    quoted: ``gzctl -C 'Mijn Dorp' org list``), so it works when pasted; None: plain hints."""
    global _hint_folder
    _hint_folder = folder or None


def hint_folder() -> str | None:
    """The folder printed hints name (see :func:`set_hint_folder`), or None."""
    return _hint_folder


def hinted(text: str, escape: Callable[[str], str] | None = None) -> str:
    """``text`` with the hint folder in each ``gzctl <project command>`` hint (a no-op without
    one, or when -C is there already). Text that starts as a JSON document gets the folder
    JSON-escaped, so the document stays valid and the hint in it pastes too; ``escape``
    overrides that (rich markup). The terminal streams call this for all output; code that
    wraps text calls it before it measures lines, so a hint is not broken where it was."""
    folder = _hint_folder
    if folder is None or "gzctl" not in text:
        return text
    from gzctl.core.text import hints_with_dir

    if escape is None and text.lstrip()[:1] in ("{", "["):
        # a JSON document is data: only the texts gzctl writes as advice get the folder, a
        # name, a note or a history line that mentions 'gzctl status' stays as stored
        return _JSON_ADVICE.sub(
            lambda m: m.group(1) + hints_with_dir(m.group(2), folder, _json_escape) + '"',
            text,
        )
    return hints_with_dir(text, folder, escape)


# The keys of a JSON document whose text is gzctl's own advice ('question': "... Geef het
# type met: gzctl org edit x --type TYPE"); a string value of such a key, as json writes it.
ADVICE_KEYS = ("question", "hint", "message", "error", "warning", "advice")
_JSON_ADVICE = re.compile(
    r'("(?:' + "|".join(ADVICE_KEYS) + r')"\s*:\s*")((?:[^"\\]|\\.)*)"'
)


def _json_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


class verbatim:
    """``with verbatim(): ...``: output that is data, not advice (an export to stdout), is
    written as it is, without folders added to texts that happen to mention gzctl."""

    def __enter__(self) -> None:
        self._saved = _hint_folder
        set_hint_folder(None)

    def __exit__(self, *exc: object) -> None:
        set_hint_folder(self._saved)


# --------------------------------------------------------------------------- streams


class TerminalStream:
    """A text stream that passes everything written through :func:`clean` (keeping gzctl's
    colours when ``keep_style``) and :func:`hinted`. Attribute access falls through to the
    wrapped stream, so ``.buffer`` (binary output: CSV, ICS) and ``isatty()`` behave as
    before; prompt_toolkit writes its own cursor control to ``.buffer`` and is not affected."""

    def __init__(self, stream: TextIO, keep_style: bool) -> None:
        self.unfiltered = stream
        self._keep_style = keep_style

    def write(self, text: str) -> int:
        """Write ``text`` cleaned of control characters (and with hints pointed at the
        folder), and report its original length as a stream must."""
        cleaned = clean_keep_style(text) if self._keep_style else clean(text)
        self.unfiltered.write(hinted(cleaned) if _hint_folder is not None else cleaned)
        return len(text)

    def writelines(self, lines: Any) -> None:
        """As ``write``, per line: ``print`` and libraries may call either."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unfiltered, name)


def filtered(stream: TextIO, keep_style: bool) -> Any:
    """``stream`` wrapped in a :class:`TerminalStream` (once; wrapping twice is a no-op)."""
    if isinstance(stream, TerminalStream) or stream is None:
        return stream
    return TerminalStream(stream, keep_style)


def guard_streams() -> None:
    """Wrap sys.stdout and sys.stderr (once) so that all gzctl prints passes :func:`clean`;
    colours survive only on a terminal that wants them (``NO_COLOR`` unset)."""
    import os
    import sys

    def styled(stream: Any) -> bool:
        if os.environ.get("NO_COLOR"):
            return False
        isatty = getattr(stream, "isatty", None)
        try:
            return bool(isatty and isatty())
        except (ValueError, OSError):
            return False

    if sys.stdout is not None:
        sys.stdout = filtered(sys.stdout, styled(sys.stdout))
    if sys.stderr is not None:
        sys.stderr = filtered(sys.stderr, styled(sys.stderr))


def short_error(exc: BaseException) -> str:
    """An unexpected error in a few words: its type and at most 120 characters of text
    (a UnicodeError's repr holds the whole text it failed on, personal data included)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, UnicodeError) or len(text) > 120:
        text = text[:120] + "…" if not isinstance(exc, UnicodeError) else ""
    return f"{type(exc).__name__}" + (f" ({text})" if text else "")
