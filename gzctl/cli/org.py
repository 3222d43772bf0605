"""gzctl org add / list / show / edit / status / remove / import / export / coverage."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import common, lists, texts
from gzctl.core import runtime
from gzctl.core.errors import UsageProblem
from gzctl.core.words import count as n_of
from gzctl.network import inventory as inv


def n_orgs(n: int) -> str:
    """The count with "organisatie" or "organisaties"."""
    return n_of(n, "organisatie", "organisaties")


app = common.group(texts.COMMANDS["org"])


def _kw(name: str) -> dict[str, Any]:
    return common.command_kwargs(texts.ORG_COMMANDS[name])


IdArg = Annotated[
    str, common.Argument(metavar="ID", help="Het id (zie gzctl org list) of de naam.")
]
Kind = Annotated[
    str | None,
    common.Option(
        "--soort",
        "--kind",
        metavar="SOORT",
        help="vrijwilligers, professioneel, overheid of ondernemer.",
    ),
]
Type = Annotated[
    str | None,
    common.Option(
        "--type", metavar="TYPE", help="Een type uit de catalogus (basisschool) of vrije tekst."
    ),
]
Sectors = Annotated[
    list[str] | None,
    common.Option(
        "--sector",
        "--sectoren",
        metavar="SECTOR",
        help="zorg, welzijn, sport, recreatie, cultuur, educatie, wonen, veiligheid, "
        "levensbeschouwing, bestuur; herhaal de optie of scheid met komma's.",
    ),
]
Groups = Annotated[
    list[str] | None,
    common.Option(
        "--doelgroep",
        "--doelgroepen",
        metavar="DOELGROEP",
        help="K (kinderen), J (jongeren), G (gezinnen), V (volwassenen), O (ouderen), "
        "Kw (kwetsbaren), A (iedereen); herhaal of scheid met komma's.",
    ),
]
Reach = Annotated[
    str | None,
    common.Option(
        "--achterban",
        "--reach",
        metavar="AANTAL",
        help="Hoeveel mensen de organisatie ongeveer bereikt.",
    ),
]
Address = Annotated[
    str | None, common.Option("--adres", metavar="ADRES", help="Straat en huisnummer.")
]
Postcode = Annotated[
    str | None,
    common.Option("--postcode", metavar="POSTCODE", help="1234 AB, of vier cijfers (België)."),
]
Place = Annotated[str | None, common.Option("--plaats", metavar="PLAATS", help="Plaats.")]
ContactName = Annotated[
    str | None, common.Option("--contact", metavar="NAAM", help="Naam van de contactpersoon.")
]
Role = Annotated[
    str | None, common.Option("--functie", metavar="FUNCTIE", help="Functie van de contactpersoon.")
]
Email = Annotated[
    str | None,
    common.Option("--email", metavar="E-MAIL", help="Werk-e-mail van de contactpersoon."),
]
Phone = Annotated[
    str | None, common.Option("--telefoon", metavar="NUMMER", help="Werktelefoon (NL of BE).")
]
Salutation = Annotated[
    str | None,
    common.Option(
        "--aanhef", metavar="AANHEF", help="Aanhef in een brief, bijvoorbeeld 'Beste Karin'."
    ),
]
PublishName = Annotated[
    str | None,
    common.Option(
        "--naam-op-website",
        metavar="JA/NEE",
        help="Mag de naam van de contactpersoon op de website van het netwerk? Standaard nee.",
    ),
]
Status = Annotated[
    str | None,
    common.Option(
        "--status",
        metavar="STATUS",
        help="geïnventariseerd, benaderd, uitgenodigd, aangesloten of afgehaakt.",
    ),
]
Notes = Annotated[
    str | None, common.Option("--notitie", "--opmerkingen", metavar="TEKST", help="Opmerkingen.")
]


def _given(**values: Any) -> dict[str, Any]:
    """The options the user actually gave (None = not given; '' = clear the field)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, list):
            value = ",".join(value)
        out[key] = value
    return out


