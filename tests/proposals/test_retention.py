"""`manage.py clear_proposal_personal_data`: who sent a proposal, and how to reach them, is
forgotten some time after the final answer and the summary; the proposal stays public."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from rounds.models import DialoguePage, Proposal
from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make

PERSONAL = {
    "name": "Greta Lind",
    "email": "greta@example.se",
    "phone": "070-123 45 67",
    "postal_address": "Storgatan 1\n392 30 Kalmar",
    "reply_by_letter": True,
    "notify_status": True,
}


def run(*args):
    output = StringIO()
    call_command("clear_proposal_personal_data", *args, stdout=output)
    return output.getvalue()


def summary_out(dialogue, days_ago):
    DialoguePage.objects.filter(pk=dialogue.pk).update(
        summary_published_at=timezone.localdate() - timedelta(days=days_ago)
    )


def answered(dialogue, status=Status.DONE, days_ago=100, **fields):
    item = make.proposal(dialogue, **(PERSONAL | fields))
    make.answer(item, status, public_message="Vi har tittat på det.")
    Proposal.objects.filter(pk=item.pk).update(
        status_changed_at=timezone.now() - timedelta(days=days_ago)
    )
    return item


@pytest.fixture
def dialogue(site_tree):
    summary_out(site_tree["dialogue"], 100)
    return site_tree["dialogue"]


def test_name_contact_details_and_letter_wish_are_cleared(dialogue):
    item = answered(dialogue, display_name="Greta på backen", show_name=False)

    assert "Cleared the personal data of 1 proposal(s)" in run()

    item.refresh_from_db()
    assert (item.name, item.email, item.phone, item.postal_address) == ("", "", "", "")
    assert item.reply_by_letter is False
    assert item.notify_status is False
    assert item.display_name == ""
    # The public record stays as it was.
    assert item.visibility == Visibility.PUBLIC
    assert item.status == Status.DONE
    assert item.public_title and item.updates.count() == 2  # received, then done
    assert "0 proposal(s)" in run()


def test_a_display_name_the_resident_chose_to_show_stays_public(dialogue):
    item = answered(dialogue, display_name="Greta på backen", show_name=True)

    run()

    item.refresh_from_db()
    assert item.display_name == "Greta på backen"
    assert item.name == ""


@pytest.mark.parametrize(
    ("status", "days_ago", "summary_days_ago"),
    [
        (Status.REVIEWING, 100, 100),  # no final answer yet: the resident awaits the answer
        (Status.DONE, 30, 100),  # answered recently
        (Status.DONE, 100, 30),  # the summary came out recently
        (Status.DONE, 100, None),  # no summary yet
    ],
)
def test_details_stay_while_the_resident_may_still_need_an_answer(
    dialogue, status, days_ago, summary_days_ago
):
    item = answered(dialogue, status, days_ago)
    if summary_days_ago is None:
        DialoguePage.objects.filter(pk=dialogue.pk).update(summary_published_at=None)
    else:
        summary_out(dialogue, summary_days_ago)

    assert "0 proposal(s)" in run()

    item.refresh_from_db()
    assert item.postal_address == PERSONAL["postal_address"]
    assert item.reply_by_letter is True
    assert item.email == PERSONAL["email"]


def test_hidden_and_withdrawn_proposals_are_cleared_too(dialogue):
    hidden = make.proposal(dialogue, visibility=Visibility.HIDDEN, **PERSONAL)
    withdrawn = make.proposal(dialogue, visibility=Visibility.PENDING, **PERSONAL)
    make.services.withdraw(withdrawn)
    long_ago = timezone.now() - timedelta(days=100)
    Proposal.objects.filter(pk=hidden.pk).update(moderated_at=long_ago)
    Proposal.objects.filter(pk=withdrawn.pk).update(withdrawn_at=long_ago)

    assert "Cleared the personal data of 2 proposal(s)" in run()
    assert not Proposal.objects.exclude(email="").exists()


def test_keep_days_can_be_shorter(dialogue):
    answered(dialogue, days_ago=10)
    summary_out(dialogue, 10)

    assert "0 proposal(s)" in run()
    assert "1 proposal(s)" in run("--keep-days", "5")
