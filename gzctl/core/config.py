"""Settings behind `gzctl config`: an advisor's own defaults, and per-project settings.

Two places, by who the setting belongs to:

* the user config file (``config.toml`` in platformdirs' user config folder, e.g.
  ``~/.config/gzctl/config.toml`` on Linux) holds an advisor's defaults: the folders
  ``gzctl portfolio`` looks in and after how many days a village counts as stalled. The
  environment overrides where it lives: ``GZCTL_CONFIG`` names the file itself,
  ``GZCTL_CONFIG_HOME`` the folder (tests point these at a temporary folder);
* the project's gzctl.toml (``[settings]``) holds what belongs to one village and travels
  with it through git: ``git.autocommit``.

The caller passes the environment in (``environ``), so everything but the file reading and
writing is a plain function.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gzctl.core.errors import NotFound, StateError, UsageProblem, did_you_mean
from gzctl.core.records import FrozenRecord as _FrozenRecord
from gzctl.core.records import frozen_record as _frozen_record

APP_NAME = "gzctl"
FILE_NAME = "config.toml"
ENV_FILE = "GZCTL_CONFIG"
ENV_HOME = "GZCTL_CONFIG_HOME"

DEFAULT_STALLED_DAYS = 30


@_frozen_record
class Key(_FrozenRecord):
    """One setting: its type, where it is kept (the user's file or gzctl.toml) and its
    Dutch help, so ``gzctl config --list`` and the checks read one table."""
    name: str
    kind: str  # "paths", "repos" (git addresses or paths), "int", "bool" or "url"
    scope: str  # "user" (the advisor's config file) or "project" (gzctl.toml)
    default: Any
    help: str


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key(
            "portfolio.roots",
            "paths",
            "user",
            [],
            "Mappen waarin gzctl portfolio zoekt als je er geen noemt.",
        ),
        Key(
            "portfolio.stalled_days",
            "int",
            "user",
            DEFAULT_STALLED_DAYS,
            "Na zoveel dagen zonder activiteit heet een dorp stilgevallen.",
        ),
        Key(
            "sync.repos",
            "repos",
            "user",
            [],
            "De git-adressen of paden van de dorpen die gzctl sync ophaalt.",
        ),
        Key(
            "sync.dir",
            "paths",
            "user",
            [],
            "De map waarin gzctl sync de dorpen zet (standaard de eerste portfolio.roots).",
        ),
        Key(
            "git.autocommit",
            "bool",
            "project",
            False,
            "Maak van elke wijziging in dit project een git-commit.",
        ),
        Key(
            "site.url",
            "url",
            "project",
            "",
            "Het adres waar de website van het netwerk online staat (voor de QR-code op de "
            "poster en de links in het nieuwsoverzicht).",
        ),
    )
}

_TRUE = {"true", "ja", "aan", "1", "yes", "on"}
_FALSE = {"false", "nee", "uit", "0", "no", "off"}


def key(name: str) -> Key:
    """The setting named ``name``; an unknown name is an error with a suggestion."""
    found = KEYS.get(name)
    if found is None:
        raise NotFound(
            f"Onbekende instelling '{name}'."
            + did_you_mean(name, list(KEYS))
            + " Zie: gzctl config --list"
        )
    return found


def coerce(k: Key, raw: list[str], base: Path) -> Any:
    """A value typed on the command line, checked; relative folders are taken from ``base``."""
    if k.kind == "paths":
        if not raw:
            raise UsageProblem(f"{k.name} verwacht een of meer mappen.")
        return [str((base / Path(r).expanduser()).resolve()) for r in raw]
    if k.kind == "repos":
        if not raw:
            raise UsageProblem(f"{k.name} verwacht een of meer git-adressen of mappen.")
        return [r if _is_address(r) else str((base / Path(r).expanduser()).resolve()) for r in raw]
    if len(raw) != 1:
        raise UsageProblem(f"{k.name} verwacht precies één waarde, niet {len(raw)}.")
    text = raw[0].strip()
    if k.kind == "url":
        return check_url(k.name, text)
    if k.kind == "int":
        try:
            value = int(text)
        except ValueError:
            raise UsageProblem(f"{k.name} verwacht een geheel getal, niet '{text}'.") from None
        if value < 1:
            raise UsageProblem(f"{k.name} verwacht een getal van 1 of meer, niet {value}.")
        return value
    low = text.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise UsageProblem(f"{k.name} verwacht true of false (of ja/nee, aan/uit), niet '{text}'.")


def check_url(name: str, text: str) -> str:
    """An http(s) address as typed ('ooltwijksamen.nl' gets https://); empty clears it.
    Raises UsageProblem for anything that is not a web address."""
    import re

    if not text:
        return ""
    if not re.match(r"^https?://", text, re.IGNORECASE):
        text = "https://" + text
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s\"'<>]*)?", text):
        raise UsageProblem(
            f"{name} verwacht een webadres, zoals https://ooltwijksamen.nl, niet '{text}'."
        )
    return text


def _is_address(text: str) -> bool:
    """A git URL (scheme://...) or scp-like address (user@host:path), not a local path."""
    import re

    return "://" in text or re.match(r"^[\w.-]+@[\w.-]+:", text) is not None


def format_value(value: Any) -> str:
    """A value as ``gzctl config`` prints it (and as it is typed back)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _check(k: Key, value: Any) -> bool:
    if k.kind in ("paths", "repos"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if k.kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 1
    if k.kind == "url":
        return isinstance(value, str)
    return isinstance(value, bool)


# --------------------------------------------------------------------------- the file


def config_path(environ: Mapping[str, str]) -> Path:
    """GZCTL_CONFIG (a file), else GZCTL_CONFIG_HOME/config.toml, else the platform's folder."""
    explicit = environ.get(ENV_FILE)
    if explicit:
        return Path(explicit).expanduser()
    home = environ.get(ENV_HOME)
    if home:
        return Path(home).expanduser() / FILE_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def cache_dir(environ: Mapping[str, str]) -> Path:
    """GZCTL_CACHE_HOME, else the platform's user cache folder (e.g. ~/.cache/gzctl)."""
    from gzctl.core.runtime import cache_home

    return cache_home(environ)


def read_user(path: Path) -> dict[str, Any]:
    """The user config as {dotted key: value}; a missing file is an empty config."""
    from gzctl.core.encoding import Undecodable, read_text

    try:
        text = read_text(path)  # also as Notepad saves it: BOM, UTF-16, Windows-1252
    except FileNotFoundError:
        return {}
    except (OSError, Undecodable) as exc:
        raise StateError(f"Kan het instellingenbestand {path} niet lezen ({exc}).") from exc
    from gzctl.core.tomlfile import TomlError, flatten, loads

    try:
        data = flatten(loads(text))
    except TomlError as exc:
        raise StateError(
            f"Het instellingenbestand {path} is geen geldige TOML ({exc.dutch}). "
            "Herstel of verwijder het."
        ) from exc
    for name, value in data.items():
        k = KEYS.get(name)
        if k is None or k.scope != "user":
            raise StateError(
                f"{path}: onbekende instelling '{name}'."
                + did_you_mean(name, [n for n, x in KEYS.items() if x.scope == "user"])
            )
        if not _check(k, value):
            raise StateError(
                f"{path}: '{name}' heeft een ongeldige waarde ({format_value(value)})."
            )
    return data


def write_user(path: Path, values: Mapping[str, Any]) -> None:
    """Write the user's settings file through the safe writer, with a Dutch header line."""
    import tomli_w

    from gzctl.core import safefs
    from gzctl.core.tomlfile import unflatten

    header = "# Instellingen van gzctl voor jou als gebruiker (gzctl config --list).\n"
    safefs.write_text(path, header + tomli_w.dumps(unflatten(dict(values))), make_dirs=True)


def user_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """Every user key with its value: from the file, else the default."""
    stored = read_user(config_path(environ))
    return {name: stored.get(name, k.default) for name, k in KEYS.items() if k.scope == "user"}


# --------------------------------------------------------------------------- project keys


def project_value(project: Any, name: str) -> Any:
    """A per-project setting, read from the project's ``[settings]``."""
    if name == "git.autocommit":
        return project.settings.git.autocommit
    if name == "site.url":
        return project.settings.site.url
    raise NotFound(f"Onbekende projectinstelling '{name}'.")


def set_project_value(project: Any, name: str, value: Any) -> None:
    """Change a per-project setting in the project's ``[settings]``."""
    if name == "git.autocommit":
        project.settings.git.autocommit = bool(value)
        return
    if name == "site.url":
        project.settings.site.url = str(value)
        return
    raise NotFound(f"Onbekende projectinstelling '{name}'.")
