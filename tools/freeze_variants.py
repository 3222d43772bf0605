"""Write tests/fixtures/full-variants/ anew: the Dutch base files as they are now, and each
Flemish difference file resolved against them as one full TOML file.

Run it after a deliberate change to a Dutch base file or a Flemish difference file, and read
the diff of the fixtures: tests/test_variant.py then checks that the difference files keep
giving exactly these full files.

    .venv/bin/python tools/freeze_variants.py
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzctl.core import variant  # noqa: E402

FULL = ROOT / "tests" / "fixtures" / "full-variants"
VARIANTS = {
    "zorgzame-buurt": "gemeenschapszorg",
    "organisatietypen-vlaanderen": "organisatietypen",
    "platforms-vlaanderen": "platforms",
}


def main() -> None:
    """Copy the bases and write each resolved variant."""
    for name, base in VARIANTS.items():
        shutil.copy(ROOT / "playbooks" / f"{base}.toml", FULL / f"{base}.toml")
        path = ROOT / "playbooks" / f"{name}.toml"
        text = path.read_text(encoding="utf-8")
        data = variant.resolve(path, text, tomllib.loads(text))[0]
        data.pop("extends", None)
        header = f"# {name}.toml resolved against {base}.toml (tools/freeze_variants.py)\n\n"
        (FULL / f"{name}.toml").write_text(header + tomli_w.dumps(data), encoding="utf-8")
        print(f"{name}.toml")


if __name__ == "__main__":
    main()
