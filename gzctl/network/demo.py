"""The demo villages: a fictional Ooltwijk (the Netherlands) and a fictional Heuvelkerke
(a Flemish deelgemeente, `gzctl demo --vlaanderen`), some weeks into the stappenplan.

Built from the same answers and ticks a real initiator would give, dated over the past
weeks so that status, next and log all have something to show. Everything goes through
the normal validation, so a playbook change that breaks a demo fails loudly in the tests.
Which village is built follows the playbook's country (playbooks/landen/<code>/).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gzctl.core import answers as ans
from gzctl.core import progress, store
from gzctl.core.model import Project, ProjectInfo
from gzctl.core.playbook import Playbook
from gzctl.core.words import count

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
                    "huisartsenpost": "0900 3344556",
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
                    "netwerkavond_plek": "Dorpshuis De Schakel, Kerkstraat 4, Ooltwijk",
                    "rsvp": "Graag een week van tevoren bij Joost van Wijk: "
                    "secretaris@kbo-ooltwijk.nl of 0345 123 456",
                    "centrale_vraag": (
                        "Hoe zorgen we er samen voor dat iedereen in Ooltwijk kan meedoen?"
                    ),
                }
            },
            ["verbinden.avondagenda"],
            "",
        ),
        (
            5,
            20,
            JOOST,
            {"organiseren": {"penvoerder": "Stichting Dorpshuis De Schakel"}},
            [],
            "",
        ),
        (
            4,
            21,
            ANNELIES,
            # a first draft of the mission and vision, to discuss on the network evening
            {
                "verbinden": {
                    "aanleiding": (
                        "In Ooltwijk gebeurt veel, maar iedere club werkt op zijn eigen "
                        "eilandje. Inwoners weten niet wat er allemaal is, en we zien soms te "
                        "laat dat iemand hulp nodig heeft."
                    ),
                    "missie": (
                        "Samen zorgen we voor een levendig dorp waar iedereen kan meedoen en "
                        "niemand tussen wal en schip raakt."
                    ),
                    "visie": (
                        "Over drie jaar kennen verenigingen en zorgverleners elkaar en weten "
                        "ze elkaar te vinden. Jong en oud doen mee, en wie hulp nodig heeft, "
                        "krijgt die op tijd."
                    ),
                    "themas": ["Ouderensteunpunt", "Ophaaldienst", "Beweegweek"],
                }
            },
            [],
            "",
        ),
        (3, 9, ANNELIES, {}, ["verkennen.plekkeuze"], "Gekozen: dorpshuis De Schakel."),
    ]


def build_project(playbook: Playbook, now: dt.datetime, who: str) -> Project:
    """The demo project as data (nothing written): the Flemish village for a Flemish
    playbook, else the Dutch one."""
    demo = demo_for(playbook)
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
    for days, hour, by, data, items, note in demo.events(today):
        moment = (now - dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0)
        change = store.Change(project, by, moment)
        if first:
            change.log("init", f"Project aangemaakt voor {demo.name}", [])
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
    add_organisations(project, playbook, now, demo)
    add_platforms(project, playbook, now, demo)
    add_places_and_coordinator(project, playbook, now, demo)
    # one timeline: the inventory's entries fall between the answers and ticks
    project.history.sort(key=lambda h: h.at)
    return project


# The inventory: (days before today, hour, who, fields). Visible gaps on purpose: no youth
# work, no consultatiebureau or mantelzorgsteunpunt, and the GP practice is only listed.
ORGANISATIONS: list[tuple[int, int, str, dict[str, Any]]] = [
    (33, 20, ANNELIES, {"name": "VV Ooltwijk", "reach": 480, "contact_name": "Kees de Bruin",
                        "contact_role": "secretaris", "contact_email": "secretaris@vvooltwijk.nl",
                        "contact_salutation": "Beste Kees", "contact_phone": "0345 611 480",
                        "address": "Sportlaan 4",
                        "postcode": "4197 SL", "place": "Ooltwijk"}),
    (33, 20, ANNELIES, {"name": "Kaartclub De Troef", "reach": 38, "contact_name": "Riet Hol",
                        "contact_role": "voorzitter", "contact_salutation": "Beste Riet"}),
    (33, 20, ANNELIES, {"name": "Dorpskrant De Ooltwijker", "contact_name": "Bram Smits",
                        "contact_role": "eindredacteur", "contact_email": "redactie@ooltwijker.nl",
                        "notes": "Verschijnt maandelijks, huis aan huis."}),
    (33, 20, ANNELIES, {"name": "KBO Ooltwijk", "reach": 310, "contact_name": JOOST,
                        "contact_role": "secretaris", "contact_email": "secretaris@kbo-ooltwijk.nl",
                        "contact_phone": "0345 123 456", "contact_salutation": "Beste Joost"}),
    (33, 20, ANNELIES, {"name": "Dorpshuis De Schakel", "contact_name": ANNELIES,
                        "contact_role": "beheerder",
                        "contact_email": "annelies@dorpshuisdeschakel.nl",
                        "contact_phone": "0345 611 200", "address": "Kerkplein 2",
                        "postcode": "4197 AC", "place": "Ooltwijk"}),
    (33, 20, ANNELIES, {"name": "Tennisclub De Kruisweg", "reach": 260}),
    (33, 20, ANNELIES, {"name": "Gymvereniging Vlug & Lenig", "reach": 140}),
    (33, 20, ANNELIES, {"name": "Zonnebloem afdeling Ooltwijk", "reach": 120,
                        "contact_name": "Ans Verbeek", "contact_role": "coördinator",
                        "contact_phone": "0345 612 377"}),
    (33, 20, ANNELIES, {"name": "Buurtbus Lingemeer", "reach": 200,
                        "notes": "Rijdt een vaste route; kan daar niet van afwijken."}),
    (33, 20, ANNELIES, {"name": "AutoMaatje Lingemeer", "reach": 60,
                        "notes": "Vrijwillige chauffeurs, ritten van deur tot deur."}),
    (33, 20, ANNELIES, {"name": "Speeltuinvereniging De Klimboom", "reach": 180}),
    (33, 20, ANNELIES, {"name": "Scouting Ooltwijk", "reach": 95}),
    (33, 20, ANNELIES, {"name": "Fanfare Eensgezindheid", "reach": 55}),
    (33, 20, ANNELIES, {"name": "Gemengd Koor Cantate", "reach": 40}),
    (33, 20, ANNELIES, {"name": "Toneelvereniging Het Doek", "reach": 35}),
    (33, 20, ANNELIES, {"name": "Oranjecomité Ooltwijk"}),
    (33, 20, ANNELIES, {"name": "Dorpsraad Ooltwijk", "contact_name": "Henk Aalbers",
                        "contact_role": "voorzitter",
                        "contact_salutation": "Geachte heer Aalbers"}),
    (33, 20, ANNELIES, {"name": "Ontmoetingskerk Ooltwijk", "reach": 420}),
    (33, 20, ANNELIES, {"name": "Parochie H. Martinus, locatie Ooltwijk", "reach": 300}),
    (33, 20, ANNELIES, {"name": "EHBO-vereniging Ooltwijk", "reach": 30}),
    (32, 21, JOOST, {"name": "OBS De Regenboog", "reach": 210, "contact_name": "Marieke Dijkstra",
                     "contact_role": "directeur", "contact_email": "directie@obsderegenboog.nl"}),
    (32, 21, JOOST, {"name": "Kindcentrum 't Boomhuis", "type": "kinderopvang", "reach": 90}),
    (32, 21, JOOST, {"name": "Bibliotheek Lingemeer, vestiging Ooltwijk"}),
    (32, 21, JOOST, {"name": "Huisartsenpraktijk Ooltwijk", "postcode": "4197 AD",
                     "place": "Ooltwijk", "contact_phone": "0345 611 911"}),
    (32, 21, JOOST, {"name": "Apotheek Ooltwijk"}),
    (32, 21, JOOST, {"name": "Fysiotherapie Ooltwijk", "reach": 150}),
    (32, 21, JOOST, {"name": "Thuiszorg De Lingestroom"}),
    (31, 14, ANNELIES, {"name": "Sociaal Team Lingemeer", "contact_name": "Fatima El Amrani",
                        "contact_role": "consulent", "contact_phone": "0345 700 210"}),
    (31, 14, ANNELIES, {"name": "Welzijn Lingemeer", "contact_name": "Tom Jansen",
                        "contact_role": "ouderenadviseur"}),
    (31, 14, ANNELIES, {"name": "Gemeente Lingemeer", "contact_name": "Sanne Bakker",
                        "contact_role": "dorpencoördinator",
                        "contact_email": "s.bakker@lingemeer.example",
                        "contact_phone": "0345 700 100", "address": "Postbus 100",
                        "postcode": "4190 CA", "place": "Lingemeer"}),
    (31, 14, ANNELIES, {"name": "Woningstichting Lingewonen"}),
    (31, 14, ANNELIES, {"name": "Supermarkt Van Dijk", "reach": 0,
                        "notes": "Wil wel een prikbord voor het netwerk."}),
]  # fmt: skip

# (days before today, hour, who, organisation id, new status)
STATUS_CHANGES: list[tuple[int, int, str, str, str]] = [
    (31, 15, ANNELIES, "gemeente-lingemeer", "benaderd"),
    (30, 10, ANNELIES, "dorpsraad-ooltwijk", "benaderd"),
    (27, 20, JOOST, "sociaal-team-lingemeer", "benaderd"),
    (27, 20, JOOST, "kbo-ooltwijk", "aangesloten"),
    (24, 19, JOOST, "welzijn-lingemeer", "benaderd"),
    (20, 10, ANNELIES, "kaartclub-de-troef", "benaderd"),
    (20, 10, ANNELIES, "vv-ooltwijk", "benaderd"),
    (20, 10, ANNELIES, "dorpskrant-de-ooltwijker", "benaderd"),
    (15, 15, ANNELIES, "kaartclub-de-troef", "aangesloten"),
    (15, 15, ANNELIES, "vv-ooltwijk", "aangesloten"),
    (15, 15, ANNELIES, "dorpskrant-de-ooltwijker", "aangesloten"),
    (12, 20, JOOST, "zonnebloem-afdeling-ooltwijk", "benaderd"),
    (12, 20, JOOST, "fanfare-eensgezindheid", "benaderd"),
    (10, 11, ANNELIES, "toneelvereniging-het-doek", "afgehaakt"),
    (8, 14, ANNELIES, "obs-de-regenboog", "benaderd"),
    (8, 14, ANNELIES, "thuiszorg-de-lingestroom", "benaderd"),
    (3, 8, ANNELIES, "dorpshuis-de-schakel", "aangesloten"),
]


def add_organisations(project: Project, playbook: Playbook, now: dt.datetime, demo: Demo) -> None:
    """The demo inventory, through the same core functions `gzctl org` uses."""
    from gzctl.network import inventory as inv

    catalogue = inv.load_catalogue(playbook)
    orgs, changes = demo.organisations, demo.status_changes
    events: list[tuple[int, int, int, str, Any]] = [
        (days, hour, i, who, fields) for i, (days, hour, who, fields) in enumerate(orgs)
    ]
    events += [
        (days, hour, len(orgs) + i, who, (org_id, status))
        for i, (days, hour, who, org_id, status) in enumerate(changes)
    ]
    events.sort(key=lambda e: (-e[0], e[1], e[2]))
    for days, hour, _, by, payload in events:
        moment = (now - dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0)
        change = store.Change(project, by, moment)
        if isinstance(payload, dict):
            org = inv.add(project, payload, catalogue, moment.date())
            change.log("org-add", f"Organisatie op de lijst gezet: {org.name}", [org.id])
        else:
            org, old = inv.change_status(project, payload[0], payload[1], moment.date())
            change.log("org-status", f"{org.name}: {old} → {org.status}", [org.id])


# Three platforms (one active, one starting, one idea) and a season of activities around
# today: (days from today, hour, minute, minutes long, fields). Counts only, never names.
PLATFORMS: list[tuple[int, str, str, str, list[str], str, list[int]]] = [
    # (days before today, who, catalogue id, trekker, members, status, steps done)
    (24, ANNELIES, "beweegweek", "vv-ooltwijk",
     ["obs-de-regenboog", "gymvereniging-vlug-lenig", "tennisclub-de-kruisweg",
      "fysiotherapie-ooltwijk"], "actief", [1, 2, 3]),
    (18, JOOST, "ouderensteunpunt", "kbo-ooltwijk",
     ["sociaal-team-lingemeer", "thuiszorg-de-lingestroom", "zonnebloem-afdeling-ooltwijk"],
     "in oprichting", [1]),
    (9, ANNELIES, "ophaaldienst", "automaatje-lingemeer", [], "idee", []),
]  # fmt: skip

ACTIVITIES: list[tuple[int, int, int, int, dict[str, Any]]] = [
    (-20, 19, 30, 90, {"title": "Kennismaken met de werkgroep Beweegweek",
                       "place": "Dorpshuis De Schakel", "organisers": ["vv-ooltwijk"],
                       "platform": "beweegweek", "target_groups": "V", "expected": 8,
                       "participants": 9}),
    (-13, 10, 0, 90, {"title": "Wandeling voor ouderen", "place": "vanaf Dorpshuis De Schakel",
                      "organisers": ["kbo-ooltwijk", "fysiotherapie-ooltwijk"],
                      "platform": "beweegweek", "target_groups": "O", "expected": 20,
                      "participants": 26}),
    (-12, 15, 30, 90, {"title": "Voetbalclinic voor groep 5 tot en met 8",
                       "place": "Sportpark De Kruisweg",
                       "organisers": ["vv-ooltwijk", "obs-de-regenboog"],
                       "platform": "beweegweek", "target_groups": "K", "expected": 40,
                       "participants": 52}),
    (-6, 14, 0, 120, {"title": "Koffieochtend Ouderensteunpunt (proef)",
                      "place": "Dorpshuis De Schakel",
                      "organisers": ["kbo-ooltwijk", "zonnebloem-afdeling-ooltwijk"],
                      "platform": "ouderensteunpunt", "target_groups": "O,Kw", "expected": 15,
                      "participants": 11}),
    (11, 10, 0, 120, {"title": "Open koffieochtend Ouderensteunpunt",
                      "place": "Dorpshuis De Schakel",
                      "organisers": ["kbo-ooltwijk", "thuiszorg-de-lingestroom"],
                      "platform": "ouderensteunpunt", "target_groups": "O,Kw", "expected": 20}),
    (25, 19, 0, 60, {"title": "Gymles voor iedereen: kom eens kijken",
                     "place": "Gymzaal Kerkstraat", "organisers": ["gymvereniging-vlug-lenig"],
                     "platform": "beweegweek", "target_groups": "A", "expected": 25}),
    (46, 14, 0, 180, {"title": "Tennis- en spelmiddag voor gezinnen",
                      "place": "Tennisclub De Kruisweg",
                      "organisers": ["tennisclub-de-kruisweg", "speeltuinvereniging-de-klimboom"],
                      "platform": "beweegweek", "target_groups": "G,K", "expected": 60}),
]  # fmt: skip


def add_platforms(project: Project, playbook: Playbook, now: dt.datetime, demo: Demo) -> None:
    """The demo's platforms and activities, through the core `gzctl platform` uses."""
    from gzctl.network import inventory as inv
    from gzctl.network import platforms as pf

    catalogue = pf.load_catalogue(playbook)
    for days, by, pid, trekker, members, status, steps in demo.platforms:
        moment = (now - dt.timedelta(days=days)).replace(hour=20, minute=0, second=0)
        change = store.Change(project, by, moment)
        p = pf.add(project, catalogue, pid, moment.date())
        pf.join(project, p.id, [trekker], trekker=True)
        if members:
            pf.join(project, p.id, members)
        change.log("platform-add", f"Platform gestart: {p.title}", [p.id, *p.members])
        for n in steps:
            pf.tick(project, p.id, n, moment.date())
        if status != "idee":
            pf.set_status(project, p.id, status, moment.date())
            change.log("platform-status", f"{p.title}: idee → {status}", [p.id])
    orgs = inv.load_catalogue(playbook)
    for days, hour, minute, length, fields in demo.activities:
        day = (now + dt.timedelta(days=days)).date()
        start = dt.datetime.combine(day, dt.time(hour, minute))
        # planned ten days ahead, but within the last three weeks of the demo's history
        planned = now + dt.timedelta(days=min(-4, max(-20, days - 10)), hours=-3)
        change = store.Change(project, demo.initiator, planned)
        a = pf.add_activity(
            project, orgs, fields["title"], start, end=start + dt.timedelta(minutes=length),
            place=fields["place"], organisers=fields["organisers"], platform=fields["platform"],
            target_groups=fields["target_groups"], expected=fields["expected"],
            participants=fields.get("participants"),
        )  # fmt: skip
        change.log("activity-add", f"Activiteit gepland: {a.title}", [a.id])


