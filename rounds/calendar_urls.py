"""Calendars of the whole site, included at /kalender/ (portal/urls.py).

A village's calendar is a route on its page (`<ort>/kalender/`).
"""

from django.urls import path

from .views import calendars

app_name = "calendars"

urlpatterns = [
    path("", calendars.all_events, name="all"),
    path("<uuid:uid>.ics", calendars.one_event, name="event"),
]
