"""Plain-text tables and wrapped text that fit the terminal they are printed in.

Used by the list commands and the status/next views instead of rich: it loads nothing but the
standard library, so the everyday commands stay fast. A table that is too wide for the screen
first wraps its text columns at word boundaries, then leaves out the columns that matter least
(and says which), and when even that does not fit prints one small "kaart" per row. Names are
never cut in the middle of a word.

Widths are in character cells; gzctl's texts are Latin script, one cell per character.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TextIO

MIN_WIDTH = 40
GAP = "  "


class Column(NamedTuple):
    """One column of a :func:`render` table.

    ``head``: the Dutch header; ``right``: right-aligned (numbers); ``drop``: 0 = always shown,
    higher numbers are left out first when the screen is narrow; ``wrap``: the cell may be
    wrapped over several lines at word boundaries (False keeps it on one line: ids, dates);
    ``style``: a :class:`gzctl.cli.render.Style` method name (``"cyan"``, ``"bold"``) or "".
    """

    head: str
    right: bool = False
    drop: int = 0
    wrap: bool = True
    style: str = ""


def terminal_width(stream: TextIO | None = None) -> int | None:
    """The width to print for, in columns: ``COLUMNS`` when set to a number, else the width of
    the terminal ``stream`` is in (default: stdout, else stderr when only stdout goes to a
    pipe); None when there is no terminal (scripts: lines are then not wrapped, so ``grep``
    sees whole rows). Never below 40."""
    value = os.environ.get("COLUMNS", "").strip()
    if value.isdigit() and int(value) > 0:
        return max(MIN_WIDTH, int(value))
    streams = [stream] if stream is not None else [sys.stdout, sys.stderr]
    for s in streams:
        # stdout into a pipe (gzctl next | less) while stderr is still the terminal: a person
        # reads it, so fit their screen; with neither a terminal (scripts), no wrapping
        try:
            if s.isatty():
                return max(MIN_WIDTH, os.get_terminal_size(s.fileno()).columns)
        except (AttributeError, OSError, ValueError):
            continue
    return None


_KEEP = "\x00"  # stands in for a space that must not become a line break


def _protect(text: str) -> str:
    return protect_hints(text, _KEEP)


def protect_hints(text: str, keep: str) -> str:
    """``text`` with the spaces inside each ``gzctl -C`` hint replaced by ``keep`` (a
    character the wrapper does not break at; the caller turns it back into a space).

    A command hint that names a folder ("Afvinken: gzctl -C 'Mijn Dorp' done ID") is kept
    on one line: it must paste as one line (it overflows a narrow screen rather than break
    inside the quoted folder). The hint ends where the command does: at a word that is no
    command word, option, id or placeholder, after a word that ends a sentence ('toont.'),
    or at the two or more spaces that separate hints, and before a Dutch word that joins a
    sentence ('... activity add of start ...': core.outtext.HINT_STOP_WORDS). The prose
    around it wraps as usual."""
    if "gzctl -C " not in text:
        return text
    from gzctl.core.outtext import ends_hint

    hint_start, hint_word = _hint_patterns()
    out: list[str] = []
    pos = 0
    for m in hint_start.finditer(text):
        if m.start() < pos:
            continue
        end = m.end()
        while True:
            word = hint_word.match(text, end)
            if word is None or ends_hint(word.group(1)):
                break
            end = word.end()
            last = word.group(1)
            if last.endswith((",", ";", ":", "!", "?", ")")) or (
                last.endswith(".") and not last.endswith("...")
            ):
                break  # the sentence goes on after the command: 'answers die toont.'
        start = m.start()
        labelled = not m.group(0).startswith("gzctl")
        begins = start == 0 or text[:start].endswith(("\n", "  ", ". ", "? ", "! "))
        if labelled and (not begins or ends_hint(m.group(0).split(" ", 1)[0])):
            # a label only where a line, a sentence or a hint of several starts ('Afvinken:
            # gzctl ...', '... voorbeelddorp/. Verder: gzctl ...');
            # 'Een antwoord veranderen: gzctl ...' or 'Plan er een met: gzctl ...' is prose
            # that wraps before the hint ('veranderen:' alone on a line of its own, no)
            start = text.index("gzctl", start)
        out.append(text[pos:start])
        out.append(text[start:end].replace(" ", keep))
        pos = end
    out.append(text[pos:])
    return "".join(out)


# 'Label: gzctl -C FOLDER' (the folder one shell word, quoted as core.text.shell_quote does)
_SHELL_WORD = r"""(?:'[^']*'|"(?:[^"\\]|\\.)*"|[^\s'"])+"""
# one more word of the command, after a single space: a command word, an option, an id, a
# placeholder (NAAM, ID, ...), a quoted value; with up to two sentence marks after it ('),')
_WORD = (
    r" ((?:--?[\w-]+(?:=\S*)?|[a-z0-9][\w.@/-]*|[A-Z][A-Z_]*|\.\.\.|'[^']*')[.,;:!?)]{0,2})"
    r"(?= |$|\[|\x1b)"  # a space, the end, rich markup ('build[/]') or a colour code
)
_patterns: list[Any] = []


