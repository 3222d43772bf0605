"""The interactive side of the inventory: the wizard step that walks the sectors, and the
questions `gzctl org add` / `org edit` ask in a terminal.

questionary is imported inside the functions (this module is loaded by the wizard and by
`gzctl org`, never by the fast path). Every organisation is saved the moment it is entered,
in its own transaction, so Ctrl-C loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gzctl.core.errors import Refused, UsageProblem
from gzctl.core.model import Organisation
from gzctl.core.words import count
from gzctl.network import inventory as inv
from gzctl.wizard.keys import add_letter_and_number_keys

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard

OTHER = "overig"


def escape(text: str) -> str:
    """Names go into rich markup; a '[' in a name must not start a tag."""
    return text.replace("[", "\\[")


def _one(key: str, catalogue: inv.Catalogue) -> Callable[[str], bool | str]:
    """A questionary validator for one field, with the inventory's own Dutch message."""

    def check(text: str) -> bool | str:
        _, errors = inv.parse_fields({key: text}, catalogue)
        return errors[0] if errors else True

    return check


def sectors_in_order(catalogue: inv.Catalogue) -> list[tuple[str, str, list[inv.OrgType]]]:
    """(sector id, label, types whose first sector it is); types without one come last."""
    out = []
    for s in catalogue.sectors:
        types = [t for t in catalogue.types if t.sectors and t.sectors[0] == s.id]
        out.append((s.id, s.label, types))
    out.append((OTHER, "Overig", [t for t in catalogue.types if not t.sectors]))
    return out


def inventory_step(wizard: Wizard, step: Step) -> None:
    """Walk the sectors; per sector ask about the typical types not yet on the list, then
    take any other names. Only the name is asked; Enter moves on. Each sector ends with its
    short summary and "Klopt dit? j/n" ("n" walks it once more)."""
    catalogue = inv.load_catalogue(wizard.playbook)
    project = wizard.load()
    say = wizard.say
    say("")
    say(
        f"[bold]De organisaties in het dorp[/] · nu {len(project.organisations)} op de lijst. "
        "We lopen de sectoren langs. Typ de naam van een organisatie, of druk op Enter als die "
        "er niet is of je het niet weet. Alleen de naam is nodig; de rest vul je later aan "
        "met gzctl org edit."
    )
    added = 0
    from gzctl.wizard.resume import mark_part, parts_done

    walked = parts_done(wizard, step)
    for sector, label, types in sectors_in_order(catalogue):
        if sector in walked:
            continue
        if walked:
            say(f"[dim]Verder waar je was: de sectoren ervoor heb je al gehad "
                f"({len(walked)} van {len(catalogue.sectors) + 1}).[/]")  # fmt: skip
            walked = set()
        before = {o.id for o in wizard.load().organisations}
        while True:
            added += _walk_sector(wizard, catalogue, sector, label, types)
            if _sector_checked(wizard, sector, label, before):
                break
        mark_part(wizard, step, sector)
    project = wizard.load()
    total = len(project.organisations)
    say("")
    say(
        f"[bold green]{count(added, 'organisatie', 'organisaties')} toegevoegd[/]; "
        f"er staan er nu {total} op de lijst. "
        "Wat nog ontbreekt: gzctl org coverage"
    )


def _in_sector(project: Any, sector: str) -> list[Organisation]:
    return [
        o
        for o in project.organisations
        if (sector in o.sectors) or (sector == OTHER and not o.sectors)
    ]


