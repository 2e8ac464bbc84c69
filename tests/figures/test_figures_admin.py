"""The working group's figures in the admin: for those who may see proposals, the same
numbers as the public pages per department and per village, the late promises and the
proposals without an update."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Status, Visibility
from rounds.proposals import checks
from tests.support import admin
from tests.support import proposals as make

URL = "/admin/sa-har-det-gatt/"


@pytest.fixture
def work(db):
    tree = admin.villages()
    roads = make.department("Gatuenheten")
    late = make.proposal(tree["läckeby"], title="Belysning vid badplatsen")
    make.answer(
        late,
        Status.PLANNED,
        responsible=roads,
        public_message="Lamporna sätts upp i vår.",
        planned_date=timezone.localdate() - timedelta(days=3),
    )
    forgotten = make.proposal(tree["påryd"], title="Parkbänk vid kyrkan")
    Proposal.objects.filter(pk=forgotten.pk).update(
        status_changed_at=timezone.now() - timedelta(days=61)
    )
    make.proposal(tree["påryd"], title="Ej modererat förslag", visibility=Visibility.PENDING)
    disputed = make.proposal(tree["påryd"], title="Ny asfalt på Bygatan")
    make.answer(disputed, Status.DONE, public_message="Bygatan är asfalterad.")
    check, _ = checks.ask(disputed, disputed.email or "anna@example.org", is_proposer=True)
    checks.record_answer(check, "no", "Bara halva gatan.")
    return {**tree, "late": late, "forgotten": forgotten, "disputed": disputed}


def test_the_url_is_the_one_in_the_reports_menu(db):
    assert reverse("figures_admin") == URL


def test_visitors_are_sent_to_log_in(client, work):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_who_may_not_see_proposals_are_refused(client, work):
    admin.login(client)  # admin access only
    response = client.get(URL)
    assert response.status_code == 403
    assert "Belysning vid badplatsen" not in response.content.decode()


@pytest.mark.parametrize("group", [admin.CASE_OFFICERS, admin.EDITORS])
def test_the_working_group_sees_figures_per_department_and_village(client, work, group):
    admin.login(client, group)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samma siffror som invånarna ser: 3 publicerade förslag" in html  # not the pending
    assert '<th scope="row">Gatuenheten</th>' in html
    assert '<th scope="row">Ingen ansvarig ännu</th>' in html
    assert '<th scope="row">Läckeby</th>' in html and '<th scope="row">Påryd</th>' in html
    assert "Löften där datumet har passerat (1)" in html
    assert "Utan uppdatering på 60 dagar (1)" in html
    assert f"{work['late'].reference} Belysning vid badplatsen" in html
    assert f"{work['forgotten'].reference} Parkbänk vid kyrkan" in html
    assert "Invånaren säger att det inte är klart (1)" in html
    assert f"{work['disputed'].reference} Ny asfalt på Bygatan" in html
    assert "Så har det gått" in html  # the menu item and the heading


def test_the_reports_menu_offers_it_only_to_those_who_may_see_it(client, work):
    admin.login(client, admin.CASE_OFFICERS)
    assert f'"{URL}"' in client.get("/admin/").content.decode()
