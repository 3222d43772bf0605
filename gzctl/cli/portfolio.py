"""gzctl portfolio: every village under an advisor's folders, as a table, JSON, CSV or a page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from gzctl.cli import common
from gzctl.cli.common import JsonFlag
from gzctl.core.words import plural

# Shared with gzctl peers, which reads the same villages.
RootsArg = Annotated[
    list[str] | None,
    common.Argument(
        metavar="[MAP]...",
        help="Mappen om in te zoeken (standaard: portfolio.roots uit gzctl config, "
        "anders de huidige map).",
    ),
]
DepthOpt = Annotated[
    int, common.Option("--depth", "--diepte", metavar="N", min=0, help="Zoek tot N mappen diep.")
]
CsvFlag = Annotated[
    bool, common.Option("--csv", help="Schrijf CSV voor Excel naar stdout (puntkomma's, UTF-8).")
]


def portfolio(
    ctx: common.Context,
    roots: RootsArg = None,
    depth: DepthOpt = 3,  # scan.DEFAULT_DEPTH (a literal: typer reads defaults at import)
    stalled_days: Annotated[
        int | None,
        common.Option(
            "--stalled-days",
            "--stil-na",
            metavar="DAGEN",
            min=1,
            help="Stilgevallen na zoveel dagen zonder activiteit (standaard: "
            "portfolio.stalled_days uit gzctl config, anders 30).",
        ),
    ] = None,
    sort: Annotated[
        str,
        common.Option(
            "--sort",
            "--sorteer",
            metavar="OP",
            help="Sorteer op naam (village), fase (phase), voortgang (progress, minste "
            "eerst) of activiteit (activity, langst stil eerst).",
        ),
    ] = "village",
    reverse: Annotated[
        bool, common.Option("--reverse", "--omgekeerd", help="Draai de volgorde om.")
    ] = False,
    phase: Annotated[
        str | None,
        common.Option("--phase", "--fase", metavar="FASE", help="Alleen dorpen in deze fase."),
    ] = None,
    stalled: Annotated[
        bool,
        common.Option("--stalled", "--stilgevallen", help="Alleen stilgevallen dorpen."),
    ] = False,
    json: JsonFlag = False,
    csv: CsvFlag = False,
    html: Annotated[
        Path | None,
        common.Option(
            "--html",
            metavar="BESTAND",
            help="Schrijf één zelfstandige HTML-pagina met tabel en grafieken.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        common.Option("--no-cache", "--zonder-cache", help="Lees elk gzctl.toml opnieuw."),
    ] = False,
) -> None:
    """`gzctl portfolio`: prints an overview of many villages."""
    from gzctl.advisors import portfolio as core
    from gzctl.core import runtime
    from gzctl.core.errors import UsageProblem

    if sum((json, csv, html is not None)) > 1:
        raise UsageProblem("Kies één van --json, --csv en --html.")
    from gzctl.ops.portfolio import portfolio_rows

    today = runtime.today()
    found = portfolio_rows(
        roots or [],
        today=today,
        environ=os.environ,
        default_root=common.base_folder(ctx),
        depth=depth,
        stalled_days=stalled_days,
        use_cache=not no_cache,
        phase=phase,
        stalled=stalled,
        sort=sort,
        reverse=reverse,
        shown=common.shown,
    )
    villages, rows, days, failed = found.villages, found.rows, found.stalled_days, found.failed

    if json:
        from gzctl.core.outtext import write_utf8

        write_utf8(core.json_bytes(rows) + b"\n")
    elif csv:
        from gzctl.core.outtext import write_utf8

        write_utf8(("\ufeff" + core.csv_text(rows)).encode("utf-8"))
    elif html is not None:
        from gzctl.advisors import dashboard
        from gzctl.core import safefs

        charts = {common.shown(v.path): v.burnup for v in villages if v.burnup is not None}
        target = html.expanduser()
        safefs.refuse_reserved(target, "een overzichtspagina")
        safefs.require_suffix(target, (".html", ".htm"), "een overzichtspagina (--html)")
        if target.parent and not target.parent.is_dir():
            raise UsageProblem(f"Map '{target.parent}' bestaat niet; kan {target} niet schrijven.")
        safefs.write_text(target, dashboard.page(rows, charts, today, days))
        common.note(f"Pagina geschreven: {target} ({core.summary_text(core.summary(rows))})")
    else:
        common.say(core.table_text(rows, days))
    if failed:
        common.note(
            f"Let op: {failed} van de {len(rows)} mappen "
            f"{plural(failed, 'kon', 'konden')} niet gelezen worden "
            "(de fout staat bij de map); afsluitcode 1."
        )
        raise common.Exit(1)


COMMANDS = {"portfolio": portfolio}
