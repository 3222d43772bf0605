"""The picture of the network: organisations as dots, joined through the initiatives they
share, coloured by sector. Laid out by a small force layout in plain Python (no random
numbers, a fixed number of steps, so the same network always gives the same picture) and
drawn as inline SVG with a title, a description and a text alternative in words.

Two moments when the history allows: the day the first joint initiative began, and now.
Both use the positions of "now", so a dot stays where it is and the reader sees the lines
appear between islands.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape
from typing import Any

from gzctl.core.model import Organisation, Platform, Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
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
STEPS = 300  # the force layout's steps
HUB_PUSH = 2.0  # how much harder an initiative pushes the other nodes away than a dot
BIG = 60  # above this many nodes in one group, fewer steps (they cost n^2 each)
DOT_ROOM = (14.0, 14.0)  # half the room a dot keeps clear around it (SVG units)
SPREAD_ROUNDS = 50  # at most this many rounds of pushing apart what is too close
Box = tuple[float, float, float, float]  # x1, y1, x2, y2
Half = tuple[float, float]  # half a width, half a height
MAX_LABELS = 40  # above this many organisations, names only in the text alternative
CHAR_WIDTH = 10.5  # estimated width of one character of a name at 17px, in SVG units


@_frozen_record
class Moment(_FrozenRecord):
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

    The organisations that share an initiative are laid out by :func:`spring` (no
    randomness, a fixed number of steps, nodes in a fixed order: deterministic) in the
    middle, one cell per group that hangs together; the ones that do not yet share one ring
    them like islands, in alphabetical order."""
    orgs = taking_part(project)
    present = {o.id for o in orgs}
    links: dict[str, set[str]] = {}
    sizes: dict[str, Half] = {f"o:{o}": DOT_ROOM for o in present}
    for p in visible_platforms(project):
        linked = [m for m in _members(p) if m in present]
        if not linked:
            continue
        # the diamond with its name below: as wide as the name, as tall as both
        sizes[f"p:{p.id}"] = (max(CHAR_WIDTH * len(p.title) / 2 + 6, 16.0), 26.0)
        links.setdefault(f"p:{p.id}", set())
        for m in linked:
            links[f"p:{p.id}"].add(f"o:{m}")
            links.setdefault(f"o:{m}", set()).add(f"p:{p.id}")
    alone = [o.id for o in orgs if f"o:{o.id}" not in links]
    out: dict[str, tuple[float, float]] = {}
    # the net in the middle; the islands ring it
    left, right = (260.0, WIDTH - 260.0) if alone else (60.0, WIDTH - 60.0)
    top, bottom = 50.0, HEIGHT - 50.0
    comps = sorted(components(links), key=lambda c: (-len(c), c[0]))
    weights = [math.sqrt(len(c)) for c in comps]
    x0 = left
    for comp, weight in zip(comps, weights, strict=True):
        cell = (right - left) * weight / sum(weights)
        rx, ry = max(cell / 2 - 95, 25.0), (bottom - top) / 2
        raw = spring(comp, links, aspect=rx / ry)
        xs = [v[0] for v in raw.values()]
        ys = [v[1] for v in raw.values()]
        mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        half_x = (max(xs) - min(xs)) / 2 or 1.0
        half_y = (max(ys) - min(ys)) / 2 or 1.0
        ccx, ccy = x0 + cell / 2, (top + bottom) / 2
        placed = {
            node: [ccx + (x - mx) / half_x * rx, ccy + (y - my) / half_y * ry]
            for node, (x, y) in raw.items()
        }
        spread(placed, sizes, (ccx - rx, ccy - ry, ccx + rx, ccy + ry))
        for node in comp:
            out[node] = (round(placed[node][0], 1), round(placed[node][1], 1))
        x0 += cell
    # islands: half in a column on the left (names to the right), half on the right
    half = (len(alone) + 1) // 2
    for column, ids in ((0, alone[:half]), (1, alone[half:])):
        step = (HEIGHT - 60) / max(len(ids), 1)
        for i, oid in enumerate(ids):
            px = 24.0 if column == 0 else WIDTH - 24.0
            out[f"o:{oid}"] = (px, round(30 + step * (i + 0.5), 1))
    return out


def components(links: dict[str, set[str]]) -> list[list[str]]:
    """The groups of nodes that hang together, each sorted, found from the sorted nodes."""
    seen: set[str] = set()
    out = []
    for start in sorted(links):
        if start in seen:
            continue
        seen.add(start)
        todo, comp = [start], []
        while todo:
            node = todo.pop()
            comp.append(node)
            for other in sorted(links[node] - seen):
                seen.add(other)
                todo.append(other)
        out.append(sorted(comp))
    return out


