"""Playbook loading and validation: every fault names file, id and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gzctl.core import playbook as pb
from gzctl.core.errors import PlaybookError

MINIMAL = """\
[playbook]
id = "mini"
title = "Mini"
version = "0.1"

[[intake]]
id = "village.name"
type = "text"
label = "Naam?"
help = "De naam van het dorp."

[[documents]]
id = "checklist"
title = "Checklist"

[[phases]]
id = "verkennen"
title = "Verkennen"
why = "Eerst kijken."

[[phases.steps]]
id = "verkennen.start"
title = "Start"
why = "Beginnen."
documents = ["checklist"]

[[phases.steps.questions]]
id = "verkennen.datum"
type = "date"
label = "Wanneer?"
help = "Een datum."

[[phases.steps.items]]
id = "verkennen.a"
title = "Doe A"
why = "Omdat."

[[phases.steps.items]]
id = "verkennen.b"
title = "Doe B"
why = "Omdat."
requires = ["verkennen.a"]
done_when = ["answers.verkennen.datum"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def faults(tmp_path: Path, text: str) -> str:
    with pytest.raises(PlaybookError) as info:
        pb.load_playbook_file(write(tmp_path, text))
    return info.value.message


def test_minimal_playbook_loads(tmp_path: Path) -> None:
    book = pb.load_playbook_file(write(tmp_path, MINIMAL))
    assert [i.id for i in book.items] == ["verkennen.a", "verkennen.b"]
    assert book.items[1].requires == ("verkennen.a",)
    assert book.steps[0].questions[0].type == "date"


def test_builtin_playbook_is_valid_and_big_enough() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    assert [p.id for p in book.phases] == [
        "verkennen",
        "verbinden",
        "organiseren",
        "doen",
        "borgen",
    ]
    assert len(book.items) >= 35
    types = {q.type for q in book.questions()}
    assert types == {"text", "number", "date", "choice", "multichoice", "yesno", "group"}
    assert all(q.help for q in book.questions())
    # the mission/vision document needs these answers from the Verbinden phase
    ids = {q.id for q in book.questions()}
    assert {"verbinden.missie", "verbinden.visie", "verbinden.principes"} <= ids


def test_unknown_key_names_line_and_suggests(tmp_path: Path) -> None:
    text = MINIMAL.replace('why = "Omdat."\nrequires', 'wy = "Omdat."\nrequires')
    msg = faults(tmp_path, text)
    assert "plan.toml" in msg
    assert "[verkennen.b]" in msg
    assert "onbekende sleutel 'wy'" in msg
    line = text.splitlines().index('wy = "Omdat."') + 1
    assert f"regel {line}" in msg


def test_duplicate_id(tmp_path: Path) -> None:
    text = MINIMAL.replace('id = "verkennen.b"', 'id = "verkennen.a"').replace(
        'requires = ["verkennen.a"]\n', ""
    )
    msg = faults(tmp_path, text)
    assert "'verkennen.a' staat er twee keer in" in msg


def test_unknown_question_type(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('type = "date"', 'type = "datum"'))
    assert "onbekend vraagtype 'datum'" in msg
    assert "[verkennen.datum]" in msg


def test_unknown_item_reference_suggests(tmp_path: Path) -> None:
    msg = faults(
        tmp_path, MINIMAL.replace('requires = ["verkennen.a"]', 'requires = ["verkennen.aa"]')
    )
    assert "vereist onbekende actie 'verkennen.aa'" in msg
    assert "verkennen.a" in msg


def test_unknown_document(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('documents = ["checklist"]', 'documents = ["brief"]'))
    assert "onbekend document 'brief'" in msg


def test_cycle_in_prerequisites(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        'id = "verkennen.a"\ntitle = "Doe A"\nwhy = "Omdat."',
        'id = "verkennen.a"\ntitle = "Doe A"\nwhy = "Omdat."\nrequires = ["verkennen.b"]',
    )
    msg = faults(tmp_path, text)
    assert "kringverwijzing" in msg
    assert "verkennen.a -> verkennen.b -> verkennen.a" in msg or (
        "verkennen.b -> verkennen.a -> verkennen.b" in msg
    )


def test_unknown_fact_in_condition(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('"answers.verkennen.datum"', '"organisaties >= 3"'))
    assert "onbekend feit 'organisaties'" in msg


def test_condition_on_unknown_question(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('"answers.verkennen.datum"', '"answers.verkennen.nee"'))
    assert "onbekende vraag 'verkennen.nee'" in msg


def test_invalid_toml_names_line(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('title = "Mini"', 'title = "Mini'))
    assert "plan.toml" in msg and "regel 3" in msg


def test_item_id_must_start_with_phase(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('id = "verkennen.b"', 'id = "doen.b"'))
    assert "moet beginnen met de fase 'verkennen.'" in msg


def test_choice_needs_options(tmp_path: Path) -> None:
    msg = faults(tmp_path, MINIMAL.replace('type = "date"', 'type = "choice"'))
    assert "'options'" in msg


def test_check_command_reports_all_faults(tmp_path: Path, gz) -> None:
    text = MINIMAL.replace('type = "date"', 'type = "datum"').replace(
        'documents = ["checklist"]', 'documents = ["brief"]'
    )
    path = write(tmp_path, text)
    result = gz("playbook", "check", str(path))
    assert result.code == 2
    assert "onbekend vraagtype" in result.err and "onbekend document" in result.err
    assert "2 fout(en)" in result.err


def test_check_command_ok(tmp_path: Path, gz) -> None:
    result = gz("playbook", "check", str(write(tmp_path, MINIMAL)))
    assert result.code == 0, result.err
    assert "in orde" in result.out


def test_show_prints_tree(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "playbook", "show")
    assert result.code == 0, result.err
    assert "Verkennen" in result.out and "verkennen.plekkeuze" in result.out
    assert "☑" in result.out  # done items of the demo are ticked


def test_project_can_follow_its_own_playbook(tmp_path: Path, gz, project: Path) -> None:
    own = project / "eigen.toml"
    own.write_text(MINIMAL, encoding="utf-8")
    result = gz("-C", str(project), "playbook", "use", str(own))
    assert result.code == 0, result.err
    assert 'playbook = "eigen.toml"' in (project / "gzctl.toml").read_text(encoding="utf-8")
    status = gz("-C", str(project), "status", "--json")
    assert '"total": 2' in status.out
