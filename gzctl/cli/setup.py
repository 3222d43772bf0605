"""gzctl init, wizard, demo: starting a village and walking the stappenplan."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import common, render
from gzctl.core import playbook as pb
from gzctl.core import runtime, safefs, store
from gzctl.core.errors import UsageProblem
from gzctl.network import session

AnswersOption = Annotated[
    str | None,
    common.Option(
        "--answers",
        "--antwoorden",
        metavar="BESTAND.toml",
        help="Neem de antwoorden uit dit TOML-bestand in plaats van te vragen.",
    ),
]


def _console() -> Any:
    # NO_COLOR: no colour and no bold/dim either
    return common.console(
        highlight=False, color_system=None if os.environ.get("NO_COLOR") else "auto"
    )


def _no_terminal(command: str) -> UsageProblem:
    if runtime.stdin_is_terminal() and not runtime.stdout_is_terminal():
        return UsageProblem(
            f"De vragen van gzctl {command.split()[0]} moeten op het scherm staan, maar de "
            "uitvoer gaat naar een bestand of een ander programma. Start gzctl "
            f"{command.split()[0]} zonder '>' of '|', of geef de antwoorden in een bestand: "
            f"gzctl {command} --answers antwoorden.toml."
        )
    return UsageProblem(
        f"Er is geen terminal om vragen te stellen. Geef de antwoorden in een bestand: "
        f"gzctl {command} --answers antwoorden.toml (zie README)."
    )


def _terminal() -> bool:
    """Questions can be asked: the keyboard and the screen are both a terminal (with the
    output in a file the wizard would wait for answers to questions nobody sees)."""
    return runtime.stdin_is_terminal() and runtime.stdout_is_terminal()


def _interrupted() -> common.Exit:
    common.note("")
    common.note("Gestopt. Alles wat je tot nu toe invulde is bewaard. Ga later verder met:")
    common.note("  gzctl wizard")  # on its own line: it pastes whole on any width
    return common.Exit(130)


def _playbook_spec(spec: str, folder: Path) -> tuple[str, pb.Playbook]:
    """Load the playbook named at init; store a file path relative to the project if inside."""
    book = pb.load(spec, Path.cwd())
    if spec.endswith(".toml"):
        path = Path(spec).resolve()
        try:
            spec = str(path.relative_to(folder.resolve()))
        except ValueError:
            spec = str(path)
    return spec, book


def _warn_past(book: pb.Playbook, data: dict[str, Any]) -> None:
    """An answers file that dates the network evening (or another thing to come) in the
    past: saved, but said."""
    from gzctl.core.answers import parse_answers, past_warnings

    values, _ = parse_answers(book, data)
    for warning in past_warnings(book, values, runtime.today()):
        common.note(warning)


def _hints_name(folder: Path) -> None:
    """init and demo make a project folder (-C names where, not the project): from here on
    printed hints name the new folder as the user would type it, unless it is the current
    one."""
    from gzctl.core.outtext import set_hint_folder

    where = common.shown(folder)
    set_hint_folder(None if where == "." else where)


def _arg(folder: Path) -> str:
    """The folder as a -C argument that works when the hint is pasted (spaces, quotes)."""
    from gzctl.core.text import shell_quote

    return shell_quote(common.shown(folder))


def init(
    ctx: common.Context,
    map_: Annotated[
        str | None,
        common.Argument(metavar="MAP", help="De projectmap (wordt gemaakt). Standaard: hier."),
    ] = None,
    answers: AnswersOption = None,
    playbook: Annotated[
        str,
        common.Option(
            "--playbook",
            "--stappenplan",
            metavar="NAAM|BESTAND",
            help="Het stappenplan: een ingebouwde naam of een eigen .toml-bestand.",
        ),
    ] = pb.DEFAULT_PLAYBOOK,
    land: Annotated[
        str | None,
        common.Option(
            "--land",
            "--country",
            metavar="LAND",
            help="Het land; BE kiest het Vlaamse stappenplan (zorgzame-buurt).",
        ),
    ] = None,
) -> None:
    """`gzctl init`: creates a project and runs the wizard (or reads an answers file)."""
    from gzctl import wizard
    from gzctl.core.answers import read_answers_file

    base = common.base_folder(ctx)
    folder = (base / map_) if map_ else base
    if (folder / store.STATE_FILE).exists():
        raise UsageProblem(
            f"Er staat al een project in '{common.shown(folder)}'; dat overschrijf ik niet. "
            f"Ga verder met: gzctl -C {_arg(folder)} wizard"
        )
    if land:
        if playbook != pb.DEFAULT_PLAYBOOK:
            raise UsageProblem("Kies --land of --playbook, niet allebei.")
        playbook = pb.builtin_for_country(land)
    spec, book = _playbook_spec(playbook, folder)
    now = runtime.now()
    if answers:
        data = read_answers_file(Path(answers))
        count, ticked = wizard.create_from_answers(folder, book, spec, data, runtime.who(), now)
        _warn_past(book, data)
        where = common.shown(folder)
        common.say(f"Project gemaakt in {where} ({count} antwoorden, {ticked} acties afgevinkt).")
        _hints_name(folder)
        common.say("Verder: gzctl wizard    Stand: gzctl status")
        return
    if not _terminal():
        raise _no_terminal("init MAP")
    project = wizard.new_project(book, spec, now.date())
    change = store.Change(project, runtime.who(), now)
    change.log("init", f"Project aangemaakt in map {folder.resolve().name}", [])
    store.create(folder, project)
    _hints_name(folder)  # the wizard's own hints ('gzctl org edit') name the new folder
    console = _console()
    console.print(
        f"[bold]Welkom bij gzctl.[/] Het project staat in [cyan]{common.shown(folder)}[/]."
    )
    console.print(
        "[dim]Elk antwoord wordt meteen bewaard. Stoppen kan altijd met Ctrl-C; "
        "verder gaan met gzctl wizard.[/]"
    )
    _walk(ctx, folder, book, None, False)


def _walk(ctx: common.Context, folder: Path, book: pb.Playbook, start: Any, one: bool) -> None:
    from gzctl import wizard
    from gzctl.wizard.wrap import wrapping

    console = _console()
    say = wrapping(console.print)  # every line whole, next lines indented (wizard/wrap.py)
    w = wizard.Wizard(folder, book, runtime.who(), runtime.now, wizard.Asker(say), say)
    try:
        outcome = w.run(start=start, stop_after_one=one)
    except (KeyboardInterrupt, EOFError):
        raise _interrupted() from None
    if outcome == "gepauzeerd":
        console.print("Gepauzeerd. Verder gaan kan altijd met: gzctl wizard")
    console.print("Waar staat het dorp? gzctl status")


def wizard_cmd(
    ctx: common.Context,
    answers: AnswersOption = None,
    stap: Annotated[
        str | None,
        common.Option(
            "--stap",
            "--step",
            metavar="STAP",
            help="Doe (opnieuw) deze ene stap: het nummer (4) of de naam (inventaris).",
        ),
    ] = None,
) -> None:
    """`gzctl wizard`: runs the wizard from the first open step, or one step."""
    from gzctl import wizard
    from gzctl.core.answers import first_open_step, read_answers_file

    opened = session.open_project(common.directory(ctx))
    if answers:
        data = read_answers_file(Path(answers))
        count, ticked = wizard.apply_answers(
            opened.folder, opened.playbook, data, runtime.who(), runtime.now()
        )
        _warn_past(opened.playbook, data)
        common.say(
            f"Bewaard: {count} {'antwoord' if count == 1 else 'antwoorden'}, "
            f"{ticked} {'actie' if ticked == 1 else 'acties'} afgevinkt."
        )
        nxt = first_open_step(opened.playbook, store.load(opened.folder))
        if nxt:
            common.say(f"Eerste open stap: {nxt.title} ({nxt.shown}).")
        return
    start = None
    if stap:
        from gzctl.wizard.resume import find_step

        start = find_step(opened.playbook, stap)
    if not _terminal():
        raise _no_terminal("wizard")
    if start is None and first_open_step(opened.playbook, opened.project) is None:
        common.say("Alle stappen zijn doorlopen. Een stap opnieuw doen: gzctl wizard --stap NUMMER")
        return
    _walk(ctx, opened.folder, opened.playbook, start, one=start is not None)


def demo(
    ctx: common.Context,
    map_: Annotated[
        str | None,
        common.Argument(
            metavar="MAP",
            help="Waar het voorbeelddorp komt (standaard voorbeelddorp, of "
            "voorbeelddorp-vlaanderen).",
        ),
    ] = None,
    opnieuw: Annotated[
        bool,
        common.Option("--opnieuw", "--force", help="Vervang een eerder gemaakt voorbeelddorp."),
    ] = False,
    vlaanderen: Annotated[
        bool,
        common.Option(
            "--vlaanderen", help="Een Vlaamse deelgemeente met het stappenplan zorgzame-buurt."
        ),
    ] = False,
    land: Annotated[
        str | None,
        common.Option(
            "--land",
            "--country",
            metavar="LAND",
            help="Het land van het voorbeelddorp; BE is hetzelfde als --vlaanderen.",
        ),
    ] = None,
) -> None:
    """`gzctl demo`: creates a demo village."""
    from gzctl.network.demo import build_demo, demo_names, load_demo

    if land and vlaanderen and land.upper() != "BE":
        raise UsageProblem("Kies --land of --vlaanderen, niet allebei.")
    code = (land or ("BE" if vlaanderen else "NL")).upper()
    load_demo(code)  # a country without a demo village stops here, before any folder is made
    if map_ is None:
        named = {"NL": "voorbeelddorp", "BE": "voorbeelddorp-vlaanderen"}
        map_ = named.get(code, f"voorbeelddorp-{code.lower()}")
    folder = common.base_folder(ctx) / map_
    state = folder / store.STATE_FILE
    if state.exists():
        if not opnieuw:
            raise UsageProblem(
                f"In '{folder}' staat al een project. Kies een andere map, of maak het "
                "voorbeelddorp opnieuw met --opnieuw."
            )
        project = store.load(folder)
        if project.village.name not in demo_names():
            raise UsageProblem(
                f"'{folder}' bevat geen voorbeelddorp maar '{project.village.name}'; "
                "dat vervang ik niet."
            )
        safefs.remove(state, root=folder)
    book = pb.load(pb.builtin_for_country(code))
    project = build_demo(folder, book, runtime.now(), runtime.who())
    where = common.shown(folder)
    from gzctl.documents import OUTPUT_DIR, build

    report = build(folder, project, book, runtime.today())
    docs = len(report.written) + len(report.unchanged)
    made = f"Voorbeelddorp {project.village.name} in {where}/: {docs} documenten in {OUTPUT_DIR}/."
    common.note(made)
    from gzctl.documents.site.build import SITE_DIR, build_site

    site = build_site(folder, project, book, runtime.today())
    pages = len(site.written) + len(site.unchanged)
    shown = f"Website en poster voor inwoners: {pages} bestanden in {SITE_DIR}/."
    common.note(shown)
    _hints_name(folder)
    from gzctl.cli.table import fit, terminal_width
    from gzctl.core.outtext import hinted

    # the end of the demo fits one window: the lines above, the status, the line after
    final = f"Het dorp staat in {where}/. Verder: gzctl next"
    width = terminal_width()
    used = sum(len(fit(hinted(t), width).split("\n")) for t in (made, shown, final))
    common.say(render.status_output(where, as_json=False, rows=render.SCREEN_ROWS - used - 1))
    common.say("")
    common.say(final)


COMMANDS = {"init": init, "wizard": wizard_cmd, "demo": demo}
