"""gzctl portfolio: a root with villages in different phases, one stalled and one broken,
as a table, JSON, CSV and an HTML page (rendered by headless Chromium when it is there)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ANSWERS, NOW

from gzctl.advisors import portfolio
from gzctl.core import playbook as pb
from gzctl.core import progress, store

NOW_DT = dt.datetime.fromisoformat(NOW)


def make_village(
    gz, monkeypatch: pytest.MonkeyPatch, folder: Path, name: str, started: int, ticks
) -> Path:
    """A village made by `gzctl init` `started` days ago, then ticked as (days ago, ids)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    answers = folder.parent / f"{folder.name}-antwoorden.toml"
    answers.write_text(ANSWERS.replace("Beesd", name), encoding="utf-8")
    monkeypatch.setenv("GZCTL_NOW", (NOW_DT - dt.timedelta(days=started)).isoformat())
    result = gz("init", str(folder), "--answers", str(answers))
    monkeypatch.setenv("GZCTL_NOW", NOW)
    answers.unlink()
    assert result.code == 0, result.err
    book = pb.load("gemeenschapszorg")
    for days_ago, ids in ticks:
        moment = NOW_DT - dt.timedelta(days=days_ago)
        with store.transaction(folder, "tester", moment) as change:
            items = progress.mark_done(book, change.project, ids, moment.date(), "tester")
            change.log("done", "Afgevinkt: " + "; ".join(i.title for i in items), ids)
    return folder


def phase_ids(phase: str) -> list[str]:
    return [i.id for i in pb.load("gemeenschapszorg").items if i.phase == phase]


@pytest.fixture
def root(tmp_path: Path, gz, monkeypatch: pytest.MonkeyPatch) -> Path:
    """dorpen/: Beesd (verkennen), Asperen (verbinden), Heukelum (afgerond), Spijk (stalled),
    kapot (broken gzctl.toml), plus a hidden and a too-deep village that must not show."""
    base = tmp_path / "dorpen"
    base.mkdir()
    verkennen = phase_ids("verkennen")
    all_ids = [i.id for i in pb.load("gemeenschapszorg").items]
    make_village(
        gz, monkeypatch, base / "beesd", "Beesd", 20, [(10, verkennen[:3]), (2, verkennen[3:5])]
    )
    make_village(
        gz,
        monkeypatch,
        base / "asperen",
        "Asperen",
        30,
        [(20, verkennen), (5, phase_ids("verbinden")[:2])],
    )
    make_village(gz, monkeypatch, base / "regio" / "heukelum", "Heukelum", 40, [(10, all_ids)])
    make_village(gz, monkeypatch, base / "spijk", "Spijk", 60, [(45, verkennen[:2])])
    (base / "kapot").mkdir()
    (base / "kapot" / "gzctl.toml").write_text("schema_version = 1\n[village\n", encoding="utf-8")
    make_village(gz, monkeypatch, base / ".archief" / "oud", "Verborgen", 5, [])
    make_village(gz, monkeypatch, base / "a" / "b" / "c" / "diep", "Diepdorp", 5, [])
    return base


def by_name(rows: list[dict]) -> dict[str, dict]:
    return {(r["village"]["name"] if r.get("error") is None else r["path"]): r for r in rows}


def test_json_has_one_row_per_village_with_status_path_and_error(gz, root: Path) -> None:
    result = gz("portfolio", str(root), "--json", cwd=root.parent)
    assert result.code == 1  # one folder failed
    rows = json.loads(result.out)
    names = [r["village"]["name"] if r["error"] is None else r["path"] for r in rows]
    assert names == ["Asperen", "Beesd", "Heukelum", "Spijk", "dorpen/kapot"]
    got = by_name(rows)
    assert got["Beesd"]["phase"]["id"] == "verkennen"
    assert got["Beesd"]["progress"]["done"] == 5
    assert got["Asperen"]["phase"]["id"] == "verbinden"
    assert got["Heukelum"]["phase"]["id"] == "afgerond"
    assert got["Heukelum"]["progress"]["percent"] == 100
    assert got["Heukelum"]["path"] == "dorpen/regio/heukelum"
    assert got["Spijk"]["days_since_activity"] == 45
    assert [r["stalled"] for r in rows[:4]] == [False, False, False, True]
    broken = got["dorpen/kapot"]
    assert set(broken) == {"path", "error"}
    assert "gzctl.toml is geen geldige TOML" in broken["error"]
    assert "niet gelezen worden" in result.err


