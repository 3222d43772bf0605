"""Real-looking Dutch and Flemish organisation names and the type gzctl should recognise.

Made up for the test (no real contact data), in the shapes real member lists have: a type
word plus a place, abbreviations (VV, OBS, KFC, CLB), street names that hold a type word
(Kerkstraat), schools that are no basisschool, common misspellings. ``None`` means the
name says nothing gzctl knows: it must stay "onbekend" (and the user is asked), never a
silent guess. Dutch names are read with the Dutch catalogue, Flemish ones with the Flemish.

HEAD_NOUN holds the kinds of issue 23: the head noun comes first in a Dutch name (Café,
Autorijschool, Frituur, Brasserie, PKN-gemeente) and what follows 'De', 'Het' or ''t' is a proper
name; a type word at the end of a compound counts (Gospelkoor, Hengelsportvereniging,
Ouderensoos, Bolclub); a business is a business (kind ondernemer).
"""

from __future__ import annotations

DUTCH: list[tuple[str, str | None]] = [
    ("VV Ooltwijk", "voetbalvereniging"),
    ("Buurtvereniging Kerkstraat", "buurtvereniging"),
    ("Rijschool Van Dam", "ondernemers"),  # a business (issue 23), no school
    ("Dansschool Step by Step", None),
    ("Muziekschool De Toonladder", "muziekschool"),
    ("OBS De Regenboog", "basisschool"),
    ("Basisschool Sint Jozef", "basisschool"),
    ("Carnavalsvereniging De Knollenbuilers", "carnavalsvereniging"),
    ("Vrijwillige Brandweer Ooltwijk", "brandweer"),
    ("Vrouwen van Nu afdeling Ooltwijk", "vrouwenvereniging"),
    ("LTO afdeling Lingewaal", "lto"),
    ("Jeugdvereniging Jong Ooltwijk", "jeugdvereniging"),
    ("Zorgcoöperatie Hooglanderveen", "zorgcooperatie"),
    ("Dorpscoöperatie Ooltwijk", "zorgcooperatie"),
    ("Dorpsondersteuner Ooltwijk", "dorpsondersteuner"),
    ("Diëtistenpraktijk Gezond Gewicht", "dietist"),
    ("Alzheimer Café Rivierenland", "alzheimer-cafe"),
    ("Stichting Leergeld West-Betuwe", "leergeld"),
    ("ANWB AutoMaatje West Betuwe", "vervoersdienst"),
    ("Buurtbus Beesd-Geldermalsen", "buurtbus"),
    ("Huisartsenpraktijk De Linge", "huisartsenpraktijk"),
    ("Protestantse Gemeente Ooltwijk", "kerk"),
    ("Gereformeerde Gemeente Beesd", "kerk"),
    ("Christelijke Gemeente De Rank", "kerk"),
    ("Baptistengemeente Geldermalsen", "kerk"),
    ("Gemeente West Betuwe", "gemeente"),
    ("Tennisclub Ooltwijk", "sportvereniging"),
    ("Kaartclub Harten Troef", "kaartclub"),
    ("KBO Ooltwijk", "ouderenbond"),
    ("Zonebloem afdeling Ooltwijk", "zonnebloem"),
    ("Speeltuinvereniging De Wip", "speeltuinvereniging"),
    ("Dorpshuis De Schakel", "dorpshuis"),
    ("Dorpsbelangen Ooltwijk", "dorpsraad"),
    ("Fysiotherapie Ooltwijk", "fysiotherapie"),
    ("Sociaal Team West Betuwe", "kernteam"),
    ("Voedselbank Rivierenland", "voedselbank"),
    ("Woonstichting De Kernen", "woningcorporatie"),
    ("Kerkstraat Apotheek", "apotheek"),
    ("Bakkerij Van Vliet", "ondernemers"),
    ("Biblioteek Rivierenland", "bibliotheek"),
    ("Stichting Welzijn West Betuwe", "welzijnsorganisatie"),
    ("Kapsalon Kerkplein", "ondernemers"),  # a business (issue 23)
    ("Sportschool FitFabriek", None),
]

