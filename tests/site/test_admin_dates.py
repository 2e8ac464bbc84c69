"""The admin reads dates as Swedish staff type them, and refuses the rest with a message."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from wagtail.admin.forms import WagtailAdminModelForm

from portal.web.admin_dates import SwedishDateTimeField, TypedDateInput, TypedDateTimeInput
from rounds.models import DialogueEvent, DialoguePage
from rounds.workbench.forms import RegisterForm

STOCKHOLM = ZoneInfo("Europe/Stockholm")
EventForm = modelform_factory(
    DialogueEvent, form=WagtailAdminModelForm, fields=["kind", "start", "end", "venue_name"]
)


@pytest.mark.parametrize(
    "typed", ["2027-04-20 17:30", "2027-04-20 17.30", "20/4 2027 17:30", "20/4/2027 17.30"]
)
def test_a_date_and_time_as_staff_type_it(typed):
    assert SwedishDateTimeField().clean(typed) == datetime(2027, 4, 20, 17, 30, tzinfo=STOCKHOLM)


def test_an_iso_time_from_a_program_still_reads():
    assert SwedishDateTimeField().clean("2027-04-20T17:30:00+02:00") == datetime(
        2027, 4, 20, 17, 30, tzinfo=STOCKHOLM
    )


@pytest.mark.parametrize("typed", ["2027-04-05", "5/4 2027", "5/4/2027", "5.4.2027"])
def test_day_before_month_as_in_sweden(typed):
    assert forms.DateField().clean(typed) == date(2027, 4, 5)  # 5 April, not 4 May


def test_an_event_typed_the_swedish_way_is_saved_at_that_time():
    form = EventForm(
        {
            "kind": "dialogue",
            "start": "20/4 2027 17.30",
            "end": "20/4 2027 20:00",
            "venue_name": "Bygdegården",
        }
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["start"] == datetime(2027, 4, 20, 17, 30, tzinfo=STOCKHOLM)


def test_what_cannot_be_read_is_refused_with_the_formats_to_use():
    form = EventForm(
        {"kind": "dialogue", "start": "tisdag kväll", "end": "31/2 2027 20:00", "venue_name": "X"}
    )

    assert not form.is_valid()
    expected = (
        "Datum och tid går inte att läsa. Skriv dem som 2027-04-20 17:30 eller 20/4 2027 17.30."
    )
    assert form.errors["start"] == [expected]
    assert form.errors["end"] == [expected]


@pytest.mark.django_db
def test_page_date_fields_refuse_with_the_date_formats():
    Form = modelform_factory(DialoguePage, form=WagtailAdminModelForm, fields=["proposals_open"])
    field = Form().fields["proposals_open"]

    assert field.clean("20/4 2027") == date(2027, 4, 20)
    with pytest.raises(ValidationError) as refused:
        field.clean("första maj")
    assert refused.value.messages == [
        "Datumet går inte att läsa. Skriv det som 2027-04-20 eller 20/4 2027."
    ]


@pytest.mark.django_db
def test_the_date_pickers_no_longer_replace_what_was_typed():
    form = EventForm()
    widget = form.fields["start"].widget
    assert isinstance(widget, TypedDateTimeInput)
    assert widget.get_config()["validateOnBlur"] is False
    page_form = modelform_factory(
        DialoguePage, form=WagtailAdminModelForm, fields=["proposals_close"]
    )()
    assert isinstance(page_form.fields["proposals_close"].widget, TypedDateInput)
    assert '"validateOnBlur": false' in str(page_form["proposals_close"])


@pytest.mark.django_db
def test_a_proposal_registered_in_the_workbench_keeps_the_typed_half_hour():
    field = RegisterForm().fields["submitted_at"]

    assert field.clean("2027-04-20 17.30") == datetime(2027, 4, 20, 17, 30, tzinfo=STOCKHOLM)
    with pytest.raises(ValidationError) as refused:
        field.clean("igår")
    assert "Skriv dem som 2027-04-20 17:30" in refused.value.messages[0]
