"""The organisation inventory (the village's sociale kaart): pure functions over the project.

Everything a user types, an import file holds or an option gives goes through
:func:`parse_fields`, so a value means the same whichever way it arrives. Adding, editing,
status changes and removal work on a :class:`~gzctl.model.Project` passed in; the shell wraps
them in a ``store.transaction``. Nothing here prompts, prints or reads the clock: ``today``
comes in as an argument. The catalogue of typical organisation types is data
(``playbooks/organisatietypen.toml``), checked on load.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gzctl.core import datafiles
from gzctl.core.errors import NotFound, Refused, UsageProblem, did_you_mean
from gzctl.core.model import Contact, Organisation, Project
from gzctl.core.playbook import Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.text import clean as clean_text
from gzctl.network.summaries import reach_summary
from gzctl.network.vocabulary import ORG_KINDS, ORG_STATUSES
from gzctl.network.vocabulary import confirmed_type as confirmed_type

if TYPE_CHECKING:
    from gzctl.core.country import PostcodeRule

# The network status, in the order an organisation usually goes through it; afgehaakt
# (dropped out) can follow any of them.
STATUSES = ORG_STATUSES  # gzctl/network/summaries.py
DEFAULT_STATUS = STATUSES[0]

KINDS = ORG_KINDS  # gzctl/network/vocabulary.py
DEFAULT_KIND = "vrijwilligers"
# For the civic : professional ratio and the done_when facts: public bodies (gemeente,
# wijkagent) work with paid staff, so they count as professional; entrepreneurs count as
# neither.
CIVIC_KINDS = frozenset({"vrijwilligers"})
PROFESSIONAL_KINDS = frozenset({"professioneel", "overheid"})

_KIND_WORDS = {
    "vrijwilligers": "vrijwilligers", "vrijwilliger": "vrijwilligers",
    "vrijwillig": "vrijwilligers",
    "vrijwilligersorganisatie": "vrijwilligers", "burger": "vrijwilligers",
    "burgerorganisatie": "vrijwilligers", "burgerinitiatief": "vrijwilligers",
    "vereniging": "vrijwilligers", "civic": "vrijwilligers", "volunteer": "vrijwilligers",
    "volunteers": "vrijwilligers", "c": "vrijwilligers",
    "professioneel": "professioneel", "professionele": "professioneel",
    "professional": "professioneel", "beroeps": "professioneel", "p": "professioneel",
    "overheid": "overheid", "publiek": "overheid", "public": "overheid",
    "government": "overheid",
    "ondernemer": "ondernemer", "ondernemers": "ondernemer", "bedrijf": "ondernemer",
    "commercieel": "ondernemer", "commercial": "ondernemer", "business": "ondernemer",
}  # fmt: skip

_STATUS_WORDS = {
    "geinventariseerd": "geïnventariseerd", "inventaris": "geïnventariseerd",
    "inventoried": "geïnventariseerd", "nieuw": "geïnventariseerd",
    "benaderd": "benaderd", "approached": "benaderd", "contacted": "benaderd",
    "uitgenodigd": "uitgenodigd", "invited": "uitgenodigd",
    "aangesloten": "aangesloten", "lid": "aangesloten", "deelnemer": "aangesloten",
    "joined": "aangesloten", "member": "aangesloten",
    "afgehaakt": "afgehaakt", "gestopt": "afgehaakt", "dropped": "afgehaakt",
    "droppedout": "afgehaakt", "left": "afgehaakt",
}  # fmt: skip

_SECTOR_WORDS = {
    "care": "zorg", "health": "zorg", "gezondheid": "zorg", "welfare": "welzijn",
    "wellbeing": "welzijn", "sports": "sport", "recreation": "recreatie", "leisure": "recreatie",
    "culture": "cultuur", "education": "educatie", "onderwijs": "educatie",
    "housing": "wonen", "safety": "veiligheid", "religion": "levensbeschouwing",
    "geloof": "levensbeschouwing", "kerk": "levensbeschouwing", "governance": "bestuur",
    "government": "bestuur",
}  # fmt: skip

_GROUP_WORDS = {
    "kinderen": "K", "kind": "K", "children": "K", "kids": "K",
    "jongeren": "J", "jeugd": "J", "youth": "J", "young": "J", "tieners": "J",
    "gezinnen": "G", "gezin": "G", "ouders": "G", "families": "G", "family": "G",
    "volwassenen": "V", "adults": "V", "adult": "V",
    "ouderen": "O", "senioren": "O", "65plus": "O", "65": "O", "elderly": "O", "seniors": "O",
    "kwetsbaren": "Kw", "kwetsbare": "Kw", "kwetsbareinwoners": "Kw", "vulnerable": "Kw",
    "iedereen": "A", "alle": "A", "alleinwoners": "A", "allen": "A", "all": "A",
    "everyone": "A", "allebewoners": "A",
}  # fmt: skip

# ----------------------------------------------------------------------------- normalising


def fold(text: str) -> str:
    """Lower case without accents: 'Oranjecomité' -> 'oranjecomite'."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def compact(text: str) -> str:
    """For matching headers and keywords: no accents, case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9+]", "", fold(text))


def slugify(text: str) -> str:
    """'V.V. Ooltwijk' -> 'vv-ooltwijk': a stable id a user can type."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text).replace(".", "").replace("'", "")).split()
    return "-".join(words)[:60].strip("-") or "organisatie"


def unique_id(name: str, taken: Iterable[str]) -> str:
    """A slug of ``name`` not in ``taken``, with "-2", "-3", ... added when needed."""
    used = taken if isinstance(taken, (set, frozenset)) else set(taken)
    base = slugify(name)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


# Abbreviations clubs use for themselves, spelled out, so that "VV Beesd", "v.v. Beesd" and
# "Voetbalvereniging Beesd" get one key.
_ABBREVIATIONS = {
    "vv": "voetbalvereniging", "rkvv": "voetbalvereniging", "sv": "sportvereniging",
    "kv": "korfbalvereniging", "hv": "handbalvereniging", "tv": "tennisvereniging",
    "ltv": "tennisvereniging", "ltc": "tennisclub", "gv": "gymnastiekvereniging",
    "zv": "zwemvereniging", "ijv": "ijsvereniging", "st": "stichting", "ver": "vereniging",
    "afd": "afdeling", "mv": "muziekvereniging", "obs": "basisschool", "cbs": "basisschool",
    "rkbs": "basisschool", "pcbs": "basisschool",
}  # fmt: skip
# Words that do not tell two organisations apart.
_NOISE = {"de", "het", "t", "een", "stichting", "afdeling", "vereniging", "club", "en"}
_SUFFIXES = ("vereniging", "club", "ver")


