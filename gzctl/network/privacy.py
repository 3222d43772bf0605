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
from collections.abc import Iterator
from dataclasses import field, fields, is_dataclass
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
    for qid, rows in project.answers.items():  # people in a group answer (gemeentecontacten)
        if not isinstance(rows, list):
            continue
        for i, row in enumerate(rows):
            if isinstance(row, dict) and isinstance(row.get("name"), str) and row["name"]:
                email, phone = row.get("email", ""), row.get("phone", "")
                out.append(Record(
                    "answer", f"{qid}.{i + 1}", row["name"],
                    email if isinstance(email, str) else "",
                    phone if isinstance(phone, str) else "",
                ))  # fmt: skip
    return out


def find(project: Project, who: str) -> Person:
    """The person ``who`` names: a candidate id or organisation id, or an exact name, e-mail
    or phone number (case and accents aside). Raises NotFound when nobody matches and
    UsageProblem for an empty query. A name matches whole names only."""
    query = who.strip()
    if not query:
        raise UsageProblem("Geef een naam, e-mailadres, telefoonnummer of id.")
    all_records = records(project)
    by_id = [r for r in all_records if r.kind not in ("initiator", "answer") and r.key == query]
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
    """Whether ``text`` names the person (whole name, e-mail or phone number, or the name
    as it stands in an id: 'afscheid-van-jan-jansen')."""
    if not text:
        return False
    pattern, slug = _pattern(person), _slug_pattern(person)
    return bool((pattern and pattern.search(text)) or (slug and slug.search(text)))


# fields that are not free text: kinds, statuses and other fixed words, ids (handled as ids);
# an organisation's type is free text when the catalogue does not know it, so it is walked
_NOT_TEXT = {
    "id",
    "kind",
    "status",
    "action",
    "schema_version",
    "playbook",
    "playbook_version",
}
# history lines are rewritten whole by forget (a neutral line), not word by word
_OWN_WAY = {"history"}


def _label(item: Any, index: int) -> str:
    item_id = getattr(item, "id", None)
    return item_id if isinstance(item_id, str) and item_id else str(index + 1)


