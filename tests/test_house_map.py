"""The house map in CONTRIBUTING.md (the code block under "## The house") names every module
of gzctl/ and nothing else, so a new engineer can trust it.

How the map is read: a line `  name/` (two spaces) opens a folder of gzctl/, a deeper line
`    name/` a folder inside it; every `name.py` on a line belongs to the folder open at that
point. Lines before the first folder belong to gzctl/ itself. `__init__.py` files need no
entry.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gzctl"
FOLDER = re.compile(r"^(?P<indent> +)(?P<name>[a-z_]+)/(\s|$)")
MODULE = re.compile(r"(?<![\w./])([a-z_][a-z0-9_]*\.py)\b")


def house_block(text: str) -> list[str]:
    """The lines of the first code block after the heading `## The house`."""
    after = text.split("\n## The house\n", 1)[1]
    return after.split("```", 2)[1].splitlines()


def mapped_modules(lines: list[str]) -> set[str]:
    """Paths relative to gzctl/ of every module the map names."""
    return {path for path, _ in mentions(lines)}


def mentions(lines: list[str]) -> list[tuple[str, bool]]:
    """Every module the map names, as (path relative to gzctl/, whether the line starts with
    it: the module's own entry rather than a mention in another's description)."""
    folders: list[tuple[int, str]] = []  # (indent, name), the open folders
    found: list[tuple[str, bool]] = []
    for line in lines:
        if line.startswith("gzctl/") or not line.strip():
            continue
        if line[0] != " ":
            break  # the next top-level entry (playbooks/, templates/ ...) ends gzctl/
        m = FOLDER.match(line)
        if m:
            indent = len(m["indent"])
            folders = [f for f in folders if f[0] < indent] + [(indent, m["name"])]
        indent = len(line) - len(line.lstrip())
        open_folders = [name for i, name in folders if i < indent or (m and i == indent)]
        for module in MODULE.findall(line):
            found.append(("/".join([*open_folders, module]), line.split()[0] == module))
    return found


def package_modules() -> set[str]:
    return {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p.name != "__init__.py" and "_data" not in p.parts
    }


def test_the_map_reader_understands_nesting() -> None:
    lines = [
        "gzctl/",
        "  __main__.py   entry point",
        "  cli/          the shell",
        "    app.py        the app; common.py: helpers",
        "  documents/    documents",
        "    base.py       formats",
        "    site/         the website",
        "      feed.py       the feed",
        "    build.py      writing documenten/",
        "playbooks/      data",
        "  not_a_module.py",
    ]
    assert mapped_modules(lines) == {
        "__main__.py",
        "cli/app.py",
        "cli/common.py",
        "documents/base.py",
        "documents/site/feed.py",
        "documents/build.py",
    }


def test_the_house_map_names_every_module_and_no_other() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    mapped = mapped_modules(house_block(text))
    actual = package_modules()
    missing = sorted(actual - mapped)
    gone = sorted(mapped - actual)
    assert not missing and not gone, (
        "CONTRIBUTING.md's house map is out of date.\n"
        f"Modules missing from the map: {missing}\n"
        f"Names in the map that are no module: {gone}"
    )


def test_no_module_has_two_entries() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    entries = [path for path, own in mentions(house_block(text)) if own]
    assert sorted({p for p in entries if entries.count(p) > 1}) == []
