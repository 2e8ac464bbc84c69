"""What serves each sub-URL of a dialogue page and of a village page.

The page classes declare the URLs (`@path`) and hand each request to `home.extensions
.serve_route`, which finds its view here through the hook "register_page_routes"
(rounds/wagtail_hooks.py). The views live in the subsystem that owns them.
"""

from ..proposals.views import figures, public, submission
from ..registrations import views as registrations
from ..syndication import feeds
from ..syndication import views as calendars
from . import printing

ROUTES = {
    ("rounds.dialoguepage", "proposal_form"): submission.proposal_form,
    ("rounds.dialoguepage", "proposal_list"): public.dialogue_proposals,
    ("rounds.dialoguepage", "proposal_detail"): public.proposal_detail,
    ("rounds.dialoguepage", "proposal_photo"): public.proposal_photo,
    ("rounds.dialoguepage", "registration_form"): registrations.registration_form,
    ("rounds.dialoguepage", "registration_receipt"): registrations.registration_receipt,
    ("rounds.dialoguepage", "large_print"): printing.large_print,
    ("rounds.dialoguepage", "reminder_card"): printing.reminder_card,
    ("places.placepage", "proposal_list"): public.place_proposals,
    ("places.placepage", "feed"): feeds.place_feed,
    ("places.placepage", "calendar"): calendars.place_calendar,
    ("places.placepage", "figures"): figures.page_figures,
    ("rounds.roundpage", "figures"): figures.page_figures,
}
