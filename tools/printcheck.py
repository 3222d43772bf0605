"""Look at the documents as their recipients print them: page counts per document and renderer.

    python tools/printcheck.py [--folder DIR] [--only PATTERN ...] [--keep DIR] [--png] [--json]

Builds the demo village (or uses ``--folder``, a project whose ``documenten/`` is built), prints
every HTML file to PDF with headless Chromium (without the browser's own header and footer, as
a secretary prints with "Kop- en voetteksten" off) and converts every DOCX to PDF with
LibreOffice, then reports per document and renderer:

- the number of pages, and the number it may have: what the playbook's ``[[documents]]`` entry
  promises (``pages = 1`` for a letter, a plan on one A4, the card; two for the funding
  request), per part of a file (the combined print file of the letters: one per letter);
- a heading that is the last line of a page (an orphan heading);
- a closing ("Met vriendelijke groet") alone on its page;
- an e-mail address or phone number broken over two lines.

``--png`` also writes 60 dpi PNGs of every page next to the PDFs (``--keep`` keeps them) to look
at. Exit status 1 when a problem is found, 2 when Chromium or LibreOffice is missing.
Needs: chromium, soffice (libreoffice-writer), pdftotext and pdfinfo (poppler-utils).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-22T12:00:00+01:00"

PAGE_BREAK = "<!-- nieuwe pagina -->"
TOOLS = ("chromium", "soffice", "pdftotext", "pdfinfo")


@dataclass
class Result:
    document: str
    renderer: str  # chromium | libreoffice
    pages: int
    allowed: int | None
    problems: list[str] = field(default_factory=list)


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


def build_demo(folder: Path) -> None:
    env = {**os.environ, "GZCTL_NOW": os.environ.get("GZCTL_NOW", NOW), "NO_COLOR": "1"}
    env.setdefault("GZCTL_USER", "printcheck")
    subprocess.run(
        [sys.executable, "-m", "gzctl", "demo", str(folder)],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def chromium_pdf(html: Path, pdf: Path, profile: Path) -> None:
    subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", f"--user-data-dir={profile}",
            "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.resolve().as_uri(),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )  # fmt: skip


def libreoffice_pdfs(docx: list[Path], outdir: Path, profile: Path) -> None:
    """One soffice process for all files (starting it is the slow part)."""
    outdir.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(docx), 99):
        subprocess.run(
            [
                "soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx[start : start + 99]),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=600,
        )  # fmt: skip


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def headings(markdown: Path) -> set[str]:
    found = set()
    for line in markdown.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^#{1,4}\s+(.*)$", line)
        if m:
            found.add(re.sub(r"\\(.)", r"\1", m.group(1).replace("**", "")).strip())
    return found


_PAGE_NUMBER = re.compile(r"^\s*(pagina\s+)?\d+(\s+van\s+\d+)?\s*$", re.IGNORECASE)
_BROKEN = re.compile(r"(\S+@\S*-|\S+-)\s*$")


def _number_broken(item: str, lines: list[str]) -> bool:
    """Whether a phone number starts at the end of one line and goes on at the start of the
    next (other numbers with the same area code elsewhere on the page are no break)."""
    parts = item.replace("\u00a0", " ").split()
    for k in range(1, len(parts)):
        head, rest = " ".join(parts[:k]), " ".join(parts[k:])
        for line, after in zip(lines, lines[1:], strict=False):
            if line.endswith(head) and after.startswith(rest):
                return True
    return False


def problems_in(pages: list[str], heads: set[str], contacts: set[str]) -> list[str]:
    """Orphan headings, a closing alone on its page, broken e-mail addresses and numbers."""
    out = []
    for n, text in enumerate(pages, start=1):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln)]
        if not lines:
            continue
        last = re.split(r"\s{3,}", lines[-1])[0]
        if n < len(pages) and last in heads:
            out.append(f"kop '{last}' staat alleen onderaan pagina {n}")
        if n > 1 and lines[0].startswith("Met vriendelijke groet"):
            out.append(f"de groet staat alleen bovenaan pagina {n}")
        flat = " ".join(lines)
        for item in contacts:
            if "@" in item:
                first = item.split("\u00a0")[0].split()[0]
                if first in flat and item not in re.sub(r"\s+", " ", flat):
                    out.append(f"'{item}' is afgebroken op pagina {n}")
            elif re.search(r"\d", item) and _number_broken(item, lines):
                out.append(f"'{item}' is afgebroken op pagina {n}")
    return sorted(set(out))


def contacts_in(markdown: Path) -> set[str]:
    text = markdown.read_text(encoding="utf-8").replace("\\", "")
    mails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    phones = set(re.findall(r"\b0\d{2,3}[ \u00a0]\d{3}[ \u00a0]?\d{3,4}\b", text))
    return mails | phones


def page_limits(folder: Path) -> dict[str, int]:
    """The most pages per file of each document, from the project's playbook."""
    from gzctl.network.session import open_project

    opened = open_project(str(folder))
    return {d.id: d.pages for d in opened.playbook.documents if d.pages}


