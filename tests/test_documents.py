"""Documents for partners: what lands in documenten/ (Markdown snapshots, HTML, DOCX), and
that regenerating never destroys a user's work."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from gzctl import documents as docs
from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.model import Contact, Organisation

SNAPSHOT_FILES = [
    "checklist/2-verbinden.md",
    "uitnodiging/vv-ooltwijk.md",
    "agenda.md",
    "missie-visie.md",
    "wie-kan-ik-bellen.md",
]


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo village with its documents, made once for this module (it takes a second)."""
    import sys

    from conftest import NOW

    from gzctl.__main__ import run

    folder = tmp_path_factory.mktemp("documenten") / "voorbeelddorp"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GZCTL_NOW", NOW)
        mp.setenv("GZCTL_USER", "tester")
        mp.setenv("NO_COLOR", "1")
        mp.setattr(sys, "argv", ["gzctl", "demo", str(folder)])
        with pytest.raises(SystemExit) as exit_:
            run()
    assert exit_.value.code in (0, None)
    return folder


@pytest.fixture
def demo(built_demo: Path, tmp_path: Path) -> Path:
    """A private copy of the built demo village, to change at will."""
    folder = tmp_path / "voorbeelddorp"
    shutil.copytree(built_demo, folder)
    return folder


def add_organisation(folder: Path, name: str, **kwargs: object) -> None:
    with store.transaction(folder, "tester", dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)) as c:
        taken = {o.id for o in c.project.organisations}
        ident = f"test-{len(taken)}"
        c.project.organisations.append(Organisation(id=ident, name=name, **kwargs))  # type: ignore[arg-type]


