"""The organisations on the list as use cases: add, edit, change status, import.

The import report is shaped here, once: :class:`ImportReport` holds the plan, the JSON
document ``gzctl org import --json`` prints, and the Dutch lines of the human report (each
marked for stdout or stderr), so the command only prints and picks the exit code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core.errors import NotFound, UsageProblem
from gzctl.core.model import Organisation
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record
from gzctl.core.words import count
from gzctl.network import inventory as inv
from gzctl.ops.project import Where, opened, transaction
from gzctl.ops.reports import Edited, Line


def n_orgs(n: int) -> str:
    """'1 organisatie', '3 organisaties'."""
    return count(n, "organisatie", "organisaties")


# ----------------------------------------------------------------------------- add / edit


@_frozen_record
class Added(_FrozenRecord):
    """``gzctl org add``: the new organisation, and the type read from its name (None when
    a type was given, or none was recognised)."""

    org: Any
    type_by_name: str | None
    unknown_type: bool


def add_organisation(
    where: Where, fields: dict[str, Any], *, who: str, now: dt.datetime, insist: bool = False
) -> Added:
    """Put an organisation on the list (``fields`` as inventory.parse_fields takes them:
    name, kind, type, sectors, ...). Without a type, the type is read from the name. A name
    that only looks like one on the list goes through with ``insist`` (``--toch``)."""
    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        org = inv.add(tx.project, fields, catalogue, now.date(), insist)
        tx.log("org-add", f"Organisatie op de lijst gezet: {org.name}", [org.id])
    known = catalogue.type(org.type)
    by_name = known.name if known is not None and not fields.get("type") else None
    return Added(org, by_name, org.type == inv.UNKNOWN_TYPE)


def edit_organisation(
    where: Where,
    org_id: str,
    fields: dict[str, Any],
    *,
    who: str,
    now: dt.datetime,
    insist: bool = False,
) -> Edited:
    """Change the given fields of one organisation; a history line only when one changed."""
    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        org, changed = inv.edit(tx.project, org_id, fields, catalogue, now.date(), insist)
        if changed:
            tx.log("org-edit", f"{org.name}: {changed_text(changed)}", [org.id])
    return Edited(org.name, org.id, list(changed))


def changed_text(changed: list[str]) -> str:
    """'achterban, telefoon gewijzigd', 'type bevestigd', or both joined with '; '."""
    fields = [c for c in changed if c != inv.TYPE_CONFIRMED]
    said = [f"{', '.join(fields)} gewijzigd"] if fields else []
    return "; ".join(said + [c for c in changed if c == inv.TYPE_CONFIRMED])


@_frozen_record
class Confirmed(_FrozenRecord):
    """``gzctl org bevestig``: per organisation its name, id, type name and whether the type
    was a guess (False: it was confirmed or given already)."""

    items: list[tuple[str, str, str, bool]]


def confirm_org_types(
    where: Where, org_ids: list[str], *, who: str, now: dt.datetime
) -> Confirmed:
    """Confirm the types gzctl read from the names (``gzctl org bevestig ID...``); with no ids,
    every guessed type on the list. One transaction, one history line; an unknown id changes
    nothing (NotFound)."""
    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        ids = org_ids or [o.id for o in inv.guessed(tx.project)]
        if not ids:
            return Confirmed([])
        done = inv.confirm_types(tx.project, ids)
        items = [
            (o.name, o.id, (t.name if (t := catalogue.type(o.type)) else o.type), was)
            for o, was in done
        ]
        now_confirmed = [f"{name} ({kind})" for name, _, kind, was in items if was]
        if now_confirmed:
            tx.log(
                "org-edit", "Type bevestigd: " + ", ".join(now_confirmed), [i[1] for i in items]
            )
    return Confirmed(items)


@_frozen_record
class StatusChanged(_FrozenRecord):
    """An organisation's status before (``old``) and after (``new``)."""

    name: str
    id: str
    old: str
    new: str


def set_org_status(
    where: Where,
    org_id: str,
    status: str,
    *,
    when: dt.date | None = None,
    who: str,
    now: dt.datetime,
) -> StatusChanged:
    """Move an organisation along benaderd, uitgenodigd, aangesloten ... (``when``: the day
    it happened, default today)."""
    return set_org_statuses(where, [org_id], status, when=when, who=who, now=now)[0]


