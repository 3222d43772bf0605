"""Dutch help texts for every command, as data.

Both the typer app and the fast path (``gzctl --help`` without loading typer) read these,
so the two can never drift apart; a test checks they list the same commands.
"""

from __future__ import annotations

from typing import NamedTuple


class Help(NamedTuple):
    """A command's help: a one-line summary, a description and examples."""

    summary: str
    description: str = ""
    examples: tuple[str, ...] = ()


APP = Help(
    "gzctl helpt een dorp een Gemeenschapszorg netwerk op te zetten.",
    "Verenigingen, vrijwilligers en professionals (school, huisarts, thuiszorg, sociaal "
    "wijkteam) werken samen aan een levendig dorp, vroeg signaleren en meedoen. gzctl leidt "
    "je door het stappenplan, houdt bij wat gedaan is en wat de volgende stap is. Alles staat "
    "in één bestand per dorp: gzctl.toml.",
    (
        "gzctl demo                  # een voorbeelddorp bekijken",
        "gzctl init beesd            # een nieuw dorp beginnen",
        "gzctl init mol --land be    # een dorp in Vlaanderen",
        "gzctl -C beesd status       # waar staat het dorp?",
        "gzctl next                  # wat kan ik nu doen?",
    ),
)

# `gzctl help` on one screen: the commands a volunteer starts with and uses every day, each
# with its summary; the others by name per group (``gzctl help --alles`` shows them all).
HELP_START = ("demo", "init", "wizard")
HELP_DAILY = ("status", "next", "done", "undo", "log", "answers")
HELP_MORE = (
    ("Netwerk", ("org", "docs", "site", "place", "coordinator", "platform", "activity",
                 "person")),
    ("Adviseurs", ("playbook", "portfolio", "peers", "sync", "merge", "config")),
)  # fmt: skip
HELP_ARGS = {"init": "MAP", "done": "NR"}
# what each of those does, in a few words (the one-screen help has no room for the summary)
HELP_SHORT = {
    "demo": "een voorbeelddorp bekijken",
    "init": "een nieuw dorp beginnen",
    "wizard": "verder met het stappenplan",
    "status": "waar staat het dorp?",
    "next": "wat kan ik nu doen?",
    "done": "afvinken, bv. gzctl done 1",
    "undo": "een actie weer open zetten",
    "log": "wie veranderde wat, wanneer",
    "answers": "antwoorden bekijken, verbeteren",
}
HELP_FLANDERS_SHORT = "Vlaams (zorgzame buurt): gzctl init MAP --land BE"
HELP_FLANDERS = (
    "In Vlaanderen: gzctl init MAP --land BE volgt het stappenplan voor een zorgzame buurt, "
    "met Vlaamse woorden; gzctl demo --vlaanderen toont een Vlaams voorbeelddorp."
)
HELP_DUTCH = (
    "Elke opdracht mag ook in het Nederlands: gzctl volgende, gzctl org lijst, gzctl klaar 1."
)

