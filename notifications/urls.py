"""Following a village and stopping emails; included at the site root (portal/urls.py)."""

from django.urls import path

from .views import unsubscribe

app_name = "notifications"

urlpatterns = [
    path("e-post/avsluta/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