def dedup_key(name: str) -> str:
    """The key under which two spellings of one organisation's name meet.

    Dots vanish (v.v. -> vv), abbreviations are spelled out, 'voetbalclub' and
    'voetbalvereniging' both become 'voetbal*', articles and 'stichting' are dropped, and
    the words are sorted, so 'Beesd VV' and 'VV Beesd' agree too."""
    text = fold(name).replace(".", "").replace("'", "")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    out: list[str] = []
    for w in words:
        w = _ABBREVIATIONS.get(w, w)
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                w = w[: -len(suffix)] + "*"
                break
        if w not in _NOISE:
            out.append(w)
    return " ".join(sorted(out)) or " ".join(words)


# ----------------------------------------------------------------------------- the catalogue


@_frozen_record
class Label(_FrozenRecord):
    """An id with its Dutch label."""

    id: str
    label: str


@_frozen_record
class OrgType(_FrozenRecord):
    """A type of organisation in the catalogue, with its sectors, groups and keywords."""

    id: str
    name: str
    kind: str
    sectors: tuple[str, ...]
    target_groups: tuple[str, ...]
    question: str
    keywords: tuple[str, ...] = ()


@_frozen_record
class Catalogue(_FrozenRecord):
    """The organisation catalogue: sectors, target groups, types and their keywords."""

    version: str
    sectors: tuple[Label, ...]
    groups: tuple[Label, ...]
    types: tuple[OrgType, ...]
    # (keyword, how it may match: "word" | "prefix" | "suffix" | "phrase", type id), longest
    # first; see match_type
    _keywords: tuple[tuple[str, str, str], ...] = field(default=(), repr=False, compare=False)
    _exact: dict[str, str] = field(default_factory=dict, repr=False, compare=False, hash=False)
    # _keywords by how they match, for lookups instead of a scan (imports read many names)
    _by_how: dict[str, dict[str, str]] = field(
        default_factory=dict, repr=False, compare=False, hash=False
    )
    # per word: its keyword hits and its best near miss, worked out once (names in a list
    # share their words: places, 'Stichting', a misspelt type word); see _word_hits, _near
    _memo: dict[tuple[str, str], Any] = field(
        default_factory=dict, repr=False, compare=False, hash=False
    )

    def type(self, type_id: str) -> OrgType | None:
        """The type with this id, or None."""
        return next((t for t in self.types if t.id == type_id), None)

    def sector_label(self, sector: str) -> str:
        """The Dutch label of a sector, or the id itself."""
        return next((s.label for s in self.sectors if s.id == sector), sector)

    def group_label(self, group: str) -> str:
        """The Dutch label of a target group, or the id itself."""
        return next((g.label for g in self.groups if g.id == group), group)

    @property
    def sector_ids(self) -> tuple[str, ...]:
        """The ids of every sector, in catalogue order."""
        return tuple(s.id for s in self.sectors)

    @property
    def group_ids(self) -> tuple[str, ...]:
        """The ids of every target group, in catalogue order."""
        return tuple(g.id for g in self.groups)

    def match_type(self, text: str) -> OrgType | None:
        """A catalogue type from its id or name, or recognised in an organisation's name.

        The head noun wins: in a Dutch name the kind comes first ('Autorijschool Kerkzicht',
        'Café-Zaal De Harmonie', 'PKN-gemeente Den Ham'), so the first word that holds a
        keyword decides, its longest keyword on a tie ('Protestantse Gemeente' is a church,
        not the municipality). What follows 'De', 'Het' or ''t' after such a word is a
        proper name and never counts ('Frituur 't Kerkhofje' is no church); before any
        type word it may ('De Zonnebloem'). A keyword matches a whole word, the start of a
        compound ('voetbal' in 'voetbalclub', four letters or more; not an adjective:
        'Gemeentelijke' is no gemeente) or, written as '*koor', its end ('Gospelkoor'),
        except in the last word of several (place names end in 'kerk': 'VV Nieuwerkerk');
        written as '^cafe', only as the name's first word (after De, Het, ''t): 'Café De
        Kerk' is a café, 'Repair Café' or 'Filosofisch Café' a themed meeting of volunteers,
        no horeca; a phrase matches whole words in a row. Street names never count ('Buurtvereniging
        Kerkstraat' is no church), and 'school' does not hide in 'Rijschool'. Only when no
        keyword matches is a near-miss allowed (a typo: 'Biblioteek'), scored by difflib.

        What this returns from a name is a guess: :func:`build` marks it as such."""
        if not text.strip():
            return None
        exact = self._exact.get(compact(text))
        if exact is not None:
            return self.type(exact)
        words = [w for w in name_words(text) if not _is_street(w)]
        if not words:
            return None
        found = self._head_hit(words)
        if found is not None:
            return self.type(found)
        return self._near_miss(words)

    def _hits_at(self, words: list[str], i: int) -> list[tuple[str, str]]:
        """The (keyword, type id) pairs that match from word ``i`` on."""
        index = self._by_how
        w = words[i]
        hits = list(self._word_hits(w, i == 0 or i < len(words) - 1))
        if w in index["head"] and all(v in _ARTICLES for v in words[:i]):
            hits.append((w, index["head"][w]))  # '^cafe': 'Café De Kerk', not 'Repair Café'
        if w in index["phrase_head"]:  # only words that start a phrase keyword
            rest = " " + " ".join(words[i:]) + " "
            hits += [(k, t) for k, t in index["phrase"].items() if rest.startswith(f" {k} ")]
        return hits

    def _word_hits(self, w: str, suffixes: bool) -> tuple[tuple[str, str], ...]:
        """The (keyword, type id) pairs a word holds by itself: whole, as a prefix and (with
        ``suffixes``) as the end of a compound. Remembered per word."""
        memo = self._memo
        key = ("hits+" if suffixes else "hits", w)
        found = memo.get(key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        index = self._by_how
        hits = [(w, index["word"][w])] if w in index["word"] else []
        for n in range(4, len(w)):
            if w[:n] in index["prefix"] and not _is_adjective_ending(w[n:]):
                hits.append((w[:n], index["prefix"][w[:n]]))
        if suffixes:
            for n in range(1, len(w) + 1):
                if w[-n:] in index["suffix"]:
                    hits.append((w[-n:], index["suffix"][w[-n:]]))
        _remember(memo, key, tuple(hits))
        return tuple(hits)

    def _head_hit(self, words: list[str]) -> str | None:
        """The type id of the first word that holds a keyword (see :meth:`match_type`): as
        the first one decides, a proper name after 'De', 'Het' or ''t' never outvotes it."""
        for i in range(len(words)):
            hits = self._hits_at(words, i)
            if hits:
                _keyword, type_id = min(hits, key=lambda h: (-len(h[0]), h[0], h[1]))
                return type_id
        return None

    def _near_miss(self, words: list[str]) -> OrgType | None:
        """A misspelt keyword ('Zonebloem', 'Biblioteek'): one word of six letters or more
        within a typo of a one-word keyword of six letters or more.

        Scored with difflib as 2 x letters in common / both lengths (0-100); the best
        keyword wins, the first word and the first keyword on a tie. Only the keywords that
        :func:`_near_candidates` cannot rule out are compared letter by letter, so a name
        costs some tens of microseconds, not milliseconds (``benchmarks/match_bench.py``)."""
        best: tuple[float, str] | None = None
        for w in words:
            if len(w) < 6:
                continue
            found = self._near(w)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return self.type(best[1]) if best else None

    def _near(self, w: str) -> tuple[float, str] | None:
        """The best (score, type id) of a word's near misses (the first keyword on a tie),
        or None; remembered per word."""
        memo = self._memo
        key = ("near", w)
        if key in memo:
            return memo[key]  # type: ignore[no-any-return]
        from difflib import SequenceMatcher

        choices = self._by_how["near"]
        keywords = tuple(choices)
        best: tuple[float, str] | None = None
        matcher = SequenceMatcher(None, "", w, autojunk=False)  # w's index is kept
        for keyword in _near_candidates(w, keywords):
            matcher.set_seq1(keyword)
            score = matcher.ratio()
            if score >= NEAR_MISS / 100 and (best is None or score > best[0]):
                best = (score, choices[keyword])
        _remember(memo, key, best)
        return best


# How many words a catalogue remembers (see Catalogue._memo): a list of 50,000 names has
# far fewer distinct words; past this the memory starts again.
_MEMO_WORDS = 100_000


def _remember(memo: dict[tuple[str, str], Any], key: tuple[str, str], value: Any) -> None:
    if len(memo) >= _MEMO_WORDS:
        memo.clear()
    memo[key] = value


def _pairs(word: str) -> dict[str, int]:
    """The letter pairs of a word, counted ('kerk': ke, er, rk)."""
    out: dict[str, int] = {}
    for i in range(len(word) - 1):
        out[word[i : i + 2]] = out.get(word[i : i + 2], 0) + 1
    return out


# per tuple of keywords: keyword length -> letter pair -> (keyword's position, count)
_PAIR_INDEX: dict[tuple[str, ...], dict[int, dict[str, list[tuple[int, int]]]]] = {}


def _near_candidates(word: str, keywords: tuple[str, ...]) -> list[str]:
    """The keywords that could score :data:`NEAR_MISS` against ``word``, in their order.

    Two bounds that never rule out a keyword that would score enough: a score of 90 allows
    at most d = 10% of both lengths in letters left out or put in; so the lengths differ by
    at most d, and each of those d letters breaks at most two of the word's letter pairs,
    so at least len(word) - 1 - 2d pairs are shared. The pairs come from an index of the
    keywords by length, built once per catalogue."""
    index = _PAIR_INDEX.get(keywords)
    if index is None:
        index = {}
        for i, keyword in enumerate(keywords):
            by_pair = index.setdefault(len(keyword), {})
            for pair, n in _pairs(keyword).items():
                by_pair.setdefault(pair, []).append((i, n))
        if len(_PAIR_INDEX) > 8:
            _PAIR_INDEX.clear()
        _PAIR_INDEX[keywords] = index
    size = len(word)
    pairs = _pairs(word).items()
    out: list[int] = []
    for length, by_pair in index.items():
        slack = (100 - NEAR_MISS) * (size + length) // 100
        if abs(size - length) > slack:
            continue
        shared: dict[int, int] = {}
        for pair, n in pairs:
            for i, m in by_pair.get(pair, ()):
                shared[i] = shared.get(i, 0) + (n if n < m else m)
        need = size - 1 - 2 * slack
        out.extend(i for i, count in shared.items() if count >= need)
    return [keywords[i] for i in sorted(out)]


# How close a misspelt word must be to a keyword (difflib's ratio x 100): 90 lets one
# letter slip in a ten-letter word ('Zonebloem') but keeps 'Dansschool' from 'basisschool'.
NEAR_MISS = 90
# Organisations whose type could not be recognised get this type, and a question.
UNKNOWN_TYPE = "onbekend"
# Dutch and Flemish street-name endings: 'Kerkstraat' says nothing about a church.
_STREET_ENDINGS = (
    "straat", "plein", "laan", "weg", "dreef", "steeg", "singel", "kade", "gracht", "dijk",
)  # fmt: skip


# What may stand before the head noun: ''t Café' is a café, 'Repair Café' is no café.
_ARTICLES = frozenset({"de", "het", "t", "een"})


# What turns a noun into an adjective: 'gemeentelijke', 'kerkelijk', 'parochiële'.
_ADJECTIVE_ENDINGS = ("lijk", "lijke", "elijk", "elijke", "isch", "ische")


def _is_adjective_ending(rest: str) -> bool:
    """Whether what follows a keyword at the start of a word makes it an adjective."""
    return rest in _ADJECTIVE_ENDINGS


def name_words(text: str) -> list[str]:
    """The words of a name, folded, dots dropped ('V.V.' -> 'vv')."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text).replace(".", "")).split()


def _is_street(word: str) -> bool:
    return len(word) > 6 and word.endswith(_STREET_ENDINGS)


CATALOGUE_FILE = "organisatietypen.toml"
_catalogue_cache: dict[tuple[str, float], Catalogue] = {}


def catalogue_path() -> Path:
    """The shipped organisation catalogue file."""
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / CATALOGUE_FILE


def check_known_from(book: Playbook, catalogue: Catalogue) -> None:
    """Every ``known_from`` of the playbook's questions names a type of its organisation
    catalogue (a typo would never propose anything, without a word); PlaybookError (exit 2)
    naming each that does not."""
    from gzctl.core.errors import PlaybookError

    known = {t.id for t in catalogue.types}
    faults = [
        f"vraag {q.id}: known_from noemt '{name}', maar dat organisatietype staat niet in "
        "de catalogus." + did_you_mean(name, sorted(known))
        for q in book.questions()
        for name in q.known_from
        if name not in known
    ]
    if faults:
        raise PlaybookError(f"{book.source}: " + " ".join(faults))


def listed_of_types(project: Project, types: Iterable[str]) -> list[Organisation]:
    """The organisations listed with one of ``types`` (a guessed type counts: what it
    proposes, a person confirms)."""
    wanted = set(types)
    return [o for o in project.organisations if o.type in wanted]


def load_catalogue(source: Path | Playbook | None = None) -> Catalogue:
    """The catalogue a playbook names (the Flemish one for a Flemish playbook), the one at a
    path, or the shipped Dutch one; checked: every fault in one error."""
    from gzctl.core.datafiles import load_data

    if source is None:
        source = catalogue_path()
    elif not isinstance(source, Path):
        source = source.catalogue_path("organisation_types")
    return load_data(source, lambda data: parse_catalogue(data, source.name), _catalogue_cache)


_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


_TYPE = datafiles.Entries(
    {
        "name": datafiles.Field("text", required=True),
        "question": datafiles.Field("text", required=True),
        "kind": datafiles.Field("choice", known=tuple(KINDS)),
        "sectors": datafiles.Field("texts", known="sectors", what="sector"),
        "target_groups": datafiles.Field("texts", True, "target_groups", "doelgroep"),
        "keywords": datafiles.Field("texts"),
    },
    noun="type",
    missing="een lijst [[types]] met organisatietypen ontbreekt",
    id=_SLUG,
)


def parse_catalogue(data: dict[str, Any], name: str = CATALOGUE_FILE) -> Catalogue:
    """The organisation-type catalogue, checked against its schema (every fault at once)."""
    check = datafiles.Checker(name)
    check.top(data, ("catalogue", "sectors", "target_groups", "types"))
    version = str((data.get("catalogue") or {}).get("version", ""))
    sectors = tuple(Label(i, t) for i, t in datafiles.labels(check, data, "sectors", "sectoren"))
    groups = tuple(
        Label(i, t) for i, t in datafiles.labels(check, data, "target_groups", "doelgroepen")
    )
    known = {"sectors": {s.id for s in sectors}, "target_groups": {g.id for g in groups}}
    types = tuple(
        OrgType(
            id=tid,
            name=entry["name"],
            kind=entry["kind"],
            sectors=entry["sectors"],
            target_groups=entry["target_groups"],
            question=entry["question"],
            keywords=tuple(fold(k) for k in entry["keywords"]),
        )
        for _, tid, entry in check.entries(data, "types", _TYPE, known)
    )
    check.done()
    return _with_keywords(version, sectors, groups, types)


def _with_keywords(
    version: str, sectors: tuple[Label, ...], groups: tuple[Label, ...], types: tuple[OrgType, ...]
) -> Catalogue:
    """The catalogue with its name-recognition tables built from the types' keywords."""

    def how(keyword: str) -> tuple[str, str]:
        words = name_words(keyword)
        text = " ".join(words)
        if keyword.startswith("*"):
            return text, "suffix"
        if keyword.startswith("^"):
            return text, "head"
        if len(words) > 1:
            return text, "phrase"
        return text, "word" if len(text) <= 3 else "prefix"

    keywords = sorted(
        ((*how(k), t.id) for t in types for k in t.keywords),
        key=lambda x: (-len(x[0]), x[0], x[2]),
    )
    exact = {compact(t.name): t.id for t in types}
    exact.update({compact(t.id): t.id for t in types})
    by_how: dict[str, dict[str, str]] = {
        "word": {}, "prefix": {}, "suffix": {}, "phrase": {}, "head": {}
    }  # fmt: skip
    for keyword, kind_of_match, type_id in keywords:  # sorted: the first type of a keyword wins
        by_how[kind_of_match].setdefault(keyword, type_id)
        if kind_of_match == "prefix":  # a prefix keyword also matches the whole word
            by_how["word"].setdefault(keyword, type_id)
    by_how["near"] = {
        k: t for k, how, t in keywords if how not in ("phrase", "head") and len(k) >= 6
    }  # fmt: skip
    by_how["phrase_head"] = {k.split(" ", 1)[0]: k for k in by_how["phrase"]}
    return Catalogue(version, sectors, groups, types, tuple(keywords), exact, by_how)


# ----------------------------------------------------------------------------- validation

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}$")


