"""Country words and the safe contact block, as data (playbooks/landen.toml).

A playbook names its country (``country = "BE"`` in ``[playbook]``); documents and
questions take their country-specific words from here, so no template needs an
``if country == "BE"``. Every country must define the same words (the Dutch set is the
reference) and at least one helpline: a missing word would otherwise only show up as a
template error in one village's letter. Sources: DOMAIN.md §9 (Flanders) and the helpline
sites named at the top of landen.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gzctl.core.errors import PlaybookError

COUNTRIES_FILE = "landen.toml"
DEFAULT_COUNTRY = "NL"
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Helpline:
    label: str
    number: str
    when: str


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    words: dict[str, str]
    helplines: tuple[Helpline, ...]

    def template_data(self) -> dict[str, Any]:
        """What templates get as ``land``: ``land.code``, ``land.naam``, ``land.woorden.*``
        and ``land.hulplijnen`` (``label``, ``nummer``, ``wanneer``)."""
        return {
            "code": self.code,
            "naam": self.name,
            "woorden": dict(self.words),
            "hulplijnen": [
                {"label": h.label, "nummer": h.number, "wanneer": h.when} for h in self.helplines
            ],
        }


_cache: dict[tuple[str, float], dict[str, Country]] = {}


def countries_path() -> Path:
    from gzctl.core.paths import data_dir

    return data_dir("playbooks") / COUNTRIES_FILE


def load_countries(path: Path | None = None) -> dict[str, Country]:
    """Every country in landen.toml, checked: all faults in one Dutch error."""
    from gzctl.core.datafiles import load_data

    source = path or countries_path()
    return load_data(source, lambda data: parse_countries(data, source.name), _cache)


def country(code: str = DEFAULT_COUNTRY) -> Country:
    known = load_countries()
    if code not in known:
        from gzctl.core.errors import did_you_mean

        raise PlaybookError(
            f"Onbekend land '{code}'." + did_you_mean(code, sorted(known))
            + f" Bekend: {', '.join(sorted(known))}."
        )
    return known[code]


def parse_countries(data: dict[str, Any], name: str = COUNTRIES_FILE) -> dict[str, Country]:
    faults: list[str] = []

    def fault(where: str, text: str) -> None:
        faults.append(f"{name}: {where}: {text}")

    for key in data:
        if key != "countries":
            fault(key, "onbekende sleutel (alleen [countries.XX])")
    raw = data.get("countries")
    if not isinstance(raw, dict) or not raw:
        fault("countries", "geen enkel land ([countries.NL])")
        raise PlaybookError("\n".join(faults))
    reference: set[str] | None = None
    if isinstance(raw.get(DEFAULT_COUNTRY), dict) and isinstance(
        raw[DEFAULT_COUNTRY].get("words"), dict
    ):
        reference = set(raw[DEFAULT_COUNTRY]["words"])
    out: dict[str, Country] = {}
    for code, entry in raw.items():
        where = f"land '{code}'"
        if not _CODE.match(code):
            fault(where, "de code moet twee hoofdletters zijn, zoals NL of BE")
        if not isinstance(entry, dict):
            fault(where, "moet een tabel zijn")
            continue
        for key in entry:
            if key not in ("name", "words", "helplines"):
                fault(where, f"onbekende sleutel '{key}'")
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            fault(where, "'name' (tekst) ontbreekt")
        words = entry.get("words")
        if not isinstance(words, dict) or not words:
            fault(where, "[words] ontbreekt")
            words = {}
        for key, value in words.items():
            if not isinstance(value, str) or not value.strip():
                fault(where, f"woord '{key}' moet een niet-lege tekst zijn")
        if reference is not None:
            for key in sorted(reference - set(words)):
                fault(where, f"woord '{key}' ontbreekt (elk land heeft dezelfde woorden als NL)")
            for key in sorted(set(words) - reference):
                fault(where, f"woord '{key}' staat niet bij NL")
        lines: list[Helpline] = []
        helplines = entry.get("helplines")
        if not isinstance(helplines, list) or not helplines:
            fault(where, "een lijst [[helplines]] (het veilige contactblok) ontbreekt")
            helplines = []
        for i, line in enumerate(helplines, start=1):
            if not isinstance(line, dict):
                fault(f"{where}, hulplijn {i}", "moet een tabel zijn")
                continue
            for key in line:
                if key not in ("label", "number", "when"):
                    fault(f"{where}, hulplijn {i}", f"onbekende sleutel '{key}'")
            for key in ("label", "when"):
                if not isinstance(line.get(key), str) or not line[key].strip():
                    fault(f"{where}, hulplijn {i}", f"'{key}' (tekst) ontbreekt")
            if not isinstance(line.get("number", ""), str):
                fault(f"{where}, hulplijn {i}", "'number' moet tekst zijn")
            lines.append(
                Helpline(str(line.get("label", "")), str(line.get("number", "")),
                         str(line.get("when", "")))
            )  # fmt: skip
        out[code] = Country(
            code, str(entry.get("name", "")), {k: str(v) for k, v in words.items()}, tuple(lines)
        )
    if DEFAULT_COUNTRY not in out:
        fault("countries", f"het standaardland {DEFAULT_COUNTRY} ontbreekt")
    if faults:
        raise PlaybookError("\n".join(faults))
    return out