FLEMISH: list[tuple[str, str | None]] = [
    ("OCMW Moorslede", "sociaal-huis"),
    ("Sociaal Huis Deerlijk", "sociaal-huis"),
    ("CAW Zuid-West-Vlaanderen", "caw"),
    ("Lokaal Dienstencentrum De Zonnebloem", "ldc"),
    ("Huis van het Kind Deerlijk", "huis-van-het-kind"),
    ("Vrij CLB Kortrijk", "clb"),
    ("Wit-Gele Kruis West-Vlaanderen", "thuiszorg"),
    ("Okra Dadizele", "seniorenvereniging"),
    ("Samana Moorslede", "samana"),
    ("Ferm Slypskapelle", "ferm"),
    ("KWB Sint-Eloois-Winkel", "kwb"),
    ("Gezinsbond afdeling Moorslede", "gezinsbond"),
    ("Landelijke Gilde Dadizele", "landelijke-gilde"),
    ("Chiro Sint-Jozef", "jeugdbeweging"),
    ("KSA Moorslede", "jeugdbeweging"),
    ("KLJ Dadizele", "jeugdbeweging"),
    ("Jeugdhuis 't Kelderke", "jeugdhuis"),
    ("Minder Mobielen Centrale Moorslede", "minder-mobielen-centrale"),
    ("UiTPAS regio Kortrijk", "uitpas"),
    ("Welzijnsschakel De Brug", "welzijnsschakel"),
    ("Woonmaatschappij Leieland", "woonmaatschappij"),
    ("Parochiezaal Sint-Martinus", "parochiezaal"),
    ("Seniorenadviesraad Deerlijk", "adviesraad"),
    ("Sportraad Moorslede", "adviesraad"),
    ("KFC Moorslede", "voetbalvereniging"),
    ("Gemeentelijke Basisschool De Klimop", "basisschool"),
    ("Academie voor Muziek en Woord", "muziekschool"),
    ("Kinesitherapie Vandenberghe", "kinesitherapie"),
    ("Woonzorgcentrum Sint-Jozef", "zorgcentrum"),
    ("Eerstelijnszone Zuid-West-Vlaanderen", "eerstelijnszone"),
    ("Kapsalon Kerkstraat", "ondernemers"),  # a business (issue 23)
]

