"""Platforms and activities as use cases: start a platform, members, status, its steps;
plan, change and count activities. Removing either is :mod:`gzctl.ops.remove`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.network import platforms as pf
from gzctl.network.when import when_text
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Edited


def add_platform(
    where: Where,
    platform: str,
    *,
    aim: str = "",
    new: bool = False,
    members: list[str] | None = None,
    trekker: str | None = None,
    who: str,
    now: dt.datetime,
) -> Any:
    """Start a platform (``platform``: a catalogue id or an own title; ``new``: an own
    platform even when the title looks like one from the catalogue), with its first
    members and trekker; returns the platform."""
    project = opened(where)
    catalogue = pf.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        p = pf.add(tx.project, catalogue, platform, now.date(), aim=aim, new=new)
        if members:
            pf.join(tx.project, p.id, list(members))
        if trekker:
            pf.join(tx.project, p.id, [trekker], trekker=True)
        tx.log("platform-add", f"Platform gestart: {p.title}", [p.id, *p.members])
    return p


@_frozen_record
class Members(_FrozenRecord):
    """A platform after organisations joined or left: the platform and who it was about."""

    platform: Any
    orgs: list[Any]


def join_platform(
    where: Where,
    platform: str,
    orgs: list[str],
    *,
    trekker: bool = False,
    who: str,
    now: dt.datetime,
) -> Members:
    """Let organisations (ids or names) join a platform; ``trekker``: the one that leads."""
    with transaction(opened(where), who, now) as tx:
        p, joined = pf.join(tx.project, platform, orgs, trekker=trekker)
        what = ", ".join(o.name for o in joined)
        role = " (trekker)" if trekker else ""
        ids = [p.id, *(o.id for o in joined)]
        tx.log("platform-join", f"{p.title}: {what} doet mee{role}", ids)
    return Members(p, list(joined))


def leave_platform(where: Where, platform: str, org: str, *, who: str, now: dt.datetime) -> Members:
    """An organisation no longer takes part in a platform."""
    with transaction(opened(where), who, now) as tx:
        p, gone = pf.leave(tx.project, platform, org)
        tx.log("platform-leave", f"{p.title}: {gone.name} doet niet meer mee", [p.id, gone.id])
    return Members(p, [gone])


@_frozen_record
class PlatformStatus(_FrozenRecord):
    """A platform's status before (``old``) and after the change."""

    platform: Any
    old: str


def set_platform_status(
    where: Where, platform: str, status: str, *, who: str, now: dt.datetime
) -> PlatformStatus:
    """idee, in-oprichting, actief or gestopt (the day is remembered)."""
    with transaction(opened(where), who, now) as tx:
        p, old = pf.set_status(tx.project, platform, status, now.date())
        tx.log("platform-status", f"{p.title}: {old} → {p.status}", [p.id])
    return PlatformStatus(p, old)


@_frozen_record
class Task(_FrozenRecord):
    """A step of a platform's checklist after the change: the platform, the step, its
    number (1-based) and what happened ('toegevoegd', 'gedaan', 'teruggezet')."""

    platform: Any
    task: Any
    number: int
    verb: str


def add_platform_task(
    where: Where, platform: str, title: str, *, who: str, now: dt.datetime
) -> Task:
    """Add an own step to a platform's checklist."""
    with transaction(opened(where), who, now) as tx:
        p, task = pf.add_task(tx.project, platform, title)
        tx.log("platform-step", f"{p.title}: stap toegevoegd: {task.title}", [p.id])
    return Task(p, task, len(p.tasks), "toegevoegd")


def tick_platform_task(
    where: Where, platform: str, number: int, *, undo: bool = False, who: str, now: dt.datetime
) -> Task:
    """Tick step ``number`` of a platform's checklist (``undo``: open it again)."""
    with transaction(opened(where), who, now) as tx:
        p, task = pf.tick(tx.project, platform, number, now.date(), not undo)
        verb = "teruggezet" if undo else "gedaan"
        tx.log("platform-done", f"{p.title}: {task.title} ({verb})", [p.id])
    return Task(p, task, number, verb)


# ----------------------------------------------------------------------------- activities


