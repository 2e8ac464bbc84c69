"""Proposal lists, the proposal page and search cost the same number of queries with 3
proposals (or updates) as with 300 (or 30)."""

from datetime import date

import pytest

from rounds.models import ProgressStep, Proposal, ProposalCheck
from rounds.models.proposals import Status
from rounds.proposals import checks
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.queries import count_queries

pytestmark = pytest.mark.usefixtures("clear_cache")

SMALL, LARGE = 3, 300
SMALL_UPDATES, LARGE_UPDATES = 3, 30


@pytest.fixture
def tree(site_tree):
    """A village with two dialogues; proposals with many themes and responsible bodies."""
    other = factories.dialogue(site_tree["place"], site_tree["round"], slug="forra", title="Förra")
    themes = [make.theme(f"Tema {n}") for n in range(8)]
    departments = [make.department(f"Förvaltning {n}") for n in range(8)]

    def grow(size):
        count = size - Proposal.objects.count()
        make.bulk_public(site_tree["dialogue"], count - count // 3, themes, departments)
        make.bulk_public(other, count // 3, themes, departments)

    return {**site_tree, "grow": grow}


def measure(client, urls):
    return {key: count_queries(client, url) for key, url in urls.items()}


def assert_same(small, large, label):
    report = {key: (len(small[key]), len(large[key])) for key in small}
    print(f"\n{label}: {report}")
    for key in small:
        extra = [sql[:160] for sql in large[key] if sql not in small[key]]
        assert len(large[key]) == len(small[key]), f"{key}: {report[key]}; e.g. {extra[:3]}"


def test_lists_and_pages_showing_proposals_use_a_constant_number_of_queries(client, tree):
    dialogue, place = tree["dialogue"], tree["place"]
    urls = {
        "dialogue list": dialogue.url + "forslag/",
        "dialogue list, filtered": dialogue.url + "forslag/?status=received&ordning=uppdaterad",
        "village list": place.url + "forslag/",
        "village list, page 2": place.url + "forslag/?sida=2",
        "dialogue page": dialogue.url,
        "village page": place.url,
    }
    tree["grow"](SMALL)
    small = measure(client, urls)
    tree["grow"](LARGE)
    large = measure(client, urls)

    html = client.get(urls["village list"]).content.decode()
    assert html.count('class="proposal-item"') == 20  # a full page of the 300
    assert f"{LARGE} förslag" in html
    assert_same(small, large, f"queries ({SMALL} → {LARGE} proposals)")


def test_proposal_page_uses_a_constant_number_of_queries(client, tree):
    departments = [make.department(f"Ansvarig {n}") for n in range(LARGE_UPDATES)]
    proposal = make.proposal(tree["dialogue"], photo_name="foto.jpg")
    original = make.proposal(tree["dialogue"], title="Det första förslaget")
    url = proposal.get_public_url()

    def grow(size):
        while proposal.updates.count() < size - 1:
            n = proposal.updates.count()
            status = Status.PLANNED if n % 2 else Status.REVIEWING
            planned = date(2027, 1, n) if status == Status.PLANNED else None
            make.answer(
                proposal,
                status,
                responsible=departments[n],
                public_message=f"Steg {n}.",
                planned_date=planned,
            )
        make.answer(proposal, Status.DUPLICATE, public_message="Samma.", duplicate_of=original)

    grow(SMALL_UPDATES)
    small = measure(client, {"proposal page": url})
    grow(LARGE_UPDATES)
    large = measure(client, {"proposal page": url})

    html = client.get(url).content.decode()
    assert html.count('class="timeline__item"') >= LARGE_UPDATES
    assert_same(small, large, f"queries ({SMALL_UPDATES} → {LARGE_UPDATES} updates)")


def test_a_proposal_page_with_progress_uses_a_constant_number_of_queries(client, tree):
    steps = list(ProgressStep.objects.all())
    departments = [make.department(f"Ansvarig {n}") for n in range(LARGE_UPDATES)]
    proposal = make.proposal(tree["dialogue"])
    url = proposal.get_public_url()

    def grow(size):
        while proposal.updates.count() < size:
            n = proposal.updates.count()
            make.answer(
                proposal,
                Status.PLANNED,
                responsible=departments[n],
                planned_date=date(2027, 1, n),
                progress_step=steps[n % len(steps)],
                progress_percent=n,
            )

    grow(SMALL_UPDATES)
    small = measure(client, {"proposal page": url})
    grow(LARGE_UPDATES)
    large = measure(client, {"proposal page": url})

    page = client.get(url).content.decode()
    assert page.count('class="timeline__milestone"') == LARGE_UPDATES - 1
    assert 'aria-current="step"' in page
    assert_same(small, large, f"queries with progress ({SMALL_UPDATES} → {LARGE_UPDATES} updates)")


def test_search_uses_a_constant_number_of_queries(client, tree):
    def grow(size):
        while tree["dialogue"].proposals.count() < size:
            make.proposal(tree["dialogue"], title=f"Parkbänk {tree['dialogue'].proposals.count()}")

    urls = {"search": "/sok/?q=parkbänk", "search, page 2": "/sok/?q=parkbänk&forslagssida=2"}
    grow(SMALL)
    small = measure(client, urls)
    grow(30)
    large = measure(client, urls)

    assert client.get(urls["search"]).content.decode().count("search-result--proposal") == 10
    assert_same(small, large, "search queries (3 → 30 matching proposals)")


@pytest.mark.parametrize("key", ["list", "detail"])
def test_proposal_pages_stay_within_a_small_budget(client, tree, key):
    proposal = make.proposal(tree["dialogue"])
    url = tree["dialogue"].url + "forslag/" if key == "list" else proposal.get_public_url()
    assert len(count_queries(client, url)) <= 25  # as every other public page


def test_a_proposal_page_with_stammer_det_answers_uses_a_constant_number_of_queries(client, tree):
    proposal = make.proposal(tree["dialogue"])
    make.answer(proposal, Status.DONE, public_message="Klart.")
    url = proposal.get_public_url()

    def grow(size):
        while proposal.checks.count() < size:
            n = proposal.checks.count()
            check, _ = checks.ask(proposal, f"svar{n}@example.org", is_proposer=False)
            checks.record_answer(check, "yes" if n % 3 else "no", f"Kommentar {n}.")
            ProposalCheck.objects.filter(pk=check.pk).update(comment_visibility="public")

    grow(SMALL_UPDATES)
    small = measure(client, {"proposal page": url})
    grow(LARGE_UPDATES)
    large = measure(client, {"proposal page": url})

    page = client.get(url).content.decode()
    assert "20 invånare säger att det är gjort, 10 att det inte är klart än." in page
    assert "Kommentar 29." in page
    assert_same(small, large, f"queries with answers ({SMALL_UPDATES} → {LARGE_UPDATES})")
