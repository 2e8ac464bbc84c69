"""What a resident sees on each public page: the page frame, the lists, the dates and places."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from rounds.models import ContactPerson, DialogueEvent
from tests.support import pages as factories
from tests.support.html import assert_page_frame, soup_of, text_of

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WALK = DialogueEvent.Kind.WALK
MEETING = DialogueEvent.Kind.DIALOGUE
SUMMARY = [("text", "<p>Tolv förslag blev åtgärder och busskuren flyttas.</p>")]

pytestmark = pytest.mark.usefixtures("clear_cache")


def section(soup, heading_id):
    """The landmark or block labelled by the heading with this id."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no heading #{heading_id}"
    return heading.find_parent(["section", "aside"]) or heading.parent


# Every page type


@pytest.mark.parametrize(
    "key", ["home", "standard", "places", "place", "rounds", "round", "dialogue"]
)
def test_every_page_type_has_one_h1_one_main_swedish_and_a_skip_link(client, site_tree, key):
    page = site_tree[key]
    soup = soup_of(client, page.url)
    assert_page_frame(soup)
    assert text_of(soup.h1) == page.title


def test_search_page_has_the_same_frame(client, site_tree):
    assert_page_frame(soup_of(client, "/sok/"))


def test_page_that_is_not_live_is_not_found(client, site_tree):
    dialogue = site_tree["dialogue"]
    url = dialogue.url
    dialogue.unpublish()
    soup = soup_of(client, url, status=404)
    assert_page_frame(soup)
    assert text_of(soup.h1) == "Sidan finns inte"


def test_draft_page_never_published_is_not_found(client, site_tree):
    draft = factories.place("Halltorp", live=False)
    assert soup_of(client, "/orter/halltorp/", status=404).find("h1")
    assert not Page.objects.get(pk=draft.pk).live


def test_unknown_address_gives_the_swedish_not_found_page(client, site_tree):
    soup = soup_of(client, "/finns-inte/alls/", status=404)
    assert_page_frame(soup)
    assert text_of(soup.h1) == "Sidan finns inte"
    assert soup.find("a", href="/sok/")


# Footer


def test_footer_shows_who_runs_the_site_and_links_to_accessibility_and_privacy(client, site_tree):
    home = site_tree["home"]
    accessibility = factories.standard_page(home, title="Tillgänglighet", slug="tillganglighet")
    privacy = factories.standard_page(home, title="Personuppgifter", slug="personuppgifter")
    factories.municipality_settings(
        municipality_name="Kalmar kommun",
        contact_email="kontakt@kalmar.example",
        contact_phone="0480-45 00 00",
        accessibility_page=accessibility,
        privacy_page=privacy,
    )
    footer = soup_of(client, site_tree["place"].url).find("footer")
    text = text_of(footer)
    assert "Kalmar kommun" in text
    assert footer.find("a", href="mailto:kontakt@kalmar.example")
    assert footer.find("a", href="tel:0480450000")
    assert "0480-45 00 00" in text
    assert text_of(footer.find("a", href="/tillganglighet/")) == "Tillgänglighetsredogörelse"
    assert text_of(footer.find("a", href="/personuppgifter/")) == "Så behandlar vi personuppgifter"


def test_footer_without_contact_details_or_pages_shows_no_empty_links(client, site_tree):
    factories.municipality_settings(
        municipality_name="Kalmar kommun", contact_email="", contact_phone=""
    )
    footer = soup_of(client, "/").find("footer")
    assert "Kalmar kommun" in text_of(footer)
    assert footer.find("a", href=lambda href: href and href.startswith("mailto:")) is None
    assert footer.find("a", href=lambda href: href and href.startswith("tel:")) is None
    assert "Tillgänglighetsredogörelse" not in text_of(footer)


# Header


