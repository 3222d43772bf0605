"""The snapshot checker of conftest.py: a missing or different snapshot fails, and only
`pytest --update-snapshots` writes one. Proved on a throw-away test folder run by a real pytest
in a subprocess, with a copy of the real conftest.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TEST_FILE = '''
def test_greeting(snapshot):
    snapshot("greeting.txt", GREETING)
'''


def run_pytest(folder: Path, greeting: str, *options: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_greeting.py").write_text(
        f"GREETING = {greeting!r}\n" + TEST_FILE, encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options, str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_snapshot_fails_until_written_on_purpose(tmp_path: Path) -> None:
    folder = tmp_path / "suite"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "conftest.py", folder / "conftest.py")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    written = folder / "snapshots" / "greeting.txt"

    missing = run_pytest(folder, "Goedemorgen\n")
    assert missing.returncode == 1, missing.stdout + missing.stderr
    assert "snapshot greeting.txt is missing" in missing.stdout
    assert not written.exists()  # failing does not write it either

    update = run_pytest(folder, "Goedemorgen\n", "--update-snapshots")
    assert update.returncode == 0, update.stdout + update.stderr
    assert written.read_text(encoding="utf-8") == "Goedemorgen\n"

    same = run_pytest(folder, "Goedemorgen\n")
    assert same.returncode == 0, same.stdout + same.stderr

    different = run_pytest(folder, "Goedemiddag\n")
    assert different.returncode == 1, different.stdout + different.stderr
    assert "greeting.txt differs from its snapshot" in different.stdout
    assert written.read_text(encoding="utf-8") == "Goedemorgen\n"
