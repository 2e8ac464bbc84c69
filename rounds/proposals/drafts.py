"""A proposal between the form and sending: what the review page carries, and its photo.

The review page carries the fields in one hidden value signed with django.core.signing, so what
is sent is exactly what the resident reviewed. It also carries a random draft id: the proposal
stores only a hash of it (unique in the database) and its private follow-up token is a keyed
hash of it, so sending one review twice, to any app process, gives one proposal and the same
receipt. A review that was altered, cut short or is too old is not sent; what can be read of it
goes back into the form to check and review again (rounds.draft_recovery).

A photo is stored once, re-encoded, in the private storage under a random name; forms carry it
as a signed reference that cannot be pointed at any other file. Drafts nobody sends are deleted
by `manage.py clear_photo_drafts`.
"""

import base64
import hashlib
import secrets
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.crypto import salted_hmac

from ..models import Proposal
from .photos import preview
from .storage import private_storage

PHOTO_DIR = "proposals/utkast/"
_REVIEW_SALT = "rounds.drafts.review"
_PHOTO_SALT = "rounds.drafts.photo"
_TOKEN_SALT = "rounds.drafts.follow-token"  # noqa: S105 - a salt, not a secret
# How long a review can be sent: a day covers leaving the page open overnight or over a
# meeting, and is as long as an unsent draft photo is kept (clear_photo_drafts). Older, the
# resident checks the form again, which also catches a theme removed meanwhile.
REVIEW_MAX_AGE = 24 * 60 * 60
PHOTO_MAX_AGE = timedelta(seconds=REVIEW_MAX_AGE)


def new_draft_id():
    return secrets.token_urlsafe(16)


def sign_review(data):
    """The review step's data as one tamper-proof string."""
    return signing.dumps(data, salt=_REVIEW_SALT, compress=True)


def load_review(value):
    """The data signed by `sign_review` within REVIEW_MAX_AGE; None when missing, altered, or
    too old."""
    try:
        data = signing.loads(value or "", salt=_REVIEW_SALT, max_age=REVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("draft"), str) else None


def is_expired_review(value):
    """True when the review was made here but is older than REVIEW_MAX_AGE."""
    try:
        signing.loads(value or "", salt=_REVIEW_SALT)
    except signing.BadSignature:
        return False
    return load_review(value) is None


def draft_key(draft_id):
    """What the proposal stores of its draft: a hash, from which the token cannot be made."""
    return hashlib.sha256(f"draft:{draft_id}".encode()).hexdigest()


def follow_token(draft_id):
    """The private follow-up token of the proposal a draft becomes: the same for every send,
    unguessable without SECRET_KEY and the draft id, and never stored (only its hash)."""
    digest = salted_hmac(_TOKEN_SALT, draft_id, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest[:24]).decode("ascii")


def sent_before(draft_id):
    """Whether this draft has already become a proposal."""
    return Proposal.objects.filter(draft_key=draft_key(draft_id)).exists()


def store_photo(content):
    """Keep re-encoded photo bytes until the proposal is sent; returns a signed reference."""
    name = private_storage().save(f"{PHOTO_DIR}{secrets.token_hex(16)}.jpg", ContentFile(content))
    return signing.Signer(salt=_PHOTO_SALT).sign(name)


def photo_name(reference):
    """The stored draft photo a reference points to; None when forged or no longer there."""
    try:
        name = signing.Signer(salt=_PHOTO_SALT).unsign(reference or "")
    except signing.BadSignature:
        return None
    if not name.startswith(PHOTO_DIR) or not private_storage().exists(name):
        return None
    return name


def photo_data_url(name):
    """A small copy of a draft photo as a data: URL, since private files have no public URL."""
    with private_storage().open(name) as file:
        small = preview(file.read())
    return "data:image/jpeg;base64," + base64.b64encode(small).decode("ascii")


def attach_photo(proposal, name):
    """Give the unsaved proposal a copy of the draft photo under a new random name."""
    with private_storage().open(name) as file:
        content = ContentFile(file.read())
    proposal.photo.save(f"{secrets.token_hex(16)}.jpg", content, save=False)


def discard_photo(name):
    if name:
        private_storage().delete(name)


def delete_stale_photos(older_than=PHOTO_MAX_AGE):
    """Delete draft photos older than `older_than`; returns how many."""
    storage = private_storage()
    try:
        _, files = storage.listdir(PHOTO_DIR)
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - older_than
    stale = [
        PHOTO_DIR + file for file in files if storage.get_modified_time(PHOTO_DIR + file) < cutoff
    ]
    for name in stale:
        storage.delete(name)
    return len(stale)
