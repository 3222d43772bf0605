"""The news feed (Atom, RFC 4287) of the website: the items of the newsletter for residents.

One entry per activity (announced when it is coming, with its participant count once it has
happened) and one per joint initiative that has started. Every time stamp comes from the
project's history (the moment the item last changed), never from the clock, so the same
project gives the same feed. Links are absolute when the site's address is known, else
relative to the feed (an Atom reader resolves them against the feed's own address).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from gzctl.core.model import Project

FEED_FILE = "nieuws.xml"
_ACTIVITY_ACTIONS = {"activity-add", "activity-edit", "activity-count"}
_PLATFORM_ACTIONS = {"platform-add", "platform-status", "platform-join", "platform-leave"}


def _stamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _last_change(project: Project, item_id: str, actions: set[str]) -> dt.datetime | None:
    found = [h.at for h in project.history if h.action in actions and item_id in h.ids]
    return max(found) if found else None


def _fallback(project: Project) -> dt.datetime:
    created = project.project.created or dt.date(2000, 1, 1)
    return dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)


def feed_entries(project: Project, data: dict[str, Any]) -> list[dict[str, str]]:
    """The entries, newest first: 'id' (tag URI), 'titel', 'tekst', 'link' (page#anchor,
    relative), 'updated' (RFC 3339, UTC). ``data`` is prepare.site_data's result."""
    village = _village_key(project)
    created = (project.project.created or dt.date(2000, 1, 1)).isoformat()
    by_anchor = {a["anker"]: a for a in data["komend"] + data["geweest"]}
    entries = []
    for a in project.activities:
        shown = by_anchor.get(f"activiteit-{a.id}")
        if shown is None:
            continue
        when = _last_change(project, a.id, _ACTIVITY_ACTIONS) or _fallback(project)
        where = f" in {shown['plek']}" if shown["plek"] else ""
        moment = f"{shown['datum']}{', ' + shown['tijd'] if shown['tijd'] else ''}{where}"
        by = f" Door {shown['door']}." if shown["door"] else ""
        if shown in data["geweest"]:
            page = "geweest.html"
            count = f" Er deden {shown['deelnemers']} mensen mee." if shown["deelnemers"] else ""
            text = f"Op {moment}.{count}{by}"
            title = f"Geweest: {a.title}"
        else:
            page = "agenda.html"
            text = f"Op {moment}.{by} {shown['omschrijving']}".strip()
            title = a.title
        entries.append(
            {
                "id": f"tag:gzctl.nl,{created}:{village}/activiteit/{a.id}",
                "titel": title,
                "tekst": text,
                "link": f"{page}#{shown['anker']}",
                "updated": _stamp(when),
            }
        )
    for p, shown in zip(_started_platforms(project), _started_data(data), strict=True):
        when = _last_change(project, p.id, _PLATFORM_ACTIONS) or _fallback(project)
        members = f" Met {len(shown['leden'])} organisaties." if shown["leden"] else ""
        entries.append(
            {
                "id": f"tag:gzctl.nl,{created}:{village}/samen/{p.id}",
                "titel": f"Samen: {p.title}",
                "tekst": f"{shown['doel']}{members} Stand: {shown['stand']}.".strip(),
                "link": f"samen.html#{shown['anker']}",
                "updated": _stamp(when),
            }
        )
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    return entries


def _started_platforms(project: Project) -> list[Any]:
    from gzctl.documents.site.prepare import visible_platforms

    return [p for p in visible_platforms(project) if p.status != "idee"]


def _started_data(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in data["initiatieven"] if p["status"] != "idee"]


def _village_key(project: Project) -> str:
    from gzctl.network.inventory import slugify

    return slugify(project.village.name or "dorp")


def atom(project: Project, data: dict[str, Any]) -> bytes:
    """The feed as UTF-8 bytes. ``data`` is prepare.site_data's result (with 'url')."""
    entries = feed_entries(project, data)
    base = data["url"].rstrip("/") + "/" if data["url"] else ""
    created = (project.project.created or dt.date(2000, 1, 1)).isoformat()
    updated = entries[0]["updated"] if entries else _stamp(_fallback(project))
    name = data["netwerk"]["naam"]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
        f"  <title>{escape(name)}: nieuws</title>",
        f"  <subtitle>Wat er gebeurt in {escape(data['dorp']['naam'])}</subtitle>",
        f"  <id>tag:gzctl.nl,{created}:{_village_key(project)}/nieuws</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(name)}</name></author>",
        f'  <link rel="alternate" type="text/html" href="{escape(base or "index.html")}"/>',
    ]
    if base:
        out.append(
            f'  <link rel="self" type="application/atom+xml" href="{escape(base + FEED_FILE)}"/>'
        )
    for e in entries:
        out += [
            "  <entry>",
            f"    <title>{escape(e['titel'])}</title>",
            f"    <id>{escape(e['id'])}</id>",
            f"    <updated>{e['updated']}</updated>",
            f'    <link rel="alternate" type="text/html" href="{escape(base + e["link"])}"/>',
            f'    <summary type="text">{escape(e["tekst"])}</summary>',
            "  </entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")