def check_email(raw: str) -> str:
    """An e-mail address as pasted ('mailto:', '<...>', smart quotes go), checked."""
    from gzctl.core.text import clean_email

    text = clean_email(raw)
    if not _EMAIL.match(text):
        raise UsageProblem(f"'{text}' is geen geldig e-mailadres (voorbeeld: naam@club.nl).")
    return text


def check_phone(raw: str) -> str:
    """Dutch and Belgian numbers as they are published (0345 123456, 06 12345678, the
    municipal 14 0345, 0800/0900, (0345) 47 77 00, +31 (0)345-681234, 03 201 12 34,
    +32 ...), checked by phonenumbers (gzctl.core.phone); returned as typed, tidied."""
    from gzctl.core import phone

    try:
        return phone.check(raw)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None


def check_postcode(raw: str, rule: PostcodeRule | None = None) -> str:
    """A postcode by the country's rule (``[postcode]`` in playbooks/landen/<code>/land.toml):
    '1234 AB' in the Netherlands, four digits in Belgium, each accepting the other's;
    '1234ab' becomes '1234 AB'. Without a rule, the default country's (see core/country)."""
    from gzctl.core.text import clean

    if rule is None:
        from gzctl.core.country import DEFAULT_COUNTRY, country

        rule = country(DEFAULT_COUNTRY).postcode
    text = clean(raw).upper()
    prefix, patterns = _postcode_patterns(rule)
    if prefix is not None:
        text = prefix.sub("", text)
    for form, pattern in zip(rule.forms, patterns, strict=True):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        if form.excluded and any(g in form.excluded for g in m.groups()):
            raise UsageProblem(f"'{raw.strip()}' is geen postcode: {form.excluded_fault}")
        return form.form.format(m.group(0), *m.groups())
    raise UsageProblem(f"'{raw.strip()}' is geen postcode ({rule.fault}).")


