"""Following a village and stopping emails; included at the site root (portal/urls.py).

Ids use the `<id:...>` converter (portal/web/converters.py): an out-of-range number is a 404.
"""

from django.urls import path

from .views import checks, following, unsubscribe

app_name = "notifications"

urlpatterns = [
    path("bevaka/<id:place_id>/", following.follow, name="follow"),
    path("bevaka/<id:place_id>/skickat/", following.follow_sent, name="follow_sent"),
    path("bevaka/bekrafta/<str:token>/", following.confirm, name="follow_confirm"),
    path("e-post/stammer-det/<str:token>/", checks.check, name="check"),
    path("e-post/avsluta/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
