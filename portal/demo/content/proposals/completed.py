"""Proposals from the completed round, each with its whole history after the dialogue meeting.

They match the published summaries in `portal.demo.content.schedule` and end in every status a
case officer can set: done, direct action, planned, forwarded, not feasible and duplicate.
"""

from rounds.models.proposals import AgeGroup, Source, Status

from .kinds import (
    BUSES,
    GREEN,
    LEISURE,
    LIGHT,
    MANAGEMENT,
    MEETING,
    OTHER,
    PARKS,
    PATHS,
    PLANNING,
    ROADS,
    SCHOOLS,
    SERVICE,
    TRAFFIC,
    TRANSIT,
    WATER,
    Item,
    Resident,
    Step,
)

REVIEWING = Step(8, Status.REVIEWING, "Tack för förslaget! Arbetsgruppen går igenom det.")

LINDSDAL = (
    Item(
        "lindsdal",
        "Buskarna skymmer övergångsstället vid skolan",
        "Buskarna på hörnet har vuxit sig så höga att bilisterna inte ser barnen förrän de "
        "står på övergångsstället. Kan de klippas ned, och hållas nere?",
        TRAFFIC,
        location="Övergångsstället vid skolans huvudentré",
        source=Source.WALK,
        days=0,
        tags=("skolväg", "sikt"),
        steps=(
            Step(
                9,
                Status.REVIEWING,
                "Tack för att ni visade oss platsen på vandringen. Vi tittar på den igen med "
                "den som sköter parken.",
            ),
            Step(
                23,
                Status.DIRECT_ACTION,
                "Buskarna klipps ned till knähöjd och läggs in i skötselplanen, så att sikten "
                "håller i sig år efter år.",
                PARKS,
                planned_in_days=45,
            ),
            Step(
                41,
                Status.DONE,
                "Buskarna är nedklippta och sikten vid övergångsstället är fri. De klipps nu "
                "varje vår.",
                PARKS,
            ),
        ),
    ),
    Item(
        "lindsdal",
        "Man ser inte barnen vid övergångsstället",
        "När man svänger in mot skolan ser man inte barnen som väntar vid övergångsstället, "
        "för häcken är alldeles för hög. Förr eller senare blir någon påkörd.",
        TRAFFIC,
        location="Vid skolan",
        days=-12,
        resident=Resident(
            name="Lisa Exempeldotter",
            email="lisa.exempeldotter@example.org",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        duplicate_of="Buskarna skymmer övergångsstället vid skolan",
        steps=(
            Step(
                9,
                Status.DUPLICATE,
                "Samma sak togs upp på förbättringsvandringen. Vi följer upp båda i det "
                "förslaget, så där ser du vad som händer.",
            ),
        ),
    ),
    Item(
        "lindsdal",
        "Fler bussturer på kvällar och helger",
        "Sista bussen från Kalmar går för tidigt på kvällarna, och på helgerna går den bara "
        "varannan timme. Den som jobbar kväll eller vill gå på bio har inget annat val än "
        "bilen.",
        BUSES,
        days=-20,
        resident=Resident(
            name="Maja Testberg",
            email="maja.testberg@example.com",
            display_name="Maja T.",
            age_group=AgeGroup.AGE_18_29,
            notify=True,
        ),
        tags=("buss",),
        steps=(
            Step(10, Status.REVIEWING),
            Step(
                35,
                Status.FORWARDED,
                "Busstrafiken och tidtabellerna bestäms av Region Kalmar län genom Kalmar "
                "Länstrafik, inte av kommunen. Vi har skickat ditt förslag dit tillsammans med "
                "de andra synpunkterna på bussarna från dialogen i Lindsdal.",
                TRANSIT,
                decision="KS {year}/0412",
            ),
            Step(
                120,
                Status.FORWARDED,
                "Kalmar Länstrafik har svarat att kvällsturerna ses över inför nästa "
                "tidtabellsskifte. Ändringar publiceras på Kalmar Länstrafiks webbplats.",
                TRANSIT,
            ),
        ),
    ),
    Item(
        "lindsdal",
        "En säker passage över huvudgatan",
        "Från gruppsamtalet om trafik: många barn korsar huvudgatan på väg till "
        "idrottsplatsen. Det behövs en passage med refug i mitten och lägre fart förbi.",
        TRAFFIC,
        location="Huvudgatan vid idrottsplatsen",
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                40,
                Status.PLANNED,
                "En säker passage kräver att gatan byggs om, och det behöver pengar i "
                "investeringsbudgeten. Samhällsbyggnadskontoret utreder hur passagen ska se ut "
                "och lämnar förslaget till budgetarbetet.",
                PLANNING,
                planned_in_days=500,
                decision="KS {year}/0398",
            ),
            Step(
                330,
                Status.PLANNED,
                "Utredningen är klar: en upphöjd passage med refug och belysning. Den finns med "
                "i investeringsbudgeten och byggs nästa år.",
                PLANNING,
                planned_in_days=700,
                decision="KS {year}/0398",
            ),
            Step(
                712,
                Status.DONE,
                "Passagen är byggd och öppen. Farten förbi idrottsplatsen är nu 30 km/tim.",
                PLANNING,
            ),
        ),
    ),
    Item(
        "lindsdal",
        "Ny fotbollsplan vid skogskanten",
        "Förslag från gruppen om fritid: en ny fotbollsplan på den öppna marken vid "
        "skogskanten, så att fler lag kan träna samtidigt.",
        GREEN,
        location="Ängen vid skogskanten",
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                42,
                Status.NOT_FEASIBLE,
                "Vi bygger ingen ny fotbollsplan. Kultur- och fritidsförvaltningen har gått "
                "igenom hur planerna används, och de som finns räcker för de lag som spelar i "
                "dag. Marken vid skogskanten behövs dessutom för att ta hand om regnvatten vid "
                "skyfall, så att källare i området inte svämmar över. Vi lägger i stället mer "
                "på underhållet av de planer som finns.",
                LEISURE,
                decision="KS {year}/0398",
            ),
        ),
    ),
)