def set_org_statuses(
    where: Where,
    org_ids: list[str],
    status: str,
    *,
    when: dt.date | None = None,
    who: str,
    now: dt.datetime,
) -> list[StatusChanged]:
    """Give several organisations one status (``gzctl org status ID... STATUS``, the
    wizard's "Wie doen er mee?"): one transaction, one history line. Every id or name must
    name an organisation first: one that does not refuses the whole change, nothing saved
    (:class:`NotFound`, one line naming each, with a did-you-mean)."""
    new = inv.parse_status(status)
    with transaction(opened(where), who, now) as tx:
        orgs: list[Organisation] = []
        unknown: list[str] = []
        for raw in org_ids:
            try:
                org = inv.find(tx.project, raw)
            except NotFound as exc:
                unknown.append(exc.message.removesuffix(_SEE_LIST).strip())
                continue
            if org not in orgs:
                orgs.append(org)
        if unknown:
            raise NotFound(" ".join(unknown) + " Er is niets veranderd." + _SEE_LIST)
        if not orgs:
            raise UsageProblem("Geef minstens één organisatie (zie gzctl org list).")
        changes = []
        for org in orgs:
            old = org.status
            inv.set_status(org, new, when or now.date())
            changes.append(StatusChanged(org.name, org.id, old, org.status))
        tx.log("org-status", _status_line(changes), [c.id for c in changes])
    return changes


def confirm_still_in(
    where: Where,
    org_ids: list[str],
    *,
    when: dt.date | None = None,
    who: str,
    now: dt.datetime,
) -> list[Organisation]:
    """Record the answer "ja, we doen nog mee" to the yearly question (``gzctl org
    nog-mee``): only joined organisations can answer it; one unknown or not joined id
    refuses the whole change. Returns the organisations, as they are now."""
    day = when or now.date()
    with transaction(opened(where), who, now) as tx:
        orgs: list[Organisation] = []
        for raw in org_ids:
            org = inv.find(tx.project, raw)
            if org.status != "aangesloten":
                raise UsageProblem(
                    f"{org.name} is {org.status}, niet aangesloten: de vraag 'doen jullie nog "
                    "mee?' is voor aangesloten organisaties. Er is niets veranderd."
                )
            if org not in orgs:
                orgs.append(org)
        if not orgs:
            raise UsageProblem("Geef minstens één organisatie (zie gzctl org list).")
        for org in orgs:
            org.confirmed = day
        names = ", ".join(o.name for o in orgs)
        tx.log("org-nog-mee", f"Doet nog mee: {names}", [o.id for o in orgs])
    return orgs


_SEE_LIST = " Zie: gzctl org list"


def _status_line(changes: list[StatusChanged]) -> str:
    """The history line: 'VV Beesd: benaderd → aangesloten' for one organisation,
    'Aangesloten: VV Beesd (was benaderd), KBO Beesd (was uitgenodigd)' for several."""
    if len(changes) == 1:
        c = changes[0]
        if c.old != c.new:
            return f"{c.name}: {c.old} → {c.new}"
        return f"{c.name}: {c.new} (datum bijgewerkt)"
    parts = [
        f"{c.name} (was {c.old})" if c.old != c.new else f"{c.name} (datum bijgewerkt)"
        for c in changes
    ]
    return f"{changes[0].new.capitalize()}: " + ", ".join(parts)


# ----------------------------------------------------------------------------- import

_MODES = {"merge": "merge", "samenvoegen": "merge", "skip": "skip", "overslaan": "skip"}


