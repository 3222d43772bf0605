"""One tree of errors. Each carries a Dutch message for the user and an exit code.

The CLI has a single handler that prints ``message`` on stderr and exits with ``exit_code``;
the core raises these and never prints.
"""

from __future__ import annotations


class GzctlError(Exception):
    """Base of every error a user may see."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageProblem(GzctlError):
    """Bad input on the command line or in an answers file."""

    exit_code = 2


class StateError(GzctlError):
    """gzctl.toml cannot be read or does not make sense; it is never rewritten then."""

    exit_code = 2


class PlaybookError(GzctlError):
    """A playbook file is broken or inconsistent."""

    exit_code = 2


class AnswerError(GzctlError):
    """An answer does not fit its question."""

    exit_code = 2


class NotFound(GzctlError):
    """An id, project or file that does not exist."""

    exit_code = 2


class NoProject(NotFound):
    """No gzctl.toml here or above; ``below`` names the project folders just under the
    current one (relative paths), so the CLI can show the command that was meant."""

    def __init__(self, message: str, below: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.below = below


class Refused(GzctlError):
    """A valid request that gzctl declines (e.g. overwriting a project)."""

    exit_code = 1


def suggest(word: str, known: list[str], n: int = 3) -> list[str]:
    """Nearest known ids, for 'bedoelde je ...?' hints."""
    import difflib

    hits = difflib.get_close_matches(word, known, n=n, cutoff=0.5)
    if not hits:
        # a partial id ("kerngroep") should still find "verkennen.kerngroep"
        hits = [k for k in known if word and word in k][:n]
    return hits


def did_you_mean(word: str, known: list[str]) -> str:
    """A Dutch "Bedoelde je: ...?" hint for the closest known words, or ""."""
    hits = suggest(word, known)
    if not hits:
        return ""
    return " Bedoelde je: " + ", ".join(hits) + "?"
