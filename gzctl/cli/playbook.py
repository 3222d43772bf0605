"""gzctl playbook show / check / use: the stappenplan as data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from gzctl.cli import common, texts
from gzctl.core import playbook as pb
from gzctl.core import progress
from gzctl.core.errors import NotFound, PlaybookError
from gzctl.core.words import count
from gzctl.network import session

app = common.group(texts.COMMANDS["playbook"])


@app.command("show", **common.command_kwargs(texts.PLAYBOOK_COMMANDS["show"]))
def show(
    ctx: common.Context,
    name: Annotated[
        str | None,
        common.Argument(metavar="NAAM", help="Ingebouwde naam of pad van een .toml-bestand."),
    ] = None,
    vragen: Annotated[
        bool, common.Option("--vragen", "--questions", help="Toon ook de vragen per stap.")
    ] = False,
    json: common.JsonFlag = False,
) -> None:
    """`gzctl playbook show`: prints a playbook's phases and steps."""
    project = None
    if name is None:
        try:
            opened = session.open_project(common.directory(ctx))
            book, project = opened.playbook, opened.project
        except NotFound:
            book = pb.load(pb.DEFAULT_PLAYBOOK)
    else:
        book = pb.load(name, Path.cwd())
    st = progress.statuses(book, project) if project else {}
    if json:
        common.print_json(_as_json(book, st))
        return
    from rich.console import Console
    from rich.tree import Tree

    from gzctl.core.conditions import describe_all
    from gzctl.core.country import verbinder

    labels = {q.id: q.label for q in book.questions()}
    word = verbinder(book)

    def label(qid: str) -> str:
        return labels.get(qid, qid)

    esc = common.esc
    root = Tree(
        f"[bold]{esc(book.title)}[/] [dim](versie {esc(book.version)}, "
        f"{len(book.items)} acties)[/]"
    )
    for phase in book.phases:
        pnode = root.add(f"[bold cyan]{esc(phase.title)}[/] [dim]{esc(phase.id)}[/]")
        for step in phase.steps:
            snode = pnode.add(f"[bold]{esc(step.title)}[/] [dim]{esc(step.shown)}[/]")
            if vragen:
                for q in step.questions:
                    kind = TYPE_WORDS.get(q.type, q.type)
                    qid = esc(book.shown(q.id))
                    snode.add(f"[yellow]?[/] {esc(q.label)} [dim]{qid} ({kind})[/]")
            for item in step.items:
                mark = ""
                if item.id in st:
                    mark = "[green]☑[/] " if st[item.id].done else "☐ "
                when = esc(describe_all(item.done_when, label, word))
                auto = f" [dim](vanzelf gedaan als: {when})[/]" if item.done_when else ""
                snode.add(f"{mark}{esc(item.title)} [dim]{esc(item.shown)}[/]{auto}")
    Console(highlight=False).print(root)


# Question types as the user reads them (gzctl playbook show --vragen).
TYPE_WORDS = {
    "text": "tekst",
    "number": "getal",
    "date": "datum",
    "choice": "keuze uit een lijst",
    "multichoice": "een of meer keuzes",
    "yesno": "ja of nee",
    "group": "lijst van personen of dingen",
}


def _as_json(book: pb.Playbook, st: dict[str, progress.ItemStatus]) -> dict[str, object]:
    return {
        "id": book.id,
        "title": book.title,
        "version": book.version,
        "phases": [
            {
                "id": p.id,
                "title": p.title,
                "steps": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "questions": [q.id for q in s.questions],
                        "items": [
                            {"id": i.id, "title": i.title, "done": st[i.id].done if st else None}
                            for i in s.items
                        ],
                    }
                    for s in p.steps
                ],
            }
            for p in book.phases
        ],
    }


@app.command("check", **common.command_kwargs(texts.PLAYBOOK_COMMANDS["check"]))
def check(
    file: Annotated[str, common.Argument(metavar="BESTAND", help="Het stappenplan (.toml).")],
) -> None:
    """`gzctl playbook check`: checks a playbook file and prints its faults."""
    path = Path(file)
    if not path.is_file():
        raise NotFound(f"Bestand '{file}' bestaat niet.")
    from gzctl.ops.settings import check_playbook_file

    try:
        book = check_playbook_file(path)
    except PlaybookError as exc:
        faults = exc.message.splitlines()
        for line in faults:
            common.note(f"Fout: {line}")
        common.note(f"{len(faults)} fout(en) in {path.name}.")
        raise common.Exit(2) from None
    questions = sum(len(s.questions) for s in book.steps)
    common.say(
        f"{path.name} is in orde: {len(book.phases)} fasen, {len(book.steps)} stappen, "
        f"{len(book.items)} acties, {questions} vragen."
    )


@app.command("use", **common.command_kwargs(texts.PLAYBOOK_COMMANDS["use"]))
def use(
    ctx: common.Context,
    name: Annotated[str, common.Argument(metavar="NAAM", help="Ingebouwde naam of pad.")],
) -> None:
    """`gzctl playbook use`: switches the project to another playbook."""
    from gzctl.core import runtime
    from gzctl.ops.settings import use_playbook

    opened = session.open_project(common.directory(ctx))
    chosen = use_playbook(opened, name, who=runtime.who(), now=runtime.now())
    unknown = chosen.unknown
    common.say(f"Dit project volgt nu: {chosen.title} (versie {chosen.version}).")
    if unknown:
        common.note(
            f"Let op: {count(len(unknown), 'afgevinkte actie staat', 'afgevinkte acties staan')} "
            "niet in dit stappenplan en tellen "
            "niet mee: " + ", ".join(unknown)
        )
