import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    """Unique once every event has its own value (a separate transaction on PostgreSQL)."""

    dependencies = [
        ("rounds", "0004_event_calendar_identity"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dialogueevent",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
