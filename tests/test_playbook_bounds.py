"""A user playbook's catalogues lie inside its folder and are checked by ``playbook check``
and ``playbook use`` (issue 25 item 6); nesting too deep is refused with exit 2 in every
TOML gzctl reads (playbooks, catalogues, gzctl.toml, answers files), never a RecursionError.

Once a playbook could name ``/etc/passwd`` or ``../x`` as its catalogue: ``playbook check``
and ``use`` passed, and then every organisation command failed."""

from __future__ import annotations

from pathlib import Path

import pytest

DEPTH = 50_000
HEAD = (
    'extends = "gemeenschapszorg"\n[playbook]\nid = "eigen"\ntitle = "Eigen"\n'
    'version = "1.0.0"\n'
)


def _book(folder: Path, catalogue: str, key: str = "organisation_types") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "eigen.toml"
    path.write_text(HEAD + f'{key} = "{catalogue}"\n', encoding="utf-8")
    return path


def _refused(result, *words: str) -> None:
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err and "RecursionError" not in result.err
    assert result.err.startswith("Fout: "), result.err
    for word in words:
        assert word in result.err, result.err


@pytest.mark.parametrize("catalogue", ["/etc/passwd", "../x.toml", "sub/../../x.toml",
                                       "/etc/gzctl-typen.toml"])  # fmt: skip
@pytest.mark.parametrize("key", ["organisation_types", "platforms"])
def test_a_catalogue_outside_the_playbook_folder_is_refused(
    gz, tmp_path: Path, catalogue: str, key: str
) -> None:
    (tmp_path / "x.toml").write_text("x = 1\n", encoding="utf-8")
    book = _book(tmp_path / "eigen", catalogue, key)
    result = gz("playbook", "check", str(book))
    _refused(result, "catalogus")
    assert "buiten de map" in result.err or ".toml-bestand" in result.err


def test_a_catalogue_link_out_of_the_folder_is_refused(gz, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders.toml"
    elsewhere.write_text("x = 1\n", encoding="utf-8")
    book = _book(tmp_path / "eigen", "typen.toml")
    (tmp_path / "eigen" / "typen.toml").symlink_to(elsewhere)
    _refused(gz("playbook", "check", str(book)), "buiten de map")


def test_check_and_use_load_and_validate_the_catalogue(gz, tmp_path: Path, demo: Path) -> None:
    book = _book(demo / "eigen", "typen.toml")
    (demo / "eigen" / "typen.toml").write_text("x = 1\n", encoding="utf-8")
    _refused(gz("playbook", "check", str(book)), "typen.toml")
    before = (demo / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(demo), "playbook", "use", str(book)), "typen.toml")
    assert (demo / "gzctl.toml").read_bytes() == before  # not chosen, nothing to break later
    assert gz("-C", str(demo), "org", "list").code == 0


def test_a_catalogue_in_a_subfolder_is_fine(gz, tmp_path: Path) -> None:
    from gzctl.core.paths import data_dir

    shipped = data_dir("playbooks") / "organisatietypen.toml"
    book = _book(tmp_path / "eigen", "data/typen.toml")
    (tmp_path / "eigen" / "data").mkdir()
    (tmp_path / "eigen" / "data" / "typen.toml").write_bytes(shipped.read_bytes())
    result = gz("playbook", "check", str(book))
    assert result.code == 0, result.err


def _deep_array() -> str:
    return "[" * DEPTH + "]" * DEPTH


def test_deep_nesting_in_a_playbook_is_refused(gz, tmp_path: Path) -> None:
    path = tmp_path / "diep.toml"
    path.write_text(HEAD + "diep = " + _deep_array() + "\n", encoding="utf-8")
    _refused(gz("playbook", "check", str(path)), "te diep genest")
    inline = tmp_path / "inline.toml"
    inline.write_text("a = " + "{b=" * DEPTH + "1" + "}" * DEPTH + "\n", encoding="utf-8")
    _refused(gz("playbook", "check", str(inline)), "te diep genest")


def test_deep_nesting_in_a_catalogue_is_refused(gz, tmp_path: Path) -> None:
    book = _book(tmp_path / "eigen", "typen.toml")
    (tmp_path / "eigen" / "typen.toml").write_text("x = " + _deep_array() + "\n", "utf-8")
    _refused(gz("playbook", "check", str(book)), "te diep genest")


def test_deep_nesting_in_gzctl_toml_and_an_answers_file_is_refused(
    gz, demo: Path, tmp_path: Path
) -> None:
    state = demo / "gzctl.toml"
    state.write_text(
        state.read_text(encoding="utf-8") + "\n[answers]\ndiep = " + _deep_array() + "\n",
        encoding="utf-8",
    )
    for command in (("status",), ("site", "build"), ("docs", "build"), ("org", "list")):
        _refused(gz("-C", str(demo), *command), "te diep genest")
    answers = tmp_path / "antwoorden.toml"
    answers.write_text('"village.name" = "Beesd"\ny = ' + _deep_array() + "\n", "utf-8")
    _refused(gz("init", str(tmp_path / "nieuw"), "--answers", str(answers)), "te diep genest")
    dotted = tmp_path / "punten.toml"
    dotted.write_text("[" + ".".join(["x"] * DEPTH) + "]\n", encoding="utf-8")
    result = gz("init", str(tmp_path / "nieuw2"), "--answers", str(dotted))
    assert result.code == 2 and "Traceback" not in result.err, result.err


def test_deep_nesting_in_a_merge_conflict_is_refused(gz, demo: Path) -> None:
    """The values of a recorded conflict are free-form too: once they went unchecked, and
    `person forget` ended in a RecursionError."""
    state = demo / "gzctl.toml"
    deep = '\n[[conflicts]]\nkey = "x"\npath = ["x"]\n[conflicts.mine' + ".x" * DEPTH + "]\ny = 1\n"
    state.write_text(state.read_text(encoding="utf-8") + deep, encoding="utf-8")
    for command in (("status",), ("person", "forget", "Sanne Bakker", "--yes"), ("site", "build")):
        _refused(gz("-C", str(demo), *command), "te diep genest")