# Top-level commands in the order the help lists them.
COMMANDS: dict[str, Help] = {
    "init": Help(
        "Begin een nieuw dorp: maakt de projectmap en stelt de eerste vragen.",
        "Vraagt naar het dorp (naam, gemeente, provincie, inwoners) en de initiatiefnemers, "
        "maakt MAP/gzctl.toml en gaat door met het stappenplan. Bestaat er al een project, "
        "dan stopt init zonder iets te veranderen. Zonder terminal: geef --answers.",
        (
            "gzctl init beesd",
            "gzctl init beesd --answers antwoorden.toml",
            "gzctl init beesd --playbook eigen-stappenplan.toml",
        ),
    ),
    "wizard": Help(
        "Ga verder met het stappenplan, vanaf de eerste open stap.",
        "Elke vraag wordt bewaard zodra je hem beantwoordt; met Ctrl-C stop je en ga je later "
        "verder waar je was.",
        (
            "gzctl wizard",
            "gzctl wizard --stap 4             # stap 4 (opnieuw) doen",
            "gzctl wizard --stap inventaris",
            "gzctl wizard --answers antwoorden.toml",
        ),
    ),
    "answers": Help(
        "Laat alle antwoorden zien, per stap; verander er één met --wijzig.",
        "Toont op één scherm per stap hoeveel vragen je beantwoordde; --stap N toont de "
        "antwoorden van stap N, --alles elke vraag met je antwoord, genummerd zoals de wizard de "
        "stappen telt (0.1 is de eerste vraag over het dorp, 4.2 de tweede vraag van stap 4). "
        "Met --wijzig NUMMER stel je die ene vraag opnieuw, met je oude antwoord als "
        "voorinvulling; de stap hoef je niet opnieuw te doen. De geschiedenis (gzctl log) "
        "houdt bij dat het antwoord veranderd is.",
        (
            "gzctl answers",
            "gzctl answers --stap 3",
            "gzctl answers --wijzig 0.3         # de provincie opnieuw invullen",
            "gzctl answers --wijzig missie",
            "gzctl answers --json",
        ),
    ),
    "status": Help(
        "Laat zien waar het dorp staat: fase, voortgang, volgende acties.",
        "Past op één scherm; --alles toont ook het bereik, de platforms en de acties met hun "
        "id. Met --json één JSON-document voor scripts en adviseurs; met --chart een grafiek "
        "van de afgevinkte acties in de tijd.",
        (
            "gzctl status",
            "gzctl status --alles",
            "gzctl -C dorpen/beesd status --json",
            "gzctl status --chart",
        ),
    ),
    "next": Help(
        "Toon de volgende acties die je nu kunt oppakken.",
        "Acties waarvan alles wat eraan voorafgaat gedaan is, in de volgorde van het "
        "stappenplan, genummerd: gzctl done 1 vinkt de eerste af. Met --alles ook hun id, "
        "waarom ze ertoe doen, en de acties die nog op een andere wachten. Met --json één "
        "lijst voor scripts: de acties (kind \"stap\"), dan de open acties uit het overleg "
        "(kind \"overleg-actie\").",
        ("gzctl next", "gzctl next --alles", "gzctl next --json"),
    ),
    "done": Help(
        "Vink een of meer acties af.",
        "Noem de actie bij het nummer uit gzctl next, bij woorden uit haar titel, of bij haar "
        "id (het laatste deel is genoeg als dat uniek is). Passen de woorden bij meer acties, "
        "dan noemt gzctl ze en verandert er niets.",
        (
            "gzctl done 1",
            "gzctl done koffie dorpsraad",
            "gzctl done verkennen.kerngroep",
            'gzctl done verkennen.kerngroep verkennen.gemeente --note "Gesprek op 3 maart"',
        ),
    ),
    "undo": Help(
        "Zet een afgevinkte actie terug op open.",
        "Noem de actie bij haar id of bij woorden uit haar titel.",
        ("gzctl undo verkennen.kerngroep", 'gzctl undo "koffie dorpsraad"'),
    ),
    "log": Help(
        "Toon de geschiedenis: wie wat wanneer veranderde.",
        "",
        ("gzctl log", "gzctl log -n 50", "gzctl log --json"),
    ),
    "planning": Help(
        "De mijlpalen van het stappenplan als datums, teruggerekend vanaf de deadline.",
        "Rekent terug vanaf de deadline die je gaf (de subsidiedeadline van de gemeente; in "
        "Vlaanderen de aanpassing van het meerjarenplan): wat deze maand af moet, wat te laat "
        "is en welke datums op een feestdag, zondag of in een vakantie vallen. Met --ics "
        "BESTAND zet je de mijlpalen in je eigen agenda (niet die van de inwoners).",
        (
            "gzctl planning",
            "gzctl planning --json",
            "gzctl planning --ics planning.ics",
        ),
    ),
    "org": Help(
        "De organisaties in het dorp: toevoegen, bekijken, importeren, dekking.",
        "De sociale kaart van het dorp: verenigingen, vrijwilligersgroepen, professionals, "
        "overheid en ondernemers, met hun sectoren, doelgroepen, achterban, contactpersoon "
        "(alleen werkgegevens) en hoe ver ze in het netwerk zijn: geïnventariseerd, benaderd, "
        "uitgenodigd, aangesloten of afgehaakt.",
        (
            'gzctl org add "VV Ooltwijk" --achterban 450',
            "gzctl org list --sector sport",
            "gzctl org status vv-ooltwijk benaderd",
            "gzctl org import ledenlijst.csv --dry-run",
            "gzctl org coverage",
        ),
    ),
    "docs": Help(
        "Maak de documenten voor partners: brieven, agenda, checklists.",
        "Schrijft de documenten van het stappenplan in de map documenten/ van het project, in "
        "Markdown, HTML (print goed op A4) en Word (docx): de checklist per fase, een "
        "uitnodiging per organisatie plus één printbestand met alle brieven, de agenda van de "
        "eerste netwerkavond, de missie en visie, en de kaart 'Wie kan ik bellen?'. Een bestand "
        "dat je met de hand hebt bewerkt, wordt niet overschreven: de nieuwe versie komt ernaast "
        "(*.nieuw.*), tenzij --force. Een eigen sjabloon met dezelfde naam in de map sjablonen/ "
        "gaat voor het ingebouwde.",
        (
            "gzctl docs build",
            "gzctl docs build --only uitnodiging --format html",
            "gzctl docs build --force",
            "gzctl docs list",
        ),
    ),
    "site": Help(
        "Maak de website en de poster voor inwoners.",
        "Schrijft een website in de map website/ van het project: wat het netwerk is, wat er "
        "komt (met een agenda voor je telefoon: agenda.ics), wat er gebeurde, welke organisaties "
        "meedoen, wat ze samen doen, 'Doe mee' en 'Hulp nodig?', plus een plaat van het netwerk, "
        "een nieuwsoverzicht (nieuws.xml) en een poster op A4 en A3 (PDF en HTML). Zet de map "
        "zoals hij is online (hosting van het dorpshuis, GitHub Pages, Netlify) of open hem "
        "van een USB-stick. "
        "Alleen openbare gegevens van organisaties; de naam van een contactpersoon alleen als "
        "dat mag (gzctl org edit ID --naam-op-website ja). Dezelfde gegevens geven precies "
        "dezelfde bestanden.",
        (
            "gzctl site build",
            "gzctl site build --url https://ooltwijksamen.nl",
            "gzctl config site.url https://ooltwijksamen.nl",
        ),
    ),
    "place": Help(
        "Kies de ontmoetingsplek: kandidaten, scores per criterium, de keuze.",
        "Zet twee of drie plekken op de lijst (dorpshuis, buurthuis, bibliotheek, ...), geef "
        "ze per criterium een score van 1 tot 5 en bekijk de rangorde met gewogen totalen en "
        "redenen. Een plek zonder harde eis (zoals een drempelvrije ingang) valt af. Leg de "
        "keuze vast met place choose; de actie in de checklist is dan vanzelf gedaan.",
        (
            'gzctl place add "Dorpshuis De Schakel" --toegang drempelvrij,toilet --huur 40',
            "gzctl place score dorpshuis-de-schakel neutraal=5 kosten=4",
            "gzctl place list",
            'gzctl place choose dorpshuis-de-schakel --reden "Van niemand, voor iedereen."',
        ),
    ),
    "coordinator": Help(
        "Beschrijf de Coördinator, werf kandidaten en stel iemand aan.",
        "Het profiel (taken, eigenschappen, uren, werkgever, geld en begroting), kandidaten "
        "met een scorekaart per beoordelaar, en de aanstelling. Kandidaten zijn "
        "persoonsgegevens: bewaar alleen wat de selectie nodig heeft en wis ze na afloop met "
        "coordinator candidate forget.",
        (
            "gzctl coordinator profile",
            "gzctl coordinator profile --uren 12 --kosten-per-uur 55",
            'gzctl coordinator candidate add "Sanne Bakker" --woont-in-dorp',
            "gzctl coordinator appoint kandidaat-1",
        ),
    ),
    "platform": Help(
        "Platforms: samen aan één thema werken, zoals een Beweegweek of Ouderensteunpunt.",
        "suggest laat per platform uit de catalogus zien welke organisaties van de lijst passen, "
        "welke nog ontbreken en hoe klaar het dorp is om te starten. Een platform van het "
        "project heeft leden, een trekker, een status (idee, in oprichting, actief, gestopt) "
        "en een eigen checklist met de eerste stappen.",
        (
            "gzctl platform suggest",
            "gzctl platform add beweegweek --trekker vv-ooltwijk --lid obs-de-linde",
            "gzctl platform status beweegweek actief",
            "gzctl platform show beweegweek",
        ),
    ),
    "activity": Help(
        "Activiteiten van het netwerk: plannen, tellen en als agenda (.ics) delen.",
        "Titel, datum en tijd, plek, organiserende organisaties, platform, doelgroepen en het "
        "verwachte en werkelijke aantal deelnemers (alleen aantallen, nooit namen). export "
        "schrijft een agendabestand dat in Outlook en Google Agenda te importeren is.",
        (
            'gzctl activity add "Wandeling voor ouderen" --datum 12-04-2027 --tijd 10:00 '
            "--plek Dorpshuis --platform beweegweek",
            "gzctl activity list --wanneer komend",
            "gzctl activity export agenda.ics",
        ),
    ),
    "geld": Help(
        "Het geld van het netwerk: begroting, uitgaven, inkomsten en fondsen.",
        "Leg uitgaven en inkomsten vast zodra ze er zijn (datum, bedrag, waarvoor; nooit namen "
        "van inwoners). overzicht zet per jaar de begroting uit de subsidieaanvraag naast wat "
        "er werkelijk is uitgegeven; de verantwoording voor de penvoerder en de gemeente "
        "(gzctl docs build verantwoording) gebruikt dezelfde cijfers.",
        (
            'gzctl geld uitgave 14-03-2027 "€ 85" "Zaalhuur netwerkavond" --post activiteiten',
            'gzctl geld inkomst 01-02-2027 12500 gemeente --omschrijving "Eerste voorschot"',
            "gzctl geld overzicht",
            "gzctl geld fondsen --platform beweegweek",
        ),
    ),
    "peiling": Help(
        "De korte peiling onder inwoners: merken zij verschil? Alleen aantallen.",
        "Dezelfde zeven vragen bij de start, na 12 en na 18 maanden. Druk ze af met gzctl docs "
        "build --only peiling of zet ze in een webformulier (gzctl peiling vragen). Anoniem: "
        "gzctl bewaart alleen hoeveel mensen welk antwoord gaven, nooit wie.",
        (
            "gzctl peiling vragen",
            "gzctl peiling ronde start --datum 12-03-2027 --ingevuld 64",
            "gzctl peiling tel start 1 20 25 12 7",
            "gzctl peiling uitslag",
        ),
    ),
    "vast": Help(
        "Wat leden al doen: hun eigen vaste activiteiten, voor de website en de agenda.",
        "De wekelijkse koersbal, de repetitie van het koor, de bezoekmiddag van de Zonnebloem: "
        "inwoners zien zo hoeveel er al gebeurt. Alleen de organisatie, wat, wanneer en waar; "
        "nooit namen. Op feestdagen valt een vaste activiteit in de agenda uit.",
        (
            'gzctl vast toevoegen kbo-ooltwijk "Koersbal" --vanaf 5-1-2027 --tijd 14:00',
            'gzctl vast toevoegen zonnebloem "Bezoekmiddag" --vanaf 7-1-2027 --elke maand',
            "gzctl vast lijst",
        ),
    ),
    "aanmelding": Help(
        "Inwoners die zich aanmelden om mee te doen: alleen aantallen, per maand en route.",
        "Tel hoeveel inwoners zich meldden en hoe (website, dorpshuis, vereniging, netwerkavond, "
        "telefoon); nooit wie. Antwoord elke aanmelding binnen een week, met een persoonlijke "
        "kennismaking bij één club of platform (gzctl docs build --only antwoord-aanmelding).",
        (
            "gzctl aanmelding nieuw 2 --via website",
            "gzctl aanmelding nieuw --via dorpshuis --maand 2027-03",
            "gzctl aanmelding lijst",
        ),
    ),
    "overleg": Help(
        "Bijeenkomsten van het netwerk: agenda, besluiten, acties en verslag.",
        "Netwerkavonden, werkgroepen en de startgroep. Per overleg een gespreksleider die per "
        "keer wisselt onder de aangesloten organisaties (bij een werkgroep: de leden van het "
        "platform), een besluitenlijst en acties met een organisatie en een datum, nooit met "
        "de naam van een inwoner. gzctl docs build maakt per overleg de uitnodiging met agenda "
        "(met het vaste punt 'Toets aan de missie') en, na afloop, het verslag in "
        "documenten/overleg/. Elk subcommando heeft ook een Engelse naam (add, list, show, "
        "decision, action, action-done, close).",
        (
            "gzctl overleg toevoegen 11-03-2027 --soort netwerkavond --tijd 19:30",
            "gzctl overleg toevoegen 25-03-2027 --soort werkgroep --platform beweegweek",
            'gzctl overleg besluit 2027-03-11-netwerkavond "We starten met de Beweegweek"',
            'gzctl overleg actie 2027-03-11-netwerkavond "Zaal vastleggen voor de Beweegweek" '
            "--door dorpshuis --voor 01-04-2027",
            "gzctl overleg klaar 2027-03-11-netwerkavond",
        ),
    ),
    "person": Help(
        "Persoonsgegevens (AVG): inzage in en wissen van een persoon.",
        "Voor kandidaten, contactpersonen en initiatiefnemers. gzctl zoekt op de hele naam, het "
        "e-mailadres, het telefoonnummer of het id, nooit op een deel van een naam. Inzage geeft "
        "alles wat gzctl over iemand bewaart; wissen haalt de persoon uit de lijsten, de "
        "geschiedenis, de notities en de documenten.",
        (
            'gzctl person export "Karin de Boer" --json',
            'gzctl person forget "Karin de Boer" --yes',
        ),
    ),
    "playbook": Help(
        "Bekijk, controleer of kies het stappenplan.",
        "",
        (
            "gzctl playbook show",
            "gzctl playbook check mijn-stappenplan.toml",
            "gzctl playbook use mijn-stappenplan.toml",
        ),
    ),
    "portfolio": Help(
        "Overzicht voor adviseurs: alle dorpen onder een of meer mappen.",
        "Zoekt elk gzctl.toml onder de mappen (standaard portfolio.roots uit gzctl config, "
        "anders de huidige map) en toont per dorp: gemeente, stappenplan, fase, voortgang, "
        "organisaties, bereik, ontmoetingsplek, coördinator, platforms en dagen sinds de laatste "
        "activiteit; 'stilgevallen' na --stalled-days dagen. Een map met een kapot gzctl.toml "
        "wordt een regel met de fout; dan is de afsluitcode 1. Met --json één JSON-document "
        "(per dorp de status plus path en error), met --csv een bestand voor Excel, met --html "
        "een pagina die zonder internet werkt, met per dorp een grafiek van de voortgang.",
        (
            "gzctl portfolio ~/dorpen",
            "gzctl portfolio ~/dorpen --stalled --sort activity",
            "gzctl portfolio ~/dorpen --json",
            "gzctl portfolio ~/dorpen --csv > dorpen.csv",
            "gzctl portfolio ~/dorpen --html overzicht.html",
        ),
    ),
    "config": Help(
        "Bekijk of wijzig instellingen (standaardmappen, git.autocommit).",
        "Instellingen: portfolio.roots (mappen voor gzctl portfolio), portfolio.stalled_days "
        "(na hoeveel dagen een dorp stilgevallen heet) staan in jouw instellingenbestand; "
        "git.autocommit (elke wijziging wordt een git-commit) staat in het gzctl.toml van het "
        "project. Zonder WAARDE toont gzctl de huidige waarde.",
        (
            "gzctl config --list",
            "gzctl config portfolio.roots ~/dorpen",
            "gzctl config portfolio.stalled_days 45",
            "gzctl -C beesd config git.autocommit true",
        ),
    ),
    "peers": Help(
        "Voor adviseurs: welke dorpen kunnen van elkaar leren?",
        "Per platform de dorpen waar het actief is en de dorpen waar het begint; per stap van "
        "het stappenplan de dorpen (twee of meer) die daar nu staan, met hoe lang ze stil "
        "zijn. Zo breng je dorpen met elkaar in contact: bij elkaar in de keuken kijken. "
        "Leest dezelfde mappen als gzctl portfolio.",
        (
            "gzctl peers ~/dorpen",
            "gzctl peers ~/dorpen --json",
            "gzctl peers ~/dorpen --csv > leren.csv",
            "gzctl peers ~/dorpen --html leren.html",
        ),
    ),
    "sync": Help(
        "Voor adviseurs: haal alle dorpen op uit git (klonen of bijwerken), tegelijk.",
        "Leest de lijst sync.repos uit gzctl config (git-adressen of paden) en zet elk dorp "
        "als kloon in de map sync.dir (standaard de eerste portfolio.roots). Een ontbrekend "
        "dorp wordt gekloond, een bestaand dorp opgehaald en alleen 'fast-forward' bijgewerkt. "
        "Per dorp: nieuw, N nieuwe commits, bijgewerkt, uiteengelopen, lokale wijzigingen of "
        "onbereikbaar. Een dorp met eigen wijzigingen die niet vooruit kunnen, blijft "
        "onaangeroerd. Met --portfolio volgt meteen het overzicht van de opgehaalde dorpen.",
        (
            "gzctl config sync.repos https://git.example.nl/stichting/beesd.git",
            "gzctl config sync.dir ~/dorpen",
            "gzctl sync",
            "gzctl sync --portfolio",
            "gzctl sync --json",
        ),
    ),
    "merge": Help(
        "Samenwerken via git: samenvoegen instellen, conflicten bekijken en oplossen.",
        "gzctl voegt twee versies van gzctl.toml samen op betekenis (afgevinkte acties, "
        "organisaties, antwoorden, geschiedenis), zodat 'git pull' het dorp nooit kapotmaakt. "
        "Is dezelfde waarde aan beide kanten anders veranderd, dan houdt gzctl jouw versie en "
        "onthoudt het conflict: 'gzctl status' toont het, 'gzctl merge resolve' lost het op.",
        (
            "gzctl merge setup",
            "gzctl merge conflicts",
            "gzctl merge resolve answers.verbinden.missie --mine",
            "gzctl merge resolve answers.verbinden.missie --other",
        ),
    ),
    "demo": Help(
        "Maak een compleet voorbeelddorp om gzctl te leren kennen.",
        "Maakt zonder vragen een fictief dorp met een deel van het stappenplan al gedaan, en "
        "toont de status.",
        ("gzctl demo", "gzctl demo /tmp/proefdorp"),
    ),
    "help": Help(
        "Uitleg over gzctl, of over één opdracht.",
        "gzctl help toont alle opdrachten; gzctl help OPDRACHT (ook een deel-opdracht zoals "
        "org add) legt die ene opdracht uit, met voorbeelden. Hetzelfde als OPDRACHT --help.",
        ("gzctl help", "gzctl help status", "gzctl help org add"),
    ),
}

