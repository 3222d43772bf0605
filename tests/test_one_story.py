"""One story: what partners and residents read agrees everywhere (issue 24).

Both demo villages are built as a user would (`gzctl demo`, which also writes the documents,
the website and the poster), then every output is read back:

- the number of organisations taking part is said one way, the sentence of
  gzctl/network/participation.py (joined, and separately those in a joint initiative), in the
  site, the poster, the newsletter, the card, the funding request and the thank-you letters;
  no output adds the two up into one bigger number;
- "bijna iedereen" only when the data say so; the newsletter names only joined partners;
- no document or page relays a worry about a resident without the person's consent;
- the Flemish village reads Flemish (no Dutch organisation, terms or example addresses).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from gzctl.core import store
from gzctl.network.facts import address_conflicts, date_clashes
from gzctl.network.participation import participation, participation_text


@pytest.fixture(scope="module")
def villages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import os
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("story")
    env = {
        **os.environ,
        "GZCTL_NOW": "2026-12-07T10:00:00+01:00",
        "NO_COLOR": "1",
        "GZCTL_USER": "tester",
        "GZCTL_CONFIG_HOME": str(base / "config"),
        "GZCTL_CACHE_HOME": str(base / "cache"),
    }
    out = {}
    for land in ("nl", "be"):
        folder = base / land
        subprocess.run(
            [sys.executable, "-m", "gzctl", "demo", "--land", land.upper(), str(folder)],
            check=True, env=env, stdout=subprocess.DEVNULL, timeout=600,
        )  # fmt: skip
        out[land] = folder
    return out


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"&nbsp;|\u00a0", " ", text)
    return " ".join(text.split())


def _outputs(folder: Path) -> dict[str, str]:
    """Every Markdown document and every web page, by path relative to the village."""
    files = [*folder.glob("documenten/**/*.md"), *folder.glob("website/*.html")]
    return {str(p.relative_to(folder)): _text(p) for p in sorted(files)}


@pytest.mark.parametrize("land", ["nl", "be"])
def test_every_output_tells_the_same_numbers(villages: dict[str, Path], land: str) -> None:
    folder = villages[land]
    project = store.load(folder)
    taking = participation(project)
    sentence = participation_text(taking)
    assert taking.joined and taking.in_initiative  # the demo has both kinds
    outputs = _outputs(folder)
    must_say = [
        "website/organisaties.html",
        "documenten/nieuwsbrief.md",
        "documenten/wie-kan-ik-bellen.md",
        # the Flemish demo's lokaal bestuur holds the regie: a nota, not a subsidy request
        "documenten/aanvraag-gemeente.md" if land == "nl" else "documenten/nota-college.md",
        "documenten/bedankbrief/alle-bedankbrieven.md",
        "documenten/jaarverslag-2026.md" if (folder / "documenten/jaarverslag-2026.md").exists()
        else "documenten/bedankbrief/alle-bedankbrieven.md",
    ]
    for name in must_say:
        assert sentence in outputs[name], name
    joined, others = len(taking.joined), len(taking.in_initiative)
    for name in ("website/index.html", "website/poster-a4.html", "website/geweest.html"):
        assert f"{joined} organisaties aangesloten" in outputs[name], name
        assert f"{others} andere doen mee" in outputs[name], name
    total = joined + others
    claims = re.compile(rf"\b{total} (organisaties|verenigingen en organisaties) (doen|werken)")
    for name, text in outputs.items():
        assert not claims.search(text), f"{name} adds the two groups up: {claims.search(text)}"
        assert "bijna iedereen in" not in text, name  # 66% of the inhabitants is not that


def test_the_poster_pdf_says_both_numbers_and_a_phone_number(villages: dict[str, Path]) -> None:
    import subprocess

    for land, folder in villages.items():
        pdf = folder / "website" / "poster-a4.pdf"
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=False
        ).stdout
        if not text:
            pytest.skip("pdftotext is not installed")
        project = store.load(folder)
        taking = participation(project)
        assert str(len(taking.joined)) in text and "aangesloten" in text, land
        phone = next(p.phone for p in project.initiators if p.phone)
        assert " ".join(phone.split()) in " ".join(text.replace("\u00a0", " ").split()), land


def test_the_newsletter_names_only_joined_partners(villages: dict[str, Path]) -> None:
    for land, folder in villages.items():
        project = store.load(folder)
        letter = _text(folder / "documenten" / "nieuwsbrief.md")
        part = letter.split("## Waar we aan werken")[1].split("## Meedoen")[0]
        for org in participation(project).in_initiative:
            assert org.name not in part, (land, org.name)


RELAY = re.compile(
    r"doorgeven|doorgeeft|door te geven|geeft .{0,20}door|geef .{0,20}door|melden (aan|bij)"
    r"|meldt (het|ze|dat) (aan|bij)|brengt ze bij|signalen",
    re.IGNORECASE,
)
WORRY = re.compile(r"\bzorgen\b|\been zorg\b|signa|inwoner|bewoner|iemand", re.IGNORECASE)


@pytest.mark.parametrize("land", ["nl", "be"])
def test_no_output_relays_a_worry_without_consent(villages: dict[str, Path], land: str) -> None:
    bad = []
    for name, text in _outputs(villages[land]).items():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            about_a_worry = WORRY.search(sentence)
            if RELAY.search(sentence) and about_a_worry and "toestemming" not in sentence:
                bad.append(f"{name}: {sentence[:160]}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("land", ["nl", "be"])
def test_the_consent_wording_is_where_a_member_meets_a_worry(
    villages: dict[str, Path], land: str
) -> None:
    outputs = _outputs(villages[land])
    vacancy = "vacature-coordinator" if land == "nl" else "vacature-buurtzorgregisseur"
    for name in (f"documenten/{vacancy}.md", "documenten/wie-kan-ik-bellen.md"):
        text = outputs[name]
        assert "Alleen met diens eigen toestemming" in text, name
        assert "112" in text and ("Veilig Thuis (0800-2000)" if land == "nl" else "1712") in text


def test_the_flemish_village_reads_flemish(villages: dict[str, Path]) -> None:
    folder = villages["be"]
    dutch = re.compile(
        r"Lingemeer|Ooltwijk|kernagenda|kernteam|sociaal (wijk)?team|wethouder|Veilig Thuis"
        r"|\.example\b|VOG\b|cao Sociaal Werk",
        re.IGNORECASE,
    )
    for name, text in _outputs(folder).items():
        found = dutch.search(text)
        assert not found, f"{name}: {found.group(0)}"
    request = _text(folder / "documenten" / "nota-college.md")  # the regie: a nota
    assert "Moorslede en Deerlijk" in request
    vacancy = _text(folder / "documenten" / "vacature-buurtzorgregisseur.md")
    assert "uittreksel uit het strafregister (model 2)" in vacancy
    card = (folder / "documenten" / "wie-kan-ik-bellen.md").read_text("utf-8")
    assert "…" not in card and "nog geen telefoonnummer" not in card
    project = store.load(folder)
    name = project.answers.get("verbinden.netwerknaam", "")
    assert "zorg" not in name.lower()  # the tool's own naming advice


@pytest.mark.parametrize("land", ["nl", "be"])
def test_the_vacancy_can_be_published(villages: dict[str, Path], land: str) -> None:
    vacancy = "vacature-coordinator" if land == "nl" else "vacature-buurtzorgregisseur"
    text = _text(villages[land] / "documenten" / f"{vacancy}.md")
    assert "het netwerk draagt" not in text and "de verbinder die het netwerk helpt" in text
    assert "uiterlijk op" in text  # a closing date
    assert "Salaris:" in text and "Duur van het contract:" in text
    assert re.search(r"\b(haar|hij|zij)\b", text) is None  # gender-neutral
    employer = "Welzijn Lingemeer" if land == "nl" else "vzw Lokaal Dienstencentrum De Linde"
    assert f"naar {employer}" in text  # applications go to the employer
    screening = "Verklaring Omtrent het Gedrag" if land == "nl" else "strafregister (model 2)"
    assert screening in text


def test_an_address_that_disagrees_is_reported(villages: dict[str, Path], gz) -> None:
    folder = villages["nl"]
    project = store.load(folder)
    assert address_conflicts(project) == []  # the demo agrees with itself
    org = next(o for o in project.organisations if o.name == "Dorpshuis De Schakel")
    org.address = "Kerkplein 2"
    lines = address_conflicts(project)
    assert len(lines) == 1
    assert "Kerkplein 2" in lines[0] and "Kerkstraat 4" in lines[0]
    result = gz("-C", str(folder), "org", "edit", org.id, "--adres", "Kerkplein 2")
    assert result.code == 0, result.err
    status = gz("-C", str(folder), "status")
    assert "Adres klopt niet: Dorpshuis De Schakel staat op Kerkplein 2" in status.out
    built = gz("-C", str(folder), "docs", "build", "--only", "agenda")
    assert "Adres klopt niet" in built.out + built.err
    gz("-C", str(folder), "org", "edit", org.id, "--adres", "Kerkstraat 4")


def test_status_lists_planned_dates_that_clash(villages: dict[str, Path], gz) -> None:
    folder = villages["be"]
    project = store.load(folder)
    from gzctl.core import playbook as pb

    playbook = pb.load(project.project.playbook, folder)
    today = dt.date(2026, 12, 7)
    assert date_clashes(playbook, project, today) == []  # the demo plans on fitting days
    project.activities[-1].start = dt.datetime(2027, 7, 11, 14, 0)  # a Sunday in the summer
    lines = date_clashes(playbook, project, today)
    assert any("zondag 11 juli 2027" in line and "zomervakantie" in line for line in lines)


def test_the_poster_keeps_the_contact_phone_beside_the_qr_code(
    villages: dict[str, Path], gz, tmp_path: Path
) -> None:
    import shutil
    import subprocess

    folder = tmp_path / "be"
    shutil.copytree(villages["be"], folder)
    assert gz("-C", str(folder), "config", "site.url", "https://samenheuvelkerke.be").code == 0
    assert gz("-C", str(folder), "site", "build").code == 0
    html = (folder / "website" / "poster-a4.html").read_text("utf-8")
    assert 'class="qr"' in html
    assert 'Of bel Samen Heuvelkerke: <span class="tel">056\u00a061\u00a023\u00a040</span>' in html
    text = subprocess.run(
        ["pdftotext", str(folder / "website" / "poster-a4.pdf"), "-"],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    if text:
        assert "samenheuvelkerke.be" in text and "056 61 23 40" in text.replace("\u00a0", " ")
