"""Moderation in a real browser: the photo and the marked personal details pass axe-core, and a
moderator publishes the text without the photo with the keyboard and a click."""

import pytest
from playwright.sync_api import expect

from rounds.models import Proposal
from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def pending(site):
    make.proposal(
        site["dialogue_open"],
        title="Mörkt vid busshållplatsen",
        body="Busshållplatsen är mörk på kvällen och behöver belysning.",
    )
    return make.proposal(
        site["dialogue_open"],
        visibility=Visibility.PENDING,
        title="Belysning vid busshållplatsen",
        body="Det är mörkt vid busshållplatsen på kvällen. Ring mig på 070-123 45 67.",
        photo_name="hallplats.jpg",
    )


def test_the_moderation_page_passes_axe_and_publishes_without_the_photo(admin_page, visit, pending):
    page = visit(f"/admin/forslag/moderate/{pending.pk}/")

    photo = page.get_by_role("img", name="Fotot som invånaren skickade med förslaget")
    expect(photo).to_be_visible()
    assert photo.evaluate("image => image.naturalWidth") > 0, "the photo did not load"
    expect(page.locator("mark")).to_have_text(["070-123 45 67"])
    expect(page.get_by_role("note")).to_contain_text("Texten innehåller ett telefonnummer")
    expect(page.get_by_role("button", name="Dubblett av")).to_have_count(1)
    assert_no_axe_violations(page, "the moderation page with a photo and a phone number")

    # Take the number out of the public text and choose, with the keyboard, to keep the photo.
    body = page.get_by_label("Publik beskrivning")
    body.fill("Det är mörkt vid busshållplatsen på kvällen.")
    without = page.get_by_label("Publicera bara texten: fotot visas inte publikt")
    without.focus()
    page.keyboard.press("Space")
    expect(without).to_be_checked()
    page.get_by_role("button", name="Publicera", exact=True).click()

    expect(
        page.get_by_text(f"Förslaget {pending.reference} är publicerat utan fotot.")
    ).to_be_visible()
    expect(
        page.get_by_text("Förslag publicerat utan foto (fotot visas inte publikt)")
    ).to_be_visible()
    pending = Proposal.objects.get(pk=pending.pk)
    assert pending.is_public and pending.photo_withheld
    assert pending.public_body == "Det är mörkt vid busshållplatsen på kvällen."

    public = visit(pending.get_public_url())
    expect(public.get_by_role("heading", name="Belysning vid busshållplatsen")).to_be_visible()
    expect(public.locator(".proposal-photo")).to_have_count(0)
    visit(pending.get_public_url() + "foto/", status=404)


def test_a_refused_publication_shows_its_errors_accessibly(admin_page, visit, pending):
    page = visit(f"/admin/forslag/moderate/{pending.pk}/")

    page.get_by_role("button", name="Publicera", exact=True).click()

    expect(page.get_by_text("Välj om fotot ska visas publikt eller inte.")).to_be_visible()
    expect(
        page.get_by_text("Den publika texten innehåller fortfarande ett telefonnummer")
    ).to_be_visible()
    assert_no_axe_violations(page, "the moderation page with its errors")
    assert Proposal.objects.get(pk=pending.pk).visibility == Visibility.PENDING
