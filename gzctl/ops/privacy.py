"""The AVG as use cases: what gzctl holds about a person, and forgetting them.

Forgetting is written once (:func:`_forget`): the change in gzctl.toml inside one
transaction, then the documents in documenten/ that name the person. ``gzctl person
forget`` and ``gzctl coordinator candidate forget`` both come here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import field
from typing import Any

from gzctl.core.model import Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.network import privacy
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Confirmation

GIT_NOTE = privacy.GIT_NOTE

_ROLES = {
    "candidate": "kandidaat",
    "contact": "contactpersoon van",
    "initiator": "initiatiefnemer",
    "answer": "genoemd in het antwoord",
}


def describe(person: privacy.Person) -> str:
    """The person in one Dutch line: each record with its role ('Karin (contactpersoon van
    org-3)')."""
    parts = []
    for r in person.records:
        where = f" {r.key}" if r.kind != "initiator" else ""  # answer: 'verkennen.x.1'
        parts.append(f"{r.name or r.email or r.phone} ({_ROLES[r.kind]}{where})")
    return "; ".join(parts)


@_frozen_record
class PersonExport(_FrozenRecord):
    """``gzctl person export``: who was found, and everything gzctl.toml holds about them
    (``data``: records, texts and history lines, as privacy.access gives them)."""

    description: str
    data: dict[str, Any]


def export_person(where: Where, query: str) -> PersonExport:
    """The copy a person may ask for: every record, text and history line naming them."""
    project = opened(where).project
    person = privacy.find(project, query)
    return PersonExport(describe(person), privacy.access(project, person))


@_frozen_record
class Forgotten(_FrozenRecord):
    """What forgetting changed: in gzctl.toml (``records``, ``texts`` rewritten with
    '[naam gewist]', ``history`` lines rewritten, ``ids`` made from their name renamed,
    'old -> new'), in documenten/ (``removed``; ``kept``: edited by hand and still naming the
    person, for the user to handle) and in website/ (built again when it was there,
    ``site_rebuilt``; ``site_removed`` and ``site_kept`` as for the documents)."""

    records: int
    texts: list[str]
    history: int
    removed: list[str]
    kept: list[str]
    ids: list[str] = field(default_factory=list)
    site_removed: list[str] = field(default_factory=list)
    site_kept: list[str] = field(default_factory=list)
    site_rebuilt: bool = False
    git_note: str = GIT_NOTE
    erased_name: str = privacy.ERASED_NAME


def ask_forget_person(where: Where, query: str) -> Confirmation:
    """Find the person ``query`` names (name, e-mail, phone or id) and what to ask first."""
    person = privacy.find(opened(where).project, query)
    first = person.records[0]
    key = first.key if first.kind not in ("initiator", "answer") else "NAAM"
    return Confirmation(
        kind="person",
        id=query,
        name=describe(person),
        question=f"{describe(person)} volledig wissen?",
        refusal=(
            f"Weet je het zeker? Bevestig met --yes, bijvoorbeeld: gzctl person forget {key} --yes"
        ),
    )


def forget_person(where: Where, query: str, *, who: str, now: dt.datetime) -> Forgotten:
    """Forget the person ``query`` names: records, texts, history lines, documents.

    The person is looked up in the project as it is before the change (the records found
    are the ones removed), as ``gzctl person forget`` shows them before asking."""
    project = opened(where)
    person = privacy.find(project.project, query)

    def change(state: Project) -> tuple[int, list[str], int, list[str]]:
        done = privacy.forget(state, person)
        return len(done.records), done.texts, done.history, done.ids

    return _forget(project, person, change, "person-forget", privacy.FORGOTTEN, who, now)


def ask_forget_candidate(where: Where, cand_id: str) -> Confirmation:
    """The candidate for Coördinator ``cand_id`` names, and what to ask first."""
    from gzctl.network import coordinator as co

    cand = co.find(opened(where).project, cand_id)
    return Confirmation(
        kind="candidate",
        id=cand.id,
        name=cand.name,
        question=f"{cand.name} ({cand.id}) volledig wissen, ook uit de geschiedenis?",
        refusal=(
            f"Weet je het zeker? Bevestig met: gzctl coordinator candidate forget {cand.id} --yes"
        ),
    )


def forget_candidate(where: Where, cand_id: str, *, who: str, now: dt.datetime) -> Forgotten:
    """Forget a candidate for Coördinator: the record, the history lines naming them, and
    the documents that name them. The appointed Coördinator is refused."""
    from gzctl.network import coordinator as co

    project = opened(where)
    cand = co.find(project.project, cand_id)
    person = co.candidate_person(cand)

    def change(state: Project) -> tuple[int, list[str], int, list[str]]:
        return 1, [], co.forget(state, cand.id), []

    return _forget(project, person, change, "candidate-forget", co.FORGOTTEN, who, now)


def _forget(
    project: Any,
    person: privacy.Person,
    change: Callable[[Project], tuple[int, list[str], int, list[str]]],
    action: str,
    line: str,
    who: str,
    now: dt.datetime,
) -> Forgotten:
    """Forget in gzctl.toml (one transaction, one neutral history line), then in
    documenten/ every file gzctl wrote that still names the person, and the website: built
    again from the state without them, then any page gzctl wrote that still names them
    removed (a build that fails leaves the removal alone to do the work)."""
    from gzctl.documents.build import forget_in_documents

    with transaction(project, who, now) as tx:
        records, texts, history, ids = change(tx.project)
        tx.log(action, line, [])
        state = tx.project

    def names(text: str) -> bool:
        return privacy.names_in(text, person)

    removed, kept = forget_in_documents(project.folder, names)
    rebuilt, site_removed, site_kept = _forget_in_site(project, state, names, now)
    return Forgotten(
        records, list(texts), history, removed, kept, list(ids), site_removed, site_kept, rebuilt
    )


def _forget_in_site(
    project: Any, state: Project, names: Callable[[str], bool], now: dt.datetime
) -> tuple[bool, list[str], list[str]]:
    """Build website/ again (when gzctl built it before) and remove what still names them."""
    from gzctl.core.errors import GzctlError
    from gzctl.documents.site.build import MANIFEST, SITE_DIR, build_site, forget_in_site

    if not (project.folder / SITE_DIR / MANIFEST).is_file():
        return False, [], []
    rebuilt = False
    try:
        build_site(project.folder, state, project.playbook, now.date())
        rebuilt = True
    except GzctlError:
        pass  # the removal below still takes every page that names the person
    try:
        removed, kept = forget_in_site(project.folder, names)
    except GzctlError as exc:  # e.g. a link in website/: the state is done, say what is left
        return rebuilt, [], [f"(niet doorzocht: {exc.message})"]
    return rebuilt, removed, kept


__all__ = [
    "Forgotten",
    "PersonExport",
    "ask_forget_candidate",
    "ask_forget_person",
    "export_person",
    "forget_candidate",
    "forget_person",
]
