"""The rules an answer obeys, whoever writes it (the form, the bulk update, an import): a longer
planning has a responsible and a date or a public reason, a forwarded proposal names where it
went, and a pending proposal is moderated before it is answered."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from tests.support import proposals as make
from tests.support.admin import EDITORS, login, staff, url
from tests.support.html import soup_of, text_of


def answer(client, proposal, **data):
    return client.post(url("answer", proposal.pk), {"public_message": "Svar.", **data})


def test_a_longer_planning_needs_a_responsible_and_a_date_or_why_not(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    refused = answer(client, proposal, status=Status.PLANNED, public_message="Vi planerar.")

    assert refused.status_code == 200
    errors = refused.context["form"].errors
    assert errors["responsible"] == ["Ange vem som ansvarar för den längre planeringen."]
    assert errors["planned_date"] == [
        "Ange ett planerat datum, eller skriv varför datumet inte är bestämt."
    ]
    assert "Vi planerar." in refused.content.decode()  # nothing typed is lost
    assert proposal.updates.count() == 1


def test_a_longer_planning_without_a_date_tells_the_public_why(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])
    department = make.department()

    saved = answer(
        client,
        proposal,
        status=Status.PLANNED,
        responsible=department.pk,
        planned_date_unknown_reason="Dagen bestäms när budgeten för 2027 är beslutad.",
    )

    assert saved.status_code == 302
    page = client.get(proposal.get_public_url()).content.decode()
    assert "Datum inte bestämt: Dagen bestäms när budgeten för 2027 är beslutad." in page


def test_a_reason_beside_a_date_is_refused_rather_than_shown_wrongly(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    refused = answer(
        client,
        proposal,
        status=Status.PLANNED,
        responsible=make.department().pk,
        planned_date="2027-05-01",
        planned_date_unknown_reason="Inte bestämt.",
    )

    assert "planned_date_unknown_reason" in refused.context["form"].errors
    assert proposal.updates.count() == 1


def test_forwarded_needs_the_body_it_was_sent_to(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    refused = answer(client, proposal, status=Status.FORWARDED, public_message="Skickat.")
    saved = answer(
        client,
        proposal,
        status=Status.FORWARDED,
        public_message="Vägen sköts av Trafikverket.",
        responsible=make.department("Trafikverket", kind="external").pk,
    )

    assert refused.context["form"].errors["responsible"] == [
        "Ange vem förslaget har skickats vidare till."
    ]
    assert saved.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.responsible.name) == (Status.FORWARDED, "Trafikverket")


def test_a_pending_proposal_is_moderated_before_it_is_answered(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)

    page = soup_of(client, url("answer", proposal.pk))
    forced = answer(client, proposal, status=Status.REVIEWING)

    notice = text_of(page.select_one(".help-warning"))
    assert notice.startswith("Förslaget väntar på moderering.")
    assert page.select_one(".help-warning a")["href"] == url("moderate", proposal.pk)
    assert not page.select("form select[name=status]")
    assert forced.status_code == 200
    assert "Publicera eller dölj det innan du besvarar det." in forced.content.decode()
    assert proposal.updates.count() == 1


def test_who_may_answer_but_not_moderate_is_told_to_ask_a_colleague(client, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    user = staff(username="svarare")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_proposal", "answer_proposal"])
    )
    login(client, user=user)

    page = soup_of(client, url("answer", proposal.pk))

    assert "be en kollega som har det" in text_of(page.select_one(".help-warning"))
    assert page.select_one(".help-warning a") is None


def test_the_list_button_says_that_moderation_comes_first(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)

    page = soup_of(client, url("index"))

    button = page.select_one(f'a[href^="{url("answer", proposal.pk)}"]')
    assert button["title"].startswith("Förslaget väntar på moderering")


def test_the_services_refuse_for_every_path(tree):
    pending = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    public = make.proposal(tree["påryd"])

    with pytest.raises(ValidationError) as not_moderated:
        services.add_update(pending, status=Status.REVIEWING)
    with pytest.raises(ValidationError) as no_date:
        services.add_update(public, status=Status.PLANNED, responsible=make.department())

    assert "väntar på moderering" in str(not_moderated.value)
    assert "planned_date" in no_date.value.message_dict
    services.add_update(
        public, status=Status.PLANNED, responsible=make.department(), planned_date=date(2027, 5, 1)
    )
    public.refresh_from_db()
    assert public.status == Status.PLANNED


def test_an_editor_without_answer_rights_gets_403(client, tree):
    login(client, EDITORS)
    proposal = make.proposal(tree["läckeby"])

    assert client.get(url("answer", proposal.pk)).status_code == 403
