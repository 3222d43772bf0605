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


def project_folder(directory: str | None) -> Path:
    if directory:
        return store.find_project(Path(directory), explicit=True)
    return store.find_project(Path.cwd())


def open_project(directory: str | None) -> Opened:
    folder = project_folder(directory)
    project = store.load(folder)
    playbook = pb.load(project.project.playbook, folder)
    return Opened(folder, project, playbook)


def status_document(opened: Opened) -> dict[str, Any]:
    from .progress import status_data

    return status_data(opened.playbook, opened.project, runtime.today())


def status_output(directory: str | None, as_json: bool) -> str:
    opened = open_project(directory)
    data = status_document(opened)
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    from .render import Style, status_text

    return status_text(data, Style(runtime.color_wanted()))
