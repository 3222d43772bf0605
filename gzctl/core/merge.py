"""The semantic three-way merge of gzctl.toml, and settling the conflicts it records.

git's line merge knows nothing of the file: two clones that both log a change append
``[[history]]`` blocks at the same place and get conflict markers, after which no gzctl
command can read the village. This module merges the *meaning* instead. All three versions
(the common ancestor, mine, the other side's) are parsed and normalised through the model,
then merged table by table:

- tables merge key by key; a value changed on one side only takes that side;
- lists of records (organisations, places, platforms, activities, meetings and their
  actions, Coördinator candidates, initiators, a platform's tasks) merge record by record,
  keyed by their id (or name/title);
- lists of plain values (sectors, members, ...) merge as sets: what either side added is
  added, what either side removed is removed;
- the checklist: a tick beats an untouched item, and of two ticks the earlier one is kept; a
  tick that one side undid while the other side kept or renewed it is a conflict;
- history is the union of both sides' entries, ordered by time;
- anything else both sides changed differently (an answer edited two ways, an organisation
  removed on one side and edited on the other) becomes a :class:`MergeConflict` in the file:
  the file keeps a readable value (mine, or the surviving record) and ``gzctl status`` shows
  the conflict until ``gzctl merge resolve`` settles it.

Pure: texts in, text and conflicts out. The result is written by ``store.dumps``, so it is
the same deterministic file gzctl always writes.
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core.errors import NotFound, StateError, UsageProblem
from gzctl.core.model import MergeConflict, Project, from_dict, to_dict
from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record

_MISSING: Any = object()

# Lists of records and the field that identifies a record; '*' stands for any record id.
KEYED: dict[tuple[str, ...], str] = {
    ("organisations",): "id",
    ("places",): "id",
    ("platforms",): "id",
    ("platforms", "*", "tasks"): "title",
    ("activities",): "id",
    ("cancelled_activities",): "id",
    ("money",): "id",
    ("surveys",): "id",
    ("recurring",): "id",
    ("signups",): "id",
    ("meetings",): "id",
    ("meetings", "*", "actions"): "id",
    ("coordinator", "candidates"): "id",
    ("initiators",): "name",
    ("conflicts",): "key",
}

# Places whose value is one answer: a list or table there is a single value, not merged inside.
_ATOMIC_UNDER = ("answers",)


@_record
class MergeResult(_Record):
    """``text`` is the merged gzctl.toml; ``conflicts`` the ones this merge found (they are
    also in the text); ``renamed`` maps candidate ids of the other side that were renumbered
    because both sides had added a different candidate under the same id."""

    text: str
    conflicts: list[MergeConflict] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)


def _abstract(path: tuple[str, ...]) -> tuple[str, ...]:
    """The path with record ids replaced by '*', for looking up KEYED."""
    out: list[str] = []
    for i, part in enumerate(path):
        out.append("*" if tuple(out[:i]) in KEYED else part)
    return tuple(out)


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


class _Merger:
    def __init__(self, mine_by: str, other_by: str) -> None:
        self.conflicts: list[MergeConflict] = []
        self.mine_by = mine_by
        self.other_by = other_by

    def conflict(self, path: tuple[str, ...], b: Any, m: Any, o: Any) -> Any:
        self.conflicts.append(
            MergeConflict(
                key=".".join(path),
                path=list(path),
                mine=None if m is _MISSING else m,
                other=None if o is _MISSING else o,
                base=None if b is _MISSING else b,
                mine_by=self.mine_by,
                other_by=self.other_by,
            )
        )
        # keep something readable in the file: mine, or the record that survived
        return o if m is _MISSING else m

    def value(self, path: tuple[str, ...], b: Any, m: Any, o: Any) -> Any:
        if _eq(m, o):
            return m
        if _eq(m, b):
            return o
        if _eq(o, b):
            return m
        # both sides changed it, differently
        top = path[0] if path else ""
        if path == ("history",):
            return _merge_history(_list(b), _list(m), _list(o))
        if path == ("schema_version",):
            return max(x for x in (m, o) if isinstance(x, int))
        if top == "checklist" and len(path) == 2:
            if _ticked(b) and _ticked(m) != _ticked(o):
                # one side undid a tick the other side kept (or ticked again): a person
                # decided it was not done, so neither side may win in silence
                return self.conflict(path, b, m, o)
            return _merge_tick(m, o)
        if top in _ATOMIC_UNDER and not (isinstance(m, dict) and isinstance(o, dict)):
            return self.conflict(path, b, m, o)
        abstract = _abstract(path)
        if (m is _MISSING or o is _MISSING) and abstract[:-1] not in KEYED:
            # a table or list left out of the file because it became empty, not a removal
            present = o if m is _MISSING else m
            empty: Any = {} if isinstance(present, dict) else []
            if isinstance(present, (dict, list)):
                return _drop_empty(
                    self.value(
                        path,
                        empty if b is _MISSING else b,
                        empty if m is _MISSING else m,
                        empty if o is _MISSING else o,
                    )
                )
        if m is _MISSING or o is _MISSING:
            return self.conflict(path, b, m, o)
        if abstract in KEYED and isinstance(m, list) and isinstance(o, list):
            return self.keyed(path, KEYED[abstract], _list(b), m, o)
        if isinstance(m, dict) and isinstance(o, dict):
            base = b if isinstance(b, dict) else {}
            return self.table(path, base, m, o)
        if isinstance(m, list) and isinstance(o, list) and top not in _ATOMIC_UNDER:
            return _merge_set(_list(b), m, o)
        return self.conflict(path, b, m, o)

    def table(
        self, path: tuple[str, ...], b: dict[str, Any], m: dict[str, Any], o: dict[str, Any]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in dict.fromkeys([*m, *o, *b]):
            merged = self.value(
                (*path, key), b.get(key, _MISSING), m.get(key, _MISSING), o.get(key, _MISSING)
            )
            if merged is not _MISSING:
                out[key] = merged
        return out

    def keyed(
        self, path: tuple[str, ...], id_field: str, b: list[Any], m: list[Any], o: list[Any]
    ) -> list[Any]:
        def index(items: list[Any]) -> dict[str, Any]:
            return {str(r.get(id_field)): r for r in items if isinstance(r, dict)}

        bi, mi, oi = index(b), index(m), index(o)
        out: list[Any] = []
        for rid in dict.fromkeys([*mi, *oi, *bi]):
            merged = self.value(
                (*path, rid), bi.get(rid, _MISSING), mi.get(rid, _MISSING), oi.get(rid, _MISSING)
            )
            if merged is not _MISSING:
                out.append(merged)
        return out


def _drop_empty(value: Any) -> Any:
    return _MISSING if value in ({}, []) else value


def _eq(a: Any, b: Any) -> bool:
    if a is _MISSING or b is _MISSING:
        return a is b
    return bool(a == b and type(a) is type(b))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _merge_set(b: list[Any], m: list[Any], o: list[Any]) -> list[Any]:
    """Both sides' additions, neither side's removals; sorted when both sides were."""
    bk = {_canon(x) for x in b}
    mk = {_canon(x) for x in m}
    ok = {_canon(x) for x in o}
    out = [x for x in m if _canon(x) in ok or _canon(x) not in bk]
    seen = {_canon(x) for x in out}
    for x in o:
        c = _canon(x)
        if c not in mk and c not in bk and c not in seen:
            out.append(x)
            seen.add(c)
    if _is_sorted(m) and _is_sorted(o):
        try:
            out.sort()
        except TypeError:
            pass
    return out


def _is_sorted(items: list[Any]) -> bool:
    try:
        return all(items[i] <= items[i + 1] for i in range(len(items) - 1))
    except TypeError:
        return False


def _ticked(entry: Any) -> bool:
    return isinstance(entry, dict) and bool(entry.get("done"))


def _merge_tick(m: Any, o: Any) -> Any:
    """Both sides changed one checklist entry: a tick wins over none, the earlier tick wins."""

    def rank(entry: Any) -> tuple[int, str, str, str]:
        if not isinstance(entry, dict):
            return (2, "", "", "")
        return (
            0 if entry.get("done") else 1,
            str(entry.get("date", "9999")),
            str(entry.get("by", "")),
            str(entry.get("note", "")),
        )

    return min((m, o), key=rank)


def _merge_history(b: list[Any], m: list[Any], o: list[Any]) -> list[Any]:
    """Entries either side added, minus those either side removed, ordered by time.

    Counted per identical entry, so that two sides logging the very same line at the same
    second keep it once, and a line rewritten by ``coordinator candidate forget`` on one
    side does not come back from the other."""
    from collections import Counter

    bc = Counter(_canon(e) for e in b)
    mc = Counter(_canon(e) for e in m)
    oc = Counter(_canon(e) for e in o)
    want: dict[str, int] = {}
    for key in dict.fromkeys([*mc, *oc]):
        nb, nm, no = bc[key], mc[key], oc[key]
        want[key] = no if nm == nb else (nm if no == nb else max(nm, no))
    out: list[Any] = []
    for entry in [*m, *o]:
        key = _canon(entry)
        if want.get(key, 0) > 0:
            out.append(entry)
            want[key] -= 1
    # by time, then by person (so both merge directions agree); one transaction's lines
    # share both and keep their order
    out.sort(key=lambda e: (str(e.get("at", "")), str(e.get("who", ""))))
    return out


def _last_author(b: list[Any], side: list[Any]) -> str:
    known = {_canon(e) for e in b}
    fresh = [e for e in side if isinstance(e, dict) and _canon(e) not in known]
    return str(fresh[-1].get("who", "")) if fresh else ""


def _renumber_candidates(b: dict[str, Any], m: dict[str, Any], o: dict[str, Any]) -> dict[str, str]:
    """Candidate ids are 'kandidaat-N' by count, so both sides may add a different person
    as the same id: give the other side's newcomer the next free number (in place)."""

    def cands(d: dict[str, Any]) -> dict[str, Any]:
        items = d.get("coordinator", {}).get("candidates", [])
        return {str(c.get("id")): c for c in items if isinstance(c, dict)}

    bc, mc, oc = cands(b), cands(m), cands(o)
    clash = [cid for cid in oc if cid in mc and cid not in bc and mc[cid] != oc[cid]]
    clash = [cid for cid in clash if mc[cid].get("name") != oc[cid].get("name")]
    if not clash:
        return {}
    used = set(bc) | set(mc) | set(oc)
    renamed: dict[str, str] = {}
    n = 1
    for cid in clash:
        while f"kandidaat-{n}" in used:
            n += 1
        new = f"kandidaat-{n}"
        used.add(new)
        renamed[cid] = new
    co = o["coordinator"]
    for cand in co["candidates"]:
        if cand.get("id") in renamed:
            cand["id"] = renamed[cand["id"]]
    if co.get("appointed") in renamed:
        co["appointed"] = renamed[co["appointed"]]
    for entry in o.get("history", []):
        if isinstance(entry, dict) and "ids" in entry:
            entry["ids"] = [renamed.get(i, i) for i in entry["ids"]]
    return renamed