SMEDBY = (
    Item(
        "smedby",
        "Farthinder utanför skolan",
        "Bilarna kör alldeles för fort förbi skolan på morgonen. Ett farthinder precis vid "
        "skolan skulle få ner farten. Mina barn går den vägen varje dag.",
        TRAFFIC,
        location="Gatan utanför skolan",
        days=-9,
        resident=Resident(
            name="Karin Exempelsson",
            email="karin.exempelsson@example.org",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        tags=("skolväg", "hastighet"),
        steps=(
            Step(
                6,
                Status.REVIEWING,
                "Vi mäter hastigheterna förbi skolan under två veckor och går sedan igenom "
                "resultatet.",
                PLANNING,
            ),
            Step(
                38,
                Status.NOT_FEASIBLE,
                "Ett fast farthinder kan vi tyvärr inte bygga här. Gatan är en busslinje och en "
                "av utryckningsvägarna för ambulans och räddningstjänst, och ett gupp tvingar "
                "dem att bromsa hårt. Mätningen visade också att de flesta håller hastigheten; "
                "det är några få som kör för fort, och dem stoppar en kontroll bättre än ett "
                "gupp. Vi har i stället ställt ut blomlådor på två bostadsgator intill och bett "
                "polisen om hastighetskontroller vid skolstarten. Sänkt hastighet på fler gator "
                "tas med i översynen av hastighetsgränser.",
                PLANNING,
                decision="SBN {year}/0217",
            ),
        ),
    ),
    Item(
        "smedby",
        "Ny sand i sandlådan och hela gungor",
        "Sanden i sandlådan är hård och full av skräp, och två av gungorna saknar säte.",
        GREEN,
        location="Lekplatsen mitt i bostadsområdet",
        source=Source.WALK,
        days=0,
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                30,
                Status.DIRECT_ACTION,
                "Sanden byts och gungorna får nya säten före sommarlovet.",
                PARKS,
                planned_in_days=90,
            ),
            Step(84, Status.DONE, "Ny sand är på plats och gungorna har fått nya säten.", PARKS),
        ),
    ),
    Item(
        "smedby",
        "Hundlatrin vid promenadstråket",
        "Längs promenadstråket runt åkrarna finns ingen papperskorg alls. Många går med hund "
        "här, och påsarna hamnar i diket. En hundlatrin där stråket börjar skulle räcka långt.",
        GREEN,
        location="Där promenadstråket börjar, vid idrottsplatsen",
        days=-4,
        resident=Resident(
            name="Bengt Påhittad",
            email="bengt.pahittad@example.com",
            display_name="Bengt P.",
            age_group=AgeGroup.AGE_65_79,
        ),
        tags=("hund",),
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                30,
                Status.DIRECT_ACTION,
                "En hundlatrin sätts upp där stråket börjar, och den töms en gång i veckan.",
                PARKS,
                planned_in_days=60,
            ),
            Step(
                52,
                Status.DONE,
                "Hundlatrinen sitter uppe. Ring kommunens kontaktcenter om den blir full innan "
                "den töms.",
                PARKS,
            ),
        ),
    ),
    Item(
        "smedby",
        "Busshållplats vid infarten",
        "Från gruppen om service: den som bor vid infarten har långt till närmaste hållplats. "
        "En hållplats där skulle göra det lättare att låta bilen stå.",
        BUSES,
        location="Infarten till orten",
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                36,
                Status.FORWARDED,
                "Var hållplatserna ligger bestämmer Kalmar Länstrafik, som är en del av Region "
                "Kalmar län. Vi har skickat förslaget dit och berättat att många i Smedby saknar "
                "en hållplats vid infarten.",
                TRANSIT,
                decision="KS {year}/0455",
            ),
        ),
    ),
    Item(
        "smedby",
        "30 km/tim på bostadsgatorna",
        "Från gruppen om trygghet: på bostadsgatorna leker barn, men det är 50 km/tim. Sänk "
        "till 30 på alla gator inne i orten.",
        TRAFFIC,
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                36,
                Status.PLANNED,
                "Kommunen ser över hastighetsgränserna i alla orter. Förslaget om 30 km/tim på "
                "Smedbys bostadsgator tas med i den översynen.",
                PLANNING,
                planned_unknown="Översynen har ännu ingen tidplan: samhällsbyggnadsnämnden "
                "beslutar om den i sin verksamhetsplan för nästa år.",
                decision="SBN {year}/0217",
            ),
            Step(
                400,
                Status.PLANNED,
                "Översynen har nu en tidplan men drar ut på tiden i väntan på ny vägledning om "
                "hastighetsgränser. Förslaget finns kvar i arbetet, och vi räknar med beslut "
                "till det planerade datumet.",
                PLANNING,
                planned_in_days=1300,
                decision="SBN {year}/0217",
            ),
        ),
    ),
)