def _walk_sector(
    wizard: Wizard, catalogue: inv.Catalogue, sector: str, label: str, types: list[inv.OrgType]
) -> int:
    """One sector: the typical types not yet on the list, then any other names. Returns
    how many organisations were added."""
    import questionary

    say = wizard.say
    added = 0
    project = wizard.load()  # fresh: another wizard or `gzctl org` may have added some
    present = _in_sector(project, sector)
    say("")
    head = f"[bold cyan]{label}[/]"
    if present:
        names = ", ".join(escape(o.name) for o in present[:8])
        more = f" en nog {len(present) - 8}" if len(present) > 8 else ""
        head += f" [dim]· al op de lijst: {names}{more}[/]"
    say(head)
    have = {o.type for o in project.organisations}
    for t in types:
        if t.id in have:
            continue
        name = _ask_name(questionary, t.question, project, say=say)
        if name:
            type_id = question_type(catalogue, t, name)
            org = _save(wizard, {"name": name, "type": type_id}, catalogue)
            if org is not None:
                added += 1
                project = wizard.load()
    while True:
        name = _ask_name(
            questionary,
            f"Nog een organisatie bij {label.lower()}?",
            project,
            instruction="(naam, of Enter voor de volgende sector)",
            say=say,
        )
        if not name:
            break
        raw: dict[str, Any] = {"name": name, "type": ask_type(catalogue, name, sector)}
        if raw["type"] == inv.UNKNOWN_TYPE:
            raw["kind"] = _select(
                f"Wat voor soort organisatie is {name} ongeveer?",
                [(f"{k}: {v}", k) for k, v in inv.KINDS.items()],
                inv.DEFAULT_KIND,
            )
            raw["sectors"] = [] if sector == OTHER else [sector]
        org = _save(wizard, raw, catalogue)
        if org is not None:
            added += 1
            project = wizard.load()
    return added


def _sector_checked(wizard: Wizard, sector: str, label: str, before: set[str]) -> bool:
    """The sector's short summary and "Klopt dit? j/n": True to go on to the next sector,
    False to walk this sector once more (an Enter too many skipped a name)."""
    from gzctl.wizard.keys import typed_yes_no

    here = _in_sector(wizard.load(), sector)
    new = [o for o in here if o.id not in before]
    if here:
        names = ", ".join(escape(o.name) + (" (nieuw)" if o in new else "") for o in here)
        wizard.say(f"[bold]{label}:[/] {names}")
    else:
        wizard.say(f"[bold]{label}:[/] nog niemand op de lijst")
    if typed_yes_no("Klopt dit?", wizard.say):
        return True
    wizard.say(
        f"[dim]We lopen {label.lower()} nog eens langs; wat er al staat blijft staan. "
        "Verkeerd ingevuld? Weghalen kan later met gzctl org remove.[/]"
    )
    return False


# The last options of the type question after the free prompt.
ALL_TYPES = "Een ander type (de hele lijst)"
DONT_KNOW = "Weet ik niet"
RECOGNISED = " (herkend aan de naam)"


def ask_type(catalogue: inv.Catalogue, name: str, sector: str) -> str:
    """The type of an organisation typed at the free prompt ('Nog een organisatie bij
    zorg?'), asked, never silently guessed: what the user picks is what is stored. A type
    recognised in the name comes first and is the default (Enter keeps it); then the types
    of the sector being walked, the whole catalogue one step further, and "Weet ik niet"
    (the default when nothing was recognised: the organisation is filed as unknown and
    ``org coverage`` asks about it later). Returns a type id or ``inv.UNKNOWN_TYPE``."""
    guessed = catalogue.match_type(name)
    options: list[tuple[str, str]] = []
    if guessed is not None:
        options.append((guessed.name + RECOGNISED, guessed.id))
    options += [
        (t.name, t.id)
        for t in catalogue.types
        if t is not guessed and (t.sectors[:1] == (sector,) or (sector == OTHER and not t.sectors))
    ]
    options += [(ALL_TYPES, ALL_TYPES), (DONT_KNOW, inv.UNKNOWN_TYPE)]
    default = guessed.id if guessed is not None else inv.UNKNOWN_TYPE
    answer = _select(f"Wat voor organisatie is {name}?", options, default)
    if answer != ALL_TYPES:
        return answer
    everything = sorted(((t.name, t.id) for t in catalogue.types), key=lambda o: o[0].lower())
    return _select(
        f"Wat voor organisatie is {name}? Kies uit de hele lijst.",
        [*everything, (DONT_KNOW, inv.UNKNOWN_TYPE)],
        guessed.id if guessed is not None else everything[0][1],
        "(pijltje of eerste letter, Enter)",
    )


