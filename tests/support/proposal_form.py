"""Helpers for the proposal form's tests: an open dialogue, the form's steps, images."""

from datetime import timedelta
from io import BytesIO

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from rounds import abuse
from tests import factories


def open_dialogue(site_tree, **fields):
    """A dialogue of the site tree's village that takes proposals today."""
    fields.setdefault("proposals_open", timezone.localdate() - timedelta(days=5))
    return factories.dialogue(
        site_tree["place"], site_tree["round"], slug=fields.pop("slug", "oppen"), **fields
    )


def form_url(dialogue):
    return dialogue.url + dialogue.reverse_subpage("proposal_form")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return " ".join(soup(response).get_text(" ", strip=True).split())


def stamp_of(client, dialogue):
    """Open the form as a resident would and return its signed start time."""
    response = client.get(form_url(dialogue))
    assert response.status_code == 200
    return soup(response).find("input", {"name": abuse.STARTED_FIELD})["value"]


def valid_data(**overrides):
    data = {
        "title": "Belysning vid busshållplatsen",
        "body": "Det är mörkt vid hållplatsen på Byvägen på vintermorgnarna.",
        "location": "Byvägen, vid affären",
        "name": "Anna Andersson",
        "email": "anna@example.org",
        "phone": "070-123 45 67",
        "display_name": "Anna",
        "show_name": "on",
        "notify_status": "on",
        "age_group": "30_49",
        "action": "review",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_review(client, dialogue, data=None, *, stamp=None, **extra):
    """POST the form ("Granska") with a real start time unless one is given."""
    data = dict(valid_data() if data is None else data)
    data.setdefault(abuse.STARTED_FIELD, stamp or stamp_of(client, dialogue))
    return client.post(form_url(dialogue), data, **extra)


def review_value(response):
    """The signed data the review step carries."""
    return soup(response).find("input", {"name": "review"})["value"]


def press(client, dialogue, review, action, **extra):
    """Press "Ändra" (edit) or "Skicka förslaget" (send) on the review step."""
    return client.post(form_url(dialogue), {"review": review, "action": action}, **extra)


def submit_proposal(client, dialogue, data=None, **extra):
    """The whole journey; returns the response to "send" (a redirect to the receipt)."""
    review = post_review(client, dialogue, data, **extra)
    assert review.status_code == 200, text(review)
    return press(client, dialogue, review_value(review), "send", **extra)


def image_bytes(fmt="JPEG", size=(64, 48), color="green", mode="RGB", **save_options):
    buffer = BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **save_options)
    return buffer.getvalue()


def upload(content, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)
