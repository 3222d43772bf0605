"""Dutch and Belgian phone numbers as municipalities, clubs and people write them.

Checked with ``phonenumbers`` (Google's libphonenumber metadata): it knows the Dutch
municipal short number (14 + area code: ``14 0345``, ``14072``), 0800/0900 numbers, Belgian
zones and mobiles, ``+31 (0)345-...`` and the short numbers of both countries (``1712``).
The number is stored as the user wrote it (tidied of stray characters); :func:`display`
gives the normalised form for showing. phonenumbers is imported inside the functions.
"""

from __future__ import annotations

import re
from typing import Any

from gzctl.core.text import clean

REGIONS = ("NL", "BE")
EXAMPLE = "0345 123 456, 06 12345678, 14 0345 of +32 3 201 12 34"


def _parse(text: str) -> Any | None:
    """The number as phonenumbers reads it: valid in NL or BE (the first region where it
    is), else a Belgian number of the right length that phonenumbers' ranges do not list
    yet (landline 0 + 8 digits, mobile 04 + 8 digits), else None. Other countries: None."""
    import phonenumbers

    digits = re.sub(r"[^\d+]", "", text)
    if not digits or len(digits) > 20:
        return None
    national = digits.lstrip("+")
    # nine digits after a 0 is Belgian (landline); Dutch numbers have ten
    regions = ("BE", "NL") if digits.startswith("0") and len(national) == 9 else REGIONS
    possible = None
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if number.country_code not in (31, 32):
            continue
        if number.country_code == 32 and not _grouped_as_belgian(text, number):
            continue
        if phonenumbers.is_valid_number(number):
            return number
        nsn = str(number.national_number)
        if (
            possible is None
            and number.country_code == 32
            and (len(nsn) == 8 or (len(nsn) == 9 and nsn.startswith("4")))
            and nsn[0] != "0"
        ):
            possible = number
    return possible


def _grouped_as_belgian(text: str, number: Any) -> bool:
    """False when a number written the national way (0...) is grouped as no Belgian would:
    '0345-68123' and '06-1234567' are Dutch numbers with a digit missing, not the Belgian
    03 456 81 23 and 061 23 45 67. Belgians write the zone as the first group (03, 053,
    0470); a first group of another length gives it away."""
    import phonenumbers

    first = re.match(r"\s*\(?(0\d*)\)?(?=[\s./\-)]+\d)", text)
    if first is None:
        return True  # international, or digits without grouping: nothing to go by
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    zone = re.match(r"\s*(0\d*)", national)
    return zone is None or first.group(1) == zone.group(1)


def _short(text: str) -> bool:
    """A short number of three or four digits valid in NL or BE (1712, 1813, 106)."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    digits = re.sub(r"\D", "", text)
    if not (3 <= len(digits) <= 4) or text.strip().startswith("+"):
        return False
    for region in REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if shortnumberinfo.is_valid_short_number_for_region(number, region):
            return True
    return False


def tidy(raw: str) -> str:
    """What is kept: the text as written, cleaned of control characters and double spaces;
    'tel.' or 'tel:' in front goes."""
    text = clean(raw)
    return _LABEL.sub("", text).strip()


# What goes before a number in a signature or a list: 'tel.', 'Tel:', 'T', 'M', 'mob.',
# 'GSM' (Flemish for a mobile), 'telefoonnr.'
_LABEL = re.compile(
    r"^(?:tel(?:efoon)?\.?\s*(?:nr|nummer)?|t|m|mob(?:iel)?|gsm|phone)\.?\s*:?\s*(?=[\d+(])",
    re.IGNORECASE,
)


def plausible(raw: str) -> bool:
    """A cheap check without phonenumbers (its metadata costs more than gzctl's start-up):
    only digits, spaces and + ( ) . / -, with 3 to 15 digits. Every number :func:`is_phone`
    accepts passes it, so a value checked on the way in never fails this on the way back
    (``network.session.check_answers`` on every open); anything it refuses is then
    checked fully for the message."""
    text = tidy(raw)
    digits = sum(c.isdigit() for c in text)
    return bool(re.fullmatch(r"[\d\s+()./\-]+", text)) and 3 <= digits <= 15


def is_phone(raw: str) -> bool:
    """True when ``raw`` is a Dutch or Belgian number (valid or at least possible)."""
    text = tidy(raw)
    if not re.fullmatch(r"[\d\s+()./\-]+", text):
        return False
    return _parse(text) is not None or _short(text)


def check(raw: str) -> str:
    """The number as the user wrote it (tidied), or ValueError with the Dutch reason."""
    text = tidy(raw)
    if not is_phone(text):
        digits = re.sub(r"\D", "", text)
        short = (
            " Een Nederlands nummer heeft 10 cijfers; mist er een?"
            if digits.startswith("0") and not digits.startswith("00") and len(digits) == 9
            else ""
        )
        raise ValueError(
            f"'{text}' is geen Nederlands of Belgisch telefoonnummer (voorbeeld: {EXAMPLE})."
            + short
        )
    return text


def display(raw: str) -> str:
    """The normalised form for showing: national format for a number of ``home`` country
    style ('0345 477 700', '14 0345'), international for the other ('+32 3 201 12 34').
    Returns ``raw`` unchanged when it is not a number phonenumbers can read."""
    import phonenumbers

    text = tidy(raw)
    number = _parse(text)
    if number is None:
        return text
    if text.startswith(("+", "00")):
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
