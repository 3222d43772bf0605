"""Plain-text views (status, next, log) built from core data; the shell only prints them.

These deliberately avoid rich so that ``gzctl status`` starts as fast as the interpreter
allows; colour is plain ANSI and only when the caller says the terminal wants it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gzctl.core.questions import format_date
from gzctl.core.words import count

BAR_WIDTH = 20


class Style:
    """Terminal styling that is only applied when ``color`` is on."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def bold(self, text: str) -> str:
        """The text in bold."""
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        """The text dimmed."""
        return self._wrap("2", text)

    def green(self, text: str) -> str:
        """The text in green."""
        return self._wrap("32", text)

    def yellow(self, text: str) -> str:
        """The text in yellow."""
        return self._wrap("33", text)

    def cyan(self, text: str) -> str:
        """The text in cyan."""
        return self._wrap("36", text)


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A progress bar of ``width`` blocks."""
    filled = round(width * done / total) if total else width
    return "█" * filled + "░" * (width - filled)


def number_nl(n: int) -> str:
    """An integer with Dutch thousands dots."""
    return f"{n:,}".replace(",", ".")


def ago(days: int | None) -> str:
    """How long ago, in Dutch words ("vandaag", "gisteren", "3 dagen geleden")."""
    if days is None:
        return "nog niets gedaan"
    if days <= 0:
        return "vandaag"
    if days == 1:
        return "gisteren"
    return f"{days} dagen geleden"


# the rows a short view may take: one 24-row window, less the line of the command typed and
# the prompt after it
SCREEN_ROWS = 22


def short_later(later: list[str], most: int = 3) -> list[str]:
    """:func:`later_lines` for a one-screen view: the head, at most ``most`` questions (and
    how many more), the line that says where to fill them in."""
    if len(later) <= most + 2:
        return later
    hidden = len(later) - 2 - most
    return [*later[: 1 + most], f"  … en nog {hidden}", later[-1]]


def short_status_lines(data: dict[str, Any], style: Style, width: int | None,
                       rows: int = SCREEN_ROWS, later: list[str] | None = None,
                       ) -> list[str]:  # fmt: skip
    """``gzctl status`` as it fits one window of ``rows`` lines at ``width`` columns: the
    village, the phase bars, the network in two or three lines, the network's year (meetings
    and planning), and as many of the next actions (numbered as ``gzctl next`` numbers them:
    ``gzctl done 1``) as there is room for, at least one. When even one does not fit, the
    last activity, "Huidige fase", the hints, the year's lines and then all but one of the
    questions left for later make room; the first action is cut short (…) only when that is
    still not enough. The whole view is
    :func:`status_text` (``gzctl status --alles``)."""
    from gzctl.cli.table import fit

    def fitted(lines: list[str]) -> list[str]:
        return fit("\n".join(lines), width).split("\n") if lines else []

    v = data["village"]
    head = style.bold(v["name"] or "(naamloos dorp)")
    if v["inhabitants"]:
        head += f" · {number_nl(v['inhabitants'])} inwoners"
    phases = [x for x in phase_lines(data, style) if x]
    network = network_summary(data, style, width)
    warned = [style.yellow(w) for w in data.get("warnings") or []]
    lines = [head, *conflict_lines(data, style), *warned, *phases, "", *network[:-1]]
    year = fitted(year_lines(data, style, width))
    after = ["", *short_later(later)] if later else []  # the questions left for later
    last = [last_activity_line(data)]
    foot = [
        style.dim("Afvinken: gzctl done 1 (het nummer)"),
        style.dim("Meer: gzctl next   Alles: gzctl status --alles"),
    ]
    items = data["next"]
    if not items:
        done = style.green("Alle acties van het stappenplan zijn gedaan.")
        return [*fitted(lines), *year, *fitted([*after, *last, "", done])]
    entries = []
    for n, item in enumerate(items, start=1):
        entry = fitted([f"{n:>2}. {item['title']}"])
        entries.append([entry[0]] + ["    " + e.lstrip() for e in entry[1:]])
    base = fitted(lines)
    for drop in range(6):
        # make room for the first action: no last activity, no "Huidige fase" (the ▶ says
        # it too), no hints, no lines of the year (status --alles has them), one question
        # left for later instead of three (Heukelum at 60 columns: the village's name went
        # off the top of the window)
        if drop == 1:
            last = []
        elif drop == 2:
            base.remove(phases[0])
        elif drop == 3:
            foot = []
        elif drop == 4:
            year = []
        elif drop == 5 and later:
            after = ["", *short_later(later, most=1)]
        tail = fitted(foot)
        top = [*base, *year, *fitted([*after, *last]), "", style.bold("Volgende acties:")]
        if len(top) + len(entries[0]) + len(tail) <= rows:
            break
    shown: list[str] = _cut(entries[0], rows - len(top) - len(tail), width)
    for entry in entries[1:]:
        if len(top) + len(shown) + len(entry) + len(tail) > rows:
            break
        shown = shown + entry
    return [*top, *shown, *tail]


def _cut(entry: list[str], room: int, width: int | None) -> list[str]:
    """An action's lines cut to ``room`` (at least one), the last one ending in '…'."""
    if len(entry) <= max(room, 1):
        return entry
    kept = entry[: max(room, 1)]
    end = kept[-1].rstrip()
    if len(end) + 2 > (width or 80):  # no room for ' …': the last word goes (never half)
        end = end[: (width or 80) - 1].rsplit(" ", 1)[0].rstrip()
    return [*kept[:-1], end + " …"]


