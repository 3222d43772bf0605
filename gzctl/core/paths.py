"""Where gzctl's shipped data lives (playbooks, catalogues, templates)."""

from __future__ import annotations

from pathlib import Path


def data_dir(kind: str) -> Path:
    """Where shipped data lives: inside the wheel, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent  # gzctl/
    packaged = package / "_data" / kind
    if packaged.is_dir():
        return packaged
    return package.parent / kind
