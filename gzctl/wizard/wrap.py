"""The wizard's own lines, wrapped for the window: at word boundaries, with a hanging indent.

rich wraps a long line at the screen edge but starts every next line in column 1, and a
validation message in prompt_toolkit's toolbar is cut at the edge ("... geen donderdag.
Schrijf de da"). The wizard therefore lays out what it says itself: :func:`hanging` wraps a
line of rich markup to the window (60 columns and up) with the next lines indented, and keeps
a ``gzctl ...`` hint whole so that it still pastes (it overflows rather than breaks).
:func:`wrapping` turns a ``say`` function into one that does this.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a rich markup tag such as [bold], [/], [dim cyan]; "\\[" is an escaped bracket
_TAG = re.compile(r"(?<!\\)\[(?:/[a-z #0-9,.=_\x01-]*|[a-z#@][a-z #0-9,.=_\x01-]*)\]")
_TAG_SPACE = "\x01"  # a space inside a tag ("[bold cyan]") while the line is split
# a word that ends the sentence around a hint: the hint stops after it
_HINT_END = (",", ";", ":", "!", "?", ")")


def visible(markup: str) -> str:
    """The text ``markup`` shows (tags removed, escaped brackets as brackets)."""
    return _TAG.sub("", markup).replace("\\[", "[")


# A hint: "gzctl" (with -C and its folder, quoted or not), then the words of its command: a
# command word, an option, an id, a placeholder (NAAM, ID), a quoted value, with a sentence
# mark after the last at most. The same rule as cli/table.protect_hints (the wizard is a
# layer below the cli and cannot import it).
_SHELL_WORD = r"""(?:'[^']*'|"(?:[^"\\]|\\.)*"|[^\s'"])+"""
_HINT_START = re.compile(r"gzctl(?: -C " + _SHELL_WORD + ")?")
_HINT_WORD = re.compile(
    r" ((?:--?[\w-]+(?:=\S*)?|[a-z0-9][\w.@/-]*|[A-Z][A-Z_]*|\.\.\.|'[^']*')[.,;:!?)]{0,2})"
    r"(?= |$|\[)"
)


def _protect(markup: str) -> str:
    """``markup`` with the spaces inside each ``gzctl`` hint as U+00A0 (not a break)."""
    if "gzctl" not in markup:
        return markup
    from gzctl.core.outtext import ends_hint

    out: list[str] = []
    pos = 0
    for m in _HINT_START.finditer(markup):
        if m.start() < pos:
            continue
        end = m.end()
        while True:
            word = _HINT_WORD.match(markup, end)
            if word is None or ends_hint(word.group(1)):
                break
            end = word.end()
            last = word.group(1)
            if last.endswith(_HINT_END) or (last.endswith(".") and not last.endswith("...")):
                break  # the sentence goes on after the command
        out.append(markup[pos : m.start()])
        out.append(markup[m.start() : end].replace(" ", "\u00a0"))
        pos = end
    out.append(markup[pos:])
    return "".join(out)


def _words(markup: str) -> list[str]:
    """The words of one line, a ``gzctl ...`` hint glued into one word (its spaces kept as
    U+00A0 while measuring; :func:`hanging` puts them back)."""
    tagged = _TAG.sub(lambda m: m.group(0).replace(" ", _TAG_SPACE), markup)
    return _protect(tagged).split(" ")


def hanging(markup: str, width: int, indent: int = 2) -> str:
    """``markup`` (one or more lines of rich markup) wrapped at word boundaries so that no
    line is wider than ``width`` columns; the lines after the first of each paragraph are
    indented by ``indent`` spaces (a line that starts indented keeps its own indent and
    hangs under it). A ``gzctl`` hint is never broken."""
    out: list[str] = []
    for line in markup.split("\n"):
        plain = visible(line)
        if len(plain) <= width:
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip(" "))
        first_indent = " " * lead
        rest_indent = " " * (lead + indent)
        current = first_indent
        current_len = lead
        started = False
        for word in _words(line.lstrip(" ")):
            size = len(visible(word))
            if started and current_len + 1 + size > width:
                out.append(current.rstrip(" "))
                current, current_len = rest_indent + word, len(rest_indent) + size
                continue
            if started:
                current += " " + word
                current_len += 1 + size
            else:
                current += word
                current_len += size
                started = True
        out.append(current)
    return "\n".join(out).replace("\u00a0", " ").replace(_TAG_SPACE, " ")


def screen_columns() -> int:
    """The window's width in columns (80 when unknown), at least 40."""
    import shutil

    return max(40, shutil.get_terminal_size((80, 24)).columns)


def wrapping(say: Callable[[str], None], indent: int = 2) -> Callable[[str], None]:
    """``say`` with every line wrapped to the window by :func:`hanging` first (the window's
    width is read at each line: a resized terminal gets lines that fit). The hint folder
    (``gzctl -C dorp``) is put in before measuring, as the terminal would add it."""

    def wrapped(markup: str) -> None:
        if not isinstance(markup, str):
            say(markup)
            return
        from rich.markup import escape

        from gzctl.core.outtext import hinted

        say(hanging(hinted(markup, escape), screen_columns() - 1, indent))

    return wrapped
