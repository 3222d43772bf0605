"""gzctl aanmelding nieuw / lijst: residents who said "Doe mee", counted, never who."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["aanmelding"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.SIGNUP_COMMANDS[name])


@app.command("nieuw", **_kw("nieuw"))
def signup_add(
    ctx: common.Context,
    aantal: Annotated[int, common.Argument(metavar="AANTAL", help="Hoeveel inwoners.")] = 1,
    via: Annotated[
        str, common.Option("--via", metavar="ROUTE", help="website, dorpshuis, vereniging, "
                           "netwerkavond, telefoon of anders.")  # fmt: skip
    ] = "anders",
    maand: Annotated[
        str | None, common.Option("--maand", metavar="JJJJ-MM", help="Standaard: deze maand.")
    ] = None,
) -> None:
    """gzctl aanmelding nieuw: count residents who said Doe mee."""
    from gzctl.network import signups
    from gzctl.ops.recurring import add_signups

    s = add_signups(common.open_project(ctx), aantal, via, maand or "", who=runtime.who(),
                    now=runtime.now())  # fmt: skip
    common.say(f"Geteld: {aantal} {signups.ROUTES[s.route]} in {s.month} "
               f"(die maand samen {s.count}). Antwoord binnen een week: gzctl docs build "
               "--only antwoord-aanmelding")  # fmt: skip


@app.command("lijst", **_kw("lijst"))
def signup_list(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """gzctl aanmelding lijst: the counts per month and route."""
    from gzctl.network import signups

    project = common.open_project(ctx).project
    if json:
        common.print_json([signups.signup_json(s) for s in project.signups])
        return
    if not project.signups:
        common.say("Nog geen aanmeldingen geteld. Tel ze met: gzctl aanmelding nieuw 2 --via "
                   "website")  # fmt: skip
        return
    lines = [f"{s.month}  {s.count:>4}  {signups.ROUTES[s.route]}" for s in project.signups]
    lines.append(f"Samen: {signups.total(project)} inwoners.")
    common.say("\n".join(lines))
