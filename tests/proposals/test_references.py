"""A proposal's reference is the year it came in and a number that year: "2024-0003"."""

from datetime import datetime
from zoneinfo import ZoneInfo

from rounds.models import Proposal
from rounds.proposals.services import submit

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def received(dialogue, when):
    proposal = Proposal(
        dialogue=dialogue, title="Bänk", body="En bänk vid sjön.", submitted_at=when
    )
    submit(proposal)
    return proposal.reference


def test_the_reference_year_is_the_year_the_proposal_came_in(site_tree):
    dialogue = site_tree["dialogue"]

    assert received(dialogue, datetime(2024, 12, 31, 23, 30, tzinfo=STOCKHOLM)) == "2024-0001"
    assert received(dialogue, datetime(2024, 5, 13, 10, 0, tzinfo=STOCKHOLM)) == "2024-0002"
    # 00:30 on New Year's Day in Stockholm is still the old year in UTC: Stockholm decides.
    assert received(dialogue, datetime(2025, 1, 1, 0, 30, tzinfo=STOCKHOLM)) == "2025-0001"
