"""Bulk actions in the proposals list: choose, confirm, and publish, hide or answer many at once,
all or nothing, with what was skipped named."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from wagtail.models import ModelLogEntry

from rounds.models import Proposal
from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from tests.support import proposals as make
from tests.support.admin import EDITORS, login, staff, url
from tests.support.html import soup_of, text_of


def pending_in(dialogue, number, prefix="Förslag"):
    return [
        make.proposal(dialogue, visibility=Visibility.PENDING, title=f"{prefix} {n}")
        for n in range(number)
    ]


def said(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def confirm(client, action, proposals=(), **params):
    return client.get(
        url("bulk"), {"action": action, "selected": [p.pk for p in proposals], **params}
    )


def apply(client, page, **fields):
    """Post the confirmation form of `page` (a confirmation response) as the browser would:
    its hidden fields as rendered, with `fields` filled in."""
    form = BeautifulSoup(page.content, "html.parser").select_one("form[method=post]")
    data = {}
    for hidden in form.select("input[type=hidden]"):
        data.setdefault(hidden["name"], []).append(hidden.get("value", ""))
    return client.post(url("bulk"), {**data, **fields})


def test_the_list_has_a_labelled_box_per_row_and_the_bulk_actions(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    page = soup_of(client, url("index"), {"village": tree["läckeby"].get_parent().pk})

    form = page.select_one(f'form[action="{url("bulk")}"]')
    box = form.select_one(f'input[name="selected"][value="{proposal.pk}"]')
    assert text_of(form.select_one(f'label[for="{box["id"]}"]')) == f"Välj {proposal.reference}"
    assert text_of(form.fieldset.legend) == "Gör med flera förslag"
    assert [text_of(o) for o in form.select("select[name=action] option")] == [
        "Publicera",
        "Dölj",
        "Ny uppdatering för alla",
    ]
    assert form.select_one('input[name="list_query"]')["value"] == (
        f"village={tree['läckeby'].get_parent().pk}"
    )
    assert "Välj alla 1 förslag i listan" in text_of(form)


def test_a_user_who_may_only_moderate_is_offered_only_publish_and_hide(client, tree):
    login(client, EDITORS)
    make.proposal(tree["läckeby"])

    page = soup_of(client, url("index"))

    options = [text_of(o) for o in page.select("select[name=action] option")]
    assert options == ["Publicera", "Dölj"]


def test_publishing_the_chosen_asks_first_then_publishes_them_all(client, officer, tree):
    chosen = pending_in(tree["läckeby"], 3)
    other = pending_in(tree["påryd"], 1, "Annat")[0]

    page = confirm(client, "publish", chosen)

    assert page.status_code == 200
    text = page.content.decode()
    assert "Publicera: 3 förslag" in text
    for proposal in chosen:
        assert proposal.reference in text
    assert Proposal.objects.filter(visibility=Visibility.PENDING).count() == 4  # nothing yet

    done = apply(client, page)

    assert done.status_code == 302
    assert said(done) == ["3 förslag publicerade."]
    visibility = dict(Proposal.objects.values_list("pk", "visibility"))
    assert {visibility[p.pk] for p in chosen} == {Visibility.PUBLIC}
    assert visibility[other.pk] == Visibility.PENDING
    audited = ModelLogEntry.objects.filter(action="rounds.proposal.publish", user=officer)
    assert audited.count() == 3


def test_all_in_the_filtered_list_means_the_list_as_filtered(client, officer, tree):
    here = pending_in(tree["läckeby"], 3)
    elsewhere = pending_in(tree["påryd"], 2, "Annat")
    village = tree["läckeby"].get_parent().pk

    page = confirm(client, "publish", scope="filtered", list_query=f"village={village}")
    done = apply(client, page)

    assert said(done) == ["3 förslag publicerade."]
    assert parse_qs(urlsplit(done.url).query) == {"village": [str(village)]}
    public = set(Proposal.objects.filter(visibility=Visibility.PUBLIC).values_list("pk", flat=1))
    assert public == {p.pk for p in here}
    assert not public & {p.pk for p in elsewhere}


def test_all_on_this_page_works_without_a_script(client, officer, tree):
    proposals = pending_in(tree["läckeby"], 2)

    page = client.get(
        url("bulk"), {"action": "publish", "scope": "page", "page": [p.pk for p in proposals]}
    )

    assert "Publicera: 2 förslag" in page.content.decode()


def test_the_confirmation_names_the_first_ten_and_counts_the_rest(client, officer, tree):
    proposals = pending_in(tree["läckeby"], 13)

    page = confirm(client, "publish", proposals)

    text = text_of(soup_of(client, page.wsgi_request.get_full_path()))
    assert "och 3 förslag till." in text
    assert "Publicera: 13 förslag" in text


def test_withdrawn_proposals_are_skipped_and_named_when_publishing(client, officer, tree):
    proposals = pending_in(tree["läckeby"], 3)
    withdrawn = proposals[1]
    services.withdraw(withdrawn)

    page = confirm(client, "publish", proposals)
    assert "återkallat av invånaren" in page.content.decode()
    done = apply(client, page)

    assert said(done) == [
        "2 förslag publicerade.",
        f"1 förslag hoppades över: {withdrawn.reference} (återkallat av invånaren).",
    ]
    withdrawn.refresh_from_db()
    assert withdrawn.visibility == Visibility.HIDDEN


def test_bulk_publishing_leaves_photos_and_personal_details_to_be_seen_one_by_one(
    client, officer, tree
):
    plain = make.proposal(tree["läckeby"], visibility=Visibility.PENDING, title="Bänk vid ån")
    photo = make.proposal(
        tree["läckeby"], visibility=Visibility.PENDING, title="Gropen", photo_name="grop.jpg"
    )
    phone = make.proposal(
        tree["läckeby"],
        visibility=Visibility.PENDING,
        title="Ring mig",
        body="Ring mig på 070-123 45 67 så berättar jag mer.",
    )

    page = confirm(client, "publish", [plain, photo, phone])
    done = apply(client, page)

    assert said(done) == [
        "1 förslag publicerat.",
        # In the list's order: the newest first.
        f"2 förslag hoppades över: {phone.reference} (texten ser ut att innehålla "
        f"personuppgifter), {photo.reference} (har ett foto som ska ses innan det publiceras).",
    ]
    visibility = dict(Proposal.objects.values_list("pk", "visibility"))
    assert visibility == {
        plain.pk: Visibility.PUBLIC,
        photo.pk: Visibility.PENDING,
        phone.pk: Visibility.PENDING,
    }


def test_hiding_needs_one_internal_reason_for_all_and_keeps_the_choice(client, officer, tree):
    proposals = pending_in(tree["läckeby"], 2)
    page = confirm(client, "hide", proposals)

    refused = apply(client, page, hidden_reason=" ")

    assert refused.status_code == 400
    assert "Skriv varför förslagen döljs (internt)." in refused.content.decode()
    kept = refused.context["confirmed"]["ids"].value()
    assert sorted(map(int, kept)) == sorted(p.pk for p in proposals)
    assert not Proposal.objects.filter(visibility=Visibility.HIDDEN).exists()

    done = apply(client, page, hidden_reason="Reklam.")

    assert said(done) == ["2 förslag dolda."]
    reasons = set(Proposal.objects.values_list("hidden_reason", flat=True))
    assert reasons == {"Reklam."}


def test_a_new_update_for_all_says_the_status_and_skips_those_pending(client, officer, tree):
    public = [make.proposal(tree["läckeby"], title=f"Publikt {n}") for n in range(2)]
    pending = pending_in(tree["läckeby"], 1)[0]

    page = confirm(client, "update", [*public, pending])
    assert "väntar på moderering" in page.content.decode()
    done = apply(
        client,
        page,
        status=Status.REVIEWING,
        public_message="Arbetsgruppen går igenom förslagen från Läckeby.",
    )

    assert said(done) == [
        "2 förslag har fått status ”Behandlas”.",
        f"1 förslag hoppades över: {pending.reference} (väntar på moderering).",
    ]
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert [statuses[p.pk] for p in public] == [Status.REVIEWING, Status.REVIEWING]
    assert statuses[pending.pk] == Status.RECEIVED
    assert public[0].updates.last().public_message.startswith("Arbetsgruppen")


def test_a_rule_broken_for_one_proposal_saves_none_and_says_which(client, officer, tree):
    roads = make.department("Trafikverket")
    with_responsible = make.proposal(tree["läckeby"], title="Med ansvarig")
    make.answer(with_responsible, Status.REVIEWING, responsible=roads)
    without = make.proposal(tree["läckeby"], title="Utan ansvarig")

    page = confirm(client, "update", [with_responsible, without])
    refused = apply(
        client, page, status=Status.FORWARDED, public_message="Vägen sköts av Trafikverket."
    )

    assert refused.status_code == 400
    text = refused.content.decode()
    assert f"Ange vem förslaget har skickats vidare till. ({without.reference})" in text
    assert "Vägen sköts av Trafikverket." in text  # what was typed is still there
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses[with_responsible.pk] == Status.REVIEWING  # all or nothing
    assert statuses[without.pk] == Status.RECEIVED


def test_choosing_nothing_goes_back_to_the_list_and_says_so(client, officer, tree):
    make.proposal(tree["läckeby"])

    response = confirm(client, "publish", list_query="status__exact=received")

    assert response.status_code == 302
    assert response.url == url("index") + "?status__exact=received"
    assert said(response) == ["Välj minst ett förslag i listan."]


@pytest.mark.parametrize(
    "params",
    [
        {"action": "publish", "selected": ["abc", "10" * 30]},
        {"action": "delete_everything", "selected": ["1"]},
        {"action": "publish", "scope": "filtered", "list_query": "email__startswith=a"},
    ],
)
def test_odd_input_is_a_message_never_an_error(client, officer, tree, params):
    make.proposal(tree["läckeby"], visibility=Visibility.PENDING)

    response = client.get(url("bulk"), params)

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert said(response)


def test_an_action_the_user_may_not_take_is_refused(client, tree):
    proposals = pending_in(tree["läckeby"], 1)
    editor = login(client, EDITORS)  # moderates, never answers

    asked = confirm(client, "update", proposals)
    forced = client.post(
        url("bulk"),
        {"action": "update", "ids": [proposals[0].pk], "status": Status.REVIEWING},
    )

    assert (asked.status_code, forced.status_code) == (403, 403)
    client.force_login(staff(username="reader"))
    assert confirm(client, "publish", proposals).status_code == 403
    assert editor.has_perm("rounds.moderate_proposal")
    assert Proposal.objects.get().visibility == Visibility.PENDING


def test_the_confirmation_costs_the_same_queries_for_3_or_30(
    client, officer, tree, django_assert_max_num_queries
):
    few = pending_in(tree["läckeby"], 3)
    with django_assert_max_num_queries(30) as few_queries:
        confirm(client, "publish", scope="filtered")
    pending_in(tree["påryd"], 27)
    with django_assert_max_num_queries(len(few_queries.captured_queries)):
        response = confirm(client, "publish", scope="filtered")
    assert "Publicera: 30 förslag" in response.content.decode()
    assert few


def test_the_list_with_boxes_costs_the_same_queries_for_3_or_40(
    client, officer, tree, django_assert_max_num_queries
):
    make.bulk_public(tree["läckeby"], 3)
    with django_assert_max_num_queries(60) as small:
        client.get(url("index"))
    make.bulk_public(tree["påryd"], 40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url("index"))
