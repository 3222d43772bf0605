"""Load and validate playbooks: the stappenplan (phases, steps, items, questions) as data.

Every fault names the file, the id and, where it can be found, the line. The code only
interprets a playbook; a new step needs a TOML edit, not a code change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from gzctl.core.conditions import Condition, parse_condition
from gzctl.core.errors import NotFound, PlaybookError
from gzctl.core.paths import data_dir
from gzctl.core.questions import QUESTION_TYPES, TEXT_FORMATS, Question
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

DEFAULT_PLAYBOOK = "gemeenschapszorg"


@_frozen_record
class Document(_FrozenRecord):
    """A document the playbook can produce, and the module that prepares it."""

    id: str
    title: str
    description: str = ""
    # the module of gzctl/documents/ whose PREPARERS make it; most pages per printed file
    preparer: str = "general"
    pages: int | None = None


@_frozen_record
class Item(_FrozenRecord):
    """One checklist item (actie) of a step."""

    id: str
    title: str
    why: str
    phase: str
    step: str
    requires: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    done_when: tuple[Condition, ...] = ()
    # the id a user reads and types, where a variant gives one (``[shown_ids]``); the id
    # stays what the state, documents and merges know
    shown_id: str = ""

    @property
    def shown(self) -> str:
        """The id a user reads and types: the variant's own, else the id."""
        return self.shown_id or self.id


@_frozen_record
class Step(_FrozenRecord):
    """One step of a phase: its questions and its checklist items."""

    id: str
    title: str
    why: str
    phase: str
    questions: tuple[Question, ...] = ()
    items: tuple[Item, ...] = ()
    documents: tuple[str, ...] = ()
    handler: str = ""
    shown_id: str = ""  # as Item.shown_id

    @property
    def shown(self) -> str:
        """The id a user reads and types: the variant's own, else the id."""
        return self.shown_id or self.id


