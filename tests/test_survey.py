"""The residents' survey (gzctl peiling) and the year reports: counts only, the same numbers in
the command, the year report for the gemeente and the one for residents, in both countries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gzctl.core.errors import PlaybookError
from gzctl.core.store import load
from gzctl.network import survey


def test_the_shipped_survey_is_short_and_checked() -> None:
    s = survey.load_survey()
    core = [q for q in s.questions if not q.extra]
    assert 6 <= len(core) <= 8
    assert any("eenzaam" in q.text for q in core)
    for q in s.questions:
        assert set(q.good) <= set(q.answers)
    with pytest.raises(PlaybookError) as exc:
        survey.parse_survey({"peiling": {"titel": "t", "inleiding": "i", "inleveren": "x"},
                             "vragen": [{"id": "a", "vraag": "?", "antwoorden": ["Ja", "Nee"],
                                         "goed": ["Misschien"], "samenvatting": "s"}]})  # fmt: skip
    assert "Misschien" in str(exc.value)


def test_a_round_is_counts_only_and_comparable(project: Path, gz) -> None:
    c = str(project)
    start = ("peiling", "ronde", "start", "--datum", "01-10-2026", "--ingevuld", "64")
    assert gz("-C", c, *start).code == 0
    assert gz("-C", c, "peiling", "tel", "start", "1", "10", "20", "25", "9").code == 0
    later = ("peiling", "ronde", "12", "--datum", "01-10-2027", "--ingevuld", "70")
    assert gz("-C", c, *later).code == 0
    assert gz("-C", c, "peiling", "tel", "12", "1", "30", "25", "10", "5").code == 0
    data = json.loads(gz("-C", c, "peiling", "uitslag", "--json").out)
    assert [r["moment"] for r in data] == ["start", "12-maanden"]
    assert data[0]["results"][0]["percent"] == round(100 * 30 / 64)
    assert data[1]["results"][0]["counts"] == {"ja-duidelijk": 30, "een-beetje": 25, "nee": 10,
                                               "weet-ik-niet": 5}  # fmt: skip
    shown = gz("-C", c, "peiling", "uitslag").out
    assert "47%" in shown and "79%" in shown
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "[[surveys]]" in text


@pytest.mark.parametrize(
    "args, words",
    [
        (("tel", "start", "1", "1", "2"), "nog geen ronde"),
        (("ronde", "morgen", "--datum", "01-10-2026", "--ingevuld", "5"), "Onbekend moment"),
        (("tel", "start", "99", "1"), "Geen vraag"),
    ],
)
def test_mistakes_are_one_dutch_line(project: Path, gz, args, words) -> None:
    before = (project / "gzctl.toml").read_bytes()
    r = gz("-C", str(project), "peiling", *args)
    assert r.code == 2 and words in r.err and "Traceback" not in r.err
    assert (project / "gzctl.toml").read_bytes() == before


def test_counts_must_fit_the_round(project: Path, gz) -> None:
    c = str(project)
    gz("-C", c, "peiling", "ronde", "start", "--datum", "01-10-2026", "--ingevuld", "10")
    r = gz("-C", c, "peiling", "tel", "start", "2", "5", "5")
    assert r.code == 2 and "3 antwoorden" in r.err
    r = gz("-C", c, "peiling", "tel", "start", "2", "5", "5", "5")
    assert r.code == 2 and "vulden de peiling in" in r.err


@pytest.fixture(params=["nl", "vlaanderen"])
def village(request: pytest.FixtureRequest, tmp_path: Path, gz) -> Path:
    folder = tmp_path / "dorp"
    args = ["demo", str(folder)] + (["--vlaanderen"] if request.param == "vlaanderen" else [])
    assert gz(*args).code == 0
    return folder


def test_demo_has_a_first_round_and_the_reports_say_the_same(village: Path, gz) -> None:
    p = load(village)
    assert [r.id for r in p.surveys] == ["start"]
    r = gz("-C", str(village), "docs", "build", "--only", "jaarverslag")
    assert r.code == 0, r.err
    r = gz("-C", str(village), "docs", "build", "--only", "jaarverslag-inwoners")
    assert r.code == 0, r.err
    docs = village / "documenten"
    (municipal,) = docs.glob("jaarverslag-2*.md")
    (residents,) = docs.glob("jaarverslag-inwoners-*.md")
    first = survey.results(survey.load_survey(), p.surveys[0])[0]
    for doc in (municipal, residents):
        text = doc.read_text(encoding="utf-8")
        assert f"{first.percent}%" in text
        joined = sum(o.status == "aangesloten" for o in p.organisations)
        assert f"{joined} organisaties zijn aangesloten" in text
        assert "kwetsbare" not in text and "None" not in text
    plain = residents.read_text(encoding="utf-8")
    assert "112" in plain and "met de persoon zelf" in plain


def test_the_printed_survey_has_no_line_for_a_name(village: Path, gz) -> None:
    r = gz("-C", str(village), "docs", "build", "--only", "peiling")
    assert r.code == 0, r.err
    text = (village / "documenten" / "peiling.md").read_text(encoding="utf-8")
    assert "anoniem" in text and "- [ ] Ja" in text
    assert "Naam:" not in text and "naam:" not in text


def test_the_site_tells_residents_what_the_survey_said(demo: Path, gz) -> None:
    assert gz("-C", str(demo), "site", "build").code == 0
    page = (demo / "website" / "geweest.html").read_text(encoding="utf-8")
    p = load(demo)
    first = survey.results(survey.load_survey(), p.surveys[0])[0]
    assert "Wat inwoners ons vertelden" in page
    assert f"<strong>{first.percent}%</strong> {first.question.summary}" in page
