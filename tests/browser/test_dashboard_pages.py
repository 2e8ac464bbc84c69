"""The editors' dashboard in a real browser: its panels, with a cancelled event, a dialogue
awaiting its summary and a proposal window about to close, pass axe-core; the admin's status
chips and the public status badges are written in ordinary letters, not capitals."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rounds.models import DialogueEvent, DialoguePage
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def busy_week(site):
    """A walk cancelled and the open dialogue's window closing in a week."""
    dialogue = site["dialogue_open"]
    DialogueEvent.objects.filter(dialogue=dialogue, kind=DialogueEvent.Kind.WALK).update(
        cancelled=True, cancellation_reason="Lokalen är vattenskadad"
    )
    DialoguePage.objects.filter(pk=dialogue.pk).update(
        proposals_close=timezone.localdate() + timedelta(days=7)
    )
    make.proposal(dialogue, title="Belysning vid busshållplatsen")
    return site


@pytest.mark.parametrize("width", [1280, 390])
def test_the_dashboard_panels_pass_axe(admin_page, visit, busy_week, width):
    admin_page.set_viewport_size({"width": width, "height": 844})
    page = visit("/admin/")

    for heading in (
        "Kommande tillfällen",
        "Väntar på sammanställning (1)",
        "Förslagsfönster som stänger inom 2 veckor (1)",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    cancelled = page.locator("#coming_events-section del").first
    expect(cancelled).to_have_css("text-decoration-line", "line-through")
    assert_no_axe_violations(page, f"the dashboard at {width} px")


def transforms(page, selector):
    return page.locator(selector).evaluate_all(
        "chips => chips.map(chip => getComputedStyle(chip).textTransform)"
    )


def test_admin_status_chips_are_not_in_capitals(admin_page, visit, site):
    page = visit(f"/admin/pages/{site['place'].pk}/")
    chips = page.locator("table .w-status")
    expect(chips.first).to_be_visible()

    assert set(transforms(page, "table .w-status")) == {"none"}


def test_public_status_badges_are_not_in_capitals(visit, site):
    dialogue = site["dialogue_follow_up"]
    make.proposal(dialogue, title="Säkrare övergångsställe")
    page = visit(dialogue.url + "forslag/")
    expect(page.locator(".status").first).to_be_visible()

    assert set(transforms(page, ".status")) == {"none"}
