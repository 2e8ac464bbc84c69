"""Where an email went, told once on the next page: "Vi har skickat … till a***@example.org".

The address must never be in a URL (logs, history, referrers) or in a page a cache may keep. So
the POST that sends the email sets a short-lived signed cookie, `skickat_till`, holding only the
masked address and only for the one page it redirects to; that page reads it, deletes it and is
never cached. Reloaded later, or opened from another browser, the page simply shows no address.
"""

from django.conf import settings

COOKIE = "skickat_till"
NOT_SENT = "-"  # the cookie's value when the email was held back (no masked address has no "@")
MAX_AGE = 10 * 60  # seconds: from sending to the page it redirects to, with time to spare
_SALT = "portal.web.sent_to"


def mask_email(address):
    """The address as a hint its owner recognises: "anna@example.org" → "a***@example.org"."""
    local, at, domain = (address or "").partition("@")
    if not at or not local:
        return ""
    return f"{local[0]}***@{domain}"


def remember(response, request, address, path):
    """Set the cookie on `response` (the redirect) for the page at `path`; nothing without an
    address."""
    masked = mask_email(address)
    return _set(response, request, masked, path) if masked else response


def remember_not_sent(response, request, path):
    """Tell the page at `path` that the email it would announce was not sent (a limit refused
    it), so it does not claim otherwise."""
    return _set(response, request, NOT_SENT, path)


def _set(response, request, value, path):
    response.set_signed_cookie(
        COOKIE,
        value,
        salt=_SALT,
        max_age=MAX_AGE,
        path=path,
        secure=settings.CSRF_COOKIE_SECURE or request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


def recall(request):
    """The masked address the cookie carries, NOT_SENT, or "" when there is none, or it is
    forged or old."""
    if not request.COOKIES.get(COOKIE):
        return ""
    return request.get_signed_cookie(COOKIE, default="", salt=_SALT, max_age=MAX_AGE)


def forget(response, request):
    """Delete the cookie once read (only if the browser sent one, so no page sets a cookie
    for nothing)."""
    if request.COOKIES.get(COOKIE):
        response.delete_cookie(COOKIE, path=request.path, samesite="Lax")
    return response
