"""The network's money: the budget per year (the funding request's figures), what was spent
and received (``project.money``), budget against actual, and the funds a country knows.

Pure functions over a :class:`~gzctl.core.model.Project`. The budget is never typed twice:
a year's budget is the request's yearly cost (:func:`gzctl.network.coordinator.budget`) for
the years the request covers (``organiseren.looptijd`` from the Coördinator's start), so the
request, the overview and the verantwoording name the same figures. Entries hold money and
what it was for, never the names of residents.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core import datafiles
from gzctl.core.bounds import MAX_AMOUNT
from gzctl.core.errors import NotFound, UsageProblem, did_you_mean
from gzctl.core.model import MoneyEntry, Project
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

SPENT, RECEIVED = "uitgave", "inkomst"
TERM = "organiseren.looptijd"
APPLICANT = "organiseren.penvoerder"

# The posts of the budget, in the order of the request's table: id -> label (the label's
# "{verbinder}" is the country's word for the Coördinator).
POSTS: dict[str, str] = {
    "salaris": "Salaris en werkgeverslasten {verbinder}",
    "activiteiten": "Bijeenkomsten en activiteiten",
    "overig": "Overige kosten",
}
# words people type for a post
_POST_WORDS = {
    "loon": "salaris",
    "salaris": "salaris",
    "uren": "salaris",
    "activiteit": "activiteiten",
    "activiteiten": "activiteiten",
    "bijeenkomst": "activiteiten",
    "bijeenkomsten": "activiteiten",
    "zaalhuur": "activiteiten",
    "koffie": "activiteiten",
    "drukwerk": "overig",
    "overig": "overig",
    "overige": "overig",
    "anders": "overig",
}


def euro_text(amount: float) -> str:
    """'€ 1.250,50' (and '€ 25.000' for whole euros), as Dutch writes money."""
    from gzctl.network.criteria import number_nl

    return "€ " + number_nl(round(amount, 2), 2)


def post_of(raw: str) -> str:
    """The budget post a typed word means ('Loon' -> 'salaris'); UsageProblem otherwise."""
    text = raw.strip().lower()
    if text in _POST_WORDS:
        return _POST_WORDS[text]
    raise UsageProblem(
        f"Onbekende post '{raw}'. Kies salaris, activiteiten of overig."
        + did_you_mean(text, sorted(POSTS))
    )


def parse_amount(raw: str) -> float:
    """'€ 1.250,50' -> 1250.5: a positive amount in euros, rounded to cents."""
    from gzctl.core.dutch import parse_number

    value = float(parse_number(raw, "money", example="€ 125,50"))
    if value <= 0:
        raise UsageProblem(f"Het bedrag moet meer dan nul zijn, niet '{raw}'.")
    if value > MAX_AMOUNT:
        raise UsageProblem(f"Het bedrag '{raw}' is te groot; is het een tikfout?")
    return round(value, 2)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:30].strip("-") or "post"


def new_id(project: Project, day: dt.date, text: str) -> str:
    """'2027-03-14-zaalhuur': the day and the first words; two clones that record the same
    payment on the same day get the same id (a merge keeps one), other ones do not."""
    base = f"{day.isoformat()}-{_slug(text)}"
    taken = {m.id for m in project.money}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def add(
    project: Project,
    kind: str,
    day: dt.date,
    amount: float,
    *,
    item: str,
    description: str = "",
    platform: str = "",
) -> MoneyEntry:
    """Record a spending (``item``: a post) or an income (``item``: where it came from)."""
    if kind == SPENT:
        item = post_of(item or "overig")
    elif not item.strip():
        raise UsageProblem("Zeg waar het geld vandaan kwam, bijvoorbeeld: gemeente.")
    if platform:
        from gzctl.network.platforms import find

        platform = find(project, platform).id
    entry = MoneyEntry(
        id=new_id(project, day, description or item),
        date=day,
        amount=amount,
        kind=kind,
        item=item.strip(),
        description=description.strip(),
        platform=platform,
    )
    project.money.append(entry)
    project.money.sort(key=lambda m: (m.date, m.id))
    return entry


def find(project: Project, raw: str) -> MoneyEntry:
    """The entry with this id; NotFound with a suggestion otherwise."""
    for m in project.money:
        if m.id == raw.strip():
            return m
    ids = [m.id for m in project.money]
    raise NotFound(
        f"Geen geldpost met id '{raw}'. Zie gzctl geld lijst." + did_you_mean(raw, ids)
    )


def remove(project: Project, raw: str) -> MoneyEntry:
    """Take an entry out (a typing error); returns it."""
    entry = find(project, raw)
    project.money.remove(entry)
    return entry


# --------------------------------------------------------------------------- budget and actual


def request_years(project: Project) -> list[int]:
    """The calendar years the funding request covers: from the Coördinator's start (or the
    year after the project began) for ``organiseren.looptijd`` years (default 2)."""
    term = project.answers.get(TERM)
    years = int(term) if isinstance(term, (int, float)) and 1 <= term <= 10 else 2
    start = project.coordinator.start
    created = project.project.created  # set by init; a hand-made file may lack it
    first = start.year if start else (created.year + 1 if created else min(
        (m.date.year for m in project.money), default=2000))  # fmt: skip
    return list(range(first, first + years))


def yearly_budget(project: Project) -> dict[str, float] | None:
    """The budget of one year per post, from the request's figures (a typed yearly total
    above the computed costs is the post ``overig``); None while the hours (and so the
    salary) are not known."""
    from gzctl.network.coordinator import request
    from gzctl.network.criteria import load_criteria

    r = request(project, load_criteria())
    b = r.costs
    if b.salary is None:
        return None
    return {
        "salaris": round(b.salary, 2),
        "activiteiten": round(b.activities, 2),
        "overig": round(r.extra, 2),
    }


def asked_per_year(project: Project) -> float | None:
    """What the funding request asks per year (the typed total, else the costs); None
    while the hours are not known."""
    from gzctl.network.coordinator import request
    from gzctl.network.criteria import load_criteria

    r = request(project, load_criteria())
    return None if r.costs.salary is None else r.asked


def asked_note(project: Project) -> str | None:
    """One Dutch line when the request asks less than the budget (the rest from other
    sources) or more than the computed costs; None when the figures agree."""
    from gzctl.network.coordinator import request, request_note
    from gzctl.network.criteria import load_criteria

    return request_note(request(project, load_criteria()))


@_frozen_record
class PostLine(_FrozenRecord):
    """One post of a year: its id, what it was budgeted (None: no budget that year) and spent."""

    post: str
    budget: float | None
    spent: float

    @property
    def left(self) -> float | None:
        """What is left of the budget (negative: overspent)."""
        return None if self.budget is None else round(self.budget - self.spent, 2)


@_frozen_record
class Year(_FrozenRecord):
    """Budget against actual for one calendar year, with what came in and per platform."""

    year: int
    posts: tuple[PostLine, ...]
    received: dict[str, float] = field(default_factory=dict)  # source -> amount
    per_platform: dict[str, float] = field(default_factory=dict)  # platform id -> spent
    entries: tuple[MoneyEntry, ...] = ()

    @property
    def budget(self) -> float | None:
        """The year's whole budget, or None when there is none."""
        known = [p.budget for p in self.posts if p.budget is not None]
        return round(sum(known), 2) if known else None

    @property
    def spent(self) -> float:
        """Everything spent in the year."""
        return round(sum(p.spent for p in self.posts), 2)

    @property
    def income(self) -> float:
        """Everything received in the year."""
        return round(sum(self.received.values()), 2)


