"""The site's own address, read one way for every link and identifier that leaves a page.

In a request the site is where the request came (an installation may serve several sites);
outside one (an email, a scheduled job) it is the configured base URL, WAGTAILADMIN_BASE_URL.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_host():
    """The host name of the base URL, e.g. "ortsdialog.example.se".

    Part of identifiers that must stay the same whoever asks: tag URIs in feeds, calendar UIDs.
    """
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def absolute_url(path, request=None):
    """A full address for `path`: on the request's host, or without a request on the base URL."""
    if path.startswith(("http://", "https://")):
        return path
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
