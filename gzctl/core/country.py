"""A country is data: one folder per country, ``playbooks/landen/<code>/land.toml``.

A playbook names its country (``country = "BE"`` in ``[playbook]``). Everything that differs
per country comes from that country's file: the words of questions and documents, the letter
conventions, the phone and postcode rules, the helplines, the time zone, the document language
(its own axis: ``playbooks/talen/<taal>.toml``), the public-holiday and school-holiday source.
No code and no template says ``if country == "BE"``, and an unknown country is a Dutch error,
never the Dutch words by default.

Countries are found as folders: the shipped ones in ``playbooks/landen/``, and, for a playbook
of one's own (``--playbook pad/mijn-plan.toml``), a ``land.toml`` beside that playbook or a
``landen/<code>/land.toml`` folder beside it. So a new variant is one folder of data.

Every file is checked on load: all faults at once, each with file, key and line.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core.errors import PlaybookError
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

# The country of the default playbook (gemeenschapszorg). Only the phone and postcode checks
# use it, where no village is in reach (the fields of `gzctl org add` and of an import); its
# rules accept Belgian numbers and postcodes as well. Words never fall back to it.
DEFAULT_COUNTRY = "NL"
COUNTRY_FILE = "land.toml"
COUNTRIES_DIR = "landen"  # playbooks/landen/<code>/land.toml
LANGUAGES_DIR = "talen"  # playbooks/talen/<taal>.toml
_CODE = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}-[A-Z]{2}$")


@_frozen_record
class Helpline(_FrozenRecord):
    """A helpline as the country file lists it: label, number and when it answers."""

    label: str
    number: str
    when: str


@_frozen_record
class PhoneRule(_FrozenRecord):
    """How phone numbers are read and shown: ``region`` is home (numbers without a country
    code are read as its numbers, and shown nationally), ``also`` the other regions whose
    numbers are accepted (a village near the border)."""

    region: str
    also: tuple[str, ...]
    example: str
    description: str  # "Nederlands of Belgisch"
    examples: str  # the examples in the error message
    short_digits: int = 0  # a national number with this many digits gets ``short_hint``
    short_hint: str = ""

    @property
    def regions(self) -> tuple[str, ...]:
        """Every region whose numbers count as this country's (its own first)."""
        return (self.region, *self.also)


@_frozen_record
class PostcodeForm(_FrozenRecord):
    """One accepted written form of a postcode and how it is stored."""

    pattern: str  # matched in full against the upper-case text without its prefix
    form: str  # "{1} {2}": how it is stored
    excluded: tuple[str, ...] = ()  # letter pairs that do not occur
    excluded_fault: str = ""


@_frozen_record
class PostcodeRule(_FrozenRecord):
    """A country's postcode rule: prefixes, accepted forms and the fault to report."""

    example: str
    prefixes: tuple[str, ...]  # "NL-1234 AB", "B-8890"
    fault: str  # "Nederland: 1234 AB, België: vier cijfers"
    forms: tuple[PostcodeForm, ...]


@_frozen_record
class Letter(_FrozenRecord):
    """Letter conventions: where the address block sits (mm from the top and left edge of
    the A4 sheet, for a window envelope), the margins and the date line form."""

    address_top_mm: float
    address_left_mm: float
    margin_top_mm: float
    margin_right_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    date_line: str  # "{plaats}, {datum}"


@_frozen_record
class Calendar(_FrozenRecord):
    """Where a country's public and school holidays come from."""

    holidays: str  # the country code of the ``holidays`` library
    holidays_subdivision: str
    school_holidays: str  # where the school holidays come from


