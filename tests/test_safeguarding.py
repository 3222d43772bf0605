"""Safeguarding as handouts (signaalroute, privacyverklaring, toestemming-foto, gedragscode):
consent first, the country's numbers and ages, the answers' basis and retention period."""

from __future__ import annotations

from pathlib import Path

import pytest

from gzctl.core.store import load

COUNTRY = {
    "nl": {"geweld": "Veilig Thuis, 0800-2000", "leeftijd": "jonger dan 16 jaar",
           "bewijs": "Verklaring Omtrent het Gedrag", "toezicht": "Autoriteit Persoonsgegevens"},
    "vlaanderen": {"geweld": "1712", "leeftijd": "jonger dan 13 jaar",
                   "bewijs": "uittreksel uit het strafregister (model 2)",
                   "toezicht": "Gegevensbeschermingsautoriteit"},
}  # fmt: skip


@pytest.fixture(params=["nl", "vlaanderen"])
def handouts(request: pytest.FixtureRequest, tmp_path: Path, gz) -> tuple[str, Path]:
    folder = tmp_path / "dorp"
    args = ["demo", str(folder)] + (["--vlaanderen"] if request.param == "vlaanderen" else [])
    assert gz(*args).code == 0
    for doc in ("signaalroute", "privacyverklaring", "toestemming-foto", "gedragscode"):
        r = gz("-C", str(folder), "docs", "build", "--only", doc)
        assert r.code == 0, r.err
    return request.param, folder


def _read(folder: Path, stem: str) -> str:
    return (folder / "documenten" / f"{stem}.md").read_text(encoding="utf-8")


def test_the_signal_route_puts_consent_first(handouts: tuple[str, Path]) -> None:
    country, folder = handouts
    text = _read(folder, "signaalroute")
    assert "Praat met de persoon zelf" in text
    assert "Zonder toestemming geef je niets door" in text
    assert "112" in text and COUNTRY[country]["geweld"] in text
    assert "nooit in een app" in text


def test_the_privacy_statement_follows_the_answers(handouts: tuple[str, Path]) -> None:
    country, folder = handouts
    text = _read(folder, "privacyverklaring")
    p = load(folder)
    term = str(p.answers.get("borgen.bewaartermijn") or "zes maanden")
    assert f"binnen {term}" in text
    assert COUNTRY[country]["toezicht"] in text
    assert ("Van inwoners:** niets" in text) or ("Van bewoners:** niets" in text)


def test_photo_consent_and_code_use_the_countrys_age_and_proof(handouts: tuple[str, Path]) -> None:
    country, folder = handouts
    assert COUNTRY[country]["leeftijd"] in _read(folder, "toestemming-foto")
    code = _read(folder, "gedragscode")
    assert COUNTRY[country]["bewijs"] in code
    assert "vertrouwenspersoon" in code


def test_the_vertrouwenspersoon_answer_reaches_the_code(project: Path, gz) -> None:
    import datetime as dt

    from gzctl.core import store
    with store.transaction(project, "tester", dt.datetime(2026, 11, 22, 12, 0)) as tx:
        tx.project.answers["doen.vertrouwenspersoon"] = "Ria Smit, 06 12345678"
    assert gz("-C", str(project), "docs", "build", "--only", "gedragscode").code == 0
    assert "de vertrouwenspersoon, Ria Smit" in _read(project, "gedragscode")
