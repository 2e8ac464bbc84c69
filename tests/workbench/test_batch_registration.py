"""Registering many proposals at once in the workbench's grid ("Registrera flera")."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Source, Status, Visibility
from rounds.workbench import batch
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import EDITORS, login, url
from tests.support.html import soup, text
from tests.support.images import jpeg_bytes, upload

GRID = "/admin/forslag/flera/"
WALK_DAY = timezone.localdate() - timedelta(days=3)


def grid_data(dialogue, rows, total=5, **shared):
    """The POST of the grid: the shared choices and `rows` (dicts of a row's fields)."""
    data = {
        "dialogue": dialogue.pk,
        "source": Source.WALK,
        "date": WALK_DAY.isoformat(),
        "rad-TOTAL_FORMS": max(total, len(rows)),
        "rad-INITIAL_FORMS": 0,
        "rad-MIN_NUM_FORMS": 0,
        "rad-MAX_NUM_FORMS": 50,
        **shared,
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"rad-{index}-{name}"] = value
    return data


def test_the_list_offers_registering_many_beside_registering_one(client, officer, tree):
    html = client.get(url("index")).content.decode()

    assert "Registrera förslag" in html
    assert f'href="{GRID}"' in html and "Registrera flera" in html


def test_saving_the_grid_registers_every_filled_row_and_keeps_the_choices(client, officer, tree):
    theme = make.theme("Trafik och vägar")
    rows = [
        {"title": "Trasig gatlampa vid skolan", "theme": theme.pk, "location": "Skolvägen"},
        {},  # a blank row between two filled ones is left out
        {"title": "Fler bänkar vid ån", "body": "Äldre behöver vila på promenaden."},
    ]

    response = client.post(GRID, grid_data(tree["läckeby"], rows))

    assert response.status_code == 302
    saved = list(Proposal.objects.order_by("reference"))
    assert [p.title for p in saved] == ["Trasig gatlampa vid skolan", "Fler bänkar vid ån"]
    first, second = saved
    assert first.body == "Trasig gatlampa vid skolan"  # an empty text takes the title
    assert first.theme == theme and first.location == "Skolvägen"
    assert second.body == "Äldre behöver vila på promenaden."
    for proposal in saved:
        assert proposal.dialogue_id == tree["läckeby"].pk
        assert proposal.source == Source.WALK
        assert timezone.localdate(proposal.submitted_at) == WALK_DAY
        assert proposal.status == Status.RECEIVED and proposal.updates.count() == 1
        assert proposal.visibility == Visibility.PENDING
    assert response["Location"] == (
        f"{GRID}?dialogue={tree['läckeby'].pk}&source=walk&date={WALK_DAY.isoformat()}"
    )

    again = client.get(response["Location"])
    page = text(again)
    assert f"2 förslag är registrerade: {first.reference}, {second.reference}." in page
    form = soup(again)
    assert form.select_one("#id_dialogue option[selected]")["value"] == str(tree["läckeby"].pk)
    assert form.select_one("#id_source option[selected]")["value"] == "walk"
    assert form.select_one("#id_date")["value"] == WALK_DAY.isoformat()
    assert form.select_one("#id_rad-0-title").get("value") is None  # the rows are empty again


def test_one_bad_row_saves_nothing_and_every_error_is_shown_at_its_row(client, officer, tree):
    rows = [
        {"title": "Trasig gatlampa vid skolan"},
        {"body": "Texten finns men rubriken saknas."},
        {"title": "x" * 121},
    ]

    response = client.post(GRID, grid_data(tree["läckeby"], rows))

    assert response.status_code == 200
    assert Proposal.objects.count() == 0
    page = soup(response)
    summary = [item.get_text(" ", strip=True) for item in page.select("#batch-errors li")]
    assert summary == [
        "Rad 2: Rubriken saknas.",
        "Rad 3: Rubriken är för lång: högst 120 tecken, nu 121.",
    ]
    assert page.select_one("#batch-errors a")["href"] == "#id_rad-1-title"
    title = page.select_one("#id_rad-1-title")
    assert title["aria-invalid"] == "true"
    assert title["aria-describedby"] == "id_rad-1-title_error"
    assert page.select_one("#id_rad-1-title_error").get_text(strip=True) == "Rubriken saknas."
    # What was typed is still there.
    assert page.select_one("#id_rad-0-title")["value"] == "Trasig gatlampa vid skolan"
    assert "Texten finns men rubriken saknas." in page.select_one("#id_rad-1-body").get_text()


def test_a_grid_of_blank_rows_asks_for_one_row(client, officer, tree):
    response = client.post(GRID, grid_data(tree["läckeby"], []))

    assert response.status_code == 200
    assert "Fyll i minst en rad." in text(response)
    assert Proposal.objects.count() == 0


def test_each_input_is_labelled_with_its_column_and_row(client, officer, tree):
    page = soup(client.get(GRID))

    label = page.select_one('label[for="id_rad-2-title"]')
    assert label.get_text(strip=True) == "Rubrik, rad 3"
    assert page.select_one('label[for="id_rad-4-photo"]').get_text(strip=True) == "Foto, rad 5"
    assert len(page.select("tbody [data-batch-row]")) == 5
    empty = page.select_one("template#batch-empty-row")
    assert "__prefix__" in str(empty) and "rad __row__" in str(empty)


def test_adding_rows_without_javascript_keeps_what_was_typed(client, officer, tree):
    rows = [{"title": "Trasig gatlampa", "location": "Skolvägen"}, {"body": "Halvfärdig"}]
    data = grid_data(tree["läckeby"], rows, add_rows="1")
    data["rad-0-photo"] = upload(jpeg_bytes())

    response = client.post(GRID, data)

    assert response.status_code == 200
    assert Proposal.objects.count() == 0
    page = soup(response)
    assert len(page.select("tbody [data-batch-row]")) == 10
    assert page.select_one("#id_rad-TOTAL_FORMS")["value"] == "10"
    assert page.select_one("#id_rad-0-title")["value"] == "Trasig gatlampa"
    assert "Halvfärdig" in page.select_one("#id_rad-1-body").get_text()
    assert not page.select("#batch-errors") and "Rubriken saknas" not in text(response)
    assert "Välj bilden igen." in page.select_one("#batch-row-1").get_text()


def test_photos_are_checked_and_a_failed_grid_asks_for_them_again(client, officer, tree):
    rows = [{"title": "Skräp vid badplatsen"}, {"title": "Ingen rubrik saknas här"}, {}]
    data = grid_data(tree["läckeby"], rows)
    data["rad-0-photo"] = upload(jpeg_bytes())
    data["rad-1-photo"] = upload(b"inte en bild", name="bild.jpg")

    response = client.post(GRID, data)

    assert Proposal.objects.count() == 0
    page = soup(response)
    assert "Rad 2: Filen är inte en bild vi kan ta emot (JPEG, PNG eller WebP)." in text(response)
    assert "Välj bilden igen." in page.select_one("#batch-row-1").get_text()

    data = grid_data(tree["läckeby"], rows[:1])
    data["rad-0-photo"] = upload(jpeg_bytes())
    assert client.post(GRID, data).status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.photo and proposal.photo.name.endswith(".jpg")


def test_moderators_may_publish_the_rows_at_once(client, officer, tree):
    data = grid_data(tree["påryd"], [{"title": "Fler bänkar vid ån"}], publish_now="on")

    client.post(GRID, data)

    assert Proposal.objects.get().visibility == Visibility.PUBLIC


def test_a_closed_dialogue_is_not_offered_and_cannot_be_posted(client, officer, tree):
    closed = factories.dialogue(
        factories.place("Halltorp"),
        tree["round"],
        walk_in_days=-90,
        meeting_in_days=-80,
        summary=[{"type": "heading", "value": "Det här kom fram"}],
        summary_published_at=timezone.localdate() - timedelta(days=1),
    )

    choices = [o["value"] for o in soup(client.get(GRID)).select("#id_dialogue option")]
    response = client.post(GRID, grid_data(closed, [{"title": "För sent"}]))

    assert str(tree["läckeby"].pk) in choices and str(closed.pk) not in choices
    assert response.status_code == 200 and Proposal.objects.count() == 0
    assert soup(response).select_one("#batch-errors a")["href"] == "#id_dialogue"


def test_the_online_source_and_a_future_date_are_refused(client, officer, tree):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    data = grid_data(tree["läckeby"], [{"title": "Lampa"}], source=Source.ONLINE, date=tomorrow)

    response = client.post(GRID, data)

    assert Proposal.objects.count() == 0
    assert "Datumet kan inte vara i framtiden." in text(response)
    assert "online" not in [o["value"] for o in soup(response).select("#id_source option")]


def test_too_many_rows_are_refused_in_swedish(client, officer, tree):
    rows = [{"title": f"Förslag {n}"} for n in range(51)]

    response = client.post(GRID, grid_data(tree["läckeby"], rows))

    assert response.status_code == 200 and Proposal.objects.count() == 0
    assert "Högst 50 rader sparas på en gång." in text(response)


def test_a_broken_management_form_is_an_error_not_a_500(client, officer, tree):
    data = grid_data(tree["läckeby"], [{"title": "Lampa"}])
    del data["rad-TOTAL_FORMS"]

    response = client.post(GRID, data)

    assert response.status_code == 200 and Proposal.objects.count() == 0
    assert soup(response).select("#batch-errors li")


@pytest.mark.parametrize("group", [EDITORS, None])
def test_without_the_right_to_register_the_grid_is_refused(client, tree, group):
    login(client, group)

    assert client.get(GRID).status_code == 403
    assert client.post(GRID, grid_data(tree["läckeby"], [{"title": "Lampa"}])).status_code == 403
    assert Proposal.objects.count() == 0
    assert "Registrera flera" not in client.get(url("index")).content.decode()


def test_the_grid_costs_the_same_queries_with_few_or_many_themes_and_dialogues(
    client, officer, tree
):
    make.theme("Trafik och vägar")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(GRID).status_code == 200
        return len(queries)

    few = count()
    for number in range(12):
        make.theme(f"Tema {number}")
    for name in ("Halltorp", "Dunö", "Hagby"):
        factories.dialogue(factories.place(name), tree["round"])

    assert count() == few


def test_saving_costs_queries_in_proportion_to_the_rows(client, officer, tree):
    def cost(number):
        rows = [{"title": f"Förslag {n}"} for n in range(number)]
        with CaptureQueriesContext(connection) as queries:
            assert client.post(GRID, grid_data(tree["läckeby"], rows)).status_code == 302
        return len(queries)

    one, two, four = cost(1), cost(2), cost(4)

    assert four - two == 2 * (two - one)


def test_values_no_row_can_have_are_errors_not_500s(client, officer, tree):
    huge = "9" * 25
    shown = client.get(GRID, {"dialogue": huge, "date": "2026-13-45", "source": "\x00"})
    data = {**grid_data(tree["läckeby"], [{"title": "Lampa", "theme": huge}]), "dialogue": huge}

    refused = client.post(GRID, data)

    assert shown.status_code == 200
    assert refused.status_code == 200 and Proposal.objects.count() == 0
    summary = [li.get_text(" ", strip=True) for li in soup(refused).select("#batch-errors li")]
    assert len(summary) == 2 and summary[1].startswith(f"Rad 1: Tema ”{huge}” finns inte.")


def test_an_empty_grid_proposes_today_and_saving_is_what_enter_does(client, officer, tree):
    page = soup(client.get(GRID))

    assert page.select_one("#id_date")["value"] == timezone.localdate().isoformat()
    first_button = page.select_one("form.batch-form button[type=submit]")
    assert first_button.get_text(strip=True) == "Spara och registrera nästa"


def test_a_failure_while_saving_leaves_no_row_and_no_photo_behind(
    client, officer, tree, monkeypatch
):
    real_submit, calls = batch.services.submit, []

    def failing_submit(proposal, **kwargs):
        calls.append(proposal)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real_submit(proposal, **kwargs)

    monkeypatch.setattr(batch.services, "submit", failing_submit)
    data = grid_data(tree["läckeby"], [{"title": "Lampa"}, {"title": "Bänk"}])
    data["rad-0-photo"] = upload(jpeg_bytes())

    with pytest.raises(RuntimeError):
        client.post(GRID, data)

    assert Proposal.objects.count() == 0
    photo = calls[0].photo
    assert photo.name and not photo.storage.exists(photo.name)


def test_the_photo_hint_names_the_limit_as_a_round_number(client, officer, tree):
    page = text(client.get(GRID))

    assert "JPEG, PNG eller WebP, högst 10 MB." in page
    assert "10,0 MB" not in page
