"""Answer templates (snippets) and the public reason why a planned date is not set.

The case officers ("Handläggare", who answer proposals) may add, change and delete the answer
templates, as rounds/0003_groups gives them themes and departments. Idempotent; going back
takes the rights away with the model.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

CASE_OFFICERS = "Handläggare"
CODENAMES = ["add_answertemplate", "change_answertemplate", "delete_answertemplate"]


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    app_config = apps.get_app_config("rounds")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(using).filter(name=CASE_OFFICERS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label="rounds", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ('rounds', '0010_photo_withheld'),
        ('rounds', '0003_groups'),
    ]

    operations = [
        migrations.CreateModel(
            name='AnswerTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=80, verbose_name='namn')),
                ('status', models.CharField(choices=[('received', 'Mottaget'), ('reviewing', 'Behandlas'), ('direct_action', 'Åtgärdas'), ('planned', 'Längre planering'), ('forwarded', 'Skickat vidare'), ('done', 'Genomfört'), ('not_feasible', 'Genomförs inte'), ('duplicate', 'Dubblett')], max_length=20, verbose_name='status')),
                ('text', models.TextField(help_text='Visas publikt som svar till invånaren. Du kan skriva {ort}, {referens} och {ansvarig}; de byts mot förslagets ort, referens och ansvarig.', max_length=4000, verbose_name='text')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordning')),
            ],
            options={
                'verbose_name': 'svarsmall',
                'verbose_name_plural': 'svarsmallar',
                'ordering': ['status', 'sort_order', 'name'],
            },
        ),
        migrations.AddField(
            model_name='proposalupdate',
            name='planned_date_unknown_reason',
            field=models.TextField(blank=True, help_text='Visas publikt. Krävs för ”Längre planering” när inget planerat datum anges.', max_length=1000, verbose_name='varför datum inte är bestämt'),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
