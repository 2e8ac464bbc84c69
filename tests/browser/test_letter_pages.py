"""Answer letters in a real Chromium: the pages pass axe-core on screen, and printed they are the
letters alone, one A4 page each, with the address where a window envelope shows it."""

from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from rounds.models.proposals import Source, Status, Visibility
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations
from tests.support.admin import url

pytestmark = pytest.mark.browser

A4 = (595, 842)  # points
MM = 96 / 25.4  # CSS pixels per millimetre
RESIDENTS = ["Ingrid Påhittad", "Arne Exempelqvist", "Elsa Exempelberg"]


@pytest.fixture
def letters(site):
    """Three residents of one dialogue who want answers by letter, one not yet published."""
    dialogue = site["dialogue_follow_up"]
    department = make.department("Samhällsbyggnadsförvaltningen")
    made = []
    for number, name in enumerate(RESIDENTS):
        proposal = make.proposal(
            dialogue,
            visibility=Visibility.PENDING if number == 2 else Visibility.PUBLIC,
            source=Source.LETTER,
            title=f"Parkering vid kyrkan vid begravningar ({number + 1})",
            name=name,
            postal_address=f"Påhittevägen {number + 1}\n123 45 Läckeby",
            reply_by_letter=True,
        )
        if proposal.is_public:  # one still waits for moderation, so has no answer yet
            make.answer(
                proposal,
                Status.PLANNED,
                responsible=department,
                public_message="Parkeringen ägs av församlingen. Vi har tagit kontakt med den.",
                planned_date_unknown_reason="Församlingen beslutar i vår.",
            )
        made.append(proposal)
    make.proposal(dialogue, name="Utan Brev", email="utan@example.org")
    return {"dialogue": dialogue, "proposals": made}


def pdf_texts(page):
    """The page sizes of the printed PDF (in points) and the text of each page."""
    reader = PdfReader(BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    return sizes, [" ".join(p.extract_text().split()) for p in reader.pages]


def test_one_letter_on_screen_and_on_paper(admin_page, visit, letters):
    proposal = letters["proposals"][0]
    page = visit(url("letter", proposal.pk))

    assert_no_axe_violations(page, "an answer letter")
    expect(page.get_by_role("button", name="Skriv ut", exact=True)).to_be_visible()
    qr = page.locator("img.letter__qr")
    assert qr.evaluate("img => img.naturalWidth > 0 && img.complete")

    page.emulate_media(media="print")
    assert not page.locator(".letters-toolbar").is_visible()
    # The window of a C5/C65 envelope: 20 mm from the left, 45 mm from the top of the paper,
    # that is 30 mm down within the page margins of 15 mm and flush with the text.
    offset = page.evaluate(
        """() => {
            const letter = document.querySelector('.letter').getBoundingClientRect();
            const address = document.querySelector('.letter__recipient').getBoundingClientRect();
            const qr = document.querySelector('.letter__qr').getBoundingClientRect();
            return {top: address.top - letter.top, left: address.left - letter.left,
                    qr: qr.width};
        }"""
    )
    assert abs(offset["top"] - 30 * MM) < 1 and abs(offset["left"]) < 1, offset
    assert offset["qr"] >= 25 * MM, offset

    sizes, pages = pdf_texts(page)
    assert sizes == {A4} and len(pages) == 1
    for expected in [
        "Ingrid Påhittad",
        "Påhittevägen 1",
        proposal.reference,
        "Längre planering",
        "Datum inte bestämt: Församlingen beslutar i vår.",
    ]:
        assert expected in pages[0]
    assert "Brevet är utskrivet" not in pages[0]


def test_confirming_the_print_shows_it_on_the_proposal(admin_page, visit, letters):
    proposal = letters["proposals"][0]
    page = visit(url("letter", proposal.pk))

    page.get_by_role("button", name="Brevet är utskrivet").click()

    page.wait_for_url(f"**{url('inspect', proposal.pk)}")
    step = page.get_by_text("Svarsbrev utskrivet (status i brevet: Längre planering)")
    expect(step).to_be_visible()


def test_the_batch_prints_each_letter_on_a_page_of_its_own(admin_page, visit, letters):
    page = visit(url("letters"))
    assert_no_axe_violations(page, "the dialogues with answer letters")
    page.get_by_role("link", name="Skriv ut svarsbrev").click()
    expect(page.locator(".letter")).to_have_count(len(RESIDENTS))
    assert_no_axe_violations(page, "a dialogue's answer letters")

    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Breven är utskrivna").is_visible()
    breaks = page.locator(".letter").evaluate_all(
        "letters => letters.map(letter => getComputedStyle(letter).breakAfter)"
    )
    assert breaks == ["page", "page", "auto"]

    sizes, pages = pdf_texts(page)
    assert sizes == {A4}
    assert len(pages) == len(RESIDENTS)
    for name, proposal, text in zip(RESIDENTS, letters["proposals"], pages, strict=True):
        assert name in text and proposal.reference in text
    # The pending proposal's letter explains instead of linking a page that does not exist.
    assert "inte publicerat på kommunens webbplats ännu" in pages[2]
    assert "Utan Brev" not in " ".join(pages)