@functools.lru_cache(maxsize=8)
def _postcode_patterns(rule: PostcodeRule) -> tuple[re.Pattern[str] | None, list[re.Pattern[str]]]:
    """A rule's prefix and forms compiled once (an import checks a postcode on every row)."""
    prefixes = "|".join(re.escape(p) for p in rule.prefixes)
    prefix = re.compile(rf"^({prefixes})\s*-\s*") if rule.prefixes else None
    return prefix, [re.compile(form.pattern) for form in rule.forms]


def check_reach(raw: Any) -> int:
    """The achterban: a whole number >= 0. '1.200' is Dutch for twelve hundred, and a list
    saying 'ca. 300' or '± 300' means 300 (it is an estimate anyway)."""
    if isinstance(raw, bool):
        raise UsageProblem("de achterban moet een geheel getal zijn.")
    if isinstance(raw, (int, float)):
        number: float = raw
    else:
        from gzctl.core.dutch import parse_number
        from gzctl.core.errors import AnswerError

        try:
            number = parse_number(str(raw), "number", example=250)
        except AnswerError as exc:
            raise UsageProblem(f"achterban: {exc.message}") from None
    if number != int(number):
        raise UsageProblem(f"achterban '{raw}' is geen geheel getal (voorbeeld: 250).")
    if number < 0:
        raise UsageProblem(f"achterban '{raw}' mag niet negatief zijn.")
    from gzctl.core.bounds import MAX_PEOPLE

    if number > MAX_PEOPLE:  # gzctl.toml holds no more (core/checks.py)
        most = f"{MAX_PEOPLE:,}".replace(",", ".")
        raise UsageProblem(f"achterban '{raw}' is te groot (hoogstens {most}).")
    return int(number)


def parse_kind(raw: str) -> str:
    """The kind a user's word stands for; a usage problem when unknown."""
    key = compact(raw)
    for word, kind in _KIND_WORDS.items():
        if key == word or (len(word) > 3 and key.startswith(word)):
            return kind
    raise UsageProblem(f"soort '{raw.strip()}' ken ik niet. Kies uit: " + ", ".join(KINDS) + ".")