def year_lines(data: dict[str, Any], style: Style, width: int | None = None) -> list[str]:
    """The network's year in the short status: the next meeting and the open actions of
    the meetings (how many late), and the planning's next milestone (how many late), each
    only when the village has it; on one line while it fits ``width``, else two."""
    parts: list[tuple[str, str]] = []  # (what it says, how many late)
    meetings = data.get("meetings")
    if meetings:
        actions = meetings.get("open_actions") or []
        said = []
        if meetings.get("next"):
            said.append(f"volgende op {_day(meetings['next']['date'])}")
        if actions:
            said.append(f"{len(actions)} open {'actie' if len(actions) == 1 else 'acties'}")
        late = sum(1 for a in actions if a["late"])
        if said:
            parts.append(("Overleg: " + ", ".join(said), f", {late} te laat" if late else ""))
    planning = data.get("planning")
    if planning and (planning.get("next") or planning.get("late")):
        nxt, n = planning.get("next"), len(planning.get("late") or [])
        text = f"volgende mijlpaal op {_day(nxt['date'])}" if nxt else ""
        late_text = f"{n} {'mijlpaal' if n == 1 else 'mijlpalen'} te laat" if n else ""
        if text and late_text:
            late_text = "; " + late_text
        parts.append(("Planning: " + text, late_text))
    plain = [said + late for said, late in parts]
    shown = [said + (style.yellow(late) if late else "") for said, late in parts]
    if len(parts) == 2 and len(plain[0]) + 3 + len(plain[1]) <= (width or 80):
        return [shown[0] + " · " + shown[1]]
    return shown


def _day(iso: str) -> str:
    """'2027-01-07' -> '7 januari 2027'."""
    return format_date(dt.date.fromisoformat(iso))


def phase_lines(data: dict[str, Any], style: Style) -> list[str]:
    """The current phase and one bar per phase, with the total."""
    phase = data["phase"]
    lines = [f"Huidige fase: {style.bold(phase['title'])}", ""]
    width = max(len(p["title"]) for p in data["phases"]) if data["phases"] else 6
    width = max(width, len("Totaal"))
    for p in data["phases"]:
        marker = "▶ " if p["id"] == phase["id"] else "  "
        b = bar(p["done"], p["total"])
        b = (
            style.green(b)
            if p["done"] == p["total"]
            else (style.cyan(b) if p["done"] else style.dim(b))
        )
        count = f"{p['done']:>2}/{p['total']:<2}"
        lines.append(f"{marker}{p['title']:<{width}}  {b}  {count}  {p['percent']:>3}%")
    prog = data["progress"]
    lines.append(
        f"  {'Totaal':<{width}}  {bar(prog['done'], prog['total'])}  "
        f"{prog['done']:>2}/{prog['total']:<2}  {prog['percent']:>3}%"
    )
    return lines


