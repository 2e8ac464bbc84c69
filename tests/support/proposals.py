"""Builders for proposals in tests: through the services (submit, publish, hide, add_update),
or in bulk when a test only needs many rows (query counts).

Imported everywhere as `from tests.support import proposals as make`; `make.services` is
rounds.proposals, for the steps a builder does not take.
"""

from datetime import timedelta
from itertools import count

from django.core.files.base import ContentFile
from django.utils import timezone

from rounds.models import Department, Proposal, ProposalUpdate, Theme
from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from tests.support.images import jpeg_bytes

_numbers = count(1)


def theme(name="Trafik och vägar", **fields):
    return Theme.objects.get_or_create(name=name, defaults=fields)[0]


def department(name="Samhällsbyggnadsförvaltningen", **fields):
    return Department.objects.get_or_create(name=name, defaults=fields)[0]


def proposal(dialogue, *, visibility=Visibility.PUBLIC, photo_name=None, user=None, **fields):
    """A submitted proposal, published unless `visibility` says otherwise.

    Its private follow-up token is kept on it as `follow_token`.
    """
    fields.setdefault("title", "Säkrare övergångsställe vid skolan")
    fields.setdefault(
        "body",
        "Bilarna kör fort förbi skolan på morgonen. Ett upphöjt övergångsställe skulle hjälpa.",
    )
    fields.setdefault("location", "Skolvägen vid idrottshallen")
    if photo_name:
        fields["photo"] = ContentFile(jpeg_bytes(), name=photo_name)
    item = Proposal(dialogue=dialogue, **fields)
    item.follow_token = services.submit(item, user=user)  # the resident's private link
    if visibility == Visibility.PUBLIC:
        services.publish(item, user=user)
    elif visibility == Visibility.HIDDEN:
        services.hide(item, reason="Innehåller personuppgifter om en granne.", user=user)
    return item


def answer(item, status, **fields):
    """Add a public update to `item`, e.g. answer(p, Status.PLANNED, responsible=...)."""
    return services.add_update(item, status=status, **fields)


def bulk_public(dialogue, number, themes=(), departments=(), planned_date=None):
    """`number` public proposals with a first update each (planned for `planned_date`, if
    given), created in a few queries.

    Each gets its own theme and responsible when given several, so a list that forgets a join
    pays a query per item.
    """
    now = timezone.now()
    statuses = list(Status)
    items = []
    for i in range(number):
        n = next(_numbers)
        items.append(
            Proposal(
                dialogue=dialogue,
                reference=f"1999-{n:05d}",  # a year no real submission uses
                follow_token_hash=f"{n:064d}",
                title=f"Förslag {n}",
                body=f"Beskrivning av förslag {n}.",
                public_title=f"Förslag {n}",
                public_body=f"Beskrivning av förslag {n}.",
                theme=themes[i % len(themes)] if themes else None,
                responsible=departments[i % len(departments)] if departments else None,
                status=statuses[i % len(statuses)],
                visibility=Visibility.PUBLIC,
                submitted_at=now - timedelta(minutes=n),
                status_changed_at=now - timedelta(minutes=n),
            )
        )
    created = Proposal.objects.bulk_create(items)
    ProposalUpdate.objects.bulk_create(
        ProposalUpdate(
            proposal=p, status=p.status, responsible=p.responsible, planned_date=planned_date
        )
        for p in created
    )
    return created
