"""The guided wizard: asks what the playbook's questions say and saves every answer at once.

Two ways in, one engine: an interactive :class:`Asker` built on questionary, or an answers
file (:func:`apply_answers`). Both go through ``questions.coerce`` and ``answers.set_answer``.
Each answer is its own small transaction, so Ctrl-C or a closed terminal loses nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from gzctl.core import answers as ans
from gzctl.core import progress, store
from gzctl.core.dutch import WEEKDAYS as WEEKDAY_NAMES
from gzctl.core.errors import UsageProblem
from gzctl.core.model import Project, ProjectInfo
from gzctl.core.playbook import Playbook, Step
from gzctl.core.questions import (
    Question,
    asks_phone,
    coerce,
    format_value,
    is_answered,
    past_warning,
)
from gzctl.core.words import count
from gzctl.wizard.keys import (
    BACK,
    BACK_TEXT,
    LATER,
    add_back_key,
    choice_title,
    fit_prompt,
    means_back,
    means_later,
)
from gzctl.wizard.keys import select as _select

Clock = Callable[[], dt.datetime]


Handler = Callable[["Wizard", Step], None]

# --------------------------------------------------------------------------- non-interactive


def new_project(playbook: Playbook, spec: str, today: dt.date) -> Project:
    """An empty project on ``playbook``, created ``today``: what ``init`` starts from."""
    return Project(
        project=ProjectInfo(playbook=spec, playbook_version=playbook.version, created=today)
    )


def create_from_answers(
    folder: Path, playbook: Playbook, spec: str, data: dict[str, Any], who: str, now: dt.datetime
) -> tuple[int, int]:
    """`init --answers`: check the whole file first, then create the project in one write."""
    values, done = ans.parse_answers(playbook, data)
    missing = ans.missing_required(playbook.intake, values)
    if missing:
        raise UsageProblem(
            f"antwoordbestand: het antwoord op '{missing[0]}' ontbreekt "
            f"({_label(playbook, missing[0])})."
        )
    project = new_project(playbook, spec, now.date())
    change = store.Change(project, who, now)
    count = _apply(playbook, change, values, done)
    change.log("init", f"Project aangemaakt voor {project.village.name}", [])
    # the creation entry first, then what the file filled in
    project.history.insert(0, project.history.pop())
    store.create(folder, project)
    return count, len(done)


def apply_answers(
    folder: Path, playbook: Playbook, data: dict[str, Any], who: str, now: dt.datetime
) -> tuple[int, int]:
    """`wizard --answers`: all or nothing: an invalid answer saves none of the file."""
    values, done = ans.parse_answers(playbook, data)
    with store.transaction(folder, who, now) as change:
        count = _apply(playbook, change, values, done)
    return count, len(done)


def _label(playbook: Playbook, qid: str) -> str:
    q = next((q for q in playbook.questions() if q.id == qid), None)
    return q.label if q else qid


def _apply(
    playbook: Playbook, change: store.Change, values: dict[str, Any], done: list[str]
) -> int:
    project = change.project
    questions = {q.id: q for q in playbook.questions()}
    for qid, value in values.items():
        ans.set_answer(project, questions[qid], value)
    if values:
        change.log(
            "answers",
            f"{count(len(values), 'antwoord', 'antwoorden')} uit een antwoordbestand",
            sorted(values),
        )
    if done:
        items = progress.mark_done(playbook, project, done, change.now.date(), change.who)
        change.log("done", "Afgevinkt: " + "; ".join(i.title for i in items), [i.id for i in items])
    for step in playbook.steps:
        answered = [q for q in step.questions if q.id in values]
        if step.questions and answered and ans.step_answered(step, project):
            ans.complete_step(project, step)
    return len(values)


# --------------------------------------------------------------------------- interactive


class Asker:
    """Asks one question on the terminal through questionary; returns the coerced answer,
    :data:`LATER` ("Later invullen", also typed as "weet ik niet") or :data:`BACK` ("Terug":
    the caller asks the question before; only when ``can_back`` is set).

    Ctrl-C raises KeyboardInterrupt (``unsafe_ask``); the caller has saved everything before."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.phone_rule: Any = None  # the village's country's (the Wizard sets it)
        self.country: Any = None  # for the calendar check of dates (the Wizard sets it)
        self.region: str | None = None  # the village's school region (set before each question)
        self.can_back = False  # the Wizard sets it: "Terug" is offered on every question

    def pick_who(self, names: Sequence[str]) -> str | None:
        """"Wie ben jij?" among the initiators ``names``: the chosen name, or None for
        "Iemand anders" (the history then keeps the login name)."""
        other = "Iemand anders"
        self.say("")
        self.say("[dim]Dan staat jouw naam in het logboek bij wat je invult.[/]")
        picked = _select("Wie ben jij?", [*names, other], names[0])
        return None if picked == other else str(picked)

    def _intro(self, q: Question, position: str = "") -> None:
        example = q.example
        if q.type == "date" and isinstance(example, (str, dt.date)):
            example = _date_text(example)
        extra = f" Voorbeeld: {example}" if example not in (None, "") else ""
        optional = " (Mag leeg blijven.)" if not q.required else ""
        if q.required and q.type in ("text", "number", "date"):
            optional = " (Nog niet bekend? Laat leeg of typ 'later': later invullen.)"
        self.say("")
        self.say(f"[bold]{position}[/][dim]{q.help}{extra}{optional}[/]")

    def ask(self, q: Question, current: Any, position: str = "") -> Any:
        """Ask one question with the prompt its type needs, starting from ``current``;
        returns the answer, LATER for 'Later invullen' or BACK for 'Terug'."""
        self._intro(q, position)
        existing = current if is_answered(current) else q.default
        back = self.can_back
        if q.type == "yesno":
            if q.required:
                default_yn = "Nee" if existing is False else "Ja"
                picked = _select(q.label, ["Ja", "Nee"], default_yn, later=True, back=back)
                return picked if picked in (LATER, BACK) else picked == "Ja"
            return _yes_no_unknown(q.label, existing, back)
        if q.type == "choice":
            choices = list(q.options)
            default = existing if existing in choices else None
            return _select(q.label, choices, default, later=True, back=back)
        if q.type == "multichoice":
            return self._checkbox(q, set(existing or []))
        if q.type == "group":
            return self._group(q, existing)
        return self._text(q, q.label, current)

    def _text(self, q: Question, label: str, existing: Any, top: bool = True) -> Any:
        """One line of text; Enter always submits (long answers wrap on screen). An earlier
        answer stands in the prompt (Enter keeps it); the playbook's default is shown as
        "Voorstel: ... (Enter neemt het over)" and the prompt starts empty. An empty answer
        to a required question, or "weet ik niet"/"later" typed in words, is "later
        invullen" (LATER); "terug" (or Ctrl-B) is BACK. A wrong answer gets its Dutch
        reason, wrapped to the window, and the prompt again with the text typed."""
        import questionary

        typed = is_answered(existing)
        default_text = _as_text(existing) if typed else ""
        proposal = "" if typed else _as_text(q.default)
        if default_text and top:
            self.say("[dim]Eerder ingevuld: Enter houdt het, Ctrl-U wist het.[/]")
        checked_day: dt.date | None = None
        proposal_note = ""
        while True:
            if proposal:
                self.say(
                    f"Voorstel: [bold]{proposal}[/]{proposal_note} [dim](Enter neemt het over)[/]"
                )
            hint = "(terug = vorige vraag)" if self.can_back and top else ""
            message, instruction = fit_prompt(label, hint, answer=20)
            question = questionary.text(message, default=default_text, instruction=instruction)
            raw = add_back_key(question).unsafe_ask() if self.can_back else question.unsafe_ask()
            if raw is BACK or (self.can_back and means_back(raw)):
                return BACK
            text = str(raw or "").strip()
            if not text and proposal:
                text = proposal
                self.say(f"  [cyan]{proposal}[/]")  # what Enter took: the prompt shows nothing
            if means_later(text) or (q.required and not text):
                if top:
                    self.say("[dim]  Later invullen: deze vraag blijft open.[/]")
                return LATER
            if not text:
                return coerce(q, "", self.phone_rule)
            error = _validate_value(q, text, self.phone_rule)
            if error is not True:
                self.say(f"[yellow]{error}[/]")
                default_text, proposal = text, ""
                continue
            value = coerce(q, text, self.phone_rule)
            better = self._better_day(q, value) if value != checked_day else None
            if better is None:
                return value
            # one line naming why, then the next suitable day as the proposal; typing the
            # same date again keeps it
            self.say(f"[yellow]{better[0]}[/]")
            checked_day, default_text, proposal = value, "", _date_text(better[1])
            proposal_note = f" ({WEEKDAY_NAMES[better[1].weekday()]})"

    def _better_day(self, q: Question, value: Any) -> tuple[str, dt.date] | None:
        """For a date: (a Dutch line why the day does not suit, the next suitable day), when
        it is a public holiday, a Sunday, in the Christmas week or a school holiday; else
        None. A closing date for letters is not a meeting: school holidays do not count."""
        if q.type != "date" or not isinstance(value, dt.date) or self.country is None:
            return None
        from gzctl.core import calendar_checks as cal

        school = q.id not in NO_SCHOOL_CHECK
        why = cal.reasons(value, self.country, self.region, school=school)
        if not why:
            return None
        better = cal.next_suitable(value, self.country, self.region, school=school)
        line = (
            f"Let op: {cal.weekday_date(value)} is geen goede dag: {', '.join(why)}. "
            f"Typ {_date_text(value)} nog eens om die datum toch te houden."
        )
        return line, better

    def _checkbox(self, q: Question, chosen: set[str]) -> Any:
        import questionary

        # questionary sums up a checkbox in English ("done (3 selections)"): erase its own
        # line and write the Dutch one
        message, instruction = fit_prompt(
            q.label, "(spatie kiest, Enter bevestigt; niets gekozen: later invullen)"
        )
        choices = [
            questionary.Choice(choice_title(o, 5), value=o, checked=o in chosen)
            for o in q.options
        ]
        if self.can_back:
            choices.append(questionary.Choice(BACK_TEXT, value=BACK_TEXT))
        while True:
            question = questionary.checkbox(
                message, choices=choices, instruction=instruction, erase_when_done=True
            )
            if self.can_back:
                add_back_key(question)
            result = question.unsafe_ask()
            if result is BACK or (isinstance(result, list) and BACK_TEXT in result):
                self.say(f"[green]?[/] [bold]{q.label}[/] [cyan]terug[/]")
                return BACK
            if not result and q.required:
                self.say(f"[green]?[/] [bold]{q.label}[/] [cyan]later invullen[/]")
                return LATER
            error = _validate_value(q, result) if result else True
            if error is True:
                break
            self.say(f"[yellow]{error}[/]")
            for c in choices:
                c.checked = c.value in result
        value = coerce(q, result)
        self.say(f"[green]?[/] [bold]{q.label}[/] [cyan]{format_value(q, value)}[/]")
        return value

    def _group(self, q: Question, existing: Any) -> Any:
        """Entries of a group question: a list of dicts, None (an optional group left
        empty), LATER (a required one left for later) or BACK ("terug" at the first field
        of an entry; "terug" at a later field asks the field before)."""
        rows: list[dict[str, Any]] = list(existing or [])
        noun = q.item_label or q.label
        if rows:
            self.say("Al ingevuld: " + format_value(q, rows))
            more = _select(f"Nog een {noun.lower()} toevoegen?", ["Ja", "Nee"], "Nee",
                           back=self.can_back)  # fmt: skip
            if more is BACK:
                return BACK
            if more != "Ja":
                return rows
        elif q.min_items == 0:
            more = _select(f"Wil je een {noun.lower()} invullen?", ["Ja", "Nee"], "Ja",
                           back=self.can_back)  # fmt: skip
            if more is BACK:
                return BACK
            if more != "Ja":
                return None

        while True:
            row: dict[str, Any] = {}
            n = len(rows) + 1
            fields = list(q.fields)
            i = 0
            while i < len(fields):
                f = fields[i]
                hint = "" if f.required else " (mag leeg)"
                value = self._text(f, f"{noun} {n} · {f.label}{hint}", row.get(f.key), top=False)
                if value is BACK:
                    if i == 0:
                        return BACK
                    i -= 1
                    continue
                if value is LATER:
                    # a required field left empty: this entry is not made; a required
                    # question with too few entries is left for later
                    if len(rows) >= q.min_items:
                        return rows or None
                    self.say("[dim]  Later invullen: deze vraag blijft open.[/]")
                    return LATER
                if value is not None:
                    row[f.key] = value
                else:
                    row.pop(f.key, None)
                i += 1
            rows.append(row)
            if len(rows) >= q.min_items and not confirm(
                f"Nog een {noun.lower()} toevoegen?", False
            ):
                return rows


