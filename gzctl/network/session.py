"""Opening a project folder: shared by the typer commands and the fast path (no typer here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from gzctl.network.vocabulary import ORG_KINDS, ORG_STATUSES, PLATFORM_STATUSES

if TYPE_CHECKING:  # imported where used: `gzctl portfolio --json` needs only shown() here
    from gzctl.core import playbook as pb
    from gzctl.core import store
    from gzctl.core.model import Project


class Opened(NamedTuple):
    """An opened project folder: the folder, its project and the playbook it follows.
    (A NamedTuple: ``gzctl portfolio`` imports this module, and the dataclasses module
    costs ~7 ms to import.)"""

    folder: Path
    project: Project
    playbook: pb.Playbook
    # references to an organisation or platform that is not there (a hand edit, a merge):
    # one Dutch line each with the command that repairs it; the project still opens
    dangling: tuple[str, ...] = ()
    # the bytes and cached fields ``project`` was loaded from (core/store.Source): the
    # command's transaction takes this very project when the file has not changed since
    source: store.Source | None = None


def shown(folder: Path) -> str:
    """A folder as the user would type it: relative when it lies below the current one."""
    import os

    try:
        real = _real(str(folder))
        cwd = _real_dir(os.getcwd())
        if real == cwd:
            return "."
        parent, name = os.path.split(real)
        key = (parent, cwd)
        rel = _relative.get(key)
        if rel is None:
            rel = _relative[key] = os.path.relpath(parent, cwd)
    except (ValueError, OSError):
        return str(folder)
    if rel.startswith(".."):
        return real
    return name if rel == "." else os.path.join(rel, name)


_relative: dict[tuple[str, str], str] = {}


_real_dirs: dict[str, str] = {}


def _real_dir(folder: str) -> str:
    """realpath of a folder, remembered: a portfolio shows a thousand folders in one parent."""
    import os

    real = _real_dirs.get(folder)
    if real is None:
        real = _real_dirs[folder] = os.path.realpath(folder)
    return real


def _real(folder: str) -> str:
    """The folder with its parent's real path (remembered per parent) and its own name as
    given: a symlinked village shows under the name the user knows it by, and a portfolio
    needs no stat per village for it."""
    import os

    path = os.path.abspath(folder)
    parent, name = os.path.split(path)
    return os.path.join(_real_dir(parent), name) if name else _real_dir(parent)


def project_folder(directory: str | None) -> Path:
    """The project folder: the ``-C`` folder exactly, else the nearest one above the
    working folder (as git finds its repository)."""
    from gzctl.core import store

    if directory:
        return store.find_project(Path(directory), explicit=True)
    return store.find_project(Path.cwd())


def open_project(directory: str | None, set_up_git: bool = True) -> Opened:
    """Find, load and check the project in ``directory`` (None: the current folder).

    ``set_up_git``: give a plainly cloned village its merge driver and keep the parsed state
    in its cache (both off for the portfolio, which reads many villages and must not change
    their clones)."""
    from gzctl.core import playbook as pb
    from gzctl.core import store
    from gzctl.core.gitdriver import ensure_driver

    folder = project_folder(directory)
    project, loaded = store.load_source(folder, keep_cache=set_up_git)
    source: store.Source | None = loaded
    playbook = pb.load(project.project.playbook, folder)
    if check_answers(folder, project, playbook):
        source = None  # read differently than stored: a transaction starts from the file
    check_references(folder, project)
    if set_up_git:
        ensure_driver(folder)  # a plain `git clone` has no merge driver yet
    from gzctl.network.references import dangling

    return Opened(
        folder, project, playbook, tuple(dangling(project)), source if set_up_git else None
    )


def check_references(folder: Path, project: Project) -> None:
    """Hand edits the types cannot catch (an unknown status, a duplicate id): the first
    fault as one Dutch line with its key and line. A reference to an organisation or
    platform that is not there is no fault here: the project opens and reports it
    (gzctl/network/references.dangling)."""
    from gzctl.core import store

    faults = _organisation_faults(project) + _platform_faults(project)
    if project.meetings:
        faults += _meeting_faults(project)
    if faults:
        from gzctl.core.model import format_key

        parts, reason = faults[0]
        text = store.read_text(folder / store.STATE_FILE)
        raise store.located_error(store.STATE_FILE, text, parts, f"'{format_key(parts)}': {reason}")


def check_answers(folder: Path, project: Project, playbook: pb.Playbook) -> bool:
    """A hand-edited answer must still fit its question, by the same rules as the commands
    (the intake's village.* answers too: ``inhabitants = 0`` is refused as ``init`` refuses
    it); say which key and line if not. A number typed where a text is asked is read as that
    text, as a command would have stored it (it never reaches a document as a number).
    Returns whether it did so (the project then differs from the file)."""
    from gzctl.core import phone, store
    from gzctl.core.errors import AnswerError
    from gzctl.core.questions import asks_phone, coerce

    questions = {q.id: q for q in playbook.questions()}
    found: list[tuple[tuple[str, ...], str, Any, Any]] = [
        (("answers", *qid.split(".")), qid, questions.get(qid), value)
        for qid, value in project.answers.items()
    ]
    for q in playbook.intake:
        if q.id.startswith("village.") and hasattr(project.village, q.id[len("village.") :]):
            value = getattr(project.village, q.id[len("village.") :])
            if value not in (None, ""):
                found.append((tuple(q.id.split(".")), q.id, q, value))
    read_as_text = False
    for parts, qid, q, value in found:
        if q is None:
            continue  # e.g. from another playbook: kept, not used
        if q.format == "phone" and isinstance(value, str) and phone.plausible(value):
            continue  # checked with phonenumbers when it came in; its metadata is slow to load
        if qid == playbook.deadline and isinstance(value, str):
            continue  # free text from before it asked a date: the planning reads it tolerantly
        try:
            if asks_phone(q):
                try:  # numbers that look like numbers were checked when they came in
                    coerced = coerce(q, value, plausible_phones=True)
                except AnswerError:  # the country's rule (and phonenumbers) say what is wrong
                    from gzctl.core.country import for_playbook

                    coerced = coerce(q, value, for_playbook(playbook).phone)
            else:
                coerced = coerce(q, value)
        except AnswerError as exc:
            text = store.read_text(folder / store.STATE_FILE)
            message = f"het antwoord '{'.'.join(parts)}' past niet bij de vraag: {exc.message}"
            raise store.located_error(store.STATE_FILE, text, parts, message) from None
        if parts[0] == "answers" and _texts_read_as_numbers(value):
            read_as_text = read_as_text or coerced != value
            project.answers[qid] = coerced
    return read_as_text


def _texts_read_as_numbers(value: Any) -> bool:
    """Whether a hand edit left a number where the question asks a text (a text question, or
    a text field of a group): the checked answer then replaces it, as text."""
    if isinstance(value, list):
        return any(_texts_read_as_numbers(v) for v in value)
    if isinstance(value, dict):
        return any(_texts_read_as_numbers(v) for v in value.values())
    return isinstance(value, int | float) and not isinstance(value, bool)


# the checks themselves: plain reads against the vocabulary, no feature module


def _organisation_faults(project: Project) -> list[tuple[tuple[str | int, ...], str]]:
    """Faults a hand edit can make that the generic model check does not see: an unknown
    kind or status, a duplicate id. Returns (key path, Dutch reason) pairs.

    Every command opens the project through here: first a check in one pass of C over
    the whole list (50,000 organisations in milliseconds); only a list that fails it is
    walked organisation by organisation to name the faults."""
    from itertools import chain
    from operator import attrgetter

    orgs = project.organisations
    ids = list(map(attrgetter("id"), orgs))
    dated = set(chain.from_iterable(map(attrgetter("dates"), orgs)))
    if (
        len(set(ids)) == len(ids)
        and set(map(attrgetter("kind"), orgs)) <= set(ORG_KINDS)
        and set(map(attrgetter("status"), orgs)) <= set(ORG_STATUSES)
        and dated <= set(ORG_STATUSES)
    ):
        return []
    faults: list[tuple[tuple[str | int, ...], str]] = []
    seen: set[str] = set()
    for i, org in enumerate(orgs):
        if org.id in seen:
            faults.append((("organisations", i, "id"), f"id '{org.id}' staat er twee keer in."))
        seen.add(org.id)
        if org.kind not in ORG_KINDS:
            faults.append(
                (
                    ("organisations", i, "kind"),
                    f"soort '{org.kind}' bestaat niet; kies uit " + ", ".join(ORG_KINDS) + ".",
                )
            )
        if org.status not in ORG_STATUSES:
            faults.append(
                (
                    ("organisations", i, "status"),
                    f"status '{org.status}' bestaat niet; kies uit {', '.join(ORG_STATUSES)}.",
                )
            )
        for s in org.dates:
            if s not in ORG_STATUSES:
                faults.append(
                    (
                        ("organisations", i, "dates", s),
                        f"'{s}' is geen status; kies uit " + ", ".join(ORG_STATUSES) + ".",
                    )
                )
    return faults


def _meeting_faults(project: Project) -> list[tuple[tuple[str | int, ...], str]]:
    """Faults a hand edit can make in the meetings: a duplicate meeting or action id (the
    merge and every command find them by id)."""
    faults: list[tuple[tuple[str | int, ...], str]] = []
    seen: set[str] = set()
    actions: set[str] = set()
    for i, m in enumerate(project.meetings):
        if m.id in seen:
            faults.append((("meetings", i, "id"), f"id '{m.id}' staat er twee keer in."))
        seen.add(m.id)
        for j, a in enumerate(m.actions):
            if a.id in actions:
                where: tuple[str | int, ...] = ("meetings", i, "actions", j, "id")
                faults.append((where, f"actie-id '{a.id}' staat er twee keer in."))
            actions.add(a.id)
    return faults


def _platform_faults(project: Project) -> list[tuple[tuple[str | int, ...], str]]:
    """Faults a hand edit can make: unknown status, a trekker who is no member, duplicate id."""
    from operator import attrgetter

    faults: list[tuple[tuple[str | int, ...], str]] = []
    org_ids = set(map(attrgetter("id"), project.organisations))
    seen: set[str] = set()
    for i, p in enumerate(project.platforms):
        if p.id in seen:
            faults.append((("platforms", i, "id"), f"id '{p.id}' staat er twee keer in."))
        seen.add(p.id)
        if p.status not in PLATFORM_STATUSES:
            faults.append(
                (
                    ("platforms", i, "status"),
                    f"status '{p.status}' bestaat niet; kies uit {', '.join(PLATFORM_STATUSES)}.",
                )
            )
        if p.trekker and p.trekker in org_ids and p.trekker not in p.members:
            faults.append((("platforms", i, "trekker"), f"'{p.trekker}' is geen lid."))
    seen = set()
    for i, a in enumerate(project.activities):
        if a.id in seen:
            faults.append((("activities", i, "id"), f"id '{a.id}' staat er twee keer in."))
        seen.add(a.id)
        for key, n in (("expected", a.expected), ("participants", a.participants)):
            if n is not None and n < 0:
                faults.append((("activities", i, key), "een aantal kan niet negatief zijn."))
    return faults
