"""The network's meetings (gzctl overleg): adding one, its decisions and actions, the chair by
rotation, the open actions. Pure functions over the model; the ops (gzctl/ops/meetings.py)
run them in a transaction.

A network without a board decides in the open meeting and writes it down in a besluitenlijst;
a chair (gespreksleider) who changes every meeting keeps one member from becoming the boss;
actions have an organisation and a date, never a resident's name (DOMAIN.md §10).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from gzctl.core.errors import NotFound, UsageProblem
from gzctl.core.model import Activity, Meeting, MeetingAction, Project
from gzctl.core.playbook import MeetingKind, Playbook
from gzctl.network.vocabulary import OPEN_EVENING_PREFIX as OPEN_PREFIX

JOINED = "aangesloten"
OPEN_KIND = "netwerkavond"  # the meetings residents are invited to as well
OPEN_TITLE = "Open avond: iedereen welkom"
OPEN_TEXT = (
    "Een avond van het netwerk, open voor iedereen: inwoners, verenigingen en organisaties. "
    "Kom luisteren, meedenken of vertellen wat jij zou willen doen. Aanmelden hoeft niet."
)
OPEN_HOURS = 2
MAX_TEXT = 500
# little words an action's id leaves out ("Zaal vastleggen voor de Beweegweek" ->
# zaal-vastleggen-beweegweek)
_LITTLE = frozenset(
    "de het een en of voor van met op in aan bij naar om te tot uit over door er als dat die "
    "we wij ze zij je jullie ons onze hun nog niet wel al".split()
)


def _slug(text: str, limit: int = 40) -> str:
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", folded))[:limit].strip("-")


def kind_of(playbook: Playbook, kind: str) -> MeetingKind:
    """The playbook's meeting kind ``kind``; a Dutch UsageProblem listing the kinds."""
    for k in playbook.meeting_kinds:
        if k.id == kind.strip().lower():
            return k
    known = "|".join(k.id for k in playbook.meeting_kinds) or "(geen)"
    raise UsageProblem(f"Onbekende soort overleg '{kind}'. Kies uit: {known}.")


def kind_title(playbook: Playbook, kind: str) -> str:
    """'Netwerkavond'; the kind itself when the playbook does not know it."""
    return next((k.title for k in playbook.meeting_kinds if k.id == kind), kind.capitalize())


def find(project: Project, meeting_id: str) -> Meeting:
    """The meeting with this id; NotFound naming the ids there are."""
    for m in project.meetings:
        if m.id == meeting_id:
            return m
    ids = ", ".join(m.id for m in project.meetings[-5:]) or "nog geen"
    raise NotFound(
        f"Geen overleg met id '{meeting_id}' (de laatste: {ids}). Zie: gzctl overleg lijst"
    )


def find_action(project: Project, action_id: str) -> tuple[Meeting, MeetingAction]:
    """The action with this id and its meeting; NotFound otherwise."""
    for m in project.meetings:
        for a in m.actions:
            if a.id == action_id:
                return m, a
    raise NotFound(f"Geen actie met id '{action_id}'. De open acties staan in: gzctl next")


def members(project: Project, platform: str = "") -> list[str]:
    """The organisations a chair rotates among, by name: a platform's members for its
    werkgroep, else every organisation that joined the network."""
    names = {o.id: o.name for o in project.organisations}
    if platform:
        p = next((x for x in project.platforms if x.id == platform), None)
        ids = list(p.members) if p else []
    else:
        ids = [o.id for o in project.organisations if o.status == JOINED]
    return sorted(ids, key=lambda i: (names.get(i, i) or i).casefold() + "\0" + i)


def next_chair(
    project: Project, kind: str, platform: str, day: dt.date, before: str | None = None
) -> str:
    """The member after the last chair of the same circle (the same platform's werkgroep,
    or the whole network) up to ``day`` (with ``before``, a meeting id: only the meetings of
    that day that sort before it); the first member when none chaired yet; '' when there are
    no members."""
    circle = members(project, platform)
    if not circle:
        return ""
    earlier = [
        m for m in project.meetings
        if m.chair and m.platform == platform
        and (m.date < day or (m.date == day and (before is None or m.id < before)))
    ]  # fmt: skip
    earlier.sort(key=lambda m: (m.date, m.id))
    if not earlier:
        return circle[0]
    last = earlier[-1].chair
    if last in circle:
        return circle[(circle.index(last) + 1) % len(circle)]
    return _after(circle, last, project)


