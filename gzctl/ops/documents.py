"""Building the documents for partners (``gzctl docs build``, the wizard's offer).

The op opens the project, reads ``--format`` and ``--only`` as the user wrote them and
writes documenten/; the caller passes ``today`` (the date in letters) and, if it wants a
progress bar, the two callbacks. jinja2, Babel and python-docx load only when it runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.ops.project import Where, opened


@_frozen_record
class Built(_FrozenRecord):
    """What a build did, in ``folder`` (the documenten/ folder): files ``written``,
    ``unchanged``, ``beside`` (edited by hand, so the new version went beside it: pairs of
    edited and new file), ``removed`` (belonged to nothing any more), ``kept`` (the same,
    but edited by hand), ``skipped`` (documents not ready yet: the Dutch reason) and
    ``warnings``."""

    folder: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def build_documents(
    where: Where,
    *,
    today: dt.date,
    formats: str | None = None,
    only: list[str] | None = None,
    force: bool = False,
    on_total: Callable[[int], None] | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Built:
    """Write the documents into documenten/ (``formats``: 'md,html,docx' as --format takes
    it, default all three; ``only``: document ids or titles as --only takes them, and then a
    document that cannot be made yet is an error). A file edited by hand is not overwritten
    unless ``force``."""
    from gzctl import documents as docs

    project = opened(where)
    chosen = docs.parse_formats(formats)
    ids = docs.resolve_only(project.playbook, only) if only else None
    report = docs.build(
        project.folder,
        project.project,
        project.playbook,
        today,
        only=ids,
        formats=chosen,
        force=force,
        on_total=on_total,
        on_file=on_file,
    )
    return Built(
        project.folder / docs.OUTPUT_DIR,
        list(report.written),
        list(report.unchanged),
        list(report.beside),
        list(report.removed),
        list(report.kept),
        list(report.skipped),
        [*_fact_warnings(project.playbook, project.project, today), *report.warnings],
    )


def _fact_warnings(playbook: Any, project: Any, today: dt.date) -> list[str]:
    """What `gzctl status` reports too: facts that disagree (an address) and planned dates
    that clash with the calendar, one line each (the command prints them as warnings)."""
    from gzctl.network.facts import address_conflicts, date_clashes

    lines = address_conflicts(project) + date_clashes(playbook, project, today)
    return lines


@_frozen_record
class DocumentBuilt(_FrozenRecord):
    """One document of a step: files ``made`` (written or unchanged), ``beside`` (edited by
    hand: pairs of edited and new file), or why it was not made (``not_ready`` or
    ``error``, a Dutch reason)."""

    id: str
    made: int = 0
    beside: list[tuple[str, str]] = field(default_factory=list)
    not_ready: str | None = None
    error: str | None = None


@_frozen_record
class StepDocument(_FrozenRecord):
    """One document of a step before the wizard offers it: ``reason`` is None when it can
    be made now, else why not yet (one Dutch line that says what to answer or add)."""

    id: str
    title: str
    reason: str | None = None


def step_documents_ready(where: Where, ids: list[str], *, today: dt.date) -> list[StepDocument]:
    """Which of a step's documents can be made now (prepared, not rendered), so that the
    wizard offers only those and names the others with their reason."""
    from gzctl import documents as docs
    from gzctl.core.errors import GzctlError

    project = opened(where)
    titles = {d.id: d.title for d in project.playbook.documents}
    out: list[StepDocument] = []
    for doc_id in ids:
        title = titles.get(doc_id, doc_id)
        try:
            docs.prepare(doc_id, project.project, project.playbook, today)
        except GzctlError as exc:  # NotReady, or data the preparer refuses
            out.append(StepDocument(doc_id, title, " ".join(exc.message.split())))
            continue
        out.append(StepDocument(doc_id, title))
    return out


def build_step_documents(where: Where, ids: list[str], *, today: dt.date) -> list[DocumentBuilt]:
    """Build each of ``ids`` as ``gzctl docs build --only ID`` would (the wizard's offer at
    the end of a step); a document that is not ready, or fails, is named and the others are
    still made."""
    from gzctl import documents as docs
    from gzctl.core.errors import GzctlError

    project = opened(where)
    results: list[DocumentBuilt] = []
    for doc_id in ids:
        try:
            report = docs.build(
                project.folder, project.project, project.playbook, today, only=[doc_id]
            )
        except docs.NotReady as exc:
            results.append(DocumentBuilt(doc_id, not_ready=exc.message))
            continue
        except GzctlError as exc:
            results.append(DocumentBuilt(doc_id, error=exc.message))
            continue
        made = len(report.written) + len(report.unchanged)
        results.append(DocumentBuilt(doc_id, made, list(report.beside)))
    return results