RINKABYHOLM = (
    Item(
        "rinkabyholm",
        "Mer ljus vid busshållplatsen",
        "Det är kolsvart vid hållplatsen på vintermorgnarna. Barnen som väntar på skolbussen "
        "syns inte från vägen, och det känns otryggt att stå där ensam.",
        LIGHT,
        location="Busshållplatsen vid skolan",
        source=Source.WALK,
        days=0,
        tags=("belysning", "busshållplats"),
        steps=(
            Step(6, Status.REVIEWING),
            Step(
                28,
                Status.DIRECT_ACTION,
                "En ny belysningsstolpe sätts upp vid hållplatsen, och den gamla lampan byts mot "
                "en starkare.",
                PARKS,
                planned_in_days=100,
            ),
            Step(
                95,
                Status.DONE,
                "Hållplatsen har fått en ny stolpe och starkare ljus. Tack för att ni visade oss "
                "platsen på vandringen!",
                PARKS,
            ),
        ),
    ),
    Item(
        "rinkabyholm",
        "En bänk nere vid vattnet",
        "Jag går ner till strandängen varje dag men orkar inte hela vägen tillbaka utan att "
        "vila. En bänk vid vattnet skulle glädja många av oss äldre, och en papperskorg bredvid.",
        GREEN,
        location="Strandängen",
        source=Source.LETTER,
        days=-10,
        resident=Resident(
            name="Astrid Exempelsson",
            display_name="Astrid E.",
            age_group=AgeGroup.AGE_80_PLUS,
        ),
        photo="coast",
        tags=("bänk", "strand"),
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                28,
                Status.DIRECT_ACTION,
                "En bänk och en papperskorg ställs ut vid strandängen.",
                PARKS,
                planned_in_days=150,
            ),
            Step(
                140,
                Status.DONE,
                "Bänken och papperskorgen står nu vid strandängen, med utsikt över vattnet.",
                PARKS,
            ),
        ),
    ),
    Item(
        "rinkabyholm",
        "Övergångsställe över den stora vägen vid affären",
        "Från gruppen om trygghet: det är svårt att ta sig över den stora vägen vid affären. "
        "Bilarna kör fort och det finns inget övergångsställe, så barn och äldre går en lång "
        "omväg.",
        TRAFFIC,
        location="Korsningen vid affären",
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                33,
                Status.FORWARDED,
                "Vägen genom orten är statlig, och det är Trafikverket som bestämmer om "
                "övergångsställen och hastighet där. Vi har skickat förslaget till Trafikverket "
                "och bett om en åtgärd för gående vid korsningen.",
                ROADS,
                decision="KS {year}/0533",
            ),
            Step(
                160,
                Status.FORWARDED,
                "Trafikverket har svarat att korsningen finns med i deras planering av "
                "trafiksäkerhetsåtgärder längs vägen, men de har inte bestämt när. Kommunen tar "
                "upp frågan igen på de årliga mötena med Trafikverket.",
                ROADS,
            ),
        ),
    ),
    Item(
        "rinkabyholm",
        "Småbåtshamn vid strandängen",
        "Från gruppen om fritid: en liten hamn med bryggor för ortens småbåtar.",
        MEETING,
        location="Strandängen",
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                40,
                Status.NOT_FEASIBLE,
                "Det blir ingen småbåtshamn. Strandområdet är känsligt för fåglar och växter, "
                "och en hamn skulle kräva muddring och tillstånd enligt miljöbalken. Kostnaden "
                "vore mycket hög i förhållande till hur många som skulle använda den.",
                PLANNING,
            ),
        ),
    ),
)

