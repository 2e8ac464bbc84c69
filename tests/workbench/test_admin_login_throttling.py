"""Guessing staff passwords at /admin/login/ is stopped, per account and per client.

An account is locked after a few wrong passwords from anywhere; a client after more wrong
passwords for any accounts (a town hall shares one address, so its limit is higher). The lock
holds even for the right password until the cool-off has passed, answers 429 with a Swedish
page, and is recorded (django-axes' tables and a warning in the `portal.login` log).
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.support.html import soup, text_of

LOGIN = "/admin/login/"
PASSWORD = "rätt-lösenord-2026"  # noqa: S105 - a test user's password
LOCKED = "Inloggningen är spärrad en stund"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = settings.LOGIN_FAILURES_PER_ACCOUNT = 5
    settings.LOGIN_FAILURES_PER_CLIENT = 12


def editor(username="redaktor"):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def log_in(client, username, password=PASSWORD, address="198.51.100.7", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, **kwargs):
    for _ in range(times):
        log_in(client, username, "fel-lösenord", **kwargs)


def test_100_wrong_passwords_then_the_right_one_is_refused_in_swedish(client, db, caplog):
    editor()
    fail(client, "redaktor", 100)

    response = log_in(client, "redaktor")

    assert response.status_code == 429
    assert not logged_in(client)
    page = soup(response)
    assert page.html["lang"] == "sv"
    assert LOCKED in text_of(page.find("h1"))
    assert "15 minuter" in text_of(page.find("main"))
    assert "locked" in caplog.text and "redaktor" in caplog.text


def test_the_failures_are_recorded_for_the_audit(client, db):
    from axes.models import AccessAttempt, AccessFailureLog

    editor()
    fail(client, "redaktor", 3)

    attempt = AccessAttempt.objects.get(username="redaktor")
    assert (attempt.failures_since_start, attempt.ip_address) == (3, "198.51.100.7")
    assert AccessFailureLog.objects.filter(username="redaktor").count() == 3


def test_an_account_is_locked_from_every_client(client, db):
    editor()
    for number in range(5):
        log_in(client, "redaktor", "fel-lösenord", address=f"203.0.113.{number}")

    assert log_in(client, "redaktor", address="192.0.2.99").status_code == 429
    assert not logged_in(client)


def test_a_client_guessing_many_accounts_is_locked_for_other_accounts_too(client, db):
    editor("anna")
    for number in range(12):  # fewer than the account limit for each name
        fail(client, f"gissning-{number // 4}", 1)

    response = log_in(client, "anna")

    assert response.status_code == 429
    assert not logged_in(client)
    # Anna herself is not locked: from another client she gets in.
    assert log_in(client, "anna", address="192.0.2.50").status_code == 302
    assert logged_in(client)


def test_a_few_mistakes_are_forgiven_and_success_starts_the_count_again(client, db):
    from axes.models import AccessAttempt

    editor()
    fail(client, "redaktor", 4)
    assert log_in(client, "redaktor").status_code == 302
    assert not AccessAttempt.objects.filter(username="redaktor").exists()
    client.logout()

    fail(client, "redaktor", 4)
    assert log_in(client, "redaktor").status_code == 302
    assert logged_in(client)


def test_after_the_cool_off_the_right_password_works_again(client, db, settings):
    from axes.models import AccessAttempt

    editor()
    fail(client, "redaktor", 5)
    assert log_in(client, "redaktor").status_code == 429

    past = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=past)

    assert log_in(client, "redaktor").status_code == 302
    assert logged_in(client)


def test_behind_the_proxy_the_client_is_the_address_the_proxy_names(client, db, settings):
    from axes.models import AccessAttempt

    settings.PROPOSALS_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    fail(client, "okand", 1, HTTP_X_REAL_IP="203.0.113.9")
    fail(client, "okand", 1, HTTP_X_REAL_IP="not-an-address")

    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert addresses == {"203.0.113.9", "198.51.100.7"}  # garbage falls back to REMOTE_ADDR
