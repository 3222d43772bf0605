"""gzctl docs build / list: the documents for partners (letters, agenda, checklists, ...)."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["docs"])

# from this many files on, a build shows a progress bar (on a terminal)
PROGRESS_FROM = 40


@app.command("build", **common.command_kwargs(texts.DOCS_COMMANDS["build"]))
def build(
    ctx: common.Context,
    formats: Annotated[
        str | None,
        common.Option(
            "--format",
            "--formaat",
            metavar="FORMATEN",
            help="Welke formaten, met komma's: md, html, docx. Standaard alle drie.",
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        common.Option(
            "--only",
            "--alleen",
            metavar="NAAM",
            help="Alleen dit document (zie gzctl docs list); mag vaker.",
        ),
    ] = None,
    force: Annotated[
        bool,
        common.Option(
            "--force",
            "--overschrijf",
            help="Overschrijf ook bestanden die met de hand zijn bewerkt.",
        ),
    ] = False,
) -> None:
    """`gzctl docs build`: builds the documents and reports what changed."""
    report = _build(common.open_project(ctx), formats, only, force)
    _report(report, ctx)


def _build(opened: Any, formats: str | None, only: list[str] | None, force: bool) -> Any:
    """Run the build op, with a rich progress bar on stderr for a large build on a terminal."""
    from gzctl.ops.documents import build_documents

    state: dict[str, Any] = {}

    def on_total(total: int) -> None:
        import sys

        if total < PROGRESS_FROM or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        # the bar redraws its line with a carriage return and cursor codes, which the
        # output cleaner (core/outtext.TerminalStream) strips from all else gzctl prints:
        # it writes to the terminal itself (its text is gzctl's own, no data in it)
        stream = getattr(sys.stderr, "unfiltered", sys.stderr)
        bar = Progress(
            TextColumn("Documenten maken"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(file=stream, force_terminal=True),
            transient=True,
        )
        bar.start()
        state["bar"], state["task"] = bar, bar.add_task("", total=total)

    def on_file(_name: str) -> None:
        if "bar" in state:
            state["bar"].advance(state["task"])

    try:
        return build_documents(
            opened,
            today=runtime.today(),
            formats=formats,
            only=only,
            force=force,
            on_total=on_total,
            on_file=on_file,
        )
    finally:
        if "bar" in state:
            state["bar"].stop()


def _report(report: Any, ctx: common.Context | None) -> None:
    where = common.shown(report.folder)
    written, same = len(report.written), len(report.unchanged)
    common.say(
        f"{written} {'bestand' if written == 1 else 'bestanden'} geschreven, "
        f"{same} ongewijzigd, in {where}/."
    )
    for edited, new in report.beside:
        common.say(
            f"Met de hand bewerkt, niet overschreven: {edited}; de nieuwe versie staat in {new}."
        )
    if report.beside:
        common.say("Neem over wat je wilt, of overschrijf alles met: gzctl docs build --force")
    for name in report.removed:
        common.say(f"Opgeruimd (hoort bij niets meer): {name}")
    for name in report.kept:
        common.say(f"Hoort bij niets meer, maar met de hand bewerkt en dus bewaard: {name}")
    for message in report.skipped:
        common.note(f"Overgeslagen: {message}")
    for message in report.warnings:
        common.note(f"Let op: {message}")


common.everyday(app, ("docs", "list"), **common.command_kwargs(texts.DOCS_COMMANDS["list"]))
