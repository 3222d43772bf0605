"""The picture of the network: organisations as dots, joined through the initiatives they
share, coloured by sector. Laid out by networkx (a seeded spring layout, so the same network
always gives the same picture) and drawn as inline SVG with a title, a description and a
text alternative in words.

Two moments when the history allows: the day the first joint initiative began, and now.
Both use the positions of "now", so a dot stays where it is and the reader sees the lines
appear between islands. networkx (and numpy, which its layout uses) are imported inside
:func:`layout`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Any

from gzctl.core.model import Organisation, Platform, Project
from gzctl.documents.base import join_dutch, short_dutch_date
from gzctl.documents.site.prepare import (
    OTHER_SECTOR,
    SECTORS,
    sector_of,
    taking_part,
    visible_platforms,
)

WIDTH = 1100  # SVG user units (the picture scales to the page width)
HEIGHT = 600
SEED = 17
Box = tuple[float, float, float, float]  # x1, y1, x2, y2
MAX_LABELS = 40  # above this many organisations, names only in the text alternative
CHAR_WIDTH = 10.5  # estimated width of one character of a name at 17px, in SVG units


@dataclass(frozen=True)
class Moment:
    """The network on one day: organisations (ids) present and the initiatives (ids) that
    link them. ``day`` is None for 'now'."""

    day: dt.date | None
    orgs: tuple[str, ...]
    platforms: tuple[str, ...]


def _started(p: Platform) -> dt.date | None:
    return min(p.dates.values()) if p.dates else None


def moments(project: Project) -> list[Moment]:
    """'now', preceded by the day the first joint initiative began when that picture differs
    from now (1 or 2 moments, oldest first)."""
    orgs = taking_part(project)
    ids = {o.id for o in orgs}
    platforms = [p for p in visible_platforms(project) if any(m in ids for m in _members(p))]
    now = Moment(None, tuple(o.id for o in orgs), tuple(p.id for p in platforms))
    starts = [d for p in platforms if (d := _started(p)) is not None]
    if not starts:
        return [now]
    first = min(starts)
    then_platforms = [p for p in platforms if (_started(p) or first) <= first]
    members = {m for p in then_platforms for m in p.members}
    then_orgs = [o for o in orgs if o.id in members or _joined_by(o, first)]
    then = Moment(first, tuple(o.id for o in then_orgs), tuple(p.id for p in then_platforms))
    if (then.orgs, then.platforms) == (now.orgs, now.platforms) or not then.orgs:
        return [now]
    return [then, now]


def _joined_by(org: Organisation, day: dt.date) -> bool:
    joined = org.dates.get("aangesloten")
    return joined is not None and joined <= day


def _members(p: Platform) -> list[str]:
    return sorted(set(p.members) | ({p.trekker} if p.trekker else set()))


def layout(project: Project) -> dict[str, tuple[float, float]]:
    """Positions in SVG units for every organisation ("o:ID") and initiative ("p:ID") of
    'now', inside a WIDTH x HEIGHT box, rounded to 0.1 so that the file does not change with
    the last bits of a float.

    The organisations that share an initiative are laid out by networkx's spring layout
    (seeded, nodes added in a fixed order: deterministic) in the middle; the ones that do
    not yet share one ring them like islands, in alphabetical order."""
    import math

    import networkx as nx

    orgs = taking_part(project)
    present = {o.id for o in orgs}
    graph = nx.Graph()
    for p in visible_platforms(project):
        linked = [m for m in _members(p) if m in present]
        if not linked:
            continue
        graph.add_node(f"p:{p.id}")
        for m in linked:
            graph.add_edge(f"p:{p.id}", f"o:{m}")
    alone = [o.id for o in orgs if f"o:{o.id}" not in graph]
    out: dict[str, tuple[float, float]] = {}
    # the net in the middle; the islands ring it
    left, right = (260.0, WIDTH - 260.0) if alone else (60.0, WIDTH - 60.0)
    top, bottom = 50.0, HEIGHT - 50.0
    comps = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    weights = [math.sqrt(len(c)) for c in comps]
    x0 = left
    for comp, weight in zip(comps, weights, strict=True):
        cell = (right - left) * weight / sum(weights)
        sub = nx.Graph()
        sub.add_nodes_from(comp)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(comp).edges()))
        raw = nx.spring_layout(sub, seed=SEED, iterations=300)
        xs = [float(v[0]) for v in raw.values()]
        ys = [float(v[1]) for v in raw.values()]
        mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        half_x = (max(xs) - min(xs)) / 2 or 1.0
        half_y = (max(ys) - min(ys)) / 2 or 1.0
        ccx, ccy = x0 + cell / 2, (top + bottom) / 2
        rx, ry = max(cell / 2 - 95, 25.0), (bottom - top) / 2
        for node in comp:
            x, y = raw[node]
            px = ccx + (float(x) - mx) / half_x * rx
            py = ccy + (float(y) - my) / half_y * ry
            out[str(node)] = (round(px, 1), round(py, 1))
        x0 += cell
    # islands: half in a column on the left (names to the right), half on the right
    half = (len(alone) + 1) // 2
    for column, ids in ((0, alone[:half]), (1, alone[half:])):
        step = (HEIGHT - 60) / max(len(ids), 1)
        for i, oid in enumerate(ids):
            px = 24.0 if column == 0 else WIDTH - 24.0
            out[f"o:{oid}"] = (px, round(30 + step * (i + 0.5), 1))
    return out


def describe(project: Project, moment: Moment) -> str:
    """The picture in words (its text alternative): how many organisations, which
    initiatives join whom, and who still stands alone."""
    names = {o.id: o.name for o in project.organisations}
    platforms = {p.id: p for p in project.platforms}
    linked: set[str] = set()
    parts = []
    for pid in moment.platforms:
        members = [m for m in _members(platforms[pid]) if m in moment.orgs]
        if not members:
            continue
        linked.update(members)
        parts.append(f"{platforms[pid].title} ({len(members)} organisaties)")
    alone = [names.get(o, o) for o in moment.orgs if o not in linked]
    n = len(moment.orgs)
    text = f"{n} {'organisatie' if n == 1 else 'organisaties'}."
    if parts:
        how_many = (
            "een gezamenlijk initiatief"
            if len(parts) == 1
            else f"{len(parts)} gezamenlijke initiatieven"
        )
        text += f" {len(linked)} daarvan werken samen in {how_many}: {join_dutch(parts)}."
    if alone:
        text += f" Nog zonder gezamenlijk initiatief: {join_dutch(alone)}."
    return text


def caption(moment: Moment) -> str:
    """'Nu' or 'Toen het eerste initiatief begon (3 november 2026)'."""
    if moment.day is None:
        return "Nu"
    return f"Toen het eerste initiatief begon ({short_dutch_date(moment.day)})"


def svg(
    project: Project, moment: Moment, positions: dict[str, tuple[float, float]], ident: str
) -> str:
    """One moment as an inline <svg> element (a string of markup, safe to embed: every name
    is escaped). ``ident`` makes the ids of its <title> and <desc> unique on the page."""
    by_id = {o.id: o for o in project.organisations}
    platforms = {p.id: p for p in project.platforms}
    title = f"Het netwerk: {caption(moment).lower() if moment.day else 'nu'}"
    lines: list[str] = []
    hubs: list[str] = []
    dots: list[str] = []
    for pid in moment.platforms:
        if f"p:{pid}" not in positions:
            continue
        hx, hy = positions[f"p:{pid}"]
        p = platforms[pid]
        linked = [m for m in _members(p) if m in moment.orgs and f"o:{m}" in positions]
        if not linked:
            continue
        for m in linked:
            ox, oy = positions[f"o:{m}"]
            lines.append(f'<line x1="{hx}" y1="{hy}" x2="{ox}" y2="{oy}"/>')
        s = 11
        hubs.append(
            f'<rect class="hub" x="{round(hx - s, 1)}" y="{round(hy - s, 1)}" width="{2 * s}" '
            f'height="{2 * s}" rx="4" transform="rotate(45 {hx} {hy})"/>'
            f'<text class="hub-label" x="{hx}" y="{round(hy + 30, 1)}" '
            f'text-anchor="middle">{escape(p.title)}</text>'
        )
    show_names = len(moment.orgs) <= MAX_LABELS
    hub_x: dict[str, float] = {}
    for pid in moment.platforms:
        for m in _members(platforms[pid]):
            if f"p:{pid}" in positions:
                hub_x.setdefault(m, positions[f"p:{pid}"][0])
    placed: list[Box] = []
    for pid in moment.platforms:  # the initiatives' names stay where they are
        if f"p:{pid}" in positions:
            hx, hy = positions[f"p:{pid}"]
            w = CHAR_WIDTH * len(platforms[pid].title)
            placed.append((hx - w / 2, hy + 14, hx + w / 2, hy + 34))
    for oid in moment.orgs:  # and no name covers a dot
        if f"o:{oid}" in positions:
            ox, oy = positions[f"o:{oid}"]
            placed.append((ox - 10, oy - 10, ox + 10, oy + 10))
    for oid in moment.orgs:
        if f"o:{oid}" not in positions:
            continue
        x, y = positions[f"o:{oid}"]
        org = by_id[oid]
        colour = SECTORS.get(sector_of(org), OTHER_SECTOR)[1]
        dot = f'<circle cx="{x}" cy="{y}" r="9" fill="{colour}"/>'
        if show_names:
            prefer = x >= hub_x[oid] if oid in hub_x else x < WIDTH / 2
            right, ty = _free_spot(x, y, len(org.name), prefer, placed)
            tx = round(x + 14 if right else x - 14, 1)
            anchor = "start" if right else "end"
            dot += (
                f'<text x="{tx}" y="{round(ty + 5, 1)}" text-anchor="{anchor}">'
                f"{escape(org.name)}</text>"
            )
        dots.append(dot)
    return (
        f'<svg class="netwerkplaat" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{ident}-titel {ident}-uitleg" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-titel">{escape(title)}</title>'
        f'<desc id="{ident}-uitleg">{escape(describe(project, moment))}</desc>'
        f'<g class="lijnen">{"".join(lines)}</g>'
        f'<g class="knopen">{"".join(hubs)}{"".join(dots)}</g>'
        "</svg>"
    )


def _free_spot(
    x: float, y: float, chars: int, prefer_right: bool, placed: list[Box]
) -> tuple[bool, float]:
    """Where a name goes: the preferred side of its dot, else the other side, else a little
    higher or lower, whichever first overlaps no name placed before. Adds its box to
    ``placed``; returns (to the right?, baseline y)."""
    width = CHAR_WIDTH * chars
    options = [
        (side, dy) for dy in (0, -20, 20, -40, 40) for side in (prefer_right, not prefer_right)
    ]
    for right, dy in options:
        x1 = x + 13 if right else x - 13 - width
        box = (x1, y + dy - 11, x1 + width, y + dy + 11)
        inside = 0 <= box[0] and box[2] <= WIDTH
        if inside and not any(_overlap(box, other) for other in placed):
            placed.append(box)
            return right, y + dy
    placed.append((x + 12, y - 11, x + 12 + width, y + 11))
    return prefer_right, y


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def pictures(project: Project) -> list[dict[str, Any]]:
    """The pictures for the site: per moment 'kop' (caption), 'svg' (markup), 'tekst'
    (the text alternative), 'leeg' (True when there is nothing to draw yet)."""
    positions = layout(project)
    out = []
    for i, moment in enumerate(moments(project)):
        ident = "plaat-nu" if moment.day is None else f"plaat-{i}"
        out.append(
            {
                "kop": caption(moment),
                "svg": svg(project, moment, positions, ident) if moment.orgs else "",
                "tekst": describe(project, moment),
                "leeg": not moment.orgs,
            }
        )
    return out
