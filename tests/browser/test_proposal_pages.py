"""The public proposal pages pass axe-core's WCAG rules and reflow at 320 CSS pixels."""

from datetime import date

import pytest

from rounds.models import ProgressStep
from rounds.models.proposals import Source, Status
from tests.support import proposals as make
from tests.support.accessibility import AXE_OPTIONS, axe, describe, overflowing

pytestmark = pytest.mark.browser


@pytest.fixture
def proposals(site):
    """25 answered proposals in Läckeby, one with a photo and a full history, and their URLs."""
    dialogue, place = site["dialogue_open"], site["place"]
    traffic, nature = make.theme("Trafik och vägar"), make.theme("Natur och lekplatser")
    roads = make.department("Samhällsbyggnadsförvaltningen")
    region = make.department("Region Kalmar län, Kalmar länstrafik")
    full = make.proposal(
        dialogue,
        title="Upphöjt övergångsställe vid Läckeby skola",
        body="Bilarna kör fort förbi skolan på morgonen.\n\nEtt upphöjt övergångsställe "
        "och en skylt om skolväg skulle göra vägen säkrare för barnen.",
        location="Skolvägen, vid idrottshallens parkering",
        theme=traffic,
        photo_name="overgang.jpg",
        display_name="Berit på backen",
        show_name=True,
    )
    make.answer(full, Status.REVIEWING, public_message="Arbetsgruppen har tittat på platsen.")
    make.answer(
        full,
        Status.PLANNED,
        responsible=roads,
        public_message="Övergångsstället ingår i nästa års trafiksäkerhetsplan.",
        planned_date=date(2027, 6, 1),
        decision_reference="SBF 2026/118",
    )
    make.answer(full, Status.DONE, responsible=roads, public_message="Klart i augusti.")
    duplicate = make.proposal(dialogue, title="Säkrare skolväg", theme=traffic)
    make.answer(
        duplicate, Status.DUPLICATE, public_message="Samma som ett annat.", duplicate_of=full
    )
    for n in range(23):
        item = make.proposal(
            dialogue,
            title=f"Förslag nummer {n + 1} om byns gemensamma ytor",
            theme=nature if n % 2 else traffic,
            source=Source.WALK,
        )
        if n % 3 == 0:
            make.answer(item, Status.FORWARDED, responsible=region, public_message="Skickat.")
        elif n % 3 == 1:
            make.answer(
                item,
                Status.PLANNED,
                responsible=roads,
                planned_date_unknown_reason="Dagen bestäms i nästa års budget.",
            )
    progress = make.proposal(dialogue, title="Belysning längs cykelvägen till Läckeby skola")
    for order, name in enumerate(["Beslutat", "Projekterat", "Upphandlat", "Pågår", "Klart"]):
        # The migration's steps, again: an earlier browser test's flush took them away.
        step = ProgressStep.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        if order in (0, 2):
            make.answer(
                progress,
                Status.DIRECT_ACTION,
                responsible=roads,
                public_message=f"Steget {name.lower()} är nått.",
                progress_step=step,
                progress_percent=order * 20,
            )
    lists = dialogue.url + "forslag/"
    return {
        "dialogue-list-filtered": f"{lists}?status=planned&tema={nature.pk}&ordning=uppdaterad",
        "dialogue-list-page-2": f"{lists}?sida=2",
        "dialogue-list-bad-filter": f"{lists}?status=x&tema=y",
        "village-list": place.url + "forslag/",
        "detail-full": full.get_public_url(),
        "detail-duplicate": duplicate.get_public_url(),
        "detail-progress": progress.get_public_url(),
        "dialogue-with-proposals": dialogue.url,
        "village-with-proposals": place.url,
    }


def test_proposal_pages_have_no_axe_violations(page, visit, proposals):
    problems = []
    for name, path in proposals.items():
        visit(path)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{name} ({path}):\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_detail_page_shows_the_photo_and_the_whole_timeline(page, visit, proposals):
    visit(proposals["detail-full"])
    photo = page.locator(".proposal-photo img")
    # Loaded, in its own size: a 320 px photo has no smaller copies to choose from. (With a
    # srcset, naturalWidth is scaled to the slot the photo fills, so it is not the file's width.)
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert (photo.get_attribute("width"), photo.get_attribute("height")) == ("320", "240")
    assert "bredd=" not in photo.evaluate("img => img.currentSrc")
    assert page.locator(".timeline__item").count() == 4
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Upphöjt övergångsställe vid Läckeby skola"
    )


def test_detail_page_shows_how_far_the_promise_has_come(page, visit, proposals):
    visit(proposals["detail-progress"])
    progress = page.get_by_role("progressbar", name="Så mycket är klart:")
    assert progress.get_attribute("value") == "40"
    current = page.locator('.progress-line__step[aria-current="step"]')
    assert "Upphandlat" in current.inner_text()
    assert page.locator(".timeline__milestone").all_inner_texts() == [
        "Steg: Beslutat, 0 % klart",
        "Steg: Upphandlat, 40 % klart",
    ]


def test_filters_work_without_javascript(browser, live_server, proposals):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(proposals["village-list"])
        tab.get_by_label("Status", exact=True).select_option(label="Genomfört")
        tab.get_by_role("button", name="Filtrera").click()
        tab.wait_for_url("**status=done**")
        assert tab.locator(".proposal-item").count() == 1
        assert "Upphöjt övergångsställe" in tab.locator(".proposal-item").inner_text()
    finally:
        context.close()


def test_proposal_pages_reflow_at_320_css_pixels(page, visit, proposals):
    page.set_viewport_size({"width": 320, "height": 640})
    problems = []
    for name, path in proposals.items():
        visit(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            problems.append(f"{name} ({path}) is {width} px wide: {overflowing(page)}")
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{name} ({path}) at 320 px:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
