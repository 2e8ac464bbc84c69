"""A GIN index on the search index's title and body together, on PostgreSQL.

Wagtail's PostgreSQL search matches `(title || body) @@ query`, which its separate GIN indexes
on title and body cannot answer, so every search read the whole index: 1.5 s for a word no
proposal has at 100 000 proposals, 22 ms with this index (docs/operations.md, "Measuring
speed"). SQLite's FTS5 index is Wagtail's own and needs nothing.
"""

from django.db import migrations

INDEX = "ortsdialog_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
