"""Dutch plurals without "(s)": a number with the right form of its noun.

A small ``ngettext``: gzctl's texts are Dutch only, so the two forms are written where they
are used (``count(n, "organisatie", "organisaties")``) instead of in a message catalogue.
"""

from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    """``one`` when ``n`` is 1, else ``many`` (Dutch uses the plural for 0 too)."""
    return one if n == 1 else many


def count(n: int, one: str, many: str) -> str:
    """``"1 organisatie"``, ``"3 organisaties"``, ``"0 organisaties"``; thousands with a dot."""
    number = f"{n:,}".replace(",", ".")
    return f"{number} {plural(n, one, many)}"
