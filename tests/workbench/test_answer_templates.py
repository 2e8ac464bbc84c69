"""Answer templates: snippets the working group keeps, one status each, that start the public
answer. Without a script, "Använd mallen" fills the message and keeps everything typed."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages

from rounds.models import AnswerTemplate
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, url
from tests.support.html import soup_of, text_of


@pytest.fixture
def templates(db):
    return {
        "reviewing": AnswerTemplate.objects.create(
            name="Vi går igenom",
            status=Status.REVIEWING,
            text="Tack för förslaget {referens} från {ort}. Arbetsgruppen går igenom det.",
        ),
        "forwarded": AnswerTemplate.objects.create(
            name="Till Trafikverket",
            status=Status.FORWARDED,
            text="Vi har skickat förslaget till {ansvarig}.",
        ),
    }


def use_template(client, proposal, template, **typed):
    data = {"use_template": "1", "answer_template": template.pk if template else "", **typed}
    return client.post(url("answer", proposal.pk), data)


def test_the_answer_form_offers_each_template_with_its_status_and_text(
    client, officer, tree, templates
):
    proposal = make.proposal(tree["läckeby"])

    page = soup_of(client, url("answer", proposal.pk))

    options = page.select("select[name=answer_template] option")
    assert [text_of(o) for o in options] == [
        "Ingen mall",
        "Behandlas: Vi går igenom",
        "Skickat vidare: Till Trafikverket",
    ]
    assert options[1]["data-status"] == Status.REVIEWING
    assert options[1]["data-text"] == (
        f"Tack för förslaget {proposal.reference} från Läckeby. Arbetsgruppen går igenom det."
    )
    assert page.select_one("button[name=use_template]")
    script = page.select_one('script[src$="rounds/workbench/answer-templates.js"]')
    assert script is not None and not script.string


def test_use_the_template_fills_the_message_and_keeps_what_was_typed(
    client, officer, tree, templates
):
    proposal = make.proposal(tree["läckeby"])
    roads = make.department("Trafikverket", kind="external")

    response = use_template(
        client,
        proposal,
        templates["forwarded"],
        status=Status.FORWARDED,
        responsible=roads.pk,
        decision_reference="KS 2026/118",
        internal_note="Ring i maj.",
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form["public_message"].value() == "Vi har skickat förslaget till Trafikverket."
    assert form["decision_reference"].value() == "KS 2026/118"
    assert form["internal_note"].value() == "Ring i maj."
    assert not form.errors  # nothing was saved, so nothing is wrong yet
    assert proposal.updates.count() == 1


def test_the_template_goes_after_a_message_already_written(client, officer, tree, templates):
    proposal = make.proposal(tree["läckeby"])

    response = use_template(
        client,
        proposal,
        templates["reviewing"],
        status=Status.REVIEWING,
        public_message="Hej!",
    )

    message = response.context["form"]["public_message"].value()
    assert message.startswith("Hej!\n\nTack för förslaget ")


def test_a_template_of_another_status_is_refused_with_the_typing_kept(
    client, officer, tree, templates
):
    proposal = make.proposal(tree["läckeby"])

    response = use_template(
        client,
        proposal,
        templates["forwarded"],
        status=Status.REVIEWING,
        public_message="Mitt eget svar.",
    )

    [message] = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert message.startswith("Mallen ”Till Trafikverket” gäller status ”Skickat vidare”.")
    assert response.context["form"]["public_message"].value() == "Mitt eget svar."
    assert proposal.updates.count() == 1


def test_no_template_chosen_asks_for_one(client, officer, tree, templates):
    proposal = make.proposal(tree["läckeby"])

    response = use_template(client, proposal, None, status=Status.REVIEWING)

    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [
        "Välj en svarsmall först."
    ]


def test_saving_with_a_template_chosen_saves_the_message_as_written(
    client, officer, tree, templates
):
    proposal = make.proposal(tree["läckeby"])

    response = client.post(
        url("answer", proposal.pk),
        {
            "status": Status.REVIEWING,
            "answer_template": templates["reviewing"].pk,
            "public_message": "Egen text efter mallen.",
        },
    )

    assert response.status_code == 302
    assert proposal.updates.last().public_message == "Egen text efter mallen."


def test_case_officers_keep_the_templates_in_the_admin(client, officer, templates):
    group = Group.objects.get(name=CASE_OFFICERS)
    codenames = set(group.permissions.values_list("codename", flat=True))

    listing = client.get("/admin/snippets/rounds/answertemplate/")

    assert {"add_answertemplate", "change_answertemplate", "delete_answertemplate"} <= codenames
    assert listing.status_code == 200
    assert "Till Trafikverket" in listing.content.decode()
    assert "Listor och svarsmallar" in client.get("/admin/").content.decode()  # the menu


def test_the_answer_form_costs_the_same_queries_with_2_or_20_templates(
    client, officer, tree, templates, django_assert_max_num_queries
):
    proposal = make.proposal(tree["läckeby"])
    with django_assert_max_num_queries(60) as few:
        client.get(url("answer", proposal.pk))
    for n in range(18):
        AnswerTemplate.objects.create(name=f"Mall {n}", status=Status.DONE, text="Klart.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("answer", proposal.pk))
