"""Contact persons (snippets) and each dialogue's contact.

The editors ("Redaktörer", who write the dialogue pages) and the case officers may add and
change contact persons. Idempotent; going back takes the rights away with the model.
"""

from django.contrib.auth.management import create_permissions
import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


GROUPS = ["Redaktörer", "Handläggare"]
CODENAMES = ["add_contactperson", "change_contactperson", "view_contactperson"]


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    app_config = apps.get_app_config("rounds")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="rounds", codename__in=CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.using(using).filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ('rounds', '0011_answer_templates'),
    ]

    operations = [
        migrations.CreateModel(
            name='ContactPerson',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, verbose_name='namn')),
                ('role', models.CharField(blank=True, help_text='T.ex. ”Landsbygdsutvecklare”.', max_length=120, verbose_name='roll')),
                ('phone', models.CharField(blank=True, help_text='Som det ska visas, t.ex. 0480-45 00 00.', max_length=40, verbose_name='telefon')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-post')),
            ],
            options={
                'verbose_name': 'kontaktperson',
                'verbose_name_plural': 'kontaktpersoner',
                'ordering': ['name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='dialoguepage',
            name='contact',
            field=models.ForeignKey(blank=True, help_text='Visas på dialogens sida. Lämna tomt för kommunens allmänna kontaktuppgifter.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='dialogues', to='rounds.contactperson', verbose_name='kontaktperson'),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
