"""One TOML reader (the standard library's tomllib, through gzctl.core.tomlfile) and one error
path: every file gzctl reads says what is wrong with it in the same Dutch words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gzctl.core import answers, config, datafiles, playbook, store, tomlfile
from gzctl.core.errors import GzctlError

BROKEN = 'schema_version = 1\nnaam = "C:\\Users\\x"\n'  # a pasted Windows path
REASON = "regel 2, kolom 13: een \\ in een tekst tussen"


def test_loads_is_tomllib() -> None:
    import tomllib

    text = (Path(__file__).parent.parent / "playbooks" / "gemeenschapszorg.toml").read_text(
        encoding="utf-8"
    )
    assert tomlfile.loads(text) == tomllib.loads(text)


@pytest.mark.parametrize(
    ("text", "kind", "dutch"),
    [
        ("a = \n", "syntax", "regel 1, kolom 5: ongeldige waarde"),
        ("a = [1,", "syntax", "einde van het bestand: ongeldige waarde"),
        ("[a\n", "syntax", "regel 1, kolom 3: ']' verwacht na de tabelnaam"),
        ("a = 1\na = 2\n", "syntax", "sleutel staat er twee keer"),
        ("a = " + "9" * 5000 + "\n", "number", "een getal is te lang"),
        ("a = " + "[" * 5000 + "\n", "depth", "te diep genest"),
    ],
)
def test_every_failure_is_one_error_in_dutch(text: str, kind: str, dutch: str) -> None:
    with pytest.raises(tomlfile.TomlError) as caught:
        tomlfile.loads(text)
    assert caught.value.kind == kind
    assert dutch in caught.value.dutch
    assert isinstance(caught.value, ValueError)


def test_no_other_toml_reader_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "gzctl.toml").write_text("schema_version = 1\n", encoding="utf-8")
    store.load(tmp_path)
    assert "tomli" not in sys.modules and "rtoml" not in sys.modules


def test_every_reader_reports_a_broken_file_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text(BROKEN, encoding="utf-8")
    messages = []
    for read in (
        lambda: store.parse(BROKEN, tmp_path / "gzctl.toml"),
        lambda: answers.read_answers_file(path),
        lambda: playbook.load_playbook_file(path),
        lambda: datafiles.load_data(path, lambda data: data, {}),
        lambda: config.read_user(path),
    ):
        with pytest.raises(GzctlError) as caught:
            read()
        messages.append(caught.value.message)
    for message in messages:
        assert REASON in message, message
    assert messages[0].startswith("gzctl.toml is geen geldige TOML (regel 2, kolom 13")


def test_the_project_file_keeps_its_own_words_for_numbers_and_depth(tmp_path: Path) -> None:
    path = tmp_path / "gzctl.toml"
    with pytest.raises(GzctlError, match="bevat een getal dat te lang is"):
        store.parse("schema_version = " + "9" * 5000 + "\n", path)
    with pytest.raises(GzctlError, match="is te diep genest"):
        store.parse("schema_version = 1\na = " + "[" * 5000 + "\n", path)
    with pytest.raises(GzctlError, match="git-conflictmarkeringen"):
        store.parse("schema_version = 1\n<<<<<<< HEAD\n", path)
