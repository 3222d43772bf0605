"""The AVG (GDPR) for the people gzctl holds: Coördinator candidates, contact persons of
organisations and initiators.

A person is found by record, never by a piece of a name: their id (candidate id, or the
organisation id for its contact person), their exact name, e-mail or phone number. A text
names them when the whole name (or e-mail, or phone number) stands in it as words: forgetting
"Anne" leaves "Annelies" alone. :func:`find` finds every record of one person,
:func:`access` is everything gzctl holds about them (the AVG's right of access) and
:func:`forget` removes them: records, history, notes and free-text answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import field
from typing import Any

from gzctl.core.errors import NotFound, Refused, UsageProblem
from gzctl.core.model import Contact, HistoryEntry, Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import Record as _Record
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.records import record as _record

FORGOTTEN = "(gewist op verzoek: persoonsgegevens verwijderd)"
ERASED_NAME = "[naam gewist]"


@_frozen_record
class Record(_FrozenRecord):
    """One place a person is held: ``kind`` is candidate, contact or initiator; ``key`` the
    candidate id, the organisation id, or the initiator's position (1-based) as text."""

    kind: str
    key: str
    name: str
    email: str
    phone: str


@_record
class Person(_Record):
    """Every record of one person, and the traces that identify them in texts."""

    records: list[Record]
    names: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def records(project: Project) -> list[Record]:
    """Every person record in the project, in file order."""
    out = [Record("initiator", str(i), p.name, p.email, p.phone)
           for i, p in enumerate(project.initiators, start=1)]  # fmt: skip
    for o in project.organisations:
        c = o.contact
        if c.name or c.email or c.phone:
            out.append(Record("contact", o.id, c.name, c.email, c.phone))
    for cand in project.coordinator.candidates:
        out.append(Record("candidate", cand.id, cand.name, cand.email, cand.phone))
    return out


def find(project: Project, who: str) -> Person:
    """The person ``who`` names: a candidate id or organisation id, or an exact name, e-mail
    or phone number (case and accents aside). Raises NotFound when nobody matches and
    UsageProblem for an empty query. A name matches whole names only."""
    query = who.strip()
    if not query:
        raise UsageProblem("Geef een naam, e-mailadres, telefoonnummer of id.")
    all_records = records(project)
    by_id = [r for r in all_records if r.kind != "initiator" and r.key == query]
    if by_id:
        first = by_id[0]
        matched = [
            r for r in all_records
            if r == first or (first.name and _fold(r.name) == _fold(first.name))
            or (first.email and _fold(r.email) == _fold(first.email))
        ]  # fmt: skip
    else:
        fq, dq = _fold(query), _digits(query)
        matched = [
            r for r in all_records
            if (r.name and _fold(r.name) == fq) or (r.email and _fold(r.email) == fq)
            or (r.phone and len(dq) >= 6 and _digits(r.phone) == dq)
        ]  # fmt: skip
    if not matched:
        raise NotFound(
            f"Niemand gevonden die precies '{query}' heet of dat e-mailadres, telefoonnummer "
            "of id heeft. gzctl zoekt op de hele naam, niet op een deel ervan."
        )
    person = Person(matched)
    for r in matched:
        if r.name:
            person.names.add(r.name)
        if r.email:
            person.emails.add(r.email)
        if r.phone:
            person.phones.add(r.phone)
    return person


def _pattern(person: Person) -> re.Pattern[str] | None:
    """Whole-word matcher for the person's names, e-mails and phone numbers."""
    parts = [re.escape(t.strip()) for t in (*person.names, *person.emails) if t.strip()]
    for phone in person.phones:
        digits = _digits(phone)
        if len(digits) >= 6:
            parts.append(r"[\s\-().+]*".join(re.escape(d) for d in digits))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def names_in(text: str, person: Person) -> bool:
    """Whether ``text`` names the person (whole name, e-mail or phone number)."""
    pattern = _pattern(person)
    return bool(pattern and text and pattern.search(text))


def _texts(project: Project) -> list[tuple[str, Any, str]]:
    """Every free text that may name a person: (where, object, attribute)."""
    out: list[tuple[str, Any, str]] = []
    for o in project.organisations:
        out.append((f"organisations.{o.id}.notes", o, "notes"))
    for p in project.places:
        out.append((f"places.{p.id}.notes", p, "notes"))
    for pf in project.platforms:
        out.append((f"platforms.{pf.id}.notes", pf, "notes"))
        out.append((f"platforms.{pf.id}.aim", pf, "aim"))
    for a in project.activities:
        out.append((f"activities.{a.id}.description", a, "description"))
    for gone in project.cancelled_activities:  # published as cancelled: forget reaches them
        out.append((f"cancelled_activities.{gone.id}.title", gone, "title"))
    for c in project.coordinator.candidates:
        out.append((f"coordinator.candidates.{c.id}.notes", c, "notes"))
    for item, entry in project.checklist.items():
        out.append((f"checklist.{item}.note", entry, "note"))
        out.append((f"checklist.{item}.by", entry, "by"))
    mp = project.meeting_place
    out.append(("meeting_place.reason", mp, "reason"))
    return out


