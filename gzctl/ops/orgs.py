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


def add_organisation(where: Where, fields: dict[str, Any], *, who: str, now: dt.datetime) -> Added:
    """Put an organisation on the list (``fields`` as inventory.parse_fields takes them:
    name, kind, type, sectors, ...). Without a type, the type is read from the name."""
    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        org = inv.add(tx.project, fields, catalogue, now.date())
        tx.log("org-add", f"Organisatie op de lijst gezet: {org.name}", [org.id])
    known = catalogue.type(org.type)
    by_name = known.name if known is not None and not fields.get("type") else None
    return Added(org, by_name, org.type == inv.UNKNOWN_TYPE)


def edit_organisation(
    where: Where, org_id: str, fields: dict[str, Any], *, who: str, now: dt.datetime
) -> Edited:
    """Change the given fields of one organisation; a history line only when one changed."""
    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    with transaction(project, who, now) as tx:
        org, changed = inv.edit(tx.project, org_id, fields, catalogue, now.date())
        if changed:
            tx.log("org-edit", f"{org.name}: {', '.join(changed)} gewijzigd", [org.id])
    return Edited(org.name, org.id, list(changed))


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

    ``written``: the good rows were (or, in a dry run, would be) taken in; ``failed``: rows
    were wrong and --skip-invalid was not given (nothing changed; exit code 2). ``lines``:
    the human report; ``type_lines``: which new organisations got their type from their
    name or have none (shown after the report when something was taken in)."""

    plan: Any
    dry_run: bool
    skip_invalid: bool
    lines: list[Line] = field(default_factory=list)
    type_lines: list[Line] = field(default_factory=list)

    @property
    def written(self) -> bool:
        """Whether the import changed the list (some rows fit, or the bad ones were skipped)."""
        return bool(self.plan.ok or self.skip_invalid)

    @property
    def failed(self) -> bool:
        """Whether the import was refused: rows that do not fit and no --sla-fouten-over."""
        return bool(self.plan.rejected) and not self.skip_invalid

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
            "unknown_columns": plan.unknown_columns,
            "double_columns": plan.double_columns,
        }


def import_organisations(
    where: Where,
    file: str | Path,
    *,
    duplicates: str = "merge",
    skip_invalid: bool = False,
    dry_run: bool = False,
    who: str,
    now: dt.datetime,
) -> ImportReport:
    """Read organisations from a .csv, .xlsx or .json file into the list.

    ``duplicates``: merge (fill in what the list lacks) or skip. With wrong rows nothing is
    taken in unless ``skip_invalid``; ``dry_run`` changes nothing. One transaction, one
    history line for everything taken in."""
    from gzctl.network import orgio

    project = opened(where)
    catalogue = inv.load_catalogue(project.playbook)
    mode = _MODES.get(duplicates.strip().lower())
    if mode is None:
        raise UsageProblem(f"--duplicates '{duplicates}': kies merge of skip.")
    table = orgio.read_table(Path(file))
    if dry_run:
        plan = orgio.plan_import(project.project, table, catalogue, now.date(), mode)
    else:
        with transaction(project, who, now) as tx:
            plan = orgio.plan_import(tx.project, table, catalogue, now.date(), mode)
            if plan.ok or skip_invalid:
                changed = orgio.apply_import(tx.project, plan, catalogue, now.date())
                if plan.added or changed:
                    tx.log(
                        "org-import",
                        f"{n_orgs(len(plan.added))} ingelezen uit {table.source}"
                        + (f", {len(changed)} aangevuld" if changed else ""),
                        [o.id for o in plan.added] + changed,
                    )
    report = ImportReport(plan, dry_run, skip_invalid)
    report.lines.extend(_report_lines(plan, dry_run, report.written))
    if report.written:
        report.type_lines.extend(_type_lines(plan, catalogue))
    return report


def _report_lines(plan: Any, dry_run: bool, written: bool) -> list[Line]:
    out: list[Line] = []
    if plan.unknown_columns:
        out.append(
            Line(
                "Onbekende kolommen, overgeslagen: "
                + ", ".join(f"'{c}'" for c in plan.unknown_columns),
                aside=True,
            )
        )
    if plan.double_columns:
        names = [f"'{c}'" for c in dict.fromkeys(plan.double_columns)]
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
        out.append(Line(f"Rij {r.row}{label}: " + inv.join_reasons(r.reasons), aside=True))
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
                f"Niets ingelezen: {len(plan.rejected)} van de {plan.rows} rijen zijn fout. "
                "Herstel ze, of lees alleen de goede rijen in met --skip-invalid.",
                aside=True,
            )
        )
        return out
    parts = [f"{n_orgs(len(plan.added))} {'toevoegen' if dry_run else 'toegevoegd'}"]
    if plan.duplicates:
        parts.append(f"{len(plan.duplicates)} dubbel")
    if plan.rejected:
        parts.append(f"{len(plan.rejected)} foute rij(en) overgeslagen")
    would = "zou " if dry_run else ""
    prefix = "Proef, er is niets veranderd. Dit " + would + "er gebeuren: " if dry_run else ""
    rows = f"{plan.rows} {'rij' if plan.rows == 1 else 'rijen'}"
    out.append(Line(prefix + ", ".join(parts) + f" (uit {rows} in {plan.source})."))
    return out


def _type_lines(plan: Any, catalogue: inv.Catalogue) -> list[Line]:
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
    out: list[Line] = []
    if by_name:
        out.append(
            Line(
                f"Type herkend aan de naam (het bestand gaf er geen): {few(by_name)}. "
                "Klopt er een niet: gzctl org edit ID --type TYPE",
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