@_frozen_record
class ImportReport(_FrozenRecord):
    """What ``gzctl org import`` did or would do.

    ``written``: the rows with a usable name were (or, in a dry run, would be) taken in, a
    wrong cell left empty (``plan.cells``) and a row without a usable name left out
    (``plan.rejected``); ``failed``: no row could be taken in (nothing changed; exit code 2;
    with --skip-invalid an empty import instead). ``lines``:
    the human report; ``type_lines``: which new organisations got their type from their
    name or have none (shown after the report when something was taken in)."""

    plan: Any
    dry_run: bool
    skip_invalid: bool
    lines: list[Line] = field(default_factory=list)
    type_lines: list[Line] = field(default_factory=list)
    table: Any = None
    preview: list[Line] = field(default_factory=list)  # a dry run: mapping and first rows

    @property
    def written(self) -> bool:
        """Whether the import was (or would be) carried out: it was not refused."""
        return not self.failed

    @property
    def failed(self) -> bool:
        """Whether the import was refused: rows were left out and no other row can be
        taken in (with --sla-fouten-over: an import of nothing instead)."""
        return bool(self.plan.refused) and not self.skip_invalid

    def as_json(self) -> dict[str, Any]:
        """The document ``gzctl org import --json`` prints."""
        plan = self.plan
        return {
            "source": plan.source,
            "rows": plan.rows,
            "dry_run": self.dry_run,
            "imported": self.written and not self.dry_run,
            "added": [o.id for o in plan.added] if self.written else [],
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
            "cells": [
                {"row": c.row, "name": c.name, "column": c.column, "value": c.value,
                 "reason": c.reason}
                for c in plan.cells
            ],  # fmt: skip
            "unknown_columns": plan.unknown_columns,
            "double_columns": [c.split("|")[0] for c in plan.double_columns],
            "columns": [
                {"column": c.header, "field": c.key.lstrip("_"), "how": c.how}
                for c in (self.table.columns if self.table is not None else [])
            ],
            "sheets": [{"sheet": s, "rows": n} for s, n in getattr(self.table, "sheets", [])],
            "sheets_left": [
                {"sheet": s, "why": w} for s, w in getattr(self.table, "sheets_left", [])
            ],
            "reach_read": [
                {"row": r.row, "text": r.text, "value": r.value, "how": r.how}
                for r in plan.reach_read
            ],
        }


# Where a kept mapping lives in the project folder: one small TOML per source.
MAPPINGS_FOLDER = "koppelingen"


@_frozen_record
class MappingChoice(_FrozenRecord):
    """The columns a person chose for an import: ``--koppeling FILE`` and ``--kolom
    VELD=KOLOM`` (the options win), and whether to keep the mapping for the next import."""

    file: str | None = None
    columns: tuple[str, ...] = ()
    keep: bool = False
    chosen: dict[str, str] | None = None  # {column: key} as a terminal gave it


NO_CHOICE = MappingChoice()  # no mapping given: recognise the columns


def _chosen(choice: MappingChoice) -> dict[str, str] | None:
    from gzctl.network import columns as cols

    out: dict[str, str] = {}
    if choice.file:
        out.update(cols.read_file(Path(choice.file)))
    for option in choice.columns:
        column, key = cols.parse_option(option)
        out[column] = key
    if choice.chosen:
        out.update(choice.chosen)
    return out or None


def _kept(folder: Path, file: Path) -> Any:
    """The file read with a mapping kept in koppelingen/ for a source with exactly these
    column names, or None."""
    from gzctl.network import columns as cols
    from gzctl.network import orgio

    here = folder / MAPPINGS_FOLDER
    if not here.is_dir():
        return None
    for path in sorted(here.glob("*.toml")):
        try:
            mapping = cols.read_file(path)
            table = orgio.read_table(file, mapping)
        except UsageProblem:
            continue
        names = {inv.compact(c.header) for c in table.columns if c.header}
        if {inv.compact(k) for k in mapping} == names:
            table.kept_from = f"{MAPPINGS_FOLDER}/{path.name}"
            return table
    return None


def read_for_import(
    where: Where, file: str | Path, choice: MappingChoice = NO_CHOICE
) -> Any:
    """The file read with its column mapping (orgio.Table), for the terminal's look at the
    mapping before the import: the person's choice, else a kept mapping, else the guess."""
    from gzctl.network import orgio

    project = opened(where)
    chosen = _chosen(choice)
    if chosen is None:
        kept = _kept(project.folder, Path(file))
        if kept is not None:
            return kept
    return orgio.read_table(Path(file), chosen)


# The rows a preview shows (and all an import keeps of the file's rows once planned).
PREVIEW_ROWS = 3


