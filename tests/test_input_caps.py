"""Hostile files for `org import` (issue 25, item 5): a zip bomb .xlsx, a 20 MB CSV field,
more rows than the cap, too wide rows, too large files. Each is refused with exit 2 and one
Dutch line, gzctl.toml is left as it was, and memory stays bounded (the bomb runs in a
process limited to 1 GB of address space)."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gzctl.core import inputcaps

ROW = b'<row><c t="inlineStr"><is><t>Voetbalvereniging</t></is></c></row>'


def _refused(result, project: Path, before: bytes, *words: str) -> None:
    assert result.code == 2, (result.code, result.err)
    line = result.err.strip()
    assert line and "\n" not in line, result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word in line, line
    assert (project / "gzctl.toml").read_bytes() == before


def _xlsx(path: Path, sheet_rows: int = 0, rows: list[list[str]] | None = None) -> Path:
    """A real workbook (openpyxl) with a header 'Naam' and ``rows``; with ``sheet_rows`` its
    sheet is replaced by one holding that many identical rows, streamed into the zip at the
    highest compression (a zip bomb when large)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam"])
    for row in rows or [["Voetbalvereniging"]]:
        sheet.append(row)
    plain = io.BytesIO()
    book.save(plain)
    if not sheet_rows:
        path.write_bytes(plain.getvalue())
        return path
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, source.read(info))
                continue
            with target.open(info.filename, "w", force_zip64=True) as member:
                member.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=')
                member.write(b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
                member.write(b'<sheetData><row><c t="inlineStr"><is><t>Naam</t></is></c></row>')
                chunk = ROW * 10_000
                for _ in range(sheet_rows // 10_000):
                    member.write(chunk)
                member.write(b"</sheetData></worksheet>")
    return path


def test_a_zip_bomb_xlsx_is_refused_within_1_gb(project: Path, tmp_path: Path) -> None:
    # 3 million rows: about 200 MB of sheet XML packed into a few hundred kB
    bomb = _xlsx(tmp_path / "bom.xlsx", sheet_rows=3_000_000)
    assert bomb.stat().st_size < 2 * inputcaps.MB
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 150 * inputcaps.MB
    before = (project / "gzctl.toml").read_bytes()

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run(
        [sys.executable, "-m", "gzctl", "-C", str(project), "org", "import", str(bomb)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line, done.stderr[-2000:]
    assert "bom.xlsx" in line and "Excel" in line and "CSV" in line, line
    assert (project / "gzctl.toml").read_bytes() == before


def test_the_same_import_passes_under_the_limit(project: Path, tmp_path: Path) -> None:
    """The 1 GB limit of the bomb test leaves room for a normal import (else the bomb test
    would pass for the wrong reason)."""
    good = _xlsx(tmp_path / "lijst.xlsx", rows=[["Voetbalvereniging"], ["Zonnebloem"]])

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run(
        [sys.executable, "-m", "gzctl", "-C", str(project), "org", "import", str(good)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )
    assert done.returncode == 0, done.stderr
    assert "Zonnebloem" in (project / "gzctl.toml").read_text(encoding="utf-8")


def test_a_part_that_packs_more_than_100_times_is_refused(gz, project: Path, tmp_path: Path):
    # 300,000 rows: about 20 MB unpacked, under the part cap, but packed over 100:1
    bomb = _xlsx(tmp_path / "bom.xlsx", sheet_rows=300_000)
    info = zipfile.ZipFile(bomb).getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size < inputcaps.MAX_XLSX_PART_BYTES
    assert info.file_size > inputcaps.MAX_XLSX_RATIO * info.compress_size
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(bomb)), project, before, "zip-bom")


def test_a_bomb_with_another_extension_is_refused(gz, project: Path, tmp_path: Path):
    bomb = _xlsx(tmp_path / "bom.xlsx", sheet_rows=300_000)
    renamed = tmp_path / "lijst.csv"
    renamed.write_bytes(bomb.read_bytes())
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(renamed)), project, before, "zip-bom")


def test_a_20_mb_csv_field_is_refused(gz, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text('Naam;Opmerkingen\n"Zonnebloem";"' + "x" * (20 * 1024 * 1024) + '"\n')
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(path)), project, before, "10.000 tekens")


def test_a_csv_with_more_rows_than_the_cap_is_refused(gz, project: Path, tmp_path: Path):
    path = tmp_path / "lijst.csv"
    rows = "".join(f"Vereniging {i}\n" for i in range(inputcaps.MAX_ROWS + 10))
    path.write_text("Naam\n" + rows, encoding="utf-8")
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(path)), project, before, "100.000 rijen")


def test_a_csv_just_under_the_row_cap_is_not_refused_for_its_rows(tmp_path: Path) -> None:
    from gzctl.network.orgio import read_table

    path = tmp_path / "lijst.csv"
    rows = "".join(f"Vereniging {i}\n" for i in range(inputcaps.MAX_ROWS - 1))
    path.write_text("Naam\n" + rows, encoding="utf-8")
    assert len(read_table(path).rows) == inputcaps.MAX_ROWS - 1


