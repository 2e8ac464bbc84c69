"""`possible_id`: a typed id is checked against the range of the model's own key, for every
kind of key the workbench looks up (a page's key is a link to wagtailcore's Page)."""

import pytest
from wagtail.models import Page

from rounds.models import AnswerTemplate, Department, DialoguePage, Proposal
from rounds.workbench.queries import possible_id

MODELS = [Proposal, Page, DialoguePage, Department, AnswerTemplate]
HUGE = "9" * 20


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_plausible_id_is_kept(model):
    assert possible_id("12", model) == 12


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("value", [HUGE, "-1", "abc", "1_2", "０", "", None, 12])
def test_an_impossible_id_is_none(model, value):
    assert possible_id(value, model) is None


@pytest.mark.django_db
def test_an_impossible_dialogue_id_finds_nothing(site_tree):
    for value in [HUGE, "2147483648", "abc"]:
        pk = possible_id(value, DialoguePage)
        assert not DialoguePage.objects.filter(pk=pk).exists()
    dialogue = site_tree["dialogue"]
    assert DialoguePage.objects.get(pk=possible_id(str(dialogue.pk), DialoguePage)) == dialogue
