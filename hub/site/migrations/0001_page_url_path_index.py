"""An index on wagtailcore_page.url_path: hub.pages.serving finds a page and its
ancestors by their url_path (Wagtail walks the tree by path and slug, which it
indexes), and the language home's children by url_path prefix. PostgreSQL's
text_pattern_ops serves both equality and LIKE 'prefix%'."""

from django.db import migrations

INDEX = "hub_wagtailcore_page_url_path"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailcore_page (url_path text_pattern_ops)"
        )
    else:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)"
        )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
