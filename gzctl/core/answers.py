"""Answers: where each question's answer lives in the project, and answers files.

An answers file is the TOML form of the question ids: ``village.name`` is ``[village] name``,
``verbinden.missie`` is ``[verbinden] missie``, a group is an array of tables. A top-level
``done = [...]`` ticks checklist items. The wizard and ``--answers`` share all of this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gzctl.core.errors import AnswerError, UsageProblem, did_you_mean
from gzctl.core.model import Person, Project
from gzctl.core.playbook import Playbook, Step
from gzctl.core.questions import Question, asks_phone, coerce, is_answered


def get_answer(project: Project, q: Question) -> Any:
    """The project's current answer to a question (village fields and initiators included)."""
    if q.id.startswith("village."):
        return getattr(project.village, q.id.split(".", 1)[1])
    if q.id == "initiators":
        return [{k: v for k, v in vars(p).items() if v} for p in project.initiators] or None
    return project.answers.get(q.id)


def set_answer(project: Project, q: Question, value: Any) -> None:
    """Store an already coerced answer; None clears it."""
    if q.id.startswith("village."):
        key = q.id.split(".", 1)[1]
        default: Any = None if key == "inhabitants" else ""
        setattr(project.village, key, default if value is None else value)
    elif q.id == "initiators":
        project.initiators = [
            Person(**{k: str(v) for k, v in row.items() if k in ("name", "email", "phone", "role")})
            for row in (value or [])
        ]
    elif value is None:
        project.answers.pop(q.id, None)
    else:
        project.answers[q.id] = value


def prefilled(q: Question, shown: Any) -> Any:
    """What Enter without typing gives: the answer the prompt showed, else the question's
    default, coerced."""
    if is_answered(shown):
        return shown
    try:
        return coerce(q, q.default) if q.default is not None else None
    except Exception:  # a default that does not fit is the playbook check's business
        return None


def answer_to_save(q: Question, value: Any, shown: Any, now: Any) -> tuple[bool, Any]:
    """Only what this user changed (two people may answer for one village at once).

    ``value`` is the user's answer, ``shown`` the answer the prompt started from and ``now``
    the answer on disk, re-read under the lock. Returns (save, answer): when nobody else
    changed the answer meanwhile the user's answer is saved as it is; when someone did, the
    user's Enter on what was shown keeps the other's answer, rows a user added to a group are
    added to the other's rows, and options a user ticked or unticked are ticked or unticked
    in the other's selection. A different answer typed by the user is the user's change."""
    if now == shown:
        return True, value
    if value == prefilled(q, shown):
        return False, now
    if q.type == "group" and isinstance(value, list):
        given = list(shown or [])
        if value[: len(given)] == given:
            rows = list(now or [])
            rows += [r for r in value[len(given) :] if r not in rows]
            return True, rows or None
    if q.type == "multichoice" and isinstance(value, (list, type(None))):
        before, after = set(shown or []), set(value or [])
        chosen = (set(now or []) | (after - before)) - (before - after)
        return True, [o for o in q.options if o in chosen] or None
    return True, value


def _refuse_other_kind(path: Path) -> None:
    """An RTF, Word, PDF or spreadsheet file given as the answers file: one Dutch line."""
    from gzctl.core.filekind import refusal, sniff

    try:
        with open(path, "rb") as f:
            head = f.read(4 * 1024 * 1024)
    except OSError:
        return  # read_text below says what is wrong
    refused = refusal(sniff(head), f"'{path.name}'", text_wanted=True)
    if refused:
        raise UsageProblem(f"Antwoordbestand {refused}")


def _refuse_windows_path(path: Path, text: str) -> None:
    """A Windows path in "..." ('D:\\notulen\\taken') is valid TOML that means something
    else (a line break, a tab): refused, with how to write it."""
    from gzctl.core.tomlfile import windows_path

    found = windows_path(text)
    if found is None:
        return
    line, value = found
    raise UsageProblem(
        f"Antwoordbestand '{path.name}', regel {line}: \"{value}\" lijkt een Windows-pad, maar "
        "tussen \"...\" is een \\ het begin van een teken als \\n (regeleinde) of \\t (tab). "
        f"Schrijf het tussen enkele aanhalingstekens ('{value}') of met schuine strepen "
        f"(\"{value.replace(chr(92), '/')}\")."
    )


