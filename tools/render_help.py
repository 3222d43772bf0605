"""Render every command's --help with typer into gzctl/cli/helpbook/ (gzctl/cli/helpbook.py):
one book per width, as a colour terminal shows it, stamped with a digest of the gzctl/cli
modules.

Run it after changing a command, an option or a help text (tests/test_helpbook.py fails
until you do; until then gzctl prints such help through typer, as it always could):

    .venv/bin/python tools/render_help.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzctl.cli import helpbook  # noqa: E402
from gzctl.core import safefs  # noqa: E402


def environment() -> dict[str, str]:
    """This process's environment without what tells rich how to print, then a colour
    terminal's."""
    env = {k: v for k, v in os.environ.items() if k not in helpbook.OVERRIDES}
    env.pop("COLUMNS", None)
    for key, value in helpbook.colour_environment().items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env["PYTHONPATH"] = str(ROOT)
    return env


def render_books() -> None:
    """In a process started in a colour terminal's environment: every book."""
    stamp = helpbook.digest()
    paths = helpbook.command_paths()
    safefs.make_folder(helpbook.BOOKS)
    for old in helpbook.BOOKS.glob("*.z"):
        safefs.remove(old, root=helpbook.BOOKS)
    for width in helpbook.WIDTHS:
        os.environ["COLUMNS"] = str(width)
        helps = {p: helpbook.render([*p.split(), "--help"]) for p in paths}
        data = helpbook.book_bytes(stamp, helps)
        path = helpbook.book_path(width)
        safefs.write_bytes(path, data, root=helpbook.BOOKS)
        print(f"{path.relative_to(ROOT)}: {len(helps)} helps, {len(data) // 1024} KB")


def main() -> int:
    if sys.argv[1:] == ["--render"]:
        render_books()
        return 0
    subprocess.run([sys.executable, __file__, "--render"], env=environment(), check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
