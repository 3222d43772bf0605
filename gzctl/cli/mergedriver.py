"""The command git runs to merge gzctl.toml: ``python -m gzctl.cli.mergedriver %O %A %B %P``.

Kept out of the typer app so that a merge costs one small import, and registered with the
absolute path of the Python that runs gzctl (gzctl/core/gitmerge.py). Exit 0: merged (real
conflicts are recorded in the file for ``gzctl merge resolve``); exit 1: one side is not a
valid gzctl.toml, git then reports a conflict and leaves our version in place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """argv: ancestor, mine (also the output), other, and optionally the path in the repo."""
    from gzctl.core.errors import GzctlError
    from gzctl.core.mergerun import run_driver

    if len(argv) < 3:
        sys.stderr.write("Fout: gebruik: python -m gzctl.cli.mergedriver BASIS MIJN ANDER [PAD]\n")
        return 2
    where = argv[3] if len(argv) > 3 else "gzctl.toml"
    try:
        conflicts = run_driver(Path(argv[0]), Path(argv[1]), Path(argv[2]))
    except GzctlError as exc:
        sys.stderr.write(f"gzctl kon {where} niet samenvoegen: {exc.message}\n")
        return 1
    except Exception as exc:  # never a traceback in the middle of a git pull
        if os.environ.get("GZCTL_DEBUG"):
            raise
        sys.stderr.write(f"gzctl kon {where} niet samenvoegen (onverwachte fout: {exc}).\n")
        return 1
    if conflicts:
        sys.stderr.write(
            f"gzctl: {where} samengevoegd; {len(conflicts)} wijziging(en) zijn aan beide kanten "
            "anders gedaan. Bekijk ze met 'gzctl status' en kies met 'gzctl merge resolve'.\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
