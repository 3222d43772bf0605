"""The advisors' portfolio: one row per village, as a table, JSON, CSV (and, in dashboard.py,
an HTML page). Pure functions over the rows; finding and loading the villages is scan.py.

A row is the village's ``gzctl status --json`` document (``network.status.status_data``, reused as
it is) plus ``path``, ``error`` (None) and ``stalled``. A folder whose state cannot be loaded
is a row with only ``path`` and ``error`` (the Dutch message ``gzctl status`` would give).

Figures that later parts of gzctl add to the status document are read when present and shown
as "—" when not, so older and newer villages sit in one table:

* ``organisations``: {"joined": int, "inventoried": int, ...}
* ``reach``: {"percent": int | float, ...}
* ``meeting_place``: {"chosen": bool, ...} (or a bool)
* ``coordinator``: {"appointed": bool, ...} (or a bool)
* ``platforms``: {"active": int, ...} (or an int)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from gzctl.core.errors import UsageProblem
from gzctl.core.outtext import clean_line, json_safe, report_cell

DASH = "—"
SORTS = ("village", "phase", "progress", "activity")
BAR = 10

Row = dict[str, Any]


_MARK_DAYS, _MARK_PATH, _MARK_STALLED = '"\\u0000D"', '"\\u0000P"', '"\\u0000S"'
_MARKS_B = (_MARK_DAYS.encode(), _MARK_PATH.encode(), _MARK_STALLED.encode())


def row_template(status: dict[str, Any]) -> str:
    """A village's JSON line with marks where today's days, the folder and 'stalled' go, so
    that a cached village becomes a row without parsing or dumping its status again. The
    line is :func:`~gzctl.core.outtext.json_safe` already: no control character in it."""
    import json

    marked = {
        **status,
        "days_since_activity": "\0D",
        "path": "\0P",
        "error": None,
        "stalled": "\0S",
    }
    return json_safe(json.dumps(marked, ensure_ascii=False))


def split_template(template: str) -> list[bytes]:
    """The template cut at its marks (the marks kept as items), as UTF-8: filling it is then
    one join of bytes, and a warm run neither decodes the cached rows nor encodes them again
    for the output."""
    import re

    marks = "|".join(re.escape(m) for m in (_MARK_DAYS, _MARK_PATH, _MARK_STALLED))
    return [p.encode("utf-8") for p in re.split(f"({marks})", template) if p]


class CachedRow(dict):  # type: ignore[type-arg]
    """A row from the portfolio cache, kept as its JSON line until someone looks inside.

    ``json_bytes`` prints the line as it is and sorting by village reads only the name, so a
    warm ``gzctl portfolio --json`` never parses or dumps a status document. Any other use
    (the table, CSV, HTML, filters) parses the line once and then it is an ordinary row,
    equal to the one :func:`make_row` builds."""

    __slots__ = ("line", "name", "path", "days", "stalled", "_loaded")

    _LIGHT = ("path", "error", "stalled", "days_since_activity")

    def __init__(
        self, template: list[bytes], name: str, path: str, days: int | None, stalled: bool
    ) -> None:
        """``template``: :func:`split_template` of :func:`row_template`; ``line`` is the
        filled-in JSON line as UTF-8."""
        import json

        super().__init__()
        self.name, self.path, self.days, self.stalled = name, path, days, stalled
        days_mark, path_mark, stalled_mark = _MARKS_B
        fill = {
            days_mark: b"null" if days is None else str(int(days)).encode(),
            path_mark: json_safe(json.dumps(path, ensure_ascii=False)).encode("utf-8"),
            stalled_mark: b"true" if stalled else b"false",
        }
        self.line = b"".join([fill.get(part, part) for part in template])
        self._loaded = False

    def _load(self) -> None:
        if not self._loaded:
            import json

            self._loaded = True
            dict.update(self, json.loads(self.line))

    def _light(self, key: Any) -> tuple[bool, Any]:
        if key == "path":
            return True, self.path
        if key == "error":
            return True, None
        if key == "stalled":
            return True, self.stalled
        if key == "days_since_activity":
            return True, self.days
        return False, None

    def __getitem__(self, key: Any) -> Any:
        known, value = self._light(key)
        if known:
            return value
        self._load()
        return dict.__getitem__(self, key)

    def get(self, key: Any, default: Any = None) -> Any:
        """As ``dict.get``; the light keys answer without loading the cached document."""
        known, value = self._light(key)
        if known:
            return value
        self._load()
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._load()
        return dict.__contains__(self, key)

    def __iter__(self) -> Any:
        self._load()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._load()
        return dict.__len__(self)

    def keys(self) -> Any:
        """As ``dict.keys``, after loading the cached document."""
        self._load()
        return dict.keys(self)

    def items(self) -> Any:
        """As ``dict.items``, after loading the cached document."""
        self._load()
        return dict.items(self)

    def values(self) -> Any:
        """As ``dict.values``, after loading the cached document."""
        self._load()
        return dict.values(self)

    def copy(self) -> dict[str, Any]:
        """A plain dict of the whole row (loads the cached document)."""
        self._load()
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._load()
        return dict.__eq__(self, other)

    __hash__ = None

    def __repr__(self) -> str:
        self._load()
        return dict.__repr__(self)


def make_row(path: str, status: dict[str, Any], stalled_days: int) -> Row:
    """A village's row: its status document plus where it lives and whether it stalled."""
    return {**status, "path": path, "error": None, "stalled": is_stalled(status, stalled_days)}


