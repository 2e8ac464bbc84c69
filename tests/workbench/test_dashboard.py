"""The editors' dashboard: coming events, dialogues awaiting their summary and proposal windows
closing within two weeks, each only for pages the editor may edit, in a constant number of
queries, and each with a Swedish sentence when it has nothing to show."""

from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from rounds.models import DialogueEvent, DialoguePage, Proposal
from rounds.models.proposals import Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import EDITORS, login, staff
from tests.support.html import soup_of, text_of

PANELS = ("coming_events", "awaiting_summary", "closing_windows")


@pytest.fixture
def editor(client, db):
    return login(client, EDITORS)


def rows(page, panel):
    section = page.find(id=f"{panel}-section")
    assert section is not None, f"no panel {panel}"
    return [[text_of(td) for td in tr.select("td")] for tr in section.select("tbody tr")]


def panel_text(page, panel):
    return text_of(page.find(id=f"{panel}-section"))


def held(dialogue, days_ago):
    """Move the dialogue's walk and meeting `days_ago` days into the past, 18–20 local time
    (at any hour of the test run, the meeting ends on the day it was held)."""
    for event in dialogue.events.all():
        day = timezone.localdate() - timedelta(
            days=days_ago + (1 if event.kind == DialogueEvent.Kind.WALK else 0)
        )
        start = timezone.make_aware(datetime.combine(day, time(18)))
        DialogueEvent.objects.filter(pk=event.pk).update(
            start=start, end=start + timedelta(hours=2)
        )


def test_every_panel_says_so_in_swedish_when_empty(client, editor, home):
    page = soup_of(client, "/admin/")

    assert "Inga tillfällen är inlagda framåt." in panel_text(page, "coming_events")
    assert "Ingen dialog väntar på sin sammanställning." in panel_text(page, "awaiting_summary")
    assert "Inget förslagsfönster stänger de närmaste 14 dagarna." in panel_text(
        page, "closing_windows"
    )
    assert "Förslagsfönster som stänger inom 2 veckor (0)" in panel_text(page, "closing_windows")


def test_coming_events_show_village_kind_date_and_place_and_mark_cancelled(client, editor, tree):
    läckeby = tree["läckeby"]
    walk = läckeby.events.get(kind=DialogueEvent.Kind.WALK)
    DialogueEvent.objects.filter(pk=walk.pk).update(
        cancelled=True, cancellation_reason="Lokalen är vattenskadad"
    )

    page = soup_of(client, "/admin/")

    shown = rows(page, "coming_events")
    assert [row[1] for row in shown] == ["Läckeby", "Påryd", "Läckeby", "Påryd"]
    walk_label, meeting_label = DialogueEvent.Kind.WALK.label, DialogueEvent.Kind.DIALOGUE.label
    assert shown[0][0].startswith(f"{walk_label} Inställt")
    assert shown[2][0].startswith(str(meeting_label))
    assert shown[0][3] == "Bygdegården"
    assert "kl." in shown[0][2]
    section = page.find(id="coming_events-section")
    assert section.select_one("tbody tr del").get_text() == walk_label
    links = [a["href"] for a in section.select("tbody a")]
    assert links[0] == f"/admin/pages/{läckeby.pk}/edit/"


def test_past_events_are_not_coming(client, editor, tree):
    held(tree["läckeby"], days_ago=3)

    shown = rows(soup_of(client, "/admin/"), "coming_events")

    assert [row[1] for row in shown] == ["Påryd", "Påryd"]


def test_a_dialogue_whose_meeting_passed_awaits_its_summary_with_its_counts(client, editor, tree):
    läckeby, påryd = tree["läckeby"], tree["påryd"]
    held(läckeby, days_ago=12)
    make.proposal(läckeby, title="Obesvarat")
    answered = make.proposal(läckeby, title="Besvarat")
    make.answer(answered, Status.DONE, public_message="Klart.")
    make.proposal(läckeby, visibility=Visibility.PENDING)
    held(påryd, days_ago=40)
    DialoguePage.objects.filter(pk=påryd.pk).update(
        summary_published_at=timezone.localdate() - timedelta(days=2)
    )

    page = soup_of(client, "/admin/")

    assert rows(page, "awaiting_summary") == [
        [läckeby.title, "Läckeby", "för 12 dagar sedan", "1 av 2", "1"]
    ]
    assert "Väntar på sammanställning (1)" in panel_text(page, "awaiting_summary")


