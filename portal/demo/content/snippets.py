"""Themes residents choose for their proposals, who can be responsible for them, and the
working group's answer templates."""

THEMES = (
    ("Trafik och säkerhet", "Hastigheter, korsningar, skolvägar och trafikmiljön i orten."),
    (
        "Gång- och cykelvägar",
        "Nya eller bättre vägar att gå och cykla på, inom orten och till grannorter.",
    ),
    ("Kollektivtrafik", "Busshållplatser, turer och förbindelser med Kalmar och grannorterna."),
    ("Grönområden och lek", "Parker, lekplatser, motionsspår, stränder och natur nära bostäderna."),
    (
        "Belysning",
        "Gatubelysning och ljus längs gångvägar, hållplatser och platser som känns otrygga.",
    ),
    ("Service och handel", "Affärer, post- och apoteksombud, bredband och kommunal service."),
    ("Bostäder och byggande", "Nya tomter och bostäder, detaljplaner och hur orten kan växa."),
    ("Föreningsliv och mötesplatser", "Lokaler, aktiviteter och platser där invånare kan träffas."),
    ("Övrigt", "Förslag som inte passar under något av de andra temana."),
)

MUNICIPAL = "municipal"
EXTERNAL = "external"

DEPARTMENTS = (
    (
        "Kommunledningskontoret",
        MUNICIPAL,
        "Har det övergripande ansvaret för utvecklingsdialogerna och landsbygdsfrågorna.",
        "",
    ),
    (
        "Samhällsbyggnadskontoret",
        MUNICIPAL,
        "Planerar trafik, gång- och cykelvägar, bostäder och detaljplaner.",
        "",
    ),
    (
        "Serviceförvaltningen – park och gata",
        MUNICIPAL,
        "Sköter kommunens gator, parker, lekplatser och gatubelysning.",
        "",
    ),
    (
        "Kultur- och fritidsförvaltningen",
        MUNICIPAL,
        "Ansvarar för bibliotek, idrottsanläggningar, föreningsstöd och fritidsverksamhet.",
        "",
    ),
    (
        "Barn- och ungdomsförvaltningen",
        MUNICIPAL,
        "Ansvarar för förskolor, grundskolor och skolgårdar.",
        "",
    ),
    (
        "Kalmar Vatten AB",
        MUNICIPAL,
        "Kommunens bolag för dricksvatten, avlopp och dagvatten.",
        "https://www.kalmarvatten.se",
    ),
    (
        "Trafikverket",
        EXTERNAL,
        "Ansvarar för de statliga vägarna, bland annat de större vägarna genom flera orter.",
        "https://www.trafikverket.se",
    ),
    (
        "Region Kalmar län – Kalmar Länstrafik",
        EXTERNAL,
        "Ansvarar för busstrafiken, hållplatsernas placering och tidtabellerna.",
        "https://www.kalmarlanstrafik.se",
    ),
    (
        "Privat fastighetsägare",
        EXTERNAL,
        "Mark eller byggnader som ägs privat; kommunen kan bara föra frågan vidare.",
        "",
    ),
)

# The working group's answer templates: (name, status, text). {ort}, {referens} and {ansvarig}
# become the proposal's village, reference and responsible in the answer form.
ANSWER_TEMPLATES = (
    (
        "Arbetsgruppen går igenom förslagen",
        "reviewing",
        "Tack för ditt förslag från utvecklingsdialogen i {ort}. Kommunens arbetsgrupp, med "
        "tjänstemän från flera förvaltningar, går nu igenom alla förslag från orten. Du får "
        "besked här när vi vet om förslaget blir en direkt åtgärd eller behöver längre "
        "planering.",
    ),
    (
        "Direkt åtgärd",
        "direct_action",
        "Förslaget är en åtgärd som kommunen kan göra utan längre planering. {ansvarig} har "
        "fått uppdraget, och vi skriver här när det är gjort.",
    ),
    (
        "Längre planering hos ansvarig",
        "planned",
        "Förslaget behöver planeras och kanske budgeteras innan det kan genomföras. {ansvarig} "
        "ansvarar för planeringen och vi visar här när det finns ett beslut.",
    ),
    (
        "Skickat till Trafikverket",
        "forwarded",
        "Vägen genom {ort} sköts av Trafikverket, inte av kommunen. Vi har skickat förslaget "
        "{referens} vidare till Trafikverket, som bjuds in till utvecklingsdialogerna och "
        "svarar för sina vägar.",
    ),
    (
        "Skickat till Kalmar Länstrafik",
        "forwarded",
        "Turer och hållplatser för bussen planeras av Region Kalmar län genom Kalmar "
        "Länstrafik. Vi har skickat förslaget {referens} till dem och tar upp det igen när vi "
        "följer upp dialogen i {ort}.",
    ),
    (
        "Genomförs inte: privat mark",
        "not_feasible",
        "Platsen ligger på privat mark, så kommunen kan inte göra åtgärden själv. Vi har "
        "berättat om förslaget för markägaren.",
    ),
    (
        "Genomfört",
        "done",
        "Åtgärden är genomförd. Tack för att du var med i utvecklingsdialogen i {ort} och "
        "hjälpte oss se vad som kunde bli bättre.",
    ),
)

# The municipality's contact persons for the dialogues (invented people; the demo's domain).
CONTACTS = (
    ("Karin Ekström", "Landsbygdsutvecklare", "0480-45 01 20", "karin.ekstrom@kalmar.example"),
    ("Jonas Berglund", "Landsbygdsutvecklare", "0480-45 01 21", "jonas.berglund@kalmar.example"),
    (
        "Amira Haddad",
        "Samordnare för utvecklingsdialoger",
        "0480-45 01 22",
        "amira.haddad@kalmar.example",
    ),
)