# Date questions that are no meeting (a closing date for letters): school holidays do not
# count against them; public holidays, Sundays and the Christmas week do.
NO_SCHOOL_CHECK = frozenset({"organiseren.sluitingsdatum"})


def _place_proposal(q: Question, project: Project) -> Question:
    """"Waar is de avond?" proposes the meeting place chosen in the Verkennen phase (name
    and address as the invitation wants them): Heukelum chose Dorpshuis Heukelum at step 2
    and had to type it again at step 7."""
    from gzctl.network.summaries import chosen_place

    place = chosen_place(project)
    if place is None:
        return q
    import dataclasses

    text = ", ".join(part for part in (place.name, place.address) if part)
    return dataclasses.replace(q, default=text)


def _listed_proposal(q: Question, project: Project) -> Question:
    """"Is er een dorpsraad?" proposes Ja when the village's list already holds one (the
    question's ``known_from`` types), and says which: Heukelum listed its dorpsraad at
    step 3 and was offered "Weet ik (nog) niet" at step 4."""
    from gzctl.network.inventory import listed_of_types

    listed = listed_of_types(project, q.known_from)
    if not listed:
        return q
    import dataclasses

    names = ", ".join(o.name for o in listed[:3]) + (" …" if len(listed) > 3 else "")
    note = f" Op je lijst staat al: {names}; daarom staat Ja voorgesteld."
    return dataclasses.replace(q, default=True, help=q.help + note)


