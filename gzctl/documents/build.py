"""Writing documents: ``gzctl docs build`` into ``documenten/`` with a manifest (sha256 per
file), so that a file edited by hand is never overwritten, and per document a record of
what it was made from for ``gzctl docs list`` (gzctl/documents/listing.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core import safefs, store
from gzctl.core.errors import NotFound, UsageProblem, did_you_mean
from gzctl.core.hashing import sha256 as _sha256
from gzctl.core.hashing import sha256_hex
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook
from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record
from gzctl.documents import reads
from gzctl.documents.base import (
    FORMATS,
    MANIFEST,
    OUTPUT_DIR,
    OVERRIDE_DIR,
    Later,
    NotReady,
    Output,
    Prepared,
)
from gzctl.documents.registry import can_make, document_ids, pages, prepare
from gzctl.documents.render import Renderer, render_output, templates_digest


def sha256(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return sha256_hex(data)


def _inputs_of(value: Any) -> Any:
    """JSON for what json cannot write itself: a Later by its inputs (not its text, which
    would load Babel), anything else as text."""
    return value.inputs() if isinstance(value, Later) else str(value)


def inputs_digest(templates: str, output: Output, shared: dict[int, Any] | None = None) -> str:
    """SHA-256 (hex) of what a file is made from: the templates' digest
    (:func:`~gzctl.documents.render.templates_digest`), the template name and the data: per
    key of the data (sorted) the digest of its value (:func:`_value_digest`).

    ``shared``: the digests of values already hashed for other outputs, by their id: a
    document's outputs share most of their data (the village, the country's words, the
    evening, each letter in the print file of all letters), which is then written and hashed
    once, not once per letter (with 2,000 organisations that was 30 MB of JSON for every
    build). The caller keeps the outputs alive meanwhile; the digest is the same with or
    without it."""
    memo: dict[int, Any] = {} if shared is None else shared
    parts = [templates, output.template]
    for k in sorted(output.data, key=str):
        parts.append(f"{k}\0{_value_digest(output.data[k], memo)}")
    return sha256("\0".join(parts).encode("utf-8"))


def _value_digest(value: Any, memo: dict[int, Any]) -> str:
    """SHA-256 (hex) of a value's JSON; of a list, of its items' digests (a letter is one
    item of the print file's list and the whole list of its own file)."""
    entry = memo.get(id(value))
    if entry is not None and entry[0] is value:
        return str(entry[1])
    if isinstance(value, (list, tuple)):
        items = "".join(_value_digest(v, memo) for v in value)
        digest = sha256(f"[{len(value)}]{items}".encode())
    else:
        digest = sha256(_json(value).encode("utf-8"))
    memo[id(value)] = (value, digest)
    return digest


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_inputs_of)


@_record
class Manifest(_Record):
    """documenten/.gzctl-manifest.json: per file the hash gzctl wrote and the inputs' hash."""

    files: dict[str, dict[str, str]] = field(default_factory=dict)
    # per document what it read and the digest of that, and the inputs of its files or why
    # it was not ready: lets `docs list` answer without preparing it (gzctl/documents/reads.py)
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """The manifest in ``root``, or an empty one when it is missing or unreadable."""
        path = root / MANIFEST
        try:
            data = json.loads(safefs.read_bytes(path, root.parent).decode("utf-8"))
            files = data.get("files", {})
            if isinstance(files, dict):
                docs = data.get("docs", {})
                return cls(
                    {str(k): dict(v) for k, v in files.items() if isinstance(v, dict)},
                    docs if isinstance(docs, dict) else {},
                )
        except (OSError, ValueError, AttributeError, TypeError, UnicodeDecodeError):
            pass  # no or broken manifest: every existing file counts as edited (safe side)
        return cls()

    def known(self, rel: str) -> set[str]:
        """Hashes of ``rel`` that gzctl wrote: the last one, and while a build runs (or after
        one was interrupted) the one before it ('was')."""
        entry = self.files.get(rel, {})
        return {h for h in (entry.get("sha256"), entry.get("was")) if h}

    def dumps(self) -> str:
        """The manifest as JSON text, keys sorted."""
        data: dict[str, Any] = {
            "gzctl": "documenten",
            "files": {k: self.files[k] for k in sorted(self.files)},
        }
        if self.docs:
            data["docs"] = self.docs
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _hash_data_files(h: Any, playbook: Playbook) -> None:
    """Feed ``h`` the playbook file and every TOML data file beside the shipped playbooks or
    beside the playbook (catalogues, criteria, country words), by path and content."""
    from gzctl.core.paths import data_dir

    roots = {data_dir("playbooks")}
    source = Path(playbook.source)
    if source.is_file():
        h.update(source.read_bytes())
        roots.add(source.parent)
    for root in sorted(roots):
        for path in sorted(root.rglob("*.toml")):
            h.update(path.as_posix().encode() + b"\0" + path.read_bytes())


