"""Attacks a hostile village repository, spreadsheet, template or hand edit would try (issue 11):
one test per attack, asserting that it does no harm and ends in one Dutch line."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from gzctl.core import outtext, safefs, store

ESC_PAYLOADS = ["\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\x1b[8m", "\x07\x08\r", "[/] [bold]"]
FORMULAS = ['=HYPERLINK("http://x","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def ok(result) -> None:  # type: ignore[no-untyped-def]
    assert result.code == 0, result.err


def one_dutch_line(result, code: int | None = None) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.err
    assert "onverwachte fout" not in result.err
    assert result.err.startswith("Fout: "), result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    if code is not None:
        assert result.code == code, result.err


def no_escapes(text: str) -> None:
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text, repr(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), repr(text)


# --------------------------------------------------------------------------- 1. symlinks


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text("precious\n", encoding="utf-8")
    return path


def test_symlink_at_old_predictable_temp_name_is_not_followed(gz, project: Path, victim) -> None:
    docs = project / "documenten"
    docs.mkdir()
    (docs / "checklist").mkdir()
    names = [".gzctl-manifest.json.tmp"] + [f"checklist/.{i}-x.md.tmp" for i in range(6)]
    names += [f"checklist/.{n}.md.tmp" for n in ("0-verkennen", "1-verbinden", "2-verbinden")]
    for name in names:
        (docs / name).symlink_to(victim)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert "Traceback" not in result.err


def test_symlink_at_final_name_is_refused(gz, project: Path, victim) -> None:
    ok(gz("-C", str(project), "docs", "build", "--format", "md"))
    docs = project / "documenten"
    first = sorted(p for p in docs.rglob("*.md"))[0]
    first.unlink()
    first.symlink_to(victim)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    assert "symbolische koppeling" in result.err
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_documenten_folder_as_symlink_is_refused(gz, project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (project / "documenten").symlink_to(elsewhere, target_is_directory=True)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    assert list(elsewhere.iterdir()) == []


def test_symlinked_template_is_not_copied(gz, project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:geheim\n", encoding="utf-8")
    (project / "sjablonen").mkdir()
    (project / "sjablonen" / "checklist.md.j2").symlink_to(secret)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    out = project / "documenten"
    if out.exists():
        for path in out.rglob("*"):
            if path.is_file():
                assert "geheim" not in path.read_text(encoding="utf-8", errors="replace")


def test_symlinked_sjablonen_folder_is_refused(gz, project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "tpl"
    elsewhere.mkdir()
    (elsewhere / "checklist.md.j2").write_text("geheim\n", encoding="utf-8")
    (project / "sjablonen").symlink_to(elsewhere, target_is_directory=True)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)


def test_symlinked_project_file_is_not_written_through(gz, project: Path, tmp_path) -> None:
    real = tmp_path / "elders.toml"
    shutil.move(project / "gzctl.toml", real)
    (project / "gzctl.toml").symlink_to(real)
    before = real.read_bytes()
    result = gz("-C", str(project), "org", "add", "VV Test")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    assert real.read_bytes() == before


def test_safefs_refuses_symlinked_parent_and_name(tmp_path: Path, victim) -> None:
    root = tmp_path / "p"
    (root / "real").mkdir(parents=True)
    (root / "link").symlink_to(root / "real", target_is_directory=True)
    with pytest.raises(safefs.UnsafePath):
        safefs.write_bytes(root / "link" / "x.txt", b"x", root=root)
    (root / "name.txt").symlink_to(victim)
    with pytest.raises(safefs.UnsafePath):
        safefs.write_bytes(root / "name.txt", b"x", root=root)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    safefs.write_bytes(root / "real" / "ok.txt", b"ok", root=root)
    assert (root / "real" / "ok.txt").read_bytes() == b"ok"
    assert [p.name for p in (root / "real").iterdir()] == ["ok.txt"]


def test_temp_names_are_unpredictable() -> None:
    names = {safefs.tmp_name("agenda.md") for _ in range(50)}
    assert len(names) == 50
    assert all(n.startswith(".agenda.md.gzctl-") for n in names)


# --------------------------------------------------------------------------- 1. project file


def test_portfolio_html_cannot_overwrite_project_file(gz, project: Path) -> None:
    before = (project / "gzctl.toml").read_bytes()
    result = gz("portfolio", str(project), "--html", str(project / "gzctl.toml"))
    one_dutch_line(result, 2)
    assert (project / "gzctl.toml").read_bytes() == before
    result = gz("portfolio", str(project), "--html", str(project / "overzicht.txt"))
    one_dutch_line(result, 2)


def test_org_export_cannot_overwrite_project_file(gz, project: Path) -> None:
    before = (project / "gzctl.toml").read_bytes()
    target = project / "gzctl.toml"
    result = gz("-C", str(project), "org", "export", str(target), "--format", "json")
    one_dutch_line(result, 2)
    assert target.read_bytes() == before
    result = gz("-C", str(project), "org", "export", str(project / "GZCTL.TOML"), "--format", "csv")
    one_dutch_line(result, 2)
    assert target.read_bytes() == before


def test_ics_cannot_overwrite_project_file(gz, project: Path) -> None:
    ok(gz("-C", str(project), "activity", "add", "Wandeling", "--datum", "12-04-2027"))
    before = (project / "gzctl.toml").read_bytes()
    result = gz("-C", str(project), "activity", "export", str(project / "gzctl.toml"))
    assert result.code == 2
    assert (project / "gzctl.toml").read_bytes() == before


# --------------------------------------------------------------------------- 1. leftovers


def test_orphan_temp_file_of_killed_save_is_removed(gz, project: Path) -> None:
    old_style = project / ".gzctl.toml.ab12cd34.tmp"
    new_style = project / safefs.tmp_name("gzctl.toml")
    old_style.write_bytes(b"")
    new_style.write_bytes(b"")
    ok(gz("-C", str(project), "org", "add", "VV Test"))
    assert not old_style.exists() and not new_style.exists()


def test_orphan_in_documenten_is_removed(gz, project: Path) -> None:
    ok(gz("-C", str(project), "docs", "build", "--format", "md"))
    orphan = project / "documenten" / safefs.tmp_name("agenda.md")
    orphan.write_bytes(b"half")
    ok(gz("-C", str(project), "docs", "build", "--format", "md"))
    assert not orphan.exists()


def test_full_disk_leaves_no_temp_and_no_empty_file(
    gz, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write

    def full(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        if len(data) > 0 and os.fstat(fd).st_size > 10:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data[:11])

    ok(gz("-C", str(project), "activity", "add", "Wandeling", "--datum", "12-04-2027"))
    monkeypatch.setattr(os, "write", full)
    target = project / "agenda.ics"
    result = gz("-C", str(project), "activity", "export", str(target))
    monkeypatch.undo()
    one_dutch_line(result, 1)
    assert "schijf is vol" in result.err
    assert not target.exists()
    assert [p.name for p in project.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    ("err", "code", "words"),
    [
        (errno.EACCES, 1, "geen toegang"),
        (errno.EROFS, 1, "niet geschreven"),
        (errno.ENOSPC, 1, "vol"),
        (errno.ENAMETOOLONG, 2, "te lang"),
        (errno.ENOENT, 2, "bestaat niet"),
        (errno.EPERM, 1, "toestemming"),
    ],
)
def test_every_oserror_is_one_dutch_line(
    gz, project: Path, monkeypatch: pytest.MonkeyPatch, err: int, code: int, words: str
) -> None:
    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(err, os.strerror(err), str(project / "gzctl.toml"))

    monkeypatch.setattr(store, "write_atomic", boom)
    result = gz("-C", str(project), "org", "add", "VV Test")
    one_dutch_line(result, code)
    assert words in result.err.lower() and "gzctl.toml" in result.err
    assert "Error" not in result.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_one_dutch_line(gz, project: Path) -> None:
    os.chmod(project, 0o555)
    try:
        result = gz("-C", str(project), "docs", "build", "--format", "md")
    finally:
        os.chmod(project, 0o755)
    one_dutch_line(result, 1)


def test_name_too_long_is_one_dutch_line(gz, project: Path) -> None:
    result = gz("-C", str(project), "org", "export", str(project / ("x" * 300 + ".csv")))
    one_dutch_line(result, 2)


# --------------------------------------------------------------------------- 2. formulas


@pytest.fixture
def hostile_orgs(gz, project: Path) -> Path:
    for i, name in enumerate(FORMULAS):
        ok(gz("-C", str(project), "org", "add", "--notitie", "=1+1",
              "--telefoon", "+31 6 12345678", "--", f"{name} {i}"))  # fmt: skip
    return project


def _names(project: Path) -> list[str]:
    return sorted(o.name for o in store.load(project).organisations)


def test_csv_export_neutralises_formulas_and_round_trips(gz, hostile_orgs: Path) -> None:
    project = hostile_orgs
    target = project / "orgs.csv"
    ok(gz("-C", str(project), "org", "export", str(target)))
    text = target.read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        for cell in row:
            assert not cell.startswith(outtext.FORMULA_START), cell
    names = _names(project)
    other = project.parent / "ander"
    ok(gz("init", str(other), "--answers", str(project.parent / "antwoorden.toml")))
    ok(gz("-C", str(other), "org", "import", str(target)))
    assert _names(other) == names


def test_xlsx_export_cells_are_strings_and_round_trip(gz, hostile_orgs: Path) -> None:
    from openpyxl import load_workbook

    project = hostile_orgs
    target = project / "orgs.xlsx"
    ok(gz("-C", str(project), "org", "export", str(target)))
    book = load_workbook(target)
    for row in book.active.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                assert not cell.value.startswith(outtext.FORMULA_START), cell.value
    names = _names(project)
    other = project.parent / "ander"
    ok(gz("init", str(other), "--answers", str(project.parent / "antwoorden.toml")))
    ok(gz("-C", str(other), "org", "import", str(target)))
    assert _names(other) == names


def test_portfolio_csv_neutralises_formulas(gz, tmp_path: Path, answers_file: Path) -> None:
    text = answers_file.read_text(encoding="utf-8").replace('"Beesd"', '"=HYPERLINK(1)"')
    answers = tmp_path / "a.toml"
    answers.write_text(text.replace('"West Betuwe"', '"@SUM(1)"'), encoding="utf-8")
    ok(gz("init", str(tmp_path / "dorpen" / "x"), "--answers", str(answers)))
    result = gz("portfolio", str(tmp_path / "dorpen"), "--csv")
    rows = list(csv.reader(io.StringIO(result.out[1:], newline=""), delimiter=";"))
    assert rows[1][1] == "'=HYPERLINK(1)" and rows[1][2] == "'@SUM(1)"


def test_cell_neutralising_is_exactly_reversible() -> None:
    for value in ["=1", "'=1", "''=1", "'", "'a", "a=1", "-", "+", "", "@", "\t", "\r\n"]:
        assert outtext.restore_cell(outtext.neutral_cell(value)) == value
        assert not str(outtext.neutral_cell(value)).startswith(outtext.FORMULA_START)


# --------------------------------------------------------------------------- 3. terminal


def test_clean_removes_escape_sequences() -> None:
    for payload in ESC_PAYLOADS:
        no_escapes(outtext.clean(f"a{payload}b"))
    assert outtext.clean("Beesd\tnoord\n") == "Beesd\tnoord\n"
    assert outtext.clean_keep_style("\x1b[1mX\x1b[0m\x1b]0;t\x07") == "\x1b[1mX\x1b[0m"
    assert "\x1b[8m" not in outtext.clean_keep_style("\x1b[8mverborgen")


@pytest.fixture
def escaped_project(gz, project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    payload = "".join(ESC_PAYLOADS)
    monkeypatch.setenv("GZCTL_USER", f"evil{payload}")
    ok(gz("-C", str(project), "org", "add", f"VV{payload}x", "--notitie", f"n{payload}",
          "--contact", f"Jan{payload}"))  # fmt: skip
    ok(gz("-C", str(project), "place", "add", f"Dorpshuis{payload}"))
    ok(gz("-C", str(project), "platform", "add", f"Eigen{payload}platform"))
    ok(gz("-C", str(project), "coordinator", "candidate", "add", f"Kan{payload}didaat"))
    return project


LIST_COMMANDS = [
    ("status",),
    ("status", "--json"),
    ("org", "list"),
    ("org", "list", "--json"),
    ("org", "show", "{org}"),
    ("org", "show", "{org}", "--json"),
    ("org", "export", "-", "--format", "csv"),
    ("org", "export", "-", "--format", "json"),
    ("place", "list"),
    ("place", "list", "--json"),
    ("platform", "list"),
    ("platform", "list", "--json"),
    ("coordinator", "candidate", "list"),
    ("coordinator", "candidate", "list", "--json"),
    ("next",),
    ("log",),
    ("log", "--json"),
    ("coordinator", "candidate", "show", "kandidaat-1"),
    ("docs", "list"),
    ("org", "coverage"),
    ("platform", "suggest"),
    ("activity", "list"),
    ("playbook", "show"),
    ("portfolio",),
    ("portfolio", "--json"),
]


@pytest.mark.parametrize("command", LIST_COMMANDS, ids=" ".join)
def test_no_escape_sequence_reaches_the_terminal(gz, escaped_project: Path, command) -> None:
    listed = json.loads(gz("-C", str(escaped_project), "org", "list", "--json").out)
    org = next(o["id"] for o in listed if o["id"].startswith("vv-"))  # as input cleaning made it
    args = [a.format(org=org) for a in command]
    if args[0] == "portfolio":
        args.append(str(escaped_project))
    result = gz("-C", str(escaped_project), *args)
    assert result.code == 0, result.err
    no_escapes(result.out)
    no_escapes(result.err)
    if "--json" in args:
        json.loads(result.out)


def test_json_escapes_c1_controls() -> None:
    text = outtext.json_safe(json.dumps({"a": "x\x85\x9by\u202e"}, ensure_ascii=False))
    assert json.loads(text) == {"a": "x\x85\x9by\u202e"}
    no_escapes(text)


# --------------------------------------------------------------------------- 4. interrupted build


@pytest.mark.parametrize("after", [0, 1, 3, 6])
def test_interrupted_build_leaves_no_false_hand_edits(
    gz, demo: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    shutil.rmtree(demo / "documenten", ignore_errors=True)
    ok(gz("-C", str(demo), "docs", "build", "--format", "md,html"))
    ok(gz("-C", str(demo), "org", "edit", store.load(demo).organisations[0].id,
          "--notitie", "veranderd"))  # fmt: skip
    ok(gz("-C", str(demo), "coordinator", "profile", "--uren", "13"))
    real = safefs.write_bytes
    calls = {"n": 0}

    def interrupted(path, data, **kwargs):  # type: ignore[no-untyped-def]
        if calls["n"] >= after and not path.name.startswith(".gzctl-manifest"):
            raise KeyboardInterrupt
        calls["n"] += 1
        return real(path, data, **kwargs)

    monkeypatch.setattr(safefs, "write_bytes", interrupted)
    result = gz("-C", str(demo), "docs", "build", "--format", "md,html")
    assert result.code == 130
    monkeypatch.undo()
    ok(gz("-C", str(demo), "org", "edit", store.load(demo).organisations[1].id,
          "--notitie", "nog eens"))  # fmt: skip
    result = gz("-C", str(demo), "docs", "build", "--format", "md,html")
    ok(result)
    assert "Met de hand bewerkt" not in result.out
    assert list((demo / "documenten").rglob("*.nieuw.*")) == []
    assert list((demo / "documenten").rglob("*.tmp")) == []


def test_hand_edit_is_still_kept_after_interruption(gz, demo: Path) -> None:
    shutil.rmtree(demo / "documenten", ignore_errors=True)
    ok(gz("-C", str(demo), "docs", "build", "--format", "md"))
    agenda = next((demo / "documenten").rglob("*.md"))
    agenda.write_text("mijn eigen tekst\n", encoding="utf-8")
    ok(gz("-C", str(demo), "coordinator", "profile", "--uren", "13"))
    ok(gz("-C", str(demo), "docs", "build", "--format", "md", "--force"))
    agenda.write_text("weer eigen tekst\n", encoding="utf-8")
    ok(gz("-C", str(demo), "org", "add", "Nieuwe club"))
    result = gz("-C", str(demo), "docs", "build", "--format", "md")
    ok(result)
    assert "Met de hand bewerkt" in result.out
    assert agenda.read_text(encoding="utf-8") == "weer eigen tekst\n"


# --------------------------------------------------------------------------- 6. templates


@pytest.mark.parametrize(
    "template",
    [
        '{% include "checklist.md.j2" %}',
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% for i in range(100000) %}{% for j in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
        "{{ 'x' * 100000000 }}",
        "{{ 10 ** 100000 }}",
    ],
    ids=["self-include", "recursive-macro", "endless-loop", "huge-output", "huge-string", "pow"],
)
def test_hostile_override_template_is_a_template_problem(
    gz, project: Path, monkeypatch: pytest.MonkeyPatch, template: str
) -> None:
    from gzctl.documents import render

    monkeypatch.setattr(render, "RENDER_SECONDS", 2)
    (project / "sjablonen").mkdir()
    (project / "sjablonen" / "checklist.md.j2").write_text(template, encoding="utf-8")
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)
    assert "checklist.md.j2" in result.err
    assert not (project / "documenten").exists() or not list(
        (project / "documenten").rglob("*.md")
    )


# --------------------------------------------------------------------------- 5. hand edits


def _edit(folder: Path, old: str, new: str, count: int = 1) -> None:
    path = folder / "gzctl.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


HAND_EDITS = [
    ("inhabitants = 4850", "inhabitants = -5", "village.inhabitants"),
    ("inhabitants = 4850", "inhabitants = 123456789012345678901234567890", "village.inhabitants"),
    ("kosten = 5", "kosten = 99", "places[1].scores.kosten"),
    ("hourly_cost = 52.0", "hourly_cost = nan", "coordinator.hourly_cost"),
    ("hourly_cost = 52.0", "hourly_cost = inf", "coordinator.hourly_cost"),
    ("hourly_cost = 52.0", "hourly_cost = -1.0", "coordinator.hourly_cost"),
    ('id = "bibliotheek-ooltwijk"', 'id = "dorpshuis-de-schakel"', "places[2].id"),
    ("end = 2026-11-02 21:00:00", "end = 2026-11-02 18:00:00", "activities[1].end"),
    ("start = 2026-11-02 19:30:00", "start = 2026-11-02 19:30:00+01:00", "activities[1].start"),
    ("at = 2025-12-19 20:00:00+01:00", "at = 2025-12-19 20:00:00", "history[1].at"),
    ("netwerkavond_datum = 2026-06-10", "netwerkavond_datum = 9999-12-31", "netwerkavond_datum"),
    ("startdatum = 2025-12-23", "startdatum = 0001-01-01", "startdatum"),
    ("inhabitants = 4850", "inhabitants = " + "9" * 5000, "te lang"),
]


@pytest.mark.parametrize(("old", "new", "key"), HAND_EDITS, ids=[e[1][:40] for e in HAND_EDITS])
def test_hand_edit_out_of_bounds_is_one_located_line(gz, demo: Path, old, new, key) -> None:
    _edit(demo, old, new)
    before = (demo / "gzctl.toml").read_bytes()
    for args in (("status",), ("status", "--json"), ("docs", "build"), ("org", "list")):
        result = gz("-C", str(demo), *args)
        one_dutch_line(result, 2)
        assert key in result.err
    result = gz("-C", str(demo), "org", "add", "Nog een club")
    one_dutch_line(result, 2)
    assert (demo / "gzctl.toml").read_bytes() == before
    assert len(result.err) < 400  # never the file's contents


def test_deeply_nested_arrays_are_one_line(gz, project: Path) -> None:
    path = project / "gzctl.toml"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n[answers]\nx = " + "[" * 50_000 + "]" * 50_000 + "\n",
        encoding="utf-8",
    )
    result = gz("-C", str(project), "status")
    one_dutch_line(result, 2)


def test_command_cannot_store_a_value_the_file_refuses(gz, demo: Path) -> None:
    before = (demo / "gzctl.toml").read_bytes()
    result = gz("-C", str(demo), "coordinator", "profile", "--kosten-per-uur", "1e308")
    one_dutch_line(result, 2)
    assert (demo / "gzctl.toml").read_bytes() == before
    ok(gz("-C", str(demo), "docs", "build", "--format", "md"))


def test_playbook_storing_a_number_in_a_text_field_fails_check(gz, project: Path) -> None:
    from gzctl.core.playbook import data_dir

    source = (data_dir("playbooks") / "gemeenschapszorg.toml").read_text(encoding="utf-8")
    m = re.search(r'id = "village\.municipality"\n(?:.*\n)*?type = "text"', source)
    assert m, "the built-in playbook asks for the municipality as text"
    hostile = source[: m.start()] + m.group(0).replace('"text"', '"number"') + source[m.end() :]
    book = project / "eigen.toml"
    book.write_text(hostile, encoding="utf-8")
    result = gz("-C", str(project), "playbook", "check", str(book))
    assert result.code == 2
    assert "village.municipality" in result.out + result.err


def test_invalid_utf8_argument_does_not_dump_the_project(gz, project: Path) -> None:
    result = gz("-C", str(project), "org", "add", "\udcff\udcfe")
    one_dutch_line(result, 2)
    assert "Beesd" not in result.err and "Petra" not in result.err


def test_invalid_utf8_user_is_saved_readably(gz, project: Path, monkeypatch) -> None:
    monkeypatch.setenv("GZCTL_USER", "\udcffjan")
    ok(gz("-C", str(project), "org", "add", "VV Test"))
    assert store.load(project).history[-1].who == "\ufffdjan"


# --------------------------------------------------------------------------- 7. the AVG


def _all_text_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".docx":
        import zipfile

        with zipfile.ZipFile(path) as z:
            data = b" ".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
    return data.decode("utf-8", "replace")


def _all_text(folder: Path) -> str:
    parts = [(folder / "gzctl.toml").read_text(encoding="utf-8")]
    docs = folder / "documenten"
    if docs.exists():
        for path in docs.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if path.suffix == ".docx":
                    import zipfile

                    with zipfile.ZipFile(path) as z:
                        data = b" ".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
                parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def test_forget_matches_whole_names_not_substrings(gz, project: Path) -> None:
    C = ("-C", str(project))
    ok(gz(*C, "coordinator", "candidate", "add", "Anne"))
    ok(gz(*C, "coordinator", "candidate", "add", "Annelies de Groot"))
    ok(gz(*C, "org", "add", "Buurtzorg", "--notitie", "Annelies de Groot belt terug; Anne ook"))
    ok(gz(*C, "coordinator", "candidate", "forget", "kandidaat-1", "--yes"))
    project_data = store.load(project)
    assert [c.name for c in project_data.coordinator.candidates] == ["Annelies de Groot"]
    assert project_data.organisations[0].notes == "Annelies de Groot belt terug; [naam gewist] ook"
    assert "Annelies de Groot" in " ".join(h.what for h in project_data.history)
    result = gz(*C, "person", "forget", "Anne", "--yes")
    one_dutch_line(result, 2)  # nobody is called exactly "Anne" any more


def test_forget_initiator_everywhere_in_the_demo(gz, demo: Path) -> None:
    name = "Annelies Verhoef"
    assert _all_text(demo).count(name) > 40
    result = gz("-C", str(demo), "person", "forget", name, "--yes")
    ok(result)
    assert "git filter-repo" in result.err
    left = _all_text(demo)
    for path in (demo / "documenten").rglob("*"):
        if path.is_file():
            assert name not in _all_text_of(path), path
    assert name not in left
    assert "annelies@dorpshuisdeschakel.nl" not in _all_text(demo)
    ok(gz("-C", str(demo), "docs", "build"))
    assert name not in _all_text(demo)
    ok(gz("-C", str(demo), "status"))


def test_forget_contact_person_keeps_the_organisation(gz, project: Path) -> None:
    C = ("-C", str(project))
    ok(gz(*C, "org", "add", "VV Beesd", "--contact", "Karin de Boer",
          "--email", "karin@vvbeesd.nl", "--telefoon", "06-12345678"))  # fmt: skip
    ok(gz(*C, "org", "add", "Karinsclub", "--notitie", "Bel Karin de Boer op 0612345678"))
    ok(gz(*C, "person", "forget", "karin@vvbeesd.nl", "--yes"))
    p = store.load(project)
    assert [o.name for o in p.organisations] == ["Karinsclub", "VV Beesd"] or sorted(
        o.name for o in p.organisations
    ) == ["Karinsclub", "VV Beesd"]
    assert all(not o.contact.name and not o.contact.email for o in p.organisations)
    text = (project / "gzctl.toml").read_text(encoding="utf-8")
    assert "Karin de Boer" not in text and "0612345678" not in text
    assert "Karinsclub" in text


def test_access_export_lists_everything_about_one_person(gz, demo: Path) -> None:
    result = gz("-C", str(demo), "person", "export", "Annelies Verhoef", "--json")
    ok(result)
    data = json.loads(result.out)
    kinds = {r["kind"] for r in data["records"]}
    assert "initiator" in kinds
    assert data["history"] and data["assessor_of"]
    result = gz("-C", str(demo), "person", "export", "Annelies")
    one_dutch_line(result, 2)


def test_portfolio_cache_holds_no_names_and_prunes_gone_folders(
    gz, project: Path, tmp_path: Path
) -> None:
    ok(gz("portfolio", str(project.parent), "--json"))
    cache_dir = Path(os.environ["GZCTL_CACHE_HOME"])
    caches = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert caches
    # the cache is binary (marshal); its strings are UTF-8 inside
    data = b"".join(p.read_bytes() for p in caches)
    assert str(project).encode() in data
    assert b"Petra" not in data
    shutil.rmtree(project)
    gz("portfolio", str(tmp_path), "--json")
    data = b"".join(p.read_bytes() for p in caches if p.exists())
    assert str(project).encode() not in data


# --------------------------------------------------------------------------- variants


def test_symlinked_subfolder_of_documenten_is_refused(gz, project: Path, tmp_path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (project / "documenten").mkdir()
    (project / "documenten" / "checklist").symlink_to(elsewhere, target_is_directory=True)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    assert list(elsewhere.iterdir()) == []


def test_symlinked_partial_is_refused(gz, project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim\n", encoding="utf-8")
    (project / "sjablonen").mkdir()
    (project / "sjablonen" / "checklist.md.j2").write_text(
        '{% include "_base/geheim.md.j2" %}\n', encoding="utf-8"
    )
    (project / "sjablonen" / "_base").mkdir()
    (project / "sjablonen" / "_base" / "geheim.md.j2").symlink_to(secret)
    result = gz("-C", str(project), "docs", "build", "--format", "md")
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)


def test_portfolio_html_through_a_symlink_is_refused(gz, project: Path, victim) -> None:
    link = project.parent / "overzicht.html"
    link.symlink_to(victim)
    result = gz("portfolio", str(project), "--html", str(link))
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_export_into_a_symlinked_folder_inside_the_project_is_refused(
    gz, project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (project / "exports").symlink_to(elsewhere, target_is_directory=True)
    result = gz("-C", str(project), "org", "export", str(project / "exports" / "orgs.csv"))
    one_dutch_line(result, 2)  # bad input (README: Afsluitcodes)
    assert list(elsewhere.iterdir()) == []
