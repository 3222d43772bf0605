"""gzctl person export / forget: the AVG for candidates, contact persons and initiators."""

from __future__ import annotations

from typing import Annotated, Any

from gzctl.cli import common, texts
from gzctl.core import runtime
from gzctl.core.errors import UsageProblem
from gzctl.network import privacy

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


def _describe(person: privacy.Person) -> str:
    words = {
        "candidate": "kandidaat",
        "contact": "contactpersoon van",
        "initiator": "initiatiefnemer",
    }
    parts = []
    for r in person.records:
        where = f" {r.key}" if r.kind != "initiator" else ""
        parts.append(f"{r.name or r.email or r.phone} ({words[r.kind]}{where})")
    return "; ".join(parts)


@app.command("export", **_kw("export"))
def export(ctx: common.Context, who: WhoArg, json: common.JsonFlag = False) -> None:
    opened = common.open_project(ctx)
    person = privacy.find(opened.project, who)
    data = privacy.access(opened.project, person)
    from gzctl.core.outtext import verbatim

    with verbatim():  # the copy for the person shows what is stored, exactly
        if json:
            common.print_json(data)
            return
        common.say(f"Over {_describe(person)} bewaart gzctl.toml:")
        for r in data["records"]:
            fields = ", ".join(f"{k}: {v}" for k, v in r.items() if v and k not in ("kind", "key"))
            common.say(f"  {r['kind']} {r['key']}: {fields}")
        for t in data["texts"]:
            common.say(f"  tekst {t['where']}: {t['text']}")
        for h in data["history"]:
            common.say(f"  geschiedenis {h['at']} {h['who']}: {h['what']}")
    common.say("Documenten in documenten/ kunnen de persoon ook noemen (gzctl docs list).")


def forget_person(ctx: common.Context, opened: Any, person: privacy.Person, yes: bool) -> None:
    """Confirm, forget in gzctl.toml, then in documenten/; report and explain git."""
    if not yes:
        first = person.records[0]
        if not runtime.stdin_is_terminal():
            raise UsageProblem(
                "Weet je het zeker? Bevestig met --yes, bijvoorbeeld: gzctl person forget "
                f"{first.key if first.kind != 'initiator' else 'NAAM'} --yes"
            )
        from gzctl.wizard.engine import confirm

        if not confirm(f"{_describe(person)} volledig wissen?", False):
            common.say("Niets veranderd.")
            return
    with common.transaction(opened) as change:
        done = privacy.forget(change.project, person)
        change.log("person-forget", privacy.FORGOTTEN, [])
    from gzctl.documents.build import forget_in_documents

    removed, kept = forget_in_documents(
        opened.folder, lambda text: privacy.names_in(text, person)
    )
    common.say(
        f"Gewist: {len(done.records)} record(s), {len(done.texts)} tekst(en), "
        f"{done.history} regel(s) in de geschiedenis, {len(removed)} document(en)."
    )
    for where in done.texts:
        common.say(f"  naam vervangen door '{privacy.ERASED_NAME}' in {where}")
    for rel in removed:
        common.say(f"  verwijderd: documenten/{rel} (maak opnieuw met gzctl docs build)")
    for rel in kept:
        common.say(
            f"  met de hand bewerkt en noemt de persoon nog: documenten/{rel}; pas het zelf aan"
        )
    common.note(privacy.GIT_NOTE)


@app.command("forget", **_kw("forget"))
def forget(ctx: common.Context, who: WhoArg, yes: Yes = False) -> None:
    opened = common.open_project(ctx)
    person = privacy.find(opened.project, who)
    forget_person(ctx, opened, person, yes)
