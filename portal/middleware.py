"""Site-wide response headers: the Content-Security-Policy with the admin's own policy, and the
Permissions-Policy. The policies themselves are settings (see docs/operations.md)."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; under the Wagtail admin, CONTENT_SECURITY_POLICY_ADMIN replaces
    the directives it names, because the admin's own scripts need more than the public site.

    A view that sets its own policy with django-csp's decorators keeps it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.replace is None and _in_admin(request):
            parts.replace = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts


def _in_admin(request):
    """An admin URL, or a page the admin renders for its preview: Wagtail sends a dummy request
    for the page's own URL through the middleware, and shows the answer in an admin frame."""
    return getattr(request, "is_dummy", False) or request.path_info.startswith(
        reverse("wagtailadmin_home")
    )


class PermissionsPolicyMiddleware:
    """Deny the browser features no page needs (camera, microphone, position, payment...), so
    that nothing injected into a page, nor a future embed, can ask the resident for them.

    Django has no setting for this header; settings.PERMISSIONS_POLICY maps each feature to the
    origins allowed to use it, an empty list meaning nobody.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