def error_row(path: str, error: str) -> Row:
    """A folder that could not be read, with its error. The advisor runs gzctl from elsewhere,
    so each ``gzctl ...`` hint in the error names that village's folder ('gzctl -C
    dorpen/Beesd merge setup'), in the table, the CSV, the page and the JSON alike."""
    from gzctl.core.text import hints_with_dir

    return {"path": path, "error": hints_with_dir(error, None if path == "." else path)}


def is_stalled(status: dict[str, Any], stalled_days: int) -> bool:
    """Stalled: more than ``stalled_days`` days since the last activity."""
    days = status.get("days_since_activity")
    return isinstance(days, int) and days > stalled_days


# --------------------------------------------------------------------------- figures


def _get(row: Row, key: str, field: str) -> Any:
    value = row.get(key)
    if isinstance(value, dict):
        return value.get(field)
    return value


def organisations(row: Row) -> tuple[int, int] | None:
    """(joined, inventoried), or None when the row does not carry them (an error row,
    an older cached document)."""
    orgs = row.get("organisations")
    if not isinstance(orgs, dict):
        return None
    joined, inventoried = orgs.get("joined"), orgs.get("inventoried")
    if isinstance(joined, int) and isinstance(inventoried, int):
        return joined, inventoried
    return None


def reach_percent(row: Row) -> float | None:
    """The reach in percent, or None: a row from another gzctl version may lack it."""
    value = _get(row, "reach", "percent")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def flag(row: Row, key: str, field: str) -> bool | None:
    """A yes/no field of a status part, or None when it is missing or not a bool."""
    value = _get(row, key, field)
    return value if isinstance(value, bool) else None


def platforms_active(row: Row) -> int | None:
    """How many platforms are active, from either shape a row can have (a count in a
    cached row, the list in ``status --json``)."""
    value = _get(row, "platforms", "active")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, list):  # status --json: platforms[] with a status each
        return sum(1 for p in value if not isinstance(p, dict) or p.get("status") == "actief")
    return None


def yes_no(value: bool | None) -> str:
    """'ja', 'nee', or a dash when unknown, so a missing value never reads as 'nee'."""
    return DASH if value is None else ("ja" if value else "nee")


def days_text(days: int | None) -> str:
    """Days since the last activity as an advisor reads it ('vandaag', '1 dag', '12 dagen')."""
    if days is None:
        return DASH
    if days <= 0:
        return "vandaag"
    return "1 dag" if days == 1 else f"{days} dagen"


def percent_text(value: float | None) -> str:
    """A rounded percentage, or a dash when unknown."""
    if value is None:
        return DASH
    return f"{round(value)}%"


def bar(percent: int, width: int = BAR) -> str:
    """A text progress bar, so the plain table shows progress without colour."""
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def village_name(row: Row) -> str:
    """The name to show: the village's, or for a folder that could not be read, the
    folder's own name (there is no village name to show)."""
    if isinstance(row, CachedRow):
        return row.name or "(naamloos)"
    if row.get("error") is not None:
        path = str(row["path"])
        return path.rstrip("/").rsplit("/", 1)[-1] or path
    return str(row["village"]["name"] or "(naamloos)")


