"""The published summary in a real Chromium: accessible, a working print button, and a clean A4
document when printed or saved as PDF, with whom to call and a QR code; the same in large print;
and the A6 kom ihåg-kort."""

import re
import unicodedata
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from rounds.models import ContactPerson
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.accessibility import AXE_OPTIONS, axe, describe, overflowing
from tests.support.browser_site import overdue_promise, rich

pytestmark = pytest.mark.browser

A4 = (595, 842)  # points
A6 = (298, 420)
PERSONAL = "zq7wkx"
OUTCOMES = [
    (Status.DIRECT_ACTION, "Åtgärdas"),
    (Status.DONE, "Genomfört"),
    (Status.PLANNED, "Längre planering"),
    (Status.FORWARDED, "Skickat vidare"),
    (Status.NOT_FEASIBLE, "Genomförs inte"),
    (Status.REVIEWING, "Behandlas fortfarande"),
]


@pytest.fixture
def summary(site):
    """The published 2024 summary of Läckeby with 24 answered proposals, enough for pages, and
    a promise whose date has passed."""
    overdue_promise(site)
    dialogue = site["dialogue_summary"]
    dialogue.summary = [
        *dialogue.summary.raw_data,
        rich(
            '<p>Vägen genom byn sköts av <a href="https://www.trafikverket.se/">Trafikverket</a>.'
            "</p>"
        ),
    ]
    dialogue.contact = ContactPerson.objects.create(
        name="Lena Berg", role="Landsbygdsutvecklare", phone="0480-45 02 30"
    )
    dialogue.save_revision().publish()
    roads = make.department("Samhällsbyggnadsförvaltningen")
    trafikverket = make.department("Trafikverket")
    titles = []
    for n in range(24):
        status, _ = OUTCOMES[n % len(OUTCOMES)]
        title = f"Förslag {n + 1:02} om byns gemensamma ytor"
        proposal = make.proposal(
            dialogue,
            title=title,
            name=f"Namn {PERSONAL}",
            email=f"{PERSONAL}@example.org",
            phone=f"070-{PERSONAL}",
        )
        responsible = trafikverket if status == Status.FORWARDED else roads
        make.answer(
            proposal,
            status,
            responsible=responsible,
            planned_date=date(2027, 6, 1) if status == Status.PLANNED else None,
            public_message=f"Svar {n + 1:02}: arbetsgruppen har gått igenom förslaget noga. "
            "Här står vad som händer härnäst, och varför, så att alla i byn kan följa det.",
        )
        titles.append(title)
    return {"dialogue": dialogue, "titles": titles}


def open_summary(visit, summary):
    return visit(summary["dialogue"].get_url())


def test_summary_with_proposals_has_no_axe_violations(visit, summary):
    page = open_summary(visit, summary)

    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]

    assert not violations, describe(violations)


def test_summary_reflows_at_320_css_pixels(page, visit, summary):
    page.set_viewport_size({"width": 320, "height": 640})
    open_summary(visit, summary)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320, overflowing(page)
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def test_the_print_button_shows_with_javascript_and_opens_printing(visit, summary):
    page = open_summary(visit, summary)
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button = page.get_by_role("button", name="Skriv ut / spara som PDF")

    assert button.is_visible()
    assert not page.locator("[data-print-hint]").is_visible()  # Ctrl+P text only without JS
    button.click()
    assert page.evaluate("window.printed") == 1


def test_without_javascript_the_page_explains_ctrl_p(browser, live_server, site, summary):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(summary["dialogue"].get_url())
        assert page.get_by_text("Tryck Ctrl+P").is_visible()
        assert not page.get_by_role("button", name="Skriv ut / spara som PDF").is_visible()
    finally:
        context.close()


def test_printing_keeps_the_summary_and_hides_the_rest(visit, summary):
    page = open_summary(visit, summary)
    page.emulate_media(media="print")

    for hidden in [
        ".main-nav",
        ".skip-link",
        ".breadcrumbs",
        ".follow-box",
        ".phases",
        "#events-heading",
        ".proposal-section",
        ".print-action",
        ".site-footer",
    ]:
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    for shown in ["h1", "#summary-heading", "#outcomes-heading", ".summary__web"]:
        assert page.locator(shown).is_visible(), f"{shown} is not printed"
    # The municipality's name heads the document as a letterhead.
    assert page.locator(".site-header__owner").is_visible()

    page.emulate_media(media="screen")
    assert page.locator(".follow-box").is_visible()
    assert not page.locator(".summary__web").is_visible()


def pdf_pages(page, **options):
    """The PDF and the text of each page, ligatures such as "ﬁ" spelt out, whitespace folded."""
    reader = PdfReader(BytesIO(page.pdf(**options)))
    texts = (unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages)
    return reader, [" ".join(text.split()) for text in texts]


def test_the_pdf_is_an_a4_summary_with_page_numbers(visit, site, summary):
    page = open_summary(visit, summary)

    # Letter asked for, A4 delivered: the stylesheet's @page size is what counts.
    reader, pages = pdf_pages(page, format="Letter", prefer_css_page_size=True)
    text = " ".join(pages)

    assert len(pages) >= 2
    for pdf_page in reader.pages:
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert (round(width), round(height)) == A4
    for expected in [
        "Testkommun",
        "Läckeby",
        "Utvecklingsdialog 2024",
        "Sammanställning",
        "Ni sa – vi gjorde",
        "Publicerad",
        "Deltagare på dialogmötet 41",
        *[heading for _, heading in OUTCOMES],
        *summary["titles"],
        "Ansvarig: Samhällsbyggnadsförvaltningen",
        "Skickat till: Trafikverket",
        "Datumet har passerat",  # the site's 2024 promise whose planned date has passed
        "(https://www.trafikverket.se/)",  # a link's address, for readers on paper
        page.url,  # the address of the summary on the web
    ]:
        assert expected in text, f"{expected!r} is not in the PDF"
    for absent in ["Hoppa till huvudinnehållet", "Följ Läckeby", "Skriv ut / spara som PDF"]:
        assert absent not in text
    assert PERSONAL not in text
    # Page numbers in the page margin: "1 / 3", "2 / 3", ...
    total = len(pages)
    for number, page_text in enumerate(pages, start=1):
        assert re.search(rf"\b{number} / {total}\b", page_text), f"no page number on {number}"


