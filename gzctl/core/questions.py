"""Questions as data, and the one place where an answer is checked and normalised.

The wizard (typed text), the answers file (TOML values) and the command-line flags all go
through :func:`coerce`, so an answer means the same whichever way it arrives.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import TYPE_CHECKING, Any

from gzctl.core.errors import AnswerError
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.text import clean, clean_email

if TYPE_CHECKING:
    from collections.abc import Callable

    from gzctl.core.country import PhoneRule

QUESTION_TYPES = ("text", "number", "date", "choice", "multichoice", "yesno", "group")
TEXT_FORMATS = ("email", "phone", "time")

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}$")

MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
)  # fmt: skip


@_frozen_record
class Question(_FrozenRecord):
    """One question of the playbook: its type, texts, example and rules."""

    id: str
    type: str
    label: str
    help: str
    example: Any = None
    required: bool = True
    default: Any = None
    options: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    unit: str = ""
    multiline: bool = False
    max_length: int | None = None
    min_selected: int = 0
    min_items: int = 0
    fields: tuple[Question, ...] = field(default_factory=tuple)
    item_label: str = ""
    format: str = ""
    future: bool = False  # a date of something still to come: warn when it lies in the past
    # a yes/no question the village's own list may answer: "Ja" is proposed when one of the
    # organisations listed has one of these types (ids of the organisation-type catalogue)
    known_from: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The last part of the id: the field name inside a group."""
        return self.id.rsplit(".", 1)[-1]