PLAYBOOK_COMMANDS: dict[str, Help] = {
    "show": Help(
        "Toon een stappenplan als boom: fasen, stappen, acties.",
        "Zonder NAAM het stappenplan van het huidige project (of het standaard stappenplan).",
        ("gzctl playbook show", "gzctl playbook show gemeenschapszorg --vragen"),
    ),
    "check": Help(
        "Controleer een stappenplan-bestand op fouten.",
        "Meldt elke fout met bestand, id en regelnummer; afsluitcode 2 als er fouten zijn.",
        ("gzctl playbook check mijn-stappenplan.toml",),
    ),
    "use": Help(
        "Laat dit project een ander stappenplan volgen.",
        "Een ingebouwde naam of het pad van een eigen .toml-bestand (relatief aan de projectmap).",
        ("gzctl playbook use mijn-stappenplan.toml", "gzctl playbook use gemeenschapszorg"),
    ),
}

DOCS_COMMANDS: dict[str, Help] = {
    "build": Help(
        "Maak of vernieuw de documenten in documenten/.",
        "Zonder --only maakt gzctl alle documenten die al kunnen; wat nog een antwoord mist, "
        "wordt genoemd en overgeslagen. Dezelfde gegevens geven precies dezelfde bestanden. "
        "Met de hand bewerkte bestanden blijven staan; de nieuwe versie heet dan *.nieuw.*.",
        (
            "gzctl docs build",
            "gzctl docs build --format md,html",
            "gzctl docs build --only uitnodiging",
            "gzctl docs build --only missie-visie --force",
        ),
    ),
    "list": Help(
        "Toon welke documenten er zijn, waarvoor, en of ze actueel zijn.",
        "Per document: actueel, verouderd (de gegevens of sjablonen zijn veranderd), met de "
        "hand bewerkt, nog niet gemaakt, of nog niet te maken (en welk antwoord ontbreekt).",
        ("gzctl docs list", "gzctl docs list --json"),
    ),
}