def network_summary(data: dict[str, Any], style: Style, width: int | None = None) -> list[str]:
    """The organisations, platforms, meeting place and Coördinator in as few lines as fit
    ``width`` (each part only when the village has it, never broken); a blank line after."""
    lines: list[str] = []
    orgs = data.get("organisations")
    if orgs and orgs["inventoried"]:
        per = orgs["by_status"]
        rest = ", ".join(
            f"{s} {per[s]}" for s in ("benaderd", "uitgenodigd", "afgehaakt") if per.get(s)
        )
        text = f"Organisaties: {orgs['inventoried']} in kaart, {orgs['joined']} aangesloten"
        if rest and len(text) + len(rest) + 3 <= (width or 80):  # on one line, or left out
            text += f" ({rest})"
        lines.append(text)
    platforms = data.get("platforms")
    if isinstance(platforms, list) and platforms:
        active = sum(1 for p in platforms if p.get("status") == "actief")
        lines.append(f"Platforms: {len(platforms)}, waarvan {active} actief")
    parts = []
    place = data.get("meeting_place")
    if isinstance(place, dict):
        chosen = place.get("chosen")
        parts.append(
            f"Ontmoetingsplek: {place['name']}" if chosen else "Ontmoetingsplek: nog niet gekozen"
        )
    coord = data.get("coordinator")
    if isinstance(coord, dict):
        title = coord.get("title") or "Coördinator"
        parts.append(
            f"{title}: {coord['name']}" if coord.get("appointed")
            else f"{title}: nog niet aangesteld"
        )  # fmt: skip
    out: list[str] = []
    for part in [*lines, *parts]:  # parts share a line while it fits
        if out and len(out[-1]) + 3 + len(part) <= (width or 80):
            out[-1] += " · " + part
        else:
            out.append(part)
    return [*out, ""] if out else []


def status_text(data: dict[str, Any], style: Style) -> str:
    """The whole status view (``gzctl status --alles``); its hints are plain ('gzctl done
    ID'): the output stream adds the -C folder (gzctl/core/outtext.py: hinted)."""
    v = data["village"]
    lines = []
    title = v["name"] or "(naamloos dorp)"
    where = ", ".join(
        x
        for x in (f"gemeente {v['municipality']}" if v["municipality"] else "", v["province"])
        if x
    )
    head = style.bold(title) + (f"  ({where})" if where else "")
    if v["inhabitants"]:
        head += f" · {number_nl(v['inhabitants'])} inwoners"
    lines.append(head)
    lines += conflict_lines(data, style)
    lines += [style.yellow(w) for w in data.get("warnings") or []]
    pb = data["playbook"]
    lines.append(style.dim(f"Stappenplan: {pb['title']} (versie {pb['version']})"))
    lines.append("")
    lines += phase_lines(data, style)
    lines.append("")
    lines += planning_lines(data.get("planning"), style)
    lines += organisation_lines(data, style)
    lines += platform_lines(data, style)
    lines += place_and_coordinator_lines(data, style)
    lines += action_lines(data.get("meetings"), style)
    lines += still_in_lines(data.get("still_in"), style)
    if data["next"]:
        lines.append(style.bold("Volgende acties:"))
        for n, item in enumerate(data["next"], start=1):
            lines.append(f"{n:>3}. {item['title']}")
            lines.append(f"     {style.dim(item.get('shown_id') or item['id'])}")
        lines.append(style.dim("Afvinken: gzctl done NUMMER"))
        lines.append(style.dim("Meer: gzctl next --alles"))
    else:
        lines.append(style.green("Alle acties van het stappenplan zijn gedaan."))
    lines.append("")
    lines.append(last_activity_line(data))
    return "\n".join(lines)


def last_activity_line(data: dict[str, Any]) -> str:
    """'Laatste activiteit: 3 dagen geleden (4 december 2026)'."""
    last = data["last_activity"]
    if not last:
        return "Laatste activiteit: nog niets gedaan"
    when = dt.datetime.fromisoformat(last)
    return f"Laatste activiteit: {ago(data['days_since_activity'])} ({format_date(when.date())})"


