"""The poster as a print-ready PDF (A4 and A3), drawn with reportlab from the same data as
poster.html: the network's name, the next activities, the numbers so far, and a QR code to
the site (or how to reach the network when the site has no address yet).

reportlab's invariant mode leaves out the creation time and the random document id, so the
same data gives the same bytes. The PDF uses the standard Helvetica font that every PDF
reader has; nothing is embedded or fetched. reportlab and segno are imported inside
:func:`poster_pdf`.
"""

from __future__ import annotations

import io
from typing import Any

GREEN = "#1b5e3a"
LIGHT = "#e8f2ec"
TEXT = "#1a1a1a"


def poster_pdf(data: dict[str, Any], size: str) -> bytes:
    """One poster page. ``data`` is the poster's template data (prepare.site_data plus
    'poster_komend'); ``size`` is 'a4' or 'a3'. Returns the PDF's bytes. Raises ValueError
    for another size."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A3, A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    if size not in ("a4", "a3"):
        raise ValueError(f"unknown poster size {size!r}")
    width, height = A4 if size == "a4" else A3
    f = width / A4[0]  # everything is designed for A4 and scaled
    margin = 42 * f
    inner = width - 2 * margin
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), invariant=1, pageCompression=1)
    name = data["netwerk"]["naam"]
    c.setTitle(f"Poster {size.upper()}: {name}")
    c.setAuthor(name)
    c.setCreator("gzctl")
    c.setSubject(f"Wat er gebeurt in {data['dorp']['naam']}")
    green, light, text = HexColor(GREEN), HexColor(LIGHT), HexColor(TEXT)

    y = height - margin

    def lines(txt: str, font: str, pt: float, color: Any, x: float, w: float, gap: float) -> None:
        nonlocal y
        c.setFont(font, pt)
        c.setFillColor(color)
        for line in simpleSplit(txt, font, pt, w):
            y -= pt * 1.1
            c.drawString(x, y, line)
        y -= gap

    lines(name, "Helvetica-Bold", 46 * f, green, margin, inner, 16 * f)
    lines(
        f"Samen sterk in {data['dorp']['naam']}: clubs, vrijwilligers en beroepskrachten "
        "werken samen.",
        "Helvetica",
        18 * f,
        text,
        margin,
        inner,
        10 * f,
    )
    c.setFillColor(green)
    c.rect(margin, y - 8 * f, inner, 8 * f, stroke=0, fill=1)
    y -= 8 * f + 24 * f
    lines("Wat komt er?", "Helvetica-Bold", 24 * f, text, margin, inner, 8 * f)
    items = data["poster_komend"]
    if not items:
        lines(
            "Binnenkort meer. Heb je een idee? Laat het ons weten.",
            "Helvetica",
            16 * f,
            text,
            margin,
            inner,
            8 * f,
        )
    for a in items:
        top = y
        when = a["datum"] + (f", {a['tijd']}" if a["tijd"] else "")
        where = f" · {a['plek']}" if a["plek"] else ""
        lines(a["titel"], "Helvetica-Bold", 18 * f, text, margin + 14 * f, inner - 14 * f, 2 * f)
        lines(when + where, "Helvetica", 15 * f, text, margin + 14 * f, inner - 14 * f, 0)
        c.setFillColor(green)
        c.rect(margin, y - 3 * f, 5 * f, top - y + 3 * f, stroke=0, fill=1)
        y -= 16 * f
    totals = data["totaal"]
    boxes = [(totals["aangesloten"], "aangesloten")]
    if totals["initiatief_n"]:
        boxes.append((totals["initiatief"], "andere in een initiatief"))
    boxes.append((totals["activiteiten"], "activiteiten geweest"))
    if totals["deelnemers"]:
        boxes.append((totals["deelnemers"], "deelnemers"))
    gap = 10 * f
    box_w = (inner - gap * (len(boxes) - 1)) / len(boxes)
    box_h = 78 * f
    y -= 6 * f
    for i, (number, label) in enumerate(boxes):
        x = margin + i * (box_w + gap)
        c.setFillColor(light)
        c.roundRect(x, y - box_h, box_w, box_h, 5 * f, stroke=0, fill=1)
        c.setFillColor(green)
        c.setFont("Helvetica-Bold", 34 * f)
        c.drawString(x + 10 * f, y - 40 * f, number)
        c.setFillColor(text)
        c.setFont("Helvetica", 14 * f)

        # a label wraps inside its box (four boxes leave little room); two lines at most
        for n, line in enumerate(simpleSplit(label, "Helvetica", 14 * f, box_w - 16 * f)[:2]):
            c.drawString(x + 10 * f, y - (58 + 15 * n) * f, line)
    y -= box_h + 26 * f
    lines("Iedereen is welkom", "Helvetica-Bold", 22 * f, text, margin, inner, 6 * f)
    place = data["plek"]
    welcome = "Kom eens kijken, help een handje of begin zelf iets."
    if place["naam"]:
        welcome += f" We komen samen in {place['naam']}"
        welcome += f", {place['adres']}." if place["adres"] else "."
    lines(welcome, "Helvetica", 16 * f, text, margin, inner, 0)
    _footer(c, data, margin, inner, f, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _footer(c: Any, data: dict[str, Any], margin: float, inner: float, f: float, text: Any) -> None:
    """The bottom band: QR code and address, or the network's contact."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.utils import simpleSplit

    band = 130 * f
    c.setStrokeColor(HexColor("#c9d3cc"))
    c.setLineWidth(1.5 * f)
    c.line(margin, margin + band, margin + inner, margin + band)
    x_text = margin
    if data["url"]:
        import segno

        qr = segno.make(data["url"], error="m", micro=False)
        matrix = list(qr.matrix)
        side = 110 * f
        cell = side / (len(matrix) + 8)  # quiet zone of 4 modules
        x0, y0 = margin, margin + (band - side) / 2
        c.setFillColor(HexColor("#ffffff"))
        c.rect(x0, y0, side, side, stroke=0, fill=1)
        c.setFillColor(HexColor("#000000"))
        for r, row in enumerate(matrix):
            for col, dark in enumerate(row):
                if dark:
                    c.rect(
                        x0 + (col + 4) * cell,
                        y0 + side - (r + 5) * cell,
                        cell,
                        cell,
                        stroke=0,
                        fill=1,
                    )
        x_text = margin + side + 16 * f
        parts = [
            ("Helvetica", 14 * f, "Alle activiteiten, wie meedoen en wie je kunt bellen:"),
            ("Helvetica-Bold", 18 * f, data["url"]),
        ]
        contact = data["contact"]
        if contact and contact["telefoon"]:  # readers without a smartphone can still call
            parts.append(("Helvetica", 14 * f, f"Of bel {contact['organisatie']}:"))
            parts.append(("Helvetica-Bold", 17 * f, contact["telefoon"]))
    else:
        contact = data["contact"]
        if contact:
            how = []
            if contact["telefoon"]:
                how.append(f"bel {contact['telefoon']}")
            if contact["email"]:
                how.append(f"mail {contact['email']}")
            parts = [
                ("Helvetica", 15 * f, f"Meer weten? {contact['organisatie']}:"),
                ("Helvetica-Bold", 17 * f, " of ".join(how)),
            ]
        else:
            parts = [
                ("Helvetica", 15 * f, "Meer weten? Vraag het bij een van de organisaties die "
                 "meedoen."),
            ]  # fmt: skip
    y = margin + band - 34 * f
    c.setFillColor(text)
    width = margin + inner - x_text
    for font, pt, txt in parts:
        c.setFont(font, pt)
        for line in simpleSplit(txt, font, pt, width):
            c.drawString(x_text, y, line)
            y -= pt * 1.25
