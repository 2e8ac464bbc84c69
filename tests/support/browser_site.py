"""One small but complete site for the browser tests, and the pages every test visits.

The tree has every page type and every state a template branches on: a village with a hero
image and a body of text, facts and contact blocks; a current round with a dialogue that takes
proposals before its walk, and a dialogue in follow-up; an earlier round with a dialogue whose
summary is published; the accessibility statement and privacy notice linked from the footer.
"""

from datetime import datetime, time, timedelta
from functools import cache
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from home.models import PortalImage
from notifications.tokens import check_token
from rounds.models import ContactPerson, ProposalCheck
from rounds.models.checks import CheckAnswer, CommentVisibility
from rounds.models.proposals import Status
from rounds.proposals import checks
from tests.support import pages as factories
from tests.support import proposals as make


@cache
def landscape_png(width=1280, height=640):
    """A drawn landscape (sky, two hills, a red house) as PNG bytes: a photo stand-in, no text."""
    image = Image.new("RGB", (width, height), (190, 220, 240))
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):
        shade = int(40 * y / (height / 2))
        draw.line([(0, y), (width, y)], fill=(150 + shade, 195 + shade // 2, 235))
    draw.ellipse((-width // 4, height // 2, width * 3 // 4, height * 3 // 2), fill=(88, 140, 70))
    draw.ellipse((width // 3, height * 3 // 5, width * 3 // 2, height * 2), fill=(60, 115, 55))
    house_x, house_y = width // 2, height * 11 // 20
    draw.rectangle((house_x, house_y, house_x + 140, house_y + 90), fill=(150, 30, 25))
    draw.polygon(
        [(house_x - 15, house_y), (house_x + 70, house_y - 60), (house_x + 155, house_y)],
        fill=(50, 50, 55),
    )
    draw.rectangle((house_x + 55, house_y + 40, house_x + 85, house_y + 90), fill=(245, 245, 240))
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def landscape_image(title, description):
    return PortalImage.objects.create(
        title=title,
        description=description,
        file=ImageFile(BytesIO(landscape_png()), name="landskap.png"),
    )


def rich(html):
    return {"type": "text", "value": RichText(html).source}


def build_site():
    """Create the tree and return its pages by name.

    Transactional tests flush every table, including the rows Wagtail's migrations create
    (the default locale, the root collection, the root page, the site): made again if missing.
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = factories.home_page()
    home.title = "Utvecklingsdialoger i Testkommun"
    home.intro = (
        "Här ser du när kommunen kommer till din ort, vad som kom fram och vad som händer nu."
    )
    home.method_text = (
        "<p>Varje dialog har fyra steg: förberedelser, en förbättringsvandring, "
        "ett dialogmöte och en uppföljning.</p>"
    )
    home.save()

    picture = landscape_image(
        "Läckeby bygdegård", "Bygdegården i Läckeby, ett rött hus på en grön kulle en sommardag"
    )
    about = factories.standard_page(
        home,
        title="Om utvecklingsdialogerna",
        slug="om",
        show_in_menus=True,
        intro="Så går en utvecklingsdialog till, steg för steg.",
        body=[
            {"type": "heading", "value": "Fyra steg"},
            rich("<p>Först <b>förbereder</b> kommunen, sedan går vi runt i orten.</p>"),
            {"type": "image", "value": {"image": picture.pk, "caption": "Bygdegården i juni."}},
        ],
    )
    accessibility = factories.standard_page(
        home,
        title="Tillgänglighetsredogörelse",
        slug="tillganglighet",
        intro="Så tillgänglig är webbplatsen och hur du når oss om något inte fungerar.",
        body=[rich("<p>Webbplatsen ska uppfylla <i>WCAG 2.1 nivå AA</i>.</p>")],
    )
    privacy = factories.standard_page(
        home,
        title="Så behandlar vi personuppgifter",
        slug="personuppgifter",
        body=[rich("<ul><li>Vi sparar inga kakor.</li><li>Förslag sparas i två år.</li></ul>")],
    )
    easy_read = factories.standard_page(
        home,
        title="Lättläst",
        slug="lattlast",
        intro="Här kan du läsa om webbplatsen med enkla ord.",
        body=[rich("<p>Kommunen vill veta vad du tycker om din ort.</p>")],
    )
    factories.municipality_settings(
        accessibility_page=accessibility, privacy_page=privacy, easy_read_page=easy_read
    )

    places = factories.place_index(home)
    rounds = factories.round_index(home)
    for index in (places, rounds):
        index.show_in_menus = True
        index.save()

    lackeby = factories.place(
        "Läckeby",
        hero_image=picture,
        body=[
            rich(
                "<p>Läckeby ligger vid Ljungbyån, en mil norr om staden. "
                'Här finns skola, förskola och en <a href="/">aktiv bygdeförening</a>.</p>'
            ),
            {
                "type": "facts",
                "value": {
                    "heading": "Läckeby i siffror",
                    "facts": [
                        {"label": "Avstånd till staden", "value": "12 km"},
                        {"label": "Busslinje", "value": "Linje 120, en gång i timmen"},
                    ],
                },
            },
            {
                "type": "contact",
                "value": {
                    "name": "Landsbygdsutvecklare",
                    "role": "samordnar dialogerna",
                    "email": "landsbygd@example.org",
                    "phone": "0480-45 00 00",
                },
            },
        ],
    )
    lackeby.tags.add("skola", "busslinje")
    lackeby.save()
    paryd = factories.place("Påryd", population=1024)

    today = timezone.localdate()
    current = factories.round_page("Omgång 2026–2027", slug="2026-2027")
    earlier = factories.round_page(
        "Omgång 2024–2025",
        slug="2024-2025",
        start_date=today - timedelta(days=900),
        end_date=today - timedelta(days=201),
    )
    open_dialogue = factories.dialogue(
        lackeby,
        current,
        title="Utvecklingsdialog 2026",
        slug="2026",
        intro="Vi går runt i Läckeby och samtalar sedan om vad som kan bli bättre.",
        proposals_open=today - timedelta(days=5),
        body=[rich("<p>Ta gärna med dig grannarna.</p>")],
        contact=ContactPerson.objects.create(
            name="Karin Ekström",
            role="Landsbygdsutvecklare",
            phone="0480-45 01 20",
            email="karin.ekstrom@kalmar.example",
        ),
    )
    for each in open_dialogue.events.all():  # in the evening, whatever the hour of the run
        start = timezone.make_aware(datetime.combine(timezone.localdate(each.start), time(18)))
        each.start, each.end = start, start + timedelta(hours=2)
        each.save()
    event = open_dialogue.events.get(kind="walk")
    event.meeting_point = "Vid busshållplatsen på Byvägen"
    event.accessibility_notes = "Sträckan är 2 km på asfalt. Bänkar finns längs vägen."
    event.childcare_offered = True
    event.description = "Vi går i lugn takt och stannar där ni vill visa något."
    event.save()
    summary_dialogue = factories.dialogue(
        lackeby,
        earlier,
        title="Utvecklingsdialog 2024",
        slug="2024",
        walk_in_days=-320,
        meeting_in_days=-300,
        summary_intro="Trafiksäkerheten vid skolan och belysningen vid badplatsen kom först.",
        summary=[
            {"type": "heading", "value": "Det här kom fram"},
            rich("<ol><li>Säkrare skolväg.</li><li>Belysning vid badplatsen.</li></ol>"),
        ],
        summary_published_at=today - timedelta(days=250),
        attendance_walk=23,
        attendance_dialogue=41,
    )
    follow_up_dialogue = factories.dialogue(
        paryd,
        current,
        title="Utvecklingsdialog 2026",
        slug="2026",
        walk_in_days=-30,
        meeting_in_days=-14,
    )
    return {
        "home": home,
        "standard": about,
        "places": places,
        "place": lackeby,
        "rounds": rounds,
        "round": current,
        "round_earlier": earlier,
        "dialogue_open": open_dialogue,
        "dialogue_summary": summary_dialogue,
        "dialogue_follow_up": follow_up_dialogue,
        "picture": picture,
    }


def overdue_promise(site):
    """A 2024 promise whose planned date has passed, made on first use (the other browser tests
    start with no proposals): marked on its page and in the 2024 summary, and listed on the 2026
    dialogue's page under "Det här lovade vi"."""
    if "overdue_proposal" not in site:
        promise = make.proposal(site["dialogue_summary"], title="Belysning vid badplatsen")
        make.answer(
            promise,
            Status.PLANNED,
            responsible=make.department("Samhällsbyggnadsförvaltningen"),
            public_message="Belysningen sätts upp när elnätet är förstärkt.",
            planned_date=timezone.localdate() - timedelta(days=60),
        )
        site["overdue_proposal"] = promise
    return site["overdue_proposal"]


def checked_proposal(site):
    """A 2024 proposal "Genomfört" with "Stämmer det?" answers, made on first use: one question
    not yet answered (`site["check_question"]`), one answered "Ja" with a published comment
    (`site["check_answered"]`), one "Nej"."""
    if "checked_proposal" not in site:
        done = make.proposal(site["dialogue_summary"], title="Papperskorg vid badplatsen")
        make.answer(done, Status.DONE, public_message="Papperskorgen är uppsatt.")
        site["check_question"], _ = checks.ask(done, "fraga@example.org", is_proposer=False)
        answered, _ = checks.ask(done, "ja@example.org", is_proposer=False)
        checks.record_answer(answered, CheckAnswer.YES, "Den töms varje vecka nu.")
        ProposalCheck.objects.filter(pk=answered.pk).update(
            comment_visibility=CommentVisibility.PUBLIC
        )
        no, _ = checks.ask(done, "nej@example.org", is_proposer=False)
        checks.record_answer(no, CheckAnswer.NO)
        site["check_answered"] = answered
        site["checked_proposal"] = done
    return site["checked_proposal"]


def check_url(site, name, query=""):
    checked_proposal(site)
    return reverse("notifications:check", args=[check_token(site[name])]) + query


def _path_to(name):
    """A function from the site to the path of one of its pages."""
    return lambda site: site[name].get_url()


# Every page type and state, by test id: a path, or a function from the site to a path.
PAGES = {
    "home": _path_to("home"),
    "standard": _path_to("standard"),
    "place-index": _path_to("places"),
    "place": _path_to("place"),
    "round-index": _path_to("rounds"),
    "round": _path_to("round"),
    "dialogue-open": _path_to("dialogue_open"),
    "dialogue-follow-up": _path_to("dialogue_follow_up"),
    "dialogue-summary": _path_to("dialogue_summary"),
    # A proposal whose planned date has passed ("Datumet har passerat — nytt besked kommer").
    "proposal-overdue": lambda site: overdue_promise(site).get_public_url(),
    # The open dialogue with what the 2024 dialogue left open ("Det här lovade vi 2024").
    "dialogue-open-promises": lambda site: (
        overdue_promise(site) and site["dialogue_open"].get_url()
    ),
    # "Stämmer det?": the counts and a published comment, the question, the thanks.
    "proposal-checked": lambda site: checked_proposal(site).get_public_url(),
    "check-question": lambda site: check_url(site, "check_question"),
    "check-thanks": lambda site: check_url(site, "check_answered", "?sparat=1"),
    # "Så har det gått" with charts and tables: the municipality, the village and the round that
    # hold the overdue promise.
    "figures": lambda site: overdue_promise(site) and "/sa-har-det-gatt/",
    "figures-place": lambda site: (
        overdue_promise(site) and site["place"].get_url() + "sa-har-det-gatt/"
    ),
    "figures-round": lambda site: (
        overdue_promise(site) and site["round_earlier"].get_url() + "sa-har-det-gatt/"
    ),
    "search-empty": "/sok/",
    "search-results": "/sok/?q=Läckeby",
    "search-no-results": "/sok/?q=zebrakorsning",
    "search-junk": "/sok/?q=%22%29%3B--+%2A%2A%21",
    "not-found": "/finns-inte/",
}


def page_path(name, site):
    """The path of the page named `name` in PAGES, on this site."""
    target = PAGES[name]
    return target if isinstance(target, str) else target(site)
