"""The resident's private follow-up link, included at /mitt-forslag/ (portal/urls.py)."""

from django.urls import path

from .views import follow

app_name = "proposals"

urlpatterns = [
    path("<slug:token>/", follow.follow, name="follow"),
    path("<slug:token>/kvitto/", follow.receipt, name="receipt"),
    path("<slug:token>/foto/", follow.photo, name="photo"),
    path("<slug:token>/aterkalla/", follow.withdraw, name="withdraw"),
    path("<slug:token>/sluta-skicka-e-post/", follow.stop_emails, name="stop_emails"),
]
