"""Residents who said "Doe mee": counts only, per month and per route (the website, the
dorpshuis, a club, the network evening), never who. Shown in ``status``, the year report
and the website; each one is answered within a week with a warm introduction (the document
``antwoord-aanmelding``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from gzctl.core.errors import UsageProblem
from gzctl.core.model import Project, Signup

ROUTES = {
    "website": "via de website",
    "dorpshuis": "in het dorpshuis of bij de ontmoetingsplek",
    "vereniging": "via een vereniging of organisatie",
    "netwerkavond": "op een open avond of netwerkavond",
    "telefoon": "per telefoon of mail",
    "anders": "op een andere manier",
}
_ROUTE_WORDS = {
    "site": "website", "web": "website", "internet": "website", "formulier": "website",
    "ontmoetingsplek": "dorpshuis", "buurthuis": "dorpshuis", "club": "vereniging",
    "organisatie": "vereniging", "avond": "netwerkavond", "open-avond": "netwerkavond",
    "bijeenkomst": "netwerkavond", "mail": "telefoon", "e-mail": "telefoon", "bellen": "telefoon",
}  # fmt: skip
MAX_COUNT = 10_000


def route_of(raw: str) -> str:
    """'Site' -> 'website'; UsageProblem naming the routes otherwise."""
    text = re.sub(r"\s+", "-", raw.strip().lower())
    text = _ROUTE_WORDS.get(text, text)
    if text in ROUTES:
        return text
    raise UsageProblem(f"Onbekende route '{raw}'. Kies: {', '.join(ROUTES)}.")


def month_of(raw: str, today: dt.date) -> str:
    """'2027-03', '3-2027', 'maart 2027' or '' (this month) -> '2027-03'."""
    from gzctl.core.dutch import MONTHS

    text = raw.strip().lower()
    if not text:
        return f"{today.year:04d}-{today.month:02d}"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or None
    if m:
        year, month = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"(\d{1,2})[-/](\d{4})", text)
        if m:
            month, year = int(m.group(1)), int(m.group(2))
        else:
            m = re.fullmatch(r"([a-z]+)\s+(\d{4})", text)
            if not m or m.group(1) not in MONTHS:
                raise UsageProblem(
                    f"'{raw}' is geen maand. Schrijf bijvoorbeeld 2027-03 of maart 2027."
                )
            month, year = MONTHS[m.group(1)], int(m.group(2))
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise UsageProblem(f"'{raw}' is geen maand. Schrijf bijvoorbeeld 2027-03.")
    return f"{year:04d}-{month:02d}"


def add(project: Project, month: str, route: str, count: int) -> Signup:
    """Count ``count`` more residents who signed up in ``month`` through ``route``."""
    if not 1 <= count <= MAX_COUNT:
        raise UsageProblem(f"Hoeveel inwoners? Een aantal van 1 of meer, niet {count}.")
    ident = f"{month}-{route}"
    found = next((s for s in project.signups if s.id == ident), None)
    if found is None:
        found = Signup(ident, month, route, 0)
        project.signups.append(found)
        project.signups.sort(key=lambda s: s.id)
    found.count += count
    return found


def total(project: Project, year: int | None = None) -> int:
    """How many signed up (in ``year``, or ever)."""
    return sum(s.count for s in project.signups if year is None or s.month.startswith(f"{year}-"))


def per_route(project: Project, year: int | None = None) -> dict[str, int]:
    """Counts per route, in the order of ROUTES."""
    out: dict[str, int] = {}
    for route in ROUTES:
        n = sum(s.count for s in project.signups if s.route == route
                and (year is None or s.month.startswith(f"{year}-")))  # fmt: skip
        if n:
            out[route] = n
    return out


def signup_json(s: Signup) -> dict[str, Any]:
    """One count as plain data for ``--json``."""
    return {"month": s.month, "route": s.route, "count": s.count}
