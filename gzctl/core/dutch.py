"""Numbers, money, percentages, dates and times as Dutch and Flemish people write them.

The one parser behind the wizard, the answers file and the command options:

- numbers: ``1800``, ``1.800`` (a dot groups thousands), ``12,5`` (a comma is the decimal
  sign), ``25.000,50``, ``25 000``, ``ca. 300``; ``1,800`` is ambiguous (English thousands or
  Dutch 1,8?) and is refused with the two readings, never guessed;
- money: ``€ 25.000``, ``€25.000,-``, ``25.000,50 euro``, ``EUR 1.200``;
- percentages: ``22%``, ``22 %``, ``22 procent``, ``12,5%``;
- dates: ``3-12-2026``, ``3/12/2026``, ``3.12.2026``, ``2026-12-03``, ``3 december 2026``,
  ``do 3 dec. 2026``, ``3-12-26``;
- times: ``19:30``, ``19.30``, ``19u30``, ``19h30``, ``19 uur``, ``1930``; ``half acht`` and
  other words are refused with an example, because they do not say which half of the day.

Errors are :class:`~gzctl.core.errors.AnswerError` with one Dutch line and an example.
Pure standard library, no clock: callers pass ``today`` where it matters.
"""

from __future__ import annotations

import datetime as dt
import re

from gzctl.core.errors import AnswerError
from gzctl.core.text import clean

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "maa": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # Flemish and French spellings seen in Belgian lists
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "décembre": 12,
}  # fmt: skip
_WEEKDAY = r"(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_APPROX = re.compile(r"^(?:ca\.?|circa|ongeveer|ong\.|±|~|\+/-|\+-|rond|zo'n)\s*", re.IGNORECASE)
_MONEY = re.compile(
    r"^(?:€|eur(?:o)?(?=\b|\d))\s*|\s*(?:€|eur|euro|euros)$", re.IGNORECASE
)
# '€ 25k', '25 duizend', '€ 2,5 mln': a multiplier after the number (money and counts)
_MULTIPLIER = re.compile(r"\s*(k|duizend|dzd|mln|miljoen)\.?$", re.IGNORECASE)
_TIMES = {"k": 1000, "duizend": 1000, "dzd": 1000, "mln": 10**6, "miljoen": 10**6}
_PERCENT = re.compile(r"\s*(?:%|procent|pct\.?)$", re.IGNORECASE)


def parse_number(
    raw: str, kind: str = "number", unit: str = "", example: object = None
) -> int | float:
    """Dutch number text -> int (when whole) or float.

    ``kind``: 'number', 'whole' (refuses a fraction), 'money' (allows €, EUR, ',-') or
    'percent' (allows %, 'procent'). ``unit`` (e.g. 'inwoners') may follow the number.
    Raises AnswerError with an example (``example`` or 12)."""
    shown = clean(str(raw))
    hint = f" Voorbeeld: {example if example not in (None, '') else 12}"
    text = _without_marks(_without_unit(_APPROX.sub("", shown.lower()), unit), kind, shown, hint)
    times = 1
    multiplied = _MULTIPLIER.search(text) if kind != "percent" else None
    if multiplied and re.search(r"\d", text[: multiplied.start()]):
        times, text = _TIMES[multiplied.group(1).lower()], text[: multiplied.start()].strip()
    text = re.sub(r"(?<=\d)[\s']+(?=\d{3}\b)", "", text).strip()  # 25 000, 25'000
    sign = 1
    if text.startswith(("-", "−")):
        sign, text = -1, text[1:].strip()
    value = sign * _digits(text, times, shown, hint)
    if times > 1:
        value = round(value * times, 2)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if kind == "whole" and not isinstance(value, int):
        raise AnswerError(f"'{shown}' is geen geheel getal.{hint}")
    return value


def _without_unit(text: str, unit: str) -> str:
    """``text`` without the unit that may follow the number ('5400 inwoners', '5400 inw.')."""
    if unit and text.endswith(unit.lower()):
        return text[: -len(unit)].strip()
    if unit and len(unit) > 3:
        return re.sub(rf"\s*{re.escape(unit[:3].lower())}[a-z]*\.?$", "", text)
    return text


def _without_marks(text: str, kind: str, shown: str, hint: str) -> str:
    """``text`` without the marks its kind allows (€, EUR, ',-' for money; % for a
    percentage); a plain number refuses them, so '€ 300' never passes as a count."""
    if kind == "money":
        text = _MONEY.sub("", text).strip()
        text = _MONEY.sub("", text).strip()  # both sides: '€ 25.000 euro' happens
        return re.sub(r"[,.]\s*[-–—]{1,2}$", "", text)  # 25.000,- is a whole amount
    if kind == "percent":
        return _PERCENT.sub("", text).strip()
    if re.search(r"[€%]", text):
        raise AnswerError(f"'{shown}' is geen gewoon getal; laat € of % weg.{hint}")
    return text


def _digits(text: str, times: int, shown: str, hint: str) -> int | float:
    """The value of the bare digits, grouped and with a decimal sign as Dutch and English
    writers do; an ambiguous '1,800' is refused with both readings, never guessed."""
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # 1.800: Dutch thousands
        return int(text.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", text):  # 25.000,50
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3},\d{3}", text):  # 1,800: English 1800 or Dutch 1,8?
        whole = text.replace(",", "")
        dutch = text.rstrip("0").rstrip(",")
        raise AnswerError(
            f"'{shown}' is niet eenduidig: bedoel je {whole} of {dutch}? Schrijf {whole} "
            f"(of {whole[:-3]}.{whole[-3:]}) voor {whole}, en {dutch} voor een kommagetal."
        )
    if re.fullmatch(r"\d+,\d+", text):  # 12,5
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(,\d{3}){2,}(\.\d+)?|\d{1,3}(,\d{3})+\.\d+", text):
        return float(text.replace(",", ""))  # 1,800,000 or 1,800.50: English, unambiguous
    if re.fullmatch(r"\d*\.(\d{1,2}|\d{4,})", text):  # 12.5: a dot, but not thousands
        return float("0" + text if text.startswith(".") else text)
    if times > 1 and re.fullmatch(r"\d+[.,]\d+", text):  # 2,5 mln or 1.8k
        return float(text.replace(",", "."))
    raise AnswerError(f"'{shown}' is geen getal.{hint}")


def parse_date(raw: str, example: str = "15-01-2027") -> dt.date:
    """Dutch date text -> date. Day before month always (3-12-2026 is 3 December); a
    two-digit year is in this century. Raises AnswerError with an example."""
    shown = clean(str(raw))
    text = shown.lower().strip().rstrip(".")
    named = re.match(rf"^({_WEEKDAY})\.?,?\s+", text)
    if named:
        text = text[named.end() :]
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})", text) or (
            re.fullmatch(r"(\d{1,2})()\s+(\d{1,2})\s+(\d{4})", text)
        )
        if m:
            d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if len(m.group(4)) == 2:
                y += 2000
        else:
            m = re.fullmatch(r"(\d{1,2})\s*(?:e\s+)?([a-zéû]+)\.?\s+'?(\d{4}|\d{2})", text)
            if not m or m.group(2) not in MONTHS:
                if re.fullmatch(r"\d{1,2}\s*[-/.]?\s*(\d{1,2}|[a-zéû]+\.?)", text):
                    raise AnswerError(f"'{shown}': zet het jaar erbij, bijvoorbeeld {example}.")
                raise AnswerError(
                    f"'{shown}' is geen datum. Schrijf bijvoorbeeld {example} of 15 januari 2027."
                )
            d, mo, y = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
            if len(m.group(3)) == 2:
                y += 2000
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        raise AnswerError(f"'{shown}' bestaat niet als datum.") from None
    if named:
        # 'za 3 december 2026' when the 3rd is a Thursday: one of the two is wrong
        weekday = WEEKDAYS[day.weekday()]
        if not weekday.startswith(named.group(1)):
            said = next(w for w in WEEKDAYS if w.startswith(named.group(1)))
            raise AnswerError(
                f"'{shown}' klopt niet: {day.day}-{day.month}-{day.year} is een {weekday}, "
                f"geen {said}. Schrijf de datum zonder dag, zoals {example}."
            )
    return day


