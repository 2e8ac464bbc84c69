"""The proposal form: fields and labels, errors with everything kept, review, change, send,
and the window in which a dialogue takes proposals."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rounds.models import Proposal, Theme
from rounds.models.proposals import Source, Visibility
from tests.support import pages as factories
from tests.support.html import soup, text
from tests.support.images import image_bytes, upload
from tests.support.proposal_form import (
    form_url,
    open_dialogue,
    post_review,
    press,
    review_value,
    submit_proposal,
    valid_data,
)

pytestmark = pytest.mark.usefixtures("no_wait")


@pytest.fixture
def dialogue(dialogue):
    privacy = factories.standard_page(title="Personuppgifter", slug="personuppgifter")
    factories.municipality_settings(privacy_page=privacy)
    return dialogue


@pytest.fixture
def theme(db):
    return Theme.objects.create(name="Trafik och vägar")


# The empty form


def test_the_dialogue_page_links_to_the_form_while_it_is_open(client, dialogue):
    page = soup(client.get(dialogue.url))

    link = page.find("a", string="Lämna förslag")

    assert link["href"] == form_url(dialogue)


def test_every_field_has_a_label_and_the_required_ones_say_so(client, dialogue, theme):
    page = soup(client.get(form_url(dialogue)))

    form = page.find("form", class_="proposal-form")
    for field in form.find_all(["input", "textarea", "select"]):
        if field.get("type") == "hidden":
            continue
        label = form.find("label", attrs={"for": field["id"]})
        assert label is not None, f"{field['name']} has no label"
    labels = {label["for"]: label.get_text(" ", strip=True) for label in form.find_all("label")}
    assert labels["id_title"] == "Rubrik (obligatoriskt)"
    assert labels["id_body"] == "Beskriv ditt förslag (obligatoriskt)"
    assert "obligatoriskt" not in labels["id_location"]
    theme_options = [option.get_text() for option in form.find(id="id_theme").find_all("option")]
    assert theme_options == ["Välj tema", "Trafik och vägar"]
    age_options = [option.get_text() for option in form.find(id="id_age_group").find_all("option")]
    assert age_options[0] == "Vill inte svara"
    assert [select["name"] for select in form.find_all("select")] == ["theme", "age_group"]
    assert form.find(id="id_photo")["accept"] == "image/jpeg,image/png,image/webp"
    assert form.has_attr("novalidate")
    assert form["enctype"] == "multipart/form-data"


def test_personal_fields_have_autocomplete_and_free_text_does_not(client, dialogue):
    page = soup(client.get(form_url(dialogue)))

    autocomplete = {
        field["name"]: field.get("autocomplete") for field in page.find_all(["input", "textarea"])
    }
    assert autocomplete["name"] == "name"
    assert autocomplete["email"] == "email"
    assert autocomplete["phone"] == "tel"
    assert page.find(id="id_phone")["type"] == "tel"
    for name in ("title", "body", "location", "display_name", "website"):
        assert autocomplete[name] == "off", name


def test_the_form_tells_how_personal_data_is_handled_before_sending(client, dialogue):
    response = client.get(form_url(dialogue))
    page = soup(response)

    privacy = page.find(id="privacy-heading").find_parent("section")
    words = " ".join(privacy.get_text(" ", strip=True).split())
    assert "Testkommun är personuppgiftsansvarig" in words
    assert "artikel 6.1 e" in words
    assert "allmän handling" in words
    assert "Trafikverket" in words and "Region Kalmar län" in words
    assert "gallras" in words
    assert "Integritetsskyddsmyndigheten" in words
    assert "kommun@example.org" in words
    assert privacy.find("a", string="Läs mer om hur kommunen behandlar personuppgifter")
    warning = " ".join(page.find(class_="notice--warning").get_text(" ", strip=True).split())
    assert "hälsa, religion" in warning and "personnummer" in warning
    # The privacy information comes before the button that leads on.
    button = page.find("button", attrs={"value": "review"})
    assert privacy in button.find_all_previous("section")


def test_the_empty_form_is_private_to_the_browser(client, dialogue):
    response = client.get(form_url(dialogue))

    assert "private" in response["Cache-Control"]
    honeypot = soup(response).find("input", {"name": "website"})
    assert honeypot["tabindex"] == "-1"
    assert "tomt" in soup(response).find("label", attrs={"for": "id_website"}).get_text()


# Errors


def test_errors_are_summarised_linked_and_marked_and_everything_typed_is_kept(client, dialogue):
    data = valid_data(title="", body="", email="inte-en-adress", display_name="")

    response = post_review(client, dialogue, data)

    assert response.status_code == 422
    page = soup(response)
    assert page.title.get_text().startswith("Fel:")
    summary = page.find(attrs={"data-error-summary": True})
    assert summary["tabindex"] == "-1"
    assert summary.find(role="alert").find("h2").get_text() == "Det finns fel i formuläret"
    links = {a["href"]: a.get_text() for a in summary.find_all("a")}
    assert links == {
        "#id_title": "Skriv en rubrik för förslaget.",
        "#id_body": "Beskriv ditt förslag.",
        "#id_email": "Skriv e-postadressen som namn@exempel.se.",
        "#id_display_name": (
            "Skriv namnet som ska visas, eller kryssa ur rutan för att visa förslaget utan namn."
        ),
    }
    title = page.find(id="id_title")
    assert title["aria-invalid"] == "true"
    assert "id_title_error" in title["aria-describedby"].split()
    assert (
        page.find(id="id_title_error")
        .get_text(strip=True)
        .endswith("Skriv en rubrik för förslaget.")
    )
    assert "aria-invalid" not in page.find(id="id_location").attrs
    # Kept: what was typed, the boxes ticked and the choice made.
    assert page.find(id="id_location")["value"] == "Byvägen, vid affären"
    assert page.find(id="id_email")["value"] == "inte-en-adress"
    assert page.find(id="id_phone")["value"] == "070-123 45 67"
    assert page.find(id="id_show_name").has_attr("checked")
    assert page.find(id="id_age_group").find("option", selected=True)["value"] == "30_49"
    assert Proposal.objects.count() == 0


def test_the_error_summary_script_is_loaded(client, dialogue):
    response = post_review(client, dialogue, valid_data(title=""))

    scripts = [script["src"] for script in soup(response).find_all("script", src=True)]
    assert any(src.endswith("js/error-summary.js") for src in scripts)


@pytest.mark.parametrize(
    ("field", "length"),
    [("title", 121), ("location", 201), ("name", 121), ("display_name", 61), ("body", 4001)],
)
def test_length_limits_follow_the_model(client, dialogue, field, length):
    response = post_review(client, dialogue, valid_data(**{field: "x" * length}))

    assert response.status_code == 422
    error = soup(response).find(id=f"id_{field}_error").get_text()
    assert f"högst {length - 1} tecken" in error
    assert soup(response).find(id=f"id_{field}")["maxlength"] == str(length - 1)


def test_line_breaks_count_as_one_character_as_in_the_browser(client, dialogue):
    body = "Rad\r\n" * 800  # 4000 characters as the browser counts them, 4800 as sent

    response = submit_proposal(client, dialogue, valid_data(body=body))

    assert response.status_code == 303
    assert Proposal.objects.get().body == "Rad\n" * 799 + "Rad"


def test_a_phone_number_needs_digits(client, dialogue):
    response = post_review(client, dialogue, valid_data(phone="ring mig"))

    assert response.status_code == 422
    assert soup(response).find(id="id_phone_error")


# Review, change, send


def test_review_shows_the_proposal_as_it_will_be_sent_and_saves_nothing(client, dialogue, theme):
    response = post_review(client, dialogue, valid_data(theme=theme.pk))

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Granska ditt förslag"
    public = " ".join(page.find(id="public-heading").parent.get_text(" ", strip=True).split())
    assert "Belysning vid busshållplatsen" in public
    assert "Det är mörkt vid hållplatsen" in public
    assert "Trafik och vägar" in public
    assert "Byvägen, vid affären" in public
    assert "Anna" in public
    assert "anna@example.org" not in public and "Andersson" not in public
    private = " ".join(page.find(id="private-heading").parent.get_text(" ", strip=True).split())
    assert "Anna Andersson" in private
    assert "anna@example.org" in private
    assert "070-123 45 67" in private
    assert "30–49 år" in private
    buttons = [button.get_text(strip=True) for button in page.find_all("button")]
    assert "Skicka förslaget" in buttons and "Ändra" in buttons
    assert "no-store" in response["Cache-Control"]
    assert Proposal.objects.count() == 0


def test_a_name_is_only_shown_when_the_resident_asks(client, dialogue):
    response = post_review(client, dialogue, valid_data(show_name=None))

    public = soup(response).find(id="public-heading").parent.get_text(" ", strip=True)
    assert "förslaget visas utan namn" in public
    assert "Anna" not in public


def test_change_goes_back_to_the_form_with_everything_filled_in(client, dialogue, theme):
    review = post_review(client, dialogue, valid_data(theme=theme.pk))

    response = press(client, dialogue, review_value(review), "edit")

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Lämna förslag"
    assert not page.find(attrs={"data-error-summary": True})
    assert page.find(id="id_title")["value"] == "Belysning vid busshållplatsen"
    assert page.find(id="id_body").get_text().strip().startswith("Det är mörkt")
    assert page.find(id="id_theme").find("option", selected=True).get_text() == theme.name
    assert page.find(id="id_email")["value"] == "anna@example.org"
    assert page.find(id="id_notify_status").has_attr("checked")
    assert page.find(id="id_show_name").has_attr("checked")
    assert page.find(id="id_age_group").find("option", selected=True)["value"] == "30_49"


def test_send_saves_the_reviewed_proposal_and_redirects_to_its_receipt(client, dialogue, theme):
    response = submit_proposal(client, dialogue, valid_data(theme=theme.pk))

    assert response.status_code == 303
    proposal = Proposal.objects.get()
    assert response["Location"].startswith("/mitt-forslag/")
    assert response["Location"].endswith("/kvitto/")
    assert proposal.dialogue_id == dialogue.pk
    assert proposal.source == Source.ONLINE
    assert proposal.visibility == Visibility.PENDING
    assert (proposal.title, proposal.theme, proposal.location) == (
        "Belysning vid busshållplatsen",
        theme,
        "Byvägen, vid affären",
    )
    assert (proposal.name, proposal.email, proposal.phone) == (
        "Anna Andersson",
        "anna@example.org",
        "070-123 45 67",
    )
    assert proposal.show_name and proposal.notify_status
    assert proposal.public_author == "Anna"
    assert proposal.updates.count() == 1
    receipt = client.get(response["Location"])
    assert proposal.reference in text(receipt)


def test_what_is_sent_is_what_was_reviewed_not_what_is_posted_beside_it(client, dialogue):
    review = post_review(client, dialogue)

    client.post(
        form_url(dialogue),
        {"review": review_value(review), "action": "send", "title": "Något annat"},
    )

    assert Proposal.objects.get().title == "Belysning vid busshållplatsen"


def test_an_altered_review_step_is_refused_and_nothing_saved(client, dialogue):
    review = review_value(post_review(client, dialogue))
    altered = review[:10] + ("A" if review[10] != "A" else "B") + review[11:]

    response = press(client, dialogue, altered, "send")

    assert response.status_code == 400
    assert "kunde inte kontrolleras" in text(response)
    assert Proposal.objects.count() == 0


def test_pressing_send_twice_gives_one_proposal_and_the_same_receipt(client, dialogue):
    review = review_value(post_review(client, dialogue))

    first = press(client, dialogue, review, "send")
    second = press(client, dialogue, review, "send")

    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Proposal.objects.count() == 1


def test_a_theme_removed_before_sending_is_an_error_not_a_500(client, dialogue, theme):
    review = review_value(post_review(client, dialogue, valid_data(theme=theme.pk)))
    theme.delete()

    response = press(client, dialogue, review, "send")

    assert response.status_code == 422
    assert soup(response).find(id="id_theme_error")
    assert soup(response).find(id="id_title")["value"] == "Belysning vid busshållplatsen"
    assert Proposal.objects.count() == 0


# The photo through the steps


def test_a_photo_is_kept_through_errors_review_and_change_and_sent(client, dialogue):
    data = valid_data(title="", photo=upload(image_bytes("PNG"), "bild.png", "image/png"))

    with_error = post_review(client, dialogue, data)

    assert with_error.status_code == 422
    page = soup(with_error)
    kept = page.find("input", {"name": "photo_draft"})["value"]
    assert kept
    assert page.find(class_="form-photo__kept").img["src"].startswith("data:image/jpeg;base64,")
    review = post_review(client, dialogue, valid_data(photo_draft=kept))
    assert soup(review).find(class_="review-list__photo")["src"].startswith("data:image/jpeg")
    changed = press(client, dialogue, review_value(review), "edit")
    assert soup(changed).find("input", {"name": "photo_draft"})["value"] == kept
    again = post_review(client, dialogue, valid_data(photo_draft=kept))
    assert press(client, dialogue, review_value(again), "send").status_code == 303
    proposal = Proposal.objects.get()
    assert proposal.photo.name.startswith("proposals/")
    assert proposal.photo.name.endswith(".jpg")
    assert "bild" not in proposal.photo.name  # the resident's file name is not kept
    with proposal.photo.open("rb") as file:
        assert file.read(3) == b"\xff\xd8\xff"


def test_the_kept_photo_can_be_removed(client, dialogue):
    first = post_review(client, dialogue, valid_data(title="", photo=upload(image_bytes())))
    kept = soup(first).find("input", {"name": "photo_draft"})["value"]

    response = submit_proposal(client, dialogue, valid_data(photo_draft=kept, remove_photo="on"))

    assert response.status_code == 303
    assert not Proposal.objects.get().photo


def test_a_forged_photo_reference_asks_for_the_photo_again(client, dialogue):
    response = post_review(client, dialogue, valid_data(photo_draft="proposals/annan.jpg:fake"))

    assert response.status_code == 422
    assert "Välj bilden igen" in soup(response).find(id="id_photo_error").get_text()
    assert soup(response).find("input", {"name": "photo_draft"})["value"] == ""


def test_a_file_that_is_not_an_image_is_an_error_next_to_the_field(client, dialogue):
    data = valid_data(photo=upload("Hej, det här är text.".encode(), "semester.jpg"))

    response = post_review(client, dialogue, data)

    assert response.status_code == 422
    message = "Filen är inte en bild vi kan ta emot (JPEG, PNG eller WebP)."
    assert message in soup(response).find(id="id_photo_error").get_text()
    assert soup(response).find("a", href="#id_photo").get_text() == message
    assert soup(response).find(id="id_title")["value"] == "Belysning vid busshållplatsen"


# The proposal window


def test_before_the_window_the_page_says_when_proposals_are_taken(client, site_tree):
    today = timezone.localdate()
    dialogue = open_dialogue(site_tree, proposals_open=today + timedelta(days=3))

    response = client.get(form_url(dialogue))

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Förslag tas inte emot än"
    assert "från" in text(response) and "till och med" in text(response)
    hrefs = {a["href"] for a in page.find("main").find_all("a")}
    assert {dialogue.url, site_tree["place"].url} <= hrefs
    assert not page.find("form", class_="proposal-form")


def test_after_the_window_the_page_says_it_has_passed(client, site_tree):
    today = timezone.localdate()
    dialogue = open_dialogue(
        site_tree,
        proposals_open=today - timedelta(days=10),
        proposals_close=today - timedelta(days=1),
    )

    response = client.get(form_url(dialogue))

    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Tiden för förslag har gått ut"


def test_a_dialogue_without_online_proposals_says_so(client, site_tree):
    response = client.get(form_url(site_tree["dialogue"]))

    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Dialogen tar inte emot förslag på webben"


def test_a_post_before_the_window_is_refused_with_403(client, site_tree):
    dialogue = open_dialogue(site_tree, proposals_open=timezone.localdate() + timedelta(days=3))

    response = client.post(form_url(dialogue), valid_data())

    assert response.status_code == 403
    assert "Förslag tas inte emot än" in text(response)
    assert Proposal.objects.count() == 0


def test_a_post_after_the_window_is_refused_with_410_and_shows_what_was_typed(client, site_tree):
    dialogue = open_dialogue(site_tree)
    review = review_value(post_review(client, dialogue))
    dialogue.proposals_close = timezone.localdate() - timedelta(days=1)
    dialogue.save_revision().publish()

    for data in (valid_data(), {"review": review, "action": "send"}):
        response = client.post(form_url(dialogue), data)

        assert response.status_code == 410
        assert "Tiden för förslag har gått ut" in text(response)
        assert "Det är mörkt vid hållplatsen på Byvägen" in text(response)
    assert Proposal.objects.count() == 0


def test_other_methods_are_not_allowed(client, dialogue):
    assert client.put(form_url(dialogue)).status_code == 405
