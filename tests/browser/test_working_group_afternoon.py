"""The working group's afternoon after the dialogue night, in a real browser: fifty proposals
wait for moderation; five adverts are hidden together, forty are published in bulk, the five
with a photo are published without it one by one with "Publicera och nästa", and all
forty-five are answered from templates with "Spara och nästa".

The test counts what the group waits for: every page the browser loads and every form it
sends. One at a time (open, moderate, back, open, answer, back) took about 250 page loads for
fifty proposals; the target is under 80.
"""

import re

import pytest
from playwright.sync_api import expect

from rounds.models import AnswerTemplate, Proposal
from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make

pytestmark = pytest.mark.browser

PLAIN, WITH_PHOTO, ADVERTS = 40, 5, 5
# The answers the group gives, in turn: status and the answer template for it.
ANSWERS = [
    ("Behandlas", "Behandlas: Arbetsgruppen går igenom"),
    ("Åtgärdas", "Åtgärdas: Åtgärdas i år"),
    ("Genomförs inte", "Genomförs inte: Inte kommunens ansvar"),
]
PAGE_LOAD_TARGET = 80


@pytest.fixture
def afternoon(site):
    """The evening's fifty proposals, waiting, and the group's answer templates."""
    dialogue = site["dialogue_open"]
    for n in range(PLAIN):
        make.proposal(
            dialogue,
            visibility=Visibility.PENDING,
            title=f"Förslag {n + 1} från borden",
            body=f"Vi vill ha bättre belysning och fler bänkar längs stråk {n + 1}.",
        )
    for n in range(WITH_PHOTO):
        make.proposal(
            dialogue,
            visibility=Visibility.PENDING,
            title=f"Grop i vägen vid nummer {n + 1}",
            body="Se fotot: gropen är djup och fylls med vatten.",
            photo_name=f"grop-{n + 1}.jpg",
        )
    adverts = [
        make.proposal(
            dialogue,
            visibility=Visibility.PENDING,
            title=f"Billiga solglasögon {n + 1}",
            body="Köp nu med rabatt i vår webbutik.",
        )
        for n in range(ADVERTS)
    ]
    for status, label in [
        (Status.REVIEWING, "Arbetsgruppen går igenom"),
        (Status.DIRECT_ACTION, "Åtgärdas i år"),
        (Status.NOT_FEASIBLE, "Inte kommunens ansvar"),
    ]:
        AnswerTemplate.objects.create(
            name=label, status=status, text=f"Tack för förslaget {{referens}}. {label}."
        )
    return dialogue, adverts


class Counter:
    """Page loads (each document the browser shows) and form submissions of one tab."""

    def __init__(self, page):
        self.loads = self.submissions = 0
        page.on("framenavigated", lambda frame: self._loaded(page, frame))
        page.on("request", self._requested)

    def _loaded(self, page, frame):
        if frame == page.main_frame:
            self.loads += 1

    def _requested(self, request):
        if request.is_navigation_request() and request.method == "POST":
            self.submissions += 1


def test_fifty_proposals_moderated_and_answered_in_under_eighty_page_loads(
    admin_page, visit, afternoon
):
    dialogue, adverts = afternoon
    page = admin_page
    counter = Counter(page)
    page.goto(f"/admin/forslag/?dialogue={dialogue.pk}&visibility__exact=pending")
    expect(page.locator(".result-list tbody tr")).to_have_count(50)

    # The adverts: ticked, hidden together with one internal reason.
    for advert in adverts:
        page.get_by_label(f"Välj {advert.reference}", exact=True).check()
    page.get_by_label("Åtgärd").select_option(label="Dölj")
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_label("Skäl att dölja (internt)").fill("Reklam, inte förslag.")
    page.get_by_role("button", name="Dölj: 5 förslag").click()
    expect(page.get_by_text("5 förslag dolda.")).to_be_visible()

    # Everything else that waits, in bulk: those with a photo are left to be seen.
    page.get_by_label("Välj alla 45 förslag i listan").check()
    page.get_by_label("Åtgärd").select_option(label="Publicera")
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.get_by_role("heading", name="Hoppas över")).to_be_visible()
    page.get_by_role("button", name="Publicera: 40 förslag").click()
    expect(page.get_by_text("40 förslag publicerade.")).to_be_visible()

    # The five photos, one by one: looked at, and the text published without them.
    page.locator(".result-list tbody tr").first.get_by_role("link", name="Moderera").click()
    for _ in range(WITH_PHOTO):
        expect(page.get_by_role("img", name="Fotot som invånaren skickade")).to_be_visible()
        page.get_by_label("Publicera bara texten: fotot visas inte publikt").check()
        page.get_by_role("button", name="Publicera och nästa").click()
    expect(page.get_by_text("Inga fler förslag i listan.")).to_be_visible()

    # All forty-five answered from the templates, one after the other.
    page.goto(
        f"/admin/forslag/?dialogue={dialogue.pk}&visibility__exact=public&status__exact=received"
    )
    page.locator(".result-list tbody tr").first.get_by_role("link", name="Besvara").click()
    for number in range(PLAIN + WITH_PHOTO):
        status, template = ANSWERS[number % len(ANSWERS)]
        page.get_by_label("Ny status").select_option(label=status)
        page.get_by_label("Svarsmall", exact=True).select_option(label=template)
        # The template fills the answer; on a busy machine it can take a moment.
        expect(page.get_by_label("Svar till invånaren")).to_have_value(
            re.compile("^Tack för förslaget")
        )
        with page.expect_navigation():  # the next proposal's form, not this one again
            page.get_by_role("button", name="Spara och nästa").click()
    expect(page.get_by_text("Inga fler förslag i listan.")).to_be_visible()

    published = Proposal.objects.filter(dialogue=dialogue, visibility=Visibility.PUBLIC)
    assert published.count() == PLAIN + WITH_PHOTO
    assert published.filter(photo_withheld=True).count() == WITH_PHOTO
    assert Proposal.objects.filter(visibility=Visibility.HIDDEN).count() == ADVERTS
    assert not published.filter(status=Status.RECEIVED).exists()
    answered = published.filter(updates__public_message__startswith="Tack för förslaget")
    assert answered.distinct().count() == PLAIN + WITH_PHOTO
    print(
        f"\nThe afternoon: {counter.loads} page loads and {counter.submissions} form "
        f"submissions for {PLAIN + WITH_PHOTO + ADVERTS} proposals"
    )
    assert counter.loads < PAGE_LOAD_TARGET, counter.loads
