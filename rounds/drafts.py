"""A proposal between the form and sending: what the review page carries, and its photo.

The review page carries the fields in one hidden value signed with django.core.signing, so what
is sent is exactly what the resident reviewed. A photo is stored once, re-encoded, in the private
storage under a random name; forms carry it as a signed reference that cannot be pointed at any
other file. Drafts nobody sends are deleted by `manage.py clear_photo_drafts`.
"""

import base64
import secrets
from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from .photos import preview
from .storage import private_storage

PHOTO_DIR = "proposals/utkast/"
_REVIEW_SALT = "rounds.drafts.review"
_PHOTO_SALT = "rounds.drafts.photo"
# How long a sent draft is remembered, so pressing "send" twice gives one proposal.
SENT_MEMORY_SECONDS = 60 * 60


def new_draft_id():
    return secrets.token_urlsafe(16)


def sign_review(data):
    """The review step's data as one tamper-proof string."""
    return signing.dumps(data, salt=_REVIEW_SALT, compress=True)


def load_review(value):
    """The data signed by `sign_review`; None when missing or altered."""
    try:
        data = signing.loads(value or "", salt=_REVIEW_SALT)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) else None


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


def remember_sent(draft_id, token):
    cache.set(f"proposals:draft:{draft_id}", token, SENT_MEMORY_SECONDS)


def sent_token(draft_id):
    """The follow-up token of the proposal this draft became, if it was sent a moment ago."""
    return cache.get(f"proposals:draft:{draft_id}") if draft_id else None


def delete_stale_photos(older_than=timedelta(days=1)):
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
