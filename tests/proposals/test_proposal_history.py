"""A proposal's status, responsible and date are its latest update's however the update is
written: through the services, or straight through the ORM (a data fix in the shell, an import)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from rounds.models import Proposal, ProposalUpdate
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.html import soup_of, text_of

pytestmark = pytest.mark.usefixtures("clear_cache")


@pytest.fixture
def proposal(site_tree):
    return make.proposal(site_tree["dialogue"], title="Belysning på gångvägen")


def status_shown(client, proposal):
    """The status badge on the proposal's public page, as a resident reads it."""
    soup = soup_of(client, proposal.get_public_url())
    return text_of(soup.select_one("main .status")).removeprefix("Status: ")


def stored(proposal):
    return Proposal.objects.values("status", "responsible", "status_changed_at").get(pk=proposal.pk)


def test_an_update_created_through_the_orm_moves_the_proposal_with_it(client, proposal):
    department = make.department("Tekniska förvaltningen")
    assert status_shown(client, proposal) == "Mottaget"

    update = ProposalUpdate.objects.create(
        proposal=proposal,
        status=Status.PLANNED,
        responsible=department,
        public_message="Ingår i planen för nästa år.",
    )

    assert stored(proposal) == {
        "status": Status.PLANNED,
        "responsible": department.pk,
        "status_changed_at": update.created_at,
    }
    assert status_shown(client, proposal) == "Längre planering"


def test_a_backdated_update_does_not_replace_a_later_one(proposal):
    later = make.answer(proposal, Status.REVIEWING, public_message="Vi tittar på det.")

    ProposalUpdate.objects.create(
        proposal=proposal, status=Status.DONE, created_at=later.created_at - timedelta(days=3)
    )

    assert stored(proposal)["status"] == Status.REVIEWING
    assert stored(proposal)["status_changed_at"] == later.created_at


def test_deleting_the_latest_update_gives_the_proposal_the_one_before(client, proposal):
    department = make.department()
    planned = make.answer(
        proposal, Status.PLANNED, responsible=department, planned_date=date(2027, 5, 1)
    )
    mistake = ProposalUpdate.objects.create(
        proposal=proposal, status=Status.DONE, created_at=timezone.now() + timedelta(minutes=1)
    )
    assert status_shown(client, proposal) == "Genomfört"

    mistake.delete()

    assert stored(proposal) == {
        "status": Status.PLANNED,
        "responsible": department.pk,
        "status_changed_at": planned.created_at,
    }
    assert status_shown(client, proposal) == "Längre planering"


def test_the_service_and_the_orm_agree(proposal):
    """The services add updates the same way: the proposal object in hand is up to date too."""
    update = make.answer(proposal, Status.DIRECT_ACTION, responsible=make.department())

    assert (proposal.status, proposal.responsible_id, proposal.status_changed_at) == (
        Status.DIRECT_ACTION,
        update.responsible_id,
        update.created_at,
    )
    assert stored(proposal)["status"] == Status.DIRECT_ACTION
