"""`manage.py seed_demo`: idempotent, complete, dated around today, and every page renders."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from home.models import HomePage, MunicipalitySettings, PortalImage
from places.models import PlacePage
from portal.demo.content.proposals import COMPLETED, CURRENT
from rounds.models import (
    Department,
    DialogueEvent,
    DialoguePage,
    EventRegistration,
    Proposal,
    ProposalUpdate,
    RoundPage,
    Theme,
)
from rounds.models.phases import Phase
from rounds.models.proposals import Source, Status, Visibility

POPULATIONS = {
    "Lindsdal": 5958,
    "Smedby": 3658,
    "Ljungbyholm": 1809,
    "Rinkabyholm": 1659,
    "Trekanten": 1608,
    "Rockneby": 960,
    "Läckeby": 943,
    "Hagby": 831,
    "Påryd": 685,
    "Drag": 550,
    "Vassmolösa": 534,
    "Dunö": 430,
    "Tvärskog": 394,
    "Åmunnen": 343,
    "Halltorp": 286,
}


def seed(*args, verbosity=0):
    out = StringIO()
    call_command("seed_demo", *args, verbosity=verbosity, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker):
    """The demo, seeded once for this module (it takes seconds) and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed(verbosity=1)
        transaction.set_rollback(True)


@pytest.fixture
def demo(first_run, db):
    """The seeded demo; each test's own changes are rolled back by `db`."""
    return first_run


