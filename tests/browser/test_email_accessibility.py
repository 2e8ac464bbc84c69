"""The HTML emails to a resident pass axe-core's WCAG rules and reflow at 320 CSS pixels."""

import pytest
from django.core import mail

from notifications.resident_emails import send_receipt
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.accessibility import email_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def resident_emails(site):
    """The receipt, the publication and a status email, as Anna's mail program gets them."""
    proposal = make.proposal(
        site["dialogue_open"],
        title="Belysning vid busshållplatsen på Byvägen",
        email="anna@example.org",
        notify_status=True,
    )
    send_receipt(proposal, proposal.follow_token)
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Vi sätter upp en ny lampa när marken har tinat.",
        responsible=make.department("Samhällsbyggnadsförvaltningen"),
        planned_date_unknown_reason="Dagen beror på när tjälen går ur marken.",
        decision_reference="SBF 2026/118",
    )
    kinds = {message.subject.split()[0] for message in mail.outbox}
    assert len(mail.outbox) == 3 and len(kinds) == 3
    return [(message.subject, message.alternatives[0][0]) for message in mail.outbox]


def test_resident_emails_have_no_axe_violations_and_reflow(page, resident_emails):
    problems = email_problems(page, resident_emails)

    assert not problems, "\n".join(problems)