# The meeting place: three candidates, scored, one chosen (the day plekkeuze was ticked).
PLACES: list[tuple[dict[str, Any], dict[str, int]]] = [
    (
        {
            "name": "Dorpshuis De Schakel",
            "kind": "dorpshuis",
            "address": "Kerkstraat 4, Ooltwijk",
            "seats": "80",
            "rent": "40",
            "evenings": "ma,di,do",
            "access": "drempelvrij,toilet,parkeren,bushalte",
            "facilities": "keuken,zaaltje,beamer",
        },
        {
            "neutraal": 5, "laagdrempelig": 4, "centraal": 5, "toegankelijk": 5,
            "capaciteit": 4, "kosten": 3, "beschikbaarheid": 4,
        },
    ),
    (
        {
            "name": "Bibliotheek Ooltwijk",
            "kind": "bibliotheek",
            "address": "Marktplein 2, Ooltwijk",
            "seats": "40",
            "rent": "0",
            "evenings": "di",
            "access": "drempelvrij,toilet,lift",
        },
        {
            "neutraal": 5, "laagdrempelig": 4, "centraal": 4, "toegankelijk": 5,
            "capaciteit": 2, "kosten": 5, "beschikbaarheid": 2,
        },
    ),
    (
        {
            "name": "Kantine VV Ooltwijk",
            "kind": "sportkantine",
            "address": "Sportlaan 1, Ooltwijk",
            "seats": "60",
            "rent": "25",
            "evenings": "ma,wo,vr",
            "access": "parkeren",
            "facilities": "keuken",
            "home_of": "VV Ooltwijk",
        },
        {
            "neutraal": 2, "laagdrempelig": 3, "centraal": 2, "toegankelijk": 2,
            "capaciteit": 4, "kosten": 4, "beschikbaarheid": 3,
        },
    ),
]  # fmt: skip
PLACE_REASON = (
    "Het dorpshuis is van niemand in het bijzonder en iedereen komt er al; het ligt midden in "
    "het dorp, is drempelvrij en heeft een zaaltje voor de groepjes."
)
# Fictional candidates; the appointed one lives in the village.
CANDIDATES: list[tuple[str, bool, dict[str, dict[str, int]]]] = [
    (
        "Marloes Hendriks",
        True,
        {
            ANNELIES: {"verbinden": 5, "ruimte_geven": 4, "brug": 4, "dorp": 5, "organiseren": 4},
            JOOST: {"verbinden": 4, "ruimte_geven": 5, "brug": 4, "dorp": 5, "organiseren": 3},
        },
    ),
    (
        "Bart Verschuren",
        False,
        {
            ANNELIES: {"verbinden": 3, "ruimte_geven": 2, "brug": 4, "dorp": 2, "organiseren": 5},
            JOOST: {"verbinden": 3, "ruimte_geven": 4, "brug": 4, "dorp": 2, "organiseren": 5},
        },
    ),
]