@pytest.mark.parametrize(
    "key", ["home", "standard", "places", "place", "rounds", "round", "dialogue"]
)
def test_every_page_type_links_to_the_easy_read_page_from_its_header(client, site_tree, key):
    easy_read = factories.standard_page(site_tree["home"], title="Lättläst", slug="lattlast")
    factories.municipality_settings(easy_read_page=easy_read)
    link = soup_of(client, site_tree[key].url).find("header").find("a", href="/lattlast/")
    assert link is not None
    assert link["lang"] == "sv"
    assert text_of(link).startswith("Lättläst")


@pytest.mark.parametrize(
    ("path", "status"),
    [("/sok/", 200), ("/finns-inte/", 404), ("forslag/", 200), ("lamna-forslag/", 200)],
)
def test_search_routes_and_not_found_link_to_the_easy_read_page_too(
    client, site_tree, path, status
):
    easy_read = factories.standard_page(site_tree["home"], title="Lättläst", slug="lattlast")
    factories.municipality_settings(easy_read_page=easy_read)
    url = path if path.startswith("/") else site_tree["dialogue"].url + path
    header = soup_of(client, url, status=status).find("header")
    assert header.find("a", href="/lattlast/") is not None


def test_the_easy_read_page_marks_its_own_header_link_as_current(client, site_tree):
    easy_read = factories.standard_page(site_tree["home"], title="Lättläst", slug="lattlast")
    factories.municipality_settings(easy_read_page=easy_read)
    link = soup_of(client, "/lattlast/").find("header").find("a", href="/lattlast/")
    assert link["aria-current"] == "page"


def test_without_an_easy_read_page_the_header_shows_no_such_link(client, site_tree):
    factories.municipality_settings(easy_read_page=None)
    header = soup_of(client, site_tree["place"].url).find("header")
    assert "Lättläst" not in text_of(header)


# Home page


@pytest.fixture
def busy_site(site_tree):
    """Three villages: one coming up and open for proposals, one done, one with a draft dialogue."""
    today = timezone.localdate()
    round_page = site_tree["round"]
    lackeby = site_tree["place"]
    coming = site_tree["dialogue"]
    coming.events.all().delete()  # replaced by events with recognisable titles
    for event in [
        factories.event(WALK, factories.in_days(3), title="Vårvandring"),
        factories.event(MEETING, factories.in_days(12), title="Vårens dialogmöte"),
    ]:
        event.dialogue = coming
        event.save()
    coming.proposals_open = today - timedelta(days=2)
    coming.save_revision().publish()

    paryd = factories.place("Påryd")
    done = factories.dialogue_with_events(
        paryd,
        round_page,
        [
            factories.event(WALK, factories.in_days(-70), title="Höstvandring"),
            factories.event(MEETING, factories.in_days(-60), title="Höstens dialogmöte"),
        ],
        title="Dialog i Påryd",
        summary=SUMMARY,
        summary_intro="Tolv förslag blev åtgärder.",
        summary_published_at=today - timedelta(days=1),
        proposals_open=today - timedelta(days=90),
    )

    halltorp = factories.place("Halltorp")
    draft = factories.dialogue_with_events(
        halltorp,
        round_page,
        [factories.event(MEETING, factories.in_days(5), title="Hemligt möte i Halltorp")],
        title="Utkast i Halltorp",
        proposals_open=today - timedelta(days=1),
        live=False,
    )
    return {
        **site_tree,
        "coming": coming,
        "done": done,
        "draft": draft,
        "paryd": paryd,
        "halltorp": halltorp,
        "lackeby": lackeby,
    }


def test_home_lists_upcoming_events_with_their_village(client, busy_site):
    soup = soup_of(client, "/")
    upcoming = section(soup, "upcoming-heading")
    titles = [text_of(h) for h in upcoming.select(".event__title")]
    assert titles == ["Vårvandring i Läckeby", "Vårens dialogmöte i Läckeby"]
    assert [text_of(place) for place in upcoming.select(".event__place")] == ["i Läckeby"] * 2
    assert upcoming.find("a", href=busy_site["coming"].url)


