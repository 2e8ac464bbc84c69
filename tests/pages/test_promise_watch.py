"""Promise watch: a planned date that has passed with no later update is marked wherever the
proposal is shown, until an update gives a new date or a new status."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, login, url
from tests.support.html import text_of

MARK = "Datumet har passerat — nytt besked kommer"


@pytest.fixture
def promise(site_tree):
    """A proposal planned for ten days ago, in a dialogue whose summary is published."""
    dialogue = site_tree["dialogue"]
    dialogue.summary = [("text", "<p>Tack för alla förslag.</p>")]
    dialogue.summary_published_at = timezone.localdate()
    dialogue.save_revision().publish()
    item = make.proposal(dialogue, title="Ny belysning vid skolan")
    make.answer(
        item,
        Status.PLANNED,
        responsible=make.department(),
        public_message="Belysningen byts ut i höst.",
        planned_date=timezone.localdate() - timedelta(days=10),
    )
    return item


def page_text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return text_of(BeautifulSoup(response.content, "html.parser"))


def test_the_proposal_page_marks_a_passed_date_and_keeps_it_visible(client, promise):
    soup = BeautifulSoup(client.get(promise.get_public_url()).content, "html.parser")

    mark = soup.select_one(".lead-block .overdue")
    assert mark is not None and MARK in text_of(mark)
    day = timezone.localdate() - timedelta(days=10)
    assert mark.find("time")["datetime"] == day.isoformat()
    # The timeline still says what was planned.
    assert soup.select_one(f".timeline time[datetime='{day.isoformat()}']") is not None


def test_lists_the_summary_and_the_large_print_mark_it(client, promise, site_tree):
    dialogue = site_tree["dialogue"]
    for path in (
        dialogue.url + "forslag/",
        site_tree["place"].url + "forslag/",
        dialogue.url,  # the summary, which is also what the page prints
        dialogue.url + "sammanstallning/stor-text/",
    ):
        assert MARK in page_text(client, path), path


def test_a_new_date_clears_the_mark_and_the_timeline_keeps_the_old_one(client, promise):
    old = timezone.localdate() - timedelta(days=10)
    make.answer(
        promise,
        Status.PLANNED,
        responsible=promise.responsible,
        public_message="Leveransen blev försenad. Nytt datum i vår.",
        planned_date=timezone.localdate() + timedelta(days=90),
    )

    soup = BeautifulSoup(client.get(promise.get_public_url()).content, "html.parser")
    assert MARK not in text_of(soup)
    assert soup.select_one(f".timeline time[datetime='{old.isoformat()}']") is not None


def test_a_new_status_clears_the_mark(client, promise):
    make.answer(promise, Status.DONE, public_message="Belysningen är uppsatt.")

    assert MARK not in page_text(client, promise.get_public_url())
    assert not Proposal.objects.overdue().exists()


def test_the_mark_comes_the_day_after_the_planned_date(site_tree):
    item = make.proposal(site_tree["dialogue"])
    planned = date(2027, 5, 1)
    make.answer(
        item,
        Status.PLANNED,
        responsible=make.department(),
        planned_date=planned,
        public_message=".",
    )

    def overdue_on(day):
        return Proposal.objects.with_promise(today=day).get(pk=item.pk).is_overdue

    assert overdue_on(planned - timedelta(days=30)) is False
    assert overdue_on(planned) is False  # the promised day itself has not passed
    assert overdue_on(planned + timedelta(days=1)) is True
    assert list(Proposal.objects.overdue(today=planned + timedelta(days=400))) == [item]


def test_an_update_without_a_date_clears_it_and_final_answers_are_never_marked(site_tree):
    later = timezone.localdate() + timedelta(days=1)
    passed = timezone.localdate() - timedelta(days=3)
    dialogue = site_tree["dialogue"]
    kept = make.proposal(dialogue, title="Kvar")
    make.answer(kept, Status.DIRECT_ACTION, planned_date=passed)
    answered = make.proposal(dialogue, title="Nytt besked")
    make.answer(answered, Status.DIRECT_ACTION, planned_date=passed)
    make.answer(answered, Status.DIRECT_ACTION, public_message="Arbetet har börjat.")
    refused = make.proposal(dialogue, title="Nej")
    make.answer(refused, Status.NOT_FEASIBLE, planned_date=passed, public_message="Det går inte.")

    assert list(Proposal.objects.overdue(today=later)) == [kept]


def test_the_workbench_filters_on_datum_passerat(client, promise, site_tree):
    on_time = make.proposal(site_tree["dialogue"], title="I tid")
    make.answer(
        on_time,
        Status.PLANNED,
        responsible=make.department(),
        planned_date=timezone.localdate() + timedelta(days=5),
        public_message=".",
    )
    login(client, CASE_OFFICERS)

    listing = client.get(url("index"))
    assert "Datum passerat" in listing.content.decode()
    filtered = client.get(url("index") + "?overdue=1").content.decode()

    assert promise.reference in filtered
    assert on_time.reference not in filtered
