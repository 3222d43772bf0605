"""The portfolio's fast paths give exactly what the slow ones give: the parallel read against
the one-by-one read, a cached (template) row against a fresh one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gzctl.advisors import portfolio, scan


@pytest.fixture
def many(demo: Path, tmp_path: Path) -> Path:
    """Six copies of the demo village (one renamed), one broken folder."""
    root = tmp_path / "dorpen"
    for i in range(6):
        shutil.copytree(demo, root / f"dorp-{i}", ignore=shutil.ignore_patterns("documenten"))
    state = root / "dorp-3" / "gzctl.toml"
    state.write_text(
        state.read_text(encoding="utf-8").replace('name = "Ooltwijk"', 'name = "Aardam"'),
        encoding="utf-8",
    )
    (root / "kapot").mkdir()
    (root / "kapot" / "gzctl.toml").write_text("schema_version = 1\n[village\n", encoding="utf-8")
    return root


def test_parallel_read_equals_serial_read_and_the_cache(
    gz, many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = gz("portfolio", str(many), "--json", "--no-cache")
    monkeypatch.setattr(scan, "PARALLEL_FROM", 2)
    monkeypatch.setattr(scan.os, "cpu_count", lambda: 2)
    parallel = gz("portfolio", str(many), "--json")  # fills the cache
    warm = gz("portfolio", str(many), "--json")  # cached rows, kept as templates
    assert serial.code == parallel.code == warm.code == 1  # the broken folder
    assert serial.out == parallel.out == warm.out
    rows = json.loads(warm.out)
    assert rows[0]["village"]["name"] == "Aardam"
    assert rows[-1]["error"] and rows[-1]["path"].endswith("kapot")
    # the table, CSV and filters look inside cached rows: same as fresh ones
    for extra in (["--csv"], ["--sort", "progress"], ["--phase", "verbinden"]):
        fresh = gz("portfolio", str(many), "--no-cache", *extra)
        cached = gz("portfolio", str(many), *extra)
        assert fresh.out == cached.out, extra


def test_cache_follows_changes_removals_and_breakage(gz, many: Path) -> None:
    gz("portfolio", str(many), "--json")
    shutil.rmtree(many / "dorp-5")
    state = many / "dorp-1" / "gzctl.toml"
    state.write_text(
        state.read_text(encoding="utf-8").replace('name = "Ooltwijk"', 'name = "Bommel"'),
        encoding="utf-8",
    )
    (many / "dorp-2" / "gzctl.toml").write_text("schema_version = [\n", encoding="utf-8")
    rows = json.loads(gz("portfolio", str(many), "--json").out)
    paths = [r["path"] for r in rows]
    assert not any(p.endswith("dorp-5") for p in paths)
    names = [r["village"]["name"] for r in rows if r["error"] is None]
    assert "Bommel" in names and len(names) == 4
    broken = [r for r in rows if r["error"]]
    assert sorted(Path(r["path"]).name for r in broken) == ["dorp-2", "kapot"]


def test_cached_row_behaves_as_the_row_it_stands_for() -> None:
    status = {"village": {"name": "Beesd"}, "last_activity": None, "days_since_activity": None}
    template = portfolio.split_template(portfolio.row_template(status))
    cached = portfolio.CachedRow(template, "Beesd", "dorpen/beesd", 12, False)
    row = portfolio.make_row("dorpen/beesd", {**status, "days_since_activity": 12}, 30)
    assert cached.get("error") is None and cached["path"] == "dorpen/beesd"
    assert not cached._loaded  # the light keys did not parse the line
    assert json.dumps(row, ensure_ascii=False).encode("utf-8") == cached.line
    assert dict(cached) == row and {**cached} == row and cached == row
    assert list(cached) == list(row)


def _cache_file(root: Path) -> Path:
    import os

    (found,) = Path(os.environ["GZCTL_CACHE_HOME"]).glob("portfolio-*.cache")
    return found


def test_a_damaged_cache_is_read_again_never_shown(gz, many: Path) -> None:
    """marshal has no check of its own: a byte changed on disk must neither reach the
    terminal (a warm --json run writes cached rows as they are) nor crash the command."""
    fresh = gz("portfolio", str(many), "--json", "--no-cache").out
    gz("portfolio", str(many), "--json")
    cache = _cache_file(many)
    data = cache.read_bytes()
    assert data.count(b"Ooltwijk") > 1
    cache.write_bytes(data.replace(b"Ooltwijk", b"Oo\x1btwijk"))  # same length
    warm = gz("portfolio", str(many), "--json")
    assert "\x1b" not in warm.out and warm.out == fresh
    json.loads(warm.out)


def test_a_cache_entry_of_the_wrong_shape_is_read_again(gz, many: Path) -> None:
    import marshal
    import zlib

    fresh = gz("portfolio", str(many), "--json", "--no-cache")
    gz("portfolio", str(many), "--json")
    cache = _cache_file(many)
    raw = cache.read_bytes()
    head = len(scan.MAGIC) + 4
    data = marshal.loads(raw[head:])
    for entry in data["entries"].values():
        entry["row"] = [[part] for part in entry["row"]]
    payload = marshal.dumps(data, scan.MARSHAL_VERSION)
    cache.write_bytes(scan.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    warm = gz("portfolio", str(many), "--json")
    assert (warm.code, warm.out, warm.err) == (fresh.code, fresh.out, fresh.err)
