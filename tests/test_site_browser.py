"""The demo's website in a real browser: headless Chromium driven by Playwright for Python.

At a phone width (375 px) and a desktop width (1280 px), every page: no horizontal
scrolling, every internal link and anchor resolves, keyboard focus is visible, and axe-core
(the copy packaged in axe-playwright-python) finds no serious or critical violation. The
agenda shows the demo's coming activities.

Chromium is the system's (Debian: ``apt-get install chromium``), or one Playwright
installed; without any the tests skip and say so. ``.ci/run`` installs it where it can.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

from tests.test_site import COMING, PAGES

WIDTHS = (375, 1280)  # the phone and desktop widths
READABLE = (320, 375, 1280, 1440)  # no sideways scrolling from the smallest phone up


def chromium_path() -> str | None:
    """The system's Chromium, or None (then Playwright's own browser, if it has one)."""
    explicit = os.environ.get("GZCTL_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed (pip install -e '.[test]')",
    )
    executable = chromium_path()
    with sync_api.sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(
                executable_path=executable,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
        except Exception as exc:  # no browser at all: skip with the reason
            pytest.skip(
                "No Chromium to test the website in (apt-get install chromium, or set "
                f"GZCTL_CHROMIUM): {str(exc).splitlines()[0]}"
            )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's website, built once for this module through the real command line."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("browser") / "voorbeelddorp"
    env = {**os.environ, "GZCTL_NOW": "2026-11-22T12:00:00+01:00", "GZCTL_USER": "tester"}
    for args in (["demo", str(folder)], ["-C", str(folder), "site", "build"]):
        subprocess.run(
            [sys.executable, "-m", "gzctl", *args], check=True, env=env, capture_output=True
        )
    return folder / "website"


def open_page(browser, site: Path, name: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((site / name).as_uri())
    return page


@pytest.mark.parametrize("width", READABLE)
@pytest.mark.parametrize("name", [*PAGES, "poster-a4.html", "poster-a3.html"])
def test_no_horizontal_overflow(browser, site: Path, name: str, width: int) -> None:
    page = open_page(browser, site, name, width)
    if name.startswith("poster") and width < 800:
        pytest.skip("a poster is a sheet of paper; it is printed, not read on a phone")
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    page.close()
    assert scroll <= client, f"{name} at {width}px is {scroll}px wide"


_IDS: dict[str, set[str]] = {}  # page URL -> the ids in it, as the browser sees them


@pytest.mark.parametrize("name", PAGES)
def test_internal_links_resolve(browser, site: Path, name: str) -> None:
    page = open_page(browser, site, name, 1280)
    hrefs = sorted(set(page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")))
    for href in hrefs:
        if href.startswith(("mailto:", "tel:")):
            continue
        assert href.startswith("file://"), (name, href)
        target, _, fragment = href.partition("#")
        path = Path(url2pathname(urlparse(target).path))
        assert path.is_file() and path.is_relative_to(site), (name, href)
        if not target.endswith(".html"):
            continue  # agenda.ics, nieuws.xml: a browser downloads them
        if target not in _IDS:
            response = page.goto(target)
            assert response is None or response.ok, (name, href)
            _IDS[target] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        if fragment:
            assert fragment in _IDS[target], (name, href)
    page.close()


def test_agenda_shows_the_coming_activities(browser, site: Path) -> None:
    page = open_page(browser, site, "agenda.html", 375)
    headings = page.locator("article.activiteit h3").all_inner_texts()
    page.close()
    open_evening = "Open avond: iedereen welkom"  # the network evening, residents welcome
    assert open_evening in headings
    assert [h for h in headings if h != open_evening][: len(COMING)] == list(COMING)


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(browser, site: Path) -> None:
    page = open_page(browser, site, "index.html", 375)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")
    assert focused == "Direct naar de inhoud"
    assert outline != "none"
    assert page.evaluate("location.hash") == "#inhoud"
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*PAGES, "poster-a4.html"])
def test_axe_finds_no_serious_violations(browser, site: Path, name: str, width: int) -> None:
    axe_module = pytest.importorskip(
        "axe_playwright_python.sync_playwright",
        reason="axe-playwright-python is not installed (pip install -e '.[test]')",
    )
    page = open_page(browser, site, name, width)
    results = axe_module.Axe().run(
        page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
    )
    page.close()
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], f"{name} at {width}px"