def test_home_does_not_list_past_events_or_draft_dialogues(client, busy_site):
    soup = soup_of(client, "/")
    page_text = text_of(soup.find("main"))
    assert "Höstvandring" not in page_text
    assert "Höstens dialogmöte" not in page_text
    assert "Hemligt möte i Halltorp" not in page_text
    assert "Utkast i Halltorp" not in page_text
    assert soup.find("a", href="/orter/halltorp/utkast-i-halltorp/") is None


def test_home_lists_dialogues_open_for_proposals(client, busy_site):
    open_now = section(soup_of(client, "/"), "open-heading")
    cards = [text_of(h) for h in open_now.select(".card__title")]
    assert cards == [busy_site["coming"].title]
    assert cards[0].startswith("Läckeby: ")
    closes = timezone.localtime(busy_site["coming"].meeting.start).date()
    assert f"till och med {closes.day} " in text_of(open_now)


def test_home_lists_latest_published_summaries(client, busy_site):
    summaries = section(soup_of(client, "/"), "summaries-heading")
    assert [text_of(h) for h in summaries.select(".card__title")] == ["Påryd: Dialog i Påryd"]
    assert "Tolv förslag blev åtgärder." in text_of(summaries)


def test_home_does_not_show_a_summary_dated_tomorrow(client, busy_site):
    done = busy_site["done"]
    done.summary_published_at = timezone.localdate() + timedelta(days=1)
    done.save_revision().publish()
    summaries = section(soup_of(client, "/"), "summaries-heading")
    assert summaries.select(".card__title") == []
    assert "Inga sammanställningar är publicerade ännu." in text_of(summaries)


def test_home_without_anything_planned_says_so(client, site_tree):
    site_tree["dialogue"].unpublish()
    soup = soup_of(client, "/")
    assert "Just nu finns inga inplanerade tillfällen" in text_of(section(soup, "upcoming-heading"))
    assert "Ingen dialog tar emot förslag just nu" in text_of(section(soup, "open-heading"))


# Village index


def test_village_index_shows_every_village_with_its_next_event(client, busy_site):
    soup = soup_of(client, busy_site["places"].url)
    cards = {text_of(item.a): item for item in soup.select(".place-list__item")}
    assert list(cards) == ["Halltorp", "Läckeby", "Påryd"]  # alphabetical
    # The walk is sooner than the meeting, so it is next.
    assert "Nästa: Vårvandring" in text_of(cards["Läckeby"])
    assert cards["Läckeby"].find("a", href=busy_site["lackeby"].url)
    # Påryd's events are over; Halltorp's only dialogue is a draft: nothing next for either.
    assert "Inga inplanerade tillfällen just nu." in text_of(cards["Påryd"])
    assert "Inga inplanerade tillfällen just nu." in text_of(cards["Halltorp"])
    assert "Hemligt möte" not in text_of(soup.find("main"))


def test_village_index_hides_unpublished_villages(client, busy_site):
    busy_site["paryd"].unpublish()
    busy_site["halltorp"].unpublish()
    soup = soup_of(client, busy_site["places"].url)
    assert [text_of(item.a) for item in soup.select(".place-list__item")] == ["Läckeby"]


# Village page


def test_village_page_starts_with_its_next_date_and_the_way_to_propose(client, busy_site):
    soup = soup_of(client, busy_site["lackeby"].url)
    first = soup.select_one("main .next-event")
    # It comes before the introduction and the village's description.
    assert first.find_previous("p", class_="lead") is None
    assert "Nästa tillfälle: Vårvandring" in text_of(first)
    walk = timezone.localtime(factories.in_days(3))
    assert first.find("time")["datetime"].startswith(walk.date().isoformat())
    form_url = busy_site["coming"].url + "lamna-forslag/"
    assert first.find("a", href=form_url, string="Lämna förslag")
    assert "Lämna förslag senast" in text_of(first)
    assert first.find("a", href=busy_site["coming"].url)


