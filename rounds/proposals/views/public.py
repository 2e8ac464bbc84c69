"""The public follow-up: lists of public proposals, one proposal with its timeline, its photo.

Only `Proposal.objects.public()` reaches these views, and they load no personal data (see
rounds.queries). Anything else answers 404 with the site's page for it.
"""

import hashlib

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import gettext as _

from ...models import Theme
from ...models.proposals import Proposal, Status
from .. import photo_sizes
from ..checks import answer_counts, public_comments
from ..filters import ProposalFilterForm
from ..progress import progress_line
from ..queries import (
    PRIVATE_FIELDS,
    listed_proposals,
    proposal_with_timeline,
    proposals_of_dialogue,
    proposals_of_place,
    status_tally,
)

PER_PAGE = 20


def dialogue_proposals(request, page):
    """`<dialogue>/forslag/`: the dialogue's public proposals."""
    return _proposal_list(request, page, page.get_parent(), proposals_of_dialogue(page))


def place_proposals(request, page):
    """`<village>/forslag/`: the public proposals of all the village's dialogues."""
    return _proposal_list(request, page, page, proposals_of_place(page), show_dialogue=True)


def _proposal_list(request, page, place, proposals, show_dialogue=False):
    form = ProposalFilterForm(request.GET, themes=Theme.objects.all())
    paginator = Paginator(listed_proposals(form.apply(proposals)), PER_PAGE)
    try:
        results = paginator.page(request.GET.get("sida", 1))
    except (PageNotAnInteger, EmptyPage):
        results = paginator.page(1)
    list_url = page.get_url(request=request) + page.reverse_subpage("proposal_list")
    return TemplateResponse(
        request,
        "rounds/proposals/list.html",
        {
            "page": page,
            "place": place,
            "form": form,
            "tally": status_tally(proposals),
            "results": results,
            "show_dialogue": show_dialogue,
            "list_url": list_url,
        },
    )


def proposal_detail(request, page, reference):
    """`<dialogue>/forslag/<ref>/`: one public proposal and the timeline of its updates."""
    proposal = proposal_with_timeline(proposals_of_dialogue(page), reference)
    if proposal is None:
        raise Http404(_("Förslaget finns inte eller är inte publicerat."))
    list_url = page.get_url(request=request) + page.reverse_subpage("proposal_list")
    updates = proposal.updates.all()
    photo = None
    if proposal.has_public_photo:
        url = page.get_url(request=request) + page.reverse_subpage(
            "proposal_photo", args=[proposal.reference]
        )
        photo = photo_sizes.image_attributes(proposal.photo, url)
    return TemplateResponse(
        request,
        "rounds/proposals/detail.html",
        {
            "page": page,
            "place": page.get_parent(),
            "proposal": proposal,
            "updates": updates,
            "progress": progress_line(proposal, updates),
            "original": _public_original(proposal),
            "photo": photo,
            "checks": answer_counts(Proposal.objects.filter(pk=proposal.pk)).total,
            "check_comments": public_comments(proposal),
            "list_url": list_url,
            "trail": [(list_url, _("Förslag"))],
        },
    )


def _public_original(proposal):
    """The proposal a duplicate points to, when that one is public too."""
    if proposal.status != Status.DUPLICATE or proposal.duplicate_of_id is None:
        return None
    return (
        Proposal.objects.public()
        .filter(pk=proposal.duplicate_of_id)
        .select_related("dialogue")
        .defer(*PRIVATE_FIELDS, "dialogue__body", "dialogue__summary")
        .first()
    )


def proposal_photo(request, page, reference):
    """The photo of a public proposal, streamed from the private storage; none if withheld.

    `?bredd=` asks for one of the sizes the page offers. Caches must ask again every time
    (`no-cache`, answered with 304 while the photo may still be shown): a photo withheld or a
    proposal hidden is gone at the next request, not when a cache expires.
    """
    proposal = (
        proposals_of_dialogue(page)
        .filter(reference=reference, photo_withheld=False)
        .only("photo")
        .first()
    )
    if proposal is None or not proposal.photo:
        raise Http404(_("Det finns inget foto till förslaget."))
    try:
        width = _photo_width(request, proposal.photo)
        # Hashed: the stored name may hold what the resident called the file.
        etag = quote_etag(hashlib.sha256(f"{proposal.photo.name}:{width}".encode()).hexdigest())
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            patch_cache_control(not_modified, public=True, no_cache=True)
            return not_modified
        photo = photo_sizes.open_sized(proposal.photo, width)
    except FileNotFoundError as missing:
        raise Http404(_("Det finns inget foto till förslaget.")) from missing
    if photo is None:
        raise Http404(_("Fotot finns inte i den storleken."))
    # The stored file name may be what the resident called the file: never send it.
    response = FileResponse(photo, content_type="image/jpeg", filename=f"{reference}.jpg")
    response["ETag"] = etag
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _photo_width(request, photo):
    """The width asked for in `?bredd=`, or the photo's own; 0 for one that is not a number."""
    asked = request.GET.get("bredd")
    if asked is None:
        offered = photo_sizes.widths(photo)
        if not offered:
            raise FileNotFoundError(photo.name)
        return offered[-1]
    return int(asked) if asked.isascii() and asked.isdigit() and len(asked) <= 5 else 0