def _as_dict(text: str, label: str, required: bool) -> dict[str, Any]:
    from gzctl.core.store import parse

    if not text.strip() and not required:
        return {}
    try:
        return to_dict(parse(text, Path(label)))
    except StateError:
        if required:
            raise
        return {}


def _sort_records(project: Project) -> None:
    project.organisations.sort(key=lambda o: o.id)
    project.places.sort(key=lambda p: p.id)
    project.platforms.sort(key=lambda p: p.id)
    project.activities.sort(key=lambda a: (a.start, a.id))
    project.cancelled_activities.sort(key=lambda a: (a.start, a.id))
    project.money.sort(key=lambda m: (m.date, m.id))
    project.meetings.sort(key=lambda m: (m.date, m.id))
    project.coordinator.candidates.sort(key=lambda c: (len(c.id), c.id))
    project.conflicts.sort(key=lambda c: c.key)
    try:
        project.history.sort(key=lambda h: (h.at, h.who))
    except TypeError:  # a hand-written time without offset next to one with: leave as merged
        pass


def merge_texts(base: str, mine: str, other: str) -> MergeResult:
    """Merge three versions of gzctl.toml (the common ancestor may be empty).

    Returns the merged text (as ``store.dumps`` writes it) and the conflicts found, which are
    also recorded in the text. Raises StateError when ``mine`` or ``other`` is not a valid
    gzctl.toml (a broken ancestor counts as empty)."""
    from gzctl.core.store import dumps

    b = _as_dict(base, "gzctl.toml (gemeenschappelijke versie)", required=False)
    m = _as_dict(mine, "gzctl.toml (jouw versie)", required=True)
    o = _as_dict(other, "gzctl.toml (de andere versie)", required=True)
    renamed = _renumber_candidates(b, m, o)
    merger = _Merger(
        _last_author(_list(b.get("history")), _list(m.get("history"))),
        _last_author(_list(b.get("history")), _list(o.get("history"))),
    )
    merged = merger.table((), b, m, o)
    found = merger.conflicts
    if found:
        kept = [
            c for c in merged.get("conflicts", []) if c.get("key") not in {f.key for f in found}
        ]
        merged["conflicts"] = kept + [to_dict(c) for c in found]
    try:
        project = from_dict(Project, merged)
    except Exception as exc:  # a combination the model rejects: report, never write it
        raise StateError(
            f"De twee versies van gzctl.toml zijn samen geen geldig project ({exc})."
        ) from exc
    _sort_records(project)
    return MergeResult(dumps(project), found, renamed)


