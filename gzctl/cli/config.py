"""gzctl config: read and change settings (the advisor's defaults, and per-project ones)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from gzctl.cli import common
from gzctl.cli.common import JsonFlag
from gzctl.core import config as core
from gzctl.core.errors import UsageProblem


def _project_settings(ctx: common.Context) -> dict[str, Any] | None:
    """The project keys of the project we are in, or None outside a project."""
    from gzctl.core import store
    from gzctl.core.errors import NotFound
    from gzctl.network import session

    try:
        folder = session.project_folder(common.directory(ctx))
    except NotFound:
        return None

    project = store.load(folder)
    return {
        name: core.project_value(project, name)
        for name, k in core.KEYS.items()
        if k.scope == "project"
    }


def config(
    ctx: common.Context,
    name: Annotated[
        str | None, common.Argument(metavar="SLEUTEL", help="De instelling, bijv. git.autocommit.")
    ] = None,
    values: Annotated[
        list[str] | None,
        common.Argument(metavar="[WAARDE]...", help="De nieuwe waarde; zonder: toon de huidige."),
    ] = None,
    list_: Annotated[
        bool, common.Option("--list", "--lijst", help="Toon alle instellingen met hun waarde.")
    ] = False,
    unset: Annotated[
        bool,
        common.Option("--unset", "--wis", help="Zet de instelling terug op de standaardwaarde."),
    ] = False,
    json: JsonFlag = False,
) -> None:
    """`gzctl config`: prints, sets or unsets a setting."""
    values = values or []
    path = core.config_path(os.environ)
    if list_ or name is None:
        if name is not None or values:
            raise UsageProblem("--list neemt geen sleutel of waarde; gebruik: gzctl config --list")
        _show_all(ctx, path, json)
        return
    k = core.key(name)
    if unset and values:
        raise UsageProblem(f"Geef een waarde óf --unset, niet allebei ({name}).")
    if not values and not unset:
        if k.scope == "user":
            value = core.user_settings(os.environ)[name]
        else:
            opened = common.open_project(ctx)
            value = core.project_value(opened.project, name)
        if json:
            common.print_json({name: value})
        else:
            common.say(core.format_value(value))
        return
    new = k.default if unset else core.coerce(k, values, Path.cwd())
    if k.scope == "user":
        stored = core.read_user(path)
        if unset:
            stored.pop(name, None)
        else:
            stored[name] = new
        core.write_user(path, stored)
        common.note(f"{name} = {core.format_value(new)}  (in {path})")
    else:
        from gzctl.core import runtime
        from gzctl.ops.settings import set_project_setting

        opened = common.open_project(ctx)
        set_project_setting(opened, name, new, who=runtime.who(), now=runtime.now())
        common.note(f"{name} = {core.format_value(new)}  (in {common.shown(opened.folder)})")
    if json:
        common.print_json({name: new})


def _show_all(ctx: common.Context, path: Path, as_json: bool) -> None:
    user = core.user_settings(os.environ)
    project = _project_settings(ctx)
    if as_json:
        common.print_json({"file": str(path), "user": user, "project": project})
        return
    common.say(f"Jouw instellingen ({path}):")
    for key_name, value in user.items():
        common.say(f"  {key_name} = {core.format_value(value)}")
    if project is not None:
        common.say("Instellingen van dit project (gzctl.toml):")
        for key_name, value in project.items():
            common.say(f"  {key_name} = {core.format_value(value)}")
    else:
        common.say("(Niet in een project: projectinstellingen zoals git.autocommit staan in het")
        common.say(" gzctl.toml van elk dorp; gebruik -C MAP.)")


COMMANDS = {"config": config}
