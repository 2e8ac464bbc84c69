"""Proposals in the current round: some still wait for moderation, others are being reviewed.

Dialogues in follow-up have their first answers; those still to come have fresh proposals from
the web form (pending) and from the walk or by phone (registered by a case officer, public).
"""

from rounds.models.proposals import AgeGroup, Source, Status, Visibility

from .kinds import (
    BUSES,
    GREEN,
    HOUSING,
    LIGHT,
    MEETING,
    PARKS,
    PATHS,
    SERVICE,
    TRAFFIC,
    Item,
    Resident,
    Step,
)

WORKING = "Arbetsgruppen går igenom alla förslag från dialogen och återkommer med besked."

HAGBY = (
    Item(
        "hagby",
        "Belysning på gångvägen till idrottsplatsen",
        "Halva gångvägen till idrottsplatsen saknar belysning. När barnen går hem från "
        "träningen på kvällen är det helt mörkt mellan husen och planen.",
        LIGHT,
        location="Gångvägen mellan skolan och idrottsplatsen",
        days=4,
        resident=Resident(
            name="Petra Exempelsson",
            email="petra.exempelsson@example.org",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        tags=("belysning",),
        steps=(
            Step(9, Status.REVIEWING, WORKING),
            Step(
                45,
                Status.DIRECT_ACTION,
                "Två nya belysningsstolpar sätts upp där gångvägen är som mörkast.",
                PARKS,
                planned_in_days=150,
            ),
        ),
    ),
    Item(
        "hagby",
        "Trasigt staket runt lekplatsen",
        "Staketet mot vägen har lossnat på två ställen, och små barn kan springa rakt ut.",
        GREEN,
        location="Lekplatsen vid skolan",
        source=Source.WALK,
        days=0,
        steps=(
            Step(9, Status.REVIEWING, WORKING),
            Step(
                30,
                Status.DIRECT_ACTION,
                "Staketet lagas. Det är en säkerhetsfråga och går före annat.",
                PARKS,
                planned_in_days=50,
            ),
            Step(58, Status.DONE, "Staketet är lagat och sitter fast hela vägen runt.", PARKS),
        ),
    ),
    Item(
        "hagby",
        "Parkering vid kyrkan vid begravningar",
        "Vid begravningar och stora högtider står bilarna längs vägen, och det blir farligt att "
        "gå förbi. Kan parkeringen vid kyrkan bli större?",
        TRAFFIC,
        location="Kyrkan",
        source=Source.LETTER,
        days=10,
        resident=Resident(
            name="Ingrid Påhittad",
            age_group=AgeGroup.AGE_80_PLUS,
            postal_address="Exempelgatan 12 B\n999 02 Hagby",
            reply_by_letter=True,
        ),
        steps=(
            Step(
                9,
                Status.REVIEWING,
                "Parkeringen ägs av församlingen. Vi har tagit kontakt med den och återkommer.",
            ),
        ),
    ),
    Item(
        "hagby",
        "Ett ställe där föreningarna kan ses",
        "Från gruppen om mötesplatser: föreningarna delar på en liten lokal som inte räcker "
        "till. Kan kommunen hjälpa till att hitta en större?",
        MEETING,
        source=Source.DIALOGUE,
        days=0,
        steps=(Step(9, Status.REVIEWING, WORKING),),
    ),
    Item(
        "hagby",
        "Grannens bilar står på gångbanan",
        "Min granne har tre bilar som alltid står på gångbanan utanför huset.",
        TRAFFIC,
        days=12,
        resident=Resident(name="Nils Exempelsson", email="nils.exempelsson@example.com"),
        visibility=Visibility.HIDDEN,
        hidden_reason=(
            "Gäller en enskild granne och pekar ut hen. Invånaren har fått svar per e-post om "
            "att felparkering anmäls till parkeringsövervakningen."
        ),
    ),
)

TVARSKOG = (
    Item(
        "tvarskog",
        "Snöröjning vid busshållplatsen",
        "Ringde kontaktcenter: plogbilen lägger upp en vall framför hållplatsen, så man får "
        "klättra över snön för att komma på bussen.",
        PATHS,
        location="Busshållplatsen vid skolan",
        source=Source.PHONE,
        days=5,
        resident=Resident(
            name="Arne Exempelqvist",
            phone="070-174 06 77",
            age_group=AgeGroup.AGE_80_PLUS,
            postal_address="Låtsasgården 1\n999 03 Tvärskog",
            reply_by_letter=True,
        ),
        tags=("snöröjning",),
        steps=(Step(10, Status.REVIEWING, WORKING),),
    ),
    Item(
        "tvarskog",
        "Hål i asfalten vid skolans infart",
        "Ett djupt hål precis där bussen svänger in till skolan.",
        TRAFFIC,
        location="Skolans infart",
        source=Source.WALK,
        days=0,
    ),
    Item(
        "tvarskog",
        "Laddstolpe för elbil vid skolan",
        "Det finns ingenstans att ladda elbilen i orten. En laddstolpe vid skolans parkering "
        "skulle göra det lättare att bo här utan två bilar.",
        SERVICE,
        location="Skolans parkering",
        days=9,
        resident=Resident(
            name="Jonas Provberg",
            email="jonas.provberg@example.com",
            display_name="Jonas i Tvärskog",
            age_group=AgeGroup.AGE_30_49,
        ),
        steps=(Step(10, Status.REVIEWING, WORKING),),
    ),
)

RINKABYHOLM = (
    Item(
        "rinkabyholm",
        "Fler papperskorgar vid strandängen",
        "Från gruppen om natur: på sommaren räcker inte den enda papperskorgen, och skräpet "
        "blåser ut i vattnet.",
        GREEN,
        location="Strandängen",
        source=Source.DIALOGUE,
        days=0,
    ),
    Item(
        "rinkabyholm",
        "Trygghetsboende för äldre i orten",
        "Från gruppen om att bo kvar: många äldre vill flytta från sina villor men stanna i "
        "orten. Det finns inga mindre lägenheter här.",
        HOUSING,
        source=Source.DIALOGUE,
        days=0,
    ),
    Item(
        "rinkabyholm",
        "Cykelställ med tak vid busshållplatsen",
        "Vi som cyklar till bussen har ingenstans att låsa fast cykeln, och sadeln blir blöt.",
        PATHS,
        location="Busshållplatsen vid skolan",
        days=6,
        resident=Resident(email="cyklist.rinkabyholm@example.org", age_group=AgeGroup.AGE_18_29),
    ),
)

ROCKNEBY = (
    Item(
        "rockneby",
        "Skymd sikt i korsningen vid skolan",
        "En häck och ett elskåp gör att man inte ser bilarna som kommer från vänster.",
        TRAFFIC,
        location="Korsningen vid skolan",
        source=Source.WALK,
        days=0,
    ),
    Item(
        "rockneby",
        "Utegym vid idrottsplatsen",
        "Ett enkelt utegym med räckhäck, dipstänger och en balansbana skulle passa alla "
        "åldrar. Idrottsplatsen har plats.",
        GREEN,
        location="Idrottsplatsen",
        days=10,
        resident=Resident(
            name="Sara Exempelsson",
            email="sara.exempelsson@example.org",
            display_name="Sara",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        visibility=Visibility.PENDING,
    ),
    Item(
        "rockneby",
        "Fler bussar på lördagar",
        "På lördagar går bussen bara tre gånger. Den som vill till stan får vänta hela dagen "
        "på att komma hem.",
        BUSES,
        days=14,
        resident=Resident(email="lordagsresenar@example.com"),
        visibility=Visibility.PENDING,
    ),
    Item(
        "rockneby",
        "Gatlampa släckt vid återvinningsstationen",
        "Lampan vid återvinningsstationen har varit släckt i en månad.",
        LIGHT,
        location="Återvinningsstationen",
        days=15,
        visibility=Visibility.PENDING,
    ),
)

LINDSDAL = (
    Item(
        "lindsdal",
        "Gropar i cykelvägen mot Kalmar",
        "Rötter har lyft asfalten på flera ställen. Det är lätt att vurpa i mörker.",
        PATHS,
        location="Cykelvägen mot Kalmar, vid skogen",
        source=Source.WALK,
        days=0,
        tags=("cykel",),
    ),
    Item(
        "lindsdal",
        "Räcke vid trappan till vårdcentralen",
        "Ringde kontaktcenter: trappan upp till vårdcentralen har inget räcke på ena sidan. Han "
        "går med käpp och är rädd att ramla.",
        PATHS,
        location="Trappan till vårdcentralen",
        source=Source.PHONE,
        days=3,
        resident=Resident(
            name="Gunnar Exempelsson", phone="070-174 06 88", age_group=AgeGroup.AGE_80_PLUS
        ),
    ),
    Item(
        "lindsdal",
        "Belysning i gångtunneln",
        "Tunneln under vägen är mörk och klottrad. Jag går en omväg på kvällarna för att slippa "
        "den.",
        LIGHT,
        location="Gångtunneln under vägen mot Kalmar",
        days=5,
        resident=Resident(email="kvallsvandrare@example.com", notify=True),
        visibility=Visibility.PENDING,
    ),
    Item(
        "lindsdal",
        "En skatepark för oss som åker",
        "Vi är många som åker skateboard och kickbike men det finns ingenstans att åka. En "
        "liten skatepark vid skolan vore grymt.",
        GREEN,
        location="Vid skolan",
        days=9,
        resident=Resident(age_group=AgeGroup.UNDER_18),
        visibility=Visibility.PENDING,
    ),
)

LJUNGBYHOLM = (
    Item(
        "ljungbyholm",
        "Övergångsställe vid skolan",
        "Det behövs ett övergångsställe där barnen går över till skolan från nya området.",
        TRAFFIC,
        location="Vid skolan, mot det nya bostadsområdet",
        days=1,
        resident=Resident(
            name="Emma Testdotter",
            email="emma.testdotter@example.org",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        visibility=Visibility.PENDING,
    ),
)

CURRENT = HAGBY + TVARSKOG + RINKABYHOLM + ROCKNEBY + LINDSDAL + LJUNGBYHOLM
