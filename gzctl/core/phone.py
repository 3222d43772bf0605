"""Phone numbers as municipalities, clubs and people write them, by the country's rule.

The rule is data (``[telefoon]`` in playbooks/landen/<code>/land.toml): the home region and
the other regions whose numbers are accepted (NL and BE accept each other's: villages near
the border). Checked with ``phonenumbers`` (Google's libphonenumber metadata): it knows the
Dutch municipal short number (14 + area code: ``14 0345``, ``14072``), 0800/0900 numbers,
Belgian zones and mobiles, ``+31 (0)345-...`` and the short numbers of each region
(``1712``). The number is stored as the user wrote it (tidied of stray characters);
:func:`display` gives the normalised form for showing. phonenumbers is imported inside the
functions. Where no village is in reach (a rule of ``None``), the rule of
``country.DEFAULT_COUNTRY`` applies.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from gzctl.core.text import clean

if TYPE_CHECKING:
    from gzctl.core.country import PhoneRule


def _rule(rule: PhoneRule | None) -> PhoneRule:
    if rule is not None:
        return rule
    from gzctl.core.country import DEFAULT_COUNTRY, country

    return country(DEFAULT_COUNTRY).phone


def _regions(digits: str, regions: tuple[str, ...]) -> tuple[str, ...]:
    """The order to try the regions in: for a national number (0...), first the regions
    whose fixed-line numbers have exactly its length (0 + 8 digits is a Belgian landline,
    Dutch ones have 0 + 9), then the others in the rule's order."""
    if not digits.startswith("0") or len(regions) < 2:
        return regions
    return _order(len(digits.lstrip("+")), regions)


@functools.lru_cache(maxsize=64)
def _order(length: int, regions: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`_regions` for a national number of ``length`` digits: the same for every number
    of that length (an import asks it on every row)."""
    import phonenumbers

    def fits(region: str) -> bool:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        lengths = getattr(getattr(meta, "fixed_line", None), "possible_length", None) or ()
        return length - 1 in lengths

    return tuple(r for r in regions if fits(r)) + tuple(r for r in regions if not fits(r))


def _parse(text: str, rule: PhoneRule) -> Any | None:
    """The number as phonenumbers reads it: valid in one of the rule's regions (the first
    where it is), else a number of the right length that phonenumbers' ranges do not list
    yet (landline 0 + 8 digits, mobile 04 + 8 digits, as Belgian numbers are), else None.
    Numbers of other countries: None."""
    import phonenumbers

    digits = _NOT_DIGIT_OR_PLUS.sub("", text)
    if not digits or len(digits) > 20:
        return None
    regions = _regions(digits, rule.regions)
    quick = _national(text, digits, regions[0])
    if quick is not None:
        return quick
    codes = _codes(rule.regions)
    possible = None
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if number.country_code not in codes:
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


# A number written the national way with only spaces or dashes: '0345 123456', '06-1234 5678'
_NATIONAL = re.compile(r"0[1-9][\d \-]*")


def _national(text: str, digits: str, region: str) -> Any | None:
    """What ``phonenumbers.parse(text, region)`` gives for a number written the national way
    with only spaces or dashes, built without its parser (an import checks a number on every
    row): the national prefix '0' off, the region's calling code on. Only a valid number of a
    region whose national prefix is plainly '0' answers, and never a Belgian one (its grouping
    is checked on the long way, :func:`_grouped_as_belgian`); anything else: None, and the
    number goes the long way."""
    if not _NATIONAL.fullmatch(text):
        return None
    import phonenumbers

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.country_code == 32 or meta.national_prefix_for_parsing != "0":
        return None
    number = phonenumbers.PhoneNumber(country_code=meta.country_code,
                                      national_number=int(digits[1:]))  # fmt: skip
    return number if phonenumbers.is_valid_number(number) else None


_NOT_DIGIT_OR_PLUS = re.compile(r"[^\d+]")
_PHONE_CHARS = re.compile(r"[\d\s+()./\-]+")


@functools.lru_cache(maxsize=16)
def _codes(regions: tuple[str, ...]) -> frozenset[int]:
    """The country calling codes of the regions (31, 32)."""
    import phonenumbers

    return frozenset(phonenumbers.country_code_for_region(r) for r in regions)


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


def _short(text: str, rule: PhoneRule) -> bool:
    """A short number of three or four digits valid in one of the rule's regions (1712,
    1813, 106)."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    digits = re.sub(r"\D", "", text)
    if not (3 <= len(digits) <= 4) or text.strip().startswith("+"):
        return False
    for region in rule.regions:
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
    return bool(_PHONE_CHARS.fullmatch(text)) and 3 <= digits <= 15


def is_phone(raw: str, rule: PhoneRule | None = None) -> bool:
    """True when ``raw`` is a number of one of the rule's regions (valid or at least
    possible)."""
    return _is_tidy_phone(tidy(raw), _rule(rule))


def _is_tidy_phone(text: str, rule: PhoneRule) -> bool:
    if not _PHONE_CHARS.fullmatch(text):
        return False
    return _parse(text, rule) is not None or _short(text, rule)


def check(raw: str, rule: PhoneRule | None = None) -> str:
    """The number as the user wrote it (tidied), or ValueError with the Dutch reason (the
    wording and examples are the country's)."""
    text = tidy(raw)
    found = _rule(rule)
    if not _is_tidy_phone(text, found):
        digits = re.sub(r"\D", "", text)
        short = (
            f" {found.short_hint}"
            if found.short_hint
            and digits.startswith("0")
            and not digits.startswith("00")
            and len(digits) == found.short_digits
            else ""
        )
        raise ValueError(
            f"'{text}' is geen {found.description} telefoonnummer "
            f"(voorbeeld: {found.examples})." + short
        )
    return text


def display(raw: str, rule: PhoneRule | None = None) -> str:
    """The normalised form for showing: national format for a number of ``home`` country
    style ('0345 477 700', '14 0345'), international for the other ('+32 3 201 12 34').
    Returns ``raw`` unchanged when it is not a number phonenumbers can read."""
    import phonenumbers

    text = tidy(raw)
    number = _parse(text, _rule(rule))
    if number is None:
        return text
    if text.startswith(("+", "00")):
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