def _catalogue(opened: Any) -> inv.Catalogue:
    return inv.load_catalogue(opened.playbook)


# ----------------------------------------------------------------------------- add


@app.command("add", **_kw("add"))
def add(
    ctx: common.Context,
    name: Annotated[
        str | None, common.Argument(metavar="NAAM", help="Naam van de organisatie.")
    ] = None,
    kind: Kind = None,
    type_: Type = None,
    sector: Sectors = None,
    doelgroep: Groups = None,
    achterban: Reach = None,
    adres: Address = None,
    postcode: Postcode = None,
    plaats: Place = None,
    contact: ContactName = None,
    functie: Role = None,
    email: Email = None,
    telefoon: Phone = None,
    aanhef: Salutation = None,
    op_website: PublishName = None,
    status: Status = None,
    notitie: Notes = None,
    toch: Annotated[
        bool,
        common.Option(
            "--toch",
            "--anyway",
            help="Voeg toe ook al lijkt de naam op een organisatie op de lijst (andere "
            "woordvolgorde, afkorting).",
        ),
    ] = False,
) -> None:
    """`gzctl org add`: adds an organisation."""
    opened = common.open_project(ctx)
    catalogue = _catalogue(opened)
    raw = _given(
        name=name, kind=kind, type=type_, sectors=sector, target_groups=doelgroep,
        reach=achterban, address=adres, postcode=postcode, place=plaats, contact_name=contact,
        contact_role=functie, contact_email=email, contact_phone=telefoon,
        contact_salutation=aanhef, contact_publish=op_website, status=status, notes=notitie,
    )  # fmt: skip
    if name is None:
        if not runtime.stdin_is_terminal():
            raise UsageProblem(
                "Geef de naam van de organisatie: gzctl org add NAAM [OPTIES] "
                "(zonder terminal kan ik er niet naar vragen)."
            )
        from gzctl.wizard.inventory import ask_organisation

        # check what was given before asking anything else
        _, errors = inv.parse_fields(raw, catalogue)
        if errors:
            raise UsageProblem(inv.join_reasons(errors))
        raw = ask_organisation(catalogue, None, raw, lists.console().print)
    from gzctl.ops.orgs import add_organisation

    added = add_organisation(opened, raw, who=runtime.who(), now=runtime.now(), insist=toch)
    org = added.org
    extra = f" (type geraden aan de naam: {added.type_by_name})" if added.type_by_name else ""
    common.say(f"Toegevoegd: {org.name}{extra}. Id: {org.id}")
    if added.type_by_name is not None:
        common.note(
            f"Klopt het type? Bevestig met gzctl org bevestig {org.id}; anders: gzctl org "
            f"edit {org.id} --type TYPE. Tot dan telt het niet voor de aanhef of de kaart."
        )
    if added.unknown_type:
        common.note(
            f"Het type herken ik niet aan de naam. Wat voor organisatie is het? "
            f"gzctl org edit {org.id} --type TYPE"
        )
    common.note(f"Bekijken: gzctl org show {org.id}")


# ----------------------------------------------------------------------------- list / show


common.everyday(app, ("org", "list"), **_kw("list"))


def _phone(typed: str) -> str:
    """The number normalised, with what was typed beside it when that looks different."""
    if not typed:
        return ""
    from gzctl.core.phone import display

    shown = display(typed)
    return shown if shown == typed else f"{shown} (ingevoerd als {typed})"


