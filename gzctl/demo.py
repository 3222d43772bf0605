"""The demo village: a fictional Ooltwijk, some weeks into the stappenplan.

Built from the same answers and ticks a real initiator would give, dated over the past
weeks so that status, next and log all have something to show. Everything goes through
the normal validation, so a playbook change that breaks the demo fails loudly in the tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import answers as ans
from . import progress, store
from .model import Project, ProjectInfo
from .playbook import Playbook

DEMO_NAME = "Ooltwijk"

# (days before today, hour, who, answers, items ticked, note)
Event = tuple[int, int, str, dict[str, Any], list[str], str]

ANNELIES = "Annelies Verhoef"
JOOST = "Joost van Wijk"


def events(today: dt.date) -> list[Event]:
    evening = today + dt.timedelta(days=24)
    return [
        (
            45,
            20,
            ANNELIES,
            {
                "village": {
                    "name": DEMO_NAME,
                    "municipality": "Lingemeer",
                    "province": "Gelderland",
                    "inhabitants": 4850,
                },
                "initiators": [
                    {
                        "name": ANNELIES,
                        "email": "annelies@dorpshuisdeschakel.nl",
                        "role": "beheerder dorpshuis De Schakel",
                    },
                ],
            },
            [],
            "",
        ),
        (
            44,
            21,
            ANNELIES,
            {
                "verkennen": {
                    "startdatum": today - dt.timedelta(days=44),
                    "aandeel_65plus": 27,
                    "eerdere_peilingen": "Dorpsvisie Ooltwijk 2030 (dorpsraad, 2023)",
                }
            },
            ["verkennen.eerderonderzoek"],
            "",
        ),
        (
            40,
            19,
            ANNELIES,
            {
                "initiators": [
                    {
                        "name": ANNELIES,
                        "email": "annelies@dorpshuisdeschakel.nl",
                        "role": "beheerder dorpshuis De Schakel",
                    },
                    {
                        "name": JOOST,
                        "email": "secretaris@kbo-ooltwijk.nl",
                        "role": "secretaris KBO Ooltwijk",
                    },
                ],
            },
            [],
            "",
        ),
        (
            36,
            10,
            JOOST,
            {
                "verkennen": {
                    "plek_eisen": [
                        "Drempelvrije ingang",
                        "Aangepast toilet",
                        "Centraal, ook met een rollator bereikbaar",
                        "Neutraal: niet de vaste plek van één club",
                        "Ruimte voor 40 tot 60 mensen",
                    ],
                }
            },
            ["verkennen.plekkenlijst", "verkennen.plekbezoek"],
            "Dorpshuis De Schakel, kantine VV Ooltwijk en de Ontmoetingskerk bekeken.",
        ),
        (
            31,
            14,
            ANNELIES,
            {
                "verkennen": {
                    "kernteam": True,
                    "gemeentecontacten": [
                        {
                            "name": "Sanne Bakker",
                            "role": "dorpencoördinator gemeente Lingemeer",
                            "email": "s.bakker@lingemeer.example",
                        },
                    ],
                }
            },
            ["verkennen.organisatielijst", "verkennen.gemeentegesprek"],
            "Eerste lijst: 31 organisaties, van kaartclub tot thuiszorg.",
        ),
        (
            27,
            20,
            JOOST,
            {},
            ["verkennen.beheerdergesprek", "verkennen.kernteamgesprek", "verbinden.ouderenbond"],
            "",
        ),
        (
            22,
            11,
            ANNELIES,
            {
                "verkennen": {
                    "peilingvorm": "Een combinatie hiervan",
                    "peiling_respons": 212,
                }
            },
            ["verkennen.peilingvragen", "verkennen.peilingverspreiden"],
            "",
        ),
        (
            15,
            16,
            ANNELIES,
            {
                "verkennen": {
                    "peiling_uitkomsten": (
                        "Ouderen missen vervoer naar activiteiten; jonge gezinnen weten niet wat "
                        "er is; veel mensen willen wel helpen als ze gevraagd worden."
                    ),
                },
                "verbinden": {"netwerknaam": "Ooltwijk Samen"},
            },
            ["verbinden.drieclubs", "verbinden.naamkiezen"],
            "Kaartclub De Troef, VV Ooltwijk en de dorpskrant doen mee.",
        ),
        (
            6,
            20,
            JOOST,
            {
                "verbinden": {
                    "netwerkavond_datum": evening,
                    "netwerkavond_tijd": "19:30",
                    "rsvp": "Meld je aan bij Joost: secretaris@kbo-ooltwijk.nl of 0345 123 456",
                    "centrale_vraag": (
                        "Hoe zorgen we er samen voor dat iedereen in Ooltwijk kan meedoen?"
                    ),
                }
            },
            ["verbinden.avondagenda"],
            "",
        ),
        (3, 9, ANNELIES, {}, ["verkennen.plekkeuze"], "Gekozen: dorpshuis De Schakel."),
    ]


def build_project(playbook: Playbook, now: dt.datetime, who: str) -> Project:
    """The demo project as data (nothing written)."""
    today = now.date()
    project = Project(
        project=ProjectInfo(
            playbook=playbook.id,
            playbook_version=playbook.version,
            created=today - dt.timedelta(days=45),
        )
    )
    questions = {q.id: q for q in playbook.questions()}
    first = True
    for days, hour, by, data, items, note in events(today):
        moment = (now - dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0)
        change = store.Change(project, by, moment)
        if first:
            change.log("init", f"Project aangemaakt voor {DEMO_NAME}", [])
            first = False
        values, _ = ans.parse_answers(playbook, data, source="demo")
        for qid, value in values.items():
            ans.set_answer(project, questions[qid], value)
            change.log("answer", f"Beantwoord: {questions[qid].label}", [qid])
        if items:
            ticked = progress.mark_done(playbook, project, items, moment.date(), by, note)
            change.log(
                "done", "Afgevinkt: " + "; ".join(i.title for i in ticked), [i.id for i in ticked]
            )
        for step in playbook.steps:
            if step.questions and ans.step_answered(step, project):
                ans.complete_step(project, step)
    return project


def build_demo(folder: Path, playbook: Playbook, now: dt.datetime, who: str) -> Project:
    project = build_project(playbook, now, who)
    store.create(folder, project)
    return project
