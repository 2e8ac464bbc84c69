"""The weekly nudge to the departments: "Förslag där datumet har passerat".

Each department with a contact address gets, once per ISO week, the list of its public proposals
whose planned date has passed with no later update (`ProposalQuerySet.with_promise`), each with
its link in the workbench. Nothing goes to a department without a contact address or without
such proposals. The address is staff data, set in the department's snippet; emptying it stops
the email, so it carries no unsubscribe link. One query for all the proposals.
"""

from portal.web.links import absolute_url
from rounds.pages.tree import village_title_of
from rounds.proposals.queries import PRIVATE_FIELDS
from rounds.workbench.links import workbench_url
from rounds.workbench.queries import overdue_promises

from .mail import keeps_the_work, queue_email
from .models import OutgoingEmail


def iso_week(today):
    """The ISO week of `today`, e.g. "2026-W49": the digest's period and part of its key."""
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def overdue_by_department(today):
    """{department: [its overdue proposals]} for the departments with a contact address."""
    proposals = (
        overdue_promises(today=today)
        .exclude(responsible=None)
        .exclude(responsible__contact_email="")
        .select_related("responsible", "dialogue")
        .defer(*PRIVATE_FIELDS, "dialogue__body", "dialogue__summary")
        .annotate(village_title=village_title_of("dialogue"))
    )
    found = {}
    for proposal in proposals:
        proposal.admin_url = absolute_url(workbench_url("inspect", proposal.pk))
        found.setdefault(proposal.responsible, []).append(proposal)
    return found


def send_overdue_digests(today):
    """Queue this week's digest to each department that has overdue proposals; run twice in
    a week, it sends nothing more. Returns how many emails were queued now."""
    week = iso_week(today)
    queued = 0
    for department, proposals in overdue_by_department(today).items():
        key = f"overdue-digest:{week}:{department.pk}"
        if OutgoingEmail.objects.filter(dedupe_key=key).exists():
            continue
        context = {
            "department": department,
            "proposals": proposals,
            "week": week,
            "today": today,
            "list_url": absolute_url(f"{workbench_url('index')}?overdue=1"),
        }
        queued += queue_digest(department, context, key) is not None
    return queued


@keeps_the_work
def queue_digest(department, context, key):
    return queue_email(
        to=department.contact_email,
        name="overdue_digest",
        context=context,
        unsubscribe=None,
        dedupe_key=key,
    )