def files_below(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


# --------------------------------------------------------------------------- the demo builds all


def test_demo_builds_every_document(demo: Path) -> None:
    out = demo / "documenten"
    for name in SNAPSHOT_FILES:
        for ext in ("md", "html", "docx"):
            assert (out / name).with_suffix(f".{ext}").is_file(), (name, ext)
    assert len(list((out / "checklist").glob("*.md"))) == 5
    assert (out / "uitnodiging" / "alle-uitnodigingen.html").is_file()


@pytest.mark.parametrize("name", SNAPSHOT_FILES)
def test_markdown_snapshot(demo: Path, name: str, snapshot) -> None:
    text = (demo / "documenten" / name).read_text(encoding="utf-8")
    snapshot("documenten--" + name.replace("/", "--"), text)


def test_dutch_dates_and_numbers() -> None:
    assert docs.dutch_date(dt.date(2027, 1, 12)) == "dinsdag 12 januari 2027"
    assert docs.dutch_number(4850) == "4.850"
    assert docs.join_dutch(["a", "b", "c"]) == "a, b en c"


# --------------------------------------------------------------------------- letters


@pytest.mark.parametrize(
    ("contact", "register", "org_type", "expected"),
    [
        (Contact(name="Jan de Vries"), "jullie", "", "Beste Jan,"),
        (Contact(name="Jan de Vries"), "u", "", "Geachte Jan de Vries,"),
        (Contact(name="Karin Jansen", salutation="Geachte mevrouw Jansen"), "jullie", "",
         "Geachte mevrouw Jansen,"),
        (Contact(name="X", salutation="mevrouw Jansen"), "jullie", "", "Geachte mevrouw Jansen,"),
        (Contact(name="dhr. P. Bos"), "jullie", "", "Geachte heer P. Bos,"),
        (Contact(name="J. Jansen"), "jullie", "", "Beste J. Jansen,"),
        (Contact(salutation="Beste Karin,"), "jullie", "", "Beste Karin,"),
        # without a name: never "leden van" a parish or "medewerkers van" a shop
        (Contact(), "jullie", "voetbalvereniging", "Beste bestuursleden,"),
        (Contact(), "u", "kerk", "Geacht bestuur,"),
        (Contact(), "u", "ondernemers", "Geachte heer, mevrouw,"),
        (Contact(), "u", "gemeente", "Geacht college,"),
    ],
)  # fmt: skip
def test_salutation(contact: Contact, register: str, org_type: str, expected: str) -> None:
    from gzctl.core import playbook as pb
    from gzctl.documents.base import document_words

    words = document_words(pb.load("gemeenschapszorg"))
    got = docs.salutation(contact, "De Club", register=register, org_type=org_type, words=words)
    assert got == expected


def _letters(demo: Path) -> dict[str, str]:
    out = demo / "documenten" / "uitnodiging"
    return {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted(out.glob("*.md"))
        if p.stem != "alle-uitnodigingen" and ".nieuw" not in p.stem
    }


def test_every_letter_is_a_dutch_business_letter(demo: Path) -> None:
    letters = _letters(demo)
    assert len(letters) >= 20
    for stem, text in letters.items():
        lines = text.splitlines()
        # the recipient block: the organisation's name first, under the letterhead
        after_head = lines[lines.index("<!-- /briefhoofd -->") + 2]
        assert after_head.rstrip("\\"), stem
        assert re.search(r"^Ooltwijk, \d{1,2} \w+ 2026\\$", text, re.M), stem
        assert "**Betreft:** Uitnodiging eerste netwerkavond op 10 juni 2026" in text, stem
        salutation = next(ln for ln in lines if re.match(r"^(Beste|Geachte?) ", ln))
        assert salutation.endswith(","), stem
        assert "leden van" not in salutation and "medewerkers van" not in salutation, stem
        assert "Met vriendelijke groet," in text and "Joost van Wijk" in text, stem
        assert "Gemaakt met gzctl" not in text, stem
    # one register per letter, fitting the recipient
    vv = letters["vv-ooltwijk"]
    assert "Beste Kees," in vv and "jullie" in vv and " u " not in vv
    assert "VV Ooltwijk\\\nt.a.v. Kees de Bruin\\\nSportlaan 4\\\n4197\xa0SL Ooltwijk" in vv
    parish = letters["parochie-h-martinus-locatie-ooltwijk"]
    assert "Geacht bestuur," in parish and "jullie" not in parish.lower().replace(
        "namens de startgroep", ""
    )
    shop = letters["supermarkt-van-dijk"]
    assert "Geachte heer, mevrouw," in shop and "Bij u komen veel inwoners" in shop
    town = letters["gemeente-lingemeer"]
    assert "Geachte Sanne Bakker," in town and "Graag nodigen we u uit" in town
    assert "Graag nodigen we Gemeente Lingemeer uit" not in town
    assert "Geachte heer Aalbers," in letters["dorpsraad-ooltwijk"]


def test_the_initiators_get_no_letter(demo: Path) -> None:
    letters = _letters(demo)
    # Annelies runs the dorpshuis, Joost is the KBO's secretary: both are the senders
    assert "dorpshuis-de-schakel" not in letters and "kbo-ooltwijk" not in letters
    for text in letters.values():
        assert "Beste Annelies" not in text and "Beste Joost" not in text
        assert "t.a.v. Annelies Verhoef" not in text and "t.a.v. Joost van Wijk" not in text


def test_a_letter_date_is_the_day_of_the_last_change_and_stays(demo: Path, gz) -> None:
    vv = demo / "documenten" / "uitnodiging" / "vv-ooltwijk.md"
    before = vv.read_text(encoding="utf-8")
    assert "Ooltwijk, 19 november 2026\\" in before  # the demo's last change
    with store.transaction(demo, "tester", dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC)) as c:
        c.log("test", "Een wijziging", [])
        c.project.village.inhabitants = 4900
    assert gz("-C", str(demo), "docs", "build", "--only", "uitnodiging").code == 0
    assert "Ooltwijk, 24 november 2026\\" in vv.read_text(encoding="utf-8")


def test_combined_print_file_has_one_letter_per_page(demo: Path) -> None:
    import docx

    out = demo / "documenten" / "uitnodiging"
    letters = len([p for p in out.glob("*.md") if p.stem != "alle-uitnodigingen"])
    combined = (out / "alle-uitnodigingen.md").read_text(encoding="utf-8")
    assert combined.count(docs.PAGE_BREAK) == letters - 1
    html = (out / "alle-uitnodigingen.html").read_text(encoding="utf-8")
    assert html.count('<section class="pagina brief">') == letters
    assert "break-before: page" in html and "@page { size: A4" in html
    assert "http://" not in html and "https://" not in html  # no external resources
    document = docx.Document(str(out / "alle-uitnodigingen.docx"))
    # every letter is its own section, so that each starts on a new page with the letterhead
    assert len(document.sections) == letters
    assert all(section.different_first_page_header_footer for section in document.sections)