def test_village_page_without_coming_dates_or_open_window_has_no_first_screen_box(
    client, busy_site
):
    soup = soup_of(client, busy_site["paryd"].url)
    assert soup.select_one(".next-event") is None
    assert "Lämna förslag" not in text_of(soup.find("main"))


def test_home_page_lets_a_visitor_choose_their_village(client, busy_site):
    busy_site["halltorp"].unpublish()
    soup = soup_of(client, "/")
    choice = soup.find("nav", attrs={"aria-labelledby": "place-choice-heading"})
    assert [text_of(a) for a in choice.find_all("a")] == ["Läckeby", "Påryd"]
    assert choice.find("a", href=busy_site["lackeby"].url)


def test_village_page_shows_its_upcoming_events_only(client, busy_site):
    soup = soup_of(client, busy_site["lackeby"].url)
    coming = section(soup, "coming-heading")
    assert [text_of(h) for h in coming.select(".event__title")] == [
        "Vårvandring",
        "Vårens dialogmöte",
    ]


def test_village_page_lists_its_dialogues_and_latest_summary(client, busy_site):
    soup = soup_of(client, busy_site["paryd"].url)
    dialogues = section(soup, "dialogues-heading")
    # On the village's own page its name is not repeated before each dialogue.
    assert text_of(dialogues.select_one(".link-list a")) == "Dialog i Påryd"
    assert busy_site["round"].title in text_of(dialogues)
    latest = section(soup, "summary-heading")
    assert "Tolv förslag blev åtgärder." in text_of(latest)
    assert latest.find("a", href=busy_site["done"].url + "#summary-heading")
    # Its events are over.
    assert "Inga tillfällen är inplanerade just nu." in text_of(section(soup, "coming-heading"))


def test_village_page_without_published_summary_shows_none(client, busy_site):
    soup = soup_of(client, busy_site["lackeby"].url)
    assert soup.find(id="summary-heading") is None


def test_village_page_hides_draft_dialogues(client, busy_site):
    soup = soup_of(client, "/orter/halltorp/")
    main = text_of(soup.find("main"))
    assert "Utkast i Halltorp" not in main
    assert "Hemligt möte i Halltorp" not in main
    assert "Ingen dialog är publicerad för orten ännu." in main


# Dialogue page


@pytest.mark.parametrize(
    ("walk", "meeting", "summary_days_ago", "current"),
    [
        (10, 20, None, "Förberedelser"),
        (-1, 5, None, "Förbättringsvandring"),
        (-5, -1 / 24, None, "Dialogmöte"),  # the meeting began an hour ago
        (-20, -10, None, "Uppföljning"),
    ],
    ids=["preparation", "walk", "dialogue", "follow-up"],
)
def test_dialogue_page_marks_exactly_the_current_phase(
    client, site_tree, walk, meeting, summary_days_ago, current
):
    fields = {}
    if summary_days_ago is not None:
        fields = {
            "summary": SUMMARY,
            "summary_published_at": timezone.localdate() - timedelta(days=summary_days_ago),
        }
    page = factories.dialogue_with_events(
        site_tree["place"],
        site_tree["round"],
        [
            factories.event(WALK, factories.in_days(walk)),
            factories.event(MEETING, factories.in_days(meeting)),
        ],
        title="Fasprov",
        **fields,
    )
    phases = soup_of(client, page.url).select(".phases__step")
    assert len(phases) == 5
    marked = [step for step in phases if step.get("aria-current") == "step"]
    assert len(marked) == 1
    assert text_of(marked[0].select_one(".phases__label")) == current
    assert "Nu:" in text_of(marked[0])


