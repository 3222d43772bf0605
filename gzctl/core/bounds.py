"""Bounds for single values in gzctl.toml (and anything else gzctl reads): a number that is
not finite or absurdly large, or a date outside 1900–2200, is a typing error, and letting it
through crashes date arithmetic and formatting later (``docs build`` with 9999-12-31)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)
MAX_INT = 2**53  # beyond this a number is a typing error, and JSON readers lose precision
MAX_AMOUNT = 1e9  # euros, hours, weights: any larger value is a typing error
MAX_PEOPLE = 10_000_000  # inhabitants of a village, members of an organisation
# A name (village, organisation, place, platform, activity, person) must fit every output:
# the DOCX title (at most 255 characters, with the document's own words before the name),
# the file names made from it, the site's cards and a letter's address block.
MAX_NAME = 150


def scalar_fault(value: Any) -> str | None:
    """Why a single TOML value is out of bounds (None when fine): non-finite or huge
    numbers, integers beyond 2**53, dates before 1900 or after 2200."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            shown = str(value) if value.bit_length() < 70 else f"{value.bit_length()} bits"
            return f"is te groot ({shown})"
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return "moet een gewoon getal zijn, geen nan of inf"
        if abs(value) > MAX_AMOUNT:
            return f"is te groot ({value:g})"
        return None
    if isinstance(value, dt.datetime):
        if not MIN_DATE <= value.date() <= MAX_DATE:
            return f"ligt buiten de jaren 1900–2200 ({value.year})"
        return None
    if isinstance(value, dt.date):
        if not MIN_DATE <= value <= MAX_DATE:
            return f"ligt buiten de jaren 1900–2200 ({value.year})"
    return None


def name_fault(value: str, limit: int = MAX_NAME) -> str | None:
    """Why a name is too long for the documents, file names and site (Dutch, naming the
    limit), or None when it fits."""
    if len(value) <= limit:
        return None
    return (
        f"is te lang ({len(value)} tekens); een naam mag hoogstens {limit} tekens hebben, "
        "zodat hij in elk document, elke bestandsnaam en op de website past"
    )


def check_name(value: str, what: str, limit: int = MAX_NAME) -> str:
    """``value`` when it fits (:func:`name_fault`); else UsageProblem (exit 2), one Dutch
    line naming what it is and the limit: 'De naam van de organisatie is te lang (...)'."""
    reason = name_fault(value, limit)
    if reason is None:
        return value
    from gzctl.core.errors import UsageProblem

    raise UsageProblem(f"{what[0].upper()}{what[1:]} {reason}. Kort hem in.")