def static_key(folder: Path, playbook: Playbook, templates: str) -> str:
    """SHA-256 (hex) of what every document is made from besides the project: gzctl's
    version and the templates (``templates``: their digest), the playbook and the data files
    beside it. A document's record (gzctl/documents/reads.py) holds under the same one."""
    h = _sha256(templates.encode())
    _hash_data_files(h, playbook)
    return h.hexdigest()


def render_key(folder: Path, playbook: Playbook, project: Project) -> str:
    """SHA-256 (hex) of everything a file's bytes depend on besides its own data (which
    :func:`inputs_digest` covers): gzctl's version, the templates, the playbook and the data
    files beside it (country words, letter conventions), and the moment stamped in a DOCX.
    A file whose manifest entry has this key and its data's digest, and is on disk as gzctl
    wrote it, is not rendered again: an organisation's change re-renders its own letters."""
    from gzctl import __version__

    h = _sha256(f"{__version__}\0{_fixed_moment(project).isoformat()}\0".encode())
    h.update(templates_digest(folder / OVERRIDE_DIR).encode())
    _hash_data_files(h, playbook)
    return h.hexdigest()


_ENTRY_KEYS = frozenset({"document", "sha256", "inputs", "render"})


def _still_current(
    root: Path, rel: str, doc_id: str, inputs: str, render: str, manifest: Manifest,
    seen: _Seen | None = None,
) -> bool:  # fmt: skip
    """Whether ``rel`` is on disk exactly as gzctl last wrote it from these inputs, with
    nothing pending beside it: then rendering it again would give the same bytes."""
    entry = manifest.files.get(rel)
    if not entry or not entry.keys() <= _ENTRY_KEYS or _beside(rel) in manifest.files:
        return False
    if (entry.get("document"), entry.get("inputs"), entry.get("render")) != (
        doc_id, inputs, render
    ):  # fmt: skip
        return False
    if seen is not None:
        return seen.hash(root, rel) == entry.get("sha256")
    return _current_hash(_inside(root, rel)) == entry.get("sha256")


PAGES = "docs-pages"  # in the village's .gzctl-cache/: the pages last made (HTML, DOCX XML)
PAGES_NEW = "docs-pages-new"  # beside it: the pages made since it was written
SEEN = "docs-seen.json"  # in .gzctl-cache/: per file in documenten/ its stat and sha256
LISTED = "docs-list"  # in .gzctl-cache/: what docs list prepared (gzctl/documents/listing.py)
# the pages made since docs-pages was written are kept apart until they hold this share of
# its text: a build after one change writes a few pages, not all 30 MB of them again
_NEW_SHARE = 8


class _Pages(dict[str, str]):
    """The pages of the last builds (html.body's memo of HTML, DocxBuilder.pages of a letter's
    DOCX XML), remembering which were asked for this run and which were made since
    docs-pages was written (``new``: kept in docs-pages-new)."""

    def __init__(self, old: dict[str, str], new: Iterable[str] = ()) -> None:
        super().__init__(old)
        self.old = len(old)
        self.new = set(new)
        self.used: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.used.add(key)
        return super().get(key, default)

    def __setitem__(self, key: str, value: str) -> None:
        self.new.add(key)
        super().__setitem__(key, value)


# marshal (format 4, the same in every Python 3) of a dict of str, zlib'd: tens of MB of HTML
# and DOCX XML load and save in a fraction of what JSON takes
_PAGES_TAG = b"gzctl pages marshal 4\n"


