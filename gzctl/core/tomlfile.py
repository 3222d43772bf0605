"""TOML text in, plain data out: the fast reader every command shares, and the dotted-key
shape of settings (``{"a.b": 1}`` <-> ``{"a": {"b": 1}}``).

Imports nothing of gzctl, so the user config and the portfolio can read TOML without the
model."""

from __future__ import annotations

from typing import Any


def loads(text: str) -> dict[str, Any]:
    """Parse TOML text. Raises ``tomllib.TOMLDecodeError`` (a ValueError) when it is not TOML.

    tomli, compiled with mypyc, is the stdlib's tomllib (the same parser, the same
    results) at twice the speed: ~4 ms instead of ~8 ms for the demo village, on every
    command that opens a project. A text tomli refuses is read again by tomllib, so the
    error (and its Dutch translation, gzctl/core/store.py) is the stdlib's. Without tomli:
    tomllib."""
    try:
        import tomli
    except ImportError:  # pragma: no cover - tomli is a dependency
        pass
    else:
        try:
            return tomli.loads(text)
        except tomli.TOMLDecodeError:
            pass
    import tomllib

    return tomllib.loads(text)


def unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """{"a.b": 1} -> {"a": {"b": 1}}; keys sorted for a stable file."""
    out: dict[str, Any] = {}
    for key in sorted(flat):
        parts = key.split(".")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = flat[key]
    return out


def flatten(nested: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The inverse of :func:`unflatten`. A list stays a value (groups are lists of tables)."""
    out: dict[str, Any] = {}
    for key, value in nested.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            out.update(flatten(value, path))
        else:
            out[path] = value
    return out
