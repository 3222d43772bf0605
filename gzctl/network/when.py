"""An activity's date and time in Dutch, as the lists, the commands and the history show it.

Its own small module: ``gzctl activity list`` (on the fast path) and the activity use cases
(gzctl/ops/platforms.py, which writes it into the history line) share it.
"""

from __future__ import annotations

from typing import Any


def when_text(a: Any) -> str:
    """An activity's date and time as the lists show it: ``3 dec 2026 19:30–21:00``."""
    from gzctl.core.questions import format_date

    text = f"{format_date(a.start.date())}"
    if a.start.time() != a.start.time().min:
        text += f" {a.start:%H:%M}"
        if a.end is not None:
            if a.end.date() == a.start.date():
                text += f"–{a.end:%H:%M}"
            elif a.end.time() == a.end.time().min and (a.end - a.start).days == 0:
                text += "–24:00"  # until midnight
    return text