def add_places_and_coordinator(
    project: Project, playbook: Playbook, now: dt.datetime, demo: Demo
) -> None:
    """Places and the Coördinator through the core functions `gzctl place` and
    `gzctl coordinator` use."""
    from gzctl.network import coordinator as co
    from gzctl.network import places as pl
    from gzctl.network.criteria import load_criteria

    crit = load_criteria()

    def at(days: int, hour: int, who: str) -> store.Change:
        moment = (now - dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0)
        return store.Change(project, who, moment)

    first, second = demo.initiator, demo.second
    for i, (fields, scores) in enumerate(demo.places):
        change = at(30 - i, 19, first)
        place = pl.add(project, fields, crit)
        change.log("place-add", f"Kandidaat-ontmoetingsplek toegevoegd: {place.name}", [place.id])
        change = at(20, 20 + i, first)
        pl.set_scores(project, place.id, scores, crit)
        criteria = count(len(scores), "criterium", "criteria")
        change.log("place-score", f"{place.name} gescoord ({criteria})", [place.id])
    change = at(3, 8, first)  # just before plekkeuze is ticked (the last activity)
    place = pl.choose(project, demo.chosen_place, demo.place_reason, change.now.date(), crit)
    change.log("place-choose", f"Ontmoetingsplek gekozen: {place.name}", [place.id])

    change = at(14, 20, second)
    co.set_profile(
        project,
        playbook,
        {**demo.profile, "start": (now.date() + dt.timedelta(days=40)).isoformat()},
    )
    questions = {q.id: q for q in playbook.questions()}
    extra = (("organiseren.penvoerder", "Welzijn Lingemeer"), ("organiseren.looptijd", 2))
    for qid, value in extra:
        if qid in questions:  # a playbook without the question simply lacks the answer
            ans.set_answer(project, questions[qid], value)
    change.log("coordinator-profile", "Profiel Coördinator: uren, werkgever, geld", [])
    # writing the profile, placing the vacancy and the Beweegweek's one-page plan are ticked
    # by hand: no data shows them (playbook done_when rule)
    by_hand = (
        (13, "organiseren.profielschrijven"),
        (12, "organiseren.vacatureplaatsen"),
        (10, "doen.platformplanschrijven"),
    )
    for days, item_id in by_hand:
        change = at(days, 20, second)
        ticked = progress.mark_done(playbook, project, [item_id], change.now.date(), second)
        change.log("done", "Afgevinkt: " + ticked[0].title, [item_id])
    for i, (name, local, cards) in enumerate(demo.candidates):
        change = at(9 - i, 10, second)
        cand = co.add_candidate(project, name, lives_in_village=local)
        change.log("candidate-add", f"Kandidaat voor Coördinator: {cand.name}", [cand.id])
        for assessor, card in cards.items():
            change = at(5, 14 + i, assessor)
            co.score(project, cand.id, assessor, card, crit)
            change.log("candidate-score", f"Scorekaart ingevuld door {assessor}", [cand.id])
    change = at(4, 11, second)
    cand = co.appoint(project, "kandidaat-1", change.now.date())
    change.log("coordinator-appoint", f"Coördinator aangesteld: {cand.name}", [cand.id])


