"""Printing the documents as recipients do: Chromium for HTML, LibreOffice for DOCX.

Runs tools/printcheck.py on the demo where both are installed, and skips (saying why)
elsewhere: every letter and one-page plan is one A4, no heading alone at the foot of a page,
no closing alone on a page, no broken e-mail address or phone number."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from test_documents import built_demo  # noqa: F401  (the demo with its documents, once)

TOOL = Path(__file__).resolve().parent.parent / "tools" / "printcheck.py"
# a long document, for orphan headings: the promises are read from the playbook
ALSO_CHECKED = ["checklist/2-verbinden"]
SAMPLES = 3  # the longest files of a document that promises its pages, besides print files


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
    results = tool.check(built_demo, tmp_path, promised(tool, built_demo), png=False)
    renderers = {r.renderer for r in results}
    assert renderers == {"chromium", "libreoffice"}
    problems = [f"{r.renderer} {r.document}: {p}" for r in results for p in r.problems]
    assert not problems, "\n".join(problems)
    pages = {(r.renderer, r.document): r.pages for r in results}
    for renderer in renderers:
        assert pages[(renderer, "uitnodiging/vv-ooltwijk")] == 1
        assert pages[(renderer, "platformplan/beweegweek")] == 1
        assert pages[(renderer, "aanvraag-gemeente")] <= 2


def promised(tool, folder: Path) -> list[str]:
    """The files to print: for every document whose playbook entry promises its pages, every
    print file of many parts and the longest few others; and the ones in ALSO_CHECKED."""
    limits = tool.page_limits(folder)
    docs = folder / "documenten"
    manifest = json.loads((docs / ".gzctl-manifest.json").read_text(encoding="utf-8"))
    by_doc: dict[str, set[str]] = {}
    for rel, entry in manifest["files"].items():
        if rel.endswith(".md") and entry.get("document") in limits:
            by_doc.setdefault(entry["document"], set()).add(rel[:-3])
    chosen = list(ALSO_CHECKED)
    for rels in by_doc.values():
        texts = {r: (docs / f"{r}.md").read_text(encoding="utf-8") for r in sorted(rels)}
        chosen += [r for r, t in texts.items() if tool.PAGE_BREAK in t]
        single = [r for r, t in texts.items() if tool.PAGE_BREAK not in t]
        chosen += sorted(single, key=lambda r: -len(texts[r]))[:SAMPLES]
    return chosen


def test_every_promise_is_checked(built_demo: Path) -> None:  # noqa: F811
    tool = _printcheck()
    chosen = promised(tool, built_demo)
    for rel in ("uitnodiging/alle-uitnodigingen", "aanvraag-gemeente", "agenda",
                "wie-kan-ik-bellen", "platformplan/beweegweek"):  # fmt: skip
        assert rel in chosen
    assert tool.allowed_pages("uitnodiging/alle-uitnodigingen", built_demo / "documenten",
                              tool.page_limits(built_demo)) > 10  # fmt: skip
    assert tool.allowed_pages("aanvraag-gemeente", built_demo / "documenten",
                              tool.page_limits(built_demo)) == 2  # fmt: skip


def test_the_tool_reports_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _printcheck()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert tool.main(["--json"]) == 2


def test_a_number_split_over_two_lines_is_found_and_one_area_code_is_not() -> None:
    tool = _printcheck()
    contacts = {"0345\u00a0611\u00a0911", "0345\u00a0700\u00a0210"}
    whole = ["Huisarts   0345 611 911", "Sociaal Team"]  # the other number is on page 2
    assert tool.problems_in(["\n".join(whole)], set(), contacts) == []
    split = ["Huisarts   0345", "611 911   info@huisarts.nl"]
    assert tool.problems_in(["\n".join(split)], set(), contacts) == [
        "'0345\u00a0611\u00a0911' is afgebroken op pagina 1"
    ]