def _select(
    label: str, options: list[tuple[str, str]], default: str, instruction: str = ""
) -> str:
    """A choice list of (title, value) that answers to arrows, numbers and first letters,
    wrapped for the screen; returns the chosen value."""
    import questionary

    from gzctl.wizard.keys import choice_title, fit_choice_prompt

    titles = [choice_title(t) for t, _ in options]
    message, instruction = fit_choice_prompt(
        label, instruction or "(pijltje of cijfer, Enter)", titles
    )
    question = questionary.select(
        message,
        choices=[
            questionary.Choice(t, value=v) for t, (_, v) in zip(titles, options, strict=True)
        ],
        default=next((v for _, v in options if v == default), None),
        instruction=instruction,
        use_jk_keys=False,
    )
    return str(add_letter_and_number_keys(question).unsafe_ask())


def question_type(catalogue: inv.Catalogue, asked: inv.OrgType, name: str) -> str:
    """The type of an organisation named at the question for type ``asked``: the question
    wins. A name may only refine it within the question's own sector ('Apotheek Beesd' at
    the physiotherapy question is a pharmacy); name recognition never moves it elsewhere
    ('Gereformeerde Gemeente Beesd' at the church question stays a church, not the
    municipality)."""
    named = catalogue.match_type(name)
    if named is None or named.id == asked.id:
        return asked.id
    if named.sectors[:1] == asked.sectors[:1] and named.kind == asked.kind:
        return named.id
    return asked.id


def _ask_name(
    questionary: Any,
    question: str,
    project: Any,
    instruction: str = "(naam, of Enter)",
    say: Callable[[str], None] = print,
) -> str:
    """A name typed at ``question``, or "" (Enter). A name already on the list is said and
    skipped, and the question comes back empty: a validator cannot do this (prompt_toolkit
    does not validate unchanged text again, so its message would stay until the name is
    erased by hand, which leaves a volunteer stuck)."""
    from gzctl.wizard.keys import fit_prompt, means_back, means_later

    message, instruction = fit_prompt(question, instruction, answer=30)
    while True:
        answer = questionary.text(message, instruction=instruction).unsafe_ask()
        name = " ".join(str(answer or "").split())
        if means_later(name):
            return ""  # "weet ik niet" is no organisation
        if means_back(name):
            say("[dim]  Verbeteren kan aan het eind van deze sector: bij 'Klopt dit?' typ n.[/]")
            continue
        twin = inv.find_duplicate(project, name) if name else None
        if twin is not None:
            say(
                f"[yellow]{escape(name)} staat al op de lijst als {escape(twin.name)} "
                f"({twin.id}); die slaan we over.[/]"
            )
            continue
        near = inv.find_near_duplicate(project, name) if name else None
        if near is not None and _same(name, near):
            say(f"[dim]  {escape(name)} slaan we over: dat is {escape(near.name)}.[/]")
            continue
        return name


def _same(name: str, near: Organisation) -> bool:
    """Ask whether ``name`` is the organisation ``near`` already on the list ("KBO" and
    "KBO Heukelum"): True to pass it by, False to add it as another organisation."""
    from gzctl.wizard.keys import select

    same = "Ja, dezelfde: niet nog eens toevoegen"
    other = "Nee, een andere organisatie: toevoegen"
    picked = select(
        f"Is {name} hetzelfde als {near.name} ({near.id}), dat al op de lijst staat?",
        [same, other],
        same,
        instruction="(pijltje of cijfer, Enter)",
    )
    return bool(picked == same)


def _save(wizard: Wizard, raw: dict[str, Any], catalogue: inv.Catalogue) -> Organisation | None:
    from gzctl.ops.orgs import add_organisation

    try:
        added = add_organisation(wizard.opened(), raw, who=wizard.who, now=wizard.clock())
        org: Organisation = added.org
    except (Refused, UsageProblem) as exc:  # a twin, or a name too long: say so, go on
        wizard.say(f"[yellow]{escape(exc.message)}[/]")
        return None
    kind_type = catalogue.type(org.type)
    known = f" [dim](herkend als {kind_type.name})[/]" if kind_type and "type" not in raw else ""
    wizard.say(f"[green]✓[/] {escape(org.name)} [dim]{org.id}[/]{known}")
    return org


