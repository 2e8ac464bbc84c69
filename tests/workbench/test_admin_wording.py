"""Staff moderate a proposal ("Moderera"); "Granska förslaget" is the resident's own check of
their proposal before sending it. The workbench never says "granska" for moderation, and the
resident's form keeps its words."""

import re

from django.contrib.auth.models import Group, Permission

from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, url
from tests.support.html import soup, soup_of, text_of
from tests.support.proposal_form import form_url

REVIEW_WORDS = re.compile(r"gransk", re.IGNORECASE)


def buttons(page, proposal):
    row = page.find("tr", attrs={"data-object-pk": str(proposal.pk)})
    return {text_of(a): a["href"] for a in row.select("ul.actions a")}


def test_the_workbench_says_moderera_for_moderation(client, officer, tree):
    pending = make.proposal(tree["läckeby"], visibility=Visibility.PENDING, title="Lampa")
    public = make.proposal(tree["påryd"], title="Bänkar")

    index = soup_of(client, url("index"))
    moderate = soup_of(client, url("moderate", pending.pk))
    inspect = soup_of(client, url("inspect", pending.pk))
    dashboard = soup_of(client, "/admin/")
    register = soup_of(client, url("create"))

    # From the list, the links remember it (its filters) for "Spara och nästa".
    assert buttons(index, pending)["Moderera"] == url("moderate", pending.pk) + "?next_in="
    assert buttons(index, public)["Ändra synlighet"] == url("moderate", public.pk) + "?next_in="
    assert text_of(moderate.h1).startswith("Moderera")
    assert text_of(moderate.title).startswith(f"Moderera {pending.reference}")
    assert "Synlighet nu: Väntar på moderering" in text_of(moderate)
    inspect_text = text_of(inspect)
    assert "Moderering Synlighet Väntar på moderering Modererat Inte modererat ännu" in inspect_text
    assert "Förslag som väntar på moderering (1)" in text_of(dashboard)
    assert "utan att vänta på moderering" in text_of(register)
    for page in (index, moderate, inspect, dashboard, register):
        assert not REVIEW_WORDS.search(text_of(page.find("main") or page.body))


def test_an_empty_moderation_queue_says_so_in_the_same_words(client, officer, tree):
    make.proposal(tree["läckeby"])

    assert "Inga förslag väntar på moderering." in text_of(soup_of(client, "/admin/"))


def test_the_resident_still_reviews_their_own_proposal(client, dialogue):
    page = soup(client.get(form_url(dialogue)))

    assert page.find("button", string="Granska förslaget")


def test_the_permission_an_administrator_grants_says_moderera(db):
    # The groups migration made the permission under its old name; the rename follows it there.
    permission = Permission.objects.get(
        content_type__app_label="rounds", codename="moderate_proposal"
    )

    assert permission.name == "Kan moderera och publicera förslag"
    assert Group.objects.get(name=CASE_OFFICERS).permissions.filter(pk=permission.pk).exists()
