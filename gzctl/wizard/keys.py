"""Choice lists a volunteer can answer with the keys they expect, and "Later invullen".

questionary's own select only answers to the arrow keys (and, as an option, shortcut keys that
must be unique). Here a select list also answers to the number of an option (1-9) and to its
first letter (press again for the next option with that letter: "j" is Ja, "n" is Nee); the
pointer moves there and Enter confirms, as with the arrows.

Every question can be left for later: :data:`LATER` is what the asker returns then; the
wizard does not save it and the step stays open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LATER_TEXT = "Later invullen"


class _Later:
    """The answer "Later invullen": nothing is saved, the question stays open."""

    def __repr__(self) -> str:
        return "LATER"


LATER: Any = _Later()

# "Terug": back one question. A choice in every list, the word in a text prompt, or Ctrl-B.
BACK_TEXT = "← Terug (vorige vraag)"
BACK_WORDS = ("terug", "<", "vorige")
BACK_KEY = "c-b"


class _Back:
    """The answer "Terug": nothing is saved, the wizard asks the question before."""

    def __repr__(self) -> str:
        return "BACK"


BACK: Any = _Back()

# Typed words that mean "Later invullen" (not stored as the answer).
LATER_WORDS = (
    "later",
    "later invullen",
    "weet ik niet",
    "weet niet",
    "weet ik nog niet",
    "nog niet bekend",
    "niet bekend",
    "onbekend",
    "geen idee",
    "weet ik niet, later invullen",
)


def _plain(text: Any) -> str:
    return " ".join(str(text or "").lower().replace(",", " ").replace(".", " ").split())


def means_later(text: Any) -> bool:
    """Whether a typed answer says "I don't know yet" ("weet ik niet", "later", "nog niet
    bekend"): it counts as "Later invullen", never as the answer."""
    plain = _plain(text)
    return bool(plain) and plain in {_plain(w) for w in LATER_WORDS}


def means_back(text: Any) -> bool:
    """Whether a typed answer is "terug" (back one question)."""
    return _plain(text) in BACK_WORDS or str(text or "").strip() == "<"


def add_back_key(question: Any) -> Any:
    """Ctrl-B on a questionary prompt ends it with :data:`BACK` (any prompt: text, select,
    checkbox). ``question``: what questionary returned; returned again."""
    app = getattr(question, "application", None)
    if app is None or not hasattr(app, "key_bindings"):
        return question
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add(BACK_KEY, eager=True)
    def _back(event: Any) -> None:
        event.app.exit(result=BACK)

    own = app.key_bindings
    app.key_bindings = merge_key_bindings([own, bindings]) if own else bindings
    return question


def drop_typed_ahead(input_: Any, tty: bool | None = None) -> None:
    """Forget the keys typed before a choice list is on the screen. In the Heukelum walk
    (issue 22) the next organisation's name, typed while the list of kinds was still coming,
    moved the list's pointer letter by letter and its Enter chose "mantelzorgsteunpunt" for
    KBO Heukelum. A list answers only to keys pressed while it is shown. Only on a terminal
    (``tty``: whether stdin is one; tests feed their keys ahead through a pipe)."""
    import sys

    if tty is None:
        try:
            tty = sys.stdin.isatty()
        except (AttributeError, ValueError, OSError):
            tty = False
    if not tty:
        return
    from prompt_toolkit.input.typeahead import clear_typeahead

    if input_ is not None:  # what the previous prompt read from the terminal but left
        clear_typeahead(input_)
    try:  # what the terminal holds that nobody read yet
        if sys.platform == "win32":
            import msvcrt

            while msvcrt.kbhit():
                msvcrt.getwch()
        else:
            import termios

            termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)
    except (ImportError, OSError, ValueError, AttributeError):
        pass


def add_letter_and_number_keys(question: Any) -> Any:
    """Let a questionary select list answer to digits and first letters (see module doc).
    ``question``: what ``questionary.select(...)`` returned; returned again."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from questionary.prompts.common import InquirerControl

    app = question.application
    drop_typed_ahead(getattr(app, "input", None))
    windows = app.layout.find_all_windows()
    control = next((w.content for w in windows if isinstance(w.content, InquirerControl)), None)
    if control is None:
        return question
    bindings = KeyBindings()
    choices = [c for c in control.choices if not getattr(c, "disabled", None)]

    def title(c: Any) -> str:
        t = c.title
        return "".join(part[1] for part in t) if isinstance(t, list) else str(t)

    for n in range(1, min(len(control.choices), 9) + 1):

        @bindings.add(str(n), eager=True)
        def _number(event: Any, index: int = n - 1) -> None:
            control.pointed_at = index

    letters = sorted({title(c)[:1].lower() for c in choices if title(c)})
    for letter in letters:
        if not letter.isalpha():
            continue

        @bindings.add(letter, eager=True)
        def _letter(event: Any, key: str = letter) -> None:
            count = len(control.choices)
            for step in range(1, count + 1):
                index = (control.pointed_at + step) % count
                if title(control.choices[index]).lower().startswith(key):
                    control.pointed_at = index
                    return

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
    return question


def screen_width() -> int:
    """The terminal's width in columns (80 when unknown)."""
    import shutil

    return max(40, shutil.get_terminal_size((80, 24)).columns)