TREKANTEN = (
    Item(
        "trekanten",
        "Anslagstavla vid bygdegården",
        "Många i orten har inte Facebook och missar vad som händer. En anslagstavla med tak "
        "utanför bygdegården, där föreningarna och kommunen kan sätta upp lappar, skulle hjälpa.",
        MEETING,
        location="Utanför bygdegårdens entré",
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                32,
                Status.DIRECT_ACTION,
                "Kultur- och fritidsförvaltningen betalar en anslagstavla med tak. "
                "Bygdegårdsföreningen sätter upp den och sköter den.",
                LEISURE,
                planned_in_days=80,
                decision="KFN {year}/0061",
            ),
            Step(
                75,
                Status.DONE,
                "Anslagstavlan sitter uppe utanför bygdegården. Där sätter kommunen också upp "
                "inbjudan till nästa utvecklingsdialog.",
                LEISURE,
            ),
        ),
    ),
    Item(
        "trekanten",
        "Gatubelysning hela vägen till grannorten",
        "Vi som cyklar till jobbet i grannorten har ingen belysning alls på sträckan. Sätt upp "
        "lampor längs hela vägen.",
        LIGHT,
        location="Vägen mot grannorten",
        days=-10,
        resident=Resident(
            name="Olle Demosson",
            email="olle.demosson@example.org",
            age_group=AgeGroup.AGE_50_64,
        ),
        steps=(
            Step(8, Status.REVIEWING),
            Step(
                40,
                Status.NOT_FEASIBLE,
                "Vi sätter inte upp belysning längs hela sträckan. Den är lång och glest "
                "bebyggd, och vägen är statlig, så det skulle kräva avtal med Trafikverket. "
                "Kommunen prioriterar belysning där många går och cyklar varje dag, som vid "
                "skolan och busshållplatserna.",
                PLANNING,
            ),
        ),
    ),
    Item(
        "trekanten",
        "Lampor som inte lyser i elljusspåret",
        "Flera lampor i elljusspåret är trasiga, och på ett par ställen är det helt mörkt.",
        LIGHT,
        location="Elljusspåret",
        source=Source.WALK,
        days=0,
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                21,
                Status.DIRECT_ACTION,
                "Alla trasiga armaturer i spåret byts mot LED-lampor.",
                LEISURE,
                planned_in_days=60,
            ),
            Step(63, Status.DONE, "Hela elljusspåret lyser igen.", LEISURE),
        ),
    ),
    Item(
        "trekanten",
        "En träffpunkt för ungdomarna",
        "Från ungdomarnas grupp: det finns ingenstans att vara på kvällarna när man är för "
        "gammal för lekplatsen. Vi vill ha en lokal med några soffor, wifi och pingis.",
        MEETING,
        source=Source.DIALOGUE,
        days=0,
        resident=Resident(age_group=AgeGroup.UNDER_18),
        tags=("unga",),
        steps=(
            REVIEWING,
            Step(
                45,
                Status.PLANNED,
                "Kultur- och fritidsförvaltningen utreder tillsammans med föreningarna om en "
                "lokal kan delas, och frågar ungdomarna vad de vill ha.",
                LEISURE,
                planned_in_days=400,
                decision="KFN {year}/0088",
            ),
            Step(
                380,
                Status.PLANNED,
                "Förvaltningen och föreningarna har träffat ett tiotal ungdomar. Förslaget är "
                "öppen verksamhet två kvällar i veckan i skolans lokaler. Pengarna prövas i "
                "nämndens budget.",
                LEISURE,
                planned_in_days=1100,
                decision="KFN {year}/0088",
            ),
        ),
    ),
)

