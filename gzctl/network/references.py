"""Who names whom: the references between organisations, places, platforms and activities.

Removing something others name either refuses or takes the references with it
(gzctl/ops/remove.py); a reference to something that is gone (a hand edit, a merge) is
reported when the project opens, with the command that repairs it, and a write may not
add one (gzctl/ops/project.py). Plain reads of the model: opening a project imports this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gzctl.core.model import Project

# a referring kind: its word for one and for more (the lines say "ook uit platform X gehaald")
_WORDS = {
    "platform": ("platform", "platforms"),
    "activiteit": ("activiteit", "activiteiten"),
    "plekkeuze": ("de plekkeuze", "de plekkeuze"),
    "geld": ("geldpost", "geldposten"),
    "vast": ("vaste activiteit", "vaste activiteiten"),
    "overleg": ("overleg", "overleggen"),
    "overlegactie": ("actie", "acties"),
}

# the kind of the thing named: its Dutch word and the command that removes it
_NAMED = {
    "org": ("onbekende organisatie", "gzctl org remove"),
    "place": ("onbekende plek", "gzctl place remove"),
    "platform": ("onbekend platform", "gzctl platform remove"),
    "activity": ("onbekende activiteit", "gzctl activity remove"),
}


def named_by(project: Project, kind: str, item_id: str) -> list[tuple[str, str]]:
    """What names ``item_id`` (of ``kind``: org, place, platform or activity): (referring
    kind, its name) pairs in the order of the file; empty when nothing does."""
    out: list[tuple[str, str]] = []
    if kind == "org":
        out += [
            ("platform", p.title)
            for p in project.platforms
            if item_id in p.members or p.trekker == item_id
        ]
        out += [("activiteit", a.title) for a in project.activities if item_id in a.organisers]
        out += [("vast", r.title) for r in project.recurring if r.org == item_id]
        out += [("overleg", m.id) for m in project.meetings if m.chair == item_id]
        out += [
            ("overlegactie", x.id)
            for m in project.meetings
            for x in m.actions
            if x.by == item_id
        ]
    elif kind == "place":
        if project.meeting_place.chosen == item_id:
            out.append(("plekkeuze", ""))
    elif kind == "platform":
        out += [("activiteit", a.title) for a in project.activities if a.platform == item_id]
        out += [("geld", m.id) for m in project.money if m.platform == item_id]
        out += [("overleg", m.id) for m in project.meetings if m.platform == item_id]
    return out


def unlink(project: Project, kind: str, item_id: str) -> None:
    """Take every reference to ``item_id`` out of the project (what :func:`named_by` finds)."""
    if kind == "org":
        for p in project.platforms:
            if item_id in p.members:
                p.members.remove(item_id)
            if p.trekker == item_id:
                p.trekker = ""
        for a in project.activities:
            if item_id in a.organisers:
                a.organisers.remove(item_id)
        project.recurring = [r for r in project.recurring if r.org != item_id]
        _unlink_meetings(project, item_id)
    elif kind == "place":
        mp = project.meeting_place
        if mp.chosen == item_id:
            mp.chosen, mp.reason, mp.date = "", "", None
    elif kind == "platform":
        holders: list[Any] = [*project.activities, *project.money, *project.meetings]
        for holder in holders:
            if holder.platform == item_id:
                holder.platform = ""


def _unlink_meetings(project: Project, org_id: str) -> None:
    """An organisation out of the meetings: no longer their chair, no longer on an action
    (the action stays in the verslag, without an organisation)."""
    for m in project.meetings:
        if m.chair == org_id:
            m.chair = ""
        for x in m.actions:
            if x.by == org_id:
                x.by = ""


def grouped(refs: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """The references per referring kind, in order of first appearance; names once each."""
    groups: dict[str, list[str]] = {}
    for where, name in refs:
        names = groups.setdefault(where, [])
        if name and name not in names:
            names.append(name)
    return list(groups.items())


def phrase(refs: list[tuple[str, str]]) -> str:
    """'platform Beweegweek en activiteiten Buurtbarbecue, Taalcafé'."""
    parts = []
    for where, names in grouped(refs):
        one, more = _WORDS[where]
        parts.append(f"{more if len(names) > 1 else one} {', '.join(names)}".strip())
    return " en ".join(parts)


def lines(refs: list[tuple[str, str]]) -> list[str]:
    """One line per referring kind: 'Ook uit platform Beweegweek gehaald.'"""
    return [
        f"Ook uit {phrase([r for r in refs if r[0] == where])} gehaald."
        for where, _ in grouped(refs)
    ]


def dangling(project: Project) -> list[str]:
    """Every reference to an organisation or platform that is not there, as one Dutch line
    per missing id with the command that repairs it; empty when all is whole."""
    return [dangling_line(project, kind, item_id) for kind, item_id in missing(project)]


def missing(project: Project) -> list[tuple[str, str]]:
    """The (kind, id) of every organisation or platform named but not there, in file order."""
    from operator import attrgetter

    org_ids = set(map(attrgetter("id"), project.organisations))  # 50,000: one pass in C
    named: list[str] = []
    for p in project.platforms:
        named += p.members + ([p.trekker] if p.trekker else [])
    for a in project.activities:
        named += a.organisers
    named += [r.org for r in project.recurring]
    for meeting in project.meetings:
        named += [meeting.chair] if meeting.chair else []
        named += [x.by for x in meeting.actions if x.by]
    out = [("org", m) for m in dict.fromkeys(named) if m not in org_ids]
    platform_ids = {p.id for p in project.platforms}
    gone = [a.platform for a in project.activities if a.platform and a.platform not in platform_ids]
    gone += [m.platform for m in project.money if m.platform and m.platform not in platform_ids]
    gone += [m.platform for m in project.meetings if m.platform and m.platform not in platform_ids]
    return out + [("platform", pid) for pid in dict.fromkeys(gone)]


def dangling_line(project: Project, kind: str, item_id: str) -> str:
    """'Verwijzing naar onbekende organisatie 'x' in platform Y; herstel met: ...'."""
    word, remove = _NAMED[kind]
    where = phrase(named_by(project, kind, item_id))
    return (
        f"Verwijzing naar {word} '{item_id}' in {where}; "
        f"herstel met: {remove} {item_id} --ook-verwijzingen"
    )


def command(kind: str) -> str:
    """The command that removes a thing of ``kind``: 'gzctl org remove'."""
    return _NAMED[kind][1]
