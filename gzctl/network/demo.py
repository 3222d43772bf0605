"""The demo village: a fictional Ooltwijk, some weeks into the stappenplan.

Built from the same answers and ticks a real initiator would give, dated over the past
weeks so that status, next and log all have something to show. Everything goes through
the normal validation, so a playbook change that breaks the demo fails loudly in the tests.
"""

from __future__ import annotations

import datetime as dt
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
    add_organisations(project, now)
    add_platforms(project, now)
    add_places_and_coordinator(project, playbook, now)
    # one timeline: the inventory's entries fall between the answers and ticks
    project.history.sort(key=lambda h: h.at)
    return project


# The inventory: (days before today, hour, who, fields). Visible gaps on purpose: no youth
# work, no consultatiebureau or mantelzorgsteunpunt, and the GP practice is only listed.
ORGANISATIONS: list[tuple[int, int, str, dict[str, Any]]] = [
    (33, 20, ANNELIES, {"name": "VV Ooltwijk", "reach": 480, "contact_name": "Kees de Bruin",
                        "contact_role": "secretaris", "contact_email": "secretaris@vvooltwijk.nl",
                        "contact_salutation": "Beste Kees", "address": "Sportlaan 4",
                        "postcode": "4197 SL", "place": "Ooltwijk"}),
    (33, 20, ANNELIES, {"name": "Kaartclub De Troef", "reach": 38, "contact_name": "Riet Hol",
                        "contact_role": "voorzitter", "contact_salutation": "Beste Riet"}),
    (33, 20, ANNELIES, {"name": "Dorpskrant De Ooltwijker", "contact_name": "Bram Smits",
                        "contact_role": "eindredacteur", "contact_email": "redactie@ooltwijker.nl",
                        "notes": "Verschijnt maandelijks, huis aan huis."}),
    (33, 20, ANNELIES, {"name": "KBO Ooltwijk", "reach": 310, "contact_name": JOOST,
                        "contact_role": "secretaris", "contact_email": "secretaris@kbo-ooltwijk.nl",
                        "contact_salutation": "Beste Joost"}),
    (33, 20, ANNELIES, {"name": "Dorpshuis De Schakel", "contact_name": ANNELIES,
                        "contact_role": "beheerder",
                        "contact_email": "annelies@dorpshuisdeschakel.nl",
                        "address": "Kerkplein 2", "postcode": "4197 AC", "place": "Ooltwijk"}),
    (33, 20, ANNELIES, {"name": "Tennisclub De Kruisweg", "reach": 260}),
    (33, 20, ANNELIES, {"name": "Gymvereniging Vlug & Lenig", "reach": 140}),
    (33, 20, ANNELIES, {"name": "Zonnebloem afdeling Ooltwijk", "reach": 120,
                        "contact_name": "Ans Verbeek", "contact_role": "coördinator",
                        "contact_phone": "0345 612 377"}),
    (33, 20, ANNELIES, {"name": "Buurtbus Lingemeer", "reach": 200,
                        "notes": "Rijdt ook voor de dagbesteding."}),
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
                     "place": "Ooltwijk"}),
    (32, 21, JOOST, {"name": "Apotheek Ooltwijk"}),
    (32, 21, JOOST, {"name": "Fysiotherapie Ooltwijk", "reach": 150}),
    (32, 21, JOOST, {"name": "Thuiszorg De Lingestroom"}),
    (31, 14, ANNELIES, {"name": "Sociaal Team Lingemeer", "contact_name": "Fatima El Amrani",
                        "contact_role": "consulent", "contact_phone": "0345 700 210"}),
    (31, 14, ANNELIES, {"name": "Welzijn Lingemeer", "contact_name": "Tom Jansen",
                        "contact_role": "ouderenadviseur"}),
    (31, 14, ANNELIES, {"name": "Gemeente Lingemeer", "contact_name": "Sanne Bakker",
                        "contact_role": "dorpencoördinator",
                        "contact_email": "s.bakker@lingemeer.example"}),
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