def test_html_escapes_script_in_an_organisation_name(demo: Path, gz) -> None:
    add_organisation(
        demo,
        "<script>alert('x')</script> & Zn",
        status="benaderd",
        contact=Contact(name="<b>Piet</b>"),
    )
    result = gz("-C", str(demo), "docs", "build", "--only", "uitnodiging")
    assert result.code == 0, result.err
    out = demo / "documenten" / "uitnodiging"
    html = (out / "script-alert-x-script-zn.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>Piet" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Zn" in html
    assert "<script>" not in (out / "alle-uitnodigingen.html").read_text(encoding="utf-8")
    # Markdown: escaped, so the name prints as typed and adds no markup
    md = (out / "script-alert-x-script-zn.md").read_text(encoding="utf-8")
    assert r"\<script\>alert('x')\</script\> & Zn" in md


def test_a_name_cannot_leave_documenten(demo: Path, gz) -> None:
    add_organisation(demo, "../../etc/passwd", status="benaderd")
    add_organisation(demo, "CON", status="benaderd")
    result = gz("-C", str(demo), "docs", "build", "--only", "uitnodiging", "--format", "md")
    assert result.code == 0, result.err
    out = demo / "documenten"
    assert (out / "uitnodiging" / "etc-passwd.md").is_file()
    assert (out / "uitnodiging" / "con-organisatie.md").is_file()
    for path in demo.parent.rglob("*"):
        if path.is_file() and "passwd" in path.name:
            assert path.resolve().is_relative_to(out.resolve())


def test_safe_file_names() -> None:
    taken: set[str] = set()
    assert docs.safe_stem("Oranjecomité Ölst", taken) == "oranjecomite-olst"
    assert docs.safe_stem("Oranjecomite Olst", taken) == "oranjecomite-olst-2"
    assert docs.safe_stem("..", taken) == "organisatie"
    assert docs.safe_stem("nul", taken) == "nul-organisatie"
    assert docs.safe_stem("a/b\\c", taken) == "a-b-c"
    assert docs.safe_stem("x" * 200, taken) == "x" * 60


# --------------------------------------------------------------------------- errors


def test_a_missing_value_names_the_template_and_line(demo: Path, gz) -> None:
    own = demo / "sjablonen"
    own.mkdir()
    (own / "agenda.md.j2").write_text(
        "# Agenda\n\n{{ avond.datum }}\n{{ avond.zaal }}\n", encoding="utf-8"
    )
    result = gz("-C", str(demo), "docs", "build", "--only", "agenda")
    assert result.code == 2
    assert "sjablonen/agenda.md.j2" in result.err and "regel 4" in result.err
    assert "'zaal'" in result.err and "Traceback" not in result.err


def test_a_broken_override_is_a_clear_error_and_writes_nothing(demo: Path, gz) -> None:
    shutil.rmtree(demo / "documenten")
    own = demo / "sjablonen"
    (own / "_base").mkdir(parents=True)
    # the HTML around every document is the one template besides the document's own
    (own / "_base" / "pagina.html.j2").write_text("<h1>{{ titel </h1>\n", encoding="utf-8")
    result = gz("-C", str(demo), "docs", "build", "--only", "agenda")
    assert result.code == 2
    assert "sjablonen/_base/pagina.html.j2 (eigen sjabloon), regel 1" in result.err
    assert not (demo / "documenten" / "agenda.md").exists()


def test_an_override_wins(demo: Path, gz) -> None:
    own = demo / "sjablonen"
    own.mkdir()
    (own / "agenda.md.j2").write_text("# Onze agenda\n\nOp {{ avond.datum }}.\n", encoding="utf-8")
    assert gz("-C", str(demo), "docs", "build", "--only", "agenda").code == 0
    md = (demo / "documenten" / "agenda.md").read_text(encoding="utf-8")
    assert md.startswith("# Onze agenda\n\nOp ") and "2026." in md
    html = (demo / "documenten" / "agenda.html").read_text(encoding="utf-8")
    assert "<h1>Onze agenda</h1>" in html and "Programma" not in html  # one source
    assert "Onze agenda" in _docx_headings(demo / "documenten" / "agenda.docx")[0][1]


def test_a_document_that_misses_an_answer_says_which(project: Path, gz) -> None:
    result = gz("-C", str(project), "docs", "build", "--only", "agenda")
    assert result.code == 2
    assert "Op welke datum is de eerste netwerkavond?" in result.err
    # the hint carries the folder given with -C, so it works when pasted
    assert f"gzctl -C {project} wizard --stap verbinden.netwerkavond" in result.err
    # without --only: what can be made is made, the rest is named
    result = gz("-C", str(project), "docs", "build")
    assert result.code == 0
    assert (project / "documenten" / "checklist" / "1-verkennen.md").is_file()
    assert "Overgeslagen: Missie en visie" in result.err


def test_unknown_document_and_format(demo: Path, gz) -> None:
    result = gz("-C", str(demo), "docs", "build", "--only", "agendaa")
    assert result.code == 2 and "Bedoelde je: agenda" in result.err
    result = gz("-C", str(demo), "docs", "build", "--format", "pdf")
    assert result.code == 2 and "kies uit md, html, docx" in result.err


# --------------------------------------------------------------------------- regeneration


def test_an_edited_file_survives_a_rebuild(demo: Path, gz) -> None:
    agenda = demo / "documenten" / "agenda.md"
    edited = agenda.read_text(encoding="utf-8") + "\nMet dank aan de bakker voor de koek.\n"
    agenda.write_text(edited, encoding="utf-8")
    result = gz("-C", str(demo), "docs", "build")
    assert result.code == 0
    assert agenda.read_text(encoding="utf-8") == edited
    fresh = demo / "documenten" / "agenda.nieuw.md"
    assert fresh.is_file() and "bakker" not in fresh.read_text(encoding="utf-8")
    assert "agenda.md" in result.out and "agenda.nieuw.md" in result.out
    listed = json.loads(gz("-C", str(demo), "docs", "list", "--json").out)
    state = {d["id"]: d["state"] for d in listed["documents"]}
    assert state["agenda"] == "bewerkt" and state["checklist"] == "actueel"
    # --force: the user chose to overwrite
    assert gz("-C", str(demo), "docs", "build", "--force").code == 0
    assert "bakker" not in agenda.read_text(encoding="utf-8")
    assert not fresh.exists()


def test_rebuild_is_byte_identical(demo: Path, gz, tmp_path: Path) -> None:
    before = files_below(demo / "documenten")
    result = gz("-C", str(demo), "docs", "build")
    assert result.code == 0
    assert result.out.startswith("0 bestanden geschreven")
    assert files_below(demo / "documenten") == before
    # a copy of the project built from scratch gives the same bytes too
    copy = tmp_path / "kopie"
    copy.mkdir()
    shutil.copy(demo / "gzctl.toml", copy / "gzctl.toml")
    assert gz("-C", str(copy), "docs", "build").code == 0
    assert files_below(copy / "documenten") == before


def test_docs_list_tracks_changes(demo: Path, gz) -> None:
    listed = json.loads(gz("-C", str(demo), "docs", "list", "--json").out)
    state = {d["id"]: d["state"] for d in listed["documents"]}
    assert state["uitnodiging"] == "actueel" and state["vacature"] == "actueel"
    add_organisation(demo, "Zonnebloem Ooltwijk", status="benaderd")
    listed = json.loads(gz("-C", str(demo), "docs", "list", "--json").out)
    state = {d["id"]: d["state"] for d in listed["documents"]}
    assert state["uitnodiging"] == "verouderd"
    human = gz("-C", str(demo), "docs", "list")
    assert human.code == 0 and "verouderd" in human.out and "actueel" in human.out


def test_a_letter_for_an_organisation_that_left_is_cleaned_up(demo: Path, gz) -> None:
    with store.transaction(demo, "tester", dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)) as c:
        org = next(o for o in c.project.organisations if o.name == "VV Ooltwijk")
        org.status = "afgehaakt"
    result = gz("-C", str(demo), "docs", "build", "--only", "uitnodiging")
    assert result.code == 0
    assert not (demo / "documenten" / "uitnodiging" / "vv-ooltwijk.md").exists()
    assert "Opgeruimd" in result.out


