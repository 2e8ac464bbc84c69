"""Following a village: the form, double opt-in, the confirmation link, and forgetting."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from notifications import following, tokens
from notifications.models import Follower
from tests.support import pages as factories
from tests.support.following import confirm_link, follow_url, send_follow_form
from tests.support.html import error_summary, soup, text_of
from tests.support.mail import emails_to, everything_in, html_of, links_in, path_of

ANNA = "anna@example.org"


# The form on the village and dialogue pages


@pytest.mark.parametrize("key", ["place", "dialogue"])
def test_the_follow_form_is_on_the_village_and_dialogue_pages(client, site_tree, key):
    response = client.get(site_tree[key].url)

    box = soup(response).find(class_="follow-box")
    form = box.find("form")
    assert form["method"] == "post"
    assert form["action"] == follow_url(site_tree["place"])
    email = form.find("input", {"name": "email"})
    assert email["type"] == "email"
    assert email["autocomplete"] == "email"
    assert email["maxlength"] == "254"
    assert text_of(form.find("label", attrs={"for": email["id"]})).startswith("Din e-postadress")
    choice = form.find("fieldset")
    assert "nytt besked" in text_of(choice.legend)
    radios = choice.find_all("input", {"type": "radio"})
    assert [radio["value"] for radio in radios] == ["each", "weekly", "none"]
    assert [radio.get("checked") for radio in radios] == ["", None, None]
    for radio in radios:
        assert form.find("label", attrs={"for": radio["id"]})
    assert form.find("input", {"name": "website"})  # the honeypot
    privacy = text_of(form.find(class_="follow-form__privacy"))
    assert "bara din e-postadress" in privacy
    assert "sluta när du vill" in privacy
    assert text_of(form.find("button")) == "Följ Läckeby"


def test_the_privacy_page_is_linked_when_there_is_one(client, site_tree):
    factories.municipality_settings(privacy_page=site_tree["standard"])

    form = soup(client.get(site_tree["place"].url)).find(class_="follow-form")

    link = form.find(class_="follow-form__privacy").a
    assert link["href"] == site_tree["standard"].url


def test_reading_the_village_page_sets_no_cookie(client, place):
    response = client.get(place.url)

    assert response.status_code == 200
    assert not response.cookies  # the form carries no CSRF token, so no CSRF cookie


# Sending the form


def test_following_sends_only_a_confirmation_email_and_shows_what_to_do(client, place):
    response = send_follow_form(client, place)

    assert response.status_code == 303
    assert response["Location"] == f"/bevaka/{place.pk}/skickat/"
    follower = Follower.objects.get()
    assert (follower.place_id, follower.email, follower.confirmed_at) == (place.pk, ANNA, None)
    [message] = mail.outbox
    assert message.to == [ANNA]
    assert message.subject == "Bekräfta att du vill följa Läckeby"
    assert "/bevaka/bekrafta/" in confirm_link(message)
    assert "7 dagar" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/e-post/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page = client.get(response["Location"])
    assert page.status_code == 200
    words = text_of(soup(page).main)
    assert "Kolla din e-post" in soup(page).h1.get_text()
    assert "Tryck på länken i meddelandet" in words
    assert ANNA not in page.content.decode()


def test_the_email_in_a_different_case_is_the_same_follower(client, place):
    send_follow_form(client, place, email=ANNA)
    send_follow_form(client, place, email=" Anna@EXAMPLE.org ", updates="weekly")

    assert Follower.objects.count() == 1
    assert Follower.objects.get().email == ANNA


def test_an_invalid_address_gets_the_form_again_with_an_error_summary(client, place):
    response = send_follow_form(client, place, email="anna.example.org", updates="weekly")

    assert response.status_code == 422
    page = soup(response)
    assert page.title.get_text().startswith("Fel:")
    assert page.h1.get_text() == "Följ Läckeby"
    summary = page.find(attrs={"data-error-summary": True})
    link = summary.find("a")
    assert text_of(link) == "Skriv e-postadressen som namn@exempel.se."
    assert link["href"] == "#id_follow_email"
    assert page.find(id="id_follow_email")["value"] == "anna.example.org"
    assert page.find(id="id_follow_updates_1").has_attr("checked")
    assert page.find("script", src="/static/js/error-summary.js")
    assert "no-store" in response["Cache-Control"]
    assert not Follower.objects.exists()
    assert not mail.outbox


def test_an_empty_address_and_a_made_up_choice_are_refused(client, place):
    response = send_follow_form(client, place, email="", updates="daily")

    assert response.status_code == 422
    assert "Skriv din e-postadress." in error_summary(response)
    assert "Välj ett av alternativen" in error_summary(response)
    links = [
        a["href"] for a in soup(response).find(attrs={"data-error-summary": True}).find_all("a")
    ]
    assert links == ["#id_follow_email", "#id_follow_updates_0"]
    assert soup(response).find(id="id_follow_updates_0")


def test_an_address_that_is_too_long_is_refused(client, place):
    address = "a" * 250 + "@example.org"

    response = send_follow_form(client, place, email=address)

    assert response.status_code == 422
    assert "Skriv högst 254 tecken. Nu är det 262." in error_summary(response)
    assert not Follower.objects.exists()


def test_a_filled_honeypot_is_refused_and_keeps_what_was_typed(client, place):
    response = send_follow_form(client, place, more={"website": "http://spam.example"})

    assert response.status_code == 400
    assert "fältet som ska lämnas tomt var ifyllt" in error_summary(response)
    assert soup(response).find(id="id_follow_email")["value"] == ANNA
    assert not Follower.objects.exists()
    assert not mail.outbox


def test_a_request_from_another_site_is_refused(client, place):
    for headers in (
        {"HTTP_ORIGIN": "https://annan.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ):
        response = send_follow_form(client, place, **headers)
        assert response.status_code == 403, headers
        assert "från en annan webbplats" in error_summary(response)
        assert soup(response).find(id="id_follow_email")["value"] == ANNA
    assert not Follower.objects.exists()

    same_site = send_follow_form(client, place, HTTP_ORIGIN="http://testserver")
    assert same_site.status_code == 303


def test_one_client_may_ask_only_so_often(client, place, settings):
    settings.FOLLOW_PER_CLIENT_HOUR = 2
    assert send_follow_form(client, place, email="a@example.org").status_code == 303
    assert send_follow_form(client, place, email="b@example.org").status_code == 303

    response = send_follow_form(client, place, email="c@example.org")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60 * 60
    assert "Vänta" in error_summary(response)
    assert "minut" in error_summary(response)
    assert soup(response).find(id="id_follow_email")["value"] == "c@example.org"
    assert Follower.objects.count() == 2
    # Another client is not affected.
    other = send_follow_form(Client(REMOTE_ADDR="192.0.2.7"), place, email="c@example.org")
    assert other.status_code == 303


def test_an_unknown_or_unpublished_village_is_404(client, place):
    assert send_follow_form(client, place).status_code == 303
    place.unpublish()

    assert send_follow_form(client, place).status_code == 404
    assert client.post("/bevaka/999999/", {"email": ANNA}).status_code == 404


def test_the_form_has_a_page_of_its_own(client, place):
    response = client.get(follow_url(place))

    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Följ Läckeby"
    assert soup(response).find(id="id_follow_email")


# Following again does not tell whether the address already follows


def test_following_again_looks_the_same_and_floods_nobody(client, place):
    first = send_follow_form(client, place)
    again = send_follow_form(client, place)

    assert first["Location"] == again["Location"]
    assert len(mail.outbox) == 1  # the same quarter of an hour: the first email stands
    assert Follower.objects.count() == 1


def test_an_unconfirmed_follower_gets_the_link_again_later(place):
    start = timezone.now()
    following.request_follow(place, ANNA, "each", now=start)
    Follower.objects.update(created_at=start - timedelta(days=6))

    following.request_follow(place, ANNA, "weekly", now=start + timedelta(minutes=20))

    first, second = mail.outbox
    assert "besked=each" in confirm_link(first)
    assert "besked=weekly" in confirm_link(second)
    follower = Follower.objects.get()
    assert follower.updates == "each"  # only the link changes it
    assert follower.created_at >= start  # a new week to confirm in


def test_a_confirmed_follower_changes_the_choice_only_through_the_link(client, place):
    send_follow_form(client, place, updates="each")
    client.post(path_of(confirm_link(mail.outbox[0])), {"updates": "each"})
    mail.outbox.clear()

    same = send_follow_form(client, place, updates="each")
    assert same["Location"] == f"/bevaka/{place.pk}/skickat/"
    assert not mail.outbox  # nothing new to confirm

    changed = send_follow_form(client, place, updates="weekly")
    assert changed["Location"] == same["Location"]
    [message] = mail.outbox
    assert message.subject == "Bekräfta ändringen för Läckeby"
    assert "en sammanfattning i veckan" in message.body
    assert Follower.objects.get().updates == "each"

    link = path_of(confirm_link(message))
    page = soup(client.get(link))
    assert page.h1.get_text() == "Bekräfta ändringen"
    assert page.find("input", {"name": "updates"})["value"] == "weekly"
    done = client.post(link, {"updates": "weekly"})
    assert "Vi har ändrat vad du får" in text_of(soup(done).main)
    assert Follower.objects.get().updates == "weekly"


# Confirming


def test_opening_the_link_only_shows_a_button_and_pressing_it_confirms(client, place):
    send_follow_form(client, place, updates="weekly")
    link = path_of(confirm_link(mail.outbox[0]))

    opened = client.get(link)

    assert opened.status_code == 200
    assert "no-store" in opened["Cache-Control"]
    assert opened["Referrer-Policy"] == "same-origin"
    page = soup(opened)
    assert page.h1.get_text() == "Bekräfta att du vill följa Läckeby"
    assert "en sammanfattning i veckan" in text_of(page.main)
    assert text_of(page.find("form").button) == "Ja, börja skicka"
    assert Follower.objects.get().confirmed_at is None  # link checkers confirm nobody

    data = {field["name"]: field.get("value", "") for field in page.find("form").find_all("input")}
    pressed = client.post(link, data)

    assert pressed.status_code == 200
    page = soup(pressed)
    assert page.h1.get_text() == "Nu följer du Läckeby"
    words = text_of(page.main)
    assert "en påminnelse en vecka före och dagen före" in words
    assert "Sluta följa" in words
    follower = Follower.objects.get()
    assert follower.confirmed_at is not None
    assert follower.updates == "weekly"
    assert len(mail.outbox) == 1  # confirming sends nothing more


def test_confirming_twice_changes_nothing(client, place):
    send_follow_form(client, place)
    link = path_of(confirm_link(mail.outbox[0]))
    client.post(link, {"updates": "each"})
    confirmed_at = Follower.objects.get().confirmed_at

    again = client.post(link, {"updates": "each"})

    assert again.status_code == 200
    assert Follower.objects.get().confirmed_at == confirmed_at


def test_a_made_up_choice_in_the_link_keeps_the_stored_one(client, place):
    send_follow_form(client, place, updates="none")
    link = path_of(confirm_link(mail.outbox[0])).replace("besked=none", "besked=daily")

    client.post(link, {"updates": "daily"})

    assert Follower.objects.get().updates == "none"


def expired_token(follower, monkeypatch):
    """A confirmation token made eight days ago."""
    eight_days_ago = time.time() - 8 * 24 * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: eight_days_ago)
        return tokens.confirm_token(follower)


def test_an_expired_link_gets_a_clear_page_and_a_way_to_start_again(client, place, monkeypatch):
    send_follow_form(client, place)
    follower = Follower.objects.get()
    link = f"/bevaka/bekrafta/{expired_token(follower, monkeypatch)}/"

    for response in (client.get(link), client.post(link, {"updates": "each"})):
        assert response.status_code == 410
        page = soup(response)
        assert page.h1.get_text() == "Länken har slutat fungera"
        assert "fungerar bara i en vecka" in text_of(page.main)
        again = page.main.find("a", string="Följ Läckeby")
        assert again["href"] == follow_url(place)
    assert Follower.objects.get().confirmed_at is None


def test_a_forged_link_is_refused(client, place):
    send_follow_form(client, place)
    link = path_of(confirm_link(mail.outbox[0]))
    token = link.split("/")[3]

    for forged in (
        token[:-2] + "xx",
        "finns-inte",
        tokens.unsubscribe_token(follower=Follower.objects.get()),
    ):
        response = client.post(f"/bevaka/bekrafta/{forged}/", {"updates": "each"})
        assert response.status_code == 400
        assert soup(response).h1.get_text() == "Länken fungerar inte"
        assert "inte komplett eller har ändrats" in text_of(soup(response).main)
    assert Follower.objects.get().confirmed_at is None


def test_a_link_for_an_address_that_is_gone_says_so(client, place):
    send_follow_form(client, place)
    link = path_of(confirm_link(mail.outbox[0]))
    Follower.objects.all().delete()

    response = client.get(link)

    assert response.status_code == 410
    assert "finns inte längre hos oss" in text_of(soup(response).main)


# "Det var inte jag": the confirmation email's own unsubscribe link


def test_the_confirmation_email_can_remove_the_address_in_one_click(place):
    following.request_follow(place, ANNA, "each")
    [message] = mail.outbox
    unsubscribe = path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))
    assert unsubscribe in [path_of(link) for link in links_in(message)]
    assert "Det var inte jag" in html_of(message)

    response = Client(enforce_csrf_checks=True).post(unsubscribe, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Follower.objects.exists()


def test_the_confirmation_email_holds_nobody_elses_address(place):
    following.request_follow(place, "bertil@example.org", "each")
    following.request_follow(place, ANNA, "each")

    [message] = emails_to(ANNA)
    assert "bertil" not in everything_in(message)


# Forgetting who never confirmed


def test_send_reminders_deletes_followers_who_did_not_confirm_within_a_week(place):
    now = timezone.now()
    old = Follower.objects.create(place=place, email="old@example.org")
    young = Follower.objects.create(place=place, email="young@example.org")
    kept = Follower.objects.create(place=place, email="kept@example.org", confirmed_at=now)
    Follower.objects.filter(pk__in=[old.pk, kept.pk]).update(created_at=now - timedelta(days=8))
    Follower.objects.filter(pk=young.pk).update(created_at=now - timedelta(days=6))

    output = StringIO()
    call_command("send_reminders", stdout=output)

    assert "deleted 1 unconfirmed follower(s)" in output.getvalue()
    assert set(Follower.objects.values_list("email", flat=True)) == {
        "young@example.org",
        "kept@example.org",
    }
