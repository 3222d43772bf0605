"""Print-ready HTML from a document's rendered Markdown, with markdown-it-py.

The Markdown template is a document's one source: DOCX (``docx.py``) and HTML (here) are both
made from its output, so a new document is one template. The house style is not written in
the Markdown; it follows from the shape of the text and from the few comments the templates
already carry for the Word file:

- ``<!-- nieuwe pagina -->`` starts a new A4 page (``<section class="pagina">``);
- ``<!-- briefhoofd -->`` ... ``<!-- /briefhoofd -->`` is the letterhead of a letter (its first
  line the network's name, the others the sender's address and contact). A page with a
  letterhead is a letter: its first paragraph after the letterhead is the address block, the
  next one the place, date and subject line; ``<!-- slot -->`` keeps the rest of the letter
  together, and a ``<!-- ruimte -->`` after it ends the greeting: the paragraphs that follow
  are the signatures, side by side;
- a rule (``---``) followed by the last paragraph of a page is the page's footer;
- a heading followed by a paragraph in italics is a heading with its explanation, kept with
  what follows; a ``##`` heading with one short list or table is a block that does not split;
- two or more ``###`` headings in a row that each have one list become cards side by side;
- a block quote right under the ``#`` title is the note on a draft;
- lists: tick boxes (``- [ ]``, ``- [x]``) become a checklist, items that all start with a
  bold label and a colon a list of facts, items that mostly start with a time a programme in
  two columns, four or more short plain items two columns;
- an e-mail address never breaks over two lines (phone numbers arrive with no-break spaces);
- a right-aligned table column (``---:``) holds amounts.

A one-page document (the playbook's ``pages = 1``) that is not a letter is set a little
tighter (``class="plan"``). Raw HTML in the Markdown is printed as text, never as markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import field
from typing import Any

from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record

PAGE_BREAK = "<!-- nieuwe pagina -->"
_MARKER = re.compile(r"^<!--\s*(.*?)\s*-->$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TIME = re.compile(r"^(\d{1,2}[:.]\d{2})\s+(.*)$", re.S)
_BREAK = re.compile(r"<br\s*/?>\n?")
_TASK = re.compile(r"^\[([ xX])\]\s+")
# a phone number as people type it ("0345 123 456", "+32 51 12 34 56", "0800-1234"): kept on
# one line; at least nine digits, so that amounts, times and dates never match
PHONE = re.compile(r"(?<![\w,.])\+?\d{2,4}(?:[ \u00a0-]\d{2,4}){1,4}(?![\w,])")
PHONE_DIGITS = 9
SHORT_ITEM = 40  # characters: a list of short items goes in two columns
BLOCK_ITEMS = 12  # at most this many items or rows keep together with their heading
BESIDE_ITEMS, BESIDE_CHARS = 6, 60  # two sections of short lists go side by side


@_record
class Block(_Record):
    """One top-level piece of the Markdown: a heading, paragraph, list, table, quote, rule
    or a steering comment (``kind == "marker"``)."""

    kind: str
    html: str = ""
    level: int = 0  # headings
    text: str = ""  # paragraphs: the inline source; markers: the comment's words
    items: list[str] = field(default_factory=list)  # lists: each item's inline HTML
    sources: list[str] = field(default_factory=list)  # lists: each item's inline source
    ordered: bool = False
    rows: int = 0  # tables


_PARSER: list[Any] = []


def _parser() -> Any:
    if not _PARSER:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
        rules = md.renderer.rules  # type: ignore[attr-defined]

        def text(tokens: Any, idx: int, options: Any, env: Any) -> str:
            escaped = html.escape(tokens[idx].content, quote=False)
            escaped = PHONE.sub(_whole_phone, escaped)
            return _EMAIL.sub(lambda m: f'<span class="heel">{m.group(0)}</span>', escaped)

        def raw(tokens: Any, idx: int, options: Any, env: Any) -> str:
            return html.escape(tokens[idx].content, quote=False)  # never markup from a text

        def cell(tag: str) -> Any:
            def render(tokens: Any, idx: int, options: Any, env: Any) -> str:
                token = tokens[idx]
                style = token.attrGet("style") or ""
                right = "right" in str(style)
                return f'<{tag} class="bedrag">' if right else f"<{tag}>"

            return render

        rules["text"] = text
        rules["html_inline"] = raw
        rules["html_block"] = raw
        rules["th_open"] = cell("th")
        rules["td_open"] = cell("td")
        rules["softbreak"] = lambda *args: "\n"
        rules["hardbreak"] = lambda *args: "<br>\n"
        _PARSER.append(md)
    return _PARSER[0]


def is_phone(number: str) -> bool:
    """Whether a match of ``PHONE`` holds enough digits to be a phone number."""
    return sum(ch.isdigit() for ch in number) >= PHONE_DIGITS


def _whole_phone(m: re.Match[str]) -> str:
    return f'<span class="heel">{m.group(0)}</span>' if is_phone(m.group(0)) else m.group(0)


def blocks(markdown: str) -> list[Block]:
    """The top-level blocks of ``markdown``, each rendered to HTML on its own."""
    md = _parser()
    tokens = md.parse(markdown)
    out: list[Block] = []
    i = 0
    while i < len(tokens):
        start = i
        token = tokens[i]
        if token.nesting == 1:
            depth = 0
            while True:
                depth += tokens[i].nesting
                i += 1
                if depth == 0:
                    break
        else:
            i += 1
        part = tokens[start:i]
        out.extend(_block(md, part))
    return out


def _inline(md: Any, token: Any) -> str:
    return str(md.renderer.renderInline(token.children or [], md.options, {}))


def _html_lines(first: Any) -> list[Block]:
    """A raw HTML block: the layout markers it holds, any other line printed as text."""
    found = []
    for line in first.content.strip().splitlines():
        m = _MARKER.match(line.strip())
        if m:
            found.append(Block("marker", text=m.group(1)))
        elif line.strip():
            found.append(Block("paragraph", html=f"<p>{html.escape(line)}</p>", text=line))
    return found


def _list_block(md: Any, part: list[Any]) -> list[Block]:
    """A list: the text of each top-level item (nested lines joined with a line break)."""
    items: list[str] = []
    sources: list[str] = []
    depth = 0
    for token in part:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                items.append("")
                sources.append("")
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and depth == 1:
            sep = "<br>\n" if items[-1] else ""
            items[-1] += sep + _inline(md, token)
            sources[-1] += ("\n" if sources[-1] else "") + token.content
    ordered = part[0].type == "ordered_list_open"
    return [Block("list", items=items, sources=sources, ordered=ordered)]


def _block(md: Any, part: list[Any]) -> list[Block]:
    first = part[0]
    if first.type == "html_block":
        return _html_lines(first)
    if first.type == "heading_open":
        level = int(first.tag[1])
        inner = _inline(md, part[1])
        return [Block("heading", html=f"<h{level}>{inner}</h{level}>", level=level,
                      text=part[1].content)]  # fmt: skip
    if first.type == "paragraph_open":
        return [Block("paragraph", html=f"<p>{_inline(md, part[1])}</p>", text=part[1].content)]
    if first.type in ("bullet_list_open", "ordered_list_open"):
        return _list_block(md, part)
    if first.type == "table_open":
        rows = sum(1 for t in part if t.type == "tr_open")
        return [Block("table", html=_numbers(md.renderer.render(part, md.options, {})), rows=rows)]
    if first.type == "blockquote_open":
        return [Block("quote", html=md.renderer.render(part, md.options, {}).strip())]
    if first.type == "hr":
        return [Block("rule", html="<hr>")]
    return [Block("other", html=md.renderer.render(part, md.options, {}).strip())]


def _numbers(table: str) -> str:
    """A table that ends in a column 'Telefoon' is a list of numbers to call: the numbers
    stand out (``td.nummer``) and never break."""
    table = table.strip()
    head = re.search(r"<tr>\s*(.*?)</tr>", table, re.S)
    if head is None or not re.search(r"<th>Telefoon</th>\s*$", head.group(1)):
        return table
    return re.sub(r"<td>((?:(?!<td>).)*?)</td>(\s*</tr>)", r'<td class="nummer">\1</td>\2',
                  table, flags=re.S)  # fmt: skip


# ------------------------------------------------------------------------------ lists


def _list_html(block: Block, first_class: str = "") -> str:
    """A list in the house style (see the module docstring); always tight."""
    items = block.items
    tag = "ol" if block.ordered else "ul"
    sources = block.sources
    if items and all(_TASK.match(s) for s in sources):
        return _tasks(block, first_class)
    cls = ""
    lis = list(items)
    if items and all(re.match(r"^<strong>[^<]+:</strong>", it) for it in items):
        cls = "feiten"
    elif items and sum(bool(_TIME.match(s)) for s in sources) * 2 > len(items):
        cls = "programma"
        lis = []
        for it in items:
            m = _TIME.match(it)
            lis.append(f'<span class="tijd">{m.group(1)}</span> {m.group(2)}' if m else it)
    elif len(items) >= 4 and all(
        len(s) <= SHORT_ITEM and "\n" not in s and "*" not in s for s in sources
    ):
        cls = "twee"
    attr = f' class="{cls}"' if cls else ""
    body = "".join(
        f"<li{' class=' + chr(34) + first_class + chr(34) if n == 0 and first_class else ''}>"
        f"{it}</li>\n"
        for n, it in enumerate(lis)
    )
    return f"<{tag}{attr}>\n{body}</{tag}>"


def _tasks(block: Block, first_class: str) -> str:
    """Tick boxes: with an explanation under the title a list of actions, else a checklist."""
    detailed = any("<br>" in it for it in block.items)
    out = []
    for n, it in enumerate(block.items):
        m = _TASK.match(it)
        done = bool(m and m.group(1).lower() == "x")
        rest = it[m.end():] if m else it  # fmt: skip
        box = "☒" if done else "☐"
        classes = ["gedaan" if done else "open"] + ([first_class] if n == 0 and first_class else [])
        if detailed:
            lines = _BREAK.split(rest)
            title, more = lines[0], lines[1:]
            body = title
            for k, line in enumerate(more):
                kind = "waarom" if k == 0 else "klein"
                body += f'<br>\n<span class="{kind}">{line}</span>'
            out.append(
                f'<li class="{" ".join(classes)}"><span class="vakje">{box}</span>{body}</li>'
            )
        else:
            out.append(f"<li>{'☑' if done else '☐'} {rest}</li>")
    cls = "acties" if detailed else "checklist"
    return f'<ul class="{cls}">\n' + "\n".join(out) + "\n</ul>"


# ------------------------------------------------------------------------------ pages


def _italic_only(block: Block) -> bool:
    inner = block.html[3:-4]
    return (
        block.kind == "paragraph"
        and inner.startswith("<em>")
        and inner.endswith("</em>")
        and inner.count("<em>") == 1
    )


def _footer(block: Block) -> str:
    inner = block.html[3:-4]
    if inner.startswith("<em>") and inner.endswith("</em>") and inner.count("<em>") == 1:
        inner = inner[4:-5]
    return f'<footer class="voet">{inner}</footer>'


def _letterhead(part: list[Block]) -> str:
    """The letterhead: the network's name on the left, the sender's lines on the right."""
    lines: list[str] = []
    for b in part:
        if b.kind == "paragraph":
            lines.extend(_BREAK.split(b.html[3:-4]))
    if not lines:
        return ""
    name = re.sub(r"^<strong>(.*)</strong>$", r"\1", lines[0])
    # the contact line "name · e-mail · phone" as two lines, the name and then how to reach
    # them (one line is too wide beside the network's name; three lines do not fit above
    # the address window and push the top line of the return address off the page)
    sender: list[str] = []
    for line in lines[1:]:
        parts = [p.strip() for p in line.split(" · ") if p.strip()]
        sender.extend(parts[:1] + ([" · ".join(parts[1:])] if parts[1:] else []))
    right = "<br>\n".join(
        f'<span class="heel">{s}</span>' if re.search(r"\d{3}", s) and "heel" not in s else s
        for s in sender
    )
    return (
        f'<header class="briefhoofd">\n<div class="netwerk">{name}</div>\n'
        f'<div class="afzender">{right}</div>\n</header>'
    )


def _signatures(part: list[Block]) -> str:
    out = []
    for b in part:
        if b.kind != "paragraph":
            continue
        lines = _BREAK.split(b.html[3:-4])
        rest = "".join(f'<br><span class="klein">{line}</span>' for line in lines[1:])
        out.append(f'<div class="handtekening">{lines[0]}{rest}</div>')
    return '<div class="handtekeningen">\n' + "\n".join(out) + "\n</div>"


class _Page:
    """Lays out the blocks of one page."""

    def __init__(self, part: list[Block]) -> None:
        self.part = part
        self.out: list[str] = []
        self.letter = any(b.kind == "marker" and b.text == "briefhoofd" for b in part)

    def render(self) -> str:
        part = self.part
        i = 0
        in_slot = False
        letter_lines = 0  # address, then date and subject
        while i < len(part):
            b = part[i]
            if b.kind == "marker":
                if b.text == "briefhoofd":
                    end = next(
                        (j for j in range(i + 1, len(part)) if part[j].kind == "marker"
                         and part[j].text == "/briefhoofd"),
                        len(part),
                    )  # fmt: skip
                    self.out.append(_letterhead(part[i + 1 : end]))
                    i = end + 1
                    letter_lines = 2 if self.letter else 0
                    continue
                if b.text == "slot" and not in_slot:
                    self.out.append('<div class="slot">')
                    in_slot = True
                elif b.text == "ruimte":
                    if in_slot and self.letter:
                        if self.out and self.out[-1].startswith("<p>"):
                            self.out[-1] = '<p class="groet">' + self.out[-1][3:]
                        rest = [x for x in part[i + 1 :] if x.kind == "paragraph"]
                        self.out.append(_signatures(rest))
                        i = len(part)
                        continue
                    if not self.letter:
                        self.out.append('<div class="ruimte"></div>')
                i += 1
                continue
            if letter_lines and b.kind == "paragraph":
                cls = "adres" if letter_lines == 2 else "datumregel betreft"
                self.out.append(f'<p class="{cls}">{b.html[3:]}')
                letter_lines -= 1
                i += 1
                continue
            i = self._block(i)
        if in_slot:
            self.out.append("</div>")
        return "\n".join(x for x in self.out if x)

    def _block(self, i: int) -> int:
        """Lay out the block at ``i`` (and the ones it takes along); the next index."""
        part = self.part
        b = part[i]
        nxt = part[i + 1] if i + 1 < len(part) else None
        if (
            b.kind == "rule"
            and nxt is not None
            and nxt.kind == "paragraph"
            and all(x.kind == "marker" for x in part[i + 2 :])
        ):
            self.out.append(_footer(nxt))
            return i + 2
        if b.kind == "heading" and b.level == 3:
            cards = self._cards(i)
            if cards:
                return cards
        if b.kind == "heading" and b.level > 1 and nxt is not None and _italic_only(nxt):
            inner = nxt.html[3:-4].replace("<em>", "<i>").replace("</em>", "</i>")
            self.out.append(f'<div class="kop">\n{b.html}\n<p class="waarom">{inner}</p>\n</div>')
            after = part[i + 2] if i + 2 < len(part) else None
            if after is not None and after.kind == "list":
                self.out.append(_list_html(after, "eerste"))
                return i + 3
            return i + 2
        if b.kind == "heading" and b.level == 2 and nxt is not None and self._short(i + 1):
            if self._beside(i):
                two = [f'<div class="blok">\n{part[j].html}\n{self._html(part[j + 1])}\n</div>'
                       for j in (i, i + 2)]  # fmt: skip
                self.out.append('<div class="naast">\n' + "\n".join(two) + "\n</div>")
                return i + 4
            self.out.append(f'<div class="blok">\n{b.html}\n{self._html(nxt)}\n</div>')
            return i + 2
        if b.kind == "quote" and i > 0 and part[i - 1].kind == "heading" and part[i - 1].level == 1:
            inner = re.sub(r"^<blockquote>\s*|\s*</blockquote>$", "", b.html)
            self.out.append(f'<div class="concept">{inner}</div>')
            return i + 1
        self.out.append(self._html(b))
        return i + 1

    def _short(self, j: int) -> bool:
        """A list or table at ``j``, short enough to keep with its heading, that ends the
        section (a heading, a rule, a comment or the page's end follows)."""
        part = self.part
        b = part[j]
        if b.kind == "list":
            size = len(b.items)
        elif b.kind == "table":
            size = b.rows
        else:
            return False
        after = part[j + 1] if j + 1 < len(part) else None
        return size <= BLOCK_ITEMS and (after is None or after.kind != "paragraph")

    def _beside(self, i: int) -> bool:
        """Two ``##`` sections in a row, each one short list of short items: side by side."""
        part = self.part
        if i + 3 >= len(part):
            return False
        for j in (i, i + 2):
            head, body = part[j], part[j + 1]
            if head.kind != "heading" or head.level != 2 or body.kind != "list":
                return False
            if len(body.items) > BESIDE_ITEMS or any(len(s) > BESIDE_CHARS for s in body.sources):
                return False
        after = part[i + 4] if i + 4 < len(part) else None
        return after is None or after.kind != "paragraph"

    def _cards(self, i: int) -> int:
        """Two or more ``###`` headings in a row, each with one list: cards side by side."""
        part = self.part
        j = i
        cards = []
        while (
            j + 1 < len(part)
            and part[j].kind == "heading"
            and part[j].level == 3
            and part[j + 1].kind == "list"
        ):
            items = _list_html(part[j + 1]).replace(" · ", '<br><span class="klein">')
            items = re.sub(r'(<span class="klein">.*?)</li>', r"\1</span></li>", items)
            cards.append(f'<div class="kaart">\n{part[j].html}\n{items}\n</div>')
            j += 2
        if len(cards) < 2:
            return 0
        self.out.append('<div class="kaarten">\n' + "\n".join(cards) + "\n</div>")
        return j

    @staticmethod
    def _html(b: Block) -> str:
        if b.kind == "list":
            return _list_html(b)
        return b.html


def body(markdown: str, compact: bool = False, memo: dict[str, str] | None = None) -> str:
    """The ``<section class="pagina">`` pages of a document, from its Markdown.

    A page's HTML depends on its own Markdown only: when the Markdown can be cut at its page
    breaks without changing what any line means (:func:`page_texts`), each page is parsed on
    its own and looked up first in ``memo`` (:func:`page_key` to HTML; new pages are added).
    The print file of all letters then costs only its changed letters."""
    texts = page_texts(markdown)
    if texts is None:
        pages: list[list[Block]] = [[]]
        for b in blocks(markdown):
            if b.kind == "marker" and b.text == PAGE_BREAK[5:-4]:
                pages.append([])
            else:
                pages[-1].append(b)
        return "\n".join(_section(part, compact) for part in pages) + "\n"
    out = []
    for text in texts:
        if memo is None:
            out.append(_section(blocks(text), compact))
            continue
        key = page_key(text, compact)
        section = memo.get(key)
        if section is None:
            section = memo[key] = _section(blocks(text), compact)
        out.append(section)
    return "\n".join(out) + "\n"


def page_key(text: str, compact: bool) -> str:
    """The key of one page's HTML in a memo: SHA-256 of its Markdown and the layout."""
    import hashlib

    return hashlib.sha256(f"{int(compact)}\0{text}".encode()).hexdigest()


# what could make a line's meaning depend on another page: a fence, a link reference, raw
# HTML blocks that run until a closing tag or marker (CommonMark's HTML blocks 1 and 3-5)
_CROSSING = re.compile(
    r"^ {0,3}(?:```|~~~|\[[^\]]*\]:|<(?:script|pre|style|textarea)\b|<\?|<![A-Za-z\[])",
    re.IGNORECASE | re.MULTILINE,
)


_PAGE_MARKER = re.compile(r"<!--\s*" + re.escape(PAGE_BREAK[5:-4]) + r"\s*-->")


def page_texts(markdown: str) -> list[str] | None:
    """``markdown`` cut at its page breaks (a line that is the page-break marker alone, with
    an empty line or the text's edge on both sides), or None when a page could not be parsed
    on its own exactly as in the whole text (a fence, a link reference, an HTML block that
    does not end at an empty line, or a comment left open)."""
    if _CROSSING.search(markdown):
        return None
    lines = markdown.split("\n")
    texts: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        if line != PAGE_BREAK:
            continue
        if (i > 0 and lines[i - 1].strip()) or (i + 1 < len(lines) and lines[i + 1].strip()):
            return None  # part of a paragraph or another block: not a page break of its own
        texts.append("\n".join(lines[start:i]))
        start = i + 1
    texts.append("\n".join(lines[start:]))
    if any(t.count("<!--") != t.count("-->") or _PAGE_MARKER.search(t) for t in texts):
        return None  # a comment left open, or a page break written another way
    return texts


def _section(part: list[Block], compact: bool) -> str:
    page = _Page(part)
    classes = ["pagina"]
    if page.letter:
        classes.append("brief")
    elif compact:
        classes.append("plan")
    return f'<section class="{" ".join(classes)}">\n{page.render()}\n</section>'
