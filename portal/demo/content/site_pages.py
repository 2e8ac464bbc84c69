"""Texts of the home page, the two index pages and the standard pages."""

from datetime import timedelta

from .stream import bullets, facts, heading, paragraphs, swedish_date, text

EMAIL = "kommun@kalmar.se"
PHONE = "0480-45 00 00"
MAILTO = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'

HOME_INTRO = (
    "Här följer du utvecklingsdialogerna i Kalmar kommuns orter: när vandringar och dialogmöten "
    "äger rum, vilka förslag som har kommit in och vad kommunen har beslutat."
)


def home_method_text(about_page_id):
    steps = (
        "<b>Förberedelser.</b> Kommunen skriver en ortsbeskrivning, bjuder in invånare och "
        "föreningar och bokar lokal och barnpassning.",
        "<b>Förbättringsvandring.</b> Invånare och tjänstepersoner går runt i orten och "
        "antecknar vad som kan bli bättre.",
        "<b>Dialogmöte.</b> Politiker och tjänstepersoner berättar vad som har gjorts, "
        "och invånarna samtalar i grupper om ortens framtid.",
        "<b>Uppföljning.</b> Arbetsgruppen tar ställning till varje förslag och skickar en "
        "sammanställning till alla som bor i orten.",
    )
    return (
        "<p>Varje besök i en ort har fyra steg:</p><ol>"
        + "".join(f"<li>{step}</li>" for step in steps)
        + f'</ol><p><a linktype="page" id="{about_page_id}">'
        "Läs mer om hur utvecklingsdialogerna går till</a></p>"
    )


PLACES_INTRO = (
    "Utvecklingsdialogerna hålls i kommunens femton orter utanför Kalmar stad. Välj en ort för "
    "att läsa om den och se när nästa vandring eller dialogmöte äger rum."
)
ROUNDS_INTRO = (
    "I varje omgång besöker kommunen ungefär elva orter under cirka två år. Här ser du "
    "omgångarna och när det är dags för varje ort."
)

ABOUT = {
    "title": "Om utvecklingsdialogerna",
    "slug": "om-utvecklingsdialogerna",
    "intro": (
        "Sedan 2007 samtalar Kalmar kommun regelbundet med invånarna i kommunens orter om hur "
        "orterna kan utvecklas. Här beskriver vi hur det går till och vad det har lett till."
    ),
    "body": [
        heading("Därför gör vi det"),
        paragraphs(
            "Kalmar kommun har som mål att hela kommunen ska leva, inte bara staden. De som "
            "bor i en ort vet bäst vad som fungerar där och vad som behöver bli bättre. "
            "Utvecklingsdialogerna tar tillvara den kunskapen och låter invånarna vara med och "
            "forma sin ort.",
            "Dialogerna är en del av kommunens arbete med landsbygdsutveckling och hålls i "
            "alla större orter i kommunen utom Kalmar stad.",
        ),
        facts(
            [
                ("Sedan", "2007"),
                ("Orter per omgång", "11"),
                ("En omgång tar", "Cirka två år"),
                ("Deltagare i en tidigare omgång", "670 personer"),
                ("Samordnas av", "Kommunledningskontoret"),
            ],
            title="I korthet",
        ),
        heading("Fyra steg"),
        text(
            "<h3>1. Förberedelser</h3><p>Arbetsgruppen tar fram en ortsbeskrivning med fakta "
            "om orten. Invånarna bjuds in genom annonser, affischer, kommunens webbplats och "
            "sociala medier. Kalmar Länstrafik, Trafikverket och ortens föreningar bjuds också "
            "in. Kommunen bokar lokal och ordnar barnpassning, så att fler kan komma.</p>"
            "<h3>2. Förbättringsvandring</h3><p>Några veckor före dialogmötet går tjänstepersoner "
            "från kommunen runt i orten tillsammans med dem som bor där. Vi stannar där något "
            "fungerar dåligt, till exempel en mörk gångväg, en otydlig korsning eller en sliten "
            "lekplats, och antecknar vad som kan ordnas snart och vad som kräver mer "
            "planering.</p>"
            "<h3>3. Dialogmöte</h3><p>På dialogmötet berättar politiker och "
            "tjänstepersoner vad kommunen har gjort och planerar i orten. Sedan samtalar "
            "deltagarna i grupper om service, trygghet och vad som behövs för att fler ska "
            "vilja bo där.</p>"
            "<h3>4. Uppföljning</h3><p>Efter dialogmötet går arbetsgruppen igenom alla förslag. En "
            "del åtgärdas direkt, andra kräver längre planering och får en ansvarig "
            "förvaltning. Frågor som kommunen inte råder över skickas vidare, till exempel till "
            "Trafikverket. Allt sammanfattas i en sammanställning som skickas till alla hushåll "
            "i orten. Här på webbplatsen kan du följa varje förslag.</p>"
        ),
        heading("Vem gör vad"),
        paragraphs(
            "Kommunledningskontoret har det övergripande ansvaret. En arbetsgrupp med "
            "medarbetare från flera förvaltningar sköter det praktiska arbetet, från "
            "ortsbeskrivningen till sammanställningen. På så sätt kan frågor om allt från "
            "gatubelysning till skolgårdar besvaras av dem som faktiskt ansvarar för dem."
        ),
        heading("Vad det har lett till"),
        paragraphs(
            "I varje omgång besöker kommunen elva orter under ungefär två år. I en av de "
            "tidigare omgångarna deltog sammanlagt 670 personer. Deltagarna har varit i alla "
            "åldrar, men de flesta har varit äldre. Därför vill vi göra det enklare för fler, "
            "inte minst yngre, att vara med, till exempel genom att lämna förslag här på "
            "webbplatsen.",
            "Förutom förbättringar som kommunen själv kan genomföra har dialogerna väckt lokalt "
            "engagemang. På en av orterna bildades till exempel ett byalag med stöd av "
            "organisationen Hela Sverige ska leva.",
        ),
        heading("Ett tydligt syfte"),
        paragraphs(
            "Dialogerna fungerar bäst när alla vet vad de kan leda till. Kommunen kan inte lova "
            "att allt blir av, men vi lovar att ta ställning till varje förslag och berätta vad "
            "som händer med det, även när svaret är nej och varför.",
            "Arbetet före och efter dialogmötena tar mest tid. Det är också det arbetet som gör "
            "dialogerna trovärdiga och ger bestående förbättringar.",
        ),
    ],
}


