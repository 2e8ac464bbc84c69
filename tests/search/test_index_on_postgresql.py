"""The search index on PostgreSQL has the index Wagtail's `(title || body) @@ query` needs
(search/migrations/0001): without it every search reads the whole index."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index of PostgreSQL's search")
def test_title_and_body_are_indexed_together():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
        )
        definitions = [row[0] for row in cursor.fetchall()]

    assert any("gin" in d and "(title || body)" in d for d in definitions), definitions


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index of PostgreSQL's search")
def test_a_search_for_a_word_nobody_used_reads_the_index_not_the_table(site_tree):
    """With the planner told the table is big, the match goes through the GIN index."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('simple', 'zebrakorsning')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "ortsdialog_indexentry_title_body_gin" in plan, plan
