"""The thank-you letter after a year (bedankbrief): one letter per joined organisation, in both
countries, with what the network did this year from the project's data; one A4 each."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from gzctl.core.store import load

TOOL = Path(__file__).resolve().parent.parent / "tools" / "printcheck.py"


@pytest.fixture(params=["nl", "vlaanderen"])
def built(request: pytest.FixtureRequest, tmp_path: Path, gz) -> Path:
    """Each demo village, made by `gzctl demo` (NL) or `gzctl demo --vlaanderen`, and then
    its documents built again with `gzctl docs build`."""
    folder = tmp_path / "dorp"
    args = ["demo", str(folder)] + (["--vlaanderen"] if request.param == "vlaanderen" else [])
    assert gz(*args).code == 0
    result = gz("-C", str(folder), "docs", "build", "--only", "bedankbrief")
    assert result.code == 0, result.err
    return folder


def _letters(folder: Path) -> dict[str, str]:
    docs = folder / "documenten" / "bedankbrief"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.md"))}


def addressed(name: str, text: str) -> bool:
    """Whether the letter's address block starts with ``name``."""
    after = text.split("<!-- /briefhoofd -->\n\n", 1)[1]
    return after.startswith((f"{name}\\\n", f"{name}\n<!-- ruimte -->"))


def test_one_letter_per_joined_organisation(built: Path) -> None:
    project = load(built)
    joined = [o for o in project.organisations if o.status == "aangesloten"]
    letters = _letters(built)
    combined = letters.pop("alle-bedankbrieven")
    assert len(letters) == len(joined) >= 3
    assert combined.count("<!-- nieuwe pagina -->") == len(joined) - 1

    for org in joined:
        assert sum(addressed(org.name, text) for text in letters.values()) == 1
    others = [o for o in project.organisations if o.status != "aangesloten"]
    for org in others:
        assert not any(addressed(org.name, text) for text in letters.values())
    for ext in ("html", "docx"):
        assert len(list((built / "documenten" / "bedankbrief").glob(f"*.{ext}"))) == len(joined) + 1


def test_a_letter_to_an_initiators_own_organisation_goes_to_its_people(built: Path) -> None:
    """The startgroep writes no letter to itself: where the contact person signs the letter,
    it goes to the organisation's volunteers and members, without "t.a.v."."""
    project = load(built)
    signers = {i.name for i in project.initiators}
    own = [o for o in project.organisations
           if o.status == "aangesloten" and o.contact and o.contact.name in signers]  # fmt: skip
    assert own
    letters = _letters(built)
    for org in own:
        text = next(t for t in letters.values() if f"van {org.name}," in t)
        assert f"t.a.v. {org.contact.name}" not in text
        assert f"Beste {org.contact.name.split()[0]}," not in text


def test_the_letter_says_what_the_network_did_this_year(built: Path) -> None:
    project = load(built)
    day = max(h.at for h in project.history).date()
    year = [a for a in project.activities if day - dt.timedelta(days=365) < a.start.date() <= day]
    counted = sum(a.participants or 0 for a in year)
    joined = [o for o in project.organisations if o.status == "aangesloten"]
    text = next(iter(_letters(built).values())).replace("\u00a0", " ")
    assert "**Betreft:** Bedankt voor een jaar " in text
    assert f"**Netwerk:** {len(joined)} organisaties zijn aangesloten en " in text
    assert f"**Activiteiten:** {len(year)} activiteiten met in totaal {counted} deelnemers" in text
    running = [p.title for p in project.platforms if p.status in ("actief", "in oprichting")]
    assert running and all(title in text for title in running[:3])
    top = max((a for a in year if a.participants), key=lambda a: a.participants or 0)
    assert (
        f"**Hoogtepunt:** {top.title} op " in text and f"met {top.participants} deelnemers" in text
    )
    reach = f"{sum(o.reach or 0 for o in joined):,}".replace(",", ".")
    assert f"een achterban van ongeveer {reach} mensen" in text
    for person in project.initiators:
        assert f"\n{person.name}" in text  # signed by the initiators ...
    # ... and the appointed Coördinator, by title only: no candidate's name in a document
    assert project.coordinator.appointed
    assert re.search(r"\n\n(Gemeenschapszorg Coördinator|Buurtzorgregisseur)\n", text)
    assert not any(c.name in text for c in project.coordinator.candidates)
    assert "Ooltwijk" in text or "Heuvelkerke" in text


def test_each_letter_speaks_to_its_organisation(built: Path) -> None:
    project = load(built)
    letters = _letters(built)
    letters.pop("alle-bedankbrieven")
    by_name = {
        o.name: next(t for t in letters.values() if addressed(o.name, t))
        for o in project.organisations
        if o.status == "aangesloten"
    }
    for org in project.organisations:
        if org.name not in by_name:
            continue
        text = by_name[org.name]
        own = [a.title for a in project.activities if org.id in a.organisers]
        if own:
            assert "zelf mee aan " + own[0] in text.replace("\\", "")
        platforms = [p.title for p in project.platforms if org.id in p.members
                     and p.status in ("actief", "in oprichting")]  # fmt: skip
        for title in platforms:
            assert title in text


def test_the_word_file_has_real_styles(built: Path) -> None:
    import docx

    path = next((built / "documenten" / "bedankbrief").glob("*.docx"))
    document = docx.Document(str(path))
    styles = {p.style.name for p in document.paragraphs if p.text.strip()}
    assert "Heading 2" in styles
    assert any(p.text.startswith("Netwerk:") for p in document.paragraphs)


def test_not_ready_without_a_joined_organisation(tmp_path: Path, gz) -> None:
    folder = tmp_path / "dorp"
    assert gz("demo", str(folder)).code == 0
    text = (folder / "gzctl.toml").read_text(encoding="utf-8")
    (folder / "gzctl.toml").write_text(
        text.replace('status = "aangesloten"', 'status = "uitgenodigd"'), encoding="utf-8"
    )
    result = gz("-C", str(folder), "docs", "build", "--only", "bedankbrief")
    assert result.code != 0
    assert "er is nog geen organisatie aangesloten" in result.err


def test_every_letter_prints_on_one_page(built: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("printcheck", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules["printcheck"] = tool
    spec.loader.exec_module(tool)
    lacking = tool.missing_tools()
    if lacking:
        pytest.skip(f"Chromium, LibreOffice and poppler-utils are needed: {', '.join(lacking)}")
    results = tool.check(built, tmp_path / "afdruk", ["bedankbrief/*"], png=False)
    letters = len(_letters(built)) - 1
    assert {r.renderer for r in results} == {"chromium", "libreoffice"}
    assert len(results) == 2 * (letters + 1)
    problems = [f"{r.renderer} {r.document}: {p}" for r in results for p in r.problems]
    assert not problems, "\n".join(problems)
    for r in results:
        expected = letters if r.document.endswith("alle-bedankbrieven") else 1
        assert r.pages == expected and r.allowed == expected, r
    manifest = json.loads((built / "documenten" / ".gzctl-manifest.json").read_text("utf-8"))
    assert {e["document"] for k, e in manifest["files"].items() if "bedankbrief/" in k} == {
        "bedankbrief"
    }
    assert re.search(r"bedankbrief", json.dumps(manifest["docs"]))


def test_markdown_snapshot(demo: Path, snapshot) -> None:
    text = (demo / "documenten" / "bedankbrief" / "vv-ooltwijk.md").read_text(encoding="utf-8")
    snapshot("documenten--bedankbrief--vv-ooltwijk.md", text)
