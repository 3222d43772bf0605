"""The shell's view of the outside world: clock, user, terminal. The core gets these as
arguments and never reads them itself.

Environment overrides keep tests and the demo reproducible:
``GZCTL_NOW`` (ISO date or datetime), ``GZCTL_USER`` (who is recorded in the history),
``NO_COLOR`` (no ANSI colours), ``GZCTL_DEBUG=1`` (tracebacks).
"""

from __future__ import annotations

import datetime as dt
import os
import sys


def now() -> dt.datetime:
    fixed = os.environ.get("GZCTL_NOW")
    if fixed:
        try:
            moment = dt.datetime.fromisoformat(fixed)
        except ValueError:
            from gzctl.core.errors import UsageProblem

            raise UsageProblem(
                f"GZCTL_NOW='{fixed}' is geen datum of tijdstip; gebruik bijvoorbeeld "
                "2027-01-15 of 2027-01-15T19:30:00+01:00."
            ) from None
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.replace(microsecond=0)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def who() -> str:
    name = os.environ.get("GZCTL_USER")
    if name:
        # bytes that are not UTF-8 arrive as surrogates and could not be saved
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no user database (containers) or no login name
        return "onbekend"


def color_wanted(stream: object = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def debug() -> bool:
    return os.environ.get("GZCTL_DEBUG", "") not in ("", "0")


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False
