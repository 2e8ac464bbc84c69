"""Signed tokens in email links: confirming a follow, and stopping emails in one click.

They carry only an id; the signature (SECRET_KEY) makes them unguessable and tamper-proof.
"""

from django.core import signing

CONFIRM_SALT = "notifications.confirm"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # A confirmation link works for a week.


def confirm_token(follower):
    return signing.dumps({"f": follower.pk}, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token):
    """The follower id, or raise signing.BadSignature (SignatureExpired when too old)."""
    return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)["f"]


def unsubscribe_token(*, proposal=None, follower=None):
    """For a proposal's status emails (`p`) or for following a village (`f`). Never expires."""
    if (proposal is None) == (follower is None):
        raise ValueError("Give exactly one of proposal or follower.")
    payload = {"p": proposal.pk} if proposal is not None else {"f": follower.pk}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """{"p": id} or {"f": id}; raise signing.BadSignature when forged."""
    payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(payload, dict) or not ({"p", "f"} & payload.keys()):
        raise signing.BadSignature("Unexpected payload")
    return payload


CHECK_SALT = "notifications.check"


def check_token(check):
    """The link in a "Stämmer det?" email: it names the question's row, nothing else."""
    return signing.dumps({"c": check.pk}, salt=CHECK_SALT, compress=True)


def read_check_token(token, max_age):
    """The question's row id; raise signing.BadSignature (SignatureExpired when too old)."""
    payload = signing.loads(token, salt=CHECK_SALT, max_age=max_age)
    if not isinstance(payload, dict) or not isinstance(payload.get("c"), int):
        raise signing.BadSignature("Unexpected payload")
    return payload["c"]
