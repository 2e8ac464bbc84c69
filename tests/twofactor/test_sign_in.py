"""Signing in with a second factor: the code after the password, recovery codes that work
once, throttled wrong codes, and no admin page between the password and the code."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.admin import url, villages
from tests.support.html import text
from tests.support.two_factor import app_code, set_up, sign_in

VERIFY = reverse("two_factor_verify")
HOME = reverse("wagtailadmin_home")
WRONG = "Koden stämmer inte"


@pytest.fixture
def app(officer):
    return set_up(officer)


def verified(client):
    return "otp_device_id" in client.session


def test_after_the_password_the_admin_asks_for_the_code(client, officer, app):
    device, _codes = app
    assert sign_in(client, officer)["Location"] == HOME

    response = client.get(HOME)
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Skriv koden från appen" in text(page)

    response = client.post(VERIFY, {"code": app_code(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert verified(client)
    assert client.get(HOME).status_code == 200


def test_a_wrong_code_is_refused_in_swedish(client, officer, app):
    sign_in(client, officer)

    response = client.post(VERIFY, {"code": "000000"})

    assert response.status_code == 400
    assert WRONG in text(response)
    assert not verified(client)
    assert client.get(HOME).status_code == 302
    assert client.post(VERIFY, {"code": ""}).status_code == 400
    assert "Skriv koden." in text(client.post(VERIFY, {"code": "  "}))


def test_a_recovery_code_works_once(client, officer, app):
    _device, codes = app
    sign_in(client, officer)

    response = client.post(VERIFY, {"code": f" {codes[0].upper()} "})
    assert response["Location"] == HOME
    assert StaticToken.objects.filter(device__user=officer).count() == 9

    client.logout()
    sign_in(client, officer)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code in (400, 429)
    assert not verified(client)


def test_repeated_wrong_codes_are_throttled_even_for_the_right_one(client, officer, app):
    device, _codes = app
    sign_in(client, officer)
    client.post(VERIFY, {"code": "000000"})
    client.post(VERIFY, {"code": "000000"})

    response = client.post(VERIFY, {"code": app_code(device)})

    assert response.status_code == 429
    assert "Du har skrivit fel kod flera gånger. Vänta" in text(response)
    assert not verified(client)
    client.logout()  # signing in again does not reset the wait
    sign_in(client, officer)
    assert client.post(VERIFY, {"code": app_code(device)}).status_code == 429


def test_wrong_codes_count_as_failed_sign_ins_and_lock_the_account(client, officer, app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only the sign-in lock, not the wait between codes
    settings.AXES_FAILURE_LIMIT = settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    device, _codes = app
    sign_in(client, officer)
    for _ in range(2):
        assert client.post(VERIFY, {"code": "000000"}).status_code == 400

    response = client.post(VERIFY, {"code": "000000"})

    assert response.status_code == 429
    assert "Inloggningen är spärrad en stund" in text(response)
    assert "_auth_user_id" not in client.session  # signed out
    assert sign_in(client, officer).status_code == 429  # the right password is refused too
    assert "_auth_user_id" not in client.session


@pytest.fixture
def proposal(home):
    return make.proposal(
        villages()["läckeby"], visibility=Visibility.PENDING, name="Markör Personnamn"
    )


def test_no_admin_page_between_the_password_and_the_code(client, officer, app, proposal):
    sign_in(client, officer)
    addresses = [
        HOME,
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:index"),
        url("index"),
        f"{url('index')}?export=xlsx",
        url("inspect", proposal.pk),
        url("answer", proposal.pk),
        url("letter", proposal.pk),
        url("letters"),
        reverse("two_factor"),
        reverse("two_factor_codes"),
        "/admin/finns-inte/",
    ]
    for address in addresses:
        for response in (client.get(address), client.post(address, {})):
            assert response.status_code == 302, address
            assert response["Location"].startswith(f"{VERIFY}?next="), address
            assert "Markör Personnamn" not in response.content.decode()


def test_a_password_alone_cannot_add_a_new_phone(client, officer, app):
    sign_in(client, officer)

    response = client.get(reverse("two_factor_setup"))

    assert response["Location"].startswith(VERIFY)
    response = client.post(reverse("two_factor_remove"))
    assert response["Location"].startswith(VERIFY)
    assert officer.totpdevice_set.filter(confirmed=True).count() == 1


def test_the_next_address_stays_on_this_site(client, officer, app):
    device, _codes = app
    sign_in(client, officer)

    response = client.post(VERIFY, {"code": app_code(device), "next": "https://evil.example/"})

    assert response["Location"] == HOME


def test_signing_out_from_the_code_page(client, officer, app):
    sign_in(client, officer)

    client.post(reverse("wagtailadmin_logout"))

    assert "_auth_user_id" not in client.session


def test_a_password_reset_does_not_skip_the_code(client, officer, app):
    client.post("/admin/password_reset/", {"email": officer.email})
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body)
    form = client.get(link[1], follow=True)
    new_password = "ett-helt-nytt-lösenord-2026"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert client.get(HOME)["Location"].startswith(reverse("wagtailadmin_login"))

    sign_in(client, get_user_model().objects.get(pk=officer.pk), password=new_password)

    assert client.get(HOME)["Location"].startswith(VERIFY)
