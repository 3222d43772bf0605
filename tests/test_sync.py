"""gzctl sync against bare repositories served by `git daemon` on loopback and by file://."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from pathlib import Path

import pytest

from gzctl.advisors import sync as core

ANSWERS = """\
[village]
name = "{name}"
municipality = "West Betuwe"
province = "Gelderland"
inhabitants = 5000

[[initiators]]
name = "Petra de Vries"
"""


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def has_daemon() -> bool:
    try:
        return subprocess.run(["git", "daemon", "-h"], capture_output=True).returncode in (0, 129)
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def forge(tmp_path: Path, gz):
    """Bare repositories of two villages under forge/, with a working clone of each in work/."""
    served = tmp_path / "forge"
    served.mkdir()
    work = tmp_path / "work"
    for name in ("beesd", "asperen"):
        folder = work / name
        git(tmp_path, "init", "--quiet", "-b", "main", str(folder))
        git(folder, "config", "user.name", "advisor")
        git(folder, "config", "user.email", "advisor@example.nl")
        answers = tmp_path / f"{name}.toml"
        answers.write_text(ANSWERS.format(name=name.title()), encoding="utf-8")
        assert gz("init", str(folder), "--answers", str(answers)).code == 0
        git(folder, "add", "-A")
        git(folder, "commit", "--quiet", "-m", "start")
        git(tmp_path, "clone", "--quiet", "--bare", str(folder), str(served / f"{name}.git"))
        git(folder, "remote", "add", "origin", str(served / f"{name}.git"))
        git(folder, "fetch", "--quiet", "origin")
        git(folder, "branch", "--quiet", "-u", "origin/main")
    return served, work


@pytest.fixture
def daemon(forge):
    """`git daemon` serving forge/ on 127.0.0.1, for the length of the test."""
    if not has_daemon():
        pytest.skip("git daemon is not available")
    served, _ = forge
    port = free_port()
    proc = subprocess.Popen(
        [
            "git",
            "daemon",
            "--reuseaddr",
            "--export-all",
            "--listen=127.0.0.1",
            f"--port={port}",
            f"--base-path={served}",
            str(served),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:  # pragma: no cover
        proc.terminate()
        pytest.skip("git daemon did not start")
    yield f"git://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def tick(gz, folder: Path, item: str) -> None:
    assert gz("-C", str(folder), "done", item).code == 0
    git(folder, "commit", "--quiet", "-am", f"tick {item}")
    git(folder, "push", "--quiet", "origin", "main")


def test_sync_clones_then_fast_forwards_over_git_daemon(daemon, forge, gz, tmp_path) -> None:
    served, work = forge
    closed = free_port()
    sources = [
        f"{daemon}/beesd.git",
        (served / "asperen.git").as_uri(),  # file://
        f"{daemon}/bestaat-niet.git",
        f"git://127.0.0.1:{closed}/dicht.git",
    ]
    assert gz("config", "sync.repos", *sources).code == 0
    assert gz("config", "sync.dir", str(tmp_path / "dorpen")).code == 0

    first = gz("sync", "--json")
    assert first.code == 1  # two villages unreachable
    rows = {r["name"]: r for r in json.loads(first.out)}
    assert rows["beesd"]["state"] == "nieuw" and rows["beesd"]["commits"] == 1
    assert rows["asperen"]["state"] == "nieuw"
    assert rows["bestaat-niet"]["state"] == "onbereikbaar"
    assert rows["dicht"]["state"] == "onbereikbaar"
    assert (tmp_path / "dorpen" / "beesd" / "gzctl.toml").is_file()
    driver = git(tmp_path / "dorpen" / "beesd", "config", "--get", "merge.gzctl.driver")
    assert "mergedriver" in driver.stdout  # the advisor's clone merges semantically too

    tick(gz, work / "beesd", "verkennen.medestarter")
    tick(gz, work / "beesd", "verkennen.dorpsgegevens")
    second = gz("sync", f"{daemon}/beesd.git", (served / "asperen.git").as_uri())
    assert second.code == 0, second.err
    lines = second.out.splitlines()
    assert any(ln.startswith("beesd") and "bijgewerkt" in ln and "2 nieuwe" in ln for ln in lines)
    assert any(ln.startswith("asperen") and "actueel" in ln for ln in lines)
    assert "2 dorp(en)" in second.err
    state = (tmp_path / "dorpen" / "beesd" / "gzctl.toml").read_text(encoding="utf-8")
    assert "verkennen.dorpsgegevens" in state


def test_sync_never_touches_a_village_it_cannot_fast_forward(daemon, forge, gz, tmp_path):
    served, work = forge
    target = tmp_path / "dorpen"
    sources = [f"{daemon}/beesd.git", f"{daemon}/asperen.git"]
    assert gz("sync", "--dir", str(target), *sources).code == 0
    # asperen: the advisor committed locally and the village moved on: diverged
    local = target / "asperen"
    git(local, "config", "user.name", "advisor")
    git(local, "config", "user.email", "advisor@example.nl")
    assert gz("-C", str(local), "done", "verkennen.eerderonderzoek").code == 0
    git(local, "commit", "--quiet", "-am", "advisor")
    tick(gz, work / "asperen", "verkennen.medestarter")
    # beesd: an uncommitted edit of gzctl.toml and a new upstream commit: local changes
    mine = target / "beesd"
    assert gz("-C", str(mine), "done", "verkennen.eerderonderzoek").code == 0
    edited = (mine / "gzctl.toml").read_text(encoding="utf-8")
    head = git(mine, "rev-parse", "HEAD").stdout
    tick(gz, work / "beesd", "verkennen.medestarter")

    result = gz("sync", "--dir", str(target), "--json", *sources)
    assert result.code == 1
    rows = {r["name"]: r for r in json.loads(result.out)}
    assert rows["asperen"]["state"] == "uiteengelopen"
    assert rows["beesd"]["state"] == "lokale-wijzigingen"
    assert (mine / "gzctl.toml").read_text(encoding="utf-8") == edited
    assert git(mine, "rev-parse", "HEAD").stdout == head


def test_sync_then_portfolio_in_one_command(forge, gz, tmp_path) -> None:
    served, _ = forge
    sources = [(served / "beesd.git").as_uri(), (served / "asperen.git").as_uri()]
    result = gz("sync", "--dir", str(tmp_path / "dorpen"), "--portfolio", *sources)
    assert result.code == 0, result.err
    assert "Beesd" in result.out and "Asperen" in result.out


def test_sync_without_sources_says_how(gz) -> None:
    result = gz("sync")
    assert result.code == 2 and "gzctl config sync.repos" in result.err


def test_folder_names() -> None:
    assert core.folder_name("git@example.nl:stichting/beesd.git") == "beesd"
    assert core.folder_name("https://example.nl/x/asperen/") == "asperen"
    names = [n for n, _, _ in core.plan(["a/beesd.git", "b/beesd.git", "a/beesd.git"], Path("."))]
    assert names == ["beesd", "beesd-2"]


def test_sync_exits_the_same_with_and_without_json(forge, gz, tmp_path) -> None:
    """The exit code follows the villages, never the output format (README: Afsluitcodes)."""
    served, _ = forge
    target = tmp_path / "dorpen"
    (target / "vreemd").mkdir(parents=True)  # a folder that is no clone: skipped, a problem
    good = [(served / "beesd.git").as_uri()]
    cases = {
        "ok": good,
        "unreachable": [*good, str(tmp_path / "bestaat-niet.git")],
        "not a clone": [*good, str(tmp_path / "vreemd")],
        "empty source": [""],
    }
    for label, sources in cases.items():
        for extra in ((), ("--portfolio",)):
            plain = gz("sync", "--dir", str(target), *extra, *sources)
            as_json = gz("sync", "--dir", str(target), "--json", *extra, *sources)
            assert plain.code == as_json.code, (label, extra, plain.err, as_json.err)
            assert "Traceback" not in plain.err + as_json.err
            assert plain.code == (0 if label == "ok" else 1), (label, plain.code, plain.err)