# --------------------------------------------------------------------------- settling


def _set_at(data: dict[str, Any], path: list[str], value: Any) -> None:
    """Put ``value`` (None: remove) at ``path`` in a to_dict() tree; records by their id."""
    node: Any = data
    for i, part in enumerate(path):
        last = i == len(path) - 1
        where = tuple(path[:i])
        abstract = _abstract(where)
        if isinstance(node, list) and abstract in KEYED:
            id_field = KEYED[abstract]
            pos = next(
                (
                    j
                    for j, r in enumerate(node)
                    if isinstance(r, dict) and str(r.get(id_field)) == part
                ),
                None,
            )
            if last:
                if pos is not None:
                    del node[pos]
                if value is not None:
                    node.insert(pos if pos is not None else len(node), value)
                return
            if pos is None:
                return  # the record is gone: nothing left to settle
            node = node[pos]
            continue
        if not isinstance(node, dict):
            return
        if last:
            if value is None:
                node.pop(part, None)
            else:
                node[part] = value
            return
        nxt = tuple(path[: i + 1])
        default: Any = [] if _abstract(nxt) in KEYED else {}
        node = node.setdefault(part, default)


def find_conflict(project: Project, key: str) -> MergeConflict:
    """The recorded conflict named ``key``; NotFound (with a suggestion) otherwise."""
    from gzctl.core.errors import did_you_mean

    for c in project.conflicts:
        if c.key == key:
            return c
    if not project.conflicts:
        raise NotFound("Er zijn geen samenvoegconflicten in dit project.")
    raise NotFound(
        f"Geen samenvoegconflict '{key}'." + did_you_mean(key, [c.key for c in project.conflicts])
    )