@app.command("show", **_kw("show"))
def show(ctx: common.Context, org_id: IdArg, json: common.JsonFlag = False) -> None:
    """`gzctl org show`: prints one organisation, or its JSON."""
    opened = common.open_project(ctx)
    org = inv.find(opened.project, org_id)
    if json:
        common.print_json(inv.as_json(org))
        return
    from gzctl.core.questions import format_date

    catalogue = _catalogue(opened)
    known = catalogue.type(org.type)
    rows = [
        ("Id", org.id),
        ("Soort", f"{org.kind} ({inv.KINDS.get(org.kind, '?')})"),
        ("Type", (known.name if known else org.type) + (" (geraden)" if org.type_guessed else "")),
        ("Sectoren", ", ".join(catalogue.sector_label(s) for s in org.sectors)),
        ("Doelgroepen", ", ".join(catalogue.group_label(g) for g in org.target_groups)),
        ("Achterban", lists.number(org.reach)),
        ("Adres", ", ".join(x for x in (org.address, f"{org.postcode} {org.place}".strip()) if x)),
        ("Contactpersoon", ", ".join(x for x in (org.contact.name, org.contact.role) if x)),
        ("E-mail", org.contact.email),
        ("Telefoon", _phone(org.contact.phone)),
        ("Aanhef", org.contact.salutation),
        ("Naam openbaar", "ja" if org.contact.publish_name and org.contact.name else ""),
        ("Status", org.status),
    ]
    lines = [org.name, ""]
    for label, value in rows:
        if value:
            lines.append(f"  {label + ':':<16}{value}")
    history = [f"{s} op {format_date(org.dates[s])}" for s in inv.STATUSES if s in org.dates]
    if history:
        lines.append(f"  {'Verloop:':<16}" + "; ".join(history))
    if org.confirmed:
        lines.append(f"  {'Doet nog mee:':<16}gezegd op {format_date(org.confirmed)}")
    if org.notes:
        lines.append("")
        lines += [f"  {line}" for line in org.notes.splitlines()]
    common.say("\n".join(lines))


# ------------------------------------------------------------------- edit / status / remove


@app.command("edit", **_kw("edit"))
def edit(
    ctx: common.Context,
    org_id: IdArg,
    naam: Annotated[
        str | None, common.Option("--naam", "--name", metavar="NAAM", help="Nieuwe naam.")
    ] = None,
    kind: Kind = None,
    type_: Type = None,
    sector: Sectors = None,
    doelgroep: Groups = None,
    achterban: Reach = None,
    adres: Address = None,
    postcode: Postcode = None,
    plaats: Place = None,
    contact: ContactName = None,
    functie: Role = None,
    email: Email = None,
    telefoon: Phone = None,
    aanhef: Salutation = None,
    op_website: PublishName = None,
    notitie: Notes = None,
    toch: Annotated[
        bool,
        common.Option(
            "--toch",
            "--anyway",
            help="Neem de nieuwe naam ook als die lijkt op een organisatie op de lijst (andere "
            "woordvolgorde, afkorting).",
        ),
    ] = False,
) -> None:
    """`gzctl org edit`: changes the given fields of an organisation."""
    opened = common.open_project(ctx)
    catalogue = _catalogue(opened)
    raw = _given(
        name=naam, kind=kind, type=type_, sectors=sector, target_groups=doelgroep,
        reach=achterban, address=adres, postcode=postcode, place=plaats, contact_name=contact,
        contact_role=functie, contact_email=email, contact_phone=telefoon,
        contact_salutation=aanhef, contact_publish=op_website, notes=notitie,
    )  # fmt: skip
    if not raw:
        if not runtime.stdin_is_terminal():
            raise UsageProblem(
                "Geef wat er verandert als optie, bijvoorbeeld: gzctl org edit ID --achterban 250 "
                "(zie gzctl org edit --help)."
            )
        from gzctl.wizard.inventory import ask_organisation

        current = inv.find(opened.project, org_id)
        org_id = current.id
        raw = ask_organisation(catalogue, current, {}, lists.console().print)
        # only what the user changed: a field another wizard or command changed while the
        # questions were open stays as they left it
        raw = inv.changed_fields(current, raw, catalogue)
    from gzctl.ops.orgs import edit_organisation

    done = edit_organisation(
        opened, org_id, raw, who=runtime.who(), now=runtime.now(), insist=toch
    )
    if done.changed:
        from gzctl.ops.orgs import changed_text

        common.say(f"{done.name}: {changed_text(list(done.changed))}.")
    else:
        common.say(f"{done.name}: niets veranderd.")


