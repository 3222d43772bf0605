"""The portfolio as one self-contained HTML page: the table and a burn-up chart per village.

No network: the CSS sits in a <style> element and the charts are inline SVG, so the page can
be mailed or opened offline. The template (templates/portfolio/dashboard.html.j2) only
formats; the rows, cells and SVG are prepared here from the same functions as the table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from gzctl.advisors import portfolio
from gzctl.advisors.burnup import Burnup, chart_svg
from gzctl.core.outtext import clean
from gzctl.core.questions import format_date

TEMPLATE = "portfolio/dashboard.html.j2"
TABLE_COLUMNS = (
    "village",
    "municipality",
    "playbook",
    "phase",
    "progress",
    "organisations",
    "reach",
    "meeting_place",
    "coordinator",
    "platforms",
    "activity",
)


def _anchor(path: str, used: set[str]) -> str:
    base = "dorp-" + (re.sub(r"[^a-z0-9]+", "-", path.casefold()).strip("-") or "x")
    anchor, n = base, 2
    while anchor in used:
        anchor, n = f"{base}-{n}", n + 1
    used.add(anchor)
    return anchor


def _environment() -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from gzctl.core.paths import data_dir

    return SandboxedEnvironment(
        loader=FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def phase_label(row: portfolio.Row) -> tuple[str, str]:
    """The phase as the table shows it: the current phase with its percentage and, when work
    has already been done in a later phase, the furthest such phase as a note.
    ("Verbinden · 45%", "al bezig in Organiseren · 20%"); "—" when there are no phases."""
    phases = [p for p in row.get("phases", []) if isinstance(p, dict)]
    current = row.get("phase", {})
    if not phases:
        return str(current.get("title") or portfolio.DASH), ""
    by_id = {p["id"]: p for p in phases}
    now = by_id.get(current.get("id"))
    if now is None:  # every phase done ("afgerond")
        return str(current.get("title")), ""
    label = f"{now['title']} · {now['percent']}%" if now.get("total") else str(now["title"])
    worked = [p for p in phases if p.get("done")]
    furthest = worked[-1] if worked else None
    if furthest is not None and phases.index(furthest) > phases.index(now):
        return label, f"al bezig in {furthest['title']} · {furthest['percent']}%"
    return label, ""


def page(
    rows: Sequence[portfolio.Row],
    charts: Mapping[str, Burnup],
    today: dt.date,
    stalled_days: int,
) -> str:
    """``charts`` maps a row's path to its burn-up. The page holds the table (in a box that
    scrolls sideways on a phone; all columns on A4 landscape), a chart per village and the
    "Van elkaar leren" section (advisors/peers.py)."""
    from markupsafe import Markup

    from gzctl.advisors import peers

    env = _environment()
    used: set[str] = set()
    prepared: list[dict[str, Any]] = []
    for r in rows:
        if r.get("error") is not None:
            prepared.append(
                {"error": r["error"], "name": portfolio.village_name(r), "path": r["path"]}
            )
            continue
        c = portfolio.cells(r)
        chart = charts.get(r["path"])
        svg = chart_svg(chart, c["village"]) if chart is not None else ""
        label, note = phase_label(r)
        known = bool(r["progress"].get("total"))
        if not known:
            c = {**c, "progress": portfolio.DASH}  # nothing to count: unknown, not 0%
        if not (portfolio.organisations(r) or (0, 0))[1]:
            # no inventory yet: reach and organisations are unknown, not 0/0 or 0%
            c = {**c, "organisations": portfolio.DASH, "reach": portfolio.DASH}
        prepared.append(
            {
                "error": None,
                "cells": c,
                "phase_label": label,
                "phase_note": note,
                "path": r["path"],
                "stalled": bool(r.get("stalled")),
                "percent": r["progress"]["percent"] if known else None,
                "done": r["progress"]["done"],
                "total": r["progress"]["total"],
                "anchor": _anchor(r["path"], used),
                "svg": Markup(svg),  # built by chart_svg, every text in it escaped
            }
        )
    template = env.get_template(TEMPLATE)
    return clean(  # a folder name may hold ESC or bidi controls: none reach the page
        template.render(
            title="Portfolio van dorpen — Gemeenschapszorg netwerk",
            summary=portfolio.summary_text(portfolio.summary(rows)),
            day=format_date(today),
            stalled_days=stalled_days,
            headers=[portfolio.HEADERS[c] for c in TABLE_COLUMNS],
            rows=prepared,
            legend=portfolio.LEGEND,
            peers=peers.html_sections(peers.view(rows)),
        )
    )


def peers_page(data: dict[str, Any], today: dt.date) -> str:
    """`gzctl peers --html`: the "Van elkaar leren" section as a page of its own."""
    from gzctl.advisors import peers

    return clean(
        _environment()
        .get_template("portfolio/leren.html.j2")
        .render(
            title="Van elkaar leren — Gemeenschapszorg netwerk",
            day=format_date(today),
            peers=peers.html_sections(data),
        )
    )
