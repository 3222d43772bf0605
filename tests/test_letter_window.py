"""Letters that fit the envelope: printed as a recipient does (Chromium for the HTML,
LibreOffice for the DOCX), the address block of every kind of letter sits in the window of
the country's standard window envelope, there is room to sign, and the letter stays on its
pages. The positions are measured in the PDF with ``pdftotext -bbox``.

The windows below are the standards, not the values in land.toml, so a wrong value there
fails here too:
- NL (NEN 1026 / PostNL, the window on the left): the address's first line 40-52 mm from the
  top of the A4 sheet and 20-25 mm from its left edge;
- BE (C5/6 and DL window envelopes, the window on the right, 100 x 45 mm, 20 mm from the
  envelope's right edge, bpost keeps the top 40 mm free): 48-60 mm from the top, 100-120 mm
  from the left."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "printcheck.py"
WINDOWS = {  # country: ((top min, top max), (left min, left max)), mm on the A4 sheet
    "nl": ((40.0, 52.0), (20.0, 25.0)),
    "be": ((48.0, 60.0), (100.0, 120.0)),
}
SIGNING_MM = 15  # blank room above the signers' names, for a handwritten signature
MM_PER_PT = 25.4 / 72
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def _printcheck():
    spec = importlib.util.spec_from_file_location("printcheck", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["printcheck"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("country", sorted(WINDOWS))
def test_the_countrys_letter_position_is_in_its_window(country: str) -> None:
    letter = tomllib.loads(
        (ROOT / "playbooks" / "landen" / country / "land.toml").read_text(encoding="utf-8")
    )["brief"]
    (top_lo, top_hi), (left_lo, left_hi) = WINDOWS[country]
    assert top_lo <= letter["adres_boven_mm"] <= top_hi
    assert left_lo <= letter["adres_links_mm"] <= left_hi


def test_both_renderers_take_the_position_from_the_country() -> None:
    """The print style and the Word file follow land.brief (no printer needed)."""
    from gzctl.core.country import Letter
    from gzctl.documents.docx import DocxBuilder
    from gzctl.documents.render import Renderer

    md = (
        "<!-- briefhoofd -->\n**Net**\\\nKerkstraat 12\\\n8899 Heuvelkerke\n"
        "<!-- /briefhoofd -->\n\n"
        "Gemeente Leiebeke\\\nMarkt 1\n<!-- ruimte -->\n\nBel 0470 12 34 56.\n\n<!-- slot -->\n"
        "Met vriendelijke groet,\n\n<!-- ruimte -->\n\nAn Peeters\n"
    )
    letter = Letter(52, 108, 16, 20, 16, 22, "{plaats}, {datum}")
    import datetime as dt
    import io
    import zipfile

    data = DocxBuilder(dt.datetime(2026, 12, 7), "nl-BE", letter).build(md, "Brief")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert f'w:left="{round(86 * 1440 / 25.4)}"' in xml  # 108 - 22 mm indent
    assert "0470\u00a012\u00a034\u00a056" in xml  # the number never breaks
    assert 'w:line="794" w:lineRule="exact"' in xml  # 14 mm, with the spacing 15 to sign
    renderer = Renderer(ROOT / "nowhere")
    shell = renderer._render(
        "_base/pagina.html.j2", renderer.html,
        {"titel": "Brief", "inhoud": "", "brief": {"adres_boven_mm": 52, "adres_links_mm": 108,
         "marge_boven_mm": 16, "marge_rechts_mm": 20, "marge_onder_mm": 16,
         "marge_links_mm": 22}},
    )  # fmt: skip
    assert ".brief .briefhoofd { height: 30mm; margin-bottom: 6mm; }" in shell
    assert ".adres { margin: 0 0 4mm 86mm;" in shell


def _build(country: str, folder: Path) -> Path:
    env = {**os.environ, "GZCTL_NOW": "2026-12-07T10:00:00", "NO_COLOR": "1",
           "GZCTL_USER": "tester"}  # fmt: skip
    extra = ["--vlaanderen"] if country == "be" else []
    subprocess.run([sys.executable, "-m", "gzctl", "demo", *extra, str(folder)], check=True,
                   env=env, cwd=ROOT, stdout=subprocess.DEVNULL, timeout=300)  # fmt: skip
    subprocess.run([sys.executable, "-m", "gzctl", "docs", "build"], check=True, env=env,
                   cwd=folder, stdout=subprocess.DEVNULL, timeout=300)  # fmt: skip
    return folder / "documenten"


def _letters(docs: Path) -> list[str]:
    """One letter of each kind: an invitation, the funding request, a thank-you letter."""
    chosen = []
    for kind in ("uitnodiging", "bedankbrief"):
        files = sorted(p for p in (docs / kind).glob("*.md") if not p.name.startswith("alle-"))
        assert files, f"no {kind} in {docs}"
        chosen.append(f"{kind}/{files[0].stem}")
    if (docs / "aanvraag-gemeente.md").exists():  # not where the lokaal bestuur holds the regie
        chosen.append("aanvraag-gemeente")
    return chosen


def _lines(pdf: Path, page: int = 1) -> list[tuple[float, float, float, str]]:
    """A page's lines: (top, left, bottom in mm, text), top to bottom."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for x, y, bottom, word in _WORD.findall(out):
        rows.setdefault(round(float(y), 0), []).append((float(x), float(bottom), word))
    lines = []
    for y, words in sorted(rows.items()):
        words.sort()
        text = " ".join(w for _, _, w in words).replace("&amp;", "&")
        lines.append((y * MM_PER_PT, words[0][0] * MM_PER_PT,
                      max(b for _, b, _ in words) * MM_PER_PT, text))  # fmt: skip
    return lines


