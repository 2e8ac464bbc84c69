"""Rotating SECRET_KEY: links in emails already sent keep working while the old key is a
fallback (SECRET_KEY_FALLBACKS in production), and stop when it is dropped."""

from django.test import override_settings

from notifications.tokens import unsubscribe_token
from tests.support.production import manage, secret_key

OLD_KEY = secret_key()
NEW_KEY = secret_key()
READ = (
    "from django.core import signing; from notifications.tokens import read_unsubscribe_token\n"
    "try:\n    print(read_unsubscribe_token({token!r}))\n"
    "except signing.BadSignature:\n    print('ogiltig')"
)


class Follower:
    pk = 42


def read_in_production(token, **env):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        READ.format(token=token),
        SECRET_KEY=NEW_KEY,
        ALLOWED_HOSTS="ortsdialog.example.se",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_an_unsubscribe_link_signed_with_the_old_key_works_while_it_is_a_fallback():
    with override_settings(SECRET_KEY=OLD_KEY):
        token = unsubscribe_token(follower=Follower())
    assert read_in_production(token, SECRET_KEY_FALLBACKS=f"{secret_key()}, {OLD_KEY}") == (
        "{'f': 42}"
    )


def test_without_the_fallback_the_old_link_no_longer_reads():
    with override_settings(SECRET_KEY=OLD_KEY):
        token = unsubscribe_token(follower=Follower())
    assert read_in_production(token) == "ogiltig"


def test_an_anmalan_receipt_made_just_before_a_rotation_still_shows():
    """The receipt (rounds/registrations/views.py) signs with salted_hmac, not signing: it must
    try the fallbacks itself."""
    from rounds.registrations.views import receipt_token, registration_of

    with override_settings(SECRET_KEY=OLD_KEY):
        token = receipt_token(42)
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[OLD_KEY]):
        assert registration_of(token) == 42
    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]):
        assert registration_of(token) is None
