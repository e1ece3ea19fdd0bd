"""PostgreSQL: a GIN index on the search index's whole vector, `title || body`.

Wagtail's database backend matches a query against `title || body` (one vector for both,
so a word of the title and one of the text together find a page), which its own GIN
indexes on `title` and on `body` apart cannot serve: every search read every index entry.
With this one it reads only the entries that match (docs/benchmarks.md, the forum
search). SQLite's full-text table has its own index; nothing to do there."""

from django.db import migrations

INDEX = "search_indexentry_vector_gin"


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
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
