"""Dutch help texts for every command, as data.

Both the typer app and the fast path (``gzctl --help`` without loading typer) read these,
so the two can never drift apart; a test checks they list the same commands.
"""

from __future__ import annotations

from typing import NamedTuple


class Help(NamedTuple):
    summary: str
    description: str = ""
    examples: tuple[str, ...] = ()


APP = Help(
    "gzctl helpt een dorp een Gemeenschapszorg netwerk op te zetten.",
    "Verenigingen, vrijwilligers en professionals (school, huisarts, thuiszorg, sociaal "
    "wijkteam) werken samen aan een levendig dorp, vroeg signaleren en meedoen. gzctl leidt "
    "je door het stappenplan, houdt bij wat gedaan is en wat de volgende stap is. Alles staat "
    "in één bestand per dorp: gzctl.toml.",
    (
        "gzctl demo                  # een voorbeelddorp bekijken",
        "gzctl init beesd            # een nieuw dorp beginnen",
        "gzctl -C beesd status       # waar staat het dorp?",
        "gzctl next                  # wat kan ik nu doen?",
    ),
)

# Top-level commands in the order the help lists them.
COMMANDS: dict[str, Help] = {
    "init": Help(
        "Begin een nieuw dorp: maakt de projectmap en stelt de eerste vragen.",
        "Vraagt naar het dorp (naam, gemeente, provincie, inwoners) en de initiatiefnemers, "
        "maakt MAP/gzctl.toml en gaat door met het stappenplan. Bestaat er al een project, "
        "dan stopt init zonder iets te veranderen. Zonder terminal: geef --answers.",
        (
            "gzctl init beesd",
            "gzctl init beesd --answers antwoorden.toml",
            "gzctl init beesd --playbook eigen-stappenplan.toml",
        ),
    ),
    "wizard": Help(
        "Ga verder met het stappenplan, vanaf de eerste open stap.",
        "Elke vraag wordt bewaard zodra je hem beantwoordt; met Ctrl-C stop je en ga je later "
        "verder waar je was.",
        (
            "gzctl wizard",
            "gzctl wizard --stap verbinden.missie",
            "gzctl wizard --answers antwoorden.toml",
        ),
    ),
    "status": Help(
        "Laat zien waar het dorp staat: fase, voortgang, volgende acties.",
        "Met --json één JSON-document voor scripts en adviseurs.",
        ("gzctl status", "gzctl -C dorpen/beesd status --json"),
    ),
    "next": Help(
        "Toon de volgende acties die je nu kunt oppakken.",
        "Acties waarvan alles wat eraan voorafgaat gedaan is, in de volgorde van het stappenplan.",
        ("gzctl next", "gzctl next --alle", "gzctl next --json"),
    ),
    "done": Help(
        "Vink een of meer acties af.",
        "Geef het id van de actie (zie gzctl next); het laatste deel is genoeg als dat uniek is.",
        (
            "gzctl done verkennen.kerngroep",
            'gzctl done verkennen.kerngroep verkennen.gemeente --note "Gesprek op 3 maart"',
        ),
    ),
    "undo": Help(
        "Zet een afgevinkte actie terug op open.",
        "",
        ("gzctl undo verkennen.kerngroep",),
    ),
    "log": Help(
        "Toon de geschiedenis: wie wat wanneer veranderde.",
        "",
        ("gzctl log", "gzctl log -n 50", "gzctl log --json"),
    ),
    "playbook": Help(
        "Bekijk, controleer of kies het stappenplan.",
        "",
        (
            "gzctl playbook show",
            "gzctl playbook check mijn-stappenplan.toml",
            "gzctl playbook use mijn-stappenplan.toml",
        ),
    ),
    "demo": Help(
        "Maak een compleet voorbeelddorp om gzctl te leren kennen.",
        "Maakt zonder vragen een fictief dorp met een deel van het stappenplan al gedaan, en "
        "toont de status.",
        ("gzctl demo", "gzctl demo /tmp/proefdorp"),
    ),
}

PLAYBOOK_COMMANDS: dict[str, Help] = {
    "show": Help(
        "Toon een stappenplan als boom: fasen, stappen, acties.",
        "Zonder NAAM het stappenplan van het huidige project (of het standaard stappenplan).",
        ("gzctl playbook show", "gzctl playbook show gemeenschapszorg --vragen"),
    ),
    "check": Help(
        "Controleer een stappenplan-bestand op fouten.",
        "Meldt elke fout met bestand, id en regelnummer; afsluitcode 2 als er fouten zijn.",
        ("gzctl playbook check mijn-stappenplan.toml",),
    ),
    "use": Help(
        "Laat dit project een ander stappenplan volgen.",
        "Een ingebouwde naam of het pad van een eigen .toml-bestand (relatief aan de projectmap).",
        ("gzctl playbook use mijn-stappenplan.toml", "gzctl playbook use gemeenschapszorg"),
    ),
}

GLOBAL_OPTIONS = (
    (
        "-C MAP",
        "Werk in de projectmap MAP (zoals git -C). Zonder -C zoekt gzctl omhoog naar gzctl.toml.",
    ),
    ("--version", "Toon de versie van gzctl."),
    ("--install-completion", "Installeer tab-aanvulling voor je shell."),
    ("--show-completion", "Toon het aanvulscript, om zelf te installeren."),
    ("--help", "Toon deze hulp."),
)


def epilog(h: Help) -> str:
    if not h.examples:
        return ""
    return "Voorbeelden:\n\n" + "\n\n".join(f"  {e}" for e in h.examples)


def full_help(h: Help) -> str:
    return h.summary + ("\n\n" + h.description if h.description else "")
