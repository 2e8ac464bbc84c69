"""'Så har det gått': the figures against a hand count, the k ≥ 5 rule for age groups, the
pages, the CSVs and their cache."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from rounds.models import ProposalUpdate
from rounds.models.checks import CheckAnswer
from rounds.models.proposals import Source, Status, Visibility
from rounds.proposals import checks
from rounds.proposals import figures as numbers
from tests.support import pages as factories
from tests.support import proposals as make

TODAY = date(2025, 6, 1)


def moment(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def sent(dialogue, on, **fields):
    """A public proposal submitted on the day `on` (its 'Mottaget' dated that day too)."""
    item = make.proposal(dialogue, submitted_at=moment(on), **fields)
    item.updates.update(created_at=moment(on))
    return item


def step(item, status, on, planned=None):
    ProposalUpdate.objects.create(
        proposal=item, status=status, created_at=moment(on), planned_date=planned
    )


@pytest.fixture
def counted(site_tree):
    """Läckeby's dialogue: seven proposals that count and three that do not; one more in
    another village and round. The expected numbers below are counted by hand from this."""
    dialogue = site_tree["dialogue"]
    dialogue.attendance_walk, dialogue.attendance_dialogue = 23, 41
    dialogue.save_revision().publish()
    jan1 = date(2025, 1, 1)
    a = sent(dialogue, jan1, age_group="65_79")  # answered in 10 days, done early: kept
    step(a, Status.PLANNED, date(2025, 1, 11), planned=date(2025, 3, 1))
    step(a, Status.DONE, date(2025, 2, 20))
    b = sent(dialogue, jan1, source=Source.WALK, age_group="65_79")  # 20 days, done late
    step(b, Status.DIRECT_ACTION, date(2025, 1, 21), planned=date(2025, 2, 1))
    step(b, Status.DONE, date(2025, 3, 2))
    c = sent(dialogue, jan1, source=Source.WALK, age_group="65_79")  # 30 days, date passed
    step(c, Status.PLANNED, date(2025, 1, 31), planned=date(2025, 5, 1))
    d = sent(dialogue, jan1, source=Source.DIALOGUE, age_group="65_79")  # 40 days, date coming
    step(d, Status.PLANNED, date(2025, 2, 10), planned=date(2025, 9, 1))
    e = sent(dialogue, jan1, source=Source.DIALOGUE, age_group="65_79")  # only 'Behandlas'
    step(e, Status.REVIEWING, date(2025, 1, 5))
    f = sent(dialogue, jan1, source=Source.LETTER, age_group="18_29")  # 5 days, refused
    step(f, Status.NOT_FEASIBLE, date(2025, 1, 6))
    sent(dialogue, jan1, source=Source.PHONE)  # no answer yet, no age given
    # Not counted: hidden, waiting for moderation, withdrawn.
    sent(dialogue, jan1, age_group="18_29", visibility=Visibility.HIDDEN)
    sent(dialogue, jan1, age_group="18_29", visibility=Visibility.PENDING)
    gone = sent(dialogue, jan1, age_group="18_29")
    gone.withdrawn_at = moment(date(2025, 1, 2))
    gone.save()
    other_place = factories.place(title="Halltorp", slug="halltorp")
    other_round = factories.round_page(title="Omgång 2028–2029", slug="omgang-2028")
    other = factories.dialogue(other_place, other_round, slug="dialog-2028")
    k = sent(other, jan1)
    step(k, Status.DONE, date(2025, 1, 3))
    return {**site_tree, "other_place": other_place, "other_round": other_round}


def counts(rows):
    return {row.key: row.count for row in rows}


def test_the_village_figures_match_a_hand_count(counted):
    place = counted["place"]
    result = numbers.figures_of(
        numbers.of_place(place), numbers.dialogues_of_place(place), today=TODAY
    )
    assert result.total == 7
    assert (result.answered, result.answered_percent) == (5, 71)
    assert counts(result.by_status) == {
        "received": 1,
        "reviewing": 1,
        "direct_action": 0,
        "planned": 2,
        "forwarded": 0,
        "done": 2,
        "not_feasible": 1,
        "duplicate": 0,
    }
    assert result.median_days_to_answer == 20  # 5, 10, 20, 30, 40
    assert result.median_days_to_done == 55  # 50 and 60
    assert counts(result.promises) == {
        "kept": 1,
        "late": 1,
        "overdue": 1,
        "coming": 1,
        "changed": 0,
    }
    assert counts(result.by_source) == {"online": 1, "walk": 2, "dialogue": 2, "letter_phone": 2}
    assert (result.attendance_walk, result.attendance_dialogue) == (23, 41)
    assert counts(result.confirmations) == {"yes": 0, "no": 0}  # nobody asked yet


def test_an_age_group_is_shown_from_five_and_never_below(counted):
    place = counted["place"]
    ages = counts(
        numbers.figures_of(
            numbers.of_place(place), numbers.dialogues_of_place(place), TODAY
        ).age_groups
    )
    # Five proposals from 65–79 are shown; the one from 18–29 (and the empty groups) are not:
    # the hidden, pending and withdrawn 18–29 proposals do not lift it to a number either.
    assert ages == {
        "under_18": None,
        "18_29": None,
        "30_49": None,
        "50_64": None,
        "65_79": 5,
        "80_plus": None,
    }


def test_a_promise_passes_its_date_the_day_after(counted):
    place = counted["place"]

    def promises(today):
        return counts(
            numbers.figures_of(
                numbers.of_place(place), numbers.dialogues_of_place(place), today
            ).promises
        )

    # C was promised for 1 May: on that day it is still coming, the next day it has passed.
    assert promises(date(2025, 5, 1))["overdue"] == 0
    assert promises(date(2025, 5, 2))["overdue"] == 1


def test_the_round_and_the_municipality_count_their_own(counted):
    round_figures = numbers.figures_of(
        numbers.of_round(counted["round"]), numbers.dialogues_of_round(counted["round"]), TODAY
    )
    other_round = numbers.figures_of(
        numbers.of_round(counted["other_round"]),
        numbers.dialogues_of_round(counted["other_round"]),
        TODAY,
    )
    everything = numbers.figures_of(
        numbers.all_public(), numbers.dialogues_of_round(counted["round"]), TODAY
    )
    assert (round_figures.total, other_round.total, everything.total) == (7, 1, 8)
    assert other_round.median_days_to_done == 2
    assert counts(everything.by_status)["done"] == 3


def test_the_pages_show_the_figures_with_charts_and_tables(client, counted):
    place, round_page = counted["place"], counted["round"]
    for url, name in [
        ("/sa-har-det-gatt/", "hela kommunen"),
        (place.url + "sa-har-det-gatt/", "Läckeby"),
        (round_page.url + "sa-har-det-gatt/", round_page.title),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>Så har det gått i {name}</h1>" in html
        # Each chart is an image with its title and description, and a table beside it.
        assert html.count('<svg class="chart" role="img"') == 4
        assert html.count("<table") == 4
        assert '<title id="diagram-utfall-title">Vad som hände med förslagen</title>' in html
        assert "<script" not in html.split("<main", 1)[1]
    html = client.get(place.url + "sa-har-det-gatt/").content.decode()
    assert '<th scope="row">65–79 år</th><td>5</td>' in html
    assert '<th scope="row">18–29 år</th><td>färre än 5</td>' in html
    assert "18–29 år: färre än 5" in html  # the chart's description says it too
    assert "<dd>7</dd>" in html and "5 förslag (71 procent)" in html
    assert "23 (från 1 vandring)" in html and "41 (från 1 möte)" in html


def test_the_figures_are_linked_from_the_village_the_round_and_the_footer(client, counted):
    place, round_page = counted["place"], counted["round"]
    assert f'href="{place.url}sa-har-det-gatt/"' in client.get(place.url).content.decode()
    assert f'href="{round_page.url}sa-har-det-gatt/"' in client.get(round_page.url).content.decode()
    assert 'href="/sa-har-det-gatt/"' in client.get("/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/sa-har-det-gatt/" in sitemap
    assert f"http://localhost{place.url}sa-har-det-gatt/" in sitemap


def test_the_csv_opens_in_excel_with_every_figure(client, counted):
    place = counted["place"]
    response = client.get(place.url + "sa-har-det-gatt.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sa-har-det-gatt-lackeby.csv"'
    assert response.content.startswith("\ufeff".encode())
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Område;Avsnitt;Uppgift;Värde"
    assert "Läckeby;I korthet;Publicerade förslag;7" in lines
    assert "Läckeby;I korthet;Andel besvarade (procent);71" in lines
    assert "Läckeby;Deltagare;På förbättringsvandringarna;23" in lines
    assert "Läckeby;Vad som hände med förslagen;Genomfört;2" in lines
    assert "Läckeby;Hur förslagen kom in;Med brev eller telefon;2" in lines
    assert "Läckeby;Förslag per åldersgrupp;65–79 år;5" in lines
    assert "Läckeby;Förslag per åldersgrupp;18–29 år;färre än 5" in lines
    whole = client.get("/sa-har-det-gatt.csv").content.decode("utf-8-sig")
    assert "hela kommunen;I korthet;Publicerade förslag;8" in whole


@pytest.mark.parametrize(
    "url",
    [
        "/orter/finns-inte/sa-har-det-gatt.csv",
        "/orter/lackeby/lackeby-utvecklingsdialog-2026/sa-har-det-gatt.csv",  # a dialogue
        "/orter/sa-har-det-gatt.csv",  # the index of villages
        "/orter/lackeby/sa-har-det-gatt/finns-inte/",
    ],
)
def test_figures_of_what_has_none_answer_404(client, counted, url):
    assert client.get(url).status_code == 404


def test_an_unpublished_village_has_no_figures(client, counted):
    place = counted["other_place"]
    url = place.url
    place.unpublish()
    assert client.get(url + "sa-har-det-gatt/").status_code == 404
    assert client.get(url + "sa-har-det-gatt.csv").status_code == 404


def test_a_new_answer_shows_at_once_though_the_figures_are_cached(
    client, counted, django_capture_on_commit_callbacks
):
    url = counted["place"].url + "sa-har-det-gatt.csv"
    answered = "I korthet;Besvarade förslag;{}"
    assert answered.format(5) in client.get(url).content.decode("utf-8-sig")
    assert answered.format(5) in client.get(url).content.decode("utf-8-sig")  # from the cache
    waiting = numbers.of_place(counted["place"]).get(status=Status.RECEIVED)
    with django_capture_on_commit_callbacks(execute=True):  # the cache forgets at the commit
        make.answer(waiting, Status.DONE, public_message="Lampan är bytt.")
    fresh = client.get(url).content.decode("utf-8-sig")
    assert answered.format(6) in fresh and "Genomfört;3" in fresh


def test_the_residents_answers_to_stammer_det_are_counted(client, counted):
    """Two say yes about Läckeby's done proposals, one says no; Halltorp's answer is its own."""
    done = numbers.of_place(counted["place"]).filter(status=Status.DONE).first()
    for email, answer in [
        ("a@example.org", "yes"),
        ("b@example.org", "yes"),
        ("c@example.org", "no"),
    ]:
        check, _ = checks.ask(done, email, is_proposer=False)
        checks.record_answer(check, answer)
    asked_only, _ = checks.ask(done, "d@example.org", is_proposer=False)  # not answered: no count
    other = numbers.of_place(counted["other_place"]).get()
    checks.record_answer(checks.ask(other, "a@example.org", is_proposer=False)[0], CheckAnswer.NO)

    village = numbers.figures_of(
        numbers.of_place(counted["place"]), numbers.dialogues_of_place(counted["place"]), TODAY
    )

    assert counts(village.confirmations) == {"yes": 2, "no": 1}
    page = client.get(counted["place"].url + "sa-har-det-gatt/").content.decode()
    assert "Stämmer det? Invånarnas svar" in page
    csv = client.get(counted["place"].url + "sa-har-det-gatt.csv").content.decode("utf-8-sig")
    assert "Stämmer det? Invånarnas svar;Ja, det är gjort;2" in csv
    assert "Stämmer det? Invånarnas svar;Nej, inte än;1" in csv


def test_without_answers_the_figures_say_nothing_about_stammer_det(client, counted):
    page = client.get(counted["place"].url + "sa-har-det-gatt/").content.decode()

    assert "Stämmer det?" not in page