def test_json_row_is_the_status_document(gz, root: Path) -> None:
    """The portfolio reuses status --json as it is, plus path, error and stalled."""
    status = json.loads(gz("-C", str(root / "beesd"), "status", "--json").out)
    rows = json.loads(gz("portfolio", str(root), "--json").out)
    row = by_name(rows)["Beesd"]
    assert status["initiators"] and not row["initiators"]  # no names in a portfolio (AVG)
    status["initiators"] = []
    assert {k: v for k, v in row.items() if k not in ("path", "error", "stalled")} == status


def test_table(gz, root: Path) -> None:
    result = gz("portfolio", "dorpen", cwd=root.parent)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].split()[:5] == ["Dorp", "Gemeente", "Stappenplan", "Fase", "Voortgang"]
    line = {ln.split()[0]: ln for ln in lines[2:] if ln.strip()}
    assert "Verbinden" in line["Asperen"] and "5 dagen" in line["Asperen"]
    assert "Afgerond" in line["Heukelum"] and "██████████ 100%" in line["Heukelum"]
    assert "stilgevallen" in line["Spijk"] and "45 dagen" in line["Spijk"]
    assert "stilgevallen" not in line["Beesd"]
    assert "✗ gzctl.toml is geen geldige TOML" in line["kapot"]
    assert "Verborgen" not in result.out and "Diepdorp" not in result.out
    assert "4 dorpen · 1 stilgevallen · 1 map kon niet gelezen worden" in result.out
    assert "Traceback" not in result.err


def test_depth_finds_deeper_villages(gz, root: Path) -> None:
    rows = json.loads(gz("portfolio", str(root), "--json", "--depth", "4").out)
    assert "Diepdorp" in by_name(rows)
    rows = json.loads(gz("portfolio", str(root), "--json", "--depth", "0").out)
    assert rows == []


def test_sort_and_filter(gz, root: Path) -> None:
    def names(*args: str) -> list[str]:
        rows = json.loads(gz("portfolio", str(root), "--json", *args).out)
        return [r["village"]["name"] if r["error"] is None else "FOUT" for r in rows]

    assert names("--sort", "activity") == ["Spijk", "Heukelum", "Asperen", "Beesd", "FOUT"]
    assert names("--sort", "progress") == ["Spijk", "Beesd", "Asperen", "Heukelum", "FOUT"]
    assert names("--sort", "phase") == ["Beesd", "Spijk", "Asperen", "Heukelum", "FOUT"]
    assert names("--sort", "village", "--reverse") == [
        "Spijk",
        "Heukelum",
        "Beesd",
        "Asperen",
        "FOUT",
    ]
    assert names("--phase", "verbinden") == ["Asperen", "FOUT"]
    assert names("--fase", "Afgerond") == ["Heukelum", "FOUT"]
    assert names("--stalled") == ["Spijk", "FOUT"]
    assert names("--stalled", "--stalled-days", "3") == ["Asperen", "Heukelum", "Spijk", "FOUT"]


def test_bad_options_are_dutch_exit_2(gz, root: Path) -> None:
    result = gz("portfolio", str(root), "--sort", "grootte")
    assert result.code == 2 and "Onbekende sortering 'grootte'" in result.err
    # the Dutch words the help lists are accepted
    assert gz("portfolio", str(root), "--sort", "fase").code in (0, 1)
    assert gz("portfolio", str(root), "--sort", "naam").code in (0, 1)
    result = gz("portfolio", str(root / "bestaatniet"))
    assert result.code == 2 and "bestaat niet" in result.err
    result = gz("portfolio", str(root), "--json", "--csv")
    assert result.code == 2 and "Kies één van" in result.err


def test_all_good_exits_0(gz, root: Path) -> None:
    shutil.rmtree(root / "kapot")
    result = gz("portfolio", str(root))
    assert result.code == 0, result.err
    assert "met een fout" not in result.out