def test_a_completed_dialogue_has_every_step_done_each_with_its_date(client, site_tree):
    walk, meeting = factories.in_days(-20), factories.in_days(-10)
    page = factories.dialogue_with_events(
        site_tree["place"],
        site_tree["round"],
        [factories.event(WALK, walk), factories.event(MEETING, meeting)],
        title="Fasprov",
        summary=SUMMARY,
        summary_published_at=timezone.localdate() - timedelta(days=1),
    )
    steps = soup_of(client, page.url).select(".phases__step")

    assert [step.get("aria-current") for step in steps] == [None] * 5
    assert all("Klart:" in text_of(step) for step in steps)
    assert "Nu:" not in text_of(steps[-1])
    assert text_of(steps[-1].select_one(".phases__label")) == "Sammanställning"
    dates = [step.select_one(".phases__date time") for step in steps]
    assert dates[1]["datetime"] == timezone.localdate(walk).isoformat()
    assert dates[2]["datetime"] == timezone.localdate(meeting).isoformat()
    published = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert dates[4]["datetime"] == published
    assert text_of(steps[4].select_one(".phases__date")).startswith("Publicerad")


@pytest.fixture
def past_dialogue(site_tree):
    """A dialogue in May 2025 with every detail an event can have."""
    walk = datetime(2025, 5, 14, 17, 0, tzinfo=STOCKHOLM)
    meeting = datetime(2025, 5, 22, 18, 30, tzinfo=STOCKHOLM)
    return factories.dialogue_with_events(
        site_tree["place"],
        site_tree["round"],
        [
            factories.event(
                WALK,
                walk,
                venue_name="Läckeby skola",
                street_address="Skolvägen 3",
                meeting_point="Vid busshållplatsen på Storgatan",
                accessibility_notes="Grusväg, cirka två kilometer. Bänkar längs vägen.",
            ),
            factories.event(
                MEETING,
                meeting,
                hours=2.5,
                venue_name="Bygdegården",
                childcare_offered=True,
                accessibility_notes="Ramp och hörslinga.",
            ),
        ],
        title="Våren 2025",
    )


def test_dialogue_page_shows_each_event_with_time_place_and_details(client, past_dialogue):
    soup = soup_of(client, past_dialogue.url)
    events = section(soup, "events-heading").select(".event")
    assert len(events) == 2
    walk, meeting = (text_of(event) for event in events)
    walk_time, meeting_time = (event.select_one(".event__facts dd").get_text() for event in events)
    # The time range is one unbreakable piece: "kl. 17.00–19.00".
    assert walk_time == "onsdag 14 maj 2025, kl.\u00a017.00–19.00"
    assert events[0].select_one(".event__facts dd .nowrap").get_text() == "kl.\u00a017.00–19.00"
    assert "Läckeby skola, Skolvägen 3, 388 98 Läckeby" in walk
    assert "Samlingsplats Vid busshållplatsen på Storgatan" in walk
    assert "Grusväg, cirka två kilometer. Bänkar längs vägen." in walk
    assert "Barnpassning Nej" in walk
    assert meeting_time == "torsdag 22 maj 2025, kl.\u00a018.30–21.00"
    assert "Bygdegården, Byvägen 1, 388 98 Läckeby" in meeting
    assert "Barnpassning Ja, barnpassning finns under tiden." in meeting
    assert "Ramp och hörslinga." in meeting
    assert "Samlingsplats" not in meeting  # no meeting point given, no empty row
    # Machine-readable times too, in Stockholm time.
    assert events[1].find("time")["datetime"] == "2025-05-22T18:30:00+02:00"


def test_a_cancelled_event_is_struck_through_with_its_reason_and_new_time(client, site_tree):
    dialogue = site_tree["dialogue"]
    walk = dialogue.events.get(kind="walk")
    walk.cancelled = True
    walk.cancellation_reason = "Bygdegården är vattenskadad."
    walk.save()
    new_walk = factories.event(WALK, walk.start + timedelta(days=7), venue_name="Skolan")
    new_walk.dialogue = dialogue
    new_walk.save()

    for url in (dialogue.url, site_tree["place"].url):
        cancelled = soup_of(client, url).select_one(".event--cancelled")
        assert "Inställt:" in text_of(cancelled.h3)
        assert "Bygdegården är vattenskadad." in text_of(cancelled)
        assert "Ny tid:" in text_of(cancelled)
        new_time = cancelled.select_one(".event__cancellation time")
        assert new_time["datetime"] == timezone.localtime(new_walk.start).isoformat()
        assert "Skolan" in text_of(cancelled.select_one(".event__cancellation"))


