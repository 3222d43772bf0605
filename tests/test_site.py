"""gzctl site build: the website, agenda.ics, the news feed and the poster for residents.

What lands on disk is checked as a resident (and a privacy officer) would: the pages exist,
link to each other and to nothing outside, say what is coming, and hold no personal data
beyond what an organisation allowed. Rebuilding gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

PAGES = (
    "index.html",
    "agenda.html",
    "geweest.html",
    "organisaties.html",
    "samen.html",
    "doe-mee.html",
    "hulp.html",
)
FILES = (
    *PAGES,
    "style.css",
    "agenda.ics",
    "nieuws.xml",
    "poster-a4.html",
    "poster-a3.html",
    "poster-a4.pdf",
    "poster-a3.pdf",
)
# the demo's coming activities when GZCTL_NOW is conftest.NOW (2026-11-22)
COMING = (
    "Open koffieochtend Ouderensteunpunt",
    "Gymles voor iedereen: kom eens kijken",
    "Tennis- en spelmiddag voor gezinnen",
)
# people in the demo who are no organisation's published contact: never on the site
PEOPLE = (
    "Annelies Verhoef",
    "Joost van Wijk",
    "Marloes Hendriks",
    "Bart Verschuren",
    "Kees de Bruin",
    "Fatima El Amrani",
    "Sanne Bakker",
    "Henk Aalbers",
)


class Links(HTMLParser):
    """Every href and src in a page, and every id."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append(value)
            if name == "id" and value:
                self.ids.add(value)
            if tag == "html" and name == "lang":
                self.lang = value or ""


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def site(gz, demo: Path) -> Path:
    result = gz("-C", str(demo), "site", "build")
    assert result.code == 0, result.err
    return demo / "website"


def test_the_demo_comes_with_its_website(gz, tmp_path: Path) -> None:
    result = gz("demo", str(tmp_path / "dorp"))
    assert result.code == 0, result.err
    assert "Website en poster voor inwoners: 14 bestanden in" in result.err
    assert len(result.err.splitlines()) == 2  # the end of the demo fits one window
    assert (tmp_path / "dorp" / "website" / "index.html").is_file()


def test_build_writes_pages_agenda_feed_and_posters(gz, demo: Path) -> None:
    shutil.rmtree(demo / "website")
    result = gz("-C", str(demo), "site", "build")
    assert result.code == 0, result.err
    assert "Website: 14 bestanden geschreven" in result.out
    assert "index.html" in result.out
    # no address yet: no QR code, and a hint how to add one
    assert f"gzctl -C {demo} config site.url" in result.err  # the folder given, for pasting
    for name in FILES:
        assert (demo / "website" / name).is_file(), name


def test_rebuild_is_byte_identical_and_touches_nothing(gz, site: Path) -> None:
    before = digests(site)
    times = {p: p.stat().st_mtime_ns for p in site.iterdir()}
    result = gz("-C", str(site.parent), "site", "build")
    assert result.code == 0
    assert "0 bestanden geschreven, 14 ongewijzigd" in result.out
    assert digests(site) == before
    assert {p: p.stat().st_mtime_ns for p in site.iterdir()} == times


def test_same_project_file_gives_the_same_bytes(gz, tmp_path: Path) -> None:
    one, two = tmp_path / "een", tmp_path / "twee"
    for folder in (one, two):
        assert gz("demo", str(folder)).code == 0
        assert gz("-C", str(folder), "site", "build").code == 0
    assert (one / "gzctl.toml").read_bytes() == (two / "gzctl.toml").read_bytes()
    assert digests(one / "website") == digests(two / "website")


