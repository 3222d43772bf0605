"""DOCX from the rendered Markdown, with python-docx.

The Markdown templates are the single source of a document's content; this module maps the
small Markdown subset they use onto Word: headings (#, ##, ###), paragraphs (a trailing
backslash is a line break), bullet and numbered lists, task lists (- [ ] / - [x]) as tick
boxes, tables, **bold** and *italic*, block quotes, and ``<!-- nieuwe pagina -->`` as a page
break. So partners can edit in Word what the Markdown and HTML show.

Speed and determinism: python-docx needs ~15 ms to open its default template and as much
to save a package, too slow for 500 letters. So one :class:`DocxBuilder` opens the template
once, reuses that document (body emptied per file) and writes the zip itself: every part
except ``word/document.xml`` and ``docProps/core.xml`` is serialised once. Zip entries get
a fixed date and the core properties a fixed moment, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
import zlib
from typing import Any

PAGE_BREAK = "<!-- nieuwe pagina -->"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INLINE = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#])")


# (crc32, uncompressed size, deflated bytes)
Packed = tuple[int, int, bytes]


def _pack(data: bytes) -> Packed:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), c.compress(data) + c.flush()


def _zip(members: list[tuple[str, Packed]]) -> bytes:
    """A zip archive of already deflated members, with a fixed date: the same members give
    the same bytes, and the unchanging parts of a DOCX are compressed only once."""
    dos_time, dos_date = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00
    out = io.BytesIO()
    central = []
    for name, (crc, size, packed) in members:
        raw = name.encode("utf-8")
        offset = out.tell()
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dos_time, dos_date, crc,
                        len(packed), size, len(raw), 0)
        )  # fmt: skip
        out.write(raw)
        out.write(packed)
        central.append(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, dos_time, dos_date,
                        crc, len(packed), size, len(raw), 0, 0, 0, 0, 0o644 << 16, offset)
            + raw
        )  # fmt: skip
    start = out.tell()
    for entry in central:
        out.write(entry)
    end = out.tell()
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          end - start, start, 0))  # fmt: skip
    return out.getvalue()


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _split_unescaped(text: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is not preceded by a backslash."""
    parts, current, i = [], "", 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current += text[i : i + 2]
            i += 2
            continue
        if c == sep:
            parts.append(current)
            current = ""
        else:
            current += c
        i += 1
    parts.append(current)
    return parts