def test_csv_for_excel(gz, root: Path) -> None:
    result = gz("portfolio", "dorpen", "--csv", cwd=root.parent)
    assert result.code == 1
    text = result.out
    assert text.startswith("\ufeff")
    assert text[1:].endswith("\r\n") and "\n" not in text[1:].replace("\r\n", "")
    lines = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    header = lines[0]
    assert header[:3] == ["Map", "Dorp", "Gemeente"]
    assert "Voortgang (%)" in header and "Stilgevallen" in header and header[-1] == "Fout"
    rows = [dict(zip(header, ln, strict=True)) for ln in lines[1:]]
    assert len(rows) == 5
    spijk = next(r for r in rows if r["Dorp"] == "Spijk")
    assert spijk["Stilgevallen"] == "ja" and spijk["Dagen sinds activiteit"] == "45"
    heukelum = next(r for r in rows if r["Dorp"] == "Heukelum")
    assert heukelum["Voortgang (%)"] == "100" and heukelum["Fase"] == "Afgerond"
    broken = rows[-1]
    assert broken["Map"] == "dorpen/kapot" and broken["Dorp"] == ""
    assert "geen geldige TOML" in broken["Fout"]


def test_config_defaults_are_used(gz, root: Path, tmp_path: Path) -> None:
    assert gz("config", "portfolio.roots", str(root)).code == 0
    assert gz("config", "portfolio.stalled_days", "3").code == 0
    rows = json.loads(gz("portfolio", "--json", cwd=tmp_path).out)
    assert [r.get("stalled") for r in rows] == [True, False, True, True, None]


