""" "Stämmer det?" is asked once, weeks after the answer, only of those who wanted news."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from notifications.checks import send_proposal_checks
from rounds.models import ProposalCheck
from rounds.models.proposals import Status
from rounds.proposals.checks import respondent_key
from tests.support import proposals as make
from tests.support.mail import emails_to, everything_in, links_in, shown_subject

from .conftest import ASK_AT, DONE_AT, PROPOSER, answered_on

STATUS_NEWS = {"each@example.org", "weekly@example.org"}


def recipients():
    return {message.to[0] for message in mail.outbox}


def test_the_proposer_and_followers_who_want_status_news_are_asked(done):
    assert send_proposal_checks(ASK_AT) == 3

    assert recipients() == {PROPOSER} | STATUS_NEWS  # not "none", unconfirmed or elsewhere
    (own,) = emails_to(PROPOSER)
    assert shown_subject(own) == f"Stämmer det? Förslag {done.reference}, ”{done.public_title}”"
    assert "ditt förslag" in own.body
    (follower,) = emails_to("each@example.org")
    assert "ditt förslag" not in follower.body
    assert "följer Läckeby" in follower.body
    assert any("/e-post/stammer-det/" in link for link in links_in(follower))
    assert "Anna Invånare" not in everything_in(follower)
    assert PROPOSER not in everything_in(follower)


def test_run_twice_or_daily_each_person_is_asked_once(done):
    send_proposal_checks(ASK_AT)
    assert send_proposal_checks(ASK_AT) == 0
    assert send_proposal_checks(ASK_AT + timedelta(days=1)) == 0
    call_command("send_proposal_checks", "--date", "2027-04-02", stdout=StringIO())

    assert len(mail.outbox) == 3
    assert ProposalCheck.objects.filter(proposal=done).count() == 3


def test_nothing_is_asked_before_the_weeks_have_passed(done):
    assert send_proposal_checks(DONE_AT + timedelta(weeks=4) - timedelta(hours=1)) == 0
    assert mail.outbox == []


@override_settings(PROPOSALS_VERIFY_AFTER_WEEKS=2)
def test_the_weeks_are_a_setting(done):
    assert send_proposal_checks(DONE_AT + timedelta(weeks=2, hours=1)) == 3


def test_long_ago_is_not_asked_about(done):
    """Turning the feature on does not ask about what was done years ago."""
    assert send_proposal_checks(DONE_AT + timedelta(weeks=60)) == 0


def test_a_proposer_without_status_emails_is_not_asked(done):
    done.notify_status = False
    done.save(update_fields=["notify_status"])

    send_proposal_checks(ASK_AT)

    assert recipients() == STATUS_NEWS


def test_direct_action_is_asked_about_but_not_other_statuses(village):
    dialogue = village["dialogue"]
    started = answered_on(DONE_AT, dialogue, Status.DIRECT_ACTION, title="Gupp på Skolvägen")
    promise = {"responsible": make.department(), "planned_date": DONE_AT.date()}
    answered_on(DONE_AT, dialogue, Status.PLANNED, answer=promise, title="Ny cykelväg")
    answered_on(DONE_AT, dialogue, Status.REVIEWING, title="Ny busshållplats")

    send_proposal_checks(ASK_AT)

    assert {m.subject.split(",")[0] for m in mail.outbox} == {
        f"Stämmer det? Förslag {started.reference}"
    }


def test_someone_both_proposer_and_follower_is_asked_once_as_the_proposer(done, place):
    from tests.support.following import follower

    follower(place, PROPOSER.upper())

    send_proposal_checks(ASK_AT)

    assert len(emails_to(PROPOSER)) + len(emails_to(PROPOSER.upper())) == 1
    check = ProposalCheck.objects.get(proposal=done, respondent=respondent_key(PROPOSER))
    assert check.is_proposer


def test_no_email_address_is_stored_with_the_question(done):
    send_proposal_checks(ASK_AT)

    for check in ProposalCheck.objects.all():
        row = str(ProposalCheck.objects.filter(pk=check.pk).values().get())
        assert "@" not in row
