"""How long ago a proposal was updated, as a Swedish reader would say it."""

from datetime import timedelta

from django.utils import timezone

from home.templatetags.time_tags import time_since


def test_two_parts_are_joined_by_och():
    when = timezone.now() - timedelta(days=2 * 365 + 5 * 30 + 3)
    assert time_since(when) == "2\xa0år och 5\xa0månader"


def test_one_part_stays_as_it_is():
    assert time_since(timezone.now() - timedelta(days=3, minutes=1)) == "3\xa0dagar"


def test_no_date_gives_nothing():
    assert time_since(None) == ""
