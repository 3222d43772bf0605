"""The shell's view of the outside world: clock, user, terminal. The core gets these as
arguments and never reads them itself.

Environment overrides keep tests and the demo reproducible:
``GZCTL_NOW`` (ISO date or datetime), ``GZCTL_USER`` (who is recorded in the history),
``NO_COLOR`` (no ANSI colours), ``GZCTL_DEBUG=1`` (tracebacks), ``GZCTL_CACHE_HOME`` (the
cache folder).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping
from pathlib import Path


def now() -> dt.datetime:
    """The current moment, or ``GZCTL_NOW`` when set, so tests and demos are exact."""
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
    """Today's date, from :func:`now` (so ``GZCTL_NOW`` fixes it too)."""
    return now().date()


def who() -> str:
    """Who makes the change, for the history: ``GZCTL_USER``, else the login name."""
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
    """Colour only on a terminal and never with ``NO_COLOR`` set (no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def cache_home(environ: Mapping[str, str] | None = None) -> Path:
    """Where gzctl keeps what it can make again (portfolio statuses, parsed data files):
    ``GZCTL_CACHE_HOME``, else the platform's user cache folder (e.g. ``~/.cache/gzctl``)."""
    env = os.environ if environ is None else environ
    home = env.get("GZCTL_CACHE_HOME")
    if home:
        return Path(home).expanduser()
    if sys.platform.startswith("linux"):
        # what platformdirs answers on Linux (the XDG base directory spec), without loading it
        # on every command's start-up
        xdg = env.get("XDG_CACHE_HOME", "").strip()
        return (Path(xdg) if xdg else Path.home() / ".cache") / "gzctl"
    import platformdirs

    return Path(platformdirs.user_cache_dir("gzctl", appauthor=False))


def stdin_is_terminal() -> bool:
    """Someone can answer questions: commands ask only then, and else say what to type."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    """The screen is a terminal (not a file or another program): questions can be seen."""
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
