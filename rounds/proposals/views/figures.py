"""'Så har det gått': the public figures of the municipality (`/sa-har-det-gatt/`), of a
village and of a round (their page's route `sa-har-det-gatt/`), each with a CSV beside it
(`…/sa-har-det-gatt.csv`).

The numbers come from `rounds.proposals.figures` (cached); this module only lays them out in
sections of a chart and a table, and writes the same rows to the CSV.
"""

import csv
import io
import re
from typing import NamedTuple

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from places.models import PlacePage

from ...models import DialoguePage, RoundPage
from .. import figures as numbers
from ..charts import bar_chart


class Section(NamedTuple):
    slug: str
    heading: str
    intro: str
    chart: str
    rows: list
    unit: str


class Scope(NamedTuple):
    """Whose figures: the name shown, the cache key, the CSV's name and how to count them."""

    name: str
    key: str
    file_name: str
    build: object


def municipality_scope(request):
    name = _("hela kommunen")
    return Scope(name, "kommun", "sa-har-det-gatt-kommunen", _builder(numbers.all_public(), None))


def page_scope(page):
    if isinstance(page, PlacePage):
        proposals, dialogues = numbers.of_place(page), numbers.dialogues_of_place(page)
    else:
        proposals, dialogues = numbers.of_round(page), numbers.dialogues_of_round(page)
    return Scope(
        page.title,
        f"sida-{page.pk}",
        f"sa-har-det-gatt-{page.slug}",
        _builder(proposals, dialogues),
    )


def _builder(proposals, dialogues):
    dialogues = dialogues if dialogues is not None else DialoguePage.objects.live().public()
    return lambda today: numbers.figures_of(proposals, dialogues, today)


def sections(figures):
    """The figures as chart-and-table sections, in the order a resident would ask."""
    people = _("förslag")
    plan = [
        (
            "utfall",
            _("Vad som hände med förslagen"),
            _("Varje förslag räknas med sin senaste status."),
            figures.by_status,
            people,
        ),
        (
            "loften",
            _("Löften om ett datum"),
            _(
                "Förslag där kommunen har lovat ett datum. ”I tid” betyder att förslaget var "
                "genomfört senast det datum som gällde då."
            ),
            figures.promises,
            people,
        ),
        (
            "deltagande",
            _("Hur förslagen kom in"),
            _("Var invånarna lämnade sina förslag."),
            figures.by_source,
            people,
        ),
        (
            "alder",
            _("Förslag per åldersgrupp"),
            _(
                "Bara för dem som har angett sin ålder. En grupp med färre än 5 förslag visas "
                "inte med sin siffra, så att ingen kan pekas ut."
            ),
            figures.age_groups,
            people,
        ),
    ]
    if figures.confirmations and any(row.count for row in figures.confirmations):
        plan.append(
            (
                "stammer-det",
                _("Stämmer det? Invånarnas svar"),
                _(
                    "Några veckor efter att kommunen har svarat ”Genomfört” eller ”Åtgärdas” "
                    "frågar vi den som skickade förslaget och dem som följer orten om det "
                    "stämmer. Varje person svarar en gång per förslag."
                ),
                figures.confirmations,
                _("svar"),
            )
        )
    return [
        Section(slug, heading, intro, bar_chart(f"diagram-{slug}", heading, rows, unit), rows, unit)
        for slug, heading, intro, rows, unit in plan
    ]


def csv_rows(figures):
    """Every figure as (section, what, value) rows, small age groups as "färre än 5"."""
    yield _("I korthet"), _("Publicerade förslag"), figures.total
    yield _("I korthet"), _("Besvarade förslag"), figures.answered
    yield _("I korthet"), _("Andel besvarade (procent)"), _blank(figures.answered_percent)
    yield (
        _("I korthet"),
        _("Mediantid till första svar (dagar)"),
        _decimal(figures.median_days_to_answer),
    )
    yield (
        _("I korthet"),
        _("Mediantid till genomfört (dagar)"),
        _decimal(figures.median_days_to_done),
    )
    yield _("Deltagare"), _("På förbättringsvandringarna"), _blank(figures.attendance_walk)
    yield _("Deltagare"), _("På dialogmötena"), _blank(figures.attendance_dialogue)
    for section in sections(figures):
        for row in section.rows:
            value = _("färre än 5") if row.count is None else row.count
            yield section.heading, row.label, value


def _blank(value):
    return "" if value is None else value


def _decimal(value):
    return "" if value is None else f"{value:g}".replace(".", ",")


def _render(request, scope, page=None):
    figures = numbers.cached(scope.key, scope.build)
    context = {
        "page": page,
        "scope": scope,
        "figures": figures,
        "sections": sections(figures),
        "csv_url": _csv_url(request, page),
    }
    return render(request, "rounds/figures/figures.html", context)


def _csv_url(request, page):
    if page is None:
        return reverse("figures_csv")
    return page.get_url(request) + "sa-har-det-gatt.csv"


def _csv(scope):
    figures = numbers.cached(scope.key, scope.build)
    buffer = io.StringIO()
    # Semicolons and a byte-order mark: what Excel with Swedish settings opens as columns.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Område"), _("Avsnitt"), _("Uppgift"), _("Värde")])
    for row in csv_rows(figures):
        writer.writerow([scope.name, *row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{scope.file_name}.csv"'
    return response


@require_safe
def municipality(request):
    """`/sa-har-det-gatt/`: the whole municipality."""
    return _render(request, municipality_scope(request))


@require_safe
def municipality_csv(request):
    """`/sa-har-det-gatt.csv`."""
    return _csv(municipality_scope(request))


def page_figures(request, page):
    """`<ort>/sa-har-det-gatt/` and `<omgång>/sa-har-det-gatt/` (page routes)."""
    return _render(request, page_scope(page), page)


PAGE_PATH = re.compile(r"^[\w-]+(/[\w-]+)*$")


@require_safe
def page_csv(request, page_path):
    """`<ort>/sa-har-det-gatt.csv`: Wagtail's page URLs end in a slash, so the CSV beside a
    page's figures is a Django URL that finds the page as Wagtail would (live, public)."""
    site = Site.find_for_request(request)
    if site is None or not PAGE_PATH.match(page_path):
        raise Http404
    page = site.root_page.specific.route(request, page_path.split("/"))[0]
    if not isinstance(page, PlacePage | RoundPage):
        raise Http404
    if not Page.objects.filter(pk=page.pk).public().exists():
        raise Http404
    return _csv(page_scope(page))


class FiguresSitemap(Sitemap):
    """The figures pages in sitemap.xml, beside Wagtail's pages: the municipality's, each
    village's and each round's."""

    def items(self):
        site = self.get_wagtail_site()
        root = site.root_url
        pages = [
            *PlacePage.objects.live().public().in_site(site).order_by("path"),
            *RoundPage.objects.live().public().in_site(site).order_by("path"),
        ]
        return [
            root + reverse("figures"),
            *(page.get_full_url(self.request) + "sa-har-det-gatt/" for page in pages),
        ]

    def _urls(self, page, protocol, domain):
        return [{"location": url} for url in self.paginator.page(page).object_list]