def _as_text(value: Any) -> str:
    """An answer or default as the text in a prompt (a date as 15-01-2027)."""
    if value is None or value == [] or isinstance(value, (list, dict)):
        return ""
    if isinstance(value, dt.date):
        return _date_text(value)
    return str(value).replace("\n", " ")


def _yes_no_unknown(label: str, existing: Any, back: bool = False) -> Any:
    """An optional yes/no question may honestly be answered 'weet ik (nog) niet'."""
    unknown = "Weet ik (nog) niet"
    default = unknown if existing is None else ("Ja" if existing else "Nee")
    answer = _select(label, ["Ja", "Nee", unknown], default, back=back)
    if answer is BACK:
        return BACK
    return None if answer == unknown else answer == "Ja"


def _date_text(value: str | dt.date) -> str:
    """Dates as Dutch people type them: 15-01-2027."""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
    else:
        day = value
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def confirm(label: str, default: bool) -> bool:
    """Ja/Nee as a two-item menu: questionary's confirm only knows y/n and shows (Y/n)."""
    answer = _select(label, ["Ja", "Nee"], "Ja" if default else "Nee")
    return bool(answer == "Ja")


_UNSEEN: Any = object()


def _validate_value(q: Question, value: Any, phone_rule: Any = None) -> bool | str:
    from gzctl.core.errors import AnswerError

    try:
        coerce(q, value, phone_rule)
    except AnswerError as exc:
        return exc.message
    return True