SITE_COMMANDS: dict[str, Help] = {
    "build": Help(
        "Maak of vernieuw de website en de poster in website/.",
        "Open daarna website/index.html in je browser; print de poster: website/poster-a4.pdf "
        "of poster-a3.pdf. Met --url (of gzctl config site.url) komt er "
        "een QR-code naar de website op de poster.",
        (
            "gzctl site build",
            "gzctl site build --url https://ooltwijksamen.nl",
        ),
    ),
}

PLATFORM_COMMANDS: dict[str, Help] = {
    "suggest": Help(
        "Welke platforms passen bij de organisaties op de lijst?",
        "Per platform uit de catalogus: de organisaties die passen (op type, sector en "
        "doelgroep), de soorten organisaties die nog ontbreken, en hoe klaar het dorp is "
        "(0-100%). Een platform kan starten als alle onmisbare organisaties er zijn.",
        ("gzctl platform suggest", "gzctl platform suggest --json"),
    ),
    "add": Help(
        "Start een platform, uit de catalogus of een eigen.",
        "Uit de catalogus krijgt het platform een doel en een checklist met de eerste stappen. "
        "Een andere titel maakt een eigen platform.",
        (
            "gzctl platform add ouderensteunpunt --trekker kbo-ooltwijk",
            'gzctl platform add "Repair café" --doel "Samen spullen repareren"',
        ),
    ),
    "list": Help(
        "Toon de platforms van het project.",
        "Met status, aantal leden, trekker, gedane stappen en activiteiten.",
        ("gzctl platform list", "gzctl platform list --json"),
    ),
    "show": Help(
        "Toon alles over één platform, met de checklist.",
        "",
        ("gzctl platform show beweegweek", "gzctl platform show beweegweek --json"),
    ),
    "join": Help(
        "Laat organisaties meedoen in een platform.",
        "Met --trekker wordt de (ene) genoemde organisatie de trekker.",
        (
            "gzctl platform join beweegweek obs-de-linde gymclub",
            "gzctl platform join beweegweek vv-ooltwijk --trekker",
        ),
    ),
    "leave": Help(
        "Een organisatie doet niet meer mee in een platform.",
        "",
        ("gzctl platform leave beweegweek gymclub",),
    ),
    "status": Help(
        "Zet de status van een platform: idee, in-oprichting, actief of gestopt.",
        "De datum wordt erbij bewaard. Een actief platform telt mee in het stappenplan.",
        ("gzctl platform status beweegweek actief",),
    ),
    "done": Help(
        "Vink een stap van de checklist van een platform af (of voeg er een toe).",
        "NUMMER is het nummer uit gzctl platform show.",
        (
            "gzctl platform done beweegweek 2",
            "gzctl platform done beweegweek 2 --undo",
            'gzctl platform done beweegweek --stap "Vraag de bakker om fruit"',
        ),
    ),
    "remove": Help(
        "Verwijder een platform (liever: zet het op gestopt).",
        "",
        ("gzctl platform remove repair-cafe --yes",),
    ),
}