def import_organisations(
    where: Where,
    file: str | Path,
    *,
    duplicates: str = "merge",
    skip_invalid: bool = False,
    dry_run: bool = False,
    mapping: MappingChoice = NO_CHOICE,
    who: str,
    now: dt.datetime,
) -> ImportReport:
    """Read organisations from a list (.csv, .tsv, .xlsx, .xls, .ods, .json, .vcf).

    ``duplicates``: merge (fill in what the list lacks) or skip. A wrong cell is left empty
    (its text goes in the note), a row without a usable name is left out; only when no row
    can be taken in is the import refused (``skip_invalid``: then nothing is taken in
    without refusing); ``dry_run`` changes nothing and adds the mapping, the
    first rows and a mapping file to edit to the report. ``mapping``: the columns the person
    chose, and whether to keep them in koppelingen/. One transaction, one history line for
    everything taken in."""
    from gzctl.network import orgio

    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    mode = _MODES.get(duplicates.strip().lower())
    if mode is None:
        raise UsageProblem(f"--duplicates '{duplicates}': kies merge of skip.")
    table = read_for_import(project, file, mapping)
    if dry_run:
        plan = orgio.plan_import(project.project, table, catalogue, now.date(), mode)
    else:
        with transaction(project, who, now) as tx:
            plan = orgio.plan_import(tx.project, table, catalogue, now.date(), mode)
            if not plan.refused:
                changed = orgio.apply_import(tx.project, plan, catalogue, now.date())
                if plan.added or changed:
                    tx.log(
                        "org-import",
                        f"{n_orgs(len(plan.added))} ingelezen uit {table.source}"
                        + (f", {len(changed)} aangevuld" if changed else ""),
                        [o.id for o in plan.added] + changed,
                    )
            # the rows are planned: let go of them before the save renders and checks the
            # whole file, where an import of 50,000 rows takes the most memory
            del table.rows[PREVIEW_ROWS:]
    report = ImportReport(plan, dry_run, skip_invalid, table=table)
    report.lines.extend(_file_lines(table, plan))
    report.lines.extend(_report_lines(plan, dry_run, report.written))
    if report.written:
        report.type_lines.extend(_type_lines(plan, catalogue))
    if dry_run:
        report.preview.extend(preview_lines(table))
    if mapping.keep:
        report.lines.append(_keep(project.folder, table))
    return report


def _keep(folder: Path, table: Any) -> Line:
    """Write the mapping to koppelingen/<file>.toml, for the next import of this source."""
    from gzctl.core import safefs
    from gzctl.network import columns as cols

    name = inv.slugify(Path(table.source).stem) + ".toml"
    path = folder / MAPPINGS_FOLDER / name
    safefs.write_text(path, cols.as_toml(table.columns, table.source), root=folder, make_dirs=True)
    return Line(
        f"Koppeling bewaard in {MAPPINGS_FOLDER}/{name}: de volgende lijst met dezelfde "
        "kolommen gebruikt hem vanzelf.",
        aside=True,
    )


def _few(texts: list[str], n: int = 6) -> str:
    return ", ".join(texts[:n]) + (f" en nog {len(texts) - n}" if len(texts) > n else "")


def _file_lines(table: Any, plan: Any) -> list[Line]:
    """What the report says about the file itself: a kept mapping used, the sheets read and
    left, formulas without values, e-mail from links, columns skipped or kept in the note,
    members in words."""
    from gzctl.network.columns import SKIP

    out: list[Line] = []
    kept = table.kept_from
    if kept:
        out.append(Line(f"Koppeling van de kolommen uit {kept} gebruikt.", aside=True))
    if len(table.sheets) > 1:
        read = _few([f"{name} ({n})" for name, n in table.sheets])
        as_sector = all(plan.sheet_sectors.get(name) for name, _ in table.sheets)
        how = (
            "de naam van het tabblad is de sector"
            if as_sector
            else "de naam van het tabblad staat in de notitie (of is de sector, als hij er een is)"
        )
        out.append(Line(f"Tabbladen gelezen: {read}; {how}.", aside=True))
    for name, why in table.sheets_left:
        out.append(Line(f"Tabblad '{name}' niet gelezen: {why}.", aside=True))
    if table.formulas:
        where = _few([f"rij {r} '{h}'" + (f" ({s})" if len(table.sheets) > 1 else "")
                      for s, r, h in table.formulas], 4)  # fmt: skip
        out.append(
            Line(
                f"{len(table.formulas)} cel(len) met een formule zonder opgeslagen waarde "
                f"({where}) zijn leeg gelezen. Open en bewaar het bestand in Excel en lees "
                "het opnieuw in.",
                aside=True,
            )
        )
    if table.links:
        out.append(Line(f"E-mailadres uit de link in de cel gehaald: {table.links}x.", aside=True))
    skipped = [c for c in table.columns if c.key == SKIP and c.how != "leeg"]
    if skipped:
        why = {"formulier": "formulier", "overslaan": "herhaling of label"}
        listed = _few([f"'{c.header}' ({why.get(c.how, 'zo gekozen')})" for c in skipped], 8)
        out.append(Line(f"Kolommen niet gelezen: {listed}.", aside=True))
    empty = [c for c in table.columns if c.how == "leeg"]
    if empty:
        out.append(Line(f"{len(empty)} lege kolom(men) niet gelezen.", aside=True))
    out.extend(_reach_lines(plan))
    return out


