"""Villages learning from each other ("bij elkaar in de keuken kijken").

Two views over the portfolio rows, so an advisor can put villages in touch:

* per platform, the villages where it is active and those where it is being started
  (``idee``, ``in oprichting``): the first can show the second how they did it;
* per step of the stappenplan, the villages whose first open action lies in that step, when
  two or more share it, with the days since their last activity: a village that is stuck can
  sit at the kitchen table of one that is at the same point.

Pure functions over the rows (``gzctl portfolio --json`` documents); the step titles come
from the playbook named in the row, when it can be loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gzctl.advisors import portfolio

Row = portfolio.Row
ACTIVE = "actief"
STARTING = ("idee", "in oprichting")


def _village(row: Row) -> dict[str, Any]:
    return {
        "name": portfolio.village_name(row),
        "municipality": row["village"].get("municipality") or "",
        "path": row["path"],
        "days_since_activity": row.get("days_since_activity"),
        "stalled": bool(row.get("stalled")),
    }


def platforms(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per platform (by id, which is the catalogue id for a catalogue platform): ``active``
    and ``starting`` villages. Only platforms active somewhere; most active first, then by
    title. Shape: {"id", "title", "active": [village], "starting": [village]}."""
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.get("error") is not None:
            continue
        items = row.get("platforms")
        if not isinstance(items, list):
            continue
        for p in items:
            if not isinstance(p, dict) or not p.get("id"):
                continue
            entry = found.setdefault(
                str(p["id"]), {"id": p["id"], "title": p.get("title") or p["id"], "active": [],
                               "starting": []}
            )  # fmt: skip
            status = p.get("status")
            if status == ACTIVE:
                entry["active"].append(_village(row))
            elif status in STARTING:
                entry["starting"].append({**_village(row), "status": status})
    out = [e for e in found.values() if e["active"]]
    for e in out:
        e["active"].sort(key=lambda v: v["name"].casefold())
        e["starting"].sort(key=lambda v: v["name"].casefold())
    out.sort(key=lambda e: (-len(e["active"]), str(e["title"]).casefold()))
    return out


def _step_titles(rows: Sequence[Row]) -> Callable[[str, str], str]:
    cache: dict[str, dict[str, str]] = {}

    def title(playbook: str, step: str) -> str:
        if playbook not in cache:
            from gzctl.core import playbook as pb
            from gzctl.core.errors import GzctlError

            try:
                book = pb.load(playbook)
                cache[playbook] = {s.id: s.title for s in book.steps}
            except GzctlError:
                cache[playbook] = {}
        return cache[playbook].get(step, step)

    return title


def same_step(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Groups of two or more villages whose first open action lies in the same step, the
    largest group first; in a group the longest quiet village first. Shape: {"step",
    "title", "phase", "villages": [village + "action"]}."""
    title = _step_titles(rows)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        if row.get("error") is not None:
            continue
        nxt = row.get("next")
        if not isinstance(nxt, list) or not nxt or not isinstance(nxt[0], dict):
            continue
        first = nxt[0]
        step = str(first.get("step") or "")
        if not step:
            continue
        book = str(row.get("playbook", {}).get("source") or row.get("playbook", {}).get("id"))
        key = (book, step)
        group = groups.setdefault(
            key,
            {"step": step, "title": title(book, step), "phase": row["phase"]["title"],
             "villages": []},
        )  # fmt: skip
        group["villages"].append({**_village(row), "action": first.get("title", "")})
    out = [g for g in groups.values() if len(g["villages"]) >= 2]
    for g in out:
        g["villages"].sort(key=lambda v: (-(v["days_since_activity"] or 0), v["name"].casefold()))
    out.sort(key=lambda g: (-len(g["villages"]), g["step"]))
    return out


def view(rows: Sequence[Row]) -> dict[str, Any]:
    """The JSON document of `gzctl peers --json`: {"platforms": [...], "steps": [...]}."""
    return {"platforms": platforms(rows), "steps": same_step(rows)}


def _days(v: dict[str, Any]) -> str:
    days = v["days_since_activity"]
    if days is None:
        text = portfolio.DASH
    elif days <= 0:
        text = "vandaag"
    elif days == 1:
        text = "gisteren"
    else:
        text = f"{days} dagen geleden"
    return text + (" (stilgevallen)" if v["stalled"] else "")


def table_text(data: dict[str, Any]) -> str:
    """Plain text for the terminal, in Dutch."""
    lines = ["Platforms: waar draait het al, waar begint het?"]
    if not data["platforms"]:
        lines.append("  (nog geen dorp met een actief platform)")
    for p in data["platforms"]:
        active = ", ".join(v["name"] for v in p["active"])
        lines.append(f"  {p['title']}")
        lines.append(f"    actief in: {active}")
        if p["starting"]:
            starting = ", ".join(f"{v['name']} ({v['status']})" for v in p["starting"])
            lines.append(f"    begint in: {starting}")
    lines.append("")
    lines.append("Op dezelfde stap: dorpen die bij elkaar in de keuken kunnen kijken")
    if not data["steps"]:
        lines.append("  (geen stap waar twee of meer dorpen staan)")
    for g in data["steps"]:
        lines.append(f"  {g['title']} ({g['phase']}) — {len(g['villages'])} dorpen")
        for v in g["villages"]:
            lines.append(f"    {v['name']}: laatst actief {_days(v)}")
    return "\n".join(lines)


CSV_COLUMNS = ("Soort", "Onderwerp", "Dorp", "Gemeente", "Stand", "Laatst actief", "Map")


def csv_text(data: dict[str, Any]) -> str:
    """One line per village per platform or step; ';' for Dutch Excel."""
    import csv
    import io

    buf = io.StringIO()
    writer = _Cells(csv.writer(buf, delimiter=";", lineterminator="\r\n"))
    writer.writerow(CSV_COLUMNS)
    for p in data["platforms"]:
        for v in p["active"]:
            writer.writerow(("platform", p["title"], v["name"], v["municipality"], "actief",
                             _days(v), v["path"]))  # fmt: skip
        for v in p["starting"]:
            writer.writerow(("platform", p["title"], v["name"], v["municipality"], v["status"],
                             _days(v), v["path"]))  # fmt: skip
    for g in data["steps"]:
        for v in g["villages"]:
            writer.writerow(("stap", g["title"], v["name"], v["municipality"], v["action"],
                             _days(v), v["path"]))  # fmt: skip
    return buf.getvalue()


class _Cells:
    """A csv writer whose cells are :func:`~gzctl.core.outtext.report_cell`: no formula for
    Excel (a village named '=HYPERLINK(...)' in a hand-edited gzctl.toml), no control
    character from a folder name."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, row: Any) -> None:
        from gzctl.core.outtext import report_cell

        self.writer.writerow([report_cell(v) for v in row])


def html_sections(data: dict[str, Any]) -> dict[str, Any]:
    """What the HTML pages show (the dashboard's "Van elkaar leren" and `peers --html`)."""
    return {
        "platforms": [
            {
                "title": p["title"],
                "active": [{**v, "days": _days(v)} for v in p["active"]],
                "starting": [{**v, "days": _days(v)} for v in p["starting"]],
            }
            for p in data["platforms"]
        ],
        "steps": [
            {
                "title": g["title"],
                "phase": g["phase"],
                "villages": [{**v, "days": _days(v)} for v in g["villages"]],
            }
            for g in data["steps"]
        ],
    }
