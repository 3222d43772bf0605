"""The wizard's "Wie doen er mee?" (after the questions of verbinden.netwerkavond).

Ticks which organisations on the list take part and which said no, and saves both through
``ops.orgs.set_org_statuses`` (aangesloten, afgehaakt): the card "Wie kan ik bellen?", the
newsletter and the website's "Wie doen mee" list the organisations that take part, so
without this they stay empty. Skippable: "Later" saves nothing and says which command does it
afterwards. questionary is imported inside the function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gzctl.wizard.keys import add_letter_and_number_keys, choice_title, fit_prompt

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard

JOINED = "aangesloten"
SAID_NO = "afgehaakt"
NOW = "nu"
LATER = "later"
LATER_HINT = "Later kan het met: gzctl org status ID... aangesloten"


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


def participants_step(wizard: Wizard, step: Step) -> None:
    """Ask who takes part and who said no, among the organisations not yet settled."""
    import questionary

    say = wizard.say
    project = wizard.load()
    settled = [o for o in project.organisations if o.status in (JOINED, SAID_NO)]
    open_orgs = [o for o in project.organisations if o.status not in (JOINED, SAID_NO)]
    say("")
    say("[bold]Wie doen er mee?[/]")
    joined = [o.name for o in settled if o.status == JOINED]
    if joined:
        say(f"[dim]Doen al mee: {_escape(', '.join(joined))}[/]")
    if not open_orgs:
        say("[dim]Er staan geen andere organisaties op de lijst (gzctl org add NAAM).[/]")
        return
    message, instruction = fit_prompt(
        "Weet je al welke organisaties meedoen?", "(pijltje of cijfer, Enter)"
    )
    when = add_letter_and_number_keys(
        questionary.select(
            message,
            choices=[
                questionary.Choice(choice_title("Ja, nu aanvinken"), value=NOW),
                questionary.Choice(
                    choice_title("Later (bijvoorbeeld na de netwerkavond)"), value=LATER
                ),
            ],
            instruction=instruction,
            use_jk_keys=False,
        )
    ).unsafe_ask()
    if when != NOW:
        say(f"[dim]{LATER_HINT}[/]")
        return
    say("[dim]Niets aanvinken mag ook: dan vul je het later in.[/]")
    from gzctl.wizard.keys import typed_yes_no

    yes: list[str] = []
    no: list[str] = []
    while True:
        yes = _tick(questionary, say, "Welke organisaties doen mee?", open_orgs, yes)
        rest = [o for o in open_orgs if o.id not in yes]
        no = [n for n in no if n not in yes]
        no = _tick(questionary, say, "Welke organisaties zeiden nee?", rest, no) if rest else []
        # the two lists once more before they are saved: an Enter too many in a long
        # checkbox list is caught here
        names = {o.id: o.name for o in open_orgs}
        say(
            f"[bold]Doen mee:[/] {_escape(', '.join(names[i] for i in yes)) or 'geen'} · "
            f"[bold]zeiden nee:[/] {_escape(', '.join(names[i] for i in no)) or 'geen'}"
        )
        if typed_yes_no("Klopt dit?", say):
            break
    _save(wizard, yes, JOINED)
    _save(wizard, no, SAID_NO)
    if not yes and not no:
        say("[dim]Niets veranderd.[/]")
        say(f"[dim]{LATER_HINT}[/]")


def _tick(
    questionary: Any, say: Any, label: str, orgs: list[Any], ticked: list[str] | None = None
) -> list[str]:
    """A checkbox list of ``orgs`` (``ticked`` ticked already); the ids ticked. questionary
    sums up a checkbox in English ("done (3 selections)"): its line is erased and a Dutch
    one written."""
    on = set(ticked or [])
    choices = [
        questionary.Choice(choice_title(o.name, 5), value=o.id, checked=o.id in on)
        for o in orgs
    ]
    message, instruction = fit_prompt(label, "(spatie vinkt aan, Enter gaat verder)")
    picked = list(
        questionary.checkbox(
            message,
            choices=choices,
            instruction=instruction,
            erase_when_done=True,
        ).unsafe_ask()
        or []
    )
    names = {o.id: o.name for o in orgs}
    chosen = ", ".join(_escape(names[p]) for p in picked) or "geen"
    say(f"[green]?[/] [bold]{label}[/] [cyan]{chosen}[/]")
    return picked


def _save(wizard: Wizard, ids: list[str], status: str) -> None:
    from gzctl.ops.orgs import set_org_statuses

    if not ids:
        return
    for done in set_org_statuses(wizard.opened(), ids, status, who=wizard.who, now=wizard.clock()):
        say = wizard.say
        say(f"[green]✓[/] {_escape(done.name)}: {done.old} → {done.new}")
