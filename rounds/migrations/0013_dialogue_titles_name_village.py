"""Dialogue titles name their village ("Läckeby: Utvecklingsdialog 2027").

From now on `DialoguePage.save` adds the village; this names the dialogues saved before it and
their draft titles. Revisions keep the title the editor typed: publishing one goes through
`save`, which names the village again.
Idempotent; going back leaves the titles as they are (they are still true).
"""

from django.db import migrations

SEPARATOR = ": "


def named(village, title):
    prefix = f"{village}{SEPARATOR}"
    return title if title.startswith(prefix) else f"{prefix}{title}"


def name_villages(apps, schema_editor):
    using = schema_editor.connection.alias
    Page = apps.get_model("wagtailcore", "Page")
    DialoguePage = apps.get_model("rounds", "DialoguePage")
    steplen = 4  # treebeard's path step, as Wagtail's Page.steplen
    dialogues = list(DialoguePage.objects.using(using).only("title", "draft_title", "path"))
    parents = dict(
        Page.objects.using(using)
        .filter(path__in={dialogue.path[:-steplen] for dialogue in dialogues})
        .values_list("path", "title")
    )
    for dialogue in dialogues:
        village = parents.get(dialogue.path[:-steplen])
        if village is None:
            continue
        Page.objects.using(using).filter(pk=dialogue.pk).update(
            title=named(village, dialogue.title),
            draft_title=named(village, dialogue.draft_title or dialogue.title),
        )


class Migration(migrations.Migration):
    dependencies = [("rounds", "0012_dialogue_contact")]

    operations = [migrations.RunPython(name_villages, migrations.RunPython.noop)]