def test_a_cancelled_event_without_a_new_time_says_only_why(client, site_tree):
    walk = site_tree["dialogue"].events.get(kind="walk")
    walk.cancelled = True
    walk.save()
    cancelled = soup_of(client, site_tree["dialogue"].url).select_one(".event--cancelled")
    assert "Inställt:" in text_of(cancelled)
    assert "Ny tid" not in text_of(cancelled)
    assert cancelled.select_one(".event__cancellation") is None


def test_dialogue_summary_written_but_not_yet_published_stays_hidden(client, past_dialogue):
    past_dialogue.summary = SUMMARY
    past_dialogue.summary_intro = "Sammanfattning som inte är klar."
    past_dialogue.summary_published_at = timezone.localdate() + timedelta(days=1)
    past_dialogue.save_revision().publish()
    summary = section(soup_of(client, past_dialogue.url), "summary-heading")
    text = text_of(summary)
    assert "Tolv förslag" not in text
    assert "Sammanfattning som inte är klar." not in text
    assert "Arbetsgruppen går nu igenom alla förslag." in text


def test_dialogue_summary_is_shown_once_published(client, past_dialogue):
    past_dialogue.summary = SUMMARY
    past_dialogue.summary_intro = "Tolv förslag blev åtgärder."
    past_dialogue.summary_published_at = timezone.localdate()
    past_dialogue.attendance_dialogue = 64
    past_dialogue.save_revision().publish()
    summary = section(soup_of(client, past_dialogue.url), "summary-heading")
    text = text_of(summary)
    assert "Tolv förslag blev åtgärder och busskuren flyttas." in text
    assert "Deltagare på dialogmötet 64" in text
    assert "Publicerad" in text
    assert "Arbetsgruppen går nu igenom" not in text


def main_html(client, url):
    html = client.get(url).content.decode()
    return html[html.index("<main") :]


def test_a_published_summary_comes_before_the_dialogues_introduction(client, past_dialogue):
    past_dialogue.intro = "Kommunen besökte Läckeby för en vandring och ett dialogmöte."
    past_dialogue.summary = SUMMARY
    past_dialogue.summary_published_at = timezone.localdate()
    past_dialogue.save_revision().publish()
    main = main_html(client, past_dialogue.url)  # the intro is also the page's meta description

    assert main.index('id="summary-heading"') < main.index("Kommunen besökte Läckeby")
    past_dialogue.summary_published_at = None
    past_dialogue.save_revision().publish()
    before = main_html(client, past_dialogue.url)
    assert before.index("Kommunen besökte Läckeby") < before.index('id="summary-heading"')


def test_dialogue_summary_note_before_the_meeting(client, site_tree):
    summary = section(soup_of(client, site_tree["dialogue"].url), "summary-heading")
    assert "När dialogen är genomförd och förslagen behandlade publiceras" in text_of(summary)


def test_dialogue_open_for_proposals_says_until_when(client, site_tree):
    dialogue = site_tree["dialogue"]
    dialogue.proposals_open = timezone.localdate()
    dialogue.save_revision().publish()
    soup = soup_of(client, dialogue.url)
    notice = soup.select_one(".next-event__propose")
    assert notice is not None
    closes = timezone.localtime(dialogue.meeting.start)
    assert f"Lämna förslag senast {closes.day} " in text_of(notice)
    assert notice.find("a", string="Lämna förslag")


def test_dialogue_not_taking_proposals_shows_no_open_notice(client, past_dialogue):
    past_dialogue.proposals_open = timezone.localdate() - timedelta(days=600)
    past_dialogue.save_revision().publish()
    soup = soup_of(client, past_dialogue.url)
    assert soup.select_one(".next-event__propose") is None
    assert "Lämna förslag" not in text_of(soup.find("main"))


# Round page