def snapshot():
    """Everything the demo creates, as comparable values."""
    home = HomePage.objects.get()
    settings = MunicipalitySettings.objects.values().get()
    return {
        "pages": sorted(
            Page.objects.values_list("url_path", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "events": sorted(
            DialogueEvent.objects.values_list("dialogue__url_path", "kind", "start", "end")
        ),
        "images": sorted(PortalImage.objects.values_list("title", "description", "file")),
        "themes": sorted(Theme.objects.values_list("name", "description", "sort_order")),
        "departments": sorted(Department.objects.values_list("name", "kind", "website")),
        "proposals": sorted(
            Proposal.objects.values_list(
                "reference", "dialogue_id", "title", "status", "visibility", "status_changed_at"
            )
        ),
        "updates": sorted(
            ProposalUpdate.objects.values_list("proposal_id", "status", "created_at")
        ),
        "home": (home.title, home.intro, home.method_heading, home.method_text),
        "settings": settings,
    }


def current_round():
    return RoundPage.objects.order_by("-start_date").first()


def test_seeding_twice_changes_nothing(demo):
    before = snapshot()

    second_output = seed()

    assert snapshot() == before
    proposals = len(COMPLETED) + len(CURRENT)
    assert f"Demoinnehåll klart: 15 orter, 2 omgångar, 19 dialoger, {proposals} förslag." in demo
    assert second_output == ""


def test_seeding_twice_adds_no_proposals_or_updates(demo):
    counts = Proposal.objects.count(), ProposalUpdate.objects.count()

    seed()

    assert (Proposal.objects.count(), ProposalUpdate.objects.count()) == counts
    assert counts[0] == len(COMPLETED) + len(CURRENT)
    assert counts[1] > 2 * counts[0]


def test_admin_only_when_asked(demo):
    User = get_user_model()
    assert not User.objects.filter(username="admin").exists()

    output = seed("--admin", verbosity=1)

    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("ortsdialog")
    assert "ortsdialog" in output


def test_site_settings_and_pages(demo):
    site = Site.objects.get(is_default_site=True)
    settings = MunicipalitySettings.for_site(site)
    home = site.root_page.specific

    assert (settings.municipality_name, settings.contact_email, settings.contact_phone) == (
        "Kalmar kommun",
        "kommun@kalmar.se",
        "0480-45 00 00",
    )
    assert settings.accessibility_page.slug == "tillganglighet"
    assert settings.easy_read_page.slug == "lattlast"
    assert settings.privacy_page.slug == "personuppgifter"
    assert home.title == "Ortsdialog" and "förbättringsvandring" in home.method_text.lower()
    children = {page.slug: page for page in home.get_children().live()}
    assert set(children) == {
        "orter",
        "omgangar",
        "om-utvecklingsdialogerna",
        "tillganglighet",
        "personuppgifter",
        "lattlast",
    }
    menu = {slug for slug, page in children.items() if page.show_in_menus}
    assert menu == {"orter", "omgangar", "om-utvecklingsdialogerna"}
    assert Theme.objects.count() >= 8
    assert Department.objects.filter(kind=Department.Kind.EXTERNAL, name="Trafikverket").exists()


def test_fifteen_villages_with_population_images_and_coordinates(demo):
    villages = PlacePage.objects.live().select_related("hero_image")

    assert {v.title: (v.population, v.population_year) for v in villages} == {
        name: (population, 2019) for name, population in POPULATIONS.items()
    }
    for village in villages:
        assert village.slug.isascii()
        assert village.hero_image.description.startswith("Illustration")
        assert village.latitude is not None and village.longitude is not None
        assert village.intro and village.body and village.tags.exists()


def test_rounds_phases_and_events_are_dated_around_today(demo):
    now = timezone.now()
    current = current_round()
    completed = RoundPage.objects.exclude(pk=current.pk).get()
    dialogues = list(DialoguePage.objects.filter(round=current).prefetch_related("events"))
    past = list(DialoguePage.objects.filter(round=completed).prefetch_related("events"))

    assert current.start_date <= timezone.localdate() <= current.end_date
    assert len(dialogues) == 11
    assert len({d.get_parent().pk for d in dialogues}) == 11
    phases = {d.phase(now) for d in dialogues}
    assert {Phase.FOLLOW_UP, Phase.WALK, Phase.PREPARATION} <= phases
    assert any(d.is_open_for_proposals() for d in dialogues)
    assert all(d.proposals_close is None for d in dialogues)

    assert 4 <= len(past) <= 11
    assert {d.phase(now) for d in past} == {Phase.COMPLETED}
    assert all(d.summary and d.summary_intro for d in past)

    events = DialogueEvent.objects.all()
    assert events.filter(end__lt=now).exists() and events.filter(start__gt=now).exists()
    assert events.filter(start__gt=now, start__lt=now + timedelta(days=7)).exists()
    assert events.filter(kind=DialogueEvent.Kind.OTHER).exists()
    assert all(
        event.venue_name and (event.kind != "walk" or event.meeting_point) for event in events
    )
    # Two coming meetings take anmälan, and nobody has registered: no made-up personal data.
    signup = [event for event in events if event.takes_registrations(now)]
    assert len(signup) == 2 and {event.kind for event in signup} == {"dialogue"}
    assert not EventRegistration.objects.exists()


def test_every_demo_page_answers_200(demo, client):
    pages = Page.objects.live().filter(depth__gte=2).specific()

    failures = {page.url: client.get(page.url).status_code for page in pages}

    assert len(failures) == 1 + 6 + 15 + 2 + 19
    assert {url: status for url, status in failures.items() if status != 200} == {}


def test_demo_proposals_end_in_every_status(demo):
    statuses = set(Proposal.objects.values_list("status", flat=True))
    completed = Proposal.objects.exclude(dialogue__round=current_round())

    assert statuses == set(Status)
    assert set(completed.values_list("visibility", flat=True)) == {Visibility.PUBLIC}
    assert set(completed.values_list("status", flat=True)) >= {
        Status.DIRECT_ACTION,
        Status.PLANNED,
        Status.FORWARDED,
        Status.DONE,
        Status.NOT_FEASIBLE,
        Status.DUPLICATE,
    }


def test_each_status_is_its_latest_update_in_a_dated_history(demo):
    now = timezone.now()
    proposals = Proposal.objects.prefetch_related("updates", "dialogue__events")

    for proposal in proposals:
        updates = list(proposal.updates.all())
        latest = updates[-1]
        assert (proposal.status, proposal.responsible_id) == (latest.status, latest.responsible_id)
        assert proposal.status_changed_at == latest.created_at
        assert (updates[0].status, updates[0].created_at) == (
            Status.RECEIVED,
            proposal.submitted_at,
        )
        stamps = [update.created_at for update in updates]
        assert stamps == sorted(stamps) and stamps[-1] < now
        if proposal.is_public and proposal.source != Source.ONLINE:
            assert proposal.moderated_at == proposal.submitted_at
        if proposal.status == Status.DUPLICATE:
            assert proposal.duplicate_of.dialogue_id == proposal.dialogue_id


def test_completed_round_has_full_histories_after_the_meeting(demo):
    completed = Proposal.objects.exclude(dialogue__round=current_round())

    for proposal in completed.prefetch_related("updates__responsible", "dialogue__events"):
        updates = list(proposal.updates.all())
        answers = [u for u in updates if u.status not in (Status.RECEIVED, Status.REVIEWING)]
        assert len(updates) >= 2 and answers, proposal.title
        assert any(u.created_at > proposal.dialogue.meeting.end for u in answers)
        for update in answers:
            assert update.public_message, proposal.title
            if update.status == Status.FORWARDED:
                assert update.responsible.kind == Department.Kind.EXTERNAL
    updates = ProposalUpdate.objects.filter(proposal__in=completed)
    assert updates.exclude(planned_date=None).exists()
    assert updates.filter(decision_reference__regex=r"^[A-Z]+ 20\d\d/\d{4}$").exists()


def test_current_round_has_pending_and_unanswered_proposals(demo):
    current = Proposal.objects.filter(dialogue__round=current_round()).select_related("dialogue")
    public = current.filter(visibility=Visibility.PUBLIC)

    assert current.filter(visibility=Visibility.PENDING).count() >= 3
    assert {Status.RECEIVED, Status.REVIEWING} <= set(public.values_list("status", flat=True))
    assert {Source.WALK, Source.DIALOGUE, Source.LETTER, Source.PHONE} <= set(
        current.values_list("source", flat=True)
    )
    for proposal in current.filter(source=Source.ONLINE):
        assert proposal.dialogue.proposals_open <= timezone.localdate(proposal.submitted_at)


def test_demo_personal_data_is_fictitious_and_mostly_unnamed(demo):
    proposals = Proposal.objects.all()
    emails = [*proposals.exclude(email="").values_list("email", flat=True)]
    emails += get_user_model().objects.exclude(email="").values_list("email", flat=True)
    phones = proposals.exclude(phone="").values_list("phone", flat=True)
    shown = proposals.filter(show_name=True)

    assert emails and {email.rsplit("@", 1)[1] for email in emails} <= {
        "example.org",
        "example.com",
    }
    # 070-1740605 to 070-1740699 are set aside by PTS for use in fiction.
    assert phones and all(phone.startswith("070-174 06") for phone in phones)
    # Postcodes 999 xx have never been given out: a demo letter reaches nobody.
    by_letter = proposals.filter(reply_by_letter=True)
    assert by_letter.filter(source=Source.LETTER) and by_letter.filter(source=Source.PHONE)
    addresses = proposals.exclude(postal_address="").values_list("postal_address", flat=True)
    assert addresses and all(address.splitlines()[1].startswith("999 ") for address in addresses)
    assert 0 < shown.count() < proposals.count() / 4
    assert all(proposal.public_author for proposal in shown)


def test_where_the_meeting_takes_anmalan_the_text_says_how_to_register(demo, client):
    registering = DialoguePage.objects.filter(events__registration_open=True).distinct()
    others = DialoguePage.objects.exclude(events__registration_open=True)
    assert registering.exists() and others.exists()

    for dialogue in registering:
        page = client.get(dialogue.url).content.decode()
        assert "Du behöver inte anmäla dig" not in page, dialogue.url
        if dialogue.phase() not in (Phase.FOLLOW_UP, Phase.COMPLETED):
            assert "Anmäl dig med knappen" in page, dialogue.url
    for event in DialogueEvent.objects.filter(registration_open=True):
        assert "Hör av dig minst en vecka" not in event.accessibility_notes
