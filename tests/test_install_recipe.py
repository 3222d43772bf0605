"""The README's Linux install recipe, run literally with the oldest pipx a volunteer may have.

Ubuntu 22.04 and Linux Mint 21 ship pipx 1.0.0 and Debian 12 ships 1.1.0; both take a bare
``gzctl-main.zip`` for a package name, so the recipe must say ``./gzctl-main.zip``. This test
takes the command blocks of the README's Linux section as they are written, swaps only
``sudo apt install pipx`` for pipx 1.0.0 from PyPI in a scratch venv, and runs the rest in a
fresh home folder on a zip laid out the way GitHub's "Download ZIP" lays it out
(one top folder ``gzctl-main/``). Then it updates with the README's ``--force`` line and checks
the village made before is still there and opens.

It needs the package index (pip installs pipx and gzctl's dependencies); without it, it skips.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OLDEST_PIPX = "1.0.0"

pytestmark = pytest.mark.skipif(
    os.environ.get("GZCTL_SKIP_INSTALL_RECIPE") == "1",
    reason="GZCTL_SKIP_INSTALL_RECIPE=1: the install recipe test was switched off",
)


def readme_section_blocks(title: str) -> list[list[str]]:
    """The fenced code blocks of one README section, each as its lines."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n### {title}\n")
    end = text.find("\n## ", start + 1)
    nxt = text.find("\n### ", start + 1)
    stop = min(i for i in (end, nxt, len(text)) if i != -1)
    section = text[start:stop]
    return [block.strip().splitlines() for block in re.findall(r"```\n(.*?)```", section, re.S)]


def download_zip(target: Path) -> Path:
    """A zip of the tracked files under one top folder, as GitHub's Download ZIP makes it."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot tell which files 'Download ZIP' would hold")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8").split("\0")
    path = target / "gzctl-main.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in filter(None, listed):
            source = ROOT / name
            if source.is_file():
                archive.write(source, f"gzctl-main/{name}")
    return path


def test_readme_linux_recipe_with_oldest_pipx(tmp_path: Path) -> None:
    setup, install = readme_section_blocks("Linux (Debian, Ubuntu, Mint)")[:2]
    assert setup == ["sudo apt install pipx", "pipx ensurepath"]
    assert install[0] == "cd ~/Downloads"
    assert install[-1] == "gzctl demo"
    update = readme_section_blocks("Bijwerken naar een nieuwe versie")[0]

    # `sudo apt install pipx`: the oldest pipx a supported Linux ships, in its own venv.
    system = tmp_path / "system"
    subprocess.run([sys.executable, "-m", "venv", str(system)], check=True)
    got = subprocess.run(
        [str(system / "bin" / "pip"), "install", "-q", f"pipx=={OLDEST_PIPX}"],
        capture_output=True, text=True,
    )
    if got.returncode != 0:
        pytest.skip(f"pipx {OLDEST_PIPX} could not be installed (no package index?): "
                    f"{got.stderr.strip().splitlines()[-1:]}")
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    download_zip(home / "Downloads")

    base_path = f"{system / 'bin'}:/usr/local/bin:/usr/bin:/bin"
    own = ("PIPX_", "GZCTL_", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    env.update(HOME=str(home), SHELL="/bin/bash", PATH=base_path, NO_COLOR="1")
    # pip's own cache stays where it is, so the dependencies are not downloaded again.
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))

    def run(lines: list[str], new_window: bool) -> subprocess.CompletedProcess[str]:
        # A new terminal window runs ~/.bashrc, where `pipx ensurepath` put ~/.local/bin.
        # (A login shell would also read /etc/profile, which here drops the stand-in for
        # /usr/bin that holds pipx.)
        start = "set -e\n. ~/.bashrc\n" if new_window else "set -e\n"
        script = start + "\n".join(lines) + "\n"
        return subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                              timeout=1200)

    done = run(setup[1:], new_window=False)
    assert done.returncode == 0, done.stdout + done.stderr
    # "Sluit het terminalvenster, open een nieuw venster": a new shell, which reads what
    # `pipx ensurepath` wrote, so `gzctl` is found without the test putting it on PATH.
    done = run(install, new_window=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    village = home / "Downloads" / "voorbeelddorp" / "gzctl.toml"
    assert village.is_file()
    before = village.read_bytes()

    done = run(["cd ~/Downloads", *update, "gzctl -C voorbeelddorp status"], new_window=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert village.read_bytes() == before
    assert "Ooltwijk" in done.stdout


# What pipx 1.1.0 (Debian 12) printed in the issue 22 walk, in a fresh home folder, for
# `pipx ensurepath` and `pipx install ./gzctl-main.zip`, word for word (the home folder
# shortened to ...).
PIPX_SAID = """\
Success! Added .../.local/bin to the PATH environment variable.
Consider adding shell completions for pipx. Run 'pipx completions' for
You will need to open a new terminal or re-login for the PATH changes to take
Otherwise pipx is ready to go! ✨ 🌟 ✨
creating virtual environment...
creating shared libraries...
upgrading shared libraries...
determining package name from './gzctl-main.zip'...
installing gzctl from spec './gzctl-main.zip'...
  installed package gzctl 0.1.0, installed using Python 3.11.7
  These apps are now globally available
done! ✨ 🌟 ✨
"""


def test_every_english_line_pipx_prints_is_explained_in_the_readme() -> None:
    """The volunteer reads pipx's English after typing the recipe; each line is in the
    README's table 'Wat pipx laat zien', by its opening words."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n### Wat pipx laat zien\n")
    table = text[start : text.index("\n### ", start + 1)]
    explained = re.findall(r"`([^`]+)`", table)
    for line in PIPX_SAID.splitlines():
        said = line.strip()
        opening = [e.split("...")[0].strip() for e in explained]
        assert any(o and said.startswith(o[: max(12, len(o) // 2)]) for o in opening), said