def test_no_proposal_is_split_across_two_pages(visit, summary):
    page = open_summary(visit, summary)

    _, pages = pdf_pages(page, format="A4")

    for n, title in enumerate(summary["titles"], start=1):
        answer = f"Svar {n:02}:"
        on_pages = [i for i, text in enumerate(pages) if title in text or answer in text]
        title_page = next(i for i, text in enumerate(pages) if title in text)
        assert on_pages == [title_page], f"{title} and its answer are on pages {on_pages}"


# The smallest text the reader sees in `main`, in points, with where it is; and the h2's size.
SMALLEST_TEXT = """() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const text = walker.currentNode.textContent.trim();
        const element = walker.currentNode.parentElement;
        const box = element.getBoundingClientRect();
        if (!text || box.width <= 1 || getComputedStyle(element).visibility === "hidden") continue;
        const size = parseFloat(getComputedStyle(element).fontSize) * 0.75;
        found.push([size, `${element.tagName}.${element.className}: ${text.slice(0, 40)}`]);
    }
    found.sort((a, b) => a[0] - b[0]);
    const heading = document.querySelector("main h2");
    return {smallest: found[0], heading: parseFloat(getComputedStyle(heading).fontSize) * 0.75};
}"""


def printed_sizes(page):
    page.emulate_media(media="print")
    try:
        return page.evaluate(SMALLEST_TEXT)
    finally:
        page.emulate_media(media="null")  # page.pdf() prints with print media again


def test_the_printed_summary_has_whom_to_call_and_a_qr_code(visit, summary):
    page = open_summary(visit, summary)

    sizes = printed_sizes(page)
    reader, pages = pdf_pages(page, format="A4")

    last = pages[-1]  # the contact block ends the summary
    for expected in [
        "Frågor? Hör av dig",
        "Lena Berg",
        "Telefon: 0480-45 02 30",
        "Testkommun",
        "E-post:",
        page.url,  # printed beside the code
    ]:
        assert expected in last, f"{expected!r} is not on the last page"
    assert reader.pages[-1].images, "no QR code image on the last page"
    assert not [p for p in reader.pages[:-1] if p.images]  # the code is the only image
    assert round(sizes["smallest"][0], 1) >= 12, f"printed text below 12 pt: {sizes['smallest']}"
    assert sizes["heading"] > 12 * 1.2


def large_print_url(summary):
    return summary["dialogue"].get_url() + "sammanstallning/stor-text/"


def test_the_summary_in_large_print_prints_at_16_pt(visit, summary):
    page = visit(summary["dialogue"].get_url())
    page.get_by_role("link", name="Skriv ut med stor text").click()
    page.wait_for_url("**/sammanstallning/stor-text/")

    sizes = printed_sizes(page)
    reader, pages = pdf_pages(page, format="Letter", prefer_css_page_size=True)
    text = " ".join(pages)

    assert round(sizes["smallest"][0], 1) >= 16, f"large print below 16 pt: {sizes['smallest']}"
    assert sizes["heading"] > 16 * 1.2
    assert (round(reader.pages[0].mediabox.width), round(reader.pages[0].mediabox.height)) == A4
    for expected in [
        "Läckeby: Utvecklingsdialog 2024",
        "Ni sa – vi gjorde",
        "Lena Berg",
        "Datumet har passerat",
    ]:
        assert expected in text
    assert summary["titles"][-1] in text
    assert "Tillbaka till" not in text and "Skriv ut / spara som PDF" not in text
    assert reader.pages[-1].images
    assert PERSONAL not in text


def test_the_summary_in_large_print_has_no_axe_violations(visit, summary):
    page = visit(large_print_url(summary))

    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]

    assert not violations, describe(violations)


def test_the_large_print_of_an_unpublished_summary_is_not_found(visit, site):
    visit(site["dialogue_open"].get_url() + "sammanstallning/stor-text/", status=404)


def test_the_kom_ihag_card_is_one_a6_page(visit, site):
    page = visit(site["dialogue_open"].get_url())
    page.get_by_role("link", name="Skriv ut ett kom ihåg-kort med tiderna").click()
    page.wait_for_url("**/kort/")

    reader, pages = pdf_pages(page, format="A4", prefer_css_page_size=True)

    assert len(pages) == 1, f"the card takes {len(pages)} pages"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == A6
    for expected in [
        "KOM IHÅG",  # in capitals on paper
        "Förbättringsvandring",
        "Vid busshållplatsen på Byvägen",
        "Bänkar finns längs vägen",
        "Barnpassning: Ja",
        "Karin Ekström",
        "0480-45 01 20",
    ]:
        assert expected in pages[0], f"{expected!r} is not on the card"
    assert reader.pages[0].images, "no QR code on the card"
    assert "Skriv ut kortet" not in pages[0] and "Tillbaka till" not in pages[0]


def test_the_kom_ihag_card_has_no_axe_violations(visit, site):
    page = visit(site["dialogue_open"].get_url() + "kort/")

    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]

    assert not violations, describe(violations)
