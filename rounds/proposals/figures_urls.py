"""The municipality's figures and the CSVs beside every figures page, included at the site's
root (portal/urls.py) before Wagtail's pages. A village's and a round's figures page is a route
of its page (rounds.pages.routes)."""

from django.urls import path, re_path

from .views import figures

urlpatterns = [
    path("sa-har-det-gatt/", figures.municipality, name="figures"),
    path("sa-har-det-gatt.csv", figures.municipality_csv, name="figures_csv"),
    re_path(
        r"^(?P<page_path>[\w-]+(?:/[\w-]+)*)/sa-har-det-gatt\.csv$",
        figures.page_csv,
        name="page_figures_csv",
    ),
]
