"""SHA-256 from the interpreter's own C module, without loading OpenSSL.

``hashlib.sha256`` comes from OpenSSL (``_hashlib``), which takes about 2.5 ms to load in
every command that hashes something (``docs list``, ``docs build``, ``site build``); the
built-in module gives the same digest. hashlib only when the interpreter lacks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


def _constructor() -> Any:
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:  # an interpreter built without them
            from hashlib import sha256
    return sha256


if TYPE_CHECKING:
    from hashlib import sha256 as sha256
else:
    sha256 = _constructor()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex, as ``hashlib.sha256(data).hexdigest()``."""
    return sha256(data).hexdigest()