def planning_lines(planning: dict[str, Any] | None, style: Style) -> list[str]:
    """The planning in one line (``status``'s ``planning``, present when the village gave a
    deadline): the next milestone and its date, how many are late."""
    if not planning:
        return []
    nxt = planning.get("next")
    late = planning.get("late") or []
    lines = []
    if nxt:
        when = format_date(dt.date.fromisoformat(nxt["date"]))
        head = f"Planning: volgende mijlpaal op {when}"
    else:
        head = "Planning: geen volgende mijlpaal meer"
    lines.append(head + (style.yellow(f"; {len(late)} te laat") if late else ""))
    if nxt:
        lines.append(f"  {nxt['title']}")
    if late:
        first = late[0]
        since = format_date(dt.date.fromisoformat(first["date"]))
        lines.append(style.yellow(f"  te laat sinds {since}: {first['title']}"))
    return [*lines, style.dim("  Alle mijlpalen: gzctl planning"), ""]


def conflict_lines(data: dict[str, Any], style: Style) -> list[str]:
    """A merge that found the same value changed two ways: shown first, until resolved."""
    rows = data.get("conflicts") or []
    if not rows:
        return []
    title = f"Samenvoegconflict: {len(rows)} waarde(n) aan beide kanten anders veranderd"
    lines = ["", style.yellow(title + " (er staat nu jouw versie):")]
    for row in rows:
        lines.append(f"  • {row['key']}: {row['mine']} of {row['other']}")
    lines.append(style.dim("  Kies: gzctl merge resolve SLEUTEL --mine of --other"))
    lines.append("")
    return lines


def organisation_lines(data: dict[str, Any], style: Style) -> list[str]:
    """Inventoried, joined and reach, under the progress bars (empty list without data)."""
    orgs = data.get("organisations")
    if not orgs:
        return []
    if not orgs["inventoried"]:
        return ["Organisaties: nog geen in kaart (gzctl org add, gzctl org import)", ""]
    per = orgs["by_status"]
    rest = ", ".join(
        f"{s} {per[s]}" for s in ("benaderd", "uitgenodigd", "afgehaakt") if per.get(s)
    )
    lines = [
        f"Organisaties: {style.bold(str(orgs['inventoried']))} in kaart, "
        f"{style.bold(str(orgs['joined']))} aangesloten" + (f" ({rest})" if rest else "")
    ]
    reach = data.get("reach")
    if reach and reach["achterban"]:
        text = f"Bereik: opgeteld {number_nl(reach['achterban'])} mensen"
        if reach["inhabitants"]:
            text += f" op {number_nl(reach['inhabitants'])} inwoners ({reach['percent']}%)"
        lines.append(text)
        lines.append(style.dim("  een bovengrens: veel inwoners zijn lid van meer dan één club"))
    lines.append("")
    return lines


def place_and_coordinator_lines(data: dict[str, Any], style: Style) -> list[str]:
    """The chosen meeting place and the appointed Coördinator, or what is still open."""
    place = data.get("meeting_place")
    coord = data.get("coordinator")
    lines: list[str] = []
    if isinstance(place, dict):
        if place.get("chosen"):
            lines.append(f"Ontmoetingsplek: {style.bold(str(place['name']))}")
        else:
            n = place.get("candidates") or 0
            extra = f"{count(n, 'kandidaat-plek', 'kandidaat-plekken')}; " if n else ""
            lines.append(f"Ontmoetingsplek: nog niet gekozen ({extra}gzctl place list)")
    if isinstance(coord, dict):
        title = coord.get("title") or "Coördinator"
        if coord.get("appointed"):
            lines.append(f"{title}: {style.bold(str(coord['name']))} (aangesteld)")
        else:
            n = coord.get("candidates") or 0
            what = f"{n} kandida{'at' if n == 1 else 'ten'}" if n else "nog geen kandidaten"
            if not coord.get("profile"):
                what += ", profiel nog niet af"
            lines.append(f"{title}: nog niet aangesteld ({what})")
    if lines:
        lines.append("")
    return lines