class Wizard:
    """Walks the playbook from the first open step; every answer is saved as it is given."""

    def __init__(
        self,
        folder: Path,
        playbook: Playbook,
        who: str,
        clock: Clock,
        asker: Asker,
        say: Callable[[str], None],
        handlers: Mapping[str, Handler] | None = None,
        after_step: Sequence[Handler] = (),
    ) -> None:
        """``handlers``: the playbook's step handlers by name (``handler = "..."`` in a step),
        run after the step's questions; ``after_step``: run at the end of every step (the
        documents offer). Both come from gzctl/wizard/steps.py, the registry; the engine
        imports no handler. A step whose handler is not given only asks its questions."""
        self.handlers: Mapping[str, Handler] = handlers or {}
        self.after_step = tuple(after_step)
        self.folder = folder
        self.playbook = playbook
        self.who = who
        self.clock = clock
        self.asker = asker
        if hasattr(asker, "phone_rule") and any(asks_phone(q) for q in playbook.questions()):
            from gzctl.core.country import for_playbook

            asker.phone_rule = for_playbook(playbook).phone  # numbers of the village's country
        if hasattr(asker, "can_back"):
            asker.can_back = True
        if hasattr(asker, "country"):
            from gzctl.core.country import for_playbook

            asker.country = for_playbook(playbook)  # dates are checked against its calendar
        self.say = say
        self.resuming = True  # a step not yet walked through goes on at its first open question
        self.login = who  # the login name; ``who`` becomes the initiator's name once known

    def load(self) -> Project:
        """The project as it is on disk now: another process may have changed it."""
        return store.load(self.folder)

    def opened(self) -> Any:
        """The project as the use cases (gzctl/ops) take it: this wizard's folder and
        playbook, the project freshly loaded (an op re-reads it under the lock to change it)."""
        from gzctl.network.session import Opened

        return Opened(self.folder, self.load(), self.playbook)

    def save_answer(self, q: Question, value: Any, shown: Any = _UNSEEN) -> bool:
        """Save one answer, re-read under the lock. ``shown`` is the answer the prompt
        started from: when the user kept it (Enter on the pre-filled text, or on an empty
        optional question) while another wizard or command changed it meanwhile, that
        other answer stays, and rows added to a group or options ticked in a multiple
        choice go onto the other's (``answers.answer_to_save``): this process changes only
        what its user changed. LATER ("Later invullen") saves nothing but notes the question
        as left for later (``wizard.later``), so next and status can name it; not when the
        question was answered elsewhere while the prompt was open.

        Returns True when the answer given elsewhere meanwhile stayed instead of this one
        (the caller says so: the prompt may have said the question stays open)."""
        from gzctl.wizard.resume import note_later

        with store.transaction(self.folder, self.who, self.clock()) as change:
            old = ans.get_answer(change.project, q)
            if value is LATER and shown is not _UNSEEN and old != shown and is_answered(old):
                return True  # answered elsewhere while the prompt was open: nothing left open
            if note_later(change.project, q, value is LATER):
                return False
            if shown is not _UNSEEN:
                save, value = ans.answer_to_save(q, value, shown, old)
                if not save:
                    return True
            ans.set_answer(change.project, q, value)
            if old != ans.get_answer(change.project, q):
                # the label, not the answer: names and free text stay out of the history
                change.log("answer", f"Beantwoord: {q.label}", [q.id])
        return False

    def _save_and_say(self, q: Question, value: Any, shown: Any) -> None:
        """:meth:`save_answer`, and one line when the answer given elsewhere stayed."""
        if self.save_answer(q, value, shown):
            self.say(
                "[dim]  Intussen is deze vraag elders beantwoord; dat antwoord blijft staan.[/]"
            )

    def intake(self, start: int | None = None) -> None:
        """Ask the basic questions still open, each from a fresh read of the project;
        ``start`` (0-based): ask from that question on (the user went back to it)."""
        questions = list(self.playbook.intake)
        project = self.load()
        open_ = [
            i for i, q in enumerate(questions) if not is_answered(ans.get_answer(project, q))
        ]
        todo = list(range(start, len(questions))) if start is not None else open_
        total = len(questions)
        self._ask_list(questions, todo, lambda n: f"vraag {n} van {total} · ", first=True)

    def _ask_list(
        self,
        questions: Sequence[Question],
        todo: Sequence[int],
        position: Callable[[int], str],
        first: bool = False,
    ) -> str:
        """Ask ``questions[i]`` for each i in ``todo`` (0-based, ascending), saving every
        answer at once. "Terug" asks the question before (also one that was answered in an
        earlier run and not in ``todo``: its answer is the proposal), and from there on every
        question again up to where the user was. Returns "back" when "Terug" is given at the
        first question of the list (the caller goes back into the step before), "done" when
        every question was asked; with ``first`` there is nothing before: the question is
        asked again."""
        if not todo:
            return "done"
        wanted = set(todo)
        i = todo[0]
        reached = i
        while i < len(questions):
            q = questions[i]
            project = self.load()  # fresh for every question
            current = ans.get_answer(project, q)
            q = self._from_earlier(q, project, current)
            q = self._computed(q, project, current)
            self._set_region(project)
            value = self.asker.ask(q, current, position=position(i + 1))
            if value is BACK:
                if i == 0:
                    if first:
                        self.say("[dim]Dit is de eerste vraag; verder terug kan niet.[/]")
                        continue
                    return "back"
                i -= 1
                continue
            self._save_and_say(q, value, current)
            warning = past_warning(q, value, self.clock().date())
            if warning:
                self.say(f"[yellow]{warning}[/]")
            reached = max(reached, i)
            i = next(
                (j for j in range(i + 1, len(questions)) if j in wanted or j <= reached),
                len(questions),
            )
        return "done"

    def _from_earlier(self, q: Question, project: Project, current: Any) -> Question:
        """A choice question that an earlier multiple choice narrows down ("Met welk
        platform begint het netwerk?" after "Met welke thema's ...?"): the options chosen
        there first, the first of them as the proposal, and one line saying so."""
        if q.type != "choice" or is_answered(current):
            return q
        import dataclasses

        for earlier in self.playbook.questions():
            if earlier.type != "multichoice" or earlier.id == q.id:
                continue
            if len(set(earlier.options) & set(q.options)) < 2:
                continue
            chosen = [o for o in (project.answers.get(earlier.id) or []) if o in q.options]
            if not chosen:
                continue
            rest = [o for o in q.options if o not in chosen]
            self.say(
                f"[dim]Eerder gekozen bij '{earlier.label}': {', '.join(chosen)}; "
                "die staan bovenaan.[/]"
            )
            return dataclasses.replace(q, options=tuple(chosen + rest), default=chosen[0])
        return q

    def _set_region(self, project: Project) -> None:
        """Tell the asker the village's school region, for the check of a date."""
        country = getattr(self.asker, "country", None)
        if country is None or not hasattr(self.asker, "region"):
            return
        from gzctl.core import calendar_checks as cal

        self.asker.region = cal.project_region(country, project) or None

    def _region_proposal(self, q: Question, project: Project) -> Question:
        """"In welke regio voor de schoolvakanties ligt ...?" proposes the region the data
        gives for the province (or the municipality); in a province split over regions it
        says so and proposes nothing."""
        country = getattr(self.asker, "country", None)
        if country is None:
            return q
        import dataclasses

        from gzctl.core import calendar_checks as cal

        v = project.village
        region = cal.region_of(country, v.province, v.municipality)
        if region:
            note = f" Voor {v.municipality or v.province} is dat regio {region}."
            return dataclasses.replace(q, default=region, help=q.help + note)
        if v.province:
            note = f" De provincie {v.province} ligt in meer dan één regio: kies die van je dorp."
            return dataclasses.replace(q, help=q.help + note)
        return q

    def _computed(self, q: Question, project: Project, current: Any) -> Question:
        """"Hoeveel geld is er per jaar nodig?" proposes what the funding request would
        compute (hours x cost per hour x weeks + activities), with the sum in the help, so
        that Enter gives the letter's figure and a different one is typed knowingly."""
        from gzctl.core.calendar_checks import SCHOOL_REGION
        from gzctl.network import coordinator as co
        from gzctl.network.facts import EVENING_PLACE

        if q.id == SCHOOL_REGION and not is_answered(current):
            return self._region_proposal(q, project)
        if q.id == EVENING_PLACE and not is_answered(current):
            return _place_proposal(q, project)
        if q.known_from and not is_answered(current):
            return _listed_proposal(q, project)
        if q.id != co.NEEDED or is_answered(current):
            return q
        from gzctl.network.criteria import load_criteria, number_nl

        b = co.budget(project, load_criteria())
        if b.total is None:
            return q
        import dataclasses

        total = round(b.total)
        note = (
            f" Berekend: {number_nl(b.hours or 0)} uur × {co.euro_nl(b.hourly_cost)} × "
            f"{b.weeks} weken + {co.euro_nl(b.activities)} activiteiten = "
            f"{co.euro_nl(total)}. Typ je een ander bedrag, dan legt de aanvraag het "
            "verschil uit."
        )
        # "Voorstel: € 36.820": the text Enter takes, which the number question reads back
        return dataclasses.replace(q, default=co.euro_nl(total), help=q.help + note)

    def intake_missing(self) -> bool:
        """True while a required basic question is unanswered (the wizard asks those first)."""
        project = self.load()
        return any(
            q.required and not is_answered(ans.get_answer(project, q)) for q in self.playbook.intake
        )

    def who_are_you(self) -> None:
        """Ask once "Wie ben jij?" among the initiators (remembered per login name in
        ``wizard.people``): the history records that name (``by``) instead of the login
        name. Only an asker that can ask it (``pick_who``)."""
        pick = getattr(self.asker, "pick_who", None)
        project = self.load()
        names = [p.name for p in project.initiators if p.name]
        known = project.wizard.people.get(self.login)
        if known:
            self.who = known
            return
        if pick is None or not names:
            return
        chosen = pick(names)
        with store.transaction(self.folder, self.login, self.clock()) as change:
            # "Iemand anders" is remembered too (as the login name): asked once
            change.project.wizard.people[self.login] = chosen or self.login
        if chosen:
            self.who = chosen

    def intro(self) -> None:
        """What the wizard tells once at the start: the way back."""
        if getattr(self.asker, "can_back", False):
            self.say(
                "[dim]Een antwoord verbeteren: typ [/]terug[dim] (of kies [/]← Terug[dim] in "
                "een lijst, of druk Ctrl-B) en je krijgt de vorige vraag terug, met je "
                "antwoord als voorstel. Wat je al invulde blijft bewaard.[/]"
            )

    def run(self, start: Step | None = None, stop_after_one: bool = False) -> str:
        """Returns why it stopped: 'klaar', 'gepauzeerd' or 'stap'."""
        self.intro()
        if self.intake_missing():
            self.say("[bold]Eerst de basis: het dorp en de initiatiefnemers.[/]")
            self.intake()
        self.who_are_you()
        from gzctl.wizard.resume import resume_step

        step = start or resume_step(self.playbook, self.load())
        back_to: int | None = None
        again = False
        while step is not None:
            outcome = self.step(step, back_to=back_to, alone=stop_after_one, again=again)
            back_to, again = None, False
            if outcome == "back":
                before = self._before(step)
                if before is None:
                    # back from the first question of the first step: the last basic
                    # question, then this step again from its first question
                    self.intake(start=len(self.playbook.intake) - 1)
                    again = True
                    continue
                step, back_to = before, len(before.questions) - 1
                continue
            following = self._after(step)
            if stop_after_one:
                return "stap"
            if following is None:
                self.say("[bold green]Je hebt alle stappen van het stappenplan doorlopen.[/]")
                if self.load().wizard.later:
                    self.say(
                        "Er staan nog vragen op 'later invullen'; gzctl next laat zien welke."
                    )
                return "klaar"
            if following.phase != step.phase:
                self._phase_summary(step.phase)
            n, total = ans.step_number(self.playbook, following)
            go = _select(
                f"Door naar stap {n} van {total}: {following.title}?",
                ["Ja", "Nee"],
                "Ja",
                back=bool(step.questions) and getattr(self.asker, "can_back", False),
            )
            if go is BACK:
                back_to = len(step.questions) - 1
                continue
            if go != "Ja":
                return "gepauzeerd"
            step = following
        return "klaar"

    def _before(self, step: Step) -> Step | None:
        """The step "Terug" goes into from the first question of ``step``: the nearest
        earlier step with questions (None: the basic questions are before it)."""
        steps = self.playbook.steps
        earlier = [s for s in steps[: steps.index(step)] if s.questions]
        return earlier[-1] if earlier else None

    def _phase_summary(self, phase_id: str) -> None:
        phase = next(p for p in self.playbook.phases if p.id == phase_id)
        project = self.load()
        st = [progress.item_status(i, project) for i in phase.items]
        done = sum(1 for s in st if s.done)
        self.say("")
        self.say(
            f"[bold]Fase {phase.title} doorlopen:[/] {done} van {len(st)} acties gedaan. "
            "De open acties blijven staan in gzctl next."
        )

    def _after(self, step: Step) -> Step | None:
        steps = self.playbook.steps
        idx = steps.index(step)
        project = self.load()
        done = set(project.wizard.completed)
        later = [s for s in steps[idx + 1 :] if s.id not in done]
        from gzctl.wizard.resume import resume_step

        # past the last step: back to an earlier open step, but not to steps that only wait
        # for answers left for later (pressing Enter would go round and round)
        return later[0] if later else resume_step(self.playbook, project, fallback=False)

    def step(
        self, step: Step, back_to: int | None = None, alone: bool = False, again: bool = False
    ) -> str:
        """Walk one step: its questions that are still open, then its checklist. Returns
        "back" when the user went back from its first question (the caller goes into the
        step before), else "done". ``back_to`` (0-based): the user came back into this
        step at that question: it is asked again, and the questions after it; the step's
        handler and checklist, walked through before, are not. ``alone``: only this step is
        walked (``--stap``): "Terug" at its first question asks it again. ``again``: every
        question from the first (the user came forward again from the basic questions)."""
        n, total = ans.step_number(self.playbook, step)
        phase = next(p for p in self.playbook.phases if p.id == step.phase)
        self.say("")
        from gzctl.wizard.keys import screen_width

        self.say("[cyan]" + "─" * min(72, screen_width() - 1) + "[/]")
        self.say(f"[bold cyan]Stap {n} van {total}[/] · {phase.title} · [bold]{step.title}[/]")
        qn = len(step.questions)
        from gzctl.wizard.resume import to_ask

        project = self.load()
        if back_to is not None:
            self.say("[dim]Terug naar de vorige vraag; je antwoord staat als voorstel klaar.[/]")
            asked = list(range(back_to + 1, qn + 1))
        else:
            self.say(f"[dim]{step.why}[/]")
            asked = to_ask(step, project, self.resuming and not again)
        if back_to is None and qn and len(asked) < qn:
            where = (
                f"verder bij vraag {asked[0]} van {qn}" if asked else "alle vragen beantwoord"
            )
            self.say(
                f"[bold]Je was hier al eerder: {where}.[/] [dim]Wat je al invulde blijft "
                "staan; veranderen kan met terug of gzctl answers.[/]"
            )
        outcome = self._ask_list(
            step.questions, [i - 1 for i in asked], lambda i: f"vraag {i} van {qn} · ", alone
        )
        if outcome == "back":
            return "back"
        if back_to is None:
            if step.handler and step.handler in self.handlers:
                self.handlers[step.handler](self, step)
            self.checklist(step)
        with store.transaction(self.folder, self.who, self.clock()) as change:
            walked_before = step.id in change.project.wizard.completed
            if not ans.step_answered(step, change.project):
                self.say(
                    "[yellow]Deze stap blijft open: er staan nog vragen op later invullen.[/] "
                    "[dim]gzctl next laat zien welke.[/]"
                )
            elif step.id not in change.project.wizard.completed:
                ans.complete_step(change.project, step)
            if step.id in change.project.wizard.completed:
                from gzctl.wizard.resume import clear_parts

                clear_parts(change.project, step)
                if back_to is None or not walked_before:  # going back is no second walk
                    change.log("step", f"Stap doorlopen: {step.title}", [step.id])
        if back_to is None:
            for hook in self.after_step:
                hook(self, step)
        return "done"

    def checklist(self, step: Step) -> None:
        """Show the step's items; the ones that follow from the data are ticked by
        themselves, the others the user ticks."""
        import questionary

        if not step.items:
            return
        project = self.load()
        st = {i.id: progress.item_status(i, project) for i in step.items}
        auto = [i for i in step.items if st[i.id].how == "auto"]
        for item in auto:
            self.say(f"[green]☑[/] {item.title} [dim](volgt uit je gegevens)[/]")
        manual = [i for i in step.items if st[i.id].how != "auto"]
        if not manual:
            return
        message, instruction = fit_prompt(
            "Welke acties van deze stap zijn al gedaan?", "(spatie vinkt aan, Enter gaat verder)"
        )
        picked = questionary.checkbox(
            message,
            choices=[
                questionary.Choice(choice_title(i.title, 5), value=i.id, checked=st[i.id].done)
                for i in manual
            ],
            instruction=instruction,
            erase_when_done=True,
        ).unsafe_ask()
        picked = set(picked or [])
        self.say(f"[green]?[/] [bold]Al gedaan:[/] [cyan]{len(picked)} van {len(manual)}[/]")
        newly = [i for i in manual if i.id in picked and not st[i.id].done]
        undone = [i for i in manual if i.id not in picked and st[i.id].done]
        if not newly and not undone:
            return
        with store.transaction(self.folder, self.who, self.clock()) as change:
            # only what this user ticked or unticked, onto the checklist as it is now: an
            # item another wizard or `gzctl done`/`undo` changed meanwhile keeps their tick
            now = {i.id: progress.item_status(i, change.project) for i in manual}
            newly = [i for i in newly if not now[i.id].done]
            undone = [i for i in undone if now[i.id].how == "hand"]
            today = change.now.date()
            if newly:
                progress.mark_done(
                    self.playbook, change.project, [i.id for i in newly], today, change.who
                )
                change.log(
                    "done", "Afgevinkt: " + "; ".join(i.title for i in newly), [i.id for i in newly]
                )
            for item in undone:
                progress.undo(self.playbook, change.project, item.id)
                change.log("undo", f"Teruggezet: {item.title}", [item.id])
