"""The wizard's offer in doen.zichtbaar: make the website and the poster now."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DOWN, ENTER, keyboard
from test_wizard import wizard

from gzctl.core import playbook as pb
from gzctl.wizard import HANDLERS


def test_the_visibility_step_offers_the_site() -> None:
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("doen.zichtbaar")
    assert step is not None and step.handler == "site"
    assert "site" in HANDLERS and "site" in pb.STEP_HANDLERS


def test_yes_builds_the_site(demo: Path) -> None:
    shutil.rmtree(demo / "website")  # gzctl demo made one already
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("doen.zichtbaar")
    assert step is not None
    said: list[str] = []
    with keyboard(ENTER):  # Ja is the default
        HANDLERS["site"](wizard(demo, book, said), step)
    assert (demo / "website" / "index.html").is_file()
    assert (demo / "website" / "poster-a4.html").is_file()
    text = "\n".join(said)
    assert "14 bestanden in website/" in text
    assert "gzctl config site.url" in text


def test_no_leaves_a_hint(demo: Path) -> None:
    shutil.rmtree(demo / "website")
    book = pb.load(pb.DEFAULT_PLAYBOOK)
    step = book.step("doen.zichtbaar")
    assert step is not None
    said: list[str] = []
    with keyboard(DOWN + ENTER):
        HANDLERS["site"](wizard(demo, book, said), step)
    assert not (demo / "website").exists()
    assert any("gzctl site build" in s for s in said)