ACTIVITY_COMMANDS: dict[str, Help] = {
    "add": Help(
        "Plan een activiteit.",
        "Alleen titel en datum zijn verplicht. Deelnemers zijn aantallen, nooit namen.",
        (
            'gzctl activity add "Voetbalclinic" --datum 14-04-2027 --tijd 15:30 --tot 17:00 '
            "--door vv-ooltwijk --platform beweegweek --doelgroep K --verwacht 40",
        ),
    ),
    "list": Help(
        "Toon de activiteiten, op datum.",
        "",
        ("gzctl activity list", "gzctl activity list --wanneer geweest --json"),
    ),
    "show": Help(
        "Toon één activiteit.",
        "",
        ("gzctl activity show 2027-04-14-voetbalclinic",),
    ),
    "edit": Help(
        "Wijzig een activiteit (datum, tijd, plek, ...); de id blijft.",
        'Geef alleen wat verandert; een lege waarde ("") wist een veld. Verschuift de datum, '
        "dan schuift de eindtijd mee en blijft de id gelijk: een opnieuw geïmporteerde agenda "
        "verplaatst de activiteit in plaats van er een bij te zetten.",
        (
            "gzctl activity edit 2027-04-14-voetbalclinic --datum 21-04-2027",
            'gzctl activity edit 2027-04-14-voetbalclinic --plek "Sporthal De Kruisweg"',
        ),
    ),
    "count": Help(
        "Leg vast hoeveel mensen er kwamen (alleen het aantal).",
        "",
        ("gzctl activity count 2027-04-14-voetbalclinic 37",),
    ),
    "remove": Help(
        "Schrap een activiteit.",
        "",
        ("gzctl activity remove 2027-04-14-voetbalclinic",),
    ),
    "export": Help(
        "Schrijf de activiteiten als agendabestand (.ics).",
        "Voor Outlook, Google Agenda en telefoons; tijden in Nederlandse tijd. Elke activiteit "
        "heeft een vaste id, dus opnieuw importeren werkt de agenda bij.",
        ("gzctl activity export agenda.ics", "gzctl activity export komend.ics --wanneer komend"),
    ),
}

MONEY_COMMANDS: dict[str, Help] = {
    "uitgave": Help(
        "Leg een uitgave vast: datum, bedrag en waarvoor.",
        "De post is salaris, activiteiten of overig (de posten van de begroting). Met "
        "--platform telt de uitgave ook bij dat platform.",
        (
            'gzctl geld uitgave 14-03-2027 85 "Zaalhuur netwerkavond" --post activiteiten',
            'gzctl geld uitgave 02-05-2027 "€ 42,50" "Koffie en thee" --platform beweegweek',
        ),
    ),
    "inkomst": Help(
        "Leg geld vast dat binnenkwam: datum, bedrag en van wie.",
        "Van wie: de gemeente, een fonds, de penvoerder, een bijdrage van een organisatie.",
        ('gzctl geld inkomst 01-02-2027 12500 gemeente --omschrijving "Eerste voorschot"',),
    ),
    "lijst": Help(
        "Toon de uitgaven en inkomsten, op datum.",
        "",
        ("gzctl geld lijst", "gzctl geld lijst --jaar 2027 --json"),
    ),
    "overzicht": Help(
        "Zet per jaar de begroting naast wat er is uitgegeven en binnenkwam.",
        "De begroting komt uit de subsidieaanvraag (uren, uurloon en activiteitenbudget van "
        "gzctl coordinator), voor de jaren die de aanvraag dekt.",
        ("gzctl geld overzicht", "gzctl geld overzicht --jaar 2027 --json"),
    ),
    "verwijder": Help(
        "Schrap een uitgave of inkomst die verkeerd is ingevoerd.",
        "",
        ("gzctl geld verwijder 2027-03-14-zaalhuur-netwerkavond",),
    ),
    "fondsen": Help(
        "Toon fondsen die activiteiten van het netwerk kunnen betalen.",
        "Fondsen betalen activiteiten en de start van iets nieuws, bijna nooit salarissen. Met "
        "--platform alleen de fondsen die bij de doelgroepen van dat platform passen; de "
        "fondsaanvraag per platform maak je met gzctl docs build fondsaanvraag.",
        ("gzctl geld fondsen", "gzctl geld fondsen --platform beweegweek"),
    ),
}

SURVEY_COMMANDS: dict[str, Help] = {
    "vragen": Help(
        "Toon de vragen, genummerd, als tekst voor een webformulier.",
        "",
        ("gzctl peiling vragen", "gzctl peiling vragen --json"),
    ),
    "ronde": Help(
        "Leg een ronde vast: wanneer, en hoeveel mensen invulden.",
        "Het moment is start, 12 of 18 (maanden na de start). Opnieuw geven wijzigt de ronde.",
        ("gzctl peiling ronde start --datum 12-03-2027 --ingevuld 64",),
    ),
    "tel": Help(
        "Leg per vraag vast hoeveel mensen elk antwoord gaven.",
        "Geef de aantallen in de volgorde van de antwoorden (zie gzctl peiling vragen). Wie een "
        "vraag oversloeg, telt niet mee.",
        ("gzctl peiling tel start 1 20 25 12 7", "gzctl peiling tel 12 5 40 15 3 0"),
    ),
    "uitslag": Help(
        "Zet de uitkomst van de rondes naast elkaar, in procenten.",
        "",
        ("gzctl peiling uitslag", "gzctl peiling uitslag --json"),
    ),
}

RECURRING_COMMANDS: dict[str, Help] = {
    "toevoegen": Help(
        "Voeg een vaste activiteit van een lid toe: wat, wanneer, hoe vaak, waar.",
        "--elke is week, twee-weken of maand (maand: op dezelfde dag van de maand als de "
        "eerste keer, zoals elke eerste dinsdag).",
        ('gzctl vast toevoegen kbo-ooltwijk "Koersbal" --vanaf 5-1-2027 --tijd 14:00',),
    ),
    "lijst": Help("Toon wat leden al doen.", "", ("gzctl vast lijst", "gzctl vast lijst --json")),
    "verwijder": Help(
        "Schrap een vaste activiteit die gestopt is.", "",
        ("gzctl vast verwijder kbo-ooltwijk-koersbal",),
    ),
}