def action_lines(meetings: dict[str, Any] | None, style: Style, limit: int = 3) -> list[str]:
    """The open actions agreed in meetings (``status``'s ``meetings``), the first few by
    date, late ones marked; empty without meetings."""
    if not meetings:
        return []
    actions = meetings.get("open_actions") or []
    late = sum(1 for a in actions if a["late"])
    head = f"Overleg: {meetings['held']} geweest, {meetings['planned']} gepland"
    if meetings.get("next"):
        head += f" (volgende: {format_date(dt.date.fromisoformat(meetings['next']['date']))})"
    lines = [head]
    if actions:
        text = f"{len(actions)} open {'actie' if len(actions) == 1 else 'acties'}"
        lines.append(style.bold("Acties uit het overleg:") + f" {text}"
                     + (style.yellow(f", {late} te laat") if late else ""))  # fmt: skip
        for a in actions[:limit]:
            lines += action_item(a, style)
        if len(actions) > limit:
            lines.append(style.dim(f"  en nog {len(actions) - limit}: gzctl next"))
    lines.append("")
    return lines


def still_in_lines(rows: list[dict[str, Any]] | None, style: Style, limit: int = 3) -> list[str]:
    """The yearly "doen jullie nog mee?" (``status``'s ``still_in``): joined organisations
    without a sign of activity for six months, the first few, and the commands for the
    answer; empty when there are none."""
    if not rows:
        return []
    lines = [style.bold("Doen jullie nog mee?") + " Een half jaar niets gezien van:"]
    for row in rows[:limit]:
        lines += still_in_item(row, style)
    if len(rows) > limit:
        lines.append(style.dim(f"  en nog {len(rows) - limit}: gzctl next"))
    lines.append(style.dim("  Ja: gzctl org nog-mee ID    Nee: gzctl org status ID afgehaakt"))
    lines.append("")
    return lines


def still_in_item(row: dict[str, Any], style: Style) -> list[str]:
    """One organisation to ask: '☐ KBO Ooltwijk — laatst iets gezien op 3 mei 2026', its id."""
    if row["last_sign"]:
        when = "laatst iets gezien op " + format_date(dt.date.fromisoformat(row["last_sign"]))
    else:
        when = "nog nooit iets gezien"
    return [f"  ☐ {row['name']} — {when}", f"    {style.dim(row['id'])}"]


def action_item(a: dict[str, Any], style: Style) -> list[str]:
    """One open action: '☐ what — organisation, vóór 1 februari 2027 (te laat)', its id."""
    due = f", vóór {format_date(dt.date.fromisoformat(a['due']))}" if a["due"] else ""
    late = style.yellow(" (te laat)") if a["late"] else ""
    return [f"  ☐ {a['text']} — {a['by_name'] or 'geen organisatie'}{due}{late}",
            f"    {style.dim(a['id'])}"]  # fmt: skip


def platform_lines(data: dict[str, Any], style: Style) -> list[str]:
    """One line per platform: status, members and its own checklist (empty without any)."""
    platforms = data.get("platforms")
    if not isinstance(platforms, list) or not platforms:
        return []
    active = sum(1 for p in platforms if p.get("status") == "actief")
    lines = [style.bold("Platforms:") + f" {len(platforms)}, waarvan {active} actief"]
    for p in platforms:
        members = len(p.get("members") or [])
        text = f"  {p['title']} · {p['status']} · {members} {'lid' if members == 1 else 'leden'}"
        if p.get("tasks_total"):
            text += f" · stappen {p['tasks_done']}/{p['tasks_total']}"
        lines.append(text)
    lines.append("")
    return lines


def next_text(
    items: list[dict[str, Any]], style: Style, phases: dict[str, str], width: int | None = None
) -> str:
    """Every open action (``gzctl next --alles``) with its number, id and why, per phase;
    the ones waiting for another action under a heading of their own."""
    from gzctl.cli.table import fit

    """The next items as text, grouped by phase."""
    if not items:
        return style.green("Er zijn geen open acties meer.")
    lines: list[str] = []
    current = None
    waiting = False
    for item in items:
        if not item.get("ready", True) and not waiting:
            waiting, current = True, None
            lines += ["", style.bold("Later: deze wachten nog op een eerdere actie")]
        if item["phase"] != current:
            current = item["phase"]
            if lines:
                lines.append("")
            lines.append(style.bold(phases.get(current, current)))
        lines.append(f"{item.get('number', ''):>4}. {item['title']}")
        lines.append(f"      {style.dim(item.get('shown_id') or item['id'])}")
        if item.get("why"):
            lines.append(f"      {style.dim(item['why'])}")
    return fit("\n".join(lines), width)


