"""Rendering a prepared :class:`~gzctl.documents.base.Output` to Markdown, HTML or DOCX bytes.

A document has one template, ``NAME.md.j2`` (built-in ``templates/``, overridden by the
project's ``sjablonen/``), rendered in the jinja2 sandbox; the HTML (``html.py``, inside
``_base/pagina.html.j2``) and the DOCX (``docx.py``) are made from that Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gzctl import __version__
from gzctl.core import safefs
from gzctl.core.hashing import sha256 as _sha256
from gzctl.core.paths import data_dir
from gzctl.core.text import strip_controls
from gzctl.documents.base import (
    OVERRIDE_DIR,
    Output,
    TemplateProblem,
    dutch_date,
    dutch_number,
    join_dutch,
    shown,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(value: Any) -> Any:
    """Values in Markdown templates: characters that would change the layout are escaped,
    so an organisation called '**x** | y' prints as typed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _MD_SPECIAL.sub(r"\\\1", strip_controls(value)).replace("\n", " ")
    return value


def html_clean(value: Any) -> Any:
    """Values in HTML templates: a control character that a hand-edited gzctl.toml still
    holds never reaches a letter (text entering gzctl is cleaned already)."""
    if type(value) is str:
        return strip_controls(value)
    return value


_DICT_ATTRIBUTES = frozenset(dir(dict))
_SANDBOX: Any = None


def _fast_sandbox(base: Any) -> Any:
    """jinja2's SandboxedEnvironment, where ``brief.naam`` on a plain dict looks the key up
    directly: jinja2 first asks the dict for an attribute of that name and catches the
    AttributeError, which made a tenth of rendering 1,600 letters. The same answer: a plain
    dict has no attribute but dict's own (those names still go the sandbox's way)."""
    global _SANDBOX
    if _SANDBOX is None:

        class FastSandbox(base):  # type: ignore[misc]
            def getattr(self, obj: Any, attribute: str) -> Any:
                if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
                    try:
                        return obj[attribute]
                    except KeyError:
                        pass
                return super().getattr(obj, attribute)

        _SANDBOX = FastSandbox
    return _SANDBOX


