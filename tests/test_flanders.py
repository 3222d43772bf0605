"""The Flemish variant (issue 16): a playbook, catalogues and country words as data, chosen
at init, validated on load, and shown whole by `gzctl demo --vlaanderen`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gzctl.core import country as ct
from gzctl.core import playbook as pb
from gzctl.core.errors import PlaybookError

ROOT = Path(__file__).resolve().parent.parent

# as the card (a table) and the newsletter (a list) both print them; numbers compared with
# plain spaces (the card keeps a number together with no-break spaces)
FLEMISH_HELPLINES = ("1712", "Tele-Onthaal", "106", "Zelfmoordlijn", "1813", "102", "Sociaal Huis")
DUTCH_HELPLINES = ("Veilig Thuis", "0800 2000")


@pytest.fixture
def flemish_demo(tmp_path: Path, gz) -> Path:
    result = gz("-C", str(tmp_path), "demo", "--vlaanderen")
    assert result.code == 0, result.err
    return tmp_path / "voorbeelddorp-vlaanderen"


def _read(folder: Path, name: str) -> str:
    text = (folder / "documenten" / name).read_text(encoding="utf-8")
    return text.replace("\u00a0", " ").replace("0800-", "0800 ")


@pytest.mark.parametrize("name", ["gemeenschapszorg", "zorgzame-buurt"])
def test_playbook_check_passes_for_both_variants(gz, name: str) -> None:
    result = gz("playbook", "check", str(ROOT / "playbooks" / f"{name}.toml"))
    assert result.code == 0, result.err
    assert "in orde" in result.out


def test_both_variants_are_builtin_and_chosen_by_country() -> None:
    assert {"gemeenschapszorg", "zorgzame-buurt"} <= set(pb.builtin_names())
    assert not any(n.startswith(pb.DATA_FILE_PREFIXES) for n in pb.builtin_names())
    assert pb.builtin_for_country("NL") == "gemeenschapszorg"
    assert pb.builtin_for_country("be") == "zorgzame-buurt"
    be = pb.load("zorgzame-buurt")
    assert (be.country, be.organisation_types, be.platforms) == (
        "BE", "organisatietypen-vlaanderen", "platforms-vlaanderen",
    )  # fmt: skip
    # same ids as the Dutch playbook (documents and gzctl know them), plus the regie step
    nl_items = {i.id for i in pb.load("gemeenschapszorg").items}
    assert nl_items <= {i.id for i in be.items}


def test_the_flemish_demo_letters_speak_flemish(flemish_demo: Path) -> None:
    # the demo's lokaal bestuur holds the regie: a nota for the meerjarenplan, no subsidy
    assert not (flemish_demo / "documenten" / "aanvraag-gemeente.md").exists()
    note = _read(flemish_demo, "nota-college.md")
    assert "college van burgemeester en schepenen" in note and "meerjarenplan" in note
    assert "buurtzorgregisseur" in note and "wethouder" not in note.lower()
    for name in ("wie-kan-ik-bellen.md", "nieuwsbrief.md"):
        text = _read(flemish_demo, name)
        for line in FLEMISH_HELPLINES:
            assert line in text, (name, line)
        for line in DUTCH_HELPLINES:
            assert line not in text, (name, line)
    for path in (flemish_demo / "documenten").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"wethouder|Veilig Thuis|\bCBS\b|kernteam", text, re.I), path


def test_the_dutch_demo_letters_do_not(demo: Path) -> None:
    letter = _read(demo, "aanvraag-gemeente.md")
    assert "college van burgemeester en wethouders" in letter
    assert "schepen" not in letter
    for name in ("wie-kan-ik-bellen.md", "nieuwsbrief.md"):
        text = _read(demo, name)
        for line in DUTCH_HELPLINES:
            assert line in text, (name, line)
        for line in ("1712", "Tele-Onthaal", "Zelfmoordlijn 1813", "Sociaal Huis"):
            assert line not in text, (name, line)
    for path in (demo / "documenten").rglob("*.md"):
        assert "schepen" not in path.read_text(encoding="utf-8"), path


def test_templates_hold_no_country_branches() -> None:
    for path in (ROOT / "templates").rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"land\.code\s*==|country|['\"](BE|NL)['\"]", text), path


def test_the_flemish_demo_is_whole(gz, flemish_demo: Path) -> None:
    result = gz("-C", str(flemish_demo), "status", "--json")
    data = json.loads(result.out)
    assert data["village"]["name"] == "Heuvelkerke"
    assert data["village"]["province"] == "West-Vlaanderen"
    assert data["playbook"]["id"] == "zorgzame-buurt"
    cov = gz("-C", str(flemish_demo), "org", "coverage", "--json")
    assert cov.code == 0, cov.err
    types = {t["id"] for t in json.loads(cov.out)["missing_types"]}
    assert "jeugdhuis" in types and "kernteam" not in types  # the Flemish catalogue
    # making it again replaces it only with --opnieuw
    again = gz("-C", str(flemish_demo.parent), "demo", "--vlaanderen")
    assert again.code == 2
    again = gz("-C", str(flemish_demo.parent), "demo", "--vlaanderen", "--opnieuw")
    assert again.code == 0, again.err


def test_init_with_country_be_uses_the_flemish_playbook_and_catalogue(
    tmp_path: Path, gz
) -> None:
    answers = tmp_path / "antwoorden.toml"
    answers.write_text(
        '[village]\nname = "Dadizele"\nmunicipality = "Moorslede"\n'
        'province = "West-Vlaanderen"\ninhabitants = 3700\n\n'
        '[[initiators]]\nname = "An Vandenberghe"\nphone = "051 12 34 56"\n',
        encoding="utf-8",
    )
    folder = tmp_path / "dadizele"
    result = gz("init", str(folder), "--land", "BE", "--answers", str(answers))
    assert result.code == 0, result.err
    assert 'playbook = "zorgzame-buurt"' in (folder / "gzctl.toml").read_text(encoding="utf-8")
    added = gz("-C", str(folder), "org", "add", "OCMW Moorslede")
    assert added.code == 0, added.err
    shown = gz("-C", str(folder), "org", "show", "ocmw-moorslede", "--json")
    assert json.loads(shown.out)["type"] == "sociaal-huis"
    both = gz("init", str(tmp_path / "x"), "--land", "BE", "--playbook", "gemeenschapszorg")
    assert both.code == 2


def test_country_words_are_checked_on_load(tmp_path: Path) -> None:
    countries = ct.load_countries()
    assert set(countries) >= {"NL", "BE"}
    assert set(countries["NL"].words) == set(countries["BE"].words)
    assert countries["BE"].words["bestuurder"] == "schepen"
    text = (ROOT / "playbooks" / "landen" / "be" / "land.toml").read_text(encoding="utf-8")
    folder = tmp_path / "landen" / "be"
    folder.mkdir(parents=True)
    broken = text.replace('bestuurder = "schepen"\n', "").split("[[hulplijnen]]")[0]
    (folder / "land.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(PlaybookError) as exc:
        ct.load_file(folder / "land.toml")
    assert "woord 'bestuurder' ontbreekt" in str(exc.value) and "hulplijnen" in str(exc.value)
    assert "be/land.toml, regel " in str(exc.value)


def test_a_playbook_with_an_unknown_country_or_catalogue_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "playbooks" / "zorgzame-buurt.toml").read_text(encoding="utf-8")
    bad = tmp_path / "eigen.toml"
    bad.write_text(
        text.replace('country = "BE"', 'country = "FR"').replace(
            'platforms = "platforms-vlaanderen"', 'platforms = "platforms-wallonie"'
        ),
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(bad)
    assert "onbekend land 'FR'" in str(exc.value)
    assert "platforms-wallonie" in str(exc.value)


def test_the_flemish_website_names_types_from_the_flemish_catalogue(flemish_demo: Path) -> None:
    page = (flemish_demo / "website" / "organisaties.html").read_text(encoding="utf-8")
    assert "Lokaal dienstencentrum" in page and "Voetbalclub" in page
    assert "Voetbalvereniging" not in page  # the Dutch catalogue's word


def test_a_flemish_request_where_an_ldc_holds_the_regie(flemish_demo: Path, gz) -> None:
    import datetime as dt

    from gzctl.core import store

    with store.transaction(flemish_demo, "tester", dt.datetime(2026, 11, 22, 12, 0)) as tx:
        a = tx.project.answers
        ldc = "Een lokaal dienstencentrum, in opdracht van het lokaal bestuur"
        a["verkennen.regiehouder"] = ldc
        a["organiseren.werkgever"] = "lokaal dienstencentrum"
        a["organiseren.penvoerder"] = "vzw Lokaal Dienstencentrum De Linde"
    r = gz("-C", str(flemish_demo), "docs", "build", "--only", "subsidieaanvraag")
    assert r.code == 0, r.err
    letter = _read(flemish_demo, "aanvraag-gemeente.md")
    assert "college van burgemeester en schepenen" in letter
    assert "wethouder" not in letter.lower()
    assert "steun voor de verbinder" in letter and "steun voor het midden" not in letter
    assert "buurtzorgregisseur" in letter and "kernteam" not in letter
    r = gz("-C", str(flemish_demo), "docs", "build", "--only", "nota-college")
    assert r.code == 2 and "subsidieaanvraag" in r.err
