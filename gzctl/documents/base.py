"""What every document shares: the output folder and formats, the errors, Dutch formatting of
dates and numbers, safe file names, and the prepared data (:class:`Output`, :class:`Prepared`,
:class:`Context`, :func:`common_data`) that the preparers build.

The documents layer, one way (see gzctl/documents/__init__.py):

1. **Prepare** (pure): a preparer turns the project into plain data (dicts of Dutch keys, lists,
   ready-formatted Dutch dates and numbers): one :class:`Output` per file to write. The
   preparers live in gzctl/documents/general.py, coordinator.py and platforms.py; the one
   registry that imports them is gzctl/documents/registry.py.
2. **Render** (gzctl/documents/render.py): jinja2 ``SandboxedEnvironment`` with
   ``StrictUndefined``, autoescape for ``*.html.j2``, a Markdown escape for ``*.md.j2``; a file
   of the same name in the project's ``sjablonen/`` folder wins over the built-in one. DOCX is
   built with python-docx from the rendered Markdown (gzctl/documents/docx.py).
3. **Write** (gzctl/documents/build.py): into ``documenten/``, with a manifest (sha256 per
   file). A file edited since gzctl wrote it is kept; the new version goes beside it as
   ``*.nieuw.*``. Unchanged inputs give byte-identical files: no clock is read here, ``today``
   only decides warnings, never text.

jinja2, babel and docx are imported inside the functions that need them (``gzctl --help``
and ``gzctl status`` must not load them).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gzctl.core.errors import GzctlError
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook

OUTPUT_DIR = "documenten"
OVERRIDE_DIR = "sjablonen"
MANIFEST = ".gzctl-manifest.json"
FORMATS = ("md", "html", "docx")
PAGE_BREAK = "<!-- nieuwe pagina -->"


class TemplateProblem(GzctlError):
    """A template does not render (syntax error, a missing value, an error in a filter)."""

    exit_code = 2


class NotReady(GzctlError):
    """A document cannot be made yet: an answer or some data is missing (the message says
    which and how to add it)."""

    exit_code = 2


# --------------------------------------------------------------------------- Dutch formatting


def dutch_date(day: dt.date) -> str:
    """'dinsdag 12 januari 2027'."""
    from babel.dates import format_date

    return str(format_date(day, "EEEE d MMMM y", locale="nl_NL"))


def short_dutch_date(day: dt.date) -> str:
    """'12 januari 2027'."""
    from babel.dates import format_date

    return str(format_date(day, "d MMMM y", locale="nl_NL"))


def dutch_number(value: float) -> str:
    """'4.850', '12,5'."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale="nl_NL"))


def join_dutch(words: Iterable[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def parse_time(text: str) -> tuple[int, int] | None:
    """'19:30', '19.30', '19u30', '19 uur' -> (19, 30); anything else None."""
    m = re.fullmatch(r"\s*(\d{1,2})(?:\s*[:.u]\s*(\d{2}))?\s*(?:uur)?\s*", text or "")
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def clock_text(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --------------------------------------------------------------------------- file names

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


def fold(text: str) -> str:
    """Lower case ASCII without accents: 'Oranjecomité Ösel' -> 'oranjecomite osel'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").casefold()


def safe_stem(name: str, taken: set[str]) -> str:
    """A file name (without extension) from an organisation's name that is safe everywhere:
    only a-z, 0-9 and '-', no path separators or '..', no Windows device names, at most 60
    characters; a name already in ``taken`` gets -2, -3, ... ``taken`` is updated."""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:60].strip("-") or "organisatie"
    if stem in _RESERVED:
        stem = f"{stem}-organisatie"
    candidate, n = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


# --------------------------------------------------------------------------- prepared data


@dataclass(frozen=True)
class Output:
    """One file to write: ``path`` is relative to documenten/ without extension (POSIX)."""

    path: str
    template: str  # e.g. "uitnodiging" -> uitnodiging.md.j2 and uitnodiging.html.j2
    data: dict[str, Any]
    title: str


@dataclass(frozen=True)
class Prepared:
    doc_id: str
    title: str
    outputs: tuple[Output, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    project: Project
    playbook: Playbook
    today: dt.date


def answer(project: Project, qid: str, default: Any = None) -> Any:
    value = project.answers.get(qid)
    return default if value in (None, "", []) else value


def playbook_question(playbook: Playbook, qid: str) -> Any:
    return next((q for q in playbook.questions() if q.id == qid), None)


def missing_answer(playbook: Playbook, qid: str, doc_title: str) -> NotReady:
    q = playbook_question(playbook, qid)
    label = q.label if q else qid
    step = qid.rsplit(".", 1)[0]
    owner = next((s for s in playbook.steps if any(x.id == qid for x in s.questions)), None)
    where = f"gzctl wizard --stap {owner.id}" if owner else f"gzctl wizard ({step})"
    return NotReady(f"{doc_title}: beantwoord eerst '{label}' ({where}).")


def organisations(project: Project) -> list[Any]:
    """The inventory (issue 3); an older model without it gives an empty list."""
    return list(getattr(project, "organisations", None) or [])


KIND_NAMES = {
    "vrijwilligers": "vrijwilligersorganisatie",
    "professioneel": "professionele organisatie",
    "overheid": "overheid",
    "ondernemer": "ondernemer",
}
GROUP_NAMES = {
    "K": "kinderen",
    "J": "jongeren",
    "G": "gezinnen",
    "V": "volwassenen",
    "O": "ouderen",
    "Kw": "kwetsbare inwoners",
    "A": "alle inwoners",
}


def common_data(ctx: Context) -> dict[str, Any]:
    """What every document shows: the village, the network, who sends it."""
    project = ctx.project
    village = project.village
    name = village.name or "het dorp"
    network = answer(project, "verbinden.netwerknaam") or f"Gemeenschapszorg netwerk {name}"
    senders = [
        {"naam": p.name, "rol": p.role, "email": p.email, "telefoon": p.phone}
        for p in project.initiators
    ]
    contact = next((p for p in project.initiators if p.email or p.phone), None)
    return {
        "dorp": {
            "naam": name,
            "gemeente": village.municipality,
            "provincie": village.province,
            "inwoners": dutch_number(village.inhabitants) if village.inhabitants else "",
        },
        "netwerk": {"naam": network},
        "afzenders": senders,
        "afzender_namen": join_dutch(s["naam"] for s in senders),
        "contact": {
            "naam": contact.name if contact else "",
            "email": contact.email if contact else "",
            "telefoon": contact.phone if contact else "",
        },
    }
