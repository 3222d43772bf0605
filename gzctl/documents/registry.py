"""Which document id gzctl can make, and how: the playbook's ``[[documents]]`` entry names
the preparer module (``preparer = "coordinator"``; ``general`` when it names none), a module
of this package with a ``PREPARERS`` dict from document id to function.

It imports the preparer modules (never the other way round), each only when one of its
documents is made (the Coördinator's and the platforms' documents load the scoring and
calendar code). A new document is a template, a preparer and a playbook entry: nothing here.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path

from gzctl.core.errors import NotFound, did_you_mean
from gzctl.core.model import Project
from gzctl.core.playbook import Document, Playbook
from gzctl.documents.base import (
    Context,
    NotReady,
    Prepared,
)

Preparer = Callable[[Context], Prepared]
# modules of this package that are no preparers (the engine)
_ENGINE = frozenset(
    {"base", "build", "docx", "html", "listing", "reads", "registry", "render", "site"}
)


def _module_preparers(name: str) -> dict[str, Preparer]:
    """The PREPARERS of ``gzctl.documents.<name>``; empty when there is no such module."""
    if name in _ENGINE:
        return {}
    full = f"gzctl.documents.{name}"
    try:  # no find_spec first: importlib.util costs start-up, the import answers as well
        module = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name != full:
            raise  # the module is there; something it imports is not
        return {}
    found = getattr(module, "PREPARERS", {})
    return dict(found) if isinstance(found, dict) else {}


def _all_preparers() -> dict[str, Preparer]:
    """Every preparer of the package, for a playbook that names no documents."""
    import pkgutil

    out: dict[str, Preparer] = {}
    here = str(Path(__file__).parent)
    for info in sorted(pkgutil.iter_modules([here]), key=lambda m: m.name):
        if not info.ispkg:
            out.update(_module_preparers(info.name))
    return out


def _entry(playbook: Playbook, doc_id: str) -> Document | None:
    return next((d for d in playbook.documents if d.id == doc_id), None)


def preparer(playbook: Playbook, doc_id: str) -> Preparer | None:
    """The function that prepares ``doc_id``, or None when gzctl cannot make it yet."""
    entry = _entry(playbook, doc_id)
    if entry is None:
        return _all_preparers().get(doc_id) if not playbook.documents else None
    return _module_preparers(entry.preparer).get(doc_id)


def can_make(playbook: Playbook, doc_id: str) -> bool:
    """Whether gzctl has a preparer for the document (its module is imported to know)."""
    return preparer(playbook, doc_id) is not None


def pages(playbook: Playbook, doc_id: str) -> int | None:
    """The most pages one printed file of the document may have (the playbook's promise)."""
    entry = _entry(playbook, doc_id)
    return entry.pages if entry is not None else None


def prepare(doc_id: str, project: Project, playbook: Playbook, today: dt.date) -> Prepared:
    """The files of one document, or NotReady / NotFound with a Dutch reason."""
    make = preparer(playbook, doc_id)
    if make is None:
        known = document_ids(playbook)
        if doc_id in known:
            raise NotReady(f"Het document '{doc_id}' kan gzctl nog niet maken.")
        raise NotFound(f"Onbekend document '{doc_id}'." + did_you_mean(doc_id, known))
    from gzctl.documents import reads

    return make(reads.context_class(Context, project)(project, playbook, today))


def document_ids(playbook: Playbook) -> list[str]:
    """The playbook's documents in its order; gzctl's own ones if the playbook names none."""
    ids = [d.id for d in playbook.documents]
    return ids or list(_all_preparers())


def step_documents(playbook: Playbook, step_id: str) -> list[str]:
    """Documents a step (or its items) produce that gzctl can make, in playbook order."""
    step = playbook.step(step_id)
    if step is None:
        return []
    wanted = set(step.documents) | {d for i in step.items for d in i.documents}
    return [d for d in document_ids(playbook) if d in wanted and can_make(playbook, d)]