LACKEBY = (
    Item(
        "lackeby",
        "Snöröj gångvägen till skolan tidigare",
        "Gångvägen till skolan plogas först mitt på förmiddagen, långt efter att barnen gått "
        "till skolan. Förra vintern gick de i vägbanan i stället. Kan gångvägen komma före i "
        "plogordningen?",
        PATHS,
        location="Gångvägen mellan bostadsområdet och skolan",
        days=-15,
        resident=Resident(
            name="Anders Provsson",
            email="anders.provsson@example.org",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        tags=("snöröjning", "skolväg"),
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                30,
                Status.DIRECT_ACTION,
                "Gångvägen till skolan flyttas upp i prioriteringen för vinterväghållningen. "
                "Från och med kommande vintersäsong plogas och sandas den före klockan sju på "
                "skoldagar.",
                PARKS,
                planned_in_days=120,
            ),
            Step(
                260,
                Status.DONE,
                "Gångvägen har plogats före skolstart hela vintersäsongen. Ring kommunens "
                "kontaktcenter om den ändå är oplogad en morgon.",
                PARKS,
            ),
        ),
    ),
    Item(
        "lackeby",
        "Vattnet blir stående på gatan när det regnar",
        "Vid kraftigt regn blir det en stor pöl i svackan, och vattnet rinner in på tomterna.",
        OTHER,
        location="Svackan på bostadsgatan nära skolan",
        source=Source.WALK,
        days=0,
        steps=(
            Step(9, Status.REVIEWING),
            Step(
                42,
                Status.PLANNED,
                "Kalmar Vatten undersöker dagvattenledningarna i området och tar fram en "
                "åtgärd. Arbetet samordnas med annat ledningsarbete i orten.",
                WATER,
                planned_in_days=450,
                decision="KS {year}/0611",
            ),
        ),
    ),
    Item(
        "lackeby",
        "En mataffär i Läckeby",
        "Från gruppen om service: sedan affären stängde måste alla åka bil för att handla. En "
        "liten butik skulle betyda mycket, särskilt för de äldre.",
        SERVICE,
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                40,
                Status.NOT_FEASIBLE,
                "Kommunen kan inte öppna eller driva en mataffär, eftersom handel drivs av "
                "företag. Vi förstår att det är en stor förlust för orten. Kommunen berättar "
                "gärna om stödet till kommersiell service på landsbygden och hjälper den som "
                "vill starta till exempel ett ombud eller en obemannad butik.",
                MANAGEMENT,
            ),
        ),
    ),
    Item(
        "lackeby",
        "Busstider som passar skoldagen",
        "Ringde kontaktcenter: eftermiddagsbussen går tio minuter innan skolan slutar, så "
        "barnen får vänta en timme på nästa.",
        BUSES,
        source=Source.PHONE,
        days=-5,
        resident=Resident(
            name="Gunnel Provsson", phone="070-174 06 31", age_group=AgeGroup.AGE_65_79
        ),
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                35,
                Status.FORWARDED,
                "Tidtabellerna bestäms av Kalmar Länstrafik. Vi har skickat önskemålet dit "
                "tillsammans med skolans tider, så att de kan se över turerna till nästa "
                "tidtabell.",
                TRANSIT,
                decision="KS {year}/0614",
            ),
            Step(
                170,
                Status.FORWARDED,
                "Kalmar Länstrafik har flyttat eftermiddagsturen tjugo minuter senare i den nya "
                "tidtabellen, så att den passar skolans sluttid.",
                TRANSIT,
            ),
        ),
    ),
)