def read_answers_file(path: Path) -> dict[str, Any]:
    """The answers file as a table; a Dutch usage problem when it cannot be read or parsed."""
    """An answers file (TOML) as data: any encoding Windows and Mac editors write, Word's
    curly quotes around values made straight; an RTF, Word or PDF file, a Windows path in
    "..." and TOML that does not parse are refused with one Dutch line."""
    from gzctl.core.encoding import SAVE_AS_UTF8, Undecodable, read_text
    from gzctl.core.tomlfile import TomlError, loads

    _refuse_other_kind(path)
    try:
        text = read_text(path)  # UTF-8 with or without BOM, UTF-16, Windows-1252
    except FileNotFoundError:
        raise UsageProblem(f"Antwoordbestand '{path}' bestaat niet.") from None
    except Undecodable:
        raise UsageProblem(
            f"Antwoordbestand '{path.name}' is geen tekst die ik kan lezen. {SAVE_AS_UTF8}"
        ) from None
    except OSError as exc:
        raise UsageProblem(f"Antwoordbestand '{path}' is niet te lezen: {exc.strerror}.") from None
    try:
        try:
            data = loads(text)
            # valid TOML that means something else: "D:\\notulen" holds a line break (a path
            # TOML cannot read, "C:\\Users", gets the reader's own words, as every file)
            _refuse_windows_path(path, text)
            return data
        except TomlError:
            from gzctl.core.encoding import tidy_toml  # as an editor or a paste left it
            from gzctl.core.tomlfile import straight_quotes

            tidied = straight_quotes(tidy_toml(text))  # and Word's curly quotes
            if tidied == text:
                raise
            data = loads(tidied)
            _refuse_windows_path(path, tidied)
            return data
    except TomlError as exc:
        from gzctl.core.tomlfile import has_curly_quotes

        hint = (
            " Het bestand heeft gekrulde aanhalingstekens (“ ” of ‘ ’) uit Word of TextEdit: "
            "TOML wil rechte (\" of '). Schrijf het in een teksteditor (Kladblok, TextEdit in "
            "platte tekst)."
            if has_curly_quotes(text)
            else ""
        )
        raise UsageProblem(
            f"Antwoordbestand '{path.name}' is geen geldige TOML ({exc.dutch}).{hint}"
        ) from None


def parse_answers(
    playbook: Playbook, data: dict[str, Any], source: str = "antwoordbestand"
) -> tuple[dict[str, Any], list[str]]:
    """Check a whole answers document before anything is saved.

    Returns ({question id: coerced value}, [item ids to tick]); raises UsageProblem naming
    the key of the first unknown or invalid answer."""
    questions = {q.id: q for q in playbook.questions()}
    done = data.get("done", [])
    if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
        raise UsageProblem(f"{source}: 'done' moet een lijst met actie-ids zijn.")
    rest = {k: v for k, v in data.items() if k != "done"}
    flat: dict[str, Any] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else key
            if playbook.canonical(path) in questions:  # a variant's shown id names it too
                flat[playbook.canonical(path)] = value
            elif isinstance(value, dict) and any(q.startswith(path + ".") for q in questions):
                walk(value, path)
            else:
                shown = [playbook.shown(q) for q in questions]
                raise UsageProblem(
                    f"{source}: onbekende vraag '{path}'." + did_you_mean(path, shown)
                )

    walk(rest, "")
    out: dict[str, Any] = {}
    rule = None
    if any(asks_phone(questions[qid]) for qid in flat):
        from gzctl.core.country import for_playbook

        rule = for_playbook(playbook).phone  # the village's country's numbers
    for qid, value in flat.items():
        try:
            out[qid] = coerce(questions[qid], value, rule)
        except AnswerError as exc:
            raise UsageProblem(f"{source}: '{qid}': {exc.message}") from None
    for item_id in done:
        if playbook.item(item_id) is None:
            ids = [i.shown for i in playbook.items]
            raise UsageProblem(
                f"{source}: 'done' noemt een onbekende actie '{item_id}'."
                + did_you_mean(item_id, ids)
            )
    return out, [playbook.item(d).id for d in done]  # type: ignore[union-attr]


def past_warnings(playbook: Playbook, values: dict[str, Any], today: Any) -> list[str]:
    """Dutch warnings for answers (question id -> coerced value, as from
    :func:`parse_answers`) that date something still to come before ``today``."""
    from gzctl.core.questions import past_warning

    questions = {q.id: q for q in playbook.questions()}
    out = []
    for qid, value in values.items():
        q = questions.get(qid)
        warning = past_warning(q, value, today) if q is not None else None
        if warning:
            out.append(warning)
    return out


def missing_required(questions: tuple[Question, ...], given: dict[str, Any]) -> list[str]:
    """The ids of the required questions that ``given`` leaves unanswered."""
    return [q.id for q in questions if q.required and not is_answered(given.get(q.id))]


def step_answered(step: Step, project: Project) -> bool:
    """Whether every required question of the step has an answer in the project."""
    return all(is_answered(get_answer(project, q)) for q in step.questions if q.required)


def first_open_step(playbook: Playbook, project: Project) -> Step | None:
    """Where the wizard resumes: the first step not yet walked through."""
    done = set(project.wizard.completed)
    return next((s for s in playbook.steps if s.id not in done), None)


def complete_step(project: Project, step: Step) -> None:
    """Marks the wizard step as completed in the project."""
    if step.id not in project.wizard.completed:
        project.wizard.completed.append(step.id)


def step_number(playbook: Playbook, step: Step) -> tuple[int, int]:
    """The step's position in the playbook and the number of steps, counted from 1."""
    steps = playbook.steps
    return steps.index(step) + 1, len(steps)


def later_questions(playbook: Playbook, project: Project) -> list[tuple[Step | None, Question]]:
    """Questions left for later ("Later invullen") and still unanswered, in playbook order,
    each with its step (None for the intake questions about the village)."""
    later = set(project.wizard.later)
    out: list[tuple[Step | None, Question]] = [
        (None, q) for q in playbook.intake if q.id in later
    ]
    for step in playbook.steps:
        out += [(step, q) for q in step.questions if q.id in later]
    return [(s, q) for s, q in out if not is_answered(get_answer(project, q))]
