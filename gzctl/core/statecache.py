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
PIECES = "state-text.pickle"  # the rendered pieces of the text, for the next save
KEY_FILE = "state.key"
_TAG = f"gzctl {__version__} python {sys.version_info[0]}.{sys.version_info[1]}".encode()
_MAC_SIZE = 32


def _blake2b() -> Any:
    try:  # the C module itself: hashlib would load OpenSSL first (~3 ms)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b


_last_digest: tuple[bytes, bytes] | None = None


def digest(data: bytes) -> bytes:
    """The digest of a gzctl.toml's bytes an entry is keyed by (of the same bytes object
    once: opening a project checks two entries against it, 20 MB with 50,000 organisations)."""
    global _last_digest
    if _last_digest is not None and _last_digest[0] is data:
        return _last_digest[1]
    value = bytes(_blake2b()(data, digest_size=32).digest())
    _last_digest = (data, value)
    return value


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
            safefs.make_folder(home)  # the user's cache folder (it may be a link)
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


def read_signed(folder: Path, name: str) -> memoryview | None:
    """What the file ``name`` in the village's cache folder holds behind its MAC, when the
    MAC under the user's key holds (written by :func:`write_signed`); None otherwise (never
    raises). documents/build.py keeps its records this way too."""
    try:
        from gzctl.core import safefs

        raw = safefs.read_bytes(folder / FOLDER / name, folder)
    except Exception:
        return None
    key = _secret()
    if key is None or len(raw) <= _MAC_SIZE:
        return None
    view = memoryview(raw)
    if not _same(bytes(view[:_MAC_SIZE]), _mac(key, view[_MAC_SIZE:])):
        return None
    return view[_MAC_SIZE:]


def write_signed(folder: Path, name: str, payload: bytes | memoryview) -> None:
    """Keep ``payload`` as the file ``name`` in the village's cache folder, behind a MAC
    under the user's key, through gzctl/core/safefs; the folder gets its ``.gitignore`` of
    ``*`` first. Raises what writing raises; does nothing without a usable key."""
    from gzctl.core import safefs

    key = _secret()
    if key is None:
        return
    # MAC and payload written one after the other: a payload of tens of MB is not copied
    safefs.write_bytes(cache_folder(folder) / name, (_mac(key, payload), payload), root=folder)


def cache_folder(folder: Path) -> Path:
    """The village's cache folder, made with its ``.gitignore`` of ``*`` (git never shares
    it) when missing. Raises what writing raises."""
    from gzctl.core import safefs

    cache = folder / FOLDER
    if not (cache / ".gitignore").is_file():
        text = "# gzctl's caches (the parsed gzctl.toml, docs build's records): never shared\n*\n"
        safefs.write_text(cache / ".gitignore", text, root=folder, make_dirs=True)
    return cache


def _payload(folder: Path, name: str, data: bytes) -> memoryview | None:
    """The pickled part of the entry ``name`` when its MAC holds and it was made from
    exactly ``data`` by this gzctl; None otherwise (never raises)."""
    view = read_signed(folder, name)
    if view is None:
        return None
    head_len = len(_TAG) + 32
    if bytes(view[:head_len]) != _TAG + digest(data):
        return None
    return view[head_len:]


def _unpickle(data: bytes | memoryview) -> Any:
    import gc

    try:  # the C module itself: pickle.py would load its Python half too (~1 ms)
        from _pickle import loads
    except ImportError:
        from pickle import loads

    enabled = gc.isenabled()
    gc.disable()
    try:
        return loads(data)
    finally:
        if enabled:
            gc.enable()


Parts = dict[str, bytes]  # a project field's name -> its value, pickled


def _kept(folder: Path, name: str, data: bytes) -> dict[str, Any] | None:
    """The dict the entry ``name`` keeps for exactly ``data``; None otherwise."""
    payload = _payload(folder, name, data)
    if payload is None:
        return None
    try:
        kept = _unpickle(payload)
    except Exception:
        return None
    return kept if isinstance(kept, dict) else None


def get_parts(folder: Path, data: bytes) -> Parts | None:
    """The pickled fields of the project parsed from ``data`` (gzctl.toml's bytes) when a
    valid entry for exactly these bytes is kept in ``folder``; None otherwise."""
    return _kept(folder, ENTRY, data)


def project_of(parts: Parts, only: set[str] | None = None) -> Project | None:
    """The project the pickled fields make (``only``: just these fields, the others left at
    their defaults); None when they do not make one."""
    import gc

    from gzctl.core.model import Project

    enabled = gc.isenabled()
    gc.disable()  # between the fields too: a collection would walk every object made so far
    try:
        fields = {k: _unpickle(v) for k, v in parts.items() if only is None or k in only}
        project = Project(**fields)
    except Exception:
        return None
    finally:
        if enabled:
            gc.enable()
    gc.freeze()  # a project lives as long as the command: later collections pass it by
    return project


def get(folder: Path, data: bytes) -> Project | None:
    """The project parsed from ``data`` (gzctl.toml's bytes) when a valid entry for exactly
    these bytes is kept in ``folder``; None otherwise (never raises)."""
    parts = get_parts(folder, data)
    return None if parts is None else project_of(parts)


def get_pieces(folder: Path, data: bytes) -> Any:
    """The rendered pieces of the text ``data`` (gzctl/core/statetext.py) when kept."""
    return _kept(folder, PIECES, data)


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


def put(
    folder: Path,
    data: bytes,
    project: Project,
    reuse: Parts | None = None,
    pieces: Any = None,
) -> None:
    """Keep ``project``, parsed (and checked) from ``data``, for the next run; ``reuse``:
    fields known to be unchanged, already pickled; ``pieces``: the rendered pieces of
    ``data`` (gzctl/core/statetext.py). Written atomically through gzctl/core/safefs, any
    failure ignored."""
    if _secret() is None:
        return
    try:
        import dataclasses

        from gzctl.core import safefs

        reducers = _reducers()
        parts: Parts = {}
        for f in dataclasses.fields(project):
            if reuse is not None and f.name in reuse:
                parts[f.name] = reuse[f.name]
            else:
                parts[f.name] = _pickled(getattr(project, f.name), reducers)
        head = _TAG + digest(data)
        write_signed(folder, ENTRY, _headed(head, parts))
        del parts
        if pieces is not None:
            write_signed(folder, PIECES, _headed(head, pieces))
        else:  # pieces of an older text: gone, with whatever a forget took out of the state
            safefs.remove(folder / FOLDER / PIECES, root=folder)
    except Exception:
        return


def _headed(head: bytes, value: Any) -> memoryview:
    """``head`` followed by ``value`` pickled, in one buffer (with 50,000 organisations the
    pieces are tens of MB: joining them to the head was one more copy at the import's peak)."""
    import io
    import pickle

    buffer = io.BytesIO()
    buffer.write(head)
    pickle.dump(value, buffer, protocol=pickle.HIGHEST_PROTOCOL)
    return buffer.getbuffer()


def _pickled(value: Any, reducers: dict[type, Any]) -> bytes:
    import io
    import pickle

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = reducers
    pickler.dump(value)
    return buffer.getvalue()
