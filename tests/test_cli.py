"""The commands as a user runs them: exit codes, what is printed, what lands on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ANSWERS


def state(folder: Path) -> str:
    return (folder / "gzctl.toml").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- init


def test_init_from_the_readme_answers_file(project: Path) -> None:
    text = state(project)
    assert 'name = "Beesd"' in text and "inhabitants = 5000" in text
    assert "Petra de Vries" in text and "petra@example.nl" in text
    assert "schema_version = 1" in text
    assert 'playbook = "gemeenschapszorg"' in text


def test_init_refuses_existing_project(gz, project: Path, answers_file: Path) -> None:
    before = state(project)
    result = gz("init", str(project), "--answers", str(answers_file))
    assert result.code == 2
    assert "overschrijf ik niet" in result.err
    assert state(project) == before


def test_init_missing_answer_names_key(gz, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(ANSWERS.replace('municipality = "West Betuwe"\n', ""), encoding="utf-8")
    result = gz("init", str(tmp_path / "x"), "--answers", str(path))
    assert result.code == 2
    assert "village.municipality" in result.err
    assert not (tmp_path / "x" / "gzctl.toml").exists()


def test_init_invalid_answer_names_key(gz, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(ANSWERS.replace("inhabitants = 5000", 'inhabitants = "veel"'), encoding="utf-8")
    result = gz("init", str(tmp_path / "x"), "--answers", str(path))
    assert result.code == 2
    assert "'village.inhabitants'" in result.err and "geen getal" in result.err


def test_init_unknown_answer_key(gz, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(ANSWERS + '\n[verbinden]\nmisie = "x"\n', encoding="utf-8")
    result = gz("init", str(tmp_path / "x"), "--answers", str(path))
    assert result.code == 2
    assert "onbekende vraag 'verbinden.misie'" in result.err
    assert "verbinden.missie" in result.err


def test_init_with_dash_c(gz, tmp_path: Path, answers_file: Path) -> None:
    result = gz("-C", str(tmp_path), "init", "dorp", "--answers", str(answers_file))
    assert result.code == 0, result.err
    assert (tmp_path / "dorp" / "gzctl.toml").is_file()


def test_wizard_answers_file_is_all_or_nothing(gz, project: Path, tmp_path: Path) -> None:
    before = state(project)
    bad = tmp_path / "b.toml"
    bad.write_text(
        '[verkennen]\nstartdatum = 2027-01-15\naandeel_65plus = "heel veel"\n', encoding="utf-8"
    )
    result = gz("-C", str(project), "wizard", "--answers", str(bad))
    assert result.code == 2
    assert "verkennen.aandeel_65plus" in result.err
    assert state(project) == before

    good = tmp_path / "g.toml"
    good.write_text(
        'done = ["verkennen.eerderonderzoek"]\n[verkennen]\nstartdatum = "15-01-2027"\n'
        "aandeel_65plus = 24\n",
        encoding="utf-8",
    )
    result = gz("-C", str(project), "wizard", "--answers", str(good))
    assert result.code == 0, result.err
    text = state(project)
    assert "startdatum = 2027-01-15" in text
    assert '[checklist."verkennen.eerderonderzoek"]' in text
    # the first step's required questions are answered, so the wizard resumes after it
    assert 'completed = [\n    "verkennen.startgroep",\n]' in text or (
        'completed = ["verkennen.startgroep"]' in text
    )


def test_without_terminal_and_answers_exits_2_at_once(project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    for args in (["-C", str(project), "wizard"], ["init", str(tmp_path / "nieuw")]):
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "gzctl", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert time.monotonic() - start < 30
        assert proc.returncode == 2, proc.stderr
        assert "--answers" in proc.stderr
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "nieuw").exists()


# ----------------------------------------------------------------------------- status


def test_status_json_fields(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "status", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["village"] == {
        "name": "Ooltwijk",
        "municipality": "Lingemeer",
        "province": "Gelderland",
        "inhabitants": 4850,
    }
    assert data["playbook"]["id"] == "gemeenschapszorg"
    assert data["phase"] == {"id": "verkennen", "title": "Verkennen"}
    assert [p["id"] for p in data["phases"]] == [
        "verkennen",
        "verbinden",
        "organiseren",
        "doen",
        "borgen",
    ]
    total = sum(p["total"] for p in data["phases"])
    done = sum(p["done"] for p in data["phases"])
    assert data["progress"] == {"done": done, "total": total, "percent": round(100 * done / total)}
    assert 0 < done < total
    # the demo's inventory: 32 organisations, 6 joined (one after the first network
    # evening: the Zonnebloem), reach as an upper bound
    assert data["organisations"] == {
        "inventoried": 32,
        "joined": 6,
        "by_status": {
            "geïnventariseerd": 18,
            "benaderd": 7,
            "uitgenodigd": 0,
            "aangesloten": 6,
            "afgehaakt": 1,
        },
    }
    assert data["reach"] == {
        "achterban": 3178,
        "inhabitants": 4850,
        "percent": 66,
        "upper_bound": True,
        "unknown": 12,
    }
    assert data["next"] and all({"id", "title"} <= set(n) for n in data["next"])
    assert data["last_activity"] == "2026-11-19T15:00:00+01:00"  # the demo's last sign-up
    assert data["days_since_activity"] == 3


def test_status_human(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "status")
    assert result.code == 0
    assert "Ooltwijk" in result.out and "Huidige fase: Verkennen" in result.out
    assert "Volgende acties" in result.out and "3 dagen geleden" in result.out


def test_status_walks_up_from_a_subfolder(gz, demo: Path) -> None:
    sub = demo / "documenten"  # gzctl demo writes its documents there
    sub.mkdir(exist_ok=True)
    result = gz("status", "--json", cwd=sub)
    assert result.code == 0, result.err
    assert json.loads(result.out)["village"]["name"] == "Ooltwijk"


def test_status_outside_a_project(gz, tmp_path: Path) -> None:
    result = gz("status", cwd=tmp_path)
    assert result.code == 2
    assert "Geen gzctl-project gevonden" in result.err


# ------------------------------------------------------------------------ done, undo, next, log


def test_done_undo_and_next(gz, project: Path) -> None:
    first = json.loads(gz("-C", str(project), "next", "--json").out)[0]["id"]
    result = gz("-C", str(project), "done", first, "--note", "Met Jan besproken")
    assert result.code == 0, result.err
    data = json.loads(gz("-C", str(project), "status", "--json").out)
    assert data["progress"]["done"] == 1
    assert first not in [n["id"] for n in data["next"]]
    text = state(project)
    assert 'note = "Met Jan besproken"' in text and 'by = "tester"' in text
    assert gz("-C", str(project), "undo", first).code == 0
    assert json.loads(gz("-C", str(project), "status", "--json").out)["progress"]["done"] == 0
    assert 'note = "Met Jan besproken"' in state(project)  # the note survives an undo


def test_done_accepts_short_id(gz, project: Path) -> None:
    result = gz("-C", str(project), "done", "eerderonderzoek")
    assert result.code == 0, result.err
    assert "verkennen.eerderonderzoek" in result.out


def test_unknown_id_suggests_and_changes_nothing(gz, project: Path) -> None:
    before = state(project)
    result = gz("-C", str(project), "done", "verkennen.eerderonderzoek", "verkennen.plekkenlijs")
    assert result.code == 2
    assert "Onbekende actie 'verkennen.plekkenlijs'" in result.err
    assert "verkennen.plekkenlijst" in result.err
    assert state(project) == before


def test_undo_of_open_item_is_refused(gz, project: Path) -> None:
    result = gz("-C", str(project), "undo", "verkennen.eerderonderzoek")
    assert result.code == 2  # bad input, as the README's table of exit codes says
    assert "stond nog niet als gedaan" in result.err


def test_auto_done_item_cannot_be_undone(gz, project: Path) -> None:
    # two initiators make "verkennen.medestarter" done by itself (done_when initiators >= 2)
    path = project / "gzctl.toml"
    path.write_text(
        state(project).replace(
            '{ name = "Petra de Vries", email = "petra@example.nl" },',
            '{ name = "Petra de Vries", email = "petra@example.nl" },\n    { name = "Jan" },',
        ),
        encoding="utf-8",
    )
    data = json.loads(gz("-C", str(project), "status", "--json").out)
    assert data["phases"][0]["done"] == 1
    result = gz("-C", str(project), "undo", "verkennen.medestarter")
    assert result.code == 1 and "minstens 2 initiatiefnemers" in result.err
    assert ">=" not in result.err


def test_log_shows_history(gz, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per entry (narrower screens wrap)
    result = gz("-C", str(demo), "log", "-n", "3")
    assert result.code == 0
    lines = result.out.strip().splitlines()
    assert len(lines) == 3
    assert "Annelies Verhoef" in lines[-1] and "19 november 2026" in lines[-1]
    entries = json.loads(gz("-C", str(demo), "log", "--json", "-n", "1000").out)
    assert entries[0]["action"] == "init"
    assert gz("-C", str(demo), "log", "-n", "veel").code == 2


def test_every_change_is_logged(gz, project: Path) -> None:
    gz("-C", str(project), "done", "verkennen.eerderonderzoek")
    entries = json.loads(gz("-C", str(project), "log", "--json").out)
    last = entries[-1]
    assert last["who"] == "tester" and last["action"] == "done"
    assert last["ids"] == ["verkennen.eerderonderzoek"]
    assert last["at"] == "2026-11-22T12:00:00+01:00"


# ----------------------------------------------------------------------------- demo


def test_demo_refuses_to_overwrite_unless_asked(gz, demo: Path) -> None:
    assert gz("demo", str(demo)).code == 2
    assert gz("demo", str(demo), "--opnieuw").code == 0


def test_demo_never_replaces_a_real_project(gz, project: Path) -> None:
    result = gz("demo", str(project), "--opnieuw")
    assert result.code == 2 and "Beesd" in result.err
    assert "Beesd" in state(project)


@pytest.mark.parametrize("args", [["--version"], ["-C", ".", "--version"]])
def test_version(gz, args: list[str]) -> None:
    from gzctl import __version__

    result = gz(*args)
    assert result.code == 0 and result.out.strip() == f"gzctl {__version__}"


def test_closed_stdout_is_no_traceback(demo: Path) -> None:
    """`gzctl ... >&-` (a cron line, a script): Python starts with sys.stdout None."""
    for args in (["-C", str(demo), "status"], ["portfolio", str(demo.parent), "--json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "gzctl", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            preexec_fn=lambda: os.close(1),
        )
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr and "onverwachte" not in proc.stderr
