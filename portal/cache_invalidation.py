"""What makes cached pages stale, in our cache and in a CDN's.

Our cache: every change below starts a new page-cache generation (portal.web.page_cache), so no
page cached before it is served again. A CDN or Varnish (WAGTAILFRONTENDCACHE, Wagtail's frontend
cache; docs/operations.md) cannot be told "everything", so it is sent the addresses the change
shows on. Wagtail purges a page it publishes or unpublishes itself; this module purges the rest.

What counts as a change: a page published, unpublished, moved or deleted, and a save or delete of
any model of the apps that make public pages, except the few that no public page shows. Opting
out rather than in, so a model added later is covered until someone decides otherwise.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.web.page_cache import invalidate
from rounds.models import DialogueEvent, Proposal, ProposalUpdate

PUBLIC_APPS = ("home", "places", "rounds")
OTHER_PUBLIC_MODELS = (
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
    "wagtaildocs.Document",
    "taggit.Tag",
)
# Shown on no public page: staff tools, counters, image sizes made while a page renders, and a
# resident's own anmälan.
PRIVATE_MODELS = (
    "home.PortalRendition",
    "rounds.ReferenceCounter",
    "rounds.EventRegistration",
    "rounds.AnswerTemplate",
)
SITE_WIDE_PATHS = ("/flode/", "/kalender/", "/sok/", "/sa-har-det-gatt/", "/sa-har-det-gatt.csv")


def connect():
    """Connect the signals (PortalConfig.ready)."""
    page_published.connect(_page_changed, dispatch_uid="page-cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="page-cache-moved")
    for model in public_models():
        post_save.connect(_model_changed, sender=model, dispatch_uid=f"page-cache-{model}")
        post_delete.connect(_model_changed, sender=model, dispatch_uid=f"page-cache-del-{model}")
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(_page_changed, sender=model, dispatch_uid=f"page-cache-{model}")


def public_models():
    private = {apps.get_model(label) for label in PRIVATE_MODELS}
    models = [
        model
        for app in PUBLIC_APPS
        for model in apps.get_app_config(app).get_models()
        if not issubclass(model, Page) and model not in private
    ]
    return models + [apps.get_model(label) for label in OTHER_PUBLIC_MODELS]


def _page_changed(sender, instance, **kwargs):
    invalidate()  # Wagtail's own handlers purge the page itself from a CDN
    _purge_after_commit(lambda batch: _add_surroundings(batch, instance))


def _page_moved(sender, instance, url_path_before, **kwargs):
    invalidate()
    old_url = _old_page_url(instance, url_path_before)
    _purge_after_commit(
        lambda batch: (
            batch.add_urls([old_url] if old_url else []),
            batch.add_page(instance),
            _add_surroundings(batch, instance),
        )
    )


def _model_changed(sender, instance, **kwargs):
    invalidate()
    _purge_after_commit(lambda batch: _add_pages_showing(batch, instance))


def _purge_after_commit(fill):
    """Send a CDN the addresses, if one is configured, once the change is committed."""
    if not get_backends():
        return

    def purge():
        batch = PurgeBatch()
        fill(batch)
        batch.add_urls(
            site.root_url + path for site in Site.objects.all() for path in SITE_WIDE_PATHS
        )
        batch.purge()

    transaction.on_commit(purge)


def _add_pages_showing(batch, instance):
    """The pages a proposal, its updates or an event show on; for anything else (settings,
    themes, images, tags) every live page."""
    if isinstance(instance, ProposalUpdate):
        instance = instance.proposal
    if isinstance(instance, Proposal):
        dialogue = instance.dialogue
        if (address := dialogue.get_full_url()) is not None:  # hidden or withdrawn too
            batch.add_url(
                address + dialogue.reverse_subpage("proposal_detail", [instance.reference])
            )
        batch.add_page(dialogue)
        _add_surroundings(batch, dialogue)
    elif isinstance(instance, DialogueEvent):
        batch.add_page(instance.dialogue)
        _add_surroundings(batch, instance.dialogue)
        site = instance.dialogue.get_site()
        if site is not None:
            batch.add_url(f"{site.root_url}/kalender/{instance.uid}.ics")
    else:
        batch.add_pages(Page.objects.live().specific(defer=True))


def _add_surroundings(batch, page):
    """A page's ancestors (a dialogue's village, the home page) and a dialogue's round: they
    list it."""
    batch.add_pages(page.get_ancestors().live().filter(depth__gt=1).specific(defer=True))
    round_page = getattr(page.specific_deferred, "round", None)
    if round_page is not None:
        batch.add_page(round_page)


def _old_page_url(page, url_path_before):
    """Where a moved page was, on the default site (Wagtail's url_path includes the root's)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not url_path_before.startswith(site.root_page.url_path):
        return ""
    return site.root_url + url_path_before[len(site.root_page.url_path) - 1 :]