# ----------------------------------------------------------------------------- org add / edit


def ask_organisation(
    catalogue: inv.Catalogue,
    current: Organisation | None,
    given: dict[str, Any],
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Ask every field not given as an option; ``current`` (for edit) supplies defaults.
    Returns raw fields for inventory.add / inventory.edit. ``say`` writes rich markup."""
    import questionary

    raw = dict(given)

    def default(key: str) -> str:
        if key in given and given[key] is not None:
            value = given[key]
        elif current is not None:
            value = inv.get_field(current, key)
        else:
            value = ""
        if isinstance(value, list):
            return ", ".join(value)
        return "" if value is None else str(value)

    def text(key: str, label: str, required: bool = False) -> None:
        if key in given:
            return
        validate = _one(key, catalogue)

        def check(answer: str) -> bool | str:
            if not answer.strip():
                return "Dit is verplicht." if required else True
            return validate(answer)

        raw[key] = questionary.text(label, default=default(key), validate=check).unsafe_ask()

    text("name", "Naam van de organisatie", required=True)
    guessed = catalogue.match_type(raw.get("name") or "") if current is None else None
    if "type" not in given:
        names = [t.name for t in catalogue.types]
        start = default("type")
        if current is not None and catalogue.type(current.type):
            start = catalogue.type(current.type).name  # type: ignore[union-attr]
        elif guessed:
            start = guessed.name
        answer = questionary.autocomplete(
            "Type (kies uit de lijst of typ zelf; mag leeg)",
            choices=names,
            default=start,
            ignore_case=True,
            match_middle=True,
        ).unsafe_ask()
        raw["type"] = answer
    org_type = catalogue.match_type(str(raw.get("type") or "")) or guessed
    if "kind" not in given:
        kind_default = (
            current.kind if current else (org_type.kind if org_type else inv.DEFAULT_KIND)
        )
        raw["kind"] = add_letter_and_number_keys(
            questionary.select(
                "Soort",
                choices=[questionary.Choice(f"{k}: {v}", value=k) for k, v in inv.KINDS.items()],
                default=kind_default,
                instruction="(pijltje of cijfer, Enter)",
                use_jk_keys=False,
            )
        ).unsafe_ask()
    for key, label, options, fallback in (
        ("sectors", "Sectoren", catalogue.sectors, org_type.sectors if org_type else ()),
        (
            "target_groups",
            "Doelgroepen",
            catalogue.groups,
            org_type.target_groups if org_type else (),
        ),
    ):
        if key in given:
            continue
        chosen = set(getattr(current, key) if current else fallback)
        raw[key] = questionary.checkbox(
            label,
            choices=[
                questionary.Choice(
                    f"{o.label} ({o.id})" if key == "target_groups" else o.label,
                    value=o.id,
                    checked=o.id in chosen,
                )
                for o in options
            ],
            instruction="(spatie kiest, Enter bevestigt)",
            erase_when_done=True,  # questionary sums up in English; say it in Dutch instead
        ).unsafe_ask()
        summary = ", ".join(raw[key]) if raw[key] else "geen"
        say(f"[green]?[/] [bold]{label}[/] [cyan]{summary}[/]")
    text("reach", "Achterban: hoeveel mensen bereikt de organisatie ongeveer? (mag leeg)")
    text("contact_name", "Contactpersoon (naam; mag leeg)")
    text("contact_role", "Functie van de contactpersoon (mag leeg)")
    text("contact_email", "Werk-e-mail van de contactpersoon (mag leeg)")
    text("contact_phone", "Werktelefoon (mag leeg)")
    text("contact_salutation", "Aanhef in een brief, bijvoorbeeld 'Beste Karin' (mag leeg)")
    text("address", "Adres (mag leeg)")
    text("postcode", "Postcode (mag leeg)")
    text("place", "Plaats (mag leeg)")
    text("notes", "Opmerkingen (mag leeg)")
    return raw
