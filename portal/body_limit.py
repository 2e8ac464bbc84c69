"""Refusing a public request body far larger than any form takes, before anything reads it.

The largest thing a resident sends is the proposal form with one photo
(PROPOSALS_PHOTO_MAX_BYTES). A body announced as much larger (say 200 MB) would otherwise be
read to its end, by Django's CSRF check before any view runs, only to be told the photo is too
large. This middleware answers 413 from the announced Content-Length alone. It must return
before the view phase: middleware `process_view` hooks (the CSRF check) run only after every
middleware's `__call__` has passed the request on, so its place in MIDDLEWARE does not matter.

The admin is left alone: editors upload images and documents larger than a resident's photo.
The reverse proxy should limit bodies too (docs/operations.md).
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse

from portal.web.headers import keep_private
from portal.web.sizes import file_size

# Room for the text fields and the multipart framing beside the largest photo allowed.
BODY_MARGIN = 512 * 1024


def announced_length(request):
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class PublicBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.too_large(request):
            return self.refuse(request)
        return self.get_response(request)

    def too_large(self, request):
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            return False
        return announced_length(request) > settings.PROPOSALS_PHOTO_MAX_BYTES + BODY_MARGIN

    def refuse(self, request):
        """413 in Swedish: how large a photo may be, and that Back keeps what was typed."""
        context = {"photo_max_size": file_size(settings.PROPOSALS_PHOTO_MAX_BYTES)}
        response = TemplateResponse(request, "413.html", context, status=413)
        return keep_private(response.render(), "same-origin")
