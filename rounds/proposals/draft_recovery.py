"""What can still be read of a review step's data that cannot be sent as it is.

A review that was altered, cut short by a proxy or a browser, or is too old, is never sent:
sending needs the signature (rounds.drafts). But the resident typed it, so what is readable
goes back into the form, to be checked and reviewed again. The value is django.core.signing's
`base64(json):timestamp:signature`, the JSON zlib-compressed when a "." leads; a cut stream is
inflated as far as it goes, and the fields that are whole are taken. Nothing read here is
trusted: it is only the form's initial data, and a photo reference is kept only when its own
signature holds.
"""

import base64
import binascii
import json
import zlib

from . import drafts
from .forms import ProposalForm

_decoder = json.JSONDecoder()
_CHUNK = 64
_MAX_TEXT = 100_000  # far more than the form's fields; a forged stream cannot inflate beyond
# The form's own fields and the plain types sign_review writes for them.
_FIELD_TYPES = (str, bool, int, type(None))


def readable_review(value):
    """{"fields": {...}, "photo": reference or "", "started": stamp or None} from what can be
    read of `value`; empty fields when nothing can."""
    data = _partial_object(_payload_text(value or ""))
    fields = data.get("fields") if isinstance(data.get("fields"), dict) else {}
    known = set(ProposalForm._meta.fields)
    photo = data.get("photo") if isinstance(data.get("photo"), str) else ""
    started = data.get("started") if isinstance(data.get("started"), str) else None
    return {
        "fields": {
            name: field
            for name, field in fields.items()
            if name in known and isinstance(field, _FIELD_TYPES)
        },
        "photo": photo if drafts.photo_name(photo) else "",
        "started": started,
    }


def _payload_text(value):
    """The JSON text at the start of a signed value, as far as it can be decoded."""
    body = value.split(":", 1)[0].strip()
    compressed = body.startswith(".")
    body = body.lstrip(".")
    body = body[: len(body) - len(body) % 4] if len(body) % 4 == 1 else body
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        return ""
    if compressed:
        raw = _inflate(raw)
    return raw.decode("latin-1")  # django.core.signing's JSON is ASCII, written as latin-1


def _inflate(raw):
    """As much of a zlib stream as inflates, chunk by chunk, up to a cut or a damaged byte."""
    stream = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(raw), _CHUNK):
        try:
            out += stream.decompress(raw[start : start + _CHUNK], _MAX_TEXT - len(out))
        except zlib.error:
            break
        if len(out) >= _MAX_TEXT:
            break
    return bytes(out)


def _partial_object(text, index=None):
    """The key-value pairs of the JSON object at `index` that are whole, in order."""
    if index is None:
        index = _skip(text, 0)
    if not text.startswith("{", index):
        return {}
    pairs = {}
    index += 1
    while True:
        index = _skip(text, index, ",")
        try:
            key, index = _decoder.raw_decode(text, index)
            index = _skip(text, index)
            if not isinstance(key, str) or not text.startswith(":", index):
                return pairs
            index = _skip(text, index + 1)
            if text.startswith("{", index):
                try:
                    value, index = _decoder.raw_decode(text, index)
                except ValueError:  # cut inside: keep what is whole of it, and stop
                    pairs[key] = _partial_object(text, index)
                    return pairs
            else:
                value, index = _decoder.raw_decode(text, index)
        except ValueError:
            return pairs
        pairs[key] = value


def _skip(text, index, also=""):
    while index < len(text) and (text[index].isspace() or text[index] in also):
        index += 1
    return index
