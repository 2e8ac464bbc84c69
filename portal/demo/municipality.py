"""A generated municipality for the search benchmark: many villages and public proposals, fast.

Villages and dialogues are pages, made one by one as an editor would; the proposals are written
with `bulk_create` in batches, with one history step each, and each batch is put in the search
index as it is written (the backend's `add_bulk`: the same one statement per chunk that
`update_index` runs, without reading everything back nor reindexing every page). Bulk writes
skip the signals, so the page cache is invalidated once at the end.
"""

import random
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from places.models import PlaceIndexPage, PlacePage
from portal.web.page_cache import invalidate
from rounds.models import (
    DialoguePage,
    Proposal,
    ProposalUpdate,
    ReferenceCounter,
    RoundIndexPage,
    RoundPage,
    Theme,
)
from rounds.models.proposals import Status, Visibility, hash_token

BATCH = 2000
STATUSES = [Status.RECEIVED, Status.REVIEWING, Status.DIRECT_ACTION, Status.DONE]

SUBJECTS = [
    "Belysning",
    "Gatlampa",
    "Busshållplats",
    "Cykelväg",
    "Gångväg",
    "Lekplats",
    "Badplats",
    "Parkbänk",
    "Papperskorg",
    "Hastighet",
    "Övergångsställe",
    "Vägbula",
    "Skylt",
    "Dike",
    "Snöröjning",
    "Parkering",
    "Laddstolpe",
    "Återvinning",
    "Bibliotek",
    "Bredband",
    "Fotbollsplan",
    "Hundrastgård",
    "Elljusspår",
    "Brygga",
    "Grillplats",
    "Träd",
    "Staket",
]
WHERE = [
    "vid skolan",
    "vid affären",
    "vid kyrkan",
    "vid bygdegården",
    "på Byvägen",
    "vid ån",
    "vid hamnen",
    "på Storgatan",
    "vid idrottsplatsen",
    "vid förskolan",
    "vid korsningen",
    "längs landsvägen",
    "vid badet",
    "i centrum",
    "vid stationen",
    "vid äldreboendet",
]
SENTENCES = [
    "Det är mörkt här på vintermorgnarna och barnen går till bussen.",
    "Bilarna kör för fort, särskilt på kvällen.",
    "Många äldre använder vägen och den behöver lagas.",
    "Det saknas en plats att sitta och vila på.",
    "Vi vill gärna hjälpa till med arbetet i föreningen.",
    "På sommaren kommer många besökare och det blir trångt.",
    "Skylten har fallit ned och syns inte längre.",
    "Det vore bra med en cykelställning för pendlarna.",
    "Snön ligger kvar länge och det blir halt.",
    "Ungdomarna saknar en mötesplats på kvällarna.",
]


def villages(count, round_page, place_index):
    """`count` generated villages with one dialogue each in `round_page`; their dialogues."""
    dialogues = []
    first = PlacePage.objects.filter(slug__startswith="genby-").count() + 1
    for number in range(first, first + count):
        place = place_index.add_child(
            instance=PlacePage(
                title=f"Genby {number}",
                slug=f"genby-{number}",
                intro="En genererad ort för mätningar.",
            )
        )
        dialogues.append(
            place.add_child(
                instance=DialoguePage(
                    title=f"Utvecklingsdialog {round_page.start_date.year}",
                    slug="utvecklingsdialog",
                    round=round_page,
                    intro="En genererad dialog.",
                )
            )
        )
    return dialogues


def new_round(round_index, today):
    number = RoundPage.objects.filter(slug__startswith="genererad").count() + 1
    return round_index.add_child(
        instance=RoundPage(
            title=f"Genererad omgång {number}",
            slug=f"genererad-{number}",
            start_date=today - timedelta(days=365),
            end_date=today,
        )
    )


def reserve_references(year, count):
    """`count` references of `year` that no other proposal has or will get."""
    ReferenceCounter.objects.get_or_create(year=year)
    ReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + count)
    last = ReferenceCounter.objects.get(year=year).last_number
    return [f"{year}-{number:04d}" for number in range(last - count + 1, last + 1)]


def proposal(reference, dialogue, theme, rng, moment):
    subject, where = rng.choice(SUBJECTS), rng.choice(WHERE)
    body = " ".join(rng.sample(SENTENCES, 3))
    return Proposal(
        reference=reference,
        dialogue=dialogue,
        theme=theme,
        submitted_at=moment,
        title=f"{subject} {where}",
        public_title=f"{subject} {where}",
        body=body,
        public_body=body,
        location=where,
        visibility=Visibility.PUBLIC,
        moderated_at=moment,
        status=rng.choice(STATUSES),
        status_changed_at=moment,
        follow_token_hash=hash_token(secrets.token_urlsafe(18)),
    )


def index(proposals):
    get_search_backend().add_bulk(Proposal, proposals)


@transaction.atomic
def generate(proposals, village_count, seed=1, progress=lambda message: None):
    """Add a round, `village_count` villages and `proposals` public proposals to the site."""
    place_index = PlaceIndexPage.objects.first()
    round_index = RoundIndexPage.objects.first()
    if place_index is None or round_index is None:
        raise LookupError("no village index or round index")
    today = timezone.localdate()
    dialogues = villages(village_count, new_round(round_index, today), place_index)
    themes = list(Theme.objects.all()) or [None]
    rng = random.Random(seed)  # noqa: S311 - repeatable demo text, not a secret
    now = timezone.now()
    references = reserve_references(today.year, proposals)
    for start in range(0, proposals, BATCH):
        batch = [
            proposal(
                reference,
                dialogues[(start + offset) % len(dialogues)],
                rng.choice(themes),
                rng,
                now - timedelta(minutes=start + offset),
            )
            for offset, reference in enumerate(references[start : start + BATCH])
        ]
        Proposal.objects.bulk_create(batch)
        ProposalUpdate.objects.bulk_create(
            ProposalUpdate(proposal=item, status=item.status, created_at=item.submitted_at)
            for item in batch
        )
        index(batch)
        progress(start + len(batch))
    invalidate()
    return dialogues
