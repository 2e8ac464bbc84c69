"""What an editor is told when dates, round, coordinates or an image's alt text are wrong."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images.forms import get_image_form
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import PortalImage
from places.models import PlacePage
from rounds.models import DialogueEvent, DialoguePage, RoundPage
from tests.support.images import image_file
from tests.support.page_forms import dialogue_data, event_data


def add_page(client, parent, model, data):
    """Post the admin's create form with 'Publish', as an editor does."""
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    return client.post(url, {**nested_form_data(data), "action-publish": "action-publish"})


def refused(response, model, slug):
    """The editor gets the form back (not a redirect) and nothing was created."""
    assert response.status_code == 200, "the page was saved although the data is invalid"
    assert not model.objects.filter(slug=slug).exists()
    return response.context["form"]


def place_data(**fields):
    return {
        "title": "Påryd",
        "slug": "paryd",
        "intro": "Påryd ligger vid Ljungbyån.",
        "hero_image": "",
        "body": streamfield([]),
        "population": "",
        "population_year": "",
        "latitude": "",
        "longitude": "",
        "tags": "",
        **fields,
    }


def round_data(start, end):
    return {
        "title": "Omgång 2030",
        "slug": "omgang-2030",
        "start_date": start,
        "end_date": end,
        "intro": "",
        "body": streamfield([]),
    }


@pytest.fixture
def tree(site_tree, clear_cache):
    return site_tree


# Dialogue events


def test_event_ending_before_it_starts_is_refused(admin_client, tree):
    response = add_page(
        admin_client,
        tree["place"],
        DialoguePage,
        dialogue_data(tree["round"], [event_data("2028-09-10 18:00", "2028-09-10 17:00")]),
    )
    form = refused(response, DialoguePage, "hosten-2028")
    event_errors = form.formsets["events"].forms[0].errors
    assert event_errors["end"] == ["Sluttiden måste vara efter starttiden."]
    assert "Sluttiden måste vara efter starttiden." in response.content.decode()


def test_event_ending_when_it_starts_is_refused():
    moment = datetime(2028, 9, 10, 16, 0, tzinfo=UTC)
    event = DialogueEvent(kind="walk", start=moment, end=moment, venue_name="Skolan")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_valid_dialogue_with_event_is_accepted(admin_client, tree):
    """The same form with sensible dates goes through: the refusals above are about the dates."""
    response = add_page(admin_client, tree["place"], DialoguePage, dialogue_data(tree["round"]))
    assert response.status_code == 302
    assert DialoguePage.objects.get(slug="hosten-2028").events.count() == 1


# Dialogue page


def test_dialogue_without_round_is_refused(admin_client, tree):
    response = add_page(admin_client, tree["place"], DialoguePage, dialogue_data(None))
    form = refused(response, DialoguePage, "hosten-2028")
    assert "round" in form.errors


def test_dialogue_model_requires_a_round_even_outside_the_admin(tree):
    page = DialoguePage(title="Utan omgång", slug="utan-omgang")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["round"] == ["Välj vilken omgång dialogen hör till."]


def test_proposal_window_closing_before_it_opens_is_refused(admin_client, tree):
    data = dialogue_data(tree["round"], proposals_open="2028-08-20", proposals_close="2028-08-19")
    response = add_page(admin_client, tree["place"], DialoguePage, data)
    form = refused(response, DialoguePage, "hosten-2028")
    assert form.errors["proposals_close"] == ["Sista dagen kan inte vara före första dagen."]


def test_proposal_window_of_a_single_day_is_accepted(admin_client, tree):
    data = dialogue_data(tree["round"], proposals_open="2028-08-20", proposals_close="2028-08-20")
    response = add_page(admin_client, tree["place"], DialoguePage, data)
    assert response.status_code == 302
    assert DialoguePage.objects.get(slug="hosten-2028").proposals_close == date(2028, 8, 20)


def test_summary_date_without_summary_is_refused(admin_client, tree):
    data = dialogue_data(tree["round"], summary_published_at="2028-11-01")
    response = add_page(admin_client, tree["place"], DialoguePage, data)
    form = refused(response, DialoguePage, "hosten-2028")
    assert form.errors["summary_published_at"] == [
        "Skriv sammanställningen innan du anger datumet."
    ]


def test_summary_date_with_summary_is_accepted(admin_client, tree):
    data = dialogue_data(
        tree["round"],
        summary_published_at="2028-11-01",
        summary=streamfield([("text", rich_text("<p>Tolv förslag blev åtgärder.</p>"))]),
    )
    response = add_page(admin_client, tree["place"], DialoguePage, data)
    assert response.status_code == 302
    assert DialoguePage.objects.get(slug="hosten-2028").summary_published_at == date(2028, 11, 1)


# Villages


@pytest.mark.parametrize(
    ("latitude", "longitude"), [("56.57461", ""), ("", "15.92060")], ids=["lat-only", "lon-only"]
)
def test_village_with_half_a_coordinate_is_refused(admin_client, tree, latitude, longitude):
    data = place_data(latitude=latitude, longitude=longitude)
    response = add_page(admin_client, Page.objects.get(pk=tree["places"].pk), PlacePage, data)
    form = refused(response, PlacePage, "paryd")
    assert "Ange både latitud och longitud, eller ingen av dem." in str(form.errors)
    assert "Ange både latitud och longitud" in response.content.decode()


def test_village_with_both_coordinates_is_accepted(admin_client, tree):
    data = place_data(latitude="56.57461", longitude="15.92060")
    response = add_page(admin_client, Page.objects.get(pk=tree["places"].pk), PlacePage, data)
    assert response.status_code == 302
    assert PlacePage.objects.get(slug="paryd").latitude is not None


def test_population_year_without_population_is_refused(admin_client, tree):
    data = place_data(population_year="2019")
    response = add_page(admin_client, Page.objects.get(pk=tree["places"].pk), PlacePage, data)
    form = refused(response, PlacePage, "paryd")
    assert "population" in form.errors


# Rounds


def test_round_ending_before_it_starts_is_refused(admin_client, tree):
    parent = Page.objects.get(pk=tree["rounds"].pk)
    response = add_page(admin_client, parent, RoundPage, round_data("2030-01-01", "2029-12-31"))
    form = refused(response, RoundPage, "omgang-2030")
    assert form.errors["end_date"] == ["Slutdatumet kan inte vara före startdatumet."]


def test_round_of_one_day_is_accepted(admin_client, tree):
    parent = Page.objects.get(pk=tree["rounds"].pk)
    response = add_page(admin_client, parent, RoundPage, round_data("2030-01-01", "2030-01-01"))
    assert response.status_code == 302
    assert RoundPage.objects.filter(slug="omgang-2030").exists()


# Images


def image_form(description):
    ImageForm = get_image_form(PortalImage)
    return ImageForm(
        data={"title": "Bygdegården", "description": description},
        files={"file": image_file()},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("description", ["", "   "], ids=["empty", "blank"])
def test_image_without_alt_text_is_refused(description):
    form = image_form(description)
    assert not form.is_valid()
    assert "description" in form.errors


@pytest.mark.django_db
def test_image_with_alt_text_is_accepted():
    form = image_form("Bygdegården i Läckeby en sommardag")
    assert form.is_valid(), form.errors
    image = form.save()
    assert image.description == "Bygdegården i Läckeby en sommardag"


def test_image_upload_in_admin_without_alt_text_is_refused(admin_client, tree):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Bygdegården", "description": "", "file": image_file()},
    )
    assert response.status_code == 200
    assert not PortalImage.objects.filter(title="Bygdegården").exists()
    assert "description" in response.context["form"].errors
