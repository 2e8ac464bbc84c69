"""The demo's rounds, dialogues and events, dated relative to the day the demo is first seeded."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from rounds.models import ContactPerson, DialogueEvent, DialoguePage, RoundPage

from .content import schedule as plan
from .content.stream import bullets, heading, paragraphs, text
from .ensure import ensure_page

STOCKHOLM = ZoneInfo("Europe/Stockholm")
Kind = DialogueEvent.Kind


def seed_rounds(index, villages, today):
    """Both rounds with their dialogues; skipped once any round exists.

    The dates depend on the day of the first run, so a later run (another day, maybe another
    year) must not add a second schedule beside the first.
    """
    if RoundPage.objects.child_of(index).exists():
        return
    for round_plan in (plan.COMPLETED, plan.CURRENT):
        start = today + timedelta(days=round_plan.start)
        end = today + timedelta(days=round_plan.end)
        round_page = ensure_page(
            index,
            RoundPage,
            f"omgang-{start.year}-{end.year}",
            title=f"Omgång {start.year}–{end.year}",
            start_date=start,
            end_date=end,
            intro=round_plan.intro,
        )
        for number, visit in enumerate(round_plan.visits):
            ensure_dialogue(villages[visit.place], round_page, visit, today, number)


def ensure_dialogue(place, round_page, visit, today, number):
    walk = walk_event(place, today + timedelta(days=visit.walk))
    meeting = meeting_event(place, weekday(today + timedelta(days=visit.meeting)))
    meeting.registration_open = visit.registration
    if visit.registration:
        meeting.accessibility_notes = plan.MEETING_ACCESSIBILITY_WITH_REGISTRATION
    events = [walk, meeting]
    if visit.open_house is not None:
        events.append(open_house_event(place, weekday(today + timedelta(days=visit.open_house))))
    meeting_day = meeting.start.date()
    is_past = meeting_day < today
    year = meeting_day.year
    fields = {
        "title": f"Utvecklingsdialog {year}",
        "seo_title": f"Utvecklingsdialog i {place.title} {year}",
        "round": round_page,
        "contact": contact(number),
        "intro": intro(place, number, is_past),
        "body": body(visit, is_past),
        "attendance_walk": visit.attendance[0],
        "attendance_dialogue": visit.attendance[1],
        "events": events,
    }
    if visit.proposals_open is not None:
        fields["proposals_open"] = today + timedelta(days=visit.proposals_open)
    if visit.outcome is not None:
        fields["summary_intro"] = visit.outcome.intro
        fields["summary"] = summary_blocks(visit.outcome, visit.attendance)
        fields["summary_published_at"] = meeting_day + timedelta(days=plan.SUMMARY_DELAY_DAYS)
    return ensure_page(place, DialoguePage, f"utvecklingsdialog-{year}", **fields)


def contact(number):
    """The contact persons take the villages in turn, as a municipality shares them out."""
    contacts = list(ContactPerson.objects.order_by("name"))
    return contacts[number % len(contacts)] if contacts else None


def intro(place, number, is_past):
    """A past-tense intro once the meeting is over, otherwise one of the invitations."""
    if is_past:
        return plan.PAST_INTRO.format(place=place.title)
    return plan.DIALOGUE_INTROS[number % len(plan.DIALOGUE_INTROS)].format(place=place.title)


def body(visit, is_past):
    """How the visit works before it; that the summary is coming after it, until it is out."""
    if not is_past:
        text = plan.DIALOGUE_BODY_WITH_REGISTRATION if visit.registration else plan.DIALOGUE_BODY
        return [paragraphs(*text)]
    return [] if visit.outcome else [paragraphs(plan.FOLLOW_UP_BODY)]


def summary_blocks(outcome, attendance):
    walkers, participants = attendance
    planned = [f"{what} <i>Ansvarig: {who}.</i>" for what, who in outcome.planned]
    return [
        paragraphs(
            f"Tack till alla som var med! {walkers} personer följde med på "
            f"förbättringsvandringen och {participants} kom till dialogmötet. Här är vad "
            "arbetsgruppen har kommit fram till om förslagen."
        ),
        heading("Det här åtgärdar kommunen direkt"),
        text(bullets(outcome.direct)),
        heading("Det här kräver längre planering"),
        text(bullets(planned)),
        heading("Det här har vi skickat vidare"),
        text(bullets(outcome.forwarded)),
        heading("Det här blir inte av"),
        text(bullets(outcome.not_done)),
    ]


def weekday(day):
    """The day itself, or the next Monday when it falls on Friday to Sunday."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 4 else day


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


def venue_fields(place):
    venue = plan.VENUES[place.slug]
    return {"venue_name": venue.name, "street_address": venue.street, "postal_town": place.title}


def walk_start_fields(place):
    venue = plan.VENUES[place.slug]
    return {
        "venue_name": venue.walk_start,
        "meeting_point": venue.meeting_point,
        "postal_town": place.title,
    }


def walk_event(place, day):
    """An evening walk on weekdays, a morning walk at weekends."""
    start = at(day, 10) if day.weekday() >= 5 else at(day, 17, 30)
    return DialogueEvent(
        kind=Kind.WALK,
        start=start,
        end=start + timedelta(hours=2),
        accessibility_notes=plan.WALK_ACCESSIBILITY,
        description=plan.WALK_DESCRIPTION,
        **walk_start_fields(place),
    )


def meeting_event(place, day):
    return DialogueEvent(
        kind=Kind.DIALOGUE,
        start=at(day, 18),
        end=at(day, 20, 30),
        accessibility_notes=plan.MEETING_ACCESSIBILITY,
        childcare_offered=True,
        description=plan.MEETING_DESCRIPTION,
        **venue_fields(place),
    )


def open_house_event(place, day):
    return DialogueEvent(
        kind=Kind.OTHER,
        title=plan.OPEN_HOUSE_TITLE,
        start=at(day, 16),
        end=at(day, 19),
        accessibility_notes=plan.MEETING_ACCESSIBILITY,
        description=plan.OPEN_HOUSE_DESCRIPTION,
        **venue_fields(place),
    )
