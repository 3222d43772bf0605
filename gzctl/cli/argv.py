"""The global folder option as people type it, read in one place for every route: ``-C MAP``,
``--directory MAP``, ``-CMAP`` and ``--directory=MAP`` (typer declares the same option in
gzctl/cli/app.py). Imports nothing, so the fast routes can use it before anything loads."""

from __future__ import annotations

FLAGS = ("-C", "--directory")


def directory_at(argv: list[str], i: int) -> tuple[int, str | None] | None:
    """When ``argv[i]`` is the folder option: (how many arguments it takes, the folder, or
    None when the value is missing at the end of the line). Otherwise None."""
    arg = argv[i]
    if arg in FLAGS:
        return (2, argv[i + 1]) if i + 1 < len(argv) else (1, None)
    if arg.startswith("--directory="):
        return 1, arg.split("=", 1)[1]
    if arg.startswith("-C") and len(arg) > 2:
        return 1, arg[2:]
    return None


def directory_of(argv: list[str]) -> str | None:
    """The folder the folder option names anywhere in ``argv`` (the last one given), or None."""
    directory = None
    i = 0
    while i < len(argv):
        found = directory_at(argv, i)
        if found is None:
            i += 1
            continue
        width, value = found
        directory = value if value is not None else directory
        i += width
    return directory


def hoist_directory(argv: list[str]) -> list[str]:
    """`gzctl wizard -C dorp` means `gzctl -C dorp wizard`: people put -C anywhere. Everything
    after ``--`` stays where it is."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--":
            rest += argv[i:]
            break
        found = directory_at(argv, i)
        if found is None or found[1] is None:
            rest.append(argv[i])
            i += 1
            continue
        front += argv[i : i + found[0]]
        i += found[0]
    return front + rest


def leading_directory(argv: list[str]) -> tuple[str | None, int] | None:
    """The folder named by the folder options at the start of ``argv`` and the index of the
    first argument after them; None when an option lacks its value."""
    directory: str | None = None
    i = 0
    while i < len(argv):
        found = directory_at(argv, i)
        if found is None:
            break
        width, value = found
        if value is None:
            return None
        directory = value
        i += width
    return directory, i