def year_overview(project: Project, year: int) -> Year:
    """Budget against actual for ``year``."""
    entries = tuple(m for m in project.money if m.date.year == year)
    per_year = yearly_budget(project) if year in request_years(project) else None
    posts = []
    for post in POSTS:
        spent = sum(m.amount for m in entries if m.kind == SPENT and m.item == post)
        planned = per_year[post] if per_year is not None else None
        if planned or spent:
            posts.append(PostLine(post, planned, round(spent, 2)))
    received: dict[str, float] = {}
    per_platform: dict[str, float] = {}
    for m in entries:
        if m.kind == RECEIVED:
            received[m.item] = round(received.get(m.item, 0.0) + m.amount, 2)
        elif m.platform:
            per_platform[m.platform] = round(per_platform.get(m.platform, 0.0) + m.amount, 2)
    return Year(year, tuple(posts), received, per_platform, entries)


def years(project: Project, today: dt.date) -> list[int]:
    """The years worth showing: those with entries, the request's years up to this one."""
    found = {m.date.year for m in project.money}
    found |= {y for y in request_years(project) if y <= today.year}
    return sorted(found) or [today.year]


def year_json(project: Project, year: Year) -> dict[str, Any]:
    """One year as plain data for ``--json``."""
    return {
        "year": year.year,
        "budget": year.budget,
        "spent": year.spent,
        "income": year.income,
        "posts": [
            {"post": p.post, "budget": p.budget, "spent": p.spent, "left": p.left}
            for p in year.posts
        ],
        "received": dict(year.received),
        "per_platform": dict(year.per_platform),
    }


