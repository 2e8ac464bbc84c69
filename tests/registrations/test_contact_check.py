"""The proposal form and the anmälan form check a phone number alike, in the same words."""

import pytest

from rounds.proposals.forms import ProposalForm
from rounds.registrations.forms import RegistrationForm

FORMS = [ProposalForm, RegistrationForm]
MESSAGE = "Skriv telefonnumret med siffror, till exempel 070-123 45 67."


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__name__)
@pytest.mark.parametrize("phone", ["ring mig", "070-ETT", "1234", "070 123 45 67 ; drop"])
def test_a_phone_number_without_digits_gets_the_same_message(form_class, phone):
    form = form_class(data={"phone": phone})

    assert form.errors["phone"] == [MESSAGE]


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__name__)
@pytest.mark.parametrize("phone", ["070-123 45 67", "+46 (0)70 123 45 67", "0480450000"])
def test_a_phone_number_as_people_write_it_is_accepted(form_class, phone):
    form = form_class(data={"phone": phone})
    form.is_valid()

    assert "phone" not in form.errors
    assert form.cleaned_data["phone"] == phone
