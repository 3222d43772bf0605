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
) -> None:
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
    with common.transaction(opened) as change:
        org = inv.add(change.project, raw, catalogue, change.now.date())
        change.log("org-add", f"Organisatie op de lijst gezet: {org.name}", [org.id])
    extra = ""
    known = catalogue.type(org.type)
    by_name = known if not raw.get("type") else None  # no type given: read from the name
    if by_name is not None:
        extra = f" (type herkend aan de naam: {by_name.name})"
    common.say(f"Toegevoegd: {org.name}{extra}. Id: {org.id}")
    if by_name is not None:
        common.note(f"Klopt het type niet? gzctl org edit {org.id} --type TYPE")
    if org.type == inv.UNKNOWN_TYPE:
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
        ("Type", known.name if known else org.type),
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
) -> None:
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
    with common.transaction(opened) as change:
        org, changed = inv.edit(change.project, org_id, raw, catalogue, change.now.date())
        if changed:
            change.log("org-edit", f"{org.name}: {', '.join(changed)} gewijzigd", [org.id])
    if changed:
        common.say(f"{org.name}: {', '.join(changed)} gewijzigd.")
    else:
        common.say(f"{org.name}: niets veranderd.")


@app.command("status", **_kw("status"))
def status(
    ctx: common.Context,
    org_id: IdArg,
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
    opened = common.open_project(ctx)
    when = inv.parse_date(datum) if datum else None
    with common.transaction(opened) as change:
        org, old = inv.change_status(change.project, org_id, new_status, change.now.date(), when)
        if old != org.status:
            change.log("org-status", f"{org.name}: {old} → {org.status}", [org.id])
        else:
            change.log("org-status", f"{org.name}: {org.status} (datum bijgewerkt)", [org.id])
    common.say(f"{org.name}: {old} → {org.status}.")


@app.command("remove", **_kw("remove"))
def remove(
    ctx: common.Context,
    org_id: IdArg,
    yes: Annotated[
        bool, common.Option("--yes", "-y", "--ja", help="Niet om bevestiging vragen.")
    ] = False,
) -> None:
    opened = common.open_project(ctx)
    org = inv.find(opened.project, org_id)
    if not yes:
        if not runtime.stdin_is_terminal():
            raise UsageProblem(f"Weet je het zeker? Bevestig met: gzctl org remove {org.id} --yes")
        from gzctl.wizard.inventory import confirm_remove

        if not confirm_remove(org):
            common.say("Niets veranderd.")
            return
    with common.transaction(opened) as change:
        gone = inv.remove(change.project, org.id)
        change.log("org-remove", f"Organisatie van de lijst gehaald: {gone.name}", [gone.id])
    common.say(f"{gone.name} staat niet meer op de lijst (met de contactgegevens).")


# ----------------------------------------------------------------------------- import / export


@app.command("import", **_kw("import"))
def import_(
    ctx: common.Context,
    file: Annotated[str, common.Argument(metavar="BESTAND", help=".csv, .xlsx of .json.")],
    skip_invalid: Annotated[
        bool,
        common.Option(
            "--skip-invalid",
            "--sla-fouten-over",
            help="Lees de goede rijen in, sla foute rijen over.",
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        common.Option(
            "--dry-run", "--proef", help="Laat zien wat er zou gebeuren; verandert niets."
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
    json: common.JsonFlag = False,
) -> None:
    from gzctl.network import orgio

    opened = common.open_project(ctx)
    catalogue = _catalogue(opened)
    mode = {"merge": "merge", "samenvoegen": "merge", "skip": "skip", "overslaan": "skip"}.get(
        duplicates.strip().lower()
    )
    if mode is None:
        raise UsageProblem(f"--duplicates '{duplicates}': kies merge of skip.")
    table = orgio.read_table(Path(file))
    today = runtime.today()
    if dry_run:
        plan = orgio.plan_import(opened.project, table, catalogue, today, mode)
    else:
        with common.transaction(opened) as change:
            plan = orgio.plan_import(change.project, table, catalogue, change.now.date(), mode)
            if plan.ok or skip_invalid:
                changed = orgio.apply_import(change.project, plan, catalogue, change.now.date())
                if plan.added or changed:
                    change.log(
                        "org-import",
                        f"{n_orgs(len(plan.added))} ingelezen uit {table.source}"
                        + (f", {len(changed)} aangevuld" if changed else ""),
                        [o.id for o in plan.added] + changed,
                    )
    _report(plan, dry_run, skip_invalid, json)
    if not json and (plan.ok or skip_invalid):
        _type_report(plan, catalogue)
    if plan.rejected and not skip_invalid:
        raise common.Exit(2)


def _report(plan: Any, dry_run: bool, skip_invalid: bool, as_json: bool) -> None:
    written = plan.ok or skip_invalid
    if as_json:
        common.print_json(
            {
                "source": plan.source,
                "rows": plan.rows,
                "dry_run": dry_run,
                "imported": written and not dry_run,
                "added": [o.id for o in plan.added] if written else [],
                "duplicates": [
                    {
                        "row": d.row,
                        "name": d.name,
                        "of": d.of_id,
                        "of_row": d.of_row,
                        "action": plan.mode,
                        "changes": d.changes,
                    }
                    for d in plan.duplicates
                ],
                "rejected": [
                    {"row": r.row, "name": r.name, "reasons": r.reasons} for r in plan.rejected
                ],
                "unknown_columns": plan.unknown_columns,
                "double_columns": plan.double_columns,
            }
        )
        return
    out = common.note if not written else common.say
    if plan.unknown_columns:
        common.note(
            "Onbekende kolommen, overgeslagen: " + ", ".join(f"'{c}'" for c in plan.unknown_columns)
        )
    if plan.double_columns:
        names = [f"'{c}'" for c in dict.fromkeys(plan.double_columns)]
        listed = " en ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        common.note(
            f"{'Kolom' if len(names) == 1 else 'Kolommen'} {listed} "
            f"{'staat' if len(names) == 1 else 'staan'} er meer dan eens: per rij telt de "
            "eerste die is ingevuld."
        )
    for r in plan.rejected:
        label = f" ({r.name})" if r.name else ""
        common.note(f"Rij {r.row}{label}: " + inv.join_reasons(r.reasons))
    verb = "samengevoegd met" if plan.mode == "merge" else "overgeslagen, staat al als"
    for d in plan.duplicates:
        where = f"rij {d.of_row}" if d.of_row is not None else "de lijst"
        extra = (
            f" (aangevuld: {', '.join(d.changes)})" if d.changes and plan.mode == "merge" else ""
        )
        out(f"Rij {d.row} ({d.name}) is dubbel: {verb} {d.of_name} uit {where}{extra}.")
    would = "zou " if dry_run else ""
    if not written:
        common.note(
            f"Niets ingelezen: {len(plan.rejected)} van de {plan.rows} rijen zijn fout. "
            "Herstel ze, of lees alleen de goede rijen in met --skip-invalid."
        )
        return
    parts = [
        f"{n_orgs(len(plan.added))} "
        f"{'toevoegen' if dry_run else 'toegevoegd'}"
    ]
    if plan.duplicates:
        parts.append(f"{len(plan.duplicates)} dubbel")
    if plan.rejected:
        parts.append(f"{len(plan.rejected)} foute rij(en) overgeslagen")
    prefix = "Proef, er is niets veranderd. Dit " + would + "er gebeuren: " if dry_run else ""
    rows = f"{plan.rows} {'rij' if plan.rows == 1 else 'rijen'}"
    common.say(prefix + ", ".join(parts) + f" (uit {rows} in {plan.source}).")


def _type_report(plan: Any, catalogue: inv.Catalogue) -> None:
    """Which new organisations got their type from their name (the file gave none), so the
    user can check them; which are unknown. A type in the file is used as it is."""

    def few(texts: list[str]) -> str:
        return ", ".join(texts[:5]) + (f" en nog {len(texts) - 5}" if len(texts) > 5 else "")

    guessed = set(plan.by_name)
    by_name = [
        f"{o.name} ({t.name})"
        for o in plan.added
        if o.id in guessed and (t := catalogue.type(o.type)) is not None
    ]
    unknown = [o.name for o in plan.added if o.type == inv.UNKNOWN_TYPE]
    if by_name:
        common.note(
            f"Type herkend aan de naam (het bestand gaf er geen): {few(by_name)}. "
            "Klopt er een niet: gzctl org edit ID --type TYPE"
        )
    if unknown:
        common.note(
            f"Type niet herkend: {few(unknown)}. Geef het met gzctl org edit ID --type TYPE, "
            "of in een kolom 'type' in het bestand."
        )


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