@_frozen_record
class Phase(_FrozenRecord):
    """One phase of the playbook and its steps."""

    id: str
    title: str
    why: str
    steps: tuple[Step, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        """Every checklist item of the phase, in order."""
        return tuple(i for s in self.steps for i in s.items)


@_frozen_record
class Milestone(_FrozenRecord):
    """A milestone of the planning (``[[milestones]]``): a date worked back from the
    village's deadline (``weeks_before``) or after it (``weeks_after``), reached when every
    item of ``items`` is done. ``event``: a day people meet, so a holiday or school holiday
    matters; ``answer``: a date question whose answer is the day the village set for it."""

    id: str
    title: str
    why: str
    weeks_before: int = 0
    weeks_after: int = 0
    items: tuple[str, ...] = ()
    event: bool = False
    answer: str = ""
    shown_id: str = ""  # as Item.shown_id


@_frozen_record
class MeetingKind(_FrozenRecord):
    """A kind of meeting (``[[meeting_kinds]]``): netwerkavond, werkgroep, startgroep; its
    Dutch name, how long it takes and its own agenda points (the standing ones, such as the
    test against the mission, are in the template)."""

    id: str
    title: str
    minutes: int = 90
    agenda: tuple[str, ...] = ()


@_frozen_record
class Playbook(_FrozenRecord):
    """A loaded playbook: intake questions, phases, steps, items and documents."""

    id: str
    title: str
    version: str
    description: str
    source: str
    intake: tuple[Question, ...]
    documents: tuple[Document, ...]
    phases: tuple[Phase, ...]
    # The country (playbooks/landen/<code>/land.toml) whose words and helplines documents
    # use, and the catalogues (a built-in name or a path relative to the playbook) the
    # village works with.
    country: str = "NL"
    organisation_types: str = "organisatietypen"
    platforms: str = "platforms"
    # the planning: the date question the milestones are worked back from, what that date
    # is (Dutch, "de subsidiedeadline van de gemeente"), the milestones; the meeting kinds
    deadline: str = ""
    deadline_title: str = ""
    milestones: tuple[Milestone, ...] = ()
    meeting_kinds: tuple[MeetingKind, ...] = ()
    # ``[shown_ids]``: the id a user reads and types for an item, step, question or
    # milestone (a Flemish word where the canonical id is Dutch), as (id, shown id) pairs
    shown_ids: tuple[tuple[str, str], ...] = ()

    def catalogue_path(self, kind: str) -> Path:
        """The organisation-type ("organisation_types") or platform ("platforms") catalogue."""
        return catalogue_file(self.organisation_types if kind == "organisation_types" else
                              self.platforms, self.source)  # fmt: skip

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step of the playbook, in order."""
        return tuple(s for p in self.phases for s in p.steps)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every checklist item of the playbook, in order."""
        return tuple(i for p in self.phases for i in p.items)

    def item(self, item_id: str) -> Item | None:
        """The item with this id or this shown id (``[shown_ids]``), or None."""
        return next((i for i in self.items if item_id in (i.id, i.shown_id)), None)

    def shown(self, ident: str) -> str:
        """The id a user reads for ``ident`` (an item, step, question or milestone id): the
        variant's own from ``[shown_ids]``, else ``ident`` itself."""
        return next((s for c, s in self.shown_ids if c == ident), ident)

    def canonical(self, ident: str) -> str:
        """The id the state knows for ``ident``, which may be a shown id; else ``ident``."""
        return next((c for c, s in self.shown_ids if s == ident), ident)

    def step(self, step_id: str) -> Step | None:
        """The step with this id or this shown id (``[shown_ids]``), or None."""
        return next((s for s in self.steps if step_id in (s.id, s.shown_id)), None)

    def questions(self) -> tuple[Question, ...]:
        """Every question: intake first, then the steps' questions in order."""
        return self.intake + tuple(q for s in self.steps for q in s.questions)


# --------------------------------------------------------------------------- locating files


# Shipped data files in playbooks/ that are not playbooks (catalogues, criteria). Countries
# and languages live in folders of their own (playbooks/landen/<code>/, playbooks/talen/).
DATA_FILE_PREFIXES = (
    "organisatietypen", "platforms", "selectiecriteria", "peiling", "kolommen"
)


def builtin_names() -> list[str]:
    """The names of the playbooks shipped with gzctl, sorted."""
    folder = data_dir("playbooks")
    return sorted(
        p.stem for p in folder.glob("*.toml") if not p.stem.startswith(DATA_FILE_PREFIXES)
    )


def builtin_for_country(code: str) -> str:
    """The built-in playbook of a country ('BE' -> 'zorgzame-buurt'); the default for NL.
    A country gzctl does not know is a Dutch error listing the known ones."""
    from gzctl.core import country

    if code.upper() not in country.known_codes():
        raise country.unknown(code)
    if code.upper() == "NL":
        return DEFAULT_PLAYBOOK
    for name in builtin_names():
        if load(name).country == code.upper():
            return name
    raise NotFound(
        f"Voor land '{code}' is er geen ingebouwd stappenplan. Kies er een met --playbook."
    )


def catalogue_file(spec: str, playbook_source: str = "") -> Path:
    """A catalogue named in a playbook: a built-in name ('organisatietypen-vlaanderen') or a
    .toml path, relative to the playbook's own folder."""
    if spec.endswith(".toml") or "/" in spec or "\\" in spec:
        path = Path(spec).expanduser()
        if not path.is_absolute() and playbook_source:
            path = Path(playbook_source).parent / path
        return path
    return data_dir("playbooks") / f"{spec}.toml"


def catalogue_outside(spec: str, playbook_source: str) -> str | None:
    """Why a catalogue path a playbook names may not be used (Dutch, without the file name),
    or None. A catalogue of a user's own playbook lies inside that playbook's folder (a
    subfolder is fine): never an absolute path elsewhere, '..' out of it, or a link; a shipped
    playbook names its catalogues by their built-in name."""
    if not (spec.endswith(".toml") or "/" in spec or "\\" in spec):
        return None
    shown = spec if len(spec) <= 60 else spec[:57] + "..."
    if not spec.endswith(".toml"):
        return f"catalogus '{shown}' moet een .toml-bestand zijn"
    if not playbook_source:
        return None
    folder = Path(playbook_source).parent
    path = catalogue_file(spec, playbook_source)
    try:
        inside = os.path.realpath(path).startswith(os.path.realpath(folder) + os.sep)
    except (OSError, ValueError):
        inside = False
    if Path(spec).expanduser().is_absolute() or ".." in Path(spec).parts or not inside:
        return (
            f"catalogus '{shown}' ligt buiten de map van het stappenplan; zet hem in die map "
            "en noem hem zonder map ervoor (zoals 'mijn-typen.toml')"
        )
    return None


def resolve_source(spec: str, project_dir: Path | None = None) -> Path:
    """A built-in name ('gemeenschapszorg') or a path to a TOML file (relative to the project)."""
    if spec.endswith(".toml") or "/" in spec or "\\" in spec:
        path = Path(spec).expanduser()
        if not path.is_absolute() and project_dir is not None:
            path = project_dir / path
        if not path.is_file():
            raise NotFound(f"Stappenplan '{spec}' niet gevonden ({path}).")
        return path
    path = data_dir("playbooks") / f"{spec}.toml"
    if not path.is_file():
        from gzctl.core.errors import did_you_mean

        raise NotFound(
            f"Onbekend stappenplan '{spec}'."
            + did_you_mean(spec, builtin_names())
            + " Of geef het pad van een eigen .toml-bestand."
        )
    return path


_cache: dict[tuple[str, float], Playbook] = {}


def load(spec: str, project_dir: Path | None = None) -> Playbook:
    """Loads the playbook named or pointed to by ``spec``."""
    return load_playbook_file(resolve_source(spec, project_dir))


def load_playbook_file(path: str | Path) -> Playbook:
    """A playbook file, checked, with the playbook it extends applied (``extends``): every
    fault in one Dutch PlaybookError. Kept in memory and in the user cache per text of every
    file of the chain."""
    from gzctl.core import datacache

    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime)
        if key in _cache and datacache.bases_unchanged(key):
            return _cache[key]
        raw = path.read_bytes()
    except OSError as exc:
        raise NotFound(f"Stappenplan {path} is niet te lezen: {exc.strerror}.") from exc
    text = _decode(raw)
    cached = datacache.get("playbook", path, text)
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Playbook):
        playbook: Playbook = cached[0]
        bases = cached[1]
        if playbook.source == str(path):
            _cache[key] = playbook
            datacache.remember_bases(key, bases)
            return playbook
    from gzctl.core import variant

    data, chain = variant.resolve(path, text, variant.parse_toml(path, text))
    faults = Validator(path.name, text, str(path), chain[1:]).check(data)
    if faults:
        raise PlaybookError("\n".join(faults))
    playbook = build(data, str(path))
    bases = tuple(str(p) for p, _ in chain[1:])
    _cache[key] = playbook
    datacache.remember_bases(key, bases)
    # checked: the next run skips all this while no file of the chain changed
    deps = tuple((str(p), t) for p, t in chain[1:])
    datacache.put("playbook", path, text, (playbook, bases), deps)
    return playbook