@_frozen_record
class Country(_FrozenRecord):
    """Everything that differs by country, as read from its ``land.toml``."""

    code: str
    name: str
    language: str  # nl-NL, nl-BE: a file in playbooks/talen/
    timezone: str
    words: dict[str, str]
    phone: PhoneRule
    postcode: PostcodeRule
    letter: Letter
    calendar: Calendar
    helplines: tuple[Helpline, ...]
    # the letters' forms of address and the "Wie kan ik bellen?" card, as written in the file
    registers: dict[str, Any] = field(default_factory=dict)  # aanspreekvorm
    salutations: dict[str, Any] = field(default_factory=dict)  # aanhef_zonder_naam
    call: dict[str, Any] = field(default_factory=dict)  # bellen: vast, vragen
    # uitnodiging.types: the invitation's "why you" paragraph per organisation type
    invitations: dict[str, str] = field(default_factory=dict)
    source: str = ""

    def template_data(self) -> dict[str, Any]:
        """What templates get as ``land``: ``code``, ``naam``, ``taal``, ``woorden.*`` (with
        ``postcode_voorbeeld`` and ``telefoon_voorbeeld``), ``hulplijnen`` (``label``,
        ``nummer``, ``wanneer``) and ``brief`` (the letter conventions, in mm)."""
        words = dict(self.words)
        words["postcode_voorbeeld"] = self.postcode.example
        words["telefoon_voorbeeld"] = self.phone.example
        return {
            "code": self.code,
            "naam": self.name,
            "taal": self.language,
            "woorden": words,
            "hulplijnen": [
                {"label": h.label, "nummer": h.number, "wanneer": h.when} for h in self.helplines
            ],
            "brief": {
                "adres_boven_mm": self.letter.address_top_mm,
                "adres_links_mm": self.letter.address_left_mm,
                "marge_boven_mm": self.letter.margin_top_mm,
                "marge_rechts_mm": self.letter.margin_right_mm,
                "marge_onder_mm": self.letter.margin_bottom_mm,
                "marge_links_mm": self.letter.margin_left_mm,
                "datumregel": self.letter.date_line,
            },
        }

    def date_line(self, place: str, date: Any) -> str:
        """The place and date line of a letter ("Beesd, 7 december 2026")."""
        return self.letter.date_line.format(plaats=place, datum=date)


# --------------------------------------------------------------------------- finding countries


def shipped_dir() -> Path:
    """The folder of the country files shipped with gzctl."""
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / COUNTRIES_DIR


def languages_dir() -> Path:
    """The folder of the language files shipped with gzctl."""
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / LANGUAGES_DIR


def country_files(playbook_source: str = "") -> dict[str, Path]:
    """Every country gzctl knows for a playbook at ``playbook_source``: code -> land.toml.

    The shipped folders ``playbooks/landen/<code>/``, then (winning over a shipped one of the
    same code) the folders ``landen/<code>/`` beside a playbook of one's own and a
    ``land.toml`` right beside it (its code read from the file)."""
    shipped = shipped_dir()
    if str(shipped) not in _shipped:  # the wheel's data does not change while gzctl runs
        _shipped[str(shipped)] = _folders(shipped)
    found = dict(_shipped[str(shipped)])
    if playbook_source:
        here = Path(playbook_source).parent
        if here.resolve() != shipped.parent.resolve():
            found.update(_folders(here / COUNTRIES_DIR))
            own = here / COUNTRY_FILE
            if own.is_file():
                found[load_file(own).code] = own
    return found


_shipped: dict[str, dict[str, Path]] = {}


def _folders(root: Path) -> dict[str, Path]:
    """The country folders in ``root``: CODE -> root/<code>/land.toml."""
    if not root.is_dir():
        return {}
    return {p.parent.name.upper(): p for p in sorted(root.glob(f"*/{COUNTRY_FILE}"))}


def known_codes(playbook_source: str = "") -> list[str]:
    """The country codes known to the given playbook source, sorted."""
    return sorted(country_files(playbook_source))


def unknown(code: str, playbook_source: str = "") -> PlaybookError:
    """The one Dutch line for a country gzctl does not know, listing the ones it does."""
    known = known_codes(playbook_source)
    return PlaybookError(
        f"Onbekend land '{code}'. Bekend: {', '.join(known)}. Een nieuw land is een map met "
        f"een {COUNTRY_FILE}: playbooks/{COUNTRIES_DIR}/<code>/, of naast je eigen "
        "stappenplan (zie docs/varianten.md)."
    )  # fmt: skip


_countries: dict[tuple[str, str], tuple[Path, Country]] = {}
# (code, playbook source) as asked -> a shipped country: an import asks on every row
_shipped_found: dict[tuple[str, str], Country] = {}