def test_a_cancelled_meeting_does_not_count_as_held(client, editor, tree):
    läckeby = tree["läckeby"]
    held(läckeby, days_ago=5)
    DialogueEvent.objects.filter(dialogue=läckeby).update(cancelled=True)

    assert rows(soup_of(client, "/admin/"), "awaiting_summary") == []


def test_windows_closing_within_two_weeks_show_the_proposals_received(client, editor, tree):
    today = timezone.localdate()
    läckeby, påryd = tree["läckeby"], tree["påryd"]
    DialoguePage.objects.filter(pk=läckeby.pk).update(
        proposals_open=today - timedelta(days=30), proposals_close=today + timedelta(days=5)
    )
    DialoguePage.objects.filter(pk=påryd.pk).update(
        proposals_open=today - timedelta(days=30), proposals_close=today + timedelta(days=15)
    )
    make.proposal(läckeby)
    make.proposal(läckeby, visibility=Visibility.PENDING)
    withdrawn = make.proposal(läckeby)
    Proposal.objects.filter(pk=withdrawn.pk).update(withdrawn_at=timezone.now())

    shown = rows(soup_of(client, "/admin/"), "closing_windows")

    assert len(shown) == 1
    assert shown[0][1] == "Läckeby"
    assert shown[0][2].endswith("(om 5 dagar)")
    assert shown[0][3] == "2"


def test_a_window_without_a_closing_date_closes_on_the_meeting_day(client, editor, home):
    round_page = factories.round_page()
    dialogue = factories.dialogue(
        factories.place("Tvärskog"),
        round_page,
        walk_in_days=3,
        meeting_in_days=9,
        proposals_open=timezone.localdate() - timedelta(days=10),
    )

    shown = rows(soup_of(client, "/admin/"), "closing_windows")

    assert [row[:2] for row in shown] == [[dialogue.title, "Tvärskog"]]
    assert shown[0][2].endswith("(om 9 dagar)")


def test_only_dialogues_the_editor_may_edit_are_listed(client, db, tree):
    group = Group.objects.create(name="Läckebys redaktör")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=tree["läckeby"].get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = staff(username="lackeby")
    user.groups.add(group)
    login(client, user=user)

    shown = rows(soup_of(client, "/admin/"), "coming_events")

    assert {row[1] for row in shown} == {"Läckeby"}


def test_staff_who_cannot_edit_pages_get_no_editor_panels(client, db, tree):
    login(client)  # admin access only

    panels = {panel.name for panel in client.get("/admin/").context["panels"]}

    assert not panels & set(PANELS)


def test_the_panels_use_a_constant_number_of_queries(
    client, editor, tree, django_assert_max_num_queries
):
    def render_panels():
        panels = {p.name: p for p in client.get("/admin/").context["panels"]}
        with django_assert_max_num_queries(6):
            for name in PANELS:
                panels[name].render_html({})

    today = timezone.localdate()
    DialoguePage.objects.update(
        proposals_open=today - timedelta(days=30), proposals_close=today + timedelta(days=3)
    )
    render_panels()
    round_page = tree["round"]
    for title in ("Hagby", "Tvärskog", "Rockneby", "Dunö", "Halltorp", "Vassmolösa"):
        dialogue = factories.dialogue(
            factories.place(title), round_page, proposals_open=today, extra_events=2
        )
        make.proposal(dialogue)
        if title in ("Dunö", "Halltorp"):
            held(dialogue, days_ago=2)
    render_panels()


def test_both_dialogue_panels_head_their_columns(client, editor, tree):
    today = timezone.localdate()
    held(tree["påryd"], days_ago=5)
    DialoguePage.objects.filter(pk=tree["läckeby"].pk).update(
        proposals_open=today - timedelta(days=30), proposals_close=today + timedelta(days=5)
    )

    page = soup_of(client, "/admin/")

    def headings(panel):
        return [text_of(th) for th in page.find(id=f"{panel}-section").select("thead th")]

    assert headings("awaiting_summary") == [
        "Dialog",
        "Ort",
        "Dialogmötet var",
        "Obesvarade",
        "Väntar på moderering",
    ]
    assert headings("closing_windows") == ["Dialog", "Ort", "Sista dag", "Inkomna förslag"]
    assert rows(page, "awaiting_summary")[0][1] == "Påryd"
    assert rows(page, "closing_windows")[0][1] == "Läckeby"
