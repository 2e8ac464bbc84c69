"""Editors submit pages to a workflow with a Swedish name; a name they chose themselves stays."""

import importlib

from django.apps import apps
from wagtail.models import Task, Workflow

migration = importlib.import_module("home.migrations.0004_default_workflow_in_swedish")


def test_the_default_workflow_and_its_task_are_named_in_swedish(db):
    assert Workflow.objects.filter(name="Granskning").exists()
    assert Task.objects.filter(name="Granskning av moderator").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_a_workflow_an_editor_renamed_is_left_alone(db):
    Workflow.objects.filter(name="Granskning").update(name="Kommunikatörernas granskning")
    Workflow.objects.create(name="Moderators approval")  # a new one, after the migration
    Task.objects.filter(name="Granskning av moderator").update(name="Webbredaktören")

    migration.to_swedish(apps, None)

    names = set(Workflow.objects.values_list("name", flat=True))
    assert names == {"Kommunikatörernas granskning", "Granskning"}
    assert set(Task.objects.values_list("name", flat=True)) == {"Webbredaktören"}


def test_going_back_restores_the_english_names(db):
    migration.to_english(apps, None)
    assert Workflow.objects.filter(name="Moderators approval").exists()
    assert Task.objects.filter(name="Moderators approval").exists()
    migration.to_swedish(apps, None)
    assert Workflow.objects.filter(name="Granskning").exists()
