"""Bots and floods are refused with a 4xx and a Swedish message; what was typed is kept."""

import threading
import time

import pytest
from django.core.cache import cache
from django.test import Client

from rounds.models import Proposal
from rounds.proposals import abuse
from tests.support.html import error_summary, soup, text
from tests.support.images import image_bytes, upload
from tests.support.proposal_form import form_url, post_review, stamp_of, submit_proposal, valid_data


def assert_input_kept(response):
    page = soup(response)
    assert page.find(id="id_title")["value"] == "Belysning vid busshållplatsen"
    assert page.find(id="id_body").get_text().strip().startswith("Det är mörkt")
    assert page.find(id="id_email")["value"] == "anna@example.org"


# Honeypot


def test_a_filled_honeypot_is_refused_with_400_and_nothing_is_saved(client, dialogue, no_wait):
    response = post_review(client, dialogue, valid_data(website="http://spam.example"))

    assert response.status_code == 400
    assert "fältet som ska lämnas tomt var ifyllt" in error_summary(response)
    assert_input_kept(response)
    assert soup(response).find("input", {"name": "website"})["value"] == ""
    assert Proposal.objects.count() == 0


def test_a_filled_honeypot_asks_for_the_photo_again(client, dialogue, no_wait):
    data = valid_data(website="spam", photo=upload(image_bytes()))

    response = post_review(client, dialogue, data)

    assert response.status_code == 400
    assert "Välj bilden igen" in soup(response).find(class_="form-photo").get_text()


# Minimum fill time