def short_next_lines(
    items: list[dict[str, Any]], style: Style, phases: dict[str, str], width: int | None,
    total: int, rows: int = SCREEN_ROWS, later: list[str] | None = None,
    extra: list[str] | None = None,
) -> list[str]:  # fmt: skip
    """``gzctl next`` as it fits one window: the actions that can be done now, numbered,
    titles only, as many as there is room for; then how to tick one off and where the rest
    is (``--alles``: with ids, why, and the ones still waiting)."""
    from gzctl.cli.table import fit

    if not items:
        return [style.green("Er zijn geen open acties meer.")]
    foot = fit(
        style.dim("Afvinken: gzctl done 1 (het nummer)") + "\n"
        + style.dim("Alles, met id en uitleg: gzctl next --alles"),
        width,
    ).split("\n")  # fmt: skip
    if later:  # the questions left for later, under the hints
        foot += ["", *fit("\n".join(short_later(later)), width).split("\n")]
    if extra:  # one more line under the hints (the open actions of the meetings)
        foot += fit("\n".join(extra), width).split("\n")
    lines: list[str] = []
    current = None
    shown = 0
    for item in items:
        block = []
        if item["phase"] != current:
            block.append(style.bold(phases.get(item["phase"], item["phase"])))
        entry = fit(f"{item['number']:>3}. {item['title']}", width).split("\n")
        block += [entry[0]] + ["     " + e.lstrip() for e in entry[1:]]
        if shown and len(lines) + len(block) + 2 + len(foot) > rows:
            break
        lines += block
        current = item["phase"]
        shown += 1
    head = f"Nu op te pakken: {shown} van {total} open acties"
    return [style.bold(head), *lines, "", *foot]


def later_lines(playbook: Any, project: Any, style: Style) -> list[str]:
    """The questions left for later ("Later invullen") with the step to fill them in; an empty
    list when there are none."""
    if not project.wizard.later:
        return []  # the usual case: nothing more to import
    from gzctl.core.answers import later_questions, step_number

    open_ = later_questions(playbook, project)
    if not open_:
        return []
    lines = [style.bold("Nog in te vullen (je koos 'later invullen'):")]
    for step, q in open_:
        where = f"stap {step_number(playbook, step)[0]}" if step else "het dorp"
        lines.append(f"  • {q.label} ({where})")
    steps = sorted({step_number(playbook, s)[0] for s, _ in open_ if s is not None})
    if steps:
        lines.append(style.dim(f"  Invullen: gzctl wizard --stap {steps[0]}"))
    else:
        lines.append(style.dim("  Invullen: gzctl answers"))
    return lines


def status_output(
    directory: str | None, as_json: bool, alles: bool = False, rows: int = SCREEN_ROWS
) -> str:
    """``gzctl [-C directory] status [--json]`` as text: the JSON document, or the plain view
    (its hints get the -C folder where all output does: gzctl/core/outtext.py). Both the
    fast path and the typer command call this one function, so they cannot differ. Raises
    what opening the project raises; a dangling reference goes to stderr, one line each."""
    import json

    from gzctl.core import runtime
    from gzctl.ops.status import village_status

    opened, data = village_status(directory, today=runtime.today())
    if opened.dangling:  # a hand edit or a merge left a reference to what is gone
        import sys

        sys.stderr.write("".join(line + "\n" for line in opened.dangling))
    if as_json:
        from gzctl.core.outtext import json_safe

        return json_safe(json.dumps(data, ensure_ascii=False, indent=2))
    from gzctl.cli.table import fit, terminal_width

    style = Style(runtime.color_wanted())
    width = terminal_width()
    later = later_lines(opened.playbook, opened.project, style)
    if not alles:
        return "\n".join(short_status_lines(data, style, width, rows, later))
    text = status_text(data, style)
    if later:
        text += "\n\n" + "\n".join(later)
    return fit(text, width)