SIGNUP_COMMANDS: dict[str, Help] = {
    "nieuw": Help(
        "Tel inwoners die zich aanmeldden (standaard 1, deze maand).",
        "Route: website, dorpshuis, vereniging, netwerkavond, telefoon of anders.",
        ("gzctl aanmelding nieuw 2 --via website",),
    ),
    "lijst": Help(
        "Toon de aanmeldingen per maand en route.", "",
        ("gzctl aanmelding lijst", "gzctl aanmelding lijst --json"),
    ),
}

OVERLEG_COMMANDS: dict[str, Help] = {
    "toevoegen": Help(
        "Plan een overleg (of leg er een vast dat al was).",
        "De id is de datum en de soort, zoals 2027-03-11-netwerkavond. De gespreksleider "
        "wisselt per keer onder de aangesloten organisaties (bij een werkgroep: de leden van "
        "het platform); kies er zelf een met --voorzitter. Valt de datum op een feestdag, "
        "zondag of in een vakantie, dan zegt gzctl dat.",
        (
            "gzctl overleg toevoegen 11-03-2027 --soort netwerkavond --tijd 19:30 --plek Dorpshuis",
            "gzctl overleg toevoegen 25-03-2027 --soort werkgroep --platform beweegweek",
        ),
    ),
    "lijst": Help(
        "Toon de overleggen, op datum, met hun besluiten en open acties.",
        "",
        ("gzctl overleg lijst", "gzctl overleg lijst --json"),
    ),
    "toon": Help(
        "Toon één overleg: agenda, besluitenlijst en acties.",
        "",
        ("gzctl overleg toon 2027-03-11-netwerkavond",),
    ),
    "besluit": Help(
        "Zet een besluit in de besluitenlijst van een overleg.",
        "Besluiten neem je samen in het overleg; iedereen krijgt de besluitenlijst.",
        ('gzctl overleg besluit 2027-03-11-netwerkavond "We starten met de Beweegweek"',),
    ),
    "actie": Help(
        "Leg een actie vast: wat, welke organisatie, vóór wanneer.",
        "Een actie ligt bij een organisatie, nooit bij een inwoner. Open acties staan in "
        "gzctl next en gzctl status.",
        (
            'gzctl overleg actie 2027-03-11-netwerkavond "Zaal vastleggen voor de Beweegweek" '
            "--door dorpshuis --voor 01-04-2027",
        ),
    ),
    "actie-klaar": Help(
        "Vink een actie af.",
        "",
        ("gzctl overleg actie-klaar zaal-vastleggen-beweegweek",),
    ),
    "klaar": Help(
        "Sluit een overleg dat geweest is: daarna maakt docs build het verslag.",
        "",
        ("gzctl overleg klaar 2027-03-11-netwerkavond",),
    ),
    "verwijderen": Help(
        "Schrap een overleg dat niet doorgaat (zonder besluiten of acties).",
        "Een overleg met besluiten of acties blijft bewaard: daar heeft het netwerk over beslist. "
        "Een geschrapte netwerkavond blijft in agenda.ics van de website staan als 'Gaat niet "
        "door', zodat agenda's van inwoners hem weghalen.",
        ("gzctl overleg verwijderen 2027-03-11-netwerkavond",),
    ),
}

ORG_COMMANDS: dict[str, Help] = {
    "add": Help(
        "Zet een organisatie op de lijst.",
        "Geef de naam en wat je weet als opties; alleen de naam is verplicht. Soort, sectoren "
        "en doelgroepen volgen uit het type (dat gzctl vaak al aan de naam herkent). Zonder "
        "naam, in een terminal, stelt gzctl de vragen. Een organisatie die er al op staat "
        "(ook anders gespeld: 'VV Beesd', 'v.v. Beesd') wordt niet nog eens toegevoegd.",
        (
            'gzctl org add "VV Ooltwijk" --achterban 450 --contact "Kees de Bruin" '
            "--email secretaris@vvooltwijk.nl",
            'gzctl org add "Huisartsenpraktijk Ooltwijk" --status benaderd',
            "gzctl org add",
        ),
    ),
    "list": Help(
        "Toon de organisaties als tabel.",
        "Filter op sector, type, status of soort; met --json één JSON-document.",
        (
            "gzctl org list",
            "gzctl org list --sector zorg --status aangesloten",
            "gzctl org list --type basisschool --json",
        ),
    ),
    "show": Help(
        "Toon alles over één organisatie.",
        "ID is het id uit gzctl org list; de naam werkt ook.",
        ("gzctl org show vv-ooltwijk", "gzctl org show vv-ooltwijk --json"),
    ),
    "edit": Help(
        "Wijzig gegevens van een organisatie.",
        'Geef de velden die veranderen als opties; een lege waarde ("") wist een veld. '
        "Zonder opties, in een terminal, vraagt gzctl elk veld met de huidige waarde.",
        (
            "gzctl org edit vv-ooltwijk --achterban 480",
            'gzctl org edit vv-ooltwijk --telefoon ""',
            "gzctl org edit vv-ooltwijk",
        ),
    ),
    "bevestig": Help(
        "Bevestig het type dat gzctl aan de naam heeft geraden.",
        "Een type dat gzctl aan de naam leest is een gok (in gzctl org list met een ?): het "
        "kiest geen aanhef in een brief en geen plek op de kaart 'Wie kan ik bellen?' tot "
        "iemand het bevestigt. Geef de ids waarvan het type klopt; zonder id bevestig je alle "
        "gokken. Klopt het niet, kies dan het goede: gzctl org edit ID --type TYPE.",
        (
            "gzctl org bevestig vv-ooltwijk kbo-ooltwijk",
            "gzctl org bevestig",
            "gzctl org edit cafe-de-zwaan --type ondernemers",
        ),
    ),
    "status": Help(
        "Zet de netwerkstatus van een of meer organisaties.",
        "Geef eerst de ids, de status als laatste. STATUS is geïnventariseerd, benaderd, "
        "uitgenodigd, aangesloten of afgehaakt; de datum wordt erbij bewaard (vandaag, of "
        "--datum). Is een id onbekend, dan verandert er niets.",
        (
            "gzctl org status vv-ooltwijk benaderd",
            "gzctl org status vv-ooltwijk kbo-ooltwijk aangesloten",
            "gzctl org status vv-ooltwijk aangesloten --datum 12-03-2027",
        ),
    ),
    "nog-mee": Help(
        "Leg vast dat een aangesloten organisatie nog meedoet (de jaarlijkse vraag).",
        "gzctl next en status vragen één keer per jaar 'doen jullie nog mee?' aan organisaties "
        "waarvan een half jaar niets te zien was: geen activiteit, overleg-actie, platform, "
        "statuswijziging of vaste activiteit. Zegt een organisatie ja, leg dat hier vast (de "
        "vraag komt dan pas over een jaar terug); zegt ze nee: gzctl org status ID afgehaakt.",
        (
            "gzctl org nog-mee kbo-ooltwijk",
            "gzctl org nog-mee kbo-ooltwijk vv-ooltwijk --datum 12-03-2027",
        ),
    ),
    "remove": Help(
        "Haal een organisatie van de lijst (met haar contactgegevens).",
        "Vraagt eerst om bevestiging; --yes slaat die vraag over (nodig zonder terminal).",
        ("gzctl org remove toneelvereniging-het-doek", "gzctl org remove oude-club --yes"),
    ),
    "import": Help(
        "Lees organisaties in uit een lijst: CSV, Excel, LibreOffice, JSON of vCard.",
        "CSV of TSV in elke codering, .xlsx, .xlsm, .xls, .ods (elk tabblad), .json, .vcf; wat "
        "het bestand is, lees ik aan de inhoud, niet aan de naam. Ik herken de kolommen aan "
        "hun naam (ook vragen uit Google Forms en Microsoft Forms, exports van Outlook en "
        "Google Contacten) en aan de waarden (e-mail, telefoon, postcode, getallen); "
        "gegevens van het formulier zelf (Tijdstempel) lees ik niet. Onbekende kolommen gaan "
        "in de notitie, niets verdwijnt zonder melding. --dry-run laat de koppeling zien, de "
        "eerste rijen en een koppelingsbestand om aan te passen; geef het terug met "
        "--koppeling, of zeg het met --kolom \"naam=Bedrijf\". In een terminal vraag ik of de "
        "koppeling klopt. Een foute cel (een telefoonnummer dat er geen is, een onbekende soort) "
        "blijft leeg en staat in de notitie; een rij zonder naam sla ik over; allebei noem ik "
        "met rij en kolom. Is geen enkele rij te gebruiken, dan lees ik niets in. Dubbele "
        "organisaties worden samengevoegd (of met --duplicates skip "
        "overgeslagen).",
        (
            "gzctl org import ledenlijst.csv --dry-run",
            "gzctl org import formulier.csv --kolom \"naam=Naam van je vereniging\"",
            "gzctl org import contacten.csv --koppeling koppeling.toml --bewaar-koppeling",
            "gzctl org import lijst.csv --duplicates skip",
        ),
    ),
    "export": Help(
        "Schrijf de lijst naar een CSV-, Excel- of JSON-bestand.",
        "Het formaat volgt uit de extensie (.csv, .xlsx), of uit --format. De CSV heeft ; als "
        "scheidingsteken en opent zo in Excel. Een export kun je weer importeren.",
        (
            "gzctl org export sociale-kaart.xlsx",
            "gzctl org export organisaties.csv",
            "gzctl org export - --format json",
        ),
    ),
    "coverage": Help(
        "Laat zien welke sectoren en doelgroepen gedekt zijn, en wat nog ontbreekt.",
        "Een tabel sector x doelgroep met het aantal organisaties (gaten gemarkeerd), de "
        "typische organisaties die nog niet op de lijst staan, de verhouding vrijwilligers : "
        "professionals en de opgetelde achterban tegenover het aantal inwoners. Die achterban "
        "is een bovengrens: veel mensen zijn lid van meer dan één club. Afgehaakte "
        "organisaties tellen niet mee.",
        ("gzctl org coverage", "gzctl org coverage --json"),
    ),
}

