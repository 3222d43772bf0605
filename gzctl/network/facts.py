"""Facts that must agree before anything is printed: checks `gzctl status` and `gzctl docs
build` both report, one Dutch line each.

- An organisation and a candidate meeting place (or the network evening's place) of the same
  name that disagree on the street address: letters, site and poster would send people to
  two doors.
- Planned dates that clash with the country's calendar (core/calendar_checks.py): a public
  holiday, a Sunday, the Christmas week or a school holiday of the village's region.

Pure: the project, the playbook and today in; lines out. No heavy import at module level.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from gzctl.core.model import Project

NETWORK_EVENING = "verbinden.netwerkavond_datum"
EVENING_PLACE = "verbinden.netwerkavond_plek"
EVALUATION = "borgen.evaluatie_datum"


_NON_WORD = re.compile(r"[^\w]+")


def _fold(text: str) -> str:
    if text.isascii():  # NFKD changes no ASCII and leaves no accent to drop: the same, faster
        return " ".join(_NON_WORD.sub(" ", text.casefold()).split())
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def _street(address: str) -> str:
    """The street and number of an address ('Kerkstraat 4, 4197 AC Ooltwijk' -> 'Kerkstraat
    4'), without a trailing postcode and town."""
    return address.split(",")[0].strip()


def _answer(project: Project, qid: str) -> Any:
    return project.answers.get(qid)


def address_conflicts(project: Project) -> list[str]:
    """One Dutch line for every organisation whose street address differs from a place of
    the same name (``gzctl place``) or from the network evening's place (its answer)."""
    where: dict[str, list[tuple[str, str, str]]] = {}
    for place in project.places:
        if place.address:
            where.setdefault(_fold(place.name), []).append(
                (_street(place.address), "plek", f"gzctl place edit {place.id} --adres ...")
            )
    evening = str(_answer(project, EVENING_PLACE) or "")
    name, _, rest = evening.partition(",")
    if rest.strip():
        where.setdefault(_fold(name), []).append(
            (_street(rest), "netwerkavond", f"gzctl answers --wijzig {EVENING_PLACE}")
        )
    lines: list[str] = []
    if not where:
        return lines
    named = _same_name(where)
    for org in project.organisations:
        if not org.address or not named(org.name):
            continue
        mine = _street(org.address)
        other: dict[str, list[tuple[str, str]]] = {}
        for street, what, fix in where[_fold(org.name)]:
            if _fold(street) != _fold(mine):
                other.setdefault(street, []).append((what, fix))
        for street, whats in other.items():
            labels = ", ".join(dict.fromkeys(w for w, _ in whats))
            fixes = " of ".join([f"gzctl org edit {org.id} --adres ...", *(f for _, f in whats)])
            lines.append(
                f"Adres klopt niet: {org.name} staat op {mine} (organisatie) en op {street} "
                f"({labels}); maak ze gelijk ({fixes})."
            )
    return lines


def _same_name(where: dict[str, Any]) -> Any:
    """A test whether a name folds (:func:`_fold`) to a key of ``where``. An ASCII name is
    matched by one regular expression of the keys' words (what folding it would give,
    without folding 50,000 names one by one); another name is folded."""
    keys = [k for k in where if k.isascii()]
    if not keys:
        return lambda name: not name.isascii() and _fold(name) in where
    words = "|".join(r"\W+".join(map(re.escape, k.split())) for k in keys)
    match = re.compile(r"\W*(?:" + words + r")\W*\Z", re.IGNORECASE | re.ASCII).match

    def named(name: str) -> bool:
        if name.isascii():
            return match(name) is not None
        return _fold(name) in where

    return named


def planned_dates(project: Project, today: dt.date) -> list[tuple[str, dt.date]]:
    """What is planned from ``today`` on, with its day: activities, the network evening,
    the Coördinator's start and the evaluation."""
    out: list[tuple[str, dt.date]] = []
    for label, qid in (("De netwerkavond", NETWORK_EVENING), ("De evaluatie", EVALUATION)):
        day = _answer(project, qid)
        if isinstance(day, dt.date) and not isinstance(day, dt.datetime) and day >= today:
            out.append((label, day))
    start = project.coordinator.start
    if start is not None and start >= today:
        out.append(("De start van de Coördinator", start))
    for a in project.activities:
        if a.start.date() >= today:
            out.append((f"Activiteit '{a.title}'", a.start.date()))
    return sorted(out, key=lambda item: (item[1], item[0]))


def date_clashes(
    playbook: Any, project: Project, today: dt.date, *, fast: bool = False
) -> list[str]:
    """One Dutch line for every planned date (see :func:`planned_dates`) that falls on a
    public holiday, a Sunday, in the Christmas week or in a school holiday of the village's
    region (the answer verbinden.schoolregio, else derived from the province and the
    municipality; Flanders has one calendar). ``fast`` (gzctl
    status): public holidays only as far as a command already computed them, so the fast
    path never loads the holidays library."""
    planned = planned_dates(project, today)
    if not planned:
        return []
    from gzctl.core import calendar_checks
    from gzctl.core.country import for_playbook

    country = for_playbook(playbook)
    region = calendar_checks.project_region(country, project) or None
    lines = []
    for label, day in planned:
        why = calendar_checks.reasons(day, country, region, cached_only=fast)
        if why:
            lines.append(f"{label} valt op {calendar_checks.weekday_date(day)}: {', '.join(why)}.")
    return lines
