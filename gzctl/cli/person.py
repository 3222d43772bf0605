"""gzctl person export / forget: the AVG for candidates, contact persons and initiators."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime

app = common.group(texts.COMMANDS["person"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.PERSON_COMMANDS[name])


WhoArg = Annotated[
    str,
    common.Argument(
        metavar="WIE", help="Hele naam, e-mailadres, telefoonnummer, of id (kandidaat/organisatie)."
    ),
]
Yes = Annotated[bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")]


@app.command("export", **_kw("export"))
def export(ctx: common.Context, who: WhoArg, json: common.JsonFlag = False) -> None:
    """`gzctl person export`: prints everything the project holds about a person."""
    from gzctl.core.outtext import verbatim
    from gzctl.ops.privacy import export_person

    report = export_person(common.open_project(ctx), who)
    data = report.data
    with verbatim():  # the copy for the person shows what is stored, exactly
        if json:
            common.print_json(data)
            return
        common.say(f"Over {report.description} bewaart gzctl.toml:")
        for r in data["records"]:
            fields = ", ".join(f"{k}: {v}" for k, v in r.items() if v and k not in ("kind", "key"))
            common.say(f"  {r['kind']} {r['key']}: {fields}")
        for t in data["texts"]:
            common.say(f"  tekst {t['where']}: {t['text']}")
        for i in data.get("ids", []):
            common.say(f"  id {i['where']}: {i['id']}")
        for h in data["history"]:
            common.say(f"  geschiedenis {h['at']} {h['who']}: {h['what']}")
    common.say("Documenten in documenten/ kunnen de persoon ook noemen (gzctl docs list).")


@app.command("forget", **_kw("forget"))
def forget(ctx: common.Context, who: WhoArg, yes: Yes = False) -> None:
    """`gzctl person forget`: removes a person's data after confirmation."""
    from gzctl.cli.confirm import confirmed
    from gzctl.ops import privacy as ops

    opened = common.open_project(ctx)
    if not confirmed(ops.ask_forget_person(opened, who), yes):
        return
    done = ops.forget_person(opened, who, who=runtime.who(), now=runtime.now())
    common.say(
        f"Gewist: {done.records} record(s), {len(done.texts)} tekst(en), "
        f"{done.history} regel(s) in de geschiedenis, {len(done.removed)} document(en)."
    )
    for where in done.texts:
        common.say(f"  naam vervangen door '{done.erased_name}' in {where}")
    for renamed in done.ids:
        common.say(f"  id met de naam erin hernoemd: {renamed}")
    for rel in done.removed:
        common.say(f"  verwijderd: documenten/{rel} (maak opnieuw met gzctl docs build)")
    for rel in done.kept:
        common.say(
            f"  met de hand bewerkt en noemt de persoon nog: documenten/{rel}; pas het zelf aan"
        )
    if done.site_rebuilt:
        common.say("  website/ opnieuw gemaakt zonder de persoon")
    for rel in done.site_removed:
        common.say(f"  verwijderd: website/{rel}")
    for rel in done.site_kept:
        common.say(
            f"  met de hand bewerkt en noemt de persoon nog: website/{rel}; pas het zelf aan"
        )
    common.note(done.git_note)
