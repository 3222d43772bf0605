"""Opening a project folder: shared by the typer commands and the fast path (no typer here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import playbook as pb
from . import runtime, store
from .model import Project


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
    if project.organisations:
        from .inventory import check_project, raise_if_broken

        if check_project(project):
            text = (folder / store.STATE_FILE).read_text(encoding="utf-8")
            raise_if_broken(project, text, store.STATE_FILE)
    if project.platforms or project.activities:
        from . import platforms

        if platforms.check_project(project):
            text = (folder / store.STATE_FILE).read_text(encoding="utf-8")
            platforms.raise_if_broken(project, text, store.STATE_FILE)
    return Opened(folder, project, playbook)


def check_answers(folder: Path, project: Project, playbook: pb.Playbook) -> None:
    """A hand-edited answer must still fit its question; say which key and line if not."""
    from .errors import AnswerError, StateError
    from .questions import coerce

    questions = {q.id: q for q in playbook.questions()}
    for qid, value in project.answers.items():
        q = questions.get(qid)
        if q is None:
            continue  # e.g. from another playbook: kept, not used
        try:
            coerce(q, value)
        except AnswerError as exc:
            parts = ("answers", *qid.split("."))
            text = (folder / store.STATE_FILE).read_text(encoding="utf-8")
            line = store.locate(text, parts)
            where = f", regel {line}" if line else ""
            raise StateError(
                f"{store.STATE_FILE}{where}: het antwoord 'answers.{qid}' past niet bij de vraag: "
                f"{exc.message} Herstel het bestand; gzctl schrijft er niet in tot het weer klopt."
            ) from None


def status_document(opened: Opened) -> dict[str, Any]:
    from .progress import status_data

    return status_data(opened.playbook, opened.project, runtime.today())


def status_output(directory: str | None, as_json: bool) -> str:
    opened = open_project(directory)
    data = status_document(opened)
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    from .render import Style, status_text

    hint = f"-C {directory} " if directory else ""
    return status_text(data, Style(runtime.color_wanted()), hint)
