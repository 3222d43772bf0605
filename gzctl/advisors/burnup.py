"""Done items over time, from a village's history: the data and the drawings of a burn-up chart.

The history says when items were ticked ("done") and ticked back ("undo"), with their ids.
That is replayed day by day. Two things the history cannot tell are filled in so that the
chart always ends at the figure ``gzctl status`` shows:

* an item that is done now but never appears in a done/undo entry (ticked by hand-editing
  gzctl.toml, or done automatically by a ``done_when`` condition) counts from its checklist
  date, or, without one, from the day of the last activity;
* when the replay ends elsewhere than the current count (say an item was set back by editing
  the file), a last point on that same day corrects it.

Everything here is pure: history, checklist, the ids done now and today come in as arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from html import escape

from gzctl.core.model import ChecklistEntry, HistoryEntry, Project
from gzctl.core.playbook import Playbook
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@_frozen_record
class Burnup(_FrozenRecord):
    """``points``: (day, items done at the end of that day), only on days the count changed,
    in date order. ``start``..``end`` is the span to draw (first activity .. today)."""

    points: tuple[tuple[dt.date, int], ...]
    total: int
    start: dt.date
    end: dt.date

    def done_on(self, day: dt.date) -> int:
        """Items done at the end of ``day`` (a step function of the points)."""
        count = 0
        for when, value in self.points:
            if when > day:
                break
            count = value
        return count

    def to_json(self) -> dict[str, object]:
        """Plain JSON values, for the portfolio cache and the dashboard."""
        return {
            "total": self.total,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "points": [[d.isoformat(), n] for d, n in self.points],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Burnup:
        """The chart back from :meth:`to_json` (a cached portfolio row)."""
        raw = data["points"]
        assert isinstance(raw, list)
        total = data["total"]
        assert isinstance(total, int)
        return cls(
            points=tuple((dt.date.fromisoformat(d), int(n)) for d, n in raw),
            total=total,
            start=dt.date.fromisoformat(str(data["start"])),
            end=dt.date.fromisoformat(str(data["end"])),
        )


def burnup(
    history: Sequence[HistoryEntry],
    checklist: Mapping[str, ChecklistEntry],
    done_now: Collection[str],
    item_ids: Collection[str],
    today: dt.date,
) -> Burnup:
    """Replay the done/undo entries of ``history``; count only ids in ``item_ids`` (ids of
    another playbook or a renamed item do not count, as in ``gzctl status``)."""
    universe = set(item_ids)
    now_done = set(done_now) & universe
    # (day, sequence, +1/-1, id); the sequence keeps the history's order within a day
    events: list[tuple[dt.date, int, int, str]] = []
    seen: set[str] = set()
    ordered = sorted(enumerate(history), key=lambda pair: (pair[1].at, pair[0]))
    for seq, entry in ordered:
        if entry.action not in ("done", "undo"):
            continue
        sign = 1 if entry.action == "done" else -1
        for item_id in entry.ids:
            events.append((entry.at.date(), seq, sign, item_id))
            seen.add(item_id)
    last_day = max((h.at.date() for h in history), default=None)
    fallback = last_day or today
    for item_id in sorted(now_done - seen):
        entry_ = checklist.get(item_id)
        day = entry_.date if entry_ is not None and entry_.date is not None else fallback
        events.append((day, -1, 1, item_id))
    events.sort(key=lambda e: (e[0], e[1]))

    points: list[tuple[dt.date, int]] = []
    state: set[str] = set()
    previous = 0
    i = 0
    while i < len(events):
        day = events[i][0]
        while i < len(events) and events[i][0] == day:
            _, _, sign, item_id = events[i]
            if sign > 0:
                state.add(item_id)
            else:
                state.discard(item_id)
            i += 1
        count = len(state & universe)
        if count != previous:
            points.append((day, count))
            previous = count
    if state & universe != now_done:
        day = max(points[-1][0] if points else fallback, fallback)
        if points and points[-1][0] == day:
            points.pop()
        if not points or points[-1][1] != len(now_done):
            points.append((day, len(now_done)))

    firsts = [d for d, _ in points] + [h.at.date() for h in history]
    start = min(firsts, default=today)
    end = max([today, *(d for d, _ in points)])
    return Burnup(tuple(points), len(universe), start, end)


def project_burnup(playbook: Playbook, project: Project, today: dt.date) -> Burnup:
    """The burn-up of one village, ending at the count `gzctl status` shows today."""
    from gzctl.core.progress import statuses

    st = statuses(playbook, project)
    done = [item_id for item_id, s in st.items() if s.done]
    return burnup(project.history, project.checklist, done, list(st), today)


# --------------------------------------------------------------------------- drawing


def short_date(day: dt.date) -> str:
    """'3 okt 2026': short enough for an axis label."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def _column_days(b: Burnup, width: int) -> list[dt.date]:
    """The day each column stands for: the last day of its slice, so the last column is 'end'."""
    span = (b.end - b.start).days + 1
    return [
        b.start + dt.timedelta(days=max(((c + 1) * span) // width - 1, (c * span) // width))
        for c in range(width)
    ]


BLOCKS = " ▁▂▃▄▅▆▇█"


def chart_text(b: Burnup, width: int = 60, height: int = 10) -> str:
    """A block-character chart for the terminal: columns are days, height is items done,
    the top of the frame is the playbook's total."""
    width = max(width, 10)
    height = max(height, 3)
    days = _column_days(b, width)
    values = [b.done_on(d) for d in days]
    total = max(b.total, 1)
    eighths = [round(v * height * 8 / total) for v in values]
    label_w = len(str(b.total))
    half = height // 2
    lines = []
    for row in range(height):
        floor = (height - 1 - row) * 8
        cells = "".join(BLOCKS[min(max(e - floor, 0), 8)] for e in eighths)
        if row == 0:
            label = str(b.total)
        elif row == half:
            label = str(round(b.total * (height - row) / height))
        else:
            label = ""
        axis = f"{label:>{label_w}} ┤" if label else f"{'':>{label_w}} │"
        lines.append((axis + cells).rstrip())
    lines.append(f"{'0':>{label_w}} └" + "─" * width)
    left, right = short_date(b.start), short_date(b.end)
    gap = max(width - len(left) - len(right), 1)
    lines.append(" " * (label_w + 2) + left + " " * gap + right)
    return "\n".join(lines)


MIN_SPAN_DAYS = 28


def chart_svg(b: Burnup, title: str, width: int = 360, height: int = 140) -> str:
    """An inline SVG (no external references): the done line as steps, the total dashed."""
    left, right, top, bottom = 34, 30, 10, 22
    plot_w = width - left - right
    plot_h = height - top - bottom
    # a village that started last week still gets a readable chart: at least four weeks wide
    # (the line stops at today), and the count done so far written at the line's end
    span = max((b.end - b.start).days, MIN_SPAN_DAYS)
    axis_end = b.start + dt.timedelta(days=span)
    total = max(b.total, 1)

    def x(day: dt.date) -> float:
        return left + plot_w * (day - b.start).days / span

    def y(count: int) -> float:
        return top + plot_h * (1 - count / total)

    coords: list[tuple[float, float]] = [(x(b.start), y(0))]
    value = 0
    for day, count in b.points:
        px = x(day)
        coords.append((px, y(value)))
        coords.append((px, y(count)))
        value = count
    coords.append((x(b.end), y(value)))
    line = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
    area = line + f" {x(b.end):.1f},{y(0):.1f} {x(b.start):.1f},{y(0):.1f}"
    done = b.done_on(b.end)
    label = f"{title}: {done} van {b.total} acties gedaan"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="burnup" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
        f'<line x1="{left}" y1="{y(total):.1f}" x2="{left + plot_w}" y2="{y(total):.1f}" '
        'stroke="#9a9a9a" stroke-dasharray="4 3" stroke-width="1"/>'
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#555" stroke-width="1"/>'
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" '
        'stroke="#555" stroke-width="1"/>'
        f'<polygon points="{area}" fill="#2e7d5b" fill-opacity="0.15"/>'
        f'<polyline points="{line}" fill="none" stroke="#2e7d5b" stroke-width="2"/>'
        f'<text x="{left - 4}" y="{y(total) + 4:.1f}" text-anchor="end">{b.total}</text>'
        f'<text x="{left - 4}" y="{top + plot_h + 4}" text-anchor="end">0</text>'
        f'<text x="{x(b.end) + 3:.1f}" y="{y(value) + 4:.1f}" fill="#2e7d5b">{done}</text>'
        f'<text x="{left}" y="{height - 6}">{escape(short_date(b.start))}</text>'
        f'<text x="{left + plot_w}" y="{height - 6}" text-anchor="end">'
        f"{escape(short_date(axis_end))}</text>"
        "</svg>"
    )
