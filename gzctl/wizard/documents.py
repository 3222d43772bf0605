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
    from gzctl.core.errors import GzctlError
    from gzctl.wizard.engine import confirm

    ids = docs.step_documents(wizard.playbook, step.id)
    if not ids:
        return
    titles = {d.id: d.title for d in wizard.playbook.documents}
    names = docs.join_dutch(titles.get(i, i).lower() for i in ids)
    if not confirm(f"Wil je de documenten van deze stap nu maken ({names})?", True):
        wizard.say(f"[dim]Later kan het ook: gzctl docs build --only {ids[0]}[/]")
        return
    project = wizard.load()
    made, skipped = 0, []
    for doc_id in ids:
        try:
            report = docs.build(
                wizard.folder, project, wizard.playbook, wizard.clock().date(), only=[doc_id]
            )
        except docs.NotReady as exc:
            skipped.append(exc.message)
            continue
        except GzctlError as exc:
            wizard.say(f"[red]Fout:[/] {exc.message}")
            continue
        made += len(report.written) + len(report.unchanged)
        for edited, new in report.beside:
            wizard.say(f"Met de hand bewerkt, niet overschreven: {edited} (nieuw: {new})")
    if made:
        wizard.say(f"[green]Klaar:[/] {made} bestanden in {docs.OUTPUT_DIR}/.")
    for message in skipped:
        wizard.say(f"[dim]Nog niet: {message}[/]")
