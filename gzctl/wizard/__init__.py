"""The guided wizard: the questionary engine (engine.py), the step handlers (inventory.py,
places.py, platforms.py, documents.py) and their registry (steps.py).

Import the wizard from here: ``Wizard`` is the engine with every handler registered.
"""

from gzctl.wizard.engine import Asker, apply_answers, confirm, create_from_answers, new_project
from gzctl.wizard.steps import AFTER_STEP, HANDLERS, Wizard

__all__ = [
    "AFTER_STEP",
    "HANDLERS",
    "Asker",
    "Wizard",
    "apply_answers",
    "confirm",
    "create_from_answers",
    "new_project",
]
