"""The wizard's offer at the end of a step that produces documents (an ``after_step`` hook)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard


def offer_documents(wizard: Wizard, step: Step) -> None:
    """At the end of a wizard step that produces documents: offer to make them now.

    Only the documents that can be made now are offered (and then built into
    ``documenten/`` as ``gzctl docs build --only`` would); the others are named with the
    one line that says what is missing, never as a choice."""
    if not step.documents:
        return
    from gzctl import documents as docs  # lazy: jinja2, babel and docx
    from gzctl.network.session import Opened
    from gzctl.ops.documents import build_step_documents, step_documents_ready
    from gzctl.wizard.engine import confirm

    ids = docs.step_documents(wizard.playbook, step.id)
    if not ids:
        return
    today = wizard.clock().date()
    project = Opened(wizard.folder, wizard.load(), wizard.playbook)
    known = step_documents_ready(project, ids, today=today)
    ready = [d for d in known if d.reason is None]
    for d in known:
        if d.reason is not None:
            reason = d.reason if _names(d.reason, d.title) else f"{d.title}: {d.reason}"
            wizard.say(f"[dim]Nog niet te maken: {reason}[/]")
    if not ready:
        return
    names = docs.join_dutch(d.title.lower() for d in ready)
    word = "het document" if len(ready) == 1 else "de documenten"
    if not confirm(f"Wil je {word} van deze stap nu maken ({names})?", True):
        wizard.say(f"[dim]Later kan het ook: gzctl docs build --only {ready[0].id}[/]")
        return
    results = build_step_documents(project, [d.id for d in ready], today=today)
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


def _names(reason: str, title: str) -> bool:
    """Whether the reason already starts with the document's name ("Aanvraag aan een
    fonds: ..." for "Aanvraag aan een fonds, per platform"), so it is not said twice."""
    head = reason.split(":", 1)[0].strip().lower()
    name = title.strip().lower()
    return bool(head) and ":" in reason and (name.startswith(head) or head.startswith(name))