def test_a_form_sent_too_fast_is_refused_with_400_and_the_input_kept(client, dialogue, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 60

    response = post_review(client, dialogue)

    assert response.status_code == 400
    assert "Vänta några sekunder" in error_summary(response)
    assert_input_kept(response)
    assert Proposal.objects.count() == 0


def test_the_fill_time_counts_from_when_the_form_was_opened(client, dialogue, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 60
    stamp = stamp_of(client, dialogue)
    refused = post_review(client, dialogue, stamp=stamp)
    # The refused page carries the original start time on, not a new one.
    assert soup(refused).find("input", {"name": abuse.STARTED_FIELD})["value"] == stamp

    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    assert post_review(client, dialogue, stamp=stamp).status_code == 200


@pytest.mark.parametrize(
    "stamp",
    [
        "",
        "12345",
        "1700000000.0:forged:signature",
        abuse.start_stamp().replace(":", ":x", 1),
    ],
    # The last stamp is made at collection time: ids by position, the same in every xdist worker.
    ids=["empty", "not-signed", "forged-signature", "tampered"],
)
def test_a_missing_or_forged_start_time_is_refused_with_400(client, dialogue, no_wait, stamp):
    data = valid_data()
    data[abuse.STARTED_FIELD] = stamp

    response = client.post(form_url(dialogue), data)

    assert response.status_code == 400
    assert "kunde inte kontrolleras" in error_summary(response)
    assert_input_kept(response)
    # The page carries a new, valid start time so the resident can go on.
    new_stamp = soup(response).find("input", {"name": abuse.STARTED_FIELD})["value"]
    assert abuse.seconds_since(new_stamp) is not None


def test_a_form_sent_right_after_opening_is_too_fast(settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 5

    assert abuse.fill_time_refusal(abuse.start_stamp()) is not None


# Rate limit (the ceilings a village hall never reaches: tests/proposals/test_rate_limits.py)


def test_over_the_ceiling_a_proposal_is_refused_with_429_and_the_input_kept(
    client, dialogue, no_wait, settings
):
    settings.PROPOSALS_PER_CLIENT_HOUR = 5
    for _ in range(5):
        assert submit_proposal(client, dialogue).status_code == 303

    response = post_review(client, dialogue)

    assert response.status_code == 429
    assert "Många skickar förslag från samma nätverk just nu" in error_summary(response)
    assert "minut" in error_summary(response)
    assert 0 < int(response["Retry-After"]) <= 3600
    assert_input_kept(response)
    assert Proposal.objects.count() == 5


def test_only_sent_proposals_count(client, dialogue, no_wait, settings):
    settings.PROPOSALS_PER_CLIENT_HOUR = 2
    for _ in range(5):
        assert post_review(client, dialogue, valid_data(title="")).status_code == 422
        assert post_review(client, dialogue).status_code == 200

    assert submit_proposal(client, dialogue).status_code == 303


def test_the_limit_is_per_client(client, dialogue, no_wait, settings):
    settings.PROPOSALS_PER_CLIENT_HOUR = 1
    submit_proposal(client, dialogue, REMOTE_ADDR="192.0.2.1")

    assert post_review(client, dialogue, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert submit_proposal(client, dialogue, REMOTE_ADDR="192.0.2.2").status_code == 303


def test_behind_a_proxy_the_limit_follows_the_header_the_proxy_sets(
    client, dialogue, no_wait, settings
):
    settings.PROPOSALS_PER_CLIENT_HOUR = 1
    settings.PROPOSALS_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    submit_proposal(client, dialogue, HTTP_X_REAL_IP="192.0.2.1", **proxy)

    assert post_review(client, dialogue, HTTP_X_REAL_IP="192.0.2.1", **proxy).status_code == 429
    assert submit_proposal(client, dialogue, HTTP_X_REAL_IP="192.0.2.2", **proxy).status_code == 303


def test_counting_starts_again_when_the_window_ends(rf, settings):
    settings.PROPOSALS_PER_CLIENT_HOUR = 2
    request = rf.post("/", REMOTE_ADDR="192.0.2.9")
    hour_start = (time.time() // 3600) * 3600
    abuse.record_submission(request, now=hour_start + 100)
    abuse.record_submission(request, now=hour_start + 200)

    assert abuse.PROPOSAL_LIMIT.seconds_until_allowed("192.0.2.9", now=hour_start + 600) == 3000
    assert abuse.PROPOSAL_LIMIT.seconds_until_allowed("192.0.2.9", now=hour_start + 3600) == 0


def test_concurrent_counts_are_not_lost(settings):
    """Counting is one atomic increment: threads (or processes) counting at once lose nothing."""
    settings.PROPOSALS_PER_CLIENT_HOUR = 1000
    now = time.time()
    threads = [
        threading.Thread(
            target=lambda: [abuse.PROPOSAL_LIMIT.record("192.0.2.10", now) for _ in range(50)]
        )
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert abuse.PROPOSAL_LIMIT.count("192.0.2.10", now) == 400


def test_the_client_address_is_not_stored_in_the_cache(client, dialogue, no_wait):
    submit_proposal(client, dialogue, REMOTE_ADDR="198.51.100.23")

    assert b"198.51.100.23" not in everything_in_the_cache()
    proposal = Proposal.objects.get()
    assert "198.51.100.23" not in repr(vars(proposal))


def everything_in_the_cache():
    """The keys and stored bytes of the cache: local memory, or Redis (--redis-cache)."""
    store = cache._cache
    if isinstance(store, dict):  # LocMemCache: keys and pickled values
        return repr(list(store)).encode() + b"".join(store.values())
    client = store.get_client(None)
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*"))
    assert keys, "the test's counters are in Redis"
    return b"".join(keys + [client.dump(key) or b"" for key in keys])


# CSRF


def test_a_post_without_csrf_token_gets_the_swedish_403_page(dialogue, no_wait):
    client = Client(enforce_csrf_checks=True)
    stamp = stamp_of(client, dialogue)

    response = client.post(form_url(dialogue), {**valid_data(), abuse.STARTED_FIELD: stamp})

    assert response.status_code == 403
    page = text(response)
    assert "Formuläret kunde inte skickas" in page
    assert "Ladda om sidan" in page
    assert "kan behöva" in page
    assert soup(response).html["lang"] == "sv"
    assert Proposal.objects.count() == 0


def test_a_post_with_the_csrf_token_passes(dialogue, no_wait):
    client = Client(enforce_csrf_checks=True)
    form = soup(client.get(form_url(dialogue)))
    token = form.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    stamp = form.find("input", {"name": abuse.STARTED_FIELD})["value"]

    response = client.post(
        form_url(dialogue),
        {**valid_data(), abuse.STARTED_FIELD: stamp, "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Granska ditt förslag"