def parse_status(raw: str) -> str:
    """The status a user's word stands for; a usage problem when unknown."""
    key = compact(raw)
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    raise UsageProblem(
        f"status '{raw.strip()}' ken ik niet. Kies uit: "
        + ", ".join(STATUSES)
        + "."
        + did_you_mean(fold(raw.strip()), list(STATUSES))
    )


def _split_list(raw: Any) -> list[str]:
    if isinstance(raw, (list, tuple)):
        parts = [str(p) for p in raw]
    else:
        parts = re.split(r"[,;/|]|\ben\b|\band\b", str(raw))
    return [p.strip() for p in parts if p.strip()]


def parse_sectors(raw: Any, catalogue: Catalogue) -> list[str]:
    """The sector ids a user's list names (by id or label); a usage problem when unknown."""
    out: list[str] = []
    for part in _split_list(raw):
        key = compact(part)
        found = next(
            (s.id for s in catalogue.sectors if key in (compact(s.id), compact(s.label))),
            _SECTOR_WORDS.get(key),
        )
        if found is None:
            raise UsageProblem(
                f"sector '{part}' ken ik niet. Kies uit: " + ", ".join(catalogue.sector_ids) + "."
            )
        if found not in out:
            out.append(found)
    return [s for s in catalogue.sector_ids if s in out]


def parse_groups(raw: Any, catalogue: Catalogue) -> list[str]:
    """The target group ids a user's list names; a usage problem when unknown."""
    out: list[str] = []
    for part in _split_list(raw):
        key = compact(part)
        found = next(
            (
                g.id
                for g in catalogue.groups
                if key == compact(g.id)
                or key == compact(g.label)
                or key.startswith(compact(g.label))
            ),
            _GROUP_WORDS.get(key),
        )
        if found is None:
            # 'ouderen (65+)' or 'kinderen 0-12': try the first word
            first = re.split(r"[^a-z]+", fold(part))[0]
            found = _GROUP_WORDS.get(first)
        if found is None:
            codes = ", ".join(f"{g.id} ({g.label})" for g in catalogue.groups)
            raise UsageProblem(f"doelgroep '{part}' ken ik niet. Kies uit: {codes}.")
        if found not in out:
            out.append(found)
    return [g for g in catalogue.group_ids if g in out]


def parse_date(raw: Any) -> dt.date:
    """A date from a date, a datetime or a Dutch date text, within the years gzctl.toml
    holds (core/bounds.py); a usage problem otherwise."""
    from gzctl.core.bounds import scalar_fault

    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        day = raw
    else:
        from gzctl.core.errors import AnswerError
        from gzctl.core.questions import parse_date as parse_text_date

        try:
            day = parse_text_date(str(raw))
        except AnswerError as exc:
            raise UsageProblem(exc.message) from None
    fault = scalar_fault(day)
    if fault:
        raise UsageProblem(f"de datum {fault}.")
    return day


# Every field a user can give, with the Dutch name used in messages.
FIELD_LABELS: dict[str, str] = {
    "id": "id",
    "name": "naam",
    "kind": "soort",
    "type": "type",
    "sectors": "sectoren",
    "target_groups": "doelgroepen",
    "reach": "achterban",
    "address": "adres",
    "postcode": "postcode",
    "place": "plaats",
    "contact_name": "contactpersoon",
    "contact_role": "functie",
    "contact_email": "e-mail",
    "contact_phone": "telefoon",
    "contact_salutation": "aanhef",
    "contact_publish": "naam op website",
    "status": "status",
    "notes": "opmerkingen",
    **{f"date_{s}": f"datum {s}" for s in STATUSES},
}
TEXT_FIELDS = ("name", "type", "address", "place", "contact_name", "contact_role",
               "contact_salutation", "notes")  # fmt: skip


# Text fields taken as they are once cleaned (a name is also checked for its length).
_FREE_TEXT = frozenset(TEXT_FIELDS) - {"name", "contact_name"}

_YES = {"ja", "j", "yes", "y", "true", "1", "waar", "x", "mag", "aan"}
_NO = {"nee", "n", "no", "false", "0", "onwaar", "niet", "uit"}


def parse_yes_no(raw: Any, label: str) -> bool:
    """'ja'/'nee' (and yes/no, true/false, 1/0, x) as a bool; UsageProblem otherwise."""
    if isinstance(raw, bool):
        return raw
    text = compact(str(raw))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise UsageProblem(f"{label} moet ja of nee zijn, niet '{raw}'.")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_fields(raw: Mapping[str, Any], catalogue: Catalogue) -> tuple[dict[str, Any], list[str]]:
    """Check and normalise the given fields. Returns the clean values and every fault as a
    Dutch reason ('e-mail ...'); a field given as empty text means 'clear it'."""
    clean, faults = parse_cells(raw, catalogue)
    return clean, list(faults.values())


def parse_cells(
    raw: Mapping[str, Any], catalogue: Catalogue
) -> tuple[dict[str, Any], dict[str, str]]:
    """:func:`parse_fields` field by field: the clean values of the fields that are right,
    and the Dutch reason for each field that is wrong (an import leaves only that cell
    empty)."""
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, value in raw.items():
        if key not in FIELD_LABELS:
            raise ValueError(f"unknown organisation field {key!r}")
        if isinstance(value, str):
            value = clean_text(value, multiline=key == "notes")
            if key in _FREE_TEXT or not value:  # cleaned is all a free text needs
                clean[key] = value or None
                continue
        elif value is None:
            clean[key] = None
            continue
        try:
            clean[key] = _parse_field(key, value, catalogue)
        except UsageProblem as exc:
            errors[key] = exc.message
    return clean, errors


def _parse_field(key: str, value: Any, catalogue: Catalogue) -> Any:
    """The clean value of one non-empty field; raises UsageProblem when it is wrong."""
    if key == "id":
        text = str(value).strip()
        if not _SLUG.match(text):
            raise UsageProblem(f"id '{text}' mag alleen kleine letters, cijfers en - bevatten.")
        return text
    if key in TEXT_FIELDS:
        cleaned = clean_text(str(value), multiline=key == "notes") or None
        if key in ("name", "contact_name") and cleaned:
            from gzctl.core.bounds import check_name

            what = "de naam van de organisatie" if key == "name" else "de contactpersoon"
            check_name(cleaned, what)
        return cleaned
    if key == "kind":
        return parse_kind(str(value))
    if key == "sectors":
        return parse_sectors(value, catalogue)
    if key == "target_groups":
        return parse_groups(value, catalogue)
    if key == "reach":
        return check_reach(value)
    if key == "postcode":
        return check_postcode(str(value))
    if key == "contact_email":
        return check_email(str(value))
    if key == "contact_phone":
        return check_phone(str(value))
    if key == "contact_publish":
        return parse_yes_no(value, FIELD_LABELS[key])
    if key == "status":
        return parse_status(str(value))
    return parse_date(value)  # date_*: every other field is one of the above