def country(code: str, playbook_source: str = "") -> Country:
    """The country ``code`` ('NL', 'BE', or one of one's own beside the playbook); an
    unknown code is a PlaybookError (exit 2) naming the known ones. A shipped country is
    looked up once per run (an import checks a phone and a postcode on every row)."""
    shipped = _shipped_found.get((code, playbook_source))
    if shipped is not None:  # asked again as before: no path work at all
        return shipped
    key = str(code).upper()
    asked = (code, playbook_source)
    if not _is_path(playbook_source):
        playbook_source = ""  # a built-in playbook ('gemeenschapszorg'): the shipped countries
    memo = (key, playbook_source)
    if memo in _countries:  # no search of the folders again; a changed file is read again
        known, found = _countries[memo]
        if known.parent.parent == _shipped_root():
            _shipped_found[asked] = found
            return found  # the wheel's data does not change while gzctl runs
        if known.is_file():
            return load_file(known)
        del _countries[memo]  # gone since: search again (and say it is unknown)
    path = country_files(playbook_source).get(key)
    if path is None:
        raise unknown(str(code), playbook_source)
    loaded = load_file(path)
    _countries[memo] = (path, loaded)
    return loaded


def _shipped_root() -> Path:
    """The shipped countries' folder, looked up once."""
    if not _root:
        _root.append(shipped_dir())
    return _root[0]


_root: list[Path] = []


def _is_path(source: str) -> bool:
    """Whether a playbook source names a file of one's own (a built-in has a bare name)."""
    return bool(source) and (source.endswith(".toml") or "/" in source or "\\" in source)


def for_playbook(playbook: Any) -> Country:
    """The country of a loaded playbook (its ``country`` and the folder it came from)."""
    return country(str(playbook.country), str(getattr(playbook, "source", "") or ""))


def verbinder(playbook: Any, capital: bool = False) -> str:
    """What the playbook's country calls the Coördinator (``[woorden] verbinder``), for a
    screen or a log line; ``capital``: its first letter upper case (a line starts with it)."""
    word = str(for_playbook(playbook).words.get("verbinder") or "Coördinator")
    return word[:1].upper() + word[1:] if capital else word


def load_countries(playbook_source: str = "") -> dict[str, Country]:
    """Every known country, loaded and checked."""
    return {code: load_file(path) for code, path in country_files(playbook_source).items()}


_cache: dict[tuple[str, float], Country] = {}
_languages: dict[tuple[str, float], str] = {}


def load_file(path: Path) -> Country:
    """One land.toml, checked: every fault in one Dutch PlaybookError (file, key, line).

    Like a playbook, the checked Country is kept in the user cache (core/datacache.py) with
    the text it came from, so a run whose file did not change neither parses nor checks it."""
    from gzctl.core import datacache
    from gzctl.core.datafiles import load_data
    from gzctl.core.encoding import read_text

    try:
        key = (str(path.resolve()), path.stat().st_mtime)
        if key in _cache:
            return _cache[key]
        text = read_text(path)
    except Exception:  # unreadable: load_data says so in Dutch
        return load_data(path, lambda data: parse_country(data, path), _cache)
    cached = datacache.get("country", path, text)
    if isinstance(cached, Country) and cached.source == str(path):
        _cache[key] = cached
        return cached
    found = load_data(path, lambda data: parse_country(data, path), _cache)
    datacache.put("country", path, text, found)
    return found


def language_name(tag: str, country_dir: Path | None = None) -> str:
    """The name of a document language: a file ``talen/<tag>.toml`` in the country's own
    folder (a variant brings its language along) or in the shipped ``playbooks/talen/``;
    PlaybookError when there is none."""
    from gzctl.core.datafiles import load_data

    folders = ([country_dir / LANGUAGES_DIR] if country_dir is not None else []) + [
        languages_dir()
    ]
    path = next((f / f"{tag}.toml" for f in folders if (f / f"{tag}.toml").is_file()), None)
    if not _LANGUAGE.match(tag) or path is None:
        known = sorted({p.stem for f in folders for p in f.glob("*.toml")})
        raise PlaybookError(f"onbekende taal '{tag}'; bekend: {', '.join(known)}")
    found = path
    return load_data(found, lambda data: _parse_language(data, found), _languages)


def _parse_language(data: dict[str, Any], path: Path) -> str:
    name = data.get("naam")
    extra = sorted(set(data) - {"naam"})
    if not isinstance(name, str) or not name.strip() or extra:
        raise PlaybookError(
            f"{path.name}: een taal heeft alleen 'naam' (tekst)"
            + (f"; onbekende sleutel '{extra[0]}'" if extra else "")
        )
    return name


