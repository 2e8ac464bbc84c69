"""`manage.py clear_event_registrations`: the anmälningar go 30 days after their event."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from rounds.models import DialogueEvent, EventRegistration
from tests.support.registrations import registration


def run(*args):
    output = StringIO()
    call_command("clear_event_registrations", *args, stdout=output)
    return output.getvalue()


def held(event, days_ago):
    start = timezone.now() - timedelta(days=days_ago)
    DialogueEvent.objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=2))


def test_registrations_are_deleted_30_days_after_the_event(site_tree, meeting):
    walk = DialogueEvent.objects.get(dialogue=site_tree["dialogue"], kind="walk")
    kept, gone = registration(meeting), registration(walk)
    held(meeting, 29)
    held(walk, 31)

    assert "Deleted 1 registration(s)" in run()
    assert list(EventRegistration.objects.all()) == [kept]
    assert not EventRegistration.objects.filter(pk=gone.pk).exists()
    assert "Deleted 0 registration(s)" in run()


def test_keep_days_can_be_shorter(meeting):
    registration(meeting)
    held(meeting, 3)

    assert "Deleted 1 registration(s)" in run("--keep-days", "2")


def test_coming_events_keep_their_registrations(meeting):
    registration(meeting)

    run("--keep-days", "0")

    assert EventRegistration.objects.count() == 1