def join_reasons(errors: list[str]) -> str:
    """Several reasons as one sentence: 'a; b; c.'"""
    return "; ".join(e.rstrip(".") for e in errors) + "."


def _fail(errors: list[str]) -> None:
    if errors:
        raise UsageProblem(join_reasons(errors))


# ----------------------------------------------------------------------------- building


# How an export writes a type that is still a guess, and an import reads it back: 'kerk?'.
GUESS_MARK = "?"


def _guess_mark(text: str) -> tuple[str, bool]:
    """A type as given, without the mark of a guess ('kerk?'), and whether it had one."""
    text = text.strip()
    if text.endswith(GUESS_MARK):
        return text.rstrip(GUESS_MARK).strip(), True
    return text, False


def resolve_type(text: str, catalogue: Catalogue) -> str:
    """A catalogue id when the text names or suggests one, else the free text itself."""
    found = catalogue.match_type(text)
    return found.id if found else text


def build(
    clean: Mapping[str, Any], catalogue: Catalogue, taken: Iterable[str], today: dt.date
) -> Organisation:
    """A new organisation from clean fields; the type fills in kind, sectors and target
    groups that were not given (and is guessed from the name when not given either)."""
    name = clean.get("name")
    if not name:
        raise UsageProblem("de naam van de organisatie ontbreekt.")
    from gzctl.core.bounds import check_name

    check_name(name, "de naam van de organisatie")
    type_text, marked = _guess_mark(clean.get("type") or "")
    org_type = catalogue.match_type(type_text) if type_text else catalogue.match_type(name)
    # a name gzctl cannot place is marked, not silently filed: coverage asks about it
    type_value = org_type.id if org_type else (type_text or UNKNOWN_TYPE)
    if not isinstance(taken, (set, frozenset)):
        taken = set(taken)  # an import passes its growing set: no copy per row
    org_id = clean.get("id") or unique_id(name, taken)
    if org_id in taken:
        raise Refused(f"Het id '{org_id}' is al in gebruik.")
    org = Organisation(
        id=org_id,
        name=name,
        kind=clean.get("kind") or (org_type.kind if org_type else DEFAULT_KIND),
        type=type_value,
        # read from the name, not given (or exported as a guess, 'kerk?'): a guess until a
        # person confirms it
        type_guessed=org_type is not None and (not type_text or marked),
        sectors=_in_order(
            clean.get("sectors") or (org_type.sectors if org_type else ()), catalogue.sector_ids
        ),
        target_groups=_in_order(
            clean.get("target_groups") or (org_type.target_groups if org_type else ()),
            catalogue.group_ids,
        ),
        reach=clean.get("reach"),
        address=clean.get("address") or "",
        postcode=clean.get("postcode") or "",
        place=clean.get("place") or "",
        contact=Contact(
            name=clean.get("contact_name") or "",
            role=clean.get("contact_role") or "",
            email=clean.get("contact_email") or "",
            phone=clean.get("contact_phone") or "",
            salutation=clean.get("contact_salutation") or "",
            publish_name=bool(clean.get("contact_publish")),
        ),
        notes=clean.get("notes") or "",
    )
    status = clean.get("status") or DEFAULT_STATUS
    dates = {s: clean[f"date_{s}"] for s in STATUSES if clean.get(f"date_{s}")}
    org.status = status
    org.dates = dates
    if status not in org.dates:
        org.dates[status] = today
    if DEFAULT_STATUS not in org.dates:
        org.dates[DEFAULT_STATUS] = min(org.dates.values())
    return org


def _in_order(values: Iterable[str], order: tuple[str, ...]) -> list[str]:
    """Catalogue order (zorg before welzijn, K before J), unknown values last: stable files."""
    values = list(values)
    return [v for v in order if v in values] + [v for v in values if v not in order]


_CONTACT = {
    "contact_name": "name",
    "contact_role": "role",
    "contact_email": "email",
    "contact_phone": "phone",
    "contact_salutation": "salutation",
    "contact_publish": "publish_name",
}
_EMPTY: dict[str, Any] = {
    "kind": DEFAULT_KIND, "type": "", "sectors": [], "target_groups": [], "reach": None,
    "address": "", "postcode": "", "place": "", "notes": "",
}  # fmt: skip


def get_field(org: Organisation, key: str) -> Any:
    """The value of a user-facing field of the organisation."""
    if key in _CONTACT:
        return getattr(org.contact, _CONTACT[key])
    if key.startswith("date_"):
        return org.dates.get(key[5:])
    return getattr(org, key)


def _set_field(org: Organisation, key: str, value: Any) -> None:
    if key in _CONTACT:
        setattr(org.contact, _CONTACT[key], value if value is not None else _default(key))
    elif key.startswith("date_"):
        status = key[5:]
        if value is None:
            org.dates.pop(status, None)
        else:
            org.dates[status] = value
    else:
        setattr(org, key, _EMPTY.get(key) if value is None else value)


# What apply_changes says when a guessed type is given again: confirmed, not changed.
TYPE_CONFIRMED = "type bevestigd"


def apply_changes(
    org: Organisation, clean: Mapping[str, Any], catalogue: Catalogue, today: dt.date
) -> list[str]:
    """Change the given fields (None clears one); returns the Dutch names of what changed."""
    changed: list[str] = []
    for key, value in clean.items():
        if key == "id":
            continue
        if key == "name" and value is None:
            raise UsageProblem("de naam van een organisatie kan niet leeg zijn.")
        if key == "status":
            if value is not None and value != org.status:
                set_status(org, value, today)
                changed.append(FIELD_LABELS[key])
            continue
        if key == "type":
            marked = False
            if value:
                value, marked = _guess_mark(value)
                value = resolve_type(value, catalogue) if value else None
            if org.type_guessed and not marked:  # a type a person gives (or clears) is no guess
                org.type_guessed = False
                if value == org.type:
                    changed.append(TYPE_CONFIRMED)
                    continue
            elif marked and value and value != org.type:
                org.type_guessed = True  # 'kerk?' from an export: still a guess
        if get_field(org, key) != (value if value is not None else _default(key)):
            _set_field(org, key, value)
            changed.append(FIELD_LABELS[key])
    return changed


def changed_fields(
    org: Organisation, raw: Mapping[str, Any], catalogue: Catalogue
) -> dict[str, Any]:
    """The fields of ``raw`` that would change ``org``: what a user changed in questions that
    started from ``org`` (``gzctl org edit`` in a terminal), so that only those are saved
    onto the organisation as it is now and a field someone else changed meanwhile stays.
    A field with a fault is kept, so that the edit reports it."""
    import copy

    clean, _ = parse_fields(raw, catalogue)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in clean:
            out[key] = value
            continue
        try:
            probe = copy.deepcopy(org)
            differs = bool(apply_changes(probe, {key: clean[key]}, catalogue, dt.date.min))
        except UsageProblem:
            differs = True
        if differs:
            out[key] = value
    return out


