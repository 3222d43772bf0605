"""gzctl site build: the website and the poster for the village's residents (website/)."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["site"])


@app.command("build", **common.command_kwargs(texts.SITE_COMMANDS["build"]))
def build(
    ctx: common.Context,
    url: Annotated[
        str | None,
        common.Option(
            "--url",
            "--adres",
            metavar="ADRES",
            help="Waar de website online staat (voor de QR-code op de poster); standaard de "
            "instelling site.url.",
        ),
    ] = None,
    json: common.JsonFlag = False,
) -> None:
    """`gzctl site build`: builds the village's website."""
    from gzctl.core.config import check_url
    from gzctl.documents.site.build import build_site

    opened = common.open_project(ctx)
    address = check_url("--url", url.strip()) if url is not None else None
    report = build_site(opened.folder, opened.project, opened.playbook, runtime.today(), address)
    if json:
        common.print_json(
            {
                "folder": str(report.folder),
                "written": report.written,
                "unchanged": report.unchanged,
                "removed": report.removed,
                "notes": report.notes,
            }
        )
        for message in report.notes:
            common.note(f"Let op: {message}")
        return
    _report(report, ctx)


def _report(report: Any, ctx: common.Context) -> None:
    where = common.shown(report.folder)
    written, same = len(report.written), len(report.unchanged)
    common.say(
        f"Website: {written} {'bestand' if written == 1 else 'bestanden'} geschreven, "
        f"{same} ongewijzigd, in {where}/."
    )
    for name in report.removed:
        common.say(f"Opgeruimd (hoort niet meer bij de website): {name}")
    common.say(f"Bekijken: open {where}/index.html in je browser.")
    common.say(f"Poster: print {where}/poster-a4.pdf of poster-a3.pdf.")
    for message in report.notes:
        common.note(f"Let op: {message}")