def build_demo(folder: Path, playbook: Playbook, now: dt.datetime, who: str) -> Project:
    project = build_project(playbook, now, who)
    store.create(folder, project)
    return project


# --------------------------------------------------------------------------- the villages


@dataclass(frozen=True)
class Demo:
    """One demo village: its answers and ticks over time, inventory, platforms, places and
    the Coördinator's selection. All people and organisations are fictional."""

    name: str
    initiator: str
    second: str
    events: Any  # (today) -> list[Event]
    organisations: list[tuple[int, int, str, dict[str, Any]]]
    status_changes: list[tuple[int, int, str, str, str]]
    platforms: list[tuple[int, str, str, str, list[str], str, list[int]]]
    activities: list[tuple[int, int, int, int, dict[str, Any]]]
    places: list[tuple[dict[str, Any], dict[str, int]]]
    chosen_place: str
    place_reason: str
    profile: dict[str, Any]
    candidates: list[tuple[str, bool, dict[str, dict[str, int]]]]


DUTCH = Demo(
    name=DEMO_NAME,
    initiator=ANNELIES,
    second=JOOST,
    events=events,
    organisations=ORGANISATIONS,
    status_changes=STATUS_CHANGES,
    platforms=PLATFORMS,
    activities=ACTIVITIES,
    places=PLACES,
    chosen_place="dorpshuis-de-schakel",
    place_reason=PLACE_REASON,
    profile={
        "hours": 12,
        "employer": "welzijnsorganisatie",
        "funding": ["Subsidie van de gemeente", "Fondsen"],
        "hourly_cost": "52",
    },
    candidates=CANDIDATES,
)

