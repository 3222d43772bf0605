"""The print-ready HTML made from a document's Markdown (gzctl/documents/html.py): the house
style follows from the shape of the Markdown, and a value or template can never inject
markup."""

from __future__ import annotations

import re
from pathlib import Path

from test_documents import built_demo  # noqa: F401  (the demo with its documents, once)

from gzctl.documents.html import body

LETTER = """<!-- netwerk: Ooltwijk Samen -->
<!-- briefhoofd -->
**Ooltwijk Samen**\\
p/a Dorpshuis De Schakel\\
Annelies Verhoef · annelies@example.nl · 0345\u00a0611\u00a0200
<!-- /briefhoofd -->

VV Ooltwijk\\
Sportlaan 4
<!-- ruimte -->

Ooltwijk, 29 mei 2027\\
**Betreft:** Uitnodiging

Beste Kees,

- **Wanneer:** vrijdag
- **Waar:** Dorpshuis

<!-- slot -->

We hopen jullie te zien!

Met vriendelijke groet,\\
namens de startgroep

<!-- ruimte -->

Annelies Verhoef\\
beheerder

Joost van Wijk
"""


def test_a_letter_gets_its_letterhead_address_closing_and_signatures() -> None:
    html = body(LETTER)
    assert html.count('<section class="pagina brief">') == 1
    head = re.search(r'<header class="briefhoofd">(.*?)</header>', html, re.S)
    assert head and '<div class="netwerk">Ooltwijk Samen</div>' in head.group(1)
    assert '<span class="heel">annelies@example.nl</span>' in head.group(1)
    assert '<span class="heel">0345\u00a0611\u00a0200</span>' in head.group(1)
    assert '<p class="adres">VV Ooltwijk<br>\nSportlaan 4</p>' in html
    assert '<p class="datumregel betreft">Ooltwijk, 29 mei 2027' in html
    assert '<ul class="feiten">' in html
    slot = html[html.index('<div class="slot">') :]
    assert slot.index("We hopen") < slot.index('<p class="groet">Met vriendelijke groet')
    assert '<div class="handtekening">Annelies Verhoef<br><span class="klein">beheerder' in slot
    assert '<div class="handtekening">Joost van Wijk</div>' in slot
    assert "&lt;!--" not in html and "<!--" not in html


def test_pages_footer_checklist_and_cards() -> None:
    markdown = """# Checklist

## Stap een

*Waarom dit.*

- [x] **Gedaan**\\
  Uitleg\\
  Gedaan op 1 mei.
- [ ] **Open**\\
  Uitleg

<!-- nieuwe pagina -->

## Waarvoor?

### Eenzaam

- **KBO**: 0345 · kbo@example.nl

### Vrijwilligerswerk

- **Dorpshuis**: 0345

| Wanneer | Wie | Telefoon |
| --- | --- | --- |
| altijd | Alarm | 112 |

---

*Ooltwijk Samen, Ooltwijk*
"""
    html = body(markdown, compact=True)
    pages = html.split("</section>")
    assert len(pages) == 3 and pages[2].strip() == ""
    assert '<section class="pagina plan">' in pages[0]
    assert '<div class="kop">\n<h2>Stap een</h2>\n<p class="waarom"><i>Waarom dit.</i>' in pages[0]
    assert (
        '<li class="gedaan eerste"><span class="vakje">☒</span><strong>Gedaan</strong>'
        in (pages[0])
    )
    assert '<span class="waarom">Uitleg</span><br>\n<span class="klein">Gedaan op' in pages[0]
    assert '<li class="open"><span class="vakje">☐</span>' in pages[0]
    assert '<div class="kaarten">' in pages[1] and pages[1].count('<div class="kaart">') == 2
    assert '<br><span class="klein"><span class="heel">kbo@example.nl</span></span>' in pages[1]
    assert '<td class="nummer">112</td>' in pages[1]
    assert '<footer class="voet">Ooltwijk Samen, Ooltwijk</footer>' in pages[1]


def test_markup_in_a_template_or_value_stays_text() -> None:
    html = body('<script>alert("x")</script>\n\nEen <b>vet</b> woord en \\<i\\>.\n')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;vet&lt;/b&gt;" in html
    assert "&lt;i&gt;" in html


def test_every_built_html_is_made_from_its_markdown(built_demo: Path) -> None:  # noqa: F811
    docs = built_demo / "documenten"
    html = (docs / "uitnodiging" / "vv-ooltwijk.html").read_text(encoding="utf-8")
    md = (docs / "uitnodiging" / "vv-ooltwijk.md").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl-NL">' in html
    assert "<title>Uitnodiging eerste netwerkavond — VV Ooltwijk</title>" in html
    assert "@page" in html  # the print style is inside: no external resources
    text = " ".join(re.sub(r"<[^>]+>|·", " ", html).split())
    for line in md.splitlines():
        words = re.sub(r"[\\*#>|·-]|<!--.*?-->", " ", line).split()
        if len(words) > 3:  # every sentence of the Markdown is in the HTML
            assert " ".join(words[:4]) in text
    plan = (docs / "platformplan" / "beweegweek.html").read_text(encoding="utf-8")
    assert '<section class="pagina plan">' in plan  # the playbook promises one page
    mission = (docs / "missie-visie.html").read_text(encoding="utf-8")
    assert '<section class="pagina">' in mission and '<div class="concept">' in mission


def test_the_playbook_entry_names_the_preparer_and_the_pages(tmp_path: Path) -> None:
    import pytest
    from test_playbook import MINIMAL, faults, write

    from gzctl.core import playbook as pb
    from gzctl.documents import registry

    entry = 'id = "checklist"\ntitle = "Checklist"'
    book = pb.load_playbook_file(write(tmp_path, MINIMAL))
    assert registry.can_make(book, "checklist") and registry.pages(book, "checklist") is None
    text = MINIMAL.replace(entry, entry + '\n\n[[documents]]\nid = "nieuwsbrief"\ntitle = "B"')
    book = pb.load_playbook_file(write(tmp_path, text))
    assert not registry.can_make(book, "nieuwsbrief")  # not in general: listed, not made
    with pytest.raises(Exception, match="kan gzctl nog niet maken"):
        registry.prepare("nieuwsbrief", None, book, None)  # type: ignore[arg-type]
    book = pb.load_playbook_file(
        write(
            tmp_path, text.replace('title = "B"', 'title = "B"\npreparer = "platforms"\npages = 1')
        )
    )
    assert registry.can_make(book, "nieuwsbrief") and registry.pages(book, "nieuwsbrief") == 1
    msg = faults(tmp_path, MINIMAL.replace(entry, entry + "\npages = 0"))
    assert "'pages' moet een heel getal van 1 of meer zijn" in msg
    msg = faults(tmp_path, MINIMAL.replace(entry, entry + '\npreparer = "../x"'))
    assert "'preparer' moet de naam van een module zijn" in msg