class Renderer:
    """jinja2 environments for Markdown and HTML, with the project's sjablonen/ first."""

    def __init__(self, override_dir: Path | None = None) -> None:
        from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        self.builtin_dir = data_dir("templates")
        if override_dir is not None:
            # sjablonen/ itself may not be a symlink (it could point anywhere on the disk)
            safefs.check_path(override_dir, override_dir.parent)
        self.override_dir = override_dir if override_dir and override_dir.is_dir() else None
        loaders: list[Any] = []
        if self.override_dir is not None:
            loaders.append(SafeLoader(self.override_dir))
        loaders.append(FileSystemLoader(str(self.builtin_dir)))
        loader = ChoiceLoader(loaders)
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
            "auto_reload": False,
        }
        sandbox = _fast_sandbox(SandboxedEnvironment)
        escaped: dict[str, Any] = {}

        def finalize(value: Any) -> Any:
            """md_escape, once per text (a print file of 1,600 letters repeats most)."""
            if type(value) is not str:
                return md_escape(value)
            out = escaped.get(value)
            if out is None:
                out = escaped[value] = md_escape(value)
            return out

        self.md = sandbox(autoescape=False, finalize=finalize, **common)
        self.html = sandbox(autoescape=True, finalize=html_clean, **common)
        for env in (self.md, self.html):
            env.filters["getal"] = dutch_number
            env.filters["datum"] = dutch_date
            env.filters["en"] = join_dutch
        self._digest: str | None = None
        self._last: tuple[Output, str] | None = None
        # the HTML of pages made this run (and, from build, the last runs): html.body
        self.pages: dict[str, str] = {}

    def origin(self, name: str) -> str:
        """Where a template comes from, for messages."""
        if self.override_dir and (self.override_dir / name).is_file():
            return f"{OVERRIDE_DIR}/{name} (eigen sjabloon)"
        return name

    def render(self, template: str, fmt: str, data: dict[str, Any]) -> str:
        """The template ``template.fmt.j2`` as it is (the website's pages and style)."""
        env = self.md if fmt == "md" else self.html
        return self._render(f"{template}.{fmt}.j2", env, shown(data))

    def document(self, template: str, fmt: str, data: dict[str, Any], compact: bool = False) -> str:
        """A partner document as Markdown (``fmt`` "md", from ``template.md.j2``) or as
        print-ready HTML (``fmt`` "html", made from that Markdown; ``compact`` for a document
        that promises one A4)."""
        data = shown(data)  # formatted now: Babel and phonenumbers load only here
        markdown = self._render(f"{template}.md.j2", self.md, data)
        if fmt == "md":
            return markdown
        return self._html(markdown, data, compact)

    def output_markdown(self, output: Output) -> str:
        """The Markdown of a prepared output (rendered once for its three formats: the last
        output's text is kept)."""
        if self._last is not None and self._last[0] is output:
            return self._last[1]
        data = {**output.data, "titel": output.title}
        markdown = self.document(output.template, "md", data)
        self._last = (output, markdown)
        return markdown

    def output_html(self, output: Output, compact: bool = False) -> str:
        """The print-ready HTML of a prepared output, from :meth:`output_markdown`."""
        shell = {"titel": output.title, "land": shown(output.data.get("land"))}
        return self._html(self.output_markdown(output), shell, compact)

    def _html(self, markdown: str, data: dict[str, Any], compact: bool) -> str:
        from markupsafe import Markup

        from gzctl.documents.html import body

        pages = body(markdown, compact=compact, memo=self.pages)
        land = data.get("land")
        letter = land.get("brief", {}) if isinstance(land, dict) else {}
        language = land.get("taal", "nl") if isinstance(land, dict) else "nl"
        shell = {
            "titel": data.get("titel", ""),
            "inhoud": Markup(pages),
            "brief": letter,
            "taal": language,
        }
        return self._render("_base/pagina.html.j2", self.html, shell)

    def _render(self, name: str, env: Any, data: dict[str, Any]) -> str:
        from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError

        try:
            with _time_limit(RENDER_SECONDS):
                text = _bounded(env.get_template(name).generate(data), RENDER_SECONDS)
        except _TooLong as exc:
            raise TemplateProblem(
                f"Sjabloon {self.origin(name)} {exc.what}; een sjabloon mag hoogstens "
                f"{RENDER_SECONDS} seconden rekenen en {MAX_OUTPUT // 1_000_000} MB tekst maken. "
                "Zoek naar een lus of een sjabloon dat zichzelf invoegt."
            ) from None
        except RecursionError:
            raise TemplateProblem(
                f"Sjabloon {self.origin(name)} voegt zichzelf (of een macro zichzelf) steeds "
                "opnieuw in; haal de kring uit het sjabloon."
            ) from None
        except MemoryError:
            raise TemplateProblem(
                f"Sjabloon {self.origin(name)} maakt meer tekst dan in het geheugen past."
            ) from None
        except TemplateNotFound as exc:
            raise TemplateProblem(
                f"Sjabloon '{exc.name}' niet gevonden (in {OVERRIDE_DIR}/ of de ingebouwde "
                "sjablonen)."
            ) from None
        except TemplateSyntaxError as exc:
            where = self.origin(exc.name or name)
            raise TemplateProblem(
                f"Sjabloon {where}, regel {exc.lineno}: fout in de opmaak ({exc.message})."
            ) from None
        except UndefinedError as exc:
            where, line = self._where(exc, name)
            raise TemplateProblem(
                f"Sjabloon {where}{line}: {_dutch_undefined(exc.message or '')}. "
                "Controleer de naam in het sjabloon (zie templates/README.md voor de waarden)."
            ) from None
        except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            where, line = self._where(exc, name)
            raise TemplateProblem(f"Sjabloon {where}{line} geeft een fout: {exc}.") from None
        return text.rstrip("\n") + "\n"

    def _where(self, exc: BaseException, name: str) -> tuple[str, str]:
        """The template and line the error happened in (jinja keeps them in the traceback)."""
        tb = exc.__traceback__
        found: tuple[str, int] | None = None
        roots = [str(d) for d in (self.override_dir, self.builtin_dir) if d]
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename.endswith(".j2"):
                for root in roots:
                    if filename.startswith(root):
                        found = (Path(filename).relative_to(root).as_posix(), tb.tb_lineno)
            tb = tb.tb_next
        if found is None:
            return self.origin(name), ""
        return self.origin(found[0]), f", regel {found[1]}"

    def digest(self) -> str:
        """One hash over every template in play: a changed template makes documents stale."""
        if self._digest is None:
            self._digest = templates_digest(self.override_dir)
        return self._digest


