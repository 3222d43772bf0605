"""gzctl.toml's text written piece by piece, so a save re-renders only what changed.

``store.dumps`` renders the whole project through tomli_w: with 50,000 organisations that is
seconds for every ``done``, and checking the new text (``store.refuse_unloadable``) parses it
all again. Every element of a list of records (an organisation, a history line ...) is one
``[[name]]`` piece of the text, and a piece depends on nothing but its element. So
:func:`render` gives the same text as ``store.dumps`` (tests/test_store.py holds it to that,
byte for byte), built from the pieces of the last save (``Pieces``, kept beside the parsed
state in the village's cache, gzctl/core/statecache.py) for every element equal to the one
they were rendered from, and :func:`verify` parses only the pieces rendered anew plus the
small rest of the file, and holds the result against the project: equal, and every rule of
core/checks kept, means the whole text loads as this project. Anything unexpected (a
tomli_w that renders differently, a value that does not come back equal) answers None, and
the caller renders and parses everything as before.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Mapping
from typing import Any

from gzctl.core.model import Project, _encode, _plan, to_dict
from gzctl.core.tomlfile import unflatten

HEADER = (
    "# Gemeenschapszorg netwerk — projectbestand van gzctl.\n"
    "# Je mag dit bestand met de hand bewerken; 'gzctl status' controleert het.\n"
)

# per list field of Project: one (piece, fits inline) per element, in the list's order
Pieces = dict[str, list[tuple[str, bool | None]]]  # None: not worked out yet
# per list field of Project: the indices of the elements whose piece was rendered anew
Fresh = dict[str, list[int]]


def _listed_fields() -> set[str]:
    """The fields of Project that hold a list of records (elements with pieces)."""
    return {
        f.name
        for f in dataclasses.fields(Project)
        if str(f.type).startswith("list[") and str(f.type)[5:-1][:1].isupper()
    }


LISTED = _listed_fields()


def _writer() -> Any:
    import tomli_w._writer as writer  # the functions tomli_w.dumps itself is made of

    return writer


def _pieces(
    name: str, items: list[Any], old: list[Any] | None,
    old_pieces: list[tuple[str, bool | None]] | None,
) -> tuple[list[tuple[str, bool | None]], list[int]]:  # fmt: skip
    """The piece of every element of ``items``, reusing the piece of an equal element at
    the same place in ``old`` (or, for elements with an id, with the same id: then it counts
    as fresh, so that :func:`verify` checks it and the list is not taken as unchanged)."""
    w = _writer()
    key = w.format_key_part(name)
    reuse = old is not None and old_pieces is not None and len(old) == len(old_pieces)
    by_id: dict[Any, int] | None = None
    out: list[tuple[str, bool | None]] = []
    fresh: list[int] = []
    same: list[bool] | None = None
    if reuse and old is not None and old_pieces is not None and len(old) == len(items):
        same = list(map(operator.eq, items, old))  # element by element, the loop in C
        if all(same):  # the list as it was (most lists, on most saves): every piece again
            return list(old_pieces), []
    for i, item in enumerate(items):
        if reuse:
            assert old is not None and old_pieces is not None
            if same[i] if same is not None else (i < len(old) and old[i] == item):
                out.append(old_pieces[i])
                continue
            ident = getattr(item, "id", None)
            if ident is not None:
                if by_id is None:
                    by_id = {getattr(o, "id", None): k for k, o in enumerate(old)}
                k = by_id.get(ident)
                if k is not None and old[k] == item:
                    out.append(old_pieces[k])
                    fresh.append(i)  # moved: its text is known, its place is checked again
                    continue
        ctx = w.Context(True, 4)  # its memo is by id(): one per table, never a dead one's
        text = "".join(w.gen_table_chunks(to_dict(item), ctx, name=key, inside_aot=True))
        out.append((text, None))  # whether it fits on one line: only asked when needed
        fresh.append(i)
    return out, fresh


def _all_inline(items: list[Any], pieces: list[tuple[str, bool | None]]) -> bool:
    """Whether every element fits on one line (then tomli_w writes the list as a value),
    working out only as many as needed: the first that does not fit answers."""
    w = _writer()
    for i, (text, inline) in enumerate(pieces):
        if inline is None:
            inline = bool(w.is_suitable_inline_table(to_dict(items[i]), w.Context(True, 4)))
            pieces[i] = (text, inline)
        if not inline:
            return False
    return True


def _document(
    fields: list[tuple[str, Any]], project: Project, old: Project | None, memo: Pieces,
    pieces: Pieces, fresh: Fresh, ctx: Any, only_fresh: bool,
) -> list[str]:  # fmt: skip
    """One TOML document of ``fields`` (name, encoded value or the list itself), laid out as
    tomli_w lays out a table: plain values first, then tables, a blank line between; as
    chunks, joined once by the caller (a text of 20 MB is copied once, not per part).
    ``only_fresh``: the document to check, with only the pieces rendered anew."""
    w = _writer()
    literals: list[str] = []
    tables: list[str] = []
    for name, value in fields:
        key = w.format_key_part(name)
        ctx = w.Context(True, 4)  # tomli_w remembers inline tables by id(): a fresh memo
        if name in LISTED:
            if name not in pieces:
                before = getattr(old, name) if old is not None else None
                pieces[name], fresh[name] = _pieces(name, value, before, memo.get(name))
            if _all_inline(value, pieces[name]):  # tomli_w writes it on one line
                fresh[name] = list(range(len(value)))
                literals.append(f"{key} = {w.format_literal(_encode(value), ctx)}\n")
            elif only_fresh:
                tables += [pieces[name][i][0] for i in fresh[name]]
            else:
                tables += [text for text, _ in pieces[name]]
        elif isinstance(value, Mapping):
            tables.append("".join(w.gen_table_chunks(value, ctx, name=key)))
        elif w.is_aot(value) and not all(w.is_suitable_inline_table(t, ctx) for t in value):
            tables += [
                "".join(w.gen_table_chunks(t, ctx, name=key, inside_aot=True)) for t in value
            ]
        else:
            literals.append(f"{key} = {w.format_literal(value, ctx)}\n")
    if not tables:
        return literals
    return [*literals, "\n" if literals else "", "\n".join(tables)]


def _fields(project: Project) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """The fields to write (as to_dict leaves them): the body's, and history's (at the
    bottom of the file, as store.dumps puts it)."""
    body: list[tuple[str, Any]] = []
    history: list[tuple[str, Any]] = []
    for name, default, always, nested in _plan(Project):
        value = getattr(project, name)
        if value is None:
            continue
        if not always and default is not dataclasses.MISSING and value == default:
            continue
        if name not in LISTED:
            if nested:
                value = unflatten({k: _encode(v) for k, v in value.items()})
            else:
                value = _encode(value)
        (history if name == "history" else body).append((name, value))
    return body, history


def render(
    project: Project, old: Project | None = None, memo: Pieces | None = None,
    same: set[str] | frozenset[str] = frozenset(),
) -> tuple[str, Pieces, Fresh] | None:  # fmt: skip
    """The text ``store.dumps(project)`` gives, the pieces it is made of, and which were
    rendered anew; ``old`` and ``memo``: the project the pieces ``memo`` were made for;
    ``same``: lists of records known to be as they were then (``old`` need not hold them):
    their pieces serve again as they are. None when tomli_w is not laid out as expected."""
    try:
        ctx = _writer().Context(True, 4)
        pieces: Pieces = {}
        fresh: Fresh = {}
        for name in same:
            if memo and name in memo and len(memo[name]) == len(getattr(project, name)):
                pieces[name], fresh[name] = list(memo[name]), []
        body, history = _fields(project)
        memo = memo or {}
        chunks = [HEADER, *_document(body, project, old, memo, pieces, fresh, ctx, False)]
        if history:
            chunks += ["\n", *_document(history, project, old, memo, pieces, fresh, ctx, False)]
        text = "".join(chunks)
    except (ImportError, AttributeError, TypeError):
        return None
    return text, pieces, fresh


def verify(project: Project, pieces: Pieces, fresh: Fresh) -> bool:
    """Whether the text :func:`render` made of ``pieces`` loads as ``project`` under every
    rule, checked by parsing only the pieces in ``fresh`` and the rest of the file."""
    from gzctl.core.checks import project_faults
    from gzctl.core.model import from_dict
    from gzctl.core.tomlfile import loads

    try:
        ctx = _writer().Context(True, 4)
        body, history = _fields(project)
        text = "".join(_document(body + history, project, None, {}, pieces, fresh, ctx, True))
        data = loads(text)
        if data.get("schema_version") != project.schema_version:
            return False
        partial = from_dict(Project, data)
    except Exception:
        return False
    for f in dataclasses.fields(Project):
        mine = getattr(project, f.name)
        if f.name in LISTED and f.name in fresh:
            mine = [mine[i] for i in fresh[f.name]]
        if getattr(partial, f.name) != mine:
            return False
    # the elements whose pieces came from the last save are as a checked load left them:
    # only the fresh ones are held to the rules of one element again
    return not project_faults(project, only=fresh)