def _hint_patterns() -> tuple[Any, Any]:
    """The two patterns of :func:`_protect`, compiled on first use (not at start-up)."""
    import re

    if not _patterns:
        _patterns.extend([re.compile(r"(?:\S+: )?gzctl -C " + _SHELL_WORD), re.compile(_WORD)])
    return _patterns[0], _patterns[1]


def _hinted(text: str) -> str:
    """``text`` with the -C folder in its ``gzctl`` hints before it is measured and wrapped
    (the terminal stream would add it after, when the lines are already broken)."""
    from gzctl.core.outtext import hinted

    return hinted(text)


def _restore(lines: list[str]) -> list[str]:
    return [line.replace(_KEEP, " ") for line in lines]


def wrap(text: str, width: int | None, first: str = "", rest: str | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken at spaces, the first line starting
    with ``first`` and the next ones with ``rest`` (a hanging indent; default: as many spaces
    as ``first`` is long). ``width`` None: one line. A single word longer than the line stays
    whole (it overflows rather than being cut)."""
    import textwrap  # lazily: compiling its patterns costs milliseconds at start-up

    rest = " " * len(first) if rest is None else rest
    if width is None:
        return [first + text]
    lines = textwrap.wrap(
        _protect(_hinted(text)),
        width=max(width, len(first) + 10),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return _restore(lines) or [first.rstrip()]


def _words_max(text: str) -> int:
    """The longest word of a cell; a ``gzctl`` hint counts as one word (it is never broken:
    a table whose column cannot hold it is shown as cards)."""
    if "gzctl" in text:
        text = _protect(_hinted(text))
    return max((len(w) for w in text.split()), default=0)


def _cell_lines(text: str, width: int, wrap_it: bool) -> list[str]:
    import textwrap  # lazily: compiling its patterns costs milliseconds at start-up

    if not text:
        return [""]
    if not wrap_it or len(text) <= width:
        return text.split("\n") if "\n" in text else [text]
    out: list[str] = []
    for para in text.split("\n"):
        if "gzctl" in para:  # a hint stays whole on its line ('gzctl -C heukelum' / 'overleg')
            para = _protect(_hinted(para))
        out += textwrap.wrap(
            para, width=width, break_long_words=False, break_on_hyphens=False
        ) or [""]
    return _restore(out)


def _longest_line(cells: list[str]) -> int:
    """The length of the longest line in any of ``cells`` (a list of thousands: one pass in C
    when no cell has a line break)."""
    if not cells:
        return 0
    if "\n" not in "".join(cells):
        return max(map(len, cells))
    return max(max(len(x) for x in cell.split("\n")) for cell in cells)


def _layout(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int | None
            ) -> list[int] | None:  # fmt: skip
    """Column widths that fit ``width``, or None when these columns cannot fit."""
    natural = [max(len(c.head), _longest_line([r[i] for r in rows])) for i, c in enumerate(columns)]
    gaps = len(GAP) * (len(columns) - 1)
    if width is None or sum(natural) + gaps <= width:
        return natural
    minimum = [
        max([_words_max(c.head)] + [_words_max(r[i]) for r in rows])
        if c.wrap
        else natural[i]
        for i, c in enumerate(columns)
    ]
    if sum(minimum) + gaps > width:
        return None
    # water-filling: raise one common cap until the line is full, so narrow columns are
    # shown whole and the widest ones share what is left
    available = width - gaps

    def fill(cap: int) -> list[int]:
        return [max(lo, min(nat, cap)) for lo, nat in zip(minimum, natural, strict=True)]

    cap = 0
    while cap < max(natural) and sum(fill(cap + 1)) <= available:
        cap += 1
    widths = fill(cap)
    spare = available - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: natural[i] - widths[i], reverse=True):
        if spare <= 0:
            break
        extra = min(spare, natural[i] - widths[i])
        widths[i] += extra
        spare -= extra
    return widths


def _rows(
    cols: Sequence[Column],
    rows: Sequence[Sequence[str]],
    widths: list[int],
    paint: Callable[[str, str], str],
) -> list[str]:
    """The lines of the table's body. When every cell fits on one line each is padded in one
    step; only a table with a cell to wrap goes line by line through :func:`_cell_lines`
    (a list of 50,000 organisations prints in a fraction of a second)."""
    flat = all(
        _longest_line([r[i] for r in rows]) <= w and "\n" not in "".join(r[i] for r in rows)
        for i, w in enumerate(widths)
    )
    lines: list[str] = []
    if flat:
        # one format call per row pads every cell in C; a column whose style paints nothing
        # (no colours: a pipe, NO_COLOR) is not painted cell by cell
        styled = [
            (i, c.style) for i, c in enumerate(cols) if c.style and paint(c.style, "x") != "x"
        ]
        fmt = GAP.join(
            "{:" + (">" if c.right else "<") + str(w) + "}"
            for c, w in zip(cols, widths, strict=True)
        ).format
        if not styled:
            return [fmt(*r).rstrip() for r in rows]
        right = [c.right for c in cols]
        for r in rows:
            parts = [
                t.rjust(w) if rj else t.ljust(w)
                for t, w, rj in zip(r, widths, right, strict=True)
            ]
            for i, style in styled:
                if r[i]:
                    parts[i] = paint(style, parts[i])
            lines.append(GAP.join(parts).rstrip())
        return lines
    for r in rows:
        cells = [_cell_lines(text, w, c.wrap) for text, c, w in zip(r, cols, widths, strict=True)]
        height = max(len(c) for c in cells)
        for n in range(height):
            parts = []
            for cell, c, w in zip(cells, cols, widths, strict=True):
                text = cell[n] if n < len(cell) else ""
                padded = text.rjust(w) if c.right else text.ljust(w)
                parts.append(paint(c.style, padded) if c.style and text else padded)
            lines.append(GAP.join(parts).rstrip())
    return lines


def render(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int | None,
    paint: Callable[[str, str], str] | None = None,
    title: int = 0,
) -> str:
    """The table as text for a screen ``width`` columns wide (None: no limit).

    ``rows``: one string per column each. ``paint(style, text)`` colours a cell (None: plain).
    Too wide: text columns wrap at word boundaries; still too wide: columns are left out in
    order of their ``drop`` number (a last line names them); still too wide: a stacked card
    per row headed by column ``title``, every other column as "Kop: waarde". Returns the
    lines joined by newlines, no newline at the end."""
    paint = paint or (lambda style, text: text)
    from gzctl.core.outtext import hint_folder, hinted

    if hint_folder() is not None and "gzctl" in "\n".join(map("\n".join, rows)):
        # a cell with a hint is measured with its -C folder (one look over all cells first:
        # a list of 50,000 organisations mostly has none)
        rows = [[hinted(text) for text in r] for r in rows]
    shown = list(range(len(columns)))
    while True:
        cols = [columns[i] for i in shown]
        sub = rows if len(shown) == len(columns) else [[r[i] for i in shown] for r in rows]
        widths = _layout(cols, sub, width)
        if widths is not None:
            break
        droppable = [i for i in shown if columns[i].drop > 0]
        if not droppable:
            return cards(columns, rows, width, paint, title)
        shown.remove(max(droppable, key=lambda i: (columns[i].drop, i)))
    lines = []
    head = GAP.join(
        paint("bold", c.head.rjust(w) if c.right else c.head.ljust(w))
        for c, w in zip(cols, widths, strict=True)
    )
    lines.append(head.rstrip())
    lines.append(GAP.join("─" * w for w in widths))
    lines += _rows(cols, sub, widths, paint)
    left_out = [columns[i].head for i in range(len(columns)) if i not in shown]
    if left_out:
        lines.append("")
        lines += wrap(
            "Niet getoond omdat het venster smal is: " + ", ".join(left_out)
            + ". Maak het venster breder of gebruik --json.",
            width,
        )  # fmt: skip
    return "\n".join(lines)


def cards(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int | None,
    paint: Callable[[str, str], str] | None = None,
    title: int = 0,
) -> str:
    """Every row as a small block: column ``title`` on its own line, then "Kop: waarde" per
    non-empty cell with a hanging indent; a blank line between rows."""
    paint = paint or (lambda style, text: text)
    others = [i for i in range(len(columns)) if i != title]
    label = max((len(columns[i].head) for i in others), default=0) + 2
    blocks = []
    for r in rows:
        lines = [paint("bold", line) for line in wrap(r[title], width)]
        for i in others:
            c, text = columns[i], r[i]
            if not text:
                continue
            prefix = f"  {c.head + ':':<{label}}"
            lines += wrap(text.replace("\n", " "), width, prefix, " " * len(prefix))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


_BULLETS = ("• ", "☐ ", "☑ ", "- ", "▶ ", "✓ ", "~ ", "✗ ")


def _label(body: str) -> int:
    """The width of a message's label, one or two words and a colon ("Fout: ", "Let op: ",
    "Doel:    "), or of a checkbox ("[x] 2. "), or 0: a wrapped line continues under its
    text."""
    import re

    m = re.match(r"[A-Z][a-zë]{1,14}(?: [a-z]{1,8})?: +(?=\S)|\[[ x]\] (?:\d+\. )?", body)
    return len(m.group(0)) if m else 0


def fit(text: str, width: int | None) -> str:
    """Every line of ``text`` that is wider than ``width`` wrapped at spaces, its next lines
    indented under the text (after the line's own indent and a bullet such as "• " or "☐ ").
    ``width`` None: ``text`` unchanged. A line that fits on screen stays whole, its colour
    codes not counted; in a line that is wrapped they count as characters, so a coloured
    line may wrap a little early, never late."""
    import textwrap  # lazily: compiling its patterns costs milliseconds at start-up

    if width is None:
        return text
    out: list[str] = []
    for line in _hinted(text).split("\n"):
        if len(line) <= width or ("\x1b" in line and _visible(line) <= width):
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        hang = indent + (2 if body.startswith(_BULLETS) else 0)
        label = _label(body)
        if label:  # "Fout: ", "Let op: ", "Afvinken: ": the next lines under the text
            hang = indent + label
        elif body[:1].isdigit() or body.startswith("- "):
            # a numbered line ("1.   Dorpshuis ...", "12. ..."): under the text after the number
            head = len(body) - len(body.lstrip("0123456789.=- "))
            hang = indent + min(head, 8)
        wrapped = _restore(
            textwrap.wrap(
                _protect(body),
                width=max(width - indent, 10),
                subsequent_indent=" " * (hang - indent),
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
        # a hint kept whole that does not fit under the text starts at the left edge
        # instead, so that the terminal need not break it
        out += [
            w.lstrip() if len(" " * indent + w) > width >= len(w.lstrip()) else " " * indent + w
            for w in wrapped
        ] or [line]
    return "\n".join(out)


def _visible(line: str) -> int:
    """The cells ``line`` takes on screen: its colour codes (SGR, 'ESC [ 1 m') take none."""
    import re

    return len(re.sub(r"\x1b\[[0-9;]*m", "", line))


def error_text(message: str, stream: TextIO | None = None) -> str:
    """``Fout: message`` as gzctl prints it on stderr (``stream``): on a terminal wrapped at
    its width, the next lines under the text; in a file or pipe one line."""
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return fit(f"Fout: {message}", terminal_width(stream) if tty else None)