# --------------------------------------------------------------------------- checking a file

# The keys of a land.toml, and what each holds: "tekst", "getal", "lijst" (of texts),
# "tabel" (checked on its own).
_TOP = {
    "code": "tekst", "naam": "tekst", "taal": "tekst", "tijdzone": "tekst",
    "woorden": "tabel", "telefoon": "tabel", "postcode": "tabel", "brief": "tabel",
    "kalender": "tabel", "hulplijnen": "lijst van tabellen", "aanspreekvorm": "tabel",
    "aanhef_zonder_naam": "tabel", "bellen": "tabel", "uitnodiging": "tabel",
}  # fmt: skip
_PHONE = {
    "regio": "tekst", "ook": "lijst", "voorbeeld": "tekst", "omschrijving": "tekst",
    "voorbeelden": "tekst", "kort_cijfers": "getal", "kort_hint": "tekst",
}  # fmt: skip
_POSTCODE = {"voorbeeld": "tekst", "voorvoegsels": "lijst", "fout": "tekst", "vormen": "tabellen"}
_FORM = {"patroon": "tekst", "vorm": "tekst", "uitgesloten": "lijst", "uitgesloten_fout": "tekst"}
_LETTER = {
    "adres_boven_mm": "getal", "adres_links_mm": "getal", "marge_boven_mm": "getal",
    "marge_rechts_mm": "getal", "marge_onder_mm": "getal", "marge_links_mm": "getal",
    "datumregel": "tekst",
}  # fmt: skip
_CALENDAR = {"feestdagen": "tekst", "feestdagen_regio": "tekst", "schoolvakanties": "tekst"}
_HELPLINE = {"label": "tekst", "nummer": "tekst", "wanneer": "tekst"}
_OPTIONAL = {("telefoon", "ook"), ("telefoon", "kort_cijfers"), ("telefoon", "kort_hint"),
             ("postcode", "voorvoegsels"), ("vormen", "uitgesloten"),
             ("vormen", "uitgesloten_fout"), ("kalender", "feestdagen_regio")}  # fmt: skip
# Words every country defines (a template uses them; a missing one would only show up as a
# template error in one village's letter).
REQUIRED_WORDS = (
    "bestuurder", "bestuurders", "bestuurder_welzijn", "college", "gemeente", "lokaal_bestuur",
    "kern", "beleidsplan", "statistiek", "privacytoezicht", "sociaal_team", "verbinder",
    "verbinder_titel", "senioren", "steun", "steun_uitleg", "netwerk", "hulp_titel",
    "geweldlijn", "toestemming_leeftijd", "gedragsbewijs", "inwoners", "inwoner",
    "toestemming", "screening", "loon_uitleg", "bewijs", "voorbeelden", "dorpsagenda",
    "dorpsblad",
)  # fmt: skip
_REGISTERS = ("u", "jullie")
_MAY_BE_EMPTY = ("nummer", "feestdagen_regio")  # a local office has no number of its own


