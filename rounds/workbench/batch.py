"""Registering many proposals at once: the grid ("Registrera flera") for the notes of the
walk, the meeting, letters and calls, and `save_rows`, which the spreadsheet import shares.

The dialogue, source and date are chosen once for all rows. A save is all or nothing: one bad
row saves no row, and every error is shown at its row. After a save the grid comes back empty
with the same choices, carried in the query string, so the next batch is typed at once.
"""

import secrets
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.forms.utils import ErrorDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.admin import messages

from ..models import Theme
from ..proposals import services
from .batch_forms import EMPTY_ROWS, RowFormSet, SharedChoicesForm, photo_help, submitted_at
from .links import BASE_URL_PATH

ROWS_PREFIX = "rad"
BATCH_URL_NAME = f"{BASE_URL_PATH}_modeladmin_flera"
IMPORT_URL_NAME = f"{BASE_URL_PATH}_modeladmin_importera"


def save_rows(rows, *, dialogue, source, day, user, publish=False):
    """Register the proposals of `rows` (valid row forms), all or none; returns them.

    Each goes through `services.submit`, so each gets its reference, first update, audit entry
    and signal as one registered alone would. A row's own `date`, where the import has one,
    wins over `day`. Photos are written to storage as they are attached; if the transaction
    fails they are deleted again, so no file outlives the rows that failed.
    """
    saved, photos = [], []  # photos: (storage, name) of each file written
    try:
        with transaction.atomic():
            for row in rows:
                when = submitted_at(row.cleaned_data.get("date") or day)
                proposal = row.proposal(dialogue=dialogue, source=source, submitted_at=when)
                if row.photo_content is not None:
                    name = f"{secrets.token_hex(16)}.jpg"
                    proposal.photo.save(name, ContentFile(row.photo_content), save=False)
                    photos.append((proposal.photo.storage, proposal.photo.name))
                services.submit(proposal, user=user)
                if publish:
                    services.publish(proposal, user=user)
                saved.append(proposal)
    except BaseException:
        for storage, name in photos:
            storage.delete(name)
        raise
    return saved


def saved_message(proposals):
    """ "3 förslag är registrerade: 2026-0041, 2026-0042, 2026-0043." (first and last if many)."""
    references = [proposal.reference for proposal in proposals]
    count = len(references)
    if count > 10:
        return _(
            "%(count)d förslag är registrerade. Det första fick referensen %(first)s och det "
            "sista %(last)s."
        ) % {"count": count, "first": references[0], "last": references[-1]}
    return ngettext(
        "%(count)d förslag är registrerat: %(references)s.",
        "%(count)d förslag är registrerade: %(references)s.",
        count,
    ) % {"count": count, "references": ", ".join(references)}


def choices_query(shared):
    """The query string that brings back the choices of a valid `SharedChoicesForm`."""
    data = shared.cleaned_data
    query = {
        "dialogue": data["dialogue"].pk,
        "source": data["source"],
        "date": data["date"].isoformat(),
    }
    if data.get("publish_now"):
        query["publish_now"] = "on"
    return urlencode(query)


def row_error(row, error):
    """An error as the summary shows it: "Rad 7: Rubriken saknas."."""
    return _("Rad %(row)s: %(error)s") % {"row": row, "error": error}


def error_summary(shared, formset):
    """Every error of the page as (text, the id of the input it is about), rows in order."""
    entries = [(error, f"id_{name}") for name, errors in shared.errors.items() for error in errors]
    entries += [(error, "batch-rows") for error in formset.non_form_errors()]
    for form in formset.forms:
        for name, errors in form.errors.items():
            anchor = form[name].auto_id if name in form.fields else f"batch-row-{form.row}"
            entries += [(row_error(form.row, error), anchor) for error in errors]
    return entries


