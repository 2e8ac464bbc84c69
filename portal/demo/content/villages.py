"""The fifteen localities of Kalmar kommun outside the city (SCB 2019), described in general terms.

Coordinates are rounded and approximate. The descriptions avoid claims that need local knowledge.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Village:
    name: str
    slug: str
    population: int
    latitude: str
    longitude: str
    direction: str
    scene: str
    intro: str
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()


POPULATION_YEAR = 2019
SCHOOL = ("Skola", "Grundskola i orten")

VILLAGES = (
    Village(
        name="Lindsdal",
        slug="lindsdal",
        population=5958,
        latitude="56.73300",
        longitude="16.30000",
        direction="nordväst om Kalmar",
        scene="forest",
        intro=(
            "Lindsdal är kommunens största ort utanför staden: villakvarter, skolor och "
            "skog runt hörnet, bara en kort cykeltur från Kalmar."
        ),
        paragraphs=(
            "Lindsdal har vuxit fram som en plats för den som vill bo med egen trädgård men "
            "ändå ha nära till stadens arbetsplatser, gymnasier och handel. Många pendlar in "
            "till Kalmar varje dag, med buss, bil eller cykel.",
            "I orten finns förskolor, grundskola, mataffär och flera idrottsföreningar. "
            "Skogen och motionsspåren börjar där bostadsgatorna slutar, vilket gör Lindsdal "
            "populärt bland barnfamiljer.",
            "Eftersom så många bor här är frågor om trafik vid skolorna, cykelvägar och "
            "mötesplatser för unga naturliga att ta upp i dialogen.",
        ),
        tags=("skola", "villaområde", "pendling", "idrott"),
        facts=(SCHOOL, ("Service", "Mataffär, förskolor och idrottsanläggningar")),
    ),
    Village(
        name="Smedby",
        slug="smedby",
        population=3658,
        latitude="56.66700",
        longitude="16.23300",
        direction="väster om Kalmar",
        scene="fields",
        intro=(
            "Smedby ligger strax väster om Kalmar och är en lugn bostadsort med skola och "
            "nära till både stadens utbud och öppna jordbruksmarker."
        ),
        paragraphs=(
            "Smedby är en av de orter som ligger närmast staden. Här bor många familjer i "
            "villor och radhus, och avståndet till Kalmar gör det enkelt att pendla.",
            "Runt orten breder jordbruksbygden ut sig, och det finns gott om platser för "
            "promenader. Skolan och idrottsplatsen är naturliga samlingspunkter.",
        ),
        tags=("skola", "villaområde", "pendling"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Ljungbyholm",
        slug="ljungbyholm",
        population=1809,
        latitude="56.63300",
        longitude="16.16700",
        direction="sydväst om Kalmar",
        scene="fields",
        intro=(
            "Ljungbyholm är en levande ort i jordbruksbygden sydväst om Kalmar, med skola, "
            "föreningsliv och Ljungbyån som rinner förbi."
        ),
        paragraphs=(
            "Ljungbyholm har karaktären av en egen liten tätort med skola, service och ett "
            "aktivt föreningsliv. Ljungbyån slingrar sig genom landskapet runt orten.",
            "Många som bor här arbetar i Kalmar och reser dit med buss eller bil. Samtidigt "
            "är jordbruket och de öppna markerna en viktig del av ortens identitet.",
            "Orten växer, och det gör frågor om nya bostäder, trygga skolvägar och "
            "mötesplatser extra aktuella.",
        ),
        tags=("skola", "jordbruksbygd", "föreningsliv"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Rinkabyholm",
        slug="rinkabyholm",
        population=1659,
        latitude="56.65000",
        longitude="16.26700",
        direction="sydväst om Kalmar",
        scene="coast",
        intro=(
            "Rinkabyholm ligger nära kusten söder om Kalmar, med skola och korta avstånd "
            "till både havet och staden."
        ),
        paragraphs=(
            "Rinkabyholm är en bostadsort i den kustnära delen av kommunen, bara några "
            "kilometer från Kalmar. Närheten till vattnet och till staden lockar både unga "
            "familjer och äldre.",
            "I orten finns skola och förskola. Många tar sig till Kalmar med buss eller "
            "cykel, och gång- och cykelvägarna används flitigt året om.",
        ),
        tags=("skola", "kustnära", "pendling"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Trekanten",
        slug="trekanten",
        population=1608,
        latitude="56.70000",
        longitude="16.11700",
        direction="väster om Kalmar",
        scene="forest",
        intro=(
            "Trekanten är en ort i kommunens västra del, omgiven av skog och jordbruksmark, "
            "med skola och ett engagerat föreningsliv."
        ),
        paragraphs=(
            "Trekanten ligger en bit in i landet, väster om Kalmar. Här bor man nära naturen "
            "med skogen och jordbruksmarkerna inpå knuten.",
            "Orten har skola och föreningar som samlar både barn och vuxna. Avståndet till "
            "staden gör att bussförbindelser och trafiksäkerhet längs vägarna ofta är "
            "viktiga frågor för invånarna.",
        ),
        tags=("skola", "inlandet", "natur"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Rockneby",
        slug="rockneby",
        population=960,
        latitude="56.81700",
        longitude="16.33300",
        direction="norr om Kalmar",
        scene="fields",
        intro=(
            "Rockneby ligger i norra delen av kommunen, med skola, öppna odlingslandskap "
            "och inte långt till kusten."
        ),
        paragraphs=(
            "Rockneby är en mindre ort norr om Kalmar där jordbruksbygd och bostadsområden "
            "möts. Skolan är en viktig samlingsplats för orten.",
            "Invånarna reser till Kalmar för arbete och service, och bussen är viktig för "
            "dem som inte kör bil. Föreningslivet håller ihop orten.",
        ),
        tags=("skola", "jordbruksbygd", "norra kommundelen"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Läckeby",
        slug="lackeby",
        population=943,
        latitude="56.78300",
        longitude="16.28300",
        direction="norr om Kalmar",
        scene="fields",
        intro=(
            "Läckeby är en småort norr om Kalmar med skola och lantlig miljö, mellan "
            "Lindsdal och Rockneby."
        ),
        paragraphs=(
            "Läckeby ligger i den norra delen av kommunen och har en lantlig prägel med "
            "villor, gårdar och åkrar runt omkring.",
            "Orten har skola, och många familjer uppskattar lugnet i kombination med att "
            "staden inte är långt borta. Bussen och vägarna mot Kalmar är viktiga för "
            "vardagen.",
        ),
        tags=("skola", "landsbygd", "norra kommundelen"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Hagby",
        slug="hagby",
        population=831,
        latitude="56.56000",
        longitude="16.18300",
        direction="söder om Kalmar",
        scene="fields",
        intro=(
            "Hagby är en ort i södra delen av kommunen, med skola och jordbruksbygd som "
            "sträcker sig ner mot kusten."
        ),
        paragraphs=(
            "Hagby ligger söder om Kalmar i ett öppet landskap med åkrar och betesmarker. "
            "Orten har skola och ett föreningsliv som ordnar aktiviteter året runt.",
            "Avståndet till staden gör att kollektivtrafiken och säkra vägar för gående och "
            "cyklister är viktiga för den som inte har bil.",
        ),
        tags=("skola", "södra kommundelen", "jordbruksbygd"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Påryd",
        slug="paryd",
        population=685,
        latitude="56.56700",
        longitude="15.91700",
        direction="sydväst om Kalmar",
        scene="forest",
        intro=(
            "Påryd ligger långt in i landet, i kommunens sydvästra hörn, med skola, skog och "
            "en stark tradition av att ordna saker tillsammans."
        ),
        paragraphs=(
            "Påryd är en av de orter som ligger längst från Kalmar. Skogen präglar "
            "landskapet, och många har nära till både jakt, svamp och bär.",
            "Orten har skola, och föreningarna betyder mycket för gemenskapen. Avståndet till "
            "staden gör frågor om service, bussförbindelser och bredband extra viktiga.",
        ),
        tags=("skola", "inlandet", "skog", "föreningsliv"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Drag",
        slug="drag",
        population=550,
        latitude="56.85000",
        longitude="16.37000",
        direction="norr om Kalmar",
        scene="coast",
        intro=(
            "Drag är en kustnära ort i den norra delen av kommunen, där både fastboende och "
            "sommargäster trivs."
        ),
        paragraphs=(
            "Drag ligger vid kusten norr om Kalmar. Närheten till vattnet präglar orten, "
            "och befolkningen ökar märkbart under sommaren.",
            "De flesta reser till grannorterna eller till Kalmar för skola och service. Vägar, "
            "busshållplatser och tillgång till stränder är frågor som berör många.",
        ),
        tags=("kustnära", "norra kommundelen", "sommar"),
    ),
    Village(
        name="Vassmolösa",
        slug="vassmolosa",
        population=534,
        latitude="56.51700",
        longitude="16.15000",
        direction="söder om Kalmar",
        scene="fields",
        intro=(
            "Vassmolösa är en mindre ort söder om Kalmar, i ett landskap av åkrar, "
            "betesmarker och skogsdungar."
        ),
        paragraphs=(
            "Vassmolösa ligger i kommunens södra del, en bit från staden. Orten är omgiven "
            "av jordbruksbygd och har en lugn, lantlig karaktär.",
            "Många reser till Kalmar eller till grannorterna för arbete, skola och service. "
            "Därför är trafiken och busstrafiken viktiga frågor i vardagen.",
        ),
        tags=("landsbygd", "södra kommundelen"),
    ),
    Village(
        name="Dunö",
        slug="duno",
        population=430,
        latitude="56.75700",
        longitude="16.33200",
        direction="norr om Kalmar",
        scene="coast",
        intro=(
            "Dunö är en liten kustnära ort norr om Kalmar, med villor, natur och nära till vattnet."
        ),
        paragraphs=(
            "Dunö ligger i den kustnära delen av kommunen, inte långt från Lindsdal och "
            "Läckeby. Här bor många i villor med naturen inpå tomten.",
            "För skola och service reser invånarna till grannorterna eller till Kalmar. "
            "Säkra vägar att gå och cykla på är därför viktiga.",
        ),
        tags=("kustnära", "villaområde", "norra kommundelen"),
    ),
    Village(
        name="Tvärskog",
        slug="tvarskog",
        population=394,
        latitude="56.65000",
        longitude="15.96700",
        direction="väster om Kalmar",
        scene="forest",
        intro=(
            "Tvärskog är en småort i kommunens västra skogsbygd, med skola och ett "
            "föreningsliv som håller ihop bygden."
        ),
        paragraphs=(
            "Tvärskog ligger i inlandet väster om Kalmar, där skog och mindre gårdar "
            "präglar landskapet.",
            "Orten har skola, och föreningarna är viktiga mötesplatser. Som på många mindre "
            "orter är service, kollektivtrafik och möjligheten att bygga nya bostäder "
            "återkommande frågor.",
        ),
        tags=("skola", "inlandet", "skog"),
        facts=(SCHOOL,),
    ),
    Village(
        name="Åmunnen",
        slug="amunnen",
        population=343,
        latitude="56.62200",
        longitude="16.23300",
        direction="söder om Kalmar",
        scene="coast",
        intro=("Åmunnen är en liten kustort söder om Kalmar, där ån mynnar ut i havet."),
        paragraphs=(
            "I Åmunnen är det nära till vattnet och naturen, och orten har en lugn "
            "karaktär med villor och fritidshus.",
            "Invånarna reser till grannorterna eller till Kalmar för skola och service. "
            "Frågor om vägar, belysning och tillgång till strandområden berör många.",
        ),
        tags=("kustnära", "natur", "södra kommundelen"),
    ),
    Village(
        name="Halltorp",
        slug="halltorp",
        population=286,
        latitude="56.51000",
        longitude="16.21500",
        direction="söder om Kalmar",
        scene="forest",
        intro=(
            "Halltorp är den minsta orten i utvecklingsdialogerna, i kommunens södra del, med "
            "skola och skog och åkrar runt omkring."
        ),
        paragraphs=(
            "Halltorp ligger söder om Kalmar i ett landskap av skog, åkrar och mindre "
            "gårdar. Orten är liten och överskådlig, med nära till naturen.",
            "Orten har skola, och avståndet till staden gör kollektivtrafik och trygga "
            "vägar viktiga för både barn och äldre.",
        ),
        tags=("skola", "södra kommundelen", "landsbygd"),
        facts=(SCHOOL,),
    ),
)

SCENE_ALT = {
    "coast": "röd stuga vid havet med strandängar och blå himmel",
    "fields": "röd stuga vid gula och gröna åkrar under en ljus himmel",
    "forest": "röd stuga framför granskog och en grön äng",
}