def allowed_pages(rel: str, docs: Path, limits: dict[str, int]) -> int | None:
    """The playbook's promise for the document ``rel`` belongs to (the manifest says which),
    times the parts of the file (a print file of many letters: one part per letter)."""
    manifest = json.loads((docs / ".gzctl-manifest.json").read_text(encoding="utf-8"))
    entry = manifest["files"].get(f"{rel}.md") or manifest["files"].get(f"{rel}.html") or {}
    limit = limits.get(entry.get("document", ""))
    if limit is None:
        return None
    md = docs / f"{rel}.md"
    parts = md.read_text(encoding="utf-8").count(PAGE_BREAK) + 1 if md.is_file() else 1
    return limit * parts


def check(folder: Path, work: Path, only: list[str], png: bool) -> list[Result]:
    docs = folder / "documenten"
    files = sorted(p for p in docs.rglob("*.html") if ".nieuw." not in p.name)
    rels = [p.relative_to(docs).with_suffix("").as_posix() for p in files]
    if only:
        rels = [r for r in rels if any(fnmatch.fnmatch(r, pat) for pat in only)]
    limits = page_limits(folder)
    results: list[Result] = []
    chrome_profile = work / "chromium-profiel"
    for rel in rels:
        pdf = work / "chromium" / f"{rel}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        chromium_pdf(docs / f"{rel}.html", pdf, chrome_profile)
        results.append(_result(rel, "chromium", pdf, docs, limits))
    # one soffice start for all files (starting it is the slow part): flat, unique names
    flat = work / "libreoffice-in"
    flat.mkdir(parents=True, exist_ok=True)
    names = {}
    for rel in rels:
        if (docs / f"{rel}.docx").is_file():
            names[rel] = rel.replace("/", "__")
            shutil.copyfile(docs / f"{rel}.docx", flat / f"{names[rel]}.docx")
    lo_out = work / "libreoffice"
    if names:
        libreoffice_pdfs([flat / f"{n}.docx" for n in names.values()], lo_out, work / "lo-profiel")
    for rel, name in names.items():
        pdf = lo_out / f"{rel}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        if (lo_out / f"{name}.pdf").is_file():
            (lo_out / f"{name}.pdf").replace(pdf)
            results.append(_result(rel, "libreoffice", pdf, docs, limits))
    if png and shutil.which("pdftoppm"):
        for pdf in sorted(work.rglob("*.pdf")):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True
            )
    return results


def _result(rel: str, renderer: str, pdf: Path, docs: Path, limits: dict[str, int]) -> Result:
    pages = page_texts(pdf)
    md = docs / f"{rel}.md"
    heads = headings(md) if md.is_file() else set()
    contacts = contacts_in(md) if md.is_file() else set()
    allowed = allowed_pages(rel, docs, limits)
    problems = problems_in(pages, heads, contacts)
    if allowed is not None and len(pages) > allowed:
        problems.insert(0, f"{len(pages)} pagina's, mag {allowed}")
    return Result(rel, renderer, len(pages), allowed, problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, help="a project with built documenten/")
    parser.add_argument("--only", nargs="*", default=[], help="paths like 'uitnodiging/*'")
    parser.add_argument("--keep", type=Path, help="write the PDFs (and PNGs) here")
    parser.add_argument("--png", action="store_true", help="also write PNGs of every page")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    lacking = missing_tools()
    if lacking:
        print("Niet geïnstalleerd: " + ", ".join(lacking), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="printcheck-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        folder = args.folder
        if folder is None:
            folder = Path(tmp) / "voorbeelddorp"
            build_demo(folder)
        results = check(folder, work, args.only, args.png)
    bad = [r for r in results if r.problems]
    if args.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            limit = f"/{r.allowed}" if r.allowed is not None else ""
            mark = "FOUT" if r.problems else "ok"
            print(f"{mark:4}  {r.renderer:11}  {r.pages}{limit:3} p.  {r.document}")
            for p in r.problems:
                print(f"        - {p}")
        print(f"{len(results)} afdrukken bekeken, {len(bad)} met een probleem.")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
