"""gzctl merge setup / conflicts / resolve: working on one village from several git clones."""

from __future__ import annotations

from typing import Annotated

from gzctl.cli import common, texts
from gzctl.core import merge as semantic
from gzctl.core.errors import UsageProblem

app = common.group(texts.COMMANDS["merge"])


@app.command("setup", **common.command_kwargs(texts.MERGE_COMMANDS["setup"]))
def setup(ctx: common.Context) -> None:
    """`gzctl merge setup`: sets up the gzctl.toml merge driver for this git clone."""
    from gzctl.core import mergerun, store

    folder = store.find_project(common.base_folder(ctx), explicit=common.directory(ctx) is not None)
    report = mergerun.setup(folder)
    where = common.shown(folder)
    if report.attributes:
        common.say(
            f".gitattributes in {where} bijgewerkt; commit het mee, dan hebben alle klonen het: "
            f"git -C {where} add .gitattributes"
        )
    if report.registered:
        common.say("Samenvoegen van gzctl.toml ingesteld voor deze kloon.")
    elif not report.attributes:
        common.say("Samenvoegen van gzctl.toml was al ingesteld voor deze kloon.")
    if report.remerged:
        common.say(
            "gzctl.toml stond in een git-conflict; de versies zijn opnieuw samengevoegd en klaar "
            f"gezet (git add). Rond af met: git -C {where} commit"
        )
        if report.conflicts:
            common.say(
                f"{len(report.conflicts)} waarde(n) zijn aan beide kanten anders veranderd; "
                f"bekijk ze met: gzctl merge conflicts"
            )


@app.command("conflicts", **common.command_kwargs(texts.MERGE_COMMANDS["conflicts"]))
def conflicts(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """`gzctl merge conflicts`: lists the values both sides changed differently."""
    opened = common.open_project(ctx)
    rows = semantic.summary(opened.project)
    if json:
        common.print_json(rows)
        return
    if not rows:
        common.say("Geen samenvoegconflicten.")
        return
    for row in rows:
        common.say(row["key"])
        common.say(f"  jouw versie (staat nu in het bestand): {row['mine']}" + _by(row["mine_by"]))
        common.say(f"  de andere versie: {row['other']}" + _by(row["other_by"]))
    common.say("")
    common.say("Kies met: gzctl merge resolve SLEUTEL --mine   of   --other")


def _by(who: str) -> str:
    return f"  (door {who})" if who else ""


@app.command("resolve", **common.command_kwargs(texts.MERGE_COMMANDS["resolve"]))
def resolve(
    ctx: common.Context,
    key: Annotated[
        str | None,
        common.Argument(metavar="SLEUTEL", help="De sleutel uit 'gzctl merge conflicts'."),
    ] = None,
    mine: Annotated[bool, common.Option("--mine", help="Houd jouw versie.")] = False,
    other: Annotated[bool, common.Option("--other", help="Neem de andere versie.")] = False,
    everything: Annotated[
        bool, common.Option("--all", help="Alle conflicten tegelijk, met dezelfde keuze.")
    ] = False,
) -> None:
    """`gzctl merge resolve`: settles a conflict by keeping one side."""
    if mine == other:
        raise UsageProblem("Kies --mine (jouw versie) of --other (de andere versie).")
    if (key is None) == (not everything):
        raise UsageProblem("Geef één SLEUTEL (zie gzctl merge conflicts), of --all.")
    take = "mine" if mine else "other"
    from gzctl.core import runtime
    from gzctl.ops.settings import resolve_conflicts

    done = resolve_conflicts(
        common.open_project(ctx), None if everything else (key or ""), take,
        who=runtime.who(), now=runtime.now(),
    )  # fmt: skip
    for k in done.keys:
        common.say(f"Opgelost: {k} ({done.which}).")
