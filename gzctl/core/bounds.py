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
