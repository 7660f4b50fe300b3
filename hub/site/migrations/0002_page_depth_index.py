"""An index on wagtailcore_page.depth: hub.pages.serving reads the menu (the
language homes' children, depth 3) with each page, and with no index on depth
PostgreSQL took every page below /home/ through the url_path index and dropped those
of another depth (61 ms of a library page at 100,000 pages, 0.4 ms with it)."""

from django.db import migrations

INDEX = "hub_wagtailcore_page_depth"


def create_index(apps, schema_editor):
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth)"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("site", "0001_page_url_path_index")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
