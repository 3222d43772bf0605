"""``gzctl docs list``: which documents there are, for what, and whether each is up to date,
out of date, edited by hand, not made yet or not ready — without rendering anything.

A document is compared file by file: the inputs its files were written from (the manifest,
gzctl/documents/build.py) against the inputs it has now. Those come from the last build's
record of the document when what it read then has the same digest now
(gzctl/documents/reads.py), else from preparing it; so after a change only the documents
that read a changed field are prepared. Whether a file was edited by hand is known from its
hash, read again only when its size or times differ from the build's record of it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gzctl.core.errors import GzctlError
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.documents import reads
from gzctl.documents.base import OUTPUT_DIR, OVERRIDE_DIR, NotReady
from gzctl.documents.build import LISTED, Manifest, _Seen, inputs_digest, static_key
from gzctl.documents.registry import can_make, document_ids, prepare
from gzctl.documents.render import templates_digest


@_frozen_record
class DocState(_FrozenRecord):
    """One document's row in ``docs list``: its state, detail and files."""

    id: str
    title: str
    description: str
    state: str  # actueel | verouderd | bewerkt | ontbreekt | niet-klaar | later
    detail: str
    files: tuple[str, ...]


STATE_WORDS = {
    "actueel": "actueel",
    "verouderd": "verouderd: maak opnieuw",
    "bewerkt": "met de hand bewerkt",
    "ontbreekt": "nog niet gemaakt",
    "niet-klaar": "nog niet te maken",
    "later": "komt in een latere versie",
}


class _Now:
    """What the documents would be made from now, worked out when a record asks for it."""

    def __init__(self, folder: Path, project: Project, playbook: Playbook, today: dt.date):
        self.folder, self.project, self.playbook, self.today = folder, project, playbook, today
        self.templates = templates_digest(folder / OVERRIDE_DIR)
        self._state: reads.State | None = None
        self.watched = reads.watch(project)  # one for the run: common_data's memo holds

    @property
    def state(self) -> reads.State:
        if self._state is None:
            static = static_key(self.folder, self.playbook, self.templates)
            self._state = reads.State(self.project, self.today, static)
        return self._state


def _recorded(record: Any, now: _Now) -> dict[str, Any] | None:
    """A build's (or docs list's) record of a document when it holds now (what the
    document read has the digest it had then): its files' inputs (``inputs``) or why it was
    not ready (``niet_klaar``); None when it does not hold or is not one gzctl wrote."""
    if not isinstance(record, dict) or not isinstance(record.get("state"), str):
        return None
    names = record.get("reads")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    if not isinstance(record.get("inputs"), dict) and not isinstance(record.get("niet_klaar"), str):
        return None
    if now.state.digest(names) != record["state"]:
        return None
    return record


def list_documents(
    folder: Path, project: Project, playbook: Playbook, today: dt.date
) -> list[DocState]:
    """Which documents exist, for what, and whether they are up to date (no rendering)."""
    root = folder / OUTPUT_DIR
    manifest = Manifest.load(root)
    now = _Now(folder, project, playbook, today)
    seen = _Seen(folder, trust=True)
    found = _load_found(folder)
    kept = dict(found)
    out = []
    for doc_id, title, description, files in _listed(manifest, playbook):
        record = _recorded(manifest.docs.get(doc_id), now) or _recorded(found.get(doc_id), now)
        if record is None:
            if not can_make(playbook, doc_id):
                out.append(DocState(doc_id, title, description, "later", "", files))
                continue
            record = kept[doc_id] = _prepared(doc_id, now)
        if "niet_klaar" in record:
            out.append(
                DocState(doc_id, title, description, "niet-klaar", record["niet_klaar"], files)
            )
            continue
        expected = {str(k): v for k, v in record["inputs"].items()}
        out.append(_compared(root, manifest, seen, (doc_id, title, description, files), expected))
    if kept != found:
        _save_found(folder, kept)
    return out


