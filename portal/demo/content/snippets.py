"""Themes residents choose for their proposals, and who can be responsible for them."""

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