# --- Heuvelkerke: a fictional deelgemeente of the fictional gemeente Leiebeke
# (West-Vlaanderen), following the Flemish playbook zorgzame-buurt.

FLEMISH_NAME = "Heuvelkerke"
LIESBETH = "Liesbeth Vermeulen"
DIRK = "Dirk Vandamme"


def flemish_events(today: dt.date) -> list[Event]:
    evening = today + dt.timedelta(days=24)
    liesbeth = {
        "name": LIESBETH,
        "email": "liesbeth@ldcdelinde.be",
        "role": "centrumleider lokaal dienstencentrum De Linde",
    }
    return [
        (
            45,
            20,
            LIESBETH,
            {
                "village": {
                    "name": FLEMISH_NAME,
                    "municipality": "Leiebeke",
                    "province": "West-Vlaanderen",
                    "inhabitants": 3900,
                },
                "initiators": [liesbeth],
            },
            [],
            "",
        ),
        (
            44,
            21,
            LIESBETH,
            {
                "verkennen": {
                    "startdatum": today - dt.timedelta(days=44),
                    "aandeel_65plus": 24,
                    "eerdere_peilingen": "Bevraging van de seniorenraad (2023); omgevingsanalyse "
                    "van het meerjarenplan 2026-2031",
                }
            },
            ["verkennen.eerderonderzoek"],
            "",
        ),
        (
            40,
            19,
            LIESBETH,
            {
                "initiators": [
                    liesbeth,
                    {
                        "name": DIRK,
                        "email": "secretariaat@okra-heuvelkerke.be",
                        "phone": "0470 12 34 56",
                        "role": "voorzitter Okra Heuvelkerke",
                    },
                ],
            },
            [],
            "",
        ),
        (
            38,
            10,
            LIESBETH,
            {
                "verkennen": {
                    "regiehouder": "Het lokaal bestuur zelf",
                    "eerstelijnszone": "Eerstelijnszone Leiestreek",
                }
            },
            ["verkennen.regievragen", "verkennen.zorgraad"],
            "De schepen van welzijn wil de regie zelf houden en zoekt budget in het meerjarenplan.",
        ),
        (
            36,
            10,
            DIRK,
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
            "Parochiezaal Sint-Martinus, het LDC De Linde en de kantine van KFC bekeken.",
        ),
        (
            31,
            14,
            LIESBETH,
            {
                "verkennen": {
                    "kernteam": True,
                    "gemeentecontacten": [
                        {
                            "name": "Griet Declercq",
                            "role": "welzijnscoördinator Sociaal Huis Leiebeke",
                            "email": "griet.declercq@leiebeke.example",
                            "phone": "056 12 34 56",
                        },
                    ],
                    "subsidiekalender": "aanpassing meerjarenplan in november; oproep "
                    "Zorgzame buurten tot 15 maart",
                }
            },
            ["verkennen.organisatielijst", "verkennen.gemeentegesprek", "verkennen.gbo"],
            "Eerste lijst: 31 organisaties, van Okra tot het Wit-Gele Kruis.",
        ),
        (
            27,
            20,
            DIRK,
            {},
            ["verkennen.beheerdergesprek", "verkennen.kernteamgesprek", "verbinden.ouderenbond"],
            "",
        ),
        (
            22,
            11,
            LIESBETH,
            {"verkennen": {"peilingvorm": "Een combinatie hiervan", "peiling_respons": 164}},
            ["verkennen.peilingvragen", "verkennen.peilingverspreiden"],
            "",
        ),
        (
            15,
            16,
            LIESBETH,
            {
                "verkennen": {
                    "peiling_uitkomsten": (
                        "Ouderen geraken moeilijk naar activiteiten; jonge gezinnen kennen het "
                        "aanbod niet; veel bewoners willen helpen als iemand het hen vraagt."
                    ),
                },
                "verbinden": {"netwerknaam": "Heuvelkerke Zorgt"},
            },
            ["verbinden.drieclubs", "verbinden.naamkiezen"],
            "Okra, KFC Heuvelkerke en het dorpsblad doen mee.",
        ),
        (
            6,
            20,
            DIRK,
            {
                "verbinden": {
                    "netwerkavond_datum": evening,
                    "netwerkavond_tijd": "19:30",
                    "netwerkavond_plek": "Parochiezaal Sint-Martinus, Kerkstraat 12, "
                    "8899 Heuvelkerke",
                    "rsvp": "Graag een week op voorhand bij Dirk Vandamme: "
                    "secretariaat@okra-heuvelkerke.be of 0470 12 34 56",
                    "centrale_vraag": (
                        "Hoe zorgen we er samen voor dat iedereen in Heuvelkerke kan meedoen?"
                    ),
                }
            },
            ["verbinden.avondagenda"],
            "",
        ),
        (
            4,
            21,
            LIESBETH,
            {
                "verbinden": {
                    "aanleiding": (
                        "In Heuvelkerke gebeurt veel, maar elke vereniging werkt op haar eigen "
                        "eilandje. Bewoners weten niet wat er allemaal is, en we zien soms te "
                        "laat dat iemand hulp nodig heeft."
                    ),
                    "missie": (
                        "Samen zorgen we voor een levendige buurt waar iedereen kan meedoen en "
                        "niemand door de mazen van het net valt."
                    ),
                    "visie": (
                        "Over drie jaar kennen verenigingen en hulpverleners elkaar en weten ze "
                        "elkaar te vinden. Jong en oud doen mee, en wie hulp nodig heeft, krijgt "
                        "die op tijd, dicht bij huis."
                    ),
                    "themas": ["Ouderensteunpunt", "Ophaaldienst", "Beweegweek"],
                }
            },
            [],
            "",
        ),
        (
            3,
            20,
            DIRK,
            {"organiseren": {"penvoerder": "vzw Lokaal Dienstencentrum De Linde"}},
            [],
            "",
        ),
        (3, 9, LIESBETH, {}, ["verkennen.plekkeuze"], "Gekozen: de parochiezaal Sint-Martinus."),
    ]