def _after(circle: list[str], gone: str, project: Project) -> str:
    """The member after ``gone`` by name, when ``gone`` left the circle."""
    names = {o.id: o.name for o in project.organisations}
    key = (names.get(gone, gone).casefold(), gone)
    later = [i for i in circle if (names.get(i, i).casefold(), i) > key]
    return later[0] if later else circle[0]


def add_meeting(
    project: Project,
    playbook: Playbook,
    day: dt.date,
    kind: str,
    *,
    platform: str = "",
    time: str = "",
    place: str = "",
    chair: str = "",
) -> Meeting:
    """A new meeting on ``day``; its id is the date and kind (and platform), unique. The
    chair is ``chair`` (an organisation id) or the next one by rotation."""
    k = kind_of(playbook, kind)
    if platform and not any(p.id == platform for p in project.platforms):
        raise NotFound(f"Geen platform met id '{platform}'. Zie: gzctl platform list")
    if chair and not any(o.id == chair for o in project.organisations):
        raise NotFound(f"Geen organisatie met id '{chair}'. Zie: gzctl org list")
    base = f"{day.isoformat()}-{k.id}" + (f"-{platform}" if platform else "")
    # a cancelled open evening keeps its UID in agenda.ics: a new evening that day gets its own
    taken = {m.id for m in project.meetings} | {
        c.id.removeprefix(OPEN_PREFIX) for c in project.cancelled_activities
        if c.id.startswith(OPEN_PREFIX)
    }  # fmt: skip
    mid, n = base, 2
    while mid in taken:
        mid, n = f"{base}-{n}", n + 1
    meeting = Meeting(
        id=mid, date=day, kind=k.id, platform=platform, time=time, place=place,
        chair=chair or next_chair(project, k.id, platform, day, mid), chair_chosen=bool(chair),
    )  # fmt: skip
    project.meetings.append(meeting)
    project.meetings.sort(key=lambda m: (m.date, m.id))
    _rotate_after(project, meeting)
    return meeting


def _rotate_after(project: Project, new: Meeting) -> None:
    """A meeting added before others of its circle that are still to come: their chairs
    (those gzctl chose, not one given with --voorzitter) move on one by one, so the rotation
    stays in date order."""
    for m in project.meetings:
        later = (m.date, m.id) > (new.date, new.id)
        untouched = m.closed is None and not m.decisions and not m.actions
        if later and untouched and not m.chair_chosen and m.platform == new.platform:
            m.chair = next_chair(project, m.kind, m.platform, m.date, m.id)


def remove_meeting(project: Project, meeting_id: str, today: dt.date) -> Meeting:
    """Take a meeting out that was planned by mistake or does not go ahead. One with
    decisions or actions is history the network decided on: refused. A network evening's
    open evening stays in agenda.ics as cancelled (same UID, a higher SEQUENCE), as a
    removed activity does, so residents' calendars learn it does not go ahead."""
    m = find(project, meeting_id)
    if m.decisions or m.actions:
        raise UsageProblem(
            f"Overleg {m.id} heeft besluiten of acties; die blijven bewaard, dus het overleg ook."
        )
    project.meetings.remove(m)
    if m.kind == OPEN_KIND:
        from gzctl.network.platforms import keep_cancellation

        keep_cancellation(project, open_evening(m), today)
    return m


def _text(text: str, what: str) -> str:
    from gzctl.core.text import clean

    value = clean(text).strip()
    if not value:
        raise UsageProblem(
            f"Een {what} zonder tekst: schrijf op wat er besloten of afgesproken is."
        )
    if len(value) > MAX_TEXT:
        raise UsageProblem(f"Een {what} van meer dan {MAX_TEXT} tekens; houd het kort.")
    return value