def access(project: Project, person: Person) -> dict[str, Any]:
    """Everything gzctl.toml holds about the person (right of access, AVG art. 15): their
    records, the texts and history lines that name them. JSON-ready."""
    pattern = _pattern(person)
    texts = []
    for where, obj, attr in _texts(project):
        value = getattr(obj, attr)
        if isinstance(value, str) and pattern and pattern.search(value):
            texts.append({"where": where, "text": value})
    for qid, value in sorted(project.answers.items()):
        if isinstance(value, str) and pattern and pattern.search(value):
            texts.append({"where": f"answers.{qid}", "text": value})
    candidate_ids = {r.key for r in person.records if r.kind == "candidate"}
    history = [
        {"at": h.at.isoformat(), "who": h.who, "action": h.action, "what": h.what}
        for h in project.history
        if (pattern and (pattern.search(h.what) or pattern.search(h.who)))
        or candidate_ids & set(h.ids)
    ]
    assessed = [
        {"candidate": c.id, "scores": scores}
        for c in project.coordinator.candidates
        for a, scores in c.scores.items()
        if pattern and pattern.fullmatch(a.strip())
    ]
    return {
        "assessor_of": assessed,
        "records": [
            {"kind": r.kind, "key": r.key, "name": r.name, "email": r.email, "phone": r.phone}
            for r in person.records
        ],
        "candidates": [
            {"id": c.id, "lives_in_village": c.lives_in_village, "scores": c.scores,
             "notes": c.notes}
            for c in project.coordinator.candidates if c.id in candidate_ids
        ],  # fmt: skip
        "texts": texts,
        "history": history,
    }


@_record
class Forgotten(_Record):
    """What :func:`forget` changed: records removed, texts and history lines rewritten."""

    records: list[Record]
    texts: list[str] = field(default_factory=list)
    history: int = 0


def forget(project: Project, person: Person) -> Forgotten:
    """Remove the person from the project: candidate records, contact persons (the
    organisation stays, its contact is emptied), initiators; their name, e-mail and phone
    in every free text become '[naam gewist]'; history lines that name them or carry a
    candidate id are rewritten to a neutral line, and 'who' is erased where it is them.
    The appointed Coördinator is refused (Refused)."""
    candidate_ids = {r.key for r in person.records if r.kind == "candidate"}
    if project.coordinator.appointed in candidate_ids:
        raise Refused(
            "Deze persoon is aangesteld als Coördinator en blijft daarom bewaard. "
            "Stel eerst iemand anders aan als dat niet klopt."
        )
    pattern = _pattern(person)
    done = Forgotten(list(person.records))
    co = project.coordinator
    co.candidates = [c for c in co.candidates if c.id not in candidate_ids]
    contact_orgs = {r.key for r in person.records if r.kind == "contact"}
    for o in project.organisations:
        if o.id in contact_orgs:
            o.contact = Contact()
    initiator_keys = {int(r.key) for r in person.records if r.kind == "initiator"}
    project.initiators = [
        p for i, p in enumerate(project.initiators, start=1) if i not in initiator_keys
    ]
    if pattern is None:
        return done
    for cand in co.candidates:  # scores are keyed by the assessor's name
        for assessor in [a for a in cand.scores if pattern.fullmatch(a.strip())]:
            n = 1
            while f"{ERASED_NAME} {n}" in cand.scores:
                n += 1
            cand.scores[f"{ERASED_NAME} {n}"] = cand.scores.pop(assessor)
            done.texts.append(f"coordinator.candidates.{cand.id}.scores")
    for where, obj, attr in _texts(project):
        value = getattr(obj, attr)
        if isinstance(value, str) and pattern.search(value):
            setattr(obj, attr, pattern.sub(ERASED_NAME, value))
            done.texts.append(where)
    for qid, value in list(project.answers.items()):
        if isinstance(value, str) and pattern.search(value):
            project.answers[qid] = pattern.sub(ERASED_NAME, value)
            done.texts.append(f"answers.{qid}")
    for i, h in enumerate(project.history):
        named = bool(pattern.search(h.what))
        by_them = bool(pattern.fullmatch(h.who.strip()))
        if named or candidate_ids & set(h.ids) or by_them:
            project.history[i] = HistoryEntry(
                at=h.at,
                who=ERASED_NAME if by_them else h.who,
                action=h.action,
                what=FORGOTTEN if (named or candidate_ids & set(h.ids)) else h.what,
                ids=[x for x in h.ids if x not in candidate_ids],
            )
            done.history += 1
    return done


GIT_NOTE = (
    "Let op: oudere versies van gzctl.toml en documenten in git (en in kopieën bij anderen) "
    "bevatten deze persoon nog. Wis die geschiedenis apart, bijvoorbeeld met "
    "'git filter-repo --replace-text', en vraag wie een kopie heeft die te verwijderen."
)