class DocxBuilder:
    """Builds many DOCX files fast from Markdown; see the module docstring."""

    def __init__(self, moment: dt.datetime) -> None:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        doc = Document()
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
        section.left_margin = section.right_margin = Cm(2.3)
        section.top_margin, section.bottom_margin = Cm(1.7), Cm(1.5)
        normal = doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(4)
        for name, size, before in (("Heading 1", 16, 10), ("Heading 2", 12.5, 10),
                                   ("Heading 3", 11, 8)):  # fmt: skip
            style = doc.styles[name]
            style.font.size = Pt(size)
            style.font.name = "Calibri"
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(3)
            style.paragraph_format.keep_with_next = True
        self.usable_width = section.page_width - section.left_margin - section.right_margin
        props = doc.core_properties
        props.author = "gzctl"
        props.last_modified_by = "gzctl"
        props.revision = 1
        props.created = props.modified = moment.replace(tzinfo=None)
        props.comments = ""
        self.doc = doc
        self.body = doc.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        for child in list(self.body):
            if child is not self.sect_pr:
                self.body.remove(child)
        # serialise every part but the document and the core properties once
        buffer = io.BytesIO()
        doc.save(buffer)
        with zipfile.ZipFile(buffer) as z:
            # compressed once: only the document and its core properties change per file
            self.members = [(i.filename, _pack(z.read(i.filename))) for i in z.infolist()]
        self._style_ids: dict[str, str] = {}
        self._table_style = "Table Grid" if "Table Grid" in [s.name for s in doc.styles] else None

    # ---------------------------------------------------------------- building

    def build(self, markdown: str, title: str) -> bytes:
        from lxml import etree

        for child in list(self.body):
            if child is not self.sect_pr:
                self.body.remove(child)
        self._convert(markdown)
        self.doc.core_properties.title = title
        document_xml = etree.tostring(
            self.doc.element, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        core_xml = etree.tostring(
            self.doc.core_properties._element,
            xml_declaration=True,
            encoding="UTF-8",
            standalone=True,
        )
        members = []
        for name, packed in self.members:
            if name == "word/document.xml":
                packed = _pack(document_xml)
            elif name == "docProps/core.xml":
                packed = _pack(core_xml)
            members.append((name, packed))
        return _zip(members)

    def _paragraph(self, style: str | None = None) -> Any:
        """A new w:p at the end of the body, as an lxml element.

        python-docx's Paragraph/Run API finds the insertion point and sets text character
        by character; for hundreds of letters that is most of the time. The same
        WordprocessingML is made here directly on python-docx's oxml elements."""
        from lxml.etree import SubElement

        p = self.body.makeelement(_W + "p")
        self.sect_pr.addprevious(p)  # append before the section properties, O(1)
        if style:
            style_id = self._style_ids.get(style)
            if style_id is None:  # looked up once: python-docx scans styles.xml every time
                style_id = self._style_ids[style] = self.doc.styles[style].style_id
            SubElement(SubElement(p, _W + "pPr"), _W + "pStyle").set(_W + "val", style_id)
        return p

    @staticmethod
    def _run(p: Any, text: str = "", bold: bool = False, italic: bool = False) -> Any:
        from lxml.etree import SubElement

        r = SubElement(p, _W + "r")
        if bold or italic:
            props = SubElement(r, _W + "rPr")
            if bold:
                SubElement(props, _W + "b")
            if italic:
                SubElement(props, _W + "i")
        if text:
            t = SubElement(r, _W + "t")
            t.text = text
            if text != text.strip():
                t.set(_XML_SPACE, "preserve")
        return r

    @staticmethod
    def _break(p: Any, page: bool = False) -> None:
        from lxml.etree import SubElement

        br = SubElement(SubElement(p, _W + "r"), _W + "br")
        if page:
            br.set(_W + "type", "page")

    def _runs(self, p: Any, text: str) -> None:
        """Inline **bold** and *italic*; a trailing backslash ends a line."""
        lines = text.split("\n")
        for n, line in enumerate(lines):
            for piece in _INLINE.split(line):
                if not piece:
                    continue
                if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
                    self._run(p, unescape(piece[2:-2]), bold=True)
                elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                    self._run(p, unescape(piece[1:-1]), italic=True)
                else:
                    self._run(p, unescape(piece))
            if n < len(lines) - 1:
                self._break(p)

    def _convert(self, markdown: str) -> None:
        lines = markdown.split("\n")
        i = 0
        paragraph: list[str] = []

        def flush() -> None:
            if paragraph:
                text = "\n".join(line[:-1] if line.endswith("\\") else line for line in paragraph)
                self._runs(self._paragraph(), text)
                paragraph.clear()

        while i < len(lines):
            line = lines[i].rstrip()
            stripped = line.strip()
            if not stripped:
                flush()
                i += 1
                continue
            if stripped == PAGE_BREAK:
                flush()
                self._break(self._paragraph(), page=True)
                i += 1
                continue
            if stripped.startswith("<!--"):
                flush()
                i += 1
                continue
            m = re.match(r"^(#{1,4})\s+(.*)$", line)
            if m:
                flush()
                level = len(m.group(1))
                self._runs(self._paragraph(f"Heading {level}"), m.group(2))
                i += 1
                continue
            if re.match(r"^(-{3,}|\*{3,})$", stripped):
                flush()
                i += 1
                continue
            m = re.match(r"^[-*]\s+\[([ xX])\]\s+(.*)$", line)
            if m:
                flush()
                para = self._paragraph()
                self._run(para, "☒ " if m.group(1).lower() == "x" else "☐ ")
                text, i = self._continued(lines, i + 1, m.group(2))
                self._runs(para, text)
                continue
            m = re.match(r"^[-*]\s+(.*)$", line)
            if m:
                flush()
                text, i = self._continued(lines, i + 1, m.group(1))
                self._runs(self._paragraph("List Bullet"), text)
                continue
            m = re.match(r"^\d+[.)]\s+(.*)$", line)
            if m:
                flush()
                text, i = self._continued(lines, i + 1, m.group(1))
                self._runs(self._paragraph("List Number"), text)
                continue
            if stripped.startswith(">"):
                flush()
                quote = []
                while i < len(lines) and lines[i].strip().startswith(">"):
                    quote.append(lines[i].strip()[1:].strip())
                    i += 1
                style = "Quote" if "Quote" in self._style_names() else None
                para = self._paragraph(style)
                self._runs(para, " ".join(q.rstrip("\\") for q in quote))
                continue
            if stripped.startswith("|"):
                flush()
                rows = []
                while i < len(lines) and lines[i].strip().startswith("|"):
                    rows.append(lines[i].strip())
                    i += 1
                self._table(rows)
                continue
            paragraph.append(line)
            i += 1
        flush()

    def _continued(self, lines: list[str], i: int, first: str) -> tuple[str, int]:
        """A list item may go on over indented lines."""
        parts = [first]
        while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
            parts.append(lines[i].strip())
            i += 1
        text = "\n".join(p[:-1] if p.endswith("\\") else p for p in parts)
        if not any(p.endswith("\\") for p in parts):
            text = " ".join(parts)
        return text, i

    _styles: list[str] | None = None

    def _style_names(self) -> list[str]:
        if self._styles is None:
            self._styles = [s.name for s in self.doc.styles]
        return self._styles

    def _table(self, rows: list[str]) -> None:
        from docx.table import Table

        cells = [[c.strip() for c in _split_unescaped(r.strip("|"), "|")] for r in rows]
        # the |---|---| line under the header is layout, not a row
        cells = [r for r in cells if not all(re.fullmatch(r":?-{2,}:?", c) for c in r)]
        if not cells:
            return
        width = max(len(r) for r in cells)
        table: Table = self.doc.add_table(rows=len(cells), cols=width)
        # add_table appended before sectPr already; style and fill
        if self._table_style:
            table.style = self.doc.styles[self._table_style]
        # columns as wide as their longest text asks (between 12% and 60% of the page)
        longest = [max(len(r[c]) if c < len(r) else 0 for r in cells) for c in range(width)]
        shares = [min(max(n / max(sum(longest), 1), 0.12), 0.6) for n in longest]
        table.autofit = False
        for c, share in enumerate(shares):
            column_width = int(self.usable_width * share / sum(shares))
            table.columns[c].width = column_width
            for cell in table.columns[c].cells:
                cell.width = column_width
        for r, row in enumerate(cells):
            for c in range(width):
                cell = table.cell(r, c)
                para = cell.paragraphs[0]._p
                text = row[c] if c < len(row) else ""
                if r == 0:
                    self._run(para, unescape(text.replace("**", "")), bold=True)
                else:
                    self._runs(para, text)
        # a little air after a table
        self._paragraph()