# Visible gaps on purpose: no jeugdhuis, no Huis van het Kind, and the huisarts is only listed.
FLEMISH_ORGANISATIONS: list[tuple[int, int, str, dict[str, Any]]] = [
    (33, 20, LIESBETH, {"name": "KFC Heuvelkerke", "reach": 350, "contact_name": "Kurt Maes",
                        "contact_role": "secretaris",
                        "contact_email": "secretaris@kfcheuvelkerke.be",
                        "contact_salutation": "Beste Kurt", "address": "Sportlaan 3",
                        "postcode": "8899", "place": "Heuvelkerke"}),
    (33, 20, LIESBETH, {"name": "Kaartersclub De Zotte Boer", "reach": 32,
                        "contact_name": "Rita Coene", "contact_role": "voorzitter",
                        "contact_salutation": "Beste Rita"}),
    (33, 20, LIESBETH, {"name": "Dorpsblad De Heuvelbode", "contact_name": "Bart Lannoo",
                        "contact_role": "redactie", "contact_email": "redactie@heuvelbode.be",
                        "notes": "Verschijnt maandelijks, in elke brievenbus."}),
    (33, 20, LIESBETH, {"name": "Okra Heuvelkerke", "reach": 280, "contact_name": DIRK,
                        "contact_role": "voorzitter",
                        "contact_email": "secretariaat@okra-heuvelkerke.be",
                        "contact_salutation": "Beste Dirk"}),
    (33, 20, LIESBETH, {"name": "Lokaal Dienstencentrum De Linde", "contact_name": LIESBETH,
                        "contact_role": "centrumleider", "contact_email": "liesbeth@ldcdelinde.be",
                        "address": "Lindestraat 2", "postcode": "8899", "place": "Heuvelkerke"}),
    (33, 20, LIESBETH, {"name": "Parochiezaal Sint-Martinus", "address": "Kerkstraat 12",
                        "postcode": "8899", "place": "Heuvelkerke"}),
    (33, 20, LIESBETH, {"name": "Tennisclub Heuvelkerke", "reach": 190}),
    (33, 20, LIESBETH, {"name": "Turnkring Sportief", "reach": 120}),
    (33, 20, LIESBETH, {"name": "Samana Heuvelkerke", "reach": 90, "contact_name": "Ann Debruyne",
                        "contact_role": "coördinator vrijwilligers",
                        "contact_phone": "056 61 23 77"}),
    (33, 20, LIESBETH, {"name": "Minder Mobielen Centrale Leiebeke", "reach": 150,
                        "notes": "Vrijwillige chauffeurs, ritten van deur tot deur."}),
    (33, 20, LIESBETH, {"name": "Chiro Heuvelkerke", "reach": 130}),
    (33, 20, LIESBETH, {"name": "Ferm Heuvelkerke", "reach": 85}),
    (33, 20, LIESBETH, {"name": "KWB Heuvelkerke", "reach": 60}),
    (33, 20, LIESBETH, {"name": "Gezinsbond Heuvelkerke", "reach": 140}),
    (33, 20, LIESBETH, {"name": "Landelijke Gilde Heuvelkerke", "reach": 70}),
    (33, 20, LIESBETH, {"name": "Koninklijke Fanfare Sint-Cecilia", "reach": 50}),
    (33, 20, LIESBETH, {"name": "Toneelkring De Vrije Spelers", "reach": 30}),
    (33, 20, LIESBETH, {"name": "Feestcomité Heuvelkerke Kermis"}),
    (33, 20, LIESBETH, {"name": "Seniorenraad Leiebeke", "contact_name": "Marc Verhaeghe",
                        "contact_role": "voorzitter",
                        "contact_salutation": "Geachte heer Verhaeghe"}),
    (33, 20, LIESBETH, {"name": "Parochie Sint-Martinus", "reach": 250}),
    (33, 20, LIESBETH, {"name": "Rode Kruis afdeling Leiebeke", "reach": 25}),
    (32, 21, DIRK, {"name": "Vrije Basisschool De Regenboog", "reach": 190,
                    "contact_name": "Els Vanhoutte", "contact_role": "directeur",
                    "contact_email": "directie@vbsderegenboog.be"}),
    (32, 21, DIRK, {"name": "Vrij CLB Leiestreek"}),
    (32, 21, DIRK, {"name": "Kinderdagverblijf 't Nestje", "reach": 45}),
    (32, 21, DIRK, {"name": "Bibliotheek Leiebeke, uitleenpost Heuvelkerke"}),
    (32, 21, DIRK, {"name": "Huisartsenpraktijk De Heuvel", "postcode": "8899",
                    "place": "Heuvelkerke"}),
    (32, 21, DIRK, {"name": "Apotheek Heuvelkerke"}),
    (32, 21, DIRK, {"name": "Kinesitherapie Heuvelkerke", "reach": 120}),
    (32, 21, DIRK, {"name": "Wit-Gele Kruis, team Leiebeke"}),
    (31, 14, LIESBETH, {"name": "Sociaal Huis Leiebeke", "contact_name": "Griet Declercq",
                        "contact_role": "welzijnscoördinator", "contact_phone": "056 12 34 56",
                        "contact_email": "griet.declercq@leiebeke.example"}),
    (31, 14, LIESBETH, {"name": "CAW Leiestreek", "contact_name": "Youssef Amrani",
                        "contact_role": "onthaalmedewerker"}),
    (31, 14, LIESBETH, {"name": "Gemeente Leiebeke", "contact_name": "Griet Declercq",
                        "contact_role": "welzijnscoördinator",
                        "contact_email": "griet.declercq@leiebeke.example"}),
    (31, 14, LIESBETH, {"name": "Woonmaatschappij Leiewonen"}),
    (31, 14, LIESBETH, {"name": "Bakkerij Desmet", "reach": 0,
                        "notes": "Wil een affiche van de zorgzame buurt ophangen."}),
]  # fmt: skip