def format_date(value: dt.date) -> str:
    """'12 januari 2027': plain Dutch without pulling Babel into a fast path."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def format_value(q: Question, value: Any) -> str:
    """How an answer reads back to the user."""
    if value is None or value == "" or value == []:
        return "—"
    if q.type == "yesno":
        return "ja" if value else "nee"
    if q.type == "date" and isinstance(value, dt.date):
        return format_date(value)
    if q.type == "multichoice" and isinstance(value, list):
        return "; ".join(str(v) for v in value)  # options may hold commas themselves
    if q.type == "number":
        text = (
            f"{value:,}".replace(",", ".")
            if isinstance(value, int)
            else str(value).replace(".", ",")
        )
        return f"{text} {q.unit}".strip()
    if q.type == "group" and isinstance(value, list):
        names = (
            [str(v.get(q.fields[0].key, "")) for v in value if isinstance(v, dict)]
            if q.fields
            else []
        )
        return ", ".join(n for n in names if n) or f"{len(value)} ingevuld"
    return str(value)


def is_answered(value: Any) -> bool:
    """Whether a value counts as an answer (not None, "" or [])."""
    return value is not None and value != "" and value != []


def number_kind(q: Question) -> str:
    """Which Dutch number form a number question takes (see :mod:`gzctl.core.dutch`):
    'money' for an amount in euro, 'percent' for a percentage, 'whole' where the project
    file stores a whole number (the village's inhabitants), else 'number'."""
    unit = q.unit.casefold()
    if "euro" in unit or "€" in unit:
        return "money"
    if unit in ("procent", "%", "percent"):
        return "percent"
    if q.id in WHOLE_NUMBER_IDS:
        return "whole"
    return "number"


# Answers stored in a typed field of the project (model.Village.inhabitants: int); every
# other answer lives in the free ``answers`` table, which takes any number.
WHOLE_NUMBER_IDS = frozenset({"village.inhabitants"})


def parse_number(q: Question, raw: str) -> int | float:
    """Typed text -> number, through the one Dutch parser (gzctl.core.dutch)."""
    from gzctl.core.dutch import parse_number as parse

    return parse(raw, number_kind(q), q.unit, q.example)


def parse_date(raw: str) -> dt.date:
    """Typed text -> date, through the one Dutch parser (gzctl.core.dutch)."""
    from gzctl.core.dutch import parse_date as parse

    return parse(raw)


_YES = {"ja", "j", "yes", "y", "true", "waar", "1"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}


def _match_option(q: Question, value: str) -> str:
    """The option ``value`` names, as pasted: case, look-alike spaces, invisible characters
    and smart quotes do not count ('Drempelvrije\u00a0ingang\u200b', '\u2019s Avonds')."""
    shown = clean(value)
    wanted = shown.casefold()
    for opt in q.options:
        if clean(opt).casefold() == wanted:
            return opt
    raise AnswerError(f"'{shown}' is geen keuze bij deze vraag. Kies uit: " + ", ".join(q.options))


def _dutch_bound(bound: float) -> str:
    """1000000.0 -> '1.000.000', 0.5 -> '0,5': a limit as the user writes numbers."""
    if float(bound).is_integer():
        return f"{int(bound):,}".replace(",", ".")
    return f"{bound:g}".replace(".", ",")


def _check_range(q: Question, number: int | float) -> None:
    if q.min is not None and number < q.min:
        raise AnswerError(f"Vul een getal van minstens {_dutch_bound(q.min)} in.")
    if q.max is not None and number > q.max:
        raise AnswerError(f"Vul een getal van hoogstens {_dutch_bound(q.max)} in.")


def _coerce(
    q: Question, value: Any, phone_rule: PhoneRule | None = None, plausible_phones: bool = False
) -> Any:
    """Check ``value`` against ``q`` and return the normalised answer (or None when empty).

    Accepts typed text as well as native TOML values. Raises AnswerError in Dutch."""
    if isinstance(value, str) and q.type not in ("text",):
        value = clean(value)
        if not value:
            value = None
    if value is None or value == "" or value == []:
        if q.required:
            raise AnswerError("Dit antwoord is verplicht.")
        return None
    t = q.type
    if t in _COERCE_BY_TYPE:
        return _COERCE_BY_TYPE[t](q, value, phone_rule, plausible_phones)
    raise AnswerError(f"Onbekend vraagtype '{t}'.")


def _coerce_text(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """A text answer, cleaned and checked against the question's format and length."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise AnswerError("Verwacht tekst.")
    text = clean(str(value), multiline=q.multiline)
    if q.format == "email":
        text = clean_email(text)
    if not text:
        if q.required:
            raise AnswerError("Dit antwoord is verplicht.")
        return None
    if q.max_length is not None and len(text) > q.max_length:
        raise AnswerError(f"Dat is te lang: hoogstens {q.max_length} tekens.")
    if q.format == "email" and not _EMAIL.match(text):
        raise AnswerError(f"'{text}' is geen geldig e-mailadres. Voorbeeld: naam@voorbeeld.nl")
    if q.format == "phone":
        from gzctl.core import phone

        if plausible_phones:
            if not phone.plausible(text):
                raise AnswerError("geen telefoonnummer")  # the caller checks it fully
        else:
            try:
                text = phone.check(text, phone_rule)
            except ValueError as exc:
                raise AnswerError(str(exc)) from None
    if q.format == "time":
        from gzctl.core.dutch import parse_time

        moment = parse_time(text, str(q.example or "19:30"))
        text = f"{moment.hour:02d}:{moment.minute:02d}"
    return text


def _coerce_number(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """A number answer within the question's range, whole when it asks for one."""
    if isinstance(value, bool):
        raise AnswerError("Verwacht een getal.")
    if isinstance(value, str):
        number = parse_number(q, value)
    elif isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise AnswerError("Verwacht een getal.")
        number = int(value) if float(value).is_integer() else value
        if number_kind(q) == "whole" and not isinstance(number, int):
            raise AnswerError(f"'{value}' is geen geheel getal. Voorbeeld: {q.example or 12}")
    else:
        raise AnswerError("Verwacht een getal.")
    _check_range(q, number)
    return number


def _coerce_date(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """A date answer from a date, a datetime or a Dutch date text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise AnswerError("Verwacht een datum, bijvoorbeeld 2027-01-15.")


def _coerce_yesno(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """A yes/no answer from a bool or a Dutch yes or no."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in _YES:
            return True
        if low in _NO:
            return False
    raise AnswerError("Antwoord met ja of nee.")


def _coerce_choice(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """One of the question's options."""
    if not isinstance(value, str):
        raise AnswerError("Verwacht een van de keuzes: " + ", ".join(q.options))
    return _match_option(q, value)


def _coerce_multichoice(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """The chosen options, in the playbook's order (None when none)."""
    if isinstance(value, str):
        value = [v for v in re.split(r"[,;]", value) if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerError("Verwacht een lijst met keuzes.")
    chosen = [_match_option(q, v) for v in value]
    chosen = [o for o in q.options if o in chosen]  # playbook order, no doubles
    if len(chosen) < q.min_selected:
        raise AnswerError(f"Kies er minstens {q.min_selected}.")
    if not chosen and q.required:
        raise AnswerError("Kies er minstens één.")
    return chosen or None


def _coerce_group(
    q: Question, value: Any, phone_rule: PhoneRule | None, plausible_phones: bool = False
) -> Any:
    """The rows of a group answer, each field checked (None when none)."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise AnswerError("Verwacht een lijst van tabellen ([[...]] in TOML).")
    rows = []
    for i, row in enumerate(value, start=1):
        unknown = [k for k in row if k not in {f.key for f in q.fields}]
        if unknown:
            raise AnswerError(
                f"nummer {i}: onbekend veld '{unknown[0]}'. Velden: "
                + ", ".join(f.key for f in q.fields)
            )
        row_clean: dict[str, Any] = {}
        for f in q.fields:
            try:
                v = coerce(f, row.get(f.key), phone_rule, plausible_phones)
            except AnswerError as exc:
                raise AnswerError(f"nummer {i}, veld '{f.key}': {exc.message}") from None
            if v is not None:
                row_clean[f.key] = v
        rows.append(row_clean)
    if len(rows) < q.min_items:
        raise AnswerError(f"Vul er minstens {q.min_items} in.")
    return rows or None


_COERCE_BY_TYPE: dict[str, Callable[[Question, Any, PhoneRule | None, bool], Any]] = {
    "text": _coerce_text,
    "number": _coerce_number,
    "date": _coerce_date,
    "yesno": _coerce_yesno,
    "choice": _coerce_choice,
    "multichoice": _coerce_multichoice,
    "group": _coerce_group,
}


def coerce(
    q: Question, value: Any, phone_rule: PhoneRule | None = None, plausible_phones: bool = False
) -> Any:
    """Check ``value`` against ``q`` and return the normalised answer (or None when empty);
    the answer is also within the bounds the state file holds (gzctl/core/bounds.py: dates
    1900-2200, finite numbers), so whatever is accepted here survives a save and a reload.
    A phone number is checked by ``phone_rule``, the village's country's (see
    :func:`asks_phone`; None: the default country's). ``plausible_phones``: a number that
    looks like one (``phone.plausible``) passes without any rule, and one that does not is an
    AnswerError without the real reason (for a re-check of stored answers, which were checked
    fully when they came in: it loads neither the country nor phonenumbers).

    Raises AnswerError with a Dutch message."""
    result = _coerce(q, value, phone_rule, plausible_phones)
    _check_bounds(result)
    return result


def asks_phone(q: Question) -> bool:
    """Whether the question (or a field of a group) is a phone number, so that a caller
    loads the country's phone rule only when it is needed."""
    return q.format == "phone" or any(asks_phone(f) for f in q.fields)


def _check_bounds(value: Any) -> None:
    from gzctl.core.bounds import scalar_fault

    if isinstance(value, list):
        for item in value:
            _check_bounds(item)
    elif isinstance(value, dict):
        for item in value.values():
            _check_bounds(item)
    else:
        reason = scalar_fault(value)
        if reason:
            raise AnswerError(f"Dit antwoord {reason}.")


def past_warning(q: Question, value: Any, today: dt.date) -> str | None:
    """For a date question about something still to come (``future = true`` in the
    playbook): a Dutch warning when the coerced answer lies before ``today``."""
    if not (q.future and isinstance(value, dt.date)):
        return None
    from gzctl.core.dutch import past_warning as warn

    return warn(value, today, f"'{q.label}'")