def fit_prompt(
    label: str, instruction: str = "", indent: int = 2, answer: int = 0
) -> tuple[str, str]:
    """``label`` and ``instruction`` as a questionary message and instruction that wrap at
    word boundaries on this screen (prompt_toolkit itself cuts lines anywhere, mid-word;
    'Wit-Gele Kruis' stays whole). Next lines are indented by ``indent`` (under the text
    after "? "). ``answer``: the columns a typed answer needs after the instruction (a
    name): when they are not left on the line, the instruction starts a line of its own."""

    width = screen_width() - 1
    lines = _wrap(label, width - indent) or [""]
    message = ("\n" + " " * indent).join(lines)
    if instruction and indent + len(lines[-1]) + 1 + len(instruction) + answer > width:
        instruction = "\n" + " " * indent + instruction
    return message, instruction


def fit_choice_prompt(
    label: str, instruction: str, titles: Sequence[str], indent: int = 2
) -> tuple[str, str]:
    """:func:`fit_prompt` for a choice list. Once answered, questionary shows the chosen
    option where the instruction was, right after the label's last line, and the terminal
    cut it there mid-word ('... Sport & Cultuur bestaat? We' / 'et ik (nog) niet'). When
    the longest of ``titles`` does not fit after that line, the label ends with a line
    break: the instruction, and then the answer, stand on a line of their own, indented."""
    width = screen_width() - 1
    lines = _wrap(label, width - indent) or [""]
    longest = max((len(str(t).split("\n")[0]) for t in titles), default=0)
    if indent + len(lines[-1]) + 1 + longest <= width:
        return fit_prompt(label, instruction, indent)
    message = ("\n" + " " * indent).join(lines)
    # questionary writes " {message} " and then the instruction or the answer
    return message + "\n" + " " * (indent - 1), instruction


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def choice_title(text: str, indent: int = 3) -> str:
    """A long option or checklist line wrapped at word boundaries, next lines indented so
    they stand under the text after the pointer and the box."""
    width = screen_width() - 1
    lines = _wrap(text, width - indent) or [""]
    return ("\n" + " " * indent).join(lines)


def select(
    label: str,
    choices: Sequence[str],
    default: str | None = None,
    later: bool = False,
    instruction: str = "",
    back: bool = False,
) -> Any:
    """Ask one of ``choices`` (Dutch strings) and return the chosen string, or :data:`LATER`
    when ``later`` adds the option "Later invullen" and it is chosen, or :data:`BACK` when
    ``back`` adds the option "Terug" and it is chosen (or Ctrl-B is pressed). Ctrl-C raises
    KeyboardInterrupt (questionary's ``unsafe_ask``)."""
    import questionary

    options = list(choices) + ([LATER_TEXT] if later else []) + ([BACK_TEXT] if back else [])
    if not instruction:
        instruction = (
            "(j of n, dan Enter)" if options[:2] == ["Ja", "Nee"] else "(pijltje of cijfer, Enter)"
        )
    titles = [choice_title(o) for o in options]
    message, instruction = fit_choice_prompt(label, instruction, titles)
    question = questionary.select(
        message,
        choices=[questionary.Choice(t, value=o) for t, o in zip(titles, options, strict=True)],
        default=default if default in options else None,
        instruction=instruction,
        use_jk_keys=False,
    )
    if back:
        add_back_key(question)
    answer = add_letter_and_number_keys(question).unsafe_ask()
    if back and (answer == BACK_TEXT or answer is BACK):
        return BACK
    return LATER if later and answer == LATER_TEXT else answer


YES_WORDS = ("j", "ja", "y", "yes", "klopt")
NO_WORDS = ("n", "nee", "no", "nein")


def typed_yes_no(label: str, say: Any = None) -> bool:
    """"Klopt dit? j/n" as a typed answer: j (ja) or n (nee) and Enter. An empty Enter
    asks again, so one Enter too many never passes a summary by (a select list would take
    it as the option under the pointer)."""
    import questionary

    message, instruction = fit_prompt(label, "(j of n, dan Enter)", answer=4)
    while True:
        raw = questionary.text(message, instruction=instruction).unsafe_ask()
        word = _plain(raw)
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        if say is not None:
            say("[dim]  Typ j (klopt) of n (nog eens), dan Enter.[/]")
