"""Which column of a list holds which field: the column mapping of ``gzctl org import``.

A mapping is guessed from the header (the names in playbooks/kolommen.toml, then the words of
a question-like header) and from the values (e-mail addresses, phone numbers, postcodes,
numbers); form programs' respondent columns are recognised and left out. A person changes
it with a mapping file (``--koppeling``, small TOML) or ``--kolom VELD=KOLOM``, or on a
terminal. Every column ends up somewhere: a field, the organisation's note ("Kolom: waarde")
or skipped with a reason the report names. Pure functions; reading the data file is cached.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from gzctl.core.errors import UsageProblem
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import Record as _Record
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.records import record as _record
from gzctl.network import inventory as inv

SKIP = "_skip"  # the column is not read (named in the report)
NOTE = "_note"  # the column is kept in the organisation's note as "Kolom: waarde"

# Parts that are joined per row into a field (orgio._combine).
PARTS = ("postcode_place", "house_number", "house_suffix", "bus", "first_name",
         "middle_name", "last_name")  # fmt: skip

# The Dutch word for each target, as the mapping file, --kolom and the preview write it.
LABELS: dict[str, str] = {
    "name": "naam", "kind": "soort", "type": "type", "sectors": "sector",
    "target_groups": "doelgroep", "reach": "achterban", "contact_name": "contactpersoon",
    "contact_role": "functie", "contact_email": "e-mail", "contact_phone": "telefoon",
    "contact_salutation": "aanhef", "contact_publish": "naam-op-website", "address": "adres",
    "postcode": "postcode", "place": "plaats", "notes": "opmerkingen", "status": "status",
    "id": "id", "postcode_place": "postcode-en-plaats", "house_number": "huisnummer",
    "house_suffix": "toevoeging", "bus": "bus", "first_name": "voornaam",
    "middle_name": "tussenvoegsel", "last_name": "achternaam",
    **{f"date_{s}": f"{s}-op" for s in inv.STATUSES},
    NOTE: "notitie", SKIP: "overslaan",
}  # fmt: skip
_BY_LABEL = {inv.compact(label): key for key, label in LABELS.items()}

# How a column got its target (the preview says it in Dutch).
HOW = {
    "kop": "kolomnaam",
    "woorden": "woorden in de naam",
    "waarden": "de waarden",
    "formulier": "van het formulier",
    "overslaan": "herhaling of label",
    "leeg": "leeg",
    "onbekend": "onbekend",
    "gekozen": "gekozen",
}
# What people add to a column name that does not change what it holds: "Achterban (ca.)",
# "Naam (verplicht)", "E-mail *", "Leden ongeveer".
_HEADER_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:ca|circa|ongeveer|ong|optioneel)\b\.?")


@_frozen_record
class Rules(_FrozenRecord):
    """playbooks/kolommen.toml, ready to match: exact names, word rules, form columns."""

    names: dict[str, str]
    words: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    form_always: frozenset[str]
    form_in_form: frozenset[str]
    ms_markers: frozenset[str]
    in_ms_form: frozenset[str]
    skip: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The shipped column names (playbooks/kolommen.toml), read once."""
    from gzctl.core.paths import data_dir
    from gzctl.core.tomlfile import loads

    data = loads((data_dir("playbooks") / "kolommen.toml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for key, spellings in data["namen"].items():
        for spelling in spellings:
            names.setdefault(inv.compact(spelling), key)
    for s in inv.STATUSES:  # "Benaderd op", "Datum benaderd", "Benaderddatum"
        c = inv.compact(s)
        for spelling in (f"{c}op", f"datum{c}", f"{c}datum"):
            names.setdefault(spelling, f"date_{s}")
    words = tuple(
        (rule["field"], tuple(tuple(inv.compact(w) for w in g) for g in rule["groups"]))
        for rule in data["woorden"]
    )
    form = data["formulier"]
    return Rules(
        names,
        words,
        frozenset(inv.compact(x) for x in form["always"]),
        frozenset(inv.compact(x) for x in form["in_form"]),
        frozenset(inv.compact(x) for x in form["ms_markers"]),
        frozenset(inv.compact(x) for x in form["in_ms_form"]),
        frozenset(inv.compact(x) for x in data["overslaan"]["names"]),
    )


def match_header(text: str) -> str | None:
    """The field a column name stands for exactly, or None. Exact spellings first; then
    without what is in brackets or says 'about' ('Achterban (ca.)' is the achterban)."""
    known = rules().names
    key = known.get(inv.compact(text))
    if key is None and text:
        plain = _HEADER_NOISE.sub(" ", inv.fold(text))
        key = known.get(inv.compact(plain)) if plain.strip() else None
    return key


def match_words(text: str) -> str | None:
    """The field a question-like column name is about ('Hoeveel leden heeft jullie club
    ongeveer?' -> reach), by the word rules of playbooks/kolommen.toml, or None."""
    tokens = [inv.compact(t) for t in re.split(r"[\s/,;:()?!.\-]+", inv.fold(text))]
    tokens = [t for t in tokens if t]
    joined = "".join(tokens)
    for key, groups in rules().words:
        if all(any(any(w in t for t in tokens) or w in joined for w in g) for g in groups):
            return key
    return None


# ----------------------------------------------------------------------------- values

_EMAIL = re.compile(r"^(?:mailto:)?[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^(?:\+|00)?[\d\s\-()./]{8,20}$")
_POSTCODE = re.compile(r"^(?:[1-9]\d{3}\s?[A-Za-z]{2}|[1-9]\d{3})$")


def _phone(text: str) -> bool:
    """Whether a text is a Dutch or Belgian phone number (not a KvK or account number):
    it starts with 0 or +, has 9 to 13 digits, and the country's rules accept it."""
    digits = re.sub(r"\D", "", text)
    if not text.lstrip().startswith(("0", "+", "(0")) or not 9 <= len(digits) <= 13:
        return False
    if digits.startswith("000"):  # 00 calls abroad; no country code starts with 0
        return False
    try:
        inv.check_phone(text)
    except UsageProblem:
        return False
    return True


def _looks(values: list[Any]) -> str | None:
    """What most filled cells of a column are: e-mail, phone, postcode or a count."""
    texts = [str(v).strip() for v in values if not inv._blank(v)]
    if not texts:
        return None

    def most(test: Any) -> bool:
        return sum(1 for t in texts if test(t)) >= max(1, 0.8 * len(texts))

    if most(_EMAIL.match):
        return "contact_email"
    if most(lambda t: bool(_POSTCODE.match(t)) and not t.isdigit()):
        return "postcode"
    if most(lambda t: bool(_PHONE.match(t)) and _phone(t)):
        return "contact_phone"
    if all(re.fullmatch(r"\d{1,6}(?:\.0)?", t) for t in texts) and not all(
        1900 <= float(t) <= 2100 for t in texts
    ):
        return "reach"
    return None


# ----------------------------------------------------------------------------- the mapping


@_record
class Column(_Record):
    """One column of the file: its position, its name, where it goes, and why."""

    index: int
    header: str
    key: str
    how: str
    empty: bool = False  # no value in the rows looked at


_TITLE = re.compile(
    r"(?i)^\s*(?:dhr|mw|mevr|mevrouw|meneer|heer|mr|mrs|ms|dr|drs|ir|ing|prof)\.?\s*$"
)
# Fields of free text: a column named for one of them may hold e-mail addresses instead.
_TEXT_KEYS = ("contact_name", "contact_role", "notes", "address")


def _is_form(compacts: list[str]) -> bool:
    return any(c in rules().form_always for c in compacts)


def guess(header: list[Any], rows: list[list[Any]]) -> list[Column]:
    """The mapping of a header row, from its names and the values in ``rows`` (a sample)."""
    from gzctl.core.text import clean

    names = ["" if c is None else clean(str(c)) for c in header]
    width = max([len(names), *(len(r) for r in rows)], default=0)
    names += [""] * (width - len(names))
    compacts = [inv.compact(n) for n in names]
    form = _is_form(compacts)
    r = rules()
    ms_form = any(c in r.ms_markers for c in compacts)
    columns: list[Column] = []
    for i, name in enumerate(names):
        values = [row[i] for row in rows if i < len(row)]
        filled = [v for v in values if not inv._blank(v)]
        c = compacts[i]
        if c in r.form_always or (ms_form and c in r.in_ms_form):
            columns.append(Column(i, name, SKIP, "formulier"))
        elif not filled:
            # an empty column keeps the field its name says (a list with only its header
            # row is 'no organisations', not 'no name column'); else it is not read
            known = match_header(name) if name else None
            columns.append(Column(i, name, known or SKIP, "kop" if known else "leeg"))
        elif (
            form
            and c in r.form_in_form
            and all(str(v).strip().lower() == "anonymous" for v in filled)
        ):
            columns.append(Column(i, name, SKIP, "formulier"))
        elif c in r.skip:
            columns.append(Column(i, name, SKIP, "overslaan"))
        elif (key := match_header(name) if name else None) is not None:
            # a 'Contact' column of e-mail addresses holds e-mail, whatever its name says
            if key in _TEXT_KEYS and _looks(filled) == "contact_email":
                columns.append(Column(i, name, "contact_email", "waarden"))
            elif key == "contact_salutation" and all(_TITLE.match(str(v)) for v in filled):
                # Outlook's 'Aanhef' is a title (Dhr., Mw.), not how a letter opens
                columns.append(Column(i, name, NOTE, "onbekend"))
            else:
                columns.append(Column(i, name, key, "kop"))
        elif name and (key := match_words(name)) is not None:
            columns.append(Column(i, name, key, "woorden"))
        elif (key := _looks(filled)) is not None:
            columns.append(Column(i, name, key, "waarden"))
        else:
            columns.append(Column(i, name, NOTE, "onbekend"))
    for col in columns:
        col.empty = not any(not inv._blank(row[col.index]) for row in rows if col.index < len(row))
    _settle(columns, form)
    return columns


def _settle(columns: list[Column], form: bool) -> None:
    """A second look: in a form, its own e-mail column gives way to a question asking the
    organisation's; a guess from the values never takes a field a name already gave, nor
    does a guess from the words take one an exact name gave (the guess goes to the note)."""
    by_key: dict[str, list[Column]] = {}
    for col in columns:
        by_key.setdefault(col.key, []).append(col)
    c = rules().form_in_form
    for key, cols in by_key.items():
        if key in (SKIP, NOTE) or len(cols) < 2:
            continue
        if form:
            for col in cols:
                if inv.compact(col.header) in c and any(o is not col for o in cols):
                    col.key, col.how = SKIP, "formulier"
                    break
        if key == "name":
            _person_name(columns, cols)
        exact = [col for col in cols if col.how == "kop" and col.key == key]
        for col in cols:
            if exact and col.how in ("woorden", "waarden"):
                col.key, col.how = NOTE, "onbekend"
            elif col.how == "waarden" and any(o.how == "woorden" for o in cols):
                col.key, col.how = NOTE, "onbekend"


# Column names that say the organisation, and those that then say the person (a contacts
# export with "Name" and "Company", a list with "Naam" and "Organisatie").
_ORG_NAMES = {"bedrijf", "bedrijfsnaam", "company", "organization", "organisation",
              "organizationname", "organisationname", "organization1name", "handelsnaam",
              "organisatie", "organisatienaam", "naamorganisatie", "vereniging"}  # fmt: skip
_PERSON_NAMES = {"naam", "name"}


def _person_name(columns: list[Column], names: list[Column]) -> None:
    """Of a 'Naam' and an 'Organisatie' column, the organisation's is the name and 'Naam'
    the contact person (or the note, when a contact person column is there)."""
    if not any(
        inv.compact(c.header) in _ORG_NAMES or c.how == "woorden" for c in names if c.key == "name"
    ):
        return  # the words rule for a name asks for a word like 'vereniging' too
    has_contact = any(c.key == "contact_name" for c in columns)
    for col in names:
        if col.key == "name" and inv.compact(col.header) in _PERSON_NAMES and col.how != "gekozen":
            col.key, col.how = (NOTE, "onbekend") if has_contact else ("contact_name", "kop")
            has_contact = True


def has_name(columns: list[Column]) -> bool:
    """Whether some column gives the organisation's name."""
    return any(c.key == "name" for c in columns)


def header_score(cells: list[Any], wanted: set[str]) -> bool:
    """Whether a row can be the header: it names the organisation's column (or one the
    person named with --kolom/--koppeling)."""
    from gzctl.core.text import clean

    for cell in cells:
        if not isinstance(cell, str) or not cell.strip():
            continue
        text = clean(cell)
        if inv.compact(text) in wanted or match_header(text) == "name":
            return True
        if match_words(text) == "name" and len(text) < 80:
            return True
    return False


def parse_target(text: str) -> str:
    """A target as a person writes it ('naam', 'E-mail', 'overslaan', 'notitie') -> key."""
    c = inv.compact(text)
    key = _BY_LABEL.get(c) or match_header(text)
    if key is None:
        if c in ("skip", "niet", "nee", "weg", "negeren"):
            return SKIP
        if c in ("note", "notities", "bewaren"):
            return NOTE
        choices = ", ".join(sorted(v for v in set(LABELS.values()) if not v.endswith("-op")))
        raise UsageProblem(f"'{text}' is geen veld dat ik ken. Kies uit: {choices}.")
    return key


def apply(columns: list[Column], chosen: dict[str, str], source: str, strict: bool = True) -> None:
    """Set the columns a person chose ({column name or letter: key}); a name that is no
    column of the file is refused (with the columns there are), unless not ``strict`` (a
    later sheet of a workbook need not have every column)."""
    by_name = {inv.compact(c.header): c for c in columns if c.header}
    for column, key in chosen.items():
        col = by_name.get(inv.compact(column))
        if col is None and re.fullmatch(r"[A-Za-z]{1,2}", column.strip()):
            index = _letter_index(column.strip())
            col = next((c for c in columns if c.index == index), None)
        if col is None and not strict:
            continue
        if col is None:
            there = ", ".join(f"'{c.header}'" for c in columns if c.header)
            raise UsageProblem(f"{source} heeft geen kolom '{column}'. De kolommen zijn: {there}.")
        col.key, col.how = key, "gekozen"
        if key == "name":  # one name column: another guessed one gives way
            for other in columns:
                if other is not col and other.key == "name" and other.how != "gekozen":
                    other.key, other.how = NOTE, "onbekend"


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def parse_option(text: str) -> tuple[str, str]:
    """``--kolom "Naam=Bedrijf"`` (the field, then the column) -> (column, key). Also
    'overslaan=Tijdstempel' and 'notitie=Afdeling'."""
    if "=" not in text:
        raise UsageProblem(
            f"--kolom '{text}': schrijf VELD=KOLOM, bijvoorbeeld --kolom \"naam=Bedrijf\"."
        )
    target, column = (part.strip().strip("'\"") for part in text.split("=", 1))
    if not column:
        raise UsageProblem(f"--kolom '{text}': welke kolom? Bijvoorbeeld --kolom \"naam=Bedrijf\".")
    return column, parse_target(target)


def read_file(path: Path) -> dict[str, str]:
    """A mapping file: a [kolommen] table of "column name" = "field". Refused with one
    Dutch line when it is not there, not TOML, or names a field gzctl does not know."""
    from gzctl.core.encoding import Undecodable, read_text
    from gzctl.core.tomlfile import TomlError, loads

    try:
        data = loads(read_text(path))
    except FileNotFoundError:
        raise UsageProblem(f"Koppelingsbestand '{path}' bestaat niet.") from None
    except (Undecodable, OSError):
        raise UsageProblem(f"Koppelingsbestand '{path.name}' is geen tekst die ik lees.") from None
    except TomlError as exc:
        raise UsageProblem(
            f"Koppelingsbestand '{path.name}' is geen geldige TOML ({exc.dutch})."
        ) from None
    table = data.get("kolommen")
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise UsageProblem(
            f"Koppelingsbestand '{path.name}': verwacht een tabel [kolommen] met "
            '"Kolomnaam" = "veld".'
        )
    return {str(k): parse_target(v) for k, v in table.items()}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def as_toml(columns: list[Column], source: str) -> str:
    """The mapping as a file a person edits and hands back with --koppeling."""
    lines = [
        f"# Koppeling van de kolommen van {source} (org import --koppeling).",
        "# Per kolom het veld: naam, contactpersoon, e-mail, telefoon, achterban, adres,",
        "# huisnummer, postcode, plaats, opmerkingen, sector, doelgroep, functie ...;",
        '# "notitie" bewaart de kolom in de notitie, "overslaan" leest hem niet.',
        "[kolommen]",
    ]
    for col in columns:
        if not col.header:
            continue
        lines.append(f"{_quote(col.header)} = {_quote(LABELS[col.key])}")
    return "\n".join(lines) + "\n"


def signature(columns: list[Column]) -> str:
    """What identifies a source's shape: its column names, in order (for a kept mapping)."""
    return "|".join(inv.compact(c.header) for c in columns)


def guessed(columns: list[Column]) -> list[Column]:
    """The columns whose target is a guess a person may want to check."""
    return [c for c in columns if c.how in ("woorden", "waarden", "onbekend", "formulier")]
