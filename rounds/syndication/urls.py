"""The site-wide feed and calendars: /flode/, /kalender/ and /kalender/<uid>.ics, included at the
site's root (portal/urls.py), and their help pages /flode/om/ and /kalender/hjalp/. A village's
feed and calendar are routes of its page (rounds.pages.routes)."""

from django.urls import include, path

from . import feeds, guides, views

calendar_patterns = [
    path("", views.all_events, name="all"),
    path("hjalp/", guides.calendar_help, name="help"),
    path("<uuid:uid>.ics", views.one_event, name="event"),
]

urlpatterns = [
    path("flode/", feeds.site_feed, name="site_feed"),
    path("flode/om/", guides.feed_help, name="feed_help"),
    path("kalender/", include((calendar_patterns, "calendars"))),
]
