"""The minimal Django view every page is compared with: `gunicorn benchmarks.minimal`.

Django with one URL, no apps, no middleware, no database: what a request costs in Django and
gunicorn before the site does anything. `/raw/` is answered by plain WSGI, below Django, for
the load generator's own ceiling.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

BODY = b"Hej!"

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="benchmark-minimal-view-not-a-secret",  # noqa: S106 - serves nothing secret
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_I18N=False,
    )


def hello(request):
    return HttpResponse(BODY, content_type="text/plain; charset=utf-8")


urlpatterns = [path("", hello)]


def _django_application():
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


django_application = _django_application()


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/raw/":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "4")])
        return [BODY]
    return django_application(environ, start_response)