def templates_digest(override_dir: Path | None) -> str:
    """SHA-256 (hex) over gzctl's version and every template in play: the project's own
    ``sjablonen/`` (when it is a folder; read without following symlinks out of it) and the
    built-in ones. Needs no jinja2, so ``gzctl docs list`` can tell a stale document without
    loading it."""
    h = _sha256(__version__.encode())
    override = override_dir if override_dir and override_dir.is_dir() else None
    for root in (override, data_dir("templates")):
        if root is None:
            continue
        for path in sorted(root.rglob("*.j2")):
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            if root == override:
                h.update(safefs.read_bytes(path, root))  # no symlinks out
            else:
                h.update(path.read_bytes())
    return h.hexdigest()


RENDER_SECONDS = 10  # per template render
MAX_OUTPUT = 20_000_000  # characters per rendered file


class _TooLong(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _bounded(chunks: Iterator[str], seconds: float) -> str:
    """Join rendered chunks, stopping at MAX_OUTPUT characters or ``seconds`` (the clock is
    checked per chunk, a fallback where no alarm signal exists)."""
    import time

    deadline = time.monotonic() + seconds
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise _TooLong("maakt te veel tekst")
        if time.monotonic() > deadline:
            raise _TooLong("rekent te lang")
        out.append(chunk)
    return "".join(out)


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a render that runs longer than ``seconds`` (SIGALRM, main thread only)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return

    def alarm(signum: int, frame: Any) -> None:
        raise _TooLong("rekent te lang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class SafeLoader:
    """A jinja2 loader for the project's sjablonen/: every template and partial is read
    with gzctl/core/safefs.py, so a symlink (to /etc/passwd, or out of the folder) is refused
    instead of copied into a document."""

    def __new__(cls, folder: Path) -> Any:
        """A jinja2 loader bound to ``folder``."""
        from jinja2 import BaseLoader, TemplateNotFound
        from jinja2.loaders import split_template_path

        class _Loader(BaseLoader):
            def get_source(self, environment: Any, template: str) -> Any:
                path = folder.joinpath(*split_template_path(template))
                try:
                    data = safefs.read_bytes(path, folder)
                except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                    raise TemplateNotFound(template) from None
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:
                    raise TemplateProblem(
                        f"Sjabloon {OVERRIDE_DIR}/{template} is geen UTF-8-tekst."
                    ) from None
                return text, str(path), lambda: True

        return _Loader()


def _dutch_undefined(message: str) -> str:
    m = re.match(r"'(.+?)' has no attribute '(.+?)'", message)
    if m:
        return f"de waarde '{m.group(2)}' bestaat niet (in {m.group(1)})"
    m = re.match(r"'(.+?)' is undefined", message)
    if m:
        return f"de waarde '{m.group(1)}' ontbreekt"
    return f"een waarde ontbreekt ({message})"


def render_output(
    renderer: Renderer, output: Output, fmt: str, docx: Any = None, one_page: bool = False
) -> bytes:
    """One output in one format, as the bytes that go to disk (``one_page``: the playbook
    promises one A4 per file)."""
    if fmt == "docx":
        from gzctl.core.outtext import clean

        # XML (inside a DOCX) cannot hold control characters; the text itself stays
        markdown = clean(renderer.output_markdown(output))
        return bytes(docx.build(markdown, clean(output.title)))
    if fmt == "md":
        return renderer.output_markdown(output).encode("utf-8")
    return renderer.output_html(output, compact=one_page).encode("utf-8")
