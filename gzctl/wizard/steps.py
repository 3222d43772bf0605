"""The wizard's registry: the step handlers a playbook can name and the hooks after a step.

The engine (gzctl/wizard/engine.py) imports no handler; this module imports them, each only
when its step runs (they load questionary, the scoring code or the document libraries), and
builds the :class:`Wizard` that the commands use. A new step handler is a function
``(wizard, step) -> None`` in its own module here, an entry in :data:`HANDLERS`, and its name
in ``core.playbook.STEP_HANDLERS`` (so that ``playbook check`` accepts it).
"""

from __future__ import annotations

from typing import Any

from gzctl.core.playbook import Step
from gzctl.wizard import engine
from gzctl.wizard.engine import Handler


def _inventory(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.inventory import inventory_step

    inventory_step(wizard, step)


def _places(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.places import places_step

    places_step(wizard, step)


def _coordinator(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.places import coordinator_step

    coordinator_step(wizard, step)


def _recruitment(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.places import recruitment_step

    recruitment_step(wizard, step)


def _platforms(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.platforms import platform_step

    platform_step(wizard, step)


def _participants(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.participants import participants_step

    participants_step(wizard, step)


def _site(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.site import site_step

    site_step(wizard, step)


def _documents(wizard: engine.Wizard, step: Step) -> None:
    from gzctl.wizard.documents import offer_documents

    offer_documents(wizard, step)


# Step handlers named in the playbook (`handler = "..."`, see core.playbook.STEP_HANDLERS):
# run after the step's questions, with the wizard (to ask and save) and the step.
HANDLERS: dict[str, Handler] = {
    "inventory": _inventory,
    "places": _places,
    "coordinator": _coordinator,
    "recruitment": _recruitment,
    "platforms": _platforms,
    "site": _site,
    "participants": _participants,
}

# Run at the end of every step, after its checklist.
AFTER_STEP: tuple[Handler, ...] = (_documents,)


class Wizard(engine.Wizard):
    """The engine with every registered handler and hook: what ``gzctl wizard`` runs. Takes
    the engine's arguments (folder, playbook, who, clock, asker, say)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("handlers", HANDLERS)
        kwargs.setdefault("after_step", AFTER_STEP)
        super().__init__(*args, **kwargs)
