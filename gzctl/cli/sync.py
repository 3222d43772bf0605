"""gzctl sync: clone or fast-forward every village repository in the advisor's config."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import common

_LABELS = {
    "nieuw": "nieuw",
    "bijgewerkt": "bijgewerkt",
    "actueel": "actueel",
    "eigen-commits": "actueel",
    "uiteengelopen": "uiteengelopen",
    "lokale-wijzigingen": "lokale wijzigingen",
    "onbereikbaar": "onbereikbaar",
    "geen-kloon": "overgeslagen",
}


def sync(
    ctx: common.Context,
    sources: Annotated[
        list[str] | None,
        common.Argument(
            metavar="[BRON]...",
            help="Git-adressen of paden; standaard sync.repos uit gzctl config.",
        ),
    ] = None,
    into: Annotated[
        Path | None,
        common.Option("--dir", "--map", metavar="MAP", help="Zet de dorpen in deze map."),
    ] = None,
    jobs: Annotated[
        int, common.Option("--jobs", "-j", min=1, max=64, help="Zoveel dorpen tegelijk.")
    ] = 8,
    then_portfolio: Annotated[
        bool, common.Option("--portfolio", help="Toon daarna het overzicht van deze dorpen.")
    ] = False,
    json: common.JsonFlag = False,
) -> None:
    """`gzctl sync`: clones or fast-forwards every village repository in the settings."""
    from gzctl.advisors import sync as core
    from gzctl.core import config
    from gzctl.core.errors import UsageProblem

    settings = config.user_settings(os.environ)
    repos = list(sources or settings["sync.repos"])
    if not repos:
        raise UsageProblem(
            "Geen dorpen om op te halen. Noem ze, of zet ze in je instellingen: "
            "gzctl config sync.repos ADRES..."
        )
    if into is not None:
        target = into.expanduser().resolve()
    else:
        dirs = settings["sync.dir"] or settings["portfolio.roots"]
        if not dirs:
            raise UsageProblem(
                "In welke map komen de dorpen? Geef --dir MAP, of: gzctl config sync.dir MAP"
            )
        target = Path(dirs[0])
    results = _run(repos, target, jobs, quiet=json)
    problems = [r for r in results if r.state in core.PROBLEMS]
    if json:
        common.print_json([r.as_json() for r in results])
    else:
        width = max(len(r.name) for r in results)
        for r in results:
            common.say(f"{r.name:<{width}}  {_LABELS[r.state]:<18}  {r.message}")
        tally = core.counts(results)
        common.note(
            f"{len(results)} dorp(en) in {target}: "
            + ", ".join(f"{n} {_LABELS[s]}" for s, n in tally.items())
        )
    if then_portfolio and not json:
        _portfolio(ctx, target)
    if problems:
        raise common.Exit(1)


def _run(repos: list[str], target: Path, jobs: int, quiet: bool) -> list[Any]:
    from gzctl.advisors import sync as sync_core

    if quiet:
        return sync_core.sync_all(repos, target, jobs)
    import sys

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # the bar redraws in place with a carriage return and cursor codes, which the output
    # cleaner strips: it writes to the terminal itself, its one piece of data cleaned here
    console = Console(file=getattr(sys.stderr, "unfiltered", sys.stderr), stderr=True)
    with Progress(
        TextColumn("Ophalen"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=len(dict.fromkeys(repos)))

        def step(done: sync_core.Synced) -> None:
            bar.update(task, advance=1, description=common.esc(done.name))

        return sync_core.sync_all(repos, target, jobs, step)


def _portfolio(ctx: common.Context, target: Path) -> None:
    from gzctl.advisors import portfolio as core
    from gzctl.advisors import scan
    from gzctl.core import config, runtime

    settings = config.user_settings(os.environ)
    _, rows, days = scan.collect(
        [str(target)],
        common.base_folder(ctx),
        2,
        settings["portfolio.stalled_days"],
        runtime.today(),
        os.environ,
        shown=common.shown,
    )
    common.say("")
    common.say(core.table_text(core.sort_rows(rows), days))


COMMANDS = {"sync": sync}
