"""Rendering a prepared :class:`~gzctl.documents.base.Output` to Markdown, HTML or DOCX bytes
with the sandboxed jinja2 templates (built-in ``templates/``, overridden by the project's
``sjablonen/``)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from gzctl import __version__
from gzctl.core.paths import data_dir
from gzctl.core.text import strip_controls
from gzctl.documents.base import (
    OVERRIDE_DIR,
    Output,
    TemplateProblem,
    dutch_date,
    dutch_number,
    join_dutch,
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


class Renderer:
    """jinja2 environments for Markdown and HTML, with the project's sjablonen/ first."""

    def __init__(self, override_dir: Path | None = None) -> None:
        from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        self.builtin_dir = data_dir("templates")
        self.override_dir = override_dir if override_dir and override_dir.is_dir() else None
        dirs = [str(d) for d in (self.override_dir, self.builtin_dir) if d]
        loader = ChoiceLoader([FileSystemLoader(d) for d in dirs])
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
            "auto_reload": False,
        }
        self.md = SandboxedEnvironment(autoescape=False, finalize=md_escape, **common)
        self.html = SandboxedEnvironment(autoescape=True, finalize=html_clean, **common)
        for env in (self.md, self.html):
            env.filters["getal"] = dutch_number
            env.filters["datum"] = dutch_date
            env.filters["en"] = join_dutch
        self._digest: str | None = None

    def origin(self, name: str) -> str:
        """Where a template comes from, for messages."""
        if self.override_dir and (self.override_dir / name).is_file():
            return f"{OVERRIDE_DIR}/{name} (eigen sjabloon)"
        return name

    def render(self, template: str, fmt: str, data: dict[str, Any]) -> str:
        from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError

        name = f"{template}.{fmt}.j2"
        env = self.md if fmt == "md" else self.html
        try:
            text = env.get_template(name).render(data)
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
    ``sjablonen/`` (when it is a folder) and the built-in ones. Needs no jinja2, so
    ``gzctl docs list`` can tell a stale document without loading it."""
    h = hashlib.sha256(__version__.encode())
    override = override_dir if override_dir and override_dir.is_dir() else None
    for root in (override, data_dir("templates")):
        if root is None:
            continue
        for path in sorted(root.rglob("*.j2")):
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def _dutch_undefined(message: str) -> str:
    m = re.match(r"'(.+?)' has no attribute '(.+?)'", message)
    if m:
        return f"de waarde '{m.group(2)}' bestaat niet (in {m.group(1)})"
    m = re.match(r"'(.+?)' is undefined", message)
    if m:
        return f"de waarde '{m.group(1)}' ontbreekt"
    return f"een waarde ontbreekt ({message})"


def render_output(renderer: Renderer, output: Output, fmt: str, docx: Any = None) -> bytes:
    """One output in one format, as the bytes that go to disk."""
    data = {**output.data, "titel": output.title}
    if fmt == "docx":
        markdown = renderer.render(output.template, "md", data)
        return bytes(docx.build(markdown, output.title))
    return renderer.render(output.template, fmt, data).encode("utf-8")
