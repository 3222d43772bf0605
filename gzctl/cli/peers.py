"""gzctl peers: which villages can learn from each other (platforms, the same step)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from gzctl.cli import common
from gzctl.cli.common import JsonFlag
from gzctl.cli.portfolio import CsvFlag, DepthOpt, RootsArg


def peers(
    ctx: common.Context,
    roots: RootsArg = None,
    depth: DepthOpt = 3,
    json: JsonFlag = False,
    csv: CsvFlag = False,
    html: Annotated[
        Path | None,
        common.Option("--html", metavar="BESTAND", help="Schrijf één zelfstandige HTML-pagina."),
    ] = None,
) -> None:
    """`gzctl peers`: shows which villages can learn from each other, by platform and step."""
    from gzctl.advisors import dashboard, scan
    from gzctl.advisors import peers as core
    from gzctl.core import runtime
    from gzctl.core.errors import UsageProblem

    if sum((json, csv, html is not None)) > 1:
        raise UsageProblem("Kies één van --json, --csv en --html.")
    today = runtime.today()
    _, rows, _ = scan.collect(
        roots or [], common.base_folder(ctx), depth, None, today, os.environ, shown=common.shown
    )
    data = core.view(rows)
    if json:
        common.print_json(data)
    elif csv:
        from gzctl.core.outtext import write_utf8

        write_utf8(("\ufeff" + core.csv_text(data)).encode("utf-8"))
    elif html is not None:
        from gzctl.core.store import write_atomic

        target = html.expanduser()
        if target.parent and not target.parent.is_dir():
            raise UsageProblem(f"Map '{target.parent}' bestaat niet; kan {target} niet schrijven.")
        write_atomic(target, dashboard.peers_page(data, today))
        common.note(f"Pagina geschreven: {target}")
    else:
        common.say(core.table_text(data))


COMMANDS = {"peers": peers}
