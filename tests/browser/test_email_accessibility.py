"""The HTML emails to a resident pass axe-core's WCAG rules and reflow at 320 CSS pixels."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from rounds import emails
from rounds.models.proposals import Status
from tests import proposal_factories as make

from .test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

_axe = Axe()


@pytest.fixture
def resident_emails(site):
    """The receipt, the publication and a status email, as Anna's mail program gets them."""
    proposal = make.proposal(
        site["dialogue_open"],
        title="Belysning vid busshållplatsen på Byvägen",
        email="anna@example.org",
        notify_status=True,
    )
    emails.send_receipt(proposal, proposal.follow_token)
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Vi sätter upp en ny lampa när marken har tinat.",
        responsible=make.department("Samhällsbyggnadsförvaltningen"),
        decision_reference="SBF 2026/118",
    )
    kinds = {message.subject.split()[0] for message in mail.outbox}
    assert len(mail.outbox) == 3 and len(kinds) == 3
    return [(message.subject, message.alternatives[0][0]) for message in mail.outbox]


def test_resident_emails_have_no_axe_violations_and_reflow(page, resident_emails):
    problems = []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for subject, html in resident_emails:
            page.set_content(html)
            violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                problems.append(f"{subject} at {width} px:\n{describe(violations)}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(f"{subject} is {scroll_width} px wide at {width} px")

    assert not problems, "\n".join(problems)