FLEMISH_STATUS_CHANGES: list[tuple[int, int, str, str, str]] = [
    (31, 15, LIESBETH, "gemeente-leiebeke", "benaderd"),
    (30, 10, LIESBETH, "seniorenraad-leiebeke", "benaderd"),
    (27, 20, DIRK, "sociaal-huis-leiebeke", "benaderd"),
    (27, 20, DIRK, "okra-heuvelkerke", "aangesloten"),
    (24, 19, DIRK, "caw-leiestreek", "benaderd"),
    (20, 10, LIESBETH, "kaartersclub-de-zotte-boer", "benaderd"),
    (20, 10, LIESBETH, "kfc-heuvelkerke", "benaderd"),
    (20, 10, LIESBETH, "dorpsblad-de-heuvelbode", "benaderd"),
    (15, 15, LIESBETH, "kaartersclub-de-zotte-boer", "aangesloten"),
    (15, 15, LIESBETH, "kfc-heuvelkerke", "aangesloten"),
    (15, 15, LIESBETH, "dorpsblad-de-heuvelbode", "aangesloten"),
    (12, 20, DIRK, "samana-heuvelkerke", "benaderd"),
    (12, 20, DIRK, "koninklijke-fanfare-sint-cecilia", "benaderd"),
    (10, 11, LIESBETH, "toneelkring-de-vrije-spelers", "afgehaakt"),
    (8, 14, LIESBETH, "vrije-basisschool-de-regenboog", "benaderd"),
    (8, 14, LIESBETH, "wit-gele-kruis-team-leiebeke", "benaderd"),
    (5, 10, DIRK, "sociaal-huis-leiebeke", "aangesloten"),
    (3, 8, LIESBETH, "lokaal-dienstencentrum-de-linde", "aangesloten"),
]

FLEMISH_PLATFORMS: list[tuple[int, str, str, str, list[str], str, list[int]]] = [
    (24, LIESBETH, "beweegweek", "kfc-heuvelkerke",
     ["vrije-basisschool-de-regenboog", "turnkring-sportief", "tennisclub-heuvelkerke",
      "kinesitherapie-heuvelkerke"], "actief", [1, 2, 3]),
    (18, DIRK, "ouderensteunpunt", "okra-heuvelkerke",
     ["sociaal-huis-leiebeke", "wit-gele-kruis-team-leiebeke", "samana-heuvelkerke"],
     "in oprichting", [1]),
    (9, LIESBETH, "ophaaldienst", "minder-mobielen-centrale-leiebeke", [], "idee", []),
]  # fmt: skip