def _read_pages(folder: Path, name: str) -> dict[str, str]:
    """The pages in the cache file ``name``, under a MAC with the user's key of
    gzctl/core/statecache.py, so pages from a clone or another user are never put in a
    document, nor unmarshalled; empty when missing, foreign or broken."""
    from gzctl.core import statecache

    raw = statecache.read_signed(folder, name)
    if raw is None or bytes(raw[: len(_PAGES_TAG)]) != _PAGES_TAG:
        return {}
    try:
        import marshal
        import zlib

        data = marshal.loads(zlib.decompress(raw[len(_PAGES_TAG) :]))
    except Exception:
        return {}
    ok = isinstance(data, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    )
    return data if ok else {}


def _load_memo(folder: Path) -> _Pages:
    """The pages the last builds made: .gzctl-cache/docs-pages and docs-pages-new."""
    pages = _read_pages(folder, PAGES)
    new = _read_pages(folder, PAGES_NEW) if pages else {}
    memo = _Pages(pages, new)
    dict.update(memo, new)
    memo.old = len(memo)
    return memo


def _load_pages(folder: Path) -> dict[str, str]:
    """The pages the last builds made, as HTML (html.body's memo) and as a letter's DOCX body
    XML (docx.DocxBuilder.pages), by their keys."""
    return dict(_load_memo(folder))


def _save_pages(folder: Path, memo: _Pages) -> None:
    """Keep the pages made this run for the next build; best effort, like the state cache.
    While the pages made since docs-pages was written are few, they go to docs-pages-new
    alone; then docs-pages is written again with the pages asked for this run (and the
    older ones, up to as many again, the latest first)."""
    if len(memo) == memo.old:
        return  # no page made this run: what is kept holds them all
    try:
        new = {k: memo[k] for k in memo.new}
        if memo.old and sum(map(len, new.values())) * _NEW_SHARE < sum(map(len, memo.values())):
            _write_pages(folder, PAGES_NEW, new)
            return
        keep = {k: memo[k] for k in memo if k in memo.used}
        for k in [*memo.new, *memo]:  # the older ones made most lately first
            if len(keep) >= 2 * len(memo.used):
                break
            keep.setdefault(k, memo[k])
        _write_pages(folder, PAGES, keep)
        from gzctl.core import statecache

        safefs.remove(folder / statecache.FOLDER / PAGES_NEW, root=folder)
    except Exception:
        return


def _write_pages(folder: Path, name: str, pages: dict[str, str]) -> None:
    import marshal
    import zlib

    from gzctl.core import statecache

    statecache.write_signed(folder, name, _PAGES_TAG + zlib.compress(marshal.dumps(pages, 4), 1))


def forget_pages(folder: Path) -> None:
    """Drop the remembered pages and file records (a person forgotten: their name may be on
    a page, or in a file's name)."""
    from gzctl.core import statecache

    for name in (PAGES, PAGES_NEW, SEEN, LISTED):
        safefs.remove(folder / statecache.FOLDER / name, root=folder)