def _reach_lines(plan: Any) -> list[Line]:
    out: list[Line] = []
    by_how: dict[str, list[Any]] = {}
    for r in plan.reach_read:
        by_how.setdefault(r.how, []).append(r)
    texts = {
        "read": "Achterban als getal gelezen: {}.",
        "range": "Achterban met een van-tot gelezen als het laagste getal: {}.",
        "unknown": "Achterban onbekend, leeg gelaten: {}.",
        "bad": "Achterban niet te lezen, leeg gelaten (de tekst staat in de notitie): {}.",
    }
    for how, text in texts.items():
        rows = by_how.get(how, [])
        if not rows:
            continue
        shown = [
            f"'{r.text}'" + (f" -> {r.value}" if r.value is not None else "") + f" (rij {r.row})"
            for r in rows
        ]
        out.append(Line(text.format(_few(shown, 5)), aside=True))
    return out


def preview_lines(table: Any, width: int = 78, with_file: bool = True) -> list[Line]:
    """The mapping, the first rows as they will be read, and (``with_file``) a mapping file
    to edit. Empty columns and columns skipped as a label or repeat share one line each, so
    an Outlook export fits a screen of 24 lines."""
    from gzctl.network import columns as cols

    def cut(line: str) -> Line:
        return Line(line if len(line) <= width else line[: width - 1] + "…")

    out = [Line(f"Kolommen van {table.source} (kolomnamen in rij {table.header_row}):")]
    empty = [c for c in table.columns if c.empty and c.how != "gekozen"]
    repeats = [c for c in table.columns if c.how == "overslaan" and not c.empty]
    for col in table.columns:
        if col in empty or col in repeats:
            continue
        header = col.header or "(zonder naam)"
        header = header if len(header) <= 30 else header[:29] + "…"
        target = cols.LABELS[col.key]
        out.append(cut(f"  {_letter(col.index):>2} {header:<30} -> {target} "
                       f"({cols.HOW.get(col.how, col.how)})"))  # fmt: skip
    if repeats:
        names = ", ".join(f"'{c.header}'" for c in repeats)
        out.append(cut(f"  Niet gelezen (herhaling of label): {names}"))
    if [c for c in empty if c.header]:
        out.append(cut("  Leeg: " + ", ".join(f"'{c.header}'" for c in empty if c.header)))
    out.append(Line("Eerste rijen zoals ze gelezen worden:"))
    shown = PREVIEW_ROWS if len(out) <= 15 else 2  # with the question, a screen of 24 lines
    for number, row in table.rows[:shown]:
        parts = [str(row.get(k)) for k in ("name", "contact_name", "contact_email",
                                            "contact_phone", "reach", "place")
                 if not inv._blank(row.get(k))]  # fmt: skip
        out.append(cut(f"  rij {number}: " + " · ".join(parts)))
    if with_file:
        out.append(Line("Klopt een kolom niet? Bewaar wat hieronder staat als koppeling.toml,"))
        out.append(Line("pas het aan en lees in met --koppeling koppeling.toml (of met --kolom)."))
        out.append(Line(cols.as_toml(table.columns, table.source).rstrip("\n")))
    return out


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _report_lines(plan: Any, dry_run: bool, written: bool) -> list[Line]:
    out: list[Line] = []
    if plan.unknown_columns:
        out.append(
            Line(
                "Onbekende kolommen, bewaard in de notitie ('Kolom: waarde'): "
                + ", ".join(f"'{c}'" for c in plan.unknown_columns),
                aside=True,
            )
        )
    for pair in [c for c in dict.fromkeys(plan.double_columns) if "|" in c]:
        later, first = pair.split("|", 1)
        out.append(
            Line(
                f"Kolommen '{first}' en '{later}' zijn voor hetzelfde veld: per rij telt de "
                "eerste die is ingevuld.",
                aside=True,
            )
        )
    same = [c for c in plan.double_columns if "|" not in c]
    if same:
        names = [f"'{c}'" for c in dict.fromkeys(same)]
        listed = " en ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        one = len(names) == 1
        out.append(
            Line(
                f"{'Kolom' if one else 'Kolommen'} {listed} {'staat' if one else 'staan'} er "
                "meer dan eens: per rij telt de eerste die is ingevuld.",
                aside=True,
            )
        )
    for r in plan.rejected:
        label = f" ({r.name})" if r.name else ""
        said = inv.join_reasons([*r.reasons, "rij overgeslagen"] if written else r.reasons)
        out.append(Line(f"Rij {r.row}{label}: {said}", aside=True))
    out.extend(_cell_lines(plan.cells))
    verb = "samengevoegd met" if plan.mode == "merge" else "overgeslagen, staat al als"
    for d in plan.duplicates:
        where = f"rij {d.of_row}" if d.of_row is not None else "de lijst"
        extra = (
            f" (aangevuld: {', '.join(d.changes)})" if d.changes and plan.mode == "merge" else ""
        )
        out.append(
            Line(
                f"Rij {d.row} ({d.name}) is dubbel: {verb} {d.of_name} uit {where}{extra}.",
                aside=not written,
            )
        )
    if not written:
        out.append(
            Line(
                f"Niets ingelezen: geen van de {plan.rows} rijen is te gebruiken. Geef elke "
                "organisatie een naam, of zeg met --kolom \"naam=KOLOM\" welke kolom de naam is.",
                aside=True,
            )
        )
        return out
    parts = [f"{n_orgs(len(plan.added))} {'toevoegen' if dry_run else 'toegevoegd'}"]
    if plan.duplicates:
        parts.append(f"{len(plan.duplicates)} dubbel")
    if plan.rejected:
        parts.append(f"{len(plan.rejected)} rij(en) overgeslagen")
    if plan.cells:
        parts.append(f"{len(plan.cells)} foute cel(len) leeg gelaten")
    would = "zou " if dry_run else ""
    prefix = "Proef, er is niets veranderd. Dit " + would + "er gebeuren: " if dry_run else ""
    rows = f"{plan.rows} {'rij' if plan.rows == 1 else 'rijen'}"
    out.append(Line(prefix + ", ".join(parts) + f" (uit {rows} in {plan.source})."))
    return out