@app.command("bevestig", **_kw("bevestig"))
def confirm(
    ctx: common.Context,
    org_ids: Annotated[
        list[str] | None,
        common.Argument(
            metavar="ID", help="Ids (zie gzctl org list) of namen; zonder id: alle gokken."
        ),
    ] = None,
) -> None:
    """`gzctl org bevestig`: confirms the types gzctl read from the names."""
    from gzctl.ops.orgs import confirm_org_types

    opened = common.open_project(ctx)
    done = confirm_org_types(opened, org_ids or [], who=runtime.who(), now=runtime.now())
    if not done.items:
        common.say("Er zijn geen geraden typen om te bevestigen.")
        return
    for name, _id, kind, was in done.items:
        common.say(f"{name}: {kind} {'bevestigd' if was else '(was al bevestigd)'}.")


@app.command("status", **_kw("status"))
def status(
    ctx: common.Context,
    org_ids: Annotated[
        list[str],
        common.Argument(metavar="ID", help="Een of meer ids (zie gzctl org list) of namen."),
    ],
    new_status: Annotated[
        str,
        common.Argument(
            metavar="STATUS",
            help="geïnventariseerd, benaderd, uitgenodigd, aangesloten of afgehaakt.",
        ),
    ],
    datum: Annotated[
        str | None,
        common.Option("--datum", "--date", metavar="DATUM", help="Wanneer (standaard vandaag)."),
    ] = None,
) -> None:
    """`gzctl org status`: sets the status of one or more organisations."""
    from gzctl.ops.orgs import set_org_statuses

    opened = common.open_project(ctx)
    when = inv.parse_date(datum) if datum else None
    changes = set_org_statuses(
        opened, org_ids, new_status, when=when, who=runtime.who(), now=runtime.now()
    )
    for done in changes:
        if done.old == done.new:
            common.say(f"{done.name}: {done.new} (datum bijgewerkt).")
        else:
            common.say(f"{done.name}: {done.old} → {done.new}.")


@app.command("nog-mee", **_kw("nog-mee"))
def still_in(
    ctx: common.Context,
    org_ids: Annotated[
        list[str],
        common.Argument(metavar="ID", help="Een of meer ids (zie gzctl org list) of namen."),
    ],
    datum: Annotated[
        str | None,
        common.Option(
            "--datum", "--date", metavar="DATUM", help="Wanneer ze het zeiden (standaard vandaag)."
        ),
    ] = None,
) -> None:
    """`gzctl org nog-mee`: records the yes to the yearly "doen jullie nog mee?"."""
    from gzctl.core.questions import format_date
    from gzctl.ops.orgs import confirm_still_in

    opened = common.open_project(ctx)
    when = inv.parse_date(datum) if datum else None
    for org in confirm_still_in(opened, org_ids, when=when, who=runtime.who(), now=runtime.now()):
        day = format_date(org.confirmed) if org.confirmed else ""
        common.say(f"{org.name}: doet nog mee ({day}); de vraag komt over een jaar terug.")


@app.command("remove", **_kw("remove"))
def remove(
    ctx: common.Context,
    org_id: IdArg,
    yes: Annotated[
        bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")
    ] = False,
    ook_verwijzingen: Annotated[
        bool,
        common.Option(
            "--ook-verwijzingen",
            help="Haal het ook uit de platforms en activiteiten die het noemen; "
            "vraagt niet om bevestiging.",
        ),
    ] = False,
) -> None:
    """`gzctl org remove`: removes an organisation after confirmation."""
    from gzctl.cli.confirm import remove_confirmed

    remove_confirmed(
        common.open_project(ctx), "org", org_id, yes, ook_verwijzingen,
        "{name} staat niet meer op de lijst (met de contactgegevens).",
    )  # fmt: skip