PARYD = (
    Item(
        "paryd",
        "Rusta upp lekplatsen",
        "Lekplatsen vid skolan är sliten: gungorna gnisslar, rutschkanan har sprickor och det "
        "finns inget för de minsta barnen. Vi som bor här hjälper gärna till med idéer.",
        GREEN,
        location="Lekplatsen vid skolan",
        days=-20,
        resident=Resident(
            name="Greta Fiktiv",
            email="greta.fiktiv@example.org",
            display_name="Familjen Fiktiv",
            age_group=AgeGroup.AGE_30_49,
            notify=True,
        ),
        photo="fields",
        tags=("lekplats",),
        steps=(
            Step(
                7,
                Status.REVIEWING,
                "Vi har besiktigat lekplatsen och går igenom vad som behöver göras.",
                PARKS,
            ),
            Step(
                38,
                Status.PLANNED,
                "Lekplatsen behöver rustas upp ordentligt, och det ryms inte i årets budget för "
                "underhåll. Serviceförvaltningen planerar upprustningen och bjuder in "
                "barnfamiljerna att tycka till om utformningen. Det som är trasigt lagas redan "
                "nu.",
                PARKS,
                planned_in_days=730,
                decision="KS {year}/0702",
            ),
            Step(
                420,
                Status.PLANNED,
                "Pengarna till upprustningen finns nu i budgeten. Barn och föräldrar har fått "
                "välja mellan tre förslag, och flest ville ha en klätterställning och en sandlek "
                "för de minsta.",
                PARKS,
                planned_in_days=1000,
                decision="KS {year}/0702",
            ),
            Step(
                800,
                Status.PLANNED,
                "Upphandlingen är klar. Lekplatsen stängs under bygget, som beräknas vara klart "
                "till det planerade datumet.",
                PARKS,
                planned_in_days=1000,
                decision="KS {year}/0702",
            ),
        ),
    ),
    Item(
        "paryd",
        "Nya gungor på lekplatsen",
        "Gungorna vid skolan är trasiga och gnisslar.",
        GREEN,
        location="Lekplatsen vid skolan",
        source=Source.WALK,
        days=0,
        duplicate_of="Rusta upp lekplatsen",
        steps=(
            Step(
                7,
                Status.DUPLICATE,
                "Gungorna tas om hand i förslaget om att rusta upp hela lekplatsen. Där kan du "
                "följa vad som händer.",
            ),
        ),
    ),
    Item(
        "paryd",
        "Tidigare morgonbuss till Kalmar",
        "Från gruppen om service: den första bussen kommer fram till Kalmar först efter "
        "klockan åtta. Den som börjar jobba sju måste ta bilen.",
        BUSES,
        source=Source.DIALOGUE,
        days=0,
        tags=("buss",),
        steps=(
            REVIEWING,
            Step(
                35,
                Status.FORWARDED,
                "Tidtabellerna bestäms av Kalmar Länstrafik inom Region Kalmar län. Vi har "
                "skickat önskemålet dit och berättat hur många som tog upp det på dialogmötet.",
                TRANSIT,
                decision="KS {year}/0705",
            ),
            Step(
                200,
                Status.FORWARDED,
                "Kalmar Länstrafik prövar en tidigare morgontur under en försöksperiod i nästa "
                "tidtabell. Om tillräckligt många reser med den blir den kvar.",
                TRANSIT,
            ),
        ),
    ),
    Item(
        "paryd",
        "Trasig lampa vid bygdegårdens parkering",
        "Ringde kontaktcenter: lampan på parkeringen vid bygdegården har varit släckt i flera "
        "veckor. Det är mörkt när man går hem från träffarna på kvällen.",
        LIGHT,
        location="Bygdegårdens parkering",
        source=Source.PHONE,
        days=-4,
        resident=Resident(
            name="Sven Låtsasson", phone="070-174 06 55", age_group=AgeGroup.AGE_65_79
        ),
        steps=(
            Step(
                -3,
                Status.DIRECT_ACTION,
                "Felanmälan är skickad till den som sköter belysningen.",
                PARKS,
            ),
            Step(9, Status.DONE, "Lampan är lagad.", PARKS),
        ),
    ),
)

