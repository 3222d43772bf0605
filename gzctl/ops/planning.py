"""The planning as a use case: the village's milestones on a day, and as an .ics calendar.

A read: no transaction, nothing logged. ``today`` and ``stamp`` come in from the shell."""

from __future__ import annotations

import datetime as dt

from gzctl.core import planning as core
from gzctl.ops.project import Where, opened


def make_planning(where: Where, today: dt.date) -> core.Planning:
    """The planning of the project ``where`` on ``today``, with the country's calendar."""
    from gzctl.core.country import for_playbook

    project = opened(where)
    return core.plan(project.playbook, project.project, today, for_playbook(project.playbook))


def planning_ics(where: Where, today: dt.date, stamp: dt.datetime) -> tuple[core.Planning, bytes]:
    """The planning and its .ics calendar (the milestones not yet reached, the deadline)."""
    project = opened(where)
    plan = make_planning(project, today)
    return plan, core.to_ics(plan, project.project, stamp)