# --------------------------------------------------------------------------- DOCX


def _docx_headings(path: Path) -> list[tuple[int, str]]:
    import docx

    out = []
    for p in docx.Document(str(path)).paragraphs:
        m = re.fullmatch(r"Heading (\d)", p.style.name if p.style is not None else "")
        if m:
            out.append((int(m.group(1)), p.text))
    return out


def _markdown_headings(path: Path) -> list[tuple[int, str]]:
    from gzctl.documents.docx import unescape

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(#{1,4})\s+(.*)$", line)
        if m:
            out.append((len(m.group(1)), unescape(m.group(2).replace("**", ""))))
    return out


def test_docx_opens_and_has_the_markdown_headings(demo: Path) -> None:
    out = demo / "documenten"
    checked = 0
    for md in sorted(out.rglob("*.md")):
        headings = _markdown_headings(md)
        assert headings, md
        assert _docx_headings(md.with_suffix(".docx")) == headings, md
        checked += 1
    assert checked >= 10


def test_docx_carries_lists_tables_bold_and_tick_boxes(demo: Path) -> None:
    import docx

    out = demo / "documenten"
    agenda = docx.Document(str(out / "agenda.docx"))
    assert len(agenda.tables) == 1
    assert agenda.tables[0].cell(0, 0).text == "Tijd"
    assert agenda.tables[0].cell(1, 1).paragraphs[0].runs[0].bold
    assert any(p.style.name == "List Bullet" for p in agenda.paragraphs if p.style is not None)
    checklist = docx.Document(str(out / "checklist" / "1-verkennen.docx"))
    # real Word checkboxes (content controls that can be ticked), checked when done
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
    boxes = checklist.element.body.findall(f".//{w14}checkbox")
    states = {b.find(f"{w14}checked").get(f"{w14}val") for b in boxes}
    verkennen = pb.load("gemeenschapszorg").phases[0]
    assert len(boxes) == len(verkennen.items) and states == {"0", "1"}  # one box per action
    assert agenda.core_properties.title == "Agenda eerste netwerkavond"
    assert agenda.core_properties.author == "Ooltwijk Samen"


def test_every_docx_is_dutch_and_in_the_house_style(demo: Path) -> None:
    import zipfile

    import docx
    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = demo / "documenten"
    files = sorted(out.rglob("*.docx"))
    assert len(files) >= 30
    for path in files:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            styles = z.read("word/styles.xml").decode("utf-8")
            body = z.read("word/document.xml").decode("utf-8")
            core = z.read("docProps/core.xml").decode("utf-8")
            app = z.read("docProps/app.xml")
        assert "en-US" not in styles and 'w:lang w:val="nl-NL"' in styles, path
        # every style, and the document defaults
        assert styles.count("<w:style ") + 1 == styles.count("<w:lang "), path
        # every run with text says it is Dutch
        tree = etree.fromstring(body.encode("utf-8"))
        for run in tree.iter(f"{W}r"):
            if run.find(f"{W}t") is not None:
                assert run.find(f"{W}rPr/{W}lang").get(f"{W}val") == "nl-NL", path
        assert "<dc:language>nl-NL</dc:language>" in core, path
        assert "python-docx" not in core and "docProps/thumbnail.jpeg" not in names, path
        assert b"Macintosh" not in app and b"Normal.dotm" not in app, path
        assert "Gemaakt met gzctl" not in body, path
    letter = docx.Document(str(out / "uitnodiging" / "vv-ooltwijk.docx"))
    section = letter.sections[0]
    assert "Ooltwijk Samen" in section.first_page_header.paragraphs[0].text  # letterhead
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer  # "pagina X van Y" from page 2 on
    heading = letter.styles["Heading 2"]
    assert str(heading.font.color.rgb) == "1F5E46" and heading.font.name == "Calibri"
    # e-mail addresses never break at a hyphen
    assert "<w:noBreakHyphen/>" in letter.element.xml
    request = docx.Document(str(out / "aanvraag-gemeente.docx"))
    table = request.tables[0]
    amount = table.rows[1].cells[2].paragraphs[0]
    assert amount.alignment is not None and int(amount.alignment) == 2  # right
    assert (
        table._tbl.tblPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblCellMar"
        )
        is not None
    )