TVARSKOG = (
    Item(
        "tvarskog",
        "Lägre hastighet förbi skolan",
        "Vägen förbi skolan är 70 km/tim. Barnen korsar den för att komma till bussen.",
        TRAFFIC,
        location="Vägen förbi skolan",
        source=Source.WALK,
        days=0,
        tags=("skolväg", "hastighet"),
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                30,
                Status.FORWARDED,
                "Vägen är statlig, så det är Trafikverket som bestämmer hastigheten. Vi har "
                "skickat förslaget dit och stöder det.",
                ROADS,
                decision="KS {year}/0790",
            ),
            Step(
                150,
                Status.FORWARDED,
                "Trafikverket har beslutat att sänka hastigheten till 40 km/tim förbi skolan. "
                "Trafikverket sätter upp de nya skyltarna.",
                ROADS,
            ),
            Step(
                260,
                Status.DONE,
                "De nya hastighetsskyltarna sitter uppe. Tack för att ni tog upp frågan!",
                ROADS,
            ),
        ),
    ),
    Item(
        "tvarskog",
        "En idrottshall i Tvärskog",
        "Från gruppen om fritid: skolan har bara en liten gymnastiksal. En riktig idrottshall "
        "skulle samla både skolan och föreningarna.",
        MEETING,
        source=Source.DIALOGUE,
        days=0,
        steps=(
            REVIEWING,
            Step(
                40,
                Status.NOT_FEASIBLE,
                "En idrottshall byggs inte. Elevantalet räcker inte för en egen hall, och "
                "kommunen prioriterar underhållet av skolans lokaler. Föreningarna kan boka "
                "gymnastiksalen på kvällar och helger.",
                LEISURE,
            ),
        ),
    ),
    Item(
        "tvarskog",
        "Nedfallna träd på promenadstigen",
        "Efter stormen ligger flera träd över stigen, och man måste gå ut i skogen för att "
        "komma förbi.",
        GREEN,
        location="Promenadstigen bakom skolan",
        days=-6,
        resident=Resident(email="stigvandrare@example.com"),
        steps=(
            Step(5, Status.DIRECT_ACTION, "Träden tas bort så snart som möjligt.", PARKS),
            Step(19, Status.DONE, "Stigen är röjd.", PARKS),
        ),
    ),
)

