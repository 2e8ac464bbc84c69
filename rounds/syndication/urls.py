"""The site-wide feed and calendars: /flode/, /kalender/ and /kalender/<uid>.ics, included at the
site's root (portal/urls.py). A village's feed and calendar are routes of its page
(rounds.pages.routes)."""

from django.urls import include, path

from . import feeds, views

calendar_patterns = [
    path("", views.all_events, name="all"),
    path("<uuid:uid>.ics", views.one_event, name="event"),
]

urlpatterns = [
    path("flode/", feeds.site_feed, name="site_feed"),
    path("kalender/", include((calendar_patterns, "calendars"))),
]
