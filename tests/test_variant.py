"""A variant extends another data file and states only its differences (issue 21, item 2).

The Flemish stappenplan and catalogues were full copies of the Dutch ones; they are difference
files now. ``tests/fixtures/full-variants/`` keeps the full Flemish files as they were and the
Dutch files they were copied from: the difference files, applied to those Dutch files, must give
exactly the data the full copies gave. (Change a Flemish difference on purpose? Then write the
new full file there too: `variant.resolve` gives it.)"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from gzctl.core import playbook as pb
from gzctl.core import variant
from gzctl.core.errors import PlaybookError
from gzctl.network import criteria
from gzctl.network import inventory as inv
from gzctl.network import platforms as plat

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "tests" / "fixtures" / "full-variants"
VARIANTS = {
    "zorgzame-buurt": "gemeenschapszorg",
    "organisatietypen-vlaanderen": "organisatietypen",
    "platforms-vlaanderen": "platforms",
}


def frozen(name: str, tmp_path: Path) -> Path:
    """Today's difference file ``name``, extending the Dutch file as it was (the fixture)."""
    base = VARIANTS[name]
    shutil.copy(FULL / f"{base}.toml", tmp_path / f"{base}.toml")
    text = (ROOT / "playbooks" / f"{name}.toml").read_text(encoding="utf-8")
    assert f'extends = "{base}"' in text
    child = tmp_path / f"{name}.toml"
    child.write_text(text.replace(f'extends = "{base}"', f'extends = "{base}.toml"'), "utf-8")
    return child


