"""Read an .ics with two independent parsers (icalendar and vobject) and check they agree.

Calendar apps differ in what they forgive; two parsers written apart from each other are a
cheap stand-in for Outlook, Google Calendar and a phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _when(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value.isoformat()


def with_icalendar(data: bytes) -> list[dict[str, Any]]:
    import icalendar

    cal = icalendar.Calendar.from_ical(data)
    out = []
    for event in cal.walk("VEVENT"):
        end = event.get("dtend")
        out.append(
            {
                "uid": str(event["uid"]),
                "start": _when(event["dtstart"].dt),
                "end": _when(end.dt) if end is not None else None,
                "sequence": int(event.get("sequence", 0)),
                "summary": str(event["summary"]),
            }
        )
    return out


def with_vobject(data: bytes) -> list[dict[str, Any]]:
    import vobject

    cal = vobject.readOne(data.decode("utf-8"))
    out = []
    for event in getattr(cal, "vevent_list", []):
        end = getattr(event, "dtend", None)
        sequence = getattr(event, "sequence", None)
        out.append(
            {
                "uid": event.uid.value,
                "start": _when(event.dtstart.value),
                "end": _when(end.value) if end is not None else None,
                "sequence": int(sequence.value) if sequence is not None else 0,
                "summary": event.summary.value,
            }
        )
    return out


def parse_both(data: bytes) -> list[dict[str, Any]]:
    """The events as both parsers read them; AssertionError when they disagree."""
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line  # RFC 5545 3.1: fold lines longer than 75 octets
    a = with_icalendar(data)
    b = with_vobject(data)
    assert a == b, (a, b)
    return a


def khal_client(home: Path, calendar: str = "dorp") -> Callable[..., str]:
    """A khal (Debian's calendar client) with one empty calendar ``calendar`` in ``home``, in
    the village's time zone: call it with khal's arguments, get its stdout."""
    import os
    import subprocess

    (home / "cal").mkdir(parents=True)
    config = home / "config"
    config.write_text(
        f"[calendars]\n[[{calendar}]]\npath = {home / 'cal'}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "default_timezone = Europe/Amsterdam\nlocal_timezone = Europe/Amsterdam\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}

    def khal(*args: str) -> str:
        done = subprocess.run(
            ["khal", "-c", str(config), *args], env=env, capture_output=True, text=True,
            timeout=60, check=True,
        )  # fmt: skip
        return done.stdout

    return khal