def test_no_outgoing_document_says_it_was_made_with_gzctl(demo: Path) -> None:
    out = demo / "documenten"
    for path in sorted(out.rglob("*")):
        if path.suffix in (".md", ".html"):
            assert "Gemaakt met gzctl" not in path.read_text(encoding="utf-8"), path
    html = (out / "agenda.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="gzctl">' in html  # metadata is fine


# --------------------------------------------------------------------------- the card


def test_the_card_has_the_fixed_safe_block_first(demo: Path) -> None:
    text = (demo / "documenten" / "wie-kan-ik-bellen.md").read_text(encoding="utf-8")
    fixed = text[text.index("## Altijd bereikbaar") : text.index("## Waarvoor")]
    for name, number in (
        ("Alarmnummer", "112"),
        ("Huisartsenpost", "0900 3344556"),
        ("Huisarts", "0345\xa0611\xa0911"),
        ("Sociaal team", "0345\xa0700\xa0210"),
        ("Veilig Thuis", "0800\xa02000"),
        ("Gemeente", "0345\xa0700\xa0100"),
    ):
        number = number.replace(" ", "\xa0")
        lines = [ln for ln in fixed.splitlines() if f"**{name}" in ln and number in ln]
        assert lines, (name, number)
    # the sociaal team and the huisarts are there although they have not joined
    assert "Sociaal Team Lingemeer" in fixed and "Huisartsenpraktijk Ooltwijk" in fixed
    # needs by organisation type only: no "ook met weinig geld" for a card club
    needs = text[text.index("## Waarvoor") : text.index("## Ook aangesloten")]
    assert "Kaartclub" not in needs and "Dorpskrant" not in needs
    assert "**KBO Ooltwijk**: 0345\xa0123\xa0456" in needs
    # organisations only: no contact person is named
    for person in ("Kees de Bruin", "Riet Hol", "Fatima El Amrani", "Annelies Verhoef"):
        assert person not in text.replace("annelies@", ""), person


def test_the_card_warns_for_every_organisation_without_a_phone_number(demo: Path, gz) -> None:
    result = gz("-C", str(demo), "docs", "build", "--only", "wie-kan-ik-bellen", "--force")
    assert result.code == 0, result.err
    warning = next(ln for ln in result.err.splitlines() if "zonder telefoonnummer" in ln)
    assert "Dorpskrant De Ooltwijker" in warning and "Kaartclub De Troef" in warning
    from gzctl.core.text import shell_quote

    # the hint names the folder given with -C, so it works when pasted
    assert f"gzctl -C {shell_quote(str(demo))} org edit ID --telefoon" in warning
    # a missing number in the fixed block is a warning and an open line, never a gap
    with store.transaction(demo, "tester", dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)) as c:
        del c.project.answers["verkennen.huisartsenpost"]
        for org in c.project.organisations:
            if org.type == "kernteam":
                org.type = ""  # no longer recognised as the sociaal team
    result = gz("-C", str(demo), "docs", "build", "--only", "wie-kan-ik-bellen", "--force")
    assert result.code == 0, result.err
    assert (
        "huisartsenpost" in result.err
        and f"gzctl -C {shell_quote(str(demo))} wizard --stap verkennen.inventaris" in result.err
    )
    assert "sociaal team staat niet op de lijst" in result.err
    text = (demo / "documenten" / "wie-kan-ik-bellen.md").read_text(encoding="utf-8")
    # a resident's card never prints an open line: the entry without a number is left out
    assert "**Sociaal team**" not in text and "…" not in text


