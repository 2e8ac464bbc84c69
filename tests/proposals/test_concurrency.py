"""Proposal references stay unique and gap-free when residents submit at the same moment."""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from wagtail.models import Collection, Locale

from rounds.models import Proposal, ReferenceCounter
from rounds.proposals.services import submit
from tests.support import pages as factories

SUBMISSIONS = 20


def a_dialogue():
    """A dialogue to submit to; transactional tests flush what Wagtail's migrations made."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    factories.home_page()
    return factories.dialogue(factories.place(), factories.round_page())


def new_proposal(dialogue, number):
    return Proposal(dialogue=dialogue, title=f"Förslag {number}", body="Mer ljus vid hållplatsen.")


def expected_references(first_number):
    """`SUBMISSIONS` consecutive references of this year, after `first_number` - 1."""
    year = timezone.localdate().year
    return [f"{year}-{n:04d}" for n in range(first_number, first_number + SUBMISSIONS)]


def last_number():
    counter = ReferenceCounter.objects.filter(year=timezone.localdate().year).first()
    return counter.last_number if counter else 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_all_land_with_consecutive_references():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent submissions need PostgreSQL: SQLite runs one writer at a time.")
    dialogue = a_dialogue()
    before = last_number()
    barrier = threading.Barrier(SUBMISSIONS)
    errors = []

    def resident(number):
        try:
            barrier.wait(timeout=30)
            submit(new_proposal(dialogue, number))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=resident, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    references = sorted(
        Proposal.objects.filter(dialogue=dialogue).values_list("reference", flat=True)
    )
    assert references == expected_references(before + 1)
    assert last_number() == before + SUBMISSIONS


@pytest.mark.django_db
def test_sequential_submissions_get_consecutive_references():
    dialogue = a_dialogue()
    before = last_number()

    for number in range(SUBMISSIONS):
        submit(new_proposal(dialogue, number))

    references = list(
        Proposal.objects.filter(dialogue=dialogue)
        .order_by("pk")
        .values_list("reference", flat=True)
    )
    assert references == expected_references(before + 1)