# (country, name, type): the five that were wrong (a church, a brass band, the municipality)
# first, then more names of each kind.
HEAD_NOUN: list[tuple[str, str, str | None]] = [
    ("NL", "Autorijschool Kerkzicht", "ondernemers"),
    ("NL", "Frituur 't Kerkhofje", "ondernemers"),
    ("NL", "Café-Zaal De Harmonie", "ondernemers"),
    ("NL", "PKN-gemeente Den Ham", "kerk"),
    ("NL", "Brasserie Het Gemeentehuis", "ondernemers"),
    # a business first, a type word in the proper name after it
    ("NL", "Café De Kerk", "ondernemers"),
    ("NL", "Eetcafé De Harmonie", "ondernemers"),
    ("NL", "Grand Café Het Raadhuis", "ondernemers"),
    ("NL", "Restaurant De Pastorie", "ondernemers"),
    ("NL", "Snackbar 't Hoekje", "ondernemers"),
    ("NL", "Cafetaria De Kerkbrink", "ondernemers"),
    ("NL", "Garage Van Dam", "ondernemers"),
    ("NL", "Autobedrijf De Gemeint", "ondernemers"),
    ("NL", "Kapsalon Het Koor", "ondernemers"),
    ("NL", "Zaal De Harmonie", "ondernemers"),
    ("NL", "Hotel De Gouden Leeuw", "ondernemers"),
    ("NL", "Bloemist De Kerkuil", "ondernemers"),
    ("NL", "Verkeersschool Het Dorp", "ondernemers"),
    # a church by its abbreviation, the municipality by its own word
    ("NL", "PKN Ooltwijk", "kerk"),
    ("NL", "PKN-gemeente De Ark", "kerk"),
    ("NL", "Hervormde Gemeente Den Ham", "kerk"),
    ("NL", "Gemeente Twenterand", "gemeente"),
    # the head noun first, a type word after it is no type
    ("NL", "Koor van de Protestantse Gemeente", "muziekvereniging"),
    ("NL", "Dorpshuis Het Kerkhuis", "dorpshuis"),
    ("NL", "Zorgcentrum Kerkzicht", "zorgcentrum"),
    ("NL", "Gemeentelijke Basisschool De Klimop", "basisschool"),
    # type words at the end of compounds
    ("NL", "Gospelkoor Joy", "muziekvereniging"),
    ("NL", "Shantykoor De Zeebonken", "muziekvereniging"),
    ("NL", "Hengelsportvereniging De Voorn", "sportvereniging"),
    ("NL", "Watersportvereniging Ooltwijk", "sportvereniging"),
    ("NL", "Ouderensoos De Zonnebloem", "ouderenbond"),
    ("NL", "Seniorensoos Het Anker", "ouderenbond"),
    ("NL", "Bolclub De Kegel", "sportvereniging"),
    # still right: a type word after 'De' counts when nothing came before it
    ("NL", "De Zonnebloem afdeling Ooltwijk", "zonnebloem"),
    ("NL", "VV Nieuwerkerk", "voetbalvereniging"),
    ("NL", "Gemengd Koor Nieuwerkerk", "muziekvereniging"),
    # 'Café' decides only as the head (the first word, after De/Het/'t): in English order
    # ('Repair Café') it is a themed meeting of volunteers, no horeca. With no type word
    # of its own the type stays onbekend (the person is asked; the kind stays vrijwilligers);
    # compounds that may be either a pub or an initiative (Buurtcafé, Dorpscafé) too
    ("NL", "Repair Café Ooltwijk", None),
    ("NL", "Het Repair Café", None),
    ("NL", "Repaircafé Beesd", None),
    ("NL", "Taalcafé Beesd", None),
    ("NL", "Filosofisch Café Ooltwijk", None),
    ("NL", "Digitaal Café", None),
    ("NL", "Buurtcafé De Kroeg", None),
    ("NL", "Dorpscafé De Zwaan", None),
    ("NL", "Alzheimer Café Rivierenland", "alzheimer-cafe"),
    ("NL", "Digicafé Bibliotheek Rivierenland", "bibliotheek"),
    ("NL", "Praatcafé Mantelzorg Beesd", "mantelzorgsteunpunt"),
    ("NL", "'t Café aan de Haven", "ondernemers"),
    ("NL", "Het Café", "ondernemers"),
    ("NL", "Café Restaurant De Zwaan", "ondernemers"),
    # Flemish
    ("BE", "Repair Café Moorslede", None),
    ("BE", "Taalcafé Moorslede", None),
    ("BE", "Alzheimer Café Moorslede", None),  # no dementia type in Flanders: no horeca
    ("BE", "Praatcafé Mantelzorg", "mantelzorgvereniging"),
    ("BE", "Café De Kerk", "ondernemers"),
    ("BE", "Frituur 't Kerkhofje", "ondernemers"),
    ("BE", "Frietkot Bij Marie", "ondernemers"),
    ("BE", "Café-Zaal De Harmonie", "ondernemers"),
    ("BE", "Taverne De Kerk", "ondernemers"),
    ("BE", "Brasserie Het Gemeentehuis", "ondernemers"),
    ("BE", "Autorijschool Kerkzicht", "ondernemers"),
    ("BE", "Garage Vandenbroucke", "ondernemers"),
    ("BE", "Kapsalon De Parochie", "ondernemers"),
    ("BE", "Gospelkoor Joy", "muziekvereniging"),
    ("BE", "Bolclub De Kegel", "sportvereniging"),
    ("BE", "Krulbollers Sint-Eloois", "sportvereniging"),
    ("BE", "Hengelclub De Voorn", "sportvereniging"),
    ("BE", "Ouderensoos De Linde", "seniorenvereniging"),
    ("BE", "Gemeentebestuur Moorslede", "gemeente"),
]