def accessibility(today):
    """Kalmar kommun's accessibility statement, following the structure Digg asks for."""
    assessed = swedish_date(today - timedelta(days=21))
    updated = swedish_date(today - timedelta(days=14))
    return {
        "title": "Tillgänglighetsredogörelse",
        "slug": "tillganglighet",
        "intro": (
            "Kalmar kommun står bakom den här webbplatsen. Vi vill att så många som möjligt ska "
            "kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
            "tillgänglighet till digital offentlig service, vilka brister vi känner till och "
            "hur du kan rapportera problem."
        ),
        "body": [
            heading("Hur tillgänglig är webbplatsen?"),
            paragraphs(
                "Vi vet att några delar av webbplatsen inte är helt tillgängliga. De beskrivs "
                "under rubriken Innehåll som inte är tillgängligt längre ner på sidan."
            ),
            heading("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
            text(
                "<p>Om du behöver innehåll i ett annat format, till exempel en äldre "
                "sammanställning som vanlig text, kan du kontakta oss:</p>"
                + bullets([f"E-post: {MAILTO}", f"Telefon: {PHONE} (kommunens kontaktcenter)"])
                + "<p>Vi svarar inom fem arbetsdagar.</p>"
            ),
            heading("Rapportera brister i webbplatsens tillgänglighet"),
            paragraphs(
                "Vi arbetar hela tiden med att göra webbplatsen bättre. Om du upptäcker problem "
                "som inte beskrivs här, eller om du tycker att vi inte uppfyller lagens krav, "
                f"vill vi gärna veta det. Skriv till {MAILTO} eller ring {PHONE}. Vi svarar "
                "inom fem arbetsdagar."
            ),
            heading("Tillsyn"),
            paragraphs(
                "Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om "
                "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi "
                'hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">'
                "anmäla det till Digg</a>."
            ),
            heading("Teknisk information om webbplatsens tillgänglighet"),
            paragraphs(
                "Den här webbplatsen är delvis förenlig med lagen (2018:1937) om tillgänglighet "
                "till digital offentlig service, på grund av de brister som beskrivs nedan."
            ),
            heading("Innehåll som inte är tillgängligt"),
            text(
                "<h3>Bristande förenlighet med lagkraven</h3>"
                + bullets(
                    [
                        "Några äldre sammanställningar från tidigare omgångar finns bara som "
                        "PDF-dokument som inte är tillgänglighetsanpassade. De saknar till "
                        "exempel rubriker och kan vara svåra att läsa med skärmläsare. Vi gör "
                        "om dem till webbsidor, och du kan alltid be om innehållet som text.",
                    ]
                )
                + "<h3>Innehåll som inte omfattas av lagen</h3>"
                + bullets(
                    [
                        "Kartor över orterna visas som bilder med textalternativ. Kartor "
                        "omfattas inte av lagen, men adresser, samlingsplatser och "
                        "vägbeskrivningar finns alltid som vanlig text.",
                    ]
                )
            ),
            heading("Hur vi testat webbplatsen"),
            paragraphs(
                "Vi har gjort en egen bedömning av webbplatsen mot kraven i standarden "
                "EN 301 549, som bygger på WCAG 2.1 nivå AA. Varje ändring av webbplatsen "
                "testas automatiskt med verktyget axe-core i en riktig webbläsare. Vi "
                "kontrollerar också för hand att allt går att använda med enbart tangentbord "
                "och med skärmläsare, och att sidorna fungerar med förstorad text och på små "
                "skärmar.",
                f"Den senaste bedömningen gjordes den {assessed}.",
                f"Redogörelsen uppdaterades senast den {updated}.",
            ),
        ],
    }


PRIVACY = {
    "title": "Så behandlar vi dina personuppgifter",
    "slug": "personuppgifter",
    "intro": (
        "När du lämnar ett förslag eller väljer att följa en ort behandlar Kalmar kommun dina "
        "personuppgifter. Här berättar vi varför, vad som händer med uppgifterna och vilka "
        "rättigheter du har."
    ),
    "body": [
        heading("Personuppgiftsansvarig"),
        paragraphs(
            "Kalmar kommun, genom kommunstyrelsen, är personuppgiftsansvarig för behandlingen "
            "på den här webbplatsen. Kommunstyrelsen ansvarar alltså för att dina uppgifter "
            "hanteras korrekt och säkert."
        ),
        heading("Vilka uppgifter vi behandlar och varför"),
        text(
            "<p>Du kan lämna förslag utan att tala om vem du är. Om du vill kan du lämna namn, "
            "e-postadress eller telefonnummer. Vi använder dem för att</p>"
            + bullets(
                [
                    "kunna ställa frågor om ditt förslag,",
                    "skicka kvitto och besked när ditt förslag får en ny status, om du har bett "
                    "om det,",
                    "skicka nyheter om en ort som du har valt att följa.",
                ]
            )
            + "<p>Skriv inte ditt personnummer, och skriv inte känsliga uppgifter, till exempel "
            "om hälsa, i ditt förslag.</p>"
        ),
        heading("Rättslig grund"),
        paragraphs(
            "Vi behandlar uppgifterna för att utföra en uppgift av allmänt intresse, enligt "
            "artikel 6.1 e i dataskyddsförordningen (GDPR): att utveckla kommunens orter "
            "tillsammans med dem som bor där."
        ),
        heading("Ditt förslag blir en allmän handling"),
        paragraphs(
            "Ett förslag som kommer in till kommunen blir en allmän handling enligt "
            "offentlighetsprincipen. Vem som helst kan begära att få läsa det, och då kan även "
            "uppgifter om vem som skickat det lämnas ut efter att kommunen har prövat om något "
            "omfattas av sekretess.",
            "På webbplatsen visas aldrig ditt namn eller dina kontaktuppgifter, bara ett "
            "visningsnamn om du själv har valt att ange ett.",
        ),
        heading("Vem vi kan dela uppgifterna med"),
        paragraphs(
            "Om ditt förslag gäller något som kommunen inte ansvarar för kan vi skicka det "
            "vidare till den som gör det, till exempel Trafikverket för statliga vägar eller "
            "Region Kalmar län för kollektivtrafiken. Företag som driver webbplatsen åt kommunen "
            "kan behöva hantera uppgifterna, men bara för det uppdraget och enligt avtal med oss."
        ),
        heading("Hur länge vi sparar uppgifterna"),
        paragraphs(
            "Kontaktuppgifter som du har lämnat för att få besked sparar vi tills ditt förslag "
            "har fått ett slutligt besked och sammanställningen för orten är skickad. Om du "
            "följer en ort sparar vi din e-postadress tills du avslutar prenumerationen, vilket "
            "du gör med en länk i varje utskick. Bekräftar du inte bevakningen inom en vecka "
            "tar vi bort adressen.",
            "Själva förslagen är allmänna handlingar. De bevaras eller gallras enligt "
            "arkivlagen och kommunens dokumenthanteringsplan.",
        ),
        heading("Dina rättigheter"),
        text(
            "<p>Du har rätt att</p>"
            + bullets(
                [
                    "få veta vilka uppgifter vi har om dig (registerutdrag),",
                    "få felaktiga uppgifter rättade,",
                    "få uppgifter raderade, om de inte måste bevaras enligt arkivlagen,",
                    "begära att behandlingen begränsas,",
                    "invända mot behandlingen.",
                ]
            )
        ),
        heading("Kakor"),
        paragraphs(
            "Webbplatsen använder inga kakor när du bara läser.",
            "När du öppnar ett formulär för att skicka något till oss, till exempel för att "
            "lämna ett förslag, sparar din webbläsare en kaka som heter csrftoken. Den "
            "innehåller bara en slumpvis kod. Med den kan vi se att det du skickar kommer "
            "från formuläret på vår webbplats och inte från någon annan som försöker skicka "
            "något i ditt namn. Kakan behövs för att formuläret ska fungera. Vi använder den "
            "inte för att känna igen dig eller se vad du läser.",
            "Kakan försvinner av sig själv ett dygn efter att du senast öppnade ett formulär. "
            "Du kan också ta bort den i webbläsaren när du har skickat det du ville.",
            "När du har skickat ett förslag eller anmält att du vill följa en ort och skrivit "
            "din e-postadress, sparar webbläsaren en kaka som heter skickat_till. Den innehåller "
            "bara början av adressen, till exempel a***@example.org, så att nästa sida kan "
            "visa vart vi skickade e-posten. Kakan tas bort så fort sidan har visats, och "
            "senast efter tio minuter.",
        ),
        heading("Frågor och dataskyddsombud"),
        paragraphs(
            "Har du frågor om hur vi behandlar dina personuppgifter, eller vill du använda "
            f"dina rättigheter? Kontakta Kalmar kommun på {MAILTO} eller {PHONE}. Du kan också "
            "vända dig till kommunens dataskyddsombud, som nås på samma sätt."
        ),
        heading("Om du vill klaga"),
        paragraphs(
            "Om du tycker att vi behandlar dina personuppgifter felaktigt kan du lämna ett "
            "klagomål till Integritetsskyddsmyndigheten (IMY), "
            '<a href="https://www.imy.se">www.imy.se</a>.'
        ),
    ],
}

EASY_READ = {
    "title": "Lättläst",
    "slug": "lattlast",
    "intro": "Här kan du läsa om webbplatsen med enkla ord.",
    "body": [
        heading("Vad är Ortsdialog?"),
        paragraphs(
            "Ortsdialog är en webbplats från Kalmar kommun.",
            "Här kan du läsa om orterna i kommunen. Till exempel Läckeby, Påryd och Hagby.",
            "Kommunen vill att det ska vara bra att bo i alla orter. Därför frågar kommunen vad "
            "du tycker.",
        ),
        heading("Så går det till"),
        text(
            "<p>Kommunen besöker en ort i taget. Det går till så här:</p><ol>"
            "<li>Kommunen bjuder in alla som bor i orten.</li>"
            "<li>Ni går en promenad i orten tillsammans med personer från kommunen. Ni tittar "
            "på vad som kan bli bättre. Promenaden heter förbättringsvandring.</li>"
            "<li>Ni träffas på ett möte. Mötet heter dialogmöte. Där kan du säga vad du "
            "tycker.</li>"
            "<li>Kommunen läser alla förslag. Sedan får alla som bor i orten veta vad kommunen "
            "ska göra.</li></ol>"
        ),
        heading("Lämna ett förslag"),
        paragraphs(
            "Du kan lämna ett förslag här på webbplatsen.",
            "Du kan också säga ditt förslag på promenaden eller på dialogmötet.",
            "Du behöver inte skriva ditt namn.",
            "Alla kan läsa förslagen. Ditt namn visas inte.",
        ),
        heading("Vill du ha hjälp?"),
        paragraphs(f"Ring kommunen på telefon {PHONE}.", f"Eller skicka e-post till {MAILTO}."),
    ],
}
