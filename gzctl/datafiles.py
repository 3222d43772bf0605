"""Reading the TOML data files gzctl ships (catalogues, criteria), once per change on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import PlaybookError

T = TypeVar("T")


def load_data(
    path: Path,
    parse: Callable[[dict[str, Any]], T],
    memo: dict[tuple[str, float], T],
    use_memo: bool = True,
) -> T:
    """Read ``path``, parse it as TOML and hand it to ``parse`` (which checks it).

    The result is remembered per file and modification time; a file that cannot be read or
    is not TOML is one Dutch PlaybookError naming the file and, for TOML, the line."""
    import tomllib

    try:
        key = (str(path.resolve()), path.stat().st_mtime)
        if use_memo and key in memo:
            return memo[key]
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PlaybookError(f"{path.name} is niet te lezen: {exc.strerror}.") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        from .store import _dutch_toml_error

        raise PlaybookError(f"{path.name}: geen geldige TOML ({_dutch_toml_error(exc)}).") from exc
    result = parse(data)
    if use_memo:  # a result parsed against other inputs must not stand in for the default
        memo[key] = result
    return result
