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


def page(
    rows: Sequence[portfolio.Row],
    charts: Mapping[str, Burnup],
    today: dt.date,
    stalled_days: int,
) -> str:
    """``charts`` maps a row's path to its burn-up."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment
    from markupsafe import Markup

    from gzctl.core.playbook import data_dir

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
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
        prepared.append(
            {
                "error": None,
                "cells": c,
                "path": r["path"],
                "stalled": bool(r.get("stalled")),
                "percent": r["progress"]["percent"],
                "done": r["progress"]["done"],
                "total": r["progress"]["total"],
                "anchor": _anchor(r["path"], used),
                "svg": Markup(svg),  # built by chart_svg, every text in it escaped
            }
        )
    template = env.get_template(TEMPLATE)
    return template.render(
        title="Portfolio van dorpen — Gemeenschapszorg netwerk",
        summary=portfolio.summary_text(portfolio.summary(rows)),
        day=format_date(today),
        stalled_days=stalled_days,
        headers=[portfolio.HEADERS[c] for c in TABLE_COLUMNS],
        rows=prepared,
        legend=portfolio.LEGEND,
    )
