"""The one registry of document preparers: which document id gzctl can make, and how.

It imports the preparer modules (never the other way round): gzctl/documents/general.py
eagerly, the Coördinator's and the platforms' documents when one of them is made (they load
the scoring and calendar code). A new document is a template plus a preparer in one of those
modules (or a new one) and an entry here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gzctl.core.errors import NotFound, did_you_mean
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook
from gzctl.documents.base import (
    Context,
    NotReady,
    Prepared,
)
from gzctl.documents.general import PREPARERS as GENERAL

# Documents with a preparer; a playbook's other [[documents]] are listed but not made.
PREPARERS: dict[str, Callable[[Context], Prepared]] = dict(GENERAL)


def _platform_plan(ctx: Context) -> Prepared:
    from gzctl.documents.platforms import prepare_platform_plan

    return prepare_platform_plan(ctx)


def _newsletter(ctx: Context) -> Prepared:
    from gzctl.documents.platforms import prepare_newsletter

    return prepare_newsletter(ctx)


PREPARERS["platformplan"] = _platform_plan
PREPARERS["nieuwsbrief"] = _newsletter


def _coordinator_document(doc_id: str) -> Callable[[Context], Prepared]:
    def prepare_one(ctx: Context) -> Prepared:
        from gzctl.documents.coordinator import PREPARERS as COORDINATOR_PREPARERS

        return COORDINATOR_PREPARERS[doc_id](ctx)

    return prepare_one


for _doc_id in ("vacature", "gespreksleidraad", "subsidieaanvraag"):
    PREPARERS[_doc_id] = _coordinator_document(_doc_id)


def prepare(doc_id: str, project: Project, playbook: Playbook, today: dt.date) -> Prepared:
    """The files of one document, or NotReady / NotFound with a Dutch reason."""
    preparer = PREPARERS.get(doc_id)
    if preparer is None:
        known = [d.id for d in playbook.documents]
        if doc_id in known:
            raise NotReady(f"Het document '{doc_id}' kan gzctl nog niet maken.")
        raise NotFound(
            f"Onbekend document '{doc_id}'." + did_you_mean(doc_id, known or list(PREPARERS))
        )
    return preparer(Context(project, playbook, today))


def document_ids(playbook: Playbook) -> list[str]:
    """The playbook's documents in its order; gzctl's own ones if the playbook names none."""
    ids = [d.id for d in playbook.documents]
    return ids or list(PREPARERS)


def step_documents(playbook: Playbook, step_id: str) -> list[str]:
    """Documents a step (or its items) produce that gzctl can make, in playbook order."""
    step = playbook.step(step_id)
    if step is None:
        return []
    wanted = set(step.documents) | {d for i in step.items for d in i.documents}
    return [d for d in document_ids(playbook) if d in wanted and d in PREPARERS]