PLACE_COMMANDS: dict[str, Help] = {
    "add": Help(
        "Zet een kandidaat-ontmoetingsplek op de lijst.",
        "Alleen de naam is verplicht; toegankelijkheid en voorzieningen zijn kenmerken uit "
        "een vaste lijst (zie place criteria). Is de plek de vaste plek van één club, noem "
        "die club met --thuisbasis: dat maakt de plek minder neutraal.",
        (
            'gzctl place add "Dorpshuis De Schakel" --soort dorpshuis --plaatsen 80 --huur 40 '
            "--toegang drempelvrij,toilet,parkeren --voorzieningen keuken,zaaltje",
            'gzctl place add "Kantine VV Ooltwijk" --soort sportkantine --thuisbasis "VV Ooltwijk"',
        ),
    ),
    "list": Help(
        "Toon de plekken in volgorde: gewogen totaal, gedeelde plaatsen en redenen.",
        "Bovenaan de hoogste totalen; plekken met een gelijk totaal delen een plaats (1.=). "
        "Daarna plekken die nog niet helemaal gescoord zijn, en als laatste de plekken die "
        "afvallen, met de reden.",
        ("gzctl place list", "gzctl place list --json"),
    ),
    "show": Help(
        "Toon alles over één plek, met de scores per criterium.",
        "",
        ("gzctl place show dorpshuis-de-schakel", "gzctl place show dorpshuis-de-schakel --json"),
    ),
    "edit": Help(
        "Wijzig gegevens van een plek.",
        'Geef de velden die veranderen als opties; een lege waarde ("") wist een veld.',
        (
            "gzctl place edit dorpshuis-de-schakel --huur 35",
            'gzctl place edit bibliotheek --avonden ""',
        ),
    ),
    "remove": Help(
        "Haal een plek van de lijst.",
        "Vraagt eerst om bevestiging; --yes slaat die vraag over (nodig zonder terminal).",
        ("gzctl place remove kerkzaal --yes",),
    ),
    "score": Help(
        "Geef een plek per criterium een score van 1 tot 5.",
        "Geef CRITERIUM=SCORE; een begin van het id is genoeg als dat uniek is. Zonder scores, "
        "in een terminal, vraagt gzctl elk criterium met uitleg.",
        (
            "gzctl place score dorpshuis-de-schakel neutraal=5 laagdrempelig=4 centraal=5",
            "gzctl place score bibliotheek",
        ),
    ),
    "criteria": Help(
        "Toon of wijzig de criteria, hun gewichten en de harde eisen.",
        "De gewichten komen uit het stappenplan; met --gewicht geef je dit dorp eigen "
        "gewichten, met --eis andere harde eisen. --standaard zet alles terug.",
        (
            "gzctl place criteria",
            "gzctl place criteria --gewicht kosten=2 --gewicht centraal=3",
            "gzctl place criteria --eis drempelvrij --eis toilet",
        ),
    ),
    "choose": Help(
        "Leg de gekozen ontmoetingsplek vast, met de reden.",
        "Schrijf in een of twee zinnen waarom de plek neutraal en laagdrempelig is. De actie "
        "'Kies de plek' in de checklist is daarna vanzelf gedaan, en documenten noemen deze "
        "plek.",
        ('gzctl place choose dorpshuis-de-schakel --reden "Van niemand, centraal, drempelvrij."',),
    ),
}

