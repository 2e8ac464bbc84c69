"""Work at volume in a real browser: tick proposals in the filtered list and publish them after
the confirmation, and answer with a template and "Spara och nästa"; the list with a selection,
the confirmation and the answer form pass axe-core."""

import pytest
from playwright.sync_api import expect

from rounds.models import AnswerTemplate, Proposal
from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def pending(site):
    """Four pending proposals in the open dialogue and one elsewhere, outside the filter."""
    dialogue = site["dialogue_open"]
    here = [
        make.proposal(dialogue, visibility=Visibility.PENDING, title=f"Bänk vid ån nummer {n}")
        for n in range(4)
    ]
    make.proposal(site["dialogue_follow_up"], visibility=Visibility.PENDING, title="Annan ort")
    return here


def test_tick_in_the_filtered_list_confirm_and_publish(admin_page, visit, pending):
    dialogue_id = pending[0].dialogue_id
    page = visit(f"/admin/forslag/?dialogue={dialogue_id}&visibility__exact=pending")
    expect(page.locator(".result-list tbody tr")).to_have_count(4)

    page.get_by_label("Välj alla på den här sidan").check()
    for proposal in pending:  # the script ticks every row
        expect(page.get_by_label(f"Välj {proposal.reference}", exact=True)).to_be_checked()
    page.get_by_label(f"Välj {pending[0].reference}", exact=True).uncheck()
    expect(page.get_by_label("Välj alla på den här sidan")).not_to_be_checked()
    page.get_by_label("Välj alla på den här sidan").check()
    assert_no_axe_violations(page, "the list with a selection")

    page.get_by_label("Åtgärd").select_option(label="Publicera")
    page.get_by_role("button", name="Fortsätt").click()

    expect(page.get_by_role("heading", name="Publicera: 4 förslag")).to_be_visible()
    for proposal in pending:
        expect(page.get_by_text(proposal.reference)).to_be_visible()
    assert_no_axe_violations(page, "the confirmation")
    page.get_by_role("button", name="Publicera: 4 förslag").click()

    expect(page.get_by_text("4 förslag publicerade.")).to_be_visible()
    assert f"dialogue={dialogue_id}" in page.url  # back to the same filtered list
    expect(page.locator(".result-list tbody tr")).to_have_count(0)
    assert Proposal.objects.filter(visibility=Visibility.PENDING).count() == 1


def test_answer_with_a_template_then_save_and_go_on(admin_page, visit, site):
    dialogue = site["dialogue_open"]
    first, second = (
        make.proposal(dialogue, title=f"Belysning vid hållplats {n}") for n in range(2)
    )
    AnswerTemplate.objects.create(
        name="Vi går igenom",
        status=Status.REVIEWING,
        text="Tack för förslaget {referens}. Arbetsgruppen går igenom alla förslag.",
    )
    AnswerTemplate.objects.create(name="Klart", status=Status.DONE, text="Det är gjort.")
    page = visit(f"/admin/forslag/?dialogue={dialogue.pk}&o=1")
    page.locator(f'a[href^="/admin/forslag/answer/{first.pk}/"]').click()

    page.get_by_label("Ny status").select_option(label="Behandlas")
    template = page.get_by_label("Svarsmall", exact=True)
    expect(template.locator("option", has_text="Genomfört: Klart")).to_be_disabled()
    expect(page.get_by_role("button", name="Använd mallen")).to_be_hidden()
    template.select_option(label="Behandlas: Vi går igenom")
    message = page.get_by_label("Svar till invånaren")
    expect(message).to_have_value(
        f"Tack för förslaget {first.reference}. Arbetsgruppen går igenom alla förslag."
    )
    assert_no_axe_violations(page, "the answer form with a template")

    page.get_by_role("button", name="Spara och nästa").click()

    expect(page.get_by_text(f"Förslaget {first.reference} har fått status")).to_be_visible()
    assert f"/admin/forslag/answer/{second.pk}/" in page.url
    first.refresh_from_db()
    assert first.status == Status.REVIEWING


def test_the_working_group_keeps_its_answer_templates_in_the_admin(admin_page, visit):
    page = visit("/admin/snippets/rounds/answertemplate/add/")
    assert_no_axe_violations(page, "a new answer template")

    page.locator("#id_name").fill("Tack, vi tittar på det")
    page.locator("#id_status").select_option(label="Behandlas")
    page.locator("#id_text").fill("Tack för förslaget {referens}. Arbetsgruppen går igenom det.")
    page.get_by_role("button", name="Spara").first.click()

    expect(page.get_by_role("link", name="Tack, vi tittar på det")).to_be_visible()
    assert_no_axe_violations(page, "the answer templates")
    assert AnswerTemplate.objects.get().status == Status.REVIEWING
