"""The interactive side of the meeting place and the Coördinator: scoring questions for
`gzctl place score` / `coordinator candidate score`, and the wizard steps.

questionary is imported inside the functions (never loaded by the fast path). Everything is
saved the moment it is entered, in its own transaction, so Ctrl-C loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from gzctl.core import store
from gzctl.core.country import verbinder
from gzctl.core.errors import GzctlError
from gzctl.core.words import count
from gzctl.network import coordinator as co
from gzctl.network import places as pl
from gzctl.network.criteria import (
    DEFAULT_SCORE,
    Criteria,
    Criterion,
    load_criteria,
    number_nl,
    scores_to_save,
)
from gzctl.wizard.keys import add_letter_and_number_keys, choice_title, fit_choice_prompt

if TYPE_CHECKING:
    from gzctl.core.playbook import Step
    from gzctl.wizard.engine import Wizard

SKIP = "overslaan"


def escape(text: str) -> str:
    """``text`` safe inside rich markup (a name with '[' would otherwise be a style)."""
    return text.replace("[", "\\[")


def ask_scores(
    criteria: Iterable[Criterion], current: Mapping[str, int], title: str
) -> dict[str, int]:
    """Ask 1..5 per criterion (with its help text); Enter keeps the current score."""
    import questionary

    out: dict[str, int] = {}
    print(title)
    for c in criteria:
        if c.weight <= 0:
            continue
        now = current.get(c.id)
        choices = [questionary.Choice(f"{n}", value=str(n)) for n in range(1, 6)]
        choices.append(questionary.Choice("weet ik nog niet", value=SKIP))
        message, instruction = fit_choice_prompt(
            f"{c.label}: {c.help}",
            "(1 slecht, 5 uitstekend; cijfer of pijltjes, Enter)",
            [str(ch.title) for ch in choices],
        )
        answer = add_letter_and_number_keys(
            questionary.select(
                message,
                choices=choices,
                default=str(now) if now else str(DEFAULT_SCORE),
                instruction=instruction,
                use_jk_keys=False,
            )
        ).unsafe_ask()
        if answer and answer != SKIP:
            out[c.id] = int(answer)
    return out


def _ask_text(question: str, instruction: str = "(of Enter om door te gaan)") -> str:
    import questionary

    from gzctl.wizard.keys import fit_prompt

    message, instruction = fit_prompt(question, instruction, answer=30)
    answer = questionary.text(message, instruction=instruction).unsafe_ask()
    return " ".join(str(answer or "").split())


EVENING_ANSWER = "'s Avonds beschikbaar"
WEEKDAY_EVENINGS = ["ma", "di", "wo", "do", "vr"]


def places_step(wizard: Wizard, step: Step) -> None:
    """Candidate places by name, with the hard requirements asked as yes/no: what makes a
    place accessible stored as its access, what it has (a kitchen, a room for groups) as
    its facilities, and its evenings when "'s avonds beschikbaar" is asked for; the list
    with "Klopt dit? j/n"; a score per criterion for each place not yet scored; the
    ranking; and always the question "Welke plek kies je?"."""
    from gzctl.wizard.keys import typed_yes_no

    crit = load_criteria()
    say = wizard.say
    project = wizard.load()
    say("")
    say(
        f"[bold]Kandidaat-plekken[/] · nu {len(project.places)} op de lijst. Typ de naam van een "
        "plek (dorpshuis, buurthuis, bibliotheek, ...), of druk op Enter als je klaar bent."
    )
    while True:
        _add_places(wizard, crit)
        names = ", ".join(escape(p.name) for p in wizard.load().places) or "nog geen"
        say(f"[bold]Kandidaat-plekken:[/] {names}")
        if typed_yes_no("Klopt dit?", say):
            break
        say("[dim]Typ de naam van de plek die ontbreekt (weghalen: gzctl place remove).[/]")
    _score_places(wizard, crit)
    _choose(wizard, crit)


def _add_places(wizard: Wizard, crit: Criteria) -> None:
    """Names typed until an empty Enter; each place saved at once with what it has."""
    from gzctl.ops.places import add_place
    from gzctl.wizard.keys import means_back, means_later

    say = wizard.say
    while True:
        name = _ask_text("Naam van een plek")
        if not name or means_later(name):
            return
        if means_back(name):
            say("[dim]  Verbeteren kan zo meteen, bij 'Klopt dit?'.[/]")
            continue
        fields = _features(wizard, crit, name)
        try:
            place = add_place(wizard.opened(), fields, who=wizard.who, now=wizard.clock())
        except GzctlError as exc:
            say(f"[yellow]{escape(exc.message)}[/]")
            continue
        say(f"[green]✓[/] {escape(place.name)} [dim]{place.id}[/]")


def _features(wizard: Wizard, crit: Criteria, name: str) -> dict[str, object]:
    """Ask the hard requirements of a place as yes/no: access tags and facility tags apart
    (a kitchen is no accessibility), and its evenings when evenings are asked for."""
    from gzctl.wizard.engine import confirm

    project = wizard.load()
    need = pl.required(project, crit)
    fields: dict[str, object] = {"name": name, "access": [], "facilities": []}
    # what makes the place accessible first, then what it has: stored apart
    asked = [("access", t) for t in need if t in crit.access]
    asked += [("facilities", t) for t in need if t in crit.facilities and t not in crit.access]
    for key, tag in asked:
        label = crit.feature_label(tag)
        if confirm(f"Heeft {name} een {label}?", True):
            fields[key].append(tag)  # type: ignore[attr-defined]
        else:
            wizard.say(
                f"[dim]  Zonder {label} valt {escape(name)} af (een harde eis); de plek "
                "blijft op de lijst.[/]"
            )
    wanted = project.answers.get(pl.REQUIREMENTS_QUESTION)
    if isinstance(wanted, list) and EVENING_ANSWER in wanted:
        if confirm(f"Is {name} 's avonds beschikbaar?", True):
            fields["evenings"] = WEEKDAY_EVENINGS
    return fields


def _score_places(wizard: Wizard, crit: Criteria) -> None:
    for place_id in [p.id for p in wizard.load().places]:
        # fresh for every place: another wizard or `gzctl place` may have scored, added or
        # removed places while this one was being scored
        project = wizard.load()
        here = next((p for p in project.places if p.id == place_id), None)
        if here is None:
            continue
        excluded = {r.place.id for r in pl.rank(project, crit) if r.excluded}
        missing = [c for c in crit.place if c.id not in here.scores]
        if not missing or here.id in excluded:  # no use scoring a place that drops out
            continue
        shown = dict(here.scores)
        scores = ask_scores(missing, shown, f"Scores voor {here.name}")
        if scores:
            _save_scores(wizard, here.id, here.name, scores, shown, crit)


NOT_YET = ""


def _choose(wizard: Wizard, crit: Criteria) -> None:
    """The ranking and "Welke plek kies je?": the places that meet every hard requirement,
    the chosen one (if any) first; a place that drops out can be chosen too, once the user
    agrees to drop the requirement it misses; "nog niet kiezen" saves nothing."""
    import questionary

    say = wizard.say
    project = wizard.load()
    rows = pl.rank(project, crit)
    if not rows:
        say("[dim]Nog geen plekken op de lijst; kiezen kan later met gzctl place choose.[/]")
        return
    say("")
    say("[bold]De rangorde[/]")
    say(escape(pl.ranking_text(rows)))
    chosen = project.meeting_place.chosen
    choices = []
    for r in rows:
        note = f" (valt af: {'; '.join(r.excluded)})" if r.excluded else ""
        note += " (nu gekozen)" if r.place.id == chosen else ""
        choices.append(questionary.Choice(choice_title(r.place.name + note), value=r.place.id))
    keep = "nog niet kiezen" if not chosen else "de keuze houden"
    choices.append(questionary.Choice(keep, value=NOT_YET))
    message, instruction = fit_choice_prompt(
        "Welke plek kies je?", "(pijltje of cijfer, Enter)", [str(c.title) for c in choices]
    )
    if not any(not r.excluded for r in rows):
        say("[yellow]Geen plek voldoet aan alle harde eisen.[/]")
    pick = add_letter_and_number_keys(
        questionary.select(
            message,
            choices=choices,
            default=chosen or None,
            instruction=instruction,
            use_jk_keys=False,
        )
    ).unsafe_ask()
    if not pick or pick == chosen:
        return
    row = next(r for r in rows if r.place.id == pick)
    drop: tuple[str, ...] = ()
    if row.excluded:
        from gzctl.wizard.engine import confirm

        if not confirm(
            f"{row.place.name} mist: {'; '.join(row.excluded)}. Die eis laten vallen en "
            f"{row.place.name} kiezen?",
            False,
        ):
            say("[dim]Niets gekozen; kiezen kan later met gzctl place choose.[/]")
            return
        have = set(row.place.access) | set(row.place.facilities)
        drop = tuple(t for t in pl.required(project, crit) if t not in have)
    reason = ""
    while not reason:
        reason = _ask_text(
            "Waarom is deze plek neutraal en laagdrempelig? (een of twee zinnen)", instruction=""
        )
    _save_choice(wizard, crit, pick, reason, drop, chosen)


def _save_choice(
    wizard: Wizard, crit: Criteria, pick: str, reason: str, drop: tuple[str, ...], shown: str
) -> None:
    """Save the choice, onto the project as it is now (a choice made elsewhere meanwhile
    stays); ``drop``: hard requirements the user let go for this place."""
    say = wizard.say
    with store.transaction(wizard.folder, wizard.who, wizard.clock()) as change:
        other = pl.chosen(change.project)
        if change.project.meeting_place.chosen != shown:
            # chosen elsewhere while this choice was being made: that choice stays
            name = other.name if other else change.project.meeting_place.chosen
            say(
                f"[yellow]Intussen is elders al een plek gekozen: {escape(name)}. Die keuze "
                "blijft staan; anders kiezen kan met gzctl place choose.[/]"
            )
            return
        if drop:
            need = pl.required(change.project, crit)
            change.project.meeting_place.required = [t for t in need if t not in drop]
        try:
            place = pl.choose(change.project, pick, reason, change.now.date(), crit)
        except GzctlError as exc:  # removed or ruled out meanwhile
            say(f"[yellow]{escape(exc.message)} Je keuze is niet bewaard.[/]")
            return
        change.log("place-choose", f"Ontmoetingsplek gekozen: {place.name}", [place.id])
    say(f"[green]✓[/] Gekozen: {escape(place.name)}")


def _save_scores(
    wizard: Wizard,
    place_id: str,
    name: str,
    scores: dict[str, int],
    shown: dict[str, int],
    crit: Criteria,
) -> None:
    """Save the scores this user gave, onto the place as it is now (``scores_to_save``)."""
    with store.transaction(wizard.folder, wizard.who, wizard.clock()) as change:
        place = next((p for p in change.project.places if p.id == place_id), None)
        if place is None:
            wizard.say(
                f"[yellow]{escape(name)} is intussen van de lijst gehaald; "
                "de scores zijn niet bewaard.[/]"
            )
            return
        scores = scores_to_save(scores, shown, place.scores)
        if scores:
            pl.set_scores(change.project, place.id, scores, crit)
            criteria = count(len(scores), "criterium", "criteria")
            change.log("place-score", f"{place.name} gescoord ({criteria})", [place.id])


def coordinator_step(wizard: Wizard, step: Step) -> None:
    """After the profile questions: the cost per hour and activity budget, then the budget."""
    import questionary

    crit = load_criteria()
    project = wizard.load()
    b = co.budget(project, crit)
    raw: dict[str, str] = {}
    shown: dict[str, float] = {}
    for key, label, value in (
        (
            "hourly_cost",
            f"Wat kost een uur van de {verbinder(wizard.playbook)} de werkgever (loon en lasten)?",
            b.hourly_cost,
        ),
        ("activity_budget", "Hoeveel geld is er per jaar voor activiteiten nodig?", b.activities),
    ):
        # the amount is a proposal (Enter takes it), not text in the prompt nobody typed
        wizard.say(f"Voorstel: [bold]€ {number_nl(value, 2)}[/] [dim](Enter neemt het over)[/]")
        answer = questionary.text(label, instruction="(euro)").unsafe_ask()
        raw[key] = str(answer or "").strip() or number_nl(value, 2)
        shown[key] = value
    with store.transaction(wizard.folder, wizard.who, wizard.clock()) as change:
        # an amount changed elsewhere while the prompt was open stays when this user only
        # kept the amount shown
        now = co.budget(change.project, crit)
        fresh = {"hourly_cost": now.hourly_cost, "activity_budget": now.activities}
        raw = {
            key: text
            for key, text in raw.items()
            if fresh[key] == shown[key] or text != number_nl(shown[key], 2)
        }
        changed = co.set_profile(change.project, wizard.playbook, raw)
        if changed:
            change.log(
                "coordinator-profile",
                f"Profiel {verbinder(wizard.playbook)}: " + ", ".join(changed) + " gewijzigd",
                [],
            )
    before = b.total
    b = co.budget(wizard.load(), crit)
    if b.total is not None:
        wizard.say(
            f"[bold]Begroting per jaar:[/] {number_nl(b.hours or 0)} uur x "
            f"€ {number_nl(b.hourly_cost, 2)} "
            f"x {b.weeks} weken + € {number_nl(b.activities, 2)} activiteiten = "
            f"[bold]€ {number_nl(round(b.total, 2), 2)}[/]"
        )
        _reconcile(wizard, before)


def _reconcile(wizard: Wizard, before: float | None) -> None:
    """When the yearly total typed at "Hoeveel geld is er per jaar nodig?" differs from the
    budget: say how the funding request explains the difference, and offer to take the
    computed figure (proposed when the typed one was the computation before the cost per
    hour or the activities changed)."""
    from gzctl.core.answers import set_answer
    from gzctl.wizard.engine import confirm

    crit = load_criteria()
    r = co.request(wizard.load(), crit)
    note = co.request_note(r)
    if note is None or r.costs.total is None or r.typed is None:
        return
    wizard.say(f"[yellow]{note}[/]")
    total = round(r.costs.total)
    stale = before is not None and abs(r.typed - before) < 1
    if not confirm(f"Wil je de berekening ({co.euro_nl(total)}) als bedrag per jaar?", stale):
        return
    q = next((q for q in wizard.playbook.questions() if q.id == co.NEEDED), None)
    if q is None:
        return
    with store.transaction(wizard.folder, wizard.who, wizard.clock()) as change:
        set_answer(change.project, q, total)
        change.log("answer", f"Beantwoord: {q.label}", [q.id])
    wizard.say(f"  [cyan]{co.euro_nl(total)}[/] per jaar, zoals de aanvraag het vraagt.")


def recruitment_step(wizard: Wizard, step: Step) -> None:
    """Candidates by name (only the name; the rest with gzctl coordinator candidate)."""
    say = wizard.say
    project = wizard.load()
    say("")
    say(
        f"[bold]Kandidaten[/] · nu {len(project.coordinator.candidates)}. Typ de naam van een "
        "kandidaat, of Enter om door te gaan. Scorekaarten vul je in met "
        "gzctl coordinator candidate score."
    )
    from gzctl.wizard.keys import means_later, typed_yes_no

    while True:
        name = _ask_text("Naam van een kandidaat")
        if not name or means_later(name):
            names = ", ".join(escape(c.name) for c in wizard.load().coordinator.candidates)
            say(f"[bold]Kandidaten:[/] {names or 'nog geen'}")
            if typed_yes_no("Klopt dit?", say):
                break
            continue
        try:
            with store.transaction(wizard.folder, wizard.who, wizard.clock()) as change:
                cand = co.add_candidate(change.project, name)
                word = verbinder(wizard.playbook)
                change.log("candidate-add", f"Kandidaat voor {word}: {cand.name}", [cand.id])
        except GzctlError as exc:
            say(f"[yellow]{escape(exc.message)}[/]")
            continue
        say(f"[green]✓[/] {escape(cand.name)} [dim]{cand.id}[/]")
