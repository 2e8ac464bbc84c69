"""The "Handläggare" group may see the email report (notifications.view_outgoingemail).

Idempotent: running it again adds nothing twice. Reversible: going back takes the right away.
Without the group (a flushed test database) there is nothing to grant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CASE_OFFICERS = "Handläggare"
CODENAME = "view_outgoingemail"


def permission(apps, using):
    """The permission, made now if Django has not made it yet (it does so after migrating)."""
    app_config = apps.get_app_config("notifications")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).get(
        content_type__app_label="notifications", codename=CODENAME
    )


def grant(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    group = apps.get_model("auth", "Group").objects.using(using).filter(name=CASE_OFFICERS)
    if group.exists():
        group.get().permissions.add(permission(apps, using))


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    group = apps.get_model("auth", "Group").objects.using(using).filter(name=CASE_OFFICERS)
    if group.exists():
        group.get().permissions.remove(permission(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("rounds", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
