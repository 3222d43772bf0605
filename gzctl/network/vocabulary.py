"""The words gzctl.toml uses for organisations and platforms (DOMAIN.md §3 and §5): kinds,
statuses, and which type may speak for an organisation. Plain constants, so that opening a
project (the hand-edit checks in gzctl/network/session.py) and `gzctl status` need none of the
feature modules."""

from __future__ import annotations

from typing import Any

# an organisation's kind (gzctl org add --soort): the civic : professional balance
ORG_KINDS: dict[str, str] = {
    "vrijwilligers": "burger- of vrijwilligersorganisatie",
    "professioneel": "professionele organisatie",
    "overheid": "overheid",
    "ondernemer": "ondernemer",
}

# the statuses an organisation goes through (gzctl org status), in order
ORG_STATUSES: tuple[str, ...] = (
    "geïnventariseerd",
    "benaderd",
    "uitgenodigd",
    "aangesloten",
    "afgehaakt",
)

# a platform's statuses (gzctl platform status), in order
PLATFORM_STATUSES: tuple[str, ...] = ("idee", "in oprichting", "actief", "gestopt")


def confirmed_type(org: Any) -> str:
    """The organisation's type when a person gave or confirmed it, else "": what may choose a
    letter's salutation, a place on the residents' card or in its safe block (a type guessed
    from the name never does; DOMAIN.md §10 "One story")."""
    if getattr(org, "type_guessed", False):
        return ""
    return str(getattr(org, "type", "") or "")

# a network evening's open evening for residents: its id (its UID in agenda.ics) is this
# prefix and the meeting's id; a cancelled one keeps it (network/meetings.py, platforms.py)
OPEN_EVENING_PREFIX = "open-avond-"