def test_round_schedule_lists_its_dialogues_in_date_order_with_villages(client, site_tree):
    round_page = site_tree["round"]
    site_tree["dialogue"].unpublish()
    for name, meeting_in in [("Arby", 30), ("Berga", 5), ("Dörby", 15)]:
        village = factories.place(name)
        factories.dialogue_with_events(
            village,
            round_page,
            [
                factories.event(WALK, factories.in_days(meeting_in - 2)),
                factories.event(MEETING, factories.in_days(meeting_in)),
            ],
        )
    # Without a walk, and in a draft or another round: the first shows, the others do not.
    factories.dialogue_with_events(
        factories.place("Ekeby"), round_page, [factories.event(MEETING, factories.in_days(10))]
    )
    factories.dialogue_with_events(
        factories.place("Forsby"),
        round_page,
        [factories.event(MEETING, factories.in_days(1))],
        live=False,
    )
    other_round = factories.round_page("Omgång 2024–2025")
    factories.dialogue_with_events(
        factories.place("Gullabo"), other_round, [factories.event(MEETING, factories.in_days(2))]
    )

    soup = soup_of(client, round_page.url)
    rows = soup.select("table.schedule tbody tr")
    assert [text_of(row.th) for row in rows] == ["Berga", "Ekeby", "Dörby", "Arby"]
    ekeby = rows[1]
    assert "Ingen vandring" in text_of(ekeby)
    assert all(row.th.find("a") for row in rows)
    assert [text_of(th) for th in soup.select("table.schedule thead th")] == [
        "Ort",
        "Förbättringsvandring",
        "Dialogmöte",
        "Läge",
    ]


def test_round_without_published_dialogues_says_so(client, site_tree):
    site_tree["dialogue"].unpublish()
    soup = soup_of(client, site_tree["round"].url)
    assert soup.select("table.schedule") == []
    assert "Inga dialoger är publicerade i omgången ännu." in text_of(soup.find("main"))


def test_password_protected_village_stays_out_of_public_listings(client, busy_site):
    PageViewRestriction.objects.create(
        page=busy_site["lackeby"], restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    home = soup_of(client, "/")
    assert "Vårvandring" not in text_of(home.find("main"))
    assert section(home, "open-heading").select(".card__title") == []
    index = soup_of(client, busy_site["places"].url)
    assert "Läckeby" not in [text_of(item.a) for item in index.select(".place-list__item")]
    # The page itself asks for the password instead of showing the dialogue.
    dialogue = soup_of(client, busy_site["coming"].url)
    assert "Vårens dialogmöte" not in text_of(dialogue)
    assert dialogue.find("input", attrs={"type": "password"})


# The dialogue's contact


def test_dialogue_page_names_its_contact_person_with_phone_and_email_links(client, site_tree):
    dialogue = site_tree["dialogue"]
    dialogue.contact = ContactPerson.objects.create(
        name="Karin Ekström",
        role="Landsbygdsutvecklare",
        phone="0480-45 01 20",
        email="karin.ekstrom@kalmar.example",
    )
    dialogue.save_revision().publish()

    contact = section(soup_of(client, dialogue.url), "contact-heading")
    assert text_of(contact.find("strong")) == "Karin Ekström"
    assert "Landsbygdsutvecklare" in text_of(contact)
    assert text_of(contact.find("a", href="tel:+46480450120")) == "0480-45 01 20"
    assert contact.find("a", href="mailto:karin.ekstrom@kalmar.example")


def test_dialogue_page_without_a_contact_person_gives_the_municipalitys_contact(client, site_tree):
    factories.municipality_settings(
        municipality_name="Kalmar kommun",
        contact_email="kontakt@kalmar.example",
        contact_phone="0480-45 00 00",
    )

    contact = section(soup_of(client, site_tree["dialogue"].url), "contact-heading")
    assert "Kalmar kommun" in text_of(contact)
    assert contact.find("a", href="mailto:kontakt@kalmar.example")
    assert text_of(contact.find("a", href="tel:0480450000")) == "0480-45 00 00"