def test_phone_numbers_are_written_as_dutch_offices_do() -> None:
    from gzctl.documents.base import phone_text

    nb = "\xa0"
    assert phone_text("0345612377") == f"0345{nb}612{nb}377"
    assert phone_text("0800-2000") == f"0800{nb}2000"
    assert phone_text("112") == "112"
    assert phone_text("+32 3 123 45 67") == f"+32{nb}3{nb}123{nb}45{nb}67"
    assert phone_text("") == ""


# --------------------------------------------------------------------------- wording


def test_no_labels_or_raw_lists_in_sentences(demo: Path) -> None:
    out = demo / "documenten"
    news = (out / "nieuwsbrief.md").read_text(encoding="utf-8")
    assert "Voor: " not in news  # a newsletter is for everyone
    plan = (out / "platformplan" / "beweegweek.md").read_text(encoding="utf-8")
    assert "Het helpt bij:" not in plan and "; " not in plan.split("## Wat het dorp")[1]
    assert "- Er zijn kansen om elkaar te ontmoeten" in plan


def _without_record(folder: Path) -> None:
    """Drop the last full build's record from the manifest: docs list then prepares and
    compares every document."""
    path = folder / "documenten" / ".gzctl-manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data.pop("docs")  # a build wrote its records
    (folder / ".gzctl-cache" / "docs-list").unlink(missing_ok=True)  # and docs list its own
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("village", ["demo", "project"])
def test_docs_list_from_the_last_build_says_what_the_full_comparison_says(
    village: str, request: pytest.FixtureRequest, gz
) -> None:
    folder = request.getfixturevalue(village)
    assert gz("-C", str(folder), "docs", "build").code == 0
    recorded = gz("-C", str(folder), "docs", "list", "--json")
    _without_record(folder)
    compared = gz("-C", str(folder), "docs", "list", "--json")
    assert recorded.code == compared.code == 0
    assert json.loads(recorded.out) == json.loads(compared.out)
    states = {d["state"] for d in json.loads(recorded.out)["documents"]}
    assert states <= {"actueel", "niet-klaar", "later"}