class _Checker:
    """Collects every fault of one file as "land.toml (map nl), regel 12: [telefoon] regio:
    ...". The text is read again only when there is a fault, to find the line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.faults: list[str] = []
        self._text: str | None = None

    def fault(self, parts: tuple[str | int, ...], message: str) -> None:
        from gzctl.core.store import locate

        if self._text is None:
            try:
                from gzctl.core.encoding import read_text

                self._text = read_text(self.path)
            except Exception:  # the line is a courtesy; the fault is reported anyway
                self._text = ""
        line = locate(self._text, parts) if parts else None
        where = f", regel {line}" if line else ""
        key = _dotted(parts)
        self.faults.append(
            f"{self.path.parent.name}/{self.path.name}{where}: "
            + (f"{key}: " if key else "") + message
        )  # fmt: skip

    def table(
        self, raw: Any, parts: tuple[str | int, ...], keys: dict[str, str], name: str
    ) -> dict[str, Any]:
        """Check the keys and value kinds of a table; returns it (empty when it is not one)."""
        from gzctl.core.errors import did_you_mean

        if not isinstance(raw, dict):
            self.fault(parts, "ontbreekt of is geen tabel")
            return {}
        for key in raw:
            if key not in keys:
                self.fault(
                    (*parts, key), "onbekende sleutel." + did_you_mean(key, sorted(keys))
                )
        for key, kind in keys.items():
            value = raw.get(key)
            if value is None:
                if (name, key) not in _OPTIONAL and kind != "tabel":
                    self.fault((*parts, key) if parts else (key,), f"ontbreekt ({kind})")
                continue
            ok = {
                "tekst": isinstance(value, str),
                "getal": isinstance(value, (int, float)) and not isinstance(value, bool),
                "lijst": isinstance(value, list) and all(isinstance(v, str) for v in value),
                "tabel": isinstance(value, dict),
                "tabellen": isinstance(value, list) and all(isinstance(v, dict) for v in value),
                "lijst van tabellen": isinstance(value, list)
                and all(isinstance(v, dict) for v in value),
            }[kind]
            if not ok:
                self.fault((*parts, key), f"moet een {kind} zijn")
            elif kind == "tekst" and not value.strip() and key not in _MAY_BE_EMPTY:
                self.fault((*parts, key), "is leeg")
        return raw


def _dotted(parts: tuple[str | int, ...]) -> str:
    out = ""
    for p in parts:
        out += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def parse_country(data: dict[str, Any], path: Path) -> Country:
    """Check a land.toml and build its Country; all faults in one Dutch PlaybookError."""
    c = _Checker(path)
    top = c.table(data, (), _TOP, "")
    code = str(top.get("code", ""))
    if isinstance(top.get("code"), str) and not _CODE.match(code):
        c.fault(("code",), "de code moet twee hoofdletters zijn, zoals NL of BE")
    folder = path.parent.name
    if path.parent.parent.name == COUNTRIES_DIR and code and folder != code.lower():
        c.fault(("code",), f"'{code}' past niet bij de map '{folder}' (verwacht {folder.upper()})")
    language = str(top.get("taal", ""))
    if language:
        try:
            language_name(language, path.parent)
        except PlaybookError as exc:
            c.fault(("taal",), exc.message)
    timezone = str(top.get("tijdzone", ""))
    if timezone:
        _check_timezone(c, timezone)
    words = _words(c, top.get("woorden"))
    phone = _phone(c, top.get("telefoon"))
    postcode = _postcode(c, top.get("postcode"))
    letter = c.table(top.get("brief"), ("brief",), _LETTER, "brief")
    try:
        str(letter.get("datumregel", "")).format(plaats="Beesd", datum="7 december 2026")
    except (KeyError, IndexError, ValueError):
        c.fault(("brief", "datumregel"), "mag alleen {plaats} en {datum} bevatten")
    cal = c.table(top.get("kalender"), ("kalender",), _CALENDAR, "kalender")
    if isinstance(cal.get("feestdagen"), str) and not _CODE.match(cal["feestdagen"]):
        c.fault(("kalender", "feestdagen"), "moet een landcode van twee hoofdletters zijn")
    helplines = _helplines(c, top.get("hulplijnen"))
    registers = _registers(c, top.get("aanspreekvorm"))
    salutations = _salutations(c, top.get("aanhef_zonder_naam"))
    call = _call(c, top.get("bellen"))
    invitations = _invitations(c, top.get("uitnodiging"))
    if c.faults:
        raise PlaybookError("\n".join(c.faults))
    return Country(
        code=code,
        name=str(top["naam"]),
        language=language,
        timezone=timezone,
        words=words,
        phone=phone,
        postcode=postcode,
        letter=Letter(
            float(letter["adres_boven_mm"]), float(letter["adres_links_mm"]),
            float(letter["marge_boven_mm"]), float(letter["marge_rechts_mm"]),
            float(letter["marge_onder_mm"]), float(letter["marge_links_mm"]),
            str(letter["datumregel"]),
        ),  # fmt: skip
        calendar=Calendar(
            str(cal["feestdagen"]), str(cal.get("feestdagen_regio", "")),
            str(cal["schoolvakanties"]),
        ),  # fmt: skip
        helplines=helplines,
        registers=registers,
        salutations=salutations,
        call=call,
        invitations=invitations,
        source=str(path),
    )


def _check_timezone(c: _Checker, name: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        c.fault(("tijdzone",), f"onbekende tijdzone '{name}' (zoals Europe/Amsterdam)")


def _words(c: _Checker, raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        c.fault(("woorden",), "[woorden] ontbreekt")
        return {}
    for key in REQUIRED_WORDS:
        if key not in raw:
            c.fault(("woorden",), f"woord '{key}' ontbreekt (elk land heeft dezelfde woorden)")
    for key, value in raw.items():
        if not isinstance(value, str) or not value.strip():
            c.fault(("woorden", key), "moet een niet-lege tekst zijn")
    return {k: str(v) for k, v in raw.items()}


def _phone(c: _Checker, raw: Any) -> PhoneRule:
    t = c.table(raw, ("telefoon",), _PHONE, "telefoon")
    regions = [t.get("regio"), *(t.get("ook") or [])]
    for i, region in enumerate(regions):  # phonenumbers itself is not loaded for this
        if isinstance(region, str) and not _CODE.match(region):
            parts: tuple[str | int, ...] = ("telefoon", "regio") if i == 0 else ("telefoon", "ook")
            c.fault(parts, f"'{region}' is geen regio van phonenumbers (zoals NL of BE)")
    return PhoneRule(
        str(t.get("regio", "")), tuple(str(r) for r in t.get("ook") or ()),
        str(t.get("voorbeeld", "")), str(t.get("omschrijving", "")),
        str(t.get("voorbeelden", "")), int(t.get("kort_cijfers") or 0),
        str(t.get("kort_hint", "")),
    )  # fmt: skip


def _postcode(c: _Checker, raw: Any) -> PostcodeRule:
    t = c.table(raw, ("postcode",), _POSTCODE, "postcode")
    forms: list[PostcodeForm] = []
    for i, form in enumerate(t.get("vormen") or [], start=0):
        if not isinstance(form, dict):
            continue
        parts: tuple[str | int, ...] = ("postcode", "vormen", i)
        f = c.table(form, parts, _FORM, "vormen")
        pattern = str(f.get("patroon", ""))
        try:
            groups = re.compile(pattern).groups
        except re.error as exc:
            c.fault((*parts, "patroon"), f"geen geldig patroon ({exc.msg})")
            continue
        try:
            str(f.get("vorm", "")).format("", *(["x"] * groups))
        except (IndexError, KeyError, ValueError):
            c.fault((*parts, "vorm"), f"mag alleen {{1}} tot {{{groups}}} gebruiken")
            continue
        forms.append(
            PostcodeForm(pattern, str(f.get("vorm", "")),
                         tuple(str(x) for x in f.get("uitgesloten") or ()),
                         str(f.get("uitgesloten_fout", "")))
        )  # fmt: skip
    if isinstance(t.get("vormen"), list) and not t["vormen"]:
        c.fault(("postcode", "vormen"), "minstens één [[postcode.vormen]]")
    return PostcodeRule(
        str(t.get("voorbeeld", "")), tuple(str(p) for p in t.get("voorvoegsels") or ()),
        str(t.get("fout", "")), tuple(forms),
    )  # fmt: skip


def _helplines(c: _Checker, raw: Any) -> tuple[Helpline, ...]:
    if not isinstance(raw, list) or not raw:
        c.fault(("hulplijnen",), "een lijst [[hulplijnen]] (het veilige contactblok) ontbreekt")
        return ()
    lines = []
    for i, line in enumerate(raw):
        t = c.table(line, ("hulplijnen", i), _HELPLINE, "hulplijnen")
        lines.append(
            Helpline(str(t.get("label", "")), str(t.get("nummer", "")),
                     str(t.get("wanneer", "")))
        )  # fmt: skip
    return tuple(lines)


def _registers(c: _Checker, raw: Any) -> dict[str, Any]:
    """[aanspreekvorm]: per kind of organisation (and per type in .types) 'u' or 'jullie'."""
    if not isinstance(raw, dict):
        c.fault(("aanspreekvorm",), "ontbreekt of is geen tabel")
        return {}
    for key, value in raw.items():
        values = value.items() if key == "types" and isinstance(value, dict) else [(key, value)]
        for name, register in values:
            if register not in _REGISTERS:
                where = ("types", name) if key == "types" else (name,)
                c.fault(("aanspreekvorm", *where), "moet 'u' of 'jullie' zijn")
    return raw


def _salutations(c: _Checker, raw: Any) -> dict[str, Any]:
    """[aanhef_zonder_naam]: the salutation for 'u' and 'jullie', and per type in .types."""
    if not isinstance(raw, dict):
        c.fault(("aanhef_zonder_naam",), "ontbreekt of is geen tabel")
        return {}
    for key in _REGISTERS:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            c.fault(("aanhef_zonder_naam",), f"'{key}' (tekst) ontbreekt")
    types = raw.get("types", {})
    if not isinstance(types, dict) or not all(isinstance(v, str) for v in types.values()):
        c.fault(("aanhef_zonder_naam", "types"), "moet een tabel van type = aanhef zijn")
    for key in raw:
        if key not in (*_REGISTERS, "types"):
            c.fault(("aanhef_zonder_naam", key), "onbekende sleutel (alleen u, jullie, types)")
    return raw


def _invitations(c: _Checker, raw: Any) -> dict[str, str]:
    """[uitnodiging] (optional): ``types``, per organisation type the paragraph an invitation
    to that type has instead of the clubs' text (the dorpsraad, the adviesraden)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        c.fault(("uitnodiging",), "moet een tabel zijn")
        return {}
    for key in raw:
        if key != "types":
            c.fault(("uitnodiging", key), "onbekende sleutel (alleen types)")
    types = raw.get("types", {})
    if not isinstance(types, dict) or not all(
        isinstance(v, str) and v.strip() for v in types.values()
    ):
        c.fault(("uitnodiging", "types"), "moet een tabel van type = alinea zijn")
        return {}
    return {str(k): str(v).strip() for k, v in types.items()}