def cells(row: Row) -> dict[str, str]:
    """The display text of each column (table and HTML); only for rows without an error."""
    orgs = organisations(row)
    return {
        "village": village_name(row),
        "municipality": row["village"]["municipality"] or DASH,
        "playbook": f"{row['playbook']['id']} {row['playbook']['version']}".strip(),
        "phase": row["phase"]["title"],
        "progress": f"{row['progress']['percent']}%",
        "organisations": f"{orgs[0]}/{orgs[1]}" if orgs else DASH,
        "reach": percent_text(reach_percent(row)),
        "meeting_place": yes_no(flag(row, "meeting_place", "chosen")),
        "coordinator": yes_no(flag(row, "coordinator", "appointed")),
        "platforms": DASH if (p := platforms_active(row)) is None else str(p),
        "activity": days_text(row.get("days_since_activity")),
        "stalled": "stilgevallen" if row.get("stalled") else "",
        "path": clean_line(row["path"]),  # a folder name may hold a newline or ESC
    }


HEADERS = {
    "village": "Dorp",
    "municipality": "Gemeente",
    "playbook": "Stappenplan",
    "phase": "Fase",
    "progress": "Voortgang",
    "organisations": "Organisaties",
    "reach": "Bereik",
    "meeting_place": "Plek",
    "coordinator": "Coördinator",
    "platforms": "Platforms",
    "activity": "Laatst actief",
    "stalled": "",
    "path": "Map",
}

LEGEND = (
    "Organisaties: aangesloten/geïnventariseerd · Bereik: achterban als deel van de inwoners · "
    "Plek: ontmoetingsplek gekozen · Platforms: actief · — : (nog) niet bijgehouden"
)


# --------------------------------------------------------------------------- choosing rows


def _phase_index(row: Row) -> int:
    phases = [p["id"] for p in row.get("phases", [])]
    current = row["phase"]["id"]
    return phases.index(current) if current in phases else len(phases)


# The Dutch words the help names for each sort order (--sort fase is --sort phase).
SORT_WORDS = {
    "dorp": "village",
    "naam": "village",
    "fase": "phase",
    "voortgang": "progress",
    "activiteit": "activity",
    "stil": "activity",
}


def sort_rows(rows: Iterable[Row], by: str = "village", reverse: bool = False) -> list[Row]:
    """Villages by name, phase (early first), progress (least first) or activity (longest
    quiet first); rows with an error always come last, by folder."""
    by = SORT_WORDS.get(by.strip().lower(), by.strip().lower())
    if by not in SORTS:
        from gzctl.core.errors import did_you_mean

        raise UsageProblem(
            f"Onbekende sortering '{by}'; kies uit naam, fase, voortgang of activiteit."
            + did_you_mean(by, [*SORTS, *SORT_WORDS])
        )
    good = [r for r in rows if r.get("error") is None]
    bad = [r for r in rows if r.get("error") is not None]

    def name(r: Row) -> tuple[str, str]:
        return (village_name(r).casefold(), r["path"])

    def key(r: Row) -> tuple[Any, ...]:
        if by == "phase":
            return (_phase_index(r), *name(r))
        if by == "progress":
            return (r["progress"]["percent"], *name(r))
        if by == "activity":
            days = r.get("days_since_activity")
            return (-(days if days is not None else 10**9), *name(r))
        return name(r)

    good.sort(key=key, reverse=reverse)
    return good + sorted(bad, key=lambda r: r["path"])


def filter_rows(rows: Iterable[Row], phase: str | None = None, stalled: bool = False) -> list[Row]:
    """Keep villages in ``phase`` (id or title) and/or stalled ones. Rows with an error are
    always kept: they need attention and must not silently disappear."""
    out = []
    want = phase.strip().casefold() if phase else None
    for r in rows:
        if r.get("error") is not None:
            out.append(r)
            continue
        if want and want not in (r["phase"]["id"].casefold(), r["phase"]["title"].casefold()):
            continue
        if stalled and not r.get("stalled"):
            continue
        out.append(r)
    return out


def summary(rows: Sequence[Row]) -> dict[str, int]:
    """Counts for the line under the table: villages read, stalled ones, folders with an error."""
    good = [r for r in rows if r.get("error") is None]
    return {
        "villages": len(good),
        "stalled": sum(1 for r in good if r.get("stalled")),
        "errors": len(rows) - len(good),
    }


def summary_text(counts: dict[str, int]) -> str:
    """The counts of :func:`summary` as one Dutch line."""
    n = counts["villages"]
    parts = [f"{n} dorp" if n == 1 else f"{n} dorpen"]
    parts.append(f"{counts['stalled']} stilgevallen")
    if counts["errors"]:
        e = counts["errors"]
        parts.append(f"{e} map kon niet gelezen worden" if e == 1 else f"{e} mappen met een fout")
    return " · ".join(parts)


# --------------------------------------------------------------------------- outputs