class _Seen:
    """What gzctl last saw of each file in documenten/: (size, mtime, ctime, inode) and its
    sha256, in .gzctl-cache/docs-seen.json. A file whose stat is unchanged is not read again
    to know its hash (as git's index does); any write to it changes its ctime. The record
    holds no content, only names gzctl's own manifest holds too."""

    def __init__(self, folder: Path, trust: bool) -> None:
        from gzctl.core import statecache

        self.path = folder / statecache.FOLDER / SEEN
        self.folder = folder
        self.old: dict[str, list[Any]] = {}
        if trust:
            try:
                data = json.loads(safefs.read_bytes(self.path, folder).decode("utf-8"))
                if isinstance(data, dict):
                    self.old = {k: v for k, v in data.items() if isinstance(v, list)}
            except Exception:
                self.old = {}
        self.new: dict[str, list[Any]] = {}
        self.folders: set[str] = set()  # below documenten/, checked for symlinks this run

    @staticmethod
    def _stat(path: Path | str) -> list[int] | None:
        import os

        try:
            st = os.lstat(path)
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]

    def checked(self, root: Path, rel: str) -> tuple[str, list[int] | None]:
        """:func:`_inside`, with each folder on the way checked once per run: the file's path
        (as text: a Path per file costs more than its lstat) and :meth:`_stat` (None when
        missing), from the same lstat that saw it is no symlink."""
        import os
        import stat

        if rel.startswith(("/", "\\")) or ".." in rel.split("/") or "\\" in rel:
            _inside(root, rel)  # refused there, with its message
        folder, _, _ = rel.rpartition("/")
        if folder not in self.folders:
            path = _inside(root, rel)
            self.folders.add(folder)
            return str(path), self._stat(path)
        name = f"{root}{os.sep}{rel}"
        try:
            st = os.lstat(name)
        except OSError:
            return name, None
        if stat.S_ISLNK(st.st_mode):
            safefs.check_path(root / rel, root.parent)  # refused there
        return name, [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]

    def hash(self, root: Path, rel: str) -> str | None:
        """The sha256 of documenten/``rel`` (None when missing), read only when its stat
        differs from the one recorded with the hash."""
        name, before = self.checked(root, rel)
        old = self.old.get(rel)
        if before is not None and old and old[:4] == before and isinstance(old[4], str):
            self.new[rel] = old
            return str(old[4])
        path = Path(name)
        current = _current_hash(path)
        if current is not None and before is not None and self._stat(path) == before:
            self.new[rel] = [*before, current]
        return current

    def wrote(self, root: Path, rel: str, digest: str) -> None:
        """``rel`` was just written with these bytes' ``digest``."""
        st = self._stat(root / rel)
        if st is not None:
            self.new[rel] = [*st, digest]

    def keep(self, files: Iterable[str]) -> None:
        """Record the files of the manifest (best effort)."""
        data = {k: self.new[k] for k in sorted(set(files)) if k in self.new}
        if data == self.old:
            return
        try:
            from gzctl.core import statecache

            statecache.cache_folder(self.folder)
            text = json.dumps(data, separators=(",", ":")) + "\n"
            safefs.write_bytes(self.path, text.encode(), root=self.folder)
        except Exception:
            return