def test_an_xlsx_with_more_rows_than_the_cap_stops_reading_there(
    gz, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputcaps, "MAX_ROWS", 1000)
    path = _xlsx(tmp_path / "lijst.xlsx", rows=[[f"Vereniging {i}"] for i in range(1500)])
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(path)), project, before, "1.000 rijen")


def test_a_long_xlsx_cell_and_a_wide_row_are_refused(gz, project: Path, tmp_path: Path):
    before = (project / "gzctl.toml").read_bytes()
    long_cell = _xlsx(tmp_path / "lang.xlsx", rows=[["Zonnebloem" + "x" * 20_000]])
    _refused(gz("-C", str(project), "org", "import", str(long_cell)), project, before, "rij 2")
    wide = _xlsx(tmp_path / "breed.xlsx", rows=[["Zonnebloem", *["x"] * 300]])
    _refused(gz("-C", str(project), "org", "import", str(wide)), project, before, "kolommen")
    wide_csv = tmp_path / "breed.csv"
    wide_csv.write_text("Naam\nZonnebloem" + ";x" * 300 + "\n", encoding="utf-8")
    _refused(gz("-C", str(project), "org", "import", str(wide_csv)), project, before, "kolommen")


def test_trailing_empty_columns_do_not_count(tmp_path: Path) -> None:
    from gzctl.network.orgio import read_table

    path = tmp_path / "lijst.csv"
    path.write_text("Naam" + ";" * 500 + "\nZonnebloem" + ";" * 500 + "\n", encoding="utf-8")
    assert [row["name"] for _, row in read_table(path).rows] == ["Zonnebloem"]


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("lijst.csv", inputcaps.MAX_FILE_BYTES + 1),
        ("lijst.xlsx", inputcaps.MAX_FILE_BYTES + 1),
        ("lijst.json", inputcaps.MAX_JSON_BYTES + 1),
    ],
)
def test_a_file_over_the_size_cap_is_refused_before_reading(
    gz, project: Path, tmp_path: Path, name: str, size: int
) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: the size is on record, nothing is written
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(path)), project, before, "MB", name)


def test_json_with_a_long_text_or_deep_nesting_is_refused(gz, project: Path, tmp_path: Path):
    import json

    before = (project / "gzctl.toml").read_bytes()
    long_text = tmp_path / "lang.json"
    long_text.write_text(json.dumps([{"name": "Zonnebloem", "notes": "x" * 20_000}]))
    _refused(gz("-C", str(project), "org", "import", str(long_text)), project, before, "10.000")
    deep = tmp_path / "diep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    _refused(gz("-C", str(project), "org", "import", str(deep)), project, before, "genest")


def test_an_xlsx_whose_zip_directory_lies_about_a_size_is_refused(
    gz, project: Path, tmp_path: Path
) -> None:
    """The central directory says 1,000 bytes, the part unpacks to 20 MB: zipfile stops at
    the size on record (so the caps hold) and the broken part is one Dutch line."""
    plain = _xlsx(tmp_path / "plain.xlsx")
    lying = tmp_path / "lijst.xlsx"
    sheet = b"<worksheet><sheetData>" + ROW * 300_000 + b"</sheetData></worksheet>"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            name = info.filename
            out.writestr(name, sheet if name == "xl/worksheets/sheet1.xml" else source.read(name))
    data = bytearray(lying.read_bytes())
    entry = data.index(b"PK\x01\x02")
    while True:
        name_len = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            break
        extra = int.from_bytes(data[entry + 30 : entry + 32], "little")
        comment = int.from_bytes(data[entry + 32 : entry + 34], "little")
        entry += 46 + name_len + extra + comment
    data[entry + 24 : entry + 28] = (1000).to_bytes(4, "little")
    lying.write_bytes(bytes(data))
    assert zipfile.ZipFile(lying).getinfo("xl/worksheets/sheet1.xml").file_size == 1000
    before = (project / "gzctl.toml").read_bytes()
    result = gz("-C", str(project), "org", "import", str(lying))
    _refused(result, project, before, "lijst.xlsx", "geen leesbaar Excel-bestand")


def test_too_many_shared_strings_are_refused_before_openpyxl_loads_them(
    gz, project: Path, tmp_path: Path
) -> None:
    plain = _xlsx(tmp_path / "plain.xlsx")
    path = tmp_path / "lijst.xlsx"
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
    ):
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                out.writestr(info.filename, source.read(info.filename))
        with out.open("xl/sharedStrings.xml", "w") as member:
            member.write(b"<sst>")
            for start in range(0, 1_400_000, 100_000):
                member.write(
                    b"".join(b"<si><t>%x</t></si>" % i for i in range(start, start + 100_000))
                )
            member.write(b"</sst>")
    assert (
        zipfile.ZipFile(path).getinfo("xl/sharedStrings.xml").file_size
        > inputcaps.MAX_XLSX_SHARED_STRINGS_BYTES
    )
    before = (project / "gzctl.toml").read_bytes()
    _refused(gz("-C", str(project), "org", "import", str(path)), project, before, "te groot")
