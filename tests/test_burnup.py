"""The burn-up derivation on hand-made histories, and its two drawings."""

from __future__ import annotations

import datetime as dt

from gzctl.advisors.burnup import Burnup, burnup, chart_svg, chart_text
from gzctl.core.model import ChecklistEntry, HistoryEntry

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 3, 20)
ITEMS = ["v.a", "v.b", "v.c", "v.d", "w.e"]


def at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=TZ)


def h(day: int, action: str, *ids: str, hour: int = 12) -> HistoryEntry:
    return HistoryEntry(at=at(day, hour), who="tester", action=action, what=action, ids=list(ids))


HISTORY = [
    h(1, "init"),
    h(2, "done", "v.a", "v.b"),
    h(3, "undo", "v.a", hour=9),
    h(3, "done", "v.c", hour=10),
    h(4, "answer", "verkennen.startdatum"),
    h(6, "done", "v.a"),
]


def test_replays_done_and_undo_day_by_day() -> None:
    b = burnup(HISTORY, {}, ["v.a", "v.b", "v.c"], ITEMS, TODAY)
    # day 3: one undone and one done -> still 2, so no point that day
    assert b.points == ((dt.date(2026, 3, 2), 2), (dt.date(2026, 3, 6), 3))
    assert b.start == dt.date(2026, 3, 1) and b.end == TODAY
    assert b.total == 5
    assert b.done_on(dt.date(2026, 3, 1)) == 0
    assert b.done_on(dt.date(2026, 3, 4)) == 2
    assert b.done_on(TODAY) == 3


def test_undo_on_a_later_day_goes_down() -> None:
    history = [h(1, "done", "v.a", "v.b"), h(5, "undo", "v.b")]
    b = burnup(history, {}, ["v.a"], ITEMS, TODAY)
    assert b.points == ((dt.date(2026, 3, 1), 2), (dt.date(2026, 3, 5), 1))


def test_ids_outside_the_playbook_do_not_count() -> None:
    history = [h(1, "done", "oud.weg", "v.a")]
    b = burnup(history, {}, ["v.a"], ITEMS, TODAY)
    assert b.points == ((dt.date(2026, 3, 1), 1),)


def test_item_ticked_by_editing_the_file_counts_from_its_checklist_date() -> None:
    checklist = {"v.d": ChecklistEntry(done=True, date=dt.date(2026, 3, 4), by="Petra")}
    b = burnup(HISTORY, checklist, ["v.a", "v.b", "v.c", "v.d"], ITEMS, TODAY)
    assert b.points == (
        (dt.date(2026, 3, 2), 2),
        (dt.date(2026, 3, 4), 3),
        (dt.date(2026, 3, 6), 4),
    )


def test_automatic_item_without_a_date_counts_from_the_last_activity() -> None:
    b = burnup(HISTORY, {}, ["v.a", "v.b", "v.c", "w.e"], ITEMS, TODAY)
    assert b.points[-1] == (dt.date(2026, 3, 6), 4)


def test_ends_at_the_current_count_when_the_file_was_set_back_by_hand() -> None:
    # history says v.a, v.b, v.c are done; the file now only has v.a
    b = burnup(HISTORY, {}, ["v.a"], ITEMS, TODAY)
    assert b.points[-1] == (dt.date(2026, 3, 6), 1)
    assert b.done_on(TODAY) == 1


def test_entries_out_of_order_are_replayed_by_time() -> None:
    history = [h(5, "undo", "v.a"), h(2, "done", "v.a")]
    b = burnup(history, {}, [], ITEMS, TODAY)
    assert b.points == ((dt.date(2026, 3, 2), 1), (dt.date(2026, 3, 5), 0))


def test_empty_history() -> None:
    b = burnup([], {}, [], ITEMS, TODAY)
    assert b.points == () and b.start == TODAY == b.end
    assert "0 └" in chart_text(b)


def test_json_round_trip() -> None:
    b = burnup(HISTORY, {}, ["v.a", "v.b", "v.c"], ITEMS, TODAY)
    assert Burnup.from_json(b.to_json()) == b


def test_chart_text_fills_to_the_done_share() -> None:
    b = Burnup(((dt.date(2026, 3, 1), 5),), 5, dt.date(2026, 3, 1), dt.date(2026, 3, 10))
    text = chart_text(b, width=20, height=4)
    lines = text.splitlines()
    assert lines[0].startswith("5 ┤") and lines[0].endswith("█" * 20)
    assert lines[4] == "0 └" + "─" * 20
    assert "1 mrt 2026" in lines[5] and "10 mrt 2026" in lines[5]


def test_chart_text_half_done_is_half_high() -> None:
    b = Burnup(((dt.date(2026, 3, 1), 2),), 4, dt.date(2026, 3, 1), dt.date(2026, 3, 2))
    rows = chart_text(b, width=10, height=4).splitlines()[:4]
    assert [r.endswith("█" * 10) for r in rows] == [False, False, True, True]


def test_chart_svg_is_inline_and_escaped() -> None:
    b = burnup(HISTORY, {}, ["v.a", "v.b", "v.c"], ITEMS, TODAY)
    svg = chart_svg(b, 'Dorp <&> "x"')
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "Dorp &lt;&amp;&gt; &quot;x&quot;" in svg
    assert "href" not in svg and "url(" not in svg
    assert "3 van 5 acties gedaan" in svg