class AdminView(View):
    """A workbench page outside wagtail-modeladmin's own views, run by `ProposalAdmin.run_view`
    (which turns PermissionDenied into the workbench's 403 page). Registering many at once
    needs what registering one needs."""

    model_admin = None
    template_name = None
    page_title = ""

    def dispatch(self, request, *args, **kwargs):
        helper = self.model_admin.permission_helper
        if not helper.user_can_create(request.user):
            raise PermissionDenied
        self.can_publish = helper.user_can_moderate(request.user)
        self.themes = list(Theme.objects.order_by("name"))
        return super().dispatch(request, *args, **kwargs)

    def render(self, template_name=None, **context):
        context.update(
            page_title=self.page_title,
            index_url=self.model_admin.url_helper.index_url,
            batch_url=reverse(BATCH_URL_NAME),
            import_url=reverse(IMPORT_URL_NAME),
        )
        return TemplateResponse(self.request, template_name or self.template_name, context)

    def shared_form(self, data=None):
        if data is not None:
            return SharedChoicesForm(data, can_publish=self.can_publish)
        # The choices of the last save come back through the query string; invalid ones don't.
        initial = {"date": timezone.localdate()}
        if self.request.GET:
            last = SharedChoicesForm(self.request.GET, can_publish=self.can_publish)
            initial.update(last.query_string_initial())
        return SharedChoicesForm(initial=initial, can_publish=self.can_publish)


def without_errors(formset):
    """The bound grid shown again with more rows and no error yet: only "Lägg till rad" was
    pressed, so nothing was checked (and no photo read). Marks the rows whose photo is gone."""
    formset._non_form_errors = formset.error_class()
    formset._errors = [ErrorDict() for _form in formset.forms]
    for form in formset.forms:
        form._errors = ErrorDict()
        form.photo_again = bool(formset.files.get(form.add_prefix("photo")))
    return formset


class BatchRegisterView(AdminView):
    """The grid: type many rows, save them all with "Spara och registrera nästa"."""

    template_name = "rounds/workbench/batch.html"
    page_title = gettext_lazy("Registrera flera förslag")

    def get(self, request):
        formset = RowFormSet(prefix=ROWS_PREFIX, themes=self.themes)
        return self.show(self.shared_form(), formset)

    def post(self, request):
        shared = self.shared_form(request.POST)
        if "add_rows" in request.POST:
            return self.show(shared, self.more_rows(request), checked=False)
        formset = RowFormSet(request.POST, request.FILES, prefix=ROWS_PREFIX, themes=self.themes)
        # Both are checked, so the rows' errors show even when a shared choice is missing.
        if not all([shared.is_valid(), formset.is_valid()]):
            for form in formset.forms:
                form.photo_again = bool(request.FILES.get(form.add_prefix("photo")))
            return self.show(shared, formset, errors=error_summary(shared, formset))
        data = shared.cleaned_data
        saved = save_rows(
            formset.filled(),
            dialogue=data["dialogue"],
            source=data["source"],
            day=data["date"],
            user=request.user,
            publish=data.get("publish_now", False),
        )
        messages.success(request, saved_message(saved))
        return redirect(f"{reverse(BATCH_URL_NAME)}?{choices_query(shared)}")

    def more_rows(self, request):
        """The rows as typed, and EMPTY_ROWS more (the button's way without JavaScript)."""
        data = request.POST.copy()
        total_name = f"{ROWS_PREFIX}-TOTAL_FORMS"
        try:
            total = int(data.get(total_name, 0))
        except ValueError:
            total = 0
        data[total_name] = str(min(max(total, 0) + EMPTY_ROWS, RowFormSet.max_num))
        formset = RowFormSet(data, request.FILES, prefix=ROWS_PREFIX, themes=self.themes)
        return without_errors(formset)

    def show(self, shared, formset, errors=(), checked=True):
        if not checked:
            shared._errors = ErrorDict()
        return self.render(
            shared=shared,
            formset=formset,
            errors=errors,
            photo_help=photo_help(),
            can_add_rows=formset.total_form_count() < RowFormSet.max_num,
            max_rows=RowFormSet.max_num,
        )


def admin_url(model_admin, slug, name, view_class):
    """A workbench URL outside the instance-specific pattern, run by `model_admin.run_view`."""
    return re_path(
        rf"^{BASE_URL_PATH}/{slug}/$",
        lambda request: model_admin.run_view(view_class, request),
        name=name,
    )


def admin_urls(model_admin):
    """The grid's URL, for `ProposalAdmin.get_admin_urls_for_registration`."""
    return [admin_url(model_admin, "flera", BATCH_URL_NAME, BatchRegisterView)]
