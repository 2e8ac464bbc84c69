"""The weekly "Förslag där datumet har passerat" to each department's contact address."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import OutgoingEmail
from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make
from tests.support.mail import everything_in, shown_subject

PLANNED = date(2027, 3, 1)
MONDAY = date(2027, 3, 8)  # a week after the planned date, ISO week 2027-W10


@pytest.fixture
def promises(site_tree):
    """Roads (with a contact) and Parks (with one too) are late; Schools has no contact address;
    Culture has a contact but nothing late."""
    dialogue = site_tree["dialogue"]
    roads = make.department("Gatukontoret", contact_email="gata@kommun.example")
    parks = make.department("Parkförvaltningen", contact_email="park@kommun.example")
    schools = make.department("Skolförvaltningen")
    culture = make.department("Kulturförvaltningen", contact_email="kultur@kommun.example")
    items = {}
    for key, department, planned in [
        ("lamp", roads, PLANNED),
        ("bench", parks, PLANNED),
        ("school", schools, PLANNED),
        ("library", culture, date(2027, 6, 1)),
    ]:
        items[key] = make.proposal(dialogue, title=f"Förslag om {key}")
        make.answer(
            items[key],
            Status.PLANNED,
            responsible=department,
            public_message=".",
            planned_date=planned,
        )
    hidden = make.proposal(dialogue, title="Dolt förslag", visibility=Visibility.HIDDEN)
    make.answer(hidden, Status.PLANNED, responsible=roads, public_message=".", planned_date=PLANNED)
    return items


def digest(day):
    call_command("send_overdue_digest", "--date", day.isoformat(), stdout=StringIO())


def test_each_department_with_a_contact_and_a_late_proposal_gets_one_email(promises):
    digest(MONDAY)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "gata@kommun.example",
        "park@kommun.example",
    ]
    (roads,) = [m for m in mail.outbox if m.to == ["gata@kommun.example"]]
    assert shown_subject(roads) == (
        "Förslag där datumet har passerat: ett förslag för Gatukontoret"
    )
    text = everything_in(roads)
    lamp = promises["lamp"]
    assert f"{lamp.reference} Förslag om lamp" in text
    assert "1 mars 2027" in text
    assert f"http://testserver/admin/forslag/inspect/{lamp.pk}/" in text
    assert "http://testserver/admin/forslag/?overdue=1" in text
    assert "Dolt förslag" not in text  # only what the public sees marked
    assert "Förslag om bench" not in text  # another department's


def test_running_twice_in_a_week_sends_once_and_next_week_again(promises):
    digest(MONDAY)
    digest(MONDAY + timedelta(days=3))
    assert len(mail.outbox) == 2

    digest(MONDAY + timedelta(days=7))
    assert len(mail.outbox) == 4
    assert (
        OutgoingEmail.objects.filter(dedupe_key__startswith="overdue-digest:2027-W11:").count() == 2
    )


def test_before_the_date_has_passed_and_after_a_new_date_nothing_is_sent(promises):
    digest(PLANNED)  # the planned day itself
    assert mail.outbox == []

    for key in ("lamp", "bench"):
        item = promises[key]
        make.answer(
            item,
            Status.PLANNED,
            responsible=item.responsible,
            public_message="Nytt datum.",
            planned_date=date(2027, 9, 1),
        )
    digest(MONDAY)
    assert mail.outbox == []
