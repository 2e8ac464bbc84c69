"""Emails to the followers of a village: who gets what, and when.

- A dialogue published with dates: "Ny dialog i <ort>" (`follow_dialogue`); published again
  with other dates or places, or a cancelled event: "Ändrade datum" (`follow_dates`).
- Its summary published: `follow_summary`, on publishing or on the summary's date.
- A public status change of a proposal: `follow_status` to those who want each one; the
  weekly digest (`follow_digest`) to those who want a summary.
- Reminders a week and a day before each walk and dialogue meeting (`follow_reminder`).

Only confirmed followers of the dialogue's own village get anything. Every email has a
dedupe key, so doing any of this twice sends nothing more. Dates are Stockholm dates.
"""

import hashlib
import json
from datetime import UTC, datetime, time, timedelta

from django.utils import timezone

from portal.web.links import absolute_url
from rounds.models import DialogueEvent, DialoguePage, Proposal, ProposalUpdate
from rounds.models.proposals import Status
from rounds.pages.tree import attach_places
from rounds.proposals.continuity import earlier_promises, first_promises
from rounds.proposals.queries import PRIVATE_FIELDS

from .mail import keeps_the_work, queue_email, unsubscribe_url
from .models import Follower, OutgoingEmail

REMINDER_DAYS = (7, 1)  # days before the event
PROMISES_IN_EMAIL = 10  # what earlier dialogues left open, in "Ny dialog"; the page has them all
REMINDED_KINDS = (DialogueEvent.Kind.WALK, DialogueEvent.Kind.DIALOGUE)
SUMMARY_NOTICE_DAYS = 14  # a summary is news this long after its date, not longer


def followers(place_id, updates=None):
    """The village's confirmed followers, optionally only those with this choice."""
    found = Follower.objects.filter(place_id=place_id, confirmed_at__isnull=False)
    if updates:
        found = found.filter(updates=updates)
    return found.order_by("pk")


def send(recipients, name, context, key):
    """Queue email `name` to each recipient once (dedupe key `<key>:<follower id>`).

    One failing address is logged and does not stop the others, nor undo what the editor or
    case officer did.
    Returns how many emails were queued now.
    """
    recipients = list(recipients)
    keys = {follower.pk: f"{key}:{follower.pk}" for follower in recipients}
    done = set(
        OutgoingEmail.objects.filter(dedupe_key__in=keys.values()).values_list(
            "dedupe_key", flat=True
        )
    )
    queued = 0
    for follower in recipients:
        if keys[follower.pk] not in done:
            queued += queue_for(follower, name, context, keys[follower.pk]) is not None
    return queued


@keeps_the_work
def queue_for(follower, name, context, dedupe_key):
    return queue_email(
        to=follower.email,
        name=name,
        context={**context, "follower": follower},
        unsubscribe=unsubscribe_url(follower=follower),
        dedupe_key=dedupe_key,
    )


def local_midnight(day):
    """The start of a Stockholm calendar day, right also on the days the clocks change."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def page_url(page, route=None, args=()):
    url = page.get_url()
    if route:
        url += page.reverse_subpage(route, args=args)
    return absolute_url(url)


def is_public(dialogue):
    return DialoguePage.objects.live().public().filter(pk=dialogue.pk).exists()


# A dialogue is published


def dialogue_published(dialogue, now=None):
    """Tell the village's followers about new or changed dates, and a published summary."""
    now = now or timezone.now()
    if not is_public(dialogue):
        return 0
    place = dialogue.get_parent()
    return announce_schedule(dialogue, place, now) + announce_summary(
        dialogue, place, timezone.localdate(now)
    )


def fingerprint(events):
    """A short hash of what followers are told about the events: each one's identity, time,
    place and whether it is cancelled. The sequence makes a return to earlier dates news too."""
    rows = sorted(
        [
            str(event.uid),
            event.sequence,
            *(
                value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value
                for value in (getattr(event, name) for name in DialogueEvent.SCHEDULE_FIELDS)
            ),
        ]
        for event in events
    )
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


def announce_schedule(dialogue, place, now):
    """ "Ny dialog" the first time, "Ändrade datum" later; nothing when the dates are the same
    as last told, or when every event is over."""
    events = list(DialogueEvent.objects.filter(dialogue=dialogue).order_by("start"))
    coming = [event for event in events if event.end > now]
    if not coming:
        return 0
    prefix = f"follow-schedule:{dialogue.pk}:"
    key = f"{prefix}{fingerprint(events)}"
    told = OutgoingEmail.objects.filter(dedupe_key__startswith=prefix)
    if told.filter(dedupe_key__startswith=f"{key}:").exists():
        return 0
    context = {
        "dialogue": dialogue,
        "place": place,
        "events": coming,
        "dialogue_url": page_url(dialogue),
    }
    name = "follow_dates" if told.exists() else "follow_dialogue"
    if name == "follow_dialogue":
        context.update(promises_context(dialogue, timezone.localdate(now)))
    return send(followers(place.pk), name, context, key)


def promises_context(dialogue, today):
    """What the village's earlier dialogues left open, at most PROMISES_IN_EMAIL of them, with
    the address of the dialogue page's section that lists them all."""
    groups, left = first_promises(earlier_promises(dialogue, today), PROMISES_IN_EMAIL)
    for group in groups:
        for proposal in group.proposals:
            proposal.public_url = absolute_url(proposal.get_public_url())
    return {
        "promises": groups,
        "promises_left": left,
        "promises_url": page_url(dialogue) + "#tidigare-loften",
    }