@_record
class BuildReport(_Record):
    """What a build did with each file: written, unchanged, beside, removed, kept, skipped."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)  # (edited file, new file)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # stale but edited: left alone
    skipped: list[str] = field(default_factory=list)  # NotReady messages
    warnings: list[str] = field(default_factory=list)


def _inside(root: Path, rel: str) -> Path:
    """The path of a file below documenten/; anything that would leave it is refused."""
    if rel.startswith(("/", "\\")) or ".." in Path(rel).parts or "\\" in rel:
        raise UsageProblem(f"Onveilige bestandsnaam '{rel}'.")
    path = root / rel
    safefs.check_path(path, root.parent)  # no symlink: not documenten/, a folder or the file
    # with no symlink on the way, the path as written says where it is (no resolve(): that
    # asks the disk for every folder up to /, for each of thousands of files)
    import os

    if not os.path.normpath(path).startswith(os.path.join(os.path.normpath(root), "")):
        raise UsageProblem(f"Onveilige bestandsnaam '{rel}': die ligt buiten {OUTPUT_DIR}/.")
    return path


def _beside(rel: str) -> str:
    """'uitnodiging/vv.docx' -> 'uitnodiging/vv.nieuw.docx'."""
    stem, _, ext = rel.rpartition(".")
    return f"{stem}.nieuw.{ext}"


def _write_bytes(path: Path, data: bytes) -> None:
    """Write below the project folder (documenten/'s parent): no symlink anywhere on the way,
    a temporary file with an unpredictable name, removed on failure."""
    root = path.parent
    while root.name != OUTPUT_DIR and root != root.parent:
        root = root.parent
    safefs.write_bytes(path, data, root=root.parent, make_dirs=True)


def _current_hash(path: Path) -> str | None:
    """The sha256 of the file at ``path`` below documenten/, None when there is none;
    UnsafePath when it (or a folder on the way) is a symlink."""
    root = path.parent
    while root.name != OUTPUT_DIR and root != root.parent:
        root = root.parent
    safefs.check_path(path, root.parent)
    try:
        return sha256(safefs.read_bytes(path, root.parent))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise UsageProblem(f"'{path}' is een map; daar hoort een document.") from None


def parse_formats(text: str | None) -> tuple[str, ...]:
    """The formats a ``--formaat`` text names (all when empty); a usage problem when unknown."""
    if not text:
        return FORMATS
    wanted = []
    for part in re.split(r"[,\s]+", text.strip().lower()):
        if not part:
            continue
        part = {"markdown": "md", "word": "docx", "htm": "html"}.get(part, part.lstrip("."))
        if part not in FORMATS:
            raise UsageProblem(
                f"Onbekend formaat '{part}'; kies uit {', '.join(FORMATS)}."
                + did_you_mean(part, list(FORMATS))
            )
        if part not in wanted:
            wanted.append(part)
    return tuple(f for f in FORMATS if f in wanted)


def resolve_only(playbook: Playbook, names: Iterable[str]) -> list[str]:
    """--only values: document ids, also by a file-name-like alias ('wie-kan-ik-bellen')."""
    aliases = {"wie-kan-ik-bellen": "netwerkoverzicht", "uitnodigingen": "uitnodiging"}
    known = document_ids(playbook)
    out = []
    for raw in names:
        for part in re.split(r"[,\s]+", raw.strip()):
            if not part:
                continue
            doc = aliases.get(part.lower(), part.lower())
            if doc not in known:
                raise NotFound(f"Onbekend document '{part}'." + did_you_mean(part, known))
            if doc not in out:
                out.append(doc)
    return out


def build(
    folder: Path,
    project: Project,
    playbook: Playbook,
    today: dt.date,
    *,
    only: list[str] | None = None,
    formats: tuple[str, ...] = FORMATS,
    force: bool = False,
    on_total: Callable[[int], None] | None = None,
    on_file: Callable[[str], None] | None = None,
) -> BuildReport:
    """Write the documents into ``folder/documenten``. With ``only`` a document that cannot be
    made is an error; without, it is skipped and reported."""
    report = BuildReport()
    ids = only or [d for d in document_ids(playbook) if can_make(playbook, d)]
    prepared: list[Prepared] = []
    docs: dict[str, dict[str, Any]] = {}
    watched = reads.watch(project)  # what each document reads, for docs list
    for doc_id in ids:
        with reads.recording() as used:
            try:
                made = prepare(doc_id, watched, playbook, today)
            except NotReady as exc:
                if only:
                    raise
                report.skipped.append(exc.message)
                docs[doc_id] = {"niet_klaar": exc.message, "reads": sorted(used)}
                continue
        prepared.append(made)
        docs[doc_id] = {"paths": [o.path for o in made.outputs], "reads": sorted(used)}
    root = folder / OUTPUT_DIR
    renderer = Renderer(folder / OVERRIDE_DIR)
    memo = _Pages({}) if force else _load_memo(folder)
    renderer.pages = memo
    seen = _Seen(folder, trust=not force)
    docx = None
    if "docx" in formats:
        from gzctl.core.country import for_playbook
        from gzctl.documents.docx import DocxBuilder

        country = for_playbook(playbook)
        docx = DocxBuilder(_fixed_moment(project), country.language, country.letter)
        docx.pages = memo  # the letters' body XML too, beside the HTML pages
    jobs = [(p, o, f) for p in prepared for o in p.outputs for f in formats]
    if on_total:
        on_total(len(jobs))
    shared: dict[int, Any] = {}
    digests = {
        o.path: inputs_digest(renderer.digest(), o, shared) for p in prepared for o in p.outputs
    }
    del shared
    _record_inputs(docs, digests, reads.State(
        project, today, static_key(folder, playbook, renderer.digest())
    ))  # fmt: skip
    rkey = render_key(folder, playbook, project)
    before = Manifest() if force else Manifest.load(root)

    def render(p: Prepared, output: Output, fmt: str) -> bytes:
        one_page = pages(playbook, p.doc_id) == 1
        return render_output(renderer, output, fmt, docx, one_page)

    # render everything that changed first: a broken template writes nothing
    rendered: list[tuple[Prepared, Output, str, bytes]] = []
    current: list[tuple[Prepared, Output, str, str]] = []  # as written last time: not rendered
    for p, output, fmt in jobs:
        rel = f"{output.path}.{fmt}"
        # (a file's path is checked as _inside does by _still_current, or here)
        if _still_current(root, rel, p.doc_id, digests[output.path], rkey, before, seen):
            current.append((p, output, fmt, rel))
        else:
            _inside(root, rel)
            rendered.append((p, output, rel, render(p, output, fmt)))
        if on_file:
            on_file(rel)
    with store.locked(folder):  # one build (or save) at a time: safe to clean leftovers
        safefs.check_path(root / MANIFEST, folder)
        if root.is_dir():
            safefs.clean_orphans(root, max_age=0, recursive=True)
        manifest = Manifest.load(root)
        # each record says what it holds true for: a full build replaces them all
        manifest.docs = docs if only is None else {**manifest.docs, **docs}
        for p, output, fmt, rel in current:  # unless another build changed it meanwhile
            if _still_current(root, rel, p.doc_id, digests[output.path], rkey, manifest, seen):
                report.unchanged.append(rel)
            else:
                rendered.append((p, output, rel, render(p, output, fmt)))
        kept = {rel for *_, rel in current} - {rel for _, _, rel, _ in rendered}
        _write_all(root, prepared, rendered, digests, manifest, report, formats, force, rkey,
                   kept, seen)  # fmt: skip
        seen.keep(manifest.files)
        _save_pages(folder, memo)
    return report


def _record_inputs(
    docs: dict[str, dict[str, Any]], digests: dict[str, str], state: reads.State
) -> None:
    """Complete each document's record for ``docs list``: the digest of what it read
    (gzctl/documents/reads.py) and its files' inputs."""
    for record in docs.values():
        record["state"] = state.digest(record["reads"])
        if "paths" in record:
            record["inputs"] = {p: digests[p] for p in record["paths"]}


def _write_all(
    root: Path,
    prepared: list[Prepared],
    rendered: list[tuple[Prepared, Output, str, bytes]],
    digests: dict[str, str],
    manifest: Manifest,
    report: BuildReport,
    formats: tuple[str, ...],
    force: bool,
    rkey: str = "",
    kept: set[str] | None = None,
    seen: _Seen | None = None,
) -> None:
    """Decide per file, record the plan in the manifest, write, then record the result.
    ``kept``: files left as they are (current, not rendered again).

    Before any file is written the manifest already lists its new hash and its old one
    ('was'): a build interrupted at any point (Ctrl-C, kill) leaves every file recognised
    as gzctl's own, so the next build never takes them for hand edits."""
    produced: set[str] = set(kept or ())
    writes: list[tuple[str, bytes, dict[str, str]]] = []
    for p, output, rel, data in rendered:
        produced.add(rel)
        entry = {"document": p.doc_id, "sha256": sha256(data), "inputs": digests[output.path]}
        if rkey:
            entry["render"] = rkey
        _place(root, rel, data, entry, manifest, report, force, writes, seen)
    for p in prepared:
        report.warnings.extend(p.warnings)
    if writes:
        _save_manifest(root, manifest)  # the plan: new hash and old one for every file
    for rel, data, entry in writes:
        _write_bytes(_inside(root, rel), data)
        manifest.files[rel] = entry  # done: drop 'was'
        if seen is not None:
            seen.wrote(root, rel, entry["sha256"])
    for rel in [r for r, e in manifest.files.items() if ".nieuw." in r and "stale" in e]:
        path = _inside(root, rel)
        if _current_hash(path) is not None:
            safefs.remove(path, root=root.parent)
        del manifest.files[rel]
    # files of these documents that are no longer produced (an organisation left the list)
    built_ids = {p.doc_id for p in prepared}
    for rel, entry in sorted(manifest.files.items()):
        if entry.get("document") not in built_ids or rel in produced:
            continue
        if rel.rsplit(".", 1)[-1] not in formats or ".nieuw." in rel:
            continue
        path = _inside(root, rel)
        current = _current_hash(path)
        if current is None:
            del manifest.files[rel]
        elif force or current in manifest.known(rel):
            safefs.remove(path, root=root.parent)
            del manifest.files[rel]
            report.removed.append(rel)
        else:
            report.kept.append(rel)
    if rendered or manifest.files:
        _save_manifest(root, manifest)


def _save_manifest(root: Path, manifest: Manifest) -> None:
    text = manifest.dumps()
    mpath = root / MANIFEST
    try:
        old: bytes | None = safefs.read_bytes(mpath, root.parent)
    except FileNotFoundError:
        old = None
    if old != text.encode("utf-8"):
        _write_bytes(mpath, text.encode("utf-8"))


def _place(
    root: Path,
    rel: str,
    data: bytes,
    entry: dict[str, str],
    manifest: Manifest,
    report: BuildReport,
    force: bool,
    writes: list[tuple[str, bytes, dict[str, str]]],
    seen: _Seen | None = None,
) -> None:
    """Decide what happens to one file; the writing is queued in ``writes``."""
    path = _inside(root, rel)
    new_hash = entry["sha256"]
    current = seen.hash(root, rel) if seen is not None else _current_hash(path)
    if current is not None:
        known = manifest.known(rel)
        if current == new_hash:
            manifest.files[rel] = entry
            report.unchanged.append(rel)
            return
        if current not in known and not force:
            # edited by hand since gzctl wrote it (or never written by gzctl): keep it
            other = _beside(rel)
            _inside(root, other)
            manifest.files[other] = {**entry, "beside": rel}
            writes.append((other, data, {**entry, "beside": rel}))
            if rel in manifest.files:
                manifest.files[rel] = {**manifest.files[rel], "inputs": entry["inputs"]}
            report.beside.append((rel, other))
            return
    # planned: until the file is written, its old hash still counts as gzctl's
    manifest.files[rel] = {**entry, "was": current} if current else entry
    writes.append((rel, data, entry))
    stale = _beside(rel)
    if stale in manifest.files and force:
        manifest.files[stale] = {**manifest.files[stale], "stale": "1"}
    report.written.append(rel)


def _fixed_moment(project: Project) -> dt.datetime:
    """The creation time stamped inside a DOCX: the project's start, never the clock."""
    created = project.project.created or dt.date(2000, 1, 1)
    return dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)