def _plain(markdown_line: str) -> str:
    return " ".join(markdown_line.rstrip("\\").replace("**", "").replace("\u00a0", " ").split())


def _address_and_signer(md: Path) -> tuple[str, str, str]:
    """The address's first line, the closing's last line and the first signer's name."""
    lines = md.read_text(encoding="utf-8").split("\n")
    after = lines.index("<!-- /briefhoofd -->") + 1
    address = next(x for x in lines[after:] if x.strip())
    slot = lines.index("<!-- slot -->")
    space = lines.index("<!-- ruimte -->", slot)
    closing = next(x for x in reversed(lines[slot:space]) if x.strip())
    signer = next(x for x in lines[space + 1 :] if x.strip())
    return _plain(address), _plain(closing), _plain(signer)


def _find(
    lines: list[tuple[float, float, float, str]],
    text: str,
    what: str,
    pdf: Path,
    below: float = 0.0,
):
    for line in lines:
        if line[0] > below and " ".join(line[3].replace("\u00a0", " ").split()).startswith(text):
            return line
    raise AssertionError(f"{what} '{text}' not found in {pdf}")


@pytest.mark.parametrize("country", sorted(WINDOWS))
def test_printed_letters_put_the_address_in_the_window(country: str, tmp_path: Path) -> None:
    tool = _printcheck()
    lacking = tool.missing_tools()
    if lacking:
        pytest.skip(
            "Chromium, LibreOffice and poppler-utils are needed to print the letters; "
            f"not installed here: {', '.join(lacking)}"
        )
    docs = _build(country, tmp_path / "dorp")
    letters = _letters(docs)
    pdfs: list[tuple[str, str, Path]] = []
    for rel in letters:
        pdf = tmp_path / "chromium" / f"{rel.replace('/', '--')}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        tool.chromium_pdf(docs / f"{rel}.html", pdf, tmp_path / "chromium-profiel")
        pdfs.append(("chromium", rel, pdf))
    flat = tmp_path / "docx"
    flat.mkdir()
    for rel in letters:
        (flat / f"{rel.replace('/', '--')}.docx").write_bytes((docs / f"{rel}.docx").read_bytes())
    tool.libreoffice_pdfs(sorted(flat.glob("*.docx")), tmp_path / "libreoffice",
                          tmp_path / "lo-profiel")  # fmt: skip
    pdfs += [("libreoffice", rel, tmp_path / "libreoffice" / f"{rel.replace('/', '--')}.pdf")
             for rel in letters]  # fmt: skip
    (top_lo, top_hi), (left_lo, left_hi) = WINDOWS[country]
    problems = []
    for renderer, rel, pdf in pdfs:
        address, closing, signer = _address_and_signer(docs / f"{rel}.md")
        lines = _lines(pdf)
        top, left, _, _ = _find(lines, address, "the address", pdf, below=25.0)
        where = f"{renderer} {country} {rel}"
        if not (top_lo <= top <= top_hi and left_lo <= left <= left_hi):
            problems.append(f"{where}: address at {top:.1f} mm from the top, {left:.1f} mm "
                            f"from the left; the window is {WINDOWS[country]}")  # fmt: skip
        pages = tool.page_texts(pdf)
        if rel != "aanvraag-gemeente" and len(pages) != 1:
            problems.append(f"{where}: {len(pages)} pages, a letter is one")
        page_lines = _lines(pdf, len(pages))  # the signatures end the letter
        closing_line = _find(page_lines, closing, "the closing", pdf)
        signer_line = _find(page_lines, signer, "the signer", pdf, below=closing_line[0])
        room = signer_line[0] - closing_line[2]
        if room < SIGNING_MM:
            problems.append(f"{where}: {room:.1f} mm to sign, at least {SIGNING_MM} needed")
    assert not problems, "\n".join(problems)
