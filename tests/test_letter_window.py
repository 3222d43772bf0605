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

import html
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


def _gz(folder: Path | None, now: str, *args: str, check: bool = True) -> None:
    env = {**os.environ, "GZCTL_NOW": now, "NO_COLOR": "1", "GZCTL_USER": "tester"}
    where = ["-C", str(folder)] if folder else []
    subprocess.run([sys.executable, "-m", "gzctl", *where, *args], check=check, env=env,
                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)  # fmt: skip


def _build(country: str, folder: Path) -> Path:
    """Both demos on 7 December, plus the letters that come later in a network's life: the
    renewal request (the Coördinator started a year ago) and the welcome letter (an
    organisation joins after the first network evening)."""
    import datetime as dt

    from gzctl.core import store

    now = "2026-12-07T10:00:00"
    _gz(None, now, "demo", *(["--vlaanderen"] if country == "be" else []), str(folder))
    _gz(folder, now, "docs", "build")
    with store.transaction(folder, "tester", dt.datetime(2026, 12, 7, 12, 0)) as tx:
        tx.project.coordinator.start = dt.date(2026, 1, 5)
        evening = tx.project.answers["verbinden.netwerkavond_datum"]
        later = next(o.id for o in tx.project.organisations if o.status == "benaderd")
    _gz(folder, now, "docs", "build", "--only", "verlengingsaanvraag", check=country == "nl")
    after = f"{evening + dt.timedelta(days=40)}T10:00:00"
    _gz(folder, after, "org", "status", later, "aangesloten")
    _gz(folder, after, "docs", "build", "--only", "welkom")
    return folder / "documenten"


# the kinds of letter each demo writes (a file with a letterhead is a letter); an invitation
# to a type with its own paragraph in land.toml (the dorpsraad, an adviesraad) is a kind
KINDS = {
    "nl": {"aanvraag-gemeente", "bedankbrief", "fondsaanvraag", "uitnodiging",
           "uitnodiging (dorpsraad)", "verlengingsaanvraag", "welkom"},
    # the Flemish demo's lokaal bestuur holds the regie: a nota, no subsidy or renewal letter
    "be": {"bedankbrief", "fondsaanvraag", "uitnodiging", "uitnodiging (adviesraad)", "welkom"},
}  # fmt: skip


