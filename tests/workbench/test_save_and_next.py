""" "Spara och nästa": from the filtered list through moderation and answers, one proposal after
the other, in the list's order, and back to the list when nothing is left."""

from urllib.parse import urlencode

from django.contrib.messages import get_messages

from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make
from tests.support.admin import url
from tests.support.html import soup_of


def said(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def walk_url(action, proposal, list_query):
    return f"{url(action, proposal.pk)}?{urlencode({'next_in': list_query, 'then': 'next'})}"


def test_the_list_links_carry_its_filters(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    village = tree["läckeby"].get_parent().pk

    page = soup_of(client, url("index"), {"village": village, "p": "1"})

    link = page.select_one(f'a[href^="{url("moderate", proposal.pk)}"]')["href"]
    assert link == f"{url('moderate', proposal.pk)}?{urlencode({'next_in': f'village={village}'})}"


def test_moderating_goes_on_to_the_next_pending_in_the_filtered_order(client, officer, tree):
    # Oldest first by reference (column 1); the Påryd one is outside the filter.
    first, second, third = (
        make.proposal(tree["läckeby"], visibility=Visibility.PENDING, title=f"Förslag {n}")
        for n in range(3)
    )
    make.proposal(tree["påryd"], visibility=Visibility.PENDING, title="Annan ort")
    make.proposal(tree["läckeby"], title="Redan publicerat")  # needs no moderation
    query = f"village={tree['läckeby'].get_parent().pk}&o=1"
    data = {"action": "publish", "public_title": "Rubrik", "public_body": "Text."}

    after_first = client.post(walk_url("moderate", first, query), data)
    after_second = client.post(walk_url("moderate", second, query), data)
    after_third = client.post(walk_url("moderate", third, query), data)

    assert after_first.url == f"{url('moderate', second.pk)}?{urlencode({'next_in': query})}"
    assert after_second.url.startswith(url("moderate", third.pk))
    assert after_third.url == f"{url('index')}?{query}"
    assert said(after_third)[-2:] == [
        f"Förslaget {third.reference} är publicerat.",
        "Inga fler förslag i listan.",
    ]


def test_a_list_filtered_on_pending_still_walks_on(client, officer, tree):
    first, second = (
        make.proposal(tree["läckeby"], visibility=Visibility.PENDING, title=f"Förslag {n}")
        for n in range(2)
    )
    query = "visibility__exact=pending&o=1"

    response = client.post(
        walk_url("moderate", first, query), {"action": "hide", "hidden_reason": "Reklam."}
    )

    assert response.url.startswith(url("moderate", second.pk))


def test_answering_goes_on_to_the_next_still_waiting_for_a_decision(client, officer, tree):
    first = make.proposal(tree["läckeby"], title="Först")
    decided = make.proposal(tree["läckeby"], title="Redan besvarat")
    make.answer(decided, Status.DONE, public_message="Klart.")
    pending = make.proposal(tree["läckeby"], title="Väntar", visibility=Visibility.PENDING)
    last = make.proposal(tree["läckeby"], title="Sist")
    query = "o=1"

    response = client.post(
        walk_url("answer", first, query), {"status": Status.REVIEWING, "public_message": "Ja."}
    )

    assert response.url == f"{url('answer', last.pk)}?{urlencode({'next_in': query})}"
    assert pending.pk != last.pk


def test_an_answer_with_errors_stays_on_the_form(client, officer, tree):
    first = make.proposal(tree["läckeby"])
    make.proposal(tree["läckeby"])

    response = client.post(walk_url("answer", first, ""), {"status": Status.NOT_FEASIBLE})

    assert response.status_code == 200
    assert "public_message" in response.context["form"].errors


def test_the_forms_have_the_save_and_next_buttons(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    answered = make.proposal(tree["läckeby"])
    query = urlencode({"next_in": "q=buss"})

    moderate = soup_of(client, f"{url('moderate', proposal.pk)}?{query}")
    answer = soup_of(client, f"{url('answer', answered.pk)}?{query}")

    expected = f"{url('moderate', proposal.pk)}?next_in=q%3Dbuss&then=next"
    actions = {b.get_text(strip=True): b.get("formaction") for b in moderate.select("button")}
    assert actions["Publicera och nästa"] == expected
    assert actions["Dölj och nästa"] == expected
    buttons = {b.get_text(strip=True): b.get("formaction") for b in answer.select("button")}
    assert buttons["Spara och nästa"] == f"{url('answer', answered.pk)}?next_in=q%3Dbuss&then=next"


def test_an_odd_list_query_walks_the_whole_list(client, officer, tree):
    first, middle, last = (
        make.proposal(tree["läckeby"], visibility=Visibility.PENDING, title=f"Förslag {n}")
        for n in range(3)
    )
    data = {"action": "publish", "public_title": "Rubrik", "public_body": "Text."}

    # A query no person made: the whole list, in its own order (newest first).
    too_long = client.post(walk_url("moderate", last, "o=1&q=" + "x" * 3000), data)
    # A parameter the list does not declare is dropped, as the list drops it; o=1 holds.
    dropped = client.post(walk_url("moderate", first, "email__startswith=a&o=1"), data)

    assert too_long.url.startswith(url("moderate", middle.pk))
    assert dropped.url.startswith(url("moderate", middle.pk))


def test_the_walk_costs_the_same_queries_with_3_or_30_in_the_list(
    client, officer, tree, django_assert_max_num_queries
):
    def walk_one():
        first = make.proposal(tree["läckeby"], title="Nu")
        make.proposal(tree["läckeby"], title="Nästa")
        return lambda: client.post(
            walk_url("answer", first, "o=1"), {"status": Status.REVIEWING, "public_message": "."}
        )

    few = walk_one()
    with django_assert_max_num_queries(80) as small:
        few()
    make.bulk_public(tree["påryd"], 30)
    many = walk_one()
    with django_assert_max_num_queries(len(small.captured_queries)):
        many()
