"""Public pages cost the same number of queries with 2 villages, dialogues and events as with 40."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rounds.models import DialogueEvent
from rounds.models.proposals import Status
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.queries import count_queries

SMALL, LARGE = 2, 40
PAGES = ["home", "places", "place", "dialogue", "rounds", "round"]

pytestmark = pytest.mark.usefixtures("clear_cache")


class Tree:
    """Villages, dialogues, events and rounds, grown until each list has `size` entries."""

    def __init__(self):
        factories.municipality_settings()
        self.round = factories.round_page()
        self.place = factories.place("Läckeby", hero_image=factories.portal_image("Läckeby"))
        self.dialogue = factories.dialogue(self.place, self.round, title="Förra året")
        self.villages = 1  # villages beside Läckeby
        self.dialogues = 1  # dialogues in Läckeby
        self.events = 2  # events in the measured dialogue
        self.rounds = 1
        self.themes = [make.theme("Trafik"), make.theme("Grönt")]
        self.departments = [make.department("Gatukontoret"), make.department("Parkkontoret")]
        self.pages = {
            "home": factories.home_page(),
            "places": factories.place_index(),
            "place": self.place,
            "dialogue": self.dialogue,
            "rounds": factories.round_index(),
            "round": self.round,
        }
        self.grow_to(SMALL)

    def grow_to(self, size):
        today = timezone.localdate()
        # More villages, each with a dialogue in the round that is open, upcoming or summarised.
        while self.villages < size:
            self.villages += 1
            n = self.villages
            village = factories.place(
                f"By {n:02}", hero_image=factories.portal_image(f"By {n:02}") if n % 2 else None
            )
            factories.dialogue(
                village,
                self.round,
                walk_in_days=n,
                meeting_in_days=n + 7,
                proposals_open=today - timedelta(days=1),
                summary=[("text", "<p>Sammanställt.</p>")],
                summary_intro=f"Sammanfattning {n}.",
                summary_published_at=today if n % 3 == 0 else None,
            )
        # More dialogues in Läckeby, before the measured one, each leaving promises open.
        while self.dialogues < size:
            self.dialogues += 1
            earlier = factories.dialogue(
                self.place,
                self.round,
                walk_in_days=-400 + self.dialogues,
                meeting_in_days=-390 + self.dialogues,
                title=f"Dialog {self.dialogues:02}",
                summary=[("text", "<p>Klart.</p>")],
                summary_published_at=today - timedelta(days=300 - self.dialogues),
            )
            make.bulk_public(
                earlier,
                len(Status),  # one in each status: the open ones are listed, some overdue
                themes=self.themes,
                departments=self.departments,
                planned_date=today - timedelta(days=self.dialogues),
            )
        # More rounds.
        while self.rounds < size:
            self.rounds += 1
            factories.round_page(f"Omgång {2000 + self.rounds}", intro="Tidigare omgång.")
        # More events in the measured dialogue.
        while self.events < size:
            self.events += 1
            event = factories.event(
                DialogueEvent.Kind.OTHER,
                factories.in_days(self.events),
                title=f"Öppet hus {self.events}",
            )
            event.dialogue = self.dialogue
            event.save()

    def url(self, key):
        return self.pages[key].url


def test_public_pages_use_a_constant_number_of_queries(client, home):
    tree = Tree()
    small = {key: count_queries(client, tree.url(key)) for key in PAGES}

    tree.grow_to(LARGE)
    large = {key: count_queries(client, tree.url(key)) for key in PAGES}

    # The growth is real: the large pages do list many more things.
    assert client.get(tree.url("round")).content.decode().count("<tr>") > LARGE
    assert client.get(tree.url("dialogue")).content.decode().count('class="event ') == LARGE
    assert client.get(tree.url("rounds")).content.decode().count('class="card"') == LARGE
    assert client.get(tree.url("place")).content.decode().count("(Omgång 2026") == LARGE
    dialogue_page = client.get(tree.url("dialogue")).content.decode()
    assert dialogue_page.count("Det här lovade vi") == LARGE - 1  # every earlier dialogue
    assert dialogue_page.count("Datumet har passerat") == (LARGE - 1) * 5  # 5 open statuses

    report = {key: (len(small[key]), len(large[key])) for key in PAGES}
    print(f"\nqueries per page ({SMALL} → {LARGE}): {report}")
    for key in PAGES:
        extra = [sql[:160] for sql in large[key] if sql not in small[key]]
        assert len(large[key]) == len(small[key]), (
            f"{key}: {len(small[key])} queries with {SMALL}, {len(large[key])} with {LARGE}; "
            f"for example: {extra[:3]}"
        )


@pytest.mark.parametrize("key", PAGES)
def test_each_public_page_stays_within_a_small_budget(client, home, key):
    """A ceiling, so that a page's queries cannot double without anyone noticing."""
    tree = Tree()
    assert len(count_queries(client, tree.url(key))) <= 25
