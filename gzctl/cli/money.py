"""gzctl geld uitgave / inkomst / lijst / overzicht / verwijder / fondsen."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["geld"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.MONEY_COMMANDS[name])


EXAMPLE_DATE = "14-03-2027"  # in the line that refuses a date
DateArg = Annotated[str, common.Argument(metavar="DATUM", help="De datum, zoals 14-03-2027.")]
AmountArg = Annotated[
    str, common.Argument(metavar="BEDRAG", help="Het bedrag in euro, zoals 85 of 42,50.")
]
YearOpt = Annotated[
    int | None, common.Option("--jaar", metavar="JAAR", help="Alleen dit jaar.", min=1900)
]
PlatformOpt = Annotated[
    str | None,
    common.Option("--platform", metavar="PLATFORM", help="Het platform waar het bij hoort."),
]


@app.command("uitgave", **_kw("uitgave"))
def spent(
    ctx: common.Context,
    datum: DateArg,
    bedrag: AmountArg,
    omschrijving: Annotated[
        str, common.Argument(metavar="WAARVOOR", help="Waarvoor, zoals Zaalhuur netwerkavond.")
    ],
    post: Annotated[
        str,
        common.Option("--post", metavar="POST", help="salaris, activiteiten of overig."),
    ] = "activiteiten",
    platform: PlatformOpt = None,
) -> None:
    """gzctl geld uitgave: record a spending."""
    from gzctl.core.dutch import parse_date
    from gzctl.network import money
    from gzctl.ops.money import record

    m = record(
        common.open_project(ctx), money.SPENT, parse_date(datum, EXAMPLE_DATE),
        money.parse_amount(bedrag),
        item=post, description=omschrijving, platform=platform or "",
        who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    common.say(f"Uitgave vastgelegd: {money.euro_text(m.amount)}, {m.description} "
               f"(post {m.item}). Id: {m.id}")  # fmt: skip


@app.command("inkomst", **_kw("inkomst"))
def received(
    ctx: common.Context,
    datum: DateArg,
    bedrag: AmountArg,
    bron: Annotated[
        str, common.Argument(metavar="VAN", help="Van wie: gemeente, een fonds, de penvoerder.")
    ],
    omschrijving: Annotated[
        str | None,
        common.Option("--omschrijving", metavar="TEKST", help="Waarvoor, zoals Eerste voorschot."),
    ] = None,
    platform: PlatformOpt = None,
) -> None:
    """gzctl geld inkomst: record money that came in."""
    from gzctl.core.dutch import parse_date
    from gzctl.network import money
    from gzctl.ops.money import record

    m = record(
        common.open_project(ctx), money.RECEIVED, parse_date(datum, EXAMPLE_DATE),
        money.parse_amount(bedrag),
        item=bron, description=omschrijving or "", platform=platform or "",
        who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    common.say(f"Inkomst vastgelegd: {money.euro_text(m.amount)} van {m.item}. Id: {m.id}")


@app.command("lijst", **_kw("lijst"))
def listing(ctx: common.Context, jaar: YearOpt = None, json: common.JsonFlag = False) -> None:
    """gzctl geld lijst: the entries by date."""
    from gzctl.cli.table import Column, render, terminal_width
    from gzctl.network import money

    project = common.open_project(ctx).project
    entries = [m for m in project.money if jaar is None or m.date.year == jaar]
    if json:
        common.print_json([money.entry_json(m) for m in entries])
        return
    if not entries:
        common.say("Nog geen uitgaven of inkomsten" + (f" in {jaar}" if jaar else "") + ". "
                   "Leg er een vast met gzctl geld uitgave of gzctl geld inkomst.")  # fmt: skip
        return
    columns = [
        Column("Datum", wrap=False), Column("Bedrag", right=True, wrap=False),
        Column("Soort", drop=2), Column("Waarvoor / van wie"), Column("Id", drop=1, wrap=False),
    ]  # fmt: skip
    rows = [
        [m.date.strftime("%d-%m-%Y"), money.euro_text(m.amount), m.kind,
         _what(m), m.id]
        for m in entries
    ]  # fmt: skip
    common.say(render(columns, rows, terminal_width()))


def _what(m: Any) -> str:
    if m.kind == "inkomst":
        return f"{m.item}" + (f": {m.description}" if m.description else "")
    extra = f" ({m.platform})" if m.platform else ""
    return f"{m.description or m.item} [{m.item}]{extra}"


@app.command("overzicht", **_kw("overzicht"))
def overview(ctx: common.Context, jaar: YearOpt = None, json: common.JsonFlag = False) -> None:
    """gzctl geld overzicht: budget against actual per year."""
    from gzctl.network import money

    opened = common.open_project(ctx)
    project = opened.project
    shown = [jaar] if jaar else money.years(project, runtime.today())
    years = [money.year_overview(project, y) for y in shown]
    if json:
        common.print_json([money.year_json(project, y) for y in years])
        return
    from gzctl.core.country import for_playbook

    verbinder = for_playbook(opened.playbook).words.get("verbinder_titel", "Coördinator")
    titles = {p.id: p.title for p in project.platforms}
    blocks = [_year_block(y, verbinder, titles) for y in years]
    if money.yearly_budget(project) is None:
        blocks.append("Nog geen begroting: die volgt uit de uren van de "
                      f"{verbinder} (gzctl wizard, stap organiseren).")  # fmt: skip
    else:
        note = money.asked_note(project)
        if note:
            blocks.append(note)
    common.say("\n\n".join(blocks))


def _year_block(y: Any, verbinder: str, titles: dict[str, str]) -> str:
    from gzctl.cli.table import Column, render, terminal_width
    from gzctl.network import money

    def euro(value: float | None) -> str:
        return "" if value is None else money.euro_text(value)

    rows = [
        [money.POSTS[p.post].format(verbinder=verbinder), euro(p.budget), euro(p.spent),
         euro(p.left)]
        for p in y.posts
    ]  # fmt: skip
    rows.append(["Totaal", euro(y.budget), euro(y.spent),
                 euro(None if y.budget is None else round(y.budget - y.spent, 2))])  # fmt: skip
    columns = [Column("Post"), Column("Begroot", right=True, wrap=False),
               Column("Uitgegeven", right=True, wrap=False),
               Column("Over", right=True, wrap=False, drop=1)]  # fmt: skip
    lines = [f"{y.year}", render(columns, rows, terminal_width())]
    if y.received:
        came = ", ".join(f"{money.euro_text(v)} van {k}" for k, v in y.received.items())
        lines.append(f"Binnengekomen: {came} (samen {money.euro_text(y.income)}).")
    if y.per_platform:
        per = ", ".join(
            f"{titles.get(k, k)} {money.euro_text(v)}" for k, v in y.per_platform.items()
        )
        lines.append(f"Per platform: {per}.")
    return "\n".join(lines)


@app.command("verwijder", **_kw("verwijder"))
def remove(
    ctx: common.Context,
    entry_id: Annotated[str, common.Argument(metavar="ID", help="Het id (zie gzctl geld lijst).")],
) -> None:
    """gzctl geld verwijder: take out an entry typed wrongly."""
    from gzctl.network import money
    from gzctl.ops.money import remove as remove_entry

    m = remove_entry(common.open_project(ctx), entry_id, who=runtime.who(), now=runtime.now())
    common.say(f"Geschrapt: {money.euro_text(m.amount)}, {m.description or m.item}.")


@app.command("fondsen", **_kw("fondsen"))
def funds(ctx: common.Context, platform: PlatformOpt = None, json: common.JsonFlag = False) -> None:
    """gzctl geld fondsen: the country's funds, or those that fit a platform."""
    from gzctl.core.country import for_playbook
    from gzctl.network import money

    opened = common.open_project(ctx)
    all_funds = money.load_funds(for_playbook(opened.playbook).source)
    found = list(all_funds)
    title = "Fondsen"
    if platform:
        from gzctl.network import platforms as pf

        p = pf.find(opened.project, platform)
        ptype = pf.load_catalogue(opened.playbook).get(p.template) if p.template else None
        groups = list(ptype.target_groups) if ptype else []
        found = money.funds_for(all_funds, groups)
        title = f"Fondsen die passen bij {p.title}"
    if json:
        common.print_json([
            {"id": f.id, "name": f.name, "pays": f.pays, "not_for": f.not_for,
             "when": f.when, "link": f.link} for f in found
        ])  # fmt: skip
        return
    if not found:
        common.say("Geen fondsen gevonden voor dit land.")
        return
    lines = [f"{title}:", ""]
    for f in found:
        lines += [f"{f.name}  ({f.link})", f"  Betaalt: {f.pays}", f"  Niet: {f.not_for}",
                  f"  Wanneer: {f.when}", ""]  # fmt: skip
    lines.append("Fondsen betalen activiteiten, bijna nooit salarissen. Controleer de "
                 "voorwaarden op de website van het fonds.")  # fmt: skip
    common.say("\n".join(lines))  # say fits it to the terminal, hanging under each label
