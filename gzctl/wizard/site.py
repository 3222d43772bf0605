"""The wizard's offer in the step that makes the network visible (doen.zichtbaar): build the
website and the poster for residents now (gzctl site build does the same).

The site builder (gzctl/documents/site) loads jinja2, babel, segno and reportlab, so it is
imported inside the function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard


def site_step(wizard: Wizard, step: Step) -> None:
    """Ask whether to make the website now; make it and say where it is, or how to later."""
    from gzctl.core.errors import GzctlError
    from gzctl.wizard.engine import confirm

    say = wizard.say
    say("")
    say(
        "[bold]Website en poster[/] · inwoners zien wat er gebeurt: de agenda, wat er al "
        "gebeurde, wie meedoen en wie je kunt bellen, plus een poster voor het prikbord."
    )
    if not confirm("Wil je de website en de poster nu maken (in de map website/)?", True):
        say("[dim]Later kan het ook: gzctl site build[/]")
        return
    from gzctl.documents.site.build import SITE_DIR, build_site

    try:
        report = build_site(
            wizard.folder, wizard.load(), wizard.playbook, wizard.clock().date()
        )
    except GzctlError as exc:
        say(f"[red]Fout:[/] {exc.message}")
        return
    made = len(report.written) + len(report.unchanged)
    say(f"[green]Klaar:[/] {made} bestanden in {SITE_DIR}/. Open {SITE_DIR}/index.html.")
    say(
        f"Online zetten: upload de hele map {SITE_DIR}/ naar de website van het dorpshuis, "
        "GitHub Pages of Netlify; of open hem van een USB-stick."
    )
    for message in report.notes:
        say(f"[dim]{message}[/]")
