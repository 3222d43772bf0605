"""The parsed gzctl.toml remembered between runs, keyed by the file's bytes.

Parsing gzctl.toml (tomllib, the model, every rule of core/checks) is most of what a command
costs once a village is large: with 50,000 organisations it takes seconds, where loading the
parsed project again takes a tenth of that. So after a successful parse the project is kept
in the village itself, in ``.gzctl-cache/state.pickle`` (the folder holds a ``.gitignore``
of ``*``, so git never shares it, and it holds nothing that is not in gzctl.toml already:
personal data stays in the village, and goes when gzctl.toml changes, ``person forget``
included, since every save replaces the entry).

An entry is used only when

- its BLAKE2 digest of gzctl.toml's bytes equals that of the bytes read now (any change of
  any byte, by hand, git or another gzctl, parses again),
- it was written by this gzctl and Python version (a newer gzctl may check more), and
- it carries the right MAC: a keyed BLAKE2 over the entry with a random key kept in the
  user's cache folder (``state.key``, mode 0600). A pickle runs code when loaded; an entry
  that arrived by ``git clone``, a zip or another user cannot carry the key, so it is never
  unpickled.

The cache is best effort: a missing, unreadable, foreign or corrupt entry means a parse; a
folder that cannot be written only costs the time; a symlink at ``.gzctl-cache`` is never
followed (gzctl/core/safefs.py). Garbage collection is off while an entry is unpickled (a
large project is hundreds of thousands of objects, which would trigger it over and over).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gzctl import __version__

if TYPE_CHECKING:
    from gzctl.core.model import Project

FOLDER = ".gzctl-cache"
ENTRY = "state.pickle"
KEY_FILE = "state.key"
_TAG = f"gzctl {__version__} python {sys.version_info[0]}.{sys.version_info[1]}".encode()
_MAC_SIZE = 32


def _blake2b() -> Any:
    try:  # the C module itself: hashlib would load OpenSSL first (~3 ms)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b


def digest(data: bytes) -> bytes:
    """The digest of a gzctl.toml's bytes an entry is keyed by."""
    return bytes(_blake2b()(data, digest_size=32).digest())


_key: bytes | None = None


def _secret() -> bytes | None:
    """The user's MAC key, made on first use; None when the cache folder is unusable."""
    global _key
    if _key is not None:
        return _key
    try:
        from gzctl.core.runtime import cache_home

        home = cache_home()
        path = home / KEY_FILE
        try:
            key = path.read_bytes()
        except FileNotFoundError:
            key = b""
        if len(key) != 32:
            import secrets

            from gzctl.core import safefs

            key = secrets.token_bytes(32)
            home.mkdir(parents=True, exist_ok=True)
            safefs.write_bytes(path, key, root=home, mode=0o600)
        _key = key
    except Exception:
        return None
    return key


def _mac(key: bytes, payload: bytes | memoryview) -> bytes:
    return bytes(_blake2b()(payload, key=key, digest_size=_MAC_SIZE).digest())


def _same(a: bytes, b: bytes) -> bool:
    try:  # hmac.compare_digest without importing hmac (and with it OpenSSL)
        from _operator import _compare_digest as compare
    except ImportError:  # pragma: no cover
        from hmac import compare_digest as compare  # type: ignore[no-redef]
    return bool(compare(a, b))


def get(folder: Path, data: bytes) -> Project | None:
    """The project parsed from ``data`` (gzctl.toml's bytes) when a valid entry for exactly
    these bytes is kept in ``folder``; None otherwise (never raises)."""
    try:
        from gzctl.core import safefs

        raw = safefs.read_bytes(folder / FOLDER / ENTRY, folder)
    except Exception:
        return None
    key = _secret()
    if key is None or len(raw) <= _MAC_SIZE:
        return None
    view = memoryview(raw)
    if not _same(bytes(view[:_MAC_SIZE]), _mac(key, view[_MAC_SIZE:])):
        return None
    head_len = len(_TAG) + 32
    if bytes(view[_MAC_SIZE : _MAC_SIZE + head_len]) != _TAG + digest(data):
        return None
    import gc
    import pickle

    enabled = gc.isenabled()
    gc.disable()
    try:
        project = pickle.loads(view[_MAC_SIZE + head_len :])
    except Exception:
        return None
    finally:
        if enabled:
            gc.enable()
    from gzctl.core.model import Project

    return project if isinstance(project, Project) else None


def _reducers() -> dict[type, Any]:
    """Pickle every dataclass of the model as a call of its class with its field values:
    loading then builds each object through its ``__init__`` (compact attribute storage),
    half the time and three quarters of the memory of pickle's default (a ``__dict__`` per
    object set after creation)."""
    import copyreg
    import dataclasses
    from operator import attrgetter

    from gzctl.core import model

    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for value in vars(model).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            names = [f.name for f in dataclasses.fields(value) if f.init]
            if len(names) != len(dataclasses.fields(value)):
                continue  # a field outside __init__: pickle's default way
            getter = attrgetter(*names)
            if len(names) == 1:
                table[value] = lambda obj, cls=value, get=getter: (cls, (get(obj),))
            else:
                table[value] = lambda obj, cls=value, get=getter: (cls, get(obj))
    return table


def put(folder: Path, data: bytes, project: Project) -> None:
    """Keep ``project``, parsed (and checked) from ``data``, for the next run; written
    atomically through gzctl/core/safefs, any failure ignored."""
    key = _secret()
    if key is None:
        return
    try:
        import io
        import pickle

        from gzctl.core import safefs

        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _reducers()
        pickler.dump(project)
        payload = _TAG + digest(data) + buffer.getvalue()
        cache = folder / FOLDER
        if not (cache / ".gitignore").is_file():
            text = "# gzctl's cache of the parsed gzctl.toml: never shared\n*\n"
            safefs.write_text(cache / ".gitignore", text, root=folder, make_dirs=True)
        safefs.write_bytes(cache / ENTRY, _mac(key, payload) + payload, root=folder)
    except Exception:
        return