def test_docs_list_does_not_trust_the_record_after_a_change_or_an_edit(demo: Path, gz) -> None:
    assert gz("-C", str(demo), "docs", "build").code == 0
    agenda = demo / "documenten" / "agenda.md"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\nMijn eigen regel.\n", "utf-8")
    listed = json.loads(gz("-C", str(demo), "docs", "list", "--json").out)
    assert {d["id"]: d["state"] for d in listed["documents"]}["agenda"] == "bewerkt"
    add_organisation(demo, "Zonnebloem Ooltwijk", status="benaderd")
    listed = json.loads(gz("-C", str(demo), "docs", "list", "--json").out)
    assert {d["id"]: d["state"] for d in listed["documents"]}["uitnodiging"] == "verouderd"


def test_later_formats_when_shown_and_hashes_its_inputs() -> None:
    """documents.base.Later: the text is Babel's and phonenumbers' as before; the digest of
    a prepared output reads only the raw inputs (docs list compares without formatting)."""
    import datetime as dt
    import json

    from gzctl.documents import base
    from gzctl.documents.build import _inputs_of

    day = dt.date(2027, 1, 12)
    sentence = base.later_text(
        "Op {} komen {} mensen.", base.later_date(day), base.later_number(4850)
    )
    data = {"zin": sentence, "bel": [base.later_phone("0345612377")], "leeg": base.later_phone(" ")}
    assert base.shown(data) == {
        "zin": "Op dinsdag 12 januari 2027 komen 4.850 mensen.",
        "bel": ["0345\u00a0612\u00a0377"],
        "leeg": "",
    }
    assert sentence == "Op dinsdag 12 januari 2027 komen 4.850 mensen."
    assert base.later_text("zonder {}", "uitstel") == "zonder uitstel"  # nothing to defer
    assert base.later_join(["a", base.later_number(2)]) == "a en 2"
    assert json.loads(json.dumps(data, default=_inputs_of))["zin"] == [
        "tekst", "Op {} komen {} mensen.", ["datum", "2027-01-12"], ["getal", 4850]
    ]  # fmt: skip
    assert base.later_euro(25000) == "€\u00a025.000,00"


def test_a_rebuild_renders_only_what_changed(demo: Path, gz, monkeypatch) -> None:
    """Files on disk as gzctl wrote them from the same inputs are not rendered again (with
    2,000 organisations a build after one change takes seconds, not a minute); what changed
    is, and a file changed on disk is rendered and kept beside it as before."""
    import importlib

    build_module = importlib.import_module("gzctl.documents.build")

    rendered: list[str] = []
    real = build_module.render_output

    def counting(renderer, output, fmt, *args, **kwargs):
        rendered.append(f"{output.path}.{fmt}")
        return real(renderer, output, fmt, *args, **kwargs)

    monkeypatch.setattr(build_module, "render_output", counting)
    assert gz("-C", str(demo), "docs", "build").code == 0
    assert rendered == []  # the demo built them all already
    add_organisation(demo, "Zonnebloem Ooltwijk", status="benaderd")
    before = files_below(demo / "documenten")
    result = gz("-C", str(demo), "docs", "build")
    assert result.code == 0, result.err
    assert any("zonnebloem" in r for r in rendered)
    assert not any(r.startswith("uitnodiging/") and "vv-ooltwijk" in r for r in rendered)
    letter = demo / "documenten" / "uitnodiging" / "vv-ooltwijk.md"
    assert letter.is_file()
    assert files_below(demo / "documenten")["uitnodiging/vv-ooltwijk.md"] == (
        before["uitnodiging/vv-ooltwijk.md"]
    )
    # a file changed on disk is no longer "as written": rendered again, kept beside
    rendered.clear()
    letter.write_text(letter.read_text(encoding="utf-8") + "\nPS\n", encoding="utf-8")
    assert gz("-C", str(demo), "docs", "build").code == 0
    assert rendered == ["uitnodiging/vv-ooltwijk.md"]
    assert (demo / "documenten" / "uitnodiging" / "vv-ooltwijk.nieuw.md").is_file()