_TIME_WORDS = re.compile(
    r"\b(half|kwart|over|voor|uur\s+\w|middag|avond|ochtend|morgen|nacht|acht|negen|tien|"
    r"elf|twaalf|een|twee|drie|vier|vijf|zes|zeven)\b"
)


# '19:30-21:00', 'van 19.30 tot 22.00 uur': a start and an end in a field for one time
_SPAN = re.compile(r"(?:van\s+)?[\d:.uh ]+(?:uur)?\s*(?:-|–|—|tot|t/m)\s*[\d:.uh ]+(?:uur)?")


def parse_time(raw: str, example: str = "19:30") -> dt.time:
    """Dutch time text -> time: 19:30, 19.30, 19u30, 19h30, 19 uur, 19:30 uur, 1930, 7:30 pm.
    Words ('half acht', 'kwart over zeven', 'acht uur 's avonds') are refused with an
    example: they do not say morning or evening, and a wrong guess ends up in invitations."""
    shown = clean(str(raw))
    text = shown.lower().strip().rstrip(".")
    if _SPAN.fullmatch(text):
        raise AnswerError(
            f"'{shown}' is een tijdvak. Schrijf alleen de begintijd, zoals {example}."
        )
    if _TIME_WORDS.search(text) or re.search(r"[a-z]{3,}", text.replace("uur", "")):
        raise AnswerError(
            f"'{shown}' is niet eenduidig. Schrijf de tijd in cijfers, zoals {example}."
        )
    pm = am = False
    if re.search(r"\s*p\.?m\.?$", text):
        pm, text = True, re.sub(r"\s*p\.?m\.?$", "", text)
    elif re.search(r"\s*a\.?m\.?$", text):
        am, text = True, re.sub(r"\s*a\.?m\.?$", "", text)
    text = re.sub(r"\s*(uur|u|h)$", "", text).strip()
    m = re.fullmatch(r"(\d{1,2})(?:\s*[:.uh]\s*(\d{2}))?", text) or re.fullmatch(
        r"(\d{2})(\d{2})", text
    )
    if not m:
        raise AnswerError(f"'{shown}' is geen tijd. Schrijf bijvoorbeeld {example}.")
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if pm or am:
        if not 1 <= hour <= 12:
            raise AnswerError(f"'{shown}' is geen tijd. Schrijf bijvoorbeeld {example}.")
        hour = hour % 12 + (12 if pm else 0)
    if hour == 24 and minute == 0:
        hour = 0
    if hour > 23 or minute > 59:
        raise AnswerError(f"'{shown}' bestaat niet als tijd. Schrijf bijvoorbeeld {example}.")
    return dt.time(hour, minute)


def past_warning(day: dt.date, today: dt.date, what: str = "Deze datum") -> str | None:
    """A Dutch warning when ``day`` (of something still to come) lies before ``today``."""
    if day >= today:
        return None
    return (
        f"Let op: {what} ({day.day}-{day.month}-{day.year}) ligt in het verleden. Klopt het jaar?"
    )
