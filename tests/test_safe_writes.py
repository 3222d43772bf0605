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
    assert result.code == 2, (result.code, result.out, result.err)  # bad input
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
# in-memory buffers that python-docx, openpyxl, segno and reportlab save into. Caches and the
# user's settings live outside any village; they go through the same writer, rooted at the
# user's cache or config folder (that folder may be a link, the user's own choice; nothing
# below it may be), so they need no exception here.
ALLOWED = {
    ("__main__.py", "open"),  # os.devnull for a closed stdout or stderr
    ("core/safefs.py", "*"),  # the safe writer itself
}
# Path methods (and os / shutil functions) that create, change or remove a file or folder
WRITE_METHODS = {"write_text", "write_bytes", "unlink", "rmdir", "mkdir", "touch", "rename",
                 "replace", "symlink_to", "hardlink_to", "chmod", "link_to"}
WRITE_FUNCTIONS = {("os", "replace"), ("os", "rename"), ("os", "open"), ("os", "remove"),
                   ("os", "unlink"), ("os", "mkdir"), ("os", "makedirs"), ("os", "rmdir"),
                   ("os", "removedirs"), ("os", "symlink"), ("os", "link"), ("os", "truncate"),
                   ("os", "chmod"), ("os", "renames"),
                   ("shutil", "copy"), ("shutil", "copyfile"), ("shutil", "copy2"),
                   ("shutil", "copytree"), ("shutil", "move"), ("shutil", "rmtree"),
                   ("tempfile", "mkstemp"), ("tempfile", "mkdtemp"),
                   ("tempfile", "NamedTemporaryFile"), ("tempfile", "TemporaryDirectory"),
                   ("io", "open"), ("os", "fdopen"), ("codecs", "open")}
# receivers whose .replace/.rename are not files (str.replace and friends)
NOT_FILES = {"str", "text", "name", "line", "s", "value", "word", "key", "title", "label"}
# first arguments that are in-memory buffers for a library's .save(...)
BUFFERS = {"buf", "buffer", "out", "stream"}


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


def _mode(call: ast.Call, position: int) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == "mode"), None)


def _writing_mode(mode: ast.expr | None) -> bool:
    """An open mode that writes; a mode gzctl cannot read off the source counts as writing."""
    if mode is None:
        return False
    if isinstance(mode, ast.Constant):
        return bool(set(str(mode.value)) & set("wax+"))
    return True


# archives and databases that open a file themselves: writing unless read-only or in memory
ARCHIVES = {"ZipFile", "TarFile", "connect", "Workbook"}


def _writes_archive(node: ast.Call) -> bool:
    """zipfile.ZipFile(path, "w"), tarfile.TarFile(path, "w"), sqlite3.connect(path): a file
    written around the safe writer. Into a buffer (``buffer``, ``io.BytesIO()``) is fine."""
    first = node.args[0] if node.args else None
    if isinstance(first, ast.Name) and first.id in BUFFERS:
        return False
    if isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute):
        if first.func.attr == "BytesIO":
            return False
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "connect":
        return not (isinstance(first, ast.Constant) and first.value == ":memory:")
    if isinstance(func, ast.Attribute) and func.attr == "Workbook":
        return False  # openpyxl's Workbook() is in memory until .save(path), caught there
    return _writing_mode(_mode(node, 1))


def _method_write(node: ast.Call, func: ast.Attribute) -> str | None:
    receiver = func.value
    if isinstance(receiver, ast.Name) and receiver.id == "safefs":
        return None
    if func.attr in {"replace", "rename"}:
        # str.replace('a', 'b') takes two arguments, Path.replace(target) one
        if len(node.args) != 1 or node.keywords:
            return None
        if isinstance(receiver, ast.Constant) or (
            isinstance(receiver, ast.Name) and receiver.id in NOT_FILES
        ):
            return None
    if func.attr in {"unlink", "rmdir", "touch"} and len(node.args) > 1:
        return None  # references.unlink(project, kind, id): not a file
    if func.attr in WRITE_METHODS:
        return func.attr
    if func.attr == "open" and not (isinstance(receiver, ast.Name) and receiver.id == "os"):
        return "open" if _writing_mode(_mode(node, 0)) else None  # Path(...).open("w")
    if func.attr in ARCHIVES and _writes_archive(node):
        return func.attr
    if func.attr == "save" and node.args:
        first = node.args[0]
        if not (isinstance(first, ast.Name) and first.id in BUFFERS):
            return "save"  # book.save("file.xlsx"): a library writing a file itself
    return None


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and (func.value.id, func.attr) in WRITE_FUNCTIONS:
                pair = (func.value.id, func.attr)
                if pair == ("os", "open") and not _write_flags(node):
                    continue  # reading: os.open without a flag that writes
                if pair == ("os", "fdopen") and not _writing_mode(_mode(node, 1)):
                    continue  # reading a descriptor opened for reading
                if pair in {("io", "open"), ("codecs", "open")} and not _writing_mode(
                    _mode(node, 1)
                ):
                    continue
                found.append((node.lineno, f"{func.value.id}.{func.attr}"))
                continue
            what = _method_write(node, func)
            if what is not None:
                found.append((node.lineno, what))
        elif isinstance(func, ast.Name) and func.id == "open":
            if _writing_mode(_mode(node, 1)):
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