# --------------------------------------------------------------------------- validation

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")

KEYS = {
    "top": {
        "playbook", "intake", "documents", "phases", "planning", "milestones", "meeting_kinds",
        "shown_ids",
    },
    "planning": {"deadline", "title"},
    "milestone": {"id", "title", "why", "weeks_before", "weeks_after", "items", "event", "answer"},
    "meeting_kind": {"id", "title", "minutes", "agenda"},
    "playbook": {
        "id", "title", "version", "description", "country", "organisation_types", "platforms",
    },
    "document": {"id", "title", "description", "preparer", "pages"},
    "phase": {"id", "title", "why", "steps"},
    "step": {"id", "title", "why", "documents", "questions", "items", "handler"},
    "item": {"id", "title", "why", "requires", "documents", "done_when"},
    "question": {
        "id", "type", "label", "help", "example", "required", "default", "options", "min",
        "max", "unit", "multiline", "max_length", "min_selected", "min_items", "fields",
        "item_label", "format", "future", "known_from",
    },
}  # fmt: skip

# Steps that need more than questions (e.g. entering organisations one by one) name a
# handler; the wizard (registry: gzctl/wizard/steps.py, HANDLERS) runs it after the step's
# questions.
STEP_HANDLERS: tuple[str, ...] = (
    "inventory", "places", "coordinator", "recruitment", "platforms", "site", "participants",
)  # fmt: skip

INTAKE_IDS = {"village.name", "village.municipality", "village.province", "village.inhabitants"}


