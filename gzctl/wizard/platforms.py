"""The wizard's platform step (doen.platforms): starts from `gzctl platform suggest`.

Shows which catalogue platforms the village can start with the organisations on its list,
lets the user pick one, tick the organisations that take part and choose the trekker.
Each platform is saved in its own transaction the moment it is complete, so Ctrl-C loses
nothing that was finished. questionary is imported inside the function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gzctl.core.errors import Refused
from gzctl.network import platforms as pf
from gzctl.wizard.keys import add_letter_and_number_keys, choice_title, fit_choice_prompt

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard

NONE = "__geen__"
LATER = "__later__"


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


def platform_step(wizard: Wizard, step: Step) -> None:
    """The platforms step: suggest platforms the organisations can start, add the chosen
    ones with their members, until the user stops."""
    import questionary

    catalogue = pf.load_catalogue(wizard.playbook)
    say = wizard.say
    first_round = True
    while True:
        project = wizard.load()
        results = [r for r in pf.suggest(project, catalogue) if not r["in_project"]]
        themes = [catalogue.match(str(t)) for t in project.answers.get("verbinden.themas") or []]
        wanted = [t.id for t in themes if t is not None]
        # the themes chosen earlier first, in their order; then the rest as suggested
        results.sort(key=lambda r: wanted.index(r["id"]) if r["id"] in wanted else len(wanted))
        say("")
        have = ", ".join(p.title for p in project.platforms)
        say(
            "[bold]Platforms[/] · welke thema's passen bij de organisaties op de lijst?"
            + (f" [dim](al gestart: {_escape(have)})[/]" if have else "")
        )
        for r in results[:5]:
            mark = "kan starten" if r["can_start"] else "ontbreekt: " + ", ".join(r["missing"])
            chosen_theme = " · gekozen thema" if r["id"] in wanted else ""
            say(f"  {r['title']} · {r['readiness']}% klaar · {_escape(mark)}{chosen_theme}")
        first = str(project.answers.get("doen.eerste_platform") or "")
        preferred = catalogue.match(first) if first else None
        if first_round and preferred is not None and any(r["id"] == preferred.id for r in results):
            # asked once: the answer to "Met welk platform begint het netwerk?" is the choice
            chosen = preferred.id
            say(f"Je begint met [bold]{_escape(preferred.title)}[/] (je antwoord hierboven).")
        else:
            chosen = _ask_platform(questionary, results, preferred)
        first_round = False
        if chosen == NONE or chosen is None:
            return
        suggestion = next(r for r in results if r["id"] == chosen)
        members = _ask_members(questionary, suggestion, say)
        trekker = _ask_trekker(questionary, suggestion, members)
        _save(wizard, catalogue, chosen, members, trekker)
        from gzctl.wizard.engine import confirm

        if not confirm("Nog een platform starten?", False):
            return


def _ask_platform(questionary: Any, results: list[dict[str, Any]], preferred: Any) -> Any:
    """"Welk platform wil je starten?" among the suggestions (the chosen themes first)."""
    choices = [
        questionary.Choice(
            choice_title(
                f"{r['title']} ({r['readiness']}%)"
                + ("" if r["can_start"] else " – nog niet compleet")
            ),
            value=r["id"],
        )
        for r in results
    ]
    choices.append(questionary.Choice("Nu geen platform starten", value=NONE))
    default = next(
        (c for c in choices if preferred is not None and c.value == preferred.id),
        choices[0],
    )
    message, instruction = fit_choice_prompt(
        "Welk platform wil je starten?",
        "(pijltje of cijfer, Enter)",
        [str(c.title) for c in choices],
    )
    return add_letter_and_number_keys(
        questionary.select(
            message,
            choices=choices,
            default=default,
            instruction=instruction,
            use_jk_keys=False,
        )
    ).unsafe_ask()


def _ask_members(questionary: Any, suggestion: dict[str, Any], say: Any) -> list[str]:
    if not suggestion["fits"]:
        return []
    choices = [
        questionary.Choice(
            # the box and pointer (" » ● ") take 5 columns; prompt_toolkit cuts a longer
            # line at the edge ('(kernteam, welzijnsorganisatie of dorpsonderst')
            choice_title(f"{f['name']}" + (f" ({f['as']})" if f["as"] else f" ({f['why']})"), 5),
            value=f["id"],
            checked=f["why"] == "type",
        )
        for f in suggestion["fits"]
    ]
    # questionary sums up a checkbox in English ("done (3 selections)"): erase its line and
    # write a Dutch one, as the wizard does
    picked = list(
        questionary.checkbox(
            "Welke organisaties doen mee?",
            choices=choices,
            instruction="(spatie vinkt aan, Enter gaat verder)",
            erase_when_done=True,
        ).unsafe_ask()
        or []
    )
    names = {f["id"]: f["name"] for f in suggestion["fits"]}
    chosen = ", ".join(_escape(names[m]) for m in picked) or "geen"
    say(f"[green]?[/] [bold]Welke organisaties doen mee?[/] [cyan]{chosen}[/]")
    return picked


def _ask_trekker(questionary: Any, suggestion: dict[str, Any], members: list[str]) -> str:
    if not members:
        return ""
    names = {f["id"]: f["name"] for f in suggestion["fits"]}
    order = [m for m in suggestion["trekker_candidates"] if m in members]
    order += [m for m in members if m not in order]
    choices = [questionary.Choice(choice_title(names.get(m, m)), value=m) for m in order]
    choices.append(questionary.Choice("Later kiezen", value=LATER))
    message, instruction = fit_choice_prompt(
        "Welke organisatie trekt het platform?",
        "(pijltje of cijfer, Enter)",
        [str(c.title) for c in choices],
    )
    picked = add_letter_and_number_keys(
        questionary.select(
            message,
            choices=choices,
            instruction=instruction,
            use_jk_keys=False,
        )
    ).unsafe_ask()
    return "" if picked in (None, LATER) else str(picked)


def _save(
    wizard: Wizard,
    catalogue: pf.PlatformCatalogue,
    pid: str,
    members: list[str],
    trekker: str,
) -> None:
    """Start platform ``pid`` with the members and trekker this user picked, onto the project
    as it is now. Another wizard or `gzctl platform` may have started the same platform while
    this one asked: then this user's members join it and its trekker stays. An organisation
    removed or afgehaakt meanwhile is left out, with one line."""
    from gzctl.ops.platforms import start_or_join_platform

    try:
        done = start_or_join_platform(
            wizard.opened(), pid, members, trekker, who=wizard.who, now=wizard.clock()
        )
    except Refused as exc:
        wizard.say(f"[yellow]{_escape(exc.message)}[/]")
        return
    p, left_out, kept = done.platform, done.left_out, done.kept_trekker
    if left_out:
        names = ", ".join(_escape(m) for m in left_out)
        wizard.say(f"[yellow]Intussen van de lijst of afgehaakt, niet toegevoegd: {names}.[/]")
    if not done.started:
        wizard.say(
            f"[yellow]{_escape(p.title)} was intussen elders al gestart; je keuzes zijn "
            "erbij gezet.[/]"
            + (f" [dim]De trekker blijft {_escape(kept)}.[/]" if trekker and kept else "")
        )
    wizard.say(
        f"[green]✓[/] {_escape(p.title)} [dim]{p.id}[/] · {len(p.members)} leden · "
        f"{len(p.tasks)} eerste stappen (gzctl platform show {p.id})"
    )