def table_text(rows: Sequence[Row], stalled_days: int) -> str:
    """A plain-text table (no rich: deterministic widths, nothing wraps inside a cell)."""
    if not rows:
        return "Geen dorpen gevonden (geen gzctl.toml onder deze mappen)."
    columns = list(HEADERS)
    good = [cells(r) for r in rows if r.get("error") is None]
    for c in good:
        pct = int(c["progress"].rstrip("%"))
        c["progress"] = f"{bar(pct)} {pct:>3}%"
    widths = {col: max([len(HEADERS[col]), *(len(c[col]) for c in good)]) for col in columns}
    right = {"organisations", "reach", "platforms"}

    def line(values: dict[str, str]) -> str:
        parts = []
        for col in columns:
            text = values[col]
            parts.append(text.rjust(widths[col]) if col in right else text.ljust(widths[col]))
        return "  ".join(p for p, col in zip(parts, columns, strict=True) if widths[col]).rstrip()

    out = [line(HEADERS), "  ".join("─" * widths[c] for c in columns if widths[c])]
    by_row = iter(good)
    for r in rows:
        if r.get("error") is None:
            out.append(line(next(by_row)))
        else:
            name = village_name(r)
            error, path = clean_line(r["error"]), clean_line(r["path"])
            out.append(f"{clean_line(name).ljust(widths['village'])}  ✗ {error}  ({path})")
    out.append("")
    out.append(summary_text(summary(rows)) + f" (stilgevallen: langer dan {stalled_days} dagen)")
    out.append(LEGEND)
    return "\n".join(out)


def json_bytes(rows: Sequence[Row]) -> bytes:
    """One JSON document as UTF-8: a list, one village per line (readable, and quick for
    1,000: a cached row is already UTF-8, see :class:`CachedRow`).

    It holds no control character (json escapes C0, :func:`json_safe` the rest; a cached
    line was made safe when it was cached), so it may go to the terminal without
    :func:`~gzctl.core.outtext.clean` (:func:`~gzctl.core.outtext.write_utf8`)."""
    import json

    if not rows:
        return b"[]"
    body = b",\n ".join(
        r.line
        if isinstance(r, CachedRow)
        else json_safe(json.dumps(r, ensure_ascii=False)).encode("utf-8")
        for r in rows
    )
    return b"[\n " + body + b"\n]"


CSV_COLUMNS: tuple[tuple[str, Callable[[Row], Any]], ...] = (
    ("Map", lambda r: r["path"]),
    ("Dorp", lambda r: r["village"]["name"]),
    ("Gemeente", lambda r: r["village"]["municipality"]),
    ("Provincie", lambda r: r["village"]["province"]),
    ("Stappenplan", lambda r: r["playbook"]["id"]),
    ("Versie stappenplan", lambda r: r["playbook"]["version"]),
    ("Fase", lambda r: r["phase"]["title"]),
    ("Voortgang (%)", lambda r: r["progress"]["percent"]),
    ("Acties gedaan", lambda r: r["progress"]["done"]),
    ("Acties totaal", lambda r: r["progress"]["total"]),
    ("Organisaties aangesloten", lambda r: _pair(r, 0)),
    ("Organisaties geïnventariseerd", lambda r: _pair(r, 1)),
    ("Bereik (%)", lambda r: _num(reach_percent(r))),
    ("Ontmoetingsplek gekozen", lambda r: _yn(flag(r, "meeting_place", "chosen"))),
    ("Coördinator aangesteld", lambda r: _yn(flag(r, "coordinator", "appointed"))),
    ("Platforms actief", lambda r: _num(platforms_active(r))),
    ("Laatste activiteit", lambda r: (r.get("last_activity") or "")[:10]),
    ("Dagen sinds activiteit", lambda r: _num(r.get("days_since_activity"))),
    ("Stilgevallen", lambda r: "ja" if r.get("stalled") else "nee"),
)


def _pair(r: Row, i: int) -> str:
    orgs = organisations(r)
    return "" if orgs is None else str(orgs[i])


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")  # Dutch Excel reads a decimal comma
    return str(value)


def _yn(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nee")


def csv_text(rows: Sequence[Row]) -> str:
    """For Excel in a Dutch locale: ';' between fields, CRLF; the caller adds the UTF-8 BOM.
    Unknown figures are empty cells; the last column holds a row's error."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([h for h, _ in CSV_COLUMNS] + ["Fout"])
    for r in rows:
        if r.get("error") is not None:
            blank = [""] * (len(CSV_COLUMNS) - 1)
            writer.writerow([report_cell(r["path"]), *blank, report_cell(r["error"])])
        else:
            writer.writerow([report_cell(get(r)) for _, get in CSV_COLUMNS] + [""])
    return buf.getvalue()
