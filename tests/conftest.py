"""Shared fixtures: a fixed clock and user, an in-process `gz` runner, ready-made projects,
the snapshot checker and the questionary stand-in."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ANSWERS = """\
[village]
name = "Beesd"
municipality = "West Betuwe"
province = "Gelderland"
inhabitants = 5000

[[initiators]]
name = "Petra de Vries"
email = "petra@example.nl"
"""

NOW = "2026-11-22T12:00:00+01:00"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="write the snapshots in tests/snapshots/ that are missing or differ, instead of "
        "failing (review the diff before committing it)",
    )


class Snapshots:
    """Compares text with a file in the `snapshots/` folder beside the test file.

    A missing or different snapshot fails the test: a snapshot that writes itself when missing
    guards nothing (a renamed file or a new command would pass unseen). Only an explicit
    `pytest --update-snapshots` writes them, so every wording change is a reviewed diff.
    """

    def __init__(self, folder: Path, update: bool) -> None:
        self.folder = folder
        self.update = update

    def __call__(self, name: str, text: str) -> None:
        path = self.folder / name
        if self.update:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(
                f"snapshot {name} is missing in {self.folder}; write it with "
                "`pytest --update-snapshots` and review it",
                pytrace=False,
            )
        expected = path.read_text(encoding="utf-8")
        assert text == expected, (
            f"{name} differs from its snapshot; if the change is deliberate, "
            "run `pytest --update-snapshots` and review the diff"
        )


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshots:
    """`snapshot(name, text)`: check `text` against `snapshots/NAME` beside the test file."""
    update = bool(request.config.getoption("update_snapshots"))
    return Snapshots(request.path.parent / "snapshots", update)


@pytest.fixture(autouse=True)
def fixed_world(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("gzctl-home")  # never the real user config or cache
    monkeypatch.setenv("GZCTL_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("GZCTL_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("GZCTL_CONFIG", raising=False)
    monkeypatch.setenv("GZCTL_NOW", NOW)
    monkeypatch.setenv("GZCTL_USER", "tester")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")  # rich wraps help at this width: stable snapshots
    monkeypatch.delenv("GZCTL_DEBUG", raising=False)
    # a transaction that declares what it touches (core/store.transaction) is held to it
    monkeypatch.setenv("GZCTL_CHECK_TOUCHES", "1")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def gz(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run gzctl in this process as a user would from the shell: exit code, stdout, stderr."""
    from gzctl.__main__ import run

    def call(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["gzctl", *args])
        code = 0
        try:
            run()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "antwoorden.toml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, gz, answers_file: Path) -> Path:
    """A fresh project folder made by `gzctl init DIR --answers FILE`."""
    folder = tmp_path / "beesd"
    result = gz("init", str(folder), "--answers", str(answers_file))
    assert result.code == 0, result.err
    return folder


@pytest.fixture
def demo(tmp_path: Path, gz) -> Path:
    folder = tmp_path / "voorbeelddorp"
    result = gz("demo", str(folder))
    assert result.code == 0, result.err
    return folder


# --------------------------------------------------------------------------- the wizard's stand-ins
#
# Three ways to drive what asks in a terminal, from the real thing to the plainest:
# - `keyboard(keys)`: real questionary and prompt_toolkit, fed keystrokes through a pipe;
# - `prompts`: questionary itself replaced (`questionary.text/select/checkbox/autocomplete`),
#   each prompt answered by a function that may first change the project, as another process
#   would while the prompt is open;
# - `ScriptedAsker`: the wizard's Asker replaced, answers by question id.

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
BACKSPACE = "\x7f"
CTRL_C = "\x03"
ESC_ENTER = "\x1b\r"


@contextmanager
def keyboard(keys: str) -> Iterator[None]:
    """Real prompts read `keys`; when the keys run out a prompt gets EOFError, never waits."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()
        with create_app_session(input=inp, output=DummyOutput()):
            yield


AS_SHOWN: Any = object()  # the answer "press Enter": whatever the prompt offers


@dataclass
class Prompt:
    """One questionary prompt as the stand-in saw it."""

    kind: str  # text, select, checkbox, autocomplete
    message: str  # on one line
    default: Any
    choices: list[Any]
    n: int  # the how-many-th prompt of this test, from 0

    def values(self) -> list[Any]:
        return [getattr(c, "value", c) for c in self.choices]

    def enter(self) -> Any:
        if self.kind == "checkbox":
            return [c.value for c in self.choices if getattr(c, "checked", False)]
        if self.kind == "select":
            if self.default is None:
                return self.values()[0]
            return getattr(self.default, "value", self.default)
        if self.kind == "text" and self.message.startswith("Klopt dit?"):
            # a typed "j/n" summary: Enter alone asks again, so "pressing on" is "j"
            return "j"
        return self.default if self.default is not None else ""


@dataclass
class Prompts:
    """Stands in for questionary: every prompt is answered by ``answer(prompt)`` (AS_SHOWN for
    Enter); a text prompt's validator must accept the answer, as the real prompt would insist."""

    answer: Callable[[Prompt], Any] = lambda p: AS_SHOWN
    asked: list[Prompt] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import questionary

        for kind in ("text", "select", "checkbox", "autocomplete"):
            monkeypatch.setattr(questionary, kind, self._maker(kind))

    def _maker(self, kind: str) -> Callable[..., Any]:
        def make(message: str, choices: Any = None, default: Any = None, **kw: Any) -> Any:
            prompt = Prompt(kind, " ".join(str(message).split()), default, list(choices or []), 0)
            validate = kw.get("validate")

            def unsafe_ask() -> Any:
                prompt.n = len(self.asked)
                self.asked.append(prompt)
                value = self.answer(prompt)
                value = prompt.enter() if value is AS_SHOWN else value
                if validate is not None and kind == "text":
                    verdict = validate(value)
                    assert verdict is True, f"{prompt.message}: {verdict}"
                return value

            # enough of a prompt_toolkit application for keys.add_letter_and_number_keys
            app = SimpleNamespace(layout=SimpleNamespace(find_all_windows=lambda: []))
            return SimpleNamespace(unsafe_ask=unsafe_ask, application=app)

        return make

    def messages(self) -> list[str]:
        return [p.message for p in self.asked]


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    """questionary replaced by a `Prompts`, in a terminal (so commands dare to ask)."""
    p = Prompts()
    p.install(monkeypatch)
    monkeypatch.setattr("gzctl.core.runtime.stdin_is_terminal", lambda: True)
    return p


class ScriptedAsker:
    """Stands in for the wizard's Asker (gzctl.wizard.engine.Asker).

    ``answers[question id]`` is the answer, or a function of what the prompt showed; a question
    without one gets Enter (what was shown, else the question's default). ``meanwhile[question
    id]`` runs while that prompt is open, as another process would. What each prompt showed is
    kept in ``shown``, what the wizard said in ``said``.
    """

    def __init__(
        self,
        answers: dict[str, Any] | None = None,
        meanwhile: dict[str, Callable[[], None]] | None = None,
    ) -> None:
        self.answers = dict(answers or {})
        self.meanwhile = dict(meanwhile or {})
        self.shown: dict[str, Any] = {}
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def ask(self, q: Any, current: Any, position: str = "") -> Any:
        self.shown[q.id] = current
        if q.id in self.meanwhile:
            self.meanwhile[q.id]()
        if q.id not in self.answers:
            return current if current is not None else q.default
        answer = self.answers[q.id]
        return answer(current) if callable(answer) else answer
