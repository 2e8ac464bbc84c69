"""Progress on promises: the progress steps (snippets), seeded with the five defaults, and the
step and percentage an update on "Åtgärdas" or "Längre planering" may carry.

The case officers ("Handläggare") may add, change and delete steps, as rounds/0011 gives them
answer templates. Seeding is idempotent (a step already there keeps its text); going back
removes the model with its rows.
"""

from django.contrib.auth.management import create_permissions
import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

CASE_OFFICERS = "Handläggare"
CODENAMES = ["add_progressstep", "change_progressstep", "delete_progressstep"]
# A copy, not an import: a migration must not change when the model module does.
DEFAULT_STEPS = (
    ("Beslutat", "Kommunen har bestämt att det ska göras."),
    ("Projekterat", "Arbetet är planerat och ritat."),
    ("Upphandlat", "Det är klart vem som ska göra arbetet."),
    ("Pågår", "Arbetet är i gång."),
    ("Klart", "Arbetet är färdigt."),
)


def seed_steps(apps, schema_editor):
    using = schema_editor.connection.alias
    ProgressStep = apps.get_model("rounds", "ProgressStep")
    for order, (name, description) in enumerate(DEFAULT_STEPS, start=1):
        ProgressStep.objects.using(using).get_or_create(
            name=name, defaults={"description": description, "sort_order": order * 10}
        )


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
        ('rounds', '0015_event_registrations'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProgressStep',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=60, unique=True, verbose_name='namn')),
                ('description', models.CharField(blank=True, help_text='En kort förklaring för invånaren av vad steget betyder.', max_length=255, verbose_name='beskrivning')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Steg med lägre tal kommer först.', verbose_name='ordning')),
            ],
            options={
                'verbose_name': 'steg i genomförandet',
                'verbose_name_plural': 'steg i genomförandet',
                'ordering': ['sort_order', 'name'],
            },
        ),
        migrations.AddField(
            model_name='proposal',
            name='progress_percent',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name='procent klart'),
        ),
        migrations.AddField(
            model_name='proposalupdate',
            name='progress_percent',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Visas publikt, 0–100. Bara för ”Åtgärdas” och ”Längre planering”.', null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='procent klart'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='progress_step',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='rounds.progressstep', verbose_name='steg i genomförandet'),
        ),
        migrations.AddField(
            model_name='proposalupdate',
            name='progress_step',
            field=models.ForeignKey(blank=True, help_text='Visas publikt. Bara för ”Åtgärdas” och ”Längre planering”.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='updates', to='rounds.progressstep', verbose_name='steg i genomförandet'),
        ),
        migrations.AddConstraint(
            model_name='proposalupdate',
            constraint=models.CheckConstraint(condition=models.Q(('progress_percent__isnull', True), ('progress_percent__lte', 100), _connector='OR'), name='update_progress_percent_at_most_100'),
        ),
        migrations.AddConstraint(
            model_name='proposalupdate',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('progress_percent__isnull', True), ('progress_step__isnull', True)), ('status__in', ('direct_action', 'planned')), _connector='OR'), name='update_progress_only_on_promises'),
        ),
        migrations.RunPython(seed_steps, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
