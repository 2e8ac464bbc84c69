import uuid

from django.db import migrations, models


def give_each_event_a_uid(apps, schema_editor):
    DialogueEvent = apps.get_model("rounds", "DialogueEvent")
    for event in DialogueEvent.objects.only("pk").iterator():
        DialogueEvent.objects.filter(pk=event.pk).update(uid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("rounds", "0003_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="dialogueevent",
            name="cancelled",
            field=models.BooleanField(
                default=False,
                help_text="Markera i stället för att ta bort: sidan, kalendrarna och bevakarna får veta det.",
                verbose_name="inställt",
            ),
        ),
        migrations.AddField(
            model_name="dialogueevent",
            name="sequence",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="dialogueevent",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_event_a_uid, migrations.RunPython.noop),
    ]
