"""Progress on promises: an update on "Åtgärdas" or "Längre planering" may carry a step and a
percentage; the proposal page shows the line of steps and each update's step as a dated
milestone in the one timeline; lists, the summary and the feed name the step."""

from datetime import date, datetime, timedelta

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from rounds.models import ProgressStep, ProposalUpdate
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.html import soup_of, text_of

pytestmark = pytest.mark.usefixtures("clear_cache")

DEFAULTS = ["Beslutat", "Projekterat", "Upphandlat", "Pågår", "Klart"]


def step(name):
    return ProgressStep.objects.get(name=name)


def on(day):
    """Noon of `day`, so the dates shown are the day given."""
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))


@pytest.fixture
def promise(site_tree):
    """A direct action that was decided in March, procured in May and is now 40 % done."""
    proposal = make.proposal(site_tree["dialogue"], title="Ny belysning på cykelvägen")
    proposal.updates.update(created_at=on(date(2026, 2, 1)))  # received in February
    make.answer(
        proposal,
        Status.DIRECT_ACTION,
        public_message="Vi sätter upp belysning.",
        progress_step=step("Beslutat"),
        created_at=on(date(2026, 3, 2)),
    )
    make.answer(
        proposal,
        Status.DIRECT_ACTION,
        public_message="Entreprenören är vald.",
        progress_step=step("Upphandlat"),
        progress_percent=40,
        created_at=on(date(2026, 5, 11)),
    )
    return proposal


def test_a_new_site_has_the_five_steps_in_order(db):
    assert list(ProgressStep.objects.values_list("name", flat=True)) == DEFAULTS


@pytest.mark.parametrize(
    ("status", "fields", "field", "message"),
    [
        (
            Status.DONE,
            {"progress_step": "Pågår"},
            "progress_step",
            "Hör bara till ”Åtgärdas” och ”Längre planering”. Töm fältet.",
        ),
        (
            Status.REVIEWING,
            {"progress_percent": 50},
            "progress_percent",
            "Hör bara till ”Åtgärdas” och ”Längre planering”. Töm fältet.",
        ),
        (
            Status.DIRECT_ACTION,
            {"progress_percent": 101},
            "progress_percent",
            "Ange hur många procent som är klart, som ett heltal från 0 till 100.",
        ),
        (
            Status.DIRECT_ACTION,
            {"progress_percent": -5},
            "progress_percent",
            "Ange hur många procent som är klart, som ett heltal från 0 till 100.",
        ),
    ],
)
def test_progress_outside_a_promise_or_past_100_is_refused_in_words(
    site_tree, status, fields, field, message
):
    proposal = make.proposal(site_tree["dialogue"])
    if "progress_step" in fields:
        fields = {**fields, "progress_step": step(fields["progress_step"])}

    with pytest.raises(ValidationError) as refused:
        make.answer(proposal, status, public_message="Svar.", **fields)

    assert refused.value.message_dict[field] == [message]
    assert proposal.updates.count() == 1


def test_the_database_refuses_progress_on_a_refusal_whoever_writes_it(site_tree):
    proposal = make.proposal(site_tree["dialogue"])

    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalUpdate.objects.create(
            proposal=proposal, status=Status.NOT_FEASIBLE, progress_step=step("Pågår")
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalUpdate.objects.create(
            proposal=proposal, status=Status.PLANNED, progress_percent=150
        )


def test_the_proposal_page_shows_where_the_promise_stands(client, promise):
    page = soup_of(client, promise.get_public_url())

    steps = page.select(".progress-line__step")
    assert [text_of(s.select_one(".progress-line__name")) for s in steps] == DEFAULTS
    states = [text_of(s.select_one(".progress-line__state")) for s in steps]
    assert states == [
        "Avklarat 2 mars 2026",
        "Avklarat",  # skipped on the way: passed, but never dated
        "Här är vi nu 11 maj 2026",
        "Kommer senare",
        "Kommer senare",
    ]
    assert [s.get("aria-current") for s in steps] == [None, None, "step", None, None]
    bar = page.select_one("progress#progress-percent")
    assert bar["value"] == "40" and bar["max"] == "100"
    assert text_of(page.select_one("label[for=progress-percent]")) == "Så mycket är klart:"


def test_each_timeline_entry_shows_its_step_as_a_dated_milestone_in_order(client, promise):
    make.answer(
        promise,
        Status.DIRECT_ACTION,
        progress_step=step("Pågår"),
        progress_percent=70,
        created_at=on(date(2026, 8, 20)),
    )
    page = soup_of(client, promise.get_public_url())

    entries = [
        (
            text_of(item.select_one(".timeline__date")),
            text_of(item.select_one(".timeline__milestone")),
        )
        for item in page.select(".timeline__item")
        if item.select_one(".timeline__milestone")
    ]
    assert entries == [
        ("2 mars 2026", "Steg: Beslutat"),
        ("11 maj 2026", "Steg: Upphandlat, 40 % klart"),
        ("20 augusti 2026", "Steg: Pågår, 70 % klart"),
    ]
    assert len(page.select("ol.timeline")) == 1  # one history, not a second one


def test_done_ends_the_line_but_the_timeline_keeps_the_milestones(client, promise):
    make.answer(promise, Status.DONE, public_message="Belysningen är på plats.")

    page = soup_of(client, promise.get_public_url())

    assert page.select_one(".progress-line") is None
    assert page.select_one("#progress-heading") is None
    milestones = [text_of(m) for m in page.select(".timeline__milestone")]
    assert milestones == ["Steg: Beslutat", "Steg: Upphandlat, 40 % klart"]


def test_a_proposal_without_progress_shows_no_line(client, site_tree):
    proposal = make.proposal(site_tree["dialogue"])
    make.answer(proposal, Status.DIRECT_ACTION, public_message="Vi åtgärdar.")

    page = soup_of(client, proposal.get_public_url())

    assert page.select_one("#progress-heading") is None
    assert page.select_one(".timeline__milestone") is None


def test_lists_and_the_summary_name_the_current_step(client, site_tree, promise):
    dialogue = site_tree["dialogue"]

    listed = soup_of(client, dialogue.url + "forslag/")

    item = listed.select_one(".proposal-item")
    assert "Steg: Upphandlat, 40 % klart" in text_of(item)
    dialogue.summary = [("text", "<p>Här är vad som hände.</p>")]
    dialogue.summary_published_at = timezone.localdate()
    dialogue.save_revision().publish()
    summary = soup_of(client, dialogue.url)
    outcome = next(o for o in summary.select(".outcome") if "Ny belysning" in text_of(o))
    assert "Steg: Upphandlat, 40 % klart" in text_of(outcome)


def test_the_feed_entry_names_the_step_and_the_share_done(client, site_tree, promise):
    feed = feedparser.parse(client.get(site_tree["place"].url + "flode/").content)

    latest = next(e for e in feed.entries if "Entreprenören är vald." in e.summary)
    assert "Steg i genomförandet: Upphandlat" in latest.summary
    assert "Så mycket är klart: 40 %" in latest.summary
