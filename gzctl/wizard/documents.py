"""The wizard's offer at the end of a step that produces documents (an ``after_step`` hook)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard


def offer_documents(wizard: Wizard, step: Step) -> None:
    """At the end of a wizard step that produces documents: offer to make them now.

    Builds each of the step's documents into ``documenten/`` as ``gzctl docs build --only``
    would; a document that is not ready yet is named, not an error."""
    if not step.documents:
        return
    from gzctl import documents as docs  # lazy: jinja2, babel and docx
    from gzctl.network.session import Opened
    from gzctl.ops.documents import build_step_documents
    from gzctl.wizard.engine import confirm

    ids = docs.step_documents(wizard.playbook, step.id)
    if not ids:
        return
    titles = {d.id: d.title for d in wizard.playbook.documents}
    names = docs.join_dutch(titles.get(i, i).lower() for i in ids)
    if not confirm(f"Wil je de documenten van deze stap nu maken ({names})?", True):
        wizard.say(f"[dim]Later kan het ook: gzctl docs build --only {ids[0]}[/]")
        return
    project = Opened(wizard.folder, wizard.load(), wizard.playbook)
    results = build_step_documents(project, ids, today=wizard.clock().date())
    for r in results:
        if r.error is not None:
            wizard.say(f"[red]Fout:[/] {r.error}")
        for edited, new in r.beside:
            wizard.say(f"Met de hand bewerkt, niet overschreven: {edited} (nieuw: {new})")
    made = sum(r.made for r in results)
    if made:
        wizard.say(f"[green]Klaar:[/] {made} bestanden in {docs.OUTPUT_DIR}/.")
    for r in results:
        if r.not_ready is not None:
            wizard.say(f"[dim]Nog niet: {r.not_ready}[/]")