def test_pages_are_dutch_self_contained_and_link_only_to_each_other(site: Path) -> None:
    for name in (*PAGES, "poster-a4.html", "poster-a3.html"):
        page = parse(site / name)
        assert page.lang == "nl-NL", name  # the country's language (land.toml taal)
        assert "script" not in page.tags, name
        assert "main" in page.tags, name
        text = (site / name).read_text(encoding="utf-8")
        assert "cookie" not in text.lower() or "geen cookies" in text, name
        assert "@import" not in text and "url(" not in text, name
        for ref in page.refs:
            if ref.startswith(("mailto:", "tel:")):
                continue
            assert not re.match(r"^[a-z]+:", ref) and not ref.startswith("//"), (name, ref)
            target, _, fragment = ref.partition("#")
            target_path = site / (target or name)
            assert target_path.is_file(), (name, ref)
            if fragment:
                assert fragment in parse(target_path).ids, (name, ref)
    css = (site / "style.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_every_page_is_in_the_menu_and_marks_itself(site: Path) -> None:
    for name in PAGES:
        text = (site / name).read_text(encoding="utf-8")
        for other in PAGES:
            assert f'href="{other}"' in text, (name, other)
        assert f'<a href="{name}" aria-current="page">' in text


def test_agenda_shows_what_is_coming_and_offers_the_calendar(site: Path) -> None:
    agenda = (site / "agenda.html").read_text(encoding="utf-8")
    for title in COMING:
        assert title in agenda
    assert "Wandeling voor ouderen" not in agenda  # that one has been
    assert 'href="agenda.ics"' in agenda
    assert "donderdag 3 december 2026, 10:00 tot 12:00 uur" in agenda
    assert "Dorpshuis De Schakel" in agenda and "KBO Ooltwijk en Thuiszorg De Lingestroom" in agenda


def test_agenda_ics_holds_every_activity(site: Path) -> None:
    import icalendar

    cal = icalendar.Calendar.from_ical((site / "agenda.ics").read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    uids = [str(e["uid"]) for e in events]
    # seven activities, the members' four recurring ones, the three network evenings (open
    # to all: two held, one ahead)
    assert sum(1 for u in uids if u.startswith("vast-")) == 4
    assert sum(1 for u in uids if u.startswith("open-avond-")) == 3
    assert len(events) == 14
    assert {str(e["summary"]) for e in events} >= {*COMING, "Open avond: iedereen welkom"}
    assert all(str(e["uid"]).endswith("@ooltwijk.gzctl") for e in events)


def test_what_happened_counts_people_per_season(site: Path) -> None:
    text = (site / "geweest.html").read_text(encoding="utf-8")
    assert "Wandeling voor ouderen" in text and "26 mensen" in text
    assert "<strong>98</strong> deelnemers" in text  # 9 + 26 + 52 + 11
    assert '<th scope="row">najaar 2026</th><td>4</td><td>98</td>' in text


def test_organisations_page_shows_public_data_only(gz, site: Path) -> None:
    text = (site / "organisaties.html").read_text(encoding="utf-8")
    assert "VV Ooltwijk" in text and "secretaris@vvooltwijk.nl" in text
    assert "Toneelvereniging Het Doek" not in text  # dropped out
    assert "Apotheek Ooltwijk" not in text  # only on the inventory, not taking part
    for folder_file in site.iterdir():
        if folder_file.suffix == ".pdf":
            continue  # compressed: its text is checked in test_poster_pdf
        content = folder_file.read_text(encoding="utf-8")
        for person in PEOPLE:
            assert person not in content, (folder_file.name, person)


def test_a_contact_name_appears_only_when_the_organisation_allows_it(gz, site: Path) -> None:
    demo = site.parent
    result = gz("-C", str(demo), "org", "edit", "vv-ooltwijk", "--naam-op-website", "ja")
    assert result.code == 0, result.err
    assert "Naam openbaar:  ja" in gz("-C", str(demo), "org", "show", "vv-ooltwijk").out
    assert gz("-C", str(demo), "site", "build").code == 0
    text = (site / "organisaties.html").read_text(encoding="utf-8")
    assert "Kees de Bruin (secretaris)" in text
    assert "Riet Hol" not in text
    result = gz("-C", str(demo), "org", "edit", "vv-ooltwijk", "--naam-op-website", "misschien")
    assert result.code == 2 and "ja of nee" in result.err


def test_publish_name_is_read_from_an_import_column() -> None:
    from gzctl.network import inventory as inv
    from gzctl.network import orgio

    assert orgio.match_header("Naam op website") == "contact_publish"
    catalogue = inv.load_catalogue()
    clean, errors = inv.parse_fields({"name": "VV X", "contact_publish": "Ja"}, catalogue)
    assert errors == [] and clean["contact_publish"] is True
    org = inv.build(clean, catalogue, set(), dt.date(2026, 1, 1))
    assert org.contact.publish_name is True
    other = inv.build({"name": "VV Y"}, catalogue, set(), dt.date(2026, 1, 1))
    assert other.contact.publish_name is False


def test_network_picture_shows_the_start_and_now(site: Path) -> None:
    text = (site / "organisaties.html").read_text(encoding="utf-8")
    assert text.count('<svg class="netwerkplaat"') == 2
    assert "Toen het eerste initiatief begon" in text
    assert 'role="img" aria-labelledby="plaat-nu-titel plaat-nu-uitleg"' in text
    assert (
        "13 organisaties. 9 daarvan werken samen in 2 gezamenlijke initiatieven: "
        "Beweegweek (5 organisaties) en Ouderensteunpunt (4 organisaties)."
    ) in text
    assert "Nog zonder gezamenlijk initiatief: Dorpshuis De Schakel" in text
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count('<svg class="netwerkplaat"') == 1


def test_picture_layout_is_deterministic_and_inside_the_box(demo: Path) -> None:
    from gzctl.core import store
    from gzctl.documents.site import picture

    project = store.load(demo)
    first = picture.layout(project)
    assert first == picture.layout(project)
    assert "p:beweegweek" in first and "o:vv-ooltwijk" in first
    for x, y in first.values():
        assert 0 <= x <= picture.WIDTH and 0 <= y <= picture.HEIGHT


def _bigger_village(project, orgs: int, platforms: int, seed: int):  # type: ignore[no-untyped-def]
    """The demo's organisations copied to ``orgs`` joined ones, in ``platforms`` running
    initiatives of 3 to 8 members drawn with ``seed`` (members shared between them)."""
    import dataclasses
    import random

    rng = random.Random(seed)
    base = project.organisations
    copies = [
        dataclasses.replace(
            base[i % len(base)], id=f"org-{i:02d}", name=f"Organisatie {i}", status="aangesloten"
        )
        for i in range(orgs)
    ]
    titles = ["Boodschappendienst", "Repair Café", "Samen Eten", "Taalmaatjes", "Klusdienst"]
    initiatives = []
    for j in range(platforms):
        members = sorted(rng.sample([o.id for o in copies], rng.randint(3, 8)))
        initiatives.append(
            dataclasses.replace(
                project.platforms[0],
                id=f"plat-{j}",
                title=titles[j % len(titles)],
                members=members,
                trekker=members[0],
                status="actief",
            )
        )
    return dataclasses.replace(project, organisations=copies, platforms=initiatives)


@pytest.mark.parametrize("seed", [1, 3, 5])
def test_picture_keeps_initiatives_apart_and_every_node_in_the_box(demo: Path, seed: int) -> None:
    """Two initiatives never cover each other or their names, nor a dot they share; what the
    force layout and the stretch to the page leave too close is pushed apart."""
    from gzctl.core import store
    from gzctl.documents.site import picture

    project = _bigger_village(store.load(demo), 30, 5, seed)
    positions = picture.layout(project)
    assert positions == picture.layout(project)
    titles = {f"p:{p.id}": p.title for p in project.platforms}
    hubs = [node for node in positions if node.startswith("p:")]
    assert len(hubs) == 5
    for i, a in enumerate(hubs):
        for b in hubs[i + 1 :]:
            (ax, ay), (bx, by) = positions[a], positions[b]
            width = picture.CHAR_WIDTH * (len(titles[a]) + len(titles[b])) / 2
            assert abs(ax - bx) >= width - 0.2 or abs(ay - by) >= 51.8, (a, b)
    dots = [node for node in positions if node.startswith("o:")]
    for i, a in enumerate(dots):
        for b in dots[i + 1 :]:
            (ax, ay), (bx, by) = positions[a], positions[b]
            assert abs(ax - bx) >= 27.8 or abs(ay - by) >= 27.8, (a, b)
    for x, y in positions.values():
        assert 0 <= x <= picture.WIDTH and 0 <= y <= picture.HEIGHT


def test_picture_spring_is_plain_python_and_balanced() -> None:
    """A star (one initiative, six members) ends with the initiative in the middle of its
    members, each member as far from it as the others; no numpy or networkx is loaded."""
    import math
    import sys

    from gzctl.documents.site import picture

    members = [f"o:{i}" for i in range(6)]
    links = {"p:x": set(members), **{m: {"p:x"} for m in members}}
    raw = picture.spring(["p:x", *members], links)
    hx, hy = raw["p:x"]
    distances = [math.dist((hx, hy), raw[m]) for m in members]
    assert max(distances) - min(distances) < 0.02 * max(distances)
    assert abs(sum(raw[m][0] for m in members) / 6 - hx) < 0.02
    # in a fresh interpreter (this one may have loaded numpy for another test's library)
    code = (
        "import sys; from gzctl.documents.site import picture\n"
        "picture.spring(['p:x', 'o:1', 'o:2'], {'p:x': {'o:1', 'o:2'}, 'o:1': {'p:x'},"
        " 'o:2': {'p:x'}})\n"
        "print('networkx' in sys.modules or 'numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_feed_is_atom_from_the_newsletter_items(site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring((site / "nieuws.xml").read_bytes())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for tag in ("title", "id", "updated", "author/a:name"):
        assert root.find(f"a:{tag}", ns) is not None, tag
    entries = root.findall("a:entry", ns)
    titles = [e.findtext("a:title", namespaces=ns) for e in entries]
    assert "Geweest: Wandeling voor ouderen" in titles
    assert "Samen: Beweegweek" in titles
    assert "Open koffieochtend Ouderensteunpunt" in titles
    for e in entries:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e.findtext("a:updated", "", ns))
        # the project's first day (created = "-338d" from 22 November 2026)
        assert e.findtext("a:id", "", ns).startswith("tag:gzctl.nl,2025-12-19:ooltwijk/")
        link = e.find("a:link", ns)
        assert link is not None and (site / link.get("href", "").split("#")[0]).is_file()
    updated = [e.findtext("a:updated", "", ns) for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext("a:updated", "", ns) == updated[0]


def test_poster_without_address_has_no_qr_but_a_contact(site: Path) -> None:
    for size in ("a4", "a3"):
        text = (site / f"poster-{size}.html").read_text(encoding="utf-8")
        assert f"@page {{ size: {size.upper()} portrait" in text
        assert 'class="qr"' not in text
        assert "annelies@dorpshuisdeschakel.nl" in text  # the network's contact person
        assert "0345\xa0611\xa0200" in text  # with a phone: readers without a smartphone
        for title in COMING:
            assert title in text
        # joined, and separately in a joint initiative (network/participation.py)
        assert "<strong>6</strong>organisaties aangesloten" in text  # the Zonnebloem too
        assert "<strong>7</strong>andere doen mee aan een initiatief" in text


def test_poster_pdf_is_one_page_of_the_right_size(site: Path) -> None:
    for size, box in (("a4", b"595.2756 841.8898"), ("a3", b"841.8898 1190.551")):
        data = (site / f"poster-{size}.pdf").read_bytes()
        assert data.startswith(b"%PDF-")
        assert b"/MediaBox [ 0 0 " + box + b" ]" in data
        assert b"/Count 1" in data
        assert b"CreationDate (D:20000101000000" in data  # invariant: no clock
        assert b"(Poster " + size.upper().encode() + b": Ooltwijk Samen)" in data


def test_poster_gets_a_qr_code_from_the_option_or_the_setting(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "site", "build", "--url", "ooltwijksamen.nl")
    assert result.code == 0, result.err
    assert "site.url" not in result.err
    poster = (demo / "website" / "poster-a4.html").read_text(encoding="utf-8")
    assert 'class="qr"' in poster and "https://ooltwijksamen.nl" in poster
    agenda = (demo / "website" / "agenda.html").read_text(encoding="utf-8")
    assert 'href="webcal://ooltwijksamen.nl/agenda.ics"' in agenda
    feed = (demo / "website" / "nieuws.xml").read_text(encoding="utf-8")
    assert 'href="https://ooltwijksamen.nl/nieuws.xml"' in feed
    # the setting, saved in gzctl.toml
    assert gz("-C", str(demo), "config", "site.url", "https://dorp.example.nl/netwerk").code == 0
    assert 'url = "https://dorp.example.nl/netwerk"' in (demo / "gzctl.toml").read_text("utf-8")
    assert gz("-C", str(demo), "site", "build").code == 0
    poster = (demo / "website" / "poster-a3.html").read_text(encoding="utf-8")
    assert "https://dorp.example.nl/netwerk" in poster and 'class="qr"' in poster
    bad = gz("-C", str(demo), "site", "build", "--url", "geen adres")
    assert bad.code == 2 and "webadres" in bad.err


def test_json_report(gz, demo: Path) -> None:
    shutil.rmtree(demo / "website")
    result = gz("-C", str(demo), "site", "build", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert sorted(data["written"]) == sorted(FILES)
    assert data["unchanged"] == [] and data["removed"] == []


def test_a_fresh_village_gets_a_site_too(gz, project: Path) -> None:
    result = gz("-C", str(project), "site", "build")
    assert result.code == 0, result.err
    assert "Nog geen organisatie doet mee" in result.err
    text = (project / "website" / "organisaties.html").read_text(encoding="utf-8")
    assert "De eerste organisaties melden zich nu aan" in text
    agenda = (project / "website" / "agenda.html").read_text(encoding="utf-8")
    assert "Er staat nu niets gepland" in agenda


def test_files_gzctl_no_longer_makes_are_removed_others_kept(gz, site: Path) -> None:
    (site / "oud.html").write_text("oud", encoding="utf-8")
    manifest = json.loads((site / ".gzctl-site.json").read_text(encoding="utf-8"))
    manifest["files"]["vervallen.html"] = hashlib.sha256(b"x").hexdigest()
    (site / ".gzctl-site.json").write_text(json.dumps(manifest), encoding="utf-8")
    (site / "vervallen.html").write_bytes(b"x")
    result = gz("-C", str(site.parent), "site", "build")
    assert "Opgeruimd (hoort niet meer bij de website): vervallen.html" in result.out
    assert not (site / "vervallen.html").exists()
    assert (site / "oud.html").exists()


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(2026, 12, 5), "winter 2026-2027"),
        (dt.date(2027, 2, 28), "winter 2026-2027"),
        (dt.date(2027, 3, 1), "voorjaar 2027"),
        (dt.date(2027, 7, 1), "zomer 2027"),
        (dt.date(2026, 11, 30), "najaar 2026"),
    ],
)
def test_seasons(day: dt.date, name: str) -> None:
    from gzctl.documents.site.prepare import season

    assert season(day)[1] == name


def test_names_are_escaped_everywhere(gz, project: Path) -> None:
    name = 'Club <b>"Oost"</b> & Co'
    result = gz("-C", str(project), "org", "add", name, "--status", "aangesloten",
                "--email", "info@club.example")  # fmt: skip
    assert result.code == 0, result.err
    assert gz("-C", str(project), "site", "build").code == 0
    site = project / "website"
    for page in ("organisaties.html", "index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert "<b>" not in text, page
        assert "Club &lt;b&gt;" in text, page
    ET.fromstring((site / "nieuws.xml").read_bytes())  # still well-formed XML


def test_every_tel_link_holds_digits_and_a_leading_plus_only(site: Path) -> None:
    links = []
    for page in sorted(site.glob("*.html")):
        links += re.findall(r'href="tel:([^"]*)"', page.read_text(encoding="utf-8"))
    assert len(links) > 5
    bad = [link for link in links if not re.fullmatch(r"\+?\d{3,15}", link)]
    assert bad == []


def test_dialable_drops_every_space_and_mark() -> None:
    from gzctl.documents.site.prepare import dialable

    assert dialable({"telefoon": "0345\u00a0477\u00a0700"})["tel"] == "0345477700"
    assert dialable({"telefoon": "+32 (0)3-201 12 34"})["tel"] == "+3232011234"
    assert dialable({"telefoon": ""})["tel"] == ""


@pytest.mark.parametrize("flags", [[], ["--vlaanderen"]])
def test_residents_never_read_a_label_like_kwetsbare(gz, tmp_path: Path, flags) -> None:
    folder = tmp_path / "dorp"
    assert gz("demo", str(folder), *flags).code == 0
    kinds = {".html", ".xml", ".ics"}
    files = sorted(p for p in (folder / "website").iterdir() if p.suffix in kinds)
    assert files
    for path in files:
        assert "kwetsba" not in path.read_text(encoding="utf-8").lower(), path.name
