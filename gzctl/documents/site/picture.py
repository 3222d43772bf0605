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

WIDTH = 760  # SVG user units (the picture scales to the page width)
HEIGHT = 520
MARGIN = 70
SEED = 17
MAX_LABELS = 40  # above this many organisations, names only in the text alternative


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
    platforms = [p for p in visible_platforms(project) if p.members]
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


def layout(project: Project) -> dict[str, tuple[float, float]]:
    """Positions in SVG units for every organisation ("o:ID") and initiative ("p:ID") of
    'now', inside the margins of a WIDTH x HEIGHT box, rounded to 0.1 so that the file does
    not change with the last bits of a float. Deterministic: a seeded spring layout over
    nodes added in a fixed order."""
    import networkx as nx

    orgs = taking_part(project)
    platforms = [p for p in visible_platforms(project) if p.members]
    graph = nx.Graph()
    for o in orgs:
        graph.add_node(f"o:{o.id}")
    present = {o.id for o in orgs}
    for p in platforms:
        graph.add_node(f"p:{p.id}")
        for m in sorted(set(p.members) | ({p.trekker} if p.trekker else set())):
            if m in present:
                graph.add_edge(f"p:{p.id}", f"o:{m}")
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() == 1:
        only = next(iter(graph.nodes))
        return {only: (WIDTH / 2, HEIGHT / 2)}
    raw = nx.spring_layout(graph, seed=SEED, iterations=300, k=1.6 / graph.number_of_nodes() ** 0.5)
    xs = [float(v[0]) for v in raw.values()]
    ys = [float(v[1]) for v in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    out = {}
    for node, (x, y) in raw.items():
        px = MARGIN + (float(x) - min(xs)) / span_x * (WIDTH - 2 * MARGIN - 120) + 40
        py = MARGIN / 2 + (float(y) - min(ys)) / span_y * (HEIGHT - MARGIN)
        out[str(node)] = (round(px, 1), round(py, 1))
    return out


def describe(project: Project, moment: Moment) -> str:
    """The picture in words (its text alternative): how many organisations, which
    initiatives join whom, and who still stands alone."""
    names = {o.id: o.name for o in project.organisations}
    platforms = {p.id: p for p in project.platforms}
    linked: set[str] = set()
    parts = []
    for pid in moment.platforms:
        p = platforms[pid]
        members = [m for m in p.members if m in moment.orgs]
        linked.update(members)
        parts.append(f"{p.title} ({len(members)} organisaties)")
    alone = [names.get(o, o) for o in moment.orgs if o not in linked]
    n = len(moment.orgs)
    text = f"{n} {'organisatie' if n == 1 else 'organisaties'}."
    if parts:
        text += (
            f" {len(linked)} daarvan werken samen in "
            f"{'een gezamenlijk initiatief' if len(parts) == 1 else str(len(parts)) + ' gezamenlijke initiatieven'}: "
            f"{join_dutch(parts)}."
        )
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
        for m in sorted(set(p.members) | ({p.trekker} if p.trekker else set())):
            if m in moment.orgs and f"o:{m}" in positions:
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
    for oid in moment.orgs:
        if f"o:{oid}" not in positions:
            continue
        x, y = positions[f"o:{oid}"]
        org = by_id[oid]
        colour = SECTORS.get(sector_of(org), OTHER_SECTOR)[1]
        dot = f'<circle cx="{x}" cy="{y}" r="9" fill="{colour}"/>'
        if show_names:
            right = x < WIDTH - 200
            tx = round(x + 14 if right else x - 14, 1)
            anchor = "start" if right else "end"
            dot += (
                f'<text x="{tx}" y="{round(y + 4, 1)}" text-anchor="{anchor}">'
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
