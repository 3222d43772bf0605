"""Who takes part: the one definition every output uses (site, poster, letters, newsletter,
card, funding request), so that partners and residents read the same numbers everywhere.

Two groups, never added up into one vague number:

- *aangesloten*: organisations whose status is ``aangesloten`` (joined the network). Only
  these are named as the network's partners.
- *doen mee aan een initiatief*: organisations that have not joined (and did not drop out)
  but are a member or the trekker of a joint initiative that has started (``actief`` or ``in
  oprichting``), or organise an activity of the network.

Pure: the project in, Dutch out; no catalogue, no clock.
"""

from __future__ import annotations

import unicodedata

from gzctl.core.model import Organisation, Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

STARTED = ("actief", "in oprichting")
# "bijna iedereen" is said only when the summed achterban of the organisations taking part is
# at least this share of the inhabitants (an upper bound already: people belong to several).
NEARLY_EVERYONE = 0.9


def _fold(text: str) -> str:
    """A name as it sorts: accents off, case folded (remembered: every document asks)."""
    found = _folded.get(text)
    if found is None:
        decomposed = unicodedata.normalize("NFKD", text)
        found = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        _folded[text] = found
    return found


_folded: dict[str, str] = {}


@_frozen_record
class Participation(_FrozenRecord):
    """The two groups, each sorted by name."""

    joined: tuple[Organisation, ...]
    in_initiative: tuple[Organisation, ...]

    @property
    def taking_part(self) -> tuple[Organisation, ...]:
        """Both groups, sorted by name: the organisations the site shows."""
        both = self.joined + self.in_initiative
        return tuple(sorted(both, key=lambda o: (_fold(o.name), o.id)))


def participation(project: Project) -> Participation:
    """The organisations that joined, and those that take part in a started initiative
    without having joined (never one that dropped out)."""
    started = {p.id for p in project.platforms if p.status in STARTED}
    in_platform = {m for p in project.platforms if p.id in started for m in p.members}
    in_platform |= {p.trekker for p in project.platforms if p.id in started and p.trekker}
    in_platform |= {o for a in project.activities for o in a.organisers}

    def key(o: Organisation) -> tuple[str, str]:
        return (_fold(o.name), o.id)

    joined = sorted((o for o in project.organisations if o.status == "aangesloten"), key=key)
    others = sorted(
        (
            o
            for o in project.organisations
            if o.status not in ("aangesloten", "afgehaakt") and o.id in in_platform
        ),
        key=key,
    )
    return Participation(tuple(joined), tuple(others))


def participation_text(p: Participation) -> str:
    """The one Dutch sentence every output uses: '5 organisaties zijn aangesloten en 8
    andere doen mee aan een gezamenlijk initiatief' ('1 organisatie is aangesloten'; no
    second part when there are no others; 'nog geen organisatie is aangesloten')."""
    n, m = len(p.joined), len(p.in_initiative)
    first = (
        "nog geen organisatie is aangesloten"
        if n == 0
        else f"{n} {'organisatie is' if n == 1 else 'organisaties zijn'} aangesloten"
    )
    if m == 0:
        return first
    other = "andere" if n else ""
    verb = "doet" if m == 1 else "doen"
    noun = "organisatie" if m == 1 and not n else ("organisaties" if not n else other)
    return f"{first} en {m} {noun} {verb} mee aan een gezamenlijk initiatief".replace("  ", " ")


def reaches_nearly_everyone(project: Project, p: Participation) -> bool:
    """Whether the data allow saying "samen bereiken ze bijna iedereen": the summed
    achterban of the organisations taking part is at least 90% of the inhabitants."""
    inhabitants = project.village.inhabitants
    if not inhabitants:
        return False
    total = sum(o.reach or 0 for o in p.taking_part)
    return total >= NEARLY_EVERYONE * inhabitants
