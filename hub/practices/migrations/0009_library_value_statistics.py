# A filter value implies its filter and its library (a theme's key is a theme of one
# library), but PostgreSQL's planner takes the three columns as independent: at
# 10,000 case studies it expected 2,098 entries of a theme where there were 9,944, and
# joined the pages of a filtered library in the wrong order. Extended statistics on
# the three columns (their dependencies and most common combinations) give it the
# right counts: theme + region 30-32 -> 20-27 ms, with the evidence filter too 42-58
# -> 37-53 ms (EXPLAIN ANALYZE, three runs each). SQLite has no such statistics.

from django.db import migrations

NAME = "library_value_combinations"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE STATISTICS IF NOT EXISTS {NAME} (dependencies, mcv) "
        "ON library_id, facet, value FROM practices_libraryvalue"
    )
    schema_editor.execute("ANALYZE practices_libraryvalue")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0008_library_entries_in_language"),
    ]

    operations = [migrations.RunPython(create, drop)]