def add_organisations(project: Project, now: dt.datetime) -> None:
    """The demo inventory, through the same core functions `gzctl org` uses."""
    from gzctl.network import inventory as inv

    catalogue = inv.load_catalogue()
    events: list[tuple[int, int, int, str, Any]] = [
        (days, hour, i, who, fields) for i, (days, hour, who, fields) in enumerate(ORGANISATIONS)
    ]
    events += [
        (days, hour, len(ORGANISATIONS) + i, who, (org_id, status))
        for i, (days, hour, who, org_id, status) in enumerate(STATUS_CHANGES)
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
    (9, ANNELIES, "ophaaldienst", "buurtbus-lingemeer", [], "idee", []),
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


def add_platforms(project: Project, now: dt.datetime) -> None:
    """The demo's platforms and activities, through the core `gzctl platform` uses."""
    from gzctl.network import inventory as inv
    from gzctl.network import platforms as pf

    catalogue = pf.load_catalogue()
    for days, by, pid, trekker, members, status, steps in PLATFORMS:
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
    orgs = inv.load_catalogue()
    for days, hour, minute, length, fields in ACTIVITIES:
        day = (now + dt.timedelta(days=days)).date()
        start = dt.datetime.combine(day, dt.time(hour, minute))
        # planned ten days ahead, but within the last three weeks of the demo's history
        planned = now + dt.timedelta(days=min(-4, max(-20, days - 10)), hours=-3)
        change = store.Change(project, ANNELIES, planned)
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


def add_places_and_coordinator(project: Project, playbook: Playbook, now: dt.datetime) -> None:
    """Places and the Coördinator through the core functions `gzctl place` and
    `gzctl coordinator` use."""
    from gzctl.network import coordinator as co
    from gzctl.network import places as pl
    from gzctl.network.criteria import load_criteria

    crit = load_criteria()

    def at(days: int, hour: int, who: str) -> store.Change:
        moment = (now - dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0)
        return store.Change(project, who, moment)

    for i, (fields, scores) in enumerate(PLACES):
        change = at(30 - i, 19, ANNELIES)
        place = pl.add(project, fields, crit)
        change.log("place-add", f"Kandidaat-ontmoetingsplek toegevoegd: {place.name}", [place.id])
        change = at(20, 20 + i, ANNELIES)
        pl.set_scores(project, place.id, scores, crit)
        criteria = count(len(scores), "criterium", "criteria")
        change.log("place-score", f"{place.name} gescoord ({criteria})", [place.id])
    change = at(3, 8, ANNELIES)  # just before plekkeuze is ticked (the last activity)
    place = pl.choose(project, "dorpshuis-de-schakel", PLACE_REASON, change.now.date(), crit)
    change.log("place-choose", f"Ontmoetingsplek gekozen: {place.name}", [place.id])

    change = at(14, 20, JOOST)
    co.set_profile(
        project,
        playbook,
        {
            "hours": 12,
            "employer": "welzijnsorganisatie",
            "funding": ["Subsidie van de gemeente", "Fondsen"],
            "hourly_cost": "52",
            "start": (now.date() + dt.timedelta(days=40)).isoformat(),
        },
    )
    change.log("coordinator-profile", "Profiel Coördinator: uren, werkgever, geld", [])
    # writing the profile, placing the vacancy and the Beweegweek's one-page plan are ticked
    # by hand: no data shows them (playbook done_when rule)
    by_hand = (
        (13, "organiseren.profielschrijven"),
        (12, "organiseren.vacatureplaatsen"),
        (10, "doen.platformplanschrijven"),
    )
    for days, item_id in by_hand:
        change = at(days, 20, JOOST)
        ticked = progress.mark_done(playbook, project, [item_id], change.now.date(), JOOST)
        change.log("done", "Afgevinkt: " + ticked[0].title, [item_id])
    for i, (name, local, cards) in enumerate(CANDIDATES):
        change = at(9 - i, 10, JOOST)
        cand = co.add_candidate(project, name, lives_in_village=local)
        change.log("candidate-add", f"Kandidaat voor Coördinator: {cand.name}", [cand.id])
        for assessor, card in cards.items():
            change = at(5, 14 + i, assessor)
            co.score(project, cand.id, assessor, card, crit)
            change.log("candidate-score", f"Scorekaart ingevuld door {assessor}", [cand.id])
    change = at(4, 11, JOOST)
    cand = co.appoint(project, "kandidaat-1", change.now.date())
    change.log("coordinator-appoint", f"Coördinator aangesteld: {cand.name}", [cand.id])


def build_demo(folder: Path, playbook: Playbook, now: dt.datetime, who: str) -> Project:
    project = build_project(playbook, now, who)
    store.create(folder, project)
    return project