def add_activity(
    where: Where,
    title: str,
    start: dt.datetime,
    *,
    end: dt.datetime | None = None,
    place: str = "",
    organisers: list[str] | None = None,
    platform: str = "",
    target_groups: str | None = None,
    expected: Any = None,
    participants: Any = None,
    description: str = "",
    who: str,
    now: dt.datetime,
) -> Any:
    """Plan an activity (local time; ``target_groups``: 'K,J' as the option takes it);
    returns it. The history line names its date and time."""
    from gzctl.network import inventory as inv

    project = opened(where)
    with transaction(project, who, now) as tx:
        a = pf.add_activity(
            tx.project, inv.load_catalogue(project.playbook), title, start, end=end,
            place=place, organisers=organisers or [], platform=platform,
            target_groups=target_groups, expected=expected, participants=participants,
            description=description,
        )  # fmt: skip
        tx.log("activity-add", f"Activiteit gepland: {a.title} ({when_text(a)})", [a.id])
    return a


def date_warning(where: Where, day: dt.date) -> str:
    """One Dutch line when ``day`` does not suit an activity or meeting in the project's
    country (a public holiday, a Sunday, the Christmas week, a school holiday where the data
    knows the region), naming why and proposing the next suitable day; '' when it suits.
    A warning, never a refusal."""
    from gzctl.core import calendar_checks
    from gzctl.core.country import for_playbook

    project = opened(where)
    country = for_playbook(project.playbook)
    region = calendar_checks.project_region(country, project.project) or None
    return calendar_checks.warning(day, country, region)


def edit_activity(
    where: Where, ref: str, changes: dict[str, Any], *, who: str, now: dt.datetime
) -> tuple[Any, Edited]:
    """Change the given fields of an activity (keys as network.platforms.edit_activity
    takes them); its id, and so its calendar UID, stays. Returns it and what changed."""
    from gzctl.network import inventory as inv

    project = opened(where)
    with transaction(project, who, now) as tx:
        catalogue = inv.load_catalogue(project.playbook)
        a, changed = pf.edit_activity(tx.project, catalogue, ref, changes)
        if changed:
            tx.log("activity-edit", f"{a.title}: {', '.join(changed)} gewijzigd", [a.id])
    return a, Edited(a.title, a.id, list(changed))


def count_activity(where: Where, ref: str, number: Any, *, who: str, now: dt.datetime) -> Any:
    """How many people came to an activity; returns it."""
    with transaction(opened(where), who, now) as tx:
        a = pf.set_participants(tx.project, ref, number)
        tx.log("activity-count", f"{a.title}: {a.participants} deelnemers", [a.id])
    return a


@_frozen_record
class Started(_FrozenRecord):
    """The wizard's platform choice after saving: the platform; ``started`` False when
    another wizard or command had started it meanwhile (this user's members joined it);
    ``left_out``: members removed or afgehaakt meanwhile; ``kept_trekker``: the name of the
    trekker chosen elsewhere that stays (empty when none)."""

    platform: Any
    started: bool
    left_out: list[str]
    kept_trekker: str


def start_or_join_platform(
    where: Where,
    template: str,
    members: list[str],
    trekker: str,
    *,
    who: str,
    now: dt.datetime,
) -> Started:
    """Start the catalogue platform ``template`` with the members and trekker a user picked,
    onto the project as it is now: if it was started meanwhile, the members join it and its
    trekker stays; an organisation removed or afgehaakt meanwhile is left out."""
    project = opened(where)
    catalogue = pf.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        state = tx.project
        p = next((x for x in state.platforms if x.template == template), None)
        started = p is None
        if p is None:
            p = pf.add(state, catalogue, template, now.date())
        orgs = {o.id: o for o in state.organisations}
        left_out = [m for m in members if m not in orgs or orgs[m].status == "afgehaakt"]
        members = [m for m in members if m not in left_out]
        new = [m for m in members if m not in p.members]
        if new:
            pf.join(state, p.id, new)
        lead = trekker in members and not p.trekker
        if lead:
            pf.join(state, p.id, [trekker], trekker=True)
        kept = orgs[p.trekker].name if p.trekker != trekker and p.trekker in orgs else ""
        if started:
            tx.log("platform-add", f"Platform gestart: {p.title}", [p.id, *p.members])
        elif new or lead:
            tx.log("platform-join", f"{p.title}: deelnemers erbij gezet", [p.id, *new])
    return Started(p, started, left_out, kept)
