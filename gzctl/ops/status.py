"""Where a village stands (``gzctl status``): the status document, as one use case.

On the fast path of ``gzctl status``: imports nothing heavy.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from gzctl.network import session
from gzctl.ops.project import Where, opened


class Status(NamedTuple):
    """The opened project and its status document (``data``: what ``gzctl status --json``
    prints; ``conflicts`` only when a merge left some). A NamedTuple: the everyday
    commands avoid creating dataclasses they do not need."""

    project: session.Opened
    data: dict[str, Any]


def village_status(where: Where, *, today: dt.date) -> Status:
    """The stappenplan's progress, the network's parts and the days since the last
    activity (counted to ``today``)."""
    from gzctl.network.status import status_data

    project = opened(where)
    data = status_data(project.playbook, project.project, today)
    if project.project.conflicts:  # only then: a file without conflicts keeps its document
        from gzctl.core.merge import summary

        data["conflicts"] = summary(project.project)
    return Status(project, data)
