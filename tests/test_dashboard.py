"""The dashboard everywhere: a phone (375 px), a desktop (1280 px) and A4 landscape on paper,
in headless Chromium when it is installed; and the "Van elkaar leren" view in every form."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from gzctl.advisors import dashboard, peers

ANSWERS = """\
[village]
name = "Nieuwdorp aan de Lange Rivier"
municipality = "West Betuwe"
province = "Gelderland"
inhabitants = 1200

[[initiators]]
name = "Petra de Vries"
"""


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture
def villages(demo: Path, tmp_path: Path, gz, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo twice (one with a platform being started), a village started three days ago
    with nothing inventoried, and a broken folder."""
    root = tmp_path / "dorpen"
    shutil.copytree(demo, root / "ooltwijk", ignore=shutil.ignore_patterns("documenten"))
    shutil.copytree(demo, root / "aardam", ignore=shutil.ignore_patterns("documenten"))
    state = root / "aardam" / "gzctl.toml"
    text = state.read_text(encoding="utf-8").replace('name = "Ooltwijk"', 'name = "Aardam"')
    state.write_text(text.replace('status = "actief"', 'status = "in oprichting"', 1), "utf-8")
    answers = tmp_path / "a.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    monkeypatch.setenv("GZCTL_NOW", "2026-11-19T12:00:00+01:00")
    assert gz("init", str(root / "nieuwdorp"), "--answers", str(answers)).code == 0
    monkeypatch.setenv("GZCTL_NOW", "2026-11-22T12:00:00+01:00")
    assert gz("-C", str(root / "nieuwdorp"), "done", "verkennen.medestarter").code == 0
    (root / "kapot").mkdir()
    (root / "kapot" / "gzctl.toml").write_text("schema_version = 1\n[village\n", "utf-8")
    return root


def test_unknown_is_a_dash_and_the_phase_shows_progress(villages: Path, gz, tmp_path) -> None:
    page = tmp_path / "overzicht.html"
    assert gz("portfolio", str(villages), "--html", str(page)).code == 1  # the broken one
    html = page.read_text(encoding="utf-8")
    row = re.search(r"<tr>\s*<td><a[^>]*>Nieuwdorp.*?</tr>", html, re.S)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    assert cells[5] == "—" and cells[6] == "—"  # organisations, reach: not 0/0, not 0%
    assert "0%" not in row.group(0).replace("2%", "")
    assert "Verkennen · 5%" in row.group(0)  # the phase label carries its percentage (1 of 19)
    assert "Van elkaar leren" in html


def test_phase_label_names_the_furthest_phase_with_work() -> None:
    row = {
        "phase": {"id": "verkennen", "title": "Verkennen"},
        "phases": [
            {"id": "verkennen", "title": "Verkennen", "done": 9, "total": 10, "percent": 90},
            {"id": "verbinden", "title": "Verbinden", "done": 0, "total": 8, "percent": 0},
            {"id": "doen", "title": "Doen", "done": 2, "total": 10, "percent": 20},
        ],
    }
    assert dashboard.phase_label(row) == ("Verkennen · 90%", "al bezig in Doen · 20%")


def test_peers_in_table_json_csv_and_html(villages: Path, gz, tmp_path: Path) -> None:
    table = gz("peers", str(villages))
    assert table.code == 0, table.err
    assert "actief in: Ooltwijk" in table.out and "begint in: Aardam (in oprichting)" in table.out
    data = json.loads(gz("peers", str(villages), "--json").out)
    beweeg = data["platforms"][0]
    assert [v["name"] for v in beweeg["active"]] == ["Ooltwijk"]
    assert [v["name"] for v in beweeg["starting"]] == ["Aardam"]
    assert [v["name"] for v in data["steps"][0]["villages"]] == ["Aardam", "Ooltwijk"]
    raw = gz("peers", str(villages), "--csv").out.lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(raw), delimiter=";"))
    assert lines[0] == list(peers.CSV_COLUMNS)
    assert any(r[0] == "stap" and r[2] == "Aardam" for r in lines[1:])
    page = tmp_path / "leren.html"
    assert gz("peers", str(villages), "--html", str(page)).code == 0
    assert "Aardam" in page.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- in a browser

