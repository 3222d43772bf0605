"""The Python API for advisors' scripts (gzctl/api.py) and its page (docs/api.md).

The example on the page runs as written against a fresh demo village, in its own
interpreter, so the page cannot drift from the code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from gzctl import api

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "api.md"


def example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "docs/api.md has one example"
    return str(blocks[0])


def test_the_example_on_the_page_runs(tmp_path: Path, gz) -> None:
    assert gz("demo", str(tmp_path / "ooltwijk")).code == 0
    script = tmp_path / "voorbeeld.py"
    script.write_text(example(), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    status = gz("-C", str(tmp_path / "ooltwijk"), "status", "--json")
    # the percentage before the script ticked one item (the playbook decides the number)
    assert re.fullmatch(r"Ooltwijk: \d+% gedaan", lines[0])
    done, total = (json.loads(status.out)["progress"][k] for k in ("done", "total"))
    assert lines[0] == f"Ooltwijk: {round(100 * (done - 1) / total)}% gedaan"
    assert lines[1] == "toegevoegd: repair-cafe-ooltwijk, biljartclub-de-keu"
    assert lines[2] == "leeg gelaten: [(3, 'e-mail')]"  # the wrong e-mail address, not the row
    assert lines[3] == "afgevinkt: verkennen.lerendnetwerk"
    assert lines[4] == "fout 2"
    saved = tomllib.loads((tmp_path / "ooltwijk" / "gzctl.toml").read_text(encoding="utf-8"))
    history = saved["history"]
    assert [h["who"] for h in history[-2:]] == ["Adviseur", "Adviseur"]
    assert saved["checklist"]["verkennen.lerendnetwerk"]["note"] == "via script"


def test_every_name_on_the_page_is_exported_and_the_other_way_round() -> None:
    page = PAGE.read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(\w+)\(", page, re.M))
    assert listed == set(api.__all__) - {"GzctlError"}
    for name in api.__all__:
        assert callable(getattr(api, name)), name


def test_who_and_now_default_to_what_the_command_line_uses(demo: Path) -> None:
    # conftest sets GZCTL_USER=tester and GZCTL_NOW=2026-11-22T12:00:00+01:00
    api.remove(demo, "activity", "2026-11-09-wandeling-voor-ouderen")
    entry = tomllib.loads((demo / "gzctl.toml").read_text(encoding="utf-8"))["history"][-1]
    assert entry["who"] == "tester"
    assert entry["at"].isoformat() == "2026-11-22T12:00:00+01:00"


def test_an_error_carries_the_exit_code_of_the_command(demo: Path) -> None:
    with pytest.raises(api.GzctlError) as exc:
        api.export_person(demo, "Niemand Bekend")
    assert exc.value.exit_code == 2 and "Niemand Bekend" in exc.value.message
