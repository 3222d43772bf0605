"""Members' recurring activities and residents' sign-ups as use cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.ops.project import Where, opened, transaction


def add_recurring(
    where: Where, org: str, title: str, start: dt.date, *, time: str = "", minutes: int = 90,
    frequency: str = "week", place: str = "", who: str, now: dt.datetime,
) -> Any:  # fmt: skip
    """Add what a member already does, every week, two weeks or month; returns it."""
    from gzctl.network import recurring

    with transaction(opened(where), who, now) as tx:
        r = recurring.add(tx.project, org, title, start, time=time, minutes=minutes,
                          frequency=frequency, place=place)  # fmt: skip
        tx.log("vast-toevoegen", f"Vaste activiteit: {r.title}, {recurring.when_text(r)}",
               [r.id, r.org])  # fmt: skip
    return r


def remove_recurring(where: Where, item: str, *, who: str, now: dt.datetime) -> Any:
    """A recurring activity stopped; returns it."""
    from gzctl.network import recurring

    with transaction(opened(where), who, now) as tx:
        r = recurring.remove(tx.project, item)
        tx.log("vast-verwijder", f"Vaste activiteit gestopt: {r.title}", [r.id, r.org])
    return r


def add_signups(
    where: Where, count: int, route: str, month: str, *, who: str, now: dt.datetime
) -> Any:
    """Count residents who said "Doe mee" (``month``: '' is this month); returns the count
    of that month and route."""
    from gzctl.network import signups

    with transaction(opened(where), who, now) as tx:
        s = signups.add(tx.project, signups.month_of(month, now.date()),
                        signups.route_of(route), count)  # fmt: skip
        tx.log("aanmelding", f"{count} aanmelding(en) {signups.ROUTES[s.route]} ({s.month})",
               [s.id])  # fmt: skip
    return s