FLEMISH_ACTIVITIES: list[tuple[int, int, int, int, dict[str, Any]]] = [
    (-20, 19, 30, 90, {"title": "Kennismaken met de werkgroep Beweegweek",
                       "place": "Parochiezaal Sint-Martinus", "organisers": ["kfc-heuvelkerke"],
                       "platform": "beweegweek", "target_groups": "V", "expected": 8,
                       "participants": 10}),
    (-13, 10, 0, 90, {"title": "Wandeling voor senioren", "place": "vanaf de parochiezaal",
                      "organisers": ["okra-heuvelkerke", "kinesitherapie-heuvelkerke"],
                      "platform": "beweegweek", "target_groups": "O", "expected": 20,
                      "participants": 23}),
    (-12, 15, 30, 90, {"title": "Voetbalinitiatie voor het derde tot zesde leerjaar",
                       "place": "Terrein KFC Heuvelkerke",
                       "organisers": ["kfc-heuvelkerke", "vrije-basisschool-de-regenboog"],
                       "platform": "beweegweek", "target_groups": "K", "expected": 40,
                       "participants": 47}),
    (-6, 14, 0, 120, {"title": "Koffienamiddag Ouderensteunpunt (proef)",
                      "place": "Lokaal Dienstencentrum De Linde",
                      "organisers": ["okra-heuvelkerke", "samana-heuvelkerke"],
                      "platform": "ouderensteunpunt", "target_groups": "O,Kw", "expected": 15,
                      "participants": 12}),
    (11, 14, 0, 120, {"title": "Open koffienamiddag Ouderensteunpunt",
                      "place": "Lokaal Dienstencentrum De Linde",
                      "organisers": ["okra-heuvelkerke", "wit-gele-kruis-team-leiebeke"],
                      "platform": "ouderensteunpunt", "target_groups": "O,Kw", "expected": 20}),
    (25, 19, 0, 60, {"title": "Turnen voor iedereen: kom eens proberen",
                     "place": "Sporthal Heuvelkerke", "organisers": ["turnkring-sportief"],
                     "platform": "beweegweek", "target_groups": "A", "expected": 25}),
]  # fmt: skip

FLEMISH_PLACES: list[tuple[dict[str, Any], dict[str, int]]] = [
    (
        {
            "name": "Parochiezaal Sint-Martinus",
            "kind": "kerkzaal",
            "address": "Kerkstraat 12, 8899 Heuvelkerke",
            "seats": "90",
            "rent": "35",
            "evenings": "ma,di,do",
            "access": "drempelvrij,toilet,parkeren",
            "facilities": "keuken,zaaltje",
        },
        {
            "neutraal": 4, "laagdrempelig": 5, "centraal": 5, "toegankelijk": 4,
            "capaciteit": 5, "kosten": 4, "beschikbaarheid": 4,
        },
    ),
    (
        {
            "name": "Lokaal Dienstencentrum De Linde",
            "kind": "buurthuis",
            "address": "Lindestraat 2, 8899 Heuvelkerke",
            "seats": "40",
            "rent": "0",
            "evenings": "di",
            "access": "drempelvrij,toilet,lift,bushalte",
            "facilities": "keuken",
        },
        {
            "neutraal": 3, "laagdrempelig": 4, "centraal": 4, "toegankelijk": 5,
            "capaciteit": 2, "kosten": 5, "beschikbaarheid": 2,
        },
    ),
    (
        {
            "name": "Kantine KFC Heuvelkerke",
            "kind": "sportkantine",
            "address": "Sportlaan 3, 8899 Heuvelkerke",
            "seats": "60",
            "rent": "25",
            "evenings": "ma,wo,vr",
            "access": "parkeren",
            "facilities": "keuken",
            "home_of": "KFC Heuvelkerke",
        },
        {
            "neutraal": 2, "laagdrempelig": 3, "centraal": 2, "toegankelijk": 2,
            "capaciteit": 4, "kosten": 4, "beschikbaarheid": 3,
        },
    ),
]  # fmt: skip

FLEMISH = Demo(
    name=FLEMISH_NAME,
    initiator=LIESBETH,
    second=DIRK,
    events=flemish_events,
    organisations=FLEMISH_ORGANISATIONS,
    status_changes=FLEMISH_STATUS_CHANGES,
    platforms=FLEMISH_PLATFORMS,
    activities=FLEMISH_ACTIVITIES,
    places=FLEMISH_PLACES,
    chosen_place="parochiezaal-sint-martinus",
    place_reason=(
        "De parochiezaal is van geen enkele vereniging in het bijzonder en iedereen kent ze; "
        "ze ligt midden in het dorp, is drempelvrij en heeft een zaaltje voor de groepjes."
    ),
    profile={
        "hours": 12,
        "employer": "lokaal bestuur",
        "funding": [
            "Lokaal bestuur (meerjarenplan)",
            "Oproep Zorgzame buurten van de Vlaamse overheid",
        ],
        "hourly_cost": "50",
    },
    candidates=[
        (
            "Sofie Vercruysse",
            True,
            {
                LIESBETH: {"verbinden": 5, "ruimte_geven": 4, "brug": 5, "dorp": 5,
                           "organiseren": 4},
                DIRK: {"verbinden": 4, "ruimte_geven": 5, "brug": 4, "dorp": 5, "organiseren": 4},
            },
        ),
        (
            "Pieter Callens",
            False,
            {
                LIESBETH: {"verbinden": 3, "ruimte_geven": 3, "brug": 4, "dorp": 2,
                           "organiseren": 5},
                DIRK: {"verbinden": 3, "ruimte_geven": 3, "brug": 3, "dorp": 2, "organiseren": 5},
            },
        ),
    ],  # fmt: skip
)

DEMO_NAMES = (DEMO_NAME, FLEMISH_NAME)


def demo_for(playbook: Playbook) -> Demo:
    """The Flemish village for a Flemish playbook (country BE), else the Dutch one."""
    return FLEMISH if playbook.country == "BE" else DUTCH
