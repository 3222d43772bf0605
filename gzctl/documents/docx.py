"""DOCX from the rendered Markdown, with python-docx.

The Markdown templates are the single source of a document's content; this module maps the
small Markdown subset they use onto Word: headings (#, ##, ###), paragraphs (a trailing
backslash is a line break), bullet and numbered lists, task lists (- [ ] / - [x]) as tick
boxes, tables, **bold** and *italic*, block quotes, and ``<!-- nieuwe pagina -->`` as a page
break. So partners can edit in Word what the Markdown and HTML show. Four more comments
steer the Word file only: ``<!-- briefhoofd -->`` ... ``<!-- /briefhoofd -->`` (the letterhead,
moved into the first page's header), ``<!-- netwerk: NAME -->`` (the document's author),
``<!-- slot -->`` (from here on, paragraphs keep with the next: the closing stays with the last
paragraph) and ``<!-- ruimte -->`` (an empty line).

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
from typing import TYPE_CHECKING, Any

from gzctl.documents.html import PHONE, is_phone

if TYPE_CHECKING:
    from collections.abc import Callable

    from gzctl.core.country import Letter

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
    """The text with Markdown backslash escapes removed."""
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


# The house style, as in templates/_base/print.css.j2.
GREEN = "1F5E46"
GREY = "5B5B57"
LINE = "C9C6BD"
HEAD_FILL = "EEF3EF"
QUOTE_FILL = "F3F7F4"
QUOTE_LINE = "7FB39A"
FONT = "Calibri"
BOX_FONT = "Segoe UI Symbol"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LETTERHEAD = ("<!-- briefhoofd -->", "<!-- /briefhoofd -->")
_CLOSING = "<!-- slot -->"
_SPACE = "<!-- ruimte -->"
_START = object()
HEADER_DISTANCE = 0.5625  # the header starts at this part of the top margin (9 of 16 mm)
NBSP = "\u00a0"
TWIPS_PER_MM = 1440 / 25.4
SIGNING_MM = 14  # and the closing's spacing: 15 mm of blank room above the signers' names
UNDER_ADDRESS_MM = 3.5  # between the address block and the date line
# the first page's header, in points: the network's name, each sender line, and what the
# green line under them adds (its distance and width); the rest up to the address is blank
HEAD_NAME_PT, HEAD_LINE_PT, HEAD_RULE_PT = 20, 11, 6
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>gzctl</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)  # <!-- slot --> at the very start of the body
_META = re.compile(r"^<!--\s*netwerk:\s*(.*?)\s*-->$")


def _el(tag: str, parent: Any = None, **attrs: str) -> Any:
    """A WordprocessingML element ('w:tag' or 'w14:tag'), attributes in the same prefixes."""
    from lxml.etree import Element, SubElement

    def name(n: str) -> str:
        prefix, _, local = n.partition(":")
        return (_W14 if prefix == "w14" else _W) + local

    el = Element(name(tag)) if parent is None else SubElement(parent, name(tag))
    for key, value in attrs.items():
        el.set(name(key.replace("__", ":")), value)
    return el


def _language(rpr: Any, language: str) -> None:
    lang = rpr.find(_W + "lang")
    if lang is None:
        lang = _el("w:lang", rpr)
    lang.set(_W + "val", language)
    lang.set(_W + "eastAsia", language)
    lang.set(_W + "bidi", "ar-SA")


def _fonts(rpr: Any, font: str = FONT) -> None:
    """Set a fixed font (Calibri, as the HTML) and drop the theme fonts that would win."""
    fonts = rpr.find(_W + "rFonts")
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(_W + attr, font)


_PLAIN: dict[str, Any] = {}


def _plain_rpr(language: str) -> Any:
    """A copy of <w:rPr><w:lang w:val="nl-NL"/></w:rPr> (with the document's language)."""
    import copy

    if language not in _PLAIN:
        _PLAIN[language] = _el("w:rPr")
        _el("w:lang", _PLAIN[language], w__val=language)
    return copy.deepcopy(_PLAIN[language])


def _letter_texts(markdown: str) -> list[str]:
    """A letter document's Markdown cut at its page breaks (a line of just the marker, as the
    template writes it between letters); a marker indented or elsewhere stays inside."""
    texts: list[list[str]] = [[]]
    for line in markdown.split("\n"):
        if line.startswith(PAGE_BREAK) and line.rstrip() == PAGE_BREAK:
            texts.append([])
        else:
            texts[-1].append(line)
    return ["\n".join(t) for t in texts]


def _dutch_letter() -> Letter:
    from gzctl.core.country import Letter

    return Letter(46, 22, 16, 20, 16, 22, "{plaats}, {datum}")


def _phones_whole(text: str) -> str:
    """Phone numbers with no-break spaces, so that they never break over two lines."""
    return PHONE.sub(lambda m: m.group(0).replace(" ", NBSP) if is_phone(m.group(0))
                     else m.group(0), text)  # fmt: skip


def _is_heading(p: Any) -> bool:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return style is not None and str(style.get(_W + "val", "")).startswith("Heading")


def _keep_next(p: Any) -> None:
    """w:keepNext in schema order (after pStyle, before everything else)."""
    ppr = p.find(_W + "pPr")
    if ppr is None:
        ppr = _el("w:pPr")
        p.insert(0, ppr)
    if ppr.find(_W + "keepNext") is not None:
        return
    style = ppr.find(_W + "pStyle")
    ppr.insert(1 if style is not None else 0, _el("w:keepNext"))


def _table_borders(table: Any) -> None:
    """Light borders on every side and cell padding for a table, in schema order."""
    tbl_pr = table._tbl.tblPr
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _el(f"w:{side}", borders, w__val="single", w__sz="4", w__space="0", w__color=LINE)
    margins = _el("w:tblCellMar")
    for side, value in (("top", "57"), ("left", "113"), ("bottom", "57"), ("right", "113")):
        _el(f"w:{side}", margins, w__w=value, w__type="dxa")
    # schema order in tblPr: ... tblW, jc, ..., tblBorders, shd, tblLayout, tblCellMar, tblLook
    look = tbl_pr.find(_W + "tblLook")
    for el in (borders, margins):
        if look is not None:
            look.addprevious(el)
        else:
            tbl_pr.append(el)


def _localise_styles(doc: Any, language: str) -> None:
    """Sets ``language`` and the house font on every style and the document defaults,
    drops theme colours, and gives the settings Dutch decimal and list separators."""
    # every style: the language and the house font, no theme colour left from the template
    for style in doc.styles.element.findall(_W + "style"):
        rpr = style.find(_W + "rPr")
        if rpr is None:
            rpr = _el("w:rPr", style)
        _language(rpr, language)
        if style.get(_W + "type") in ("paragraph", "character", "table"):
            _fonts(rpr)
        color = rpr.find(_W + "color")
        if color is not None:
            for attr in list(color.attrib):
                if "theme" in attr:
                    del color.attrib[attr]
    defaults = doc.styles.element.find(_W + "docDefaults")
    if defaults is not None:
        rpr = defaults.find(f"{_W}rPrDefault/{_W}rPr")
        if rpr is not None:
            _language(rpr, language)
            _fonts(rpr)
    settings = doc.settings.element
    theme_lang = settings.find(_W + "themeFontLang")
    if theme_lang is not None:
        theme_lang.set(_W + "val", language)
    for tag, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        el = settings.find(_W + tag)
        if el is not None:
            el.set(_W + "val", value)


def _property(text: str, limit: int = 255) -> str:
    """``text`` cut to fit a DOCX core property (at most ``limit`` characters)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DocxBuilder:
    """Builds many DOCX files fast from Markdown; see the module docstring.

    The house style is set once on the template: Calibri 10.5 pt, headings in the network's
    green, language nl-NL on the document defaults, on every style and on every run, A4 with
    the HTML's margins, light table borders with padding, a letterhead in the first page's
    header (from the Markdown's ``<!-- briefhoofd -->`` block) and "pagina X van Y" in the
    footer from page 2 on (a one-page document shows none)."""

    def __init__(self, moment: dt.datetime, language: str, letter: Letter | None = None) -> None:
        """``language``: the document language of the village's country (nl-NL, nl-BE), on
        every style, every run and the core properties (Word's spelling check). ``letter``:
        the country's letter conventions (margins, where the address block sits for its
        window envelope); without it the Dutch ones."""
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Cm, Mm, Pt, RGBColor

        self.language = language
        doc = Document()
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
        self.letter = letter or _dutch_letter()
        section.left_margin = Mm(self.letter.margin_left_mm)
        section.right_margin = Mm(self.letter.margin_right_mm)
        section.top_margin = Mm(self.letter.margin_top_mm)
        section.bottom_margin = Mm(self.letter.margin_bottom_mm)
        section.header_distance = Mm(self.letter.margin_top_mm * HEADER_DISTANCE)
        section.footer_distance = Cm(0.8)
        section.different_first_page_header_footer = True
        normal = doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.1
        normal.paragraph_format.widow_control = True
        for name, size, before in (("Heading 1", 16, 6), ("Heading 2", 12.5, 9),
                                   ("Heading 3", 11, 7)):  # fmt: skip
            style = doc.styles[name]
            style.font.size = Pt(size)
            style.font.name = FONT
            style.font.bold = True
            style.font.color.rgb = RGBColor.from_string(GREEN if name != "Heading 3" else "1D1D1B")
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(3)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.keep_together = True
        for name in ("List Bullet", "List Number"):
            doc.styles[name].paragraph_format.space_after = Pt(2)
        quote = doc.styles["Quote"]
        quote.font.color.rgb = RGBColor.from_string("1D1D1B")
        ppr = quote.element.get_or_add_pPr()
        borders = _el("w:pBdr", ppr)
        _el("w:left", borders, w__val="single", w__sz="18", w__space="6", w__color=QUOTE_LINE)
        _el("w:shd", ppr, w__val="clear", w__color="auto", w__fill=QUOTE_FILL)
        ind = _el("w:ind", ppr, w__left="170", w__right="170")
        del ind  # (position in pPr is tolerated by Word and LibreOffice)
        _localise_styles(doc, language)
        self.usable_width = section.page_width - section.left_margin - section.right_margin
        # headers and footers: the first page carries the letterhead, the others a small
        # running head; page numbers from page 2 on
        self.first_header = section.first_page_header.part
        self.header = section.header.part
        section.first_page_footer.is_linked_to_previous = False
        footer = section.footer
        para = footer.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pieces = ("pagina ", "PAGE", " van ", "NUMPAGES")
        for piece in pieces:
            if piece.isupper():
                fld = _el("w:fldSimple", para._p, w__instr=f" {piece} ")
                self._run(fld, "1", size=16, color=GREY)
            else:
                self._run(para._p, piece, size=16, color=GREY)
        props = doc.core_properties
        props.author = ""
        props.last_modified_by = ""
        props.revision = 1
        props.created = props.modified = moment.replace(tzinfo=None)
        props.comments = "Gemaakt met gzctl"
        props.language = language
        props.subject = ""
        props.keywords = ""
        props.category = ""
        # no thumbnail of python-docx's empty template in the file
        package = doc.part.package
        for r_id, rel in list(package.rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del package.rels[r_id]
        self.doc = doc
        self.body = doc.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        for child in list(self.body):
            if child is not self.sect_pr:
                self.body.remove(child)
        # serialise every part but the document, its headers and the core properties once
        buffer = io.BytesIO()
        doc.save(buffer)
        self.first_header_name = str(self.first_header.partname).lstrip("/")
        self.header_name = str(self.header.partname).lstrip("/")
        with zipfile.ZipFile(buffer) as z:
            self.members = []
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                    # stylesWithEffects too
                    data = data.replace(b'"en-US"', b'"' + language.encode("ascii") + b'"')
                elif info.filename == "docProps/app.xml":
                    data = _APP_XML  # not the template's "Microsoft Macintosh Word", 0 words
                self.members.append((info.filename, _pack(data)))
        self._style_ids: dict[str, str] = {}
        self._table_style = "Table Grid" if "Table Grid" in [s.name for s in doc.styles] else None
        self._keep_from: Any = None  # the element before <!-- slot --> (or the sectPr)
        self._letters = False
        self._signers: list[str] | None = None  # a letter's signers, once its room to sign
        # a letter's body XML by :meth:`page_key` (docs build keeps it between runs, beside
        # the HTML pages): the print file of all letters converts only its changed letters
        self.pages: dict[str, str] | None = None
        self._page_salt: str | None = None

    # ---------------------------------------------------------------- building

    def build(self, markdown: str, title: str) -> bytes:
        """The DOCX file (bytes) for a Markdown document, in the template's styles."""
        from lxml import etree

        for child in list(self.body):
            if child is not self.sect_pr:
                self.body.remove(child)
        letterhead, network, markdown = self._split_letterhead(markdown)
        self._fill_headers(letterhead, network)
        self._letters = bool(letterhead)
        self._signers = self._keep_from = None
        letters = self._letter_pages(markdown) if self._letters else None
        if letters is None:
            self._convert(markdown)
        props = self.doc.core_properties
        # the core properties hold at most 255 characters (python-docx refuses more): a
        # longer title or network name is cut there, with '…'; the document keeps it whole
        props.title = _property(title)
        props.author = _property(network)
        props.last_modified_by = _property(network)
        document_xml = etree.tostring(
            self.doc.element, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        if letters is not None:  # the letters' XML where the body's content goes
            at = document_xml.index(b"<w:body>") + len(b"<w:body>")
            document_xml = document_xml[:at] + letters.encode("utf-8") + document_xml[at:]
        core_xml = etree.tostring(
            self.doc.core_properties._element,
            xml_declaration=True,
            encoding="UTF-8",
            standalone=True,
        )
        changed = {
            "word/document.xml": document_xml,
            "docProps/core.xml": core_xml,
            self.first_header_name: etree.tostring(
                self.first_header.element, xml_declaration=True, encoding="UTF-8", standalone=True
            ),
            self.header_name: etree.tostring(
                self.header.element, xml_declaration=True, encoding="UTF-8", standalone=True
            ),
        }
        members = []
        for name, packed in self.members:
            if name in changed:
                packed = _pack(changed[name])
            members.append((name, packed))
        return _zip(members)

    def _letter_pages(self, markdown: str) -> str:
        """The body XML (without the section properties) of a letter document, converted
        letter by letter: the Markdown is cut at its page breaks, each letter is converted
        on its own into the emptied body, ends in its section break (all but the last) and
        is serialised as it stands in the document. A letter's XML depends on its own
        Markdown only, so it is taken from :attr:`pages` when there (keyed by
        :meth:`page_key`) and added to it when not. Converting letter by letter is what
        converting the whole does (every letter starts as the first one: its first
        paragraph the address block, nothing kept or to sign from before), except that
        "keep with next" never reaches over a page break, where a new section starts anyway.

        The body is left empty; the caller splices the XML in after ``<w:body>``."""
        from lxml import etree

        texts = _letter_texts(markdown)
        # one letter alone is made only when it changed: nothing to keep
        pages = self.pages if len(texts) > 1 else None
        out = []
        for n, text in enumerate(texts):
            last = n == len(texts) - 1
            key = self.page_key(text, last) if pages is not None else ""
            xml = pages.get(key) if pages is not None else None
            if xml is None:
                self._convert(text)
                if not last:
                    self._section_break()
                whole = etree.tostring(self.body, encoding="unicode")
                # the body's own sectPr is its last child and holds no other one
                xml = whole[whole.index(">") + 1 : whole.rindex("<w:sectPr")]
                for child in list(self.body):
                    if child is not self.sect_pr:
                        self.body.remove(child)
                if pages is not None:
                    pages[key] = xml
            out.append(xml)
        return "".join(out)

    def page_key(self, text: str, last: bool) -> str:
        """The key of a letter's body XML in :attr:`pages`: SHA-256 of everything it is made
        from besides its Markdown ``text`` too (this module's code, python-docx's template,
        the language, the letter conventions, whether a section break ends it)."""
        import hashlib

        if self._page_salt is None:
            from pathlib import Path

            from gzctl import __version__

            try:
                code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
            except OSError:  # pragma: no cover - no source beside the module
                code = ""
            import docx

            version = getattr(docx, "__version__", "")
            salt = (__version__, code, version, self.language, repr(self.letter))
            self._page_salt = "docx\0" + "\0".join(salt)
        data = f"{self._page_salt}\0{int(last)}\0{text}".encode()
        return "docx:" + hashlib.sha256(data).hexdigest()

    @staticmethod
    def _split_letterhead(markdown: str) -> tuple[list[str], str, str]:
        """The letterhead block's lines, the network's name, and the Markdown without them."""
        lines = markdown.split("\n")
        head: list[str] = []
        network = ""
        out: list[str] = []
        inside = seen = False
        for line in lines:
            if not inside and "<!--" not in line:  # most lines: text (a print file: 190,000)
                out.append(line)
                continue
            stripped = line.strip()
            meta = _META.match(stripped)
            if meta:
                network = network or unescape(meta.group(1))
                continue
            if stripped == _LETTERHEAD[0]:
                inside = True
                continue
            if stripped == _LETTERHEAD[1]:
                inside = False
                seen = True
                continue
            if inside:
                if stripped and not seen:  # every letter in a print file has the same one
                    head.append(stripped)
                continue
            out.append(line)
        head = [h[:-1] if h.endswith("\\") else h for h in head]
        if head and not network:
            network = unescape(head[0].replace("**", ""))
        return head, network, "\n".join(out)

    def _fill_headers(self, letterhead: list[str], network: str) -> None:
        """The first page: the letterhead (network in green, sender lines right, a green line
        under it) when the document has one. Later pages: the network's name, small."""
        for part in (self.first_header, self.header):
            for child in list(part.element):
                part.element.remove(child)
        first = self.first_header.element
        if letterhead:
            lines = [unescape(letterhead[0].replace("**", ""))] + [
                unescape(x) for x in letterhead[1:]
            ]
            for n, line in enumerate(lines):
                p = _el("w:p", first)
                ppr = _el("w:pPr", p)
                if n == len(lines) - 1:
                    borders = _el("w:pBdr", ppr)
                    _el("w:bottom", borders, w__val="single", w__sz="12", w__space="4",
                        w__color=GREEN)  # fmt: skip
                height = HEAD_LINE_PT if n else HEAD_NAME_PT
                _el("w:spacing", ppr, w__after="0", w__line=str(height * 20),
                    w__lineRule="exact")  # fmt: skip
                if n:
                    _el("w:jc", ppr, w__val="right")
                    self._run(p, line, size=17, color=GREY)
                else:
                    self._run(p, line, bold=True, size=30, color=GREEN)
            self._header_spacer(first, len(lines))
        else:
            _el("w:p", first)
        p = _el("w:p", self.header.element)
        if network:
            self._run(p, network, size=16, color=GREY)

    def _header_spacer(self, header: Any, lines: int) -> None:
        """An empty line of exact height under the letterhead, so that the header ends, and
        the body with its address block begins, where the country's window envelope shows
        the address (Word and LibreOffice start the body under a header that is taller than
        the top margin)."""
        used_pt = HEAD_NAME_PT + (lines - 1) * HEAD_LINE_PT + HEAD_RULE_PT
        header_top_mm = self.letter.margin_top_mm * HEADER_DISTANCE
        rest_mm = self.letter.address_top_mm - header_top_mm - used_pt * 25.4 / 72
        if rest_mm <= 1:
            return
        p = _el("w:p", header)
        ppr = _el("w:pPr", p)
        _el("w:spacing", ppr, w__after="0", w__line=str(round(rest_mm * TWIPS_PER_MM)),
            w__lineRule="exact")  # fmt: skip

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

    def _run(
        self,
        p: Any,
        text: str = "",
        bold: bool = False,
        italic: bool = False,
        *,
        strike: bool = False,
        color: str | None = None,
        size: int | None = None,
        font: str | None = None,
    ) -> Any:
        """A w:r with its properties in schema order and the document's language. A hyphen in an
        e-mail address becomes a no-break hyphen, so the address never breaks there."""
        from lxml.etree import SubElement

        r = SubElement(p, _W + "r")
        if not (font or bold or italic or strike or color or size):
            r.append(_plain_rpr(self.language))  # the common case: most runs are plain text
        else:
            self._props(r, bold, italic, strike, color, size, font)
        if not text:
            return r
        if _DIGIT.search(text):
            text = _phones_whole(text)
        pieces: list[str | None] = []  # None = a no-break hyphen
        if "@" in text:
            last = 0
            for m in _EMAIL.finditer(text):
                pieces.append(text[last : m.start()])
                for n, part in enumerate(m.group(0).split("-")):
                    if n:
                        pieces.append(None)
                    pieces.append(part)
                last = m.end()
            pieces.append(text[last:])
        else:
            pieces.append(text)
        for piece in pieces:
            if piece is None:
                SubElement(r, _W + "noBreakHyphen")
            elif piece:
                t = SubElement(r, _W + "t")
                t.text = piece
                if piece != piece.strip():
                    t.set(_XML_SPACE, "preserve")
        return r

    def _props(
        self,
        r: Any,
        bold: bool,
        italic: bool,
        strike: bool,
        color: str | None,
        size: int | None,
        font: str | None,
    ) -> None:
        from lxml.etree import SubElement

        props = SubElement(r, _W + "rPr")
        if font:
            fonts = SubElement(props, _W + "rFonts")
            for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
                fonts.set(_W + attr, font)
        if bold:
            SubElement(props, _W + "b")
        if italic:
            SubElement(props, _W + "i")
        if strike:
            SubElement(props, _W + "strike")
        if color:
            SubElement(props, _W + "color").set(_W + "val", color)
        if size:
            SubElement(props, _W + "sz").set(_W + "val", str(size))
        SubElement(props, _W + "lang").set(_W + "val", self.language)

    @staticmethod
    def _break(p: Any, page: bool = False) -> None:
        from lxml.etree import SubElement

        br = SubElement(SubElement(p, _W + "r"), _W + "br")
        if page:
            br.set(_W + "type", "page")

    def _runs(self, p: Any, text: str, size: int | None = None, color: str | None = None) -> None:
        """Inline **bold** and *italic*; a trailing backslash ends a line."""
        lines = text.split("\n")
        for n, line in enumerate(lines):
            for piece in _INLINE.split(line):
                if not piece:
                    continue
                if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
                    self._run(p, unescape(piece[2:-2]), bold=True, size=size, color=color)
                elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                    self._run(p, unescape(piece[1:-1]), italic=True, size=size, color=color)
                else:
                    self._run(p, unescape(piece), size=size, color=color)
            if n < len(lines) - 1:
                self._break(p)

    def _convert(self, markdown: str) -> None:
        lines = markdown.split("\n")
        i = 0
        paragraph: list[str] = []

        rule = False  # after a --- line: the closing footnote, small and grey under a line
        address = self._letters  # a letter's first paragraph is the address block

        def flush() -> None:
            nonlocal rule, address
            if paragraph:
                self._text(paragraph, address, rule)
                address = rule = False
                paragraph.clear()

        def block() -> None:
            """What comes next is no paragraph: that ends a letter's signatures."""
            flush()
            self._sign()

        while i < len(lines):
            line = lines[i].rstrip()
            stripped = line.strip()
            if not stripped:
                flush()
                i += 1
                continue
            if stripped == _SPACE:
                flush()
                self._space()
                i += 1
                continue
            if stripped == _CLOSING:
                flush()
                before = self.sect_pr.getprevious()
                self._keep_from = _START if before is None else before
                i += 1
                continue
            if stripped == PAGE_BREAK:
                block()
                self._close_keep()
                if self._letters:
                    self._section_break()
                    address = True
                else:
                    self._break(self._paragraph(), page=True)
                i += 1
                continue
            if stripped.startswith("<!--"):
                block()
                i += 1
                continue
            m = re.match(r"^(#{1,4})\s+(.*)$", line)
            if m:
                block()
                level = len(m.group(1))
                self._runs(self._paragraph(f"Heading {level}"), m.group(2))
                i += 1
                continue
            if re.match(r"^(-{3,}|\*{3,})$", stripped):
                block()
                rule = True
                i += 1
                continue
            reader = self._reader(line)
            if reader is not None:
                block()
                i = reader(lines, i, line)
                continue
            paragraph.append(line)
            i += 1
        block()
        self._keep_together()

    def _reader(self, line: str) -> Callable[[list[str], int, str], int] | None:
        """What reads the block that starts at ``line`` (a list item, a quote, a table) and
        returns the line after it; None for a line of a paragraph."""
        if re.match(r"^([-*]|\d+[.)])\s+", line):
            return self._list_item
        if line.strip().startswith(">"):
            return lambda lines, i, _line: self._quote(lines, i)
        if line.strip().startswith("|"):
            return lambda lines, i, _line: self._table_at(lines, i)
        return None

    def _text(self, paragraph: list[str], address: bool, rule: bool) -> None:
        """A paragraph of text lines (a trailing backslash is a line break): the address
        block, the footnote after a --- line, or plain text."""
        text = "\n".join(line[:-1] if line.endswith("\\") else line for line in paragraph)
        if self._signers is not None:  # a signer: set side by side when the signatures end
            self._signers.append(text)
            return
        p = self._paragraph()
        if address:
            self._address(p)
        if rule:
            self._footnote(p, text)
        else:
            self._runs(p, text)

    def _list_item(self, lines: list[str], i: int, line: str) -> int:
        """The task, bullet or numbered item on line ``i`` with its continuation lines;
        returns the line after it."""
        m = re.match(r"^[-*]\s+\[([ xX])\]\s+(.*)$", line)
        if m:
            text, i = self._continued(lines, i + 1, m.group(2))
            self._task(m.group(1).lower() == "x", text)
            return i
        m = re.match(r"^[-*]\s+(.*)$", line)
        if m:
            text, i = self._continued(lines, i + 1, m.group(1))
            self._runs(self._paragraph("List Bullet"), text)
            return i
        m = re.match(r"^\d+[.)]\s+(.*)$", line)
        assert m is not None
        text, i = self._continued(lines, i + 1, m.group(1))
        self._runs(self._paragraph("List Number"), text)
        return i

    def _table_at(self, lines: list[str], i: int) -> int:
        """The table that starts at line ``i``; returns the line after it."""
        rows = []
        while i < len(lines) and lines[i].strip().startswith("|"):
            rows.append(lines[i].strip())
            i += 1
        self._table(rows)
        return i

    def _footnote(self, p: Any, text: str) -> None:
        """The paragraph after a --- line: small and grey under a thin line."""
        ppr = _el("w:pPr")
        p.insert(0, ppr)
        borders = _el("w:pBdr", ppr)
        _el("w:top", borders, w__val="single", w__sz="4", w__space="4", w__color=LINE)
        _el("w:spacing", ppr, w__before="240")
        if len(text) > 2 and text[0] == "*" and text[-1] == "*" and text[1] != "*":
            text = text[1:-1]  # the footnote is small and grey, not italic
        self._runs(p, text, size=17, color=GREY)

    def _space(self) -> None:
        """An empty line: room under the address; in a letter's closing, room to sign."""
        space = self._paragraph()
        if self._letters:
            ppr = _el("w:pPr")
            space.insert(0, ppr)
            height = SIGNING_MM if self._keep_from is not None else UNDER_ADDRESS_MM
            _el("w:spacing", ppr, w__after="0", w__line=str(round(height * TWIPS_PER_MM)),
                w__lineRule="exact")  # fmt: skip
            if self._keep_from is not None and self._signers is None:
                self._signers = []  # the paragraphs after the room to sign are the signers

    def _sign(self) -> None:
        """The signers collected since the closing's room to sign, side by side."""
        signers, self._signers = self._signers, None
        if signers:
            self._signatures(signers)

    def _new_table(self, rows: int, cols: int) -> Any:
        """An empty table at the end, as python-docx's ``Document.add_table`` makes it, in
        constant time: ``add_table`` looks the last section up by an XPath over the whole
        document and then walks the body for the place before the section properties, for
        every table, which made the print file of all letters (one signature table per
        letter) quadratic: 24 s for 1,600 letters."""
        from docx.oxml.table import CT_Tbl
        from docx.shared import Emu
        from docx.table import Table

        tbl = CT_Tbl.new_tbl(rows, cols, Emu(self.usable_width))
        self.sect_pr.addprevious(tbl)  # before the section properties, O(1), as _paragraph
        table = Table(tbl, self.doc._body)
        table.style = None
        return table

    def _signatures(self, signers: list[str]) -> None:
        """The signers side by side in a table without borders (three to a row), each name
        under the same room to sign, as the print style does. A small empty paragraph
        follows: a letter of a print file ends its section in a paragraph."""
        from docx.table import Table

        per_row = min(len(signers), 3)
        rows = [signers[n : n + per_row] for n in range(0, len(signers), per_row)]
        table: Table = self._new_table(len(rows), per_row)
        table.autofit = False
        width = self.usable_width // per_row
        for c in range(per_row):
            table.columns[c].width = width
            for cell in table.columns[c].cells:
                cell.width = width
        for r, names in enumerate(rows):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            _el("w:cantSplit", tr_pr)
            for c, text in enumerate(names):
                para = table.cell(r, c).paragraphs[0]._p
                ppr = _el("w:pPr")
                para.insert(0, ppr)
                if r < len(rows) - 1:
                    _keep_next(para)
                before = 0 if r == 0 else round((SIGNING_MM + 1) * TWIPS_PER_MM)
                _el("w:spacing", ppr, w__before=str(before), w__after="0")
                self._runs(para, text)
        end = self._paragraph()
        ppr = _el("w:pPr")
        end.insert(0, ppr)
        _el("w:spacing", ppr, w__before="0", w__after="0", w__line="20", w__lineRule="exact")

    def _quote(self, lines: list[str], i: int) -> int:
        """The quote that starts at line ``i`` as one paragraph; returns the line after it."""
        quote = []
        while i < len(lines) and lines[i].strip().startswith(">"):
            quote.append(lines[i].strip()[1:].strip())
            i += 1
        style = "Quote" if "Quote" in self._style_names() else None
        para = self._paragraph(style)
        self._runs(para, " ".join(q.rstrip("\\") for q in quote))
        return i

    def _address(self, p: Any) -> None:
        """The address block: indented to where the country's window envelope shows it."""
        indent = self.letter.address_left_mm - self.letter.margin_left_mm
        ppr = _el("w:pPr")
        p.insert(0, ppr)
        _el("w:spacing", ppr, w__before="0", w__after="0")
        if indent > 0:
            _el("w:ind", ppr, w__left=str(round(indent * TWIPS_PER_MM)))

    def _section_break(self) -> None:
        """Between the letters of a print file: a new section, so that every letter starts
        on a new page with the letterhead of a first page. The section ends with the last
        paragraph of the letter (an extra empty paragraph could push it onto a second page)."""
        import copy

        last = self.sect_pr.getprevious()
        while last is not None and last.tag != _W + "p":
            last = last.getprevious()
        if last is None:
            last = self._paragraph()
        ppr = last.find(_W + "pPr")
        if ppr is None:
            ppr = _el("w:pPr")
            last.insert(0, ppr)
        ppr.append(copy.deepcopy(self.sect_pr))

    def _keep_together(self) -> None:
        """No heading alone at the foot of a page: the paragraph after a heading (a step's
        explanation) keeps with what follows too. After ``<!-- slot -->`` every paragraph
        keeps with the next, so the closing and the signatures stay with the last paragraph."""
        children = [c for c in self.body if c is not self.sect_pr]
        for n, child in enumerate(children[:-1]):
            if child.tag != _W + "p" or not _is_heading(child):
                continue
            following = children[n + 1]
            if following.tag == _W + "p" and not _is_heading(following):
                _keep_next(following)
        self._close_keep()

    def _close_keep(self) -> None:
        """Paragraphs since ``<!-- slot -->`` keep with the next, all but the last one."""
        if self._keep_from is None:
            return
        start = self._keep_from
        self._keep_from = None
        child = start.getnext() if start is not _START else self.body[0]
        last = self.sect_pr.getprevious()
        while child is not None and child is not last and child is not self.sect_pr:
            if child.tag == _W + "p":
                _keep_next(child)
            child = child.getnext()

    def _task(self, done: bool, text: str) -> None:
        """A checklist item: a real Word checkbox (a content control that can be ticked),
        the title in bold, the explanation indented under it; a done item is grey with the
        title struck through."""
        p = self._paragraph()
        ppr = p.find(_W + "pPr")
        if ppr is None:
            ppr = _el("w:pPr")
            p.insert(0, ppr)
        _el("w:keepLines", ppr)
        _el("w:spacing", ppr, w__after="100")
        _el("w:ind", ppr, w__left="397", w__hanging="397")
        sdt = _el("w:sdt", p)
        sdt_pr = _el("w:sdtPr", sdt)
        box = _el("w14:checkbox", sdt_pr)
        _el("w14:checked", box, w14__val="1" if done else "0")
        _el("w14:checkedState", box, w14__val="2612", w14__font=BOX_FONT)
        _el("w14:uncheckedState", box, w14__val="2610", w14__font=BOX_FONT)
        content = _el("w:sdtContent", sdt)
        self._run(content, "☒" if done else "☐", font=BOX_FONT, size=24,
                  color=GREY if done else None)  # fmt: skip
        tab = _el("w:r", p)
        _el("w:tab", tab)
        lines = text.split("\n")
        first, rest = lines[0], lines[1:]
        m = re.fullmatch(r"\*\*(.+?)\*\*(.*)", first)
        if m:
            self._run(p, unescape(m.group(1)), bold=True, strike=done, color=GREY if done else None)
            if m.group(2):
                self._runs(p, m.group(2))
        else:
            self._runs(p, first)
        for line in rest:
            self._break(p)
            self._run(p, unescape(line.replace("*", "")), size=19, color=GREY)

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

    def _column_widths(self, cells: list[list[str]], width: int) -> list[int]:
        """Column widths as wide as their longest text asks, at least their longest word,
        shrunk to the usable width where they do not fit."""
        plain = [[unescape(c.replace("**", "")) for c in r] for r in cells]
        longest = [max(len(r[c]) if c < len(r) else 0 for r in plain) for c in range(width)]
        words = [
            max((len(w) for r in plain if c < len(r) for w in r[c].split(" ")), default=0)
            for c in range(width)
        ]
        total = self.usable_width
        char = total / 95  # a character of 9.5 pt Calibri, as a share of the line
        # a word never breaks inside (a phone number is one word: no-break spaces); digits
        # are wider than the average character, hence the 15% and the cell's padding
        minimum = [max(int(w * char * 1.15) + int(total * 0.04), int(total * 0.08)) for w in words]
        shares = [min(max(n / max(sum(longest), 1), 0.08), 0.6) for n in longest]
        widths = [
            max(int(total * sh / sum(shares)), mn) for sh, mn in zip(shares, minimum, strict=True)
        ]
        scale = total / sum(widths)
        if scale < 1:  # too wide: shrink the columns that have room above their minimum
            spare = [w - mn for w, mn in zip(widths, minimum, strict=True)]
            over = sum(widths) - total
            room = sum(spare) or 1
            widths = [int(w - over * sp / room) for w, sp in zip(widths, spare, strict=True)]
        return widths

    def _table(self, rows: list[str]) -> None:
        """A Markdown table as a Word table in the house style: light borders, padding, a
        shaded header row that repeats on a new page, rows that do not split, columns as
        wide as their text asks (never narrower than their longest unbreakable word, so an
        e-mail address or phone number stays on one line), right-aligned where the Markdown
        says ``---:`` (amounts)."""
        from docx.table import Table

        cells = [[c.strip() for c in _split_unescaped(r.strip("|"), "|")] for r in rows]
        align: list[str] = []
        for candidate in cells:
            if candidate and all(re.fullmatch(r":?-{2,}:?", c) for c in candidate):
                align = [
                    "right" if c.endswith(":") and not c.startswith(":") else "left"
                    for c in candidate
                ]
        # the |---|---| line under the header is layout, not a row
        cells = [r for r in cells if not all(re.fullmatch(r":?-{2,}:?", c) for c in r)]
        if not cells:
            return
        width = max(len(r) for r in cells)
        align += ["left"] * (width - len(align))
        table: Table = self._new_table(len(cells), width)
        if self._table_style:
            table.style = self.doc.styles[self._table_style]
        _table_borders(table)
        widths = self._column_widths(cells, width)
        table.autofit = False
        # the grid once: Table.cell(), .columns[c].cells and .rows[r] walk the whole table
        # on every call, which made a table of 2,000 rows cost minutes
        grid: list[Any] = table._cells
        trs = table._tbl.tr_lst
        for c, column_width in enumerate(widths):
            table.columns[c].width = column_width
            for cell in grid[c::width]:
                cell.width = column_width
        for r, row in enumerate(cells):
            tr = trs[r]
            tr_pr = tr.get_or_add_trPr()
            _el("w:cantSplit", tr_pr)
            if r == 0:
                _el("w:tblHeader", tr_pr)
            for c in range(width):
                cell = grid[r * width + c]
                para = cell.paragraphs[0]._p
                ppr = _el("w:pPr")
                para.insert(0, ppr)
                _el("w:spacing", ppr, w__before="0", w__after="0")
                if align[c] == "right":
                    _el("w:jc", ppr, w__val="right")
                text = row[c] if c < len(row) else ""
                if r == 0:
                    tc_pr = cell._tc.get_or_add_tcPr()
                    _el("w:shd", tc_pr, w__val="clear", w__color="auto", w__fill=HEAD_FILL)
                    self._run(para, unescape(text.replace("**", "")), bold=True, size=19)
                else:
                    self._runs(para, text, size=19)
        # a little air after a table
        self._paragraph()
