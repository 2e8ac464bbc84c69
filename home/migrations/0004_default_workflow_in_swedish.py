"""Wagtail's default workflow and its task get Swedish names, so editors read "Skicka till
Granskning" rather than "Moderators approval". Names an editor has changed are left alone."""

from django.db import migrations

ENGLISH = "Moderators approval"
WORKFLOW, TASK = "Granskning", "Granskning av moderator"


def rename(apps, schema_editor, renames):
    for model, old, new in renames:
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_swedish(apps, schema_editor):
    rename(apps, schema_editor, [("Workflow", ENGLISH, WORKFLOW), ("Task", ENGLISH, TASK)])


def to_english(apps, schema_editor):
    rename(apps, schema_editor, [("Workflow", WORKFLOW, ENGLISH), ("Task", TASK, ENGLISH)])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_municipalitysettings_easy_read_page"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_swedish, to_english)]
