"""Opening a project folder: shared by the typer commands and the fast path (no typer here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gzctl.core import playbook as pb
from gzctl.core import runtime, store
from gzctl.core.model import Project


@dataclass
class Opened:
    folder: Path
    project: Project
    playbook: pb.Playbook


def shown(folder: Path) -> str:
    """A folder as the user would type it: relative when it lies below the current one."""
    import os

    try:
        rel = os.path.relpath(folder.resolve(), Path.cwd().resolve())
    except ValueError:
        return str(folder)
    return str(folder.resolve()) if rel.startswith("..") else rel


def project_folder(directory: str | None) -> Path:
    if directory:
        return store.find_project(Path(directory), explicit=True)
    return store.find_project(Path.cwd())


def open_project(directory: str | None) -> Opened:
    folder = project_folder(directory)
    project = store.load(folder)
    playbook = pb.load(project.project.playbook, folder)
    check_answers(folder, project, playbook)
    check_references(folder, project)
    return Opened(folder, project, playbook)


def check_references(folder: Path, project: Project) -> None:
    """Hand edits the types cannot catch (an unknown status, a member not on the list):
    the first fault as one Dutch line with its key and line."""
    faults: list[tuple[tuple[str | int, ...], str]] = []
    if project.organisations:
        from gzctl.network import inventory

        faults += inventory.check_project(project)
    if project.platforms or project.activities:
        from gzctl.network import platforms

        faults += platforms.check_project(project)
    if faults:
        from gzctl.core.model import format_key

        parts, reason = faults[0]
        text = store.read_text(folder / store.STATE_FILE)
        raise store.located_error(store.STATE_FILE, text, parts, f"'{format_key(parts)}': {reason}")


def check_answers(folder: Path, project: Project, playbook: pb.Playbook) -> None:
    """A hand-edited answer must still fit its question; say which key and line if not."""
    from gzctl.core.errors import AnswerError
    from gzctl.core.questions import coerce

    questions = {q.id: q for q in playbook.questions()}
    for qid, value in project.answers.items():
        q = questions.get(qid)
        if q is None:
            continue  # e.g. from another playbook: kept, not used
        try:
            coerce(q, value)
        except AnswerError as exc:
            parts = ("answers", *qid.split("."))
            text = store.read_text(folder / store.STATE_FILE)
            message = f"het antwoord 'answers.{qid}' past niet bij de vraag: {exc.message}"
            raise store.located_error(store.STATE_FILE, text, parts, message) from None


def status_document(opened: Opened) -> dict[str, Any]:
    from gzctl.core.progress import status_data

    return status_data(opened.playbook, opened.project, runtime.today())


def status_output(directory: str | None, as_json: bool) -> str:
    opened = open_project(directory)
    data = status_document(opened)
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    from gzctl.cli.render import Style, status_text
    from gzctl.core.text import shell_quote

    hint = f"-C {shell_quote(directory)} " if directory else ""
    return status_text(data, Style(runtime.color_wanted()), hint)
