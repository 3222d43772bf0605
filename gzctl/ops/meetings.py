"""Meetings as use cases (gzctl overleg): add one, record a decision or an action, tick an
action off, close the meeting. Each returns what the command prints; nothing here prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from gzctl.core.model import Meeting, MeetingAction
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.network import meetings as mt
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Line


@_frozen_record
class MeetingReport(_FrozenRecord):
    """A meeting after a change, with the chair's name and lines for the user (a date that
    suits no meeting, a chair nobody could be given)."""

    meeting: Meeting
    kind_title: str
    chair_name: str
    lines: tuple[Line, ...] = field(default_factory=tuple)


@_frozen_record
class ActionReport(_FrozenRecord):
    """An action after a change, its meeting and the organisation's name."""

    meeting: Meeting
    action: MeetingAction
    by_name: str
    lines: tuple[Line, ...] = field(default_factory=tuple)


def _name(project: object, org_id: str) -> str:
    orgs = getattr(project, "organisations", [])
    return next((o.name for o in orgs if o.id == org_id), org_id)


def add_meeting(
    where: Where,
    day: dt.date,
    kind: str,
    *,
    platform: str = "",
    time: str = "",
    place: str = "",
    chair: str = "",
    who: str,
    now: dt.datetime,
) -> MeetingReport:
    """Plan (or record) a meeting; the chair rotates among the members unless given. A day
    still to come that suits no meeting (a holiday, a Sunday, the Christmas week, a school
    holiday where the data knows the region) gives one warning line, never a refusal."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        m = mt.add_meeting(
            tx.project, project.playbook, day, kind, platform=platform, time=time, place=place,
            chair=chair,
        )  # fmt: skip
        title = mt.kind_title(project.playbook, m.kind)
        tx.log("meeting-add", f"Overleg gepland: {title} op {day.isoformat()}", [m.id])
        chair_name = _name(tx.project, m.chair) if m.chair else ""
    lines: list[Line] = []
    if day >= now.date():
        from gzctl.ops.platforms import date_warning

        unfit = date_warning(project, day)
        if unfit:
            lines.append(Line(unfit, aside=True))
    if not m.chair:
        lines.append(
            Line(
                "Nog geen gespreksleider: er zijn nog geen aangesloten organisaties"
                + (" in dit platform" if platform else "")
                + ". Geef er een met --voorzitter ORGANISATIE.",
                aside=True,
            )
        )
    return MeetingReport(m, title, chair_name, tuple(lines))


def add_decision(where: Where, meeting_id: str, text: str, *, who: str, now: dt.datetime) -> str:
    """Add a decision to a meeting's besluitenlijst; returns the decision as saved."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        m = mt.find(tx.project, meeting_id)
        decision = mt.add_decision(m, text)
        tx.log("meeting-decision", f"Besluit in {m.id}: {decision}", [m.id])
    return decision


def add_action(
    where: Where,
    meeting_id: str,
    text: str,
    by: str,
    due: dt.date,
    *,
    who: str,
    now: dt.datetime,
) -> ActionReport:
    """Add an action (what, which organisation, before when) to a meeting."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        m = mt.find(tx.project, meeting_id)
        action = mt.add_action(tx.project, m, text, by, due)
        by_name = _name(tx.project, by)
        tx.log("meeting-action", f"Actie voor {by_name}: {action.text}", [m.id, action.id])
    lines: list[Line] = []
    if due < now.date():
        lines.append(Line(f"Let op: de datum {due.isoformat()} ligt in het verleden.", aside=True))
    return ActionReport(m, action, by_name, tuple(lines))


def action_done(where: Where, action_id: str, *, who: str, now: dt.datetime) -> ActionReport:
    """Tick an action off (today); an action already done is left as it was."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        m, action = mt.find_action(tx.project, action_id)
        lines: list[Line] = []
        if action.done is not None:
            lines.append(Line(f"Deze actie was al klaar op {action.done.isoformat()}.", aside=True))
        else:
            action.done = now.date()
            tx.log("meeting-action-done", f"Actie klaar: {action.text}", [m.id, action.id])
        by_name = _name(tx.project, action.by)
    return ActionReport(m, action, by_name, tuple(lines))


def close_meeting(where: Where, meeting_id: str, *, who: str, now: dt.datetime) -> MeetingReport:
    """Close a meeting: it was held, its besluitenlijst is complete; its verslag can be made."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        m = mt.find(tx.project, meeting_id)
        lines: list[Line] = []
        if m.date > now.date():
            from gzctl.core.errors import UsageProblem

            raise UsageProblem(
                f"Overleg {m.id} is nog niet geweest ({m.date.isoformat()}); sluit het daarna."
            )
        if m.closed is None:
            m.closed = now.date()
            tx.log("meeting-close", f"Overleg gesloten: {m.id}", [m.id])
        else:
            lines.append(
                Line(f"Dit overleg was al gesloten op {m.closed.isoformat()}.", aside=True)
            )
        title = mt.kind_title(project.playbook, m.kind)
        chair_name = _name(tx.project, m.chair) if m.chair else ""
    if not m.decisions:
        lines.append(
            Line(
                f'Er staan geen besluiten in. Voeg ze toe met: gzctl overleg besluit {m.id} "..."',
                aside=True,
            )
        )
    return MeetingReport(m, title, chair_name, tuple(lines))


def remove_meeting(where: Where, meeting_id: str, *, who: str, now: dt.datetime) -> Meeting:
    """Remove a meeting without decisions or actions (planned by mistake, or cancelled)."""
    project = opened(where)
    with transaction(project, who, now) as tx:
        m = mt.remove_meeting(tx.project, meeting_id, now.date())
        tx.log("meeting-remove", f"Overleg geschrapt: {m.id}", [m.id])
    return m