# How many wrong cells the report names one by one; the others are counted per column.
CELL_LINES = 10


def _cell_lines(cells: list[Any]) -> list[Line]:
    """The wrong cells, each with its row, column and value (the first CELL_LINES), then
    how many more per column: each is empty, its text in the organisation's note."""
    out: list[Line] = []
    for c in cells[:CELL_LINES]:
        reason = c.reason.rstrip(".")
        said = reason if f"'{c.value}'" in reason else f"'{c.value}': {reason}"
        label = f" ({c.name})" if c.name else ""
        out.append(
            Line(f"Rij {c.row}{label}, kolom '{c.column}': {said}; leeg gelaten, de tekst staat "
                 "in de notitie.", aside=True)
        )  # fmt: skip
    rest = cells[CELL_LINES:]
    if rest:
        per: dict[str, int] = {}
        for c in rest:
            per[c.column] = per.get(c.column, 0) + 1
        listed = ", ".join(f"'{k}' {n}x" for k, n in per.items())
        out.append(
            Line(f"En nog {len(rest)} foute cel(len) leeg gelaten ({listed}); de tekst staat "
                 "telkens in de notitie van de organisatie.", aside=True)
        )  # fmt: skip
    return out


def _type_lines(plan: Any, catalogue: inv.Catalogue) -> list[Line]:
    """Which new organisations got their type from their name (the file gave none): guesses
    that choose no salutation and no place on the card until a person confirms them, so the
    report says how; which are unknown. A type in the file is used as it is."""

    def few(texts: list[str]) -> str:
        return ", ".join(texts[:5]) + (f" en nog {len(texts) - 5}" if len(texts) > 5 else "")

    guessed = set(plan.by_name)
    by_name = [
        f"{o.name} ({t.name})"
        for o in plan.added
        if o.id in guessed and (t := catalogue.type(o.type)) is not None
    ]
    unknown = [o.name for o in plan.added if o.type == inv.UNKNOWN_TYPE]
    out: list[Line] = []
    if by_name:
        n = len(by_name)
        out.append(
            Line(
                f"{n} {'type' if n == 1 else 'typen'} geraden aan de naam (het bestand gaf "
                f"er geen): {few(by_name)}. Een gok telt niet voor de aanhef van een brief of "
                "de kaart 'Wie kan ik bellen?'. Bevestig met gzctl org bevestig ID... (zonder "
                "id: alle), of kies: gzctl org edit ID --type TYPE",
                aside=True,
            )
        )
    if unknown:
        out.append(
            Line(
                f"Type niet herkend: {few(unknown)}. Geef het met gzctl org edit ID --type "
                "TYPE, of in een kolom 'type' in het bestand.",
                aside=True,
            )
        )
    return out
