"""One table, two routes: every everyday command (gzctl/cli/commands.py) gives the same output,
exit code and saved state whether the fast route in gzctl/__main__.py answers it or the typer
app built from the same table does, for every way of writing each of its options; the table's
parser reads what typer reads, says in Dutch what does not fit, and leaves only help to
typer."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from gzctl.cli import commands
from gzctl.cli.commands import EVERYDAY, NotSure, Usage, parse

# a value typer and the command accept, per option (by command path and parameter name)
VALUES = {
    (("log",), "n"): "3",
    (("done",), "note"): "Gesprek op 3 maart",
    (("org", "list"), "sector"): "zorg",
    (("org", "list"), "type_"): "huisarts",
    (("org", "list"), "status"): "aangesloten",
    (("org", "list"), "kind"): "vrijwilligers",
    (("activity", "list"), "wanneer"): "komend",
    (("activity", "list"), "platform"): "beweegweek",
}


def variants(command: commands.Command, item: str) -> list[list[str]]:
    """Command lines for this command: bare, and each option in each of its spellings
    (``--x v``, ``--x=v``, ``-xv``), arguments before and after the options."""
    path = list(command.path)
    arguments = [item for p in command.params if p.kind == "argument"]
    lines = [[*path, *arguments]]
    for p in command.params:
        for decl in p.decls:
            if p.kind == "flag":
                lines.append([*path, decl, *arguments])
                continue
            value = VALUES[(command.path, p.name)]
            lines.append([*path, *arguments, decl, value])
            if decl.startswith("--"):
                lines.append([*path, f"{decl}={value}", *arguments])
            else:
                lines.append([*path, f"{decl}{value}", *arguments])
    return lines


def run_route(
    route: str,
    argv: list[str],
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
):
    """(exit code, stdout, stderr) of ``gzctl -C folder ARGV`` through one route: the entry
    point with typer forbidden, or the typer app itself."""
    import gzctl.__main__ as entry
    from gzctl.cli.app import main

    def no_typer(argv: list[str]) -> int:
        raise AssertionError(f"the fast route left {argv} to typer")

    capsys.readouterr()
    code: int | None
    try:
        if route == "fast":
            with monkeypatch.context() as m:
                m.setattr(entry, "_typer", no_typer)
                m.setattr(sys, "argv", ["gzctl", "-C", str(folder), *argv])
                entry.run()
        else:
            main(["-C", str(folder), *argv])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    return code, out.replace(str(folder), "MAP"), err.replace(str(folder), "MAP")


def cases() -> list[tuple[commands.Command, int]]:
    out = []
    for command in EVERYDAY:
        count = len(variants(command, "x"))
        out += [(command, n) for n in range(count)]
    return out


@pytest.mark.parametrize(
    ("command", "n"), cases(), ids=lambda v: "-".join(v.path) if hasattr(v, "path") else str(v)
)
def test_both_routes_print_the_same(
    command: commands.Command,
    n: int,
    demo: Path,
    tmp_path: Path,
    gz,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast_dir, typer_dir = tmp_path / "fast", tmp_path / "typer"
    shutil.copytree(demo, fast_dir)
    shutil.copytree(demo, typer_dir)
    item = gz("-C", str(demo), "next", "--json").out.split('"id": "')[1].split('"')[0]
    if command.path == ("undo",):  # undo needs a ticked item: tick it in both copies
        for folder in (fast_dir, typer_dir):
            assert gz("-C", str(folder), "done", item).code == 0
    argv = variants(command, item)[n]
    fast = run_route("fast", argv, fast_dir, capsys, monkeypatch)
    slow = run_route("typer", argv, typer_dir, capsys, monkeypatch)
    assert fast == slow, f"gzctl {' '.join(argv)}: fast {fast} != typer {slow}"
    assert fast[0] == 0, fast
    state = [(f / "gzctl.toml").read_text(encoding="utf-8") for f in (fast_dir, typer_dir)]
    assert state[0] == state[1]


@pytest.mark.parametrize(
    "argv",
    [
        ["org", "list", "--status", "onzin"],
        ["log", "-n", "x"],
        ["undo", "bestaat.niet"],
        ["done", "verkennen.onbekend"],
        ["activity", "list", "--wanneer", "morgen"],
    ],
)
def test_both_routes_refuse_alike(
    argv: list[str],
    demo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = (demo / "gzctl.toml").read_text(encoding="utf-8")
    fast = run_route("fast", argv, demo, capsys, monkeypatch)
    slow = run_route("typer", argv, demo, capsys, monkeypatch)
    assert fast == slow
    assert fast[0] == 2 and fast[2].startswith("Fout: "), fast
    assert (demo / "gzctl.toml").read_text(encoding="utf-8") == before


def test_the_variants_cover_every_option_spelling() -> None:
    """So the comparison above cannot silently skip an option the table declares."""
    for command in EVERYDAY:
        lines = variants(command, "x")
        for p in command.params:
            for decl in p.decls:
                assert any(decl in a or a.startswith(decl) for line in lines for a in line), decl


@pytest.mark.parametrize(
    "argv",
    [["next", "--help"], ["next", "-h"], ["done", "x", "--help"], ["org"], ["org", "-h"],
     ["coordinator", "candidate"], ["--help"]],
)  # fmt: skip
def test_the_fast_parser_leaves_help_to_typer(argv: list[str]) -> None:
    with pytest.raises(NotSure):
        parse(argv)


@pytest.mark.parametrize(
    ("argv", "message", "path"),
    [
        (
            ["next", "--allen"],
            "onbekende optie --allen. Bedoelde je: --all, --alle, --alles?",
            ("next",),
        ),
        (["next", "extra"], "onverwacht extra argument: extra.", ("next",)),
        (["next", "--json=ja"], "optie --json neemt geen waarde.", ("next",)),
        (["done"], "argument ACTIE... ontbreekt.", ("done",)),
        (["done", "a", "--note"], "optie --note heeft een waarde nodig.", ("done",)),
        (["undo"], "argument ACTIE ontbreekt.", ("undo",)),
        (["undo", "a", "b"], "onverwacht extra argument: b.", ("undo",)),
        (["log", "-n"], "optie -n heeft een waarde nodig.", ("log",)),
        (["org", "list", "--sector"], "optie --sector heeft een waarde nodig.", ("org", "list")),
        (["org", "list", "-"], "onverwacht extra argument: -.", ("org", "list")),
        (["org", "lyst"], "onbekende opdracht 'lyst'. Bedoelde je: list, lijst?", ("org",)),
        (["statsu"], "onbekende opdracht 'statsu'. Bedoelde je: status?", ()),
        (["place", "show"], "argument ID ontbreekt.", ("place", "show")),
        (["portfolio", "--depth", "x"],
         "ongeldige waarde voor '--depth' / '--diepte': 'x' is geen geheel getal.",
         ("portfolio",)),
        (["portfolio", "--depth", "-1"],
         "ongeldige waarde voor '--depth' / '--diepte': minstens 0.", ("portfolio",)),
        (["sync", "-j", "65"], "ongeldige waarde voor '--jobs' / '-j': hoogstens 64.", ("sync",)),
        (["coordinator", "candidate", "add"], "argument NAAM ontbreekt.",
         ("coordinator", "candidate", "add")),
    ],
)  # fmt: skip
def test_the_fast_parser_says_what_does_not_fit(
    argv: list[str], message: str, path: tuple[str, ...]
) -> None:
    with pytest.raises(Usage) as caught:
        parse(argv)
    assert (caught.value.message, caught.value.path) == (message, path)


def test_the_fast_parser_reads_what_typer_reads() -> None:
    path, _, values = parse(["done", "a", "--notitie=x", "b", "--", "--c"])
    assert path == ("done",)
    assert values == {"ids": ["a", "b", "--c"], "note": "x"}
    _, _, values = parse(["log", "-n5", "--json", "-n", "7"])
    assert values == {"n": "7", "json": True}  # the last one wins, as in click
    _, _, values = parse(["org", "list", "--kind", "-x"])
    assert values["kind"] == "-x"  # an option's value may start with a dash
    _, _, values = parse(["coordinator", "candidate", "add", "X", "--woont-elders"])
    assert values["woont"] is False and values["name"] == "X"
    _, _, values = parse(["portfolio", "a", "b", "--diepte", "2", "--html", "x.html"])
    assert values["roots"] == ["a", "b"] and values["depth"] == 2
    assert values["html"] == Path("x.html") and values["stalled_days"] is None


def test_every_command_in_the_table_is_one_typer_has() -> None:
    """The typer app is built from the table: the same commands, options and defaults."""
    import typer

    from gzctl.cli import app as app_module
    from gzctl.cli.commands import TOP, Leaf, Room, room

    root = typer.main.get_command(app_module.build_app())
    assert sorted(root.commands) == sorted(TOP)  # type: ignore[attr-defined]

    def walk(node: Leaf | Room, click: object, path: tuple[str, ...]) -> int:
        if isinstance(node, Room):
            subs = click.commands  # type: ignore[attr-defined]
            assert sorted(subs) == sorted(node.commands), path
            return sum(walk(n, subs[k], (*path, k)) for k, n in node.commands.items())
        params = {p.name: p for p in click.params}  # type: ignore[attr-defined]
        for p in node.params():
            assert p.name in params, (path, p.name)
            assert tuple(params[p.name].opts) == (p.decls or (p.name,)), (path, p.name)
            assert params[p.name].default == p.default, (path, p.name)
        assert len(params) == len(node.params()), path
        return 1

    count = 0
    for name, top in TOP.items():
        click = root.commands[name]  # type: ignore[attr-defined]
        if top.group:
            count += walk(room(name).app, click, (name,))
        elif (name,) in commands.BY_PATH:
            count += walk(Leaf(None, {}, commands.BY_PATH[(name,)]), click, (name,))
        else:
            count += walk(Leaf(room(name).COMMANDS[name], {}), click, (name,))
    assert count > 60


def test_usage_errors_are_dutch(gz, demo: Path) -> None:
    r = gz("-C", str(demo), "next", "--allen")
    assert r.code == 2
    assert "onbekende optie --allen" in r.err


def test_the_fast_route_does_not_load_typer(demo: Path) -> None:
    import subprocess

    code = (
        "import sys; from gzctl.__main__ import fast_path; "
        f"fast_path(['-C', {str(demo)!r}, 'next']); "
        "print('typer' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "False"
