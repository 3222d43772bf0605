"""Villages whose folder names hold what a file system allows and a report must survive:
bytes that are not UTF-8, escape sequences, bidi controls, newlines, a leading '='."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

# what no output may hold raw (TAB and LF are fine inside CSV cells and pages)
RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ODD = os.fsdecode(b"oud-\xff\xfe")  # a folder copied from an old Windows disk


@pytest.fixture
def odd_root(tmp_path: Path, gz, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "dorpen"
    assert gz("demo", str(root / "gewoon")).code == 0
    for name in (ODD, "esc\x1b[31mrood", "bidi\u202excod", "nieuwe\nregel", "=1+1"):
        shutil.copytree(root / "gewoon", root / name)
    return root


@pytest.mark.parametrize("cache", [True, False])
def test_json_with_a_folder_name_that_is_not_utf8(gz, odd_root: Path, cache: bool) -> None:
    args = ["portfolio", str(odd_root), "--json", *([] if cache else ["--no-cache"])]
    for _ in range(2):  # cold, then warm from the cache
        result = gz(*args)
        assert result.code == 0, result.err
        rows = json.loads(result.out)
        paths = {r["path"] for r in rows}
        assert str(odd_root / ODD) in paths  # the very folder, back from '\udcff'
        assert not RAW_CONTROLS.search(result.out)


@pytest.mark.parametrize("command", ["portfolio", "peers"])
def test_csv_with_odd_folder_names(gz, odd_root: Path, command: str) -> None:
    for _ in range(2):
        result = gz(command, str(odd_root), "--csv")
        assert result.code == 0, result.err
        assert not RAW_CONTROLS.search(result.out.replace("\r\n", "\n"))
        cells = [c for row in csv.reader(io.StringIO(result.out), delimiter=";") for c in row]
        assert str(odd_root / "oud-\ufffd\ufffd") in cells
        assert str(odd_root / "=1+1") in cells  # a path is never a leading '=' ...
        assert not any(c.startswith("=") for c in cells)  # ... for Excel's sake


def test_table_and_page_with_odd_folder_names(gz, odd_root: Path, tmp_path: Path) -> None:
    for _ in range(2):
        table = gz("portfolio", str(odd_root))
        assert table.code == 0, table.err
        assert len([ln for ln in table.out.splitlines() if str(odd_root) in ln]) == 6
        page = tmp_path / "overzicht.html"
        result = gz("portfolio", str(odd_root), "--html", str(page))
        assert result.code == 0, result.err
        text = page.read_text(encoding="utf-8")
        assert not RAW_CONTROLS.search(text)
        assert "oud-\ufffd\ufffd" in text
    peers_page = tmp_path / "leren.html"
    assert gz("peers", str(odd_root), "--html", str(peers_page)).code == 0
    assert not RAW_CONTROLS.search(peers_page.read_text(encoding="utf-8"))
