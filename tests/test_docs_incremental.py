"""docs build after one change redoes only what the change touches, and gives exactly the
bytes of a build from scratch (issue 25, item 7)."""

from __future__ import annotations

import json
import os
import shutil
import zlib
from pathlib import Path

import pytest
from test_documents import built_demo, demo, files_below  # noqa: F401  (fixtures)

from gzctl.core import statecache
from gzctl.documents import html as html_mod
from gzctl.documents.html import body, page_key


def _fresh(gz, folder: Path, tmp_path: Path) -> dict[str, bytes]:
    """The documents of ``folder``'s gzctl.toml built from scratch in another folder."""
    copy = tmp_path / "vers"
    copy.mkdir()
    shutil.copy(folder / "gzctl.toml", copy / "gzctl.toml")
    assert gz("-C", str(copy), "docs", "build").code == 0
    return files_below(copy / "documenten")


def _org_with_letter(folder: Path) -> str:
    manifest = json.loads((folder / "documenten" / ".gzctl-manifest.json").read_text("utf-8"))
    assert "uitnodiging/vv-ooltwijk.md" in manifest["files"]
    return "vv-ooltwijk"


def test_one_changed_organisation_rebuilds_its_files_and_equals_a_fresh_build(
    demo: Path, gz, tmp_path: Path  # noqa: F811
) -> None:
    # a change today first: an edit later today keeps the date every letter carries
    assert gz("-C", str(demo), "org", "edit", "vv-ooltwijk", "--achterban", "250").code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0  # in place: the caches are filled
    org = _org_with_letter(demo)
    letter = demo / "documenten" / "uitnodiging" / "vv-ooltwijk.html"
    combined = demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.html"
    combined_docx = (demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.docx").read_bytes()
    assert gz("-C", str(demo), "org", "edit", org, "--contact", "Henk Veranderd").code == 0
    result = gz("-C", str(demo), "docs", "build")
    assert result.code == 0
    written = int(result.out.split()[0])
    assert 0 < written < 30, result.out  # the letter, the print file, the lists: not all
    assert "Henk Veranderd" in letter.read_text("utf-8")
    assert "Henk Veranderd" in combined.read_text("utf-8")
    assert (demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.docx").read_bytes() != (
        combined_docx
    )
    assert files_below(demo / "documenten") == _fresh(gz, demo, tmp_path)
    # and once more with nothing changed: nothing written, the same bytes
    again = gz("-C", str(demo), "docs", "build")
    assert again.code == 0 and again.out.startswith("0 bestanden geschreven")


def test_a_hand_edit_of_the_same_size_and_time_is_still_seen(demo: Path, gz) -> None:  # noqa: F811
    assert gz("-C", str(demo), "docs", "build").code == 0
    agenda = demo / "documenten" / "agenda.md"
    before = os.stat(agenda)
    text = agenda.read_text("utf-8")
    edited = text.replace("Agenda", "AGENDA", 1)
    assert edited != text and len(edited) == len(text)
    agenda.write_text(edited, encoding="utf-8")
    os.utime(agenda, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and mtime as before
    result = gz("-C", str(demo), "docs", "build")
    assert result.code == 0
    assert agenda.read_text("utf-8") == edited  # kept
    assert (demo / "documenten" / "agenda.nieuw.md").is_file()  # and seen as edited


def test_remembered_pages_without_the_users_key_are_not_used(
    demo: Path, gz, tmp_path: Path  # noqa: F811
) -> None:
    assert gz("-C", str(demo), "docs", "build").code == 0
    letter = demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.md"
    pages = html_mod.page_texts(letter.read_text("utf-8").rstrip("\n") + "\n")
    assert pages is not None and len(pages) > 3
    forged = {page_key(t, c): "<p>GEHACKT</p>" for t in pages for c in (False, True)}
    # the letters' DOCX XML is kept there too: every kept entry forged as well
    kept = _remembered(demo)
    assert sum(k.startswith("docx:") for k in kept) >= len(pages) - 1
    forged.update({k: _GEHACKT_XML for k in kept if k.startswith("docx:")})
    cache = demo / statecache.FOLDER / "docs-pages"
    assert cache.is_file()  # the real one is there, under the key
    cache.write_bytes(b"\0" * 32 + _pages_payload(forged))  # a MAC without the user's key
    cache.with_name("docs-pages-new").write_bytes(b"\0" * 32 + _pages_payload(forged))
    edit = ("org", "edit", "vv-ooltwijk", "--contact", "Henk Veranderd")
    assert gz("-C", str(demo), *edit).code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    combined = demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.html"
    assert "GEHACKT" not in combined.read_text("utf-8")
    assert "GEHACKT" not in _docx_xml(combined.with_suffix(".docx"))
    assert files_below(demo / "documenten") == _fresh(gz, demo, tmp_path)


_GEHACKT_XML = "<w:p><w:r><w:t>GEHACKT</w:t></w:r></w:p>"


def _remembered(folder: Path) -> dict[str, str]:
    """What .gzctl-cache/docs-pages holds (HTML pages and letters' DOCX XML)."""
    return _build_module()._load_pages(folder)


def _pages_payload(pages: dict[str, str]) -> bytes:
    import marshal

    return _build_module()._PAGES_TAG + zlib.compress(marshal.dumps(pages, 4), 1)


def _build_module():
    """gzctl/documents/build.py (gzctl.documents.build is its function build)."""
    import importlib

    return importlib.import_module("gzctl.documents.build")


def _docx_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_the_print_file_docx_converts_the_changed_letter_and_takes_the_others_kept(
    demo: Path, gz, tmp_path: Path  # noqa: F811
) -> None:
    """The DOCX of all letters: a letter whose Markdown did not change is taken from the kept
    XML (marked here, under the user's own key, to see it used), the changed one is
    converted again (it carries the change, never the kept XML of its old text)."""
    assert gz("-C", str(demo), "org", "edit", "vv-ooltwijk", "--achterban", "250").code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    docx_path = demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.docx"
    before = _docx_xml(docx_path)
    assert "MEMO" not in before and "Henk Veranderd" not in before
    letters = (demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.md").read_text(
        "utf-8"
    ).count("<!-- nieuwe pagina -->") + 1
    assert letters > 20
    kept = _remembered(demo)
    marked = {
        k: v.replace("<w:t>", "<w:t>MEMO ", 1) if k.startswith("docx:") else v
        for k, v in kept.items()
    }
    assert sum(k.startswith("docx:") for k in marked) >= letters
    statecache.write_signed(demo, "docs-pages", _pages_payload(marked))
    (demo / statecache.FOLDER / "docs-pages-new").unlink(missing_ok=True)  # all in one file
    edit = ("org", "edit", "vv-ooltwijk", "--contact", "Henk Veranderd")
    assert gz("-C", str(demo), *edit).code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    after = _docx_xml(docx_path)
    assert after.count("Henk Veranderd") >= 1
    assert after.count("<w:t>MEMO ") == letters - 1  # every letter but the changed one kept
    changed = next(part for part in after.split("<w:sectPr") if "Henk Veranderd" in part)
    assert "MEMO" not in changed
    # --force trusts nothing kept: the bytes of a build from scratch
    assert gz("-C", str(demo), "docs", "build", "--force").code == 0
    assert "MEMO" not in _docx_xml(docx_path)
    assert files_below(demo / "documenten") == _fresh(gz, demo, tmp_path)


def test_letters_converted_one_by_one_give_the_docx_of_the_whole(
    built_demo: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """Converting a print file letter by letter (with kept XML or without) gives the bytes
    of converting its Markdown whole, as gzctl did before it kept letters."""
    import datetime as dt

    from gzctl.core.outtext import clean
    from gzctl.documents import docx as docx_mod

    letters = built_demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.md"
    head = letters.read_text("utf-8").split("<!-- /briefhoofd -->")[0] + "<!-- /briefhoofd -->\n"
    odd = (
        "<!-- slot -->\nAdres 1\\\nDorp\n\n## Kop\n\nTekst na de kop.\n\n"
        "| Wie | Bedrag |\n|---|---:|\n| **Jan** | 12,50 |\n\n- [ ] **Taak** uitleg\n"
        "- [x] Klaar\n\n> Een *vraag*\n\n1. een\n2. twee\n\n<!-- ruimte -->\n\n"
        "Met groet,\n\n<!-- ruimte -->\n\nAnna\n\nBert\n\n---\n\n*voetnoot*\n"
    )
    texts = [
        letters.read_text("utf-8"),
        head + odd + "\n<!-- nieuwe pagina -->\n\n" + head + "Adres\n\nBrief twee.\n"
        + "\n<!-- nieuwe pagina -->\n\n" + odd,
    ]
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    builder = docx_mod.DocxBuilder(moment, "nl-NL")
    memo: dict[str, str] = {}
    builder.pages = memo
    kept = [builder.build(clean(t), "Brieven") for t in texts]
    assert len(memo) == texts[0].count("<!-- nieuwe pagina -->") + 1 + 3  # one per letter
    again = [builder.build(clean(t), "Brieven") for t in texts]  # all from the memo now
    builder.pages = None
    apart = [builder.build(clean(t), "Brieven") for t in texts]
    monkeypatch.setattr(docx_mod, "_letter_texts", lambda markdown: [markdown])
    whole = [builder.build(clean(t), "Brieven") for t in texts]
    assert kept == again == apart == whole


def test_pages_parsed_apart_give_the_html_of_the_whole(
    demo: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    texts = [p.read_text("utf-8") for p in sorted((demo / "documenten").rglob("*.md"))]
    texts.append("Een\n\n<!-- nieuwe pagina -->\n\nTwee\n<!-- nieuwe pagina -->\n\nDrie\n")
    texts.append("```\n<!-- nieuwe pagina -->\n```\n\n<!-- nieuwe pagina -->\n\nx\n")
    texts.append("[a]: https://x.nl\n\n<!-- nieuwe pagina -->\n\n[b][a]\n")
    texts.append("<!-- open\n\n<!-- nieuwe pagina -->\n\nnog -->\n")
    split = [body(t, memo={}) for t in texts]
    assert sum(html_mod.page_texts(t) is not None and t.count("nieuwe pagina") > 0
               for t in texts) >= 2  # fmt: skip
    monkeypatch.setattr(html_mod, "page_texts", lambda markdown: None)
    assert split == [body(t) for t in texts]


def test_pages_made_after_one_change_are_kept_apart_until_they_are_many(
    demo: Path, gz, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """A build after one change writes the pages it made to docs-pages-new, not all of
    docs-pages again; once those are a large share, docs-pages takes them all in."""
    build_mod = _build_module()
    cache = demo / statecache.FOLDER
    # a change today first (every letter gets today's date): docs-pages takes those in
    assert gz("-C", str(demo), "org", "edit", "vv-ooltwijk", "--achterban", "250").code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    base = (cache / "docs-pages").read_bytes()
    assert not (cache / "docs-pages-new").exists()
    edit = ("org", "edit", "vv-ooltwijk", "--contact", "Henk Veranderd")
    assert gz("-C", str(demo), *edit).code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    assert (cache / "docs-pages").read_bytes() == base
    apart = build_mod._read_pages(demo, "docs-pages-new")
    assert apart and len(apart) < 10  # the changed letter's pages, as HTML and DOCX XML
    assert any(k.startswith("docx:") for k in apart)
    assert any("Henk Veranderd" in v for v in apart.values())
    kept = _remembered(demo)
    assert set(apart) < set(kept) and set(build_mod._read_pages(demo, "docs-pages")) < set(kept)
    monkeypatch.setattr(build_mod, "_NEW_SHARE", 10**9)  # now the new pages count as many
    edit = ("org", "edit", "vv-ooltwijk", "--contact", "Henk Anders")
    assert gz("-C", str(demo), *edit).code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    assert not (cache / "docs-pages-new").exists()
    whole = build_mod._read_pages(demo, "docs-pages")
    assert any("Henk Anders" in v for v in whole.values())
    assert set(apart) <= set(whole)  # asked for or kept as older


def test_forgetting_a_person_drops_the_remembered_pages(demo: Path, gz) -> None:  # noqa: F811
    assert gz("-C", str(demo), "org", "edit", "vv-ooltwijk", "--achterban", "250").code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0  # today's date on every letter
    edit = ("org", "edit", "vv-ooltwijk", "--contact", "Henk Veranderd")
    assert gz("-C", str(demo), *edit).code == 0
    assert gz("-C", str(demo), "docs", "build").code == 0
    cache = demo / statecache.FOLDER
    assert (cache / "docs-pages").is_file() and (cache / "docs-seen.json").is_file()
    assert (cache / "docs-pages-new").is_file()
    assert gz("-C", str(demo), "person", "forget", "Henk Veranderd", "--yes").code == 0
    assert not (cache / "docs-pages").exists() and not (cache / "docs-seen.json").exists()
    assert not (cache / "docs-pages-new").exists()


def test_docx_tables_never_look_up_the_last_section(
    demo: Path, gz, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """python-docx's Document.add_table finds the last section by an XPath over the whole
    document for every table: with one signature table per letter the print file of 1,600
    letters took 24 s. The tables are made with the width worked out once."""
    import docx.document

    def looked_up(self: object) -> None:
        raise AssertionError("Document._block_width: an XPath over the whole document")

    monkeypatch.setattr(docx.document.Document, "_block_width", property(looked_up))
    result = gz("-C", str(demo), "docs", "build", "--force")
    assert result.code == 0, result.err
    letters = demo / "documenten" / "uitnodiging" / "alle-uitnodigingen.docx"
    assert letters.stat().st_size > 0