PROBE = """<script>
const box = document.querySelector('.tabelvak'), table = box && box.querySelector('table');
const out = parent.document.body.dataset;
out.page = document.documentElement.scrollWidth;
out.view = window.innerWidth;
out.table = table ? table.scrollWidth : 0;
out.box = box ? box.clientWidth : 0;
out.columns = table ? table.querySelectorAll('thead th').length : 0;
</script>"""


def framed(html: str, width: int) -> str:
    """The page in an iframe exactly ``width`` px wide: headless Chromium will not make its
    own window narrower than 500 px, a frame can be a phone."""
    from html import escape

    inner = html.replace("</body>", PROBE + "</body>")
    return (
        f'<!DOCTYPE html><html><body style="margin:0"><iframe srcdoc="{escape(inner)}" '
        f'style="width:{width}px;height:900px;border:0"></iframe></body></html>'
    )


def measure(html: str, width: int, shot: Path | None = None) -> dict[str, int]:
    """Open the page in headless Chromium ``width`` px wide and read the layout it reports."""
    browser = chromium()
    assert browser
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "p.html"
        page.write_text(framed(html, width), encoding="utf-8")
        base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", f"--user-data-dir={tmp}/profiel",
                "--hide-scrollbars", f"--window-size={max(width, 500) + 20},900"]  # fmt: skip
        dom = subprocess.run(
            [*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
        ).stdout
        if shot is not None:
            subprocess.run([*base, f"--screenshot={shot}", page.as_uri()], capture_output=True,
                           timeout=120)  # fmt: skip
    found = dict(re.findall(r'data-(page|view|table|box|columns)="(\d+)"', dom))
    assert len(found) == 5, dom[-500:]
    return {k: int(v) for k, v in found.items()}


needs_chromium = pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")


@pytest.fixture
def page_html(villages: Path, gz, tmp_path: Path) -> str:
    page = tmp_path / "overzicht.html"
    gz("portfolio", str(villages), "--html", str(page))
    return page.read_text(encoding="utf-8")


@needs_chromium
def test_phone_width_has_no_horizontal_page_scroll(page_html: str) -> None:
    keep = os.environ.get("GZCTL_KEEP_SCREENSHOT")
    m = measure(page_html, 375, Path(keep) if keep else None)
    assert m["page"] <= m["view"] <= 375, m  # the page fits; the table scrolls in its box
    assert m["columns"] == len(dashboard.TABLE_COLUMNS)


@needs_chromium
def test_desktop_width_shows_every_column_without_scrolling(page_html: str) -> None:
    m = measure(page_html, 1280)
    assert m["page"] <= m["view"], m
    assert m["table"] <= m["box"], m


@needs_chromium
def test_print_is_a4_landscape_with_every_column(page_html: str, tmp_path: Path) -> None:
    browser = chromium()
    assert browser
    source = tmp_path / "print.html"
    source.write_text(page_html, encoding="utf-8")
    pdf = tmp_path / "overzicht.pdf"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", f"--user-data-dir={tmp_path}/profiel",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri()],
        capture_output=True, timeout=120,
    )  # fmt: skip
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = {tuple(round(float(x)) for x in b.split()) for b in re.findall(
        rb"/MediaBox\s*\[([^\]]*)\]", data)}  # fmt: skip
    assert boxes == {(0, 0, 842, 595)}, boxes  # A4, landscape
    # the print styles, applied on screen at the printable width of A4 landscape (277 mm at
    # 96 dpi): the whole table fits, no column is cut off
    printed = page_html.replace("@media print", "@media all").replace("@page", "@media none")
    m = measure(printed, 1047)
    assert m["table"] <= m["box"] + 1, m
    assert m["columns"] == len(dashboard.TABLE_COLUMNS)
