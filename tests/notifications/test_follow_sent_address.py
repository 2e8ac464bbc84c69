""" "Kolla din e-post" shows where the confirmation went, masked and only right after sending.

The address is never in the URL: the form's 303 sets the short signed cookie `skickat_till`
(portal.web.sent_to) for that one page, which reads it, deletes it and is never cached.
"""

from django.test import Client

from portal.web.sent_to import COOKIE, MAX_AGE
from tests.support.following import send_follow_form
from tests.support.html import soup, text_of

MASKED = "a***@example.org"


def lead(response):
    return text_of(soup(response).find(class_="lead"))


def test_the_redirect_carries_the_masked_address_in_a_cookie_not_the_url(client, place):
    response = send_follow_form(client, place)

    assert response.status_code == 303
    assert "example.org" not in response["Location"]
    cookie = response.cookies[COOKIE]
    assert cookie["path"] == response["Location"]
    assert cookie["max-age"] == MAX_AGE
    assert cookie["httponly"] is True
    assert "anna@example.org" not in cookie.value


def test_the_page_names_the_address_once_and_is_never_cached(client, place):
    sent_url = send_follow_form(client, place)["Location"]

    first = client.get(sent_url)

    assert lead(first).startswith(f"Vi har skickat ett e-postmeddelande till {MASKED}.")
    assert "anna@example.org" not in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    assert first.cookies[COOKIE]["max-age"] == 0
    again = client.get(sent_url)
    assert MASKED not in text_of(soup(again).main)
    assert lead(again).startswith("Vi har skickat ett e-postmeddelande till adressen du skrev.")


def test_anyone_else_opening_the_page_sees_no_address_and_gets_no_cookie(client, place):
    sent_url = send_follow_form(client, place)["Location"]

    page = Client().get(sent_url)

    assert page.status_code == 200
    assert "***" not in text_of(soup(page).main)
    assert not page.cookies
    assert "no-store" in page["Cache-Control"]


def test_a_forged_cookie_is_not_shown(client, place):
    sent_url = send_follow_form(client, place)["Location"]
    client.cookies[COOKIE] = "<b>elak</b>@example.org"

    page = client.get(sent_url)

    assert "elak" not in page.content.decode()
    assert lead(page).startswith("Vi har skickat ett e-postmeddelande till adressen du skrev.")


def test_a_refused_form_sets_no_cookie(client, place):
    response = send_follow_form(client, place, email="inte-en-adress")

    assert response.status_code == 422
    assert COOKIE not in response.cookies