# ----------------------------------------------------------------------------- import / export


@app.command("import", **_kw("import"))
def import_(
    ctx: common.Context,
    file: Annotated[
        str,
        common.Argument(metavar="BESTAND", help=".csv, .tsv, .xlsx, .xls, .ods, .json of .vcf."),
    ],
    skip_invalid: Annotated[
        bool,
        common.Option(
            "--skip-invalid",
            "--sla-fouten-over",
            help="Geen fout als geen rij te gebruiken is (foute cellen en rijen zonder naam "
            "slaat import altijd over).",
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        common.Option(
            "--dry-run",
            "--proef",
            help="Laat zien wat er zou gebeuren (de koppeling, de eerste rijen); verandert niets.",
        ),
    ] = False,
    duplicates: Annotated[
        str,
        common.Option(
            "--duplicates",
            "--dubbel",
            metavar="merge|skip",
            help="Dubbele organisaties samenvoegen (merge) of overslaan (skip).",
        ),
    ] = "merge",
    koppeling: Annotated[
        str | None,
        common.Option(
            "--koppeling",
            "--mapping",
            metavar="BESTAND",
            help="Koppelingsbestand (TOML, zoals --dry-run het laat zien): welke kolom welk "
            "veld is.",
        ),
    ] = None,
    kolom: Annotated[
        list[str] | None,
        common.Option(
            "--kolom",
            "--column",
            metavar="VELD=KOLOM",
            help='Welke kolom een veld is, bv. "naam=Bedrijf" of "overslaan=Tijdstempel"; '
            "herhaal de optie voor meer kolommen.",
        ),
    ] = None,
    bewaar: Annotated[
        bool,
        common.Option(
            "--bewaar-koppeling",
            "--keep-mapping",
            help="Bewaar de koppeling in koppelingen/ voor de volgende lijst met dezelfde "
            "kolommen.",
        ),
    ] = False,
    yes: Annotated[
        bool,
        common.Option("--yes", "--ja", "-y", help="Vraag niet of de koppeling klopt."),
    ] = False,
    json: common.JsonFlag = False,
) -> None:
    """`gzctl org import`: imports organisations from a file."""
    from gzctl.ops.orgs import MappingChoice, import_organisations

    opened = common.open_project(ctx)
    choice = MappingChoice(koppeling, tuple(kolom or ()), bewaar)
    if not (dry_run or json or yes or koppeling or kolom) and runtime.stdin_is_terminal():
        choice = _ask_mapping(opened, file, choice)
        if choice is None:
            common.say("Niets ingelezen.")
            return
    report = import_organisations(
        opened,
        file,
        duplicates=duplicates,
        skip_invalid=skip_invalid,
        dry_run=dry_run,
        mapping=choice,
        who=runtime.who(),
        now=runtime.now(),
    )
    if json:
        common.print_json(report.as_json())
    else:
        for line in report.lines + report.type_lines:
            (common.note if line.aside else common.say)(line.text)
        for line in report.preview:
            common.say(line.text)
    if report.failed:
        raise common.Exit(2)


# The targets offered on a terminal, the usual first (the mapping file takes every field).
_ASKED_TARGETS = ("name", "contact_name", "contact_email", "contact_phone", "reach", "address",
                  "house_number", "postcode", "place", "notes", "_note", "_skip", "kind",
                  "type", "sectors", "target_groups", "contact_role", "first_name",
                  "last_name")  # fmt: skip


def _ask_mapping(opened: Any, file: str, choice: Any) -> Any:
    """On a terminal: show the mapping and let the person confirm it, change a column, or
    stop. Asked only when a column was guessed (not every name known exactly) and no kept
    mapping fits. Returns the choice to import with, or None to stop."""
    from dataclasses import replace

    from gzctl.network import columns as cols
    from gzctl.ops.orgs import preview_lines, read_for_import
    from gzctl.wizard.engine import confirm
    from gzctl.wizard.keys import select

    table = read_for_import(opened, file, choice)
    if table.kept_from or not cols.guessed(table.columns):
        return choice
    chosen: dict[str, str] = {}
    while True:
        for line in preview_lines(table, with_file=False):
            common.say(line.text)
        answer = select(
            "Klopt deze koppeling?",
            ["Ja, lees de lijst in", "Een kolom anders koppelen", "Stoppen"],
        )
        if answer == "Stoppen":
            return None
        if answer.startswith("Ja"):
            break
        named = [c for c in table.columns if c.header]
        titles = [f"{c.header[:50]} ({cols.LABELS[c.key]})" for c in named]
        column = named[titles.index(select("Welke kolom?", titles))]
        targets = [cols.LABELS[k] for k in _ASKED_TARGETS]
        target = select(
            f"Wat staat er in '{column.header[:40]}'?", targets, default=cols.LABELS[column.key]
        )
        chosen[column.header] = cols.parse_target(target)
        choice = replace(choice, chosen=dict(chosen))
        table = read_for_import(opened, file, choice)
    keep = choice.keep or confirm("Deze koppeling bewaren voor de volgende lijst?", True)
    return replace(choice, keep=keep)


@app.command("export", **_kw("export"))
def export(
    ctx: common.Context,
    file: Annotated[
        str,
        common.Argument(
            metavar="BESTAND", help=".csv of .xlsx (of - voor stdout met --format json/csv)."
        ),
    ],
    fmt: Annotated[
        str | None,
        common.Option(
            "--format", metavar="csv|xlsx|json", help="Het formaat, als de extensie het niet zegt."
        ),
    ] = None,
) -> None:
    """`gzctl org export`: writes the organisations to a file or stdout."""
    from gzctl.network import orgio

    opened = common.open_project(ctx)
    kind = orgio.export_format(file, fmt)
    if file == "-":
        if kind == "xlsx":
            raise UsageProblem("Een Excel-bestand kan niet naar stdout; geef een bestandsnaam.")
        import sys

        from gzctl.core.outtext import verbatim

        with verbatim():  # the list as data, for org import: nothing added to a note
            if kind == "json":
                common.print_json(orgio.json_document(opened.project))
            else:
                sys.stdout.write(orgio.csv_text(opened.project))
        return
    path = Path(file)
    orgio.write_export(opened.project, path, kind, opened.folder)
    common.note(f"{len(opened.project.organisations)} organisaties geschreven naar {file}.")


# ----------------------------------------------------------------------------- coverage


@app.command("coverage", **_kw("coverage"))
def coverage(ctx: common.Context, json: common.JsonFlag = False) -> None:
    """`gzctl org coverage`: shows which sectors and target groups are covered and which are not."""
    from gzctl.network import platforms as pf

    opened = common.open_project(ctx)
    data = inv.coverage(opened.project, _catalogue(opened))
    data["lenses"] = pf.lens_coverage(opened.project, pf.load_catalogue(opened.playbook))
    if json:
        common.print_json(data)
        return
    from rich.table import Table

    console = lists.console()
    groups = data["target_groups"]
    console.print(
        f"[bold]Dekking[/] · {data['organisations']} organisaties"
        + (
            f" [dim](plus {data['dropped_out']} afgehaakt, die tellen niet mee)[/]"
            if data["dropped_out"]
            else ""
        )
    )
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Sector")
    for g in groups:
        table.add_column(common.esc(g["id"]), justify="right")
    for s in data["sectors"]:
        cells = []
        for g in groups:
            n = data["matrix"][s["id"]][g["id"]]
            cells.append(str(n) if n else "[yellow]–[/]")
        table.add_row(common.esc(s["label"]), *cells)
    console.print(table)
    console.print(
        "[dim]"
        + ", ".join(common.esc(f"{g['id']} = {g['label']}") for g in groups)
        + ". Organisaties voor alle inwoners tellen bij elke doelgroep mee; – is een gat.[/]"
    )
    if data["sectors_without"]:
        console.print(
            "Sectoren zonder organisatie: " + common.esc(", ".join(data["sectors_without"]))
        )
    if data["groups_without"]:
        console.print(
            "Doelgroepen die niemand bereikt: " + common.esc(", ".join(data["groups_without"]))
        )
    console.print("")
    missing = data["missing_types"]
    if missing:
        console.print(f"[bold]Nog niet op de lijst[/] ({len(missing)} typische organisaties):")
        console.print("  " + common.esc(", ".join(t["name"] for t in missing)))
    else:
        console.print("Alle typische organisaties staan op de lijst.")
    if data["guessed_type"]:
        n = len(data["guessed_type"])
        console.print(
            f"[dim]Van {n_orgs(n)} is het type geraden aan de naam: zie gzctl org list "
            "--geraden, bevestig met gzctl org bevestig ID...[/]"
        )
    r = data["ratio"]
    ratio = r["civic_per_professional"]
    text = f"{r['civic']} : {r['professional']}"
    if ratio is not None:
        per = f"{ratio:.1f}".replace(".", ",")
        text += f" (zo'n {per} vrijwilligersorganisatie per professionele)"
    console.print("")
    console.print(
        f"[bold]Vrijwilligers : professionals[/] {text}"
        + (
            f"; plus {n_of(r['entrepreneur'], 'ondernemer', 'ondernemers')}"
            if r["entrepreneur"]
            else ""
        )
    )
    reach = data["reach"]
    line = f"[bold]Bereik[/] opgeteld {lists.number(reach['achterban'])} mensen"
    if reach["inhabitants"]:
        line += f" op {lists.number(reach['inhabitants'])} inwoners ({reach['percent']}%)"
    console.print(line)
    console.print(
        "[dim]Dat is een bovengrens: veel inwoners zijn lid van meer dan één organisatie."
        + (
            f" Van {n_orgs(reach['unknown'])} is de achterban niet bekend."
            if reach["unknown"]
            else ""
        )
        + "[/]"
    )
    _lens_lines(console, data["lenses"], {p.id: p.title for p in opened.project.platforms})


def _lens_lines(console: Any, lenses: dict[str, Any], titles: dict[str, str]) -> None:
    """The eight functions of buurtgerichte zorg and the zorgzame-buurt traits."""
    for key, title, count in (
        ("functions", "Functies van buurtgerichte zorg", "functions_covered"),
        ("traits", "Kenmerken van een zorgzame buurt", "traits_covered"),
    ):
        items = lenses[key]
        console.print("")
        console.print(
            f"[bold]{title}[/] ({lenses[count]} van {len(items)} gedekt: alleen wat meedoet "
            "telt, aangesloten organisaties en actieve platforms)"
        )

        def via(platforms: list[str], orgs: list[str]) -> str:
            parts = []
            if platforms:
                parts.append("platforms: " + ", ".join(titles.get(p, p) for p in platforms))
            if orgs:
                parts.append(f"{len(orgs)} organisatie{'s' if len(orgs) != 1 else ''}")
            return "; ".join(parts)

        for item in items:
            mark = {"doen mee": "[green]✓[/]", "op de lijst": "[yellow]~[/]"}.get(
                item["state"], "[yellow]–[/]"
            )
            texts = []
            if item["covered"]:
                texts.append("doen mee: " + via(item["platforms"], item["organisations"]))
            listed = via(item["on_list"]["platforms"], item["on_list"]["organisations"])
            if listed:
                texts.append("op de lijst: " + listed)
            text = " · ".join(texts) if texts else "[yellow]nog niemand[/]"
            console.print(f"  {mark} {item['label']}: {text}", overflow="fold")