# --------------------------------------------------------------------------- AVG


def _document_text(path: Path, data: bytes) -> str:
    """The readable text of a written document (DOCX: the XML parts of the zip)."""
    if path.suffix.lower() == ".docx":
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                xml = " ".join(
                    z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
                )
        except (zipfile.BadZipFile, OSError):
            return ""
        import html

        # paragraphs, cells, tabs and breaks separate words; runs inside a word do not
        xml = re.sub(r"</w:(?:p|tc|tr)>|<w:(?:tab|br|cr)\b[^>]*/>", " ", xml)
        return html.unescape(re.sub(r"<[^>]+>", "", xml))
    text = data.decode("utf-8", "replace")
    if path.suffix.lower() == ".html":
        import html

        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def forget_in_documents(
    folder: Path, names: Callable[[str], bool]
) -> tuple[list[str], list[str]]:
    """Remove from documenten/ every file gzctl wrote that names a person (``names(text)``
    says whether a text does), with its manifest entry. Files edited by hand are not
    deleted but returned, for the user to handle. Returns (removed, edited_still_naming)."""
    root = folder / OUTPUT_DIR
    if not root.is_dir():
        forget_pages(folder)
        return [], []
    removed: list[str] = []
    kept: list[str] = []
    with store.locked(folder):
        safefs.check_path(root / MANIFEST, folder)
        manifest = Manifest.load(root)
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            rel = path.relative_to(root).as_posix()
            if rel == MANIFEST or rel.rsplit("/", 1)[-1].startswith("."):
                continue
            data = safefs.read_bytes(path, folder)
            if not names(_document_text(path, data)):
                continue
            if sha256(data) in manifest.known(rel):
                safefs.remove(path, root=folder)
                manifest.files.pop(rel, None)
                removed.append(rel)
            else:
                kept.append(rel)
        if removed:
            _save_manifest(root, manifest)
        forget_pages(folder)  # the remembered pages may name them too
    return removed, kept