def resolved(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    return variant.resolve(path, text, tomllib.loads(text))[0]


def full(name: str) -> dict[str, object]:
    return tomllib.loads((FULL / f"{name}.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_flemish_difference_file_gives_exactly_the_full_file(name: str, tmp_path: Path) -> None:
    child = frozen(name, tmp_path)
    assert "extends" in tomllib.loads(child.read_text(encoding="utf-8"))
    assert resolved(child) == full(name)
    # and it is much shorter than the copy it replaces
    lines = len(child.read_text(encoding="utf-8").splitlines())
    assert lines < len((FULL / f"{name}.toml").read_text(encoding="utf-8").splitlines()) - 60


def test_the_flemish_playbook_and_catalogues_load_as_before(tmp_path: Path) -> None:
    child = frozen("zorgzame-buurt", tmp_path)
    shutil.copy(FULL / "zorgzame-buurt.toml", tmp_path / "volledig.toml")
    new, old = pb.load_playbook_file(child), pb.load_playbook_file(tmp_path / "volledig.toml")
    assert new == dataclasses.replace(old, source=str(child))
    assert [s.id for s in new.steps][:4] == [
        "verkennen.startgroep", "verkennen.ontmoetingsplek", "verkennen.inventaris",
        "verkennen.regie",
    ]  # fmt: skip
    orgs = inv.parse_catalogue(resolved(frozen("organisatietypen-vlaanderen", tmp_path)))
    assert orgs == inv.parse_catalogue(full("organisatietypen-vlaanderen"))
    assert plat.parse_catalogue(resolved(frozen("platforms-vlaanderen", tmp_path)), orgs) == (
        plat.parse_catalogue(full("platforms-vlaanderen"), orgs)
    )


def test_the_builtin_flemish_files_extend_the_dutch_ones() -> None:
    book = pb.load("zorgzame-buurt")
    assert (book.id, book.country, book.version) == ("zorgzame-buurt", "BE", "1.0.0")
    assert book.step("verkennen.regie") is not None
    assert book.step("organiseren.coordinator").questions  # type: ignore[union-attr]
    assert all(q.id != "organiseren.looptijd" for q in book.questions())
    assert inv.load_catalogue(book).type("sociaal-huis") is not None
    assert inv.load_catalogue(book).type("kernteam") is None
    assert "ldc" in plat.load_catalogue(book).type_lenses


# --------------------------------------------------------------------------- a user's variant

MY_VARIANT = """\
extends = "gemeenschapszorg"
remove = ["verkennen.huisartsenpost"]

[playbook]
id = "fries-dorp"
title = "Mienskipssoarch"
version = "0.1.0"

[[change]]
id = "village.name"
example = "Koudum"

[[change]]
id = "initiators.name"
example = "Sjoukje"

[[replace]]
id = "borgen.privacy"
title = "Regel de privacy"
why = "Gegevens van contactpersonen zijn persoonsgegevens."

[[replace.items]]
id = "borgen.gegevenscontrole"
title = "Schrijf op welke gegevens je bewaart en waarom"
why = "Zo weet iedereen wat er bewaard wordt."

[[add]]
after = "verkennen.startgroep"
id = "verkennen.taal"
title = "Kies de taal van de bijeenkomsten"
why = "Fries of Nederlands: wie het weet, komt makkelijker."

[[add.items]]
id = "verkennen.taalkeuze"
title = "Vraag de kerngroep welke taal ze op de bijeenkomsten willen spreken"
why = "Zo voelt iedereen zich welkom."
"""


def test_a_user_playbook_may_extend_a_builtin_one(tmp_path: Path, gz, project: Path) -> None:
    path = tmp_path / "fries.toml"
    path.write_text(MY_VARIANT, encoding="utf-8")
    book = pb.load_playbook_file(path)
    base = pb.load("gemeenschapszorg")
    assert book.id == "fries-dorp" and book.country == "NL"
    assert book.intake[0].example == "Koudum"
    assert next(q for q in book.intake if q.id == "initiators").fields[0].example == "Sjoukje"
    assert [s.id for s in book.steps][:2] == ["verkennen.startgroep", "verkennen.taal"]
    assert [i.id for i in book.step("borgen.privacy").items] == [  # type: ignore[union-attr]
        "borgen.gegevenscontrole"
    ]
    assert len(book.steps) == len(base.steps) + 1
    assert all(q.id != "verkennen.huisartsenpost" for q in book.questions())

    result = gz("playbook", "check", str(path))
    assert result.code == 0, result.err
    assert "fries.toml is in orde" in result.out
    result = gz("-C", str(project), "playbook", "use", str(path))
    assert result.code == 0, result.err
    assert "Mienskipssoarch" in result.out
    result = gz("-C", str(project), "status", "--json")
    assert result.code == 0, result.err
    assert "verkennen.taal" in result.out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('extends = "gemeenschapzorg"\n', ["regel 1", "onbekende basis 'gemeenschapzorg'",
                                           "Bedoelde je: gemeenschapszorg"]),
        ('extends = "gemeenschapszorg"\n[[change]]\nid = "verkennen.bestaatniet"\ntitle = "x"\n',
         ["regel 3 [verkennen.bestaatniet]", "staat niet in gemeenschapszorg.toml"]),
        ('extends = "gemeenschapszorg"\nremove = ["verkennen.startgroep", "verkennen.nee"]\n',
         ["regel 2 [verkennen.nee]", "staat niet in gemeenschapszorg.toml"]),
        ('extends = "gemeenschapszorg"\n\n[[replace]]\nid = "verkennen.weg"\ntitle = "x"\n',
         ["regel 4 [verkennen.weg]", "staat niet in"]),
        ('extends = "gemeenschapszorg"\n[[add]]\nafter = "verkennen.nergens"\nid = "verkennen.x"\n',
         ["[verkennen.x]", "'verkennen.nergens' staat niet in"]),
        ('extends = "gemeenschapszorg"\n[[add]]\nid = "verkennen.x"\n',
         ["regel 3 [verkennen.x]", "precies één van 'after' of 'before'"]),
        ('extends = "gemeenschapszorg"\n[[add]]\nafter = "verkennen.inventaris"\n'
         'id = "verkennen.startgroep"\n',
         ["[verkennen.startgroep]", "staat al in gemeenschapszorg.toml"]),
        ('extends = "gemeenschapszorg"\n[[change]]\nid = "name"\nexample = "x"\n',
         ["regel 3 [name]", "meer dan eens", "'initiators.name'"]),
        ('extends = "gemeenschapszorg"\n[[change]]\nid = "verkennen.startgroep"\n'
         'unset = ["handler"]\n',
         ["[verkennen.startgroep]", "'unset' noemt 'handler'"]),
    ],
)
def test_a_wrong_difference_is_a_dutch_error_with_file_line_and_id(
    tmp_path: Path, gz, change: str, expected: list[str]
) -> None:
    path = tmp_path / "eigen.toml"
    path.write_text(change, encoding="utf-8")
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(path)
    for part in ["eigen.toml", *expected]:
        assert part in str(exc.value)
    result = gz("playbook", "check", str(path))
    assert result.code == 2
    assert "Fout: eigen.toml" in result.err and "Traceback" not in result.err


def test_every_wrong_difference_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "eigen.toml"
    path.write_text(
        'extends = "gemeenschapszorg"\nremove = ["a.b", "c.d"]\n[[change]]\nid = "e.f"\n',
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(path)
    assert len(str(exc.value).splitlines()) == 3


def test_a_circle_or_a_too_long_chain_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('\nextends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(tmp_path / "a.toml")
    assert "b.toml, regel 2: kringverwijzing in 'extends': a.toml -> b.toml -> a.toml" in str(
        exc.value
    )

    names = [f"v{n}" for n in range(variant.MAX_DEPTH + 1)]
    for name, base in zip(names, names[1:] + ["gemeenschapszorg"], strict=True):
        target = f"{base}.toml" if base.startswith("v") else base
        (tmp_path / f"{name}.toml").write_text(f'extends = "{target}"\n', encoding="utf-8")
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(tmp_path / "v0.toml")
    assert "te diepe keten van 'extends'" in str(exc.value)
    assert pb.load_playbook_file(tmp_path / "v1.toml").id == "gemeenschapszorg"  # deep enough


def test_a_fault_after_resolving_names_the_file_that_says_it(tmp_path: Path) -> None:
    path = tmp_path / "eigen.toml"
    path.write_text(
        'extends = "gemeenschapszorg"\n\n[[change]]\nid = "verkennen.startgroep"\nhandler = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as exc:
        pb.load_playbook_file(path)
    assert "eigen.toml, regel 5 [verkennen.startgroep]: onbekende handler 'x'" in str(exc.value)


def test_a_catalogue_may_extend_another(tmp_path: Path) -> None:
    path = tmp_path / "typen.toml"
    path.write_text(
        'extends = "organisatietypen"\nremove = ["lto"]\n\n[[change]]\nid = "kerk"\n'
        'name = "Kerk of moskee"\n',
        encoding="utf-8",
    )
    orgs = inv.load_catalogue(path)
    assert orgs.type("kerk").name == "Kerk of moskee"  # type: ignore[union-attr]
    assert orgs.type("lto") is None and orgs.type("apotheek") is not None
    bad = tmp_path / "fout.toml"
    bad.write_text('extends = "organisatietypen"\nremove = ["bestaatniet"]\n', encoding="utf-8")
    with pytest.raises(PlaybookError) as exc:
        inv.load_catalogue(bad)
    assert "fout.toml, regel 2 [bestaatniet]: 'bestaatniet' staat niet in" in str(exc.value)
    crit = tmp_path / "criteria.toml"
    crit.write_text('extends = "selectiecriteria"\nversion = "9"\n', encoding="utf-8")
    assert criteria.load_criteria(crit).version == "9"


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_the_cache_follows_every_file_of_the_chain(tmp_path: Path) -> None:
    base = tmp_path / "basis.toml"
    base.write_text(
        (ROOT / "playbooks" / "gemeenschapszorg.toml").read_text(encoding="utf-8"), "utf-8"
    )
    child = tmp_path / "kind.toml"
    child.write_text(
        'extends = "basis.toml"\n\n[playbook]\nid = "kind"\ntitle = "Kind"\nversion = "1"\n',
        encoding="utf-8",
    )
    first = pb.load_playbook_file(child)
    assert first.step("verkennen.startgroep").title.startswith("Vorm")  # type: ignore[union-attr]
    pb._cache.clear()  # a new process: from the user cache, checked against the base's text
    assert pb.load_playbook_file(child) == first
    base.write_text(
        base.read_text(encoding="utf-8").replace('title = "Vorm', 'title = "Start', 1), "utf-8"
    )
    _touch_later(base)
    changed = pb.load_playbook_file(child)  # in this process: the base's mtime changed
    assert changed.step("verkennen.startgroep").title.startswith("Start")  # type: ignore[union-attr]
    pb._cache.clear()
    again = pb.load_playbook_file(child)  # a new process: the cache's base text differs
    assert again.step("verkennen.startgroep").title.startswith("Start")  # type: ignore[union-attr]

    types = tmp_path / "typen.toml"
    types.write_text('extends = "eigen-basis.toml"\n', encoding="utf-8")
    (tmp_path / "eigen-basis.toml").write_text(
        (ROOT / "playbooks" / "organisatietypen.toml").read_text(encoding="utf-8"), "utf-8"
    )
    assert inv.load_catalogue(types).type("lto") is not None
    (tmp_path / "eigen-basis.toml").write_text(
        (ROOT / "playbooks" / "organisatietypen.toml").read_text(encoding="utf-8")
        .replace('id = "lto"', 'id = "boerenorganisatie"'), "utf-8",
    )  # fmt: skip
    _touch_later(tmp_path / "eigen-basis.toml")
    assert inv.load_catalogue(types).type("lto") is None
    inv._catalogue_cache.clear()
    assert inv.load_catalogue(types).type("boerenorganisatie") is not None


def test_a_catalogue_fault_names_the_file_and_line_of_the_entry(tmp_path: Path) -> None:
    """The schema checker names the line of the entry's id, in the file of the chain that
    holds it: the difference file for a changed entry, the base for one it left alone."""
    base = tmp_path / "basis.toml"
    text = (ROOT / "playbooks" / "organisatietypen.toml").read_text(encoding="utf-8")
    base.write_text(text.replace('id = "lto"\nname', 'id = "lto"\nnaam', 1), encoding="utf-8")
    child = tmp_path / "typen.toml"
    child.write_text(
        'extends = "basis.toml"\n\n[[change]]\nid = "kerk"\nkind = "club"\n', encoding="utf-8"
    )
    with pytest.raises(PlaybookError) as exc:
        inv.load_catalogue(child)
    lto = next(n for n, line in enumerate(text.splitlines(), 1) if line == 'id = "lto"')
    assert exc.value.message.splitlines() == [
        "typen.toml, regel 4: type 'kerk': 'kind' moet een van vrijwilligers, professioneel, "
        "overheid, ondernemer zijn, niet 'club'",
        f"basis.toml, regel {lto}: type 'lto': onbekende sleutel 'naam'. Bedoelde je: name?",
        f"basis.toml, regel {lto}: type 'lto': 'name' (tekst) ontbreekt",
    ]
    crit = tmp_path / "criteria.toml"
    crit.write_text(
        (ROOT / "playbooks" / "selectiecriteria.toml")
        .read_text(encoding="utf-8")
        .replace("hourly_cost = 55", "hourly_cost = -5"),
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as exc:
        criteria.load_criteria(crit)
    assert exc.value.message.startswith("criteria.toml, regel ")
    assert "coordinator: 'hourly_cost' moet een getal van 0 of meer zijn" in exc.value.message