def _default(key: str) -> Any:
    if key == "contact_publish":
        return False
    if key in _CONTACT:
        return ""
    if key.startswith("date_"):
        return None
    return _EMPTY.get(key)


def guessed(project: Project) -> list[Organisation]:
    """The organisations whose type was read from their name and is not confirmed yet."""
    return [o for o in project.organisations if o.type_guessed]


def confirm_types(project: Project, org_ids: Iterable[str]) -> list[tuple[Organisation, bool]]:
    """Confirm the guessed type of each organisation (by id or name): (organisation, whether
    it was a guess). Every id must name an organisation first, else NotFound for all of them
    and nothing changes; an "onbekend" type cannot be confirmed (UsageProblem: give it with
    ``gzctl org edit ID --type TYPE``)."""
    orgs: list[Organisation] = []
    missing: list[str] = []
    for raw in org_ids:
        try:
            orgs.append(find(project, raw))
        except NotFound as exc:
            missing.append(exc.message)
    if missing:
        raise NotFound(" ".join(missing))
    unknown = [o.id for o in orgs if o.type in ("", UNKNOWN_TYPE)]
    if unknown:
        raise UsageProblem(
            "Er is nog geen type om te bevestigen bij "
            + ", ".join(unknown)
            + f". Geef het met: gzctl org edit {unknown[0]} --type TYPE"
        )
    out: list[tuple[Organisation, bool]] = []
    for org in orgs:
        out.append((org, org.type_guessed))
        org.type_guessed = False
    return out


def set_status(org: Organisation, status: str, today: dt.date) -> None:
    """Sets the organisation's status and dates it."""
    org.status = status
    org.dates[status] = today


def sort(project: Project) -> None:
    """Organisations are kept sorted by id, so gzctl.toml diffs well."""
    project.organisations.sort(key=lambda o: o.id)


def find_duplicate(project: Project, name: str, skip: str = "") -> Organisation | None:
    """Another organisation in the project with the same name key, or None."""
    key = dedup_key(name)
    return next(
        (o for o in project.organisations if o.id != skip and dedup_key(o.name) == key), None
    )


def find_near_duplicate(project: Project, name: str, skip: str = "") -> Organisation | None:
    """An organisation on the list whose name may be ``name`` in other words: the two names
    differ only by the village's or municipality's name ("KBO" and "kbo heukelum",
    "Zonnebloem" and "De Zonnebloem afdeling Heukelum" is not: 'afdeling' differs). Exact
    duplicates (:func:`find_duplicate`) are not near ones. None when there is none."""
    place_words: set[str] = set()
    for place in (project.village.name, project.village.municipality):
        place_words |= set(dedup_key(place or "").split()) if place else set()
    key = dedup_key(name)
    mine = set(key.split()) - place_words
    if not mine:
        return None
    for org in project.organisations:
        if org.id == skip:
            continue
        other = dedup_key(org.name)
        if other != key and set(other.split()) - place_words == mine:
            return org
    return None


def refuse_duplicate(project: Project, name: str, insist: bool, skip: str = "") -> None:
    """Refuse (Refused, one Dutch line) a name that meets an organisation on the list under
    :func:`dedup_key` (case, dots, abbreviations and word order aside). ``insist`` (``--toch``)
    lets a name through that only looks alike; the very same name (case and accents aside)
    never goes through twice."""
    twin = find_duplicate(project, name, skip)
    if twin is None:
        return
    same = next(
        (o for o in project.organisations if o.id != skip and fold(o.name) == fold(name)), None
    )
    if same is not None:
        twin = same
        raise Refused(
            f"'{name}' staat al op de lijst ({twin.id}). Pas die aan met: gzctl org edit {twin.id}"
        )
    if insist:
        return
    raise Refused(
        f"'{name}' staat al op de lijst als '{twin.name}' ({twin.id}); gzctl let niet op "
        f"hoofdletters, puntjes, afkortingen en woordvolgorde. Is het echt een andere "
        f"organisatie, geef dan --toch; anders: gzctl org edit {twin.id}"
    )


def find(project: Project, raw: str) -> Organisation:
    """By id, or by a name that identifies one organisation (any spelling dedup_key allows)."""
    text = raw.strip()
    for org in project.organisations:
        if org.id == text:
            return org
    hits = [o for o in project.organisations if dedup_key(o.name) == dedup_key(text)]
    if not hits:
        slug = slugify(text)
        hits = [o for o in project.organisations if o.id.startswith(slug)]
    if len(hits) == 1:
        return hits[0]
    ids = [o.id for o in project.organisations]
    if len(hits) > 1:
        raise NotFound(
            f"'{text}' past bij meer organisaties: " + ", ".join(o.id for o in hits) + "."
        )
    raise NotFound(
        f"Geen organisatie '{text}' in de lijst."
        + did_you_mean(slugify(text), ids)
        + " Zie: gzctl org list"
    )


def add(
    project: Project,
    raw: Mapping[str, Any],
    catalogue: Catalogue,
    today: dt.date,
    insist: bool = False,
) -> Organisation:
    """Check, refuse a duplicate (a look-alike goes with ``insist``), add, keep the list
    sorted."""
    clean, errors = parse_fields(raw, catalogue)
    _fail(errors)
    name = clean.get("name")
    if not name:
        raise UsageProblem("de naam van de organisatie ontbreekt.")
    refuse_duplicate(project, name, insist)
    org = build(clean, catalogue, (o.id for o in project.organisations), today)
    project.organisations.append(org)
    sort(project)
    return org


def edit(
    project: Project,
    org_id: str,
    raw: Mapping[str, Any],
    catalogue: Catalogue,
    today: dt.date,
    insist: bool = False,
) -> tuple[Organisation, list[str]]:
    """Applies the given fields to an organisation; returns it and the fields that changed."""
    """Change the given fields of one organisation; a new name that looks like another's is
    refused unless ``insist``. Returns the organisation and the fields that changed."""
    org = find(project, org_id)
    clean, errors = parse_fields(raw, catalogue)
    _fail(errors)
    if clean.get("name"):
        from gzctl.core.bounds import check_name

        check_name(clean["name"], "de naam van de organisatie")
        refuse_duplicate(project, clean["name"], insist, skip=org.id)
    clean.pop("id", None)
    changed = apply_changes(org, clean, catalogue, today)
    return org, changed


def change_status(
    project: Project, org_id: str, status: str, today: dt.date, when: dt.date | None = None
) -> tuple[Organisation, str]:
    """Returns the organisation and its previous status."""
    org = find(project, org_id)
    new = parse_status(status)
    old = org.status
    set_status(org, new, when or today)
    return org, old


def remove(project: Project, org_id: str) -> Organisation:
    """Takes the organisation out of the project and returns it."""
    org = find(project, org_id)
    project.organisations.remove(org)
    return org


