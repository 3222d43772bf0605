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
    from gzctl import documents as docs

    opened = common.open_project(ctx)
    chosen = docs.parse_formats(formats)
    ids = docs.resolve_only(opened.playbook, only) if only else None
    report = _build(opened, ids, chosen, force)
    _report(report, opened.folder, ctx)


def _build(opened: Any, ids: list[str] | None, formats: tuple[str, ...], force: bool) -> Any:
    """Run the builder, with a rich progress bar on stderr for a large build on a terminal."""
    from gzctl import documents as docs

    state: dict[str, Any] = {}

    def on_total(total: int) -> None:
        import sys

        if total < PROGRESS_FROM or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        bar = Progress(
            TextColumn("Documenten maken"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        bar.start()
        state["bar"], state["task"] = bar, bar.add_task("", total=total)

    def on_file(_name: str) -> None:
        if "bar" in state:
            state["bar"].advance(state["task"])

    try:
        return docs.build(
            opened.folder,
            opened.project,
            opened.playbook,
            runtime.today(),
            only=ids,
            formats=formats,
            force=force,
            on_total=on_total,
            on_file=on_file,
        )
    finally:
        if "bar" in state:
            state["bar"].stop()


def _report(report: Any, folder: Any, ctx: common.Context | None) -> None:
    from gzctl.documents import OUTPUT_DIR

    where = common.shown(folder / OUTPUT_DIR)
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
