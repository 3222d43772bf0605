"""What every document shares: the output folder and formats, the errors, Dutch formatting of
dates and numbers, safe file names, and the prepared data (:class:`Output`, :class:`Prepared`,
:class:`Context`, :func:`common_data`) that the preparers build.

The documents layer, one way (see gzctl/documents/__init__.py):

1. **Prepare** (pure): a preparer turns the project into plain data (dicts of Dutch keys, lists,
   ready-formatted Dutch dates and numbers): one :class:`Output` per file to write. The
   preparers live in gzctl/documents/general.py, coordinator.py, platforms.py and their
   siblings; gzctl/documents/registry.py finds one by the playbook's ``[[documents]]`` entry.
2. **Render** (gzctl/documents/render.py): the document's one template ``NAME.md.j2`` in a
   jinja2 ``SandboxedEnvironment`` with ``StrictUndefined`` and a Markdown escape for every
   value; a file of the same name in the project's ``sjablonen/`` folder wins over the
   built-in one. The print-ready HTML is made from that Markdown with markdown-it-py
   (gzctl/documents/html.py, inside ``_base/pagina.html.j2``), the DOCX with python-docx
   (gzctl/documents/docx.py).
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
from typing import Any

from gzctl.core.errors import GzctlError
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

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


def dutch_euro(amount: float) -> str:
    """'€ 25.000,00' (Babel's Dutch currency format, rounded to cents)."""
    from babel.numbers import format_currency

    return str(format_currency(round(amount, 2), "EUR", locale="nl_NL"))


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
    """'19:30', '19.30', '19u30', '19 uur' -> (19, 30) through the one Dutch parser
    (gzctl.core.dutch); anything else (an old free-text answer) None."""
    from gzctl.core.dutch import parse_time as parse
    from gzctl.core.errors import AnswerError

    try:
        moment = parse(text or "")
    except AnswerError:
        return None
    return moment.hour, moment.minute


def clock_text(minutes: int) -> str:
    """Minutes after midnight as "HH:MM", wrapping past midnight."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --------------------------------------------------------------------------- formatted later


class Later:
    """Dutch text that is formatted when a document is rendered, not when it is prepared.

    A preparer puts ``later_date(day)`` rather than ``dutch_date(day)``: the data
    then holds the raw input (a date, a number, a phone number as typed) and the formatter's
    name. Rendering (gzctl/documents/render.py) turns every Later into its text first, so
    templates only ever see ``str``; :func:`gzctl.documents.build.inputs_digest` hashes
    :meth:`inputs` instead of the text. That keeps Babel's locale data (~40 ms) and
    phonenumbers' metadata (~20 ms) out of ``gzctl docs list``, which compares inputs and
    renders nothing; the formatting itself stays Babel's and phonenumbers'.

    ``how`` is a key of :data:`_FORMATTERS`; ``args`` are its arguments (dates, numbers,
    strings, or other Later values, which are formatted first). ``str()`` formats (once);
    it equals a ``str`` with the same text and another Later with the same inputs."""

    __slots__ = ("how", "args", "_text")

    def __init__(self, how: str, *args: Any) -> None:
        if how not in _FORMATTERS:
            raise ValueError(f"no formatter {how!r}")
        self.how = how
        self.args = args
        self._text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            parts = [str(a) if isinstance(a, Later) else a for a in self.args]
            self._text = _FORMATTERS[self.how](*parts)
        return self._text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Later({self.how!r}, {', '.join(map(repr, self.args))})"

    def __bool__(self) -> bool:
        return True  # every formatter gives text for a non-empty input

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Later):
            return (self.how, self.args) == (other.how, other.args)
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.how, self.args))

    def inputs(self) -> list[Any]:
        """What the text is made from, as JSON types: ``[how, arg, ...]`` (dates as ISO
        text, nested Later values as their own lists)."""
        out: list[Any] = [self.how]
        for a in self.args:
            if isinstance(a, Later):
                out.append(a.inputs())
            elif isinstance(a, (dt.date, dt.datetime)):
                out.append(a.isoformat())
            elif isinstance(a, tuple):
                out.append([x.inputs() if isinstance(x, Later) else x for x in a])
            else:
                out.append(a)
        return out


def _text(fmt: str, *parts: Any) -> str:
    return fmt.format(*parts)


def _join(words: tuple[Any, ...]) -> str:
    return join_dutch(str(w) for w in words)


_FORMATTERS: dict[str, Any] = {
    "datum": lambda day: dutch_date(day),
    "datum_kort": lambda day: short_dutch_date(day),
    "getal": lambda value: dutch_number(value),
    "euro": lambda amount: dutch_euro(amount),
    "telefoon": lambda raw, region: phone_text(raw, region),
    "tekst": _text,
    "en": _join,
}


def later_date(day: dt.date) -> Later:
    """:func:`dutch_date` at render time: 'dinsdag 12 januari 2027'."""
    return Later("datum", day)


def later_short_date(day: dt.date) -> Later:
    """:func:`short_dutch_date` at render time: '12 januari 2027'."""
    return Later("datum_kort", day)


def later_number(value: float) -> Later:
    """:func:`dutch_number` at render time: '4.850', '12,5'."""
    return Later("getal", value)


def later_euro(amount: float) -> Later:
    """:func:`dutch_euro` at render time: '€ 25.000,00'."""
    return Later("euro", round(amount, 2))


def later_phone(raw: str, region: str = "NL") -> Later | str:
    """:func:`phone_text` at render time; an empty (or blank) number stays '' now, so that
    ``if not number`` still tells a missing number while preparing."""
    text = " ".join(str(raw or "").split())
    return Later("telefoon", text, region) if text else ""


def later_text(fmt: str, *parts: Any) -> Later | str:
    """``fmt.format(*parts)`` at render time, for a sentence with a Later in it ('Jullie
    bereiken ongeveer {} mensen.'); without any Later it is formatted now."""
    if not any(isinstance(p, Later) for p in parts):
        return fmt.format(*parts)
    return Later("tekst", fmt, *parts)


def later_join(words: Iterable[Any], sep: str | None = None) -> Later | str:
    """:func:`join_dutch` (or ``sep.join`` when ``sep`` is given) of texts of which some may
    be Later; formatted now when none is."""
    items = tuple(w for w in words if w)
    if not any(isinstance(w, Later) for w in items):
        return sep.join(items) if sep is not None else join_dutch(items)
    if sep is not None:
        return Later("tekst", sep.join("{}" for _ in items), *items)
    return Later("en", items)


def shown(value: Any) -> Any:
    """``value`` with every Later inside (dicts, lists, tuples) turned into its text: what
    templates get. Other values are returned as they are (containers copied only when they
    hold a Later)."""
    if isinstance(value, Later):
        return str(value)
    if isinstance(value, dict):
        return {k: shown(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shown(v) for v in value]
    if type(value) is tuple:
        return tuple(shown(v) for v in value)
    return value


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


@_frozen_record
class Output(_FrozenRecord):
    """One file to write: ``path`` is relative to documenten/ without extension (POSIX)."""

    path: str
    template: str  # e.g. "uitnodiging" -> uitnodiging.md.j2
    data: dict[str, Any]
    title: str


@_frozen_record
class Prepared(_FrozenRecord):
    """A prepared document: its id, title, the files to render and any warnings."""

    doc_id: str
    title: str
    outputs: tuple[Output, ...]
    warnings: tuple[str, ...] = ()


@_frozen_record
class Context(_FrozenRecord):
    """What a preparer reads: the project, its playbook and today's date."""

    project: Project
    playbook: Playbook
    today: dt.date


def answer(project: Project, qid: str, default: Any = None) -> Any:
    """The project's answer to ``qid``, or ``default`` when it is unanswered (a read of this
    answer alone: gzctl/documents/reads.py)."""
    from gzctl.documents.reads import entry

    value = entry(project, "answers", qid)
    return default if value in (None, "", []) else value


def playbook_question(playbook: Playbook, qid: str) -> Any:
    """The playbook's question with this id, or None."""
    return next((q for q in playbook.questions() if q.id == qid), None)


def missing_answer(playbook: Playbook, qid: str, doc_title: str) -> NotReady:
    """The NotReady that tells which question to answer first, and where."""
    q = playbook_question(playbook, qid)
    label = q.label if q else qid
    step = qid.rsplit(".", 1)[0]
    owner = next((s for s in playbook.steps if any(x.id == qid for x in s.questions)), None)
    where = f"gzctl wizard --stap {owner.id}" if owner else f"gzctl wizard ({step})"
    return NotReady(f"{doc_title}: beantwoord eerst '{label}' ({where}).")


def organisations(project: Project) -> list[Any]:
    """The project's organisations; an empty list for a project object without them."""
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


_common: dict[tuple[int, int, int, Any], tuple[Any, dict[str, Any], frozenset[str]]] = {}


def common_data(ctx: Context) -> dict[str, Any]:
    """:func:`_common_data`, worked out once per state of the project and playbook in a run
    (every document asks for it, and ``docs list`` prepares them all); each caller gets its
    own copy of the top level and of the tables in it. A hit counts the fields the value
    was made from as read (gzctl/documents/reads.py); the history in the key is no input."""
    from gzctl.documents import reads

    project = ctx.project
    with reads.unrecorded():
        last = project.history[-1].at if project.history else None
        key = (id(project), id(ctx.playbook), len(project.history), last)
    hit = _common.get(key)
    if hit is None or hit[0] is not project:
        with reads.recording() as used:
            data = _common_data(ctx)
        hit = (project, data, frozenset(used))
        _common.clear()  # one project at a time
        _common[key] = hit
    else:
        reads.note(hit[2])
    return {k: dict(v) if isinstance(v, dict) else v for k, v in hit[1].items()}


def _common_data(ctx: Context) -> dict[str, Any]:
    """What every document shows: the village (``dorp``), the network (``netwerk``: naam,
    adres as lines, care of the meeting place), who sends it (``afzenders``,
    ``afzender_namen``), the network's contact person (``contact``: see
    :func:`network_contact_person`), who takes part (``deelname``: the one sentence and
    counts of gzctl/network/participation.py, ``partners`` the joined ones' names), and the
    country's words and helplines (``land``: playbooks/landen/<code>/land.toml), so
    templates hold no country."""
    from gzctl.core.country import for_playbook

    project = ctx.project
    village = project.village
    name = village.name or "het dorp"
    country = for_playbook(ctx.playbook)
    land = country.template_data()
    region = country.phone.region
    network = answer(project, "verbinden.netwerknaam") or f"{land['woorden']['netwerk']} {name}"
    senders: list[dict[str, Any]] = [
        {"naam": p.name, "rol": p.role, "email": p.email, "telefoon": later_phone(p.phone, region)}
        for p in project.initiators
    ]
    contact = network_contact_person(project)
    from gzctl.network.participation import participation, participation_text

    taking = participation(project)
    return {
        "dorp": {
            "naam": name,
            "gemeente": village.municipality,
            "provincie": village.province,
            "inwoners": later_number(village.inhabitants) if village.inhabitants else "",
        },
        "netwerk": {"naam": network, "adres": network_address(project)},
        "land": land,
        "afzenders": senders,
        "afzender_namen": join_dutch(s["naam"] for s in senders),
        "contact": {
            "naam": contact.name if contact else "",
            "rol": contact.role if contact else "",
            "email": contact.email if contact else "",
            "telefoon": later_phone(contact.phone, region) if contact else "",
        },
        "deelname": {
            "aangesloten": len(taking.joined),
            "initiatief": len(taking.in_initiative),
            "zin": participation_text(taking),
            "partners": [o.name for o in taking.joined],
        },
    }


def network_contact_person(project: Any) -> Any:
    """The network's contact person, the same on every output (letters, newsletter, site,
    poster): the first initiator with a phone number (the poster's readers often have no
    smartphone), else the first with an e-mail address; None when there is none."""
    with_phone = next((p for p in project.initiators if p.phone), None)
    return with_phone or next((p for p in project.initiators if p.email), None)


# --------------------------------------------------------------------------- words per country


def document_words(playbook: Any) -> dict[str, Any]:
    """The words and fixed numbers of outgoing documents, from the playbook's country
    (playbooks/landen/<code>/land.toml): ``land`` (telefoonregio and the country's words:
    college, bestuurder, gemeente, steun, ...), ``aanspreekvorm``, ``aanhef_zonder_naam``,
    ``bellen`` (``vast`` and ``vragen``), ``uitnodiging`` (per organisation type, the
    invitation's own paragraph). An unknown country is a PlaybookError."""
    from gzctl.core.country import for_playbook

    land = for_playbook(playbook)
    return {
        "land": {**land.words, "telefoonregio": land.phone.region},
        "aanspreekvorm": land.registers,
        "aanhef_zonder_naam": land.salutations,
        "bellen": land.call,
        "uitnodiging": land.invitations,
    }


NBSP = "\u00a0"

# Domains reserved for examples (RFC 2606, RFC 6761): never printed for a resident to use.
EXAMPLE_DOMAINS = ("example", "example.com", "example.org", "example.net", "test", "invalid")


def public_email(email: str) -> str:
    """``email`` as residents may read it: '' for an address in a domain reserved for
    examples ('griet@leiebeke.example'), which reaches nobody."""
    domain = email.rpartition("@")[2].lower().rstrip(".")
    if any(domain == d or domain.endswith("." + d) for d in EXAMPLE_DOMAINS):
        return ""
    return email


def phone_text(raw: str, region: str = "NL") -> str:
    """A phone number as a Dutch office writes it ('0345612377' -> '0345 612 377',
    '0800-2000' -> '0800 2000', '+32 2 123 45 67' kept international), with no-break
    spaces so that it never breaks over two lines. Text that is not a number is returned
    as typed (collapsed spaces). Empty in, empty out."""
    text = " ".join(str(raw or "").split())
    if not text:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text.replace(" ", NBSP)
    if not phonenumbers.is_possible_number(number) and len(text) > 4:
        return text.replace(" ", NBSP)
    same_country = phonenumbers.region_code_for_number(number) in (region, None)
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if same_country
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, fmt)).replace(" ", NBSP)


def document_date(project: Project) -> dt.date:
    """The date a letter carries: the day of the project's last change, so that a rebuild
    without changes gives the same bytes and a changed project a new date."""
    from gzctl.documents.reads import last_change

    return last_change(project) or project.project.created or dt.date(2000, 1, 1)


def network_address(project: Project) -> list[str]:
    """The network's postal address: care of the chosen meeting place ('p/a Dorpshuis De
    Schakel', 'Kerkstraat 4', '4197 AC Ooltwijk': the place's address split at its commas, a
    line each, as on an envelope), else empty. The network has no office of its own."""
    from gzctl.network.summaries import chosen_place

    place = chosen_place(project)
    if place is None:
        return []
    lines = [f"p/a {place.name}"]
    if place.address:
        lines.extend(part.strip() for part in place.address.split(",") if part.strip())
    return lines


def is_initiator_contact(contact: Any, initiators: Iterable[Any]) -> bool:
    """Whether an organisation's contact person is one of the initiators (same e-mail or
    same name): the startgroep does not write letters to itself."""
    name = fold(" ".join(str(getattr(contact, "name", "") or "").split()))
    email = str(getattr(contact, "email", "") or "").strip().casefold()
    for person in initiators:
        if email and email == (person.email or "").strip().casefold():
            return True
        if name and name == fold(" ".join((person.name or "").split())):
            return True
    return False


def signatures(ctx: Context) -> list[dict[str, str]]:
    """Who signs a letter: every initiator, with the role they have in the village."""
    return [{"naam": p.name, "rol": p.role} for p in ctx.project.initiators if p.name]


def letter_base(ctx: Context, subject: str | Later) -> dict[str, Any]:
    """What every letter carries besides its body: place and date line, Betreft, the
    signatures. The date is the day of the project's last change (stable on rebuild)."""
    from gzctl.core.country import for_playbook

    village = ctx.project.village.name or ""
    day = later_short_date(document_date(ctx.project))
    line = for_playbook(ctx.playbook).letter.date_line  # "{plaats}, {datum}"
    parts = (village, day) if line.find("{plaats}") <= line.find("{datum}") else (day, village)
    return {
        "plaats_datum": (
            later_text(line.format(plaats="{}", datum="{}"), *parts) if village else day
        ),
        "betreft": subject,
        "ondertekening": signatures(ctx),
    }
