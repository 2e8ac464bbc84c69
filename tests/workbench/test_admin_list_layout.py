"""The workbench list as staff read it: which values share a column, and the filters folded into
one disclosure above the list that names the filters in use."""

from rounds.models.proposals import Source, Status, Visibility
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url
from tests.support.html import soup_of, text_of


def columns(page):
    return [text_of(th) for th in page.select(".result-list thead th")]


def cells(page):
    return [[text_of(td) for td in tr.select("td")] for tr in page.select(".result-list tbody tr")]


def test_each_column_holds_two_values_that_belong_together(client, tree):
    login(client, CASE_OFFICERS)
    proposal = make.proposal(
        tree["påryd"],
        visibility=Visibility.HIDDEN,  # answered, so moderated: not pending
        title="Trasigt räcke vid bron",
        theme=make.theme("Trafik och vägar"),
        source=Source.WALK,
        name="Anna Andersson",
    )
    make.answer(proposal, Status.REVIEWING, responsible=make.department("Trafikverket"))

    page = soup_of(client, url("index"))

    assert columns(page) == [
        "Välj",
        "Förslag",
        "Ort och dialog",
        "Status och synlighet",
        "Tema och ansvarig",
        "Inkommet och källa",
        "Namn",
    ]
    [row] = cells(page)
    assert row[0] == f"Välj {proposal.reference}"  # the box for the bulk actions
    assert row[1].startswith(f"{proposal.reference} Trasigt räcke vid bron Visa")
    assert row[2:5] == [
        f"Påryd {tree['påryd'].title}",
        "Behandlas Dolt",
        "Trafik och vägar Trafikverket",
    ]
    assert row[5].endswith("Förbättringsvandringen")
    assert row[6] == "Anna Andersson"


def test_an_editor_sees_the_same_columns_without_the_name(client, tree):
    login(client, EDITORS)
    make.proposal(tree["läckeby"], name="Anna Andersson")

    page = soup_of(client, url("index"))

    assert columns(page)[-1] == "Inkommet och källa"
    assert "Anna Andersson" not in text_of(page)
    assert cells(page)[0][4] == "– –"  # neither theme nor responsible yet


def test_the_filters_sit_closed_above_the_list_and_name_those_in_use(client, tree):
    login(client, CASE_OFFICERS)
    make.proposal(tree["läckeby"], title="Gatlampor vid busshållplatsen")
    make.proposal(tree["påryd"], title="Fler bänkar vid ån")
    village = tree["påryd"].get_parent()

    unfiltered = soup_of(client, url("index"))
    filtered = soup_of(client, url("index"), {"village": village.pk, "status__exact": "received"})

    for page in (unfiltered, filtered):
        disclosure = page.select_one("details.workbench-filters")
        assert "open" not in disclosure.attrs
        assert disclosure.find_next("table") is page.select_one(".result-list table")
    assert text_of(unfiltered.select_one(".workbench-filters summary")) == "Filter"
    assert text_of(filtered.select_one(".workbench-filters summary")) == (
        "Filter Ort: Påryd Status: Mottaget"
    )
    groups = filtered.select(".workbench-filters section")
    headings = [text_of(group.h3) for group in groups]
    assert headings[:3] == ["Ort", "Omgång", "Dialog"]
    village_group = groups[0]
    assert [text_of(a) for a in village_group.select("a")] == ["Alla orter", "Läckeby", "Påryd"]
    current = {text_of(g.h3): [text_of(a) for a in g.select("a[aria-current]")] for g in groups}
    assert current == {
        "Ort": ["Påryd"],
        "Omgång": ["Alla omgångar"],
        "Dialog": ["Alla dialoger"],
        "Status": ["Mottaget"],
        "Synlighet": ["Oavsett synlighet"],
        "Källa": ["Alla källor"],
        "Uppdatering": ["Alla, även nyligen uppdaterade"],
        "Planerat datum": ["Alla, oavsett planerat datum"],
        "Stämmer det?": ["Alla, oavsett invånarnas svar"],
    }  # (no theme nor responsible yet: those filters are not shown)
    [row] = cells(filtered)
    assert "Fler bänkar vid ån" in row[1]