def _prepared(doc_id: str, now: _Now) -> dict[str, Any]:
    """Prepare the document as a build would, and record it as a build does: what it read,
    their digest, and its files' inputs or why it is not ready."""
    with reads.recording() as used:
        try:
            prepared = prepare(doc_id, now.watched, now.playbook, now.today)
        except NotReady as exc:
            record: dict[str, Any] = {"niet_klaar": exc.message}
        else:
            record = {"inputs": {o.path: inputs_digest(now.templates, o) for o in prepared.outputs}}
    record["reads"] = sorted(used)
    record["state"] = now.state.digest(used)
    return record


def _load_found(folder: Path) -> dict[str, Any]:
    """What the last ``docs list`` prepared (.gzctl-cache/docs-list: JSON behind a MAC under
    the user's key, gzctl/core/statecache.py); each record says what it holds for."""
    from gzctl.core import statecache

    raw = statecache.read_signed(folder, LISTED)
    if raw is None:
        return {}
    try:
        data = json.loads(bytes(raw).decode("utf-8"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _save_found(folder: Path, found: dict[str, Any]) -> None:
    """Keep what this ``docs list`` prepared for the next one (best effort, like the state
    cache): one record per document, the newest."""
    from gzctl.core import statecache

    try:
        text = json.dumps(found, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        statecache.write_signed(folder, LISTED, text.encode("utf-8"))
    except Exception:
        return


def _compared(
    root: Path,
    manifest: Manifest,
    seen: _Seen,
    doc: tuple[str, str, str, tuple[str, ...]],
    expected: dict[str, str],
) -> DocState:
    """A document's row from its files in the manifest and the inputs they should have
    (``expected``: per output path without extension)."""
    doc_id, title, description, files = doc
    main_files = [f for f in files if ".nieuw." not in f]
    on_disk = [f for f in main_files if os.path.exists(os.path.join(root, f))]
    present = {f.rsplit(".", 1)[0] for f in on_disk}
    if not present:
        return DocState(doc_id, title, description, "ontbreekt", "", files)
    stale = [
        f
        for f in main_files
        if manifest.files[f].get("inputs") != expected.get(f.rsplit(".", 1)[0])
    ]
    missing = [p for p in expected if p not in present]
    n = len(expected)
    count = f"{n} {'bestand' if n == 1 else 'bestanden'} per formaat"
    if stale or missing:  # a stale document is rebuilt anyway: its files are not read
        renew = len(missing) + len({f.rsplit(".", 1)[0] for f in stale})
        return DocState(doc_id, title, description, "verouderd", f"{count}; {renew} te vernieuwen",
                        files)  # fmt: skip
    edited = [f for f in on_disk if _edited(root, f, manifest, seen)]
    if edited:
        detail = f"{count}; met de hand bewerkt: {', '.join(edited[:3])}"
        return DocState(doc_id, title, description, "bewerkt", detail, files)
    return DocState(doc_id, title, description, "actueel", count, files)


def _edited(root: Path, rel: str, manifest: Manifest, seen: _Seen) -> bool:
    """Whether documenten/``rel`` is not as gzctl wrote it (a symlink, or a name that would
    leave documenten/, counts as edited: gzctl never wrote one)."""
    try:
        current = seen.hash(root, rel)
    except GzctlError:
        return True
    return current not in manifest.known(rel)


def _listed(
    manifest: Manifest, playbook: Playbook
) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    """Every document ``docs list`` shows, in order: (id, title, description, the files the
    manifest holds for it, sorted)."""
    titles = {d.id: d for d in playbook.documents}
    by_doc: dict[Any, list[str]] = {}
    for rel, entry in manifest.files.items():
        by_doc.setdefault(entry.get("document"), []).append(rel)
    for doc_id in document_ids(playbook):
        meta = titles.get(doc_id)
        files = tuple(sorted(by_doc.get(doc_id, ())))
        yield doc_id, meta.title if meta else doc_id, meta.description if meta else "", files
