"""Every file gzctl writes goes through the one safe writer (core/safefs.py).

The website builder once wrote with its own predictable temporary name and followed links, so a
planted ``website/.index.html.tmp`` link (which a plain ``git clone`` brings along) overwrote any
file the user could write, and a ``website/`` that was itself a link sent the whole site
elsewhere. These tests plant links where a build writes and reads, and one test reads every
module of the package and fails when one writes a file in another way.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gzctl"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text("precious\n", encoding="utf-8")
    return path


def refused_by_one_line(result) -> None:
    assert result.code == 1, (result.code, result.out, result.err)
    assert result.err.startswith("Fout: "), result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "symbolische koppeling" in result.err
    assert "Traceback" not in result.err


def site_build(gz, folder: Path):
    return gz("-C", str(folder), "site", "build")


def test_link_at_the_old_temporary_name_is_not_followed(gz, demo: Path, victim: Path) -> None:
    site = demo / "website"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    for name in (".index.html.tmp", ".agenda.ics.tmp", ".gzctl-site.json.tmp", ".style.css.tmp"):
        (site / name).symlink_to(victim)
    result = site_build(gz, demo)
    assert result.code == 0, result.err
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (site / "index.html").is_file() and not (site / "index.html").is_symlink()


def test_link_at_a_page_is_refused(gz, demo: Path, victim: Path) -> None:
    assert site_build(gz, demo).code == 0
    page = demo / "website" / "index.html"
    page.unlink()
    page.symlink_to(victim)
    refused_by_one_line(site_build(gz, demo))
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_link_at_the_manifest_is_refused(gz, demo: Path, victim: Path) -> None:
    assert site_build(gz, demo).code == 0
    manifest = demo / "website" / ".gzctl-site.json"
    manifest.unlink()
    manifest.symlink_to(victim)
    refused_by_one_line(site_build(gz, demo))
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_website_folder_as_link_is_refused(gz, demo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.rmtree(demo / "website", ignore_errors=True)
    (demo / "website").symlink_to(elsewhere, target_is_directory=True)
    refused_by_one_line(site_build(gz, demo))
    assert list(elsewhere.iterdir()) == []


def test_link_at_gitattributes_is_not_written_through(tmp_path: Path, victim: Path) -> None:
    from gzctl.core.gitmerge import write_attributes
    from gzctl.core.safefs import UnsafePath

    folder = tmp_path / "dorp"
    folder.mkdir()
    (folder / ".gitattributes").symlink_to(victim)
    with pytest.raises(UnsafePath):
        write_attributes(folder)
    assert victim.read_text(encoding="utf-8") == "precious\n"


# Writes that do not touch the village's files: the null device for a closed stdout, and the
# in-memory buffers that python-docx, openpyxl, segno and reportlab save into.
ALLOWED = {
    ("__main__.py", "open"),  # os.devnull for a closed stdout or stderr
    ("core/safefs.py", "*"),  # the safe writer itself
    ("core/datacache.py", "*"),  # the user's cache folder, never a village  # TODO(issue 25)
}
WRITE_METHODS = {"write_text", "write_bytes"}
WRITE_FUNCTIONS = {("os", "replace"), ("os", "rename"), ("os", "open"), ("shutil", "copy"),
                   ("shutil", "copyfile"), ("shutil", "copy2"), ("shutil", "move"),
                   ("tempfile", "mkstemp"), ("tempfile", "NamedTemporaryFile")}


def _write_flags(call: ast.Call) -> bool:
    """Does this os.open call ask for writing? Flags kept in a variable count as writing."""
    if len(call.args) < 2:
        return False
    flags = call.args[1]
    names = {n.attr for n in ast.walk(flags) if isinstance(n, ast.Attribute)}
    plain = all(isinstance(n, (ast.Attribute, ast.BinOp, ast.BitOr, ast.Name, ast.Load,
                               ast.Call, ast.Constant)) for n in ast.walk(flags))
    writing = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC"}
    return bool(names & writing) or not names or not plain


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in WRITE_METHODS and not (
                isinstance(func.value, ast.Name) and func.value.id == "safefs"
            ):
                found.append((node.lineno, func.attr))
            elif isinstance(func.value, ast.Name) and (func.value.id, func.attr) in WRITE_FUNCTIONS:
                if (func.value.id, func.attr) == ("os", "open") and not _write_flags(node):
                    continue  # reading: os.open without a flag that writes
                found.append((node.lineno, f"{func.value.id}.{func.attr}"))
        elif isinstance(func, ast.Name) and func.id == "open":
            mode = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "mode"), None
            )
            if isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+"):
                found.append((node.lineno, "open"))
    return found


def test_no_module_writes_a_file_around_the_safe_writer() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if (rel, "*") in ALLOWED:
            continue
        for line, what in _writes(ast.parse(path.read_text(encoding="utf-8"))):
            if (rel, what) not in ALLOWED:
                offenders.append(f"gzctl/{rel}:{line}: {what}")
    assert offenders == [], "write through core.safefs instead:\n" + "\n".join(offenders)


def test_the_guard_sees_a_plain_write() -> None:
    tree = ast.parse(
        "from pathlib import Path\nimport os\nPath('x').write_text('y')\nopen('z', 'w')\n"
        "os.open('a', os.O_RDONLY | os.O_NOFOLLOW)\nos.open('b', os.O_WRONLY | os.O_CREAT)\n"
    )
    assert [what for _, what in _writes(tree)] == ["write_text", "open", "os.open"]