def test_the_guard_sees_removing_linking_and_library_saves() -> None:
    tree = ast.parse(
        "import os, shutil\nfrom pathlib import Path\np = Path('x')\np.unlink()\n"
        "p.parent.mkdir(parents=True)\nshutil.rmtree('d')\nos.remove('f')\n"
        "p.replace(Path('y'))\n'a-b'.replace('-', '_')\nbook.save('out.xlsx')\n"
        "book.save(buffer)\np.open('w')\np.open()\nos.fdopen(fd, 'wb')\n"
        "os.fdopen(fd, 'rb')\nsafefs.remove(p)\nzipfile.ZipFile('a.zip', 'w')\n"
        "zipfile.ZipFile(buffer)\nzipfile.ZipFile(io.BytesIO(data), 'w')\n"
    )
    assert [what for _, what in sorted(_writes(tree))] == [
        "unlink", "mkdir", "shutil.rmtree", "os.remove", "replace", "save", "open", "os.fdopen",
        "ZipFile",
    ]


def test_cache_write_does_not_follow_a_link_in_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed-data cache (core/datacache.py) once wrote with mkstemp and os.replace into
    whatever its folder pointed at: a 'data' link sent the pickle anywhere."""
    from gzctl.core import datacache

    home = tmp_path / "cache"
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    home.mkdir()
    (home / "data").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(home))
    source = tmp_path / "boek.toml"
    source.write_text("x = 1\n", encoding="utf-8")
    datacache.put("playbook", source, "x = 1\n", {"x": 1})
    assert list(elsewhere.iterdir()) == []
    assert datacache.get("playbook", source, "x = 1\n") is None


def test_cache_entry_planted_as_a_link_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gzctl.core import datacache

    monkeypatch.setenv("GZCTL_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "boek.toml"
    source.write_text("x = 1\n", encoding="utf-8")
    datacache.put("playbook", source, "x = 1\n", {"x": 1})
    [entry] = list((tmp_path / "cache" / "data").iterdir())
    assert datacache.get("playbook", source, "x = 1\n") == {"x": 1}
    real = tmp_path / "real.pickle"
    real.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(real)
    assert datacache.get("playbook", source, "x = 1\n") is None


def test_remove_does_not_follow_a_linked_folder(tmp_path: Path, victim: Path) -> None:
    from gzctl.core import safefs

    village = tmp_path / "dorp"
    (village / "website").mkdir(parents=True)
    (village / "website" / "oud").symlink_to(victim.parent, target_is_directory=True)
    with pytest.raises(safefs.UnsafePath):
        safefs.remove(village / "website" / "oud" / victim.name, root=village)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    page = village / "website" / "p.html"
    page.symlink_to(victim)
    assert safefs.remove(page, root=village) is True  # the link goes, not what it points at
    assert not page.is_symlink() and victim.read_text(encoding="utf-8") == "precious\n"
    assert safefs.remove(page, root=village) is False


def test_a_file_written_in_parts_is_the_parts_one_after_the_other(tmp_path: Path) -> None:
    """The state cache writes its MAC and a payload of tens of MB as two parts (never joined
    in memory): the file holds them in order, and a link at the name is still refused."""
    from gzctl.core import safefs

    target = tmp_path / "deel.bin"
    safefs.write_bytes(target, (b"kop", memoryview(b"-midden-"), b"staart"))
    assert target.read_bytes() == b"kop-midden-staart"
    (tmp_path / "elders").write_bytes(b"niet aanraken")
    (tmp_path / "link.bin").symlink_to(tmp_path / "elders")
    with pytest.raises(safefs.UnsafePath):
        safefs.write_bytes(tmp_path / "link.bin", (b"a", b"b"))
    assert (tmp_path / "elders").read_bytes() == b"niet aanraken"
