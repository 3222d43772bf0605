"""The network's money as use cases: record a spending or an income, take one out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.ops.project import Where, opened, transaction


def record(
    where: Where,
    kind: str,
    day: dt.date,
    amount: float,
    *,
    item: str,
    description: str = "",
    platform: str = "",
    who: str,
    now: dt.datetime,
) -> Any:
    """Record what was spent (``kind`` "uitgave", ``item`` a budget post) or received
    ("inkomst", ``item`` the source); returns the entry."""
    from gzctl.network import money

    with transaction(opened(where), who, now) as tx:
        m = money.add(tx.project, kind, day, amount, item=item, description=description,
                      platform=platform)  # fmt: skip
        word = "Uitgave" if kind == money.SPENT else "Inkomst"
        what = m.description or m.item
        tx.log(f"geld-{kind}", f"{word} {money.euro_text(m.amount)}: {what}", [m.id])
    return m


def remove(where: Where, entry_id: str, *, who: str, now: dt.datetime) -> Any:
    """Take a money entry out (a typing error); returns it."""
    from gzctl.network import money

    with transaction(opened(where), who, now) as tx:
        m = money.remove(tx.project, entry_id)
        what = f"{money.euro_text(m.amount)}, {m.description or m.item}"
        tx.log("geld-verwijder", f"Geldpost geschrapt: {what}", [m.id])
    return m