def entry_json(m: MoneyEntry) -> dict[str, Any]:
    """One entry as plain data for ``--json``."""
    return {
        "id": m.id,
        "date": m.date.isoformat(),
        "kind": m.kind,
        "amount": m.amount,
        "item": m.item,
        "description": m.description,
        "platform": m.platform,
    }


# --------------------------------------------------------------------------- funds

FUNDS_FILE = "fondsen.toml"


@_frozen_record
class Fund(_FrozenRecord):
    """A fund from the country's catalogue: what it pays for and not, when to ask, where."""

    id: str
    name: str
    pays: str
    not_for: str
    when: str
    link: str
    target_groups: tuple[str, ...] = ()
    region: str = ""


_F = datafiles.Field
_FUND = datafiles.Entries(
    {
        "naam": _F("text", required=True),
        "betaalt": _F("text", required=True),
        "niet": _F("text", required=True),
        "wanneer": _F("text", required=True),
        "link": _F("text", required=True),
        "doelgroepen": _F("texts", known=("K", "J", "G", "V", "O", "Kw", "A"), what="doelgroep"),
        "regio": _F("text"),
    },
    noun="fonds",
    missing="een lijst [[fondsen]] ontbreekt",
)
_memo: dict[tuple[str, float], tuple[Fund, ...]] = {}


def parse_funds(data: dict[str, Any], name: str = FUNDS_FILE) -> tuple[Fund, ...]:
    """The funds of a country's fondsen.toml, checked: every fault at once."""
    check = datafiles.Checker(name)
    check.top(data, ("fondsen", "bron"))
    funds = []
    for _where, ident, e in check.entries(data, "fondsen", _FUND, {}):
        if e["link"] and not e["link"].startswith("https://"):
            check.fault(f"fonds '{ident}'", "'link' moet met https:// beginnen")
        funds.append(
            Fund(ident, e["naam"], e["betaalt"], e["niet"], e["wanneer"], e["link"],
                 tuple(e["doelgroepen"]), e["regio"])  # fmt: skip
        )
    check.done()
    return tuple(funds)


def funds_file(country_source: str) -> Path | None:
    """The country folder's fondsen.toml, if the country has one."""
    if not country_source:
        return None
    path = Path(country_source).parent / FUNDS_FILE
    return path if path.is_file() else None


def load_funds(country_source: str) -> tuple[Fund, ...]:
    """The funds of a country (its land.toml's path); empty when it lists none."""
    path = funds_file(country_source)
    if path is None:
        return ()
    return datafiles.load_data(path, lambda d: parse_funds(d, path.name), _memo)


def funds_for(funds: tuple[Fund, ...], target_groups: list[str] | tuple[str, ...]) -> list[Fund]:
    """The funds that fit a platform's target groups (a fund without groups fits all)."""
    wanted = set(target_groups)
    return [f for f in funds if not f.target_groups or wanted & set(f.target_groups)]
