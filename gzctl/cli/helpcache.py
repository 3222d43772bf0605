"""A command's ``--help``, kept as typer printed it, for the next time it is asked.

Typer (with click, rich and pydantic) renders a command's help in about twenty times the
interpreter's start-up; the text it prints depends only on the command line, the terminal
and the environment, and on gzctl itself. So the first time a help is asked typer prints it
while the text is recorded (the stream is only listened to: typer sees the real terminal,
colours and width included), and the text is kept in the user cache folder under a digest
of everything it can depend on: gzctl's version and the modification times of its modules
(the command table, its texts, the vocabulary they quote), the command line, the working
folder, the environment (``COLUMNS``, ``NO_COLOR``, ``TERM`` ...), whether stdout is a
terminal and its size. The
next identical request prints the kept text without loading typer: the same bytes, by
construction. Only a help that typer ended with exit code 0 and that wrote nothing to
stderr is kept; the cache is best effort (a folder that cannot be written costs only time).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# environment variables that say nothing about how a help looks, and change between runs
_VOLATILE = {"_", "OLDPWD", "PWD", "SHLVL"}


def _key(argv: list[str]) -> str | None:
    try:
        from _blake2 import blake2b

        from gzctl import __version__

        stamps = _stamps(Path(__file__).resolve().parent.parent)
        out = sys.stdout
        tty = bool(out is not None and out.isatty())
        size = tuple(os.get_terminal_size(out.fileno())) if tty else ()
        env = sorted((k, v) for k, v in os.environ.items() if k not in _VOLATILE)
        parts = (__version__, sys.version, stamps, argv, os.getcwd(), env, tty, size)
        return str(blake2b(repr(parts).encode("utf-8", "surrogatepass")).hexdigest())
    except Exception:
        return None


def _stamps(package: Path) -> list[tuple[str, int]]:
    """Name and modification time of every module of gzctl (a help may quote any of them:
    the table, its texts, the vocabulary); about a millisecond."""
    found: list[tuple[str, int]] = []
    folders = [package]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for e in entries:
                if e.name.endswith(".py"):
                    found.append((e.path, e.stat().st_mtime_ns))
                elif e.is_dir() and not e.name.startswith((".", "__")):
                    folders.append(Path(e.path))
    return sorted(found)


def _folder() -> Path:
    from gzctl.core.runtime import cache_home

    return cache_home() / "help"


class _Listener:
    """A stream that writes through to ``stream`` and remembers what went through."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.parts: list[str] = []
        self.other = False  # bytes went through: not kept (replayed as text they might differ)

    def write(self, text: Any) -> int:
        if isinstance(text, str):
            self.parts.append(text)
        elif text:
            self.other = True
        return int(self._stream.write(text) or 0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def shown_before(argv: list[str]) -> bool:
    """Print the kept help for exactly ``argv`` if there is one — rendered with gzctl for the
    usual screens (gzctl/cli/helpbook.py), or kept here the last time typer printed it —;
    whether it did. Only a command line that typer answered with a help has an entry, so
    this may be asked before the command line is parsed (a ``--help`` that is an option's
    value never got one)."""
    from gzctl.cli.helpbook import shown

    if shown(argv):
        return True
    key = _key(argv)
    if key is None:
        return False
    try:
        text = (_folder() / f"{key}.txt").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False
    sys.stdout.write(text)
    return True


def show(argv: list[str]) -> int:
    """Print the help ``argv`` asks for (through typer the first time) and return the exit
    code."""
    if shown_before(argv):
        return 0
    key = _key(argv)
    from gzctl.cli.app import run_typer

    if key is None:
        return run_typer(argv)
    out, err = sys.stdout, sys.stderr
    listener, errors = _Listener(out), _Listener(err)
    sys.stdout, sys.stderr = listener, errors
    try:
        code = run_typer(argv)
    finally:
        sys.stdout, sys.stderr = out, err
    if code == 0 and listener.parts and not listener.other and not (errors.parts or errors.other):
        _keep(key, "".join(listener.parts))
    return code


def _keep(key: str, text: str) -> None:
    try:
        from gzctl.core import safefs

        folder = _folder()
        safefs.make_folder(folder)  # the user's cache folder (it may be a link), not below
        safefs.write_text(folder / f"{key}.txt", text, root=folder)
    except Exception:
        return
