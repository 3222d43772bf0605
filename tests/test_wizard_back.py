"""A wizard you can correct (issue 22): "terug" on every question, also across a step
boundary; "weet ik niet" counts as later; defaults as "Voorstel"; a date that does not suit
gets the next suitable day as the proposal (issue 24); every line wrapped to the window with
a hanging indent and hints whole. Driven by keystrokes (prompt_toolkit pipe input)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import CTRL_C, DOWN, ENTER, SPACE, keyboard
from test_wizard import INTAKE, NOW, wizard

from gzctl.core import calendar_checks as cal
from gzctl.core import playbook as pb
from gzctl.core import store
from gzctl.core.country import for_playbook
from gzctl.wizard import Asker, new_project
from gzctl.wizard.keys import BACK, LATER, means_later
from gzctl.wizard.wrap import hanging, visible

CTRL_U = "\x15"
CTRL_B = "\x02"
BOOK = pb.load(pb.DEFAULT_PLAYBOOK)


def question(qid: str):  # type: ignore[no-untyped-def]
    return next(q for q in BOOK.questions() if q.id == qid)


@pytest.fixture
def started(tmp_path: Path) -> Path:
    """The intake done (and "Wie ben jij?" answered), nothing else."""
    folder = tmp_path / "dorp"
    store.create(folder, new_project(BOOK, BOOK.id, NOW.date()))
    with keyboard(INTAKE + CTRL_C), pytest.raises(KeyboardInterrupt):
        wizard(folder, BOOK, []).run()
    return folder


def test_terug_goes_back_a_question_and_across_the_step_boundary(started: Path) -> None:
    folder = started
    said: list[str] = []
    keys = (
        "15-01-2027" + ENTER  # 1.1 the start date
        + "terug" + ENTER  # 1.2: back to 1.1, the date typed is in the prompt
        + CTRL_U + "22-01-2027" + ENTER  # corrected
        + "27" + ENTER  # 1.2
        + "terug" + ENTER  # 1.3: back to 1.2
        + ENTER  # 1.2: Enter keeps 27
        + "Dorpsvisie" + ENTER  # 1.3
        + ENTER  # the checklist: nothing ticked
        + DOWN + ENTER  # documents now? Nee
        + "3" + ENTER  # "Door naar stap 2?" -> the third option, "Terug"
        + CTRL_U + "Dorpsvisie 2023" + ENTER  # back at 1.3, corrected
        + ENTER  # "Door naar stap 2?" -> Ja
        + DOWN * 13 + SPACE + ENTER  # 2.1 (a checkbox): tick "Terug", the last line
        + ENTER  # back at 1.3: Enter keeps it
        + DOWN + ENTER  # "Door naar stap 2?" -> Nee
    )  # fmt: skip
    with keyboard(keys):
        assert wizard(folder, BOOK, said).run() == "gepauzeerd"
    project = store.load(folder)
    assert project.answers["verkennen.startdatum"] == dt.date(2027, 1, 22)
    assert project.answers["verkennen.aandeel_65plus"] == 27
    assert project.answers["verkennen.eerdere_peilingen"] == "Dorpsvisie 2023"
    assert "verkennen.startgroep" in project.wizard.completed
    assert "verkennen.plek_eisen" not in project.answers  # "Terug" saves nothing
    text = "\n".join(said)
    assert text.count("Terug naar de vorige vraag") == 2
    assert "typ [/]terug" in said[0]  # told once, in the intro
    assert text.count("Een antwoord verbeteren") == 1
    # the step was walked through once: its history line is not repeated by going back
    assert [h.what for h in project.history if h.action == "step"] == [
        f"Stap doorlopen: {BOOK.steps[0].title}"
    ]


def test_terug_at_the_first_step_goes_into_the_basic_questions(started: Path) -> None:
    folder = started
    said: list[str] = []
    # a start date, then "terug" twice: at 1.2 back to 1.1, at 1.1 into the last basic
    # question (the initiators, a group: "Nog een initiatiefnemer toevoegen?" -> Nee), then
    # step 1 again from its first question (the date typed is in the prompt)
    keys = "15-01-2027" + ENTER + "terug" + ENTER + CTRL_U + "terug" + ENTER + ENTER + CTRL_C
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        wizard(folder, BOOK, said).run()
    text = "\n".join(said)
    assert "vraag 5 van 5" in text
    assert text.count("Stap 1 van") == 2
    assert text.count("vraag 1 van 3") == 3  # asked, gone back to, and again from the basics
    assert [p.name for p in store.load(folder).initiators] == ["Petra de Vries"]


def test_ctrl_b_and_the_list_choice_are_terug_too() -> None:
    asker = Asker(lambda s: None)
    asker.can_back = True
    with keyboard("Beesd" + CTRL_B):
        assert asker.ask(question("village.name"), None) is BACK
    # a required choice list: the options, "Later invullen", then "Terug"
    q = next(q for q in BOOK.questions() if q.type == "choice" and q.required)
    with keyboard(str(len(q.options) + 2) + ENTER):
        assert asker.ask(q, None) is BACK
    # without can_back (gzctl answers --wijzig) "terug" is not offered
    with keyboard(str(len(q.options) + 2) + ENTER):
        assert Asker(lambda s: None).ask(q, None) is not BACK


@pytest.mark.parametrize("typed", ["weet ik niet", "Later", "nog niet bekend", "weet niet",
                                   "Weet ik niet, later invullen"])  # fmt: skip
def test_dont_know_in_words_is_later(typed: str) -> None:
    said: list[str] = []
    with keyboard(typed + ENTER):
        assert Asker(said.append).ask(question("verkennen.startdatum"), None) is LATER
    assert any("Later invullen" in s for s in said)
    assert means_later(typed) and not means_later("Kerkstraat")


def test_a_default_is_a_proposal_not_text_typed() -> None:
    said: list[str] = []
    with keyboard(ENTER):
        value = Asker(said.append).ask(question("verbinden.netwerkavond_tijd"), None)
    assert value == "19:30"
    assert "Voorstel: [bold]19:30[/] [dim](Enter neemt het over)[/]" in said
    assert not any("Ctrl-U" in s or "Er staat al iets" in s for s in said)
    # an answer the user typed before does stand in the prompt
    said.clear()
    with keyboard(ENTER):
        assert Asker(said.append).ask(question("verbinden.netwerkavond_tijd"), "20:00") == "20:00"
    assert any("Eerder ingevuld" in s for s in said)
    assert not any("Voorstel" in s for s in said)


def test_a_date_on_new_years_eve_gets_the_next_suitable_day() -> None:
    """Issue 24: the evening on oudejaarsavond; the wizard names why and proposes the next
    suitable day (Enter takes it); typing the same date again keeps it."""
    q = question("verbinden.netwerkavond_datum")
    country = for_playbook(BOOK)
    day = dt.date(2026, 12, 31)
    better = cal.next_suitable(day, country)
    said: list[str] = []
    asker = Asker(said.append)
    asker.country = country
    with keyboard("31-12-2026" + ENTER + ENTER):
        assert asker.ask(q, None) == better
    warning = next(s for s in said if "Let op" in s)
    assert "donderdag 31 december 2026" in warning and "kerstweek" in warning
    assert any(f"Voorstel: [bold]{better:%d-%m-%Y}[/]" in s for s in said)
    # insisting keeps the date
    with keyboard("31-12-2026" + ENTER + "31-12-2026" + ENTER):
        assert asker.ask(q, None) == day
    # a suitable day is taken at once, without a word
    said.clear()
    with keyboard("14-01-2027" + ENTER):
        assert asker.ask(q, None) == dt.date(2027, 1, 14)
    assert not any("Let op" in s for s in said)


def test_a_sunday_start_date_in_the_wizard(started: Path) -> None:
    said: list[str] = []
    keys = "3-1-2027" + ENTER + ENTER + CTRL_C  # a Sunday; Enter takes the proposal
    with keyboard(keys), pytest.raises(KeyboardInterrupt):
        wizard(started, BOOK, said).run()
    saved = store.load(started).answers["verkennen.startdatum"]
    assert saved != dt.date(2027, 1, 3) and saved.weekday() != 6
    assert any("een zondag" in s for s in said)


def test_a_wrong_answer_is_said_whole_and_the_prompt_comes_back() -> None:
    """The validation message was cut at the screen edge (prompt_toolkit's one-line
    toolbar): now it is a line of its own, and the prompt comes back with the text typed."""
    said: list[str] = []
    keys = "donderdag 15-01-2027" + ENTER + CTRL_U + "14-01-2027" + ENTER
    with keyboard(keys):
        value = Asker(said.append).ask(question("verbinden.netwerkavond_datum"), None)
    assert value == dt.date(2027, 1, 14)
    assert any("geen donderdag. Schrijf de datum zonder dag, zoals 15-01-2027." in s for s in said)


MESSAGE = (
    "[yellow]'donderdag 15-01-2027' klopt niet: 15-1-2027 is een vrijdag, geen donderdag. "
    "Schrijf de datum zonder dag, zoals 15-01-2027. Een organisatie aanvullen kan met "
    "gzctl -C 'Mijn Dorp' org edit kbo-heukelum --telefoon NUMMER. Daarna gaat het verder.[/]"
)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_messages_wrap_at_words_with_a_hanging_indent(width: int) -> None:
    text = hanging(MESSAGE, width - 1)
    lines = text.split("\n")
    hint = "gzctl -C 'Mijn Dorp' org edit kbo-heukelum --telefoon NUMMER"
    assert any(hint in visible(line) for line in lines)  # the hint is never broken
    for line in lines:
        assert len(visible(line)) <= width - 1 or hint in visible(line)
    assert all(line.startswith("  ") for line in lines[1:])  # the hanging indent
    # no word was cut: the words are the message's words
    assert visible(text).split() == visible(MESSAGE).split()
    if width < 120:
        assert len(lines) > 1


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_hint_in_brackets_stays_whole(width: int) -> None:
    """Seen in the wizard at 80 columns: '(gzctl -C heukelum wizard --stap' and
    'verbinden.netwerkavond).' on two lines."""
    text = (
        "Nog niet: Uitnodiging eerste netwerkavond: beantwoord eerst 'Op welke datum is de "
        "eerste netwerkavond?' (gzctl -C heukelum wizard --stap verbinden.netwerkavond)."
    )
    lines = hanging(text, width - 1).split("\n")
    assert any("gzctl -C heukelum wizard --stap verbinden.netwerkavond)." in x for x in lines)
    assert all(len(x) <= width - 1 for x in lines)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_markup_tags_are_not_words(width: int) -> None:
    """A tag with a space ('[bold cyan]') takes no room and is never split; '[1]' is text."""
    text = (
        "[bold cyan]Stap 1 van 18[/] · Verkennen · [bold]Vorm een startgroep en verzamel de "
        "eerste feiten en vraag [1] iemand uit een andere hoek van het dorp om mee te doen[/]"
    )
    lines = hanging(text, width - 1).split("\n")
    assert lines[0].startswith("[bold cyan]Stap 1 van 18[/]")
    assert all(len(visible(x)) <= width - 1 for x in lines)
    # every line but the last is full: no word of the next line would have fitted
    for line, after in zip(lines, lines[1:], strict=False):
        assert len(visible(line)) + 1 + len(visible(after).split()[0]) > width - 1
    assert "[1]" in visible(text)


def test_the_wizard_wraps_what_it_says_at_60_columns(
    gz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through `gzctl wizard`: at 60 columns the validation message is whole, over lines
    of at most 59 columns, the next lines indented."""
    import gzctl.core.runtime

    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(gzctl.core.runtime, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(gzctl.core.runtime, "stdout_is_terminal", lambda: True)
    folder = tmp_path / "dorp"
    store.create(folder, new_project(BOOK, BOOK.id, NOW.date()))
    with keyboard(INTAKE + "donderdag 15-01-2027" + ENTER + CTRL_C):
        result = gz("-C", str(folder), "wizard", cwd=tmp_path)
    assert result.code == 130
    lines = result.out.splitlines()
    at = next(i for i, line in enumerate(lines) if "geen donderdag" in line or
              "klopt niet" in line)  # fmt: skip
    message = " ".join(line.strip() for line in lines[at : at + 4])
    assert "Schrijf de datum zonder dag, zoals 15-01-2027." in message
    assert all(len(line) <= 60 for line in lines[at : at + 4])
    assert lines[at + 1].startswith("  ")


def test_a_flemish_date_in_the_krokusvakantie() -> None:
    """In a Flemish village the school holidays of Flanders count: a network evening in the
    krokusvakantie is named and the next suitable day proposed."""
    book = pb.load("zorgzame-buurt")
    q = next(q for q in book.questions() if q.id == "verbinden.netwerkavond_datum")
    country = for_playbook(book)
    day = next(
        dt.date(2027, 2, 1) + dt.timedelta(days=n)
        for n in range(60)
        if any("krokus" in r for r in cal.reasons(dt.date(2027, 2, 1) + dt.timedelta(days=n),
                                                  country))  # fmt: skip
        and (dt.date(2027, 2, 1) + dt.timedelta(days=n)).weekday() < 5
    )
    said: list[str] = []
    asker = Asker(said.append)
    asker.country = country
    with keyboard(f"{day:%d-%m-%Y}" + ENTER + ENTER):
        value = asker.ask(q, None)
    assert value == cal.next_suitable(day, country) and cal.suitable(value, country)
    assert any("krokusvakantie" in s and "Vlaanderen" in s for s in said)


def test_the_log_records_the_initiator_for_every_command(started: Path, gz) -> None:
    """ "Wie ben jij?" ties the login name to an initiator once; from then on every change,
    in the wizard or by a command, is logged under that name."""
    project = store.load(started)
    assert project.wizard.people == {"tester": "Petra de Vries"}
    with store.transaction(started, "tester", NOW) as change:
        change.log("test", "iets veranderd", [])
    with store.transaction(started, "bert", NOW) as change:  # a login nobody tied
        change.log("test", "nog iets", [])
    assert [h.who for h in store.load(started).history[-2:]] == ["Petra de Vries", "bert"]


def test_the_evening_s_place_proposes_the_chosen_meeting_place(started: Path) -> None:
    """Heukelum chose 'Dorpshuis Heukelum' at step 2 and had to type it again at step 7's
    'Waar is de avond?' (issue 22 walk): the chosen place, with its address, is the
    proposal; without a chosen place there is none."""
    from gzctl.ops.places import add_place, choose_place

    said: list[str] = []
    w = wizard(started, BOOK, said)
    q = question("verbinden.netwerkavond_plek")
    assert w._computed(q, w.load(), None).default == q.default  # nothing chosen: no proposal
    add_place(started, {"name": "Dorpshuis Heukelum", "address": "Hoogstraat 1, Heukelum",
                        "access": ["drempelvrij"]},
              who="tester", now=NOW)  # fmt: skip
    choose_place(started, "dorpshuis-heukelum", "Van iedereen.", who="tester", now=NOW)
    proposed = w._computed(q, w.load(), None)
    assert proposed.default == "Dorpshuis Heukelum, Hoogstraat 1, Heukelum"
    assert w._computed(q, w.load(), "Kerk, Kerkpad 2").default == q.default  # typed wins
    with keyboard(ENTER):
        assert Asker(said.append).ask(proposed, None) == proposed.default
    assert any("Voorstel: [bold]Dorpshuis Heukelum, Hoogstraat 1" in s for s in said), said


def test_a_question_the_list_answers_proposes_ja_and_says_why(started: Path) -> None:
    """Heukelum listed 'Dorpsraad Heukelum' at step 3 and was offered 'Weet ik (nog) niet'
    at step 4's 'Is er een dorpsraad?' (issue 22 walk): the question's known_from types
    (playbook data) make Ja the proposal when the list holds one, and the help says which."""
    from gzctl.ops.orgs import add_organisation

    said: list[str] = []
    w = wizard(started, BOOK, said)
    q = question("verkennen.dorpsraad")
    assert q.known_from == ("dorpsraad",)
    assert w._computed(q, w.load(), None).default is None  # nothing listed: no proposal
    add_organisation(started, {"name": "Dorpsraad Heukelum"}, who="tester", now=NOW)
    proposed = w._computed(q, w.load(), None)
    assert proposed.default is True and "Dorpsraad Heukelum" in proposed.help
    assert w._computed(q, w.load(), False).default is None  # an answer given stays the answer
    with keyboard(ENTER):
        assert Asker(said.append).ask(proposed, None) is True
    other = question("verkennen.cooperatie")
    assert w._computed(other, w.load(), None).default is None  # a dorpsraad is no coöperatie


def test_known_from_must_name_a_type_of_the_catalogue(gz, tmp_path: Path) -> None:
    """A typo in known_from would never propose anything, silently: playbook check names it."""
    from gzctl.core.paths import data_dir

    text = (data_dir("playbooks") / "gemeenschapszorg.toml").read_text(encoding="utf-8")
    for name in ("organisatietypen.toml", "platforms.toml"):
        (tmp_path / name).write_text(
            (data_dir("playbooks") / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    broken = tmp_path / "eigen.toml"
    broken.write_text(text.replace('known_from = ["dorpsraad"]', 'known_from = ["dorpraad"]'),
                      encoding="utf-8")  # fmt: skip
    result = gz("playbook", "check", str(broken))
    assert result.code == 2
    assert "verkennen.dorpsraad" in result.err + result.out
    assert "dorpraad" in result.err + result.out and "Bedoelde je: dorpsraad" in result.err
    wrong_type = tmp_path / "eigen2.toml"
    wrong_type.write_text(text.replace('required = false\nknown_from = ["dorpsraad"]',
                                       'required = false\nknown_from = "dorpsraad"'),
                          encoding="utf-8")  # fmt: skip
    result = gz("playbook", "check", str(wrong_type))
    assert result.code == 2 and "known_from" in result.err