def test_cache_is_used_and_invalidated(gz, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = gz("portfolio", str(root), "--json").out
    from gzctl.advisors import scan

    calls: list[Path] = []
    real = scan.load_village

    def counting(folder: Path, today: dt.date) -> scan.Village:
        calls.append(folder)
        return real(folder, today)

    monkeypatch.setattr(scan, "load_village", counting)
    assert gz("portfolio", str(root), "--json").out == first
    assert [p.name for p in calls] == ["kapot"]  # errors are never cached
    calls.clear()
    assert gz("-C", str(root / "beesd"), "done", phase_ids("verkennen")[6]).code == 0
    second = json.loads(gz("portfolio", str(root), "--json").out)
    assert sorted(p.name for p in calls) == ["beesd", "kapot"]
    assert by_name(second)["Beesd"]["progress"]["done"] == 6
    calls.clear()
    gz("portfolio", str(root), "--json", "--no-cache")
    assert len(calls) == 5


def test_cache_from_an_earlier_day_is_refreshed_not_reread(
    gz, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run of a new day must not re-read every village: only the days move."""
    gz("portfolio", str(root), "--json")
    from gzctl.advisors import scan

    calls: list[Path] = []
    real = scan.load_village

    def counting(folder: Path, today: dt.date) -> scan.Village:
        calls.append(folder)
        return real(folder, today)

    monkeypatch.setenv("GZCTL_NOW", "2026-12-02T09:00:00+01:00")  # ten days later
    cached = json.loads(gz("portfolio", str(root), "--json").out)
    monkeypatch.setattr(scan, "load_village", counting)
    again = json.loads(gz("portfolio", str(root), "--json").out)
    assert [p.name for p in calls] == ["kapot"]  # errors are never cached
    fresh = json.loads(gz("portfolio", str(root), "--json", "--no-cache").out)
    assert cached == again == fresh
    assert by_name(fresh)["Beesd"]["days_since_activity"] >= 10


def test_status_chart(gz, root: Path) -> None:
    result = gz("-C", str(root / "beesd"), "status", "--chart")
    assert result.code == 0, result.err
    total = json.loads(gz("-C", str(root / "beesd"), "status", "--json").out)["progress"]["total"]
    assert f"Voortgang van Beesd: 5 van {total} acties gedaan" in result.out
    assert f"{total} ┤" in result.out and " 0 └" in result.out
    assert "2 nov 2026" in result.out and "22 nov 2026" in result.out
    data = json.loads(gz("-C", str(root / "beesd"), "status", "--chart", "--json").out)
    assert data["points"] == [["2026-11-12", 3], ["2026-11-20", 5]]


# ----------------------------------------------------------------------------- HTML

EXTERNAL = re.compile(
    r"""(<link\b|<script\b|<img\b|<iframe\b|\bsrc\s*=|@import|url\(|href\s*=\s*(?!["']?#))""",
    re.IGNORECASE,
)


def test_html_page_is_self_contained(gz, root: Path, tmp_path: Path) -> None:
    page = tmp_path / "overzicht.html"
    result = gz("portfolio", str(root), "--html", str(page))
    assert result.code == 1
    assert "Pagina geschreven" in result.err and result.out == ""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert not EXTERNAL.findall(html), EXTERNAL.findall(html)
    # the only URL is the SVG namespace, which is a name, not something fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}
    assert html.count("<svg") == 4  # one burn-up per readable village
    for name in ("Beesd", "Asperen", "Heukelum", "Spijk", "stilgevallen", "Fout:"):
        assert name in html


def test_html_escapes_village_names(gz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_village(gz, monkeypatch, tmp_path / "x", "<script>alert(1)</script>", 3, [])
    page = tmp_path / "p.html"
    assert gz("portfolio", str(tmp_path), "--html", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_html_renders_in_headless_chromium(gz, root: Path, tmp_path: Path) -> None:
    page = tmp_path / "overzicht.html"
    gz("portfolio", str(root), "--html", str(page))
    shot = tmp_path / "overzicht.png"
    browser = chromium()
    assert browser
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    # no network for the page: any attempt to fetch something fails the DOM check below
    proc = subprocess.run(
        [*common, "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.is_file() and shot.stat().st_size > 10_000, proc.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = subprocess.run(
        [*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert "Heukelum" in dom and dom.count("<svg") == 4
    keep = Path(__import__("os").environ.get("GZCTL_KEEP_SCREENSHOT", ""))
    if keep.name:
        shutil.copy(shot, keep)


# ----------------------------------------------------------------------------- pure parts


def test_figures_from_later_issues_are_read_when_present() -> None:
    row = {
        "village": {"name": "X", "municipality": "", "province": ""},
        "playbook": {"id": "p", "version": "1"},
        "phase": {"id": "a", "title": "A"},
        "progress": {"percent": 50, "done": 1, "total": 2},
        "path": "x",
        "organisations": {"joined": 12, "inventoried": 40, "approached": 20},
        "reach": {"people": 2300, "percent": 41.6},
        "meeting_place": {"chosen": True, "name": "Dorpshuis"},
        "coordinator": {"appointed": False},
        "platforms": {"active": 2, "total": 3},
        "days_since_activity": 1,
    }
    c = portfolio.cells(row)
    assert (c["organisations"], c["reach"], c["meeting_place"]) == ("12/40", "42%", "ja")
    assert (c["coordinator"], c["platforms"], c["activity"]) == ("nee", "2", "1 dag")
    assert c["municipality"] == "—"
    bare = {k: v for k, v in row.items() if k not in portfolio_later_keys()}
    c = portfolio.cells(bare)
    assert [
        c[k] for k in ("organisations", "reach", "meeting_place", "coordinator", "platforms")
    ] == ["—"] * 5
    text = portfolio.csv_text([{**row, "stalled": False, "last_activity": None}])
    line = text.split("\r\n")[1].split(";")
    assert line[10:16] == ["12", "40", "41,6", "ja", "nee", "2"]


def portfolio_later_keys() -> set[str]:
    return {"organisations", "reach", "meeting_place", "coordinator", "platforms"}


def test_stalled_is_strictly_past_the_threshold() -> None:
    assert not portfolio.is_stalled({"days_since_activity": 30}, 30)
    assert portfolio.is_stalled({"days_since_activity": 31}, 30)
    assert not portfolio.is_stalled({"days_since_activity": None}, 30)


def test_portfolio_json_is_the_same_on_both_routes(gz, tmp_path: Path, capsys) -> None:
    """`gzctl portfolio --json` skips typer; its document is the one the typer app built from
    the same table prints (one function, cli/portfolio.py)."""
    import pytest

    from gzctl.cli.app import main

    root = tmp_path / "dorpen"
    for name in ("a", "b"):
        assert gz("demo", str(root / name)).code == 0
    fast = gz("portfolio", str(root), "--json", "--sort", "phase")
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main(["portfolio", str(root), "--json", "--sort", "phase"])
    assert fast.code == exited.value.code == 0
    assert fast.out == capsys.readouterr().out