def _letters(country: str, docs: Path) -> dict[str, str]:
    """One letter of each kind, the longest (the likeliest to run over its page)."""
    from gzctl.core.store import load

    own = tomllib.loads(
        (ROOT / "playbooks" / "landen" / country / "land.toml").read_text(encoding="utf-8")
    )["uitnodiging"]["types"]
    types = {o.id: o.type for o in load(docs.parent).organisations}
    chosen: dict[str, tuple[int, str]] = {}
    for md in sorted(docs.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        if "<!-- briefhoofd -->" not in text or md.name.startswith("alle-"):
            continue
        rel = md.relative_to(docs).with_suffix("").as_posix()
        kind = rel.split("/")[0]
        if kind == "uitnodiging" and types.get(md.stem) in own:
            kind = f"uitnodiging ({types[md.stem]})"
        if len(text) > chosen.get(kind, (-1, ""))[0]:
            chosen[kind] = (len(text), rel)
    return {kind: rel for kind, (_, rel) in chosen.items()}


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
        text = html.unescape(" ".join(w for _, _, w in words)).replace("\u2019", "'")
        lines.append((y * MM_PER_PT, words[0][0] * MM_PER_PT,
                      max(b for _, b, _ in words) * MM_PER_PT, text))  # fmt: skip
    return lines


def _plain(markdown_line: str) -> str:
    return " ".join(markdown_line.rstrip("\\").replace("**", "").replace("\u00a0", " ").split())


def _parts(md: Path) -> tuple[list[str], list[str], str, list[str]]:
    """The letterhead's lines, the address block's lines, the closing's last line and the
    signers' names."""
    lines = md.read_text(encoding="utf-8").split("\n")
    head = lines.index("<!-- briefhoofd -->")
    after = lines.index("<!-- /briefhoofd -->")
    letterhead = [_plain(x) for x in lines[head + 1 : after] if x.strip()]
    end = lines.index("<!-- ruimte -->", after)
    address = [_plain(x) for x in lines[after + 1 : end] if x.strip()]
    slot = lines.index("<!-- slot -->")
    space = lines.index("<!-- ruimte -->", slot)
    closing = next(x for x in reversed(lines[slot:space]) if x.strip())
    signers, previous = [], ""
    for line in lines[space + 1 :]:
        if line.startswith(("<!--", "#")):
            break
        if line.strip() and not previous.strip():
            signers.append(_plain(line))
        previous = line
    return letterhead, address, _plain(closing), signers


def _find(
    lines: list[tuple[float, float, float, str]],
    text: str,
    below: float = 0.0,
) -> tuple[float, float, float, str] | None:
    for line in lines:
        if line[0] > below and " ".join(line[3].replace("\u00a0", " ").split()).startswith(text):
            return line
    return None


# a postcode and a place: "4197 AC Ooltwijk" (NL), "8899 Heuvelkerke" (BE)
POSTCODE = {"nl": re.compile(r"^\d{4} [A-Z]{2} \S"), "be": re.compile(r"^\d{4} \S")}
ADDRESS_MM = 40  # the window is 45 mm high: the whole block fits, with a little play


def _print(docs: Path, letters: list[str], work: Path) -> list[tuple[str, str, Path]]:
    """Each letter printed as a recipient does: the HTML in Chromium, the DOCX in LibreOffice."""
    tool = _printcheck()
    pdfs: list[tuple[str, str, Path]] = []
    for rel in letters:
        pdf = work / "chromium" / f"{rel.replace('/', '--')}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        tool.chromium_pdf(docs / f"{rel}.html", pdf, work / "chromium-profiel")
        pdfs.append(("chromium", rel, pdf))
    flat = work / "docx"
    flat.mkdir()
    for rel in letters:
        (flat / f"{rel.replace('/', '--')}.docx").write_bytes((docs / f"{rel}.docx").read_bytes())
    tool.libreoffice_pdfs(sorted(flat.glob("*.docx")), work / "libreoffice",
                          work / "lo-profiel")  # fmt: skip
    pdfs += [("libreoffice", rel, work / "libreoffice" / f"{rel.replace('/', '--')}.pdf")
             for rel in letters]  # fmt: skip
    return pdfs


def _measure(country: str, renderer: str, rel: str, pdf: Path, docs: Path) -> list[str]:
    """What keeps one printed letter from going in its envelope as it is."""
    tool = _printcheck()
    where = f"{renderer} {country} {rel}"
    letterhead, address, closing, signers = _parts(docs / f"{rel}.md")
    (top_lo, top_hi), (left_lo, left_hi) = WINDOWS[country]
    problems = []
    first = _lines(pdf)
    found = _find(first, address[0], below=25.0)
    if found is None:
        return [f"{where}: the address '{address[0]}' is not on the first page"]
    top, left = found[0], found[1]
    if not (top_lo <= top <= top_hi and left_lo <= left <= left_hi):
        problems.append(f"{where}: address at {top:.1f} mm from the top, {left:.1f} mm "
                        f"from the left; the window is {WINDOWS[country]}")  # fmt: skip
    last = found
    for line in address[1:]:
        last = _find(first, line, below=last[0]) or last
    if last[2] - top > ADDRESS_MM:
        problems.append(f"{where}: the address block is {last[2] - top:.1f} mm high, "
                        f"more than the window's {ADDRESS_MM} mm")  # fmt: skip
    if not any(POSTCODE[country].match(x) for x in letterhead):
        problems.append(f"{where}: the return address has no postcode and place: {letterhead}")
    printed = " ".join(" ".join(x[3].replace("\u00a0", " ").split()) for x in first)
    for part in (p.strip() for x in letterhead for p in x.split(" · ")):
        if part not in printed:  # a line pushed out of the letterhead is cut off
            problems.append(f"{where}: '{part}' of the letterhead is not printed on page 1")
    pages = tool.page_texts(pdf)
    limit = tool.allowed_pages(rel, docs, tool.page_limits(docs.parent))
    if limit is not None and len(pages) > limit:
        problems.append(f"{where}: {len(pages)} pages, the playbook promises {limit}")
    problems += [f"{where}: {p}" for p in
                 tool.problems_in(pages, tool.headings(docs / f"{rel}.md"),
                                  tool.contacts_in(docs / f"{rel}.md"))]  # fmt: skip
    for page in range(1, len(pages) + 1):  # the page the letter is signed on
        lines = _lines(pdf, page)
        closing_line = _find(lines, closing)
        if closing_line is None:
            continue
        below = lines[lines.index(closing_line) :]
        for name in signers:  # every signer has the room above their name
            row = next((n for n, x in enumerate(below) if name in x[3].replace("\u00a0", " ")),
                       None)  # fmt: skip
            if row is None or row == 0:
                problems.append(f"{where}: the signer '{name}' is not below the closing")
                continue
            room = below[row][0] - below[row - 1][2]
            if room < SIGNING_MM:
                problems.append(f"{where}: {room:.1f} mm for {name} to sign, at least "
                                f"{SIGNING_MM} needed")  # fmt: skip
        break
    else:
        problems.append(f"{where}: the closing '{closing}' is on no page")
    return problems


@pytest.mark.parametrize("country", sorted(WINDOWS))
def test_every_kind_of_letter_prints_to_fit_its_envelope(country: str, tmp_path: Path) -> None:
    """Every kind of letter of the demo (invitations, the one to the village council or
    advisory council, thank-you, welcome, funding and renewal requests), printed in both
    renderers: address in the window, a complete return address, room to sign, the pages
    the playbook promises, no phone number or e-mail address broken over two lines."""
    tool = _printcheck()
    lacking = tool.missing_tools()
    if lacking:
        pytest.skip(
            "Chromium, LibreOffice and poppler-utils are needed to print the letters; "
            f"not installed here: {', '.join(lacking)}"
        )
    docs = _build(country, tmp_path / "dorp")
    letters = _letters(country, docs)
    assert set(letters) == KINDS[country]
    problems = []
    for renderer, rel, pdf in _print(docs, sorted(letters.values()), tmp_path / "print"):
        problems += _measure(country, renderer, rel, pdf, docs)
    assert not problems, "\n".join(problems)
