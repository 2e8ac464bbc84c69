from django.urls import path

from . import views

urlpatterns = [
    path("", views.overview, name="two_factor"),
    path("kod/", views.verify, name="two_factor_verify"),
    path("ny/", views.setup, name="two_factor_setup"),
    path("reservkoder/", views.codes, name="two_factor_codes"),
    path("stang-av/", views.remove, name="two_factor_remove"),
]