class Validator:
    """Collects every fault as one Dutch line: file, id, line, what is wrong."""

    def __init__(
        self,
        filename: str,
        text: str,
        source: str = "",
        bases: tuple[tuple[Path, str], ...] = (),
    ) -> None:
        self.filename = filename
        self.source = source
        self.lines = text.splitlines()
        # a playbook that extends another: a fault names the file that says it
        self.sources = [(filename, self.lines)] + [(p.name, t.splitlines()) for p, t in bases]
        self.faults: list[str] = []

    def fault(self, ident: str | None, message: str, key: str | None = None) -> None:
        """Records a fault, located in the first file of the chain that names ``ident``."""
        from gzctl.core.variant import line_of

        name, line = self.filename, None
        for candidate, lines in self.sources:  # the first file of the chain that names it
            line = line_of(lines, ident, key)
            if line:
                name = candidate
                break
        where = f", regel {line}" if line else ""
        who = f" [{ident}]" if ident else ""
        self.faults.append(f"{name}{where}{who}: {message}")

    def keys(self, table: Any, kind: str, ident: str | None) -> bool:
        """Whether ``table`` is a table; records a fault for each unknown key in it."""
        if not isinstance(table, dict):
            self.fault(ident, f"verwacht een tabel ({kind}), niet {type(table).__name__}")
            return False
        from gzctl.core.errors import did_you_mean

        for key in table:
            if key not in KEYS[kind]:
                self.fault(
                    ident,
                    f"onbekende sleutel '{key}'." + did_you_mean(key, sorted(KEYS[kind])),
                    key,
                )
        return True

    def text(
        self, table: dict[str, Any], key: str, ident: str | None, required: bool = True
    ) -> None:
        """Records a fault when ``key`` is missing (if required) or not a non-empty text."""
        value = table.get(key)
        if value is None:
            if required:
                self.fault(ident, f"'{key}' ontbreekt")
        elif not isinstance(value, str) or not value.strip():
            self.fault(ident, f"'{key}' moet een niet-lege tekst zijn", key)

    def id_list(self, table: dict[str, Any], key: str, ident: str | None) -> list[str]:
        """The list of ids under ``key``; records a fault and returns [] when it is not one."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fault(ident, f"'{key}' moet een lijst met ids zijn", key)
            return []
        return value

    # ---------------------------------------------------------------- the checks

    def check(self, data: dict[str, Any]) -> list[str]:
        """Checks the whole playbook table and returns its faults."""
        self.keys(data, "top", None)
        self.meta(data.get("playbook"))
        self.question_ids: set[str] = set()
        self.intake(data.get("intake", []))
        self.doc_ids = self.documents(data.get("documents"))
        phases = data.get("phases")
        if not isinstance(phases, list) or not phases:
            self.fault(None, "er staan geen fasen ([[phases]]) in")
            return self.faults
        self.node_ids: set[str] = set()
        self.phase_ids: set[str] = set()
        self.item_order: list[str] = []
        self.requires: dict[str, list[str]] = {}
        self.conditions: list[tuple[str, str]] = []
        for phase in phases:
            self.phase(phase)
        for iid, text in self.conditions:
            try:
                parse_condition(text, self.question_ids)
            except ValueError as exc:
                self.fault(iid, str(exc), "done_when")
        self.check_requires()
        self.planning(data.get("planning"), data.get("milestones", []))
        self.meeting_kinds(data.get("meeting_kinds", []))
        self.shown_ids(data.get("shown_ids", {}), data.get("milestones", []))
        return self.faults

    def shown_ids(self, table: Any, milestones: Any) -> None:
        """``[shown_ids]``: each key an id of an item, step, question or milestone, each
        value an id of the same form and phase that names nothing else, used once."""
        if not isinstance(table, dict):
            self.fault(None, "'shown_ids' moet een tabel zijn: id = \"getoond id\"")
            return
        known = set(self.node_ids) | self.question_ids
        if isinstance(milestones, list):
            known |= {m["id"] for m in milestones if isinstance(m, dict) and "id" in m}
        used: set[str] = set()
        for ident, shown in table.items():
            key = f'"{ident}"'  # the line of this key in [shown_ids], in the file that has it
            if ident not in known:
                self.fault(None, f"[shown_ids]: onbekend id '{ident}'", key)
            elif not isinstance(shown, str) or not _ID.match(shown):
                self.fault(None, f"[shown_ids]: '{shown}' heeft niet de vorm fase.naam", key)
            elif shown.split(".")[0] != ident.split(".")[0]:
                self.fault(None, f"[shown_ids]: '{shown}' moet beginnen met "
                           f"'{ident.split('.')[0]}.'", key)  # fmt: skip
            elif shown in known or shown in used:
                self.fault(None, f"[shown_ids]: '{shown}' is al een ander id", key)
            else:
                used.add(shown)

    def planning(self, planning: Any, milestones: Any) -> None:
        """``[planning]`` names a date question; each milestone a time and done items."""
        if planning is not None and self.keys(planning, "planning", None):
            self.text(planning, "title", None)
            if planning.get("deadline") not in self.question_ids:
                self.fault(None, "[planning] 'deadline' moet een vraag van het stappenplan zijn")
        if not isinstance(milestones, list):
            self.fault(None, "'milestones' moet een lijst van [[milestones]] zijn")
            return
        if milestones and planning is None:
            self.fault(None, "[[milestones]] zonder [planning] (deadline, title)")
        seen: set[str] = set()
        for m in milestones:
            mid = m.get("id") if isinstance(m, dict) else None
            if not self.keys(m, "milestone", mid):
                continue
            if isinstance(mid, str):
                if mid in seen:
                    self.fault(mid, f"mijlpaal '{mid}' staat er twee keer in")
                seen.add(mid)
            self.milestone(m, mid)

    def milestone(self, m: dict[str, Any], mid: Any) -> None:
        """One ``[[milestones]]`` entry: texts, weeks, known items and question."""
        for key in ("id", "title", "why"):
            self.text(m, key, mid)
        for key in ("weeks_before", "weeks_after"):
            weeks = m.get(key, 0)
            if not isinstance(weeks, int) or isinstance(weeks, bool) or not 0 <= weeks <= 156:
                self.fault(mid, f"'{key}' moet een heel getal van 0 tot 156 zijn", key)
        for iid in self.id_list(m, "items", mid):
            if iid not in self.item_order:
                self.fault(mid, f"onbekende actie '{iid}'", "items")
        answer = m.get("answer")
        if answer is not None and answer not in self.question_ids:
            self.fault(mid, f"onbekende vraag '{answer}'", "answer")
        if not isinstance(m.get("event", False), bool):
            self.fault(mid, "'event' moet true of false zijn", "event")

    def meeting_kinds(self, kinds: Any) -> None:
        """``[[meeting_kinds]]``: an id (a word), a title, minutes, agenda points."""
        if not isinstance(kinds, list):
            self.fault(None, "'meeting_kinds' moet een lijst van [[meeting_kinds]] zijn")
            return
        for k in kinds:
            kid = k.get("id") if isinstance(k, dict) else None
            if not self.keys(k, "meeting_kind", kid):
                continue
            self.text(k, "id", kid)
            self.text(k, "title", kid)
            if isinstance(kid, str) and not _SLUG.match(kid):
                self.fault(kid, f"soort overleg '{kid}' mag alleen a-z, 0-9, - en _ bevatten")
            minutes = k.get("minutes", 90)
            whole = isinstance(minutes, int) and not isinstance(minutes, bool)
            if not whole or not 15 <= minutes <= 480:
                self.fault(kid, "'minutes' moet een heel getal van 15 tot 480 zijn", "minutes")
            agenda = k.get("agenda", [])
            if not isinstance(agenda, list) or not all(isinstance(a, str) and a for a in agenda):
                self.fault(kid, "'agenda' moet een lijst met teksten zijn", "agenda")

    def meta(self, meta: Any) -> None:
        """Checks the [playbook] table."""
        if not isinstance(meta, dict):
            self.fault(None, "de tabel [playbook] (id, title, version) ontbreekt")
            return
        self.keys(meta, "playbook", None)
        for key in ("id", "title", "version"):
            self.text(meta, key, None)
        if isinstance(meta.get("id"), str) and not _SLUG.match(meta["id"]):
            self.fault(None, f"playbook-id '{meta['id']}' mag alleen a-z, 0-9, - en _ bevatten")
        self.country(meta)

    def intake(self, intake: Any) -> None:
        """Checks the intake questions; the village name must be one of them."""
        if not isinstance(intake, list):
            self.fault(None, "'intake' moet een lijst van [[intake]]-vragen zijn", "intake")
            intake = []
        for q in intake:
            self.question(q, self.question_ids, intake=True)
        if "village.name" not in {q.get("id") for q in intake if isinstance(q, dict)}:
            self.fault(None, "de intake moet de vraag 'village.name' (naam van het dorp) stellen")

    def documents(self, documents: Any) -> set[str]:
        """Checks the [[documents]] tables and returns their ids."""
        doc_ids: set[str] = set()
        for doc in documents if isinstance(documents, list) else []:
            if not self.keys(doc, "document", doc.get("id") if isinstance(doc, dict) else None):
                continue
            ident = doc.get("id")
            self.text(doc, "id", ident)
            self.text(doc, "title", ident)
            self.text(doc, "description", ident, required=False)
            preparer = doc.get("preparer", "general")
            if not isinstance(preparer, str) or not _SLUG.match(preparer):
                self.fault(ident, "'preparer' moet de naam van een module zijn", "preparer")
            pages = doc.get("pages", 1)
            if not isinstance(pages, int) or isinstance(pages, bool) or pages < 1:
                self.fault(ident, "'pages' moet een heel getal van 1 of meer zijn", "pages")
            if isinstance(ident, str):
                if ident in doc_ids:
                    self.fault(ident, f"document-id '{ident}' staat er twee keer in")
                doc_ids.add(ident)
        return doc_ids

    def phase(self, phase: Any) -> None:
        """Checks one phase and its steps."""
        if not self.keys(phase, "phase", phase.get("id") if isinstance(phase, dict) else None):
            return
        pid = phase.get("id")
        for key in ("id", "title", "why"):
            self.text(phase, key, pid)
        if isinstance(pid, str):
            if not _SLUG.match(pid):
                self.fault(pid, f"fase-id '{pid}' mag alleen a-z, 0-9, - en _ bevatten")
            if pid in self.phase_ids:
                self.fault(pid, f"fase-id '{pid}' staat er twee keer in")
            self.phase_ids.add(pid)
        steps = phase.get("steps", [])
        if not isinstance(steps, list) or not steps:
            self.fault(pid, "deze fase heeft geen stappen ([[phases.steps]])")
            return
        for step in steps:
            self.step(step, pid)

    def step(self, step: Any, pid: Any) -> None:
        """Checks one step, its questions and its items."""
        sid = step.get("id") if isinstance(step, dict) else None
        if not self.keys(step, "step", sid):
            return
        for key in ("id", "title", "why"):
            self.text(step, key, sid)
        self.node_id(sid, pid, self.node_ids, "stap")
        handler = step.get("handler")
        if handler is not None and handler not in STEP_HANDLERS:
            self.fault(
                sid,
                f"onbekende handler '{handler}'; bekend: " + (", ".join(STEP_HANDLERS) or "(geen)"),
                "handler",
            )
        for doc in self.id_list(step, "documents", sid):
            if doc not in self.doc_ids:
                self.fault(sid, f"onbekend document '{doc}'", "documents")
        for q in step.get("questions", []) if isinstance(step.get("questions"), list) else []:
            self.question(q, self.question_ids, phase=pid)
        items = step.get("items", [])
        if not isinstance(items, list):
            self.fault(sid, "'items' moet een lijst van [[phases.steps.items]] zijn")
            return
        for item in items:
            self.item(item, pid)

    def item(self, item: Any, pid: Any) -> None:
        """Checks one checklist item."""
        iid = item.get("id") if isinstance(item, dict) else None
        if not self.keys(item, "item", iid):
            return
        for key in ("id", "title", "why"):
            self.text(item, key, iid)
        self.node_id(iid, pid, self.node_ids, "actie")
        if isinstance(iid, str):
            self.item_order.append(iid)
            self.requires[iid] = self.id_list(item, "requires", iid)
        for doc in self.id_list(item, "documents", iid or "?"):
            if doc not in self.doc_ids:
                self.fault(iid, f"onbekend document '{doc}'", "documents")
        conds = item.get("done_when", [])
        if isinstance(conds, str):
            conds = [conds]
        if not isinstance(conds, list):
            self.fault(iid, "'done_when' moet een lijst met voorwaarden zijn", "done_when")
            conds = []
        self.conditions.extend((iid or "?", str(cond)) for cond in conds)

    def check_requires(self) -> None:
        """Checks that every ``requires`` names a known item and that they form no cycle."""
        from gzctl.core.errors import did_you_mean

        known_items = set(self.item_order)
        for iid, reqs in self.requires.items():
            for req in reqs:
                if req not in known_items:
                    self.fault(
                        iid,
                        f"vereist onbekende actie '{req}'." + did_you_mean(req, self.item_order),
                        "requires",
                    )
        graph = {k: [r for r in v if r in known_items] for k, v in self.requires.items()}
        cycle = find_cycle(graph)
        if cycle:
            self.fault(cycle[0], "kringverwijzing in 'requires': " + " -> ".join(cycle), "requires")

    def country(self, meta: dict[str, Any]) -> None:
        """The country must be known (a folder playbooks/landen/<code>/, or one beside this
        playbook) and valid, and the catalogues must exist (their contents are checked when
        they are loaded)."""
        code = meta.get("country", "NL")
        if not isinstance(code, str):
            self.fault(None, "'country' moet een landcode zijn, zoals NL of BE", "country")
        else:
            from gzctl.core import country

            try:
                known = country.country_files(self.source)
                if code in known:
                    country.load_file(known[code])
            except PlaybookError as exc:
                self.fault(None, str(exc), "country")
            else:
                if code not in known:
                    self.fault(
                        None,
                        f"onbekend land '{code}'; bekend: {', '.join(sorted(known))}",
                        "country",
                    )
        for key in ("organisation_types", "platforms"):
            value = meta.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                self.fault(None, f"'{key}' moet de naam van een catalogus zijn", key)
                continue
            outside = catalogue_outside(value, self.source)
            if outside:
                self.fault(None, outside, key)
            elif not catalogue_file(value, self.source).is_file():
                self.fault(None, f"catalogus '{value}' ({key}) niet gevonden", key)

    def node_id(self, ident: Any, phase: Any, seen: set[str], what: str) -> None:
        """Records a fault when a step or item id is malformed, outside its phase or repeated."""
        if not isinstance(ident, str):
            return
        if not _ID.match(ident):
            self.fault(ident, f"{what}-id '{ident}' heeft niet de vorm fase.naam (a-z, 0-9, -, _)")
        elif isinstance(phase, str) and not ident.startswith(phase + "."):
            self.fault(ident, f"{what}-id '{ident}' moet beginnen met de fase '{phase}.'")
        if ident in seen:
            self.fault(ident, f"id '{ident}' staat er twee keer in")
        seen.add(ident)

    def question(
        self,
        q: Any,
        seen: set[str],
        intake: bool = False,
        phase: str | None = None,
        in_group: bool = False,
    ) -> None:
        """Checks one question (or one field of a group question)."""
        qid = q.get("id") if isinstance(q, dict) else None
        if not self.keys(q, "question", qid):
            return
        for key in ("id", "label", "help"):
            self.text(q, key, qid)
        qtype = q.get("type")
        if not isinstance(qid, str):
            return
        if not in_group:
            self.question_id(qid, seen, intake, phase)
        if qtype not in QUESTION_TYPES:
            self.fault(
                qid, f"onbekend vraagtype '{qtype}'; kies uit " + ", ".join(QUESTION_TYPES), "type"
            )
            return
        if qtype in ("choice", "multichoice"):
            self.options(q, qid)
        if qtype == "group":
            self.group_fields(q, qid)
        self.question_rules(q, qid, qtype)

    def question_id(self, qid: str, seen: set[str], intake: bool, phase: str | None) -> None:
        """Checks a question id: allowed for intake, inside its phase, and not repeated."""
        if intake:
            if qid not in INTAKE_IDS and qid != "initiators":
                self.fault(
                    qid,
                    "een intakevraag moet een van deze ids hebben: "
                    + ", ".join(sorted(INTAKE_IDS | {"initiators"})),
                )
        elif not _ID.match(qid):
            self.fault(qid, f"vraag-id '{qid}' heeft niet de vorm fase.naam")
        elif phase and not qid.startswith(phase + "."):
            self.fault(qid, f"vraag-id '{qid}' moet beginnen met de fase '{phase}.'")
        if qid in seen:
            self.fault(qid, f"vraag-id '{qid}' staat er twee keer in")
        for other in seen:
            if other.startswith(qid + ".") or qid.startswith(other + "."):
                self.fault(
                    qid, f"vraag-id '{qid}' botst met '{other}' (de een begint met de ander)"
                )
        seen.add(qid)

    def options(self, q: dict[str, Any], qid: str) -> None:
        """Checks that a choice question has distinct text options."""
        opts = q.get("options")
        if not isinstance(opts, list) or not opts or not all(isinstance(o, str) for o in opts):
            self.fault(
                qid, "een keuzevraag heeft 'options' nodig: een lijst met teksten", "options"
            )
        elif len(set(opts)) != len(opts):
            self.fault(qid, "'options' bevat een keuze twee keer", "options")

    def group_fields(self, q: dict[str, Any], qid: str) -> None:
        """Checks the fields of a group question."""
        fields = q.get("fields")
        if not isinstance(fields, list) or not fields:
            self.fault(qid, "een groepsvraag heeft 'fields' nodig", "fields")
            return
        keys: set[str] = set()
        for f in fields:
            fid = f.get("id") if isinstance(f, dict) else None
            self.question(f, keys, in_group=True)
            if isinstance(f, dict) and f.get("type") == "group":
                self.fault(qid, "een groep in een groep kan niet", "fields")
            if isinstance(fid, str):
                keys.add(fid)

    def question_rules(self, q: dict[str, Any], qid: str, qtype: str) -> None:
        """What one key or one id allows: a format, a future date, the intake's own types."""
        fmt = q.get("format")
        if fmt is not None and (qtype != "text" or fmt not in TEXT_FORMATS):
            self.fault(
                qid, "'format' kan alleen bij een tekstvraag: " + ", ".join(TEXT_FORMATS), "format"
            )
        if "future" in q and (qtype != "date" or not isinstance(q["future"], bool)):
            self.fault(qid, "'future' (true of false) kan alleen bij een datumvraag", "future")
        known = q.get("known_from")
        if known is not None and (
            qtype != "yesno" or not isinstance(known, list)
            or not all(isinstance(k, str) and k for k in known)
        ):  # fmt: skip
            self.fault(
                qid, "'known_from' (een lijst organisatietypen) kan alleen bij een ja/nee-vraag",
                "known_from",
            )  # fmt: skip
        if qid == "initiators" and qtype != "group":
            self.fault(qid, "'initiators' moet een groepsvraag zijn", "type")
        if qid == "village.inhabitants" and qtype != "number":
            self.fault(qid, "'village.inhabitants' moet een getalvraag zijn", "type")
        if qid in ("village.name", "village.municipality", "village.province") and qtype not in (
            "text",
            "choice",
        ):
            # the answer is stored in the model's text field: another type would save a
            # gzctl.toml that every command refuses
            self.fault(qid, f"'{qid}' moet een tekst- of keuzevraag zijn", "type")
        if "default" in q:
            try:
                from gzctl.core.questions import coerce

                coerce(build_question(q), q["default"])
            except Exception as exc:  # AnswerError, or a bad table
                self.fault(qid, f"'default' past niet bij de vraag: {exc}", "default")


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle in the prerequisite graph as a path (first == last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None


# --------------------------------------------------------------------------- building


def _decode(raw: bytes) -> str:
    """A playbook saved by Notepad (BOM, UTF-16, Windows-1252) reads like any other."""
    from gzctl.core.encoding import Undecodable, decode

    try:
        return decode(raw)[0]
    except Undecodable:
        return raw.decode("utf-8", errors="replace")


def build_question(q: dict[str, Any]) -> Question:
    """The Question a checked question table describes."""
    return Question(
        id=q["id"],
        type=q["type"],
        label=q["label"],
        help=q["help"],
        example=q.get("example"),
        required=bool(q.get("required", True)),
        default=q.get("default"),
        options=tuple(q.get("options", ())),
        min=q.get("min"),
        max=q.get("max"),
        unit=q.get("unit", ""),
        multiline=bool(q.get("multiline", False)),
        max_length=q.get("max_length"),
        min_selected=int(q.get("min_selected", 0)),
        min_items=int(q.get("min_items", 0)),
        fields=tuple(build_question(f) for f in q.get("fields", ())),
        item_label=q.get("item_label", ""),
        format=q.get("format", ""),
        future=bool(q.get("future", False)),
        known_from=tuple(q.get("known_from", ())),
    )


def build(data: dict[str, Any], source: str) -> Playbook:
    """The Playbook a checked playbook table describes."""
    shown: dict[str, str] = dict(data.get("shown_ids", {}))
    question_ids = {q["id"] for q in data.get("intake", [])} | {
        q["id"] for p in data["phases"] for s in p["steps"] for q in s.get("questions", [])
    }
    phases = []
    for p in data["phases"]:
        steps = []
        for s in p["steps"]:
            items = tuple(
                Item(
                    id=i["id"],
                    title=i["title"],
                    why=i["why"],
                    phase=p["id"],
                    step=s["id"],
                    requires=tuple(i.get("requires", ())),
                    documents=tuple(i.get("documents", ())),
                    done_when=tuple(
                        parse_condition(c, question_ids)
                        for c in (
                            [i["done_when"]]
                            if isinstance(i.get("done_when"), str)
                            else i.get("done_when", [])
                        )
                    ),
                    shown_id=shown.get(i["id"], ""),
                )
                for i in s.get("items", [])
            )
            steps.append(
                Step(
                    id=s["id"],
                    title=s["title"],
                    why=s["why"],
                    phase=p["id"],
                    questions=tuple(build_question(q) for q in s.get("questions", [])),
                    items=items,
                    documents=tuple(s.get("documents", ())),
                    handler=s.get("handler", ""),
                    shown_id=shown.get(s["id"], ""),
                )
            )
        phases.append(Phase(id=p["id"], title=p["title"], why=p["why"], steps=tuple(steps)))
    meta = data["playbook"]
    return Playbook(
        id=meta["id"],
        title=meta["title"],
        version=meta["version"],
        description=meta.get("description", ""),
        source=source,
        intake=tuple(build_question(q) for q in data.get("intake", [])),
        documents=tuple(
            Document(
                id=d["id"],
                title=d["title"],
                description=d.get("description", ""),
                preparer=d.get("preparer", "general"),
                pages=d.get("pages"),
            )
            for d in data.get("documents", [])
        ),
        phases=tuple(phases),
        country=meta.get("country", "NL"),
        organisation_types=meta.get("organisation_types", "organisatietypen"),
        platforms=meta.get("platforms", "platforms"),
        deadline=data.get("planning", {}).get("deadline", ""),
        deadline_title=data.get("planning", {}).get("title", ""),
        milestones=tuple(
            Milestone(
                id=m["id"],
                title=m["title"],
                why=m["why"],
                weeks_before=m.get("weeks_before", 0),
                weeks_after=m.get("weeks_after", 0),
                items=tuple(m.get("items", ())),
                event=bool(m.get("event", False)),
                answer=m.get("answer", ""),
                shown_id=shown.get(m["id"], ""),
            )
            for m in data.get("milestones", [])
        ),
        meeting_kinds=tuple(
            MeetingKind(
                id=k["id"],
                title=k["title"],
                minutes=k.get("minutes", 90),
                agenda=tuple(k.get("agenda", ())),
            )
            for k in data.get("meeting_kinds", [])
        ),
        shown_ids=tuple(shown.items()),
    )