def _start_order(nodes: list[str], links: dict[str, set[str]]) -> list[str]:
    """Breadth first from the best-linked node (ties by name): neighbours start side by side
    on the circle, so the spring has few crossings to undo."""
    first = min(nodes, key=lambda n: (-len(links[n]), n))
    order, seen = [first], {first}
    for node in order:
        for other in sorted(links[node], key=lambda n: (-len(links[n]), n)):
            if other not in seen:
                seen.add(other)
                order.append(other)
    return order


def spring(
    nodes: list[str], links: dict[str, set[str]], aspect: float = 1.0
) -> dict[str, tuple[float, float]]:
    """A force layout (Fruchterman and Reingold) of one group that hangs together, in plain
    Python: every pair of nodes pushes apart, every link pulls together, and each step moves
    a node at most a 'temperature' that cools to zero over :data:`STEPS` steps. It starts
    from a circle in breadth-first order, stretched to ``aspect`` (width / height of the
    cell it will fill), so the same group always ends in the same place, with no random
    numbers. Pairs cost n^2 per step: a few dozen nodes take some milliseconds; beyond
    :data:`BIG` nodes fewer steps are taken, so a big village still builds in a second.
    Returns unscaled coordinates; :func:`layout` fits them into the cell."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    order = _start_order(nodes, links)
    index = {node: i for i, node in enumerate(order)}
    # rounded, so that a last bit where two maths libraries differ moves no dot
    xs = [round(aspect * math.cos(2 * math.pi * i / n), 9) for i in range(n)]
    ys = [round(math.sin(2 * math.pi * i / n), 9) for i in range(n)]
    edges = sorted((index[a], index[b]) for a in order for b in links[a] if a < b)
    k = math.sqrt(4.0 * aspect / n)  # the ideal distance: the area shared out per node
    # an initiative pushes harder: its name is wide, and two of them must not meet
    push = [HUB_PUSH if node.startswith("p:") else 1.0 for node in order]
    steps = STEPS if n <= BIG else max(STEPS * BIG * BIG // (n * n), 30)
    heat = 0.1 * max(aspect, 1.0)
    for step in range(steps):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ex, ey = xi - xs[j], yi - ys[j]
                d2 = max(ex * ex + ey * ey, 1e-6)
                f = k * k * push[i] * push[j] / d2  # k^2/d along the unit vector (ex, ey)/d
                dx[i] += ex * f
                dy[i] += ey * f
                dx[j] -= ex * f
                dy[j] -= ey * f
        for i, j in edges:
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            f = math.sqrt(ex * ex + ey * ey) / k  # attraction d^2/k, along (ex, ey)/d
            dx[i] -= ex * f
            dy[i] -= ey * f
            dx[j] += ex * f
            dy[j] += ey * f
        t = heat * (1 - step / steps)
        for i in range(n):
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                move = min(length, t) / length
                xs[i] += dx[i] * move
                ys[i] += dy[i] * move
    return {node: (xs[i], ys[i]) for node, i in index.items()}


def spread(placed: dict[str, list[float]], sizes: dict[str, Half], box: Box) -> None:
    """Push apart, in place, any two nodes whose rooms overlap (``sizes``: half the width
    and height of a node with what must stay clear around it, such as an initiative's name),
    each along the axis where they overlap least, keeping every node inside ``box``. The
    force layout spaces a group evenly, but once stretched to its cell two nodes can still
    touch. Pairs in a fixed order, a fixed number of rounds at most: deterministic."""
    nodes = sorted(placed)
    points = [placed[node] for node in nodes]
    halves = [sizes[node] for node in nodes]
    x1, y1, x2, y2 = box
    for _ in range(SPREAD_ROUNDS):
        moved = False
        for i, a in enumerate(points):
            for j in range(i + 1, len(points)):
                b = points[j]
                ex, ey = a[0] - b[0], a[1] - b[1]
                over_x = halves[i][0] + halves[j][0] - abs(ex)
                over_y = halves[i][1] + halves[j][1] - abs(ey)
                if over_x <= 0 or over_y <= 0:
                    continue
                # the cheaper way out; a tie or a node right above another goes sideways
                if over_x * (1 + abs(ey)) <= over_y * (1 + abs(ex)):
                    axis, gap, sign = 0, over_x / 2, 1.0 if ex >= 0 else -1.0
                else:
                    axis, gap, sign = 1, over_y / 2, 1.0 if ey >= 0 else -1.0
                low, high = (x1, x2) if axis == 0 else (y1, y2)
                a[axis] = min(max(a[axis] + sign * gap, low), high)
                b[axis] = min(max(b[axis] - sign * gap, low), high)
                moved = True
        if not moved:
            return


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
