"""``done_when`` conditions: a checklist item that the project's own data can mark done.

A condition is ``FACT`` or ``FACT OP NUMBER``. Facts read the project; sections that later
parts of gzctl add (organisations, meeting place, ...) count as empty until they exist.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

from gzctl.core.questions import is_answered
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
    "<=": operator.le,
    "<": operator.lt,
}


def _items(project: Any, name: str) -> list[Any]:
    value = getattr(project, name, None)
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value.values())
    return list(value)


def _count_where(project: Any, name: str, attr: str, wanted: set[str]) -> int:
    """How many of the list ``name`` have ``attr`` in ``wanted`` (one pass in C: with
    50,000 organisations this is counted for several items on every status)."""
    from operator import attrgetter

    items = _items(project, name)
    try:
        return sum(map(wanted.__contains__, map(attrgetter(attr), items)))
    except (AttributeError, TypeError):  # a hand-made object without it, an unhashable value
        return sum(1 for x in items if _has(x, attr, wanted))


def _has(item: Any, attr: str, wanted: set[str]) -> bool:
    value = getattr(item, attr, None)
    try:
        return value in wanted
    except TypeError:
        return False


def _place_chosen(project: Any) -> bool:
    place = getattr(project, "meeting_place", None)
    return bool(getattr(place, "chosen", None)) if place is not None else False


def _coordinator(project: Any, attr: str) -> Any:
    coord = getattr(project, "coordinator", None)
    return getattr(coord, attr, None) if coord is not None else None


def _coordinator_profile(project: Any) -> bool:
    """Hours and employer are known (the wizard's answers; gzctl/network/coordinator.py)."""
    answers = getattr(project, "answers", None) or {}
    return is_answered(answers.get("organiseren.uren")) and is_answered(
        answers.get("organiseren.werkgever")
    )


def _sectors(project: Any) -> int:
    seen: set[str] = set()
    for org in _items(project, "organisations"):
        seen.update(getattr(org, "sectors", []) or [])
    return len(seen)


FACTS: dict[str, Callable[[Any], Any]] = {
    "village.name": lambda p: p.village.name,
    "village.municipality": lambda p: p.village.municipality,
    "village.province": lambda p: p.village.province,
    "village.inhabitants": lambda p: p.village.inhabitants,
    "initiators": lambda p: len(p.initiators),
    "organisations": lambda p: len(_items(p, "organisations")),
    "organisations.approached": lambda p: _count_where(
        p, "organisations", "status", {"benaderd", "uitgenodigd", "aangesloten"}
    ),
    "organisations.joined": lambda p: _count_where(p, "organisations", "status", {"aangesloten"}),
    "organisations.invited": lambda p: _count_where(
        p, "organisations", "status", {"uitgenodigd", "aangesloten"}
    ),
    # kinds as in gzctl/network/inventory.py: public bodies (gemeente, wijkagent) have paid
    # staff and count as professional; entrepreneurs count as neither
    "organisations.civic": lambda p: _count_where(p, "organisations", "kind", {"vrijwilligers"}),
    "organisations.professional": lambda p: _count_where(
        p, "organisations", "kind", {"professioneel", "overheid"}
    ),
    "organisations.sectors": _sectors,
    "meeting_place.candidates": lambda p: len(_items(p, "places")),
    "meeting_place.chosen": _place_chosen,
    "coordinator.profile": lambda p: _coordinator_profile(p),
    "coordinator.candidates": lambda p: len(_coordinator(p, "candidates") or []),
    "coordinator.appointed": lambda p: bool(_coordinator(p, "appointed")),
    "platforms": lambda p: len(_items(p, "platforms")),
    "platforms.active": lambda p: _count_where(p, "platforms", "status", {"actief"}),
    "activities": lambda p: len(_items(p, "activities")),
}

_PATTERN = re.compile(r"^\s*([a-z0-9_.\-]+)\s*(?:(>=|<=|==|>|<)\s*(-?\d+(?:\.\d+)?))?\s*$")


@_frozen_record
class Condition(_FrozenRecord):
    """A parsed ``done_when`` condition: a fact, optionally compared with a number."""

    text: str
    fact: str
    op: str | None = None
    number: float | None = None

    def holds(self, project: Any, facts: dict[str, Any] | None = None) -> bool:
        """Whether the condition holds for the project. ``facts``: the facts of this project
        worked out so far (filled here): the items of one status that count the same list
        count it once."""
        if self.fact.startswith("answers."):
            value = project.answers.get(self.fact[len("answers.") :])
            if not is_answered(value):
                value = None
        elif facts is None:
            value = FACTS[self.fact](project)
        else:
            if self.fact not in facts:
                facts[self.fact] = FACTS[self.fact](project)
            value = facts[self.fact]
        if self.op is None:
            return bool(value)
        if value is None or isinstance(value, str):
            return False
        return OPS[self.op](value, self.number)


def parse_condition(text: str, question_ids: set[str]) -> Condition:
    """Parse one condition; raises ValueError with a Dutch reason for the playbook check."""
    m = _PATTERN.match(text)
    if not m:
        raise ValueError(f"voorwaarde '{text}' is niet te lezen (vorm: FEIT of FEIT >= GETAL)")
    fact, op, number = m.group(1), m.group(2), m.group(3)
    if fact.startswith("answers."):
        qid = fact[len("answers.") :]
        if qid not in question_ids:
            raise ValueError(f"voorwaarde '{text}' noemt een onbekende vraag '{qid}'")
    elif fact not in FACTS:
        from gzctl.core.errors import did_you_mean

        raise ValueError(
            f"voorwaarde '{text}' noemt een onbekend feit '{fact}'."
            + did_you_mean(fact, list(FACTS))
        )
    return Condition(text=text, fact=fact, op=op, number=float(number) if number else None)


# How a fact reads in Dutch: a count as (one, many) nouns, anything else as a sentence that
# says the fact holds. Every fact in FACTS has an entry (tested).
_COUNTS: dict[str, tuple[str, str]] = {
    "initiators": ("initiatiefnemer", "initiatiefnemers"),
    "organisations": ("organisatie op de lijst", "organisaties op de lijst"),
    "organisations.approached": ("benaderde organisatie", "benaderde organisaties"),
    "organisations.joined": ("aangesloten organisatie", "aangesloten organisaties"),
    "organisations.invited": ("uitgenodigde organisatie", "uitgenodigde organisaties"),
    "organisations.civic": ("vrijwilligersorganisatie", "vrijwilligersorganisaties"),
    "organisations.professional": ("professionele organisatie", "professionele organisaties"),
    "organisations.sectors": ("sector op de lijst", "sectoren op de lijst"),
    "meeting_place.candidates": ("kandidaat-plek", "kandidaat-plekken"),
    "coordinator.candidates": ("kandidaat-coördinator", "kandidaat-coördinatoren"),
    "platforms": ("platform", "platforms"),
    "platforms.active": ("actief platform", "actieve platforms"),
    "activities": ("activiteit", "activiteiten"),
    "village.inhabitants": ("inwoner", "inwoners"),
}
_SENTENCES: dict[str, str] = {
    "village.name": "de naam van het dorp is ingevuld",
    "village.municipality": "de gemeente is ingevuld",
    "village.province": "de provincie is ingevuld",
    "village.inhabitants": "het aantal inwoners is ingevuld",
    "meeting_place.chosen": "er is een ontmoetingsplek gekozen",
    "coordinator.profile": "de uren en de werkgever van de Coördinator zijn ingevuld",
    "coordinator.appointed": "er is een Coördinator aangesteld",
}
_OPS_NL = {">=": "minstens", ">": "meer dan", "==": "precies", "<=": "hoogstens", "<": "minder dan"}


def _number_nl(value: float) -> str:
    text = f"{value:g}"
    return text.replace(".", ",")


def _verbinder_words(word: str) -> dict[str, Any]:
    """The Coördinator's facts in the words of a country that calls the role ``word``."""
    return {
        "coordinator.profile": f"de uren en de werkgever van de {word} zijn ingevuld",
        "coordinator.appointed": f"er is een {word} aangesteld",
        "coordinator.candidates": (f"kandidaat voor {word}", f"kandidaten voor {word}"),
    }


def describe(
    condition: Condition, label: Callable[[str], str] | None = None, verbinder: str = ""
) -> str:
    """``condition`` in plain Dutch: ``initiators >= 2`` is "minstens 2 initiatiefnemers",
    ``answers.verbinden.missie`` is "de vraag 'Wat is de missie …?' is beantwoord".
    ``label(question_id)`` gives a question's label (default: the id); ``verbinder``: what
    the country calls the Coördinator (``[woorden] verbinder``), when not that."""
    fact, op, number = condition.fact, condition.op, condition.number
    own = _verbinder_words(verbinder) if verbinder and verbinder != "Coördinator" else {}
    if isinstance(own.get(fact), str) and (op is None or number is None):
        return str(own[fact])
    if isinstance(own.get(fact), tuple):
        one, many = own[fact]
        if op is None or number is None:
            return f"minstens één {one}"
        return f"{_OPS_NL[op]} {_number_nl(number)} {one if number == 1 else many}"
    if fact.startswith("answers."):
        qid = fact[len("answers.") :]
        text = label(qid) if label else qid
        if op is None or number is None:
            return f"de vraag '{text}' is beantwoord"
        return f"het antwoord op '{text}' is {_OPS_NL[op]} {_number_nl(number)}"
    if op is None or number is None:
        if fact in _SENTENCES:
            return _SENTENCES[fact]
        one, _ = _COUNTS.get(fact, (fact, fact))
        return f"minstens één {one}"
    one, many = _COUNTS.get(fact, (fact, fact))
    noun = one if number == 1 else many
    return f"{_OPS_NL[op]} {_number_nl(number)} {noun}"


def describe_all(
    conditions: Any, label: Callable[[str], str] | None = None, verbinder: str = ""
) -> str:
    """Several conditions (all must hold) as one Dutch phrase joined with "en"."""
    parts = [describe(c, label, verbinder) for c in conditions]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]
