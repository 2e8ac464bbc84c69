"""Every select and filter in the workbench says in words what its empty choice means, never
Django's "---------" or "-"."""

import pytest

from tests.support import proposals as make
from tests.support.admin import url, villages
from tests.support.html import soup_of, text_of


@pytest.fixture
def proposal(home):
    tree = villages()
    make.theme("Trafik och vägar")
    make.department("Tekniska förvaltningen")
    return make.proposal(tree["läckeby"])


def first_options(page):
    """{select name: the text of its first option}."""
    return {select["name"]: text_of(select.option) for select in page.select("form select")}


def test_the_workbench_forms_word_their_empty_choices(client, officer, proposal):
    register = soup_of(client, url("create"))
    answer = soup_of(client, url("answer", proposal.pk))
    edit = soup_of(client, url("edit", proposal.pk))

    assert first_options(register) == {
        "dialogue": "Välj dialog",
        "source": "Förbättringsvandringen",  # no empty choice: the walk is the default
        "theme": "Välj tema",
        "age_group": "Inte angiven",
    }
    assert first_options(answer) == {
        "status": "Välj status",
        "answer_template": "Ingen mall",
        "responsible": "Välj ansvarig",
        "progress_step": "Inget steg",
    }
    assert first_options(edit) == {"age_group": "Inte angiven"}
    for page in (register, answer, edit):
        assert "---------" not in text_of(page)


def test_the_list_filters_word_every_choice_and_the_proposals_without_a_value(
    client, officer, proposal
):
    make.proposal(proposal.dialogue, title="Fler bänkar vid ån", theme=make.theme("Belysning"))

    page = soup_of(client, url("index"))
    groups = {
        text_of(group.h3): {text_of(a): a["href"] for a in group.select("a")}
        for group in page.select(".workbench-filters section")
    }

    assert {title: next(iter(choices)) for title, choices in groups.items()} == {
        "Ort": "Alla orter",
        "Omgång": "Alla omgångar",
        "Dialog": "Alla dialoger",
        "Status": "Alla statusar",
        "Synlighet": "Oavsett synlighet",
        "Tema": "Alla teman",
        "Ansvarig": "Alla ansvariga",
        "Källa": "Alla källor",
        "Uppdatering": "Alla, även nyligen uppdaterade",
        "Planerat datum": "Alla, oavsett planerat datum",
        "Stämmer det?": "Alla, oavsett invånarnas svar",
    }
    assert list(groups["Tema"])[-1] == "Utan tema"
    assert list(groups["Ansvarig"])[-1] == "Utan ansvarig"
    assert not any("-" in choices for choices in groups.values())
    without_theme = soup_of(client, url("index") + groups["Tema"]["Utan tema"])
    titles = [text_of(td) for td in without_theme.select(".result-list td.field-proposal")]
    assert len(titles) == 1 and proposal.public_title in titles[0]
    assert "Tema: Utan tema" in text_of(without_theme.select_one(".workbench-filters summary"))
