"""Staff see the anmälningar under Rapporter → Anmälningar: counts per need for everyone who
sees proposals, the people only for those who may see personal data."""

from django.urls import reverse

from rounds.models import DialogueEvent
from tests.support.admin import CASE_OFFICERS, EDITORS, login
from tests.support.html import soup, text_of
from tests.support.registrations import registration


def index():
    return reverse("registrations_admin:index")


def event_page(event):
    return reverse("registrations_admin:event", args=[event.pk])


def some_registrations(meeting):
    registration(meeting, needs_childcare=True, children=2)
    registration(meeting, needs_childcare=True, children=3, name="Bo Ek", email="bo@example.org")
    registration(meeting, needs_childcare=True, children=1, needs_hearing_loop=True)
    registration(meeting, needs_interpreter=True, interpreter_language="arabiska")


def test_the_list_counts_each_need_per_event(client, meeting):
    some_registrations(meeting)
    login(client, CASE_OFFICERS)

    page = client.get(index()).content.decode()

    assert "3 behöver barnpassning (6 barn), 1 behöver hörslinga, 1 behöver tolk" in page
    assert event_page(meeting) in page


def test_case_officers_see_who_registered_and_how_to_reach_them(client, meeting):
    some_registrations(meeting)
    login(client, CASE_OFFICERS)

    page = client.get(event_page(meeting)).content.decode()

    assert "4 anmälda" in page
    assert "Bo Ek" in page and "bo@example.org" in page and "070-123 45 67" in page
    assert "Tolk till arabiska" in page


def test_editors_see_the_counts_but_never_the_people(client, meeting):
    some_registrations(meeting)
    login(client, EDITORS)

    listing = client.get(index())

    assert listing.status_code == 200
    assert "3 behöver barnpassning" in listing.content.decode()
    assert "Bo Ek" not in listing.content.decode()
    assert event_page(meeting) not in listing.content.decode()
    assert client.get(event_page(meeting)).status_code == 403


def test_staff_without_proposals_get_403_and_no_menu_item(client, meeting):
    login(client)

    assert client.get(index()).status_code == 403
    assert index() not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_event_that_takes_no_anmalan_is_not_listed(client, site_tree, meeting):
    login(client, CASE_OFFICERS)
    walk = DialogueEvent.objects.get(dialogue=site_tree["dialogue"], kind="walk")

    page = client.get(index()).content.decode()

    assert event_page(meeting) in page
    assert event_page(walk) not in page
    assert client.get(reverse("registrations_admin:event", args=[999999])).status_code == 404


def test_the_pages_are_headed_anmalningar_and_lead_back_to_the_list(client, meeting):
    login(client, CASE_OFFICERS)

    listing = soup(client.get(index()))
    one_event = soup(client.get(event_page(meeting)))

    assert text_of(listing.find("h1")) == "Anmälningar"
    assert text_of(one_event.find("h1")).startswith("Anmälningar: ")
    crumbs = one_event.select("[data-controller='w-breadcrumbs'] a")
    assert index() in [crumb["href"] for crumb in crumbs]
