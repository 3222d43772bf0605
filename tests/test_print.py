"""Printing the documents as recipients do: Chromium for HTML, LibreOffice for DOCX.

Runs tools/printcheck.py on the demo where both are installed, and skips (saying why)
elsewhere: every letter and one-page plan is one A4, no heading alone at the foot of a page,
no closing alone on a page, no broken e-mail address or phone number."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
from test_documents import built_demo  # noqa: F401  (the demo with its documents, once)

TOOL = Path(__file__).resolve().parent.parent / "tools" / "printcheck.py"
ONE_PAGE_PROMISES = [
    "uitnodiging/vv-ooltwijk",
    "uitnodiging/gemeente-lingemeer",
    "uitnodiging/alle-uitnodigingen",
    "aanvraag-gemeente",
    "agenda",
    "platformplan/*",
    "wie-kan-ik-bellen",
    "checklist/2-verbinden",
]


def _printcheck():
    spec = importlib.util.spec_from_file_location("printcheck", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["printcheck"] = module
    spec.loader.exec_module(module)
    return module


def test_printed_documents_fit_their_pages(built_demo: Path, tmp_path: Path) -> None:  # noqa: F811
    tool = _printcheck()
    lacking = tool.missing_tools()
    if lacking:
        pytest.skip(
            "Chromium, LibreOffice and poppler-utils are needed to print the documents; "
            f"not installed here: {', '.join(lacking)}"
        )
    results = tool.check(built_demo, tmp_path, ONE_PAGE_PROMISES, png=False)
    renderers = {r.renderer for r in results}
    assert renderers == {"chromium", "libreoffice"}
    problems = [f"{r.renderer} {r.document}: {p}" for r in results for p in r.problems]
    assert not problems, "\n".join(problems)
    pages = {(r.renderer, r.document): r.pages for r in results}
    for renderer in renderers:
        assert pages[(renderer, "uitnodiging/vv-ooltwijk")] == 1
        assert pages[(renderer, "platformplan/beweegweek")] == 1
        assert pages[(renderer, "aanvraag-gemeente")] <= 2


def test_the_tool_reports_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _printcheck()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert tool.main(["--json"]) == 2