def merge(
    org: Organisation, clean: Mapping[str, Any], catalogue: Catalogue, today: dt.date
) -> list[str]:
    """Merge a duplicate's fields into ``org``: fill what is empty, add sectors and target
    groups, keep existing values; a further status replaces 'geïnventariseerd'."""
    fills: dict[str, Any] = {}
    for key, value in clean.items():
        if value is None or key in ("id", "name", "status") or key.startswith("date_"):
            continue
        current = get_field(org, key)
        if key in ("sectors", "target_groups"):
            merged = list(current) + [v for v in value if v not in current]
            ids = catalogue.sector_ids if key == "sectors" else catalogue.group_ids
            merged = [v for v in ids if v in merged] + [v for v in merged if v not in ids]
            if merged != current:
                fills[key] = merged
        elif key == "notes":
            if value not in current:
                fills[key] = f"{current}\n{value}".strip()
        elif key == "type" and (org.type_guessed or current == UNKNOWN_TYPE):
            fills[key] = value  # a type the file gives beats a guess from the name
        elif current in ("", None) or (key == "kind" and not current):
            fills[key] = value
    changed = apply_changes(org, fills, catalogue, today)
    status = clean.get("status")
    if status and status != org.status and org.status == DEFAULT_STATUS:
        set_status(org, status, clean.get(f"date_{status}") or today)
        changed.append("status")
    for s in STATUSES:
        day = clean.get(f"date_{s}")
        if day and s not in org.dates:
            org.dates[s] = day
            if "status" not in changed:
                changed.append(f"datum {s}")
    return changed


# ----------------------------------------------------------------------------- checks on load


# ----------------------------------------------------------------------------- counts, coverage


def active(project: Project) -> list[Organisation]:
    """Organisations that count for coverage and reach: all but those that dropped out."""
    return [o for o in project.organisations if o.status != "afgehaakt"]


def _ratio(civic: int, professional: int) -> float | None:
    return round(civic / professional, 2) if professional else None


def coverage(project: Project, catalogue: Catalogue) -> dict[str, Any]:
    """The sector x target-group matrix (organisations for everyone, 'A', count in every
    group; dropped-out organisations do not count), its gaps, the typical types missing
    from the list, the civic : professional ratio and the summed achterban."""
    orgs = active(project)
    groups = [g for g in catalogue.group_ids if g != "A"]
    matrix = {s: {g: 0 for g in groups} for s in catalogue.sector_ids}
    # the same matrix with only the organisations that joined: on the list is not taking part
    joined = {s: {g: 0 for g in groups} for s in catalogue.sector_ids}
    for org in orgs:
        reached = (
            groups if "A" in org.target_groups else [g for g in org.target_groups if g in groups]
        )
        for s in org.sectors:
            if s not in matrix:
                continue
            for g in reached:
                matrix[s][g] += 1
                if org.status == "aangesloten":
                    joined[s][g] += 1
    gaps = [[s, g] for s in catalogue.sector_ids for g in groups if matrix[s][g] == 0]
    present_types = {o.type for o in project.organisations}
    unknown = [
        {
            "id": o.id,
            "name": o.name,
            "question": f"Wat voor organisatie is '{o.name}'? Geef het type met: "
            f"gzctl org edit {o.id} --type TYPE",
        }
        for o in orgs
        if o.type in ("", UNKNOWN_TYPE)
    ]
    missing = [
        {"id": t.id, "name": t.name, "sectors": list(t.sectors)}
        for t in catalogue.types
        if t.id not in present_types
    ]
    civic = sum(1 for o in orgs if o.kind in CIVIC_KINDS)
    professional = sum(1 for o in orgs if o.kind in PROFESSIONAL_KINDS)
    return {
        "organisations": len(orgs),
        "dropped_out": len(project.organisations) - len(orgs),
        "sectors": [{"id": s.id, "label": s.label} for s in catalogue.sectors],
        "target_groups": [{"id": g.id, "label": g.label} for g in catalogue.groups if g.id != "A"],
        "matrix": matrix,
        "joined_matrix": joined,
        "sectors_without_joined": [s for s in catalogue.sector_ids if not any(joined[s].values())],
        "gaps": gaps,
        "sectors_without": [s for s in catalogue.sector_ids if not any(matrix[s].values())],
        "groups_without": [g for g in groups if not any(matrix[s][g] for s in matrix)],
        "missing_types": missing,
        "unknown_type": unknown,
        # types read from the names, not confirmed yet: they choose no salutation or card place
        "guessed_type": [
            {"id": o.id, "name": o.name, "type": o.type} for o in orgs if o.type_guessed
        ],
        "ratio": {
            "civic": civic,
            "professional": professional,
            "entrepreneur": sum(1 for o in orgs if o.kind == "ondernemer"),
            "civic_per_professional": _ratio(civic, professional),
        },
        "reach": reach_summary(project),
    }


def as_json(org: Organisation) -> dict[str, Any]:
    """Every field, defaults included, dates as ISO text: for --json and the JSON export."""
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind,
        "type": org.type,
        "type_guessed": org.type_guessed,
        "sectors": list(org.sectors),
        "target_groups": list(org.target_groups),
        "reach": org.reach,
        "address": org.address,
        "postcode": org.postcode,
        "place": org.place,
        "contact": {
            "name": org.contact.name,
            "role": org.contact.role,
            "email": org.contact.email,
            "phone": org.contact.phone,
            "salutation": org.contact.salutation,
            "publish_name": org.contact.publish_name,
        },
        "status": org.status,
        "dates": {s: org.dates[s].isoformat() for s in STATUSES if s in org.dates},
        "notes": org.notes,
    }


def from_json(data: Mapping[str, Any]) -> dict[str, Any]:
    """The raw fields of one organisation in the JSON export, for parse_fields."""
    contact = data.get("contact") or {}
    raw: dict[str, Any] = {
        k: data.get(k)
        for k in ("id", "name", "kind", "type", "sectors", "target_groups", "reach",
                  "address", "postcode", "place", "status", "notes")
    }  # fmt: skip
    if data.get("type_guessed") and raw.get("type"):
        raw["type"] = f"{raw['type']}{GUESS_MARK}"  # still a guess
    for key, attr in _CONTACT.items():
        raw[key] = contact.get(attr)
    for s, day in (data.get("dates") or {}).items():
        if s in STATUSES:
            raw[f"date_{s}"] = day
    return {k: v for k, v in raw.items() if v not in (None, [], "")}


def filter_orgs(
    project: Project,
    catalogue: Catalogue,
    sector: str | None = None,
    type_: str | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> list[Organisation]:
    """The organisations that match every filter given."""
    out = list(project.organisations)
    if sector:
        wanted = parse_sectors(sector, catalogue)
        out = [o for o in out if set(wanted) & set(o.sectors)]
    if type_:
        found = catalogue.match_type(type_)
        key = fold(type_.strip())
        out = [
            o for o in out if (found and o.type == found.id) or (not found and key in fold(o.type))
        ]
    if status:
        st = parse_status(status)
        out = [o for o in out if o.status == st]
    if kind:
        k = parse_kind(kind)
        out = [o for o in out if o.kind == k]
    return out
