"""The small reports more than one op returns: the question before a change, a line of a
human report, what an edit changed."""

from __future__ import annotations

from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record


@_frozen_record
class Confirmation(_FrozenRecord):
    """What an op asks before it removes or forgets something, for the shell to ask.

    ``question``: the yes/no question on a terminal (None: never ask, the user must give
    --yes); ``refusal``: the Dutch line when the answer cannot be asked (no terminal, or no
    question), naming the command line that confirms. ``id`` is what the op then acts on.
    ``references``: what still names it, as one Dutch phrase ('platform Beweegweek en
    activiteit Buurtbarbecue'; empty: nothing), then ``blocked`` is the Dutch line that
    refuses the removal (exit 1) unless the references go with it."""

    kind: str
    id: str
    name: str
    question: str | None
    refusal: str
    references: str = ""
    blocked: str = ""


@_frozen_record
class Line(_FrozenRecord):
    """One line of a report: ``aside`` lines go to stderr (hints and warnings), the others
    to stdout."""

    text: str
    aside: bool = False


@_frozen_record
class Edited(_FrozenRecord):
    """What an edit changed: the record's name (or title) and id, and ``changed``, the Dutch
    labels of the fields that changed (empty: nothing changed, and nothing was logged)."""

    name: str
    id: str
    changed: list[str]
