from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.seo import robots_txt
from rounds.proposals.views.figures import FiguresSitemap
from search import views as search_views

from .password_reset import LimitedPasswordResetView

urlpatterns = [
    # Before Wagtail's own: staff password reset through the outbox, with limits.
    path(
        "admin/password_reset/",
        LimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/tvastegsverifiering/", include("portal.two_factor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"wagtail": Sitemap, "figures": FiguresSitemap}},
        name="sitemap",
    ),
    path("dokument/", include(wagtaildocs_urls)),
    path("sok/", search_views.search, name="search"),
    path("mitt-forslag/", include("rounds.proposals.urls")),
    path("", include("rounds.syndication.urls")),
    path("", include("rounds.proposals.figures_urls")),
    path("", include("notifications.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
