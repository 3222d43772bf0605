"""Write the village website into the project's ``website/`` folder.

Prepare (gzctl/documents/site/prepare.py, picture.py, feed.py) -> render templates/site/
with the documents' sandboxed Renderer (a file in the project's ``sjablonen/site/`` wins)
-> write. Everything is rendered before anything is written, so a broken template leaves the
old site as it was. A small manifest (``website/.gzctl-site.json``) lists what gzctl wrote,
so a file that is no longer produced is removed, and nothing else in the folder is touched.

The site is static and self-contained: relative links, no external fonts, scripts or
trackers, no cookies; it works from a USB stick (``file://``) as well as online. Same
project, same day -> byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

from gzctl.core import safefs
from gzctl.core.model import Project
from gzctl.core.playbook import Playbook
from gzctl.core.records import Record as _Record
from gzctl.core.records import record as _record
from gzctl.documents.base import OVERRIDE_DIR, Context, shown
from gzctl.documents.render import Renderer
from gzctl.documents.site.feed import FEED_FILE, atom
from gzctl.documents.site.pdf import poster_pdf
from gzctl.documents.site.picture import pictures
from gzctl.documents.site.prepare import SiteInput, site_data

SITE_DIR = "website"
MANIFEST = ".gzctl-site.json"
ICS_FILE = "agenda.ics"
POSTER_SIZES = ("a4", "a3")
POSTER_ITEMS = 4  # coming activities on the poster

# (file, template, page title, menu label); the menu shows them in this order
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("index.html", "site/index", "Welkom", "Welkom"),
    ("agenda.html", "site/agenda", "Wat komt er?", "Agenda"),
    ("geweest.html", "site/geweest", "Zie hoeveel er gebeurt", "Wat er gebeurde"),
    ("organisaties.html", "site/organisaties", "Wie doen er mee?", "Wie doen mee"),
    ("samen.html", "site/samen", "Wat we samen doen", "Samen"),
    ("doe-mee.html", "site/doe-mee", "Doe mee", "Doe mee"),
    ("hulp.html", "site/hulp", "Hulp nodig?", "Hulp nodig?"),
)


@_record
class SiteReport(_Record):
    """What a build did: files written (changed or new), unchanged, removed (no longer
    produced), and notes for the user (Dutch sentences)."""

    folder: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def qr_svg(url: str) -> str:
    """The site's address as a QR code: an inline <svg> element (black on white, quiet zone
    of 4 modules, error correction M), with a title for screen readers."""
    import segno

    code = segno.make(url, error="m", micro=False)
    buf = io.BytesIO()
    code.save(
        buf,
        kind="svg",
        xmldecl=False,
        svgns=True,
        scale=4,
        border=4,
        omitsize=True,
        dark="#000",
        light="#fff",
        title=f"QR-code naar {url}",
        svgclass="qr",
        lineclass=None,
    )
    svg = buf.getvalue().decode("utf-8")
    return svg.replace("<svg ", '<svg role="img" aria-label="QR-code naar de website" ', 1)


def render_site(
    folder: Path, project: Project, playbook: Playbook, today: dt.date, url: str | None = None
) -> tuple[dict[str, bytes], list[str]]:
    """Every file of the site as {relative path: bytes}, plus notes for the user.

    ``url`` overrides ``settings.site.url`` (empty: not online yet, so no QR code).
    Raises NotReady (no village name) or TemplateProblem (a template does not render)."""
    from gzctl.core.country import for_playbook
    from gzctl.network.platforms import cancellations, to_ics

    address = (url if url is not None else project.settings.site.url).strip()
    ctx = Context(project, playbook, today)
    # formatted at once: the poster PDF and the feed read the values directly, not through a
    # template (documents/base.Later)
    data = shown(site_data(SiteInput(project, ctx, today, address)))
    data["platen"] = pictures(project)
    data["menu"] = [{"bestand": f, "label": label} for f, _, _, label in PAGES]
    data["qr"] = qr_svg(address) if address else ""
    data["feed"] = FEED_FILE
    data["ics"] = ICS_FILE
    data["webcal"] = (
        "webcal://" + address.split("://", 1)[1].rstrip("/") + "/" + ICS_FILE if address else ""
    )
    renderer = Renderer(folder / OVERRIDE_DIR)
    files: dict[str, bytes] = {}
    for name, template, title, _ in PAGES:
        page = {**data, "titel": title, "pagina": name}
        files[name] = renderer.render(template, "html", page).encode("utf-8")
    files["style.css"] = renderer.render("site/style", "css", data).encode("utf-8")
    for size in POSTER_SIZES:
        poster = {
            **data,
            "titel": f"Poster {size.upper()}",
            "formaat": size,
            "poster_komend": data["komend"][:POSTER_ITEMS],
        }
        files[f"poster-{size}.html"] = renderer.render("site/poster", "html", poster).encode(
            "utf-8"
        )
        files[f"poster-{size}.pdf"] = poster_pdf(poster, size)
    from gzctl.network.meetings import open_evenings

    everything = [*project.activities, *open_evenings(project)]  # residents come too
    coming_and_past = sorted(everything, key=lambda a: (a.start, a.id))
    timezone = for_playbook(playbook).timezone  # the village's country's
    files[ICS_FILE] = to_ics(
        project,
        coming_and_past,
        _fixed_stamp(project),
        allow_empty=True,
        timezone=timezone,
        cancelled=cancellations(project, today),  # removed ones, sent as cancelled
        recurring=project.recurring,  # what members already do
        country=for_playbook(playbook),
        today=today,
    )
    files[FEED_FILE] = atom(project, data)
    notes = []
    if not address:
        notes.append(
            "Nog geen adres van de website bekend: de poster heeft daarom geen QR-code. Staat de "
            "site online, zet dan het adres met: gzctl config site.url https://..."
        )
    if not data["organisaties"]:
        notes.append(
            "Nog geen organisatie doet mee (aangesloten, of lid van een gestart initiatief): "
            "de pagina 'Wie doen mee' is nog leeg."
        )
    return files, notes


def _fixed_stamp(project: Project) -> dt.datetime:
    created = project.project.created or dt.date(2000, 1, 1)
    return dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(folder: Path, path: Path, data: bytes) -> None:
    """The one safe writer, rooted at the village folder: no link is followed anywhere on the
    way (a ``website/`` that is a link, a planted link in it), the temporary name is
    unpredictable and opened exclusively."""
    safefs.write_bytes(path, data, root=folder, make_dirs=True)


def _current(folder: Path, path: Path) -> bytes | None:
    """The bytes gzctl finds at ``path`` (None when there is no file); UnsafePath for a link
    anywhere below the village folder, so nothing is read or compared through one."""
    safefs.check_path(path, folder)
    try:
        return safefs.read_bytes(path, folder)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return None


def _load_manifest(folder: Path, root: Path) -> dict[str, str]:
    raw = _current(folder, root / MANIFEST)
    if raw is None:
        return {}
    try:
        data: Any = json.loads(raw.decode("utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def build_site(
    folder: Path, project: Project, playbook: Playbook, today: dt.date, url: str | None = None
) -> SiteReport:
    """Render the site and write it into ``folder/website``; return what changed.

    Files whose bytes are unchanged are not touched (their modification time stays), files
    gzctl wrote before and no longer makes are removed; other files in the folder are never
    touched. Raises what :func:`render_site` raises, before anything is written."""
    files, notes = render_site(folder, project, playbook, today, url)
    root = folder / SITE_DIR
    report = SiteReport(root, notes=notes)
    safefs.check_path(root, folder)
    old = _load_manifest(folder, root)
    for rel in sorted(files):
        data = files[rel]
        path = root / rel
        if _current(folder, path) == data:
            report.unchanged.append(rel)
            continue
        _write(folder, path, data)
        report.written.append(rel)
    for rel in sorted(set(old) - set(files)):
        path = root / rel
        current = _current(folder, path)
        if current is not None and _sha(current) == old[rel]:
            safefs.remove(path, root=folder)
            report.removed.append(rel)
    manifest = {"gzctl": "website", "files": {k: _sha(files[k]) for k in sorted(files)}}
    text = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")
    mpath = root / MANIFEST
    if _current(folder, mpath) != text:
        _write(folder, mpath, text)
    return report


def forget_in_site(folder: Path, names: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """Remove from website/ every file gzctl wrote that still names a person (``names(text)``
    says whether a text does), with its manifest line; files changed by hand are returned,
    not deleted. Returns (removed, edited_still_naming). Called after the site was built
    again from the state without the person, so normally nothing is left to remove."""
    import html
    import re

    root = folder / SITE_DIR
    old = _load_manifest(folder, root)
    if not old:
        return [], []
    removed: list[str] = []
    kept: list[str] = []
    for rel in sorted(old):
        path = root / rel
        current = _current(folder, path)
        if current is None:
            continue
        text = current.decode("utf-8", "replace")
        if rel.endswith((".html", ".xml", ".svg")):
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        if not names(text):
            continue
        if _sha(current) == old[rel]:
            safefs.remove(path, root=folder)
            del old[rel]
            removed.append(rel)
        else:
            kept.append(rel)
    if removed:
        manifest = {"gzctl": "website", "files": dict(sorted(old.items()))}
        text_out = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")
        _write(folder, root / MANIFEST, text_out)
    return removed, kept
