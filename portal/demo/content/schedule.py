"""The two demo rounds: which villages, when (in days from today), where, and what came of it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Venue:
    """Where the dialogue meeting is held, and where the walk starts."""

    name: str
    street: str
    walk_start: str
    meeting_point: str


@dataclass(frozen=True)
class Outcome:
    """What the working group decided after a dialogue, for its published summary."""

    intro: str
    direct: tuple[str, ...]
    planned: tuple[tuple[str, str], ...]  # (what, responsible department)
    forwarded: tuple[str, ...]
    not_done: tuple[str, ...]


@dataclass(frozen=True)
class Visit:
    """One dialogue: day offsets from today for the walk and the meeting."""

    place: str
    walk: int
    meeting: int
    proposals_open: int | None = None
    attendance: tuple[int | None, int | None] = (None, None)
    outcome: Outcome | None = None
    open_house: int | None = None
    registration: bool = False  # the meeting takes anmälan (skjuts, barnpassning, tolk …)


@dataclass(frozen=True)
class Round:
    start: int
    end: int
    intro: str
    visits: tuple[Visit, ...]


SUMMARY_DELAY_DAYS = 56

VENUES = {
    "lindsdal": Venue("Skolans matsal", "Skolvägen 5", "Skolan", "Vid huvudentrén"),
    "smedby": Venue("Skolans matsal", "Smedbyvägen 12", "Skolan", "Vid busshållplatsen"),
    "ljungbyholm": Venue("Skolans matsal", "Skolgatan 3", "Torget", "Vid affären"),
    "rinkabyholm": Venue("Församlingshemmet", "Kyrkvägen 4", "Skolan", "Vid busshållplatsen"),
    "trekanten": Venue("Bygdegården", "Byvägen 8", "Bygdegården", "Utanför entrén"),
    "rockneby": Venue("Skolans matsal", "Skolvägen 2", "Skolan", "På parkeringen"),
    "lackeby": Venue("Bygdegården", "Bygdegårdsvägen 1", "Bygdegården", "Utanför entrén"),
    "hagby": Venue("Församlingshemmet", "Kyrkvägen 10", "Kyrkan", "På kyrkans parkering"),
    "paryd": Venue("Bygdegården", "Storgatan 15", "Bygdegården", "Utanför entrén"),
    "drag": Venue("Föreningslokalen", "Strandvägen 6", "Infarten", "Vid busshållplatsen"),
    "vassmolosa": Venue("Bygdegården", "Gamla vägen 3", "Bygdegården", "Utanför entrén"),
    "duno": Venue("Föreningslokalen", "Dunövägen 20", "Infarten", "Vid busshållplatsen"),
    "tvarskog": Venue("Skolans matsal", "Skolvägen 1", "Skolan", "På parkeringen"),
    "amunnen": Venue("Föreningslokalen", "Åvägen 2", "Föreningslokalen", "Utanför entrén"),
    "halltorp": Venue("Skolans matsal", "Skolvägen 7", "Skolan", "Vid entrén"),
}

PARKS = "Serviceförvaltningen – park och gata"
PLANNING = "Samhällsbyggnadskontoret"
LEISURE = "Kultur- och fritidsförvaltningen"

COMPLETED = Round(
    start=-1270,
    end=-700,
    intro=(
        "I den här omgången besökte kommunen åtta orter. Alla sammanställningar är publicerade, "
        "och här kan du läsa vad som beslutades i varje ort."
    ),
    visits=(
        Visit(
            "lindsdal",
            -1246,
            -1230,
            attendance=(34, 72),
            outcome=Outcome(
                "Trafiken runt skolorna och belysningen längs gång- och cykelvägarna engagerade "
                "flest. Här är vad kommunen har beslutat.",
                (
                    "Buskagen som skymde sikten vid övergångsstället nära skolan har klippts ned.",
                    "Trasiga lampor längs gångvägen mot idrottsplatsen har bytts ut.",
                    "Två nya parkbänkar har ställts ut längs promenadstråket vid skogskanten.",
                ),
                (
                    (
                        "En säkrare passage för gående och cyklister över huvudgatan utreds och "
                        "prövas i arbetet med nästa års budget.",
                        PLANNING,
                    ),
                    (
                        "Önskemålet om en aktivitetsyta för unga tas med i planeringen av ortens "
                        "grönområden.",
                        LEISURE,
                    ),
                ),
                (
                    "Önskemålet om fler bussturer till Kalmar på kvällar och helger har skickats "
                    "till Kalmar Länstrafik.",
                ),
                (
                    "En ny fotbollsplan byggs inte. De planer som finns räcker för de lag som "
                    "spelar i dag, och den föreslagna marken behövs för att ta hand om regnvatten "
                    "vid skyfall.",
                ),
            ),
        ),
        Visit(
            "smedby",
            -1175,
            -1160,
            attendance=(21, 48),
            outcome=Outcome(
                "Dialogen i Smedby handlade mest om hastigheter på bostadsgatorna och om "
                "skötseln av lekplatserna.",
                (
                    "Blomlådor som sänker farten har ställts ut på två bostadsgator under "
                    "sommarhalvåret.",
                    "Sanden i lekplatsens sandlåda har bytts och gungorna har fått nya säten.",
                    "Skyltningen till gång- och cykelvägen mot Kalmar har blivit tydligare.",
                ),
                (
                    (
                        "Sänkt hastighet till 30 km/tim på fler bostadsgator utreds i kommunens "
                        "översyn av hastighetsgränser.",
                        PLANNING,
                    ),
                ),
                (
                    "Förslaget om en ny busshållplats vid infarten har skickats till Kalmar "
                    "Länstrafik.",
                ),
                (
                    "En hundrastgård anläggs inte just nu. Det finns ingen lämplig kommunal mark "
                    "nära bostäderna, men frågan kan tas upp igen när området planeras om.",
                ),
            ),
        ),
        Visit(
            "rinkabyholm",
            -1104,
            -1090,
            attendance=(26, 55),
            outcome=Outcome(
                "I Rinkabyholm stod skolvägen, vägen ner till vattnet och kvällsbelysningen i "
                "fokus.",
                (
                    "Belysningen vid busshållplatsen har förstärkts.",
                    "Stigen ner mot strandängen har röjts och fått nytt grus.",
                    "En bänk och en papperskorg har ställts ut vid strandängen.",
                ),
                (
                    (
                        "En gång- och cykelväg mellan bostadsområdet och skolan planeras och "
                        "byggs i etapper.",
                        PLANNING,
                    ),
                    (
                        "Lekredskapen vid skolan ses över när skolgården rustas upp.",
                        "Barn- och ungdomsförvaltningen",
                    ),
                ),
                (
                    "Synpunkter på buller och en otrygg korsning vid den statliga vägen har "
                    "skickats till Trafikverket, som ansvarar för vägen.",
                ),
                (
                    "En småbåtshamn anläggs inte. Strandområdet är känsligt för naturen, och "
                    "kostnaden vore mycket hög i förhållande till hur många som skulle använda "
                    "den.",
                ),
            ),
        ),
        Visit(
            "trekanten",
            -1015,
            -1000,
            attendance=(18, 41),
            outcome=Outcome(
                "Deltagarna i Trekanten lyfte trafiksäkerheten längs vägarna och behovet av fler "
                "platser att träffas på.",
                (
                    "Sikten i korsningen vid skolan har blivit bättre sedan en häck klippts ned.",
                    "Nya skyltar som varnar för skolbarn har satts upp.",
                    "Elljusspåret har fått nya lampor på de delar som var mörka.",
                ),
                (
                    (
                        "Möjligheten att bygga fler bostäder i orten prövas i arbetet med "
                        "kommunens nya översiktsplan.",
                        PLANNING,
                    ),
                    (
                        "En samlingslokal för unga utreds tillsammans med ortens föreningar.",
                        LEISURE,
                    ),
                ),
                (
                    "Önskemålet om sänkt hastighet på genomfartsvägen har skickats till "
                    "Trafikverket.",
                ),
                (
                    "Gatubelysning längs hela vägen till grannorten sätts inte upp. Sträckan är "
                    "lång och glest bebyggd, och kommunen prioriterar belysning där många går och "
                    "cyklar.",
                ),
            ),
        ),
        Visit(
            "lackeby",
            -944,
            -930,
            attendance=(19, 37),
            outcome=Outcome(
                "I Läckeby handlade samtalen om skolvägen, bussarna och hur orten kan locka fler "
                "att flytta dit.",
                (
                    "Ett trasigt räcke längs gångvägen har lagats.",
                    "Gräset runt lekplatsen klipps oftare under sommaren.",
                    "En ny belysningsstolpe har satts upp där skolvägen var som mörkast.",
                ),
                (
                    ("Förslaget om nya tomter för småhus prövas i kommande planarbete.", PLANNING),
                    (
                        "Gator där vatten blir stående vid kraftigt regn ses över.",
                        "Kalmar Vatten AB",
                    ),
                ),
                (
                    "Önskemålet om busstider som passar skolbarnen bättre har skickats till "
                    "Kalmar Länstrafik.",
                ),
                (
                    "En mataffär i orten kan kommunen inte öppna, eftersom handel drivs av "
                    "företag. Kommunen berättar gärna om stöd som finns för service på "
                    "landsbygden.",
                ),
            ),
        ),
        Visit(
            "paryd",
            -874,
            -860,
            attendance=(23, 52),
            outcome=Outcome(
                "Avståndet till Kalmar präglade dialogen i Påryd. Service, bredband och "
                "busstrafik var de största frågorna.",
                (
                    "Skylten vid infarten till orten har bytts ut.",
                    "Belysningen vid bygdegårdens parkering har lagats.",
                    "Buskar som växte ut över gångbanan har röjts.",
                ),
                (
                    (
                        "Bredband till de sista hushållen utanför orten följs upp i kommunens "
                        "bredbandsarbete.",
                        "Kommunledningskontoret",
                    ),
                    ("Lekplatsen rustas upp med nya redskap inom två år.", PARKS),
                ),
                (
                    "Synpunkter på beläggningen på den statliga vägen genom orten har skickats "
                    "till Trafikverket.",
                    "Önskemålet om en tidigare morgonbuss har skickats till Kalmar Länstrafik.",
                ),
                (
                    "Någon bemannad kommunal servicepunkt öppnas inte i orten. Kommunens "
                    "kontaktcenter hjälper till på telefon och e-post.",
                ),
            ),
        ),
        Visit(
            "tvarskog",
            -814,
            -800,
            attendance=(14, 33),
            outcome=Outcome(
                "I Tvärskog ville många prata om skolan, trafiken och möjligheten att bygga nytt.",
                (
                    "Skolans parkering har fått tydligare markeringar för hämtning och lämning.",
                    "Nedfallna träd längs promenadstigen har tagits bort.",
                ),
                (("Fler tomter för nya bostäder utreds i översiktsplanearbetet.", PLANNING),),
                (
                    "Önskemålet om lägre hastighet förbi skolan har skickats till Trafikverket, "
                    "som ansvarar för vägen.",
                ),
                (
                    "En idrottshall byggs inte. Elevantalet räcker inte för en egen hall, och "
                    "kommunen prioriterar underhållet av skolans befintliga lokaler.",
                ),
            ),
        ),
        Visit(
            "hagby",
            -774,
            -760,
            attendance=(22, 46),
            outcome=Outcome(
                "Dialogen i Hagby samlade både nyinflyttade och de som bott länge i orten. "
                "Trafiksäkerhet och mötesplatser var de stora frågorna.",
                (
                    "Övergångsstället vid skolan har målats om och fått bättre belysning.",
                    "Fotbollsmålen på bollplanen har fått nya nät.",
                    "En bänk har ställts ut vid busshållplatsen.",
                ),
                (
                    (
                        "En gång- och cykelväg mot kusten finns med i kommunens cykelplan och "
                        "planeras för de kommande åren.",
                        PLANNING,
                    ),
                    (
                        "Föreningarnas önskan om en gemensam samlingslokal utreds tillsammans med "
                        "dem.",
                        LEISURE,
                    ),
                ),
                (
                    "Önskemålet om bättre sikt vid utfarten mot den större vägen har skickats "
                    "till Trafikverket.",
                ),
                (
                    "En ny förskola byggs inte just nu. Platserna i den befintliga förskolan "
                    "räcker för de barn som bor i orten i dag. Frågan tas upp igen om barnen "
                    "blir fler.",
                ),
            ),
        ),
    ),
)

CURRENT = Round(
    start=-160,
    end=330,
    intro=(
        "I den här omgången besöker kommunen elva orter. Se när det är dags för din ort, lämna "
        "förslag före dialogmötet och följ vad som händer efteråt."
    ),
    visits=(
        Visit("hagby", -140, -120, proposals_open=-150, attendance=(17, 39)),
        Visit("tvarskog", -95, -75, proposals_open=-105, attendance=(12, 27)),
        Visit("rinkabyholm", -55, -35, proposals_open=-65, attendance=(24, 51)),
        Visit("rockneby", -12, 2, proposals_open=-28, attendance=(16, None)),
        Visit("lindsdal", -3, 20, proposals_open=-14, attendance=(29, None), registration=True),
        Visit("ljungbyholm", 5, 30, proposals_open=-2, open_house=12, registration=True),
        Visit("amunnen", 35, 55, proposals_open=25),
        Visit("drag", 90, 110),
        Visit("duno", 150, 170),
        Visit("vassmolosa", 210, 230),
        Visit("halltorp", 280, 300),
    ),
)

DIALOGUE_INTROS = (
    "Nu är det dags för utvecklingsdialog i {place}. Följ med på förbättringsvandringen och kom "
    "till dialogmötet – vi vill höra vad du tycker att orten behöver.",
    "Kommunen kommer till {place} för att lyssna. Vad fungerar bra, och vad kan bli bättre? Kom "
    "på vandringen eller dialogmötet, eller lämna ett förslag här.",
    "Hur vill du att {place} ska utvecklas? Under vandringen och dialogmötet samlar vi in "
    "förslag från alla som bor i orten.",
)

PAST_INTRO = (
    "Kommunen besökte {place} för en förbättringsvandring och ett dialogmöte. Här kan du läsa "
    "vad som kom fram och vad som händer med förslagen."
)
FOLLOW_UP_BODY = (
    "Arbetsgruppen går nu igenom alla förslag från vandringen, dialogmötet och webbplatsen. "
    "Sammanställningen publiceras här och skickas till alla hushåll i orten."
)

DIALOGUE_BODY = (
    "Förbättringsvandringen är en promenad genom orten där vi tillsammans antecknar vad som kan "
    "bli bättre. På dialogmötet berättar politiker och tjänstepersoner vad som har hänt sedan "
    "förra besöket, och sedan samtalar vi i små grupper.",
    "Alla är välkomna, oavsett ålder. Du behöver inte anmäla dig. Vi bjuder på kaffe.",
)
# For a visit whose meeting takes anmälan: no "you need not register" beside the button.
DIALOGUE_BODY_WITH_REGISTRATION = (
    DIALOGUE_BODY[0],
    "Alla är välkomna, oavsett ålder, också utan anmälan. Behöver du skjuts, barnpassning, "
    "hörslinga eller tolk för att kunna komma? Anmäl dig med knappen ”Anmäl dig / Säg till vad "
    "du behöver” vid dialogmötet, eller ring kontaktpersonen, så ordnar vi det. Vi bjuder på "
    "kaffe.",
)

WALK_ACCESSIBILITY = (
    "Vi går ungefär två kilometer i lugn takt på asfalt och grus och stannar flera gånger. Du "
    "kan följa med en del av sträckan. Hör av dig i förväg om du behöver skjuts mellan stoppen."
)
WALK_DESCRIPTION = "Klä dig efter väder. Tänk gärna ut i förväg vilka platser du vill visa oss."
MEETING_ACCESSIBILITY = (
    "Entrén är utan trappsteg och det finns en tillgänglig toalett. Hör av dig minst en vecka i "
    "förväg om du behöver hörslinga eller teckenspråkstolk."
)
MEETING_ACCESSIBILITY_WITH_REGISTRATION = (
    "Entrén är utan trappsteg och det finns en tillgänglig toalett. Behöver du hörslinga eller "
    "teckenspråkstolk, skriv det i anmälan minst en vecka i förväg."
)
MEETING_DESCRIPTION = (
    "Politiker och tjänstepersoner berättar vad som har hänt i orten. Sedan samtalar vi i "
    "grupper om service, trygghet och ortens framtid. Fika serveras, och barnen kan vara med i "
    "barnpassningen under tiden."
)
OPEN_HOUSE_TITLE = "Öppet hus om detaljplanen"
OPEN_HOUSE_DESCRIPTION = (
    "Samhällsbyggnadskontoret visar förslaget till detaljplan för nya bostäder i orten och "
    "svarar på frågor. Kom när det passar dig, det tar ungefär en halvtimme att se allt."
)