COORDINATOR_COMMANDS: dict[str, Help] = {
    "profile": Help(
        "Toon of wijzig het profiel van de Coördinator, met de begroting.",
        "Taken en eigenschappen komen uit het stappenplan. Uren, werkgever en financiering "
        "zijn dezelfde antwoorden als in de wizard. De begroting is uren x kosten per uur x "
        "weken per jaar, plus een activiteitenbudget.",
        (
            "gzctl coordinator profile",
            "gzctl coordinator profile --uren 12 --werkgever welzijnsorganisatie",
            "gzctl coordinator profile --kosten-per-uur 55 --activiteiten 2500 --start 01-09-2027",
            "gzctl coordinator profile --json",
        ),
    ),
    "candidate": Help(
        "Kandidaten: toevoegen, bekijken, scoren en wissen.",
        "Bewaar alleen wat de selectie nodig heeft. Na de selectie wis je wie niet is "
        "aangesteld met candidate forget: dan verdwijnt ook elk spoor in de geschiedenis.",
        (
            'gzctl coordinator candidate add "Sanne Bakker" --woont-in-dorp',
            "gzctl coordinator candidate score kandidaat-1 --beoordelaar Annelies verbinden=4",
            "gzctl coordinator candidate forget kandidaat-2 --yes",
        ),
    ),
    "appoint": Help(
        "Stel een kandidaat aan als Coördinator.",
        "De actie 'stel de Coördinator aan' in de checklist is daarna vanzelf gedaan.",
        ("gzctl coordinator appoint kandidaat-1",),
    ),
}

CANDIDATE_COMMANDS: dict[str, Help] = {
    "add": Help(
        "Zet een kandidaat op de lijst (naam, en alleen wat nodig is).",
        "Het id (kandidaat-1, ...) zegt niets over de persoon.",
        ('gzctl coordinator candidate add "Sanne Bakker" --email sanne@example.nl',),
    ),
    "list": Help(
        "Toon de kandidaten met hun gemiddelde score.",
        "",
        ("gzctl coordinator candidate list", "gzctl coordinator candidate list --json"),
    ),
    "show": Help(
        "Toon de scorekaart van een kandidaat: scores per beoordelaar, gemiddelde, spreiding.",
        "Een spreiding van 2 of meer (de een geeft 2, de ander 4) wordt gemeld: praat erover "
        "voordat je kiest.",
        ("gzctl coordinator candidate show kandidaat-1",),
    ),
    "score": Help(
        "Vul de scorekaart in voor één beoordelaar.",
        "Geef --beoordelaar en CRITERIUM=SCORE (1 tot 5). Zonder scores, in een terminal, "
        "vraagt gzctl elk criterium.",
        (
            "gzctl coordinator candidate score kandidaat-1 --beoordelaar Annelies verbinden=4 "
            "ruimte_geven=5 brug=3 dorp=5 organiseren=4",
        ),
    ),
    "forget": Help(
        "Wis een kandidaat volledig, ook uit de geschiedenis.",
        "Doe dit als de selectie voorbij is. De aangestelde Coördinator kan niet gewist worden.",
        ("gzctl coordinator candidate forget kandidaat-2 --yes",),
    ),
}

MERGE_COMMANDS: dict[str, Help] = {
    "setup": Help(
        "Stel het samenvoegen van gzctl.toml in voor deze git-kloon.",
        "Schrijft .gitattributes (gzctl.toml merge=gzctl) en zet de opdracht in de git-config "
        "van deze kloon; nodig eenmaal per kloon (gzctl init en git.autocommit doen het al). "
        "Staat gzctl.toml nu in een git-conflict, dan voegt gzctl de versies opnieuw samen.",
        ("gzctl merge setup", "gzctl -C ~/dorpen/beesd merge setup"),
    ),
    "conflicts": Help(
        "Toon de waarden die aan beide kanten anders zijn veranderd.",
        "Per conflict: de sleutel, jouw versie (die nu in het bestand staat) en de andere "
        "versie, met wie ze het laatst veranderde.",
        ("gzctl merge conflicts", "gzctl merge conflicts --json"),
    ),
    "resolve": Help(
        "Los een samenvoegconflict op: kies jouw versie of de andere.",
        "Geef de sleutel uit 'gzctl merge conflicts' en --mine (jouw versie houden) of --other "
        "(de andere versie nemen); met --all voor alle conflicten tegelijk.",
        (
            "gzctl merge resolve answers.verbinden.missie --other",
            "gzctl merge resolve --all --mine",
        ),
    ),
}

PERSON_COMMANDS: dict[str, Help] = {
    "export": Help(
        "Alles wat gzctl over één persoon bewaart (recht op inzage).",
        "De records (kandidaat, contactpersoon, initiatiefnemer), de teksten en de regels in "
        "de geschiedenis die de persoon noemen. Met --json als één JSON-document.",
        ('gzctl person export "Karin de Boer" --json', "gzctl person export karin@example.nl"),
    ),
    "forget": Help(
        "Wis een persoon: uit de lijsten, de geschiedenis, de notities en de documenten.",
        "Een organisatie blijft staan, alleen haar contactpersoon wordt leeggemaakt. Namen in "
        "notities worden '[naam gewist]'. Documenten die de persoon noemen worden verwijderd; "
        "maak ze opnieuw met gzctl docs build. Oudere versies in git wist gzctl niet; hoe dat "
        "moet, staat in de uitvoer. De aangestelde Coördinator kan niet gewist worden.",
        ('gzctl person forget "Karin de Boer" --yes', "gzctl person forget kandidaat-2 --yes"),
    ),
}

GLOBAL_OPTIONS = (
    (
        "-C MAP",
        "Werk in de projectmap MAP (zoals git -C). Zonder -C zoekt gzctl omhoog naar gzctl.toml.",
    ),
    ("--version", "Toon de versie van gzctl."),
    ("--install-completion", "Installeer tab-aanvulling voor je shell."),
    ("--show-completion", "Toon het aanvulscript, om zelf te installeren."),
    ("--help", "Toon deze hulp."),
)


def epilog(h: Help) -> str:
    """The examples as a help epilog, or "" without examples."""
    if not h.examples:
        return ""
    return "Voorbeelden:\n\n" + "\n\n".join(f"  {e}" for e in h.examples)


def full_help(h: Help) -> str:
    """The summary and description as one help text."""
    return h.summary + ("\n\n" + h.description if h.description else "")


# typer's fixed English strings in its help (typer/rich_utils.py reads them through gettext
# when it is imported): the Dutch gzctl shows. cli/locale/nl/LC_MESSAGES/gzctl.mo is made
# from this (cli/app.catalogue_bytes; tests/test_help.py checks the two agree).
TYPER_NL = {
    "Arguments": "Argumenten",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Error": "Fout",
    "[default: {}]": "[standaard: {}]",
    "[required]": "[verplicht]",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "Aborted.": "Afgebroken.",
    "(deprecated) ": "(verouderd) ",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Zie [blue]'{command_path} {help_option}'[/] voor hulp."
    ),
}