HAGBY = (
    Item(
        "hagby",
        "En bänk vid busshållplatsen",
        "Jag skriver för att det inte finns någonstans att sitta vid hållplatsen. Jag är 84 år "
        "och kan inte stå länge, och bussen är ofta sen.",
        OTHER,
        location="Busshållplatsen vid affären",
        source=Source.LETTER,
        days=-12,
        resident=Resident(
            name="Elsa Exempelberg",
            age_group=AgeGroup.AGE_80_PLUS,
            postal_address="Påhittevägen 4\n999 01 Hagby",
            reply_by_letter=True,
        ),
        steps=(
            Step(8, Status.REVIEWING),
            Step(
                30,
                Status.DIRECT_ACTION,
                "En bänk ställs ut vid hållplatsen.",
                PARKS,
                planned_in_days=60,
            ),
            Step(55, Status.DONE, "Bänken står på plats vid hållplatsen.", PARKS),
        ),
    ),
    Item(
        "hagby",
        "Gång- och cykelväg mot kusten",
        "Från gruppen om trafik: många cyklar mot kusten på sommaren, på en smal väg utan "
        "vägren. En cykelväg skulle göra det tryggt.",
        PATHS,
        source=Source.DIALOGUE,
        days=0,
        tags=("cykel",),
        steps=(
            REVIEWING,
            Step(
                44,
                Status.PLANNED,
                "Sträckan finns med i kommunens cykelplan. Samhällsbyggnadskontoret tar fram "
                "en vägplan tillsammans med Trafikverket, som äger vägen, och bygget planeras "
                "för de kommande åren.",
                PLANNING,
                planned_in_days=1200,
                decision="KS {year}/0841",
            ),
        ),
    ),
    Item(
        "hagby",
        "Ny förskola i Hagby",
        "Förskolan är full och vi får plats först i grannorten. Bygg en ny förskola i Hagby.",
        SERVICE,
        days=-10,
        resident=Resident(
            name="Fredrik Testsson",
            email="fredrik.testsson@example.org",
            age_group=AgeGroup.AGE_30_49,
        ),
        steps=(
            REVIEWING,
            Step(
                40,
                Status.NOT_FEASIBLE,
                "En ny förskola byggs inte just nu. Platserna i den befintliga förskolan räcker "
                "för de barn som bor i orten i dag, även om alla inte får sitt första val. "
                "Frågan tas upp igen om barnen blir fler.",
                SCHOOLS,
            ),
        ),
    ),
    Item(
        "hagby",
        "Laga asfalten på gångvägen vid kyrkan",
        "Asfalten har spruckit och det finns djupa hål. Svårt att ta sig fram med rullator.",
        PATHS,
        location="Gångvägen mellan kyrkan och affären",
        source=Source.WALK,
        days=0,
        steps=(
            Step(7, Status.REVIEWING),
            Step(
                30,
                Status.DIRECT_ACTION,
                "Hålen lagas och gångvägen får ny asfalt.",
                PARKS,
                planned_in_days=120,
            ),
            Step(
                110,
                Status.DIRECT_ACTION,
                "De djupaste hålen är lagade. Den nya asfalten väntar tills Kalmar Vatten har "
                "bytt ledningarna under gångvägen, så att den inte behöver grävas upp igen.",
                PARKS,
                planned_in_days=800,
            ),
            Step(
                700,
                Status.DIRECT_ACTION,
                "Kalmar Vatten är klart med ledningarna. Gångvägen får ny asfalt till det "
                "planerade datumet.",
                PARKS,
                planned_in_days=800,
            ),
        ),
    ),
)

COMPLETED = LINDSDAL + SMEDBY + RINKABYHOLM + TREKANTEN + LACKEBY + PARYD + TVARSKOG + HAGBY