def resolve(project: Project, key: str, take: str) -> tuple[Project, MergeConflict]:
    """Settle one conflict: ``take`` is 'mine' or 'other'. Returns the new project (the old
    one is not changed) and the settled conflict. Raises NotFound for an unknown key,
    UsageProblem for another ``take``, StateError if the chosen value no longer fits."""
    if take not in ("mine", "other"):
        raise UsageProblem("Kies 'mine' (jouw versie) of 'other' (de andere versie).")
    conflict = find_conflict(project, key)
    data = to_dict(project)
    data["conflicts"] = [c for c in data.get("conflicts", []) if c.get("key") != key]
    if not data["conflicts"]:
        del data["conflicts"]
    _set_at(data, conflict.path, conflict.mine if take == "mine" else conflict.other)
    try:
        new = from_dict(Project, data)
    except Exception as exc:
        raise StateError(f"Die keuze past niet meer in het project ({exc}).") from exc
    _sort_records(new)
    return new, conflict


def describe(value: Any) -> str:
    """A short Dutch rendering of a conflicting value for status and the conflict list."""
    if value is None:
        return "(verwijderd)"
    if isinstance(value, dict):
        name = value.get("name") or value.get("title") or value.get("id")
        return f"'{name}'" if name else "(een tabel)"
    if isinstance(value, list):
        return ", ".join(describe(v) if isinstance(v, dict) else str(v) for v in value) or "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return f"'{short}'"
    return str(value)


def _describe_at(path: list[str], value: Any) -> str:
    """:func:`describe`, with a checklist entry said as a tick ('afgevinkt op ... door ...')."""
    if path[:1] == ["checklist"] and (value is None or isinstance(value, dict)):
        if not _ticked(value):
            return "niet afgevinkt"
        assert isinstance(value, dict)
        by = f" door {value['by']}" if value.get("by") else ""
        return f"afgevinkt op {value.get('date', '?')}{by}"
    return describe(value)


def summary(project: Project) -> list[dict[str, str]]:
    """Plain JSON rows for `gzctl status` and `gzctl merge conflicts`: key, mine, other, by."""
    return [
        {
            "key": c.key,
            "mine": _describe_at(c.path, c.mine),
            "other": _describe_at(c.path, c.other),
            "mine_by": c.mine_by,
            "other_by": c.other_by,
        }
        for c in project.conflicts
    ]