def summary_is_news(dialogue, today):
    published = dialogue.summary_published_at
    return dialogue.summary_is_published(today) and (today - published).days <= (
        SUMMARY_NOTICE_DAYS
    )


def announce_summary(dialogue, place, today):
    """The summary, once, when its date has come (and is not long past)."""
    if not summary_is_news(dialogue, today):
        return 0
    context = {"dialogue": dialogue, "place": place, "dialogue_url": page_url(dialogue)}
    return send(followers(place.pk), "follow_summary", context, f"follow-summary:{dialogue.pk}")


def due_summaries(today):
    """Summaries dated today (or in the last days, if a run was missed): for send_reminders."""
    dialogues = (
        DialoguePage.objects.live()
        .public()
        .filter(
            summary_published_at__lte=today,
            summary_published_at__gte=today - timedelta(days=SUMMARY_NOTICE_DAYS),
        )
        .order_by("pk")
    )
    return sum(announce_summary(dialogue, dialogue.get_parent(), today) for dialogue in dialogues)


# A proposal gets a public answer


def is_public_change(update):
    proposal = update.proposal
    return (
        update.status != Status.RECEIVED
        and proposal.is_public
        and not proposal.withdrawn_at
        and is_public(proposal.dialogue)
    )


@keeps_the_work
def status_changed(update):
    """Email followers who want each change about a public proposal's new status.

    Called while the case officer's update is saved: a failure is logged, never raised.
    """
    if not is_public_change(update):
        return 0
    proposal = update.proposal
    dialogue = proposal.dialogue
    place = dialogue.get_parent()
    context = {
        "update": update,
        "proposal": proposal,
        "dialogue": dialogue,
        "place": place,
        "proposal_url": absolute_url(proposal.get_public_url()),
    }
    recipients = followers(place.pk, Follower.Updates.EACH)
    return send(recipients, "follow_status", context, f"follow-status:{update.pk}")


# Scheduled: reminders and the weekly digest (manage.py send_reminders)


def send_reminders(today, now=None):
    """Reminders for walks and dialogue meetings 7 and 1 days after `today` (Stockholm dates).

    Not for cancelled events, events already begun, or dialogues that are not published.
    A moved event is a new reminder (the key holds the event's sequence).
    """
    now = now or timezone.now()
    queued = 0
    for days in REMINDER_DAYS:
        day = today + timedelta(days=days)
        events = list(
            DialogueEvent.objects.filter(
                start__gte=local_midnight(day),
                start__lt=local_midnight(day + timedelta(days=1)),
                start__gt=now,
                cancelled=False,
                kind__in=REMINDED_KINDS,
                dialogue__in=DialoguePage.objects.live().public(),
            )
            .select_related("dialogue__contact")
            .defer("dialogue__body", "dialogue__summary")
            .order_by("start")
        )
        attach_places(event.dialogue for event in events)
        for event in events:
            dialogue = event.dialogue
            context = {
                "event": event,
                "days": days,
                "dialogue": dialogue,
                "place": dialogue.place,
                "dialogue_url": page_url(dialogue),
                "proposal_url": page_url(dialogue, "proposal_form")
                if dialogue.is_open_for_proposals(today)
                else "",
                "registration_url": page_url(dialogue, "registration_form", [event.pk])
                if event.takes_registrations(now)
                else "",
            }
            key = f"follow-reminder:{event.uid}:{event.sequence}:{days}"
            queued += send(followers(dialogue.place.pk), "follow_reminder", context, key)
    return queued


def previous_week(today):
    """The Monday and the ISO week name ("2026-W13") of the last complete week before today."""
    monday = today - timedelta(days=today.weekday() + 7)
    year, week, _ = monday.isocalendar()
    return monday, f"{year}-W{week:02d}"


def send_digests(today):
    """The weekly digest of public status changes, per village, for the last complete week.

    Only to followers who had confirmed by the end of that week; nothing when nothing changed.
    """
    monday, week = previous_week(today)
    start, end = local_midnight(monday), local_midnight(monday + timedelta(days=7))
    updates = list(
        ProposalUpdate.objects.filter(
            created_at__gte=start,
            created_at__lt=end,
            proposal__in=Proposal.objects.public().filter(withdrawn_at__isnull=True),
        )
        .exclude(status=Status.RECEIVED)
        .select_related("proposal__dialogue", "responsible")
        .defer(
            *(f"proposal__{field}" for field in PRIVATE_FIELDS),
            "proposal__dialogue__body",
            "proposal__dialogue__summary",
        )
        .order_by("created_at", "pk")
    )
    attach_places([update.proposal.dialogue for update in updates])
    by_place = {}
    for update in updates:
        update.proposal_url = absolute_url(update.proposal.get_public_url())
        by_place.setdefault(update.proposal.dialogue.place, []).append(update)
    queued = 0
    for place, items in by_place.items():
        context = {
            "place": place,
            "updates": items,
            "week_start": monday,
            "week_end": monday + timedelta(days=6),
            "proposals_url": page_url(place.specific, "proposal_list"),
        }
        recipients = followers(place.pk, Follower.Updates.WEEKLY).filter(confirmed_at__lt=end)
        queued += send(recipients, "follow_digest", context, f"follow-digest:{week}")
    return queued