def _call(c: _Checker, raw: Any) -> dict[str, Any]:
    """[bellen]: the fixed block (each entry a fixed number, an answer or organisation
    types) and the needs with the types that answer them."""
    if not isinstance(raw, dict):
        c.fault(("bellen",), "ontbreekt of is geen tabel")
        return {}
    for key in raw:
        if key not in ("vast", "vragen"):
            c.fault(("bellen", key), "onbekende sleutel (alleen vast en vragen)")
    fixed = raw.get("vast")
    if not isinstance(fixed, list) or not fixed:
        c.fault(("bellen",), "een lijst [[bellen.vast]] ontbreekt")
        fixed = []
    for i, t in enumerate(fixed):
        _call_fixed(c, i, t)
    needs = raw.get("vragen", [])
    if not isinstance(needs, list):
        c.fault(("bellen", "vragen"), "moet een lijst [[bellen.vragen]] zijn")
        needs = []
    for i, need in enumerate(needs):
        if not isinstance(need, dict):
            c.fault(("bellen", "vragen", i), "moet een tabel zijn")
            continue
        if not isinstance(need.get("vraag"), str) or not need["vraag"].strip():
            c.fault(("bellen", "vragen", i), "'vraag' (tekst) ontbreekt")
        if not _texts(need.get("types")):
            c.fault(("bellen", "vragen", i), "'types' (een lijst van typen) ontbreekt")
        for key in need:
            if key not in ("vraag", "types"):
                c.fault(("bellen", "vragen", i, key), "onbekende sleutel")
    return raw


def _call_fixed(c: _Checker, i: int, t: Any) -> None:
    """Checks entry ``i`` of [[bellen.vast]]: a name, when, and one source of the answer."""
    if not isinstance(t, dict):
        c.fault(("bellen", "vast", i), "moet een tabel zijn")
        return
    for key in ("naam", "wanneer"):
        if not isinstance(t.get(key), str) or not t[key].strip():
            c.fault(("bellen", "vast", i), f"'{key}' (tekst) ontbreekt")
    sources = [k for k in ("telefoon", "vraag", "types") if k in t]
    if len(sources) != 1:
        c.fault(("bellen", "vast", i), "precies één van telefoon, vraag of types")
    for key in t:
        if key not in ("naam", "wanneer", "telefoon", "vraag", "types"):
            c.fault(("bellen", "vast", i, key), "onbekende sleutel")
    if "types" in t and not _texts(t["types"]):
        c.fault(("bellen", "vast", i, "types"), "moet een lijst van typen zijn")


def _texts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