def _walk(obj: Any, where: str) -> Iterator[tuple[str, Any, Any]]:
    """(where, container, key) for every text in ``obj``: dataclass fields, dict values and
    list items, at any depth (answers may nest)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            if f.name in _NOT_TEXT:
                continue
            value = getattr(obj, f.name)
            here = f"{where}.{f.name}" if where else f.name
            if isinstance(value, str):
                yield here, obj, f.name
            elif f.name not in _OWN_WAY or where:
                yield from _walk(value, here)
    elif isinstance(obj, dict):
        for key in list(obj):
            value = obj[key]
            here = f"{where}.{key}"
            if isinstance(value, str):
                yield here, obj, key
            else:
                yield from _walk(value, here)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            here = f"{where}.{_label(item, i)}"
            if isinstance(item, str):
                yield here, obj, i
            else:
                yield from _walk(item, here)


def _get(container: Any, key: Any) -> Any:
    return container[key] if isinstance(container, dict | list) else getattr(container, key)


def _set(container: Any, key: Any, value: Any) -> None:
    if isinstance(container, dict | list):
        container[key] = value
    else:
        setattr(container, key, value)


def _texts(project: Project) -> list[tuple[str, Any, Any]]:
    """Every text that may name a person, anywhere in the state (where, container, key):
    titles and names of activities, platforms, places and organisations, notes, tasks,
    members, answers (nested too), checklist notes, cancelled activities, merge conflicts.
    Records of people, history lines and assessor names are handled by forget itself."""
    return list(_walk(project, ""))


def _slug_pattern(person: Person) -> re.Pattern[str] | None:
    """Matches the person's name as it stands in an id made from a title ('jan-jansen' in
    'afscheid-van-jan-jansen')."""
    from gzctl.network.inventory import slugify

    slugs = {slugify(n) for n in person.names if n.strip()}
    # a name of one or two letters as an id part would rename ids that have nothing to do
    # with the person; its text is still erased by the whole-word pattern
    slugs = {s for s in slugs if len(s) >= 3 and s != "organisatie"}
    if not slugs:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(slugs, key=len, reverse=True))
    return re.compile(r"(?<![a-z0-9])(?:" + alternatives + r")(?![a-z0-9])")


_ID_LISTS = ("organisations", "places", "platforms", "activities", "cancelled_activities")


def _named_ids(project: Project, person: Person) -> list[tuple[str, str]]:
    """(where, id) for every id made from a text that names the person."""
    pattern = _slug_pattern(person)
    if pattern is None:
        return []
    return [
        (f"{table}.{item.id}.id", item.id)
        for table in _ID_LISTS
        for item in getattr(project, table)
        if pattern.search(item.id)
    ]


def _rename_ids(project: Project, person: Person) -> dict[str, str]:
    """Give every id that names the person a new one ('afscheid-van-gewist'), unique in its
    table, and return old -> new (references are renamed by the caller)."""
    pattern = _slug_pattern(person)
    renames: dict[str, str] = {}
    if pattern is None:
        return renames
    for table in _ID_LISTS:
        items = getattr(project, table)
        taken = {item.id for item in items}
        for item in items:
            if not pattern.search(item.id):
                continue
            base = pattern.sub("gewist", item.id)
            new, n = base, 2
            while new in taken:
                new, n = f"{base}-{n}", n + 1
            taken.add(new)
            renames[item.id] = new
            item.id = new
    return renames


def _rename_references(project: Project, renames: dict[str, str]) -> None:
    """Every text that is exactly an old id (a reference) becomes the new id, keys too."""
    if not renames:
        return
    for _, container, key in _walk(project, ""):
        value = _get(container, key)
        if value in renames:
            _set(container, key, renames[value])
    for h in project.history:
        h.ids = [renames.get(x, x) for x in h.ids]
    for mapping in _dicts(project):
        for old in [k for k in mapping if k in renames]:
            mapping[renames[old]] = mapping.pop(old)


def _dicts(obj: Any) -> Iterator[dict[Any, Any]]:
    if is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            yield from _dicts(getattr(obj, f.name))
    elif isinstance(obj, dict):
        yield obj
        for value in obj.values():
            yield from _dicts(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _dicts(item)


def access(project: Project, person: Person) -> dict[str, Any]:
    """Everything gzctl.toml holds about the person (right of access, AVG art. 15): their
    records, the texts and history lines that name them. JSON-ready."""
    pattern = _pattern(person)
    texts = []
    slug = _slug_pattern(person)
    own = {  # the person's own records are listed under "records", not again as texts
        {"contact": "organisations.{}.contact", "candidate": "coordinator.candidates.{}",
         "initiator": "initiators.{}", "answer": "answers.{}"}[r.kind].format(r.key)
        for r in person.records
    }  # fmt: skip
    for where, obj, key in _texts(project):
        value = _get(obj, key)
        parent, _, name = where.rpartition(".")
        if parent in own and name in ("name", "email", "phone"):
            continue
        if isinstance(value, str) and (
            (pattern and pattern.search(value)) or (slug and slug.search(value))
        ):
            texts.append({"where": where, "text": value})
    candidate_ids = {r.key for r in person.records if r.kind == "candidate"}
    history = [
        {"at": h.at.isoformat(), "who": h.who, "action": h.action, "what": h.what}
        for h in project.history
        if (pattern and (pattern.search(h.what) or pattern.search(h.who)))
        or (slug and slug.search(h.what))
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
            {
                "id": c.id,
                "lives_in_village": c.lives_in_village,
                "scores": c.scores,
                "notes": c.notes,
            }
            for c in project.coordinator.candidates
            if c.id in candidate_ids
        ],  # fmt: skip
        "texts": texts,
        "ids": [{"where": where, "id": item_id} for where, item_id in _named_ids(project, person)],
        "history": history,
    }


@_record
class Forgotten(_Record):
    """What :func:`forget` changed: records removed, texts and history lines rewritten."""

    records: list[Record]
    texts: list[str] = field(default_factory=list)
    history: int = 0
    ids: list[str] = field(default_factory=list)


def forget(project: Project, person: Person) -> Forgotten:
    """Remove the person from the project: candidate records, contact persons (the
    organisation stays, its contact is emptied), initiators, rows of group answers (the name
    erased, e-mail and phone gone); ids made from their name are renamed with every reference
    to them; their name, e-mail and phone in every text become '[naam gewist]'; history lines
    that name them or carry a candidate id are rewritten to a neutral line, and 'who' is
    erased where it is them. The appointed Coördinator is refused (Refused)."""
    candidate_ids = {r.key for r in person.records if r.kind == "candidate"}
    if project.coordinator.appointed in candidate_ids:
        raise Refused(
            "Deze persoon is aangesteld als Coördinator en blijft daarom bewaard. "
            "Stel eerst iemand anders aan als dat niet klopt."
        )
    done = Forgotten(list(person.records))
    _drop_records(project, person, candidate_ids)
    pattern = _pattern(person)
    if pattern is None:
        return done
    _erase_assessor(project, pattern, done)
    renames = _rename_ids(project, person)
    _rename_references(project, renames)
    done.ids = [f"{old} -> {new}" for old, new in renames.items()]
    slug = _slug_pattern(person)
    for where, obj, key in _texts(project):
        value = _get(obj, key)
        if not isinstance(value, str):
            continue
        new = pattern.sub(ERASED_NAME, value)
        if slug is not None:
            new = slug.sub("gewist", new)  # an old id in a text ('zie afscheid-van-jan-...')
        if new != value:
            _set(obj, key, new)
            done.texts.append(where)
    done.history = _rewrite_history(project, pattern, slug, candidate_ids)
    return done


def _drop_records(project: Project, person: Person, candidate_ids: set[str]) -> None:
    """The person's own records: candidates and initiators go, a contact is emptied, a row
    of a group answer keeps its role but not the name, e-mail or phone."""
    co = project.coordinator
    co.candidates = [c for c in co.candidates if c.id not in candidate_ids]
    contact_orgs = {r.key for r in person.records if r.kind == "contact"}
    for o in project.organisations:
        if o.id in contact_orgs:
            o.contact = Contact()
    for r in person.records:
        if r.kind != "answer":
            continue
        qid, _, n = r.key.rpartition(".")
        rows = project.answers.get(qid)
        if isinstance(rows, list) and n.isdigit() and 0 < int(n) <= len(rows):
            row = rows[int(n) - 1]
            if isinstance(row, dict):
                row["name"] = ERASED_NAME
                for key in ("email", "phone"):
                    row.pop(key, None)
    initiator_keys = {int(r.key) for r in person.records if r.kind == "initiator"}
    project.initiators = [
        p for i, p in enumerate(project.initiators, start=1) if i not in initiator_keys
    ]


def _erase_assessor(project: Project, pattern: re.Pattern[str], done: Forgotten) -> None:
    """Scores are keyed by the assessor's name: theirs become '[naam gewist] N'."""
    for cand in project.coordinator.candidates:
        for assessor in [a for a in cand.scores if pattern.fullmatch(a.strip())]:
            n = 1
            while f"{ERASED_NAME} {n}" in cand.scores:
                n += 1
            cand.scores[f"{ERASED_NAME} {n}"] = cand.scores.pop(assessor)
            done.texts.append(f"coordinator.candidates.{cand.id}.scores")


def _rewrite_history(
    project: Project,
    pattern: re.Pattern[str],
    slug: re.Pattern[str] | None,
    candidate_ids: set[str],
) -> int:
    """History lines that name the person (or an id made from their name, or carry a
    candidate id) become a neutral line; 'who' is erased where it is them. Returns how many."""
    count = 0
    for i, h in enumerate(project.history):
        named = bool(pattern.search(h.what)) or bool(slug and slug.search(h.what))
        by_them = bool(pattern.fullmatch(h.who.strip()))
        if named or candidate_ids & set(h.ids) or by_them:
            project.history[i] = HistoryEntry(
                at=h.at,
                who=ERASED_NAME if by_them else h.who,
                action=h.action,
                what=FORGOTTEN if (named or candidate_ids & set(h.ids)) else h.what,
                ids=[x for x in h.ids if x not in candidate_ids],
            )
            count += 1
    return count


GIT_NOTE = (
    "Let op: oudere versies van gzctl.toml en documenten in git (en in kopieën bij anderen) "
    "bevatten deze persoon nog. Wis die geschiedenis apart, bijvoorbeeld met "
    "'git filter-repo --replace-text', en vraag wie een kopie heeft die te verwijderen."
)
