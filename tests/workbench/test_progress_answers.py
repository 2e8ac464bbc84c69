"""The case officer records how far a promise has come: the answer form and the bulk update
offer a step and a percentage, a progress-only answer is a new dated update in the one
timeline, and the steps are snippets that history protects."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from rounds.models import ProgressStep, Proposal
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.admin import url
from tests.support.html import soup_of, text_of


def step(name):
    return ProgressStep.objects.get(name=name)


def answer(client, proposal, **data):
    return client.post(url("answer", proposal.pk), {"public_message": "", **data})


def said(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_the_answer_form_offers_the_steps_in_order_and_a_percentage(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    page = soup_of(client, url("answer", proposal.pk))

    options = [text_of(o) for o in page.select("select[name=progress_step] option")]
    assert options == ["Inget steg", "Beslutat", "Projekterat", "Upphandlat", "Pågår", "Klart"]
    percent = page.select_one("input[name=progress_percent]")
    assert (percent["type"], percent["min"], percent["max"]) == ("number", "0", "100")


def test_saving_a_step_shows_it_on_the_public_page(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    saved = answer(
        client,
        proposal,
        status=Status.DIRECT_ACTION,
        public_message="Vi lagar gatlampan.",
        progress_step=step("Beslutat").pk,
        progress_percent="10",
    )

    assert saved.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.progress_step.name, proposal.progress_percent) == ("Beslutat", 10)
    page = soup_of(client, proposal.get_public_url())
    current = page.select_one('.progress-line__step[aria-current="step"]')
    assert text_of(current.select_one(".progress-line__name")) == "Beslutat"


def test_a_progress_only_answer_is_a_new_dated_update_in_the_same_timeline(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])
    make.answer(proposal, Status.DIRECT_ACTION, progress_step=step("Beslutat"))

    form = soup_of(client, url("answer", proposal.pk))
    chosen = form.select_one("select[name=progress_step] option[selected]")
    assert text_of(chosen) == "Beslutat"  # the step so far goes on, as the responsible does

    saved = answer(client, proposal, status=Status.DIRECT_ACTION, progress_step=step("Pågår").pk)

    assert saved.status_code == 302
    assert [u.status for u in proposal.updates.all()] == [
        Status.RECEIVED,
        Status.DIRECT_ACTION,
        Status.DIRECT_ACTION,
    ]
    page = soup_of(client, proposal.get_public_url())
    assert [text_of(m) for m in page.select(".timeline__milestone")] == [
        "Steg: Beslutat",
        "Steg: Pågår",
    ]


def test_the_step_carried_on_ends_when_the_promise_is_done(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])
    make.answer(
        proposal,
        Status.PLANNED,
        progress_step=step("Upphandlat"),
        progress_percent=60,
        responsible=make.department(),
        planned_date="2027-05-01",
    )
    carried = {"progress_step": step("Upphandlat").pk, "progress_percent": "60"}

    saved = answer(client, proposal, status=Status.DONE, public_message="Klart i maj.", **carried)

    assert saved.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.DONE
    assert (proposal.progress_step, proposal.progress_percent) == (None, None)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"status": Status.NOT_FEASIBLE, "public_message": "Marken är privat."},
            "progress_step",
            "Hör bara till ”Åtgärdas” och ”Längre planering”. Töm fältet.",
        ),
        (
            {"status": Status.DIRECT_ACTION, "progress_percent": "140"},
            "progress_percent",
            "Ange hur många procent som är klart, som ett heltal från 0 till 100.",
        ),
        (
            {"status": Status.DIRECT_ACTION, "progress_percent": "hälften"},
            "progress_percent",
            "Ange hur många procent som är klart, som ett heltal från 0 till 100.",
        ),
    ],
)
def test_a_step_or_percentage_that_does_not_fit_is_refused_in_words(
    client, officer, tree, data, field, message
):
    proposal = make.proposal(tree["läckeby"])
    if field == "progress_step":
        data = {**data, "progress_step": step("Pågår").pk}

    refused = answer(client, proposal, **data)

    assert refused.status_code == 200
    assert refused.context["form"].errors[field] == [message]
    assert proposal.updates.count() == 1


def test_the_bulk_update_sets_a_step_for_all_and_keeps_each_ones_otherwise(client, officer, tree):
    first, second = (make.proposal(tree["läckeby"], title=f"Gatlampa {n}") for n in (1, 2))
    make.answer(second, Status.DIRECT_ACTION, progress_step=step("Upphandlat"))

    def bulk(**fields):
        page = client.get(url("bulk"), {"action": "update", "selected": [first.pk, second.pk]})
        form = BeautifulSoup(page.content, "html.parser").select_one("form[method=post]")
        data = {}
        for hidden in form.select("input[type=hidden]"):
            data.setdefault(hidden["name"], []).append(hidden.get("value", ""))
        return client.post(url("bulk"), {**data, **fields})

    kept = bulk(status=Status.DIRECT_ACTION, public_message="Arbetet är beställt.")
    assert kept.status_code == 302
    steps = dict(Proposal.objects.values_list("pk", "progress_step__name"))
    assert (steps[first.pk], steps[second.pk]) == (None, "Upphandlat")

    chosen = bulk(
        status=Status.DIRECT_ACTION, progress_step=step("Pågår").pk, progress_percent="50"
    )
    assert chosen.status_code == 302
    rows = dict(Proposal.objects.values_list("pk", "progress_percent"))
    assert set(Proposal.objects.values_list("progress_step__name", flat=True)) == {"Pågår"}
    assert rows == {first.pk: 50, second.pk: 50}

    refused = bulk(status=Status.DONE, progress_step=step("Klart").pk)
    assert refused.status_code == 400
    assert "Hör bara till ”Åtgärdas” och ”Längre planering”." in refused.content.decode()
    assert set(Proposal.objects.values_list("status", flat=True)) == {Status.DIRECT_ACTION}


def test_a_step_in_the_history_cannot_be_deleted_but_an_unused_one_can(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])
    make.answer(proposal, Status.DIRECT_ACTION, progress_step=step("Beslutat"))
    spare = ProgressStep.objects.create(name="Besiktigat", sort_order=45)

    def delete(pk):
        return client.post(reverse("wagtailsnippets_rounds_progressstep:delete", args=[pk]))

    refused = delete(step("Beslutat").pk)

    assert refused.status_code == 302
    assert said(refused) == [
        "Steget ”Beslutat” finns i förslagens historik och kan inte tas bort. Du kan byta namn "
        "på det i stället."
    ]
    assert ProgressStep.objects.filter(name="Beslutat").exists()
    assert delete(spare.pk).status_code == 302
    assert not ProgressStep.objects.filter(name="Besiktigat").exists()
