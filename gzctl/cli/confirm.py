"""The one confirm-or---yes flow of every command that removes or forgets something.

The op says what it would do and what to ask (gzctl/ops/reports.Confirmation); here the
answer is taken from --yes, asked on a terminal, or refused with the command line that
confirms (exit 2). Only then does the command call the op that acts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gzctl.cli import common
from gzctl.core import runtime
from gzctl.core.errors import Refused, UsageProblem
from gzctl.ops.reports import Confirmation

if TYPE_CHECKING:
    from gzctl.ops.remove import Removed


def confirmed(ask: Confirmation, yes: bool, references: bool = False) -> bool:
    """True when the user confirmed (--yes, or Ja on a terminal); False after saying
    'Niets veranderd.' when they said no. Without a terminal (or for a removal that is
    never asked) and without --yes: UsageProblem with ``ask.refusal``.

    When others still name what is removed (``ask.references``), --yes is not enough: the
    references go with it after Ja on a terminal (the question names them) or with
    ``references`` (--ook-verwijzingen, which confirms the removal too); otherwise
    Refused with ``ask.blocked`` (exit 1)."""
    if references:
        return True
    if ask.references and (yes or ask.question is None or not runtime.stdin_is_terminal()):
        raise Refused(ask.blocked)
    if yes:
        return True
    if ask.question is None or not runtime.stdin_is_terminal():
        raise UsageProblem(ask.refusal)
    from gzctl.wizard.engine import confirm

    if confirm(ask.question, False):
        return True
    common.say("Niets veranderd.")
    return False


def remove_confirmed(
    opened: Any, kind: str, ref: str, yes: bool, references: bool, said: str
) -> Removed | None:
    """The remove commands' one flow: ask (:func:`confirmed`), remove through the op, print
    ``said`` (with ``{name}``) unless only references went, and one line per reference kind.
    None when the user said no."""
    from gzctl.ops.remove import ask_remove, remove

    ask = ask_remove(opened, kind, ref)
    if not confirmed(ask, yes, references):
        return None
    gone = remove(
        opened, kind, ask.id, who=runtime.who(), now=runtime.now(),
        references=bool(ask.references),
    )  # fmt: skip
    if not gone.only_references:
        common.say(said.format(name=gone.name))
    for line in gone.references:
        common.say(line)
    return gone
