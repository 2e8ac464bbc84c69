"""The dashboard's proposal panels: the queue waiting for moderation and the proposals left
without an update, each proposal with its village, in a constant number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make
from tests.support.html import soup_of, text_of


def test_dashboard_panels_count_the_queues(client, officer, tree):
    for _ in range(3):
        make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    withdrawn = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    Proposal.objects.filter(pk=withdrawn.pk).update(withdrawn_at=timezone.now())
    stale = make.proposal(tree["påryd"], title="Gammalt förslag")
    done = make.proposal(tree["påryd"], title="Klart förslag")
    make.answer(done, Status.DONE, public_message="Klart.")
    make.proposal(tree["påryd"], title="Färskt förslag")
    long_ago = timezone.now() - timedelta(days=61)
    Proposal.objects.filter(pk__in=[stale.pk, done.pk]).update(status_changed_at=long_ago)

    response = client.get("/admin/")

    html = response.content.decode()
    panels = {panel.name: panel for panel in response.context["panels"]}
    assert "Förslag som väntar på moderering" in html
    assert "Förslag utan uppdatering på 60 dagar" in html
    awaiting = panels["proposals_awaiting_moderation"].get_context_data({})
    without_update = panels["proposals_without_update"].get_context_data({})
    assert awaiting["count"] == 3
    assert awaiting["proposals"][0].admin_url.startswith("/admin/forslag/moderate/")
    assert [p.public_title for p in without_update["proposals"]] == ["Gammalt förslag"]
    assert without_update["count"] == 1


def test_dashboard_panels_use_a_constant_number_of_queries(client, officer, tree):
    def queries():
        panels = {p.name: p for p in client.get("/admin/").context["panels"]}
        with CaptureQueriesContext(connection) as context:
            for name in ("proposals_awaiting_moderation", "proposals_without_update"):
                panels[name].get_context_data({})
        return len(context)

    for _ in range(6):
        make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    few = queries()
    for _ in range(6):
        make.proposal(tree["påryd"], visibility=Visibility.PENDING)
    assert queries() == few <= 4


def test_each_proposal_in_a_panel_shows_its_village(client, officer, tree):
    make.proposal(tree["läckeby"], visibility=Visibility.PENDING, title="Gatlampor vid bron")
    make.proposal(tree["påryd"], visibility=Visibility.PENDING, title="Fler bänkar vid ån")
    stale = make.proposal(tree["påryd"], title="Gammalt förslag")
    long_ago = timezone.now() - timedelta(days=61)
    Proposal.objects.filter(pk=stale.pk).update(status_changed_at=long_ago)

    page = soup_of(client, "/admin/")

    def rows(panel_id):
        panel = page.find(id=f"{panel_id}-section")
        assert [text_of(th) for th in panel.select("thead th")][:2] == ["Förslag", "Ort"]
        return [[text_of(td) for td in tr.select("td")][:2] for tr in panel.select("tbody tr")]

    pending = rows("proposals_awaiting_moderation")
    assert [(title.split(" ", 1)[1], village) for title, village in pending] == [
        ("Gatlampor vid bron", "Läckeby"),
        ("Fler bänkar vid ån", "Påryd"),
    ]
    assert [village for _title, village in rows("proposals_without_update")] == ["Påryd"]
