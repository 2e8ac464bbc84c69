"""Demo proposals, made through the same services as real ones and dated around their dialogue.

The services stamp what they create with the current time; the demo then moves those stamps
back to when the proposal came in, so that every history reads as it would have happened.
"""

import zlib
from datetime import datetime, time, timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from rounds.models import Department, DialoguePage, Proposal, RoundPage, Theme
from rounds.models.proposals import Source, Status, Visibility
from rounds.proposals.services import add_update, hide, publish, submit

from .content.proposals import COMPLETED, CURRENT
from .images import landscape
from .schedule import STOCKHOLM

# Sources a case officer registers from the meeting, the walk or the mail: public at once.
REGISTERED = {Source.WALK, Source.DIALOGUE, Source.LETTER, Source.PHONE}


def seed_proposals(rounds_index):
    """Proposals for the oldest (completed) and newest (current) round; only those missing.

    A proposal is known by its dialogue and title, so a second run adds nothing.
    """
    rounds = list(RoundPage.objects.child_of(rounds_index).order_by("start_date"))
    if len(rounds) < 2:
        return
    missing = []
    for round_page, items in ((rounds[0], COMPLETED), (rounds[-1], CURRENT)):
        dialogues = dialogues_by_place(round_page)
        existing = set(
            Proposal.objects.filter(dialogue__in=dialogues.values()).values_list(
                "dialogue_id", "title"
            )
        )
        for item in items:
            dialogue = dialogues.get(item.place)
            if dialogue and dialogue.meeting and (dialogue.pk, item.title) not in existing:
                missing.append((submitted_at(dialogue, item), dialogue, item))
    names = Names()
    # In the order they came in, so that references grow with time as they would have.
    for submitted, dialogue, item in sorted(missing, key=lambda entry: entry[0]):
        create(dialogue, item, submitted, names)


class Names:
    """Themes and departments by name; a name an editor has changed gives None."""

    def __init__(self):
        self.themes = {theme.name: theme for theme in Theme.objects.all()}
        self.departments = {dept.name: dept for dept in Department.objects.all()}


def dialogues_by_place(round_page):
    """The round's dialogues, by the slug of their village (the parent in the URL path)."""
    dialogues = DialoguePage.objects.filter(round=round_page).prefetch_related("events")
    return {page.url_path.rstrip("/").split("/")[-2]: page for page in dialogues}


def create(dialogue, item, submitted, names):
    """One proposal with its moderation and history, as a case officer would have left it."""
    resident = item.resident
    proposal = Proposal(
        dialogue=dialogue,
        source=item.source,
        submitted_at=submitted,
        title=item.title,
        body=item.body,
        theme=names.themes.get(item.theme),
        location=item.location,
        name=resident.name,
        email=resident.email,
        phone=resident.phone,
        display_name=resident.display_name,
        show_name=bool(resident.display_name),
        notify_status=resident.notify,
        age_group=resident.age_group,
        postal_address=resident.postal_address,
        reply_by_letter=resident.reply_by_letter,
    )
    if item.photo:
        data = landscape(item.title, item.photo)
        proposal.photo = ImageFile(BytesIO(data), name=f"{slugify(item.title)}.jpg")
    submit(proposal)
    proposal.updates.update(created_at=submitted)
    backdate(proposal, status_changed_at=submitted)
    if item.tags:
        proposal.tags.add(*item.tags)
    moderate(proposal, item, submitted)
    duplicate_of = original(dialogue, item.duplicate_of)
    for step in item.steps:
        add_step(proposal, dialogue, step, names, duplicate_of)


def moderate(proposal, item, submitted):
    """Publish or hide as the item says; staff-registered proposals the moment they came in."""
    if item.visibility == Visibility.PENDING:
        return
    if item.visibility == Visibility.HIDDEN:
        hide(proposal, reason=item.hidden_reason)
    else:
        publish(proposal)
    delay = timedelta(0) if item.source in REGISTERED else timedelta(days=1, hours=2)
    backdate(proposal, moderated_at=past(submitted + delay))


def add_step(proposal, dialogue, step, names, duplicate_of):
    meeting_day = timezone.localdate(dialogue.meeting.start)
    created = past(at(meeting_day + timedelta(days=step.days), jitter(step.message, 8)))
    planned = step.planned_in_days
    add_update(
        proposal,
        status=step.status,
        public_message=step.message,
        responsible=names.departments.get(step.responsible),
        planned_date=meeting_day + timedelta(days=planned) if planned is not None else None,
        planned_date_unknown_reason=step.planned_unknown,
        decision_reference=step.decision.format(year=created.year),
        internal_note=step.note,
        created_at=created,
        duplicate_of=duplicate_of if step.status == Status.DUPLICATE else None,
    )


def original(dialogue, title):
    """The proposal a duplicate points to: in the same dialogue, with the title the item names."""
    return Proposal.objects.filter(dialogue=dialogue, title=title).first() if title else None


def submitted_at(dialogue, item):
    """The walk for proposals from the walk; the opening day for those sent in; else the meeting."""
    minutes = jitter(item.title, 20)
    if item.source == Source.WALK and dialogue.walk:
        anchor = dialogue.walk.start + timedelta(minutes=minutes)
    elif item.source != Source.DIALOGUE and dialogue.proposals_open:
        anchor = at(dialogue.proposals_open, minutes)
    else:
        anchor = dialogue.meeting.start + timedelta(minutes=minutes)
    return past(anchor + timedelta(days=item.days))


def at(day, minutes):
    """A moment on `day`: the working day starts at eight, `minutes` later."""
    return datetime.combine(day, time(8), tzinfo=STOCKHOLM) + timedelta(minutes=minutes)


def jitter(text, base):
    """`base` plus a stable 0–99 minutes, so that not every stamp falls on the hour."""
    return base + zlib.crc32(text.encode()) % 100


def past(moment):
    """Never later than now: a demo seeded long after its dialogues must not invent a future."""
    return min(moment, timezone.now() - timedelta(minutes=1))


def backdate(proposal, **stamps):
    for field, value in stamps.items():
        setattr(proposal, field, value)
    proposal.save(update_fields=list(stamps))