def add_decision(meeting: Meeting, text: str) -> str:
    """Add a decision to the meeting's besluitenlijst; the same text twice is refused."""
    value = _text(text, "besluit")
    if value in meeting.decisions:
        raise UsageProblem(f"Dit besluit staat al in de besluitenlijst van {meeting.id}.")
    meeting.decisions.append(value)
    return value


def add_action(
    project: Project, meeting: Meeting, text: str, by: str, due: dt.date
) -> MeetingAction:
    """Add an action: what, which organisation (an id, never a person), before when. Its id
    is a short slug of the text, unique in the project."""
    value = _text(text, "actie")
    if not any(o.id == by for o in project.organisations):
        raise NotFound(
            f"Geen organisatie met id '{by}'. Een actie ligt bij een organisatie, niet bij "
            "een persoon; zie: gzctl org list"
        )
    taken = {a.id for m in project.meetings for a in m.actions}
    words = [w for w in _slug(value, 200).split("-") if w and w not in _LITTLE]
    base = "-".join(words[:3]) or "actie"
    aid, n = base, 2
    while aid in taken:
        aid, n = f"{base}-{n}", n + 1
    action = MeetingAction(id=aid, text=value, by=by, due=due)
    meeting.actions.append(action)
    return action


def open_actions(project: Project) -> list[tuple[Meeting, MeetingAction]]:
    """Every action not done yet, by its date."""
    found = [(m, a) for m in project.meetings for a in m.actions if a.done is None]
    found.sort(key=lambda x: (x[1].due or dt.date.max, x[1].id))
    return found


def open_actions_json(project: Project, today: dt.date) -> list[dict[str, Any]]:
    """The open actions as plain values (for next, status and --json): late ones marked."""
    names = {o.id: o.name for o in project.organisations}
    return [
        {
            "id": a.id,
            "text": a.text,
            "by": a.by,
            "by_name": names.get(a.by, a.by),
            "due": a.due.isoformat() if a.due else None,
            "late": bool(a.due and a.due < today),
            "meeting": m.id,
        }
        for m, a in open_actions(project)
    ]


def meeting_json(project: Project, playbook: Playbook, m: Meeting) -> dict[str, Any]:
    """One meeting as plain values (``overleg lijst --json``, ``overleg toon --json``)."""
    names = {o.id: o.name for o in project.organisations}
    titles = {p.id: p.title for p in project.platforms}
    return {
        "id": m.id,
        "date": m.date.isoformat(),
        "time": m.time,
        "kind": m.kind,
        "kind_title": kind_title(playbook, m.kind),
        "platform": m.platform,
        "platform_title": titles.get(m.platform, m.platform),
        "place": m.place,
        "chair": m.chair,
        "chair_name": names.get(m.chair, m.chair),
        "decisions": list(m.decisions),
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "by": a.by,
                "by_name": names.get(a.by, a.by),
                "due": a.due.isoformat() if a.due else None,
                "done": a.done.isoformat() if a.done else None,
            }
            for a in m.actions
        ],
        "closed": m.closed.isoformat() if m.closed else None,
    }


def open_evenings(project: Project) -> list[Activity]:
    """The network evenings as the residents' open evenings (the website's agenda, the "Doe
    mee" page, agenda.ics): one activity each, by date, with the title "Open avond: iedereen
    welkom", the day, time and place, and no names at all (no chair, no organisations).
    Their ids (``open-avond-<meeting id>``) stay the same, so a calendar updates them."""
    meetings = sorted(project.meetings, key=lambda m: (m.date, m.id))
    return [open_evening(m) for m in meetings if m.kind == OPEN_KIND]


def open_evening(m: Meeting) -> Activity:
    """One network evening as the residents' open evening (see :func:`open_evenings`)."""
    clock = _clock(m.time)
    start = dt.datetime.combine(m.date, clock or dt.time(0, 0))
    end = start + dt.timedelta(hours=OPEN_HOURS) if clock else None
    return Activity(id=f"{OPEN_PREFIX}{m.id}", title=OPEN_TITLE, start=start, end=end,
                    place=m.place, description=OPEN_TEXT)  # fmt: skip


def _clock(text: str) -> dt.time | None:
    """'19:30' -> 19:30; anything else (empty, hand-edited nonsense) None: an all-day item."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text or "")
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))
