"""Recognising an organisation's type from its name.

The names in recognition_names.py are real Dutch and Flemish names, read with the catalogue
of their country. Every one must be recognised, and a street or a look-alike word must never
be mistaken for a type (Kerkstraat is no church, Rijschool no basisschool): a wrong type is
worse than none, because nobody notices it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from recognition_names import DUTCH, FLEMISH, HEAD_NOUN

from gzctl.core import playbook as pb
from gzctl.core.model import Project
from gzctl.network import inventory as inv


def _catalogue(country: str) -> inv.Catalogue:
    return inv.load_catalogue(pb.load(pb.builtin_for_country(country)))


def _recognised(catalogue: inv.Catalogue, name: str) -> str | None:
    found = catalogue.match_type(name)
    return found.id if found else None


def test_accuracy_on_sixty_odd_real_looking_names() -> None:
    rows = [("NL", n, w) for n, w in DUTCH] + [("BE", n, w) for n, w in FLEMISH]
    assert len(rows) >= 60
    cats = {"NL": _catalogue("NL"), "BE": _catalogue("BE")}
    wrong = [(n, _recognised(cats[c], n), w) for c, n, w in rows if _recognised(cats[c], n) != w]
    assert wrong == []


@pytest.mark.parametrize(("name", "expected"), DUTCH)
def test_dutch_name(name: str, expected: str | None) -> None:
    assert _recognised(_catalogue("NL"), name) == expected


@pytest.mark.parametrize(("name", "expected"), FLEMISH)
def test_flemish_name(name: str, expected: str | None) -> None:
    assert _recognised(_catalogue("BE"), name) == expected


@pytest.mark.parametrize(("country", "name", "expected"), HEAD_NOUN)
def test_the_head_noun_wins(country: str, name: str, expected: str | None) -> None:
    """Issue 23: 'Autorijschool Kerkzicht' is no church, 'PKN-gemeente Den Ham' no
    municipality; type words at the end of compounds count; businesses are a type."""
    assert _recognised(_catalogue(country), name) == expected


def test_a_business_is_an_ondernemer_and_a_proper_name_never_decides() -> None:
    cat = _catalogue("NL")
    for name in ("Café-Zaal De Harmonie", "Brasserie Het Gemeentehuis", "Frituur 't Kerkhofje"):
        found = cat.match_type(name)
        assert found is not None and found.kind == "ondernemer", name
    # the same proper names alone still say what they say
    assert _recognised(cat, "De Harmonie") == "muziekvereniging"
    assert _recognised(cat, "Het Gemeentehuis") == "gemeente"


def test_a_repair_cafe_is_a_volunteer_initiative_not_a_business() -> None:
    """'Café' is horeca only as the head noun ('^cafe' in the catalogue): a Repair Café is
    taken in as volunteers with the type to ask, a café as a guessed business."""
    today = dt.date(2026, 1, 1)
    for country in ("NL", "BE"):
        cat = _catalogue(country)
        for name in ("Repair Café Ooltwijk", "Filosofisch Café", "Taalcafé Beesd"):
            org = inv.build({"name": name}, cat, set(), today)
            assert (org.kind, org.type, org.type_guessed) == (
                "vrijwilligers", inv.UNKNOWN_TYPE, False
            ), (country, name)
        pub = inv.build({"name": "Café De Kerk"}, cat, set(), today)
        assert (pub.kind, pub.type, pub.type_guessed) == ("ondernemer", "ondernemers", True)


def test_words_are_remembered_but_answer_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """An import reads 50,000 names: a catalogue remembers each word's keyword hits and near
    misses, within inv._MEMO_WORDS words; remembered or not, a name gets the same type."""
    names = [n for n, _ in DUTCH] + [n for c, n, _ in HEAD_NOUN if c == "NL"]
    cat = _catalogue("NL")
    cat._memo.clear()
    first = [_recognised(cat, n) for n in names]
    assert cat._memo  # words were remembered
    assert [_recognised(cat, n) for n in names] == first  # from the memory
    monkeypatch.setattr(inv, "_MEMO_WORDS", 5)
    cat._memo.clear()
    assert [_recognised(cat, n) for n in names] == first
    assert len(cat._memo) <= 5


def test_a_street_or_a_school_word_does_not_decide() -> None:
    cat = _catalogue("NL")
    assert _recognised(cat, "Buurtvereniging Kerkstraat") == "buurtvereniging"
    for name in ("Rijschool Jansen", "Dansschool Vonk", "Kapsalon Schoolstraat"):
        assert _recognised(cat, name) != "basisschool"
    assert _recognised(cat, "Muziekschool De Toonladder") == "muziekschool"


def test_a_typo_is_forgiven_but_not_a_different_word() -> None:
    cat = _catalogue("NL")
    assert _recognised(cat, "Zonebloem Ooltwijk") == "zonnebloem"
    assert _recognised(cat, "Dansschool Ooltwijk") is None


def test_the_best_near_keyword_wins() -> None:
    cat = _catalogue("NL")
    assert _recognised(cat, "Biblioteek Ooltwijk") == "bibliotheek"
    assert _recognised(cat, "Voetbalverenging Ooltwijk") == "voetbalvereniging"
    assert _recognised(cat, "Huisartsenpraktjik Beesd") == "huisartsenpraktijk"


def _typos(word: str) -> set[str]:
    """Every word one slip away: a letter left out, doubled, swapped or replaced."""
    out = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        for letter in "aeiknorst":
            out.add(word[:i] + letter + word[i + 1 :])
    return {w for w in out if len(w) >= 6}


def test_the_cheap_bounds_never_drop_a_keyword_difflib_would_accept() -> None:
    """``_near_candidates`` skips keywords by length and shared letter pairs before difflib
    compares letter by letter; on every one-slip typo of every keyword, and on two-slip
    ones of some, it keeps each keyword that scores NEAR_MISS or more."""
    from difflib import SequenceMatcher

    cat = _catalogue("NL")
    keywords = tuple(cat._by_how["near"])
    words = set()
    for keyword in keywords:
        words |= set(sorted(_typos(keyword))[::6])
    for keyword in keywords[::20]:
        for once in sorted(_typos(keyword))[::15]:
            words |= set(sorted(_typos(once))[::5])
    assert len(words) > 3000
    cutoff = inv.NEAR_MISS / 100
    skipped = []
    for word in sorted(words):
        kept = set(inv._near_candidates(word, keywords))
        matcher = SequenceMatcher(None, "", word, autojunk=False)
        for keyword in keywords:
            matcher.set_seq1(keyword)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue  # upper bounds of ratio(): it cannot reach the cutoff either
            if matcher.ratio() >= cutoff and keyword not in kept:
                skipped.append((word, keyword))
    assert skipped == []


def test_an_unknown_name_is_marked_and_asked_about() -> None:
    cat = _catalogue("NL")
    project = Project()
    org = inv.add(project, {"name": "Stichting De Regenboog"}, cat, dt.date(2027, 1, 5))
    assert org.type == inv.UNKNOWN_TYPE == "onbekend"
    assert not org.type_guessed  # unknown is asked about, not a guess
    unknown = inv.coverage(project, cat)["unknown_type"]
    assert [u["id"] for u in unknown] == [org.id]
    assert "gzctl org edit" in unknown[0]["question"]


def test_the_flemish_catalogue_is_chosen_by_the_playbook() -> None:
    be = pb.load("zorgzame-buurt")
    assert be.country == "BE"
    cat = inv.load_catalogue(be)
    assert cat.type("sociaal-huis") is not None and cat.type("kernteam") is None
    assert inv.load_catalogue(pb.load("gemeenschapszorg")).type("sociaal-huis") is None


def test_org_add_asks_about_a_name_it_cannot_place(gz, project) -> None:
    result = gz("-C", str(project), "org", "add", "Stichting De Regenboog")
    assert result.code == 0, result.err
    assert "Wat voor organisatie is het?" in result.err
    assert "org edit stichting-de-regenboog --type" in result.err
    known = gz("-C", str(project), "org", "add", "VV Beesd")
    assert "Wat voor organisatie" not in known.err
